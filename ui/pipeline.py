"""The layer-by-layer pipeline: every stage's real output, a step-through, and the dimension table.

An overview strip shows each stage of the current ``Capture`` (feature maps as a tile grid,
vectors as a strip); the focus panel enlarges the selected stage (or one channel of it) with its
colour scale and caption. Images are updated in place, so live drawing stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QEvent, Qt, QTimer, pyqtSignal
from PyQt6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnnviz.introspect import Capture, Stage
from cnnviz.introspect.mosaic import TileGrid, grid_for, tile_maps, wrap_vector
from ui.colormaps import ACTIVATION_MAP, INPUT_MAP, colorize, colormap, map_for, scale_bar
from ui.map_view import PictureItem, image_view_box, is_palette_change, palette_colours
from ui.theme import HIGHLIGHT

GAP = "#9a9aa2"  # colour between tiles: visible on light and dark palettes
SMALL_VECTOR = 16  # vectors up to this long get their values written in the focus view
MAX_LABELLED_MAPS = 32  # stages with up to this many maps get each tile numbered in the focus view


@dataclass(frozen=True)
class StagePicture:
    """A stage's output laid out as one 2-D picture, and how to read a pixel of it back."""

    values: np.ndarray  # 2-D, NaN between tiles
    grid: TileGrid | None  # tile layout for feature maps; None for vectors
    length: int  # number of values in a vector stage
    cmap: str
    levels: tuple[float, float]

    def describe(self, row: int, col: int) -> tuple[int | None, str] | None:
        """(channel or None, readable value) at a pixel of the picture; None between tiles."""
        if self.grid is None:
            index = row * self.values.shape[1] + col
            if index >= self.length:
                return None
            return None, f"[{index}] = {self.values[row, col]:.3f}"
        found = self.grid.locate(row, col)
        if found is None:
            return None
        channel, y, x = found
        return channel, f"map {channel} ({y}, {x}) = {self.values[row, col]:.3f}"


def stage_picture(stage: Stage, channel: int | None = None) -> StagePicture:
    """Lay out ``stage`` (or one of its channels) with a colour map and a scale shared by all tiles."""
    out = stage.output
    if stage.kind == "input":
        cmap, levels = INPUT_MAP, (0.0, 1.0)
    elif stage.kind == "softmax":
        cmap, levels = ACTIVATION_MAP, (0.0, 1.0)
    else:
        cmap, levels = map_for(out)
    if out.ndim == 3:
        maps = out if channel is None else out[channel : channel + 1]
        grid = grid_for(maps.shape[0], maps.shape[1], maps.shape[2])
        return StagePicture(tile_maps(maps, grid), grid, 0, cmap, levels)
    return StagePicture(wrap_vector(out), None, int(out.size), cmap, levels)


def shape_text(shape: tuple[int, ...]) -> str:
    return " × ".join(str(s) for s in shape)


