"""What a filter is looking for and what happens without it: one module per question (feature visualisation,
top examples, ablation). Qt-free; the tabs and the ``cnnviz features`` command use it."""

from cnnviz.features.targets import Target, class_target, model_key, target_stages
from cnnviz.features.top_examples import TopExamples, top_examples
from cnnviz.features.visualise import VisSettings, Visualisation, activations, visualise

__all__ = [
    "Target", "TopExamples", "VisSettings", "Visualisation", "activations", "class_target", "model_key",
    "target_stages", "top_examples", "visualise",
]
