"""Lay many small maps out as one image, and map a pixel of that image back to (tile, row, col).

Showing a stage's channels as one mosaic lets a view update with a single image instead of one
widget per channel, which keeps live drawing fast; ``locate`` turns a click or hover back into
the channel and position the user pointed at.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class TileGrid:
    count: int
    rows: int
    cols: int
    tile_h: int
    tile_w: int
    gap: int

    @property
    def height(self) -> int:
        return self.rows * self.tile_h + (self.rows - 1) * self.gap

    @property
    def width(self) -> int:
        return self.cols * self.tile_w + (self.cols - 1) * self.gap

    def origin(self, index: int) -> tuple[int, int]:
        """Top-left pixel of tile ``index`` (tiles fill the grid row by row)."""
        r, c = divmod(index, self.cols)
        return r * (self.tile_h + self.gap), c * (self.tile_w + self.gap)

    def locate(self, y: float, x: float) -> tuple[int, int, int] | None:
        """(tile index, row, col inside the tile) under pixel (y, x); ``None`` on a gap or outside."""
        if y < 0 or x < 0:
            return None
        r, dy = divmod(int(y), self.tile_h + self.gap)
        c, dx = divmod(int(x), self.tile_w + self.gap)
        index = r * self.cols + c
        if r >= self.rows or c >= self.cols or dy >= self.tile_h or dx >= self.tile_w or index >= self.count:
            return None
        return index, dy, dx


def grid_for(count: int, tile_h: int, tile_w: int, gap: int = 1, cols: int | None = None) -> TileGrid:
    """A near-square grid for ``count`` tiles (or exactly ``cols`` columns when given)."""
    if count < 1:
        raise ValueError("a grid needs at least one tile")
    if cols is None:
        cols = math.ceil(math.sqrt(count * tile_h / max(tile_w, 1)))
    cols = max(1, min(cols, count))
    rows = math.ceil(count / cols)
    return TileGrid(count, rows, cols, tile_h, tile_w, gap)


def tile_maps(maps: np.ndarray, grid: TileGrid, fill: float | np.ndarray = np.nan) -> np.ndarray:
    """Place each map of ``maps`` (C, H, W, *pixel) at its tile's top-left; the rest is ``fill``.

    Trailing pixel dimensions (e.g. RGB) are kept, so coloured tiles can be laid out the same way;
    ``fill`` may then be one pixel (e.g. a background colour).
    """
    maps = np.asarray(maps)
    if maps.ndim < 3 or maps.shape[0] > grid.count:
        raise ValueError(f"expected at most {grid.count} maps as (C, H, W), got shape {maps.shape}")
    h, w = maps.shape[1:3]
    if h > grid.tile_h or w > grid.tile_w:
        raise ValueError(f"maps of {h}×{w} do not fit tiles of {grid.tile_h}×{grid.tile_w}")
    dtype = maps.dtype if maps.ndim > 3 else np.float32
    out = np.full((grid.height, grid.width, *maps.shape[3:]), fill, dtype=dtype)
    for i, m in enumerate(maps):
        y, x = grid.origin(i)
        out[y : y + h, x : x + w] = m
    return out


def vector_shape(length: int, aspect: float = 12.0) -> tuple[int, int]:
    """(rows, cols) that wrap a vector into a strip roughly ``aspect`` times wider than tall."""
    rows = max(1, round(math.sqrt(length / aspect)))
    return rows, math.ceil(length / rows)


def wrap_vector(vector: np.ndarray, fill: float = np.nan) -> np.ndarray:
    """A 1-D vector as a 2-D strip (row-major, padded with ``fill``) so long vectors stay visible."""
    v = np.asarray(vector, dtype=np.float32).ravel()
    rows, cols = vector_shape(v.size)
    out = np.full(rows * cols, fill, dtype=np.float32)
    out[: v.size] = v
    return out.reshape(rows, cols)
