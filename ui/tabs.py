"""The window's tabs, in teaching order: each built from the shared state and the user's preferences."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PyQt6.QtWidgets import QWidget

from ui.i18n import translate
from ui.preferences import Preferences

if TYPE_CHECKING:
    from ui.canvas import DrawingCanvas
    from ui.state import AppState

TabBuilder = tuple[str, str, Callable[[], QWidget]]  # key, title, build


def tab_builders(state: AppState, prefs: Preferences, canvas: DrawingCanvas | None = None) -> list[TabBuilder]:
    """(key, title, build) for every tab, in order; a tab's title is what the View menu and Ctrl+N show.

    Each tab module imports PyTorch through the core, so it is imported only when its tab is built.
    ``canvas``: a canvas already on screen (the start-up page's) for the Draw tab to take over.
    """

    def draw() -> QWidget:
        from ui.draw.tab import DrawTab

        return DrawTab(state, prefs, canvas=canvas)

    def filters() -> QWidget:
        from ui.filters.tab import FiltersTab

        return FiltersTab(state, prefs)

    def sandbox() -> QWidget:
        from ui.sandbox.tab import SandboxTab

        return SandboxTab(state, prefs)

    def explain() -> QWidget:
        from ui.explain.tab import ExplainTab

        return ExplainTab(state, prefs)

    def lab() -> QWidget:
        from ui.lab.tab import TrainingLabTab

        return TrainingLabTab(state, prefs)

    def zoo() -> QWidget:
        from ui.zoo.tab import ZooTab

        return ZooTab(state, prefs)

    return [("draw", translate("Tabs", "Draw && explore"), draw),
            ("filters", translate("Tabs", "Filters"), filters),
            ("sandbox", translate("Tabs", "Kernel sandbox"), sandbox),
            ("explain", translate("Tabs", "Explain"), explain),
            ("lab", translate("Tabs", "Training lab"), lab),
            ("zoo", translate("Tabs", "Model zoo"), zoo)]


def create_tabs(state: AppState, prefs: Preferences,
                canvas: DrawingCanvas | None = None) -> list[tuple[str, str, QWidget]]:
    """(key, title, widget) for every tab, all built now."""
    return [(key, title, build()) for key, title, build in tab_builders(state, prefs, canvas)]
