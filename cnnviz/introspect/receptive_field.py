"""Receptive fields: which pixels of an earlier stage (or the input) one output cell can see.

Standard recurrence over the spatial layers, per axis, each with a span d·(k−1)+1 (kernel k, dilation d),
stride s and padding p before the first row/column: size' = size + (span−1)·jump,
start' = start + ((span−1)/2 − p)·jump, jump' = jump·s, where ``start`` is the centre of the first output
cell and ``jump`` the distance between neighbouring cells, both in the reference stage's pixels. With
dilation the field has holes; ``size`` is the extent of the box that holds it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from cnnviz.data.transforms import InputSpec
from cnnviz.imports.modules import GraphBlock
from cnnviz.introspect.geometry import Geometry, layer_geometry
from cnnviz.models.architectures import ResidualBlock
from cnnviz.models.staged import StagedNet, eval_mode


@dataclass(frozen=True)
class ReceptiveField:
    stage: str
    height: float  # rows of the region seen, in reference pixels (may exceed the image)
    width: float
    jump_y: float  # distance between neighbouring cells, in reference pixels
    jump_x: float
    start_y: float  # centre of cell (0, 0), in reference pixel coordinates
    start_x: float
    spatial: bool  # False once the stage has no spatial layout (global pooling, flatten, dense)

    @property
    def size(self) -> float:
        """Side of the region seen: the longer side when kernels are not square."""
        return max(self.height, self.width)

    @property
    def jump(self) -> float:
        return max(self.jump_y, self.jump_x)


def _spatial_modules(module: nn.Module) -> list[nn.Conv2d | nn.MaxPool2d | nn.AvgPool2d] | None:
    """The sliding layers along the main path, in order; None when space is lost."""
    if isinstance(module, nn.AdaptiveAvgPool2d | nn.AdaptiveMaxPool2d | nn.Flatten | nn.Linear):
        return None
    if isinstance(module, nn.Conv2d | nn.MaxPool2d | nn.AvgPool2d):
        return [module]
    if isinstance(module, ResidualBlock):  # the shortcut (identity or strided 1×1) sees a subset of the main path
        return [module.conv1, module.conv2]
    if isinstance(module, GraphBlock):  # an imported block: likewise, its longest path
        return _spatial_modules(nn.Sequential(*module.main_path()))
    branches = [_spatial_modules(child) for child in module.children()]
    if any(branch is None for branch in branches):
        return None
    if isinstance(module, nn.Sequential):  # a chain: one layer after another
        return [layer for branch in branches for layer in branch or []]
    # Any other module is a small graph (an opened model's residual or Inception-style block): its children are
    # parallel branches, and the one that sees the most (the main path; a shortcut sees a subset) stands for it.
    return max(branches, key=lambda branch: (_span(branch or []), len(branch or [])), default=[])


def _span(layers: list[nn.Conv2d | nn.MaxPool2d | nn.AvgPool2d]) -> float:
    """Receptive-field width of a chain of layers, in its input's pixels."""
    size, jump = 1.0, 1.0
    for geo in (_geometry(layer) for layer in layers):
        size += (geo.span[1] - 1) * jump
        jump *= geo.stride[1]
    return size


def _geometry(module: nn.Module) -> Geometry:
    geometry = layer_geometry(module)
    assert geometry is not None
    return geometry


def _spatial_layers(module: nn.Module) -> list[Geometry] | None:
    """Geometry of the layers along the main path; None when space is lost."""
    modules = _spatial_modules(module)
    return None if modules is None else [_geometry(m) for m in modules]


def receptive_fields(model: StagedNet, reference: str = "input") -> list[ReceptiveField]:
    """The receptive field of every stage after ``reference`` (default: the input image)."""
    names = ["input", *model.stage_names()]
    if reference not in names:
        raise KeyError(reference)
    size, jump, start, spatial = [1.0, 1.0], [1.0, 1.0], [0.0, 0.0], True
    fields = []
    for name, module in list(model.named_children())[names.index(reference):]:
        layers = _spatial_layers(module) if spatial else None
        if layers is None:
            spatial = False
        else:
            for geo in layers:
                for axis, pad in ((0, geo.padding[0]), (1, geo.padding[2])):
                    span = geo.span[axis]
                    size[axis] += (span - 1) * jump[axis]
                    start[axis] += ((span - 1) / 2 - pad) * jump[axis]
                    jump[axis] *= geo.stride[axis]
        fields.append(ReceptiveField(name, size[0], size[1], jump[0], jump[1], start[0], start[1], spatial))
    return fields


