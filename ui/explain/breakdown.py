"""How one cell's value was computed, as rows of number grids and one sentence.

The core's ``explain_any_cell`` picks the explanation by the stage's kind (a convolution's dot product,
a pooling window, a residual block's two paths, or the plain value); ``breakdown`` turns it into
``GridRow``s and a sentence; ``BreakdownCanvas`` paints the rows with the shared number-grid painter.
Cells and maps are named as people count: from 1, rows from the top and columns from the left.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PyQt6.QtCore import QRectF, QSize, Qt
from PyQt6.QtGui import QFont, QPainter, QPaintEvent
from PyQt6.QtWidgets import QSizePolicy, QWidget

from cnnviz.explain import DotProduct, PlainValue, ResidualSum
from cnnviz.introspect import PoolWindow
from ui.widgets.number_grid import paint_grid, shaded

MAX_CHANNEL_ROWS = 6  # breakdown rows shown; the rest are summed in one line
HELP = "Click a cell of any map to see how its value was computed."


Explanation = DotProduct | PoolWindow | ResidualSum | PlainValue


def cell_name(stage: str, channel: int, row: int, col: int) -> str:
    """"conv2, map 3, row 7, column 9" — everything counted from 1."""
    return f"{stage}, map {channel + 1}, row {row + 1}, column {col + 1}"


COUNTING = "Maps, rows and columns are counted from 1, rows from the top and columns from the left."


@dataclass(frozen=True)
class GridRow:
    """One line of the breakdown: a label, a few matrices joined by operators, and a result."""

    label: str
    matrices: list[np.ndarray]
    signed: list[bool]  # diverging colours (weights, products) or grey (input values)
    operators: list[str]  # between the matrices
    result: str
    marked: tuple[int, int] | None = None  # a cell to ring in the first matrix (max pooling's winner)


def conv_rows(dp: DotProduct, source: str, limit: int = MAX_CHANNEL_ROWS) -> tuple[list[GridRow], str]:
    """Rows for the ``source`` maps that contribute most, and a sentence with the whole sum."""
    sums = dp.channel_sums
    order = np.argsort(-np.abs(sums))[:limit]
    rows = [GridRow(f"{source} map {int(ch) + 1}" if len(sums) > 1 else "the pixels",
                    [dp.window[ch], dp.weights[ch], dp.products[ch]], [False, True, True], ["×", "="],
                    f"Σ = {sums[ch]:+.3f}") for ch in order]
    rest = len(sums) - len(order)
    hidden = f" (+ {rest} more {source} maps with Σ = {float(sums.sum() - sums[order].sum()):+.3f})" if rest else ""
    act = {"ReLU": f"ReLU keeps positives: max(0, {dp.pre_activation:.3f})",
           "tanh": f"tanh({dp.pre_activation:.3f})"}.get(
               dp.activation, f"{dp.activation}({dp.pre_activation:.3f})" if dp.activation else "no activation")
    pixels = (" The first layer sees the normalised pixels ((value − 0.1307) / 0.3081), so blank paper is −0.42;"
              " the padding around the image is 0." if dp.input_normalised else "")
    bn = " Batch norm is folded into these weights and bias." if dp.batch_norm_folded else ""
    text = (f"<b>{cell_name(dp.stage, dp.channel, dp.row, dp.col)}</b>: multiply the window by the filter and add "
            f"everything up: Σ products = {float(dp.products.sum()):+.3f}{hidden}, plus bias {dp.bias:+.3f} = "
            f"{dp.pre_activation:+.3f}; {act} = <b>{dp.result:.3f}</b>, the value in the map.{pixels}{bn}")
    return rows, text


def breakdown(found: Explanation, source: str, stage: str, channel: int, row: int,
              col: int) -> tuple[list[GridRow], str]:
    """Grid rows and a sentence for any explanation; ``source`` is the stage the cell reads."""
    name = f"<b>{cell_name(stage, channel, row, col)}</b>"
    if isinstance(found, DotProduct):
        return conv_rows(found, source)
    if isinstance(found, PoolWindow):
        kh, kw = found.values.shape
        (top, left), (bottom, right) = found.cell(0, 0), found.cell(kh - 1, kw - 1)
        what = "the largest value (ringed) wins" if found.winner is not None else "the values are averaged"
        grid = GridRow(f"{source} map {channel + 1}", [found.values], [False], [], f"→ {found.result:.3f}",
                       found.winner)
        return [grid], (f"{name}: a {kh}×{kw} window of {source} (rows {top + 1}–{bottom + 1}, columns "
                        f"{left + 1}–{right + 1}); {what}: <b>{found.result:.3f}</b>. "
                        "No weights: pooling only summarises.")
    if isinstance(found, ResidualSum):
        return [], (f"{name}: a residual block adds two paths. The main path (3×3 conv, batch norm, ReLU, 3×3 "
                    f"conv, batch norm) gives {found.main:+.3f}; the shortcut carries the block's input (or its "
                    f"1×1 projection) here: {found.shortcut:+.3f}. ReLU({found.main:+.3f} {found.shortcut:+.3f}) = "
                    f"<b>{found.result:.3f}</b>, the value in the map.")
    return [], (f"{name} = {found.value:.3f}. This stage is not a single convolution, pooling or residual "
                "block, so there is no one calculation to show.")


class BreakdownCanvas(QWidget):
    """Paints the rows: window × weights = products, Σ, one row per input map."""

    CELL = 38

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[GridRow] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[GridRow]) -> None:
        self.rows = rows
        self.setFixedHeight(self.sizeHint().height())
        self.setMinimumWidth(self.sizeHint().width())
        self.update()

    def _row_height(self, row: GridRow) -> int:
        return max(m.shape[0] for m in row.matrices) * self.CELL + 14

    def sizeHint(self) -> QSize:
        height = sum(self._row_height(r) for r in self.rows) + 8
        width = max((130 + sum(m.shape[1] * self.CELL + 40 for m in r.matrices) + 140 for r in self.rows),
                    default=400)
        return QSize(width, max(height, 10))

    def paintEvent(self, event: QPaintEvent | None) -> None:
        painter = QPainter(self)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        big = QFont(self.font())
        big.setPointSizeF(font.pointSizeF() * 1.6)
        text = self.palette().windowText().color()
        middle = Qt.AlignmentFlag.AlignVCenter
        y = 4
        for row in self.rows:
            h = self._row_height(row) - 10
            painter.setFont(self.font())
            painter.setPen(text)
            painter.drawText(QRectF(4, y, 122, h), middle | Qt.TextFlag.TextWordWrap, row.label)
            x = 130.0
            for i, (matrix, signed) in enumerate(zip(row.matrices, row.signed, strict=True)):
                marked = {row.marked} if i == 0 and row.marked is not None else None
                top = y + (h - matrix.shape[0] * self.CELL) / 2
                paint_grid(painter, matrix, shaded(matrix, signed), x, top, self.CELL, font, marked)
                x += matrix.shape[1] * self.CELL
                if i < len(row.operators):
                    painter.setFont(big)
                    painter.setPen(text)
                    painter.drawText(QRectF(x, y, 40, h), Qt.AlignmentFlag.AlignCenter, row.operators[i])
                x += 40
            painter.setFont(self.font())
            painter.setPen(text)
            painter.drawText(QRectF(x, y, 400, h), middle, row.result)
            y += h + 10
        painter.end()
