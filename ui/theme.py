"""Every colour the app uses, light and dark, in one place; applied to Qt and pyqtgraph alike.

A widget never writes a colour literal: it asks ``palette()`` for the current ``Palette`` and, when it
draws with explicit colours, restyles itself on a palette change (see ``ui/widgets/lazy.py``). Text
colours are chosen to read at ≥ 4.5:1 contrast (WCAG AA) on the background they sit on, in both
palettes; ``contrast_ratio`` measures it, and a test checks every label after live switches.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PyQt6.QtGui import QColor, QPalette
from PyQt6.QtWidgets import QApplication

# The two models compared everywhere (FC vs CNN), and the highlight of a selected cell: the same in both
# palettes, so a legend means the same thing on a projector in either.
FC_COLOR = "#e4572e"
CNN_COLOR = "#2e86de"
HIGHLIGHT = "#f5a623"
ON_IMAGE_TEXT = "#ffffff"  # labels drawn on a picture sit on their own dark plate (LABEL_PLATE)
LABEL_PLATE = (0, 0, 0, 150)
IMAGE_GAP = "#9a9aa2"  # between tiles of a mosaic: visible next to black maps and on both backgrounds
POOL_WINDOW_TINTS = ("#dbe9fb", "#fde2d4", "#dcf3df", "#efe0f7")  # one per pooling window, row-major
LAYER_COLORS = ("#2e86de", "#e4572e", "#2ca25f", "#8e44ad", "#b8860b")  # the lab's per-layer gradient curves
PADDING_TINT = (46, 134, 222, 120)  # the kernel sandbox's border of zeros, over the black those zeros are
NUMBER_ON_TINT = "#111111"  # numbers on the light tints above and on light map cells


@dataclass(frozen=True)
class Palette:
    dark: bool
    base: str  # plots, tables, text fields
    window: str  # the window and panels
    button: str
    text: str
    muted: str  # secondary text (captions, units); ≥ 4.5:1 on ``window``
    border: str
    error: str  # error text on ``window``
    success: str  # good news on ``window``
    banner_bg: str
    banner_text: str
    banner_border: str
    diagonal_bg: str  # the confusion matrix's correct cells
    grid_line: str  # thin lines between number cells


LIGHT = Palette(
    dark=False, base="#ffffff", window="#f2f2f4", button="#e6e6ea", text="#1b1b1b", muted="#55555c",
    border="#9a9aa2", error="#b3261e", success="#1e7b34", banner_bg="#fff4d6", banner_text="#4a3b00",
    banner_border="#e0c46c", diagonal_bg="#cfe8cf", grid_line="#8a8a8a",
)
DARK = Palette(
    dark=True, base="#1e1f22", window="#2b2d31", button="#3a3d42", text="#e8e8e8", muted="#b4b4bc",
    border="#9a9aa2", error="#ff8a80", success="#7ddc8f", banner_bg="#3d3521", banner_text="#ffe9a8",
    banner_border="#8a7536", diagonal_bg="#2f5a33", grid_line="#8a8a8a",
)

_current = LIGHT


def palette() -> Palette:
    """The palette in use now."""
    return _current


def apply_theme(app: QApplication, dark: bool) -> Palette:
    """Switch the whole app to the light or dark palette; every widget gets a PaletteChange event."""
    global _current
    _current = DARK if dark else LIGHT
    p = _current
    app.setStyle("Fusion")
    qp = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, p.window), (QPalette.ColorRole.Base, p.base),
        (QPalette.ColorRole.AlternateBase, p.button), (QPalette.ColorRole.Button, p.button),
        (QPalette.ColorRole.Text, p.text), (QPalette.ColorRole.WindowText, p.text),
        (QPalette.ColorRole.ButtonText, p.text), (QPalette.ColorRole.ToolTipBase, p.base),
        (QPalette.ColorRole.ToolTipText, p.text), (QPalette.ColorRole.Highlight, CNN_COLOR),
        (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.PlaceholderText, p.muted),
        (QPalette.ColorRole.Link, CNN_COLOR if not dark else "#7fb8f0"),
    ):
        qp.setColor(role, QColor(colour))
    for group in (QPalette.ColorGroup.Disabled,):
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
            qp.setColor(group, role, QColor(p.muted))
    app.setPalette(qp)
    configure_plots()
    return p


def plot_background(dark: bool) -> str:
    """The background of plots in the light or dark palette."""
    return (DARK if dark else LIGHT).base


def configure_plots() -> None:
    """pyqtgraph's global options, set once at start-up and again on a palette switch (colours only)."""
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True, background=_current.base,
                        foreground=_current.text)


def _luminance(colour: str) -> float:
    c = QColor(colour)

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 … 21); body text wants ≥ 4.5."""
    a, b = _luminance(foreground), _luminance(background)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def text_on(rgb: tuple[int, int, int]) -> str:
    """Black or white, whichever reads better on a cell of colour ``rgb`` (numbers drawn on maps)."""
    colour = "#{:02x}{:02x}{:02x}".format(*rgb)
    return NUMBER_ON_TINT if contrast_ratio(NUMBER_ON_TINT, colour) >= contrast_ratio("#ffffff", colour) else "#ffffff"
