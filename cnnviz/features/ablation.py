"""Ablation: switch channels of a conv stage (or units of a linear stage) off and see what changes.

"Off" means the stage's output for that channel is 0 everywhere, the value a ReLU or tanh gives when the
filter's weights and bias are all 0. The mask is applied between stages: ``ablated_model`` builds a new
``StagedNet`` around the *same* modules with a ``ChannelMask`` after each ablated stage, so weights are
never touched and another thread using the original model at the same time sees nothing of it.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from cnnviz.data.transforms import MNIST_INPUT, InputSpec, to_spec_input, to_unit
from cnnviz.introspect.capture import Capture, capture
from cnnviz.introspect.stages import describe_stage
from cnnviz.jobs import check
from cnnviz.models.staged import StagedNet, eval_mode

Ablation = frozenset[tuple[str, int]]  # (stage name, channel or unit) pairs that are switched off
NOTHING_OFF: Ablation = frozenset()


class ChannelMask(nn.Module):
    """Multiplies channel (dim 1) ``c`` of its input by ``keep[c]``: 0 switches it off, 1 lets it through."""

    def __init__(self, keep: torch.Tensor) -> None:
        super().__init__()
        self.keep = keep

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        keep = self.keep.to(x.device, x.dtype)
        return x * keep.view(1, -1, *([1] * (x.ndim - 2)))  # (N, C[, H, W]) × (1, C[, 1, 1])


def ablatable_stages(model: StagedNet) -> list[str]:
    """Stages whose channels (conv) or units (linear) can be switched off: every stage that holds a
    convolution or a linear layer, except the last (its outputs are the class scores themselves)."""
    children = list(model.named_children())[:-1]
    return [name for name, module in children
            if any(isinstance(m, nn.Conv2d | nn.Linear) for m in module.modules())]


def off_in(ablation: Ablation, stage: str) -> list[int]:
    """The switched-off channels of ``stage``, in order."""
    return sorted(c for s, c in ablation if s == stage)


def describe_ablation(ablation: Ablation) -> str:
    """"Switched off: conv1 map 3; conv2 maps 1, 5." (maps counted from 1), or that every map is on."""
    stages = sorted({stage for stage, _ in ablation})
    if not stages:
        return "Every map is on."
    parts = []
    for stage in stages:
        off = off_in(ablation, stage)
        parts.append(f"{stage} map{'s' if len(off) > 1 else ''} {', '.join(str(c + 1) for c in off)}")
    return "Switched off: " + "; ".join(parts) + "."


def _stage_widths(model: StagedNet, spec: InputSpec) -> dict[str, int]:
    """Channels (or units) of every stage's output, from one forward pass of zeros."""
    x = torch.zeros(1, spec.channels, *spec.size, device=next(model.parameters()).device)
    widths = {}
    with eval_mode(model), torch.inference_mode():
        for name, module in model.named_children():
            x = module(x)
            widths[name] = int(x.shape[1])
    return widths


def check_ablation(model: StagedNet, ablation: Ablation, spec: InputSpec = MNIST_INPUT) -> None:
    """Raise ValueError, naming the stage and channel, for a pair ``model`` cannot switch off."""
    if not ablation:
        return
    stages, widths = ablatable_stages(model), _stage_widths(model, spec)
    for stage, channel in sorted(ablation):
        if stage not in stages:
            raise ValueError(f"{stage!r} is not a stage whose channels can be switched off "
                             f"(choose from {', '.join(stages) or 'none'})")
        if not 0 <= channel < widths[stage]:
            raise ValueError(f"{stage} has {widths[stage]} channels, so there is no channel {channel + 1} "
                             "to switch off")


def ablated_model(model: StagedNet, ablation: Ablation, spec: InputSpec = MNIST_INPUT) -> StagedNet:
    """``model``'s own modules with each ablated stage followed by its mask (``model`` itself is unchanged)."""
    check_ablation(model, ablation, spec)
    if not ablation:
        return model
    widths = _stage_widths(model, spec)
    stages: OrderedDict[str, nn.Module] = OrderedDict()
    for name, module in model.named_children():
        off = off_in(ablation, name)
        if off:
            keep = torch.ones(widths[name])
            keep[off] = 0.0
            inner = list(module) if isinstance(module, nn.Sequential) else [module]
            module = nn.Sequential(*inner, ChannelMask(keep))
        stages[name] = module
    return StagedNet(model.arch, model.arch_kwargs, stages)


