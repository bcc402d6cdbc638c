"""The "Training lab" tab: an FC network and a CNN trained side by side on the same digits, live.

A thin container: the form and the run's status on the left (a column that scrolls when the window is
small), the live curves over the results table on the right (a splitter between them). The run itself is
``cnnviz.lab.run_comparison`` as one background job (``TaskRunner``, key "train", policy "single"); its
batches and epochs arrive as the job's progress and are only collected until the plots' redraw timer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
from PyQt6.QtCore import QT_TRANSLATE_NOOP, pyqtSignal
from PyQt6.QtGui import QFont
from PyQt6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cnnviz.jobs import Job
from cnnviz.lab import (
    CNN_KEY,
    FC_KEY,
    ComparisonConfig,
    ComparisonResult,
    ModelBatchMetrics,
    ModelEpochMetrics,
    build_pair,
    first_layer_filters,
    run_comparison,
)
from cnnviz.lab.config import one_after_another
from cnnviz.lab.timeline import LabMistakes, SnapshotCollector, run_mistakes
from cnnviz.training.device import threads_for
from ui.i18n import translate, worded
from ui.lab.controls import ComparisonControls
from ui.lab.experiments_panel import ExperimentsPanel
from ui.lab.filters_view import FiltersView
from ui.lab.live_plots import LiveCurve, LivePlots, batch_text
from ui.lab.mistakes_view import MistakesView
from ui.lab.results_table import ResultsTable, percent
from ui.lab.timeline_view import TimelineView
from ui.preferences import Preferences
from ui.state import AppState
from ui.tasks import TaskRunner
from ui.widgets.accessible import name_tabs
from ui.widgets.status_label import StatusLabel

COLUMN_WIDTH = 300  # the controls column: the form's labels and boxes side by side without squeezing
STATUS_LINES = 4  # the status keeps room for this many lines, so a longer message never moves the form
READY = QT_TRANSLATE_NOOP("TrainingLabTab", "Press “Train both” to train the FC network and the CNN on the same "
                          "images.")
SHORT_NAMES = {FC_KEY: "FC", CNN_KEY: "CNN"}

RunComparison = Callable[..., ComparisonResult]


@dataclass(frozen=True)
class Restart:
    """A model's GPU ran out of memory and it starts again on the CPU (its curves so far are void)."""

    model: str
    notice: str


def phase_text(key: str, curve: LiveCurve, test_samples: int) -> str:
    """Where one model's training is now, in a short line for the status."""
    name, m = SHORT_NAMES[key], curve.last_batch
    if m is None:
        return translate("TrainingLabTab", "{name}: waiting").format(name=name)
    if curve.epochs_done >= curve.epochs:
        return translate("TrainingLabTab", "{name}: trained").format(name=name)
    if curve.testing:
        return translate("TrainingLabTab", "{name}: testing on {n:,} images after epoch {epoch} of {epochs}…").format(
            name=name, n=test_samples, epoch=m.epoch, epochs=curve.epochs)
    return translate("TrainingLabTab", "{name}: training, epoch {epoch} of {epochs} (batch {batch}/{batches})…").format(
        name=name, epoch=m.epoch, epochs=curve.epochs, batch=m.batch, batches=m.batches_per_epoch)


