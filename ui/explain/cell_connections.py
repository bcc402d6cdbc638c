"""Hover a cell in "Behind a number": lines run from it to the cells of every earlier map that feed it.

Each panel of the view shows one map per stage, so the lines end at the feeding positions of that map
(every map of a convolution's input feeds it at the same positions). Geometry only: kept per model.
"""

from __future__ import annotations

from cnnviz.introspect.connections import Feeders, feeding_cells
from cnnviz.models.staged import StagedNet
from ui.widgets.connections import ConnectionLines, Point, feeding_points
from ui.widgets.image_panel import ImagePanel, ImageStrip


class PanelConnections:
    """``show(model, panels, stage, channel, row, col)`` draws the lines over ``strip``; returns how many."""

    def __init__(self, strip: ImageStrip) -> None:
        self.lines = ConnectionLines(strip)
        self._model: StagedNet | None = None
        self._cache: dict[tuple[str, int, int, int], list[Feeders]] = {}

    def clear(self) -> None:
        self.lines.clear()

    def show(self, model: StagedNet, panels: dict[str, ImagePanel], stage: str, channel: int, row: int,
             col: int, input_size: int = 28) -> int:
        if model is not self._model:
            self._model, self._cache = model, {}
        key = (stage, channel, row, col)
        if key not in self._cache:
            self._cache[key] = feeding_cells(model, *key, input_size=input_size)
        start: Point = (panels[stage].box, col + 0.5, row + 0.5)
        ends: list[Point] = []
        for distance, feeders in enumerate(self._cache[key]):  # the nearest map: to each cell; then corners
            if feeders.stage in panels:
                box = panels[feeders.stage].box
                ends += [(box, x, y) for y, x in feeding_points(feeders.mask, corners_only=distance > 0)]
        self.lines.draw(start, ends)
        return self.lines.count
