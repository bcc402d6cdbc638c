"""The Training lab's experiments page (offscreen): each experiment run from the tab shows the core's numbers for
the same settings, Stop ends a run within a second, and an experiment and the FC-vs-CNN run never run at once."""

from __future__ import annotations

import time

import pyqtgraph as pg
import pytest
from PyQt6.QtCore import Qt
from test_ui_training_lab import make_lab

from cnnviz.lab.experiments import (
    DepthOutcome,
    ShuffledOutcome,
    Trial,
    depth_and_skips,
    pooling_strategies,
    shuffled_pixels,
)
from ui.lab.experiment_views import ShuffledView, depth_sentence, pooling_name, shuffled_sentence
from ui.lab.experiments_panel import DEPTH_CHOICES
from ui.lab.tab import TrainingLabTab
from ui.theme import DARK, LIGHT, Palette, apply_theme

RUN_TIMEOUT_MS = 120_000


@pytest.fixture
def lab(qtbot, app_state):  # type: ignore[no-untyped-def]
    tab = make_lab(qtbot, app_state)
    tab.views.setCurrentWidget(tab.experiments)
    yield tab
    tab.tasks.cancel_all()
    qtbot.waitUntil(lambda: not tab.is_running, timeout=RUN_TIMEOUT_MS)


def run_from_the_tab(qtbot, tab: TrainingLabTab, name: str) -> None:  # type: ignore[no-untyped-def]
    panel = tab.experiments
    panel.choose(name)
    with qtbot.waitSignal(panel.run_ended, timeout=RUN_TIMEOUT_MS) as ended:
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["finished"], panel.status.text()


def errors(errors: int, tested: int) -> str:
    return f"{errors:,} / {tested:,}"


