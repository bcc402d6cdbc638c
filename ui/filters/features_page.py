"""The Filters tab's second view: what each filter wants to see (above) and what each class looks like to
the network (below)."""

from __future__ import annotations

from PyQt6.QtWidgets import QVBoxLayout, QWidget

from ui.filters.class_panel import ClassPanel
from ui.filters.features_panel import FeaturesPanel
from ui.state import AppState


class FeaturesPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.features = FeaturesPanel(state)
        self.classes = ClassPanel(state)
        layout.addWidget(self.features, 1)
        layout.addWidget(self.classes, 0)
