"""The Training lab's layout: usable at 1024×700 and at twice the scale, and a form that never moves."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PyQt6.QtCore import QPoint, QRect, QTimer
from PyQt6.QtWidgets import QAbstractSpinBox, QComboBox, QLabel, QPushButton, QScrollArea, QSplitter, QWidget
from test_ui_training_lab import TINY, make_lab

from ui.lab.tab import TrainingLabTab

RUN_TIMEOUT_MS = 60_000
ROOT = Path(__file__).resolve().parents[1]


def squeezed(tab: QWidget) -> list[str]:
    """Every visible control smaller than it needs, and every label whose text does not fit."""
    found = []
    for widget in tab.findChildren((QAbstractSpinBox, QComboBox, QPushButton)):
        need = widget.minimumSizeHint()
        if widget.isVisible() and (widget.height() < need.height() or widget.width() < need.width()):
            found.append(f"{type(widget).__name__} {widget.size()} < {need}")
    for label in tab.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap():
            if label.height() < label.heightForWidth(label.width()):
                need = label.heightForWidth(label.width())
                found.append(f"label {label.text()[:40]!r}: {label.height()} px for {need}")
            continue
        wide = label.fontMetrics().horizontalAdvance(label.text()) > label.contentsRect().width()
        if "<" not in label.text() and wide:
            found.append(f"label {label.text()!r} wider than {label.contentsRect().width()} px")
    return found


def test_usable_at_1024x700(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    """The tab's page in a 1024×700 window (about 1000×620 after the tab bar and status bar)."""
    tab = make_lab(qtbot, app_state)
    tab.resize(1000, 620)
    qtbot.waitUntil(lambda: tab.isVisible())
    assert squeezed(tab) == []
    scroll = next(a for a in tab.findChildren(QScrollArea) if a.widget() is not None and a.widget().isAncestorOf(
        tab.controls))
    assert scroll.verticalScrollBar().maximum() > 0  # the column scrolls instead of squeezing the form
    splitter = tab.findChild(QSplitter)
    assert splitter is not None and splitter.indexOf(tab.plots) == 0 and splitter.indexOf(tab.below) == 1
    assert tab.plots.height() >= 180 and tab.results.table.height() > 0
    for page in (tab.timeline, tab.mistakes):  # the run's epochs and mistakes share the results' place
        tab.show_page(page)
        assert squeezed(tab) == []


def test_usable_at_twice_the_scale() -> None:
    """The same check in a fresh process with QT_SCALE_FACTOR=2 (it must be set before Qt starts)."""
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    test = f"{Path(__file__).relative_to(ROOT)}::test_usable_at_1024x700"
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]


def form_geometry(tab: TrainingLabTab) -> list[QRect]:
    widgets = [*tab.controls.inputs, tab.train_button, tab.progress, tab.status, tab.filters.title]
    return [QRect(w.mapTo(tab, QPoint(0, 0)), w.size()) for w in widgets]


def test_the_form_does_not_move_when_training_starts_and_ends(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    tab = make_lab(qtbot, app_state)
    tab.resize(1000, 620)
    qtbot.waitUntil(lambda: tab.isVisible())
    before = form_geometry(tab)
    during: list[list[QRect]] = []
    sampler = QTimer()  # samples the form every 10 ms while the run goes on (0 ms would starve the training thread)
    sampler.setInterval(10)
    sampler.timeout.connect(lambda: during.append(form_geometry(tab)))
    with qtbot.waitSignal(tab.run_finished, timeout=RUN_TIMEOUT_MS):
        assert tab.start_training()
        sampler.start()
    sampler.stop()
    assert len(during) >= 1 and tab.status.text().startswith("Done")
    assert all(g == before for g in during)
    assert form_geometry(tab) == before
    assert squeezed(tab) == []  # the verdict and the table that appeared fit too
    assert tab.config() == TINY
