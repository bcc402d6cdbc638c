"""The Explain tab: a summary line and three views over the current model and its capture.

The tab is where a model and a capture are paired: a view only ever gets a capture that the current
model made (``capture_fits``), so switching models never explains the old capture with the new model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from cnnviz.data.transforms import MNIST_INPUT
from cnnviz.explain.dot_product import pixels_last
from cnnviz.introspect import Capture
from cnnviz.introspect.stages import class_labels
from ui.draw.ablation_panel import describe_switched_off
from ui.explain.cell_view import CellView
from ui.explain.common import capture_fits
from ui.explain.linear_view import LinearView
from ui.explain.probe_view import ProbeView
from ui.explain.saliency_view import SaliencyView
from ui.i18n import probability_text, translate, worded
from ui.preferences import Preferences
from ui.state import AppState
from ui.widgets.accessible import name_tabs
from ui.widgets.export import save_png


class ExplainTab(QWidget):
    """``ExplainTab(state, prefs, store=ModelStore(), compute_saliency=…, compare=…)``: the services are optional."""

    def __init__(self, state: AppState, prefs: Preferences | None = None, parent: QWidget | None = None,
                 **services: Any) -> None:
        super().__init__(parent)
        self.state, self.prefs = state, prefs
        self._rng = np.random.default_rng()
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        header.addWidget(self.summary, 1)
        self.sample_button = QPushButton(translate("ExplainTab", "Use a random test image"))
        self.sample_button.setToolTip(translate("ExplainTab", "Put an image from the open data set's test set on the "
                                                "canvas"))
        self.sample_button.clicked.connect(self.use_random_test_digit)
        header.addWidget(self.sample_button)
        layout.addLayout(header)
        self.views = QTabWidget()
        layout.addWidget(self.views, 1)
        self.cell_view = CellView()
        self.saliency_view = SaliencyView(state.data.class_names,
                                          **_pick(services, compute_saliency="compute"))
        self.probe_view = ProbeView(state.data, **_pick(services, store="store", compare="compare"))
        self.linear_view = LinearView()
        self.views.addTab(self.cell_view, translate("ExplainTab", "Behind a number"))
        self.views.addTab(self.linear_view, translate("ExplainTab", "Behind a class score"))
        self.views.addTab(self.saliency_view, translate("ExplainTab", "Saliency"))
        self.views.addTab(self.probe_view, translate("ExplainTab", "Invariance probe"))
        name_tabs(self.views, translate("ExplainTab", "Explanations"),
                  translate("ExplainTab", "Choose how to look inside the network's answer"))
        state.model_changed.connect(self._update)
        state.capture_changed.connect(self._update)
        state.model_changed.connect(self._follow_classes)
        state.data_changed.connect(self._follow_classes)
        self._follow_classes()
        self._update()

    def _follow_classes(self) -> None:
        """The views name the model's classes (the open data set's until there is a model)."""
        names = self.state.class_names
        if list(names) != self.saliency_view.class_names:
            self.saliency_view.set_class_names(names)
        self.probe_view.class_names = names

    def current(self) -> Capture | None:
        """The state's capture when the current model made it; None otherwise (or when there is none)."""
        model, cap = self.state.model, self.state.capture
        return cap if model is not None and cap is not None and capture_fits(model, cap) else None

    def _update(self) -> None:
        model, cap = self.state.model, self.current()
        image = pixels_last(cap.stages[0].output) if cap is not None else None  # the very input the capture saw
        self._update_summary(cap)
        self.cell_view.set_source(model, cap)
        names = ([worded(n) for n in class_labels(self._model_names(), len(cap.probabilities))]
                 if cap is not None else None)
        self.linear_view.set_source(model, cap, names or self.state.data.class_names)
        if names is not None:
            self.saliency_view.set_class_names(names)
        self.saliency_view.set_source(model, image, cap.spec if cap is not None else MNIST_INPUT, self._mistake(cap))
        mnist_like = cap is None or cap.spec == MNIST_INPUT  # the probe moves digits and compares with an MNIST net
        self.probe_view.set_source(model if mnist_like else None, self.state.meta, image if mnist_like else None)
        self.views.setTabEnabled(self.views.indexOf(self.probe_view), mnist_like)
        self.views.setTabToolTip(self.views.indexOf(self.probe_view), "" if mnist_like else translate(
            "ExplainTab", "The invariance probe moves a digit and compares with an MNIST network: it is for models "
            "that read 28×28 MNIST digits."))

    def _mistake(self, cap: Capture | None) -> int | None:
        """The input's true class when the model got it wrong (its saliency is then compared), else None."""
        label = self.state.true_label
        if cap is None or label is None or not 0 <= label < len(cap.probabilities) or label == cap.prediction:
            return None
        return label

    def show_saliency(self) -> None:
        """Bring the saliency view forward (a mistake was opened: it shows the wrong and the true class's maps)."""
        self.views.setCurrentWidget(self.saliency_view)

    def _model_names(self) -> list[str] | None:
        return self.state.meta.class_names if self.state.meta is not None else None

    def _update_summary(self, cap: Capture | None) -> None:
        model = self.state.model
        if model is None:
            self.summary.setText(translate("ExplainTab", "No model yet: one is being trained, or open one from the "
                                           "File menu."))
        elif cap is None:
            self.summary.setText(translate("ExplainTab", "Draw a digit or pick a picture, or use a random test image, "
                                           "to see what the network does with it."))
        else:
            names = [worded(n) for n in class_labels(self._model_names(), len(cap.probabilities))]
            truths, label = self.state.data.class_names, self.state.true_label
            truth = (translate("ExplainTab", " (true label: {name})").format(name=truths[label])
                     if label is not None and 0 <= label < len(truths) else "")
            off = " " + describe_switched_off(self.state.ablation) if self.state.ablation else ""
            self.summary.setText(translate("ExplainTab", "<b>{arch}</b> predicts <b>{name}</b> with {p} "
                                           "probability{truth}.{off}").format(
                arch=model.arch, name=names[cap.prediction], p=probability_text(float(cap.probabilities.max())),
                truth=truth, off=off))

    def use_random_test_digit(self) -> None:
        digit = self.state.data.random_test_digit(self._rng)
        self.state.set_input(digit.image, digit.label)

    def export_view(self, key: str, path: Path) -> bool:
        """Save one view ("cell", "linear", "saliency" or "probe") as a PNG."""
        views = {"cell": self.cell_view, "linear": self.linear_view, "saliency": self.saliency_view,
                 "probe": self.probe_view}
        return save_png(views[key], path)


def _pick(services: dict[str, Any], **names: str) -> dict[str, Any]:
    """The given services under the names the views take (service name → view argument)."""
    return {arg: services[name] for name, arg in names.items() if services.get(name) is not None}
