"""The first-launch offer of the first lesson: a strip above the tabs, never a dialog (nothing waits on it)."""

from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QEvent, pyqtSignal
from PyQt6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.i18n import translate
from ui.theme import palette
from ui.widgets.lazy import is_palette_change

OFFER = QT_TRANSLATE_NOOP("LessonOffer", "New to CNNs? The app can lead you through {count} short lessons, from "
                          "one neuron that finds an edge to the networks that won ImageNet.")


class LessonOffer(QFrame):
    """``accepted`` when the learner takes the first lesson, ``declined`` for "No thanks"; either way it hides."""

    accepted = pyqtSignal()
    declined = pyqtSignal()

    def __init__(self, lessons: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonOffer")
        self._style()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel(translate("LessonOffer", OFFER).format(count=lessons))
        self.label.setWordWrap(True)
        self.start_button = QPushButton(translate("LessonOffer", "Start the first lesson"))
        self.start_button.setToolTip(translate("LessonOffer", "Open the lesson panel at the first lesson"))
        self.no_button = QPushButton(translate("LessonOffer", "No thanks"))
        self.no_button.setToolTip(translate("LessonOffer", "Lessons stay in the Help menu"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.start_button)
        layout.addWidget(self.no_button)
        self.start_button.clicked.connect(self._accept)
        self.no_button.clicked.connect(self._decline)

    def _style(self) -> None:
        p = palette()
        self._styled_for = p.dark
        self.setStyleSheet(f"QFrame#lessonOffer {{ background: {p.banner_bg}; border: 1px solid {p.banner_border}; "
                           f"border-radius: 4px; }} QFrame#lessonOffer QLabel {{ color: {p.banner_text}; }}")

    def changeEvent(self, event: QEvent | None) -> None:
        super().changeEvent(event)
        if is_palette_change(event) and self._styled_for is not palette().dark:  # (its own sheet changes it too)
            self._style()

    def _accept(self) -> None:
        self.hide()
        self.accepted.emit()

    def _decline(self) -> None:
        self.hide()
        self.declined.emit()
