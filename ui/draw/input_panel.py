"""The left column of Draw & explore: canvas and tools, test-digit picker, the 28×28 input, the verdict."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnviz.format import format_probability
from cnnviz.introspect import Capture
from cnnviz.preprocess import is_digit_sized
from ui.canvas import MAX_BRUSH, MIN_BRUSH, DrawingCanvas
from ui.colormaps import INPUT_MAP, colorize
from ui.draw.probability_chart import FORCED_CHOICE, ProbabilityChart
from ui.theme import IMAGE_GAP, palette
from ui.widgets.fonts import emphasize
from ui.widgets.picture import PictureItem, image_view_box
from ui.widgets.status_label import StatusLabel

KEEP_DRAWING = "Keep drawing — the mark is still too small to be read as a digit."


def too_small_to_read(canvas: DrawingCanvas) -> bool:
    """Whether a hand-drawn mark is still too small to be a digit ("keep drawing"; a picked digit never is)."""
    return canvas.stroke_count > 0 and not is_digit_sized(canvas.raster())


class InputPanel(QWidget):
    """Everything about the input: drawing, picking a test digit, what the network sees and says."""

    def __init__(self, class_names: tuple[str, ...], test_count: int, parent: QWidget | None = None,
                 canvas: DrawingCanvas | None = None) -> None:
        super().__init__(parent)
        self.class_names = class_names
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(4)
        self.canvas = canvas or DrawingCanvas()  # the start-up page's canvas, with what was drawn on it
        self.canvas.setMinimumSize(160, 160)  # the column fits a 1024×700 window with the verdict in view
        layout.addWidget(self.canvas, 3)

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
        tools.addWidget(QLabel("Brush"))
        tools.addWidget(self.brush_slider, 1)
        tools.addWidget(self.clear_button)
        tools.addWidget(self.undo_button)
        layout.addLayout(tools)
        self.open_button = QPushButton("Open image…")
        self.open_button.setToolTip("Open a PNG or JPEG of a digit (or drop it on the canvas)")
        layout.addWidget(self.open_button)

        picker = QHBoxLayout()
        self.index_spin = QSpinBox()
        self.index_spin.setRange(0, max(0, test_count - 1))
        self.index_spin.setPrefix("test #")
        self.index_spin.setToolTip("Show this digit of the test set (numbered from 0, as in the MNIST files)")
        self.show_button = QPushButton("Show")
        self.class_combo = QComboBox()
        self.class_combo.addItem("any digit", None)
        for i, name in enumerate(class_names):
            self.class_combo.addItem(f"a {name}", i)
        self.class_combo.setToolTip("Random test digit of this class")
        self.random_button = QPushButton("Random")
        picker.addWidget(self.index_spin, 1)
        picker.addWidget(self.show_button)
        picker.addWidget(self.class_combo)
        picker.addWidget(self.random_button)
        layout.addLayout(picker)
        for button in (self.clear_button, self.undo_button, self.open_button, self.show_button, self.random_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the keys (←/→) to the tab

        self.message = StatusLabel()
        self.message.hide()
        layout.addWidget(self.message)

        result = QGridLayout()
        self.input_view = pg.GraphicsLayoutWidget()
        self.input_view.setFixedSize(84, 84)
        self.input_view.setToolTip("The 28×28 input the network sees: your drawing made the way MNIST digits were")
        box = image_view_box(border=IMAGE_GAP)
        self.input_item = PictureItem()
        box.addItem(self.input_item)
        self.input_view.addItem(box)
        self.prediction_label = QLabel()
        self.prediction_label.setWordWrap(True)
        emphasize(self.prediction_label, points=5)
        self.truth_label = QLabel()
        self.truth_label.setWordWrap(True)
        result.addWidget(QLabel("Network input (28×28)"), 0, 0, 1, 2)
        result.addWidget(self.input_view, 1, 0, 2, 1)
        result.addWidget(self.prediction_label, 1, 1)
        result.addWidget(self.truth_label, 2, 1)
        result.setColumnStretch(1, 1)
        layout.addLayout(result)
        self.chart = ProbabilityChart(class_names)
        layout.addWidget(self.chart, 2)
        self.forced_choice = QLabel(FORCED_CHOICE.format(n=len(class_names)))
        self.forced_choice.setWordWrap(True)
        layout.addWidget(self.forced_choice)
        self.restyle()

    def restyle(self) -> None:
        self.forced_choice.setStyleSheet(f"color: {palette().muted};")

    def say(self, text: str, error: bool = True) -> None:
        """A remark next to the canvas (an error, or "keep drawing"), without a dialog; the drawing is kept."""
        self.message.say(text, error=error)
        self.message.setVisible(bool(text))

    def show_input(self, image: np.ndarray | None) -> None:
        self.input_item.show_rgb(colorize(image if image is not None else np.zeros((28, 28)),
                                          INPUT_MAP, (0.0, 1.0), IMAGE_GAP))
        self.undo_button.setEnabled(self.canvas.can_undo)

    def show_verdict(self, has_image: bool, has_model: bool, capture: Capture | None,
                     true_label: int | None) -> None:
        """The prediction line, the true class, and the bars, for the state as it is now."""
        self.chart.set_probabilities(capture.probabilities if capture is not None else None)
        names = self.class_names
        if not has_image:
            text = "Draw a digit"
        elif not has_model:
            text = "The model is still training…"
        elif capture is None:
            text = "Thinking…"
        else:
            p = float(capture.probabilities[capture.prediction])
            text = f"It's a {self.chart.class_names[capture.prediction]} ({format_probability(p)})"  # the model's
        self.prediction_label.setText(text)
        if true_label is None or capture is None:
            self.truth_label.setText("")
        else:
            verdict = "✓ correct" if capture.prediction == true_label else "✗ wrong"
            self.truth_label.setText(f"True class: {names[true_label]} — {verdict}")
