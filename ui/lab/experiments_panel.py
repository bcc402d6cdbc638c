"""The Training lab's experiments page: pick one (shuffled pixels, pooling strategies, depth and skips), run
it on the lab form's settings, watch its progress, read its results.

A run is one background job on the lab tab's ``TaskRunner`` under the FC-vs-CNN run's key ("train", policy
"single"), so the two never run at once; progress arrives per batch as ``cnnviz.lab.experiments.Progress``
and the job stops before the next batch (or test chunk) when asked. The experiments themselves are the core's
functions, injectable (``runs=``) for tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cnnviz.data import MnistData
from cnnviz.jobs import Job
from cnnviz.lab.config import ComparisonConfig, one_after_another
from cnnviz.lab.experiments import DEPTHS, Progress, depth_and_skips, pooling_strategies, shuffled_pixels
from cnnviz.training.device import threads_for
from ui.i18n import translate, worded
from ui.lab.experiment_views import DepthView, PoolingView, ShuffledView, shown_model_name
from ui.state import AppState
from ui.tasks import TaskRunner
from ui.widgets.lazy import LazyPanel
from ui.widgets.status_label import StatusLabel

RUN_KEY = "train"  # the lab tab's own run's key: one lab run at a time
EXPERIMENTS = ("shuffled", "pooling", "depth")
DEPTH_CHOICES: tuple[tuple[int, ...], ...] = (DEPTHS, (4, 8), (8, 14, 20, 26, 32))
CORE_RUNS: Mapping[str, Callable[..., Any]] = {"shuffled": shuffled_pixels, "pooling": pooling_strategies,
                                               "depth": depth_and_skips}


@dataclass(frozen=True)
class Running:
    """What the running (or last) experiment was asked to do: the numbers are shown with these words."""

    name: str
    config: ComparisonConfig
    data: MnistData
    depths: tuple[int, ...]
    started: float  # time.perf_counter()


def idle_text() -> str:
    return translate("ExperimentsPanel", "Runs on the settings in the form on the left.")


class ExperimentsPanel(LazyPanel):
    """``ExperimentsPanel(state, tasks, config)``: ``config()`` is the lab form's comparison for the open data.
    A LazyPanel for its palette switch: the chart and the two images are re-coloured (``restyle_plots``)."""

    running_changed = pyqtSignal(bool)
    run_ended = pyqtSignal(str)  # "finished", "stopped" or "failed", once ready for the next run

    def __init__(self, state: AppState, tasks: TaskRunner, config: Callable[[], ComparisonConfig], *,
                 runs: Mapping[str, Callable[..., Any]] = CORE_RUNS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.tasks, self.config, self.runs = state, tasks, config, runs
        self._running: Running | None = None
        self._outcome = "stopped"
        self._blocked = False  # the FC-vs-CNN run is going

        self.choice = QComboBox()
        for key, text in zip(EXPERIMENTS, (translate("ExperimentsPanel", "Shuffled pixels"),
                                           translate("ExperimentsPanel", "Pooling strategies"),
                                           translate("ExperimentsPanel", "Depth and skip connections")), strict=True):
            self.choice.addItem(text, key)
        self.choice.setAccessibleName(translate("ExperimentsPanel", "Experiment"))
        self.choice.setAccessibleDescription(translate("ExperimentsPanel", "Which experiment to show and run"))
        self.depths = QComboBox()
        for depths in DEPTH_CHOICES:
            self.depths.addItem(translate("ExperimentsPanel", "{depths} layers").format(
                depths=", ".join(str(d) for d in depths)), depths)
        self.depths.setAccessibleName(translate("ExperimentsPanel", "Depths"))
        self.depths.setAccessibleDescription(translate("ExperimentsPanel", "The depths the experiment trains a "
                                                       "plain stack and a stack with skips at"))
        self.depths_label = QLabel(translate("ExperimentsPanel", "Depths:"))
        self.depths_label.setBuddy(self.depths)
        self.run_button = QPushButton(translate("ExperimentsPanel", "Run experiment"))
        self.run_button.setAccessibleDescription(translate("ExperimentsPanel", "Train the experiment's models on "
                                                           "the form's settings, or stop the run"))
        self.run_button.clicked.connect(lambda: self.stop() if self.is_running else self.start())
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName(translate("ExperimentsPanel", "Experiment progress"))
        self.progress.setAccessibleDescription(translate("ExperimentsPanel", "How much of the experiment's "
                                                         "training is done"))
        self.status = StatusLabel(idle_text())
        self._said: dict[str, tuple[str, bool]] = {}  # each experiment's last message, shown when it is chosen
        self._done: set[str] = set()  # experiments with results on their page
        self.status.setWordWrap(True)
        self.views = QStackedWidget()
        self.shuffled_view, self.pooling_view, self.depth_view = ShuffledView(), PoolingView(), DepthView()
        for view in (self.shuffled_view, self.pooling_view, self.depth_view):
            self.views.addWidget(view)
        self.shuffled_view.show_digit(state.data)

        bar = QHBoxLayout()
        label = QLabel(translate("ExperimentsPanel", "Experiment:"))
        label.setBuddy(self.choice)
        for widget in (label, self.choice, self.depths_label, self.depths):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.run_button)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addLayout(bar)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        column.addWidget(self.views)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self.choice.currentIndexChanged.connect(self._on_choice)
        state.data_changed.connect(lambda: self.shuffled_view.show_digit(state.data, self.config().seed))
        self._on_choice()

    # -- choosing ------------------------------------------------------------------------------------
    @property
    def experiment(self) -> str:
        return str(self.choice.currentData())

    def choose(self, name: str) -> None:
        self.choice.setCurrentIndex(self.choice.findData(name))

    def _say(self, text: str, error: bool = False) -> None:
        self.status.say(text, error)
        self._said[self.experiment] = (text, error)

    def _on_choice(self) -> None:
        self.views.setCurrentIndex(EXPERIMENTS.index(self.experiment))
        self.status.say(*self._said.get(self.experiment, (idle_text(), False)))
        if not self.is_running:
            self.progress.setValue(1000 if self.experiment in self._done else 0)
        deep = self.experiment == "depth"
        self.depths.setVisible(deep)
        self.depths_label.setVisible(deep)

    # -- running -------------------------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        return self._running is not None

    def set_blocked(self, blocked: bool) -> None:
        """The FC-vs-CNN run started (True) or ended: no experiment may start meanwhile."""
        self._blocked = blocked
        if not self.is_running:
            self.run_button.setEnabled(not blocked)

    def start(self) -> bool:
        """Run the chosen experiment on the form's settings; False (with the reason in the status) if it cannot."""
        if self.is_running:
            return False
        if self._blocked or self.tasks.busy(RUN_KEY):
            self._say(translate("ExperimentsPanel", "The FC vs CNN run is still going: stop it or let it finish "
                                "first."), error=True)
            return False
        config, data = self.config(), self.state.data
        problems = config.problems(data)
        if problems:
            self._say(worded(one_after_another(problems)), error=True)
            return False
        running = Running(self.experiment, config, data, tuple(self.depths.currentData()), time.perf_counter())
        run = self.runs[running.name]
        if running.name == "depth":
            run = partial(run, depths=running.depths)
        elif running.name == "shuffled":
            run = partial(run, permutation_seed=config.seed)

        def work(job: Job) -> Any:
            return run(config, data, should_stop=job.should_stop, on_progress=job.progress)

        started = self.tasks.run(RUN_KEY, work, policy="single", threads=threads_for("train"),
                                 on_progress=self._on_progress, on_done=self._on_done, on_failed=self._on_failed,
                                 on_finished=self._on_finished)
        if not started:
            return False
        self._running, self._outcome = running, "stopped"
        self.choice.setEnabled(False)
        self.depths.setEnabled(False)
        self.run_button.setText(translate("ExperimentsPanel", "Stop"))
        self.progress.setValue(0)
        self._say(translate("ExperimentsPanel", "Preparing {train:,} training images…").format(
            train=config.train_samples))
        self.running_changed.emit(True)
        return True

    def stop(self) -> None:
        """Ask the run to stop; it does before its next batch (or test chunk), and ``run_ended`` says so."""
        if self.is_running:
            self.tasks.cancel(RUN_KEY)
            self.run_button.setEnabled(False)
            self._say(translate("ExperimentsPanel", "Stopping…"))

    def _on_progress(self, p: object) -> None:
        running = self._running
        if not isinstance(p, Progress) or running is None or not self.run_button.isEnabled():
            return
        self.progress.setValue(int(1000 * p.fraction))
        model = shown_model_name(p.model)
        self._say(translate("ExperimentsPanel", "Model {index} of {models} ({model}): epoch {epoch} of {epochs}…")
                  .format(index=p.index, models=p.models, model=model, epoch=p.epoch, epochs=p.epochs))

    def _on_done(self, result: Any) -> None:
        running = self._running
        assert running is not None
        self._outcome = "finished"
        if running.name == "shuffled":
            self.shuffled_view.show_result(result, running.data)
        elif running.name == "pooling":
            self.pooling_view.show_result(result, running.config, running.data)
        else:
            self.depth_view.show_result(running.depths, result, running.config, running.data)
        self.progress.setValue(1000)
        self._done.add(running.name)

    def _on_failed(self, message: str) -> None:
        self._outcome = "failed"
        self._say(translate("ExperimentsPanel", "The experiment failed: {message}").format(message=message),
                  error=True)

    def _on_finished(self) -> None:
        running, outcome = self._running, self._outcome
        self._running = None
        if outcome == "finished" and running is not None:
            self._say(translate("ExperimentsPanel", "Done in {s:.1f} s.").format(
                s=time.perf_counter() - running.started))
        elif outcome == "stopped":
            self._say(translate("ExperimentsPanel", "Stopped. The table keeps the last finished run."))
        self.choice.setEnabled(True)
        self.depths.setEnabled(True)
        self.run_button.setText(translate("ExperimentsPanel", "Run experiment"))
        self.run_button.setEnabled(not self._blocked)
        self.running_changed.emit(False)
        self.run_ended.emit(outcome)
