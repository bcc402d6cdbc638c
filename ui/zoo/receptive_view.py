"""The receptive-field panel: how much of the digit each stage of a model sees, and why 3×3 stacks won."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from cnnviz.models import MODELS
from cnnviz.zoo.receptive import StageField, model_receptive_fields, stack_vs_single
from ui.i18n import number_text, translate
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
        self.model_combo.setAccessibleName(translate("ReceptiveFieldView", "Model"))
        self.model_combo.setToolTip(translate("ReceptiveFieldView", "The model whose stages are listed and charted"))
        top = QHBoxLayout()
        model_label = QLabel(translate("ReceptiveFieldView", "Model:"))
        model_label.setBuddy(self.model_combo)
        top.addWidget(model_label)
        top.addWidget(self.model_combo)
        top.addStretch(1)
        self.table = make_table((translate("ReceptiveFieldView", "Stage"),
                                 translate("ReceptiveFieldView", "Output shape"),
                                 translate("ReceptiveFieldView", "Sees (input pixels)"),
                                 translate("ReceptiveFieldView", "Step between cells")))
        self.table.setAccessibleName(translate("ReceptiveFieldView", "Receptive field per stage"))
        self.table.setAccessibleDescription(translate("ReceptiveFieldView", "Each stage's output shape, the square "
                                                      "of input pixels one of its cells sees, and the step between "
                                                      "neighbouring cells"))
        rows = []
        for layers in (2, 3):
            c = stack_vs_single(layers)
            rows.append(translate(
                "ReceptiveFieldView",
                "{layers} stacked {k}×{k} convolutions ({maps}→{maps} maps) see <b>{field}×{field}</b> input pixels "
                "with <b>{parameters:,}</b> parameters; one {single}×{single} convolution sees "
                "{single_field}×{single_field} with <b>{single_parameters:,}</b> — {saving:.0%} fewer for the "
                "stack, and it has {layers} non-linearities instead of one.").format(
                layers=layers, k=c.kernel, maps=c.channels, field=c.stack_field, parameters=c.stack_parameters,
                single=c.single_kernel, single_field=c.single_field, single_parameters=c.single_parameters,
                saving=c.saving))
        self.stack_note = note("<br>".join(rows), rich=True)
        self.chart = make_plot(translate("ReceptiveFieldView", "input pixels seen (side)"),
                               translate("ReceptiveFieldView", "A bar per spatial stage: the side of the input "
                                         "square one of its cells sees, against the whole 28×28 digit"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(note(translate("ReceptiveFieldView", "Each convolution widens what a cell sees by "
                                        "(kernel − 1) × the step; pooling doubles the step. Dense stages see the "
                                        "whole digit.")))
        layout.addWidget(self.stack_note)
        layout.addWidget(self.chart, 1)
        self.show_model(self.model_combo.currentText())

    def show_model(self, name: str) -> None:
        self.fields = model_receptive_fields(name)
        whole = translate("ReceptiveFieldView", "the whole image")
        fill_table(self.table, [[f.stage, "×".join(str(s) for s in f.output_shape),
                                 number_text(f"{f.size:g}×{f.size:g}") if f.spatial else whole,
                                 number_text(f"{f.jump:g}") if f.spatial else "—"] for f in self.fields])
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
            self.chart.addItem(text_item(number_text(f"{value:g}×{value:g}"), (0.5, 1.0), xi, value))
        dashed = pg.mkPen(HIGHLIGHT, width=2, style=Qt.PenStyle.DashLine)
        label_opts = {"position": 0.08, "color": HIGHLIGHT, "anchors": [(0, 1), (0, 1)]}
        self.chart.addItem(pg.InfiniteLine(pos=28, angle=0, pen=dashed,
                                           label=translate("ReceptiveFieldView", "the whole 28×28 digit"),
                                           labelOpts=label_opts))
        self.chart.getAxis("bottom").setTicks([[(i, f.stage) for i, f in enumerate(spatial)]])
        self.chart.setXRange(-0.6, max(len(spatial), 1) - 0.4, padding=0)
        self.chart.setYRange(0, max(float(sizes.max(initial=0)), 28) * 1.15, padding=0)
