"""The sandbox's kernel, editable two ways: paint its cells with the mouse, or type its numbers.

The grid is drawn by the app's one painter of numbers in cells (``paint_grid``): a left press or drag
sets each cell it passes to the brush value, a right press sets it to 0. The text box below holds the
same numbers, one row per line; typing there replaces the kernel as soon as the numbers make a whole
k×k kernel (until then the box says what is missing). ``edited(kernel)`` follows every change by hand.
"""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import QPoint, QSize, Qt, pyqtSignal
from PyQt6.QtGui import QFont, QMouseEvent, QPainter, QPaintEvent
from PyQt6.QtWidgets import QDoubleSpinBox, QFormLayout, QPlainTextEdit, QVBoxLayout, QWidget

from cnnviz.sandbox import SandboxError, kernel_text, parse_kernel
from ui.i18n import error_text, translate
from ui.widgets.number_grid import paint_grid, shaded
from ui.widgets.status_label import StatusLabel

CELL = 36  # px per weight: a 7×7 kernel (252 px) fits the controls column, two decimals fit a cell


class KernelGrid(QWidget):
    """The kernel's numbers on coloured cells; painting with the mouse emits ``painted(row, col, value)``."""

    painted = pyqtSignal(int, int, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kernel = np.zeros((3, 3), dtype=np.float32)
        self.brush = 1.0
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(translate("KernelEditor", "Kernel weights"))
        self.setToolTip(translate("KernelEditor", "Click or drag to paint cells with the brush value; right-click "
                                  "sets a cell to 0"))

    def show_kernel(self, kernel: np.ndarray) -> None:
        self.kernel = np.asarray(kernel, dtype=np.float32)
        self.updateGeometry()
        self.update()

    def cell_centre(self, row: int, col: int) -> QPoint:
        """Where cell (row, col) is drawn, for a pointer (or a test) to press."""
        return QPoint(1 + col * CELL + CELL // 2, 1 + row * CELL + CELL // 2)

    def sizeHint(self) -> QSize:
        k = self.kernel.shape[0]
        return QSize(k * CELL + 2, k * CELL + 2)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent | None) -> None:
        painter = QPainter(self)
        paint_grid(painter, self.kernel, shaded(self.kernel, signed=True), 1, 1, CELL, QFont(self.font()))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent | None) -> None:
        if event is not None:
            self._paint_at(event)

    def mouseMoveEvent(self, event: QMouseEvent | None) -> None:
        if event is not None and event.buttons() & (Qt.MouseButton.LeftButton | Qt.MouseButton.RightButton):
            self._paint_at(event)

    def _paint_at(self, event: QMouseEvent) -> None:
        pos = event.position()
        row, col = int((pos.y() - 1) // CELL), int((pos.x() - 1) // CELL)
        k = self.kernel.shape[0]
        if not (0 <= row < k and 0 <= col < k):
            return
        erase = bool(event.buttons() & Qt.MouseButton.RightButton) or event.button() == Qt.MouseButton.RightButton
        value = 0.0 if erase else self.brush
        if self.kernel[row, col] != value:
            self.painted.emit(row, col, value)


class KernelEditor(QWidget):
    """``set_kernel(kernel)`` shows a kernel; ``edited(kernel)`` when the user paints or types a new one."""

    edited = pyqtSignal(object)  # np.ndarray (k, k)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kernel = np.zeros((3, 3), dtype=np.float32)
        self.grid = KernelGrid()
        self.brush = QDoubleSpinBox()
        self.brush.setRange(-9.0, 9.0)
        self.brush.setSingleStep(0.5)
        self.brush.setDecimals(2)
        self.brush.setValue(self.grid.brush)
        self.brush.setAccessibleName(translate("KernelEditor", "Paint value"))
        self.brush.setToolTip(translate("KernelEditor", "The value a click or drag on the kernel paints"))
        self.brush.valueChanged.connect(self._set_brush)
        self.text = QPlainTextEdit()
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(mono)
        self.text.setFixedHeight(7 * self.text.fontMetrics().lineSpacing() + 12)  # a 7×7 kernel without scrolling
        self.text.setAccessibleName(translate("KernelEditor", "Kernel as text"))
        self.text.setToolTip(translate("KernelEditor", "The kernel's numbers, one row per line: edit them to change "
                                       "the kernel"))
        self.text.textChanged.connect(self._on_typed)
        self.problem = StatusLabel()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.grid, 0, Qt.AlignmentFlag.AlignHCenter)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(translate("KernelEditor", "Paint value:"), self.brush)
        column.addLayout(form)
        column.addWidget(self.text)
        column.addWidget(self.problem)
        self.grid.painted.connect(self._on_painted)

    def set_kernel(self, kernel: np.ndarray) -> None:
        """Show ``kernel`` in the grid and the text box (no ``edited``: the change came from the program)."""
        self.kernel = np.asarray(kernel, dtype=np.float32).copy()
        self.grid.show_kernel(self.kernel)
        self.text.blockSignals(True)
        self.text.setPlainText(kernel_text(self.kernel))
        self.text.blockSignals(False)
        self.problem.say("")

    def _set_brush(self, value: float) -> None:
        self.grid.brush = value

    def _on_painted(self, row: int, col: int, value: float) -> None:
        kernel = self.kernel.copy()
        kernel[row, col] = value
        self.set_kernel(kernel)
        self.edited.emit(kernel)

    def _on_typed(self) -> None:
        try:
            kernel = parse_kernel(self.text.toPlainText(), self.kernel.shape[0])
        except SandboxError as exc:
            self.problem.say(error_text(exc), error=True)
            return
        self.problem.say("")
        self.kernel = kernel
        self.grid.show_kernel(kernel)
        self.edited.emit(kernel.copy())
