"""What one filter wants to see: its weights (first layer), its response on your digit, the picture that
excites it most (feature visualisation) and the 9 test digits that excite it most, each with the patch its
strongest cell sees outlined. Clicking an example opens it as the input.

Both are computed in the background (``ui.tasks``) when a model arrives and the tab is seen: the pictures
of every filter of the chosen layer in one batch, then the top examples of every layer in one pass over
the test set. Results are cached per model (and data set) in ``cnnviz.features``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PyQt6.QtCore import QSignalBlocker
from PyQt6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from cnnviz.data.transforms import to_unit
from cnnviz.features import Target, TopExamples, Visualisation, top_examples, visualise
from cnnviz.features.cache import user_cache_dir
from cnnviz.introspect import ConvFilters, conv_filters
from cnnviz.jobs import Job
from cnnviz.training.checkpoint import input_spec
from cnnviz.training.device import threads_for
from ui.colormaps import ACTIVATION_MAP, DIVERGING_MAP, value_range
from ui.filters.job_bar import JobBar
from ui.filters.strips import renew, show_picture
from ui.i18n import number_text, translate
from ui.state import AppState
from ui.tasks import TaskRunner
from ui.widgets.image_panel import ImageStrip
from ui.widgets.lazy import LazyPanel

LAYER_COLUMNS, LAYER_ROWS = 16, 4  # up to 64 filters of a layer in the overview


class FeaturesPanel(LazyPanel):
    """``select(stage, filter)`` (0-based) shows that filter; ``visualisations`` and ``examples`` hold results."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.tasks = TaskRunner(self)
        self.visualisations: dict[tuple[str, int], Visualisation] = {}
        self.examples: dict[str, TopExamples] = {}
        self._filters: list[ConvFilters] = []
        self._stopped = False  # the user cancelled: nothing restarts until "Compute"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(translate("FeaturesPanel", "<b>What a filter wants to see</b> — the picture that excites it "
                                   "most (found by gradient ascent from noise) and the 9 test digits that excite it "
                                   "most, the part its strongest cell sees outlined. Pick a filter in the row of "
                                   "pictures (or click its card under Weights and responses); click a digit to open "
                                   "it."))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        pick = QHBoxLayout()
        self.stage_box = QComboBox()
        self.stage_box.setAccessibleName(translate("FeaturesPanel", "Layer"))
        self.stage_box.setToolTip(translate("FeaturesPanel", "The layer whose filter to show"))
        self.filter_box = QSpinBox()
        self.filter_box.setPrefix(translate("FeaturesPanel", "filter "))
        self.filter_box.setAccessibleName(translate("FeaturesPanel", "Filter"))
        self.filter_box.setToolTip(translate("FeaturesPanel", "Filters are counted from 1, as on the cards"))
        pick.addWidget(self.stage_box)
        pick.addWidget(self.filter_box)
        pick.addStretch(1)
        layout.addLayout(pick)
        self.layer = ImageStrip(min_panel=28)  # every filter of the layer: click one to pick it
        self.layer.setAccessibleName(translate("FeaturesPanel", "Every filter of the layer"))
        self.layer.setToolTip(translate("FeaturesPanel", "What each filter of this layer wants to see; click one to "
                                        "look at it closely"))
        layout.addWidget(self.layer, 1)
        row = QHBoxLayout()
        self.strip = ImageStrip(min_panel=70)
        self.strip.setAccessibleName(translate("FeaturesPanel", "The chosen filter"))
        self.strip.setToolTip(translate("FeaturesPanel", "The chosen filter's weights, its response on your digit, "
                                        "and the picture that excites it most"))
        self.weights = self.strip.add_panel("weights", translate("FeaturesPanel", "weights"))
        self.response = self.strip.add_panel("response", translate("FeaturesPanel", "on your digit"))
        self.wanted = self.strip.add_panel("wanted", translate("FeaturesPanel", "wants to see"))
        self.top = ImageStrip(min_panel=28)
        self.tiles = [self.top.add_panel(f"top{j}", "", row=j // 3, col=j % 3) for j in range(9)]
        self.top.clicked.connect(lambda key, _r, _c: self.open_example(int(key[3:])))
        self.top.setAccessibleName(translate("FeaturesPanel", "The 9 strongest test digits"))
        self.top.setToolTip(translate("FeaturesPanel", "The 9 test digits that excite this filter most (its strongest "
                                      "response above each); click one to open it"))
        row.addWidget(self.strip, 3)
        row.addWidget(self.top, 2)
        layout.addLayout(row, 3)
        self.caption = QLabel("")
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.bar = JobBar()
        self.bar.cancel_requested.connect(self.cancel)
        self.bar.run_requested.connect(self._run_again)
        layout.addWidget(self.bar)
        self.stage_box.currentIndexChanged.connect(lambda *_: self._stage_changed())
        self.filter_box.valueChanged.connect(lambda *_: self.mark_dirty())
        for signal, slot in ((state.model_changed, self._on_model), (state.capture_changed, self.mark_dirty),
                             (state.data_changed, self._on_data)):
            signal.connect(slot)
        self._on_model()

    # -- public API ----------------------------------------------------------------------------
    @property
    def stage(self) -> str:
        return self.stage_box.currentText()

    @property
    def channel(self) -> int:
        return self.filter_box.value() - 1

    def select(self, stage: str, channel: int) -> None:
        if stage in [f.stage for f in self._filters]:
            self.stage_box.setCurrentText(stage)
            self.filter_box.setValue(channel + 1)

    def open_example(self, rank: int) -> None:
        """Open example ``rank`` (0: the strongest) of the shown filter as the input."""
        top = self.examples.get(self.stage)
        if top is None or self.state.data is None:
            return
        index = int(top.indices[self.channel, rank])
        self.state.set_input(to_unit(self.state.data.test_images[index]), int(self.state.data.test_labels[index]))

    def cancel(self) -> None:
        self._stopped = True
        self.tasks.cancel("visualise")
        self.tasks.cancel("top")

    def refresh(self) -> None:
        self._start_missing()
        self._show()

    # -- computing -----------------------------------------------------------------------------
    def _on_model(self) -> None:
        model = self.state.model
        self.tasks.cancel("visualise")
        self.tasks.cancel("top")
        self.visualisations, self.examples, self._stopped = {}, {}, False
        self._filters = conv_filters(model) if model is not None else []
        stages = [f.stage for f in self._filters]
        if stages != [self.stage_box.itemText(i) for i in range(self.stage_box.count())]:
            blocker = QSignalBlocker(self.stage_box)  # one update below, not one per item
            self.stage_box.clear()
            self.stage_box.addItems(stages)
            blocker.unblock()
            self._stage_changed()
        self.setEnabled(bool(stages))
        self.mark_dirty()

    def _on_data(self) -> None:
        """Another data set: its own top examples (the pictures depend on the model only)."""
        self.tasks.cancel("top")
        self.examples = {}
        self.mark_dirty()

    def _stage_changed(self) -> None:
        self._stopped = False  # a new layer asked for: compute it, even after a cancel
        n = next((f.weights.shape[0] for f in self._filters if f.stage == self.stage), 1)
        self.filter_box.setRange(1, n)
        self.layer = renew(self.layer)
        self.layer.clicked.connect(lambda key, _r, _c: self.filter_box.setValue(int(key) + 1))
        cols = min(n, LAYER_COLUMNS)
        for c in range(min(n, LAYER_COLUMNS * LAYER_ROWS)):
            self.layer.add_panel(str(c), str(c + 1), row=c // cols, col=c % cols)
        self.mark_dirty()

    def _run_again(self) -> None:
        self._stopped = False
        self._start_missing()

    def _start_missing(self) -> None:
        model, meta, data = self.state.model, self.state.meta, self.state.data
        if model is None or meta is None or not self._filters or self._stopped:
            return
        spec, stage = input_spec(meta), self.stage
        count = next(f.weights.shape[0] for f in self._filters if f.stage == stage)
        if (stage, 0) not in self.visualisations:
            if self.tasks.busy("visualise"):
                return
            targets = [Target(stage, c) for c in range(count)]
            self.bar.busy(translate("FeaturesPanel", "Finding what each of {stage}'s {count} filters wants to see …")
                          .format(stage=stage, count=count))
            self.tasks.run("visualise",
                           lambda job: visualise(model, spec, targets, job=job, cache_dir=user_cache_dir()),
                           policy="replace", threads=threads_for("explain"), on_progress=self.bar.advance,
                           on_done=lambda found: self._got_pictures(model, found), on_failed=self._failed,
                           on_cancelled=self._cancelled, on_finished=self.mark_dirty)
        elif not self.examples and data is not None and not self.tasks.busy("top"):
            stages = [f.stage for f in self._filters]
            self.bar.busy(translate("FeaturesPanel", "Finding the 9 strongest of {n:,} test digits for every filter …")
                          .format(n=len(data.test_labels)))

            def scan(job: Job) -> dict[str, TopExamples]:
                from cnnviz.zoo.report_cache import data_checksum

                return top_examples(model, spec, data.test_images, stages, job=job, data_key=data_checksum(data),
                                    cache_dir=user_cache_dir())

            self.tasks.run("top", scan, policy="replace", threads=threads_for("evaluate"),
                           on_progress=self.bar.advance, on_done=lambda found: self._got_examples(model, data, found),
                           on_failed=self._failed, on_cancelled=self._cancelled, on_finished=self.mark_dirty)

    def _got_pictures(self, model: Any, found: list[Visualisation]) -> None:
        if model is not self.state.model:
            return
        self.visualisations.update({(v.target.stage, v.target.index): v for v in found})
        self.bar.idle("")  # when the job has ended, ``mark_dirty`` shows them and starts what is missing

    def _got_examples(self, model: Any, data: Any, found: dict[str, TopExamples]) -> None:
        if model is not self.state.model or data is not self.state.data:
            return
        self.examples = found
        self.bar.idle("")

    def _failed(self, message: str) -> None:
        self._stopped = True
        self.bar.idle(translate("FeaturesPanel", "Could not compute this: {message}").format(message=message),
                      error=True, can_run=True)

    def _cancelled(self) -> None:
        if self._stopped:
            self.bar.idle(translate("FeaturesPanel", "Cancelled. Press Compute to finish it."), can_run=True)

    # -- drawing -------------------------------------------------------------------------------
    def _show(self) -> None:
        filters = next((f for f in self._filters if f.stage == self.stage), None)
        if filters is None:
            return
        c = min(self.channel, filters.weights.shape[0] - 1)
        name = translate("FeaturesPanel", "{stage} filter {n}").format(stage=self.stage, n=c + 1)
        first = filters is self._filters[0]
        if first:
            kernel = filters.weights[c].mean(axis=0)  # (kh, kw): a grey model's only kernel
            self.weights.show_values(kernel, DIVERGING_MAP, value_range(filters.weights, signed=True))
            self.weights.set_title(translate("FeaturesPanel", "its weights"))
        else:
            self.weights.clear()
            self.weights.set_title(translate("FeaturesPanel", "weights: on its card"))
        response = _response(self.state, self.stage, c)
        if response is not None:
            self.response.show_values(response, ACTIVATION_MAP, value_range(response))
            self.response.set_title(translate("FeaturesPanel", "on your digit"))
        else:
            self.response.clear()
            self.response.set_title(translate("FeaturesPanel", "on your digit (draw one)"))
        vis = self.visualisations.get((self.stage, c))
        top = self.examples.get(self.stage)
        if vis is None:
            self.wanted.clear()
            self.wanted.set_title(translate("FeaturesPanel", "wants to see …"))
        else:
            show_picture(self.wanted, vis.seen())
            self.wanted.set_title(translate("FeaturesPanel", "wants to see"))
        self.caption.setText(_caption(name, vis, top, c))
        self.wanted.picture.setToolTip(translate("FeaturesPanel", "The {h}×{w} pixels {name}'s centre cell sees, as "
                                                 "gradient ascent made them").format(
            h=vis.seen().shape[0], w=vis.seen().shape[1], name=name) if vis else "")
        for key, panel in self.layer.panels.items():
            found = self.visualisations.get((self.stage, int(key)))
            if found is None:
                panel.clear()
            else:
                show_picture(panel, found.seen())
            panel.set_title(f"<b>{int(key) + 1}</b>" if int(key) == c else str(int(key) + 1))
        for j, tile in enumerate(self.tiles):
            if top is None or self.state.data is None:
                tile.clear()
                continue
            show_picture(tile, to_unit(self.state.data.test_images[int(top.indices[c, j])]))
            tile.outline("region", *(int(v) for v in top.boxes[c, j]))
            tile.set_title(number_text(f"{top.values[c, j]:.2f}"))  # how strongly it excites the filter


def _response(state: AppState, stage: str, channel: int) -> np.ndarray | None:
    """Map ``channel`` of ``stage`` on the current input; None before there is one (or while a new model's
    capture is on its way)."""
    try:
        output = state.capture.stage(stage).output if state.capture is not None else None
    except KeyError:
        return None
    return output[channel] if output is not None and output.ndim == 3 and channel < output.shape[0] else None


def _caption(name: str, vis: Visualisation | None, top: TopExamples | None, c: int) -> str:
    """The numbers behind the pictures, in words."""
    picture = (translate("FeaturesPanel", "Its picture makes {name} respond <b>{v:.2f}</b>").format(
        name=name, v=vis.activation) if vis is not None else "")
    digit = (translate("FeaturesPanel", "the test digit that excites it most, {v:.2f} (responses above the digits; "
                       "outlined: what the strongest cell sees)").format(v=top.values[c, 0]) if top is not None else "")
    parts = [part for part in (picture, digit) if part]
    return ("; ".join(parts) + ".") if parts else ""
