"""Light and dark palettes, readable on a projector, applied to Qt and pyqtgraph alike."""

from __future__ import annotations

import pyqtgraph as pg
from PyQt6.QtGui import QColor, QPalette
from PyQt6.QtWidgets import QApplication

# Colours used for the two models everywhere they are compared (FC vs CNN).
FC_COLOR = "#e4572e"
CNN_COLOR = "#2e86de"
HIGHLIGHT = "#f5a623"


def apply_theme(app: QApplication, dark: bool) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    if dark:
        base, text, window, button = "#1e1f22", "#e8e8e8", "#2b2d31", "#3a3d42"
    else:
        base, text, window, button = "#ffffff", "#1b1b1b", "#f2f2f4", "#e6e6ea"
    for role, colour in (
        (QPalette.ColorRole.Window, window), (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, button), (QPalette.ColorRole.Button, button),
        (QPalette.ColorRole.Text, text), (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.ToolTipBase, base),
        (QPalette.ColorRole.ToolTipText, text), (QPalette.ColorRole.Highlight, CNN_COLOR),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
    ):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    pg.setConfigOptions(background=base, foreground=text)


def plot_background(dark: bool) -> str:
    return "#1e1f22" if dark else "#ffffff"
