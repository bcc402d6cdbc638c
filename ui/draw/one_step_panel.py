"""One training step on your digit: what a single SGD step with its label does to the loss, one weight and
the probabilities (``cnnviz.lab.experiments.one_step``, on a copy: the app's model is never changed).

The step is redone whenever the digit, the model or a setting changes, as the background job "step"
(policy "latest"): a deep copy of an opened 100 M-parameter model takes far longer than 50 ms.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from cnnviz.data.transforms import MNIST_INPUT
from cnnviz.introspect.capture import model_view
from cnnviz.introspect.stages import class_labels
from cnnviz.lab.experiments import Step, one_step
from cnnviz.training.checkpoint import input_spec
from cnnviz.training.device import threads_for
from ui.i18n import translate, worded
from ui.state import AppState
from ui.tasks import TaskRunner
from ui.theme import CNN_COLOR, palette
from ui.widgets.lazy import LazyPanel
from ui.widgets.status_label import StatusLabel

LARGEST = ""  # the weight box's first entry: the weight with the largest gradient
BAR = 0.38  # width of each of a class's two bars (before, after)


def weight_text(step: Step) -> str:
    """``conv1.0.weight[3, 0, 1, 2]``: the weight's parameter and its position in it."""
    return "{name}[{index}]".format(name=step.weight, index=", ".join(str(i) for i in step.index))


