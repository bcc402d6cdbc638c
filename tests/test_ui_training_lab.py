"""The Training lab tab end to end (offscreen): live curves, results table, Stop, runs kept, export."""

from __future__ import annotations

import csv
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtGui import QImage

from cnnviz.lab import CNN_KEY, FC_KEY, ComparisonConfig, ModelBatchMetrics, build_pair, first_layer_filters, verdict
from cnnviz.lab import run_comparison as real_run
from ui.i18n import install_language
from ui.lab.tab import TrainingLabTab
from ui.preferences import LabPrefs, Preferences
from ui.state import AppState
from ui.theme import DARK, LIGHT, apply_theme

TINY = ComparisonConfig(fc_hidden=32, conv1_filters=4, conv2_filters=8, epochs=1, batch_size=50,
                        train_samples=500, test_samples=200, device="cpu")
RUN_TIMEOUT_MS = 60_000


def prefs_for(config: ComparisonConfig) -> Preferences:
    """Preferences whose lab section describes ``config`` (as if the user had set it last time)."""
    prefs = Preferences()
    for name in vars(LabPrefs()):
        setattr(prefs.lab, name, getattr(config, name))
    prefs.lab.test_samples = config.test_samples or 0
    return prefs


def make_lab(qtbot, state: AppState, config: ComparisonConfig = TINY, **services) -> TrainingLabTab:  # type: ignore[no-untyped-def]
    tab = TrainingLabTab(state, prefs_for(config), **services)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    return tab


@pytest.fixture
def lab(qtbot, app_state):  # type: ignore[no-untyped-def]
    tab = make_lab(qtbot, app_state)
    yield tab
    tab.tasks.cancel_all()
    qtbot.waitUntil(lambda: not tab.is_running, timeout=RUN_TIMEOUT_MS)


def drawn(tab: TrainingLabTab, key: str) -> tuple[int, int]:
    """How many loss and accuracy points the current run's curves of ``key`` show."""
    loss_item, acc_item = tab.plots.live_items[key]
    loss_x, _ = loss_item.getData()
    acc_x, _ = acc_item.getData()
    return (0 if loss_x is None else len(loss_x)), (0 if acc_x is None else len(acc_x))


