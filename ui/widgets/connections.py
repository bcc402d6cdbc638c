"""Lines across a pyqtgraph scene from a hovered cell to the cells that feed it (Adam Harley's node-link view).

``ConnectionLines(view)`` draws on top of every picture of one ``GraphicsLayoutWidget``; points are given
as (view box, x, y) in that box's picture coordinates. ``feeding_points`` picks where the lines end in one
map: every feeding cell's centre when there are few, otherwise the corners of the box that holds them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QLineF, QPointF
from PyQt6.QtWidgets import QGraphicsLineItem

from ui.theme import HIGHLIGHT

MAX_CELL_LINES = 16  # a map fed by more cells than this gets lines to its region's corners instead

Point = tuple[pg.ViewBox, float, float]  # a view box and (x, y) in its picture's pixels


def feeding_points(mask: np.ndarray, corners_only: bool = False) -> list[tuple[float, float]]:
    """(y, x) ends of the lines into one map: each feeding cell's centre, or the region's 4 corners
    (always with ``corners_only``, or when more than ``MAX_CELL_LINES`` cells feed)."""
    rows, cols = np.nonzero(mask)
    if rows.size == 0:
        return []
    if rows.size <= MAX_CELL_LINES and not corners_only:
        return [(r + 0.5, c + 0.5) for r, c in zip(rows.tolist(), cols.tolist(), strict=True)]
    top, bottom, left, right = rows.min(), rows.max() + 1, cols.min(), cols.max() + 1
    return [(float(top), float(left)), (float(top), float(right)), (float(bottom), float(left)),
            (float(bottom), float(right))]


class ConnectionLines:
    """The lines currently drawn over ``view``'s scene (``count`` of them); ``clear`` removes them."""

    def __init__(self, view: pg.GraphicsLayoutWidget) -> None:
        self.view = view
        self.items: list[QGraphicsLineItem] = []

    @property
    def count(self) -> int:
        return len(self.items)

    def clear(self) -> None:
        for item in self.items:
            scene = item.scene()
            if scene is not None:
                scene.removeItem(item)
        self.items = []

    def draw(self, start: Point, ends: Sequence[Point]) -> None:
        """Replace the lines with one from ``start`` to each of ``ends``."""
        self.clear()
        scene = self.view.scene()
        if scene is None:
            return
        pen = pg.mkPen(HIGHLIGHT, width=1.2, cosmetic=True)
        origin = start[0].mapViewToScene(QPointF(start[1], start[2]))
        for box, x, y in ends:
            line = QGraphicsLineItem(QLineF(origin, box.mapViewToScene(QPointF(x, y))))
            line.setPen(pen)
            line.setZValue(1000)
            scene.addItem(line)
            self.items.append(line)
