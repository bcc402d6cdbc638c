"""The drawing canvas: strokes with mouse or pen, undo, clear, and digit images dropped or opened.

The canvas keeps a 280×280 grey raster (ten times MNIST's size) with white ink on black, as MNIST
stores digits; what it hands on is the MNIST-style 28×28 input made by ``cnnviz.preprocess``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PyQt6.QtCore import QPointF, QRectF, Qt, pyqtSignal
from PyQt6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
)
from PyQt6.QtWidgets import QSizePolicy, QWidget

# cnnviz.preprocess and cnnviz.data.transforms import torch, cnnviz.images imports PIL: they are imported
# where first used, so that the canvas can be on screen (and drawn on) while torch loads behind it.
RASTER = 280  # raster side in pixels; 10× MNIST
DEFAULT_BRUSH = 22  # raster pixels: after scaling to MNIST's 20×20 box, about MNIST's stroke width
MIN_BRUSH, MAX_BRUSH = 6, 48
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif")


@dataclass
class Stroke:
    width: float
    points: list[QPointF] = field(default_factory=list)


@dataclass(frozen=True)
class Drawing:
    """What undo restores: the background image (a picked or opened digit) and the strokes on it."""

    base: np.ndarray | None
    strokes: tuple[Stroke, ...]
    true_label: int | None


class DrawingCanvas(QWidget):
    input_changed = pyqtSignal(object)  # 28×28 float32 [0, 1] input, or None when empty
    error = pyqtSignal(str)  # a file could not be used; the drawing is kept

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip("Draw a digit. Esc/Delete clears, Ctrl+Z undoes the last stroke; drop a PNG/JPEG here.")
        self.brush_size = DEFAULT_BRUSH
        self._raster = QImage(RASTER, RASTER, QImage.Format.Format_Grayscale8)
        self._base: np.ndarray | None = None  # 28×28 [0, 1]
        self._strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self._history: list[Drawing] = []
        self.true_label: int | None = None  # class of a picked test digit until it is drawn over
        self.last_error = ""
        self._render()

    # -- public API ----------------------------------------------------------------------------
    @property
    def is_empty(self) -> bool:
        return self._base is None and not self._strokes and self._current is None

    @property
    def can_undo(self) -> bool:
        return bool(self._history)

    @property
    def stroke_count(self) -> int:
        return len(self._strokes)

    def set_brush_size(self, size: int) -> None:
        self.brush_size = int(min(max(size, MIN_BRUSH), MAX_BRUSH))

    def begin_stroke(self, point: QPointF | tuple[float, float], width: float | None = None) -> None:
        """Start a stroke at ``point`` in raster coordinates (0…RASTER)."""
        self._remember()
        self.true_label = None
        self._current = Stroke(float(width or self.brush_size), [_point(point)])
        self._strokes.append(self._current)
        self._paint_segment(self._current, 0)
        self._emit_input()

    def extend_stroke(self, point: QPointF | tuple[float, float]) -> None:
        if self._current is None:
            return
        self._current.points.append(_point(point))
        self._paint_segment(self._current, len(self._current.points) - 2)
        self._emit_input()

    def end_stroke(self) -> None:
        self._current = None

    def draw_stroke(self, points: Sequence[tuple[float, float]], width: float | None = None) -> None:
        """Draw a whole stroke through ``points`` (raster coordinates), as a pen would."""
        if not points:
            return
        self.begin_stroke(points[0], width)
        for p in points[1:]:
            self.extend_stroke(p)
        self.end_stroke()

    def clear(self) -> None:
        """Empty the canvas (undoable)."""
        if self.is_empty:
            return
        self._remember()
        self._set_drawing(Drawing(None, (), None))

    def undo(self) -> bool:
        """Take back the last stroke (or clear / loaded image); False when there is nothing to undo."""
        if not self._history:
            return False
        self._current = None
        self._set_drawing(self._history.pop())
        return True

    def set_image(self, image: np.ndarray, true_label: int | None = None) -> None:
        """Show a 28×28 digit (uint8 0–255 or floats in [0, 1], told apart by dtype) as the canvas background;
        it is the input as-is."""
        from cnnviz.data.transforms import to_unit

        img = to_unit(np.asarray(image))
        if img.shape != (28, 28):
            raise ValueError(f"expected a 28×28 image, got {img.shape}")
        self._remember()
        self._set_drawing(Drawing(img, (), true_label))

    def load_image_file(self, path: str | Path) -> bool:
        """Open a PNG/JPEG of a digit (either polarity). On failure emit ``error`` and keep the drawing."""
        from cnnviz.images import ImageLoadError, load_grey_image
        from cnnviz.preprocess import prepare_image

        try:
            grey = load_grey_image(path)
            digit = prepare_image(grey)
        except (ImageLoadError, ValueError) as exc:
            return self._fail(str(exc))
        if digit is None:
            return self._fail(f"{Path(path).name}: the image is blank — no digit found.")
        self.set_image(digit)
        return True

    def raster(self) -> np.ndarray:
        """The canvas as a (RASTER, RASTER) float32 array in [0, 1], ink bright."""
        ptr = self._raster.constBits()
        assert ptr is not None
        ptr.setsize(self._raster.sizeInBytes())
        flat = np.frombuffer(memoryview(ptr), dtype=np.uint8)  # type: ignore[arg-type]
        rows = flat.reshape(RASTER, self._raster.bytesPerLine())
        return rows[:, :RASTER].astype(np.float32) / 255.0

    def input_image(self) -> np.ndarray | None:
        """The 28×28 network input: a picked digit unchanged, anything drawn made MNIST-style."""
        if self._base is not None and not self._strokes:
            return self._base.copy()
        if self.is_empty:
            return None
        from cnnviz.preprocess import mnist_style

        return mnist_style(self.raster())

    # -- drawing internals ---------------------------------------------------------------------
    def _remember(self) -> None:
        self._history.append(Drawing(self._base, tuple(self._strokes), self.true_label))
        del self._history[:-200]

    def _set_drawing(self, drawing: Drawing) -> None:
        self._base, self._strokes, self.true_label = drawing.base, list(drawing.strokes), drawing.true_label
        self._render()
        self._emit_input()

    def _fail(self, message: str) -> bool:
        self.last_error = message
        self.error.emit(message)
        return False

    def _emit_input(self) -> None:
        if self.receivers(self.input_changed):  # nobody listens while the app starts: no torch needed yet
            self.input_changed.emit(self.input_image())

    def _render(self) -> None:
        self._raster.fill(QColor(0, 0, 0))
        painter = QPainter(self._raster)
        if self._base is not None:
            small = (self._base * 255).astype(np.uint8)
            img = QImage(small.tobytes(), 28, 28, 28, QImage.Format.Format_Grayscale8)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF(0, 0, RASTER, RASTER), img)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for stroke in self._strokes:
            painter.setPen(_pen(stroke.width))
            painter.drawPoint(stroke.points[0])
            for a, b in zip(stroke.points, stroke.points[1:], strict=False):
                painter.drawLine(a, b)
        painter.end()
        self.update()

    def _paint_segment(self, stroke: Stroke, start: int) -> None:
        """Paint the newest piece of a stroke exactly as ``_render`` would (so undo redraws the same)."""
        painter = QPainter(self._raster)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(_pen(stroke.width))
        pts = stroke.points
        if len(pts) == 1:
            painter.drawPoint(pts[0])
        else:
            painter.drawLine(pts[start], pts[-1])
        painter.end()
        self.update()

    # -- geometry ------------------------------------------------------------------------------
    def _target(self) -> QRectF:
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def to_raster(self, pos: QPointF) -> QPointF:
        """Widget coordinates → raster coordinates."""
        t = self._target()
        scale = RASTER / max(t.width(), 1.0)
        return QPointF((pos.x() - t.x()) * scale, (pos.y() - t.y()) * scale)

    def from_raster(self, x: float, y: float) -> QPointF:
        """Raster coordinates → widget coordinates (for driving the canvas with real mouse events)."""
        t = self._target()
        scale = t.width() / RASTER
        return QPointF(t.x() + x * scale, t.y() + y * scale)

    # -- Qt events -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent | None) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        target = self._target()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self._raster)
        painter.setPen(QPen(QColor("#888888"), 1))
        painter.drawRect(target.adjusted(0, 0, -1, -1))
        if self.is_empty:
            painter.setPen(QColor("#bbbbbb"))
            font = painter.font()
            font.setPointSize(13)
            painter.setFont(font)
            painter.drawText(target, Qt.AlignmentFlag.AlignCenter, "Draw a digit here\n(or drop an image)")
        painter.end()

    def mousePressEvent(self, event: QMouseEvent | None) -> None:
        if event is not None and event.button() == Qt.MouseButton.LeftButton:
            self.setFocus()
            self.begin_stroke(self.to_raster(event.position()))

    def mouseMoveEvent(self, event: QMouseEvent | None) -> None:
        if event is not None and self._current is not None:
            self.extend_stroke(self.to_raster(event.position()))

    def mouseReleaseEvent(self, event: QMouseEvent | None) -> None:
        if event is not None and event.button() == Qt.MouseButton.LeftButton:
            if self._current is not None:
                self.extend_stroke(self.to_raster(event.position()))
            self.end_stroke()

    def tabletEvent(self, event: QTabletEvent | None) -> None:
        """Pen input: pressure makes the line thicker or thinner around the brush size."""
        if event is None:
            return
        pos = self.to_raster(event.position())
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self.begin_stroke(pos, self.brush_size * (0.5 + max(event.pressure(), 0.0)))
        elif kind == QTabletEvent.Type.TabletMove:
            self.extend_stroke(pos)
        elif kind == QTabletEvent.Type.TabletRelease:
            self.extend_stroke(pos)
            self.end_stroke()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent | None) -> None:
        if event is None:
            return
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
        elif event.key() == Qt.Key.Key_Z and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.undo()
        else:
            super().keyPressEvent(event)  # arrows etc. go on to the tab (step-through)

    def dragEnterEvent(self, event: QDragEnterEvent | None) -> None:
        if event is not None and (mime := event.mimeData()) is not None and mime.hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent | None) -> None:
        if event is None or (mime := event.mimeData()) is None:
            return
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if not files:
            self._fail("Only files can be dropped here (a PNG or JPEG of a digit).")
            return
        event.acceptProposedAction()
        self.load_image_file(files[0])


def _point(p: QPointF | tuple[float, float]) -> QPointF:
    return p if isinstance(p, QPointF) else QPointF(float(p[0]), float(p[1]))


def _pen(width: float) -> QPen:
    pen = QPen(QColor(255, 255, 255), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen
