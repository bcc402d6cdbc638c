"""Maps in words: a one-line text alternative for a feature map, for screen readers and the view's caption.

"strongest response top-left (row 2, column 3); 34% of cells active" says where a map answers most and
how much of it answers at all, which is what a sighted user reads off the colours. The description is a
``cnnviz.wording.Wording`` (region names nested), so the window says it in its language; ``str()`` is the English.
"""

from __future__ import annotations

import numpy as np

from cnnviz.wording import Wording, worded

_ROWS = ("top", "middle", "bottom")
_COLS = ("left", "centre", "right")
# each ninth of a map by (vertical, horizontal) third: whole phrases, so that a translation can order them freely
_REGIONS: dict[tuple[str, str], Wording] = {
    ("top", "left"): worded("top-left"), ("top", "centre"): worded("top"), ("top", "right"): worded("top-right"),
    ("middle", "left"): worded("middle-left"), ("middle", "centre"): worded("centre"),
    ("middle", "right"): worded("middle-right"),
    ("bottom", "left"): worded("bottom-left"), ("bottom", "centre"): worded("bottom"),
    ("bottom", "right"): worded("bottom-right"),
}
STRONGEST = worded("strongest response")  # what a feature map's peak is called
BRIGHTEST = worded("brightest pixel")  # ... and an input picture's


def map_region(row: int, col: int, height: int, width: int) -> Wording:
    """Which ninth of an ``height``×``width`` map holds (row, col): "top-left", …, "centre", …, "bottom-right"."""
    if not (0 <= row < height and 0 <= col < width):
        raise ValueError(f"cell ({row}, {col}) is outside a {height}×{width} map")
    return _REGIONS[_ROWS[row * 3 // height], _COLS[col * 3 // width]]


def describe_map(values: np.ndarray, lead: Wording | str = STRONGEST) -> Wording:
    """A text alternative for one (H, W) map: where it is strongest and what share of its cells are active
    (above 0: what a ReLU lets through). ``lead`` names the peak (``BRIGHTEST`` for an input). Rows and
    columns are counted from 1, as the view shows them."""
    if values.ndim != 2 or values.size == 0:
        raise ValueError(f"a map is (height, width) with at least one cell, not {values.shape}")
    height, width = values.shape
    active = float(np.mean(values > 0))
    if not np.any(values > 0):
        return worded("no cell active (all {cells} cells are 0 or below)", cells=height * width)
    row, col = np.unravel_index(int(np.argmax(values)), values.shape)  # the first one on ties
    return worded("{lead} {region} (row {row}, column {col}); {active:.0%} of cells active", lead=lead,
                  region=map_region(int(row), int(col), height, width), row=int(row) + 1, col=int(col) + 1,
                  active=active)
