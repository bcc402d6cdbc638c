"""What the network thinks each class looks like: for every class, the picture that raises its score
most (feature visualisation of the last stage's units), computed in the background when a model arrives."""

from __future__ import annotations

from typing import Any

from PyQt6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cnnviz.features import Visualisation, class_target, visualise
from cnnviz.features.cache import user_cache_dir
from cnnviz.training.checkpoint import input_spec
from cnnviz.training.device import threads_for
from ui.filters.job_bar import JobBar
from ui.filters.strips import renew, show_picture
from ui.i18n import translate
from ui.state import AppState
from ui.tasks import TaskRunner
from ui.widgets.image_panel import ImageStrip
from ui.widgets.lazy import LazyPanel

MAX_CLASSES = 20  # one row of pictures stays readable up to about this many


class ClassPanel(LazyPanel):
    """One picture per class; ``pictures`` holds them once computed."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.tasks = TaskRunner(self)
        self.pictures: list[Visualisation] = []
        self._stopped = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel("")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.strip = ImageStrip(min_panel=44)
        self.strip.setMaximumHeight(150)  # the filters above need the room more
        self.strip.setAccessibleName(translate("ClassPanel", "What each class looks like to the network"))
        self.strip.setToolTip(translate("ClassPanel", "For each class, the picture that raises its score most"))
        layout.addWidget(self.strip, 1)
        self.bar = JobBar()
        self.bar.cancel_requested.connect(self.cancel)
        self.bar.run_requested.connect(self._run_again)
        layout.addWidget(self.bar)
        state.model_changed.connect(self._on_model)
        self._on_model()

    def cancel(self) -> None:
        self._stopped = True
        self.tasks.cancel("classes")

    def refresh(self) -> None:
        model, meta = self.state.model, self.state.meta
        if model is None or meta is None or self.pictures or self._stopped or self.tasks.busy("classes"):
            return
        spec, names = input_spec(meta), list(meta.class_names)[:MAX_CLASSES]
        targets = [class_target(model, c) for c in range(len(names))]
        self.bar.busy(translate("ClassPanel", "Finding what the network thinks each of the {n} classes looks like …")
                      .format(n=len(names)))
        self.tasks.run("classes", lambda job: visualise(model, spec, targets, job=job, cache_dir=user_cache_dir()),
                       policy="replace", threads=threads_for("explain"), on_progress=self.bar.advance,
                       on_done=lambda found: self._got(model, found), on_failed=self._failed,
                       on_cancelled=lambda: self.bar.idle(translate("ClassPanel", "Cancelled. Press Compute to finish "
                                                                    "it."), can_run=True))

    def _on_model(self) -> None:
        self.tasks.cancel("classes")
        self.pictures, self._stopped = [], False
        meta = self.state.meta
        names = list(meta.class_names)[:MAX_CLASSES] if meta is not None else []
        example = names[8] if len(names) > 8 else (names[-1] if names else "8")
        heading = (translate("ClassPanel", "<b>What the network thinks each class looks like</b> — e.g. what it "
                             "thinks an {example} looks like: the picture that raises that class's score most.")
                   if example[:1].lower() in "aeio8" else
                   translate("ClassPanel", "<b>What the network thinks each class looks like</b> — e.g. what it "
                             "thinks a {example} looks like: the picture that raises that class's score most."))
        self.heading.setText(heading.format(example=example))
        self.strip = renew(self.strip)
        for name in names:
            self.strip.add_panel(name, name)
        self.mark_dirty()

    def _got(self, model: Any, found: list[Visualisation]) -> None:
        if model is not self.state.model:
            return
        self.pictures = found
        self.bar.idle("")
        for vis, panel in zip(found, self.strip.panels.values(), strict=False):
            show_picture(panel, vis.image)

    def _failed(self, message: str) -> None:
        self._stopped = True
        self.bar.idle(translate("ClassPanel", "Could not compute this: {message}").format(message=message),
                      error=True, can_run=True)

    def _run_again(self) -> None:
        self._stopped = False
        self.refresh()
