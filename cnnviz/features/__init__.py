"""What a unit wants to see: feature visualisation (gradient ascent on the input) and the test images that
excite each channel most. Qt-free; the Filters tab and ``cnnviz features`` both use it."""

from cnnviz.features.targets import Target, class_target, model_key, target_stages
from cnnviz.features.top_examples import TopExamples, top_examples
from cnnviz.features.visualise import VisSettings, Visualisation, activations, visualise

__all__ = [
    "Target", "TopExamples", "VisSettings", "Visualisation", "activations", "class_target", "model_key",
    "target_stages", "top_examples", "visualise",
]
