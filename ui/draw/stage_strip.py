"""The overview strip: every stage of the current capture side by side, each one clickable."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import QWidget

from cnnviz.introspect import Capture
from ui.draw.stage_picture import picture_rgb, stage_picture
from ui.i18n import translate, worded
from ui.theme import HIGHLIGHT, IMAGE_GAP, palette
from ui.widgets.picture import PictureItem, image_view_box


class StageStrip(pg.GraphicsLayoutWidget):
    """One small picture per stage; ``stage_clicked(index, row, col)`` when a stage's pixel is clicked."""

    stage_clicked = pyqtSignal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(90)
        self.setMaximumHeight(150)
        self.setAccessibleName(translate("StageStrip", "Every stage of the network"))
        self.setToolTip(translate("StageStrip", "Every stage of the network on the current input. Click a stage to "
                                  "enlarge it, or one of its maps to enlarge that map."))
        self.signature: tuple[tuple[str, tuple[int, ...]], ...] = ()
        self.boxes: list[pg.ViewBox] = []
        self.titles: list[pg.LabelItem] = []
        self.items: list[PictureItem] = []
        self._selected: int | None = None

    def pictures(self) -> list[np.ndarray]:
        """The RGB picture shown for each stage (what a user sees in the strip)."""
        return [item.image for item in self.items]

    def show_capture(self, capture: Capture, scale: str) -> bool:
        """Draw every stage in place; rebuilds (and returns True) only when the stages' shapes changed."""
        signature = tuple((s.name, s.shape) for s in capture.stages)
        rebuilt = signature != self.signature
        if rebuilt:
            self._build(capture)
            self.signature = signature
        for stage, item in zip(capture.stages, self.items, strict=True):
            picture = stage_picture(stage, scale=scale, thumbnail=True)  # a page of maps, each at most 28 px
            item.show_rgb(picture_rgb(picture, IMAGE_GAP))
        return rebuilt

    def show_message(self, text: str) -> None:
        self.clear()
        self.signature = ()
        self.boxes, self.titles, self.items = [], [], []
        self.addLabel(text, size="12pt", color=palette().text)

    def select(self, index: int | None, titles: list[str]) -> None:
        """Mark stage ``index`` as the enlarged one (None: redraw every title, e.g. after a palette switch)."""
        if index is not None and index == self._selected:
            return  # restyling every title costs more than a frame's drawing: only on change
        for i, (box, title) in enumerate(zip(self.boxes, self.titles, strict=True)):
            selected = i == index
            box.setBorder(pg.mkPen(HIGHLIGHT if selected else IMAGE_GAP, width=3 if selected else 1))
            title.setText(titles[i], bold=selected, color=palette().text)  # the orange border marks it: text
            # in HIGHLIGHT would read at under 2:1 on the light background
        self._selected = index

    def forget_selection(self) -> None:
        self._selected = None

    def _build(self, capture: Capture) -> None:
        self.clear()
        self._selected = None
        self.boxes, self.titles, self.items = [], [], []
        for i, stage in enumerate(capture.stages):
            title = self.addLabel(worded(stage.title), row=0, col=i, size="9pt", color=palette().text)
            box = image_view_box(border=IMAGE_GAP)
            item = PictureItem()
            item.sigClicked.connect(lambda r, c, i=i: self.stage_clicked.emit(i, r, c))
            box.addItem(item)
            self.addItem(box, row=1, col=i)
            self.titles.append(title)
            self.boxes.append(box)
            self.items.append(item)