def test_fc_vs_cnn_stays_the_first_view_and_the_experiments_sit_beside_it(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    tab = make_lab(qtbot, app_state)
    assert tab.views.currentWidget() is tab.splitter and tab.views.indexOf(tab.experiments) == 1
    panel = tab.experiments
    assert [panel.choice.itemData(i) for i in range(panel.choice.count())] == ["shuffled", "pooling", "depth"]
    tab.views.setCurrentWidget(panel)
    assert not panel.depths.isVisible()
    panel.choose("depth")
    assert panel.depths.isVisible() and panel.views.currentWidget() is panel.depth_view


def chart_coloured_for(view: ShuffledView, palette: Palette) -> bool:
    """Whether the chart's background, title and legend and the two images' titles are in ``palette``'s colours."""
    item = view.chart.getPlotItem()
    legend = [label.item.toHtml() for _, label in item.legend.items]
    titles = [label.item.toHtml() for label in view.digits.ci.items if isinstance(label, pg.LabelItem)]
    return (len(legend) == 2 and len(titles) == 2 and all(palette.text in html for html in legend + titles)
            and palette.text in item.titleLabel.item.toHtml()
            and view.chart.backgroundBrush().color().name() == palette.base
            and view.digits.backgroundBrush().color().name() == palette.base)


def test_shuffled_pixels_from_the_tab_shows_the_cores_error_counts(qtbot, qapp, lab) -> None:  # type: ignore[no-untyped-def]
    config, data = lab.config(), lab.state.data
    run_from_the_tab(qtbot, lab, "shuffled")
    expected = shuffled_pixels(config, data, permutation_seed=config.seed)
    tested = expected.plain.fc.test_samples
    assert lab.experiments.shuffled_view.rows() == [
        [str(label), f"{params:,}", errors(plain, tested), errors(shuffled, tested)]  # type: ignore[arg-type]
        for label, params, plain, shuffled in expected.table()]
    view = lab.experiments.shuffled_view
    assert view.chart.isVisible() and view.outcome.text()
    fc_plain = expected.plain.fc.test_errors
    assert f"{fc_plain:,} errors on the images as they are" in view.outcome.text()
    about = view.about.text()
    assert f"{config.train_samples:,} training images" in about and f"batches of {config.batch_size}" in about
    try:  # a live palette switch re-colours the chart and the images' titles (no dark text left on dark)
        for palette in (DARK, LIGHT, DARK):
            apply_theme(qapp, dark=palette.dark)
            qtbot.waitUntil(lambda p=palette: chart_coloured_for(view, p), timeout=2000)
    finally:
        apply_theme(qapp, dark=False)


def test_pooling_from_the_tab_shows_the_cores_accuracy_errors_and_parameters(qtbot, lab) -> None:  # type: ignore[no-untyped-def]
    config, data = lab.config(), lab.state.data
    run_from_the_tab(qtbot, lab, "pooling")
    expected = pooling_strategies(config, data)
    rows = lab.experiments.pooling_view.rows()
    assert [r[:4] for r in rows] == [[pooling_name(t.name), f"{t.parameters:,}", f"{t.test_accuracy:.1%}",
                                      errors(t.test_errors, t.tested)] for t in expected]
    assert all(float(r[4]) > 0 for r in rows)  # seconds


def test_depth_from_the_tab_shows_the_cores_losses_and_accuracies(qtbot, lab) -> None:  # type: ignore[no-untyped-def]
    config, data = lab.config(), lab.state.data
    panel = lab.experiments
    panel.choose("depth")
    panel.depths.setCurrentIndex(DEPTH_CHOICES.index((4, 8)))
    run_from_the_tab(qtbot, lab, "depth")
    plain4, skips4, plain8, skips8 = depth_and_skips(config, data, depths=(4, 8))
    rows = panel.depth_view.rows()
    assert [r[:5] for r in rows] == [
        [str(d), f"{p.train_loss:.3f}", f"{s.train_loss:.3f}", f"{p.test_accuracy:.1%}", f"{s.test_accuracy:.1%}"]
        for d, p, s in ((4, plain4, skips4), (8, plain8, skips8))]
    assert "4, 8 layers" in panel.depth_view.about.text()
    assert "8-layer stack" in panel.depth_view.outcome.text()


def test_stop_ends_an_experiment_within_a_second_and_keeps_the_last_table(qtbot, lab) -> None:  # type: ignore[no-untyped-def]
    panel = lab.experiments
    panel.choose("depth")  # the default depths 8, 20, 32: far longer than the test waits
    assert panel.start()
    qtbot.waitUntil(lambda: panel.progress.value() > 0, timeout=RUN_TIMEOUT_MS)
    with qtbot.waitSignal(panel.run_ended, timeout=RUN_TIMEOUT_MS) as ended:
        clicked = time.perf_counter()
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    waited = time.perf_counter() - clicked
    print(f"experiment stopped {waited:.3f} s after the click")
    assert ended.args == ["stopped"]
    assert waited < 1.5, f"stopping took {waited:.2f} s"
    assert "Stopped" in panel.status.text() and panel.depth_view.rows() == []
    assert panel.run_button.isEnabled() and lab.train_button.isEnabled() and not lab.is_running


def test_an_experiment_and_the_fc_vs_cnn_run_never_run_at_once(qtbot, lab) -> None:  # type: ignore[no-untyped-def]
    panel = lab.experiments
    panel.choose("pooling")
    assert panel.start()
    assert not lab.train_button.isEnabled() and not lab.start_training()  # the comparison waits
    assert not lab.controls.fc_hidden.isEnabled()  # the settings the experiment runs on stay as they are
    with qtbot.waitSignal(panel.run_ended, timeout=RUN_TIMEOUT_MS):
        panel.stop()
    assert lab.train_button.isEnabled() and lab.controls.fc_hidden.isEnabled()
    with qtbot.waitSignal(lab.run_ended, timeout=RUN_TIMEOUT_MS):
        assert lab.start_training()
        assert not panel.run_button.isEnabled() and not panel.start()  # and vice versa
        assert panel.status.is_error and "FC vs CNN" in panel.status.text()
        lab.stop_training()
    assert panel.run_button.isEnabled()


def trial(name: str, loss: float) -> Trial:
    return Trial(name, 1000, loss, 0.5, 100, 1.0, tested=200)


def test_the_sentences_state_what_the_numbers_show() -> None:
    shrank = shuffled_sentence(ShuffledOutcome(fc_plain=40, cnn_plain=20, fc_shuffled=41, cnn_shuffled=35, tested=200))
    assert "shrank from 20 fewer errors than the FC network to 6" in shrank
    gone = shuffled_sentence(ShuffledOutcome(fc_plain=40, cnn_plain=20, fc_shuffled=41, cnn_shuffled=45, tested=200))
    assert "was gone" in gone and "4 more errors" in gone
    kept = shuffled_sentence(ShuffledOutcome(fc_plain=40, cnn_plain=20, fc_shuffled=41, cnn_shuffled=10, tested=200))
    assert "did not shrink" in kept
    none = shuffled_sentence(ShuffledOutcome(fc_plain=20, cnn_plain=25, fc_shuffled=21, cnn_shuffled=30, tested=200))
    assert "no lead" in none
    worse = depth_sentence(DepthOutcome(8, 32, 0.30, 0.90, (20, 32)), 3)
    assert "higher loss" in worse and "0.900 against 0.300" in worse and "lower at 2 of the 3 depths" in worse
    assert "did not hurt" in depth_sentence(DepthOutcome(8, 32, 0.30, 0.20, ()), 3)
