"""The Training lab's default comparison (1,000 digits, 20 epochs, full 10,000-digit test each epoch).

Measures the whole run's wall time one model after the other (the default) and both at once, in
the core alone and started from the lab tab (live curves drawn), the final accuracies, and how long
the window's event loop is held up meanwhile: the 99th-percentile gap of a 10 ms timer, beside the
same with nothing training. Runs alternate between the modes so a change in the shared CPU's load
hits both; a warm-up run first keeps PyTorch's one-time start-up out of the figures.
"""

from __future__ import annotations

import os
import time

import numpy as np

from benchmarks.common import Figure, at_most, load_average, median

TARGET_WALL_S = 10.0
TARGET_GAP_MS = 100.0
MODES = ("sequential", "concurrent")


def core_run(mode: str, epochs: int = 20) -> tuple[float, float, float]:
    """(wall seconds, FC test accuracy, CNN test accuracy) of one comparison without any UI."""
    from cnnviz.data import load_bundled_mnist
    from cnnviz.lab import ComparisonConfig, run_comparison

    start = time.perf_counter()
    result = run_comparison(ComparisonConfig(mode=mode, epochs=epochs), load_bundled_mnist())
    wall = time.perf_counter() - start
    assert result.fc.test_accuracy is not None and result.cnn.test_accuracy is not None
    return wall, result.fc.test_accuracy, result.cnn.test_accuracy


def ui_run(mode: str | None, epochs: int = 20) -> tuple[float, np.ndarray]:
    """(wall seconds, event-loop gaps in ms) of one comparison started from the lab tab, offscreen.

    With ``mode`` None nothing is trained: the tab just sits there for 3 s (the baseline gap).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PyQt6.QtCore import QEventLoop, QTimer
    from PyQt6.QtWidgets import QApplication

    from cnnviz.data import load_bundled_mnist
    from cnnviz.lab import ComparisonConfig
    from ui.lab.tab import TrainingLabTab
    from ui.preferences import Preferences
    from ui.state import AppState
    from ui.tasks import shutdown_all
    from ui.theme import configure_plots

    configure_plots()
    app = QApplication.instance() or QApplication([])
    state = AppState(load_bundled_mnist())
    prefs = Preferences()
    prefs.lab.mode, prefs.lab.epochs = mode or "sequential", epochs
    tab = TrainingLabTab(state, prefs)
    tab.resize(1280, 760)
    tab.show()
    app.processEvents()
    assert tab.config() == ComparisonConfig(mode=mode or "sequential", epochs=epochs)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    tab.run_ended.connect(loop.quit)
    timer.start()
    start = time.perf_counter()
    if mode is None:
        QTimer.singleShot(3000, loop.quit)
    else:
        tab.start_training()
    loop.exec()
    wall = time.perf_counter() - start
    timer.stop()
    shutdown_all()
    tab.deleteLater()
    gaps = np.diff(np.asarray(ticks)) * 1e3 if len(ticks) > 1 else np.zeros(1)
    return wall, gaps


def run(quick: bool = False) -> list[Figure]:
    repeats = 1 if quick else 3
    epochs = 2 if quick else 20
    walls: dict[str, list[float]] = {m: [] for m in MODES}
    ui_walls: dict[str, list[float]] = {m: [] for m in MODES}
    worst_gaps: dict[str, list[float]] = {m: [] for m in MODES}
    accuracies: dict[str, tuple[float, float]] = {}
    core_run("concurrent", epochs=1)  # warm-up: first calls into PyTorch's kernels are slow
    load_before = load_average()
    idle_gaps = []
    for _ in range(repeats):
        idle_gaps.append(float(np.percentile(ui_run(None)[1], 99)))
        for mode in MODES:
            wall, fc_acc, cnn_acc = core_run(mode, epochs)
            walls[mode].append(wall)
            accuracies[mode] = (fc_acc, cnn_acc)
            ui_wall, gaps = ui_run(mode, epochs)
            ui_walls[mode].append(ui_wall)
            worst_gaps[mode].append(float(np.percentile(gaps, 99)))
    detail = f"median of {repeats}; load before {load_before}, after {load_average()}"
    figures = [Figure("training_lab", "event-loop gap p99, nothing training (baseline)", median(idle_gaps), "ms",
                      detail=detail)]
    for mode in MODES:
        fc_acc, cnn_acc = accuracies[mode]
        figures.append(Figure("training_lab", f"default run wall time, {mode} (core only)", median(walls[mode]), "s",
                              detail=detail))
        figures.append(at_most("training_lab", f"default run wall time, {mode} (from the tab)",
                               median(ui_walls[mode]), "s", TARGET_WALL_S, detail))
        figures.append(at_most("training_lab", f"event-loop gap p99 while training, {mode}",
                               median(worst_gaps[mode]), "ms", TARGET_GAP_MS, detail))
        figures.append(Figure("training_lab", f"CNN test accuracy, {mode}", 100 * cnn_acc, "%",
                              target=f"> FC's {100 * fc_acc:.2f} %", met=cnn_acc > fc_acc,
                              detail=f"FC {fc_acc:.2%}, CNN {cnn_acc:.2%} on all 10,000 test digits"))
    return figures


if __name__ == "__main__":
    import sys

    for figure in run(quick="--quick" in sys.argv):
        print(f"{figure.name}: {figure.value_text()} {figure.target} {figure.verdict()} ({figure.detail})")
