"""Read-only tables: made, filled and fitted the same way everywhere."""

from __future__ import annotations

from collections.abc import Sequence

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def make_table(columns: Sequence[str], selectable: bool = False, stretch: int | None = None) -> QTableWidget:
    """A read-only table with these column titles (``stretch``: the column that takes spare width)."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if not selectable:
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    rows = table.verticalHeader()
    assert rows is not None
    rows.setVisible(False)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    assert header is not None
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]], numeric: set[int] | None = None) -> None:
    """Put text rows into a table, right-aligning the numeric columns and fitting columns and rows."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)  # a cell narrowed at a small window size can still be read in full
            if numeric and c in numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    table.resizeRowsToContents()


def fit_height(table: QTableWidget) -> None:
    """Make a table exactly as tall as its rows, so short tables leave no empty box below them."""
    header = table.horizontalHeader()
    height = (header.height() if header is not None else 0) + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    scroll = table.horizontalScrollBar()
    if scroll is not None and scroll.isVisible():
        height += scroll.height()
    table.setFixedHeight(height + 2)
