"""Models: every architecture is a ``StagedNet`` so each stage can be shown."""

from cnnviz.models.architectures import ResidualBlock
from cnnviz.models.registry import MODELS, ModelSpec, Recipe, build_model
from cnnviz.models.staged import StagedNet, count_parameters, eval_mode

__all__ = [
    "MODELS", "ModelSpec", "Recipe", "ResidualBlock", "StagedNet", "build_model", "count_parameters", "eval_mode",
]
