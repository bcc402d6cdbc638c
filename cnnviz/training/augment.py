"""Batch-wise augmentation on tensors: small random shifts and rotations, no per-sample Python."""

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
    max_scale: float = 0.0,
    max_shear: float = 0.0,
) -> torch.Tensor:
    """Shift each image by up to ``max_shift`` pixels and rotate it by up to ``max_degrees``; with
    ``max_scale`` (a fraction) and ``max_shear`` (a slant, x per y), also resize and slant it the way
    handwriting varies. Scale and shear draw random numbers only when asked for, so the recipes without
    them train exactly as before."""
    n, _, h, w = batch.shape
    dev = batch.device
    angle = (torch.rand(n, generator=generator) * 2 - 1) * math.radians(max_degrees)
    shift = (torch.rand(n, 2, generator=generator) * 2 - 1) * max_shift
    cos, sin = torch.cos(angle), torch.sin(angle)
    linear = torch.stack([torch.stack([cos, -sin], 1), torch.stack([sin, cos], 1)], 1)  # (N, 2, 2)
    if max_scale > 0 or max_shear > 0:
        scale = 1 + (torch.rand(n, generator=generator) * 2 - 1) * max_scale
        shear = (torch.rand(n, generator=generator) * 2 - 1) * max_shear
        slant = torch.zeros(n, 2, 2)
        slant[:, 0, 0], slant[:, 0, 1], slant[:, 1, 1] = 1.0, shear, 1.0
        linear = linear @ slant / scale[:, None, None]  # the grid samples the input: divide to enlarge
    theta = torch.zeros(n, 2, 3)
    theta[:, :, :2] = linear
    theta[:, 0, 2], theta[:, 1, 2] = shift[:, 0] * 2 / w, shift[:, 1] * 2 / h
    grid = F.affine_grid(theta.to(dev), list(batch.shape), align_corners=False)
    out = F.grid_sample(batch - BACKGROUND, grid, align_corners=False, padding_mode="zeros")
    return out + BACKGROUND


def elastic(batch: torch.Tensor, generator: torch.Generator | None = None, alpha: float = 1.5,
            sigma: float = 4.0) -> torch.Tensor:
    """Simard et al.'s elastic distortion (2003): a random displacement field, smoothed by a Gaussian of
    ``sigma`` pixels and scaled so the largest displacement is ``alpha`` pixels: the wobble of
    a pen stroke, which affine maps cannot make."""
    n, _, h, w = batch.shape
    dev = batch.device
    field = torch.rand(n, 2, h, w, generator=generator) * 2 - 1  # (N, 2, H, W) uniform noise
    radius = int(2 * sigma)
    taps = torch.arange(-radius, radius + 1, dtype=torch.float32)
    kernel = torch.exp(-(taps**2) / (2 * sigma**2))
    kernel = kernel / kernel.sum()
    field = F.conv2d(field.reshape(2 * n, 1, h, w), kernel.view(1, 1, 1, -1), padding=(0, radius))
    field = F.conv2d(field, kernel.view(1, 1, -1, 1), padding=(radius, 0)).reshape(n, 2, h, w)
    field = field / field.abs().amax(dim=(2, 3), keepdim=True).clamp_min(1e-6) * alpha  # pixels
    ys, xs = torch.meshgrid(torch.linspace(-1 + 1 / h, 1 - 1 / h, h), torch.linspace(-1 + 1 / w, 1 - 1 / w, w),
                            indexing="ij")
    grid = torch.stack([xs + field[:, 0] * 2 / w, ys + field[:, 1] * 2 / h], dim=-1)  # (N, H, W, 2)
    out = F.grid_sample(batch - BACKGROUND, grid.to(dev), align_corners=False, padding_mode="zeros")
    return out + BACKGROUND
