"""Saliency: which pixels mattered for a class, by five methods, as an overlay on the digit.

For a mistake (an input with a true label the model got wrong) a second overlay shows the true class's
map beside the predicted one's: the wrong class's evidence next to what the right class had to go on.

The maps are computed off the GUI thread on a copy of the model, newest request only ("latest"): a
result for an input or class that has since changed never reaches the screen.
"""

from __future__ import annotations

import copy
import html
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import numpy as np
from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from cnnviz.data.transforms import MNIST_INPUT, InputSpec
from cnnviz.explain import METHODS, SaliencyMap, saliency
from cnnviz.jobs import Job, check
from cnnviz.models.staged import StagedNet
from cnnviz.training import threads_for
from ui.colormaps import INPUT_MAP, colorize
from ui.explain.common import export_button
from ui.i18n import error_text, probability_text, translate, worded
from ui.tasks import TaskRunner
from ui.theme import palette
from ui.widgets.image_panel import ImagePanel, ImageStrip
from ui.widgets.lazy import LazyPanel
from ui.widgets.status_label import StatusLabel

SALIENCY_MAP = "inferno"
COMPARED_PANEL = 220  # a mistake's two overlays side by side still leave the controls their room at 1024 px
Maps = dict[str, SaliencyMap | str]  # method → map, or why it is not available
def saliency_maps(model: StagedNet, image: np.ndarray, keys: Sequence[str], target: int | None, job: Job,
                  spec: InputSpec = MNIST_INPUT) -> Maps:
    """Each method's map for ``target`` (None: the predicted class), on a private copy of ``model`` that takes
    its input as ``spec`` says."""
    model = copy.deepcopy(model)  # gradients on a copy: the capture thread keeps using the original
    maps: Maps = {}
    for key in keys:
        check(job.should_stop)
        try:
            maps[key] = saliency(model, image, key, target, spec)
        except ValueError as exc:  # e.g. a class-activation map on a network without conv stages
            maps[key] = error_text(exc)
    return maps


Compute = Callable[[StagedNet, np.ndarray, Sequence[str], "int | None", Job, InputSpec], Maps]


def _run(compute: Compute, model: StagedNet, image: np.ndarray, keys: list[str], target: int | None,
         spec: InputSpec, job: Job) -> Maps:
    return compute(model, image, keys, target, job, spec)