class OneStepPanel(LazyPanel):
    """``OneStepPanel(state)``: label, learning rate and weight to report; the step's numbers and bars."""

    step_shown = pyqtSignal(object)  # the Step now on screen

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.tasks = TaskRunner(self)
        self.step: Step | None = None
        self._label_chosen = False  # the user picked a label for this digit: keep it
        self.label = QComboBox()
        self.label.setAccessibleName(translate("OneStepPanel", "Label"))
        self.label.setToolTip(translate("OneStepPanel", "The class the step teaches the network for this digit"))
        self.lr = QDoubleSpinBox()
        self.lr.setRange(0.0001, 10.0)
        self.lr.setDecimals(4)
        self.lr.setSingleStep(0.01)
        self.lr.setValue(0.05)
        self.lr.setAccessibleName(translate("OneStepPanel", "Learning rate"))
        self.lr.setToolTip(translate("OneStepPanel", "How far the step moves every weight against its gradient"))
        self.weight = QComboBox()
        self.weight.setAccessibleName(translate("OneStepPanel", "Weight to follow"))
        self.weight.setToolTip(translate("OneStepPanel", "Whose before, gradient and after are written out"))
        self.position = QSpinBox()
        self.position.setAccessibleName(translate("OneStepPanel", "Position in the parameter"))
        self.position.setToolTip(translate("OneStepPanel", "Which number of the chosen parameter (counted from 0 "
                                                           "in reading order)"))
        form = QFormLayout()
        form.addRow(translate("OneStepPanel", "Label:"), self.label)
        form.addRow(translate("OneStepPanel", "Learning rate:"), self.lr)
        form.addRow(translate("OneStepPanel", "Weight:"), self.weight)
        form.addRow(translate("OneStepPanel", "Position:"), self.position)
        self.status = StatusLabel()
        self.status.setWordWrap(True)
        self.numbers = QLabel()
        self.numbers.setWordWrap(True)
        self.chart = pg.PlotWidget()
        self.chart.setMouseEnabled(False, False)
        self.chart.hideButtons()
        self.chart.setMenuEnabled(False)
        self.chart.setYRange(0, 1, padding=0.02)
        self.chart.setFixedHeight(170)  # (a word-wrapped panel is laid out at its parts' preferred heights)
        self.chart.setAccessibleName(translate("OneStepPanel", "Probabilities before and after the step"))
        self.chart.setToolTip(translate("OneStepPanel", "Each class's probability before the step (grey) and "
                                                        "after it (blue)"))
        self.before_bars = pg.BarGraphItem(x=[], height=[], width=BAR)
        self.after_bars = pg.BarGraphItem(x=[], height=[], width=BAR, brush=CNN_COLOR)
        self.chart.addItem(self.before_bars)
        self.chart.addItem(self.after_bars)
        layout = QVBoxLayout(self)
        intro = QLabel(translate("OneStepPanel", "One step of training on this digit, on a copy of the model: "
                                                 "every weight w becomes w − lr · g, g its gradient."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.numbers)
        key = QLabel(translate("OneStepPanel", "Probabilities: before the step (grey bar), after it (blue bar)"))
        key.setWordWrap(True)  # said above the chart: a legend inside it would cover the tallest bars
        layout.addWidget(key)
        layout.addWidget(self.chart, 1)
        self.restyle()

        self.label.activated.connect(self._on_label_chosen)
        self.lr.valueChanged.connect(lambda _: self.mark_dirty())
        self.weight.currentIndexChanged.connect(self._on_weight)
        self.position.valueChanged.connect(lambda _: self.mark_dirty())
        state.input_changed.connect(self._on_input)
        state.model_changed.connect(self._on_model)
        state.capture_changed.connect(self.mark_dirty)
        self._on_model()

    # -- settings ----------------------------------------------------------------------------------
    def _on_label_chosen(self) -> None:
        self._label_chosen = True
        self.mark_dirty()

    def _on_input(self) -> None:
        self._label_chosen = False  # a new digit: its true (or predicted) label again

    def _on_model(self) -> None:
        """Another model: its parameters in the weight box, its classes in the label box."""
        model = self.state.model
        self.weight.blockSignals(True)
        self.weight.clear()
        self.weight.addItem(translate("OneStepPanel", "the one with the largest gradient"), LARGEST)
        for name, _ in model.named_parameters() if model is not None else []:
            self.weight.addItem(name, name)
        self.weight.blockSignals(False)
        self._on_weight()

    def _on_weight(self) -> None:
        name, model = self.weight.currentData(), self.state.model
        sizes = {n: p.numel() for n, p in model.named_parameters()} if model is not None else {}
        self.position.setEnabled(bool(name))
        self.position.setRange(0, max(0, sizes.get(name, 1) - 1))
        self.mark_dirty()

    def chosen_label(self) -> int | None:
        """The label the step uses: the user's, else the true label when known, else the prediction."""
        state, capture = self.state, self.state.capture
        names = [worded(n) for n in class_labels(
            state.meta.class_names if state.meta is not None else None,
            len(capture.probabilities) if capture is not None else len(state.data.class_names))]
        if [self.label.itemText(i) for i in range(self.label.count())] != list(names):
            self.label.blockSignals(True)
            self.label.clear()
            self.label.addItems(list(names))
            self.label.blockSignals(False)
            self._label_chosen = False
        if not self._label_chosen:
            default = state.true_label if state.true_label is not None else (
                capture.prediction if capture is not None else None)
            if default is None or not 0 <= default < len(names):
                return None
            self.label.setCurrentIndex(default)
        return self.label.currentIndex()

    # -- the step ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        state = self.state
        model, meta, image = state.model, state.meta, state.image
        label = self.chosen_label()
        if model is None or meta is None or image is None or label is None:
            self.status.say(translate("OneStepPanel", "Draw a digit or pick a test image: the step is taken on it."))
            return
        if input_spec(meta) != MNIST_INPUT:
            self.status.say(translate("OneStepPanel", "One training step works on models that take 28×28 grey "
                                                      "digits the MNIST way; this model takes other input."),
                            error=True)
            return
        name = self.weight.currentData()
        weight = None
        if name:
            shape = tuple(dict(model.named_parameters())[name].shape)
            weight = (name, tuple(int(i) for i in np.unravel_index(self.position.value(), shape)))
        digit = model_view(image, MNIST_INPUT)[0]  # (28, 28) in [0, 1], as the model sees the input
        lr = self.lr.value()
        self.status.say(translate("OneStepPanel", "Taking the step…"))
        self.tasks.run("step", lambda _job: one_step(model, digit, label, lr, weight), policy="latest",
                       threads=threads_for("explain"), on_done=self.show_step, on_failed=self._failed)

    def _failed(self, message: str) -> None:
        self.status.say(translate("OneStepPanel", "The step failed: {reason}").format(reason=message), error=True)

    def show_step(self, step: Step) -> None:
        self.step = step
        names = [self.label.itemText(i) for i in range(self.label.count())]
        name = names[step.label] if step.label < len(names) else str(step.label)
        better = step.loss_after < step.loss_before
        self.status.say(translate("OneStepPanel", "Taught “{label}”: the loss went {way}.").format(
            label=name, way=translate("OneStepPanel", "down") if better else translate("OneStepPanel", "up")))
        self.numbers.setText(translate(
            "OneStepPanel",
            "Loss: {before:.4f} → {after:.4f}\n"
            "Weight {weight}\n"
            "w − lr · g = {w:.5f} − {lr:g} × ({g:.5f}) = {new:.5f}").format(
            before=step.loss_before, after=step.loss_after, weight=weight_text(step), w=step.weight_before,
            lr=step.lr, g=step.gradient, new=step.weight_after))
        self._draw_bars()
        self.step_shown.emit(step)

    def _draw_bars(self) -> None:
        step = self.step
        if step is None:
            return
        x = np.arange(len(step.probabilities_before))
        self.chart.setXRange(-0.6, len(x) - 0.4, padding=0)
        names = [self.label.itemText(i) for i in range(self.label.count())]
        self.chart.getAxis("bottom").setTicks([[(int(i), names[i] if i < len(names) else str(i)) for i in x]])
        self.before_bars.setOpts(x=x - BAR / 2, height=step.probabilities_before, brush=palette().muted)
        self.after_bars.setOpts(x=x + BAR / 2, height=step.probabilities_after)

    def restyle(self) -> None:
        self.before_bars.setOpts(brush=palette().muted)
