"""Bigger or bolder text without a style sheet.

A widget given a style sheet keeps the palette it had when the sheet was applied: after a live
light/dark switch its text stays in the old colour (dark on dark). Fonts set through QFont follow the
palette like any other widget.
"""

from __future__ import annotations

from PyQt6.QtWidgets import QWidget


def emphasize(widget: QWidget, points: float = 0.0, bold: bool = True) -> None:
    """Make ``widget``'s text ``points`` larger than the app's font, and bold."""
    font = widget.font()
    if points:
        font.setPointSizeF(font.pointSizeF() + points)
    font.setBold(bold)
    widget.setFont(font)
