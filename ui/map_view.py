"""A pyqtgraph view of one colour picture, whose pixels can be pointed at (hover and click)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QEvent, QPointF
from PyQt6.QtGui import QPalette
from PyQt6.QtWidgets import QWidget

pg.setConfigOptions(imageAxisOrder="row-major")


def image_view_box(border: str | None = None) -> pg.ViewBox:
    """A fixed, aspect-locked box for pictures: no panning or zooming that could lose the maps."""
    box = pg.ViewBox(lockAspect=True, invertY=True, enableMouse=False, enableMenu=False)
    box.setDefaultPadding(0.02)
    if border:
        box.setBorder(pg.mkPen(border, width=1))
    return box


class PictureItem(pg.ImageItem):
    """An RGB image that reports the (row, col) pixel under the pointer on hover and click."""

    def __init__(self) -> None:
        super().__init__()
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

    def hoverEvent(self, ev):
        if ev.isExit() or self.on_hover is None:
            return
        pixel = self.pixel_at(ev.pos())
        if pixel is not None:
            self.on_hover(*pixel)

    def mouseClickEvent(self, ev):
        pixel = self.pixel_at(ev.pos())
        if pixel is not None and self.on_click is not None:
            ev.accept()
            self.on_click(*pixel)


def restyle_plots(root: QWidget, background: str, foreground: str) -> None:
    """Re-colour every pyqtgraph view under ``root`` after a palette change (they copy colours when made)."""
    for view in root.findChildren(pg.GraphicsView):
        view.setBackground(background)
        scene = view.scene()
        if scene is None:
            continue
        for item in scene.items():
            if isinstance(item, pg.AxisItem):
                item.setPen(foreground)
                item.setTextPen(foreground)


def is_palette_change(event: QEvent | None) -> bool:
    return event is not None and event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


def palette_colours(widget: QWidget) -> tuple[str, str]:
    """(background, foreground) of ``widget``'s palette, for plots that sit on it."""
    palette = widget.palette()
    return palette.color(QPalette.ColorRole.Base).name(), palette.color(QPalette.ColorRole.Text).name()
