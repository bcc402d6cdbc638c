"""The dimension table: each stage's output shape and parameter count, and the total."""

from __future__ import annotations

from PyQt6.QtWidgets import QAbstractItemView, QTableWidget

from cnnviz.introspect import Capture
from ui.draw.stage_picture import shape_text
from ui.widgets.tables import fill_table, make_table


def make_dimension_table() -> QTableWidget:
    table = make_table(["Stage", "Output shape", "Parameters"], selectable=True)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setMinimumHeight(90)  # scrolls in a small window rather than pushing the maps off screen
    return table


def fill_dimensions(table: QTableWidget, capture: Capture) -> None:
    """One row per stage, then the total parameters in bold."""
    rows = [(s.title, shape_text(s.shape), f"{s.parameters:,}") for s in capture.stages]
    rows.append(("Total", "", f"{sum(s.parameters for s in capture.stages):,}"))
    fill_table(table, rows, numeric={2})
    header, bar = table.horizontalHeader(), table.verticalScrollBar()
    if header is not None and bar is not None:  # as wide as its columns: no number is cut off at the side
        table.setMinimumWidth(header.length() + 2 * table.frameWidth() + bar.sizeHint().width() + 2)
    for col in range(3):
        cell = table.item(len(rows) - 1, col)
        if cell is not None:
            font = cell.font()
            font.setBold(True)
            cell.setFont(font)
