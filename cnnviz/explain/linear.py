"""The arithmetic behind a fully connected unit (Σ wᵢ·xᵢ + b over every input) and behind the softmax
(each logit, its exponential, their sum, each probability), with the numbers of the current input."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from torch import nn

from cnnviz.explain.dot_product import ACTIVATIONS, WeightedSum
from cnnviz.introspect.capture import Capture
from cnnviz.models.staged import StagedNet

EXP_SHIFT_ABOVE = 50.0  # exp(50) ≈ 5e21 is still readable; beyond that the largest logit is subtracted first


def linear_parts(module: nn.Module) -> tuple[nn.Linear, str] | None:
    """(the linear layer, "ReLU" | "tanh" | "") for a stage that is one linear layer and an optional
    activation; None for anything else."""
    mods = [module] if isinstance(module, nn.Linear) else list(module) if isinstance(module, nn.Sequential) else []
    if not mods or not isinstance(mods[0], nn.Linear) or len(mods) > 2:
        return None
    if len(mods) == 2 and type(mods[1]) not in ACTIVATIONS:
        return None
    return mods[0], ACTIVATIONS[type(mods[1])] if len(mods) == 2 else ""


def linear_stages(model: StagedNet) -> list[str]:
    """Names of the stages whose every unit is one weighted sum we can break down."""
    return [name for name, module in model.named_children() if linear_parts(module) is not None]


@dataclass(frozen=True)
class LinearSum(WeightedSum):
    """Unit ``unit`` of linear stage ``stage``: activation(Σ inputs · weights + bias) = ``result``."""

    stage: str
    unit: int
    source: str  # the stage whose output the inputs are laid out as (the last one with a shape of its own)
    source_shape: tuple[int, ...]  # (C, H, W) maps or (F,): the inputs in that stage's layout
    inputs: np.ndarray  # (F,) what the unit reads (the flattened previous stage)
    weights: np.ndarray  # (F,) its row of the weight matrix
    bias: float
    activation: str  # "ReLU", "tanh" or ""

    @property
    def products(self) -> np.ndarray:
        """(F,) each input's term wᵢ·xᵢ: positive terms push the unit up, negative ones down."""
        return self.inputs * self.weights

    @property
    def contribution_map(self) -> np.ndarray:
        """The terms laid out like ``source``'s output ((C, H, W) for maps)."""
        return self.products.reshape(self.source_shape)

    @property
    def pushed_up(self) -> float:
        return float(self.products[self.products > 0].sum())

    @property
    def pushed_down(self) -> float:
        return float(self.products[self.products < 0].sum())

    def largest_terms(self, count: int = 10) -> list[int]:
        """Indices (into ``inputs``) of the ``count`` terms largest in size, largest first."""
        return [int(i) for i in np.argsort(-np.abs(self.products), kind="stable")[:count]]

    def position(self, index: int) -> tuple[int, ...]:
        """Where input ``index`` sits in ``source``'s layout: (channel, row, col) for maps, (i,) for vectors."""
        return tuple(int(v) for v in np.unravel_index(index, self.source_shape))


def _source(capture: Capture, stage: str) -> tuple[str, np.ndarray]:
    """The stage's input vector, and the stage whose output holds those numbers in their own layout:
    flatten and dropout (at classification time) pass numbers on unchanged, so look past them."""
    index = [s.name for s in capture.stages].index(stage) - 1
    vector = capture.stages[index].output.ravel()
    while index > 0 and capture.stages[index].kind in ("flatten", "dropout"):
        index -= 1
    return capture.stages[index].name, vector


def explain_linear(model: StagedNet, capture: Capture, stage: str, unit: int) -> LinearSum:
    """Break unit ``unit`` of linear stage ``stage`` down into its weighted sum over the captured inputs."""
    parts = linear_parts(dict(model.named_children())[stage])
    if parts is None:
        raise ValueError(f"stage {stage!r} is not one linear layer, so it has no weighted sum to show")
    linear, activation = parts
    if not 0 <= unit < linear.out_features:
        raise IndexError(f"{stage} has {linear.out_features} units, not a unit {unit + 1}")
    source, inputs = _source(capture, stage)  # the input stage shows the pixels, flatten passed them normalised
    shape = capture.stage(source).shape
    weights = linear.weight.detach().cpu().double().numpy()[unit]  # (F,)
    bias = float(linear.bias.detach()[unit]) if linear.bias is not None else 0.0
    return LinearSum(stage, unit, source, tuple(shape), inputs.astype(np.float64), weights, bias, activation)


@dataclass(frozen=True)
class SoftmaxSum:
    """probabilityₖ = exp(logitₖ − shift) / Σⱼ exp(logitⱼ − shift); ``shift`` is 0 unless the logits are huge."""

    logits: np.ndarray  # (K,) the last stage's outputs
    shift: float
    unit: int  # the class whose probability ``result`` is

    @property
    def exps(self) -> np.ndarray:
        return np.exp(self.logits - self.shift)

    @property
    def total(self) -> float:
        return float(self.exps.sum())

    @property
    def probabilities(self) -> np.ndarray:
        return self.exps / self.total

    @property
    def result(self) -> float:
        return float(self.probabilities[self.unit])


def explain_softmax(capture: Capture, unit: int | None = None) -> SoftmaxSum:
    """The softmax of ``capture``'s class scores, step by step (``unit``: a class; default the prediction)."""
    logits = capture.stages[-2].output.astype(np.float64).ravel()  # the stage before the softmax
    unit = int(logits.argmax()) if unit is None else unit
    if not 0 <= unit < logits.size:
        raise IndexError(f"there are {logits.size} classes, not a class {unit}")
    top = float(logits.max())
    return SoftmaxSum(logits, top if top > EXP_SHIFT_ABOVE else 0.0, unit)
