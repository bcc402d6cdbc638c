"""Titled pictures (maps, digits with a colour overlay) in strips: one pyqtgraph scene per strip.

An ``ImageStrip`` is one ``GraphicsLayoutWidget``; ``add_panel`` puts a title and an aspect-locked
picture in the next column (or a given row). Each ``ImagePanel`` can outline a cell and a region, draw
a dashed centre line, and show an RGBA overlay; a click on a picture emits ``strip.clicked(key, row, col)``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QRectF, Qt, pyqtSignal
from PyQt6.QtWidgets import QGraphicsRectItem, QWidget

from ui.colormaps import colorize, value_range
from ui.theme import HIGHLIGHT, palette
from ui.widgets.picture import PictureItem, image_view_box


def _outline(box: pg.ViewBox, width: float) -> QGraphicsRectItem:
    rect = QGraphicsRectItem()
    rect.setPen(pg.mkPen(HIGHLIGHT, width=width, cosmetic=True))
    rect.setZValue(10)
    rect.hide()
    box.addItem(rect)
    return rect


class _Title(pg.LabelItem):
    """A title as wide as its column (text centred), which does not widen it: columns share the strip evenly."""

    def updateMin(self) -> None:
        super().updateMin()
        self.setMinimumWidth(0)
        height = self.itemRect().height()
        self._sizeHint = {Qt.SizeHint.MinimumSize: (0, height), Qt.SizeHint.PreferredSize: (4000, height),
                          Qt.SizeHint.MaximumSize: (100_000, height)}


class ImagePanel:
    """One titled picture inside a strip (graphics items, not a widget of its own)."""

    def __init__(self, strip: ImageStrip, key: str, title: str, row: int, col: int) -> None:
        self.key, self.view, self.row = key, strip, row
        self.title = _Title(title, color=palette().text)
        strip.addItem(self.title, row=2 * row, col=col)
        self.box = image_view_box()
        strip.addItem(self.box, row=2 * row + 1, col=col)
        self.picture = PictureItem()
        self.picture.on_click = lambda r, c: strip.clicked.emit(key, r, c)
        self.box.addItem(self.picture)
        self.overlay = pg.ImageItem()
        self.overlay.setZValue(5)
        self.box.addItem(self.overlay)
        self.cell_outline = _outline(self.box, 3.0)
        self.region_outline = _outline(self.box, 2.5)
        self._centre: pg.InfiniteLine | None = None
        self._fitted: tuple[int, ...] = ()
        self.box.sigResized.connect(lambda *_: self._fit())

    def set_title(self, text: str) -> None:
        self.title.setText(text, color=palette().text)

    def show_values(self, values: np.ndarray, cmap: str, levels: tuple[float, float] | None = None) -> None:
        self.picture.show_rgb(colorize(values, cmap, levels or value_range(values), palette().base))
        if values.shape != self._fitted:  # refit only when the size changes: no jitter while drawing
            self._fitted = values.shape
            self._fit()

    def _fit(self) -> None:
        """The whole picture, as large as the box allows (also after the box was resized)."""
        if self._fitted:
            self.box.setRange(QRectF(0, 0, self._fitted[-1], self._fitted[-2]), padding=0.02)

    def show_overlay(self, rgba: np.ndarray | None) -> None:
        if rgba is None:
            self.overlay.clear()
        else:
            self.overlay.setImage(rgba, autoLevels=False, levels=(0, 255))

    def outline(self, which: str, top: int, left: int, bottom: int, right: int) -> None:
        """Frame rows top…bottom and columns left…right (inclusive); ``which`` is "cell" or "region"."""
        rect = self.cell_outline if which == "cell" else self.region_outline
        rect.setRect(QRectF(left, top, right - left + 1, bottom - top + 1))
        rect.show()

    def mark_centre(self, width: int) -> None:
        """A dashed vertical line through the middle, so a sideways move is easy to see."""
        if self._centre is None:
            self._centre = pg.InfiniteLine(angle=90, pen=pg.mkPen(HIGHLIGHT, width=1, style=Qt.PenStyle.DashLine))
            self._centre.setZValue(8)
            self.box.addItem(self._centre)
        self._centre.setPos(width / 2)

    def clear_outlines(self) -> None:
        self.cell_outline.hide()
        self.region_outline.hide()

    def clear(self) -> None:
        self.picture.clear()
        self.show_overlay(None)
        self.clear_outlines()


class ImageStrip(pg.GraphicsLayoutWidget):
    """Several ``ImagePanel``s in one scene; ``clicked(key, row, col)`` when a picture's pixel is clicked."""

    clicked = pyqtSignal(str, int, int)

    def __init__(self, min_panel: int = 100, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_panel = min_panel
        self.panels: dict[str, ImagePanel] = {}
        self.ci.setContentsMargins(2, 2, 2, 2)
        self.ci.setSpacing(4)

    def add_panel(self, key: str, title: str = "", row: int = 0, col: int | None = None) -> ImagePanel:
        col = sum(1 for p in self.panels.values() if p.row == row) if col is None else col
        panel = ImagePanel(self, key, title, row, col)
        self.panels[key] = panel
        panel.box.setPreferredSize(4000, 4000)  # every picture wants all the room: they share it evenly
        rows = 1 + max(int(self.ci.layout.rowCount()) // 2 - 1, 0)
        cols = max(int(self.ci.layout.columnCount()), 1)
        self.setMinimumSize(cols * self.min_panel, rows * (self.min_panel + 20))
        return panel

    def clear_panels(self) -> None:
        self.ci.clear()
        self.panels = {}
