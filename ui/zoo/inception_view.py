"""GoogLeNet's Inception module opened up: its four branches, and what the 1×1 bottlenecks save."""

from __future__ import annotations

from PyQt6.QtWidgets import QVBoxLayout, QWidget

from cnnviz.zoo.lineage_nets import inception_anatomy
from ui.widgets.tables import fill_table, fit_height, make_table
from ui.zoo.chart_widgets import note


def _millions(value: int) -> str:
    return f"{value / 1e6:,.1f} M"


class InceptionView(QWidget):
    """Inception 3a branch by branch, with the 1×1 reductions and without them (every figure computed)."""

    def __init__(self) -> None:
        super().__init__()
        a = inception_anatomy("3a")
        c, h, w = a.input_shape
        title = note(f"<b>Inside an Inception module</b> (GoogLeNet's 3a, on a {h}×{w}×{c} input): four branches "
                     f"side by side, their {a.out_channels} output maps stacked.", rich=True)
        self.table = make_table(("Branch", "Layers", "Maps out", "Parameters", "Multiply-adds",
                                 "Without the 1×1 reduction"), stretch=1)
        rows = [[b.name, b.layers, str(b.out_channels), f"{b.parameters:,}", _millions(b.multiply_adds),
                 f"{n.layers}: {n.parameters:,} parameters, {_millions(n.multiply_adds)}"]
                for b, n in zip(a.branches, a.naive_branches, strict=True)]
        fill_table(self.table, rows, numeric={2, 3, 4})
        fit_height(self.table)
        saving = note(
            f"With the 1×1 bottlenecks the module needs <b>{a.parameters:,}</b> parameters and "
            f"<b>{_millions(a.multiply_adds)}</b> multiply-adds; the same kernels applied straight to the "
            f"{c} input maps would need {a.naive_parameters:,} and {_millions(a.naive_multiply_adds)} "
            f"({a.naive_multiply_adds / a.multiply_adds:.1f}× the work), and passing the pooled input through "
            f"would leave {sum(n.out_channels for n in a.naive_branches)} maps instead of {a.out_channels}. "
            "A 1×1 convolution is a fully connected layer across the channels, applied at every pixel with the "
            "same weights: it mixes and shrinks the maps without looking at neighbours.", rich=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.table)
        layout.addWidget(saving)
