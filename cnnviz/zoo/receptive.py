"""Receptive fields of the zoo's models, and why stacks of small kernels replaced big ones."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from torch import nn

from cnnviz.introspect.receptive_field import receptive_fields, stage_shapes
from cnnviz.models.registry import build_model
from cnnviz.models.staged import StagedNet, conv_act, count_parameters


@dataclass(frozen=True)
class StageField:
    stage: str
    output_shape: tuple[int, ...]
    size: float  # side of the input square one cell sees (may exceed the 28×28 image)
    jump: float  # input pixels between neighbouring cells
    spatial: bool


def model_receptive_fields(name: str) -> list[StageField]:
    """Each stage of a zoo model with its output shape and the input region one of its cells sees."""
    model = build_model(name, in_channels=1)  # fields do not depend on the channels; stage_shapes feeds 1
    shapes = stage_shapes(model)
    return [StageField(f.stage, shapes[f.stage], f.size, f.jump, f.spatial) for f in receptive_fields(model)]


def conv_stack(layers: int, kernel: int, channels: int) -> StagedNet:
    """``layers`` same-padded k×k convolutions (+ReLU) of ``channels`` maps each: a VGG-style block."""
    stages: OrderedDict[str, nn.Module] = OrderedDict(
        (f"conv{i + 1}", conv_act(channels, channels, kernel, padding=kernel // 2)) for i in range(layers))
    return StagedNet(f"{layers}x{kernel}x{kernel}", {}, stages)


@dataclass(frozen=True)
class StackComparison:
    """A stack of small convolutions against the single large one that sees the same input square."""

    layers: int
    kernel: int
    channels: int
    stack_field: int
    stack_parameters: int
    single_kernel: int
    single_field: int
    single_parameters: int

    @property
    def saving(self) -> float:
        """Fraction of parameters the stack saves over the single convolution."""
        return 1 - self.stack_parameters / self.single_parameters


def stack_vs_single(layers: int = 2, kernel: int = 3, channels: int = 64) -> StackComparison:
    """Compute both receptive fields and both parameter counts (two 3×3 convs see 5×5, like one 5×5)."""
    stack = conv_stack(layers, kernel, channels)
    stack_field = int(receptive_fields(stack)[-1].size)
    single = conv_stack(1, stack_field, channels)
    return StackComparison(
        layers=layers, kernel=kernel, channels=channels,
        stack_field=stack_field, stack_parameters=count_parameters(stack),
        single_kernel=stack_field, single_field=int(receptive_fields(single)[-1].size),
        single_parameters=count_parameters(single),
    )
