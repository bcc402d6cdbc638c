"""One kernel enlarged: each weight a big square with its value written on it (conv2's weights are
drawn ~4 px wide in the cards; this is where they can be read)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QPointF
from PyQt6.QtWidgets import QWidget

from ui.colormaps import DIVERGING_MAP, colorize
from ui.i18n import number_text, translate
from ui.theme import IMAGE_GAP, palette, text_on
from ui.widgets.picture import PictureItem, image_view_box


class KernelView(pg.GraphicsLayoutWidget):
    """``show_kernel(kernel, levels, title)``: the weights on the layer's diverging scale, numbers on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(160, 180)
        self.title = self.addLabel("", row=0, col=0, size="9pt")
        self.box = image_view_box()
        self.addItem(self.box, row=1, col=0)
        self.item = PictureItem()
        self.box.addItem(self.item)
        self.kernel: np.ndarray | None = None
        self.name = ""  # whose kernel it is, on one line, e.g. "conv2 filter 6 from map 1"
        self._numbers: list[pg.TextItem] = []
        self.setAccessibleName(translate("KernelView", "Enlarged kernel"))
        self.setToolTip(translate("KernelView", "The weights of the kernel you pointed at, enlarged (blue negative, "
                                  "red positive)"))

    def weight_size(self) -> float:
        """On-screen width of one weight's square, in pixels."""
        a = self.box.mapViewToDevice(QPointF(0, 0))
        b = self.box.mapViewToDevice(QPointF(1, 0))
        return 0.0 if a is None or b is None else abs(b.x() - a.x())

    def show_kernel(self, kernel: np.ndarray, levels: tuple[float, float], title: str) -> None:
        """``title``: whose kernel it is, a newline where its second line starts (``FilterCards.kernel_name``)."""
        name = title.replace("\n", " ")
        if self.kernel is not None and np.array_equal(kernel, self.kernel) and name == self.name:
            return
        self.name = name
        resized = self.kernel is None or self.kernel.shape != kernel.shape
        self.kernel = kernel.copy()
        rgb = colorize(kernel, DIVERGING_MAP, levels, IMAGE_GAP)
        self.item.show_rgb(rgb)
        self.title.setText(title.replace("\n", "<br>"), color=palette().text)  # two short lines fit
        for text in self._numbers:
            self.box.removeItem(text)
        self._numbers = []
        for (r, c), v in np.ndenumerate(kernel):
            cell = tuple(int(x) for x in rgb[r, c])
            text = pg.TextItem(number_text(f"{v:+.2f}"), color=text_on(cell), anchor=(0.5, 0.5))  # type: ignore[arg-type]
            text.setPos(c + 0.5, r + 0.5)
            self.box.addItem(text)
            self._numbers.append(text)
        if resized:
            self.box.autoRange(padding=0.02, items=[self.item])

    def restyle(self) -> None:
        self.title.setText(self.title.text, color=palette().text)
