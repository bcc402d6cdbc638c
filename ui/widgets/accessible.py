"""Names and descriptions for screen readers where Qt has no visible text to take them from."""

from __future__ import annotations

from PyQt6.QtWidgets import QTabWidget


def name_tabs(tabs: QTabWidget, name: str, description: str) -> None:
    """Give the tab bar of ``tabs`` an accessible name (what the pages are) and a description (what choosing does);
    both already translated."""
    bar = tabs.tabBar()
    if bar is not None:
        bar.setAccessibleName(name)
        bar.setAccessibleDescription(description)
