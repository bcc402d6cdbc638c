"""Screen readers: every interactive widget of the window — in every tab, the lesson panel, the glossary and the
shortcut list — has an accessible name and a description (or tooltip). The name is found as
tests/accessibility.py says."""

from __future__ import annotations

import pyqtgraph as pg
from accessibility import accessible_name, part_of_a_control
from PyQt6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTabBar,
    QWidget,
)

from ui.canvas import DrawingCanvas

INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractSlider, QAbstractItemView, QTabBar,
               DrawingCanvas)


def is_interactive(widget: QWidget) -> bool:
    """A widget the user operates: controls, lists and tables, tab bars, the canvas, and pyqtgraph views that
    take clicks (a ``clicked``-like signal). Parts Qt makes inside another control (a spin box's line edit, a
    table's headers, scroll bars) are that control's."""
    if part_of_a_control(widget):
        return False
    if isinstance(widget, INTERACTIVE):
        return True
    return isinstance(widget, pg.GraphicsView) and any("click" in name for name in dir(type(widget)))




def offenders(root: QWidget, skip: set[int] | None = None) -> list[str]:
    """class/objectName (and visible text) of each visible interactive widget without a name or description
    (widgets whose ``id`` is in ``skip`` left out)."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not is_interactive(widget) or not widget.isVisibleTo(root) or id(widget) in (skip or set()):
            continue
        name = accessible_name(widget)
        if not name or not (widget.accessibleDescription() or widget.toolTip()):
            text = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
            chain, owner = [], widget.parentWidget()
            while owner is not None and owner is not root:
                chain.append(type(owner).__name__)
                owner = owner.parentWidget()
            found.append(f"{type(widget).__name__}/{widget.objectName() or '-'} {text!r} in "
                         f"{'<'.join(chain[:4]) or type(root).__name__}: "
                         f"{'no name' if not name else 'no description or tooltip'}")
    return found


def test_every_interactive_widget_has_a_name_and_a_description(qtbot, started_window) -> None:  # type: ignore[no-untyped-def]
    win = started_window()
    per_tab: dict[str, list[str]] = {}
    for key, tab in win.tab_widgets.items():
        win.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(tab.isVisible)
        per_tab[key] = offenders(tab)
    hub = win.lesson_hub
    hub.open_lessons()
    qtbot.waitUntil(lambda: hub.panel is not None and hub.panel.isVisible())
    hub.show_glossary()
    shortcuts = hub.show_shortcuts()
    qtbot.addWidget(shortcuts)
    # the window itself (its tab bar, status bar, banner, lesson dock) without the tabs' pages; the page widgets
    # are kept referenced, so each keeps its Python wrapper (and id) while the window is walked
    page_widgets = [w for tab in win.tab_widgets.values() for w in [tab, *tab.findChildren(QWidget)]]
    own = offenders(win, skip={id(w) for w in page_widgets}) + offenders(hub.glossary) + offenders(shortcuts)
    assert hub.panel is not None and offenders(hub.panel) == []
    assert own == [], "the window's own controls without a screen-reader name or description:\n" + "\n".join(own)
    unnamed = {k: v for k, v in per_tab.items() if v}
    assert not unnamed, "tabs with unnamed or undescribed controls:\n" + "\n".join(
        f"{k}: {', '.join(v)}" for k, v in unnamed.items())
