"""The Explain tab: the receptive field and dot product behind any cell, saliency maps, the invariance probe.

All numbers come from ``cnnviz.explain``; this module only draws them and turns clicks into core calls.
Saliency and the probe run on a worker thread with their own copy of the model, newest request only.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QEvent, QObject, QRectF, QSize, Qt, QThread, pyqtSignal, pyqtSlot
from PyQt6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QShowEvent
from PyQt6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGraphicsRectItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from torch import nn

from cnnviz.explain import (
    AXES,
    METHODS,
    CellRegion,
    DotProduct,
    ProbeCurve,
    SaliencyMap,
    ShiftedMaps,
    cell_regions,
    conv_parts,
    dot_product_stages,
    explain_cell,
    explain_residual,
    last_conv_stage,
    probe_curve,
    probe_values,
    saliency,
    shifted_first_maps,
)
from cnnviz.introspect import Capture, PoolWindow, pool_params, pool_window
from cnnviz.introspect.receptive_field import receptive_fields
from cnnviz.models import ResidualBlock
from cnnviz.models.staged import StagedNet
from cnnviz.paths import user_data_dir
from cnnviz.training import CheckpointError, CheckpointMeta, TrainedModel, load_checkpoint, save_checkpoint, train_model
from ui.colormaps import colorize, value_range
from ui.map_view import PictureItem, image_view_box, is_palette_change, palette_colours, restyle_plots
from ui.state import AppState
from ui.theme import CNN_COLOR, FC_COLOR, HIGHLIGHT
from ui.workers import TrainWorker, start_in_thread, stop_thread

pg.setConfigOptions(imageAxisOrder="row-major")

FC_ARCH = "mlp"
FC_EPOCHS = 3
FC_SUBSET = 30_000
SHIFT_STRIP = (-4.0, -2.0, 0.0, 2.0, 4.0)
SALIENCY_MAP = "inferno"
CELL_HELP = ("Click any cell of any map: its receptive field — the part of each earlier map and of the 28×28 input "
             "it can see — is outlined, and below is the arithmetic that produced its value.")
BREAKDOWN_HELP = "Click a cell to see how its value was computed."
MAX_CHANNEL_ROWS = 6  # breakdown rows shown; the rest are summed in one line


def fc_model_path() -> Path:
    """Where the small FC network used for the probe's comparison is cached."""
    return user_data_dir() / "probe_mlp.pt"


# -- background work ------------------------------------------------------------------------------
class ExplainWorker(QObject):
    """Runs one explain job (a zero-argument callable over its own model copy) at a time, off the GUI thread."""

    done = pyqtSignal(int, str, object)  # request id, kind, result
    failed = pyqtSignal(int, str, str)  # request id, kind, message

    @pyqtSlot(int, str, object)
    def run(self, request_id: int, kind: str, job: Callable[[], Any]) -> None:
        try:
            self.done.emit(request_id, kind, job())
        except Exception as exc:  # shown in the tab; the app keeps working
            self.failed.emit(request_id, kind, f"{type(exc).__name__}: {exc}")


