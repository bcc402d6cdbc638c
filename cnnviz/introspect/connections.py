"""Connections: which cells of every earlier stage feed one cell (its receptive field, stage by stage).

A cell of a convolution reads a window of *every* map of the stage before it (of its group's maps for a
grouped convolution); pooling, activations and other per-map stages read only the same map. The cells
inside those maps come from ``receptive_mask``, traced tap by tap, so padding and strides are exact.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from torch import nn

from cnnviz.introspect.receptive_field import receptive_mask, stage_shapes
from cnnviz.models.architectures import ResidualBlock
from cnnviz.models.staged import StagedNet


@dataclass(frozen=True)
class Feeders:
    """The cells of ``stage`` that feed the chosen cell: ``mask`` in each of ``channels`` (all from 0)."""

    stage: str
    channels: tuple[int, ...]
    mask: np.ndarray  # (H, W) bool

    def cells(self) -> np.ndarray:
        """(K, 3) every feeding (channel, row, col)."""
        rows, cols = np.nonzero(self.mask)
        return np.array([(c, r, k) for c in self.channels for r, k in zip(rows, cols, strict=True)], dtype=int)


def _read_channels(module: nn.Module, channels: tuple[int, ...], width: int) -> tuple[int, ...]:
    """The input maps of ``module`` (``width`` of them) that its output maps ``channels`` read."""
    if isinstance(module, ResidualBlock):
        return tuple(range(width))
    convs = [m for m in module.modules() if isinstance(m, nn.Conv2d)]
    if not convs:
        return channels  # pooling, activations, batch norm: map by map
    if len(convs) == 1 and convs[0].groups > 1:
        conv = convs[0]
        per_out, per_in = conv.out_channels // conv.groups, conv.in_channels // conv.groups
        return tuple(sorted({g * per_in + i for g in {c // per_out for c in channels} for i in range(per_in)}))
    return tuple(range(width))


def feeding_cells(model: StagedNet, stage: str, channel: int, row: int, col: int,
                  input_size: int = 28) -> list[Feeders]:
    """For cell (channel, row, col) of map stage ``stage``: the feeding cells of every earlier stage, the
    nearest stage first and the input last. Empty for a stage without maps (it reads everything)."""
    shapes = stage_shapes(model, input_size)
    if len(shapes[stage]) != 3:
        return []
    if not 0 <= channel < shapes[stage][0]:
        raise IndexError(f"{stage} has {shapes[stage][0]} maps, not a map {channel + 1}")
    names = list(shapes)  # "input", then every stage in order
    modules = dict(model.named_children())
    found: list[Feeders] = []
    channels: tuple[int, ...] = (channel,)
    for index in range(names.index(stage), 0, -1):
        earlier = names[index - 1]
        channels = _read_channels(modules[names[index]], channels, shapes[earlier][0])
        mask = receptive_mask(model, stage, row, col, on_stage=earlier, input_size=input_size)
        found.append(Feeders(earlier, channels, mask))
    return found
