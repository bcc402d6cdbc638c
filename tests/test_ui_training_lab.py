"""The Training lab tab end to end (offscreen): live curves, results table, Stop, runs kept, export."""

from __future__ import annotations

import csv
import threading
from dataclasses import replace
from pathlib import Path

import pyqtgraph as pg
import pytest
from PyQt6.QtCore import QSettings, Qt
from PyQt6.QtGui import QImage

import ui.training_lab as lab_module
from cnnviz.lab import CNN_KEY, FC_KEY, ComparisonConfig, ModelBatchMetrics, verdict
from ui.state import AppState
from ui.training_lab import TrainingLabTab

pg.setConfigOptions(imageAxisOrder="row-major")

TINY = ComparisonConfig(fc_hidden=32, conv1_filters=4, conv2_filters=8, epochs=1, batch_size=50,
                        train_samples=500, test_samples=200, device="cpu")
RUN_TIMEOUT_MS = 60_000


@pytest.fixture
def lab(qtbot, mnist):  # type: ignore[no-untyped-def]
    state = AppState(mnist)
    tab = TrainingLabTab(state)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    tab.set_config(TINY)
    yield tab
    tab.shutdown()
    state.shutdown()


def drawn(tab: TrainingLabTab, key: str) -> tuple[int, int]:
    """How many loss and accuracy points the current run's curves of ``key`` show."""
    loss_item, acc_item = tab.live_items[key]
    loss_x, _ = loss_item.getData()
    acc_x, _ = acc_item.getData()
    return (0 if loss_x is None else len(loss_x)), (0 if acc_x is None else len(acc_x))


