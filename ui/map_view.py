"""Thin re-export kept only while ui/pool_zoom.py, ui/explain_tab.py and ui/training_lab.py import it.

New code imports ``ui.widgets.picture`` (pictures) and ``ui.widgets.lazy`` (palette switches).
"""

from __future__ import annotations

import pyqtgraph as pg
from PyQt6.QtGui import QPalette
from PyQt6.QtWidgets import QWidget

from ui.widgets.lazy import is_palette_change
from ui.widgets.picture import PictureItem, image_view_box

pg.setConfigOptions(imageAxisOrder="row-major")  # the modules above still rely on it at import time


def restyle_plots(root: QWidget, background: str, foreground: str) -> None:
    """Re-colour every pyqtgraph view under ``root`` after a palette change (they copy colours when made)."""
    for view in root.findChildren(pg.GraphicsView):
        view.setBackground(background)
        scene = view.scene()
        if scene is None:
            continue
        for item in scene.items():
            if isinstance(item, pg.AxisItem):
                item.setPen(foreground)
                item.setTextPen(foreground)


def palette_colours(widget: QWidget) -> tuple[str, str]:
    """(background, foreground) of ``widget``'s palette, for plots that sit on it."""
    palette = widget.palette()
    return palette.color(QPalette.ColorRole.Base).name(), palette.color(QPalette.ColorRole.Text).name()


__all__ = ["PictureItem", "image_view_box", "is_palette_change", "palette_colours", "restyle_plots"]
