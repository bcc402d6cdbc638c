"""Pooling bookkeeping: which input window fed an output cell, and which value won."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from torch import nn


@dataclass(frozen=True)
class PoolWindow:
    top: int  # position of the window in the input map
    left: int
    values: np.ndarray  # (k, k) input values
    winner: tuple[int, int] | None  # (row, col) inside the window for max pooling, None for average
    result: float


@dataclass(frozen=True)
class PoolZoom:
    top: int
    left: int
    patch: np.ndarray  # (size, size) slice of the feature map
    pooled: np.ndarray  # (size // k, size // k)
    windows: list[PoolWindow]  # row-major, one per pooled cell
    mode: str


def pool_params(module: nn.Module) -> tuple[int, int, str]:
    """(kernel, stride, mode) of a max- or average-pooling module."""
    if not isinstance(module, nn.MaxPool2d | nn.AvgPool2d):
        raise TypeError(f"{type(module).__name__} is not a pooling layer")
    k = module.kernel_size if isinstance(module.kernel_size, int) else module.kernel_size[0]
    stride = module.stride if isinstance(module.stride, int) else module.stride[0]
    return int(k), int(stride or k), "max" if isinstance(module, nn.MaxPool2d) else "avg"


def pool_window(
    feature_map: np.ndarray, row: int, col: int, kernel: int = 2, stride: int = 2, mode: str = "max"
) -> PoolWindow:
    """The window of ``feature_map`` (H, W) pooled into output cell (row, col), and its result."""
    top, left = row * stride, col * stride
    values = np.asarray(feature_map)[top : top + kernel, left : left + kernel]
    if values.shape != (kernel, kernel):
        raise IndexError(f"output cell ({row}, {col}) has no full {kernel}×{kernel} window")
    if mode == "max":
        r, c = np.unravel_index(int(values.argmax()), values.shape)
        return PoolWindow(top, left, values.copy(), (int(r), int(c)), float(values[r, c]))
    if mode == "avg":
        return PoolWindow(top, left, values.copy(), None, float(values.mean()))
    raise ValueError(f"unknown pooling mode {mode!r}")


def pool_zoom(
    feature_map: np.ndarray, top: int, left: int, size: int = 4, kernel: int = 2, mode: str = "max"
) -> PoolZoom:
    """A ``size``×``size`` patch at (top, left) — snapped to the pooling grid and kept inside the
    map — and its pooled result, one ``PoolWindow`` per output cell."""
    fmap = np.asarray(feature_map)
    h, w = fmap.shape
    top = max(0, min(top - top % kernel, h - size))
    left = max(0, min(left - left % kernel, w - size))
    out = size // kernel
    windows = [
        pool_window(fmap, top // kernel + r, left // kernel + c, kernel, kernel, mode)
        for r in range(out)
        for c in range(out)
    ]
    pooled = np.array([win.result for win in windows], dtype=np.float64).reshape(out, out)
    return PoolZoom(top, left, fmap[top : top + size, left : left + size].copy(), pooled, windows, mode)
