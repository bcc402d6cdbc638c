"""The CNN's first-layer kernels, tiled into one picture on one colour scale centred at 0.

Before a run it shows the random filters the next run's CNN starts from; during a run, the newest
snapshot the training sent (the tab hands it over at most once per redraw).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QSize
from PyQt6.QtGui import QFont
from PyQt6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cnnviz.introspect.mosaic import grid_for, tile_maps
from ui.colormaps import DIVERGING_MAP, colorize, value_range
from ui.theme import palette
from ui.widgets.lazy import LazyPanel
from ui.widgets.picture import PictureItem, image_view_box

TITLE = "CNN conv 1 filters"
BLOCK = 8  # each weight drawn as an 8×8 block, so the gaps between kernels stay thin
TITLE_LINES = 2  # the title's height is kept for two lines, so a longer caption never moves anything


TOOLTIP = "The 3×3 kernels of the CNN's first layer: red positive, blue negative weights"


class FiltersView(LazyPanel):
    """``FiltersView(title, tooltip)``: the first-layer kernels (or, in a second view, their gradients)."""

    def __init__(self, title: str = TITLE, tooltip: str = TOOLTIP, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filters: np.ndarray | None = None  # (count, kh, kw), what is shown
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
        self.view.setToolTip(tooltip)
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
        self.mark_dirty()

    def refresh(self) -> None:
        if self.filters is None:
            return
        count, kh, kw = self.filters.shape
        big = np.kron(self.filters, np.ones((1, BLOCK, BLOCK), dtype=np.float32))
        grid = grid_for(count, kh * BLOCK, kw * BLOCK, gap=3, cols=math.ceil(math.sqrt(2 * count)))
        mosaic = tile_maps(big, grid)
        rgb = colorize(mosaic, DIVERGING_MAP, value_range(self.filters, signed=True), palette().base)
        self.picture.show_rgb(rgb)

    def restyle(self) -> None:
        self.box.setBorder(pg.mkPen(palette().border, width=1))