class LatestOnly(QObject):
    """Per kind of job: at most one in flight, and only the newest waiting job runs next (stale ones dropped)."""

    result = pyqtSignal(str, object)
    error = pyqtSignal(str, str)
    _submit = pyqtSignal(int, str, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._worker = ExplainWorker()
        self._thread: QThread | None = start_in_thread(self._worker)
        self._submit.connect(self._worker.run)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._next_id = 0
        self._in_flight: dict[str, int] = {}
        self._waiting: dict[str, Callable[[], Any]] = {}

    def submit(self, kind: str, job: Callable[[], Any]) -> None:
        if kind in self._in_flight:
            self._waiting[kind] = job
            return
        self._next_id += 1
        self._in_flight[kind] = self._next_id
        self._submit.emit(self._next_id, kind, job)

    def busy(self, kind: str) -> bool:
        return kind in self._in_flight

    def _finish(self, request_id: int, kind: str) -> bool:
        """True when this answer is the newest one wanted (nothing newer is waiting)."""
        if self._in_flight.get(kind) != request_id:
            return False
        del self._in_flight[kind]
        waiting = self._waiting.pop(kind, None)
        if waiting is not None:
            self.submit(kind, waiting)
            return False
        return True

    def _on_done(self, request_id: int, kind: str, result: object) -> None:
        if self._finish(request_id, kind):
            self.result.emit(kind, result)

    def _on_failed(self, request_id: int, kind: str, message: str) -> None:
        if self._finish(request_id, kind):
            self.error.emit(kind, message)

    def shutdown(self) -> None:
        stop_thread(self._thread)
        self._thread = None


# -- small drawing helpers ------------------------------------------------------------------------
def _outline(box: pg.ViewBox, color: str, width: float = 2.5) -> QGraphicsRectItem:
    rect = QGraphicsRectItem()
    pen = QPen(QColor(color))
    pen.setWidthF(width)
    pen.setCosmetic(True)
    rect.setPen(pen)
    rect.setZValue(10)
    rect.hide()
    box.addItem(rect)
    return rect


def _place(rect: QGraphicsRectItem, top: int, left: int, bottom: int, right: int) -> None:
    rect.setRect(QRectF(left, top, right - left + 1, bottom - top + 1))
    rect.show()


def _export_button(on_export: Callable[[], None]) -> QPushButton:
    button = QPushButton("Export PNG…")
    button.setToolTip("Save this panel as a PNG image")
    button.clicked.connect(on_export)
    return button


class ImagePanel(QWidget):
    """A titled picture (one map, or a digit with a colour overlay) that reports clicked pixels."""

    clicked = pyqtSignal(int, int)  # row, col

    def __init__(self, title: str = "", size: int = 150, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        self.title = QLabel(title)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground(None)  # the window shows through around the square picture
        self.view.setMinimumSize(size, size)
        self.view.ci.setContentsMargins(0, 0, 0, 0)
        self.box = image_view_box()
        self.view.addItem(self.box)
        self.picture = PictureItem()
        self.picture.on_click = lambda r, c: self.clicked.emit(r, c)
        self.box.addItem(self.picture)
        self.overlay = pg.ImageItem()
        self.overlay.setZValue(5)
        self.box.addItem(self.overlay)
        self.cell_outline = _outline(self.box, HIGHLIGHT, 3.0)
        self.region_outline = _outline(self.box, HIGHLIGHT)
        self._centre: pg.InfiniteLine | None = None
        layout.addWidget(self.view, 1)

    def show_values(self, values: np.ndarray, cmap: str, levels: tuple[float, float] | None = None) -> None:
        levels = levels or value_range(values)
        self.picture.show_rgb(colorize(values, cmap, levels, "#000000"))
        self.box.autoRange(padding=0.02)

    def show_overlay(self, rgba: np.ndarray | None) -> None:
        if rgba is None:
            self.overlay.clear()
        else:
            self.overlay.setImage(rgba, autoLevels=False, levels=(0, 255))

    def mark_centre(self, width: int) -> None:
        """A dashed vertical line through the middle, so a sideways move is easy to see."""
        if self._centre is None:
            self._centre = pg.InfiniteLine(angle=90, pen=pg.mkPen(HIGHLIGHT, width=1, style=Qt.PenStyle.DashLine))
            self._centre.setZValue(8)
            self.box.addItem(self._centre)
        self._centre.setPos(width / 2)

    def clear_outlines(self) -> None:
        self.cell_outline.hide()
        self.region_outline.hide()


# -- "Behind a number": the breakdown drawing ------------------------------------------------------
@dataclass(frozen=True)
class GridRow:
    """One line of the breakdown: a label, a few matrices joined by operators, and a result."""

    label: str
    matrices: list[np.ndarray]
    signed: list[bool]  # diverging colours (weights, products) or grey (input values)
    operators: list[str]  # between the matrices
    result: str
    marked: tuple[int, int] | None = None  # a cell to ring in the first matrix (max pooling's winner)


class BreakdownCanvas(QWidget):
    """Paints numbers in coloured grids: window × weights = products, Σ, one row per input channel."""

    CELL = 38

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[GridRow] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[GridRow]) -> None:
        self.rows = rows
        self.setFixedHeight(self.sizeHint().height())
        self.setMinimumWidth(self.sizeHint().width())
        self.update()

    def _row_height(self, row: GridRow) -> int:
        return max(m.shape[0] for m in row.matrices) * self.CELL + 14

    def sizeHint(self) -> QSize:
        height = sum(self._row_height(r) for r in self.rows) + 8
        width = max((130 + sum(m.shape[1] * self.CELL + 40 for m in r.matrices) + 220 for r in self.rows), default=400)
        return QSize(width, max(height, 10))

    def paintEvent(self, event: QPaintEvent | None) -> None:
        painter = QPainter(self)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        big = QFont(self.font())
        big.setPointSizeF(font.pointSizeF() * 1.6)
        text_colour = self.palette().windowText().color()
        y = 4
        for row in self.rows:
            h = self._row_height(row)
            painter.setFont(self.font())
            painter.setPen(text_colour)
            painter.drawText(QRectF(4, y, 122, h - 10), Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                             row.label)
            x = 130.0
            for i, (matrix, signed) in enumerate(zip(row.matrices, row.signed, strict=True)):
                top = y + (h - 10 - matrix.shape[0] * self.CELL) / 2
                self._matrix(painter, font, matrix, signed, x, top, row.marked if i == 0 else None)
                x += matrix.shape[1] * self.CELL
                if i < len(row.operators):
                    painter.setFont(big)
                    painter.setPen(text_colour)
                    painter.drawText(QRectF(x, y, 40, h - 10), Qt.AlignmentFlag.AlignCenter, row.operators[i])
                x += 40
            painter.setFont(self.font())
            painter.setPen(text_colour)
            painter.drawText(QRectF(x, y, 400, h - 10), Qt.AlignmentFlag.AlignVCenter, row.result)
            y += h
        painter.end()

    def _matrix(self, painter: QPainter, font: QFont, matrix: np.ndarray, signed: bool, x: float, y: float,
                marked: tuple[int, int] | None) -> None:
        # input values in grey, darkest at the smallest (blank paper is −0.42 once normalised), signed ones diverging
        levels = (value_range(matrix, signed=True) if signed
                  else (min(0.0, float(matrix.min())), max(1.0, float(matrix.max()))))
        rgb = colorize(matrix, "CET-D1" if signed else "grey", levels, "#000000")
        painter.setFont(font)
        for r in range(matrix.shape[0]):
            for c in range(matrix.shape[1]):
                red, green, blue = (int(v) for v in rgb[r, c])
                cell = QRectF(x + c * self.CELL, y + r * self.CELL, self.CELL, self.CELL)
                painter.fillRect(cell, QColor(red, green, blue))
                painter.setPen(QColor("#999999"))
                painter.drawRect(cell)
                light = 0.299 * red + 0.587 * green + 0.114 * blue > 140
                painter.setPen(QColor("#000000" if light else "#ffffff"))
                painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, _number(float(matrix[r, c])))
        if marked is not None:
            pen = QPen(QColor(HIGHLIGHT))
            pen.setWidth(3)
            painter.setPen(pen)
            painter.drawRect(QRectF(x + marked[1] * self.CELL, y + marked[0] * self.CELL, self.CELL, self.CELL))


