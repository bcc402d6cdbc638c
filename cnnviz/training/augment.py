"""Batch-wise augmentation on tensors: small random shifts and rotations, no per-sample Python."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from cnnviz.data.transforms import MNIST_INPUT, InputSpec, to_spec_input


def black_pixel(spec: InputSpec) -> torch.Tensor:
    """A black pixel of every channel after ``spec``'s normalisation, as (1, C, 1, 1)."""
    return to_spec_input(torch.zeros(1, 1, 1), InputSpec(spec.channels, (1, 1), spec.mean, spec.std,
                                                         spec.value_range, spec.channel_order))


def random_affine(
    batch: torch.Tensor,
    generator: torch.Generator | None = None,
    max_shift: float = 2.0,
    max_degrees: float = 10.0,
    background: torch.Tensor | None = None,
) -> torch.Tensor:
    """Shift each image by up to ``max_shift`` pixels and rotate it by up to ``max_degrees``.

    Uncovered pixels become ``background`` (default: black for MNIST's normalisation), per channel.
    """
    n, _, h, w = batch.shape
    dev = batch.device
    angle = (torch.rand(n, generator=generator) * 2 - 1) * math.radians(max_degrees)
    shift = (torch.rand(n, 2, generator=generator) * 2 - 1) * max_shift
    cos, sin = torch.cos(angle), torch.sin(angle)
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0], theta[:, 0, 1], theta[:, 0, 2] = cos, -sin, shift[:, 0] * 2 / w
    theta[:, 1, 0], theta[:, 1, 1], theta[:, 1, 2] = sin, cos, shift[:, 1] * 2 / h
    grid = F.affine_grid(theta.to(dev), list(batch.shape), align_corners=False)
    background = (black_pixel(MNIST_INPUT) if background is None else background).to(dev)
    out = F.grid_sample(batch - background, grid, align_corners=False, padding_mode="zeros")
    return out + background
