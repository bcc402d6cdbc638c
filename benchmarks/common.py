"""What every benchmark shares: timing, robust statistics and the row each figure becomes."""

from __future__ import annotations

import contextlib
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Figure:
    """One measured number and the target it is judged against (``met`` is None when there is none)."""

    benchmark: str
    name: str
    value: float
    unit: str
    target: str = ""
    met: bool | None = None
    detail: str = ""

    def value_text(self) -> str:
        if self.value != self.value:  # NaN: nothing could be measured here
            return "not measured"
        if self.unit == "×":
            return f"{self.value:.2f}×"
        if self.unit == "samples/s":
            return f"{self.value:,.0f} samples/s"
        if abs(self.value) >= 100:
            return f"{self.value:,.0f} {self.unit}"
        return f"{self.value:.3g} {self.unit}"

    def verdict(self) -> str:
        return {True: "met", False: "NOT met", None: "—"}[self.met]


def at_most(benchmark: str, name: str, value: float, unit: str, bound: float, detail: str = "") -> Figure:
    return Figure(benchmark, name, value, unit, f"≤ {bound:g} {unit}", value <= bound, detail)


def at_least(benchmark: str, name: str, value: float, unit: str, bound: float, detail: str = "") -> Figure:
    shown = f"≥ {bound:g}×" if unit == "×" else f"≥ {bound:g} {unit}"
    return Figure(benchmark, name, value, unit, shown, value >= bound, detail)


def time_calls(fn: Callable[[], object], n: int, warmup: int = 0,
               clock: Callable[[], float] = time.perf_counter) -> np.ndarray:
    """Time of ``n`` calls of ``fn`` in milliseconds, one entry per call, after ``warmup`` calls.

    ``clock`` is the wall clock by default; ``time.thread_time`` gives the calling thread's CPU time,
    which other programs on a busy machine cannot inflate.
    """
    for _ in range(warmup):
        fn()
    out = np.empty(n)
    for i in range(n):
        t0 = clock()
        fn()
        out[i] = (clock() - t0) * 1e3
    return out


def percentile(samples_ms: np.ndarray, q: float) -> float:
    return float(np.percentile(samples_ms, q))


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def load_average() -> str:
    """The 1-minute load average, so a reader can judge how busy the shared CPU was."""
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "n/a"
    return f"{one:.2f} (5 min {five:.2f}) on {os.cpu_count()} cores"


@contextlib.contextmanager
def app_window(**window_kwargs: Any) -> Iterator[tuple[Any, Any, Any]]:
    """(app, window, model): the real main window, 1280×800, offscreen and shown, with an untrained explorer
    CNN (seed 0) open and a user folder of its own; every job is ended and the window closed afterwards."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import torch
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
    with tempfile.TemporaryDirectory(prefix="cnnviz-bench-") as tmp:
        state = AppState(load_bundled_mnist())
        window = MainWindow(state, open_preferences(Path(tmp) / "settings.ini"), model_path=Path(tmp) / "none.pt",
                            **window_kwargs)
        try:
            window.resize(1280, 800)
            window.show()
            torch.manual_seed(0)
            model = build_model("explorer_cnn").eval()
            state.set_model(model, CheckpointMeta(model="explorer_cnn", model_kwargs=dict(model.arch_kwargs)))
            yield app, window, model
        finally:
            window.close()
            shutdown_all()
            app.processEvents()