def stage_shapes(model: StagedNet, input_size: int = 28, spec: InputSpec | None = None) -> dict[str, tuple[int, ...]]:
    """Output shape (without batch) of every stage, from one forward pass of zeros (1 × ``input_size`` ×
    ``input_size``, or the input ``spec`` describes: an opened model's channels and size)."""
    device = next(model.parameters()).device
    channels, (height, width) = (spec.channels, spec.size) if spec is not None else (1, (input_size, input_size))
    x = torch.zeros(1, channels, height, width, device=device)
    shapes: dict[str, tuple[int, ...]] = {"input": (channels, height, width)}
    with eval_mode(model), torch.inference_mode():
        for name, module in model.named_children():
            x = module(x)
            shapes[name] = tuple(x.shape[1:])
    return shapes


def receptive_mask(
    model: StagedNet, stage: str, row: int, col: int, on_stage: str = "input", input_size: int = 28,
    spec: InputSpec | None = None,
) -> np.ndarray:
    """(H, W) bool map of ``on_stage``: the cells that can change cell (row, col) of ``stage``.

    Traced back layer by layer through every tap of every window, so dilation's holes, strides larger
    than the kernel and the borders are exact. A non-spatial stage sees all of ``on_stage``.
    """
    names = ["input", *model.stage_names()]
    if stage not in names or on_stage not in names or names.index(stage) <= names.index(on_stage):
        raise ValueError(f"stage {stage!r} does not come after {on_stage!r}, so it sees no region of it")
    shapes = stage_shapes(model, input_size, spec)
    height, width = shapes[on_stage][-2], shapes[on_stage][-1]
    out_shape = shapes[stage]
    if len(out_shape) != 3 or not (0 <= row < out_shape[1] and 0 <= col < out_shape[2]):
        if len(out_shape) == 3:
            raise IndexError(f"cell ({row}, {col}) is outside {stage}'s {out_shape[1]}×{out_shape[2]} maps")
        return np.ones((height, width), dtype=bool)
    layers: list[tuple[Geometry, bool]] = []
    for _name, module in list(model.named_children())[names.index(on_stage) : names.index(stage)]:
        modules = _spatial_modules(module)
        if modules is None:
            return np.ones((height, width), dtype=bool)
        layers += [(_geometry(m), bool(getattr(m, "ceil_mode", False))) for m in modules]
    sizes = [(height, width)]  # input size of each layer, then the output of the last
    for geometry, ceil_mode in layers:
        sizes.append(geometry.output_size(*sizes[-1], ceil_mode))
    if sizes[-1] != tuple(out_shape[1:]):
        raise ValueError(f"{stage}'s maps are {out_shape[1]}×{out_shape[2]}, not the {sizes[-1][0]}×"
                         f"{sizes[-1][1]} its layers predict: a layer changes sizes in a way not traced here")
    mask = np.zeros(sizes[-1], dtype=bool)
    mask[row, col] = True
    for (geometry, _ceil), (h, w) in zip(reversed(layers), reversed(sizes[:-1]), strict=True):
        out_rows, out_cols = np.nonzero(mask)
        seen = np.zeros((h, w), dtype=bool)
        top, left = geometry.origin(0, 0)
        for i in range(geometry.kernel[0]):
            for j in range(geometry.kernel[1]):
                r = out_rows * geometry.stride[0] + top + i * geometry.dilation[0]
                c = out_cols * geometry.stride[1] + left + j * geometry.dilation[1]
                ok = (r >= 0) & (r < h) & (c >= 0) & (c < w)
                seen[r[ok], c[ok]] = True
        mask = seen
    return mask


def input_region(
    model: StagedNet, stage: str, row: int, col: int, on_stage: str = "input", input_size: int = 28,
    spec: InputSpec | None = None,
) -> tuple[int, int, int, int]:
    """(top, left, bottom, right), inclusive, of the smallest box of ``on_stage`` holding every cell that
    cell (row, col) of ``stage`` sees (``receptive_mask``). A non-spatial stage sees all of it."""
    mask = receptive_mask(model, stage, row, col, on_stage, input_size, spec)
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if rows.size == 0:  # every tap falls on padding
        raise ValueError(f"cell ({row}, {col}) of {stage} sees only padding of {on_stage}")
    return int(rows[0]), int(cols[0]), int(rows[-1]), int(cols[-1])