def _number(value: float) -> str:
    """Two decimals, without the "-0.00" that rounding a tiny negative gives."""
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


def conv_rows(dp: DotProduct, source: str, limit: int = MAX_CHANNEL_ROWS) -> tuple[list[GridRow], str]:
    """Rows for the ``source`` maps that contribute most, and a sentence with the whole sum."""
    sums = dp.channel_sums
    order = np.argsort(-np.abs(sums))[:limit]
    rows = [
        GridRow(f"{source} map {int(ch) + 1}" if len(sums) > 1 else "the pixels", [dp.window[ch], dp.weights[ch],
                dp.products[ch]], [False, True, True], ["×", "="], f"Σ = {sums[ch]:+.3f}")
        for ch in order
    ]
    rest = len(sums) - len(order)
    hidden = f" (+ {rest} more {source} maps with Σ = {float(sums.sum() - sums[order].sum()):+.3f})" if rest else ""
    act = {"ReLU": f"ReLU keeps positives: max(0, {dp.pre_activation:.3f})",
           "tanh": f"tanh({dp.pre_activation:.3f})"}.get(dp.activation, "no activation")
    pixels = (" The first layer sees the normalised pixels ((value − 0.1307) / 0.3081), so blank paper is −0.42;"
              " the padding around the image is 0." if dp.input_normalised else "")
    bn = " Batch norm is folded into these weights and bias." if dp.batch_norm_folded else ""
    text = (f"<b>{dp.stage}, map {dp.channel + 1}, cell ({dp.row}, {dp.col})</b>: multiply the window by the filter "
            f"and add everything up: Σ products = {float(dp.products.sum()):+.3f}{hidden}, plus bias "
            f"{dp.bias:+.3f} = {dp.pre_activation:+.3f}; {act} = <b>{dp.result:.3f}</b>, the value in the map."
            f"{pixels}{bn}")
    return rows, text


def pool_rows(window: PoolWindow, mode: str, stage: str, channel: int, row: int, col: int) -> tuple[list[GridRow], str]:
    what = "the largest value wins" if mode == "max" else "the values are averaged"
    grid = GridRow("pooled window", [window.values], [False], [], f"→ {window.result:.3f}", window.winner)
    text = (f"<b>{stage}, map {channel + 1}, cell ({row}, {col})</b>: a {window.values.shape[0]}×"
            f"{window.values.shape[1]} window of the previous map; {what}: <b>{window.result:.3f}</b>. "
            "No weights: pooling only summarises.")
    return [grid], text


def _describe(meta: CheckpointMeta | None) -> str:
    """A model's name and how it was trained, from its checkpoint metadata (never typed in)."""
    if meta is None:
        return "–"
    acc = f"{meta.test_accuracy:.1%} test accuracy" if meta.test_accuracy is not None else "accuracy unknown"
    samples = meta.extra.get("train_samples")
    on = f" on {samples:,} digits" if isinstance(samples, int) else ""
    hidden = f", {meta.model_kwargs['hidden']} hidden units" if "hidden" in meta.model_kwargs else ""
    return f"{meta.model}{hidden}, {meta.epochs} epoch{'s' if meta.epochs != 1 else ''}{on}, {acc}"


