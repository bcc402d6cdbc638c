"""Softmax probabilities of the classes as bars, the top class highlighted, and what they mean."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from ui.theme import CNN_COLOR, HIGHLIGHT

FORCED_CHOICE = ("The network must pick one of its {n} classes for any input, even a scribble: "
                 "the bars always add up to 100%, so a high bar is not proof that this is a digit.")


class ProbabilityChart(pg.PlotWidget):
    """``set_probabilities(p)`` redraws the bars (None: all empty)."""

    def __init__(self, class_names: tuple[str, ...]) -> None:
        super().__init__()
        self.class_names = class_names
        n = len(class_names)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.setYRange(0, 1, padding=0.02)
        self.setXRange(-0.6, n - 0.4, padding=0)
        self.getAxis("bottom").setTicks([[(i, name) for i, name in enumerate(class_names)]])
        self.getAxis("left").setTicks([[(v, f"{v:.0%}") for v in (0, 0.5, 1.0)]])
        self.setLabel("left", "probability")
        self.setMinimumHeight(90)
        self.bars = pg.BarGraphItem(x=np.arange(n), height=np.zeros(n), width=0.7, brush=CNN_COLOR)
        self.addItem(self.bars)
        self.probabilities = np.zeros(n)

    def set_probabilities(self, probabilities: np.ndarray | None) -> None:
        n = len(self.class_names)
        p = np.zeros(n) if probabilities is None else np.nan_to_num(np.asarray(probabilities, dtype=float))
        brushes = [pg.mkBrush(CNN_COLOR)] * n
        if probabilities is not None:
            brushes[int(p.argmax())] = pg.mkBrush(HIGHLIGHT)
        self.bars.setOpts(height=p, brushes=brushes)
        self.probabilities = p
