"""The main window around the tabs: open/save model, training in the background, closing safely."""

from __future__ import annotations

from pathlib import Path

import pytest
from PyQt6.QtCore import Qt, QTimer

from ui.main_window import MainWindow
from ui.theme import plot_background


@pytest.fixture
def make_window(window_factory, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A shown 1280×800 window whose first-launch training is small (600 digits, 1 epoch by default)."""

    def make(subset: int = 600, epochs: int = 1) -> MainWindow:
        window = window_factory(model_path=tmp_path / "model.pt", first_run_subset=subset, first_run_epochs=epochs)
        window.resize(1280, 800)
        window.show()
        return window

    return make


def test_tabs_are_registered_draw_first(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert list(window.tab_widgets)[:2] == ["draw", "filters"]
    assert window.tabs.tabText(0) == "Draw && explore"  # shown as "Draw & explore"


def test_save_then_open_model(qtbot, make_window, trained_explorer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    model, meta, _ = trained_explorer
    window = make_window()
    assert not window.save_model(tmp_path / "none.pt")  # nothing to save yet: said, not crashed
    assert "no trained model" in window.last_error
    with qtbot.waitSignal(window.state.capture_changed, timeout=10_000):
        window.state.set_model(model, meta)
    target = tmp_path / "saved" / "explorer.pt"
    assert window.save_model(target) and target.is_file()

    other = make_window()
    with qtbot.waitSignal(other.state.capture_changed, timeout=10_000):
        assert other.open_model(target)  # opened in the background; its capture follows
    assert other.state.meta is not None and other.state.meta.test_accuracy == meta.test_accuracy
    assert f"{meta.test_accuracy:.2%}" in other.accuracy_label.text()
    cap = other.state.capture
    assert cap is not None and other.draw_tab.pipeline.stage_count == len(cap.stages)
    qtbot.waitUntil(lambda: not other.models.tasks.busy("open-model"), timeout=10_000)  # so the next open starts

    broken = tmp_path / "broken.pt"
    broken.write_bytes(b"not a checkpoint")
    with qtbot.waitSignal(other.models.opened, timeout=10_000) as opened:
        assert other.open_model(broken)  # started; the file is read in the background
    assert opened.args == [False]
    assert other.last_error and other.state.meta is not None  # the loaded model is kept


def test_event_loop_keeps_turning_while_training_then_model_is_saved(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(subset=2000, epochs=1)
    ticks_while_training = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks_while_training.append(1) if window.is_training else None)
    timer.start()
    window.start()  # no saved model: says so and trains in the background
    assert window.is_training and window.banner.isVisible() and "No trained model" in window.banner.text()
    qtbot.waitUntil(lambda: len(ticks_while_training) >= 5 or not window.is_training, timeout=60_000)
    assert len(ticks_while_training) >= 5  # the GUI thread kept running timers during training
    qtbot.waitUntil(lambda: not window.is_training, timeout=120_000)
    timer.stop()
    assert window.model_path.is_file()
    assert window.state.model is not None and window.state.meta is not None
    assert "Test accuracy" in window.accuracy_label.text()


def test_closing_during_training_is_clean(qtbot, qtlog, make_window, capfd) -> None:  # type: ignore[no-untyped-def]
    window = make_window(subset=20_000, epochs=3)
    with qtbot.waitSignal(window.models.training_progress, timeout=30_000):
        window.start()
    assert window.is_training
    window.close()
    assert not window.is_training
    err = capfd.readouterr().err
    messages = err + "\n".join(record.message for record in qtlog.records)  # Qt warnings go to either
    assert "QThread: Destroyed" not in messages
    assert not window.model_path.exists()  # a cancelled run saves nothing


def test_switching_to_the_dark_palette_recolours_the_plots(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.set_dark(True)
    qtbot.waitUntil(lambda: window.draw_tab.chart.backgroundBrush().color().name() == plot_background(True))
    assert window.draw_tab.pipeline.focus.plot.backgroundBrush().color().name() == plot_background(True)
    window.set_dark(False)
    qtbot.waitUntil(lambda: window.draw_tab.chart.backgroundBrush().color().name() == plot_background(False))


def test_drawing_choices_are_remembered(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    first = make_window()
    first.draw_tab.brush_slider.setValue(31)
    first.draw_tab.pipeline.pace.setValue(4.5)
    first.draw_tab.index_spin.setValue(123)
    first.close()
    again = make_window()
    assert again.draw_tab.canvas.brush_size == 31
    assert again.draw_tab.pipeline.pace.value() == 4.5
    assert again.draw_tab.index_spin.value() == 123


def test_a_model_opened_from_a_file_is_reopened_at_the_next_launch(window_factory, qtbot, trained_explorer,
                                                                   tmp_path) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.models import build_model
    from cnnviz.training import CheckpointMeta, save_checkpoint

    _model, _meta, default_path = trained_explorer
    other = save_checkpoint(build_model("lenet5"), tmp_path / "lenet.pt",
                            CheckpointMeta(model="lenet5", model_kwargs={}, test_accuracy=0.5))
    first = window_factory(model_path=default_path)
    first.start()
    assert first.state.meta is not None and first.state.meta.model == "explorer_cnn"
    with qtbot.waitSignal(first.models.opened, timeout=10_000):
        assert first.open_model(other)
    first.close()

    second = window_factory(model_path=default_path)
    second.start()
    assert second.state.meta is not None and second.state.meta.model == "lenet5"
    other.unlink()  # gone by the launch after: the app's own model opens again
    third = window_factory(model_path=default_path)
    third.start()
    assert third.state.meta is not None and third.state.meta.model == "explorer_cnn"


def test_every_view_menu_action_and_shortcut_opens_the_tab_it_names(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    from PyQt6.QtGui import QKeySequence
    from PyQt6.QtWidgets import QApplication

    window = make_window()
    for i, action in enumerate(window.tab_actions):
        window.tabs.setCurrentIndex(0 if i else 1)
        action.trigger()
        assert window.tabs.currentIndex() == i, action.text()
        assert action.text() == window.tabs.tabText(i)
        assert action.shortcut() == QKeySequence(f"Ctrl+{i + 1}")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.tabs.setCurrentIndex(0)
    for i in reversed(range(window.tabs.count())):  # the real key presses, not only the actions
        target = QApplication.focusWidget() or window
        qtbot.keyClick(target, str(i + 1), modifier=Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == i, (i, type(target).__name__)


def test_the_map_scale_is_chosen_in_one_place_and_remembered(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.state.map_scale == "stage" and window.scale_actions["stage"].isChecked()
    with qtbot.waitSignal(window.state.display_changed, timeout=1000):
        window.scale_actions["map"].trigger()
    assert window.state.map_scale == "map"
    window.close()
    again = make_window()
    assert again.state.map_scale == "map" and again.scale_actions["map"].isChecked()


def test_the_banner_can_be_dismissed_and_says_what_happens_now(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(subset=20_000, epochs=2)
    with qtbot.waitSignal(window.models.training_progress, timeout=30_000):
        window.start()
    assert "No trained model yet" in window.banner.text()
    with qtbot.waitSignal(window.models.training_ended, timeout=10_000):
        window.cancel_training()
    assert "cancelled" in window.banner.text().lower() and "no model yet" in window.banner.text()
    with qtbot.waitSignal(window.models.training_progress, timeout=30_000):
        window.train_default_model()  # the cancelled message must not stay up during the retrain
    assert "cancelled" not in window.banner.text().lower() and "Training" in window.banner.text()
    window.banner.close_button.click()
    assert not window.banner.isVisible()
    with qtbot.waitSignal(window.models.training_ended, timeout=10_000):
        window.cancel_training()


def test_the_whole_window_fits_a_1024_by_700_screen(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    """A 1366×768 laptop or a 1024×768 projector, minus the desktop's own bars: every tab fits."""
    window = make_window()
    for tab in window.tab_widgets.values():
        window.tabs.setCurrentWidget(tab)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 700, (window.tabs.tabText(window.tabs.currentIndex()),
                                                                hint)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024 and window.height() == 700, timeout=2000)
