"""The one painter of numbers in coloured cells: the Explain tab's breakdowns and the pooling zoom.

``paint_grid`` draws one grid at a place on any ``QPainter`` (a breakdown paints several per row);
``NumberGrid`` is a widget holding a single grid. Cell colours come in as an (H, W, 3) array, from
``shaded`` (a colour map over the values) or ``tinted`` (one light tint per pooling window); the
number on each cell is black or white, whichever reads better on it (``theme.text_on``).
"""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import QRectF, QSize, Qt
from PyQt6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PyQt6.QtWidgets import QWidget

from ui.colormaps import DIVERGING_MAP, INPUT_MAP, colorize, value_range
from ui.i18n import number_text as localised
from ui.theme import HIGHLIGHT, POOL_WINDOW_TINTS, palette, text_on

Cells = set[tuple[int, int]]


def number_text(value: float) -> str:
    """Two decimals, without the "-0.00" that rounding a tiny negative gives; blank for padding (NaN)."""
    if np.isnan(value):
        return ""
    text = f"{value:.2f}"
    return localised("0.00" if text == "-0.00" else text)


def shaded(values: np.ndarray, signed: bool) -> np.ndarray:
    """Cell colours: signed values (weights, products) diverging around 0; inputs in grey from 0 to 1.

    Inputs keep 0…1 at least, so blank paper (−0.42 once normalised) is the darkest grey.
    """
    levels = (value_range(values, signed=True) if signed
              else (min(0.0, float(np.nanmin(values))), max(1.0, float(np.nanmax(values)))))
    return colorize(values, DIVERGING_MAP if signed else INPUT_MAP, levels, palette().base)


def tinted(window_index: np.ndarray) -> np.ndarray:
    """Cell colours: one light tint per pooling window (``window_index`` (H, W) numbers the windows)."""
    tints = np.array([[int(t[i:i + 2], 16) for i in (1, 3, 5)] for t in POOL_WINDOW_TINTS], dtype=np.uint8)
    return tints[np.asarray(window_index, dtype=int) % len(tints)]


def paint_grid(painter: QPainter, values: np.ndarray, fills: np.ndarray, x: float, y: float, cell: float,
               font: QFont, marked: Cells | None = None) -> None:
    """Numbers ``values`` (H, W) on cells ``fills`` (H, W, 3), top-left at (x, y); ``marked`` cells framed, bold."""
    marked = marked or set()
    bold = QFont(font)
    bold.setBold(True)
    for r in range(values.shape[0]):
        for c in range(values.shape[1]):
            rgb = tuple(int(v) for v in fills[r, c])
            rect = QRectF(x + c * cell, y + r * cell, cell, cell)
            painter.fillRect(rect, QColor(*rgb))
            won = (r, c) in marked
            painter.setPen(QPen(QColor(HIGHLIGHT if won else palette().grid_line), 3 if won else 1))
            painter.drawRect(rect.adjusted(1.5, 1.5, -1.5, -1.5) if won else rect)
            painter.setFont(bold if won else font)
            painter.setPen(QColor(text_on((rgb[0], rgb[1], rgb[2]))))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, number_text(float(values[r, c])))


class NumberGrid(QWidget):
    """One grid of numbers as a widget: ``set_values(values, fills, highlighted)``."""

    def __init__(self, cell: int = 40, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cell = cell
        self.values = np.zeros((0, 0))
        self.fills = np.zeros((0, 0, 3), dtype=np.uint8)
        self.highlighted: Cells = set()

    def set_values(self, values: np.ndarray, fills: np.ndarray, highlighted: Cells | None = None) -> None:
        self.values = np.asarray(values, dtype=np.float64)
        self.fills = fills
        self.highlighted = set(highlighted or ())
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_values(np.zeros((0, 0)), np.zeros((0, 0, 3), dtype=np.uint8))

    def sizeHint(self) -> QSize:
        rows, cols = self.values.shape if self.values.size else (2, 2)
        return QSize(cols * self.cell + 2, rows * self.cell + 2)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent | None) -> None:
        if not self.values.size:
            return
        painter = QPainter(self)
        paint_grid(painter, self.values, self.fills, 1, 1, self.cell, QFont(self.font()), self.highlighted)
        painter.end()
