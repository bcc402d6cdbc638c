"""Batch-wise augmentation on tensors: small random shifts and rotations, no per-sample Python."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from cnnviz.data.transforms import MNIST_MEAN, MNIST_STD


def random_affine(
    batch: torch.Tensor,
    generator: torch.Generator | None = None,
    max_shift: float = 2.0,
    max_degrees: float = 10.0,
) -> torch.Tensor:
    """Shift each image by up to ``max_shift`` pixels and rotate it by up to ``max_degrees``."""
    n, _, h, w = batch.shape
    dev = batch.device
    angle = (torch.rand(n, generator=generator) * 2 - 1) * math.radians(max_degrees)
    shift = (torch.rand(n, 2, generator=generator) * 2 - 1) * max_shift
    cos, sin = torch.cos(angle), torch.sin(angle)
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0], theta[:, 0, 1], theta[:, 0, 2] = cos, -sin, shift[:, 0] * 2 / w
    theta[:, 1, 0], theta[:, 1, 1], theta[:, 1, 2] = sin, cos, shift[:, 1] * 2 / h
    grid = F.affine_grid(theta.to(dev), list(batch.shape), align_corners=False)
    background = -MNIST_MEAN / MNIST_STD  # a black pixel after normalisation
    out = F.grid_sample(batch - background, grid, align_corners=False, padding_mode="zeros")
    return out + background