CaptureFn = Callable[[StagedNet, np.ndarray, InputSpec], Capture]


def ablated_capture(model: StagedNet, image: np.ndarray, ablation: Ablation, spec: InputSpec = MNIST_INPUT,
                    capture_fn: CaptureFn = capture) -> Capture:
    """``capture_fn`` (default ``capture``) with the channels in ``ablation`` switched off: every later
    stage and the prediction change accordingly; titles and captions are those of the unchanged model."""
    found = capture_fn(ablated_model(model, ablation, spec), image, spec)
    if not ablation:
        return found
    children = list(model.named_children())
    stages = list(found.stages)
    for i, (name, module) in enumerate(children, start=1):  # stage 0 is the input
        info = describe_stage(name, module, stages[i - 1].shape, stages[i].shape, i == len(children))
        stages[i] = dataclasses.replace(stages[i], kind=info.kind, title=info.title, caption=info.caption)
    return Capture(stages, found.probabilities)


@dataclass(frozen=True)
class ChannelRanking:
    """How much the predicted class's probability drops when each channel of ``stage`` is switched off alone."""

    stage: str
    predicted: int  # the class predicted with nothing more switched off
    probability: float  # its probability then
    probabilities: np.ndarray  # (C,) its probability with channel c switched off as well
    predictions: np.ndarray  # (C,) the class predicted then

    @property
    def drops(self) -> np.ndarray:
        """(C,) probability lost per channel: positive where the channel supported the prediction."""
        return self.probability - self.probabilities

    def order(self) -> list[int]:
        """Channels from the one that matters most (largest drop) to the least."""
        return [int(c) for c in np.argsort(-self.drops, kind="stable")]


RANK_CHUNK = 64  # single-channel ablations per batch: an opened model's 2,000-map stage on a 224×224 input
# ran as one 2,001-row batch that nothing could stop (36 s before a closing test could end, 2026-12-02)


@torch.inference_mode()
def rank_channels(model: StagedNet, image: np.ndarray, stage: str, ablation: Ablation = NOTHING_OFF,
                  spec: InputSpec = MNIST_INPUT, should_stop: Callable[[], bool] | None = None) -> ChannelRanking:
    """Switch each channel of ``stage`` off in turn (on top of ``ablation``) and measure the predicted
    class's probability, by real forward passes.

    The stages up to ``stage`` run once; the rest run on batches of single-channel ablations, row 0 of the
    first being the unablated one (explorer CNN, conv2: 17 rows, a few ms); ``should_stop`` is checked
    between batches (raising ``JobCancelled``).
    """
    if stage not in ablatable_stages(model):
        raise ValueError(f"{stage!r} is not a stage whose channels can be switched off "
                         f"(choose from {', '.join(ablatable_stages(model))})")
    net = ablated_model(model, ablation, spec)
    device = next(model.parameters()).device
    x = to_spec_input(to_unit(np.asarray(image)), spec).to(device)  # (1, C_in, H, W)
    names = net.stage_names()
    cut = names.index(stage) + 1
    with eval_mode(net):
        for module in list(net.children())[:cut]:
            x = module(x)
        channels = x.shape[1]
        # (1 + C, C): row 0 as is, row 1 + c with channel c zeroed
        keep = torch.cat([torch.ones(1, channels), 1.0 - torch.eye(channels)]).to(device, x.dtype)
        outputs = []
        for start in range(0, 1 + channels, RANK_CHUNK):
            check(should_stop or (lambda: False))
            rows = keep[start : start + RANK_CHUNK]
            batch = x * rows.view(len(rows), channels, *([1] * (x.ndim - 2)))  # (rows, C[, H, W])
            for module in list(net.children())[cut:]:
                batch = module(batch)
            outputs.append(batch.float())
    probs = torch.softmax(torch.cat(outputs), dim=1).cpu().numpy()  # (1 + C, classes)
    predicted = int(probs[0].argmax())
    return ChannelRanking(stage, predicted, float(probs[0, predicted]), probs[1:, predicted].copy(),
                          probs[1:].argmax(axis=1))
