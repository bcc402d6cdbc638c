"""The accuracy report while it runs: rows as they finish, a status line about now, dismissable results,
and the user's choices kept between sessions."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pyqtgraph as pg

from cnnviz.training import BatchMetrics
from cnnviz.zoo.report import (
    EnsembleFigure,
    ModelPlan,
    Report,
    ReportPlan,
    ReportRow,
    format_duration,
    with_reductions,
)
from ui.preferences import Preferences, open_preferences
from ui.zoo.tab import ZooTab


def _row(model: str, error: float, published: float | None) -> ReportRow:
    return ReportRow(model=model, parameters=1000, epochs=1, recipe_epochs=1, wall_time_s=30.0, device="cpu",
                     test_error=error, seed_error=published)


def _empty_cache(data, models, **_) -> Report:  # type: ignore[no-untyped-def]
    return Report([], data.name, len(data.train_labels), len(data.test_labels))



def _plan(data, models, **_) -> ReportPlan:  # type: ignore[no-untyped-def]
    """What the planner would say after measuring: logistic 40 s, mlp 300 s, small_cnn 120 s."""
    seconds = {"logistic": 40.0, "mlp": 300.0, "small_cnn": 120.0}
    return ReportPlan(tuple(ModelPlan(m, 1, 1, seconds[m], seconds[m], 1000.0, cached=False) for m in models))


def _zoo(qtbot, app_state, models: str, **views):  # type: ignore[no-untyped-def]
    """A Model zoo tab ticking ``models`` (comma-separated), its report built, cached and planned by ``views``."""
    prefs = Preferences()
    prefs.zoo.models = models
    tab = ZooTab(app_state, prefs, **{"plan_report": _plan, **views})
    qtbot.addWidget(tab)
    return prefs, tab, tab.report_view


def test_the_estimate_shows_before_run_and_rows_appear_while_the_report_runs(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    first = _row("logistic", 7.5, 8.0)
    # 5% into mlp's 10 epochs after 10 s: 190 s of this model are left, then small_cnn's planned 120 s
    batch = BatchMetrics(epoch=1, batch=50, batches_per_epoch=100, loss=0.3, accuracy=0.9, samples_per_s=640.0,
                         elapsed_s=10.0)

    def build(data, models, *, on_model, on_batch, on_row, should_stop, **_):  # type: ignore[no-untyped-def]
        on_model("logistic", 0, 3)
        on_row(first)
        on_model("mlp", 1, 3)
        on_batch(batch)
        while not release.wait(0.05) and not should_stop():
            pass
        rows = [first, _row("mlp", 2.1, 2.0), _row("small_cnn", 0.9, 0.8)]
        return Report(with_reductions(rows), data.name, 60_000, 10_000)

    _, tab, view = _zoo(qtbot, app_state, "logistic,mlp,small_cnn", build_report=build, cached_report=_empty_cache)
    with qtbot.waitSignal(view.planned, timeout=5000):
        tab.show()
    status = view.status.text()
    assert "Not measured yet: logistic, mlp, small_cnn" in status
    assert f"about {format_duration(40 + 300 + 120)} here" in status
    with qtbot.waitSignal(view.row_added, timeout=5000):
        view.run_button.click()
    qtbot.waitUntil(lambda: "Training mlp" in view.status.text(), timeout=5000)
    assert view.running and view.table.rowCount() == 1
    assert view.table.item(0, 0).text() == "logistic" and view.table.item(0, 5).text() == "7.50%"
    status = view.status.text()
    assert "Not measured" not in status and "press Run" not in status.lower()
    assert "mlp (2 of 3)" in status and f"about {format_duration(10.0 / 0.05 * 0.95)} left" in status
    assert f"about {format_duration(10.0 / 0.05 * 0.95 + 120)} for the whole report" in status
    release.set()
    qtbot.waitUntil(lambda: not view.running, timeout=5000)
    assert [view.table.item(r, 0).text() for r in range(view.table.rowCount())] == ["logistic", "mlp", "small_cnn"]
    assert "Report ready" in view.status.text() and view.status.close_button.isVisible()
    view.status.close_button.click()
    assert "Report ready" not in view.status.text()


def test_the_choices_are_remembered_and_modern_cnn_is_not_ticked_by_default(qtbot, app_state, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = open_preferences(tmp_path / "settings.ini")
    first = ZooTab(app_state, store.prefs, cached_report=_empty_cache, plan_report=_plan)
    qtbot.addWidget(first)
    view = first.report_view
    assert not view.checks["modern_cnn"].isChecked()  # 100 epochs: 1 h 30 min on 2 CPU cores (docs/report/)
    view.checks["modern_cnn"].setChecked(True)
    view.checks["mlp"].setChecked(False)
    view.device_combo.setCurrentIndex(view.device_combo.findData("cpu"))
    view.budget.setValue(7.5)
    store.prefs.window.geometry = bytes(first.saveGeometry().data())  # closing the window saves both
    store.save()

    again = ZooTab(app_state, open_preferences(tmp_path / "settings.ini").prefs, cached_report=_empty_cache,
                   plan_report=_plan)
    qtbot.addWidget(again)
    view2 = again.report_view
    assert view2.selected_models() == ["logistic", "small_cnn", "modern_cnn"]
    assert view2.device_combo.currentData() == "cpu" and view2.budget.value() == 7.5


def test_a_measured_ensemble_is_shown_under_the_table_as_its_own_figure(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    rows = with_reductions([_row("modern_cnn", 0.27, 0.2), _row("m3_cnn", 0.29, None)])  # m3_cnn: no published

    def cached(data, models, **_) -> Report:  # type: ignore[no-untyped-def]
        shown = [row for row in rows if row.model in models]
        return Report(shown, data.name, 60_000, 10_000,
                      ensemble=EnsembleFigure(("modern_cnn", "m3_cnn"), 0.21) if len(shown) == 2 else None)

    _, tab, view = _zoo(qtbot, app_state, "modern_cnn,m3_cnn", cached_report=cached)
    with qtbot.waitSignal(view.report_ready, timeout=5000):
        tab.show()
        view.show_cached()
    assert [view.table.item(r, 5).text() for r in range(view.table.rowCount())] == ["0.27%", "0.29%"]
    assert "A small ensemble, modern_cnn + m3_cnn: 0.21% test error" in view.notes.text()
    assert view.notes.isVisible()
    bars = {item.opts["name"]: item.opts for item in view.chart.getPlotItem().items
            if isinstance(item, pg.BarGraphItem)}
    assert list(bars["measured here"]["height"]) == [0.27, 0.29]
    assert list(bars["published figure"]["x"]) == [0.18] and list(bars["published figure"]["height"]) == [0.2]
    with qtbot.waitSignal(view.report_ready, timeout=5000):
        view.checks["m3_cnn"].setChecked(False)  # one member alone: the figure goes
    assert "ensemble" not in view.notes.text()


def test_test_them_together_makes_run_report_measure_the_ticked_models_ensemble(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    rows = with_reductions([replace(_row("modern_cnn", 0.27, 0.2), checkpoint="modern.pt"),
                            replace(_row("m3_cnn", 0.29, None), checkpoint="m3.pt")])
    asked: list[tuple[str, ...]] = []
    testing = threading.Event()
    release = threading.Event()

    def cached(data, models, **_) -> Report:  # type: ignore[no-untyped-def]
        return Report([row for row in rows if row.model in models], data.name, 60_000, 10_000)

    def build(data, models, *, ensemble, on_ensemble, **_):  # type: ignore[no-untyped-def]
        asked.append(tuple(ensemble))
        figure = None
        if ensemble:
            on_ensemble()
            testing.set()
            release.wait(5)
            figure = EnsembleFigure(tuple(ensemble), 0.21)
        return Report(list(rows), data.name, 60_000, 10_000, ensemble=figure)

    prefs, tab, view = _zoo(qtbot, app_state, "modern_cnn,m3_cnn", build_report=build, cached_report=cached)
    with qtbot.waitSignal(view.report_ready, timeout=5000):
        tab.show()
        view.show_cached()
    assert not view.controls.together.isChecked() and not view.status.isVisible()  # both measured: nothing to do
    view.controls.together.setChecked(True)
    assert prefs.zoo.ensemble  # kept between sessions like the other choices
    assert "modern_cnn, m3_cnn are measured but not yet tested together" in view.status.text()
    view.run_button.click()
    qtbot.waitUntil(lambda: "Testing modern_cnn, m3_cnn together" in view.status.text(), timeout=5000)
    assert testing.is_set() and view.running
    with qtbot.waitSignal(view.report_ready, timeout=5000):
        release.set()
    assert asked == [("modern_cnn", "m3_cnn")]
    assert "A small ensemble, modern_cnn + m3_cnn: 0.21% test error" in view.notes.text()
    assert "Report ready" in view.status.text()

    view.controls.together.setChecked(False)  # not asked for: a run tests them one by one only
    with qtbot.waitSignal(view.report_ready, timeout=5000):
        view.run_button.click()
    assert asked[-1] == () and "ensemble" not in view.notes.text()