class TrainingLabTab(QWidget):
    """``TrainingLabTab(state, prefs, run_comparison=...)``; the run is the injectable ``run_comparison``."""

    run_finished = pyqtSignal(object)  # ComparisonResult, once it is in the table
    run_ended = pyqtSignal(str)  # "finished", "stopped" or "failed", once the tab is ready for the next run
    run_started = pyqtSignal()

    def __init__(self, state: AppState, prefs: Preferences, *, run_comparison: RunComparison = run_comparison,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.prefs = state, prefs
        self.tasks = TaskRunner(self)
        self._run_comparison = run_comparison
        self._running_config: ComparisonConfig | None = None
        self._outcome: tuple[str, ComparisonResult | None] = ("stopped", None)
        self._notices: list[str] = []
        self._pending_filters: tuple[np.ndarray, str] | None = None

        self.controls = ComparisonControls(prefs.lab, state.data)
        self.train_button = QPushButton(translate("TrainingLabTab", "Train both"))
        self.train_button.setToolTip(translate("TrainingLabTab", "Train the FC network and the CNN with the form's "
                                               "settings; press again to stop"))
        font = QFont(self.train_button.font())
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.train_button.setFont(font)
        self.train_button.setMinimumHeight(40)
        self.train_button.clicked.connect(self.toggle_training)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.status = StatusLabel(translate("TrainingLabTab", READY))
        self.status.setFixedHeight(STATUS_LINES * self.status.fontMetrics().lineSpacing() + 4)
        self.filters = FiltersView()
        self.plots = LivePlots()
        self.results = ResultsTable(picture_of=self)
        self.timeline = TimelineView(state)  # the run's CNN epoch by epoch
        self.mistakes = MistakesView(state)  # the finished models' wrong test digits
        self._collector = SnapshotCollector()
        self._found: dict[str, LabMistakes] = {}
        self.below = QTabWidget()
        self.below.addTab(self.results, translate("TrainingLabTab", "Results"))
        timeline_scroll = QScrollArea()  # its filters, maps and bars need more height than a 1024×700 window leaves
        timeline_scroll.setWidget(self.timeline)
        timeline_scroll.setWidgetResizable(True)
        timeline_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.below.addTab(timeline_scroll, translate("TrainingLabTab", "Epoch by epoch"))
        self.below.addTab(self.mistakes, translate("TrainingLabTab", "Mistakes"))

        column = QWidget()
        stack = QVBoxLayout(column)
        for widget in (self.controls, self.train_button, self.progress, self.status):
            stack.addWidget(widget)
        stack.addWidget(self.filters, 1)
        column.setFixedWidth(max(COLUMN_WIDTH, column.minimumSizeHint().width()))
        scroll = QScrollArea()
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        bar = scroll.verticalScrollBar()
        scroll.setFixedWidth(column.width() + (bar.sizeHint().width() if bar is not None else 0))
        self.splitter = QSplitter()
        self.splitter.setOrientation(self.splitter.orientation().Vertical)
        self.splitter.addWidget(self.plots)
        self.splitter.addWidget(self.below)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # The FC-vs-CNN view first (the default), the experiments beside it: they run on the same form, one at a time
        self.experiments = ExperimentsPanel(state, self.tasks, self.config)
        self.views = QTabWidget()
        self.views.addTab(self.splitter, translate("TrainingLabTab", "FC vs CNN"))
        self.views.addTab(self.experiments, translate("TrainingLabTab", "Experiments"))
        self.views.setAccessibleName(translate("TrainingLabTab", "Training lab views"))
        name_tabs(self.views, translate("TrainingLabTab", "Training lab views"),
                  translate("TrainingLabTab", "Choose the FC-vs-CNN comparison or the experiments"))
        name_tabs(self.below, translate("TrainingLabTab", "Run results"),
                  translate("TrainingLabTab", "Choose the finished runs' table, the CNN epoch by epoch, or the "
                            "models' mistakes"))
        self.experiments.running_changed.connect(lambda busy: self.train_button.setEnabled(not busy))
        self.experiments.running_changed.connect(lambda busy: self.controls.set_editable(not busy))
        self.run_started.connect(lambda: self.experiments.set_blocked(True))
        self.run_ended.connect(lambda _: self.experiments.set_blocked(False))
        layout = QHBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.views, 1)

        self.controls.changed.connect(self._on_settings_changed)
        self.controls.cnn_changed.connect(lambda: self._show_starting_filters())
        self.controls.fc_changed.connect(lambda: self._show_starting_filters())
        self.plots.timer.timeout.connect(self._show_progress)
        self.results.cleared.connect(lambda: self._show_starting_filters())
        state.data_changed.connect(self._on_data_changed)
        self._show_starting_filters()

    def show_page(self, page: QWidget) -> None:
        """Bring the page below the curves that holds ``page`` (results, epoch by epoch, mistakes) to the front."""
        for i in range(self.below.count()):
            holder = self.below.widget(i)
            if holder is page or (holder is not None and holder.isAncestorOf(page)):
                self.below.setCurrentIndex(i)
                return
        raise ValueError("that widget is not one of the lab's pages")

    # -- configuration -----------------------------------------------------------------------------
    def config(self) -> ComparisonConfig:
        """The comparison the form describes, for the open data set's input and classes (as many test images
        as the data set has means all of them)."""
        config = self.prefs.lab.config().for_data(self.state.data)
        if config.test_samples is not None and config.test_samples >= len(self.state.data.test_labels):
            config = replace(config, test_samples=None)
        return config

    def _on_settings_changed(self) -> None:
        if not self.is_running and self.status.is_error:
            # the refused setting was changed: the reason no longer holds
            self.status.say(translate("TrainingLabTab", READY))

    def _on_data_changed(self) -> None:
        """Another data set: the form's limits, and both models rebuilt for its input (sizes, starting filters);
        the table's runs were on the old data, so the starting filters are shown even after runs."""
        self.controls.set_data(self.state.data)
        self._show_starting_filters(after_runs=True)

    # -- running -------------------------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        return self.tasks.busy("train")

    def toggle_training(self) -> None:
        if self.is_running:
            self.stop_training()
        else:
            self.start_training()

    def start_training(self) -> bool:
        """Start a run of the form's comparison; False (with the reason in the status) when it cannot."""
        if self.is_running:
            return False
        config, data = self.config(), self.state.data
        problems = config.problems(data)
        if problems:
            self.status.say(worded(one_after_another(problems)), error=True)
            return False
        run = self._run_comparison
        self._collector, self._found = collector, found = SnapshotCollector(), {}
        self.mistakes.show_mistakes({})  # the last run's are not this one's

        def train(job: Job) -> ComparisonResult:
            result = run(config, data, on_batch=job.progress, on_epoch=job.progress, should_stop=job.should_stop,
                         on_restart=lambda key, notice: job.progress(Restart(key, notice)), on_snapshot=collector)
            if not result.cancelled:  # the finished models' mistakes, for the Mistakes strip
                found.update(run_mistakes(result, data, collector, job.should_stop) or {})
            return result

        self._running_config, self._notices, self._outcome = config, [], ("stopped", None)
        started = self.tasks.run("train", train, policy="single", threads=threads_for("train"),
                                 on_progress=self._on_progress, on_done=self._on_done,
                                 on_failed=self._on_failed, on_finished=self._on_finished)
        assert started  # nothing else runs under this key
        self.run_started.emit()
        self.plots.start(config, self.results.results)
        self.controls.set_editable(False)
        self.results.set_running(True)
        self.train_button.setText(translate("TrainingLabTab", "Stop"))
        self.progress.setValue(0)
        self.status.say(translate("TrainingLabTab", "Preparing {n:,} training images…").format(n=config.train_samples))
        return True

    def stop_training(self) -> None:
        """Ask the run to stop; it does before its next batch (or test chunk), and ``run_ended`` says so."""
        if self.is_running:
            self.tasks.cancel("train")
            self.train_button.setEnabled(False)
            self.status.say(translate("TrainingLabTab", "Stopping…"))

    def _on_progress(self, item: object) -> None:
        if isinstance(item, ModelBatchMetrics):
            self.plots.add_batch(item)
            if item.filters is not None:
                self._pending_filters = (item.filters, batch_text(item))
        elif isinstance(item, ModelEpochMetrics):
            self.plots.add_epoch(item)
            if item.model == CNN_KEY:
                self.timeline.set_timeline(self._collector.timeline(CNN_KEY), self.state.data.spec,
                                           self.state.data.class_names)
            if item.filters is not None:
                where = translate("TrainingLabTab", "after epoch {epoch}/{epochs}").format(epoch=item.epoch,
                                                                                           epochs=item.epochs)
                self._pending_filters = (item.filters, where)
        elif isinstance(item, Restart):
            notice = f"{SHORT_NAMES.get(item.model, item.model)}: {worded(item.notice)}"
            self._notices.append(notice)
            self.plots.restart(item.model, notice)

    def _show_progress(self) -> None:
        """On each redraw tick: the bar, the newest filters, and what each model is doing now."""
        self.progress.setValue(int(1000 * self.plots.progress))
        if self._pending_filters is not None:
            self.filters.show_filters(*self._pending_filters)
            self._pending_filters = None
        config = self._running_config
        if config is not None and self.tasks.task("train") is not None and self.train_button.isEnabled():
            tested = config.test_samples or len(self.state.data.test_labels)
            if any(curve.last_batch is not None for curve in self.plots.live.values()):
                self.status.say("\n".join(phase_text(k, c, tested) for k, c in self.plots.live.items()))

    def _on_done(self, result: ComparisonResult) -> None:
        self._outcome = ("finished", result)

    def _on_failed(self, message: str) -> None:
        self._outcome = ("failed", None)
        self.status.say(translate("TrainingLabTab", "Training failed: {why}").format(why=message), error=True)

    def _on_finished(self) -> None:
        """The job has ended (done, stopped or failed): show how, and get ready for the next run."""
        outcome, result = self._outcome
        self.plots.finish()
        self._show_progress()
        if result is not None:
            self.results.add(result)
            self._report(result)
            self.progress.setValue(1000)
            if result.cnn.filters is not None:
                self.filters.show_filters(result.cnn.filters, translate("TrainingLabTab", "after epoch {epoch} "
                                                                        "(final)").format(epoch=len(result.cnn.history)))
            self.mistakes.show_mistakes(dict(self._found))
        elif outcome == "stopped":
            epochs = [c.last_batch.epoch for c in self.plots.live.values() if c.last_batch is not None]
            self.status.say(translate("TrainingLabTab", "Stopped in epoch {epoch}. The curves show how far it got; the "
                                      "table keeps only finished runs.").format(epoch=max(epochs)) if epochs else
                            translate("TrainingLabTab", "Stopped before the first batch. The curves show how far it "
                                      "got; the table keeps only finished runs."))
        self._running_config = None
        self.controls.set_editable(True)
        self.results.set_running(False)
        self.train_button.setText(translate("TrainingLabTab", "Train both"))
        self.train_button.setEnabled(True)
        self.run_ended.emit(outcome)
        if result is not None:
            self.run_finished.emit(result)

    def _report(self, result: ComparisonResult) -> None:
        fc, cnn = result.fc, result.cnn
        self.status.say(translate("TrainingLabTab", "Done in {s:.1f} s on {device}. Test accuracy: FC {fc}, CNN {cnn} "
                                  "({n:,} test images).").format(
            s=result.wall_time_s, device=result.device.upper(), fc=percent(fc.test_accuracy),
            cnn=percent(cnn.test_accuracy), n=fc.test_samples))
        notices = list(dict.fromkeys([*self._notices, *(worded(n) for n in getattr(result, "notices", []))]))
        if notices:
            self.plots.say(" ".join(notices))

    def _show_starting_filters(self, after_runs: bool = False) -> None:
        """Both models' sizes as the form builds them; before any training, also the random filters the next
        run's CNN starts from (same seed, same sizes)."""
        if self.is_running:
            return
        fc, cnn = build_pair(self.config())
        self.controls.show_sizes(fc, cnn, self.state.data.spec)
        if after_runs or not self.results.results:
            self.filters.show_filters(first_layer_filters(cnn), translate("TrainingLabTab", "untrained (random start)"))

