"""One forward pass that keeps every stage's output, for display."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from cnnviz.data.transforms import MNIST_INPUT, InputSpec, to_spec_input, to_unit
from cnnviz.introspect.stages import SOFTMAX_INFO, Shown, describe_input, describe_stage
from cnnviz.models.staged import StagedNet, count_parameters, eval_mode


@dataclass(frozen=True)
class Stage:
    name: str
    kind: str
    title: Shown  # the core's words (``StageInfo``): the window shows them with ``ui.i18n.worded``
    caption: Shown
    output: np.ndarray  # one sample: (C, H, W) for maps, (F,) for vectors
    parameters: int

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.output.shape)


@dataclass(frozen=True)
class Capture:
    stages: list[Stage]
    probabilities: np.ndarray  # (num_classes,)
    spec: InputSpec = MNIST_INPUT  # how the input was prepared for the model (explanations redo it exactly)

    @property
    def prediction(self) -> int:
        return int(self.probabilities.argmax())

    def stage(self, name: str) -> Stage:
        for s in self.stages:
            if s.name == name:
                return s
        raise KeyError(name)


def model_view(image: np.ndarray, spec: InputSpec) -> np.ndarray:
    """``image`` ((H, W) or (H, W, 3), uint8 or [0, 1]) as the model sees it before normalisation:
    (C, H, W) float32 in [0, 1] at ``spec``'s size and channels (what the input stage shows)."""
    plain = InputSpec(spec.channels, spec.size, (0.0,) * spec.channels, (1.0,) * spec.channels)
    return to_spec_input(to_unit(np.asarray(image)), plain)[0].numpy()


@torch.inference_mode()
def capture(model: StagedNet, image: np.ndarray, spec: InputSpec = MNIST_INPUT) -> Capture:
    """Run ``image`` ((H, W) grey or (H, W, 3) colour, uint8 or [0, 1]) through ``model`` keeping each
    stage's output; ``spec`` says how the model takes its input (resized, channels, normalisation).

    The stages run in order, which is exactly the model's forward pass: one pass, no gradient.
    The list starts with the input and ends with the softmax probabilities.
    """
    device = next(model.parameters()).device
    shown = model_view(image, spec)  # (C, H, W) in [0, 1]
    x = to_spec_input(to_unit(np.asarray(image)), spec).to(device)
    info = describe_input(spec)
    stages = [Stage("input", info.kind, info.title, info.caption, shown, 0)]
    children = list(model.named_children())
    with eval_mode(model):
        for i, (name, module) in enumerate(children):
            in_shape = tuple(x.shape[1:])
            x = module(x)
            info = describe_stage(name, module, in_shape, tuple(x.shape[1:]), i == len(children) - 1)
            stages.append(Stage(name, info.kind, info.title, info.caption,
                                x[0].detach().cpu().numpy().copy(), count_parameters(module)))
    probs = torch.softmax(x[0], dim=0).cpu().numpy()
    stages.append(Stage("softmax", SOFTMAX_INFO.kind, SOFTMAX_INFO.title, SOFTMAX_INFO.caption, probs, 0))
    return Capture(stages, probs, spec)


def strongest_cell(capture: Capture, stage: str, channel: int) -> tuple[int, int]:
    """(row, col) of the largest value of map ``channel`` of ``stage`` (the first one on ties)."""
    output = capture.stage(stage).output
    if output.ndim != 3:
        raise ValueError(f"stage {stage!r} has no feature maps (its output is {output.shape})")
    if not 0 <= channel < output.shape[0]:
        raise IndexError(f"{stage} has {output.shape[0]} maps, not a map {channel}")
    fmap = output[channel]
    row, col = np.unravel_index(int(np.argmax(fmap)), fmap.shape)
    return int(row), int(col)
