"""The Training lab's run and its messages: settings remembered, status that says what is happening now,
a new data set's limits, a GPU restart on the CPU, and closing the app in the middle of a run."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path

from test_ui_training_lab import TINY, make_lab

from cnnviz.lab import CNN_KEY, FC_KEY, ComparisonConfig, ModelBatchMetrics
from cnnviz.lab import run_comparison as real_run
from ui.lab.tab import TrainingLabTab
from ui.preferences import open_preferences
from ui.tasks import shutdown_all

RUN_TIMEOUT_MS = 60_000


def test_the_lab_settings_are_remembered_across_launches(qtbot, app_state, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = open_preferences(tmp_path / "settings.ini")
    tab = TrainingLabTab(app_state, store.prefs)
    qtbot.addWidget(tab)
    controls = tab.controls
    controls.fc_hidden.setValue(256)
    controls.conv2_filters.setValue(12)
    controls.test_samples.setValue(2000)
    controls.lr.setValue(0.005)
    controls.optimizer.setCurrentIndex(controls.optimizer.findData("sgd"))
    controls.mode.setCurrentIndex(controls.mode.findData("concurrent"))
    chosen = tab.config()
    assert chosen == replace(ComparisonConfig(), fc_hidden=256, conv2_filters=12, test_samples=2000, lr=0.005,
                             optimizer="sgd", mode="concurrent")
    store.prefs.window.geometry = b"geometry"  # as the window saves it (an empty one now reads back as damaged)
    store.save()
    reopened = open_preferences(tmp_path / "settings.ini")
    assert reopened.notice is None
    again = TrainingLabTab(app_state, reopened.prefs)
    qtbot.addWidget(again)
    assert again.config() == chosen
    assert again.controls.optimizer.currentText().startswith("SGD") and again.controls.fc_hidden.value() == 256


def test_as_many_test_digits_as_there_are_means_all_of_them(qtbot, app_state, mnist) -> None:  # type: ignore[no-untyped-def]
    tab = make_lab(qtbot, app_state)
    tab.controls.test_samples.setValue(len(mnist.test_labels))
    assert tab.config().test_samples is None
    tab.controls.test_samples.setValue(0)
    assert tab.config().test_samples is None and tab.controls.test_samples.text() == "all"


def test_a_refused_run_stops_saying_why_once_the_setting_is_fixed(qtbot, app_state, mnist) -> None:  # type: ignore[no-untyped-def]
    tab = make_lab(qtbot, app_state)
    tab.state.data = replace(mnist, train_images=mnist.train_images[:800], train_labels=mnist.train_labels[:800])
    tab.controls.train_samples.setValue(1000)
    assert not tab.start_training()
    assert "must be 500–800" in tab.status.text()
    tab.controls.train_samples.setValue(600)
    assert not tab.status.is_error and "must be" not in tab.status.text()


def test_the_status_says_what_the_run_is_doing_now(qtbot, app_state, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """While a run trains, exporting the last one does not replace its status; after Stop it says stopped."""
    gate = threading.Event()

    def held_run(config, data, on_batch, on_epoch, should_stop, on_restart=None, on_snapshot=None):  # type: ignore[no-untyped-def]
        def held(m: ModelBatchMetrics) -> None:
            on_batch(m)
            if config.epochs > 1:
                gate.wait(30)

        return real_run(config, data, on_batch=held, on_epoch=on_epoch, should_stop=should_stop, on_restart=on_restart,
                        on_snapshot=on_snapshot)

    tab = make_lab(qtbot, app_state, run_comparison=held_run)
    with qtbot.waitSignal(tab.run_finished, timeout=RUN_TIMEOUT_MS):
        assert tab.start_training()
    tab.controls.epochs.setValue(3)
    assert tab.start_training()
    qtbot.waitUntil(lambda: "FC: training, epoch 1 of 3" in tab.status.text(), timeout=RUN_TIMEOUT_MS)
    assert tab.results.export_csv(tmp_path / "lab.csv") is not None
    assert "Saved lab.csv" in tab.results.message.text()
    assert "FC: training, epoch 1 of 3" in tab.status.text()
    with qtbot.waitSignal(tab.run_ended, timeout=RUN_TIMEOUT_MS):
        tab.stop_training()
        gate.set()
    assert tab.status.text().startswith("Stopped in epoch 1.")
    assert "training" not in tab.status.text() and "Stopping" not in tab.status.text()


def test_opening_another_data_set_updates_the_digit_limits(qtbot, app_state, mnist) -> None:  # type: ignore[no-untyped-def]
    tab = make_lab(qtbot, app_state)
    small = replace(mnist, train_images=mnist.train_images[:800], train_labels=mnist.train_labels[:800],
                    test_images=mnist.test_images[:150], test_labels=mnist.test_labels[:150], name="Small digits")
    app_state.set_data(small)
    controls = tab.controls
    assert controls.train_samples.maximum() == 800 and controls.test_samples.maximum() == 150
    assert "Small digits: 800 training and 150 test images, grey 28×28, 10 classes" in controls.data_caption.text()
    assert tab.config().test_samples is None  # the 200 asked for: all 150 there are


def test_a_gpu_restart_on_the_cpu_restarts_the_curves_and_says_so(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    """The core reports a restart (``on_restart``): the abandoned attempt's points vanish, a notice shows."""
    notice = "The CUDA device ran out of memory; training restarted on the CPU."

    def restarting_run(config, data, on_batch, on_epoch, should_stop, on_restart, on_snapshot=None):  # type: ignore[no-untyped-def]
        for batch in range(1, 6):  # the CNN's GPU attempt, then the device runs out of memory
            on_batch(ModelBatchMetrics(epoch=1, batch=batch, batches_per_epoch=10, loss=9.0, accuracy=0.1,
                                       samples_per_s=1.0, elapsed_s=0.1, model=CNN_KEY))
        on_restart(CNN_KEY, notice)
        return real_run(config, data, on_batch=on_batch, on_epoch=on_epoch, should_stop=should_stop,
                        on_snapshot=on_snapshot)

    tab = make_lab(qtbot, app_state, run_comparison=restarting_run)
    with qtbot.waitSignal(tab.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        assert tab.start_training()
    result = finished.args[0]
    for key, run in ((FC_KEY, result.fc), (CNN_KEY, result.cnn)):
        loss_x, loss_y = tab.plots.live_items[key][0].getData()
        assert len(loss_x) == len(run.batch_losses) == 10  # 500 digits / 50: the GPU attempt's 5 are gone
        assert max(loss_y) < 9.0
    assert tab.plots.notice.isVisible() and notice in tab.plots.notice.text()
    assert f"on {result.device.upper()}." in tab.status.text()


def test_closing_the_app_during_training_ends_within_two_seconds(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    tab = make_lab(qtbot, app_state, replace(TINY, epochs=20, batch_size=10, train_samples=5000))
    assert tab.start_training()
    qtbot.waitUntil(lambda: tab.plots.live[FC_KEY].last_batch is not None, timeout=RUN_TIMEOUT_MS)
    start = time.perf_counter()
    assert shutdown_all(2000)
    assert time.perf_counter() - start < 2.0
    qtbot.waitUntil(lambda: not tab.is_running, timeout=RUN_TIMEOUT_MS)


def test_closing_the_app_during_the_test_evaluation_ends_within_two_seconds(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    """A big CNN (24/48 filters) scoring all 10,000 test digits (64/64 measured 23 s here), so it must stop midway."""
    testing = threading.Event()

    def watched_run(config, data, on_batch, on_epoch, should_stop, on_restart=None, on_snapshot=None):  # type: ignore[no-untyped-def]
        def batch(m: ModelBatchMetrics) -> None:
            on_batch(m)
            if m.model == CNN_KEY and m.batch == m.batches_per_epoch:
                testing.set()  # the epoch's test evaluation starts as this returns

        return real_run(config, data, on_batch=batch, on_epoch=on_epoch, should_stop=should_stop, on_restart=on_restart,
                        on_snapshot=on_snapshot)

    big = ComparisonConfig(fc_hidden=32, conv1_filters=24, conv2_filters=48, epochs=2, batch_size=500,
                           train_samples=500, device="cpu", mode="concurrent")
    tab = make_lab(qtbot, app_state, big, run_comparison=watched_run)
    assert tab.start_training()
    qtbot.waitUntil(testing.is_set, timeout=RUN_TIMEOUT_MS)
    start = time.perf_counter()
    ended_in_time = shutdown_all(2000)
    took = time.perf_counter() - start
    qtbot.waitUntil(lambda: not tab.is_running, timeout=RUN_TIMEOUT_MS)
    assert ended_in_time and took < 2.0


def test_closing_the_window_during_lab_training_is_quick_and_remembers_the_settings(qtbot, window_factory,
                                                                                    tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = tmp_path / "settings.ini"
    window = window_factory(settings)
    tab = window.tab_widgets["lab"]
    assert isinstance(tab, TrainingLabTab)
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "Training lab"
    controls = tab.controls
    for spin, value in ((controls.epochs, 20), (controls.batch_size, 10), (controls.train_samples, 5000),
                        (controls.test_samples, 200), (controls.fc_hidden, 96)):
        spin.setValue(value)
    controls.device.setCurrentIndex(controls.device.findData("cpu"))
    chosen = tab.config()
    assert tab.start_training()
    qtbot.waitUntil(lambda: tab.plots.live[FC_KEY].last_batch is not None, timeout=RUN_TIMEOUT_MS)
    start = time.perf_counter()
    window.close()
    assert time.perf_counter() - start < 2.0 and not tab.is_running

    again = window_factory(settings)
    assert again.tab_widgets["lab"].config() == chosen
