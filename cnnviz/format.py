"""How numbers are written for people: one formatter per kind of number, shared by every view."""

from __future__ import annotations

import math


def format_probability(p: float) -> str:
    """A probability in [0, 1] as a percentage with one decimal, never rounded up to a certainty.

    A rounded "100.0%" for 0.99996 claims a certainty the model does not have, so values that are not
    exactly 1 but would round to 100% read ">99.9%"; likewise values above 0 that round to 0% read "<0.1%".
    """
    if math.isnan(p):
        return "–"
    p = min(max(float(p), 0.0), 1.0)
    if p >= 1.0:
        return "100%"
    if p <= 0.0:
        return "0%"
    if p >= 0.9995:
        return ">99.9%"
    if p < 0.0005:
        return "<0.1%"
    return f"{p:.1%}"
