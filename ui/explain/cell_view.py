"""Behind a number: click any cell of any map; its receptive field is outlined and its value broken down."""

from __future__ import annotations

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from cnnviz.explain import CellRegion, DotProduct, cell_regions, dot_product_stages, explain_any_cell
from cnnviz.introspect import Capture, shape_text, strongest_cell
from cnnviz.introspect.receptive_field import receptive_fields
from cnnviz.models.staged import StagedNet
from ui.colormaps import ACTIVATION_MAP, INPUT_MAP
from ui.explain.breakdown import COUNTING, HELP, BreakdownCanvas, Explanation, breakdown
from ui.explain.common import export_button
from ui.widgets.image_panel import ImagePanel, ImageStrip
from ui.widgets.lazy import LazyPanel
from ui.widgets.status_label import StatusLabel

CELL_HELP = ("Click any cell of any map: its receptive field — the part of each earlier map and of the 28×28 input "
             "it can see — is outlined, and below is the arithmetic that produced its value. " + COUNTING)


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
        self.cell_help = QLabel(CELL_HELP)
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
        layout.addWidget(self.strip, 2)
        self.spin_row = QHBoxLayout()
        layout.addLayout(self.spin_row)
        self.breakdown_text = QLabel(HELP)
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
        self.strip.clear_panels()
        while self.spin_row.count():
            item = self.spin_row.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.stage_panels, self.stage_channels = {}, {}
        fc_only = self.model is not None and len(stages) == 1
        self.cell_help.setText(CELL_HELP if not fc_only else
                               f"{self.model.arch} has no feature maps: every neuron of a fully connected "  # type: ignore[union-attr]
                               "layer sees the whole image, so there is no receptive field or sliding dot "
                               "product to show. Open a CNN to explore this view.")
        for name in stages:
            self.stage_panels[name] = self.strip.add_panel(name, name)
            spin = QSpinBox()
            spin.setPrefix(f"{name}: map ")
            spin.setMinimum(1)
            spin.setToolTip(f"Which map of {name} to show (counted from 1)")
            spin.valueChanged.connect(lambda _v, name=name: self._on_channel_changed(name))
            self.stage_channels[name] = spin
            self.spin_row.addWidget(spin, 1)

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
            self.breakdown_text.setText(HELP)
            self.explanation = None
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
        for name, panel in self.stage_panels.items():
            stage = cap.stage(name)
            spin = self.stage_channels[name]
            spin.blockSignals(True)
            spin.setMaximum(stage.shape[0])
            spin.setSuffix(f" of {stage.shape[0]}")
            spin.setEnabled(stage.shape[0] > 1)
            spin.blockSignals(False)
            panel.set_title(f"{stage.title} · {shape_text(stage.shape)}")
            is_input = name == "input"
            panel.show_values(stage.output[self.channel_of(name)], INPUT_MAP if is_input else ACTIVATION_MAP,
                              (0.0, 1.0) if is_input else None)

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
        self.selection = (stage, channel, row, col)
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
        self.breakdown_text.setText(f"{text} It sees a {size:.0f}×{size:.0f}-pixel patch of the input "
                                    "(outlined, clipped at the borders).")
        self.cell_explained.emit()
