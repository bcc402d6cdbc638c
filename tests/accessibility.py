"""What a screen reader sees of a widget, shared by the accessibility checks (tests/test_ui_accessibility.py,
tests/test_ui_i18n_draw.py, tests/test_ui_i18n_views.py).

PyQt6 (6.11) does not wrap ``QAccessible``, so the name is found the way Qt's accessibility layer finds it:
the widget's accessible name, else a button's visible text (without its ``&``), else the text of the label
whose buddy it is."""

from __future__ import annotations

from PyQt6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QScrollBar,
    QWidget,
)


def part_of_a_control(widget: QWidget) -> bool:
    """A scroll bar, a header, the line edit inside a spin box or combo box, a button inside a list or table:
    a screen reader reaches it through the control it belongs to."""
    parent = widget.parentWidget()
    return isinstance(widget, QScrollBar | QHeaderView) or isinstance(parent, QAbstractSpinBox | QComboBox) or (
        isinstance(widget, QAbstractButton) and isinstance(parent, QAbstractItemView))


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces for ``widget`` ('' when it has none)."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    window = widget.window()
    buddies = [label.text() for label in (window.findChildren(QLabel) if window is not None else [])
               if label.buddy() is widget]
    return buddies[0] if buddies else ""
