"""A pyqtgraph picture whose pixels can be pointed at: ``sigHovered(row, col)`` and ``sigClicked(row, col)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QPointF, pyqtSignal


def image_view_box(border: str | None = None) -> pg.ViewBox:
    """A fixed, aspect-locked box for pictures: no panning or zooming that could lose the maps."""
    box = pg.ViewBox(lockAspect=True, invertY=True, enableMouse=False, enableMenu=False)
    box.setDefaultPadding(0.02)
    if border:
        box.setBorder(pg.mkPen(border, width=1))
    return box


class PictureItem(pg.ImageItem):
    """An RGB image that reports the (row, col) pixel under the pointer (0-based) on hover and click."""

    sigHovered = pyqtSignal(int, int)
    sigClicked = pyqtSignal(int, int)

    def __init__(self) -> None:
        super().__init__()
        # Older callers set these instead of connecting the signals (ui/pool_zoom.py until it moves over).
        self.on_hover: Callable[[int, int], object] | None = None
        self.on_click: Callable[[int, int], object] | None = None
        self._shape: tuple[int, int] = (0, 0)
        self.setAcceptHoverEvents(True)

    def show_rgb(self, rgb: np.ndarray) -> None:
        self._shape = (int(rgb.shape[0]), int(rgb.shape[1]))
        self.setImage(rgb, autoLevels=False, levels=(0, 255))

    def pixel_at(self, pos: QPointF) -> tuple[int, int] | None:
        """(row, col) of the image pixel at item coordinates ``pos``; None outside."""
        row, col = int(np.floor(pos.y())), int(np.floor(pos.x()))
        if 0 <= row < self._shape[0] and 0 <= col < self._shape[1]:
            return row, col
        return None

    def hover(self, row: int, col: int) -> None:
        """What pointing at pixel (row, col) does (also the seam tests use)."""
        self.sigHovered.emit(row, col)
        if self.on_hover is not None:
            self.on_hover(row, col)

    def click(self, row: int, col: int) -> None:
        """What clicking pixel (row, col) does."""
        self.sigClicked.emit(row, col)
        if self.on_click is not None:
            self.on_click(row, col)

    def hoverEvent(self, ev: Any) -> None:
        if ev.isExit():
            return
        pixel = self.pixel_at(ev.pos())
        if pixel is not None:
            self.hover(*pixel)

    def mouseClickEvent(self, ev: Any) -> None:
        pixel = self.pixel_at(ev.pos())
        if pixel is not None:
            ev.accept()
            self.click(*pixel)