def train(qtbot, tab: TrainingLabTab):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(tab.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
    return finished.args[0]


def test_controls_describe_the_default_comparison(qtbot, mnist) -> None:  # type: ignore[no-untyped-def]
    state = AppState(mnist)
    tab = TrainingLabTab(state)
    qtbot.addWidget(tab)
    try:
        assert tab.config() == ComparisonConfig()
        assert tab.train_samples.minimum() == 500 and tab.train_samples.maximum() == len(mnist.train_labels)
        assert (tab.epochs.minimum(), tab.epochs.maximum()) == (1, 20)
        assert tab.train_button.text() == "Train both"
    finally:
        state.shutdown()


def test_a_tiny_run_draws_both_curves_and_fills_the_table(qtbot, lab) -> None:  # type: ignore[no-untyped-def]
    assert lab.config() == TINY
    result = train(qtbot, lab)
    assert drawn(lab, FC_KEY) == (10, 1)  # 500 digits / 50 per batch, one epoch
    assert drawn(lab, CNN_KEY) == (10, 1)
    assert lab.table.rowCount() == 2
    models = [lab.table.item(r, 1).text() for r in range(2)]
    assert models == ["FC (hidden 32)", "CNN (4/8 filters)"]
    assert lab.table.item(1, 2).text() == f"{result.cnn.parameters:,}"
    assert lab.table.item(0, 5).text() == f"{result.fc.test_accuracy:.2%}"
    assert lab.table.item(1, 6).text() == f"{result.cnn.test_errors:,} / 200"
    ratio = result.fc.parameters / result.cnn.parameters
    assert lab.verdict.text() == f"Run 1: {verdict(result)}; CNN has {ratio:.1f}× fewer parameters."
    assert lab.train_button.text() == "Train both" and lab.train_button.isEnabled()
    assert lab.progress.value() == 1000
    assert "epoch 1" in lab.filters_title.text()
    assert lab.export_csv_button.isEnabled()


@pytest.mark.parametrize("mode", ["sequential", "concurrent"])
def test_stop_cancels_within_one_batch(qtbot, lab, monkeypatch, mode) -> None:  # type: ignore[no-untyped-def]
    """Each model is held after its first batch until Stop is clicked; then no further batch may run."""
    real_run = lab_module.run_comparison
    gate = threading.Event()
    trained: list[ModelBatchMetrics] = []

    def gated_run(config, data, on_batch, on_epoch, should_stop):  # type: ignore[no-untyped-def]
        def held(m: ModelBatchMetrics) -> None:
            trained.append(m)
            on_batch(m)
            gate.wait(30)

        return real_run(config, data, on_batch=held, on_epoch=on_epoch, should_stop=should_stop)

    monkeypatch.setattr(lab_module, "run_comparison", gated_run)
    lab.batch_size.setValue(10)  # 50 batches per model: far from done when Stop is clicked
    lab.mode.setCurrentIndex(lab.mode.findData(mode))
    assert lab.config().mode == mode
    qtbot.mouseClick(lab.train_button, Qt.MouseButton.LeftButton)
    assert lab.train_button.text() == "Stop"
    qtbot.waitUntil(lambda: drawn(lab, FC_KEY)[0] + drawn(lab, CNN_KEY)[0] >= 1, timeout=RUN_TIMEOUT_MS)
    with qtbot.waitSignal(lab.run_ended, timeout=RUN_TIMEOUT_MS) as ended:
        qtbot.mouseClick(lab.train_button, Qt.MouseButton.LeftButton)
        assert lab.status.text() == "Stopping…"
        gate.set()
    assert ended.args == ["stopped"]
    per_model = {key: sum(1 for m in trained if m.model == key) for key in (FC_KEY, CNN_KEY)}
    assert per_model[FC_KEY] <= 1 and per_model[CNN_KEY] <= 1
    assert lab.table.rowCount() == 0  # a stopped run has no final numbers
    assert lab.train_button.text() == "Train both" and lab.train_button.isEnabled()
    assert not lab.is_running


def test_runs_are_kept_and_drawn_behind_the_next(qtbot, lab) -> None:  # type: ignore[no-untyped-def]
    train(qtbot, lab)
    lab.fc_hidden.setValue(64)
    second = train(qtbot, lab)
    assert second.config.fc_hidden == 64
    assert lab.table.rowCount() == 4
    assert [lab.table.item(r, 0).text() for r in range(4)] == ["1", "1", "2", "2"]
    assert lab.table.item(2, 1).text() == "FC (hidden 64)"
    assert lab.verdict.text().startswith("Run 2:")
    names = [item.name() for item in lab.loss_plot.listDataItems()]
    assert names == ["run 1: FC (hidden 32)", "run 1: CNN (4/8 filters)",
                     "run 2: FC (hidden 64)", "run 2: CNN (4/8 filters)"]
    lab.clear_runs()
    assert lab.table.rowCount() == 0 and lab.results == []


def test_export_writes_csv_and_png_and_reports_a_bad_folder(qtbot, lab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert lab.export_csv(tmp_path / "none.csv") is None  # nothing finished yet: said, not written
    assert "finish a run first" in lab.status.text()
    result = train(qtbot, lab)
    written = lab.export_csv(tmp_path / "lab.csv")
    assert written == (tmp_path / "lab.csv", tmp_path / "lab-curves.csv")
    summary = list(csv.DictReader((tmp_path / "lab.csv").open(encoding="utf-8")))
    assert [row["model"] for row in summary] == ["FC (hidden 32)", "CNN (4/8 filters)"]
    curves = list(csv.DictReader((tmp_path / "lab-curves.csv").open(encoding="utf-8")))
    assert len(curves) == len(result.fc.batch_losses) + len(result.cnn.batch_losses)

    assert lab.export_csv(tmp_path / "no" / "such" / "folder.csv") is None
    assert "Could not write" in lab.status.text()
    assert len(lab.results) == 1  # nothing lost

    assert lab.export_png(tmp_path / "lab.png")
    image = QImage(str(tmp_path / "lab.png"))
    assert image.width() == lab.width() and image.height() == lab.height()


def test_closing_the_window_stops_a_running_lab(qtbot, mnist, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    state = AppState(mnist)
    window = MainWindow(state, settings=settings, model_path=tmp_path / "none.pt")
    qtbot.addWidget(window)
    tab = window.tab_widgets["lab"]
    assert isinstance(tab, TrainingLabTab)
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "Training lab"
    tab.set_config(ComparisonConfig(epochs=20, batch_size=10, train_samples=5000, test_samples=200, device="cpu"))
    assert tab.start_training()
    qtbot.waitUntil(lambda: drawn(tab, FC_KEY)[0] >= 1, timeout=RUN_TIMEOUT_MS)
    window.close()
    assert not tab.is_running


def test_settings_the_data_cannot_meet_are_refused_with_a_reason(qtbot, lab, mnist) -> None:  # type: ignore[no-untyped-def]
    """After a smaller data set is opened, asking for more digits than it has says so and starts nothing."""
    small = replace(mnist, train_images=mnist.train_images[:800], train_labels=mnist.train_labels[:800])
    lab.state.data = small
    lab.train_samples.setValue(1000)
    assert not lab.start_training()
    assert not lab.is_running and lab.train_button.text() == "Train both"
    assert "Training samples must be 500–800 (got 1,000)" in lab.status.text()
    lab.train_samples.setValue(500)
    assert train(qtbot, lab).config.train_samples == 500


def test_before_training_the_filters_shown_are_the_ones_the_cnn_starts_from(qtbot, lab) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.lab import build_pair, first_layer_filters

    shown, caption = lab._shown_filters
    assert caption == "untrained (random start)" and "untrained" in lab.filters_title.text()
    assert (shown == first_layer_filters(build_pair(TINY)[1])).all()
    lab.conv1_filters.setValue(6)
    assert lab._shown_filters[0].shape == (6, 3, 3)


def test_a_palette_switch_recolours_titles_and_legends(qtbot, lab) -> None:  # type: ignore[no-untyped-def]
    from PyQt6.QtGui import QColor, QPalette

    train(qtbot, lab)
    palette = QPalette(lab.palette())
    palette.setColor(QPalette.ColorRole.Text, QColor("#abcdef"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#123456"))
    lab.setPalette(palette)  # a PaletteChange, as switching to the dark palette sends
    legend = lab.loss_plot.getPlotItem().legend
    assert len(legend.items) == 2
    assert all("#abcdef" in label.item.toHtml() for _, label in legend.items)
    assert "#abcdef" in lab.acc_plot.getPlotItem().titleLabel.item.toHtml()
