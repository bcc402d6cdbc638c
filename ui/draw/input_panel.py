"""The left column of Draw & explore: canvas and tools, test-image picker, the network's input, the verdict.

It follows the open data set (``set_data``): the picker's classes and their test counts, the index range,
and the kind of input: a canvas to draw digits on for grey sets, a picture to open, paste or pick (and
paint on) for colour sets.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt
from PyQt6.QtGui import QColor
from PyQt6.QtWidgets import (
    QColorDialog,
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

from cnnviz.data import MnistData
from cnnviz.introspect import Capture
from cnnviz.preprocess import is_digit_sized
from ui.canvas import MAX_BRUSH, MIN_BRUSH, DrawingCanvas
from ui.colormaps import INPUT_MAP, colorize
from ui.draw.camera_panel import CameraPanel
from ui.draw.probability_chart import ProbabilityChart, forced_choice
from ui.i18n import probability_text, translate
from ui.state import class_name
from ui.theme import IMAGE_GAP, palette
from ui.widgets.fonts import emphasize
from ui.widgets.picture import PictureItem, image_view_box
from ui.widgets.status_label import StatusLabel

KEEP_DRAWING = QT_TRANSLATE_NOOP("InputPanel", "Keep drawing — the mark is still too small to be read as a digit.")


def too_small_to_read(canvas: DrawingCanvas) -> bool:
    """Whether a hand-drawn mark is still too small to be a digit ("keep drawing"; a picked digit never is,
    nor is paint on a colour picture)."""
    return not canvas.colour and canvas.stroke_count > 0 and not is_digit_sized(canvas.raster())


def class_choices(data: MnistData) -> list[tuple[str, int | None]]:
    """The picker's entries: any class, then each class by name with its number of test images."""
    counts = np.bincount(np.asarray(data.test_labels, dtype=np.int64), minlength=data.num_classes)
    entry = translate("InputPanel", "{name} ({count:,})")
    return [(translate("InputPanel", "any class"), None),
            *((entry.format(name=name, count=int(counts[i])), i) for i, name in enumerate(data.class_names))]


