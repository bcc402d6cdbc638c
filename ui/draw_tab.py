"""The main tab, "Draw & explore": canvas, the 28×28 input, live class probabilities, the pipeline.

Gestures become calls on ``AppState`` (``set_input``); everything shown comes from the capture
the state hands back, so the views always agree with each other and with the model.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QEvent, QSettings, Qt
from PyQt6.QtGui import QKeyEvent, QShowEvent
from PyQt6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cnnviz.introspect import Capture
from ui.canvas import MAX_BRUSH, MIN_BRUSH, DrawingCanvas
from ui.colormaps import INPUT_MAP, colorize
from ui.map_view import PictureItem, image_view_box, is_palette_change, palette_colours, restyle_plots
from ui.pipeline import PipelineView
from ui.pool_zoom import PoolZoomPanel
from ui.state import AppState
from ui.theme import CNN_COLOR, HIGHLIGHT, plot_background

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.bmp *.gif);;All files (*)"


class ProbabilityChart(pg.PlotWidget):
    """Softmax probabilities of the classes as bars; the top class highlighted."""

    def __init__(self, class_names: tuple[str, ...], background: str):
        super().__init__(background=background)
        self.class_names = class_names
        n = len(class_names)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.setYRange(0, 1, padding=0.02)
        self.setXRange(-0.6, n - 0.4, padding=0)
        self.getAxis("bottom").setTicks([[(i, name) for i, name in enumerate(class_names)]])
        self.getAxis("left").setTicks([[(v, f"{v:.0%}") for v in (0, 0.5, 1.0)]])
        self.setLabel("left", "probability")
        self.bars = pg.BarGraphItem(x=np.arange(n), height=np.zeros(n), width=0.7, brush=CNN_COLOR)
        self.addItem(self.bars)
        self.probabilities = np.zeros(n)

    def set_probabilities(self, probabilities: np.ndarray | None) -> None:
        n = len(self.class_names)
        p = np.zeros(n) if probabilities is None else np.nan_to_num(np.asarray(probabilities, dtype=float))
        brushes = [pg.mkBrush(CNN_COLOR)] * n
        if probabilities is not None:
            brushes[int(p.argmax())] = pg.mkBrush(HIGHLIGHT)
        self.bars.setOpts(height=p, brushes=brushes)
        self.probabilities = p


class DrawTab(QWidget):
    def __init__(self, state: AppState, dark: bool = False, settings: QSettings | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.settings = settings
        self._rng = np.random.default_rng()
        self._dirty = False
        background = plot_background(dark)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        # -- left column: canvas, tools, input, prediction --------------------------------------
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.canvas = DrawingCanvas()
        self.canvas.setMinimumSize(240, 240)
        left_layout.addWidget(self.canvas, 3)

        tools = QHBoxLayout()
        self.brush_slider = QSlider(Qt.Orientation.Horizontal)
        self.brush_slider.setRange(MIN_BRUSH, MAX_BRUSH)
        self.brush_slider.setValue(self.canvas.brush_size)
        self.brush_slider.setToolTip("Brush size")
        self.brush_slider.valueChanged.connect(self.canvas.set_brush_size)
        self.clear_button = QPushButton("Clear")
        self.clear_button.setToolTip("Clear the canvas (Esc or Delete)")
        self.undo_button = QPushButton("Undo")
        self.undo_button.setToolTip("Undo the last stroke (Ctrl+Z)")
        self.open_button = QPushButton("Open image…")
        self.open_button.setToolTip("Open a PNG or JPEG of a digit (or drop it on the canvas)")
        tools.addWidget(QLabel("Brush"))
        tools.addWidget(self.brush_slider, 1)
        tools.addWidget(self.clear_button)
        tools.addWidget(self.undo_button)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.open_button)

        picker = QHBoxLayout()
        self.index_spin = QSpinBox()
        self.index_spin.setRange(0, max(0, len(state.data.test_labels) - 1))
        self.index_spin.setPrefix("test #")
        self.index_spin.setToolTip("Show this digit of the test set")
        self.show_button = QPushButton("Show")
        self.class_combo = QComboBox()
        self.class_combo.addItem("any digit", None)
        for i, name in enumerate(state.data.class_names):
            self.class_combo.addItem(f"a {name}", i)
        self.class_combo.setToolTip("Random test digit of this class")
        self.random_button = QPushButton("Random")
        picker.addWidget(self.index_spin, 1)
        picker.addWidget(self.show_button)
        picker.addWidget(self.class_combo)
        picker.addWidget(self.random_button)
        left_layout.addLayout(picker)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        left_layout.addWidget(self.message)

        result = QGridLayout()
        self.input_view = pg.GraphicsLayoutWidget()
        self.input_view.setBackground(background)
        self.input_view.setFixedSize(96, 96)
        self.input_view.setToolTip("The 28×28 input the network sees: your drawing made the way MNIST digits were")
        box = image_view_box(border="#9a9aa2")
        self.input_item = PictureItem()
        box.addItem(self.input_item)
        self.input_view.addItem(box)
        self.prediction_label = QLabel()
        self.prediction_label.setWordWrap(True)
        self.prediction_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.truth_label = QLabel()
        result.addWidget(QLabel("Network input (28×28)"), 0, 0)
        result.addWidget(self.input_view, 1, 0, 2, 1)
        result.addWidget(self.prediction_label, 1, 1)
        result.addWidget(self.truth_label, 2, 1)
        result.setColumnStretch(1, 1)
        left_layout.addLayout(result)
        self.chart = ProbabilityChart(state.data.class_names, background)
        self.chart.setMinimumHeight(140)
        left_layout.addWidget(self.chart, 2)

        # -- right: pipeline and pooling zoom -------------------------------------------------
        self.pipeline = PipelineView(background)
        self.pool_zoom = PoolZoomPanel(background)
        self.pool_zoom.setFixedWidth(400)
        self.pipeline.focus_row.addWidget(self.pool_zoom)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.pipeline)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 960])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter)

        # -- wiring ------------------------------------------------------------------------------
        self.canvas.input_changed.connect(self._on_canvas_input)
        self.canvas.error.connect(self.show_message)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.open_button.clicked.connect(self.open_image_dialog)
        self.show_button.clicked.connect(lambda: self.show_test_digit(self.index_spin.value()))
        self.random_button.clicked.connect(lambda: self.random_test_digit(self.class_combo.currentData()))
        self.pipeline.stage_selected.connect(self._on_stage_selected)
        self.pipeline.channel_selected.connect(self._on_channel_selected)
        state.capture_changed.connect(self._on_capture)
        state.input_changed.connect(self._on_input)
        state.model_changed.connect(self._on_model)
        restyle_plots(self, *palette_colours(self))
        self._restore_choices()
        self.refresh()

    def _restore_choices(self) -> None:
        """Brush size, Play pace and test-digit index come back as the user left them."""
        if self.settings is None:
            return
        settings = self.settings
        self.brush_slider.setValue(int(settings.value("draw/brush", self.canvas.brush_size, type=int)))
        self.pipeline.pace.setValue(float(settings.value("draw/pace", self.pipeline.pace.value(), type=float)))
        self.index_spin.setValue(int(settings.value("draw/test_index", 0, type=int)))
        self.brush_slider.valueChanged.connect(lambda v: settings.setValue("draw/brush", v))
        self.pipeline.pace.valueChanged.connect(lambda v: settings.setValue("draw/pace", v))
        self.index_spin.valueChanged.connect(lambda v: settings.setValue("draw/test_index", v))

    # -- gestures -> state -------------------------------------------------------------------
    def show_test_digit(self, index: int) -> None:
        """Put test digit ``index`` on the canvas; its true class is shown next to the prediction."""
        data = self.state.data
        index = max(0, min(int(index), len(data.test_labels) - 1))
        self.index_spin.setValue(index)
        self.canvas.set_image(data.test_images[index], int(data.test_labels[index]))

    def random_test_digit(self, digit: int | None = None) -> int:
        """Show a random test digit (of class ``digit`` when given); returns its index."""
        labels = self.state.data.test_labels
        pool = np.flatnonzero(labels == digit) if digit is not None else np.arange(len(labels))
        index = int(self._rng.choice(pool))
        self.show_test_digit(index)
        return index

    def load_image_file(self, path: str | Path) -> bool:
        return self.canvas.load_image_file(path)

    def open_image_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open an image of a digit", "", IMAGE_FILTER)
        if name:
            self.load_image_file(name)

    def show_message(self, text: str) -> None:
        """Say what went wrong next to the canvas, without a blocking dialog; the drawing is kept."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_canvas_input(self, image: np.ndarray | None) -> None:
        self.show_message("")
        self.state.set_input(image, self.canvas.true_label)

    def _on_model(self) -> None:
        if self.state.image is None and self.canvas.is_empty:
            self.show_test_digit(self.index_spin.value())  # something real to look at straight away

    def _on_stage_selected(self, index: int) -> None:
        """Stepping onto a pooling stage, or the conv stage it reads, shows that pooling in the zoom."""
        capture = self.pipeline.capture
        if capture is not None:
            self.pool_zoom.select_pool_stage(capture.stages[index].name)

    def _on_channel_selected(self, channel: int | None) -> None:
        """Enlarging one map of such a stage shows the same map in the zoom."""
        stage = self.pipeline.current_stage
        if stage is not None and channel is not None:
            self.pool_zoom.select_pool_stage(stage.name, channel)

    # -- state -> views ------------------------------------------------------------------------
    def _on_capture(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent | None) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()
        if self.focusWidget() is None:
            self.canvas.setFocus()  # keys (Esc, Ctrl+Z, ←/→) work straight away

    def refresh(self) -> None:
        """Redraw every view from the state's current input and capture (one full UI update)."""
        self._dirty = False
        state = self.state
        capture: Capture | None = state.capture
        image = state.image
        self._show_input()
        self.chart.set_probabilities(capture.probabilities if capture is not None else None)
        waiting = "" if image is None or state.model is not None else (
            "The network's stages will appear here as soon as the model is trained.")
        self.pipeline.show_capture(capture, waiting)
        self.pool_zoom.set_capture(capture, state.model)
        names = state.data.class_names
        if image is None:
            self.prediction_label.setText("Draw a digit")
        elif state.model is None:
            self.prediction_label.setText("The model is still training…")
        elif capture is None:
            self.prediction_label.setText("Thinking…")
        else:
            p = capture.probabilities
            self.prediction_label.setText(f"It's a {names[capture.prediction]} ({float(p.max()):.0%})")
        label = state.true_label
        if label is None or capture is None:
            self.truth_label.setText("")
        else:
            verdict = "✓ correct" if capture.prediction == label else "✗ wrong"
            self.truth_label.setText(f"True class: {names[label]} — {verdict}")

    def _show_input(self) -> None:
        image = self.state.image
        self.input_item.show_rgb(colorize(image if image is not None else np.zeros((28, 28)),
                                          INPUT_MAP, (0.0, 1.0), "#000000"))
        self.undo_button.setEnabled(self.canvas.can_undo)

    def _on_input(self) -> None:
        """A new input: show it now; the rest follows its capture (or says the model is not ready)."""
        if self.state.model is None:
            self._on_capture()
        else:
            self._show_input()

    def changeEvent(self, event: QEvent | None) -> None:
        super().changeEvent(event)
        if is_palette_change(event):
            restyle_plots(self, *palette_colours(self))

    # -- keys ----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent | None) -> None:
        if event is None:
            return
        key = event.key()
        if key == Qt.Key.Key_Right:
            self.pipeline.next_stage()
        elif key == Qt.Key.Key_Left:
            self.pipeline.previous_stage()
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Delete):
            self.canvas.clear()
        elif key == Qt.Key.Key_Z and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.canvas.undo()
        else:
            super().keyPressEvent(event)
