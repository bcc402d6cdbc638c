"""How numbers are written for people, once for every view: probabilities and cell positions.

A probability is never printed as 100% unless it is exactly 1: a softmax of 0.996 read as "100%"
tells a learner the network is certain when it is not, so values above 99.9% read ">99.9%".
Maps, filters and cells are counted from 1 for people (row 1 is the top, column 1 the left).
"""

from __future__ import annotations

import math

from cnnviz.wording import Wording, worded


def format_probability(p: float) -> str:
    """``p`` in [0, 1] as a percent with one decimal; ">99.9%"/"<0.1%" near the ends, "100%"/"0%" only exactly."""
    p = float(p)
    if math.isnan(p):
        return "–"
    if p >= 1.0:
        return "100%"
    if p <= 0.0:
        return "0%"
    if p > 0.999:
        return ">99.9%"
    if p < 0.001:
        return "<0.1%"
    return f"{p * 100:.1f}%"


def cell_text(row: int, col: int) -> Wording:
    """A 0-based (row, col) written for people: "row 4, column 5" (counted from 1, from the top left)."""
    return worded("row {row}, column {col}", row=row + 1, col=col + 1)
