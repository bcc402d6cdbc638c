"""The CNN's first-layer kernels, tiled into one picture on one colour scale centred at 0.

Before a run it shows the random filters the next run's CNN starts from; during a run, the newest
snapshot the training sent (the tab hands it over at most once per redraw).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QT_TRANSLATE_NOOP, QSize
from PyQt6.QtGui import QFont
from PyQt6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cnnviz.introspect.mosaic import grid_for, tile_maps
from ui.colormaps import DIVERGING_MAP, colorize, value_range
from ui.i18n import translate
from ui.theme import palette
from ui.widgets.lazy import LazyPanel
from ui.widgets.picture import PictureItem, image_view_box

TITLE = QT_TRANSLATE_NOOP("FiltersView", "CNN conv 1 filters")
BLOCK = 8  # each weight drawn as an 8×8 block, so the gaps between kernels stay thin
GREY_TIP = QT_TRANSLATE_NOOP("FiltersView", "The kernels of the CNN's first layer: red positive, blue negative "
                             "weights")
COLOUR_TIP = QT_TRANSLATE_NOOP("FiltersView", "The kernels of the CNN's first layer, one RGB patch each: a colour "
                               "where the kernel responds to it (positive red, green, blue weights), its opposite "
                               "where it responds against it, grey for 0")
TITLE_LINES = 2  # the title's height is kept for two lines, so a longer caption never moves anything


def colour_kernels(filters: np.ndarray) -> np.ndarray:
    """(count, 3, kh, kw) RGB kernels → (count, kh, kw, 3) uint8: 128 grey at 0, each channel brighter for a
    positive and darker for a negative weight, on one scale for all (the largest |weight| reaches 0 or 255)."""
    top = float(np.abs(filters).max()) or 1.0
    pixels = 127.5 + 127.5 * np.moveaxis(filters, 1, -1) / top
    return np.clip(np.round(pixels), 0, 255).astype(np.uint8)


class FiltersView(LazyPanel):
    """``FiltersView(title, tooltip)``: the first-layer kernels (or, in a second view, their gradients); ``title``
    and ``tooltip`` come translated (None: the first-layer kernels' own)."""

    def __init__(self, title: str | None = None, tooltip: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = title if title is not None else translate("FiltersView", TITLE)
        self.filters: np.ndarray | None = None  # (count, kh, kw) grey or (count, 3, kh, kw) colour, what is shown
        self.caption = ""
        self.name = title
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(title)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.title.setWordWrap(True)
        self.title.setFixedHeight(TITLE_LINES * self.title.fontMetrics().lineSpacing() + 4)
        column.addWidget(self.title)
        self.view = pg.GraphicsLayoutWidget()
        self.box = image_view_box(border=palette().border)
        self.picture = PictureItem()
        self.box.addItem(self.picture)
        self.view.addItem(self.box)
        self.box.enableAutoRange()  # the kernels stay centred and whole whatever size the column gives
        self.view.setMinimumHeight(120)
        self.view.setAccessibleName(title)
        self.tooltip = tooltip  # None: said from what is shown (grey or colour kernels)
        self.view.setToolTip(tooltip or translate("FiltersView", GREY_TIP))
        column.addWidget(self.view, 1)

    def sizeHint(self) -> QSize:
        """Ask for no more than the minimum: the column's spare height, not a 640×480 default, sizes the picture
        (else the controls column would scroll even on a tall screen)."""
        return self.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return False  # the title's height is fixed; else the scroll area sizes the column by the 480-px default

    def show_filters(self, filters: np.ndarray, caption: str) -> None:
        self.filters, self.caption = filters, caption
        self.title.setText(f"{self.name} · {caption}")
        self.view.setToolTip(self.tooltip or translate("FiltersView", COLOUR_TIP if filters.ndim == 4 else GREY_TIP))
        self.mark_dirty()

    def refresh(self) -> None:
        if self.filters is None:
            return
        count, kh, kw = self.filters.shape[0], self.filters.shape[-2], self.filters.shape[-1]
        grid = grid_for(count, kh * BLOCK, kw * BLOCK, gap=3, cols=math.ceil(math.sqrt(2 * count)))
        if self.filters.ndim == 4:  # colour input: each kernel as an RGB patch, grey where its weights are 0
            big_rgb = colour_kernels(self.filters).repeat(BLOCK, axis=1).repeat(BLOCK, axis=2)
            background = np.asarray(pg.mkColor(palette().base).getRgb()[:3], np.uint8)
            self.picture.show_rgb(tile_maps(big_rgb, grid, fill=background))
            return
        big = np.kron(self.filters, np.ones((1, BLOCK, BLOCK), dtype=np.float32))
        mosaic = tile_maps(big, grid)
        rgb = colorize(mosaic, DIVERGING_MAP, value_range(self.filters, signed=True), palette().base)
        self.picture.show_rgb(rgb)

    def restyle(self) -> None:
        self.box.setBorder(pg.mkPen(palette().border, width=1))
