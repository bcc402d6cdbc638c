"""The single normalisation used everywhere: pixels to [0, 1], then MNIST's mean and std."""

from __future__ import annotations

import numpy as np
import torch

MNIST_MEAN = 0.1307
MNIST_STD = 0.3081


def to_unit(images: np.ndarray) -> np.ndarray:
    """uint8 pixels (or floats already in [0, 1]) as float32 in [0, 1]; what the app displays."""
    if images.dtype == np.uint8:
        return images.astype(np.float32) / 255.0
    return np.clip(images.astype(np.float32, copy=False), 0.0, 1.0)


def to_model_input(images: np.ndarray | torch.Tensor) -> torch.Tensor:
    """Images (N, H, W) or one (H, W), uint8 or [0, 1] floats, as the normalised (N, 1, H, W) batch."""
    if isinstance(images, torch.Tensor):
        tensor = images.float()
        if images.dtype == torch.uint8:
            tensor = tensor / 255.0
    else:
        tensor = torch.from_numpy(to_unit(np.asarray(images)))
    if tensor.ndim == 2:
        tensor = tensor.unsqueeze(0)
    if tensor.ndim == 3:
        tensor = tensor.unsqueeze(1)
    return (tensor - MNIST_MEAN) / MNIST_STD