class SaliencyView(LazyPanel):
    saliency_shown = pyqtSignal()  # the big overlay shows the newest maps
    comparison_shown = pyqtSignal()  # a mistake: the predicted and the true class's maps are both shown

    def __init__(self, class_names: Sequence[str], compute: Compute = saliency_maps,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = TaskRunner(self)
        self._compute = compute
        self.class_names = list(class_names)
        self.model: StagedNet | None = None
        self.image: np.ndarray | None = None
        self.spec = MNIST_INPUT
        self.saliency_maps: Maps = {}
        self._source = 0  # counts set_source calls: maps computed for an earlier input (or none) are dropped
        self.truth: int | None = None  # a mistake's true class, compared with the prediction; None: no mistake
        self.truth_maps: Maps = {}  # the chosen method's map for the true class

        layout = QHBoxLayout(self)
        self.big_strip = big = ImageStrip(min_panel=300)
        self.saliency_panel = big.add_panel("big")
        layout.addWidget(big, 3)
        self.truth_strip = ImageStrip(min_panel=COMPARED_PANEL)  # shown for a mistake only, as wide as the other
        big.setAccessibleName(translate("SaliencyView", "Saliency overlay"))
        big.setToolTip(translate("SaliencyView", "The chosen method's map over the input: brighter mattered more"))
        self.truth_strip.setAccessibleName(translate("SaliencyView", "Saliency for the true class"))
        self.truth_strip.setToolTip(translate("SaliencyView", "The same method's map for the true class, beside the "
                                              "wrong answer's"))
        self.truth_panel = self.truth_strip.add_panel("truth")
        self.truth_strip.hide()
        layout.addWidget(self.truth_strip, 3)
        side = QVBoxLayout()
        controls = QHBoxLayout()
        controls.addWidget(QLabel(translate("SaliencyView", "Method:")))
        self.method_box = QComboBox()
        self.method_box.setAccessibleName(translate("SaliencyView", "Saliency method"))
        self.method_box.setToolTip(translate("SaliencyView", "How the map of what mattered is computed"))
        for key in METHODS:
            self.method_box.addItem(worded(METHODS[key].title), key)
        self.method_box.currentIndexChanged.connect(lambda _: self._on_method())
        controls.addWidget(self.method_box)
        controls.addWidget(QLabel(translate("SaliencyView", "Class:")))
        self.class_box = QComboBox()
        self.class_box.setAccessibleName(translate("SaliencyView", "Class to explain"))
        self.class_box.setToolTip(translate("SaliencyView", "The class whose evidence is shown"))
        self.class_box.addItem(translate("SaliencyView", "the predicted class"), None)
        for i, name in enumerate(self.class_names):
            self.class_box.addItem(name, i)
        self.class_box.currentIndexChanged.connect(lambda _: self._request())
        controls.addWidget(self.class_box)
        controls.addStretch(1)
        self.status = StatusLabel()
        self.status.hide()  # shown with a problem only
        controls.addWidget(export_button(self, "saliency", self._error))
        side.addLayout(controls)
        opacity = QHBoxLayout()
        opacity.addWidget(QLabel(translate("SaliencyView", "Overlay opacity:")))
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setAccessibleName(translate("SaliencyView", "Overlay opacity"))
        self.opacity.setToolTip(translate("SaliencyView", "How strongly the map covers the input"))
        self.opacity.setRange(0, 100)
        self.opacity.setValue(70)
        self.opacity.valueChanged.connect(lambda _: self._show())
        opacity.addWidget(self.opacity, 1)
        side.addLayout(opacity)
        self.title = QLabel()
        self.title.setWordWrap(True)
        side.addWidget(self.title)
        side.addWidget(self.status)
        self.method_caption = QLabel()
        self.method_caption.setWordWrap(True)
        side.addWidget(self.method_caption)
        side.addWidget(QLabel(translate("SaliencyView", "All methods for the same class (click one to enlarge it):")))
        self.thumbs = ImageStrip(min_panel=110)
        self.thumbs.setAccessibleName(translate("SaliencyView", "All methods"))
        self.thumbs.setToolTip(translate("SaliencyView", "Every method's map for the same class; click one to "
                                         "enlarge it"))
        self.method_thumbs: dict[str, ImagePanel] = {
            key: self.thumbs.add_panel(key, worded(METHODS[key].title), row=i // 3, col=i % 3)
            for i, key in enumerate(METHODS)}
        self.thumbs.clicked.connect(lambda key, _r, _c: self.method_box.setCurrentIndex(list(METHODS).index(key)))
        side.addWidget(self.thumbs, 1)
        layout.addLayout(side, 4)
        self._on_method()

    def set_class_names(self, names: Sequence[str]) -> None:
        """The classes the "Class" box offers: the current model's (an opened model may have 3 or 1,000)."""
        if list(names) == self.class_names:
            return
        self.class_names = list(names)
        self.class_box.blockSignals(True)  # one request after the rebuild, not one per item
        self.class_box.clear()
        self.class_box.addItem(translate("SaliencyView", "the predicted class"), None)
        for i, name in enumerate(self.class_names):
            self.class_box.addItem(name, i)
        self.class_box.blockSignals(False)

    def set_source(self, model: StagedNet | None, image: np.ndarray | None, spec: InputSpec = MNIST_INPUT,
                   truth: int | None = None) -> None:
        """``image``: (H, W) or (H, W, 3) in [0, 1], as the model takes it when ``spec`` says how; ``truth``:
        the true class of a misclassified input, whose map is shown beside the predicted class's."""
        self.model, self.image, self.spec = model, image, spec
        self.truth = truth if truth is not None and 0 <= truth < len(self.class_names) else None
        self._source += 1
        self.saliency_maps, self.truth_maps = {}, {}  # for the previous input: never painted over this one
        self.truth_strip.setVisible(self.truth is not None)
        self.big_strip.setMinimumWidth(COMPARED_PANEL if self.truth is not None else self.big_strip.min_panel)
        if self.truth is None:  # no mistake (any more): no "wrong class" titles left over
            self._show_truth("", None)
        if image is None or model is None:
            self.tasks.cancel_all()
        self.mark_dirty()

    def refresh(self) -> None:
        if self.model is None or self.image is None:
            for panel in (self.saliency_panel, self.truth_panel, *self.method_thumbs.values()):
                panel.clear()
            self.title.setText("")
            return
        self._request()

    def _request(self) -> None:
        """The chosen method first (it is what the big overlay shows), then the thumbnails' other methods."""
        model, image = self.model, self.image
        if model is None or image is None or not self.isVisible():
            return
        target, chosen = self.class_box.currentData(), self.method_box.currentData()
        for key, keys in (("saliency", [chosen]), ("saliency-others", [k for k in METHODS if k != chosen])):
            self._start(key, keys, target, self._on_maps)
        self._request_truth()

    def _request_truth(self) -> None:
        """For a mistake: the chosen method's map for the true class (the others are computed when chosen)."""
        chosen = self.method_box.currentData()
        if self.truth is not None and chosen not in self.truth_maps and self.isVisible():
            self._start("saliency-truth", [chosen], self.truth, self._on_truth_maps)

    def _start(self, key: str, keys: list[str], target: int | None, on_done: Callable[[Any], None]) -> None:
        assert self.model is not None and self.image is not None
        source = self._source
        self.tasks.run(key, partial(_run, self._compute, self.model, self.image, keys, target, self.spec),
                       policy="latest", threads=threads_for("explain"),
                       on_done=lambda maps: on_done(maps) if source == self._source else None,
                       on_failed=lambda m: self._error(translate("SaliencyView", "Could not compute the saliency "
                                                                 "maps: {message}").format(message=m)))

    def _error(self, message: str) -> None:
        self.status.say(message, error=True)
        self.status.show()

    def _on_maps(self, maps: Any) -> None:
        self.saliency_maps = {**self.saliency_maps, **maps}
        self._show()

    def _on_truth_maps(self, maps: Any) -> None:
        self.truth_maps = {**self.truth_maps, **maps}
        self._show()

    def _on_method(self) -> None:
        key = self.method_box.currentData()
        self.method_caption.setText(worded(METHODS[key].caption) + translate(
            "SaliencyView", " Brighter = mattered more; each map is scaled to its own maximum, so compare where, not "
            "how much."))
        self._request_truth()
        self._show()

    def _overlay(self, values: np.ndarray) -> np.ndarray:
        rgb = colorize(values, SALIENCY_MAP, (0.0, 1.0), palette().base)
        alpha = (np.clip(values, 0, 1) ** 0.5 * 255 * self.opacity.value() / 100).astype(np.uint8)
        return np.dstack([rgb, alpha])

    def _paint(self, panel: ImagePanel, result: SaliencyMap | str | None) -> None:
        assert self.image is not None
        under = result.image if isinstance(result, SaliencyMap) and result.image is not None else self.image
        grey = under.mean(axis=-1) if under.ndim == 3 else under  # what the model saw, at the map's size
        panel.show_values(grey, INPUT_MAP, (0.0, 2.0))  # the digit dimmed, so the colours stand out
        panel.show_overlay(self._overlay(result.values) if isinstance(result, SaliencyMap) else None)

    def _show(self) -> None:
        if self.image is None or not self.saliency_maps:
            return
        for method, thumb in self.method_thumbs.items():
            self._paint(thumb, self.saliency_maps.get(method))
        key = self.method_box.currentData()
        result = self.saliency_maps.get(key)
        self._paint(self.saliency_panel, result)
        if isinstance(result, SaliencyMap):
            self.title.setText(translate("SaliencyView", "<b>{method}</b>: what mattered for class <b>{name}</b> "
                                         "(probability {p})").format(
                method=worded(METHODS[key].title), name=self.class_names[result.target],
                p=html.escape(probability_text(result.probability))))
        elif isinstance(result, str):
            self.title.setText(translate("SaliencyView", "<b>{method}</b> is not available: {reason}").format(
                method=worded(METHODS[key].title), reason=result))
        self.saliency_shown.emit()
        self._show_truth(key, result)

    def _show_truth(self, key: str, result: SaliencyMap | str | None) -> None:
        """A mistake: the true class's map beside the predicted one's, each panel titled with its class."""
        truth = self.truth_maps.get(key)
        if self.truth is None or not isinstance(truth, SaliencyMap) or truth.target != self.truth:
            self.truth_panel.clear()
            self.truth_panel.set_title("")
            self.saliency_panel.set_title("")
            return
        self._paint(self.truth_panel, truth)
        true_name = self.class_names[truth.target]
        self.truth_panel.set_title(translate("SaliencyView", "True class {name}").format(name=true_name))
        if isinstance(result, SaliencyMap):
            predicted = self.class_box.currentData() is None
            name = self.class_names[result.target]
            self.saliency_panel.set_title((translate("SaliencyView", "Predicted {name}: wrong") if predicted
                                           else translate("SaliencyView", "Class {name}")).format(name=name))
            compared = (translate("SaliencyView", "Left: the wrong <b>{name}</b>'s evidence; right: the true "
                                  "<b>{truth}</b>'s ({p}).") if predicted else
                        translate("SaliencyView", "Left: class <b>{name}</b>'s evidence; right: the true "
                                  "<b>{truth}</b>'s ({p})."))
            self.title.setText(self.title.text() + "<br>" + compared.format(
                name=name, truth=true_name, p=html.escape(probability_text(truth.probability))))
            self.comparison_shown.emit()
