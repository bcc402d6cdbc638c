"""The frame drawn around the widget a lesson step talks about: on top of the window, transparent to the mouse
(the learner keeps using the app), following the widget as it moves, resizes, hides or changes tab."""

from __future__ import annotations

from PyQt6 import sip
from PyQt6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt, QTimer
from PyQt6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PyQt6.QtWidgets import QWidget

from ui.theme import HIGHLIGHT

PEN = 4  # px: visible on a projector at the back of a room, thin enough not to cover what it frames


class Highlight(QWidget):
    """``follow(widget)`` frames it (None: no frame); colour ``ui.theme.HIGHLIGHT`` in both palettes."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.target: QWidget | None = None
        window.installEventFilter(self)
        # An ancestor that moves (a dock opening, a splitter dragged) sends the target no event: look again
        # four times a second while framing (one mapTo and a geometry compare).
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.place)
        self.hide()

    def follow(self, widget: QWidget | None) -> None:
        if self.target is not None and not sip.isdeleted(self.target):
            self.target.removeEventFilter(self)
        self.target = widget
        if widget is not None:
            widget.installEventFilter(self)
            self._timer.start()
        else:
            self._timer.stop()
        self.place()

    def place(self) -> None:
        """Cover the target's rectangle (in window coordinates), or hide when it is not on screen."""
        target, window = self.target, self.parentWidget()
        if target is not None and sip.isdeleted(target):  # e.g. the Filters tab rebuilt its panels for a new model
            self.target = target = None
            self._timer.stop()
        if target is None or window is None or not target.isVisible():
            self.hide()
            return
        origin = target.mapTo(window, QPoint(0, 0))
        frame = QRect(origin.x() - PEN, origin.y() - PEN, target.width() + 2 * PEN, target.height() + 2 * PEN)
        if frame != self.geometry() or not self.isVisible():
            self.setGeometry(frame)
            self.show()
            self.raise_()

    def eventFilter(self, obj: QObject | None, event: QEvent | None) -> bool:
        if event is not None and event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                                                  QEvent.Type.Hide, QEvent.Type.LayoutRequest):
            self.place()
        return False

    def paintEvent(self, event: QPaintEvent | None) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(HIGHLIGHT), PEN))
        half = PEN / 2
        painter.drawRoundedRect(QRectF(half, half, self.width() - PEN, self.height() - PEN), 6, 6)
