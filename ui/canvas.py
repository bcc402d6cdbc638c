"""The drawing canvas: strokes with mouse or pen, undo, clear, and images dropped, opened or pasted.

For grey data sets the canvas keeps a 280×280 grey raster (ten times MNIST's size) with white ink on
black, as MNIST stores digits; what it hands on is the MNIST-style 28×28 input made by
``cnnviz.preprocess``. For colour data sets (``set_colour(size)``) the raster is RGB: an opened, pasted or
picked picture is its background, strokes paint over it in the ink colour, and what it hands on is the
picture as it is, or with strokes the raster shrunk to the data set's input size.
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

from ui.i18n import error_text, translate

# cnnviz.preprocess and cnnviz.data.transforms import torch, cnnviz.images imports PIL: they are imported
# where first used, so that the canvas can be on screen (and drawn on) while torch loads behind it.
RASTER = 280  # raster side in pixels; 10× MNIST
DEFAULT_BRUSH = 22  # raster pixels: after scaling to MNIST's 20×20 box, about MNIST's stroke width
MIN_BRUSH, MAX_BRUSH = 6, 48
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp")
# colour to grey as Pillow's "L" mode does (ITU-R 601), so a camera frame or pasted picture of a digit becomes
# the same input as the same picture opened from a file
GREY_WEIGHTS = np.array([0.299, 0.587, 0.114], np.float32)
INK = (255, 255, 255)  # white, as MNIST's digits; colour data sets can choose another (``set_ink``)


@dataclass
class Stroke:
    width: float
    points: list[QPointF] = field(default_factory=list)
    colour: tuple[int, int, int] = INK


@dataclass(frozen=True)
class Drawing:
    """What undo restores: the background image (a picked or opened picture) and the strokes on it."""

    base: np.ndarray | None
    strokes: tuple[Stroke, ...]
    true_label: int | None


class DrawingCanvas(QWidget):
    input_changed = pyqtSignal(object)  # float32 [0, 1] input, (H, W) grey or (H, W, 3) colour; None when empty
    error = pyqtSignal(str)  # a file could not be used; the drawing is kept

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(translate("DrawingCanvas", "Drawing canvas"))
        self.setToolTip(translate(
            "DrawingCanvas", "Draw a digit. Esc/Delete clears, Ctrl+Z undoes the last stroke; drop a PNG/JPEG here."))
        self.brush_size = DEFAULT_BRUSH
        self.colour_size: tuple[int, int] | None = None  # (h, w) of a colour data set's images; None: grey
        self.ink = INK
        self._raster = QImage(RASTER, RASTER, QImage.Format.Format_Grayscale8)
        self._base: np.ndarray | None = None  # (h, w) grey or (h, w, 3) colour, [0, 1]
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

    @property
    def colour(self) -> bool:
        return self.colour_size is not None

    def set_brush_size(self, size: int) -> None:
        self.brush_size = int(min(max(size, MIN_BRUSH), MAX_BRUSH))

    def set_ink(self, rgb: tuple[int, int, int]) -> None:
        """The colour of the next strokes (colour data sets; grey ones always draw white)."""
        self.ink = (int(rgb[0]), int(rgb[1]), int(rgb[2]))

    def set_colour(self, size: tuple[int, int] | None) -> None:
        """Take colour pictures of ``size`` (h, w), or (None) grey MNIST-style drawings; starts empty, no undo."""
        if size == self.colour_size:
            return
        self.colour_size = None if size is None else (int(size[0]), int(size[1]))
        fmt = QImage.Format.Format_RGB888 if self.colour else QImage.Format.Format_Grayscale8
        self._raster = QImage(RASTER, RASTER, fmt)
        self._history.clear()
        self._current = None
        self._set_drawing(Drawing(None, (), None))

    def begin_stroke(self, point: QPointF | tuple[float, float], width: float | None = None) -> None:
        """Start a stroke at ``point`` in raster coordinates (0…RASTER)."""
        self._remember()
        self.true_label = None
        self._current = Stroke(float(width or self.brush_size), [_point(point)], self.ink if self.colour else INK)
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

    def set_image(self, image: np.ndarray, true_label: int | None = None, remember: bool = True) -> None:
        """Show a picture (uint8 0–255 or floats in [0, 1], told apart by dtype) as the canvas background; it is
        the input as-is. Grey canvases take (H, W) images; colour ones (H, W, 3) or grey (made colour).
        ``remember=False`` (a live camera frame) replaces the picture without an undo step."""
        from cnnviz.data.transforms import to_unit

        img = to_unit(np.asarray(image))
        if self.colour and img.ndim == 2:
            img = np.repeat(img[..., None], 3, axis=2)
        if img.ndim != (3 if self.colour else 2) or (img.ndim == 3 and img.shape[2] != 3) or min(img.shape[:2]) < 1:
            kind = "colour (H, W, 3)" if self.colour else "grey (H, W)"
            raise ValueError(f"expected a {kind} image, got an array of shape {img.shape}")
        if remember:
            self._remember()
        self._set_drawing(Drawing(img, (), true_label))

    def load_image_file(self, path: str | Path) -> bool:
        """Open a picture file: for grey sets a digit (either polarity, made MNIST-style), for colour sets any
        picture (cropped to the data set's shape). On failure emit ``error`` and keep the drawing."""
        from cnnviz.images import ImageLoadError, load_grey_image

        try:
            image = load_grey_image(path, colour=self.colour)
        except ImageLoadError as exc:
            return self._fail(error_text(exc))
        return self.show_picture(image, Path(path).name)

    def show_picture(self, image: np.ndarray, name: str, remember: bool = True) -> bool:
        """A picture from a file, the clipboard or a camera ((H, W) or (H, W, 3) in [0, 1]) made the input the
        way an opened image is: a digit made MNIST-style, a colour picture cropped and shrunk to the set's size.
        ``remember=False``: no undo step (a live camera frame)."""
        from cnnviz.images import fit_image
        from cnnviz.preprocess import prepare_image

        if self.colour_size is not None:
            self.set_image(fit_image(image if image.ndim == 3 else np.repeat(image[..., None], 3, axis=2),
                                     self.colour_size), remember=remember)
            return True
        digit = prepare_image(image @ GREY_WEIGHTS if image.ndim == 3 else image)
        if digit is None:
            return self._fail(translate("DrawingCanvas", "{name}: the image is blank — no digit found.").format(
                name=name))
        self.set_image(digit, remember=remember)
        return True

    def raster(self) -> np.ndarray:
        """The canvas as float32 in [0, 1]: (RASTER, RASTER) grey, ink bright, or (RASTER, RASTER, 3) colour."""
        ptr = self._raster.constBits()
        assert ptr is not None
        ptr.setsize(self._raster.sizeInBytes())
        flat = np.frombuffer(memoryview(ptr), dtype=np.uint8)  # type: ignore[arg-type]
        rows = flat.reshape(RASTER, self._raster.bytesPerLine())
        if self.colour:
            return rows[:, :3 * RASTER].reshape(RASTER, RASTER, 3).astype(np.float32) / 255.0
        return rows[:, :RASTER].astype(np.float32) / 255.0

    def input_image(self) -> np.ndarray | None:
        """The network input: a picked picture unchanged; a drawing made MNIST-style (grey) or the painted
        picture shrunk to the data set's size (colour)."""
        if self._base is not None and not self._strokes:
            return self._base.copy()
        if self.is_empty:
            return None
        if self.colour_size is not None:
            return self._painted_picture(self.colour_size)
        from cnnviz.preprocess import mnist_style

        return mnist_style(self.raster())

    def _painted_picture(self, size: tuple[int, int]) -> np.ndarray:
        """The strokes painted over the picture at the picture's own size: the strokes alone are drawn at
        raster size, shrunk with their coverage, and laid over the picture, whose pixels stay exact where no
        stroke passes (shrinking the whole smoothed raster blurred every edge of a 32×32 picture)."""
        from cnnviz.images import fit_image

        base = self._base if self._base is not None else np.zeros((*size, 3), np.float32)
        layer = QImage(RASTER, RASTER, QImage.Format.Format_RGBA8888_Premultiplied)
        layer.fill(QColor(0, 0, 0, 0))
        painter = QPainter(layer)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_strokes(painter)
        painter.end()
        ptr = layer.constBits()
        assert ptr is not None
        ptr.setsize(layer.sizeInBytes())
        rgba = np.frombuffer(memoryview(ptr), dtype=np.uint8).reshape(RASTER, RASTER, 4)  # type: ignore[arg-type]
        h, w = base.shape[:2]
        paint = fit_image(rgba[..., :3].astype(np.float32) / 255.0, (h, w))  # premultiplied by coverage
        cover = fit_image(np.repeat(rgba[..., 3:].astype(np.float32) / 255.0, 3, axis=2), (h, w))
        return np.clip(base * (1.0 - cover) + paint, 0.0, 1.0).astype(np.float32)

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
            small = np.ascontiguousarray((self._base * 255).astype(np.uint8))
            h, w = small.shape[:2]
            fmt = QImage.Format.Format_RGB888 if small.ndim == 3 else QImage.Format.Format_Grayscale8
            img = QImage(small.tobytes(), w, h, small.strides[0], fmt)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF(0, 0, RASTER, RASTER), img)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_strokes(painter)
        painter.end()
        self.update()

    def _paint_strokes(self, painter: QPainter) -> None:
        for stroke in self._strokes:
            painter.setPen(_pen(stroke.width, stroke.colour))
            painter.drawPoint(stroke.points[0])
            for a, b in zip(stroke.points, stroke.points[1:], strict=False):
                painter.drawLine(a, b)

    def _paint_segment(self, stroke: Stroke, start: int) -> None:
        """Paint the newest piece of a stroke exactly as ``_render`` would (so undo redraws the same)."""
        painter = QPainter(self._raster)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(_pen(stroke.width, stroke.colour))
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
            hint = (translate("DrawingCanvas", "Open, drop or paste a picture\n(or pick one from the test set)")
                    if self.colour else translate("DrawingCanvas", "Draw a digit here\n(or drop an image)"))
            painter.drawText(target, Qt.AlignmentFlag.AlignCenter, hint)
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
            self._fail(translate("DrawingCanvas", "Only files can be dropped here (a PNG or JPEG of a digit)."))
            return
        event.acceptProposedAction()
        self.load_image_file(files[0])

def _point(p: QPointF | tuple[float, float]) -> QPointF:
    return p if isinstance(p, QPointF) else QPointF(float(p[0]), float(p[1]))

def _pen(width: float, colour: tuple[int, int, int] = INK) -> QPen:
    pen = QPen(QColor(*colour), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen
