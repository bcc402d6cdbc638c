"""Per-channel statistics of a data set's training images: the mean and std its models normalise with."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from cnnviz.data.transforms import InputSpec
from cnnviz.jobs import check

_CHUNK = 8192  # images per step: bounded memory for memory-mapped sets, and a cancel check per step


def channel_stats(images: np.ndarray, should_stop: Callable[[], bool] | None = None
                  ) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Mean and std of each channel of uint8 images (N, H, W) or (N, H, W, 3), with pixels scaled to [0, 1].

    Summed in float64 a chunk at a time (float32 sums over 47 million MNIST pixels drift in the 4th digit).
    A constant channel gets std 1 so that normalising never divides by zero.
    """
    channels = images.shape[3] if images.ndim == 4 else 1
    total = np.zeros(channels)
    squares = np.zeros(channels)
    count = 0
    for start in range(0, len(images), _CHUNK):
        check(should_stop or (lambda: False))
        chunk = np.asarray(images[start : start + _CHUNK], dtype=np.float64).reshape(-1, channels) / 255.0
        total += chunk.sum(axis=0)
        squares += (chunk * chunk).sum(axis=0)
        count += len(chunk)
    mean = total / max(count, 1)
    std = np.sqrt(np.maximum(squares / max(count, 1) - mean * mean, 0.0))
    return tuple(round(float(m), 4) for m in mean), tuple(round(float(s), 4) if s > 1e-6 else 1.0 for s in std)


def spec_for(images: np.ndarray, should_stop: Callable[[], bool] | None = None) -> InputSpec:
    """The input a model trained on these (training) images takes: their channels, size, mean and std."""
    mean, std = channel_stats(images, should_stop)
    return InputSpec(channels=len(mean), size=(int(images.shape[1]), int(images.shape[2])), mean=mean, std=std)
