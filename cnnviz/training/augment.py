"""Batch-wise augmentation on tensors, no per-sample Python: the ways people's drawings differ.

A drawing reaches the network through ``cnnviz.preprocess.mnist_style`` (fitted to a 20×20 box,
centred by mass), so what still varies between people is slant and rotation, the aspect ratio,
a pixel or two of placement, and above all the stroke's thickness: a small digit drawn with the
default brush comes out bold, a large one drawn with a thin brush comes out hairline.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from cnnviz.data.transforms import MNIST_MEAN, MNIST_STD

BACKGROUND = -MNIST_MEAN / MNIST_STD  # a black pixel after normalisation


def random_affine(
    batch: torch.Tensor,
    generator: torch.Generator | None = None,
    max_shift: float = 2.0,
    max_degrees: float = 10.0,
    max_shear_degrees: float = 0.0,
    max_scale: float = 0.0,
) -> torch.Tensor:
    """Shift each image by up to ``max_shift`` pixels, rotate it by up to ``max_degrees``, slant it
    by up to ``max_shear_degrees`` (x moves with y) and stretch each axis by up to ±``max_scale``."""
    n, _, h, w = batch.shape
    dev = batch.device
    angle = (torch.rand(n, generator=generator) * 2 - 1) * math.radians(max_degrees)
    shift = (torch.rand(n, 2, generator=generator) * 2 - 1) * max_shift
    shear = torch.tan((torch.rand(n, generator=generator) * 2 - 1) * math.radians(max_shear_degrees))
    scale = 1 + (torch.rand(n, 2, generator=generator) * 2 - 1) * max_scale
    cos, sin = torch.cos(angle), torch.sin(angle)
    # theta maps output coordinates to input ones: rotation @ shear @ 1/scale
    sx, sy = 1 / scale[:, 0], 1 / scale[:, 1]
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0], theta[:, 0, 1], theta[:, 0, 2] = cos * sx, (cos * shear - sin) * sy, shift[:, 0] * 2 / w
    theta[:, 1, 0], theta[:, 1, 1], theta[:, 1, 2] = sin * sx, (sin * shear + cos) * sy, shift[:, 1] * 2 / h
    grid = F.affine_grid(theta.to(dev), list(batch.shape), align_corners=False)  # (N, H, W, 2)
    out = F.grid_sample(batch - BACKGROUND, grid, align_corners=False, padding_mode="zeros")
    return out + BACKGROUND


def random_thickness(
    batch: torch.Tensor, generator: torch.Generator | None = None, max_change: float = 1.0
) -> torch.Tensor:
    """Make each stroke thicker or thinner by up to ``max_change`` of a 3×3 dilation or erosion.

    Normalisation is increasing, so a max-pool over normalised pixels is a dilation of the ink and
    a min-pool an erosion; a fractional amount blends towards them (a partial pixel of width).
    """
    n = batch.shape[0]
    amount = ((torch.rand(n, generator=generator) * 2 - 1) * max_change).to(batch.device).view(n, 1, 1, 1)
    thick = F.max_pool2d(batch, 3, stride=1, padding=1)  # (N, 1, H, W)
    thin = -F.max_pool2d(-batch, 3, stride=1, padding=1)
    return torch.where(amount > 0, batch + amount * (thick - batch), batch - amount * (thin - batch))
