"""The accuracy report panel: the table and chart open from the cache; "Run report" measures what is missing.

Before a run, the models not measured yet are planned in the background (``plan``: a few real batches
each) and the estimated total is shown. The report runs as one background job ("report", policy
"single"): finished rows arrive as they finish, the status line always says what is happening now
(which model, how far, about how long is left), and a finished run's message can be dismissed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from PyQt6.QtCore import QT_TRANSLATE_NOOP, pyqtSignal
from PyQt6.QtWidgets import QVBoxLayout

from cnnviz.jobs import Job, check
from cnnviz.models import MODELS
from cnnviz.training import BatchMetrics
from cnnviz.training.device import threads_for
from cnnviz.zoo.report import (
    ModelPlan,
    Report,
    ReportPlan,
    ReportRow,
    build_report,
    cached_report,
    format_duration,
    plan,
    report_notes,
    row_cells,
    with_reductions,
)
from ui.banner import Banner
from ui.i18n import number_text, translate, worded
from ui.preferences import ZooPrefs
from ui.state import AppState
from ui.tasks import TaskRunner
from ui.widgets.bar_legend import bar_legend
from ui.widgets.lazy import LazyPanel
from ui.widgets.tables import fill_table, fit_height, make_table
from ui.zoo.chart_widgets import draw_error_chart, make_plot, note
from ui.zoo.report_controls import ReportControls

BuildReport = Callable[..., Report]
CachedReport = Callable[..., Report]
PlanReport = Callable[..., ReportPlan]
Choices = tuple[tuple[str, ...], str, float]  # models, device, budget in minutes
# The table's headings in the interface's language; REPORT_COLUMNS stays English (it heads the Markdown report too)
HEADINGS = (QT_TRANSLATE_NOOP("ReportView", "Model"), QT_TRANSLATE_NOOP("ReportView", "Parameters"),
            QT_TRANSLATE_NOOP("ReportView", "Epochs"), QT_TRANSLATE_NOOP("ReportView", "Wall time"),
            QT_TRANSLATE_NOOP("ReportView", "Device"), QT_TRANSLATE_NOOP("ReportView", "Test error"),
            QT_TRANSLATE_NOOP("ReportView", "With TTA"), QT_TRANSLATE_NOOP("ReportView", "Published figure"),
            QT_TRANSLATE_NOOP("ReportView", "Reduction vs previous"))


@dataclass(frozen=True)
class Together:
    """The report's progress once its rows are done: it tests these models together (the ensemble)."""

    models: tuple[str, ...]


def plan_text(p: ReportPlan) -> str:
    """The estimate before Run, in words: the total, then each model that will train."""
    parts = []
    for m in p.models:
        if m.cached:
            continue
        fit = (translate("ReportView", "; not even one epoch fits the budget, so only its time is estimated")
               if m.epochs == 0 else
               translate("ReportView", "; {epochs} of {recipe} epochs fit the budget").format(
                   epochs=m.epochs, recipe=m.recipe_epochs) if m.shortened else "")
        parts.append(translate("ReportView", "{model} about {duration}{fit}").format(
            model=m.model, duration=format_duration(m.estimated_s), fit=fit))
    return translate("ReportView", "Run report would take about {duration} here ({parts}).").format(
        duration=format_duration(p.total_s), parts=", ".join(parts))