# -- the tab ------------------------------------------------------------------------------------------
class ExplainTab(QWidget):
    """Three views over the current capture: Behind a number, Saliency, Invariance probe."""

    cell_explained = pyqtSignal()  # the breakdown and outlines for the selected cell are shown
    saliency_shown = pyqtSignal()
    probe_shown = pyqtSignal()
    fc_ready = pyqtSignal()

    def __init__(self, state: AppState, fc_epochs: int = FC_EPOCHS, fc_subset: int | None = FC_SUBSET,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self._fc_epochs, self._fc_subset = fc_epochs, fc_subset
        self.fc_model: StagedNet | None = None
        self.fc_meta: CheckpointMeta | None = None
        self._fc_thread: QThread | None = None
        self._fc_worker: TrainWorker | None = None
        self._worker_model: StagedNet | None = None  # the worker's own copy of the current model
        self.selection: tuple[str, int, int, int] | None = None  # stage, channel, row, col
        self._regions: dict[tuple[str, int, int], list[CellRegion]] = {}
        self.dot_product: DotProduct | None = None
        self.saliency_maps: dict[str, SaliencyMap | str] = {}
        self.probe: dict[str, dict[str, ProbeCurve]] = {}
        self.shifted: ShiftedMaps | None = None
        self.runner = LatestOnly(self)
        self.runner.result.connect(self._on_result)
        self.runner.error.connect(self._on_error)

        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        header.addWidget(self.summary, 1)
        self.sample_button = QPushButton("Use a random test digit")
        self.sample_button.setToolTip("Put a digit from the MNIST test set on the canvas")
        self.sample_button.clicked.connect(self.use_random_test_digit)
        header.addWidget(self.sample_button)
        layout.addLayout(header)
        self.views = QTabWidget()
        layout.addWidget(self.views, 1)
        self.cell_view = self._build_cell_view()
        self.saliency_view = self._build_saliency_view()
        self.probe_view = self._build_probe_view()
        self.views.addTab(self.cell_view, "Behind a number")
        self.views.addTab(self.saliency_view, "Saliency")
        self.views.addTab(self.probe_view, "Invariance probe")
        self.views.currentChanged.connect(lambda _: self.refresh())

        self.stage_panels: dict[str, ImagePanel] = {}
        self.stage_channels: dict[str, QSpinBox] = {}
        self._rng = np.random.default_rng()
        state.model_changed.connect(self._on_model_changed)
        state.capture_changed.connect(self.refresh)
        self._on_model_changed()

    # -- building ------------------------------------------------------------------------------------
    def _build_cell_view(self) -> QWidget:
        view = QWidget()
        layout = QVBoxLayout(view)
        top = QHBoxLayout()
        self.cell_help = QLabel(CELL_HELP)
        self.cell_help.setWordWrap(True)
        top.addWidget(self.cell_help, 1)
        top.addWidget(_export_button(lambda: self.export_dialog("cell")))
        layout.addLayout(top)
        self.stage_strip = QHBoxLayout()
        strip = QWidget()
        strip.setLayout(self.stage_strip)
        strip.setMaximumHeight(290)
        layout.addWidget(strip, 2)
        self.breakdown_text = QLabel(BREAKDOWN_HELP)
        self.breakdown_text.setWordWrap(True)
        self.breakdown_text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.breakdown_text)
        self.breakdown = BreakdownCanvas()
        scroll = QScrollArea()
        scroll.setWidget(self.breakdown)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(scroll, 4)
        return view

    def _build_saliency_view(self) -> QWidget:
        view = QWidget()
        layout = QHBoxLayout(view)
        self.saliency_panel = ImagePanel("", size=360)
        self.saliency_panel.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        layout.addWidget(self.saliency_panel, 3)
        side = QVBoxLayout()
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Method:"))
        self.method_box = QComboBox()
        for key, method in METHODS.items():
            self.method_box.addItem(method.title, key)
        self.method_box.currentIndexChanged.connect(lambda _: self._show_saliency())
        controls.addWidget(self.method_box)
        controls.addWidget(QLabel("Class:"))
        self.class_box = QComboBox()
        self.class_box.currentIndexChanged.connect(lambda _: self.refresh())
        controls.addWidget(self.class_box)
        controls.addStretch(1)
        controls.addWidget(_export_button(lambda: self.export_dialog("saliency")))
        side.addLayout(controls)
        opacity = QHBoxLayout()
        opacity.addWidget(QLabel("Overlay opacity:"))
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(70)
        self.opacity.valueChanged.connect(lambda _: self._show_saliency())
        opacity.addWidget(self.opacity, 1)
        side.addLayout(opacity)
        self.method_caption = QLabel()
        self.method_caption.setWordWrap(True)
        side.addWidget(self.method_caption)
        side.addWidget(QLabel("All methods for the same class (click one to enlarge it):"))
        grid = QGridLayout()
        self.method_thumbs: dict[str, ImagePanel] = {}
        for i, (key, method) in enumerate(METHODS.items()):
            thumb = ImagePanel(method.title, size=150)
            thumb.clicked.connect(lambda _r, _c, key=key: self.method_box.setCurrentIndex(list(METHODS).index(key)))
            self.method_thumbs[key] = thumb
            grid.addWidget(thumb, i // 3, i % 3)
        side.addLayout(grid, 1)
        layout.addLayout(side, 4)
        return view

    def _build_probe_view(self) -> QWidget:
        view = QWidget()
        layout = QVBoxLayout(view)
        top = QHBoxLayout()
        self.fc_status = QLabel()
        self.fc_status.setWordWrap(True)
        top.addWidget(self.fc_status, 1)
        top.addWidget(_export_button(lambda: self.export_dialog("probe")))
        layout.addLayout(top)
        plots = QHBoxLayout()
        self.probe_plots: dict[str, pg.PlotWidget] = {}
        for axis, label in AXES.items():
            plot = pg.PlotWidget()
            plot.setMinimumHeight(240)
            plot.setLabel("bottom", label)
            plot.setLabel("left", "probability of the class")
            plot.setYRange(-0.08, 1.12, padding=0)
            plot.showGrid(x=True, y=True, alpha=0.3)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            self.probe_plots[axis] = plot
            plots.addWidget(plot)
        layout.addLayout(plots, 1)
        self.probe_summary = QLabel()
        self.probe_summary.setWordWrap(True)
        layout.addWidget(self.probe_summary)
        shared = QHBoxLayout()
        caption = QVBoxLayout()
        self.sharing_caption = QLabel()
        self.sharing_caption.setWordWrap(True)
        caption.addWidget(self.sharing_caption)
        pick = QHBoxLayout()
        pick.addWidget(QLabel("First-layer map:"))
        self.shift_channel = QSpinBox()
        self.shift_channel.setMinimum(1)
        self.shift_channel.valueChanged.connect(lambda _: self._show_shifted())
        pick.addWidget(self.shift_channel)
        pick.addStretch(1)
        caption.addLayout(pick)
        caption.addStretch(1)
        shared.addLayout(caption, 2)
        self.shift_digits: list[ImagePanel] = []
        self.shift_maps: list[ImagePanel] = []
        for dx in SHIFT_STRIP:
            column = QVBoxLayout()
            digit, fmap = ImagePanel(f"shift {dx:+.0f} px", size=100), ImagePanel("", size=100)
            column.addWidget(digit)
            column.addWidget(fmap)
            self.shift_digits.append(digit)
            self.shift_maps.append(fmap)
            shared.addLayout(column, 1)
        sharing = QWidget()
        sharing.setLayout(shared)
        sharing.setMaximumHeight(270)
        layout.addWidget(sharing)
        return view

    # -- model and input -----------------------------------------------------------------------------
    def _on_model_changed(self) -> None:
        model = self.state.model
        self._worker_model = copy.deepcopy(model) if model is not None else None
        self.selection, self.dot_product = None, None
        self.saliency_maps, self.probe, self.shifted = {}, {}, None
        self._regions = {}
        self._rebuild_stage_panels()
        names = self.state.data.class_names
        self.class_box.blockSignals(True)
        self.class_box.clear()
        self.class_box.addItem("the predicted class", None)
        for i, name in enumerate(names):
            self.class_box.addItem(name, i)
        self.class_box.blockSignals(False)
        self.refresh()

    def _spatial_stages(self) -> list[str]:
        model = self.state.model
        if model is None:
            return []
        return ["input", *(f.stage for f in receptive_fields(model) if f.spatial)]

    def _rebuild_stage_panels(self) -> None:
        while self.stage_strip.count():
            item = self.stage_strip.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.stage_panels, self.stage_channels = {}, {}
        stages = self._spatial_stages()
        self.cell_help.setText(CELL_HELP if len(stages) > 1 or self.state.model is None else
                               f"{self.state.model.arch} has no feature maps: every neuron of a fully connected "
                               "layer sees the whole image, so there is no receptive field or sliding dot product "
                               "to show. Pick a CNN to explore this view.")
        for name in stages:
            column = QWidget()
            col_layout = QVBoxLayout(column)
            col_layout.setContentsMargins(0, 0, 0, 0)
            panel = ImagePanel(name, size=140)
            panel.clicked.connect(lambda r, c, name=name: self.select_cell(name, self.channel_of(name), r, c))
            col_layout.addWidget(panel, 1)
            spin = QSpinBox()
            spin.setPrefix("map ")
            spin.setMinimum(1)
            spin.valueChanged.connect(lambda _v, name=name: self._on_channel_changed(name))
            col_layout.addWidget(spin)
            self.stage_panels[name], self.stage_channels[name] = panel, spin
            self.stage_strip.addWidget(column, 1)

    def _first_example(self, cap: Capture, model: StagedNet) -> tuple[str, int, int, int] | None:
        """Something to look at before the first click: the strongest cell of the last conv stage's shown map."""
        stages = [name for name in dot_product_stages(model) if name in self.stage_panels]
        if not stages:
            return None
        channel = self.channel_of(stages[-1])
        fmap = cap.stage(stages[-1]).output[channel]
        row, col = np.unravel_index(int(np.argmax(fmap)), fmap.shape)
        return stages[-1], channel, int(row), int(col)

    def channel_of(self, stage: str) -> int:
        return self.stage_channels[stage].value() - 1

    def use_random_test_digit(self) -> None:
        data = self.state.data
        i = int(self._rng.integers(len(data.test_labels)))
        self.state.set_input(data.test_images[i].astype(np.float32) / 255.0, int(data.test_labels[i]))

    # -- refreshing ----------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent | None) -> None:
        super().showEvent(event)
        self.refresh()

    def changeEvent(self, event: QEvent | None) -> None:
        super().changeEvent(event)
        if is_palette_change(event):
            restyle_plots(self, *palette_colours(self))
            for panel in self.findChildren(ImagePanel):
                panel.view.setBackground(None)  # pictures stay on the window's own colour

    def refresh(self) -> None:
        """Redraw what the current capture changed; heavy views only while they are on screen."""
        cap, model = self.state.capture, self.state.model
        self._update_summary(cap)
        if model is None or cap is None:  # an empty canvas: nothing to explain, nothing stale left on screen
            for panel in (*self.stage_panels.values(), self.saliency_panel, *self.method_thumbs.values()):
                panel.picture.clear()
                panel.show_overlay(None)
                panel.clear_outlines()
            self.breakdown.set_rows([])
            self.breakdown_text.setText(BREAKDOWN_HELP)
            self.saliency_panel.title.setText("")
            self.saliency_maps, self.dot_product = {}, None
            return
        if not self.isVisible():
            return  # drawn when shown: a hidden tab costs nothing while the user draws elsewhere
        self._show_stages(cap)
        if self.selection is None:
            self.selection = self._first_example(cap, model)
        if self.selection is not None:
            self.select_cell(*self.selection)
        current = self.views.currentWidget()
        if current is self.saliency_view:
            self._request_saliency()
        elif current is self.probe_view:
            self._request_probe()

    def _update_summary(self, cap: Capture | None) -> None:
        if self.state.model is None:
            self.summary.setText("No model yet: one is being trained or can be opened from the File menu.")
        elif cap is None:
            self.summary.setText("Draw a digit, or use a random test digit, to see what the network does with it.")
        else:
            names = self.state.data.class_names
            truth = (f" (true label: {names[self.state.true_label]})" if self.state.true_label is not None else "")
            self.summary.setText(
                f"<b>{self.state.model.arch}</b> predicts <b>{names[cap.prediction]}</b> with "
                f"{cap.probabilities.max():.0%} probability{truth}.")

    def _show_stages(self, cap: Capture) -> None:
        for name, panel in self.stage_panels.items():
            output = cap.stage(name).output
            spin = self.stage_channels[name]
            spin.blockSignals(True)
            spin.setMaximum(output.shape[0])
            spin.setSuffix(f" of {output.shape[0]}")
            spin.setVisible(output.shape[0] > 1)
            spin.blockSignals(False)
            stage = cap.stage(name)
            panel.title.setText(f"{stage.title}\n{'×'.join(str(s) for s in stage.shape)}")
            fmap = output[self.channel_of(name)]
            panel.show_values(fmap, "grey" if name == "input" else "viridis",
                              (0.0, 1.0) if name == "input" else None)

    def _on_channel_changed(self, stage: str) -> None:
        cap = self.state.capture
        if cap is None:
            return
        self._show_stages(cap)
        if self.selection is not None and self.selection[0] == stage:
            _, _, row, col = self.selection
            self.select_cell(stage, self.channel_of(stage), row, col)

    # -- behind a number ---------------------------------------------------------------------------------
    def select_cell(self, stage: str, channel: int, row: int, col: int) -> None:
        """Outline the cell's receptive field on every earlier map and break its value down."""
        cap, model = self.state.capture, self.state.model
        if cap is None or model is None or stage not in self.stage_panels or stage == "input":
            return
        c, h, w = cap.stage(stage).output.shape
        if not (0 <= channel < c and 0 <= row < h and 0 <= col < w):
            return
        self.selection = (stage, channel, row, col)
        if self.channel_of(stage) != channel:
            self.stage_channels[stage].setValue(channel + 1)  # redraws, then comes back here
            return
        for panel in self.stage_panels.values():
            panel.clear_outlines()
        _place(self.stage_panels[stage].cell_outline, row, col, row, col)
        key = (stage, row, col)
        if key not in self._regions:  # geometry only: the same for every input, so kept per model
            self._regions[key] = cell_regions(model, stage, row, col)
        for region in self._regions[key]:
            if region.stage in self.stage_panels:
                _place(self.stage_panels[region.stage].region_outline, region.top, region.left, region.bottom,
                       region.right)
        module = dict(model.named_children())[stage]
        size = next(f.size for f in receptive_fields(model) if f.stage == stage)
        seen = f" It sees a {size:.0f}×{size:.0f}-pixel patch of the input (outlined, clipped at the borders)."
        self.dot_product = None
        if conv_parts(module) is not None:
            self.dot_product = explain_cell(model, cap, stage, channel, row, col)
            names = [st.name for st in cap.stages]
            rows, text = conv_rows(self.dot_product, names[names.index(stage) - 1])
        else:
            rows, text = self._other_rows(cap, stage, module, channel, row, col)
        self.breakdown.set_rows(rows)
        self.breakdown_text.setText(text + seen)
        self.cell_explained.emit()

    def _other_rows(self, cap: Capture, stage: str, module: Any, channel: int, row: int,
                    col: int) -> tuple[list[GridRow], str]:
        if isinstance(module, ResidualBlock):
            model = self.state.model
            assert model is not None
            parts = explain_residual(model, cap, stage, channel, row, col)
            projected = "" if isinstance(module.shortcut, nn.Identity) else " through a 1×1 projection"
            return [], (f"<b>{stage}, map {channel + 1}, cell ({row}, {col})</b>: a residual block adds two paths. "
                        f"The main path (3×3 conv, batch norm, ReLU, 3×3 conv, batch norm) gives {parts.main:+.3f}; "
                        f"the shortcut carries the block's input{projected} here: {parts.shortcut:+.3f}. "
                        f"ReLU({parts.main:+.3f} {parts.shortcut:+.3f}) = "
                        f"<b>{parts.result:.3f}</b>, the value in the map.")
        try:
            kernel, stride, mode = pool_params(module)
        except TypeError:
            return [], (f"<b>{stage}, map {channel + 1}, cell ({row}, {col})</b> = "
                        f"{cap.stage(stage).output[channel, row, col]:.3f}. This stage is more than one "
                        "convolution (for example a residual block), so there is no single dot product to show.")
        names = [s.name for s in cap.stages]
        before = cap.stages[names.index(stage) - 1].output[channel]
        return pool_rows(pool_window(before, row, col, kernel, stride, mode), mode, stage, channel, row, col)

    # -- saliency -------------------------------------------------------------------------------------
    def _target(self) -> int | None:
        data = self.class_box.currentData()
        return None if data is None else int(data)

    def _request_saliency(self) -> None:
        """The chosen method first (it is what the big overlay shows), then the thumbnails' other methods."""
        model, image = self._worker_model, self.state.image
        if model is None or image is None:
            return
        target, chosen = self._target(), self.method_box.currentData()

        def job(keys: list[str]) -> Callable[[], dict[str, SaliencyMap | str]]:
            def run() -> dict[str, SaliencyMap | str]:
                maps: dict[str, SaliencyMap | str] = {}
                for key in keys:
                    try:
                        maps[key] = saliency(model, image, key, target)
                    except ValueError as exc:  # e.g. Grad-CAM on a network without conv stages
                        maps[key] = str(exc)
                return maps
            return run

        self.runner.submit("saliency", job([chosen]))
        self.runner.submit("saliency-others", job([key for key in METHODS if key != chosen]))

    def _overlay(self, values: np.ndarray) -> np.ndarray:
        rgb = colorize(values, SALIENCY_MAP, (0.0, 1.0), "#000000")
        alpha = (np.clip(values, 0, 1) ** 0.5 * 255 * self.opacity.value() / 100).astype(np.uint8)
        return np.dstack([rgb, alpha])

    def _show_saliency(self) -> None:
        image = self.state.image
        key = self.method_box.currentData()
        self.method_caption.setText(f"{METHODS[key].caption} Brighter = mattered more; each map is scaled to its "
                                    "own maximum, so compare where, not how much.")
        if image is None or not self.saliency_maps:
            return
        for method, thumb in self.method_thumbs.items():
            self._paint_saliency(thumb, image, self.saliency_maps.get(method))
        result = self.saliency_maps.get(key)
        self._paint_saliency(self.saliency_panel, image, result)
        names = self.state.data.class_names
        if isinstance(result, SaliencyMap):
            self.saliency_panel.title.setText(
                f"{METHODS[key].title}: what mattered for class {names[result.target]} "
                f"(probability {result.probability:.1%})")
        elif isinstance(result, str):
            self.saliency_panel.title.setText(f"{METHODS[key].title} is not available: {result}")
        self.saliency_shown.emit()

    def _paint_saliency(self, panel: ImagePanel, image: np.ndarray, result: SaliencyMap | str | None) -> None:
        panel.show_values(image, "grey", (0.0, 2.0))  # the digit dimmed, so the colours stand out
        panel.show_overlay(self._overlay(result.values) if isinstance(result, SaliencyMap) else None)

    # -- probe ------------------------------------------------------------------------------------------
    def _request_probe(self) -> None:
        model, image = self._worker_model, self.state.image
        if model is None or image is None:
            return
        self._ensure_fc_model()
        fc = copy.deepcopy(self.fc_model) if self.fc_model is not None else None

        def job() -> tuple[dict[str, dict[str, ProbeCurve]], ShiftedMaps | None]:
            models = {"cnn": model, **({"fc": fc} if fc is not None else {})}
            curves = {
                key: {axis: probe_curve(net, image, axis, probe_values(axis, 13 if axis == "angle" else 9))
                      for axis in AXES}
                for key, net in models.items()
            }
            try:
                shifted = shifted_first_maps(model, image, np.array(SHIFT_STRIP))
            except ValueError:  # a fully connected model: no maps to move
                shifted = None
            return curves, shifted

        self.runner.submit("probe", job)

    def _ensure_fc_model(self) -> None:
        if self.fc_model is not None or self._fc_thread is not None:
            return
        path = fc_model_path()
        if path.is_file():
            try:
                model, meta = load_checkpoint(path)
            except CheckpointError as exc:
                self.fc_status.setText(f"The cached FC network could not be opened ({exc}); training a new one…")
            else:
                self.set_fc_model(model, meta)
                return
        self._train_fc()

    def _train_fc(self) -> None:
        data, epochs, subset = self.state.data, self._fc_epochs, self._fc_subset

        def job(on_batch: Any, on_epoch: Any, should_stop: Any) -> TrainedModel:
            return train_model(FC_ARCH, data, epochs=epochs, subset=subset, on_epoch=on_epoch,
                               should_stop=should_stop)

        worker = TrainWorker(job)
        worker.epoch_done.connect(lambda m: self.fc_status.setText(
            f"Training the FC network for comparison: epoch {m.epoch} of {epochs} done…"))
        worker.finished.connect(self._on_fc_trained)
        worker.failed.connect(lambda msg: self._end_fc_training(f"Training the FC network failed: {msg}"))
        worker.cancelled.connect(lambda: self._end_fc_training("Training the FC network was cancelled."))
        self.fc_status.setText(
            f"Training a small fully connected network ({FC_ARCH}) in the background to compare with — "
            f"{epochs} epochs on {subset or len(data.train_labels):,} digits. The CNN's curves are shown meanwhile.")
        self._fc_worker = worker
        self._fc_thread = start_in_thread(worker, worker.run)

    def _end_fc_training(self, message: str | None = None) -> None:
        stop_thread(self._fc_thread)
        self._fc_thread, self._fc_worker = None, None
        if message:
            self.fc_status.setText(message)

    def _on_fc_trained(self, trained: TrainedModel) -> None:
        self._end_fc_training()
        self.set_fc_model(trained.model, trained.meta)
        try:
            save_checkpoint(trained.model, fc_model_path(), trained.meta)
        except OSError as exc:  # still used for this session; trained again next time
            self.fc_status.setText(f"{self.fc_status.text()} (Could not cache it: {exc}.)")

    def set_fc_model(self, model: StagedNet, meta: CheckpointMeta) -> None:
        """The fully connected network the probe compares the CNN with."""
        self.fc_model, self.fc_meta = model.eval(), meta
        self.fc_status.setText(
            f"<span style='color:{CNN_COLOR}'>■ {self._current_label()}</span>: {_describe(self.state.meta)}"
            "&nbsp;&nbsp; "
            f"<span style='color:{FC_COLOR}'>■ FC</span>: {_describe(meta)}")
        self.fc_ready.emit()
        if self.isVisible() and self.views.currentWidget() is self.probe_view:
            self._request_probe()

    def _current_label(self) -> str:
        """What the probe calls the current model: "CNN", or its name when it has no convolution."""
        model = self.state.model
        return "CNN" if model is not None and last_conv_stage(model) is not None else (model.arch if model else "–")

    def _show_probe(self) -> None:
        names = self.state.data.class_names
        lines = []
        for axis, plot in self.probe_plots.items():
            plot.clear()
            for key, colour, label in (("cnn", CNN_COLOR, self._current_label()), ("fc", FC_COLOR, "FC")):
                curve = self.probe.get(key, {}).get(axis)
                if curve is None:
                    continue
                plot.setLabel("left", f"probability of {names[curve.reference_class]}")
                plot.plot(curve.values, curve.reference_probabilities, pen=pg.mkPen(colour, width=3),
                          symbol="o", symbolBrush=colour, symbolPen=colour, symbolSize=8, name=label)
                for x, y, pred in zip(curve.values, curve.reference_probabilities, curve.predictions, strict=True):
                    if pred != curve.reference_class:
                        text = pg.TextItem(names[int(pred)], color=colour, anchor=(1.2 if key == "cnn" else -0.2, 0.5))
                        text.setPos(float(x), float(y))
                        plot.addItem(text)
            cnn = self.probe.get("cnn", {}).get(axis)
            if cnn is not None:
                kept = [f"{self._current_label()} {cnn.kept}/{len(cnn.values)}"]
                fc = self.probe.get("fc", {}).get(axis)
                if fc is not None:
                    kept.append(f"FC {fc.kept}/{len(fc.values)}")
                lines.append(f"{AXES[axis].split(' (')[0].lower()}: {', '.join(kept)}")
        cnn_x = self.probe.get("cnn", {}).get("x")
        if cnn_x is not None:
            self.probe_summary.setText(
                f"Moved copies still called <b>{names[cnn_x.reference_class]}</b> — " + "; ".join(lines) +
                ". Labels on the curves show the class predicted instead, where it changed.")
        self._show_shifted()
        self.probe_shown.emit()

    def _show_shifted(self) -> None:
        shifted = self.shifted
        if shifted is None:
            self.sharing_caption.setText("This model's first stage has no feature maps to compare.")
            for panel in (*self.shift_digits, *self.shift_maps):
                panel.picture.clear()
            return
        self.shift_channel.blockSignals(True)
        self.shift_channel.setMaximum(shifted.maps.shape[1])
        self.shift_channel.blockSignals(False)
        ch = self.shift_channel.value() - 1
        levels = value_range(shifted.maps[:, ch])
        for i, (digit, fmap) in enumerate(zip(self.shift_digits, self.shift_maps, strict=True)):
            digit.show_values(shifted.images[i], "grey", (0.0, 1.0))
            fmap.show_values(shifted.maps[i, ch], "viridis", levels)
            for panel, width in ((digit, shifted.images.shape[-1]), (fmap, shifted.maps.shape[-1])):
                panel.mark_centre(width)
        mismatch = shifted.mismatch()
        worst = None if np.all(np.isnan(mismatch)) else float(np.nanmax(mismatch))
        measured = (f" Away from the borders, the map of each moved digit equals the original map moved: largest "
                    f"difference {worst:.4f}, for values up to {float(np.abs(shifted.maps).max()):.2f}."
                    if worst is not None else "")
        self.sharing_caption.setText(
            f"<b>Weight sharing.</b> Top: the digit shifted left and right. Bottom: map {ch + 1} of the first "
            f"stage ({shifted.stage}) for each. The same filter is applied everywhere, so the pattern is the same, "
            f"just moved.{measured} Pooling and the later layers then have to cope with the move.")

    # -- worker results -----------------------------------------------------------------------------
    def _on_result(self, kind: str, result: Any) -> None:
        if self.state.image is None:
            return  # the canvas was cleared while this was computed
        if kind.startswith("saliency"):
            self.saliency_maps = {**self.saliency_maps, **result}
            self._show_saliency()
        elif kind == "probe":
            self.probe, self.shifted = result
            self._show_probe()

    def _on_error(self, kind: str, message: str) -> None:
        label = self.saliency_panel.title if kind.startswith("saliency") else self.probe_summary
        label.setText(f"Could not compute the {kind}: {message}")

    # -- export -------------------------------------------------------------------------------------
    def export_view(self, key: str, path: Path) -> bool:
        """Save one view ("cell", "saliency" or "probe") as a PNG."""
        widget = {"cell": self.cell_view, "saliency": self.saliency_view, "probe": self.probe_view}[key]
        return bool(widget.grab().save(str(path), "PNG"))

    def export_dialog(self, key: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export as PNG", f"cnnviz-explain-{key}.png", "PNG images (*.png)")
        if name and not self.export_view(key, Path(name)):
            self.state.error.emit(f"Could not write {name}")

    def shutdown(self) -> None:
        if self._fc_worker is not None:
            self._fc_worker.cancel()
        self._end_fc_training()
        self.runner.shutdown()
