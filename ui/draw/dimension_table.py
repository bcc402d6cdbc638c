"""The dimension table: each stage's output shape and parameter count, the total, and the preprocessing
the input gets before the first stage (an opened model's size, channels, value range, mean and std)."""

from __future__ import annotations

from PyQt6.QtWidgets import QAbstractItemView, QTableWidget

from cnnviz.data.transforms import InputSpec
from cnnviz.introspect import Capture
from ui.draw.stage_picture import shape_text
from ui.i18n import number_text, translate, worded
from ui.widgets.tables import fill_table, make_table


def make_dimension_table() -> QTableWidget:
    table = make_table([translate("DimensionTable", "Stage"), translate("DimensionTable", "Output shape"),
                        translate("DimensionTable", "Parameters")], selectable=True)
    table.setAccessibleName(translate("DimensionTable", "Stages and their sizes"))
    table.setAccessibleDescription(translate("DimensionTable", "Each stage's output shape and parameter count, the "
                                             "total, and the input's preprocessing; pick a row to enlarge that stage"))
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setMinimumHeight(90)  # scrolls in a small window rather than pushing the maps off screen
    return table


def preprocessing_lines(spec: InputSpec) -> str:
    """The preprocessing in four short lines (the table's last row; MNIST's fit the shape column's width)."""
    def numbers(values: tuple[float, ...]) -> str:
        return ", ".join(number_text(f"{v:g}") for v in values)

    lo, hi = spec.value_range
    kind = translate("DimensionTable", "grey") if spec.channels == 1 else spec.channel_order
    return "\n".join((f"{spec.size[0]}×{spec.size[1]} {kind}", number_text(f"[{lo:g}, {hi:g}]"),
                      translate("DimensionTable", "mean {values}").format(values=numbers(spec.mean)),
                      translate("DimensionTable", "std {values}").format(values=numbers(spec.std))))


def fill_dimensions(table: QTableWidget, capture: Capture) -> None:
    """One row per stage, then the total parameters in bold, then the preprocessing applied to the input."""
    rows = [(worded(s.title), shape_text(s.shape), number_text(f"{s.parameters:,}")) for s in capture.stages]
    total = len(rows)
    parameters = sum(s.parameters for s in capture.stages)
    rows.append((translate("DimensionTable", "Total"), "", number_text(f"{parameters:,}")))
    rows.append((translate("DimensionTable", "Preprocessing"), preprocessing_lines(capture.spec), ""))
    fill_table(table, rows, numeric={2})
    header, bar = table.horizontalHeader(), table.verticalScrollBar()
    if header is not None and bar is not None:  # as wide as its columns: no number is cut off at the side
        table.setMinimumWidth(header.length() + 2 * table.frameWidth() + bar.sizeHint().width() + 2)
    for col in range(3):
        cell = table.item(total, col)
        if cell is not None:
            font = cell.font()
            font.setBold(True)
            cell.setFont(font)
