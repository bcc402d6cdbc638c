"""A stage's output laid out as one picture (maps as tiles, vectors as rows), and how to read a pixel back.

Two colour scales (``MapScale``): "stage" shares one scale across every map of a stage, so maps compare
with each other (a weak map looks dark); "map" stretches each map over its own min…max, so the pattern
inside a weak map shows (the pooling zoom's view). The picture says which one it uses (``scale_note``).

Opened models can be much larger than MNIST's: a stage shows one page of at most ``MAX_MAPS`` maps (a stage
of 2,000 channels is never laid out whole), and pictures are averaged down to what a screen shows: the strip's
thumbnails to ``THUMB_SIDE`` pixels across, the enlarged stage to ``FOCUS_SIDE`` (a 64 × 112 × 112 stage: the
0.8 M values coloured per repaint become 9 k in the strip and 208 k enlarged).
A 3-channel input is drawn in its own colours.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PyQt6.QtCore import QT_TRANSLATE_NOOP

from cnnviz.introspect import Stage
from cnnviz.introspect.mosaic import TileGrid, grid_for, tile_maps, wrap_vector
from ui.colormaps import ACTIVATION_MAP, DIVERGING_MAP, INPUT_MAP, colorize, map_for, value_range
from ui.i18n import translate

SMALL_VECTOR = 16  # vectors up to this long are laid out in rows of VECTOR_ROW, their values written on
VECTOR_ROW = 2  # 10 class scores as 5 rows of 2: a cell stays wide enough for "-15.57" in a 1024-px window
VECTOR_NOTE = QT_TRANSLATE_NOOP("StagePicture", "Colours: one scale for every value of this stage.")
COLOUR_NOTE = QT_TRANSLATE_NOOP("StagePicture", "The input in colour, as the model sees it (before its mean and std "
                                "are applied).")
MAX_MAPS = 64  # maps laid out at once: a page of a wide stage (memory and drawing stay bounded)
FOCUS_SIDE = 600  # the enlarged stage's mosaic is averaged down to at most this many pixels across
THUMB_SIDE = 96  # the strip's thumbnails: a stage's mosaic averaged down to at most this many pixels across
# (a strip cell is 60–130 px wide: 15 stages in a 960-px view)
SCALE_NOTES = {
    "stage": QT_TRANSLATE_NOOP("StagePicture", "Colours: one scale shared by all maps of this stage (maps compare "
                               "with each other)."),
    "map": QT_TRANSLATE_NOOP("StagePicture", "Colours: each map on its own scale, from its lowest to its highest "
                             "value."),
}
FRACTION_NOTE = QT_TRANSLATE_NOOP("StagePicture", "Colours: each map on its own scale, from its lowest to its highest "
                                  "value. The bar shows the fraction of each map's own range.")


@dataclass(frozen=True)
class StagePicture:
    """What is drawn (``values``, NaN between tiles), the real numbers behind it, and the layout."""

    values: np.ndarray  # 2-D, as coloured (per-map scaled values in "map" mode)
    raw: np.ndarray  # 2-D, the stage's real values at the same pixels
    grid: TileGrid | None  # tile layout for feature maps; None for vectors
    length: int  # number of values in a vector stage
    cmap: str
    levels: tuple[float, float]
    scale_note: str  # in the interface's language
    first_channel: int = 0  # the channel of tile 0 (one enlarged map shows only that channel)
    colour: np.ndarray | None = None  # (H, W, 3) in [0, 1]: a colour input, drawn as it is
    step: int = 1  # each drawn pixel stands for step × step cells of the map (thumbnails)

    def describe(self, row: int, col: int) -> tuple[int | None, str] | None:
        """(channel or None, readable value) at a pixel, counted from 1 for people; None between tiles."""
        if self.grid is None:
            index = row * self.raw.shape[1] + col
            if index >= self.length:
                return None
            if self.length <= SMALL_VECTOR:  # the class outputs: their cells are named by class
                return None, translate("StagePicture", "class {index} = {v:.3f}").format(index=index,
                                                                                        v=self.raw[row, col])
            return None, translate("StagePicture", "value {i} of {n} = {v:.3f}").format(
                i=index + 1, n=self.length, v=self.raw[row, col])
        found = self.grid.locate(row, col)
        if found is None:
            return None
        tile, y, x = found
        if self.colour is not None:
            r, g, b = (float(v) for v in self.colour[y, x])
            return None, translate("StagePicture", "pixel {cell} = red {r:.3f}, green {g:.3f}, blue {b:.3f}").format(
                cell=cell_words(y, x), r=r, g=g, b=b)
        channel = self.first_channel + tile
        return channel, translate("StagePicture", "map {n}, {cell} = {v:.3f}").format(
            n=channel + 1, cell=cell_words(y * self.step, x * self.step), v=self.raw[row, col])


def cell_words(row: int, col: int) -> str:
    """``cnnviz.format.cell_text`` in the interface's language: a 0-based (row, col) counted from 1."""
    return translate("StagePicture", "row {row}, column {col}").format(row=row + 1, col=col + 1)


