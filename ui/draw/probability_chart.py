"""Softmax probabilities of the classes as bars, the top class highlighted, and what they mean.

The bars are the current MODEL's classes (``meta.class_names``; an opened model may have 3 or 1,000). Up to
``MAX_BARS`` classes each have their bar in class order; a model with more shows its ``MAX_BARS`` most
probable classes, largest first, so the answer and its rivals stay readable.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QT_TRANSLATE_NOOP
from PyQt6.QtGui import QFontMetrics, QResizeEvent

from ui.i18n import translate
from ui.theme import CNN_COLOR, HIGHLIGHT

FORCED_CHOICE = QT_TRANSLATE_NOOP("ProbabilityChart", "The network must pick one of its {n} classes for any input, "
                                  "even a scribble: the bars always add up to 100%, so a high bar is not proof that "
                                  "this is a digit.")
MAX_BARS = 10  # more classes than this: the most probable ones are shown
MAX_TICK = 10  # characters of a class name under its bar, at most


def forced_choice(classes: int) -> str:
    """The remark under the bars, for a model of ``classes`` classes (in the interface's language)."""
    return translate("ProbabilityChart", FORCED_CHOICE).format(n=classes)


def _tick(name: str, room: int) -> str:
    """``name`` cut to ``room`` characters (an ellipsis marks the cut): neighbouring names never overlap."""
    room = max(2, min(room, MAX_TICK))
    return name if len(name) <= room else name[: room - 1] + "…"


class ProbabilityChart(pg.PlotWidget):
    """``set_probabilities(p)`` redraws the bars (None: all empty); ``set_class_names`` follows the model."""

    def __init__(self, class_names: Sequence[str]) -> None:
        super().__init__()
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.setYRange(0, 1, padding=0.02)
        self.getAxis("left").setTicks([[(v, f"{v:.0%}") for v in (0, 0.5, 1.0)]])
        self.setMinimumHeight(90)
        self.setAccessibleName(translate("ProbabilityChart", "Class probabilities"))
        self.setAccessibleDescription(translate("ProbabilityChart", "One bar per class: how probable the network "
                                                "finds each class for the input; the highest bar is highlighted."))
        self.bars = pg.BarGraphItem(x=np.arange(1), height=np.zeros(1), width=0.7, brush=CNN_COLOR)
        self.addItem(self.bars)
        self.class_names: tuple[str, ...] = ()
        self.shown: np.ndarray = np.zeros(0, dtype=int)  # the class of each bar, left to right
        self.probabilities = np.zeros(0)
        self.set_class_names(class_names)

    @property
    def is_top_list(self) -> bool:
        """True when the model has more classes than bars: the bars are its most probable classes."""
        return len(self.class_names) > MAX_BARS

    def set_class_names(self, names: Sequence[str]) -> None:
        """The classes of the model now open (empties the bars when they change)."""
        names = tuple(names)
        if names == self.class_names:
            return
        self.class_names = names
        bars = min(len(names), MAX_BARS)
        self.setXRange(-0.6, bars - 0.4, padding=0)
        self.setLabel("left", translate("ProbabilityChart", "probability (top {top} of {n})").format(
            top=MAX_BARS, n=len(names)) if self.is_top_list else translate("ProbabilityChart", "probability"))
        self.set_probabilities(None)

    def _tick_room(self, bars: int) -> int:
        """Characters of a name that fit under one bar at the chart's present width."""
        char = max(1, QFontMetrics(self.getAxis("bottom").style.get("tickFont") or self.font()).averageCharWidth())
        plot_width = self.getPlotItem().vb.width() or self.width()
        return int(plot_width / max(bars, 1) / char) - 1

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        super().resizeEvent(event)
        if getattr(self, "class_names", ()):  # (Qt may resize it before __init__ has set the names)
            self.set_probabilities(self.probabilities if self.probabilities.any() else None)

    def set_probabilities(self, probabilities: np.ndarray | None) -> None:
        n = len(self.class_names)
        p = np.zeros(n) if probabilities is None else np.nan_to_num(np.asarray(probabilities, dtype=float))
        if p.shape != (n,):  # a capture of another model than the names are for: show nothing rather than lie
            p = np.zeros(n)
            probabilities = None
        order = np.argsort(-p, kind="stable")[:MAX_BARS] if self.is_top_list else np.arange(n)
        self.shown = order
        self.getAxis("bottom").setTicks([[(i, _tick(self.class_names[c], self._tick_room(len(order))))
                                          for i, c in enumerate(order)]])
        brushes = [pg.mkBrush(CNN_COLOR)] * len(order)
        if probabilities is not None and len(order):
            brushes[int(np.argmax(p[order]))] = pg.mkBrush(HIGHLIGHT)
        self.bars.setOpts(x=np.arange(len(order)), height=p[order], brushes=brushes)
        self.probabilities = p
