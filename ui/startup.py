"""The window's first seconds: a drawing canvas on screen at once, PyTorch, the data and the model behind it.

``import torch`` alone is about 1.4 s of a 1.9 s start (measured, ``python -X importtime``), and a first
launch also unpacks the bundled MNIST once. So the window opens with only what draws — this page: the
real canvas and a line saying the network is loading — while ONE background job (``load_startup``, run
by the window's ``TaskRunner``) imports torch and the core, loads the data and opens the start-up model.
When it is done the window builds the Draw tab, handing it this page's canvas with whatever was drawn,
opens the model (the first prediction follows), and then builds the other tabs, one per event-loop pass.
Nothing here imports torch: this module is imported before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from cnnviz.jobs import Job, check
from ui.canvas import DrawingCanvas
from ui.i18n import translate

if TYPE_CHECKING:
    from cnnviz.data import MnistData
    from cnnviz.store import Outcome

LOADING_TEXT = QT_TRANSLATE_NOOP("StartupPage", "Loading the network… You can start drawing a digit now.")
COLUMN_WIDTH = 320  # px, the Draw tab's input column


@dataclass(frozen=True)
class Loaded:
    """What the window needs before its tabs can be built."""

    data: MnistData
    outcome: Outcome  # the start-up model: opened, damaged (set aside), or none yet


def load_startup(job: Job, model_path: Path, last_opened: str) -> Loaded:
    """Runs on a pool thread: import PyTorch and the core, load the bundled data, open the start-up model.

    Each step is one call that cannot be interrupted (``import torch``; a first launch's one-time unpacking
    of the data); a cancel is noticed between them.
    """
    from cnnviz.data import load_bundled_mnist  # imports numpy only
    from cnnviz.store import ModelStore  # imports torch and the model zoo

    check(job.should_stop)
    data = load_bundled_mnist()  # raises DatasetError when the bundled files are damaged
    check(job.should_stop)
    outcome = ModelStore(model_path).startup_model(last_opened or None)
    # The Draw tab's module (its pyqtgraph views) imports here too, off the GUI thread, so that building it
    # only creates widgets. Importing is safe on any thread; widgets are not. The other tabs come later.
    import ui.draw.tab  # noqa: F401

    return Loaded(data, outcome)


class StartupPage(QWidget):
    """The canvas and one line saying what is loading (or, if loading failed, why)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = DrawingCanvas()  # sized by its column, not by itself: the Draw tab will lay it out anew
        self.label = QLabel(translate("StartupPage", LOADING_TEXT))
        self.label.setWordWrap(True)
        self.label.setAccessibleName(translate("StartupPage", "Start-up status"))
        column = QWidget()
        column.setFixedSize(COLUMN_WIDTH, COLUMN_WIDTH + 60)  # where the Draw tab's canvas will be, about
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.label)
        inner.addWidget(self.canvas, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignTop)
        layout.addStretch(1)

    def say(self, text: str) -> None:
        self.label.setText(text)
