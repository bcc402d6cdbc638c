"""The Training lab's form: both models' sizes and the one recipe they share, bound to ``prefs.lab``.

Every control is bound by field name (``ui/binding.py``), so the lab's settings live in the preferences
and come back at the next launch; the form never writes a get/set pair over its widgets. The limits that
depend on the open data set (how many training and test images there are) follow ``set_data``.
"""

from __future__ import annotations

from typing import Any

from PyQt6.QtCore import QT_TRANSLATE_NOOP, pyqtSignal
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
from ui.i18n import translate
from ui.preferences import LabPrefs
from ui.theme import CNN_COLOR, FC_COLOR

MODES = ((QT_TRANSLATE_NOOP("ComparisonControls", "One after the other"), "sequential"),
         (QT_TRANSLATE_NOOP("ComparisonControls", "Both at once"), "concurrent"))
OPTIMIZER_CHOICES = (("Adam", "adam"), (QT_TRANSLATE_NOOP("ComparisonControls", "SGD + momentum 0.9"), "sgd"))
# what the test-digits box shows at 0, the preferences' "whole test set"
ALL_TEST_DIGITS = QT_TRANSLATE_NOOP("ComparisonControls", "all")


def _spin(low: int, high: int, step: int = 1) -> QSpinBox:
    """A spin box for whole numbers (its accessible name is its form label's text, set by ``_add_row``)."""
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setGroupSeparatorShown(True)
    return spin


def _combo(choices: tuple[tuple[str, str], ...]) -> QComboBox:
    combo = QComboBox()
    for text, value in choices:
        combo.addItem(translate("ComparisonControls", text), value)
    return combo


SWATCH = "<span style='color:{colour}'>■</span> {text}"  # markup only: its words are the caller's, translated


def _swatch(colour: str, text: str) -> QLabel:
    """A form label with the model's colour square, as in the curves' legend (``text`` already translated)."""
    return QLabel(SWATCH.format(colour=colour, text=text))


def _add_row(form: QFormLayout, label: QLabel | str, widget: QWidget, name: str) -> None:
    """A form row; ``name`` (the label's words, without a colour swatch) is what a screen reader calls the box."""
    form.addRow(label, widget)
    widget.setAccessibleName(name)


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

        models = QGroupBox(translate("ComparisonControls", "Models"))
        form = QFormLayout(models)
        self.fc_hidden = _spin(8, 4096, step=32)
        self.conv1_filters = _spin(1, 64)
        self.conv2_filters = _spin(1, 64)
        for colour, text, spin in (
            (FC_COLOR, translate("ComparisonControls", "FC hidden size"), self.fc_hidden),
            (CNN_COLOR, translate("ComparisonControls", "CNN conv 1 filters"), self.conv1_filters),
            (CNN_COLOR, translate("ComparisonControls", "CNN conv 2 filters"), self.conv2_filters),
        ):
            _add_row(form, _swatch(colour, text), spin, text)
        self.conv2_filters.setToolTip(translate("ComparisonControls", "Filters of the CNN's second layer"))
        self.sizes = QLabel()
        self.sizes.setWordWrap(True)
        self.sizes.setToolTip(translate("ComparisonControls", "Both models as the form builds them for the open data "
                                        "set, their parameters counted (the FC network's input is every pixel of "
                                        "every channel; the CNN's first layer has one kernel slice per channel)"))
        form.addRow(self.sizes)
        column.addWidget(models)

        training = QGroupBox(translate("ComparisonControls", "Training (the same for both)"))
        form = QFormLayout(training)
        self.data_caption = QLabel()
        self.data_caption.setWordWrap(True)
        self.train_samples = _spin(MIN_TRAIN_SAMPLES, MIN_TRAIN_SAMPLES, step=500)
        self.train_samples.setToolTip(translate("ComparisonControls", "A seeded sample with every class in its usual "
                                                "proportion"))
        self.test_samples = _spin(0, 0, step=1000)
        self.test_samples.setSpecialValueText(translate("ComparisonControls", ALL_TEST_DIGITS))
        self.test_samples.setToolTip(translate("ComparisonControls", "How many test images score each epoch (“all”: "
                                               "the whole test set)"))
        self.epochs = _spin(1, MAX_EPOCHS)
        self.epochs.setToolTip(translate("ComparisonControls", "How many times each model sees every training "
                                         "image"))
        self.batch_size = _spin(8, 1024, step=16)
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(4)
        self.lr.setRange(0.0001, 1.0)
        self.lr.setSingleStep(0.0005)
        self.optimizer = _combo(OPTIMIZER_CHOICES)
        self.seed = _spin(0, 999_999)
        self.device = _combo(((QT_TRANSLATE_NOOP("ComparisonControls", "auto"), "auto"),
                              *((_device_name(d), d) for d in available_devices())))
        self.mode = _combo(MODES)
        self.batch_size.setToolTip(translate("ComparisonControls", "Images per training step; both models see the "
                                             "same batches"))
        self.lr.setToolTip(translate("ComparisonControls", "How far the optimizer moves the weights at each step"))
        self.optimizer.setToolTip(translate("ComparisonControls", "How the weights are updated from their "
                                            "gradients"))
        self.seed.setToolTip(translate("ComparisonControls", "The same seed gives the same starting weights and the "
                                       "same sample of images"))
        self.device.setToolTip(translate("ComparisonControls", "Where both models train (auto: the fastest one "
                                         "found)"))
        self.mode.setToolTip(translate("ComparisonControls", "One after the other leaves a core free for the window; "
                                       "both at once share the cores"))
        form.addRow(self.data_caption)
        for label, widget in (
            (translate("ComparisonControls", "Training images"), self.train_samples),
            (translate("ComparisonControls", "Test images"), self.test_samples),
            (translate("ComparisonControls", "Epochs"), self.epochs),
            (translate("ComparisonControls", "Batch size"), self.batch_size),
            (translate("ComparisonControls", "Learning rate"), self.lr),
            (translate("ComparisonControls", "Optimizer"), self.optimizer),
            (translate("ComparisonControls", "Seed"), self.seed),
            (translate("ComparisonControls", "Device"), self.device),
            (translate("ComparisonControls", "Run"), self.mode),
        ):
            _add_row(form, label, widget, label)
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
        self.fc_hidden.setToolTip(translate("ComparisonControls", "Neurons in the FC network's hidden layer "
                                            "({c}×{h}×{w} = {inputs:,} inputs → hidden → {classes})").format(
            c=c, h=h, w=w, inputs=c * h * w, classes=data.num_classes))
        self.conv1_filters.setToolTip(translate("ComparisonControls", "Filters of the CNN's first layer, each {c} "
                                                "channels deep (one per colour of the input)").format(c=c) if c > 1
                                      else translate("ComparisonControls", "Filters of the CNN's first layer"))

    def show_sizes(self, fc: StagedNet, cnn: StagedNet, spec: InputSpec) -> None:
        """Both models' inputs and parameter counts, counted on the models the next run starts from."""
        (h, w), c = spec.size, spec.channels
        fc_line = translate("ComparisonControls", "FC ({c}×{h}×{w} inputs): {parameters:,} parameters").format(
            c=c, h=h, w=w, parameters=count_parameters(fc))
        cnn_line = (translate("ComparisonControls", "CNN ({c} input channels): {parameters:,} parameters") if c > 1
                    else translate("ComparisonControls", "CNN ({c} input channel): {parameters:,} parameters")).format(
            c=c, parameters=count_parameters(cnn))
        self.sizes.setText(f"{fc_line}\n{cnn_line}")

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
    return translate("ComparisonControls", "Apple GPU") if device == "mps" else device.upper()
