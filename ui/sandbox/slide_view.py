"""The sandbox's two pictures: the padded input with the kernel's window on it, and the output map.

The padding is tinted (its zeros would otherwise be as black as blank paper) and the original picture
framed by where the tint stops; the window's span is outlined and each of its taps tinted (with dilation
the taps have gaps). On the output the window's cell is outlined and the cells the window has not
reached yet are veiled, so stepping shows the map being filled in, row by row.
"""

from __future__ import annotations

import numpy as np
from PyQt6.QtGui import QColor
from PyQt6.QtWidgets import QWidget

from cnnviz.sandbox import Sandbox
from ui.colormaps import DIVERGING_MAP, INPUT_MAP, value_range
from ui.i18n import translate
from ui.theme import HIGHLIGHT, PADDING_TINT, palette
from ui.widgets.image_panel import ImageStrip

TAP_ALPHA = 120  # the window's taps: tinted, the digit under them still readable
VEIL_ALPHA = 200  # output cells not reached yet: faint, not gone


class SlideView(ImageStrip):
    """``show_result(result, position, veiled)``: the input panel "input" and the output panel "output"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(min_panel=220, parent=parent)
        self.input_panel = self.add_panel("input", translate("SlideView", "Input with padding"))
        self.output_panel = self.add_panel("output", translate("SlideView", "Output map"))
        self.setAccessibleName(translate("SlideView", "Input and output pictures"))
        self.setToolTip(translate("SlideView", "Left: your drawing with its border of zero padding (tinted) and the "
                                  "kernel's window. Right: the output map, filled in as the window slides."))

    def show_result(self, result: Sandbox, position: int, veiled: bool = True) -> None:
        """The pictures for the window at ``position``; ``veiled``: the output cells after it are faint."""
        window = result.window(position)
        padded, output = result.padded, result.output
        top, left, bottom, right = result.image_box
        pads = result.setting.pads
        self.input_panel.set_title(translate("SlideView", "Input {h}×{w} + padding {pads} = {ph}×{pw}").format(
            h=bottom - top + 1, w=right - left + 1, pads=_pad_text(pads), ph=padded.shape[0], pw=padded.shape[1]))
        self.input_panel.show_values(padded, INPUT_MAP, (0.0, max(1.0, float(padded.max()))))
        overlay = np.zeros((*padded.shape, 4), dtype=np.uint8)  # (H', W', RGBA)
        overlay[:, :] = PADDING_TINT
        overlay[top : bottom + 1, left : right + 1] = 0
        overlay[np.ix_(window.rows, window.cols)] = _rgba(HIGHLIGHT, TAP_ALPHA)
        self.input_panel.show_overlay(overlay)
        self.input_panel.outline("region", *window.box)

        self.output_panel.set_title(translate("SlideView", "Output map {h}×{w} · cell ({row}, {col}) = "
                                              "{value:.2f}").format(h=output.shape[0], w=output.shape[1],
                                                                    row=window.row + 1, col=window.col + 1,
                                                                    value=window.value))
        self.output_panel.show_values(output, DIVERGING_MAP, value_range(output, signed=True))
        veil = np.zeros((*output.shape, 4), dtype=np.uint8)  # (OH, OW, RGBA)
        later = np.arange(output.size).reshape(output.shape) > window.row * output.shape[1] + window.col
        veil[later & veiled] = _rgba(palette().base, VEIL_ALPHA)
        self.output_panel.show_overlay(veil)
        self.output_panel.outline("cell", window.row, window.col, window.row, window.col)


def _pad_text(pads: tuple[int, int]) -> str:
    before, after = pads
    return (translate("SlideView", "{n} on each side").format(n=before) if before == after else
            translate("SlideView", "{before} before, {after} after").format(before=before, after=after))


def _rgba(colour: str, alpha: int) -> tuple[int, int, int, int]:
    c = QColor(colour)
    return c.red(), c.green(), c.blue(), alpha
