"""Draw-to-screen latency, the headline: a pen movement on the canvas until the window has repainted.

In the real main window (1280×800, offscreen, Draw & explore in front, the explorer CNN), a stroke is
drawn with synthetic mouse events, one movement at a time. For each movement the clock runs from the
mouse event until every view has been updated with the capture of *that* input and the window has
been painted (the first paint of the top-level window after ``capture_changed``): preprocessing,
the capture job on its worker thread, the views' updates and the repaint, together. Measured without
and with a training run going on in the background (the first-launch training of the explorer CNN).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.common import Figure, at_most, percentile

TARGET_P99_MS = 50.0  # a stroke that lags by more than ~3 frames feels like drawing through treacle


def stroke_latencies(moves: int, training: bool) -> np.ndarray:
    """Milliseconds from each mouse movement to the window painted with its prediction."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import torch
    from PyQt6.QtCore import QEvent, QObject, QPoint, Qt
    from PyQt6.QtTest import QTest
    from PyQt6.QtWidgets import QApplication

    from cnnviz.data import load_bundled_mnist
    from cnnviz.models import build_model
    from cnnviz.training import CheckpointMeta
    from ui.main_window import MainWindow
    from ui.preferences import open_preferences
    from ui.state import AppState
    from ui.tasks import shutdown_all
    from ui.theme import apply_theme

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_theme(app, dark=False)
    data = load_bundled_mnist()

    class PaintWatch(QObject):
        """Notes the time of the window's first paint after it is armed."""

        def __init__(self) -> None:
            super().__init__()
            self.armed, self.painted_at = False, 0.0

        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if self.armed and event.type() == QEvent.Type.Paint:
                self.painted_at, self.armed = time.perf_counter(), False
            return False

    with tempfile.TemporaryDirectory(prefix="cnnviz-bench-") as tmp:
        state = AppState(data)
        window = MainWindow(state, open_preferences(Path(tmp) / "settings.ini"), model_path=Path(tmp) / "none.pt",
                            first_run_subset=60_000, first_run_epochs=20)
        watch = PaintWatch()
        app.installEventFilter(watch)
        out: list[float] = []
        try:
            window.resize(1280, 800)
            window.show()
            torch.manual_seed(0)
            model = build_model("explorer_cnn").eval()
            state.set_model(model, CheckpointMeta(model="explorer_cnn", model_kwargs=dict(model.arch_kwargs)))
            if training:
                window.models.train_default()  # keeps training for the whole measurement
            canvas = window.draw_tab.canvas  # type: ignore[attr-defined]
            canvas.clear()
            side = min(canvas.width(), canvas.height())
            rng = np.random.default_rng(0)
            points = [QPoint(int(side * (0.3 + 0.4 * x)), int(side * (0.2 + 0.6 * y)))
                      for x, y in rng.random((moves + 6, 2))]
            QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
            captured: list[float] = []

            def note_capture() -> None:
                captured.append(time.perf_counter())

            state.capture_changed.connect(note_capture)
            for i, point in enumerate(points[1:]):
                captured.clear()
                t0 = time.perf_counter()
                QTest.mouseMove(canvas, point)
                deadline = t0 + 10
                while not captured and time.perf_counter() < deadline:
                    app.processEvents()
                watch.armed = True
                window.update()
                while watch.armed and time.perf_counter() < deadline:
                    app.processEvents()
                if i >= 5:  # the first movements warm caches
                    out.append((watch.painted_at - t0) * 1e3)
            state.capture_changed.disconnect(note_capture)
            QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])
        finally:
            app.removeEventFilter(watch)
            window.close()
            shutdown_all()
            app.processEvents()
    return np.array(out)


def run(quick: bool = False) -> list[Figure]:
    moves = 10 if quick else 200
    figures = []
    for training in (False, True):
        ms = stroke_latencies(moves, training)
        when = "while training" if training else "idle"
        detail = f"main window 1280×800 offscreen, explorer CNN, {moves} mouse movements, {when}"
        figures += [
            Figure("end_to_end", f"stroke → repainted prediction p50 ({when})", percentile(ms, 50), "ms",
                   detail=detail),
            at_most("end_to_end", f"stroke → repainted prediction p99 ({when})", percentile(ms, 99), "ms",
                    TARGET_P99_MS, detail),
        ]
    return figures
