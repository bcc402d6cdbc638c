"""The lineage panel: famous networks and the app's own, with computed parameter counts and a log-scale chart."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PyQt6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

from cnnviz.zoo.lineage import dense_vs_conv, lineage_table
from ui.i18n import number_text, translate, worded
from ui.theme import CNN_COLOR, FC_COLOR, HIGHLIGHT
from ui.widgets.lazy import LazyPanel
from ui.widgets.tables import fill_table, fit_height, make_table
from ui.zoo.chart_widgets import make_plot, note, text_item
from ui.zoo.inception_view import InceptionView


def power_of_ten(power: int) -> str:
    """10**power the way people say it: 1, 10, 100, 1k, 10k, … 1M, … 1B."""
    for exponent, text in ((9, translate("LineageView", "{n}B")), (6, translate("LineageView", "{n}M")),
                           (3, translate("LineageView", "{n}k"))):
        if power >= exponent:
            return text.format(n=10 ** (power - exponent))
    return str(10**power)


class LineageView(LazyPanel):
    """From LeNet to ConvNeXt, then this app's models: year, idea, input size and parameters of each."""

    def __init__(self) -> None:
        super().__init__()
        self.entries = lineage_table()
        cmp = dense_vs_conv()
        self.comparison = note(translate(
            "LineageView",
            "<b>Why convolutions?</b> One dense layer of 1,000 neurons on a 224×224×3 photo needs "
            "<b>{dense:,}</b> weights ({dense_shape}); AlexNet's first convolutional layer needs <b>{conv:,}</b> "
            "({conv_shape}) — {ratio:,.0f}× fewer, because each small filter is shared across the whole image.").format(
            dense=cmp.dense_parameters, dense_shape=worded(cmp.dense_shape), conv=cmp.conv_parameters,
            conv_shape=worded(cmp.conv_shape), ratio=cmp.ratio), rich=True)
        self.table = make_table((translate("LineageView", "Network"), translate("LineageView", "Year"),
                                 translate("LineageView", "Idea it introduced"), translate("LineageView", "Input"),
                                 translate("LineageView", "Parameters")), stretch=2)
        self.table.setAccessibleName(translate("LineageView", "Lineage of networks"))
        self.table.setAccessibleDescription(translate("LineageView", "Famous networks and this app's own: year, the "
                                                      "idea each introduced, input size and parameter count"))
        this_app = translate("LineageView", "this app")
        fill_table(self.table, [[e.name, str(e.year) if e.year else this_app, worded(e.idea), e.input_size,
                                 number_text(f"{e.parameters:,}")] for e in self.entries], numeric={1, 4})
        fit_height(self.table)
        header = self.table.horizontalHeader()
        assert header is not None
        header.sectionResized.connect(lambda index, *_: self.wrap_rows() if index == 2 else None)
        footnote = note(translate(
            "LineageView",
            "Counts are computed from the layer definitions without allocating any weights. AlexNet follows "
            "torchvision (64 first-layer filters, the single-GPU variant); the 2012 paper's two-GPU network had 96, "
            "as in the comparison above. GoogLeNet follows torchvision too (a 3×3 kernel in the '5×5' branch, no "
            "auxiliary classifiers). LeNet-5 is the app's own definition: 28×28 digits padded to the original "
            "32×32. Bars: orange, famous networks; red, this app's fully connected models; blue, this app's CNNs."))
        self.chart = make_plot(description=translate("LineageView", "Each network's parameter count as a bar on a "
                                                     "log scale, the exact count written after it"))
        self.chart.setLabel("bottom", translate("LineageView", "parameters (log scale)"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(footnote)
        left_layout.addSpacing(12)
        left_layout.addWidget(self.comparison)
        left_layout.addSpacing(12)
        self.inception = InceptionView()
        left_layout.addWidget(self.inception)
        left_layout.addStretch(1)
        scroll = QScrollArea()  # the table's wrapped height never forces the window taller
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(left)
        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(self.chart)
        split.setSizes([760, 440])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)

    def wrap_rows(self) -> None:
        """Fit the rows to the ideas wrapped at the width their column has now."""
        self.table.resizeRowsToContents()
        fit_height(self.table)

    def refresh(self) -> None:
        """Bars of log10(parameters), each labelled with its exact count (historic networks highlighted)."""
        self.chart.clear()
        logs = np.log10([e.parameters for e in self.entries])
        y = np.arange(len(self.entries))[::-1].astype(float)
        colours = [HIGHLIGHT if e.year else (CNN_COLOR if e.convolutional else FC_COLOR) for e in self.entries]
        self.chart.addItem(pg.BarGraphItem(x0=0, y=y, height=0.7, width=logs, brushes=colours))
        for yi, e, value in zip(y, self.entries, logs, strict=True):
            self.chart.addItem(text_item(number_text(f"{e.parameters:,}"), (0, 0.5), value + 0.05, yi))
        self.chart.getAxis("left").setTicks([[(yi, e.name) for yi, e in zip(y, self.entries, strict=True)]])
        top = math.ceil(logs.max()) + 1
        self.chart.getAxis("bottom").setTicks([[(p, power_of_ten(p)) for p in range(0, top + 1, 2)]])
        self.chart.setXRange(0, top + 2.5, padding=0)  # room for the largest count written after its bar
        self.chart.setYRange(-0.6, len(self.entries) - 0.4, padding=0)
