"""The message strip at the top of the window: what the app is doing or has just done, dismissable."""

from __future__ import annotations

from PyQt6.QtCore import QEvent
from PyQt6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from ui.i18n import translate
from ui.theme import palette
from ui.widgets.lazy import is_palette_change


class Banner(QFrame):
    """``say(text)`` shows a message until the next one, ``clear()`` or the user's ✕."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(translate("Banner", "Message"))
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(translate("Banner", "Dismiss this message"))
        self.close_button.setAccessibleName(translate("Banner", "Dismiss message"))
        self.close_button.clicked.connect(self.clear)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self._style()
        self.hide()

    def say(self, text: str, dismissable: bool = True) -> None:
        self.label.setText(text)
        self.close_button.setVisible(dismissable)
        self.show()

    def clear(self) -> None:
        self.label.clear()
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def _style(self) -> None:
        p = palette()
        self._styled_for = p.dark
        self.setStyleSheet(
            f"QFrame#banner {{ background: {p.banner_bg}; border: 1px solid {p.banner_border}; border-radius: 4px; }}"
            f"QFrame#banner QLabel {{ color: {p.banner_text}; font-size: 11pt; background: transparent; }}"
            f"QFrame#banner QToolButton {{ color: {p.banner_text}; border: none; background: transparent; }}"
        )

    def changeEvent(self, event: QEvent | None) -> None:
        super().changeEvent(event)
        if is_palette_change(event) and self._styled_for is not palette().dark:
            self._style()