class InputPanel(QWidget):
    """Everything about the input: drawing, picking a test image, what the network sees and says."""

    def __init__(self, data: MnistData, parent: QWidget | None = None, canvas: DrawingCanvas | None = None) -> None:
        super().__init__(parent)
        self.class_names = data.class_names
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(4)
        self.canvas = canvas or DrawingCanvas()  # the start-up page's canvas, with what was drawn on it
        self.canvas.setMinimumSize(160, 160)  # the column fits a 1024×700 window with the verdict in view
        if not self.canvas.accessibleName():  # the canvas's own name where it gives one
            self.canvas.setAccessibleName(translate("InputPanel", "Drawing canvas"))
            self.canvas.setAccessibleDescription(translate(
                "InputPanel", "Draw a digit with the mouse or a pen (or drop or paste a picture): it is the "
                "network's input. Esc clears it, Ctrl+Z undoes a stroke."))
        layout.addWidget(self.canvas, 3)

        tools = QHBoxLayout()
        self.brush_slider = QSlider(Qt.Orientation.Horizontal)
        self.brush_slider.setRange(MIN_BRUSH, MAX_BRUSH)
        self.brush_slider.setValue(self.canvas.brush_size)
        self.brush_slider.setAccessibleName(translate("InputPanel", "Brush size"))
        self.brush_slider.setToolTip(translate("InputPanel", "How thick the brush draws"))
        self.brush_slider.valueChanged.connect(self.canvas.set_brush_size)
        self.clear_button = QPushButton(translate("InputPanel", "Clear"))
        self.clear_button.setToolTip(translate("InputPanel", "Clear the canvas (Esc or Delete)"))
        self.undo_button = QPushButton(translate("InputPanel", "Undo"))
        self.undo_button.setToolTip(translate("InputPanel", "Undo the last stroke (Ctrl+Z)"))
        self.ink_button = QPushButton(translate("InputPanel", "Ink…"))
        self.ink_button.setToolTip(translate("InputPanel", "The colour the brush paints on a colour picture"))
        self.ink_button.clicked.connect(self.choose_ink)
        tools.addWidget(QLabel(translate("InputPanel", "Brush")))
        tools.addWidget(self.brush_slider, 1)
        tools.addWidget(self.ink_button)
        tools.addWidget(self.clear_button)
        tools.addWidget(self.undo_button)
        layout.addLayout(tools)
        files = QHBoxLayout()
        self.open_button = QPushButton(translate("InputPanel", "Open image…"))
        self.paste_button = QPushButton(translate("InputPanel", "Paste"))
        self.paste_button.setToolTip(translate("InputPanel", "Use the picture on the clipboard (Ctrl+V)"))
        files.addWidget(self.open_button, 1)
        files.addWidget(self.paste_button)
        layout.addLayout(files)
        self.files_row = files
        self.camera: CameraPanel | None = None  # only where a camera is present (``add_camera``)

        picker = QHBoxLayout()
        self.index_spin = QSpinBox()
        self.index_spin.setPrefix(translate("InputPanel", "test #"))
        self.index_spin.setAccessibleName(translate("InputPanel", "Test image number"))
        self.index_spin.setToolTip(translate(
            "InputPanel", "Show this image of the test set (numbered from 0, as in the data set's files)"))
        self.show_button = QPushButton(translate("InputPanel", "Show"))
        self.show_button.setToolTip(translate("InputPanel", "Put the test image with this number on the canvas"))
        self.class_combo = QComboBox()
        # as wide as it was for digits: a long class name or count must not widen the column (the popup shows all)
        self.class_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.class_combo.setMinimumContentsLength(4)
        self.class_combo.setAccessibleName(translate("InputPanel", "Class of the random test image"))
        self.class_combo.setToolTip(translate(
            "InputPanel", "Random test image of this class (its number of test images in brackets)"))
        self.random_button = QPushButton(translate("InputPanel", "Random"))
        self.random_button.setToolTip(translate("InputPanel", "Put a random test image of the chosen class on the "
                                                "canvas"))
        picker.addWidget(self.index_spin, 1)
        picker.addWidget(self.show_button)
        picker.addWidget(self.class_combo)
        picker.addWidget(self.random_button)
        layout.addLayout(picker)
        for button in (self.clear_button, self.undo_button, self.open_button, self.paste_button, self.ink_button,
                       self.show_button, self.random_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the keys (←/→) to the tab

        self.message = StatusLabel()
        self.message.hide()
        layout.addWidget(self.message)

        result = QGridLayout()
        self.input_view = pg.GraphicsLayoutWidget()
        self.input_view.setFixedSize(84, 84)
        self.input_view.setAccessibleName(translate("InputPanel", "Network input"))
        box = image_view_box(border=IMAGE_GAP)
        self.input_item = PictureItem()
        box.addItem(self.input_item)
        self.input_view.addItem(box)
        self.prediction_label = QLabel()
        self.prediction_label.setWordWrap(True)
        emphasize(self.prediction_label, points=5)
        self.truth_label = QLabel()
        self.truth_label.setWordWrap(True)
        self.input_title = QLabel()
        result.addWidget(self.input_title, 0, 0, 1, 2)
        result.addWidget(self.input_view, 1, 0, 2, 1)
        result.addWidget(self.prediction_label, 1, 1)
        result.addWidget(self.truth_label, 2, 1)
        result.setColumnStretch(1, 1)
        layout.addLayout(result)
        self.chart = ProbabilityChart(data.class_names)
        layout.addWidget(self.chart, 2)
        self.forced_choice = QLabel(forced_choice(len(data.class_names)))
        self.forced_choice.setWordWrap(True)
        layout.addWidget(self.forced_choice)
        self.set_data(data)
        self.restyle()

    def set_data(self, data: MnistData) -> None:
        """Follow the open data set: the picker's classes and counts, the index range, the kind of input."""
        self.class_combo.clear()
        for text, value in class_choices(data):
            self.class_combo.addItem(text, value)
        self.index_spin.setRange(0, max(0, len(data.test_labels) - 1))
        colour = data.spec.channels == 3
        self.canvas.set_colour(tuple(data.test_images.shape[1:3]) if colour else None)
        self.ink_button.setVisible(colour)
        self.open_button.setToolTip(
            translate("InputPanel", "Open a picture (or drop one on the canvas, or paste it with Ctrl+V)") if colour
            else translate("InputPanel", "Open a PNG or JPEG of a digit (or drop it on the canvas)"))
        self.input_view.setToolTip(
            translate("InputPanel", "The picture the network is given, before it is resized and normalised for the "
                      "model") if colour
            else translate("InputPanel", "The 28×28 input the network sees: your drawing made the way MNIST digits "
                           "were"))

    def add_camera(self, camera: CameraPanel) -> None:
        """The live camera control, beside the file buttons (only offered where a camera is present)."""
        self.camera = camera
        self.files_row.addWidget(camera, 2)

    def choose_ink(self) -> None:
        chosen = QColorDialog.getColor(QColor(*self.canvas.ink), self, translate("InputPanel", "Ink colour"))
        if chosen.isValid():
            self.canvas.set_ink((chosen.red(), chosen.green(), chosen.blue()))

    def restyle(self) -> None:
        self.forced_choice.setStyleSheet(f"color: {palette().muted};")

    def say(self, text: str, error: bool = True) -> None:
        """A remark next to the canvas (an error, or "keep drawing"), without a dialog; the drawing is kept."""
        self.message.say(text, error=error)
        self.message.setVisible(bool(text))

    def show_input(self, image: np.ndarray | None) -> None:
        """The input as the network is given it: grey on the input colour map, colour as it is."""
        if image is not None and image.ndim == 3:
            self.input_item.show_rgb(np.clip(image * 255.0 + 0.5, 0, 255).astype(np.uint8))
        else:
            self.input_item.show_rgb(colorize(image if image is not None else np.zeros((28, 28)),
                                              INPUT_MAP, (0.0, 1.0), IMAGE_GAP))
        if image is not None:
            h, w = image.shape[:2]
            title = (translate("InputPanel", "Network input ({h}×{w}, colour)") if image.ndim == 3
                     else translate("InputPanel", "Network input ({h}×{w})"))
            self.input_title.setText(title.format(h=h, w=w))
        elif not self.input_title.text():
            self.input_title.setText(translate("InputPanel", "Network input"))
        self.undo_button.setEnabled(self.canvas.can_undo)

    def show_verdict(self, has_image: bool, has_model: bool, capture: Capture | None,
                     true_label: int | None, truth_names: Sequence[str] | None = None) -> None:
        """The prediction line, the true class, and the bars, for the state as it is now; the prediction is
        named by the model's classes (the chart's), the true class by the data set's (``truth_names``)."""
        self.chart.set_probabilities(capture.probabilities if capture is not None else None)
        names = self.chart.class_names
        truths = truth_names or names
        if not has_image:
            text = (translate("InputPanel", "Pick or paste a picture") if self.canvas.colour
                    else translate("InputPanel", "Draw a digit"))
        elif not has_model:
            text = translate("InputPanel", "The model is still training…")
        elif capture is None:
            text = translate("InputPanel", "Thinking…")
        else:
            p = float(capture.probabilities[capture.prediction])
            text = translate("InputPanel", "It's a {name} ({p})").format(  # the model's class names
                name=class_name(names, capture.prediction), p=probability_text(p))
        self.prediction_label.setText(text)
        if true_label is None or capture is None or not 0 <= true_label < len(truths):
            self.truth_label.setText("")
        else:
            right = capture.prediction < len(names) and names[capture.prediction] == truths[true_label]
            verdict = (translate("InputPanel", "True class: {name} — ✓ correct") if right
                       else translate("InputPanel", "True class: {name} — ✗ wrong"))
            self.truth_label.setText(verdict.format(name=truths[true_label]))
