"""The enlarged stage (or one map of it): the picture, its colour bar, and which colour scale it uses."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cnnviz.introspect import Stage
from ui.colormaps import ACTIVATION_MAP, colormap, scale_bar
from ui.draw.stage_picture import StagePicture, picture_rgb
from ui.i18n import number_text, translate
from ui.theme import IMAGE_GAP, LABEL_PLATE, ON_IMAGE_TEXT, palette, text_on
from ui.widgets.picture import PictureItem, image_view_box

MAX_LABELLED_MAPS = 32  # stages with up to this many maps get each tile numbered


class FocusView(QWidget):
    """``show_stage(stage, picture, title, one_map)`` draws in place; tile numbers and short-vector values on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.plot = pg.GraphicsLayoutWidget()
        self.plot.setMinimumHeight(150)
        self.plot.setAccessibleName(translate("FocusView", "Enlarged stage"))
        self.plot.setAccessibleDescription(translate("FocusView", "The chosen stage's maps, enlarged: hover to read a "
                                                     "value, click a map to enlarge it on its own"))
        self.title = self.plot.addLabel("", row=0, col=0, colspan=2, size="11pt")
        self.box = image_view_box()
        self.plot.addItem(self.box, row=1, col=0)
        self.item = PictureItem()
        self.box.addItem(self.item)
        self.bar = scale_bar(ACTIVATION_MAP, (0.0, 1.0))
        self.plot.addItem(self.bar, row=1, col=1)
        layout.addWidget(self.plot, 1)
        self.scale_label = QLabel()  # which colour scale the bar is: said next to it, in words
        self.scale_label.setWordWrap(True)
        layout.addWidget(self.scale_label)
        self.picture: StagePicture | None = None
        self._look: tuple[object, ...] = ()  # (colour map, image shape, first channel) the view is fitted to
        self._tile_labels: list[pg.TextItem] = []
        self._value_labels: list[pg.TextItem] = []

    def tile_labels(self) -> list[str]:
        """The numbers written on the tiles (maps counted from 1)."""
        return [label.toPlainText() for label in self._tile_labels]

    def value_labels(self) -> list[pg.TextItem]:
        """The values written on a short vector's cells."""
        return list(self._value_labels)

    def show_stage(self, stage: Stage, picture: StagePicture, title: str, one_map: bool) -> None:
        self.picture = picture
        rgb = picture_rgb(picture, IMAGE_GAP)
        self.item.show_rgb(rgb)
        look = (picture.cmap, rgb.shape, picture.first_channel, one_map)
        if look != self._look:  # re-fit and re-label only when the picture's kind changes
            self.bar.setColorMap(colormap(picture.cmap))
            self.box.autoRange(padding=0.02, items=[self.item])  # fit the picture, not its labels
            self._label_tiles(picture, one_map)
            self._look = look
        self.bar.setLevels(values=picture.levels)
        self._write_values(stage, picture, rgb)
        if title != self.title.text:
            self.title.setText(title, color=palette().text)
        if self.scale_label.text() != picture.scale_note:
            self.scale_label.setText(picture.scale_note)
        self.scale_label.setVisible(bool(picture.scale_note))

    def clear(self) -> None:
        self.item.clear()
        self.picture = None
        self._look = ()
        self._clear_values()
        self.title.setText("")
        self.scale_label.setText("")

    def restyle(self) -> None:
        self.title.setText(self.title.text, color=palette().text)

    def _label_tiles(self, picture: StagePicture, one_map: bool) -> None:
        """Number the tiles (from 1), so "map 5" in the readout can be found on screen."""
        for label in self._tile_labels:
            self.box.removeItem(label)
        self._tile_labels = []
        grid = picture.grid
        if grid is None or one_map or grid.count < 2 or grid.count > MAX_LABELLED_MAPS:
            return
        for c in range(grid.count):
            y, x = grid.origin(c)
            label = pg.TextItem(str(picture.first_channel + c + 1), color=ON_IMAGE_TEXT,
                                fill=pg.mkBrush(*LABEL_PLATE), anchor=(0, 0))
            label.setPos(x, y)
            self.box.addItem(label)
            self._tile_labels.append(label)

    def _clear_values(self) -> None:
        for text in self._value_labels:
            self.box.removeItem(text)
        self._value_labels = []

    def _write_values(self, stage: Stage, picture: StagePicture, rgb: np.ndarray) -> None:
        """Short vectors (class scores, probabilities) get their class and value written on each cell."""
        self._clear_values()
        if picture.grid is not None or picture.length == 0 or picture.length > 16:
            return
        cols = picture.values.shape[1]
        for i, v in enumerate(np.asarray(stage.output).ravel()):
            r, c = divmod(i, cols)
            cell = tuple(int(x) for x in rgb[r, c])
            text = pg.TextItem(number_text(f"{i}\n{v:.2f}"), color=text_on(cell), anchor=(0.5, 0.5))  # type: ignore[arg-type]
            text.setPos(c + 0.5, r + 0.5)
            self.box.addItem(text)
            self._value_labels.append(text)
