"""Hover a cell of the enlarged stage: lines in the overview strip run from it to every cell that feeds it.

The feeding cells come from ``cnnviz.introspect.connections.feeding_cells`` (geometry only, so kept per
model and cell); each map of the strip's mosaics is found with the same tile layout the strip draws.
"""

from __future__ import annotations

from cnnviz.introspect import Capture
from cnnviz.introspect.connections import Feeders, feeding_cells
from cnnviz.models.staged import StagedNet
from ui.draw.stage_picture import stage_picture
from ui.draw.stage_strip import StageStrip
from ui.widgets.connections import ConnectionLines, Point, feeding_points


class StripConnections:
    """``show(model, capture, stage_index, channel, row, col)`` draws the lines; ``clear()`` removes them."""

    def __init__(self, strip: StageStrip) -> None:
        self.strip = strip
        self.lines = ConnectionLines(strip)
        self._model: StagedNet | None = None
        self._cache: dict[tuple[str, int, int, int], list[Feeders]] = {}

    def clear(self) -> None:
        self.lines.clear()

    def show(self, model: StagedNet, capture: Capture, stage_index: int, channel: int, row: int, col: int) -> int:
        """Lines from cell (channel, row, col) of stage ``stage_index`` to its feeders; returns how many."""
        if model is not self._model:
            self._model, self._cache = model, {}
        stages = capture.stages
        if len(self.strip.boxes) != len(stages) or stages[stage_index].output.ndim != 3:
            self.lines.clear()
            return 0
        key = (stages[stage_index].name, channel, row, col)
        if key not in self._cache:
            self._cache[key] = feeding_cells(model, *key, input_size=stages[0].shape[-1])
        index = {s.name: i for i, s in enumerate(stages)}
        start = self._point(capture, stage_index, channel, row + 0.5, col + 0.5)
        ends: list[Point] = []
        for distance, feeders in enumerate(self._cache[key]):  # the nearest stage: to each cell; then corners
            where = index[feeders.stage]
            points = feeding_points(feeders.mask, corners_only=distance > 0)
            for c in feeders.channels if stages[where].kind != "input" else (0,):
                ends += [self._point(capture, where, c, y, x) for y, x in points]
        self.lines.draw(start, ends)
        return self.lines.count

    def _point(self, capture: Capture, index: int, channel: int, y: float, x: float) -> Point:
        grid = stage_picture(capture.stages[index]).grid
        top, left = grid.origin(channel) if grid is not None else (0, 0)
        return self.strip.boxes[index], left + x, top + y
