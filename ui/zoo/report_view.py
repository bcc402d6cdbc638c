"""The accuracy report panel: the table and chart open from the cache; "Run report" measures what is missing.

The choices (models, device, time budget) are bound to ``prefs.zoo`` and kept between sessions. The report
runs as one background job ("report", policy "single"): finished rows arrive as they finish, the status line
always says what is happening now (which model, how far, about how long is left), and a finished run's
message can be dismissed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from cnnviz.jobs import Job
from cnnviz.models import MODELS
from cnnviz.training import BatchMetrics, available_devices
from cnnviz.training.device import training_threads
from cnnviz.zoo.report import (
    REPORT_COLUMNS,
    Report,
    ReportRow,
    build_report,
    cached_report,
    format_duration,
    row_cells,
    row_notes,
    with_reductions,
)
from ui.banner import Banner
from ui.binding import Bindings
from ui.preferences import ZooPrefs
from ui.state import AppState
from ui.tasks import TaskRunner
from ui.widgets.lazy import LazyPanel
from ui.widgets.tables import fill_table, fit_height, make_table
from ui.zoo.chart_widgets import draw_error_chart, make_plot, note

BuildReport = Callable[..., Report]
CachedReport = Callable[..., Report]


def build_row_by_row(data: Any, models: list[str], *, on_row: Callable[[ReportRow], None],
                     on_model: Callable[[str, int, int], None], should_stop: Callable[[], bool],
                     **options: Any) -> Report:
    """The report, one model at a time, handing each finished row to ``on_row`` as soon as it is done."""
    rows: list[ReportRow] = []
    cancelled = False
    for i, name in enumerate(models):
        on_model(name, i, len(models))
        part = build_report(data, [name], should_stop=should_stop, **options)
        rows += part.rows
        for row in part.rows:
            on_row(row)
        if part.cancelled:
            cancelled = True
            break
    n = len(data.train_labels)
    return Report(with_reductions(rows), data.name, n, len(data.test_labels), cancelled=cancelled)


def bind_model_checks(checks: dict[str, QCheckBox], prefs: ZooPrefs, on_change: Callable[[], None]) -> None:
    """Tick the models named in ``prefs.models`` (comma-separated) and write every change back there."""
    chosen = {name.strip() for name in prefs.models.split(",")}
    for name, box in checks.items():
        box.setChecked(name in chosen)

    def store(*_: Any) -> None:
        prefs.models = ",".join(name for name, box in checks.items() if box.isChecked())
        on_change()

    for box in checks.values():
        box.toggled.connect(store)


class ReportView(LazyPanel):
    """The accuracy table, its notes and chart; Run measures the ticked models that are not cached yet."""

    report_ready = pyqtSignal()  # a report (cached or just measured) is on screen
    row_added = pyqtSignal(str)  # a model's row arrived while the report runs

    def __init__(self, state: AppState, prefs: ZooPrefs, *, build: BuildReport = build_row_by_row,
                 cached: CachedReport = cached_report) -> None:
        super().__init__()
        self.state, self.prefs = state, prefs
        self.build, self.cached = build, cached
        self.tasks = TaskRunner(self)
        self.report: Report | None = None
        self.rows: list[ReportRow] = []
        self.current = ""  # what the running report is doing now
        self._model_text = ""
        self._model_epochs = 1
        self.announcement = ""  # a finished run's message, shown until dismissed or the choice changes

        intro = note("Each model is trained with its standard training settings on the 60,000 MNIST training "
                     "digits and tested on the 10,000 test digits. The table compares the error measured here "
                     "with the published figure. Results are kept, so this view opens instantly after the first "
                     "run.")
        self.checks = {name: QCheckBox(name) for name in MODELS}
        pick = QHBoxLayout()
        pick.addWidget(QLabel("Models:"))
        for box in self.checks.values():
            pick.addWidget(box)
        pick.addStretch(1)
        self.device_combo = QComboBox()
        for device in ("auto", *available_devices()):
            self.device_combo.addItem(device, device)
        self.budget = QDoubleSpinBox()
        self.budget.setRange(0.5, 600)
        self.budget.setSuffix(" min")
        self.budget.setToolTip("A model whose full training would take longer is trained for as many epochs "
                               "as fit, and the time the full training needs here is estimated.")
        self.run_button = QPushButton("Run report")
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        controls = QHBoxLayout()
        for widget in (QLabel("Device:"), self.device_combo, QLabel("Time budget per model:"), self.budget,
                       self.run_button, self.cancel_button):
            controls.addWidget(widget)
        controls.addWidget(self.progress, 1)
        self.status = Banner()  # what happens now; a finished run's message until the user dismisses it
        self.status.close_button.clicked.connect(self.dismiss)

        self.table = make_table(REPORT_COLUMNS)
        self.notes = note()
        self.chart = make_plot("test error (%)")
        self.chart.addLegend(offset=(-10, 10))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(pick)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.table)
        layout.addWidget(self.notes)
        layout.addWidget(self.chart, 100)
        layout.addStretch(1)  # keeps the controls at the top while there is no chart to show

        self.bindings = Bindings()
        self.bindings.bind(self.device_combo, prefs, "device")
        self.bindings.bind(self.budget, prefs, "budget_min")
        bind_model_checks(self.checks, prefs, self.show_cached)
        state.data_changed.connect(self.show_cached)
        self.show_cached()

    # -- what is shown -----------------------------------------------------------------------------
    def selected_models(self) -> list[str]:
        return [name for name, box in self.checks.items() if box.isChecked()]

    @property
    def running(self) -> bool:
        return self.tasks.busy("report")

    def show_cached(self) -> None:
        """The cached rows of the ticked models (while a report runs, its own rows stay on screen)."""
        if not self.running:
            self.dismiss()
            self.show_report(self.cached(self.state.data, self.selected_models()))

    def show_report(self, report: Report) -> None:
        self.report = report
        self.rows = list(report.rows)
        self.mark_dirty()
        self.say_state()
        self.report_ready.emit()

    def refresh(self) -> None:
        fill_table(self.table, [row_cells(row) for row in self.rows], numeric={1, 2, 3, 5, 6, 7})
        fit_height(self.table)
        self.table.setVisible(bool(self.rows))
        notes = [n.replace("`", "") for row in self.rows for n in row_notes(row)]  # drop Markdown code marks
        if self.rows and not self.running:
            total = sum(r.wall_time_s for r in self.rows)
            notes.append(f"Total wall time {format_duration(total)} on "
                         f"{', '.join(sorted({r.device for r in self.rows}))}.")
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        draw_error_chart(self.chart, self.rows)

    def missing(self) -> list[str]:
        measured = {row.model for row in self.rows}
        return [name for name in self.selected_models() if name not in measured]

    def say_state(self) -> None:
        """The status line: what is happening now, or what Run would do (never a stale instruction)."""
        if self.running:
            self.status.say(self.current, dismissable=False)
        elif self.announcement:
            self.status.say(self.announcement)
        elif not self.selected_models():
            self.status.say("Tick at least one model to measure.", dismissable=False)
        elif missing := self.missing():
            self.status.say(f"Not measured yet: {', '.join(missing)}. Press Run report to train and test them.",
                            dismissable=False)
        else:
            self.status.clear()

    def dismiss(self) -> None:
        self.announcement = ""
        self.say_state()

    # -- running -----------------------------------------------------------------------------------
    def run(self) -> None:
        models = self.selected_models()
        if not models or self.running:
            self.say_state()
            return
        data, device, budget_s = self.state.data, self.prefs.device, self.prefs.budget_min * 60

        def job(j: Job) -> Report:
            return self.build(data, models, device=device, budget_s=budget_s,
                              on_model=lambda name, i, n: j.progress(("model", name, i, n)),
                              on_batch=lambda m: j.progress(m), on_row=j.partial, should_stop=j.should_stop)

        self.tasks.run("report", job, policy="single", threads=training_threads(), on_done=self._finished,
                       on_progress=self._on_progress, on_partial=self._on_row, on_failed=self._failed,
                       on_cancelled=self._cancelled, on_finished=self._ended)
        self.dismiss()
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.show()
        self.current = "Starting…"
        self.say_state()
        self.mark_dirty()

    def cancel(self) -> None:
        if self.running:
            self.tasks.cancel("report")
            self.cancel_button.setEnabled(False)
            self.current = "Stopping after this batch; finished models are kept…"
            self.say_state()

    def _on_progress(self, value: object) -> None:
        if isinstance(value, tuple):
            _, name, index, total = value
            self._model_text = f"{name} ({index + 1} of {total})"
            self._model_epochs = MODELS[name].recipe.epochs
            self.progress.setValue(0)
            self.current = f"Measuring {self._model_text}…"
        elif isinstance(value, BatchMetrics):
            done = ((value.epoch - 1) + value.progress) / max(self._model_epochs, value.epoch)
            self.progress.setValue(int(done * 1000))
            left = value.elapsed_s / max(done, 1e-9) * (1 - done)
            self.current = (f"Training {self._model_text}: epoch {value.epoch} of {self._model_epochs}, "
                            f"batch {value.batch}/{value.batches_per_epoch}; about {format_duration(left)} "
                            f"left for this model.")
        self.say_state()

    def _on_row(self, row: object) -> None:
        assert isinstance(row, ReportRow)
        order = self.selected_models()
        rows = [r for r in self.rows if r.model != row.model] + [row]
        self.rows = with_reductions(sorted(rows, key=lambda r: order.index(r.model) if r.model in order else 99))
        self.mark_dirty()
        self.row_added.emit(row.model)

    def _finished(self, report: Report) -> None:
        self.show_report(report)
        self._announce(f"Report ready: {len(report.rows)} models measured.")

    def _cancelled(self) -> None:
        self.show_report(self.cached(self.state.data, self.selected_models()))
        self._announce("Report cancelled; the models that finished are kept.")

    def _failed(self, message: str) -> None:
        self.show_report(self.cached(self.state.data, self.selected_models()))
        self._announce(f"The report stopped with an error: {message}")

    def _announce(self, text: str) -> None:
        self.announcement = text
        self.say_state()

    def _ended(self) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.hide()
        self.mark_dirty()
        self.say_state()
