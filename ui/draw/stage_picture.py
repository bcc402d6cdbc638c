"""A stage's output laid out as one picture (maps as tiles, vectors as rows), and how to read a pixel back.

Two colour scales (``MapScale``): "stage" shares one scale across every map of a stage, so maps compare
with each other (a weak map looks dark); "map" stretches each map over its own min…max, so the pattern
inside a weak map shows (the pooling zoom's view). The picture says which one it uses (``scale_note``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cnnviz.format import cell_text
from cnnviz.introspect import Stage
from cnnviz.introspect.mosaic import TileGrid, grid_for, tile_maps, wrap_vector
from ui.colormaps import ACTIVATION_MAP, DIVERGING_MAP, INPUT_MAP, map_for, value_range

SMALL_VECTOR = 16  # vectors up to this long are laid out in rows of VECTOR_ROW, their values written on
VECTOR_ROW = 2  # 10 class scores as 5 rows of 2: a cell stays wide enough for "-15.57" in a 1024-px window
VECTOR_NOTE = "Colours: one scale for every value of this stage."
SCALE_NOTES = {
    "stage": "Colours: one scale shared by all maps of this stage (maps compare with each other).",
    "map": "Colours: each map on its own scale, from its lowest to its highest value.",
}


@dataclass(frozen=True)
class StagePicture:
    """What is drawn (``values``, NaN between tiles), the real numbers behind it, and the layout."""

    values: np.ndarray  # 2-D, as coloured (per-map scaled values in "map" mode)
    raw: np.ndarray  # 2-D, the stage's real values at the same pixels
    grid: TileGrid | None  # tile layout for feature maps; None for vectors
    length: int  # number of values in a vector stage
    cmap: str
    levels: tuple[float, float]
    scale_note: str
    first_channel: int = 0  # the channel of tile 0 (one enlarged map shows only that channel)

    def describe(self, row: int, col: int) -> tuple[int | None, str] | None:
        """(channel or None, readable value) at a pixel, counted from 1 for people; None between tiles."""
        if self.grid is None:
            index = row * self.raw.shape[1] + col
            if index >= self.length:
                return None
            if self.length <= SMALL_VECTOR:  # the class outputs: their cells are named by class
                return None, f"class {index} = {self.raw[row, col]:.3f}"
            return None, f"value {index + 1} of {self.length} = {self.raw[row, col]:.3f}"
        found = self.grid.locate(row, col)
        if found is None:
            return None
        tile, y, x = found
        channel = self.first_channel + tile
        return channel, f"map {channel + 1}, {cell_text(y, x)} = {self.raw[row, col]:.3f}"


def map_columns(count: int, tile_h: int, tile_w: int) -> int | None:
    """Columns that fill the grid with no empty tile and a wide shape (8 maps: 4×2); None: near-square."""
    best: tuple[float, int] | None = None
    for cols in range(1, count + 1):
        if count % cols:
            continue
        aspect = cols * tile_w / (count // cols * tile_h)
        if aspect <= 4:
            score = abs(np.log(aspect / 1.6))
            if best is None or score < best[0]:
                best = (score, cols)
    return best[1] if best is not None else None


def _per_map(maps: np.ndarray, signed: bool) -> np.ndarray:
    """Each (H, W) map stretched over its own range: [0, 1] from its min, or [-1, 1] around 0 when signed."""
    if signed:
        top = np.abs(maps).max(axis=(1, 2), keepdims=True)
        return maps / np.where(top > 0, top, 1.0)
    lo = maps.min(axis=(1, 2), keepdims=True)
    span = maps.max(axis=(1, 2), keepdims=True) - lo
    return (maps - lo) / np.where(span > 0, span, 1.0)


def _rows_of(vector: np.ndarray, cols: int) -> np.ndarray:
    """A short vector in rows of ``cols`` (NaN after its end)."""
    v = np.asarray(vector, dtype=np.float32).ravel()
    out = np.full(-(-v.size // cols) * cols, np.nan, dtype=np.float32)
    out[: v.size] = v
    return out.reshape(-1, cols)


def stage_picture(stage: Stage, channel: int | None = None, scale: str = "stage") -> StagePicture:
    """Lay out ``stage`` (or one of its channels) with a colour map and the chosen scale (``"stage"|"map"``)."""
    out = stage.output
    if stage.kind == "input":
        cmap, levels = INPUT_MAP, (0.0, 1.0)
    elif stage.kind == "softmax":
        cmap, levels = ACTIVATION_MAP, (0.0, 1.0)
    else:
        cmap, levels = map_for(out)
    if out.ndim != 3:
        flat = _rows_of(out, VECTOR_ROW) if out.size <= SMALL_VECTOR else wrap_vector(out)
        return StagePicture(flat, flat, None, int(out.size), cmap, levels, VECTOR_NOTE)
    maps = out if channel is None else out[channel : channel + 1]
    grid = grid_for(maps.shape[0], maps.shape[1], maps.shape[2], cols=map_columns(*maps.shape))
    raw = tile_maps(maps, grid)
    first = channel or 0
    if scale != "map" or stage.kind == "input":
        return StagePicture(raw, raw, grid, 0, cmap, levels, SCALE_NOTES["stage"], first)
    signed = cmap == DIVERGING_MAP
    if channel is not None:  # one map on its own scale: the bar can show its real values
        own = value_range(maps, signed=signed)
        return StagePicture(raw, raw, grid, 0, cmap, own, SCALE_NOTES["map"], first)
    shown = tile_maps(_per_map(maps, signed), grid)
    return StagePicture(shown, raw, grid, 0, cmap, (-1.0, 1.0) if signed else (0.0, 1.0),
                        SCALE_NOTES["map"] + " The bar shows the fraction of each map's own range.", first)


def shape_text(shape: tuple[int, ...]) -> str:
    return " × ".join(str(s) for s in shape)
