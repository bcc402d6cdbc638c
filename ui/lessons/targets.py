"""The widgets lessons talk about, by stable name: the one place a lesson's "highlight" or "hide" name, or a
glossary entry's "Show me", becomes a widget. Each is given its name as its Qt object name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PyQt6.QtWidgets import QWidget

Resolve = Callable[[Any], Any]


def _tab(key: str, *path: str) -> Resolve:
    def resolve(window: Any) -> Any:
        found = window.tab_widgets.get(key)
        for name in path:
            found = getattr(found, name, None)
        return found
    return resolve


def _first_filter_panel(window: Any) -> Any:
    panels = getattr(window.tab_widgets.get("filters"), "panels", {})
    return next(iter(panels.values()), None)


TARGETS: dict[str, Resolve] = {
    "draw.canvas": _tab("draw", "canvas"),
    "draw.open_button": _tab("draw", "inputs", "open_button"),
    "draw.brush": _tab("draw", "brush_slider"),
    "draw.prediction": _tab("draw", "prediction_label"),
    "draw.chart": _tab("draw", "chart"),
    "draw.stages": _tab("draw", "pipeline", "strip"),
    "draw.focus": _tab("draw", "pipeline", "focus"),
    "draw.dimensions": _tab("draw", "pipeline", "table"),
    "draw.pool_zoom": _tab("draw", "pool_zoom"),
    "filters.sobel": _tab("filters", "sobel_panel"),
    "filters.learned": _first_filter_panel,
    "explain.views": _tab("explain", "views"),
    "explain.cell": _tab("explain", "cell_view", "strip"),
    "explain.breakdown": _tab("explain", "cell_view", "breakdown"),
    "lab.controls": _tab("lab", "controls"),
    "lab.train_button": _tab("lab", "train_button"),
    "lab.plots": _tab("lab", "plots"),
    "lab.results": _tab("lab", "results"),
    "zoo.lineage_table": _tab("zoo", "lineage_view", "table"),
    "zoo.lineage_chart": _tab("zoo", "lineage_view", "chart"),
}
NAMES = frozenset(TARGETS)


def find_target(window: Any, name: str) -> QWidget | None:
    """The widget called ``name`` in ``window`` (None until its tab is built); it gets ``name`` as object name."""
    widget = TARGETS[name](window)
    if isinstance(widget, QWidget):
        widget.setObjectName(name)
        return widget
    return None
