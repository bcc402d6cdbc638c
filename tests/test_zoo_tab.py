"""The "Model zoo" tab: the cached report opens at once, runs and cancels in the background, lineage,
confusion matrix with its gallery, and the receptive-field table."""

from __future__ import annotations

import functools
from pathlib import Path

import pyqtgraph as pg
import pytest

from cnnviz.zoo import report as report_core
from ui import zoo_tab
from ui.state import AppState
from ui.zoo_tab import ZooTab

pg.setConfigOptions(imageAxisOrder="row-major")


@pytest.fixture
def tab(qtbot, mnist, monkeypatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CNNVIZ_DATA_DIR", str(tmp_path))  # a fresh, empty report cache per test
    state = AppState(mnist)
    widget = ZooTab(state)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    yield widget
    widget.shutdown()
    state.shutdown()


def _cells(table, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_lineage_table_shows_the_computed_counts(tab: ZooTab) -> None:
    table = tab.lineage_view.table
    rows = {_cells(table, r)[0]: _cells(table, r) for r in range(table.rowCount())}
    assert rows["VGG-16"][1] == "2014" and rows["VGG-16"][4] == "138,357,544"
    assert rows["ResNet-50"][4] == "25,557,032"
    assert "150,529,000" in tab.lineage_view.comparison.text()


def test_report_opens_from_the_cache_without_training(qtbot, mnist, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CNNVIZ_DATA_DIR", str(tmp_path))
    from cnnviz.models import build_model
    from cnnviz.training import CheckpointMeta, EpochMetrics, TrainedModel, TrainResult

    def finished_run(name: str, data, *, epochs=None, **_):  # type: ignore[no-untyped-def]
        history = [EpochMetrics(1, 1, 0.1, 0.9, 0.1, 0.925, 1000.0, 1.0)]
        return TrainedModel(build_model(name), TrainResult(history, elapsed_s=42.0),
                            CheckpointMeta(model=name, model_kwargs={}))

    report_core.build_report(mnist, ["logistic"], train=finished_run)  # what an earlier session left
    state = AppState(mnist)
    widget = ZooTab(state)
    qtbot.addWidget(widget)
    try:
        cells = _cells(widget.report_view.table, 0)
        assert cells[0] == "logistic" and cells[5] == "7.50%" and cells[6] == "8.0%" and cells[3] == "42.0 s"
        assert "Not measured yet: mlp, small_cnn, modern_cnn" in widget.report_view.notes.text()
        assert not widget.report_view.chart.isHidden()  # a measured row gets its bar chart
    finally:
        widget.shutdown()
        state.shutdown()


def test_run_report_in_background_then_reopen_from_cache(tab: ZooTab, qtbot, monkeypatch, mnist) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from cnnviz.models import MODELS

    spec = MODELS["logistic"]  # a one-epoch recipe on 500 digits keeps the test quick
    monkeypatch.setitem(MODELS, "logistic", replace(spec, recipe=replace(spec.recipe, epochs=1)))
    monkeypatch.setattr(zoo_tab, "build_report", functools.partial(report_core.build_report, subset=500))
    monkeypatch.setattr(zoo_tab, "cached_report", functools.partial(report_core.cached_report, subset=500))
    view = tab.report_view
    for name, box in view.checks.items():
        box.setChecked(name == "logistic")
    with qtbot.waitSignal(view.report_ready, timeout=60_000):
        view.run_button.click()
        assert view.running and not view.run_button.isEnabled()
    qtbot.waitUntil(lambda: not view.running, timeout=10_000)
    cells = _cells(view.table, 0)
    assert cells[0] == "logistic" and cells[1] == "7,850" and cells[5].endswith("%")
    assert view.run_button.isEnabled()
    assert list((Path(report_core.cache_dir())).glob("logistic-*.pt"))
    # a new tab opens with the same row straight from the cache
    state2 = AppState(mnist)
    again = ZooTab(state2)
    qtbot.addWidget(again)
    for name, box in again.report_view.checks.items():
        box.setChecked(name == "logistic")
    assert _cells(again.report_view.table, 0)[5] == cells[5]
    assert any("Report: logistic" in again.confusion_view.source.itemText(i)
               for i in range(again.confusion_view.source.count()))
    again.shutdown()
    state2.shutdown()


def test_cancel_stops_the_report_and_keeps_the_window_usable(tab: ZooTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = tab.report_view
    view.run_button.click()
    view.cancel_button.click()
    qtbot.waitUntil(lambda: not view.running, timeout=60_000)
    assert "Cancelled" in view.status.text()
    assert view.run_button.isEnabled() and not view.cancel_button.isEnabled()


def test_confusion_matrix_and_gallery_for_the_current_model(tab: ZooTab, qtbot, trained_explorer, mnist) -> None:  # type: ignore[no-untyped-def]
    model, meta, _ = trained_explorer
    view = tab.confusion_view
    with qtbot.waitSignal(view.evaluated, timeout=60_000):
        tab.state.set_model(model, meta)
        tab.views.setCurrentWidget(view)
    table = view.table
    total = sum(int(table.item(r, c).text()) for r in range(10) for c in range(10))
    assert total == len(mnist.test_labels)
    assert "errors in 10,000 digits" in view.summary.text()
    assert view.gallery_grid.count() > 0
    t, p, n = view.matrix.top_confusions(1)[0]
    view._cell_clicked(t, p)
    assert view.gallery_grid.count() == min(n, zoo_tab.GALLERY_LIMIT)
    assert f"true {t} predicted as {p}" in view.gallery_title.text()


def test_receptive_field_table_follows_the_chosen_model(tab: ZooTab) -> None:
    view = tab.receptive_view
    view.model_combo.setCurrentText("lenet5")
    rows = {_cells(view.table, r)[0]: _cells(view.table, r) for r in range(view.table.rowCount())}
    assert rows["conv1"][2] == "5×5" and rows["conv2"][2] == "14×14" and rows["fc3"][2] == "the whole image"
    assert "73,856" in view.stack_note.text() and "102,464" in view.stack_note.text()


def test_report_chart_is_hidden_until_something_was_measured(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.zoo.report import Report
    from ui.zoo_tab import ReportView

    view = ReportView(app_state)
    qtbot.addWidget(view)
    view.show()
    view.show_report(Report([], "MNIST", 60_000, 10_000))
    assert not view.chart.isVisible()
    assert "Not measured yet" in view.notes.text()
