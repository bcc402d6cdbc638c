"""The sandbox's numbers: the input under the window, the weighted sum it makes, and the setting's formulas.

``NumbersView.show_window(result, position)`` lists the k×k input values the kernel's taps read (a grid
drawn by the app's one painter of numbers) and writes the output size with the setting's numbers in
⌊(n + 2p − d·(k − 1) − 1)/s⌋ + 1, the receptive field d·(k − 1) + 1 and the parameter count, each
computed by ``cnnviz.sandbox`` from the setting. ``window_text`` is the line beside the step buttons.
"""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from cnnviz.sandbox import ConvSetting, Sandbox, output_size_text, parameter_count, receptive_field
from ui.i18n import translate
from ui.widgets.number_grid import NumberGrid, number_text, shaded

PATCH_CELL = 28  # px per number under the window: a 7×7 window (196 px) leaves the pictures room at 1024×700
TERMS_SHOWN = 3  # weight×input terms of the sum written out before "…"


class NumbersView(QWidget):
    """The grid of input values under the window beside the formulas of the setting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.patch = NumberGrid(cell=PATCH_CELL)
        self.patch.setAccessibleName(translate("NumbersView", "Input under the window"))
        self.patch.setToolTip(translate("NumbersView", "The input values the kernel's taps read now: each is "
                                        "multiplied by the kernel's weight in the same place, and the products are "
                                        "summed into the output cell"))
        self.formula = QLabel()
        self.formula.setWordWrap(True)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        patch_box = QVBoxLayout()
        patch_box.addWidget(QLabel(translate("NumbersView", "Under the window:")))
        patch_box.addWidget(self.patch)
        patch_box.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(patch_box)
        row.addWidget(self.formula, 1)

    def show_window(self, result: Sandbox, position: int) -> None:
        window = result.window(position)
        under = result.padded[np.ix_(window.rows, window.cols)]  # (k, k) input values under the taps
        self.patch.set_values(under, shaded(under, signed=False))
        self.formula.setText(formula_html(result))

    def clear(self) -> None:
        self.patch.clear()
        self.formula.setText("")


def window_text(result: Sandbox, position: int) -> str:
    """Which window this is, and its output cell as the weighted sum of the input under it."""
    window = result.window(position)
    under = result.padded[np.ix_(window.rows, window.cols)]
    pairs = list(zip(result.kernel.ravel(), under.ravel(), strict=True))
    terms = " + ".join(f"{number_text(w)}×{number_text(x)}" for w, x in pairs[:TERMS_SHOWN])
    more = " + …" if len(pairs) > TERMS_SHOWN else ""
    return translate("NumbersView", "Window {i} of {n}: output cell ({row}, {col}) = Σ weight × input = "
                     "{terms}{more} = {value}").format(i=position % result.positions + 1, n=result.positions,
                                                        row=window.row + 1, col=window.col + 1, terms=terms, more=more,
                                                        value=number_text(window.value))


def formula_html(result: Sandbox) -> str:
    """The output size (formula, then the numbers plugged in), the receptive field and the parameter count."""
    s: ConvSetting = result.setting
    top, left, bottom, right = result.image_box
    rows, cols = bottom - top + 1, right - left + 1
    sizes = (translate("NumbersView", "<br>&nbsp;&nbsp;each side: {size}").format(size=output_size_text(rows, s))
             if rows == cols else
             translate("NumbersView", "<br>&nbsp;&nbsp;rows: {rows}<br>&nbsp;&nbsp;columns: {cols}").format(
                 rows=output_size_text(rows, s), cols=output_size_text(cols, s)))
    k, d = s.kernel_size, s.dilation
    field = receptive_field(s)
    return translate(
        "NumbersView",
        "<b>Output size</b> = ⌊(n + 2p − d·(k − 1) − 1) / s⌋ + 1{sizes}<br><b>Receptive field</b>: each output cell "
        "sees a {field}×{field} patch of the input: d·(k − 1) + 1 = {d}·({k} − 1) + 1 = {field}<br>"
        "<b>Parameters</b>: {k}×{k} = {weights} weights + 1 bias = {parameters} (a layer of F filters over C input "
        "maps has F·(C·k² + 1))").format(sizes=sizes, field=field, d=d, k=k, weights=k * k,
                                         parameters=parameter_count(s))