def train(qtbot, tab: TrainingLabTab):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(tab.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
    return finished.args[0]


def test_controls_describe_the_default_comparison(qtbot, app_state, mnist) -> None:  # type: ignore[no-untyped-def]
    tab = TrainingLabTab(app_state, Preferences())
    qtbot.addWidget(tab)
    controls = tab.controls
    assert tab.config() == ComparisonConfig()
    assert controls.train_samples.minimum() == 500 and controls.train_samples.maximum() == len(mnist.train_labels)
    assert (controls.epochs.minimum(), controls.epochs.maximum()) == (1, 20)
    assert controls.test_samples.text() == "all"
    assert tab.train_button.text() == "Train both"


def test_a_tiny_run_draws_both_curves_and_fills_the_table(qtbot, lab) -> None:  # type: ignore[no-untyped-def]
    assert lab.config() == TINY
    result = train(qtbot, lab)
    assert drawn(lab, FC_KEY) == (10, 1)  # 500 digits / 50 per batch, one epoch
    assert drawn(lab, CNN_KEY) == (10, 1)
    table = lab.results.table
    assert table.rowCount() == 2
    assert [table.item(r, 1).text() for r in range(2)] == ["FC (hidden 32)", "CNN (4/8 filters)"]
    assert table.item(1, 2).text() == f"{result.cnn.parameters:,}"
    assert table.item(0, 5).text() == f"{result.fc.test_accuracy:.2%}"
    assert table.item(1, 6).text() == f"{result.cnn.test_errors:,} / 200"
    ratio = result.fc.parameters / result.cnn.parameters
    assert lab.results.verdict.text() == f"Run 1: {verdict(result)}; CNN has {ratio:.1f}× fewer parameters."
    assert lab.train_button.text() == "Train both" and lab.train_button.isEnabled()
    assert lab.progress.value() == 1000
    assert lab.status.text().startswith(f"Done in {result.wall_time_s:.1f} s on CPU.")
    assert "epoch 1" in lab.filters.title.text()
    assert (lab.filters.filters == result.cnn.filters).all()
    assert lab.results.export_csv_button.isEnabled()


@pytest.mark.parametrize("mode", ["sequential", "concurrent"])
def test_stop_cancels_within_one_batch(qtbot, app_state, mode) -> None:  # type: ignore[no-untyped-def]
    """Each model is held after its first batch until Stop is clicked; then no further batch may run."""
    gate = threading.Event()
    trained: list[ModelBatchMetrics] = []

    def gated_run(config, data, on_batch, on_epoch, should_stop, on_restart=None, on_snapshot=None):  # type: ignore[no-untyped-def]
        def held(m: ModelBatchMetrics) -> None:
            trained.append(m)
            on_batch(m)
            gate.wait(30)

        return real_run(config, data, on_batch=held, on_epoch=on_epoch, should_stop=should_stop, on_restart=on_restart,
                        on_snapshot=on_snapshot)

    lab = make_lab(qtbot, app_state, replace(TINY, batch_size=10, mode=mode), run_comparison=gated_run)
    assert lab.config().mode == mode  # 50 batches per model: far from done when Stop is clicked
    qtbot.mouseClick(lab.train_button, Qt.MouseButton.LeftButton)
    assert lab.train_button.text() == "Stop" and lab.tasks.busy("train")
    qtbot.waitUntil(lambda: len(trained) >= 1, timeout=RUN_TIMEOUT_MS)
    with qtbot.waitSignal(lab.run_ended, timeout=RUN_TIMEOUT_MS) as ended:
        qtbot.mouseClick(lab.train_button, Qt.MouseButton.LeftButton)
        assert lab.status.text() == "Stopping…"
        gate.set()
    assert ended.args == ["stopped"]
    per_model = {key: sum(1 for m in trained if m.model == key) for key in (FC_KEY, CNN_KEY)}
    assert per_model[FC_KEY] <= 1 and per_model[CNN_KEY] <= 1
    assert lab.results.table.rowCount() == 0  # a stopped run has no final numbers
    assert lab.train_button.text() == "Train both" and lab.train_button.isEnabled()
    assert not lab.is_running


def test_runs_are_kept_and_drawn_behind_the_next(qtbot, lab) -> None:  # type: ignore[no-untyped-def]
    train(qtbot, lab)
    lab.controls.fc_hidden.setValue(64)
    second = train(qtbot, lab)
    assert second.config.fc_hidden == 64
    table = lab.results.table
    assert table.rowCount() == 4
    assert [table.item(r, 0).text() for r in range(4)] == ["1", "1", "2", "2"]
    assert table.item(2, 1).text() == "FC (hidden 64)"
    assert lab.results.verdict.text().startswith("Run 2:")
    names = [item.name() for item in lab.plots.loss_plot.listDataItems()]
    assert names == ["run 1: FC (hidden 32)", "run 1: CNN (4/8 filters)",
                     "run 2: FC (hidden 64)", "run 2: CNN (4/8 filters)"]
    qtbot.mouseClick(lab.results.clear_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 0 and lab.results.results == []


def test_export_writes_csv_and_png_and_reports_a_bad_folder(qtbot, lab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    results = lab.results
    assert results.export_csv(tmp_path / "none.csv") is None  # nothing finished yet: said, not written
    assert "finish a run first" in results.message.text()
    result = train(qtbot, lab)
    written = results.export_csv(tmp_path / "lab.csv")
    assert written == (tmp_path / "lab.csv", tmp_path / "lab-curves.csv")
    summary = list(csv.DictReader((tmp_path / "lab.csv").open(encoding="utf-8")))
    assert [row["model"] for row in summary] == ["FC (hidden 32)", "CNN (4/8 filters)"]
    curves = list(csv.DictReader((tmp_path / "lab-curves.csv").open(encoding="utf-8")))
    assert len(curves) == len(result.fc.batch_losses) + len(result.cnn.batch_losses)

    assert results.export_csv(tmp_path / "no" / "such" / "folder.csv") is None
    assert "Could not write" in results.message.text() and results.message.is_error
    assert len(results.results) == 1  # nothing lost

    assert results.export_png(tmp_path / "lab.png")
    image = QImage(str(tmp_path / "lab.png"))
    assert image.width() == lab.width() and image.height() == lab.height()


def test_settings_the_data_cannot_meet_are_refused_with_a_reason(qtbot, lab, mnist) -> None:  # type: ignore[no-untyped-def]
    """Asking for more digits than the data set has says so and starts nothing."""
    lab.state.data = replace(mnist, train_images=mnist.train_images[:800], train_labels=mnist.train_labels[:800])
    lab.controls.train_samples.setValue(1000)
    assert not lab.start_training()
    assert not lab.is_running and lab.train_button.text() == "Train both"
    assert "Training samples must be 500–800 (got 1,000)" in lab.status.text() and lab.status.is_error
    lab.controls.train_samples.setValue(500)
    assert train(qtbot, lab).config.train_samples == 500


def test_before_training_the_filters_shown_are_the_ones_the_cnn_starts_from(qtbot, lab) -> None:  # type: ignore[no-untyped-def]
    assert "untrained" in lab.filters.title.text()
    assert (lab.filters.filters == first_layer_filters(build_pair(TINY)[1])).all()
    lab.controls.conv1_filters.setValue(6)
    assert lab.filters.filters.shape == (6, 3, 3)
    lab.controls.seed.setValue(5)
    assert (lab.filters.filters == first_layer_filters(build_pair(replace(TINY, conv1_filters=6, seed=5))[1])).all()


def plots_coloured_for(lab: TrainingLabTab, palette) -> bool:  # type: ignore[no-untyped-def]
    """Whether both plots' background, title and legend labels are in ``palette``'s colours."""
    for plot in (lab.plots.loss_plot, lab.plots.acc_plot):
        item = plot.getPlotItem()
        labels = [label.item.toHtml() for _, label in item.legend.items]
        if len(labels) != 2 or not all(palette.text in html for html in labels):
            return False
        if palette.text not in item.titleLabel.item.toHtml() or plot.backgroundBrush().color().name() != palette.base:
            return False
    return True


def test_a_live_palette_switch_recolours_plots_titles_and_legends(qtbot, qapp, lab) -> None:  # type: ignore[no-untyped-def]
    train(qtbot, lab)
    try:
        for palette in (DARK, LIGHT, DARK):
            apply_theme(qapp, dark=palette.dark)
            qtbot.waitUntil(lambda p=palette: plots_coloured_for(lab, p), timeout=2000)
    finally:
        apply_theme(qapp, dark=False)


@pytest.fixture
def german_lab(qtbot, qapp, app_state):  # type: ignore[no-untyped-def]
    """The lab built with German loaded (as ``--lang de`` does); English again afterwards."""
    install_language("de", qapp)
    try:
        tab = make_lab(qtbot, app_state)
        yield tab
        tab.tasks.cancel_all()
        qtbot.waitUntil(lambda: not tab.is_running, timeout=RUN_TIMEOUT_MS)
    finally:
        install_language("en", qapp)


def test_in_german_the_form_problems_verdict_and_model_names_the_core_words_are_german(qtbot, german_lab,  # type: ignore[no-untyped-def]
                                                                                       mnist) -> None:
    """What cnnviz.lab composes (a form problem, the models' names in the table, legend, tooltips and
    mistakes, the verdict) reaches the German window in German, its numbers filled in."""
    lab = german_lab
    lab.state.data = replace(mnist, train_images=mnist.train_images[:800], train_labels=mnist.train_labels[:800])
    lab.controls.train_samples.setValue(1000)
    assert not lab.start_training() and lab.status.is_error
    assert lab.status.text() == "Die Trainingsbilder müssen 500–800 sein (eingegeben: 1.000)."  # German separators
    lab.state.data = mnist
    lab.controls.train_samples.setValue(500)
    result = train(qtbot, lab)
    names = ["FC (32 versteckte Neuronen)", "CNN (4/8 Filter)"]
    assert [lab.results.table.item(r, 1).text() for r in range(2)] == names
    for plot in (lab.plots.loss_plot, lab.plots.acc_plot):
        assert [label.text for _, label in plot.getPlotItem().legend.items] == names
    assert "32 versteckte Neuronen gegen 4/8 Filter · 500 Bilder" in lab.results.table.item(0, 1).toolTip()
    assert lab.mistakes.titles[FC_KEY].text().startswith(f"{names[0]}: ")
    ratio = f"{result.fc.parameters / result.cnn.parameters:.1f}".replace(".", ",")
    shown = lab.results.verdict.text()
    assert shown.startswith("Lauf 1: ") and shown.endswith(f"; CNN hat {ratio}× weniger Parameter.")
    fc, cnn = result.fc.test_errors, result.cnn.test_errors
    errors = f"{max(fc, cnn) / max(1, min(fc, cnn)):.1f}".replace(".", ",")
    assert (f"macht {errors}× weniger Fehler ({min(fc, cnn)} gegen {max(fc, cnn)})"  # 200 test digits: no 1.000s
            if min(fc, cnn) and fc != cnn else "Testfehler") in shown, shown
    english = ("hidden", "filters", "fewer", "makes", "parameters", "Both")
    assert not any(word in text for text in (shown, *names) for word in english)
