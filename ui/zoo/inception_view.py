"""GoogLeNet's Inception module opened up: its four branches, and what the 1×1 bottlenecks save."""

from __future__ import annotations

from PyQt6.QtWidgets import QVBoxLayout, QWidget

from cnnviz.zoo.lineage_nets import inception_anatomy
from ui.i18n import number_text, translate, worded
from ui.widgets.tables import fill_table, fit_height, make_table
from ui.zoo.chart_widgets import note


def _millions(value: int) -> str:
    return translate("InceptionView", "{millions:,.1f} M").format(millions=value / 1e6)


class InceptionView(QWidget):
    """Inception 3a branch by branch, with the 1×1 reductions and without them (every figure computed)."""

    def __init__(self) -> None:
        super().__init__()
        a = inception_anatomy("3a")
        c, h, w = a.input_shape
        title = note(translate("InceptionView", "<b>Inside an Inception module</b> (GoogLeNet's 3a, on a {h}×{w}×{c} "
                               "input): four branches side by side, their {maps} output maps stacked.").format(
            h=h, w=w, c=c, maps=a.out_channels), rich=True)
        self.table = make_table((translate("InceptionView", "Branch"), translate("InceptionView", "Layers"),
                                 translate("InceptionView", "Maps out"), translate("InceptionView", "Parameters"),
                                 translate("InceptionView", "Multiply-adds"),
                                 translate("InceptionView", "Without the 1×1 reduction")), stretch=1)
        self.table.setAccessibleName(translate("InceptionView", "Inception module branches"))
        self.table.setAccessibleDescription(translate("InceptionView", "Each branch's layers, output maps, "
                                                      "parameters and multiply-adds, with and without the 1×1 "
                                                      "reduction"))
        without = translate("InceptionView", "{layers}: {parameters:,} parameters, {adds}")
        rows = [[worded(b.name), worded(b.layers), str(b.out_channels), number_text(f"{b.parameters:,}"),
                 _millions(b.multiply_adds),
                 without.format(layers=worded(n.layers), parameters=n.parameters, adds=_millions(n.multiply_adds))]
                for b, n in zip(a.branches, a.naive_branches, strict=True)]
        fill_table(self.table, rows, numeric={2, 3, 4})
        fit_height(self.table)
        saving = note(translate(
            "InceptionView",
            "With the 1×1 bottlenecks the module needs <b>{parameters:,}</b> parameters and <b>{adds}</b> "
            "multiply-adds; the same kernels applied straight to the {c} input maps would need {naive_parameters:,} "
            "and {naive_adds} ({ratio:.1f}× the work), and passing the pooled input through would leave {naive_maps} "
            "maps instead of {maps}. A 1×1 convolution is a fully connected layer across the channels, applied at "
            "every pixel with the same weights: it mixes and shrinks the maps without looking at neighbours.").format(
            parameters=a.parameters, adds=_millions(a.multiply_adds), c=c, naive_parameters=a.naive_parameters,
            naive_adds=_millions(a.naive_multiply_adds), ratio=a.naive_multiply_adds / a.multiply_adds,
            naive_maps=sum(n.out_channels for n in a.naive_branches), maps=a.out_channels), rich=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.table)
        layout.addWidget(saving)
