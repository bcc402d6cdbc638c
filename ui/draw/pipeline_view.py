"""The layer-by-layer pipeline: the overview strip, step-through controls, the enlarged stage, its caption
and the dimension table. Pictures are updated in place, so live drawing stays fast.
"""

from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, pyqtSignal
from PyQt6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cnnviz.introspect import Capture, Stage
from ui.draw.dimension_table import fill_dimensions, make_dimension_table
from ui.draw.focus_view import FocusView
from ui.draw.stage_caption import stage_caption
from ui.draw.stage_picture import MAX_MAPS, page_count, stage_picture
from ui.draw.stage_strip import StageStrip
from ui.i18n import translate, worded
from ui.widgets.fonts import emphasize

READOUT_HINT = QT_TRANSLATE_NOOP("PipelineView", "Hover over the maps to read their values (maps, rows and columns "
                                 "counted from 1, from the top left); click a map to enlarge it.")


class PipelineView(QWidget):
    """Overview of all stages, step-through controls, the enlarged stage, caption and dimension table."""

    stage_selected = pyqtSignal(int)
    channel_selected = pyqtSignal(object)  # the enlarged map's index (0-based), or None for all maps

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.capture: Capture | None = None
        self.current = 0
        self.channel: int | None = None
        self.page = 0  # which MAX_MAPS maps of a wide stage are shown
        self.map_scale = "stage"
        self.switched_off: dict[str, list[int]] = {}  # stage -> maps switched off (from 0), said in the caption
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.strip = StageStrip()
        layout.addWidget(self.strip)

        controls = QHBoxLayout()
        self.prev_button = QPushButton(translate("PipelineView", "◀ Previous"))
        self.next_button = QPushButton(translate("PipelineView", "Next ▶"))
        self.play_button = QPushButton(translate("PipelineView", "Play"))
        self.play_button.setCheckable(True)
        self.all_channels_button = QPushButton(translate("PipelineView", "Show all maps"))
        for b, tip in ((self.prev_button, translate("PipelineView", "Previous stage (←)")),
                       (self.next_button, translate("PipelineView", "Next stage (→)")),
                       (self.play_button, translate("PipelineView", "Step through every stage automatically")),
                       (self.all_channels_button, translate("PipelineView", "Back to every map of this stage"))):
            b.setToolTip(tip)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep ←/→ for stepping
        self.all_channels_button.hide()
        self.page_prev = QPushButton("◀")
        self.page_next = QPushButton("▶")
        self.page_label = QLabel()
        for b, name, tip in (
                (self.page_prev, translate("PipelineView", "Previous maps"),
                 translate("PipelineView", "The previous {n} maps of this stage").format(n=MAX_MAPS)),
                (self.page_next, translate("PipelineView", "Next maps"),
                 translate("PipelineView", "The next {n} maps of this stage").format(n=MAX_MAPS))):
            b.setAccessibleName(name)  # the arrow alone says nothing to a screen reader
            b.setToolTip(tip)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setFixedWidth(32)
        self.pace = QDoubleSpinBox()
        self.pace.setRange(0.3, 10.0)
        self.pace.setSingleStep(0.5)
        self.pace.setSuffix(translate("PipelineView", " s/stage"))
        self.pace.setAccessibleName(translate("PipelineView", "Pace"))
        self.pace.setToolTip(translate("PipelineView", "How long Play stays on each stage (seconds)"))
        self.step_label = QLabel()
        emphasize(self.step_label)
        self.step_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for w in (self.prev_button, self.next_button, self.play_button, self.pace):
            controls.addWidget(w)
        controls.addWidget(self.step_label, 1)
        for page_widget in (self.page_prev, self.page_label, self.page_next):
            controls.addWidget(page_widget)
            page_widget.hide()  # only for stages with more than MAX_MAPS maps
        controls.addWidget(self.all_channels_button)
        layout.addLayout(controls)

        self.focus = FocusView()
        self.focus_row = QHBoxLayout()  # the focus view, and room beside it for a companion panel
        self.focus_row.addWidget(self.focus, 1)
        layout.addLayout(self.focus_row, 3)
        self.readout = QLabel(translate("PipelineView", READOUT_HINT))
        self.readout.setWordWrap(True)
        layout.addWidget(self.readout)

        bottom = QSplitter(Qt.Orientation.Horizontal)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.caption.setMinimumWidth(200)
        self.table = make_dimension_table()
        self.table.cellClicked.connect(lambda row, _col: self.select_stage(row) if row < self.stage_count else None)
        bottom.addWidget(self.caption)
        bottom.addWidget(self.table)
        bottom.setStretchFactor(0, 1)
        bottom.setChildrenCollapsible(False)
        layout.addWidget(bottom, 1)

        self._timer = QTimer(self)
        self._timer.timeout.connect(self._advance)
        self.prev_button.clicked.connect(self.previous_stage)
        self.next_button.clicked.connect(self.next_stage)
        self.play_button.toggled.connect(self.set_playing)
        self.pace.valueChanged.connect(lambda s: self._timer.setInterval(int(s * 1000)))
        self.all_channels_button.clicked.connect(lambda: self.select_channel(None))
        self.page_prev.clicked.connect(lambda: self.show_page(self.page - 1))
        self.page_next.clicked.connect(lambda: self.show_page(self.page + 1))
        self.strip.stage_clicked.connect(self._on_strip_click)
        self.focus.item.sigHovered.connect(self.show_value_at)
        self.focus.item.sigClicked.connect(self._on_focus_click)
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
            self._show_empty(empty_message or translate("PipelineView", "Draw a digit — every stage of the network "
                                                        "will appear here."))
            return
        if self.strip.show_capture(capture, self.map_scale):
            self.current = min(self.current, len(capture.stages) - 1)
            self.channel = None
            fill_dimensions(self.table, capture)
        self._show_focus()

    def set_map_scale(self, scale: str) -> None:
        """"stage": one colour scale per stage; "map": each map on its own scale."""
        if scale != self.map_scale:
            self.map_scale = scale
            if self.capture is not None:
                self.show_capture(self.capture)

    def restyle(self) -> None:
        self.strip.forget_selection()
        self.focus.restyle()
        if self.capture is not None:
            self._show_focus()

    def select_stage(self, index: int) -> None:
        if self.capture is None:
            return
        index = max(0, min(index, len(self.capture.stages) - 1))
        if index != self.current:
            self.channel = None
            self.page = 0
            # a value read on another stage would be misleading here
            self.readout.setText(translate("PipelineView", READOUT_HINT))
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

    def show_page(self, page: int) -> None:
        """Show maps ``page·MAX_MAPS`` … of the current stage (a stage of 2,000 channels, 64 at a time)."""
        stage = self.current_stage
        if stage is None:
            return
        self.page = max(0, min(page, page_count(stage) - 1))
        self._show_focus()

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
        playing = playing and self.capture is not None
        if playing:
            if self.current >= self.stage_count - 1:
                self.select_stage(0)
            self._timer.start(int(self.pace.value() * 1000))
        else:
            self._timer.stop()
        if self.play_button.isChecked() != playing:
            self.play_button.setChecked(playing)
        self.play_button.setText(translate("PipelineView", "Pause") if playing else translate("PipelineView", "Play"))

    @property
    def is_playing(self) -> bool:
        return self._timer.isActive()

    def show_value_at(self, row: int, col: int) -> str:
        """The readout for pixel (row, col) of the enlarged picture (what hovering there shows)."""
        picture = self.focus.picture
        if picture is None or (found := picture.describe(row, col)) is None:
            return ""
        self.readout.setText(found[1])
        return found[1]

    # -- internals -----------------------------------------------------------------------------
    def _advance(self) -> None:
        if not self.next_stage():
            self.set_playing(False)

    def _show_empty(self, message: str) -> None:
        self.strip.show_message(message)
        self.focus.clear()
        self.caption.setText("")
        self.table.setRowCount(0)
        self.step_label.setText("")
        self.all_channels_button.hide()
        self.set_playing(False)

    def _show_focus(self) -> None:
        stage, capture = self.current_stage, self.capture
        if stage is None or capture is None:
            return
        self.strip.select(self.current, [worded(s.title) for s in capture.stages])
        pages = page_count(stage)
        self.page = min(self.page, pages - 1)
        picture = stage_picture(stage, self.channel, self.map_scale, self.page)
        what = (translate("PipelineView", "{stage} — map {n}").format(stage=worded(stage.title), n=self.channel + 1)
                if self.channel is not None else worded(stage.title))
        self.focus.show_stage(stage, picture, what, self.channel is not None)  # the shape: in the table and caption
        caption = (stage_caption(stage, picture, pages, self.switched_off.get(stage.name, []))
                   if self.channel is None else f"<b>{worded(stage.title)}.</b> {worded(stage.caption)}")
        paged = pages > 1 and self.channel is None
        for page_widget in (self.page_prev, self.page_label, self.page_next):
            page_widget.setVisible(paged)
        if paged:
            first = self.page * MAX_MAPS
            self.page_label.setText(translate("PipelineView", "maps {first}–{last:,} of {n:,}").format(
                first=first + 1, last=min(first + MAX_MAPS, stage.output.shape[0]), n=stage.output.shape[0]))
            self.page_prev.setEnabled(self.page > 0)
            self.page_next.setEnabled(self.page < pages - 1)
        if caption != self.caption.text():
            self.caption.setText(caption)
        self.step_label.setText(translate("PipelineView", "Stage {i} of {n}: {title}").format(
            i=self.current + 1, n=self.stage_count, title=worded(stage.title)))
        self.step_label.setToolTip(self.step_label.text())
        self.all_channels_button.setVisible(self.channel is not None)
        self.table.selectRow(self.current)
        self.prev_button.setEnabled(self.current > 0)
        self.next_button.setEnabled(self.current < self.stage_count - 1)

    def _on_strip_click(self, index: int, row: int, col: int) -> None:
        """A click on a stage enlarges it; on one of its maps, enlarges that map straight away."""
        self.select_stage(index)
        stage = self.current_stage
        if stage is None or stage.output.ndim != 3 or stage.output.shape[0] < 2:
            return
        found = stage_picture(stage, thumbnail=True).describe(row, col)  # the strip's own layout
        if found is not None and found[0] is not None:
            self.select_channel(found[0])

    def _on_focus_click(self, row: int, col: int) -> None:
        picture = self.focus.picture
        if picture is None or (found := picture.describe(row, col)) is None:
            return
        if found[0] is not None and self.channel is None:
            self.select_channel(found[0])