class ReportView(LazyPanel):
    """The accuracy table, its notes and chart; Run measures the ticked models that are not cached yet."""

    report_ready = pyqtSignal()  # a report (cached or just measured) is on screen
    row_added = pyqtSignal(str)  # a model's row arrived while the report runs
    planned = pyqtSignal()  # the estimate for the current choices is known

    def __init__(self, state: AppState, prefs: ZooPrefs, *, build: BuildReport = build_report,
                 cached: CachedReport = cached_report, plan_report: PlanReport = plan) -> None:
        super().__init__()
        self.state, self.prefs = state, prefs
        self.build, self.cached, self.plan_report = build, cached, plan_report
        self.tasks = TaskRunner(self)
        self.report: Report | None = None
        self.rows: list[ReportRow] = []
        self.plan: ReportPlan | None = None
        self.plan_for: Choices | None = None  # the choices ``plan`` answers
        self.planning_for: Choices | None = None
        self.run_plan: ReportPlan | None = None
        self.current = ""  # what the running report is doing now
        self.announcement = ""  # a finished run's message, shown until dismissed or the choice changes
        self._model: tuple[str, int, int] = ("", 0, 1)  # name, index, count

        self.intro = intro = note()
        self.controls = ReportControls(prefs)
        c = self.controls
        self.checks, self.device_combo, self.budget = c.checks, c.device_combo, c.budget
        self.run_button, self.cancel_button, self.progress = c.run_button, c.cancel_button, c.progress
        c.changed.connect(self.show_cached)
        c.run_button.clicked.connect(self.run)
        c.cancel_button.clicked.connect(self.cancel)
        self.status = Banner()  # what happens now; a finished run's message until the user dismisses it
        self.status.close_button.clicked.connect(self.dismiss)
        self.table = make_table([translate("ReportView", heading) for heading in HEADINGS])
        self.table.setAccessibleName(translate("ReportView", "Accuracy report"))
        self.table.setAccessibleDescription(translate("ReportView", "One row per measured model: parameters, epochs, "
                                                      "wall time, device, test error and the published figure"))
        self.notes = note()
        self.chart = make_plot(translate("ReportView", "test error (%)"),
                               translate("ReportView", "Each model's measured test error beside its published "
                                         "figure"))
        bar_legend(self.chart)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(c)
        layout.addWidget(self.status)
        layout.addWidget(self.table)
        layout.addWidget(self.notes)
        layout.addWidget(self.chart, 100)
        layout.addStretch(1)  # keeps the controls at the top while there is no chart to show
        state.data_changed.connect(self.show_cached)
        self.show_cached()

    # -- what is shown -----------------------------------------------------------------------------
    def selected_models(self) -> list[str]:
        return self.controls.selected_models()

    def choices(self) -> Choices:
        return tuple(self.selected_models()), self.prefs.device, self.prefs.budget_min

    @property
    def running(self) -> bool:
        return self.tasks.busy("report")

    def show_cached(self) -> None:
        """The cached rows of the ticked models (while a report runs, its own rows stay on screen)."""
        data = self.state.data
        self.intro.setText(translate(
            "ReportView",
            "Each model is trained with its standard training settings on the {train:,} {data} training images and "
            "tested on the {test:,} test images. The table compares the error measured here with the published "
            "figure (published for MNIST). Results are kept per data set, so this view opens instantly after the "
            "first run.").format(train=len(data.train_labels), data=data.name, test=len(data.test_labels)))
        if not self.running:
            self.announcement = ""
            self.show_report(self.cached(data, self.selected_models()))

    def show_report(self, report: Report) -> None:
        self.report = report
        self.rows = list(report.rows)
        self.mark_dirty()
        self.say_state()
        self.report_ready.emit()

    def refresh(self) -> None:
        numeric = {1, 2, 3, 5, 6, 7, 8}
        fill_table(self.table, [[number_text(cell) if i in numeric and isinstance(cell, str) else worded(cell)
                                 for i, cell in enumerate(row_cells(row))] for row in self.rows], numeric=numeric)
        fit_height(self.table)
        self.table.setVisible(bool(self.rows))
        notes = []
        if self.report is not None:
            shown = dataclasses.replace(self.report, rows=self.rows)
            notes = [worded(n) for n in report_notes(shown, plain=True)]
            if self.rows and not self.running:
                notes.append(translate("ReportView", "Total wall time {duration} on {devices}.").format(
                    duration=format_duration(shown.wall_time_s), devices=", ".join(shown.machines)))
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        draw_error_chart(self.chart, self.rows)
        if not self.running and self.missing() and self.choices() not in (self.plan_for, self.planning_for):
            self.estimate()

    def missing(self) -> list[str]:
        measured = {row.model for row in self.rows}
        return [name for name in self.selected_models() if name not in measured]

    def ensemble_wanted(self) -> tuple[str, ...]:
        """The ticked models when "Test them together" asks for their ensemble (two or more), else none."""
        models = tuple(self.selected_models())
        return models if self.prefs.ensemble and len(models) >= 2 else ()

    def ensemble_missing(self) -> bool:
        """Whether the ensemble asked for has no figure on screen yet, while every member has trained weights
        (a model whose training did not fit the budget cannot be tested, together or alone)."""
        wanted = self.ensemble_wanted()
        shown = self.report.ensemble if self.report is not None else None
        trained = {row.model for row in self.rows if row.checkpoint}
        return bool(wanted) and set(wanted) <= trained and (shown is None or set(shown.models) != set(wanted))

    def say_state(self) -> None:
        """The status line: what is happening now, or what Run would do (never a stale instruction)."""
        if self.running:
            self.status.say(self.current, dismissable=False)
        elif self.announcement:
            self.status.say(self.announcement)
        elif not self.selected_models():
            self.status.say(translate("ReportView", "Tick at least one model to measure."), dismissable=False)
        elif missing := self.missing():
            estimate = (plan_text(self.plan) if self.plan is not None and self.plan_for == self.choices() else
                        translate("ReportView", "Estimating how long they take here from a few training batches "
                                  "each…"))
            self.status.say(translate("ReportView", "Not measured yet: {models}. {estimate} Press Run report to train "
                                      "and test them.").format(models=", ".join(missing), estimate=estimate),
                            dismissable=False)
        elif self.ensemble_missing():
            self.status.say(translate("ReportView", "{models} are measured but not yet tested together. Press Run "
                                      "report to test them as one ensemble.").format(
                models=", ".join(self.ensemble_wanted())), dismissable=False)
        else:
            self.status.clear()

    def dismiss(self) -> None:
        self.announcement = ""
        self.say_state()

    # -- estimating --------------------------------------------------------------------------------
    def estimate(self) -> None:
        """Plan the current choices in the background (only the newest choices' plan is shown)."""
        choices = self.planning_for = self.choices()
        models, device, budget_min = choices
        data, plan_report = self.state.data, self.plan_report

        def job(j: Job) -> ReportPlan:
            plans: list[ModelPlan] = []
            for name in models:  # model by model, so a cancel never waits for the remaining ones' start-up
                check(j.should_stop)
                plans += plan_report(data, [name], device=device, budget_s=budget_min * 60,
                                     should_stop=j.should_stop).models
            return ReportPlan(tuple(plans))

        self.tasks.run("plan", job, policy="latest", threads=threads_for("report"),
                       on_done=lambda p: self._planned(p, choices), on_failed=self._plan_failed)

    def _planned(self, p: ReportPlan, choices: Choices) -> None:
        self.plan, self.plan_for = p, choices
        self.say_state()
        self.planned.emit()

    def _plan_failed(self, message: str) -> None:
        self.planning_for = None
        if not self.running and not self.announcement:
            self.status.say(translate("ReportView", "Could not estimate the run: {why}").format(why=message),
                            dismissable=False)

    # -- running -----------------------------------------------------------------------------------
    def run(self) -> None:
        models = self.selected_models()
        if not models or self.running:
            self.say_state()
            return
        data, device, budget_s = self.state.data, self.prefs.device, self.prefs.budget_min * 60
        self.run_plan = self.plan if self.plan_for == self.choices() else None
        build, planned, ensemble = self.build, self.run_plan, self.ensemble_wanted()
        self.tasks.cancel("plan")  # its CPU goes to the run

        def job(j: Job) -> Report:
            return build(data, models, device=device, budget_s=budget_s, planned=planned,
                         on_model=lambda name, i, n: j.progress((name, i, n)), on_batch=j.progress,
                         on_row=j.partial, should_stop=j.should_stop, ensemble=ensemble,
                         on_ensemble=lambda: j.progress(Together(ensemble)))

        self.tasks.run("report", job, policy="single", threads=threads_for("report"), on_done=self._finished,
                       on_progress=self._on_progress, on_partial=self._on_row, on_failed=self._failed,
                       on_cancelled=self._cancelled, on_finished=self._ended)
        self.announcement = ""
        self.controls.set_running(True)
        self.current = translate("ReportView", "Starting…")
        self.say_state()
        self.mark_dirty()

    def cancel(self) -> None:
        if self.running:
            self.tasks.cancel("report")
            self.cancel_button.setEnabled(False)
            self.current = translate("ReportView", "Stopping after this batch; finished models are kept…")
            self.say_state()

    def _on_progress(self, value: object) -> None:
        if isinstance(value, Together):
            self.progress.setValue(0)
            self.current = translate("ReportView", "Testing {models} together…").format(models=", ".join(value.models))
        elif isinstance(value, tuple):
            self._model = value
            self.progress.setValue(0)
            self.current = translate("ReportView", "Measuring {model} ({i} of {n})…").format(
                model=value[0], i=value[1] + 1, n=value[2])
        elif isinstance(value, BatchMetrics):
            name, index, count = self._model
            epochs = max(MODELS[name].recipe.epochs, value.epoch)
            done = ((value.epoch - 1) + value.progress) / epochs
            self.progress.setValue(int(done * 1000))
            left = value.elapsed_s / max(done, 1e-9) * (1 - done)
            later = sum(m.estimated_s for m in self.run_plan.models[index + 1:]) if self.run_plan else None
            total = translate("ReportView", ", about {duration} for the whole report").format(
                duration=format_duration(left + later)) if later else ""
            self.current = translate("ReportView", "Training {model} ({i} of {n}): epoch {epoch} of {epochs}, batch "
                                     "{batch}/{batches}; about {left} left for this model{total}.").format(
                model=name, i=index + 1, n=count, epoch=value.epoch, epochs=epochs, batch=value.batch,
                batches=value.batches_per_epoch, left=format_duration(left), total=total)
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
        self.announcement = translate("ReportView", "Report ready: {n} models measured.").format(n=len(report.rows))

    def _cancelled(self) -> None:
        self.show_report(self.cached(self.state.data, self.selected_models()))
        self.announcement = translate("ReportView", "Report cancelled; the models that finished are kept.")

    def _failed(self, message: str) -> None:
        self.show_report(self.cached(self.state.data, self.selected_models()))
        self.announcement = translate("ReportView", "The report stopped with an error: {why}").format(why=message)

    def _ended(self) -> None:
        self.controls.set_running(False)
        self.plan_for = self.planning_for = None  # the cache changed: plan again for what is still missing
        self.mark_dirty()
        self.say_state()
