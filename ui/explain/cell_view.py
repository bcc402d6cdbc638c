"""Behind a number: click any cell of any map; its receptive field is outlined and its value broken down."""

from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, pyqtSignal
from PyQt6.QtGui import QKeyEvent
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from cnnviz.explain import CellRegion, DotProduct, cell_regions, dot_product_stages, explain_any_cell
from cnnviz.introspect import Capture, shape_text, strongest_cell
from cnnviz.introspect.describe import BRIGHTEST, STRONGEST, describe_map
from cnnviz.introspect.receptive_field import receptive_fields
from cnnviz.models.staged import StagedNet
from ui.colormaps import ACTIVATION_MAP, INPUT_MAP
from ui.explain.breakdown import COUNTING, HELP, BreakdownCanvas, Explanation, breakdown, cell_name
from ui.explain.cell_connections import PanelConnections
from ui.explain.common import export_button
from ui.i18n import translate, worded
from ui.widgets.image_panel import ImagePanel, ImageStrip
from ui.widgets.lazy import LazyPanel
from ui.widgets.status_label import StatusLabel

CELL_HELP = QT_TRANSLATE_NOOP("CellView", "Click any cell of any map: its receptive field — the part of each earlier "
                              "map and of the 28×28 input it can see — is outlined, and below is the arithmetic that "
                              "produced its value. Hover a cell to draw lines to the cells that feed it. Without a "
                              "mouse: click into the maps or Tab to them, then the arrow keys move the cell, Page "
                              "Up/Down go to the previous/next layer's map, and Enter explains it.")


def cell_help() -> str:
    """How to use the view, in the interface's language."""
    return translate("CellView", CELL_HELP) + " " + translate("Breakdown", COUNTING)


_MOVES: dict[int, tuple[int, int]] = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1),
                                      Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0)}


