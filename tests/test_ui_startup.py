"""The window is on screen, and drawable, before PyTorch, the data and the model are up; closing then is clean."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
import torch
from PyQt6.QtCore import Qt
from PyQt6.QtTest import QTest

from cnnviz.data import DatasetError, to_model_input
from cnnviz.jobs import Job, JobCancelled
from ui.main_window import MainWindow
from ui.preferences import open_preferences
from ui.startup import LOADING_TEXT, Loaded, load_startup

ROOT = Path(__file__).resolve().parents[1]


class HeldLoader:
    """The start-up job, held back until ``release()``: what a slow ``import torch`` looks like to the window."""

    def __init__(self, model_path: Path) -> None:
        self.model_path = model_path
        self.released = threading.Event()
        self.entered = threading.Event()

    def __call__(self, job: Job) -> Loaded:
        self.entered.set()
        while not self.released.wait(0.02):
            if job.should_stop():
                raise JobCancelled
        return load_startup(job, self.model_path, "")

    def release(self) -> None:
        self.released.set()


def draw_one(canvas) -> None:  # type: ignore[no-untyped-def]
    """A vertical stroke, a "1", with the mouse."""
    points = [canvas.from_raster(140, y).toPoint() for y in (40, 90, 140, 190, 240)]
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for p in points[1:]:
        QTest.mouseMove(canvas, p)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])


@pytest.fixture
def loading_window(qtbot, tmp_path: Path, trained_explorer):  # type: ignore[no-untyped-def]
    model_path = tmp_path / "explorer_cnn.pt"
    model_path.write_bytes(trained_explorer[2].read_bytes())
    loader = HeldLoader(model_path)
    store = open_preferences(tmp_path / "settings.ini")
    store.prefs.draw.brush = 30  # the user's brush, not the default
    window = MainWindow(None, store, model_path=model_path, load=loader)
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window, loader


def test_the_canvas_draws_while_loading_and_the_stroke_reaches_the_model(qtbot, loading_window,  # type: ignore[no-untyped-def]
                                                                         trained_explorer) -> None:
    window, loader = loading_window
    assert loader.entered.wait(5)  # the start-up job is running, and held
    page = window.startup_page
    assert window.loading and page is not None and page.isVisible()
    assert page.label.isVisible() and page.label.text() == LOADING_TEXT
    assert not window.open_action.isEnabled()  # nothing to open a model into yet

    canvas = page.canvas
    assert canvas.brush_size == 30
    draw_one(canvas)
    assert canvas.stroke_count == 1 and canvas.raster().max() == 1.0  # drawn while nothing else is there
    drawn = canvas.input_image()
    assert drawn is not None and window.loading

    with qtbot.waitSignal(window.started, timeout=60_000):
        loader.release()
    assert not window.loading and window.draw_tab.canvas is canvas  # the same canvas, the drawing kept
    assert canvas.stroke_count == 1 and window.open_action.isEnabled() and canvas.brush_size == 30
    qtbot.waitUntil(lambda: window.state.capture is not None, timeout=30_000)
    assert np.allclose(window.state.image, drawn)  # the stroke, not a test digit, is the input
    with torch.no_grad():  # the prediction is the saved model's on that stroke, computed independently
        expected = torch.softmax(trained_explorer[0](to_model_input(drawn)), dim=1)[0].numpy()
    assert np.allclose(window.state.capture.probabilities, expected, atol=1e-5)
    qtbot.waitUntil(lambda: len(window.tab_widgets) == 6, timeout=60_000)  # the other tabs follow
    assert list(window.tab_widgets) == ["draw", "filters", "sandbox", "explain", "lab", "zoo"]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Draw && explore", "Filters", "Kernel sandbox", "Explain", "Training lab", "Model zoo"]
    window.tab_actions[3].trigger()  # View → Explain (Ctrl+4), though the tab came after the window
    assert window.tabs.currentWidget() is window.tab_widgets["explain"]


def test_closing_during_loading_ends_the_start_up_job(qtbot, loading_window) -> None:  # type: ignore[no-untyped-def]
    window, loader = loading_window
    assert loader.entered.wait(5)
    assert window.tasks.busy("startup")
    window.close()  # shutdown_all: the held job sees its cancel and ends
    assert not window.tasks.busy("startup") and window.loading  # no tabs were built behind a closed window


def test_a_damaged_bundle_is_said_on_the_start_up_page(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def broken(job: Job) -> Loaded:
        raise DatasetError("train-images-idx3-ubyte.gz: checksum mismatch; reinstall cnnviz.")

    window = MainWindow(None, open_preferences(tmp_path / "settings.ini"), model_path=tmp_path / "m.pt", load=broken)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: "checksum mismatch" in window.last_error)
    assert window.startup_page is not None and "cannot start" in window.startup_page.label.text()
    assert "Traceback" not in window.startup_page.label.text()


def test_the_window_modules_do_not_import_torch() -> None:
    """What opens the window must not wait for ``import torch`` (1.4 s of a 1.9 s start, measured)."""
    code = ("import sys; import ui.app, ui.main_window, ui.startup, ui.canvas, ui.preferences; "
            "print(sorted(m for m in ('torch', 'cnnviz.preprocess', 'ui.state') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          check=True)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


CLOSE_SCRIPT = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["CNNVIZ_DATA_DIR"] = sys.argv[1]
from PyQt6.QtCore import QThreadPool, QTimer
from PyQt6.QtWidgets import QApplication
from ui.main_window import MainWindow
from ui.preferences import open_preferences
from ui.tasks import Task
app = QApplication([])
window = MainWindow(None, open_preferences(os.path.join(sys.argv[1], "settings.ini")))
window.show()
window.start()

def close_now():
    print("LOADING_AT_CLOSE", window.loading, flush=True)
    window.close()
    print("THREADS_FINISHED", not Task.live and QThreadPool.globalInstance().activeThreadCount() == 0, flush=True)
    app.quit()

QTimer.singleShot(0, close_now)
sys.exit(app.exec())
"""


def test_closing_during_the_real_start_up_exits_cleanly(tmp_path: Path) -> None:
    """The real start-up job (import torch, the data, the model), closed at once: the process ends, no crash."""
    done = subprocess.run([sys.executable, "-c", CLOSE_SCRIPT, str(tmp_path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "LOADING_AT_CLOSE True" in done.stdout and "THREADS_FINISHED True" in done.stdout, done.stdout
    assert "Traceback" not in done.stderr and "QThread" not in done.stderr, done.stderr
