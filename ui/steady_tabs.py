"""A tab widget that does not repaint its whole page each time a label inside it changes its text.

Qt's QTabWidget answers every layout request from its pages by re-laying out and repainting the
entire current page, and every ``QLabel.setText`` sends one up. During live drawing that full
repaint (canvas, every map, every control) was most of the frame time; when nothing that the
tab widget's own layout depends on changed, the request can be skipped safely.
"""

from __future__ import annotations

from PyQt6.QtCore import QEvent, QSize
from PyQt6.QtWidgets import QTabWidget, QWidget


class SteadyTabWidget(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laid_out_for: tuple[QSize, QSize, QSize, int, int] | None = None

    def _layout_inputs(self) -> tuple[QSize, QSize, QSize, int, int]:
        """What QTabWidget's own layout depends on: its size, the page's limits, the tab bar's size."""
        page = self.currentWidget()
        page_min = page.minimumSizeHint() if page is not None else QSize()
        bar = self.tabBar()
        bar_hint = bar.sizeHint() if bar is not None else QSize()
        return self.size(), page_min, bar_hint, self.count(), self.currentIndex()

    def event(self, e: QEvent | None) -> bool:
        if e is not None and e.type() == QEvent.Type.LayoutRequest:
            inputs = self._layout_inputs()
            if inputs == self._laid_out_for:
                e.accept()
                return True
            self._laid_out_for = inputs
        return super().event(e)
