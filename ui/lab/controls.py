"""The Training lab's form: both models' sizes and the one recipe they share, bound to ``prefs.lab``.

Every control is bound by field name (``ui/binding.py``), so the lab's settings live in the preferences
and come back at the next launch; the form never writes a get/set pair over its widgets. The limits that
depend on the open data set (how many training and test images there are) follow ``set_data``.
"""

from __future__ import annotations

from typing import Any

from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnviz.data import MnistData
from cnnviz.data.transforms import InputSpec
from cnnviz.lab import MAX_EPOCHS, MIN_TRAIN_SAMPLES
from cnnviz.models import count_parameters
from cnnviz.models.staged import StagedNet
from cnnviz.training import available_devices
from ui.binding import Bindings
from ui.data_control import describe
from ui.preferences import LabPrefs
from ui.theme import CNN_COLOR, FC_COLOR

MODES = (("One after the other", "sequential"), ("Both at once", "concurrent"))
OPTIMIZER_CHOICES = (("Adam", "adam"), ("SGD + momentum 0.9", "sgd"))
ALL_TEST_DIGITS = "all"  # what the test-digits box shows at 0, the preferences' "whole test set"


def _spin(low: int, high: int, step: int = 1) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setGroupSeparatorShown(True)
    return spin


def _combo(choices: tuple[tuple[str, str], ...]) -> QComboBox:
    combo = QComboBox()
    for text, value in choices:
        combo.addItem(text, value)
    return combo


def _swatch(colour: str, text: str) -> QLabel:
    """A form label with the model's colour square, as in the curves' legend."""
    return QLabel(f"<span style='color:{colour}'>■</span> {text}")


class ComparisonControls(QWidget):
    """The form; ``changed`` fires on every edit, ``cnn_changed`` when the CNN's start changed (filters, seed),
    ``fc_changed`` when a size that changes only the parameter counts did."""

    changed = pyqtSignal()
    cnn_changed = pyqtSignal()
    fc_changed = pyqtSignal()

    def __init__(self, prefs: LabPrefs, data: MnistData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.bindings = Bindings()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)

        models = QGroupBox("Models")
        form = QFormLayout(models)
        self.fc_hidden = _spin(8, 4096, step=32)
        self.conv1_filters = _spin(1, 64)
        self.conv2_filters = _spin(1, 64)
        form.addRow(_swatch(FC_COLOR, "FC hidden size"), self.fc_hidden)
        form.addRow(_swatch(CNN_COLOR, "CNN conv 1 filters"), self.conv1_filters)
        form.addRow(_swatch(CNN_COLOR, "CNN conv 2 filters"), self.conv2_filters)
        self.sizes = QLabel()
        self.sizes.setWordWrap(True)
        self.sizes.setToolTip("Both models as the form builds them for the open data set, their parameters counted "
                              "(the FC network's input is every pixel of every channel; the CNN's first layer "
                              "has one kernel slice per channel)")
        form.addRow(self.sizes)
        column.addWidget(models)

        training = QGroupBox("Training (the same for both)")
        form = QFormLayout(training)
        self.data_caption = QLabel()
        self.data_caption.setWordWrap(True)
        self.train_samples = _spin(MIN_TRAIN_SAMPLES, MIN_TRAIN_SAMPLES, step=500)
        self.train_samples.setToolTip("A seeded sample with every class in its usual proportion")
        self.test_samples = _spin(0, 0, step=1000)
        self.test_samples.setSpecialValueText(ALL_TEST_DIGITS)
        self.test_samples.setToolTip("How many test images score each epoch (“all”: the whole test set)")
        self.epochs = _spin(1, MAX_EPOCHS)
        self.batch_size = _spin(8, 1024, step=16)
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(4)
        self.lr.setRange(0.0001, 1.0)
        self.lr.setSingleStep(0.0005)
        self.optimizer = _combo(OPTIMIZER_CHOICES)
        self.seed = _spin(0, 999_999)
        self.device = _combo((("auto", "auto"), *((_device_name(d), d) for d in available_devices())))
        self.mode = _combo(MODES)
        self.mode.setToolTip("One after the other leaves a core free for the window; both at once share the cores")
        form.addRow(self.data_caption)
        for label, widget in (
            ("Training images", self.train_samples), ("Test images", self.test_samples), ("Epochs", self.epochs),
            ("Batch size", self.batch_size), ("Learning rate", self.lr), ("Optimizer", self.optimizer),
            ("Seed", self.seed), ("Device", self.device), ("Run", self.mode),
        ):
            form.addRow(label, widget)
        column.addWidget(training)

        self.set_data(data)  # the limits first, so a remembered value is clamped to this data set
        for name in ("fc_hidden", "conv2_filters"):
            self.bindings.bind(getattr(self, name), prefs, name, on_change=self._sizes_changed)
        for name in ("train_samples", "test_samples", "epochs", "batch_size",
                     "lr", "optimizer", "device", "mode"):
            self.bindings.bind(getattr(self, name), prefs, name, on_change=self._changed)
        for name in ("conv1_filters", "seed"):
            self.bindings.bind(getattr(self, name), prefs, name, on_change=self._cnn_changed)

    @property
    def inputs(self) -> tuple[QWidget, ...]:
        """Every control of the form, in order."""
        return (self.fc_hidden, self.conv1_filters, self.conv2_filters, self.train_samples, self.test_samples,
                self.epochs, self.batch_size, self.lr, self.optimizer, self.seed, self.device, self.mode)

    def set_data(self, data: MnistData) -> None:
        """Follow a newly opened data set: its image counts bound the sample boxes, its input and classes
        are described."""
        train, test = len(data.train_labels), len(data.test_labels)
        self.train_samples.setRange(min(MIN_TRAIN_SAMPLES, train), train)
        self.test_samples.setRange(0, test)
        (h, w), c = data.spec.size, data.spec.channels
        self.data_caption.setText(describe(data))
        self.fc_hidden.setToolTip(f"Neurons in the FC network's hidden layer ({c}×{h}×{w} = {c * h * w:,} inputs "
                                  f"→ hidden → {data.num_classes})")
        self.conv1_filters.setToolTip(f"Filters of the CNN's first layer, each {c} channel{'s' if c > 1 else ''} "
                                      "deep (one per colour of the input)" if c > 1 else
                                      "Filters of the CNN's first layer")

    def show_sizes(self, fc: StagedNet, cnn: StagedNet, spec: InputSpec) -> None:
        """Both models' inputs and parameter counts, counted on the models the next run starts from."""
        (h, w), c = spec.size, spec.channels
        self.sizes.setText(f"FC ({c}×{h}×{w} inputs): {count_parameters(fc):,} parameters\n"
                           f"CNN ({c} input channel{'s' if c > 1 else ''}): {count_parameters(cnn):,} parameters")

    def set_editable(self, editable: bool) -> None:
        """Lock the form while a run uses it (nothing moves: only the enabled state changes)."""
        for widget in self.inputs:
            widget.setEnabled(editable)

    def _changed(self, _value: Any) -> None:
        self.changed.emit()

    def _sizes_changed(self, _value: Any) -> None:
        self.changed.emit()
        self.fc_changed.emit()

    def _cnn_changed(self, _value: Any) -> None:
        self.changed.emit()
        self.cnn_changed.emit()


def _device_name(device: str) -> str:
    return "Apple GPU" if device == "mps" else device.upper()
