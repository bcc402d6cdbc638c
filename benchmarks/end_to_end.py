"""Draw-to-screen latency, the headline: a pen movement on the canvas until the window has repainted.

In the real main window (1280×800, offscreen, Draw & explore in front, the explorer CNN), a stroke is
drawn with synthetic mouse events, one movement at a time. For each movement the clock runs from the
mouse event until every view has been updated with the capture of *that* input and the window has
been painted (the end of the window's first repaint pass after ``capture_changed``): preprocessing,
the capture job on its worker thread, the views' updates and the repaint, together. Measured without
and with a training run going on in the background (the first-launch training of the explorer CNN).
"""

from __future__ import annotations

import time

import numpy as np

from benchmarks.common import Figure, app_window, at_most, percentile

TARGET_P99_MS = 50.0  # a stroke that lags by more than ~3 frames feels like drawing through treacle


def stroke_latencies(moves: int, training: bool) -> np.ndarray:
    """Milliseconds from each mouse movement to the window painted with its prediction."""
    from PyQt6.QtCore import QEvent, QObject, QPoint, Qt
    from PyQt6.QtTest import QTest

    class PaintWatch(QObject):
        """Sees the window's repaint pass (an UpdateRequest paints every widget marked dirty, in one go)."""

        def __init__(self) -> None:
            super().__init__()
            self.armed, self.seen = False, False

        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if self.armed and obj is window and event.type() == QEvent.Type.UpdateRequest:
                self.seen, self.armed = True, False
            return False

    watch = PaintWatch()
    out: list[float] = []
    with app_window(first_run_subset=60_000, first_run_epochs=20) as (app, window, _model):
        state = window.state
        app.installEventFilter(watch)
        try:
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
                watch.armed, watch.seen = True, False
                while not watch.seen and time.perf_counter() < deadline:
                    app.processEvents()  # returns once the repaint pass it ran has ended
                painted_at = time.perf_counter()
                if i >= 5:  # the first movements warm caches
                    out.append((painted_at - t0) * 1e3)
            state.capture_changed.disconnect(note_capture)
            QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])
        finally:
            app.removeEventFilter(watch)
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
