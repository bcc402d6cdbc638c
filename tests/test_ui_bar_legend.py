"""A bar chart's legend shows each bar's colour square and no stray stroke beside it."""

from __future__ import annotations

import pyqtgraph as pg
from PyQt6.QtGui import QColor, QImage, QPainter

from ui.widgets.bar_legend import BarSample, bar_legend


def _painted(sample: pg.ItemSample) -> QImage:
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    sample.paint(painter)
    painter.end()
    return image


def test_the_legend_sample_is_the_bars_square_without_the_line_charts_stroke(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = pg.PlotWidget()
    qtbot.addWidget(chart)
    legend = bar_legend(chart)
    chart.addItem(pg.BarGraphItem(x=[0, 1], height=[1, 2], width=0.5, brush="#d04020", name="measured here"))
    [(sample, label)] = legend.items
    assert isinstance(sample, BarSample) and label.text == "measured here"
    ours, stock = _painted(sample), _painted(pg.ItemSample(sample.item))
    assert ours.pixelColor(10, 10) == QColor("#d04020")  # the bar's colour fills the square
    assert stock.pixelColor(0, 11).alpha() > 0  # pyqtgraph's sample strokes from x = 0, left of the square...
    assert all(ours.pixelColor(x, y).alpha() == 0 for x in (0, 1) for y in range(20))  # ...this one does not
