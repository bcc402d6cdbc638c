"""The zoo's chart pieces: a fixed (not pannable) bar chart and labels in the current palette's colours.

Labels take their colour from ``ui.theme.palette()`` when they are drawn, so a panel that redraws its
chart in ``refresh()`` follows a live light/dark switch (``LazyPanel`` calls it after the switch).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QLabel

from cnnviz.zoo.report import ReportRow
from ui.i18n import number_text, translate
from ui.theme import CNN_COLOR, palette


def make_plot(left_label: str = "", description: str = "") -> pg.PlotWidget:
    """A chart that cannot be panned or zoomed by accident: the numbers on it are the point.
    ``description`` (translated by the caller) is what a screen reader says the chart shows."""
    plot = pg.PlotWidget()
    plot.setAccessibleName(translate("ZooTab", "Chart"))
    plot.setAccessibleDescription(description)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.setLabel("left", left_label)
    return plot


def text_item(text: str, anchor: tuple[float, float], x: float, y: float) -> pg.TextItem:
    """A value written on a chart in the palette's text colour (pyqtgraph's default grey fails on white)."""
    item = pg.TextItem(text, anchor=anchor, color=palette().text)
    item.setPos(x, y)
    return item


def note(text: str = "", rich: bool = False) -> QLabel:
    """A wrapped paragraph of explanation."""
    label = QLabel(text)
    label.setWordWrap(True)
    if rich:
        label.setTextFormat(Qt.TextFormat.RichText)
    return label


def _known(values: list[float | None]) -> tuple[np.ndarray, np.ndarray]:
    """The positions and values of the entries that are not None."""
    kept = [(i, v) for i, v in enumerate(values) if v is not None]
    return np.array([i for i, _ in kept], dtype=float), np.array([v for _, v in kept], dtype=float)


def draw_error_chart(chart: pg.PlotWidget, rows: list[ReportRow]) -> None:
    """Measured test error beside the published figure for each model, the measured value written on top."""
    chart.clear()
    chart.setVisible(bool(rows))  # an empty chart with made-up axes says nothing
    if not rows:
        return
    at, measured = _known([r.test_error for r in rows])
    cited_at, published = _known([r.seed_error for r in rows])  # no published figure: no bar, not a bar at 0
    chart.addItem(pg.BarGraphItem(x=at - 0.18, height=measured, width=0.34, brush=CNN_COLOR,
                                  name=translate("ReportView", "measured here")))
    chart.addItem(pg.BarGraphItem(x=cited_at + 0.18, height=published, width=0.34, brush=palette().border,
                                  name=translate("ReportView", "published figure")))
    for xi, value in zip(at, measured, strict=True):
        chart.addItem(text_item(number_text(f"{value:.2f}%"), (0.5, 1.0), xi - 0.18, value))
    ticks = [(i, r.model if not r.shortened else translate("ReportView", "{model} (not trained)").format(model=r.model)
              if r.estimated_only else translate("ReportView", "{model} ({epochs} of {recipe} epochs)").format(
                  model=r.model, epochs=r.epochs, recipe=r.recipe_epochs))
             for i, r in enumerate(rows)]
    chart.getAxis("bottom").setTicks([ticks])
    chart.setXRange(-0.6, len(rows) - 0.4, padding=0)
    chart.setYRange(0, max(float(measured.max(initial=0)), float(published.max(initial=0))) * 1.2 or 1.0, padding=0)