class CellView(LazyPanel):
    cell_explained = pyqtSignal()  # the breakdown and outlines for the selected cell are shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: StagedNet | None = None
        self.capture: Capture | None = None
        self.selection: tuple[str, int, int, int] | None = None  # stage, channel, row, col (from 0)
        self.explanation: Explanation | None = None
        self._regions: dict[tuple[str, int, int], list[CellRegion]] = {}
        self._sizes: dict[str, float] = {}

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.cell_help = QLabel(cell_help())
        self.cell_help.setWordWrap(True)
        top.addWidget(self.cell_help, 1)
        self.status = StatusLabel()
        self.status.hide()  # shown with a problem only
        top.addWidget(export_button(self, "cell", self._error))
        layout.addLayout(top)
        layout.addWidget(self.status)
        self.strip = ImageStrip(min_panel=110)
        self.strip.setMaximumHeight(260)
        self.strip.clicked.connect(lambda stage, r, c: self.select_cell(stage, self.channel_of(stage), r, c))
        self.strip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the maps take the arrow keys (see CELL_HELP)
        self.strip.setAccessibleName(translate("CellView", "Feature maps: arrow keys move the cell, Enter explains "
                                               "it"))
        self.strip.setToolTip(translate("CellView", "Click a cell to explain its value; hover a cell to draw lines to "
                                        "the cells that feed it"))
        self.strip.installEventFilter(self)
        self.key_position: tuple[str, int, int] | None = None  # the cell the keys are on: stage, row, col (from 0)
        layout.addWidget(self.strip, 2)
        self.map_text = QLabel()  # the maps in words (also the strip's accessible description)
        self.map_text.setWordWrap(True)
        self.map_text.setAccessibleName(translate("CellView", "The maps in words"))
        layout.addWidget(self.map_text)
        self.key_cell = QLabel()  # where the arrow keys are, before Enter explains it
        self.key_cell.setAccessibleName(translate("CellView", "The cell the arrow keys are on"))
        layout.addWidget(self.key_cell)
        self.connections = PanelConnections(self.strip)  # hovering a cell: lines to the cells that feed it
        self.spin_row = QHBoxLayout()
        layout.addLayout(self.spin_row)
        self.breakdown_text = QLabel(translate("Breakdown", HELP))
        self.breakdown_text.setWordWrap(True)
        self.breakdown_text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.breakdown_text)
        self.breakdown = BreakdownCanvas()
        scroll = QScrollArea()
        scroll.setWidget(self.breakdown)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(scroll, 4)
        self.stage_panels: dict[str, ImagePanel] = {}
        self.stage_channels: dict[str, QSpinBox] = {}

    def _error(self, message: str) -> None:
        self.status.say(message, error=True)
        self.status.show()

    @property
    def dot_product(self) -> DotProduct | None:
        return self.explanation if isinstance(self.explanation, DotProduct) else None

    # -- source ------------------------------------------------------------------------------------
    def set_source(self, model: StagedNet | None, capture: Capture | None) -> None:
        """A model and a capture made by it (or None); a new model starts over with its own maps."""
        if model is not self.model:
            self.model, self.selection, self._regions = model, None, {}
            fields = receptive_fields(model) if model is not None else []
            self._sizes = {f.stage: f.size for f in fields}
            self._rebuild(["input", *(f.stage for f in fields if f.spatial)] if model is not None else [])
        self.capture = capture
        self.mark_dirty()

    def _rebuild(self, stages: list[str]) -> None:
        self.connections.clear()
        self.strip.clear_panels()
        while self.spin_row.count():
            item = self.spin_row.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.stage_panels, self.stage_channels = {}, {}
        fc_only = self.model is not None and len(stages) == 1
        self.cell_help.setText(cell_help() if not fc_only else translate(
            "CellView", "{arch} has no feature maps: every neuron of a fully connected layer sees the whole image, "
            "so there is no receptive field or sliding dot product to show. Open a CNN to explore this view.").format(
            arch=self.model.arch))  # type: ignore[union-attr]
        for name in stages:
            panel = self.stage_panels[name] = self.strip.add_panel(name, name)
            panel.picture.sigHovered.connect(lambda r, c, name=name: self.show_connections(name, r, c))
            spin = QSpinBox()
            spin.setPrefix(translate("CellView", "{stage}: map ").format(stage=name))
            spin.setMinimum(1)
            spin.setToolTip(translate("CellView", "Which map of {stage} to show (counted from 1)").format(stage=name))
            spin.setAccessibleName(translate("CellView", "Map of {stage} shown").format(stage=name))
            spin.valueChanged.connect(lambda _v, name=name: self._on_channel_changed(name))
            self.stage_channels[name] = spin
            self.spin_row.addWidget(spin, 1)

    def show_connections(self, stage: str, row: int, col: int) -> int:
        """Hovering cell (row, col) of ``stage``'s map: lines to the cells of the earlier maps that feed it."""
        if self.model is None or self.capture is None or stage == "input":
            self.connections.clear()
            return 0
        size = self.capture.stages[0].shape[-1]
        return self.connections.show(self.model, self.stage_panels, stage, self.channel_of(stage), row, col, size)

    def channel_of(self, stage: str) -> int:
        """The shown map of ``stage``, counted from 0."""
        return self.stage_channels[stage].value() - 1

    # -- drawing -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        cap, model = self.capture, self.model
        if model is None or cap is None:  # an empty canvas: nothing to explain, nothing stale left
            for panel in self.stage_panels.values():
                panel.clear()
            self.breakdown.set_rows([])
            self.breakdown_text.setText(translate("Breakdown", HELP))
            self.map_text.setText("")
            self.strip.setAccessibleDescription("")
            self.explanation, self.key_position = None, None
            return
        self._show_stages(cap)
        if self.selection is None:
            convs = [s for s in dot_product_stages(model) if s in self.stage_panels]
            if convs:  # something to look at before the first click: the strongest cell of the last conv
                self.selection = (convs[-1], self.channel_of(convs[-1]),
                                  *strongest_cell(cap, convs[-1], self.channel_of(convs[-1])))
        if self.selection is not None:
            self.select_cell(*self.selection)

    def _show_stages(self, cap: Capture) -> None:
        words = []
        for name, panel in self.stage_panels.items():
            stage = cap.stage(name)
            spin = self.stage_channels[name]
            spin.blockSignals(True)
            spin.setMaximum(stage.shape[0])
            spin.setSuffix(translate("CellView", " of {n}").format(n=stage.shape[0]))
            spin.setEnabled(stage.shape[0] > 1)
            spin.blockSignals(False)
            panel.set_title(f"{worded(stage.title)} · {shape_text(stage.shape)}")
            is_input = name == "input"
            values = stage.output[self.channel_of(name)]
            panel.show_values(values, INPUT_MAP if is_input else ACTIVATION_MAP, (0.0, 1.0) if is_input else None)
            lead = BRIGHTEST if is_input else STRONGEST
            words.append(translate("CellView", "{stage}, map {n}: {description}.").format(
                stage=worded(stage.title), n=self.channel_of(name) + 1, description=worded(describe_map(values, lead))))
        self.map_text.setText("  ".join(words))
        self.strip.setAccessibleDescription(" ".join(words))

    def _on_channel_changed(self, stage: str) -> None:
        if self.capture is None or self.model is None:
            return
        self._show_stages(self.capture)
        if self.selection is not None and self.selection[0] == stage:
            _, _, row, col = self.selection
            self.select_cell(stage, self.channel_of(stage), row, col)

    def select_cell(self, stage: str, channel: int, row: int, col: int) -> None:
        """Outline the cell's receptive field on every earlier map and break its value down (all from 0)."""
        cap, model = self.capture, self.model
        if cap is None or model is None or stage not in self.stage_panels or stage == "input":
            return
        c, h, w = cap.stage(stage).output.shape
        if not (0 <= channel < c and 0 <= row < h and 0 <= col < w):
            return
        self.selection, self.key_position = (stage, channel, row, col), (stage, row, col)
        self.key_cell.setText("")
        if self.channel_of(stage) != channel:
            self.stage_channels[stage].setValue(channel + 1)  # redraws, then comes back here
            return
        for panel in self.stage_panels.values():
            panel.clear_outlines()
        self.stage_panels[stage].outline("cell", row, col, row, col)
        key = (stage, row, col)
        if key not in self._regions:  # geometry only: the same for every input, so kept per model
            self._regions[key] = cell_regions(model, stage, row, col, spec=cap.spec)
        for region in self._regions[key]:
            if region.stage in self.stage_panels:
                self.stage_panels[region.stage].outline("region", region.top, region.left, region.bottom,
                                                        region.right)
        names = [s.name for s in cap.stages]
        self.explanation = explain_any_cell(model, cap, stage, channel, row, col)
        rows, text = breakdown(self.explanation, names[names.index(stage) - 1], stage, channel, row, col)
        size = self._sizes.get(stage, 0.0)
        self.breakdown.set_rows(rows)
        shown = float(cap.stage(stage).output[channel, row, col])
        off = (translate("CellView", " This map is switched off (Draw & explore → Switch maps off), so the map shows "
                         "{shown:.3f}.").format(shown=shown) if shown == 0.0 and abs(self.explanation.result) > 1e-6
               else "")
        self.breakdown_text.setText(text + translate("CellView", " It sees a {size:.0f}×{size:.0f}-pixel patch of the "
                                                     "input (outlined, clipped at the borders).").format(size=size)
                                    + off)
        self.cell_explained.emit()

    # -- the keyboard ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject | None, event: QEvent | None) -> bool:
        if watched is self.strip and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            return self.key_pressed(event.key())
        return super().eventFilter(watched, event)

    def key_pressed(self, key: int) -> bool:
        """Arrows move the keyboard's cell, Page Up/Down change the layer, Enter explains the cell; True if used."""
        if self.capture is None or self.model is None:
            return False
        stages = [s for s in self.stage_panels if s != "input"]
        if not stages:
            return False
        if self.key_position is None or self.key_position[0] not in stages:
            self.key_position = (stages[-1], 0, 0)
        stage, row, col = self.key_position
        if key in _MOVES:
            d_row, d_col = _MOVES[key]
            _, h, w = self.capture.stage(stage).output.shape
            row, col = min(max(row + d_row, 0), h - 1), min(max(col + d_col, 0), w - 1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            index = stages.index(stage) + (1 if key == Qt.Key.Key_PageDown else -1)
            stage = stages[min(max(index, 0), len(stages) - 1)]
            _, h, w = self.capture.stage(stage).output.shape
            row, col = min(row, h - 1), min(col, w - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.select_cell(stage, self.channel_of(stage), row, col)
            return True
        else:
            return False
        self.move_cursor(stage, row, col)
        return True

    def move_cursor(self, stage: str, row: int, col: int) -> None:
        """Outline the keyboard's cell (row, col of ``stage``, from 0) and say it; Enter explains it."""
        assert self.capture is not None
        self.key_position = (stage, row, col)
        for panel in self.stage_panels.values():
            panel.cell_outline.hide()
        self.stage_panels[stage].outline("cell", row, col, row, col)
        value = float(self.capture.stage(stage).output[self.channel_of(stage), row, col])
        self.key_cell.setText(translate("CellView", "Keyboard cell: {cell}, value {v:.3f}. Press Enter to explain "
                                        "it.").format(cell=cell_name(stage, self.channel_of(stage), row, col), v=value))