def picture_rgb(picture: StagePicture, background: str) -> np.ndarray:
    """The (H, W, 3) uint8 image drawn for ``picture``: its colours, or its values through its colour map."""
    if picture.colour is not None:
        return (np.clip(picture.colour, 0.0, 1.0) * 255 + 0.5).astype(np.uint8)
    return colorize(picture.values, picture.cmap, picture.levels, background)


def page_count(stage: Stage) -> int:
    """How many pages of ``MAX_MAPS`` maps the stage's maps fill (1 for vectors)."""
    return -(-stage.output.shape[0] // MAX_MAPS) if stage.output.ndim == 3 else 1


def _shrink(maps: np.ndarray, step: int) -> np.ndarray:
    """Maps (C, H, W) averaged over step × step blocks (the last partial rows and columns dropped)."""
    if step <= 1:
        return maps
    c, h, w = maps.shape
    step_h, step_w = min(step, h), min(step, w)
    h2, w2 = h // step_h, w // step_w
    if step_h * step_w > 16:  # big blocks: rows summed, then columns (0.5 ms for 64 × 112 × 112 by 10, measured)
        rows = maps[:, : h2 * step_h, : w2 * step_w].reshape(c, h2, step_h, w2 * step_w).sum(axis=2)
        total = rows.reshape(c, h2, w2, step_w).sum(axis=3)
    else:  # small blocks: step² strided slices added (1 ms by 2, where the reshapes take 5 ms)
        total = np.zeros((c, h2, w2), dtype=np.float32)
        for i in range(step_h):
            for j in range(step_w):
                total += maps[:, i : h2 * step_h : step_h, j : w2 * step_w : step_w]
    return total * np.float32(1.0 / (step_h * step_w))


def _fit_step(maps: np.ndarray, side: int) -> int:
    """How much maps (C, H, W) are averaged down so their mosaic is at most ``side`` pixels across: no screen
    shows more (64 maps of 112 × 112 make a 904-pixel mosaic; the strip draws it ~100 pixels wide)."""
    grid = grid_for(maps.shape[0], maps.shape[1], maps.shape[2], cols=map_columns(*maps.shape))
    return max(1, -(-max(grid.height, grid.width) // side))


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


def stage_picture(stage: Stage, channel: int | None = None, scale: str = "stage", page: int = 0,
                  thumbnail: bool = False) -> StagePicture:
    """Lay out ``stage`` (or one of its channels) with a colour map and the chosen scale (``"stage"|"map"``).

    ``page``: which ``MAX_MAPS`` maps of a wide stage; ``thumbnail``: the mosaic averaged down to ``THUMB_SIDE``.
    """
    out = stage.output
    if stage.kind == "input" and out.ndim == 3 and out.shape[0] == 3:
        step = _fit_step(out[:1], THUMB_SIDE) if thumbnail else 1
        small = _shrink(out, step)
        shown = np.moveaxis(small, 0, -1)  # (H, W, 3)
        grey = shown.mean(axis=-1)
        return StagePicture(grey, grey, grid_for(1, *grey.shape), 0, INPUT_MAP, (0.0, 1.0),
                            translate("StagePicture", COLOUR_NOTE),
                            colour=shown, step=step)
    if out.ndim == 3 and channel is None and out.shape[0] > MAX_MAPS:
        page = max(0, min(page, page_count(stage) - 1))
        out = out[page * MAX_MAPS : (page + 1) * MAX_MAPS]
    else:
        page = 0
    if stage.kind == "input":
        cmap, levels = INPUT_MAP, (0.0, 1.0)
    elif stage.kind == "softmax":
        cmap, levels = ACTIVATION_MAP, (0.0, 1.0)
    else:
        cmap, levels = map_for(stage.output)  # one scale for the whole stage, every page
    if out.ndim != 3:
        flat = _rows_of(out, VECTOR_ROW) if out.size <= SMALL_VECTOR else wrap_vector(out)
        return StagePicture(flat, flat, None, int(out.size), cmap, levels, translate("StagePicture", VECTOR_NOTE))
    maps = out if channel is None else out[channel : channel + 1]
    step = _fit_step(maps, THUMB_SIDE) if thumbnail else _fit_step(maps, FOCUS_SIDE) if channel is None else 1
    maps = _shrink(maps, step)
    grid = grid_for(maps.shape[0], maps.shape[1], maps.shape[2], cols=map_columns(*maps.shape))
    raw = tile_maps(maps, grid)
    first = channel if channel is not None else page * MAX_MAPS
    if scale != "map" or stage.kind == "input":
        return StagePicture(raw, raw, grid, 0, cmap, levels, translate("StagePicture", SCALE_NOTES["stage"]), first,
                            step=step)
    signed = cmap == DIVERGING_MAP
    if channel is not None:  # one map on its own scale: the bar can show its real values
        own = value_range(maps, signed=signed)
        return StagePicture(raw, raw, grid, 0, cmap, own, translate("StagePicture", SCALE_NOTES["map"]), first,
                            step=step)
    shown = tile_maps(_per_map(maps, signed), grid)
    return StagePicture(shown, raw, grid, 0, cmap, (-1.0, 1.0) if signed else (0.0, 1.0),
                        translate("StagePicture", FRACTION_NOTE), first, step=step)


def shape_text(shape: tuple[int, ...]) -> str:
    return " × ".join(str(s) for s in shape)
