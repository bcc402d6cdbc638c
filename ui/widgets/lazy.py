"""The two idioms every panel needs, written once: refresh only when seen, restyle on a palette switch.

A panel that subclasses ``LazyPanel`` implements ``refresh()`` (redraw from the current state) and, if it
draws with explicit colours, ``restyle()``. It calls ``mark_dirty()`` when its data changed: the panel
redraws at once when it is on screen, else the next time it is shown. A live light/dark switch calls
``restyle()`` then ``refresh()``.
"""

from __future__ import annotations

import pyqtgraph as pg
from PyQt6.QtCore import QEvent
from PyQt6.QtGui import QShowEvent
from PyQt6.QtWidgets import QWidget

from ui.theme import palette


def is_palette_change(event: QEvent | None) -> bool:
    return event is not None and event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


def restyle_plots(root: QWidget) -> None:
    """Re-colour every pyqtgraph view under ``root`` (they copy the colours when they are made)."""
    p = palette()
    for view in root.findChildren(pg.GraphicsView):
        view.setBackground(p.base)
        scene = view.scene()
        if scene is None:
            continue
        for item in scene.items():
            if isinstance(item, pg.AxisItem):
                item.setPen(p.text)
                item.setTextPen(p.text)
            elif isinstance(item, pg.LabelItem):
                item.setText(item.text, color=p.text)
            elif isinstance(item, pg.LegendItem):
                item.setLabelTextColor(p.text)


class LazyPanel(QWidget):
    """A panel that redraws only when visible (``mark_dirty``) and follows palette switches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dirty = True
        self._styled_for: bool | None = None

    def refresh(self) -> None:
        """Redraw from the current state (override)."""

    def restyle(self) -> None:
        """Re-apply explicit colours from ``ui.theme.palette()`` (override when the panel has any)."""

    def mark_dirty(self) -> None:
        if self.isVisible():
            self._dirty = False
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent | None) -> None:
        super().showEvent(event)
        if self._styled_for is not palette().dark:  # switched while hidden: its drawing has the old colours
            self._apply_style()
            self._dirty = True
        if self._dirty:
            self._dirty = False
            self.refresh()

    def changeEvent(self, event: QEvent | None) -> None:
        super().changeEvent(event)
        if is_palette_change(event) and self._styled_for is not palette().dark:
            self._apply_style()
            self.mark_dirty()

    def _apply_style(self) -> None:
        self._styled_for = palette().dark
        restyle_plots(self)
        self.restyle()
