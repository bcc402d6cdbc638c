"""Colour mapping of value arrays to RGB images, with the scales shown beside them.

Views colour their mosaics here (one NumPy lookup per update) so that one image can hold tiles
with gaps drawn in the background colour, and two colour maps can share one picture.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pyqtgraph as pg

ACTIVATION_MAP = "viridis"  # sequential: activations (mostly ≥ 0 after ReLU)
DIVERGING_MAP = "CET-D1"  # blue–white–red, white at 0: weights and signed values
INPUT_MAP = "grey"


@cache
def colormap(name: str) -> pg.ColorMap:
    if name == "grey":
        return pg.ColorMap([0.0, 1.0], [(0, 0, 0), (255, 255, 255)])
    cmap = pg.colormap.get(name)
    assert cmap is not None
    return cmap


@cache
def lookup_table(name: str) -> np.ndarray:
    return np.asarray(colormap(name).getLookupTable(nPts=256, alpha=False), dtype=np.uint8)[:, :3]


def value_range(values: np.ndarray, signed: bool | None = None) -> tuple[float, float]:
    """Levels for a colour scale: symmetric around 0 for signed data, else 0…max (never empty)."""
    values = np.asarray(values)
    if values.size == 0:
        return 0.0, 1.0
    lo, hi = float(values.min()), float(values.max())
    if not (np.isfinite(lo) and np.isfinite(hi)):  # only then the (8× slower) masked copy: NaN gaps, infinities
        finite = values[np.isfinite(values)]
        if finite.size == 0:
            return 0.0, 1.0
        lo, hi = float(finite.min()), float(finite.max())
    if signed is None:
        signed = lo < 0
    if signed:
        m = max(abs(lo), abs(hi)) or 1.0
        return -m, m
    return min(lo, 0.0), (hi if hi > min(lo, 0.0) else min(lo, 0.0) + 1.0)


def map_for(values: np.ndarray) -> tuple[str, tuple[float, float]]:
    """Colour map and levels for values: diverging around 0 when any is negative, else sequential from 0."""
    levels = value_range(values)
    return (DIVERGING_MAP if levels[0] < 0 else ACTIVATION_MAP), levels


def colorize(values: np.ndarray, name: str, levels: tuple[float, float], background: str) -> np.ndarray:
    """(H, W) values → (H, W, 3) uint8; NaN (gaps between tiles) takes the background colour."""
    v = np.asarray(values, dtype=np.float32)
    lo, hi = levels
    scaled = (v - lo) * (255.0 / ((hi - lo) or 1.0))
    index = np.clip(np.nan_to_num(scaled, nan=0.0), 0, 255).astype(np.uint8)
    rgb = lookup_table(name)[index]
    gaps = np.isnan(v)
    if gaps.any():
        rgb[gaps] = _rgb(background)
    return rgb


@cache
def _rgb(colour: str) -> tuple[int, int, int]:
    r, g, b, _a = pg.mkColor(colour).getRgb()
    return r, g, b


def scale_bar(name: str, levels: tuple[float, float], label: str = "", horizontal: bool = False) -> pg.ColorBarItem:
    """A read-only colour bar for ``name`` over ``levels``."""
    bar = pg.ColorBarItem(values=levels, colorMap=colormap(name), interactive=False, width=14,
                          label=label or None, colorMapMenu=False,
                          orientation="horizontal" if horizontal else "vertical")
    bar.axis.enableAutoSIPrefix(False)  # show the real numbers, not "(x0.001)"
    return bar
