"""A bar chart's legend: each entry's sample is the bar's colour square and nothing else.

pyqtgraph's ``ItemSample`` first draws a line chart's stroke (0 to 20 px, in the bar's pen) and then the bar's
square (2 to 20 px) over it, which leaves a stray tick left of every square; this sample draws the square only.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PyQt6.QtCore import QRectF
from PyQt6.QtGui import QPainter


class BarSample(pg.ItemSample):
    def paint(self, p: QPainter, *args: Any) -> None:
        if not isinstance(self.item, pg.BarGraphItem) or not self.item.isVisible():
            super().paint(p, *args)
            return
        opts = self.item.opts
        p.setPen(pg.mkPen(opts["pen"]))
        p.setBrush(pg.mkBrush(opts["brush"]))
        p.drawRect(QRectF(2, 2, 18, 18))


def bar_legend(chart: pg.PlotWidget) -> pg.LegendItem:
    """The legend of a bar chart, at its top right."""
    return chart.addLegend(offset=(-10, 10), sampleType=BarSample)
