"""A cross over every switched-off map, wherever a stage's mosaic is drawn (the enlarged stage, the strip)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from cnnviz.introspect.mosaic import TileGrid
from ui.theme import HIGHLIGHT


class OffMarks:
    """Crosses over tiles of one view box's mosaic; ``marked`` lists the channels crossed (from 0)."""

    def __init__(self, box: pg.ViewBox) -> None:
        self.curve = pg.PlotCurveItem(pen=pg.mkPen(HIGHLIGHT, width=2, cosmetic=True))
        self.curve.setZValue(20)
        box.addItem(self.curve, ignoreBounds=True)
        self.marked: list[int] = []

    def show(self, grid: TileGrid | None, first_channel: int, off: list[int], vector_cols: int = 0) -> None:
        """Cross the tiles of channels ``off`` among those the mosaic shows (tile 0 is ``first_channel``); for a
        vector stage laid out in rows of ``vector_cols`` cells (``grid`` None), cross the cells of units ``off``."""
        boxes: list[tuple[int, int, int, int]] = []  # (top, left, height, width) of each crossed tile or cell
        if grid is not None:
            shown = [c for c in off if 0 <= c - first_channel < grid.count]
            boxes = [(*grid.origin(c - first_channel), grid.tile_h, grid.tile_w) for c in shown]
        else:
            shown = off if vector_cols > 0 else []
            boxes = [(*divmod(c, vector_cols), 1, 1) for c in shown]
        xs: list[float] = []
        ys: list[float] = []
        for top, left, height, width in boxes:
            xs += [left, left + width, left + width, left]
            ys += [top, top + height, top, top + height]
        if boxes:
            self.curve.setData(np.array(xs), np.array(ys), connect="pairs")
        else:
            self.curve.setData([], [])
        self.marked = shown
