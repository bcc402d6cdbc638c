"""Maps in words: a one-line text alternative for a feature map, for screen readers and the view's caption.

"strongest response top-left (row 2, column 3); 34% of cells active" says where a map answers most and
how much of it answers at all, which is what a sighted user reads off the colours.
"""

from __future__ import annotations

import numpy as np

_ROWS = ("top", "middle", "bottom")
_COLS = ("left", "centre", "right")


def map_region(row: int, col: int, height: int, width: int) -> str:
    """Which ninth of an ``height``×``width`` map holds (row, col): "top-left", …, "centre", …, "bottom-right"."""
    if not (0 <= row < height and 0 <= col < width):
        raise ValueError(f"cell ({row}, {col}) is outside a {height}×{width} map")
    vertical, horizontal = _ROWS[row * 3 // height], _COLS[col * 3 // width]
    if vertical == "middle" and horizontal == "centre":
        return "centre"
    if vertical == "middle":
        return f"middle-{horizontal}"
    return vertical if horizontal == "centre" else f"{vertical}-{horizontal}"


def describe_map(values: np.ndarray, lead: str = "strongest response") -> str:
    """A text alternative for one (H, W) map: where it is strongest and what share of its cells are active
    (above 0: what a ReLU lets through). ``lead`` names the peak ("brightest pixel" for an input). Rows and
    columns are counted from 1, as the view shows them."""
    if values.ndim != 2 or values.size == 0:
        raise ValueError(f"a map is (height, width) with at least one cell, not {values.shape}")
    height, width = values.shape
    active = float(np.mean(values > 0))
    if not np.any(values > 0):
        return f"no cell active (all {height * width} cells are 0 or below)"
    row, col = np.unravel_index(int(np.argmax(values)), values.shape)  # the first one on ties
    region = map_region(int(row), int(col), height, width)
    return (f"{lead} {region} (row {int(row) + 1}, column {int(col) + 1}); "
            f"{active:.0%} of cells active")
