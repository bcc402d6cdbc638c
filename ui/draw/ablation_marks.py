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

    def show(self, grid: TileGrid | None, first_channel: int, off: list[int]) -> None:
        """Cross the tiles of channels ``off`` among those the mosaic shows (tile 0 is ``first_channel``)."""
        shown = [c for c in off if grid is not None and 0 <= c - first_channel < grid.count]
        xs: list[float] = []
        ys: list[float] = []
        for c in shown:
            assert grid is not None
            top, left = grid.origin(c - first_channel)
            bottom, right = top + grid.tile_h, left + grid.tile_w
            xs += [left, right, right, left]
            ys += [top, bottom, top, bottom]
        if shown:
            self.curve.setData(np.array(xs), np.array(ys), connect="pairs")
        else:
            self.curve.setData([], [])
        self.marked = shown
