"""The zoo's other panels: closing during a slow evaluation, a live palette switch, opening a mistake on the
canvas, and words a newcomer understands."""

from __future__ import annotations

import threading
import time

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QAbstractButton, QApplication, QLabel, QTableWidget

from cnnviz.jobs import JobCancelled
from cnnviz.models import build_model
from cnnviz.training import CheckpointMeta, EvalResult
from cnnviz.zoo.report import Report, ReportPlan, ReportRow
from ui.preferences import Preferences
from ui.tasks import shutdown_all
from ui.theme import DARK, LIGHT, apply_theme
from ui.zoo.tab import ZooTab


def _one_row_cache(data, models, **_) -> Report:  # type: ignore[no-untyped-def]
    row = ReportRow(model="logistic", parameters=7850, epochs=5, recipe_epochs=5, wall_time_s=30.0, device="cpu",
                    test_error=7.5, seed_error=8.0)
    return Report([row], data.name, len(data.train_labels), len(data.test_labels))



def _no_plan(*_, **__) -> ReportPlan:  # type: ignore[no-untyped-def]
    return ReportPlan(())


def test_closing_during_a_slow_evaluation_ends_within_2_s(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()

    def slow_evaluate(model, data, should_stop):  # type: ignore[no-untyped-def]
        started.set()
        deadline = time.monotonic() + 30  # like modern_cnn's 16 s on one thread, only longer
        while time.monotonic() < deadline:
            if should_stop():
                raise JobCancelled
            time.sleep(0.02)  # one chunk of work
        raise AssertionError("the evaluation was never cancelled")

    tab = ZooTab(app_state, Preferences(), evaluate=slow_evaluate, plan_report=_no_plan)
    qtbot.addWidget(tab)
    tab.show()
    app_state.set_model(build_model("explorer_cnn"), CheckpointMeta(model="explorer_cnn", model_kwargs={}))
    tab.views.setCurrentWidget(tab.confusion_view)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert tab.confusion_view.tasks.busy("evaluate")
    t0 = time.monotonic()
    assert shutdown_all(2000)  # what closing the window does
    assert time.monotonic() - t0 < 2.0
    qtbot.waitUntil(lambda: not tab.confusion_view.tasks.busy("evaluate"), timeout=2000)


def _text_colours(plot: pg.PlotWidget) -> set[str]:
    """Colours of the values written on a chart (a reference line's label keeps its own colour)."""
    return {item.color.name() for item in plot.getPlotItem().items
            if isinstance(item, pg.TextItem) and not isinstance(item, pg.InfLineLabel)}


def test_charts_follow_a_live_light_dark_switch(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    apply_theme(app, dark=False)
    tab = ZooTab(app_state, Preferences(), cached_report=_one_row_cache, plan_report=_no_plan)
    qtbot.addWidget(tab)
    tab.show()
    charts = {"report": tab.report_view.chart, "lineage": tab.lineage_view.chart,
              "receptive": tab.receptive_view.chart}
    try:
        for dark, palette in ((True, DARK), (False, LIGHT), (True, DARK)):
            apply_theme(app, dark=dark)
            for name, chart in charts.items():
                tab.views.setCurrentIndex(list(charts).index(name) if name != "receptive" else 3)
                qtbot.waitUntil(lambda chart=chart, palette=palette: _text_colours(chart) == {palette.text},
                                timeout=3000)
                assert chart.backgroundBrush().color().name() == palette.base
    finally:
        apply_theme(app, dark=False)


def test_clicking_a_mistake_puts_that_digit_on_the_canvas(qtbot, app_state, mnist) -> None:  # type: ignore[no-untyped-def]
    labels = mnist.test_labels.astype(np.int64)
    predictions = labels.copy()
    predictions[[3, 7]] = (labels[[3, 7]] + 1) % 10  # two mistakes; digit 7 is the more confident one
    confidences = np.full(len(labels), 0.9, dtype=np.float32)
    confidences[3], confidences[7] = 0.6, 0.8

    def fake_evaluate(model, data, should_stop) -> EvalResult:  # type: ignore[no-untyped-def]
        return EvalResult(0.1, float((predictions == labels).mean()), predictions, confidences, labels)

    tab = ZooTab(app_state, Preferences(), evaluate=fake_evaluate, plan_report=_no_plan)
    qtbot.addWidget(tab)
    tab.show()
    view = tab.confusion_view
    with qtbot.waitSignal(view.evaluated, timeout=10_000):
        app_state.set_model(build_model("explorer_cnn"), CheckpointMeta(model="explorer_cnn", model_kwargs={}))
        tab.views.setCurrentWidget(view)
    qtbot.waitUntil(lambda: not view.tasks.busy("evaluate"), timeout=2000)
    assert view.gallery.count() == 2
    first = view.gallery.visualItemRect(view.gallery.item(0)).center()
    with qtbot.waitSignal(app_state.input_changed, timeout=2000):
        qtbot.mouseClick(view.gallery.viewport(), Qt.MouseButton.LeftButton, pos=first)
    np.testing.assert_allclose(app_state.image, mnist.test_images[7] / 255.0, atol=1e-6)
    assert app_state.true_label == int(labels[7])


def test_the_interface_speaks_the_users_words(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    tab = ZooTab(app_state, Preferences(), cached_report=_one_row_cache, plan_report=_no_plan)
    qtbot.addWidget(tab)
    tab.show()
    texts = [w.text() for w in tab.findChildren(QLabel) + tab.findChildren(QAbstractButton)]
    texts += [w.toolTip() for w in tab.findChildren(QAbstractButton)]
    legend = tab.report_view.chart.getPlotItem().legend
    texts += [label.text for _, label in legend.items]
    for table in tab.findChildren(QTableWidget):  # headers and cells too, the lineage's descriptions among them
        texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())
                  if table.horizontalHeaderItem(c) is not None]
        texts += [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())
                  if table.item(r, c) is not None]
    for text in texts:
        for word in ("seed", "recipe", "registered"):
            assert word not in text.lower(), f"{word!r} in {text!r}"
