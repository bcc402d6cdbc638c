"""The receptive-field panel: how much of the digit each stage of a model sees, and why 3×3 stacks won."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from cnnviz.models import MODELS
from cnnviz.zoo.receptive import StageField, model_receptive_fields, stack_vs_single
from ui.theme import CNN_COLOR, HIGHLIGHT
from ui.widgets.lazy import LazyPanel
from ui.widgets.tables import fill_table, fit_height, make_table
from ui.zoo.chart_widgets import make_plot, note, text_item


class ReceptiveFieldView(LazyPanel):
    """Each stage of the chosen model: output shape, the input square one cell sees, the step between cells."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[StageField] = []
        self.model_combo = QComboBox()
        self.model_combo.addItems(list(MODELS))
        self.model_combo.setCurrentText("small_cnn")
        self.model_combo.currentTextChanged.connect(self.show_model)
        top = QHBoxLayout()
        top.addWidget(QLabel("Model:"))
        top.addWidget(self.model_combo)
        top.addStretch(1)
        self.table = make_table(("Stage", "Output shape", "Sees (input pixels)", "Step between cells"))
        rows = []
        for layers in (2, 3):
            c = stack_vs_single(layers)
            rows.append(f"{layers} stacked {c.kernel}×{c.kernel} convolutions ({c.channels}→{c.channels} maps) see "
                        f"<b>{c.stack_field}×{c.stack_field}</b> input pixels with <b>{c.stack_parameters:,}</b> "
                        f"parameters; one {c.single_kernel}×{c.single_kernel} convolution sees "
                        f"{c.single_field}×{c.single_field} with <b>{c.single_parameters:,}</b> — "
                        f"{c.saving:.0%} fewer for the stack, and it has {layers} non-linearities instead of one.")
        self.stack_note = note("<br>".join(rows), rich=True)
        self.chart = make_plot("input pixels seen (side)")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(note("Each convolution widens what a cell sees by (kernel − 1) × the step; pooling "
                              "doubles the step. Dense stages see the whole digit."))
        layout.addWidget(self.stack_note)
        layout.addWidget(self.chart, 1)
        self.show_model(self.model_combo.currentText())

    def show_model(self, name: str) -> None:
        self.fields = model_receptive_fields(name)
        fill_table(self.table, [[f.stage, "×".join(str(s) for s in f.output_shape),
                                 f"{f.size:g}×{f.size:g}" if f.spatial else "the whole image",
                                 f"{f.jump:g}" if f.spatial else "—"] for f in self.fields])
        fit_height(self.table)
        self.mark_dirty()

    def refresh(self) -> None:
        """Bars of the side each spatial stage sees, against a line at the whole 28×28 digit."""
        spatial = [f for f in self.fields if f.spatial]
        self.chart.clear()
        x = np.arange(len(spatial), dtype=float)
        sizes = np.array([f.size for f in spatial])
        self.chart.addItem(pg.BarGraphItem(x=x, height=sizes, width=0.6, brush=CNN_COLOR))
        for xi, value in zip(x, sizes, strict=True):
            self.chart.addItem(text_item(f"{value:g}×{value:g}", (0.5, 1.0), xi, value))
        dashed = pg.mkPen(HIGHLIGHT, width=2, style=Qt.PenStyle.DashLine)
        label_opts = {"position": 0.08, "color": HIGHLIGHT, "anchors": [(0, 1), (0, 1)]}
        self.chart.addItem(pg.InfiniteLine(pos=28, angle=0, pen=dashed, label="the whole 28×28 digit",
                                           labelOpts=label_opts))
        self.chart.getAxis("bottom").setTicks([[(i, f.stage) for i, f in enumerate(spatial)]])
        self.chart.setXRange(-0.6, max(len(spatial), 1) - 0.4, padding=0)
        self.chart.setYRange(0, max(float(sizes.max(initial=0)), 28) * 1.15, padding=0)
