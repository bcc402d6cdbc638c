"""How one cell's value was computed, as rows of number grids and one sentence.

The core's ``explain_any_cell`` picks the explanation by the stage's kind (a convolution's dot product,
a pooling window, a residual block's two paths, or the plain value); ``breakdown`` turns it into
``GridRow``s and a sentence; ``BreakdownCanvas`` paints the rows with the shared number-grid painter.
Cells and maps are named as people count: from 1, rows from the top and columns from the left.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PyQt6.QtCore import QT_TRANSLATE_NOOP, QRectF, QSize, Qt
from PyQt6.QtGui import QFont, QPainter, QPaintEvent
from PyQt6.QtWidgets import QSizePolicy, QWidget

from cnnviz.data.transforms import MNIST_INPUT
from cnnviz.explain import DotProduct, LinearSum, PlainValue, ResidualSum, SoftmaxSum
from cnnviz.introspect import PoolWindow
from cnnviz.introspect.stages import preprocess_text
from ui.explain.linear_view import linear_sentence, softmax_sentence
from ui.i18n import number_text, translate, worded
from ui.widgets.number_grid import paint_grid, shaded

MAX_CHANNEL_ROWS = 6  # breakdown rows shown; the rest are summed in one line
HELP = QT_TRANSLATE_NOOP("Breakdown", "Click a cell of any map to see how its value was computed.")


Explanation = DotProduct | PoolWindow | ResidualSum | LinearSum | SoftmaxSum | PlainValue


def cell_name(stage: str, channel: int, row: int, col: int) -> str:
    """"conv2, map 3, row 7, column 9" — everything counted from 1."""
    return translate("Breakdown", "{stage}, map {n}, row {row}, column {col}").format(
        stage=stage, n=channel + 1, row=row + 1, col=col + 1)


COUNTING = QT_TRANSLATE_NOOP("Breakdown", "Maps, rows and columns are counted from 1, rows from the top and columns "
                             "from the left.")


def source_map(source: str, channel: int) -> str:
    """A breakdown row's label: map ``channel`` (from 0) of stage ``source``, e.g. "pool1 map 3"."""
    return translate("Breakdown", "{source} map {n}").format(source=source, n=channel + 1)


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
    rows = [GridRow(source_map(source, int(ch)) if len(sums) > 1 else translate("Breakdown", "the pixels"),
                    [dp.window[ch], dp.weights[ch], dp.products[ch]], [False, True, True], ["×", "="],
                    number_text(f"Σ = {sums[ch]:+.3f}")) for ch in order]
    rest = len(sums) - len(order)
    hidden = translate("Breakdown", " (+ {rest} more {source} maps with Σ = {s:+.3f})").format(
        rest=rest, source=source, s=float(sums.sum() - sums[order].sum())) if rest else ""
    act = {"ReLU": translate("Breakdown", "ReLU keeps positives: max(0, {v:.3f})").format(v=dp.pre_activation),
           "tanh": number_text(f"tanh({dp.pre_activation:.3f})")}.get(
               dp.activation, number_text(f"{dp.activation}({dp.pre_activation:.3f})") if dp.activation
               else translate("Breakdown", "no activation"))
    pixels = "" if not dp.input_normalised else (
        translate("Breakdown", " The first layer sees the normalised pixels ((value − 0.1307) / 0.3081), so blank "
                  "paper is −0.42; the padding around the image is 0.") if dp.spec == MNIST_INPUT else
        translate("Breakdown", " The first layer sees the prepared pixels ({how}); the padding around the image is "
                  "0.").format(how=worded(preprocess_text(dp.spec))))
    bn = translate("Breakdown", " Batch norm is folded into these weights and bias.") if dp.batch_norm_folded else ""
    text = translate("Breakdown", "<b>{cell}</b>: multiply the window by the filter and add everything up: Σ products "
                     "= {sum:+.3f}{hidden}, plus bias {bias:+.3f} = {pre:+.3f}; {act} = <b>{result:.3f}</b>, the "
                     "value in the map.").format(
        cell=cell_name(dp.stage, dp.channel, dp.row, dp.col), sum=float(dp.products.sum()), hidden=hidden,
        bias=dp.bias, pre=dp.pre_activation, act=act, result=dp.result)
    return rows, text + pixels + bn


def breakdown(found: Explanation, source: str, stage: str, channel: int, row: int,
              col: int) -> tuple[list[GridRow], str]:
    """Grid rows and a sentence for any explanation; ``source`` is the stage the cell reads."""
    name = f"<b>{cell_name(stage, channel, row, col)}</b>"
    if isinstance(found, DotProduct):
        return conv_rows(found, source)
    if isinstance(found, PoolWindow):
        kh, kw = found.values.shape
        (top, left), (bottom, right) = found.cell(0, 0), found.cell(kh - 1, kw - 1)
        what = (translate("Breakdown", "the largest value (ringed) wins") if found.winner is not None
                else translate("Breakdown", "the values are averaged"))
        grid = GridRow(source_map(source, channel), [found.values], [False], [], number_text(f"→ {found.result:.3f}"),
                       found.winner)
        return [grid], translate("Breakdown", "{name}: a {kh}×{kw} window of {source} (rows {top}–{bottom}, columns "
                                 "{left}–{right}); {what}: <b>{result:.3f}</b>. No weights: pooling only "
                                 "summarises.").format(name=name, kh=kh, kw=kw, source=source, top=top + 1,
                                                       bottom=bottom + 1, left=left + 1, right=right + 1, what=what,
                                                       result=found.result)
    if isinstance(found, LinearSum):
        return [], linear_sentence(found)
    if isinstance(found, SoftmaxSum):
        return [], softmax_sentence(found, [str(k) for k in range(found.logits.size)])
    if isinstance(found, ResidualSum):
        return [], translate("Breakdown", "{name}: a residual block adds two paths. The main path (3×3 conv, batch "
                             "norm, ReLU, 3×3 conv, batch norm) gives {main:+.3f}; the shortcut carries the block's "
                             "input (or its 1×1 projection) here: {shortcut:+.3f}. ReLU({main:+.3f} {shortcut:+.3f}) = "
                             "<b>{result:.3f}</b>, the value in the map.").format(
            name=name, main=found.main, shortcut=found.shortcut, result=found.result)
    return [], translate("Breakdown", "{name} = {value:.3f}. This stage is not a single convolution, pooling or "
                         "residual block, so there is no one calculation to show.").format(name=name,
                                                                                          value=found.value)


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
