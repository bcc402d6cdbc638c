"""A label for messages that may be errors, coloured from the theme and restyled on a palette switch."""

from __future__ import annotations

from PyQt6.QtCore import QEvent
from PyQt6.QtWidgets import QLabel, QWidget

from ui.theme import palette
from ui.widgets.lazy import is_palette_change


class StatusLabel(QLabel):
    """``say(text)`` for news, ``say(text, error=True)`` for a problem; empty text hides nothing else."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.is_error = False
        self._styled_for: bool | None = None

    def say(self, text: str, error: bool = False) -> None:
        self.is_error = error
        self.setText(text)
        self._style()

    def _style(self) -> None:
        self._styled_for = palette().dark
        self.setStyleSheet(f"color: {palette().error};" if self.is_error else "")

    def changeEvent(self, event: QEvent | None) -> None:
        super().changeEvent(event)
        if is_palette_change(event) and self.is_error and self._styled_for is not palette().dark:
            self._style()
