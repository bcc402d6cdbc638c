"""The window's tabs, in teaching order: each built from the shared state and the user's preferences."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PyQt6.QtWidgets import QWidget

from ui.preferences import Preferences

if TYPE_CHECKING:
    from ui.canvas import DrawingCanvas
    from ui.state import AppState

# Each imports PyTorch through the core: imported when the tabs are built (or, at start-up, by the
# background job that loads torch — ``import_tab_modules``), never at the window's first paint.
TAB_MODULES = ("ui.draw.tab", "ui.filters.tab", "ui.explain.tab", "ui.lab.tab", "ui.zoo.tab")


def import_tab_modules() -> None:
    """Import every tab's module (safe on any thread: it creates no widget)."""
    for name in TAB_MODULES:
        importlib.import_module(name)


def create_tabs(state: AppState, prefs: Preferences,
                canvas: DrawingCanvas | None = None) -> list[tuple[str, str, QWidget]]:
    """(key, title, widget) for every tab; a tab's title is what the View menu and Ctrl+N show.

    ``canvas``: a canvas already on screen (the start-up page's) for the Draw tab to take over.
    """
    from ui.draw.tab import DrawTab
    from ui.explain.tab import ExplainTab
    from ui.filters.tab import FiltersTab
    from ui.lab.tab import TrainingLabTab
    from ui.zoo.tab import ZooTab

    return [
        ("draw", "Draw && explore", DrawTab(state, prefs, canvas=canvas)),
        ("filters", "Filters", FiltersTab(state, prefs)),
        ("explain", "Explain", ExplainTab(state, prefs)),
        ("lab", "Training lab", TrainingLabTab(state, prefs)),
        ("zoo", "Model zoo", ZooTab(state, prefs)),
    ]
