"""The window's tabs, in teaching order: each built from the shared state and the user's preferences."""

from __future__ import annotations

from PyQt6.QtWidgets import QWidget

from ui.preferences import Preferences
from ui.state import AppState


def create_tabs(state: AppState, prefs: Preferences) -> list[tuple[str, str, QWidget]]:
    """(key, title, widget) for every tab; a tab's title is what the View menu and Ctrl+N show."""
    from ui.draw.tab import DrawTab
    from ui.explain.tab import ExplainTab
    from ui.filters.tab import FiltersTab
    from ui.lab.tab import TrainingLabTab
    from ui.zoo.tab import ZooTab

    return [
        ("draw", "Draw && explore", DrawTab(state, prefs)),
        ("filters", "Filters", FiltersTab(state, prefs)),
        ("explain", "Explain", ExplainTab(state, prefs)),
        ("lab", "Training lab", TrainingLabTab(state, prefs)),
        ("zoo", "Model zoo", ZooTab(state, prefs)),
    ]