class PipelineView(QWidget):
    """Overview of all stages, step-through controls, the enlarged stage, caption and dimension table."""

    stage_selected = pyqtSignal(int)
    channel_selected = pyqtSignal(object)  # the enlarged map's index, or None for all maps

    def __init__(self, background: str = "#ffffff", parent: QWidget | None = None):
        super().__init__(parent)
        self.background = background
        self.capture: Capture | None = None
        self.current = 0
        self.channel: int | None = None
        self._signature: tuple[tuple[str, tuple[int, ...]], ...] = ()
        self._boxes: list[pg.ViewBox] = []
        self._titles: list[pg.LabelItem] = []
        self._items: list[PictureItem] = []
        self._focus_picture: StagePicture | None = None
        self._focus_look: tuple[object, ...] = ()  # (colour map, image shape, channel) the focus view is fitted to
        self._channel_labels: list[pg.TextItem] = []
        self._value_texts: list[pg.TextItem] = []
        self._styled: int | None = None  # the stage whose overview tile is drawn as selected
        self.text_colour = palette_colours(self)[1]  # titles follow the palette, not pyqtgraph's default grey

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        self.overview = pg.GraphicsLayoutWidget()
        self.overview.setBackground(background)
        self.overview.setMinimumHeight(120)
        self.overview.setMaximumHeight(150)
        self.overview.setToolTip("Every stage of the network on the current input. Click a stage to enlarge it, or one "
                                 "of its maps to enlarge that map.")
        layout.addWidget(self.overview)

        controls = QHBoxLayout()
        self.prev_button = QPushButton("◀ Previous")
        self.next_button = QPushButton("Next ▶")
        self.play_button = QPushButton("Play")
        self.play_button.setCheckable(True)
        for b, tip in ((self.prev_button, "Previous stage (←)"), (self.next_button, "Next stage (→)"),
                       (self.play_button, "Step through every stage automatically")):
            b.setToolTip(tip)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep ←/→ for stepping
        self.pace = QDoubleSpinBox()
        self.pace.setRange(0.3, 10.0)
        self.pace.setSingleStep(0.5)
        self.pace.setValue(2.0)
        self.pace.setSuffix(" s per stage")
        self.pace.setToolTip("How long Play stays on each stage")
        self.step_label = QLabel()
        self.step_label.setStyleSheet("font-weight: bold;")
        self.all_channels_button = QPushButton("Show all maps")
        self.all_channels_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.all_channels_button.hide()
        controls.addWidget(self.prev_button)
        controls.addWidget(self.next_button)
        controls.addWidget(self.play_button)
        controls.addWidget(self.pace)
        controls.addSpacing(12)
        controls.addWidget(self.step_label, 1)
        controls.addWidget(self.all_channels_button)
        layout.addLayout(controls)

        self.focus = pg.GraphicsLayoutWidget()
        self.focus.setBackground(background)
        self.focus.setMinimumHeight(200)
        self.focus_title = self.focus.addLabel("", row=0, col=0, colspan=2, size="11pt")
        self.focus_box = image_view_box()
        self.focus.addItem(self.focus_box, row=1, col=0)
        self.focus_item = PictureItem()
        self.focus_item.on_hover = self._on_focus_hover
        self.focus_item.on_click = self._on_focus_click
        self.focus_box.addItem(self.focus_item)
        self.focus_bar = scale_bar(ACTIVATION_MAP, (0.0, 1.0))
        self.focus.addItem(self.focus_bar, row=1, col=1)
        self.focus_row = QHBoxLayout()  # the focus view, and room beside it for a companion panel
        self.focus_row.addWidget(self.focus, 1)
        layout.addLayout(self.focus_row, 1)

        self.readout = QLabel("Hover over the maps to read their values; click a map to enlarge it.")
        self.readout.setStyleSheet("color: palette(text);")
        layout.addWidget(self.readout)

        bottom = QHBoxLayout()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.caption.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.caption.setStyleSheet("font-size: 11pt;")
        self.caption.setMinimumHeight(60)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Stage", "Output shape", "Parameters"])
        self.table.verticalHeader().hide()  # type: ignore[union-attr]
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        assert header is not None
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.table.verticalHeader().setDefaultSectionSize(20)  # type: ignore[union-attr]
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setFixedSize(330, 215)
        self.table.cellClicked.connect(lambda row, _col: self.select_stage(row))
        bottom.addWidget(self.caption, 1)
        bottom.addWidget(self.table)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.timeout.connect(self._advance)
        self.prev_button.clicked.connect(self.previous_stage)
        self.next_button.clicked.connect(self.next_stage)
        self.play_button.toggled.connect(self.set_playing)
        self.pace.valueChanged.connect(lambda s: self._timer.setInterval(int(s * 1000)))
        self.all_channels_button.clicked.connect(lambda: self.select_channel(None))
        self.show_capture(None)

    # -- public API ----------------------------------------------------------------------------
    @property
    def stage_count(self) -> int:
        return len(self.capture.stages) if self.capture is not None else 0

    @property
    def current_stage(self) -> Stage | None:
        if self.capture is None or not self.capture.stages:
            return None
        return self.capture.stages[self.current]

    def show_capture(self, capture: Capture | None, empty_message: str = "") -> None:
        """Show a new capture, keeping the selected stage and channel (None: show ``empty_message``)."""
        self.capture = capture
        if capture is None:
            self._show_empty(empty_message or "Draw a digit — every stage of the network will appear here.")
            return
        signature = tuple((s.name, s.shape) for s in capture.stages)
        if signature != self._signature:
            self._build(capture)
            self._signature = signature
            self.current = min(self.current, len(capture.stages) - 1)
            self.channel = None
        for stage, item in zip(capture.stages, self._items, strict=True):
            picture = stage_picture(stage)
            item.show_rgb(colorize(picture.values, picture.cmap, picture.levels, GAP))
        for i, stage in enumerate(capture.stages):
            self.table.item(i, 1).setText(shape_text(stage.shape))  # type: ignore[union-attr]
        self._show_focus()

    def select_stage(self, index: int) -> None:
        if self.capture is None:
            return
        index = max(0, min(index, len(self.capture.stages) - 1))
        if index != self.current:
            self.channel = None
        self.current = index
        self._show_focus()
        self.stage_selected.emit(index)

    def select_channel(self, channel: int | None) -> None:
        stage = self.current_stage
        if stage is None or stage.output.ndim != 3:
            channel = None
        elif channel is not None:
            channel = max(0, min(channel, stage.output.shape[0] - 1))
        self.channel = channel
        self._show_focus()
        self.channel_selected.emit(channel)

    def next_stage(self) -> bool:
        if self.capture is None or self.current >= self.stage_count - 1:
            return False
        self.select_stage(self.current + 1)
        return True

    def previous_stage(self) -> bool:
        if self.capture is None or self.current <= 0:
            return False
        self.select_stage(self.current - 1)
        return True

    def set_playing(self, playing: bool) -> None:
        """Play steps through the stages at the chosen pace, from the start when at the end."""
        if playing and self.capture is None:
            playing = False
        if playing:
            if self.current >= self.stage_count - 1:
                self.select_stage(0)
            self._timer.start(int(self.pace.value() * 1000))
        else:
            self._timer.stop()
        if self.play_button.isChecked() != playing:
            self.play_button.setChecked(playing)
        self.play_button.setText("Pause" if playing else "Play")

    @property
    def is_playing(self) -> bool:
        return self._timer.isActive()

    def changeEvent(self, event: QEvent | None) -> None:
        super().changeEvent(event)
        if is_palette_change(event):
            self.text_colour = palette_colours(self)[1]
            self._styled = None
            self.focus_title.setText(self.focus_title.text, color=self.text_colour)
            self._show_focus()

    # -- internals -----------------------------------------------------------------------------
    def _advance(self) -> None:
        if not self.next_stage():
            self.set_playing(False)

    def _build(self, capture: Capture) -> None:
        self.overview.clear()
        self._styled = None
        self._boxes, self._titles, self._items = [], [], []
        for i, stage in enumerate(capture.stages):
            title = self.overview.addLabel(stage.title, row=0, col=i, size="9pt", color=self.text_colour)
            box = image_view_box(border=GAP)
            item = PictureItem()
            item.on_click = lambda r, c, i=i: self._on_overview_click(i, r, c)
            box.addItem(item)
            self.overview.addItem(box, row=1, col=i)
            self._titles.append(title)
            self._boxes.append(box)
            self._items.append(item)
        self.table.setRowCount(len(capture.stages) + 1)
        for i, stage in enumerate(capture.stages):
            for col, text in enumerate((stage.title, shape_text(stage.shape), f"{stage.parameters:,}")):
                cell = QTableWidgetItem(text)
                if col == 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, cell)
        total = sum(s.parameters for s in capture.stages)
        last = len(capture.stages)
        for col, text in enumerate(("Total", "", f"{total:,}")):
            cell = QTableWidgetItem(text)
            font = cell.font()
            font.setBold(True)
            cell.setFont(font)
            if col == 2:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(last, col, cell)
        self._fit_table()

    def _fit_table(self) -> None:
        """Size the table to its content so no number is cut off (up to 11 rows before it scrolls)."""
        table = self.table
        header = table.horizontalHeader()
        assert header is not None
        header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        rows = table.rowCount()
        scroll = rows > 11
        bar = table.verticalScrollBar()
        extra = bar.sizeHint().width() if scroll and bar is not None else 0
        table.setFixedSize(header.length() + 2 * table.frameWidth() + extra + 12,
                           header.height() + min(rows, 11) * 20 + 2 * table.frameWidth() + 2)

    def _show_empty(self, message: str) -> None:
        self.overview.clear()
        self._signature = ()
        self._boxes, self._titles, self._items = [], [], []
        self.overview.addLabel(message, size="12pt", color=self.text_colour)
        self.focus_item.clear()
        self._focus_look = ()
        self._clear_value_texts()
        self.focus_title.setText("")
        self.caption.setText("")
        self.table.setRowCount(0)
        self.step_label.setText("")
        self.all_channels_button.hide()
        self.set_playing(False)

    def _show_focus(self) -> None:
        stage = self.current_stage
        if stage is None:
            return
        if self._styled != self.current:  # restyling every title costs more than a frame's drawing: only on change
            for i, (box, title) in enumerate(zip(self._boxes, self._titles, strict=True)):
                selected = i == self.current
                box.setBorder(pg.mkPen(HIGHLIGHT if selected else GAP, width=3 if selected else 1))
                title.setText(self.capture.stages[i].title if self.capture else "",
                              bold=selected, color=HIGHLIGHT if selected else self.text_colour)
            self._styled = self.current
        picture = stage_picture(stage, self.channel)
        self._focus_picture = picture
        rgb = colorize(picture.values, picture.cmap, picture.levels, GAP)
        self.focus_item.show_rgb(rgb)
        look = (picture.cmap, rgb.shape, self.channel)
        if look != self._focus_look:  # re-fit and re-label only when the picture's kind changes
            self.focus_bar.setColorMap(colormap(picture.cmap))
            self.focus_box.autoRange(padding=0.02, items=[self.focus_item])  # fit the picture, not its labels
            self._label_channels(picture)
            self._focus_look = look
        self.focus_bar.setLevels(values=picture.levels)
        self._write_values(stage, picture, rgb)
        what = f"{stage.title} — map {self.channel}" if self.channel is not None else stage.title
        focus_text = f"{what} · output {shape_text(stage.shape)}"
        if focus_text != self.focus_title.text:
            self.focus_title.setText(focus_text, color=self.text_colour)
        self.caption.setText(f"<b>{stage.title}.</b> {stage.caption}")
        self.step_label.setText(f"Stage {self.current + 1} of {self.stage_count}: {stage.title}")
        self.all_channels_button.setVisible(self.channel is not None)
        self.table.selectRow(self.current)
        self.prev_button.setEnabled(self.current > 0)
        self.next_button.setEnabled(self.current < self.stage_count - 1)

    def _label_channels(self, picture: StagePicture) -> None:
        """Number the tiles of the enlarged stage, so "map 5" in the readout can be found on screen."""
        for label in self._channel_labels:
            self.focus_box.removeItem(label)
        self._channel_labels = []
        grid = picture.grid
        if grid is None or self.channel is not None or grid.count < 2 or grid.count > MAX_LABELLED_MAPS:
            return
        for c in range(grid.count):
            y, x = grid.origin(c)
            label = pg.TextItem(str(c), color="#ffffff", fill=pg.mkBrush(0, 0, 0, 140), anchor=(0, 0))
            label.setPos(x, y)
            self.focus_box.addItem(label)
            self._channel_labels.append(label)

    def _clear_value_texts(self) -> None:
        for text in self._value_texts:
            self.focus_box.removeItem(text)
        self._value_texts = []

    def _write_values(self, stage: Stage, picture: StagePicture, rgb: np.ndarray) -> None:
        """Short vectors (class scores, probabilities) get their class and value written on them."""
        self._clear_value_texts()
        if picture.grid is not None or picture.length > SMALL_VECTOR:
            return
        for i, v in enumerate(stage.output):
            luminance = float(rgb[0, i] @ np.array([0.299, 0.587, 0.114]))
            text = pg.TextItem(f"{i}\n{v:.2f}", color="#000000" if luminance > 140 else "#ffffff",
                               anchor=(0.5, 0.5))
            text.setPos(i + 0.5, 0.5)
            self.focus_box.addItem(text)
            self._value_texts.append(text)

    def _on_overview_click(self, index: int, row: int, col: int) -> None:
        """A click on a stage enlarges it; on one of its maps, enlarges that map straight away."""
        self.select_stage(index)
        stage = self.current_stage
        if stage is None or stage.output.ndim != 3 or stage.output.shape[0] < 2:
            return
        found = stage_picture(stage).describe(row, col)
        if found is not None and found[0] is not None:
            self.select_channel(found[0])

    def _on_focus_hover(self, row: int, col: int) -> None:
        if self._focus_picture is None or (found := self._focus_picture.describe(row, col)) is None:
            return
        _channel, text = found
        if self.channel is not None:
            text = text.replace("map 0", f"map {self.channel}", 1)
        self.readout.setText(text)

    def _on_focus_click(self, row: int, col: int) -> None:
        if self._focus_picture is None or (found := self._focus_picture.describe(row, col)) is None:
            return
        channel, _ = found
        if channel is not None and self.channel is None:
            self.select_channel(channel)


__all__ = ["PipelineView", "StagePicture", "shape_text", "stage_picture"]
