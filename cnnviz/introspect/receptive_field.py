"""Receptive fields: which pixels of an earlier stage (or the input) one output cell can see.

Standard recurrence over the spatial layers, each with kernel k, stride s and padding p:
size' = size + (k-1)·jump, start' = start + ((k-1)/2 - p)·jump, jump' = jump·s, where ``start``
is the centre of the first output cell and ``jump`` the distance between neighbouring cells,
both in the reference stage's pixels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import nn

from cnnviz.models.architectures import ResidualBlock
from cnnviz.models.staged import StagedNet


@dataclass(frozen=True)
class ReceptiveField:
    stage: str
    size: float  # side of the square region seen, in reference pixels (may exceed the image)
    jump: float  # distance between neighbouring cells, in reference pixels
    start: float  # centre of cell (0, 0), in reference pixel coordinates
    spatial: bool  # False once the stage has no spatial layout (global pooling, flatten, dense)


def _spatial_layers(module: nn.Module) -> list[tuple[int, int, int]] | None:
    """(kernel, stride, padding) of the layers along the main path; None when space is lost."""
    if isinstance(module, nn.AdaptiveAvgPool2d | nn.AdaptiveMaxPool2d | nn.Flatten | nn.Linear):
        return None
    if isinstance(module, nn.Conv2d | nn.MaxPool2d | nn.AvgPool2d):
        def first(v: int | tuple[int, ...]) -> int:
            return v if isinstance(v, int) else int(v[0])

        stride = module.stride if module.stride is not None else module.kernel_size
        return [(first(module.kernel_size), first(stride), first(module.padding))]  # type: ignore[arg-type]
    if isinstance(module, ResidualBlock):
        return (_spatial_layers(module.conv1) or []) + (_spatial_layers(module.conv2) or [])
    layers: list[tuple[int, int, int]] = []
    for child in module.children():
        sub = _spatial_layers(child)
        if sub is None:
            return None
        layers += sub
    return layers


def receptive_fields(model: StagedNet, reference: str = "input") -> list[ReceptiveField]:
    """The receptive field of every stage after ``reference`` (default: the input image)."""
    names = ["input", *model.stage_names()]
    if reference not in names:
        raise KeyError(reference)
    size, jump, start, spatial = 1.0, 1.0, 0.0, True
    fields = []
    for name, module in list(model.named_children())[names.index(reference):]:
        layers = _spatial_layers(module) if spatial else None
        if layers is None:
            spatial = False
        else:
            for k, s, p in layers:
                size += (k - 1) * jump
                start += ((k - 1) / 2 - p) * jump
                jump *= s
        fields.append(ReceptiveField(name, size, jump, start, spatial))
    return fields


def stage_shapes(model: StagedNet, input_size: int = 28) -> dict[str, tuple[int, ...]]:
    """Output shape (without batch) of every stage, from one forward pass of zeros."""
    device = next(model.parameters()).device
    x = torch.zeros(1, 1, input_size, input_size, device=device)
    shapes: dict[str, tuple[int, ...]] = {"input": (1, input_size, input_size)}
    was_training = model.training
    model.eval()
    with torch.inference_mode():
        for name, module in model.named_children():
            x = module(x)
            shapes[name] = tuple(x.shape[1:])
    model.train(was_training)
    return shapes


def input_region(
    model: StagedNet, stage: str, row: int, col: int, on_stage: str = "input", input_size: int = 28
) -> tuple[int, int, int, int]:
    """(top, left, bottom, right), inclusive and clipped, of the region of ``on_stage`` that cell
    (row, col) of ``stage`` sees. A non-spatial stage sees all of it."""
    shapes = stage_shapes(model, input_size)
    ref_shape = shapes[on_stage]
    height, width = ref_shape[-2], ref_shape[-1]
    field = next((f for f in receptive_fields(model, on_stage) if f.stage == stage), None)
    if field is None:
        raise ValueError(f"stage {stage!r} does not come after {on_stage!r}, so it sees no region of it")
    if not field.spatial:
        return 0, 0, height - 1, width - 1
    half = (field.size - 1) / 2
    cy, cx = field.start + row * field.jump, field.start + col * field.jump
    top, left = max(0, math.ceil(cy - half)), max(0, math.ceil(cx - half))
    bottom, right = min(height - 1, math.floor(cy + half)), min(width - 1, math.floor(cx + half))
    return top, left, bottom, right
