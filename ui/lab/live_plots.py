"""The lab's live curves: each model's smoothed training loss per batch and test accuracy per epoch, and
the CNN's gradient norm per layer on the batches the training samples (``GRADIENT_EVERY``), log-scaled.

Batches arrive much faster than a plot can repaint, so they are only collected here; a timer hands the
curves their new points every ``REDRAW_MS``, and only to the curves that grew (every ``setData``
repaints a plot). The loss curve is downsampled and clipped to the view, and its axis changes only when
the highest loss grows: measured, these keep a 20-epoch run's redraws cheap (see the design notes).
Earlier runs are drawn dashed behind the current one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PyQt6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from cnnviz.lab import (
    CNN_KEY,
    FC_KEY,
    ComparisonConfig,
    ComparisonResult,
    LossSmoother,
    ModelBatchMetrics,
    ModelEpochMetrics,
    smooth,
)
from cnnviz.wording import Wording
from ui.i18n import number_text, translate, worded
from ui.lab.filters_view import FiltersView
from ui.theme import CNN_COLOR, FC_COLOR, LAYER_COLORS, palette
from ui.widgets.lazy import LazyPanel
from ui.widgets.status_label import StatusLabel

REDRAW_MS = 100  # live curves are redrawn at most this often
PREVIOUS_RUNS_SHOWN = 2  # earlier runs drawn dashed behind the current one
COLORS = {FC_KEY: FC_COLOR, CNN_KEY: CNN_COLOR}
LOSS_TITLE = QT_TRANSLATE_NOOP("LivePlots", "Training loss (smoothed)")
ACCURACY_TITLE = QT_TRANSLATE_NOOP("LivePlots", "Test accuracy (each epoch)")
GRADIENT_TITLE = QT_TRANSLATE_NOOP("LivePlots", "CNN gradient norm per layer")
GRADIENT_IMAGES_TITLE = QT_TRANSLATE_NOOP("LivePlots", "CNN conv 1 weight gradients")
GRADIENT_IMAGES_TIP = QT_TRANSLATE_NOOP("LivePlots", "∂loss/∂w of each first-layer weight on the last sampled batch "
                                        "(red positive, blue negative): the optimizer moves every weight against its "
                                        "gradient")
GRADIENT_HEIGHT = 140  # the gradient row under the loss and accuracy: the smaller, they come first
GRADIENT_IMAGES_WIDTH = 220
TITLE_SIZE = "12pt"


@dataclass
class LiveCurve:
    """What has arrived so far for one model: per-batch smoothed loss and per-epoch test accuracy."""

    epochs: int = 1
    smoother: LossSmoother = field(default_factory=LossSmoother)
    loss_x: list[float] = field(default_factory=list)  # in epochs, so both models share the axis
    loss_y: list[float] = field(default_factory=list)
    acc_x: list[float] = field(default_factory=list)
    acc_y: list[float] = field(default_factory=list)
    last_batch: ModelBatchMetrics | None = None
    epochs_done: int = 0
    grad_x: list[float] = field(default_factory=list)  # the sampled batches, in epochs
    grad_norms: dict[str, list[float]] = field(default_factory=dict)  # layer -> ‖g‖ on each sampled batch
    grad_filters: tuple[np.ndarray, str] | None = None  # the newest conv1 weight gradients and where from

    def add_batch(self, m: ModelBatchMetrics) -> None:
        self.last_batch = m
        x = m.epoch - 1 + m.batch / m.batches_per_epoch
        self.loss_x.append(x)
        self.loss_y.append(self.smoother.add(m.loss))
        if m.gradients is not None:
            self.grad_x.append(x)
            for layer, norm in m.gradients.norms.items():
                self.grad_norms.setdefault(layer, []).append(norm)
            if m.gradients.first_conv is not None:
                self.grad_filters = (m.gradients.first_conv, batch_text(m))

    def add_epoch(self, m: ModelEpochMetrics) -> None:
        self.epochs_done = m.epoch
        if m.test_accuracy is not None:
            self.acc_x.append(float(m.epoch))
            self.acc_y.append(100.0 * m.test_accuracy)

    @property
    def progress(self) -> float:
        """Fraction of this model's run done (its batches; an epoch's test counts with its last batch)."""
        m = self.last_batch
        return 0.0 if m is None else (m.epoch - 1 + m.progress) / max(1, self.epochs)

    @property
    def testing(self) -> bool:
        """Its epoch's batches are all done and the test digits are being scored."""
        m = self.last_batch
        return m is not None and m.batch == m.batches_per_epoch and self.epochs_done < m.epoch


def batch_text(m: ModelBatchMetrics) -> str:
    """Where in the run a batch is, for a picture's caption."""
    return translate("LivePlots", "epoch {epoch}, batch {batch}/{batches}").format(
        epoch=m.epoch, batch=m.batch, batches=m.batches_per_epoch)


def _plot(title: str, y_label: str, legend_offset: tuple[int, int], grid: bool, description: str) -> pg.PlotWidget:
    """A plot for live curves; ``grid`` only where it redraws rarely (a grid is most of a repaint's cost).
    ``title`` is the untranslated constant; ``y_label`` and ``description`` come translated."""
    plot = pg.PlotWidget()
    plot.setTitle(translate("LivePlots", title), size=TITLE_SIZE)
    plot.setAccessibleName(translate("LivePlots", title))
    plot.setAccessibleDescription(description)
    plot.setLabel("bottom", translate("LivePlots", "epoch"))
    plot.setLabel("left", y_label)
    if grid:
        plot.showGrid(x=True, y=True, alpha=0.25)
    plot.addLegend(offset=legend_offset, labelTextSize="10pt")
    plot.setMouseEnabled(x=False, y=False)
    plot.setMinimumHeight(180)
    return plot


def run_name(number: int, label: Wording) -> str:
    """A run's curve in the legend (``label``: the core's name of its model)."""
    return translate("LivePlots", "run {number}: {label}").format(number=number, label=worded(label))


class LivePlots(LazyPanel):
    """``start(config, results)``, then ``add_batch``/``add_epoch`` from the run, ``finish()`` at its end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live: dict[str, LiveCurve] = {}
        self.live_items: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        self.grad_items: dict[str, pg.PlotDataItem] = {}  # the CNN's layers' gradient-norm curves
        self._drawn: dict[tuple[str, str], int] = {}  # (model, curve) -> points handed to the plot
        self._grown = False
        self._loss_top = 0.0  # the loss axis's top, before its 5% headroom
        self.timer = QTimer(self)
        self.timer.setInterval(REDRAW_MS)
        self.timer.timeout.connect(self.redraw)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.notice = StatusLabel()  # e.g. a GPU that ran out of memory and the restart on the CPU
        self.notice.hide()
        column.addWidget(self.notice)
        row = QHBoxLayout()
        self.loss_plot = _plot(LOSS_TITLE, translate("LivePlots", "cross-entropy loss"), (-10, 10), grid=False,
                               description=translate("LivePlots", "Each model's training loss per batch, smoothed, "
                                                     "over the epochs"))
        self.acc_plot = _plot(ACCURACY_TITLE, translate("LivePlots", "accuracy (%)"), (-10, -10), grid=True,
                              description=translate("LivePlots", "Each model's test accuracy after every epoch"))
        self.grad_plot = _plot(GRADIENT_TITLE, translate("LivePlots", "gradient norm (log)"), (-10, 10), grid=False,
                               description=translate("LivePlots", "The length of each CNN layer's gradient on the "
                                                     "sampled batches, on a log scale"))
        self.grad_plot.setLogMode(y=True)  # layers' norms differ by orders of magnitude, and shrink as it learns
        # decades only (the axis holds log10 of the norms): its own 2…9 labels between them overprinted
        self.grad_plot.getAxis("left").setTicks([[(e, number_text(f"{10.0**e:g}")) for e in range(-6, 4)]])
        self.grad_plot.setMinimumHeight(GRADIENT_HEIGHT)
        self.grad_plot.setToolTip(translate("LivePlots", "The length of each layer's gradient on the sampled batches: "
                                            "how hard that batch pushed the layer's weights"))
        self.gradient_view = FiltersView(translate("LivePlots", GRADIENT_IMAGES_TITLE),
                                         translate("LivePlots", GRADIENT_IMAGES_TIP))
        self.gradient_view.title.setText(translate("LivePlots", "{title} · shown while training").format(
            title=translate("LivePlots", GRADIENT_IMAGES_TITLE)))
        self.gradient_view.setFixedWidth(GRADIENT_IMAGES_WIDTH)
        self.gradient_view.setMinimumHeight(GRADIENT_HEIGHT)
        for plot in (self.loss_plot, self.acc_plot):
            row.addWidget(plot)
        column.addLayout(row, 3)
        gradients = QHBoxLayout()
        gradients.addWidget(self.grad_plot, 1)
        gradients.addWidget(self.gradient_view)
        column.addLayout(gradients, 2)
        self._set_axes(ComparisonConfig().epochs)

    # -- a run ---------------------------------------------------------------------------------------
    def start(self, config: ComparisonConfig, results: list[ComparisonResult]) -> None:
        """Clear the plots, draw the last finished runs dashed, add empty curves for this run, start redrawing."""
        for plot in (self.loss_plot, self.acc_plot, self.grad_plot):
            plot.clear()
        self.grad_items = {}
        self.say("")
        self._set_axes(config.epochs)
        self.acc_plot.enableAutoRange(axis="y")  # accuracies near 100% need the room more than the scale
        self.acc_plot.setLimits(yMin=0, yMax=101)  # but never beyond what a percentage can be
        self._drawn, self._loss_top = {}, 0.0
        first = max(0, len(results) - PREVIOUS_RUNS_SHOWN)
        for number, result in enumerate(results[first:], start=first + 1):
            for run in result.runs:
                pen = pg.mkPen(COLORS[run.key], width=1.5, style=Qt.PenStyle.DashLine)
                x = np.arange(1, len(run.batch_losses) + 1) / max(1, run.batches_per_epoch)
                smoothed = smooth(run.batch_losses)
                self.loss_plot.plot(x, smoothed, pen=pen, name=run_name(number, run.label))
                self._fit_loss_axis(float(smoothed.max(initial=0.0)))
                tested = [(m.epoch, 100 * m.test_accuracy) for m in run.history if m.test_accuracy is not None]
                if tested:
                    ax, ay = zip(*tested, strict=True)
                    self.acc_plot.plot(ax, ay, pen=pen, name=run_name(number, run.label))
        self.live = {FC_KEY: LiveCurve(config.epochs), CNN_KEY: LiveCurve(config.epochs)}
        self.live_items = {}
        for key, label in ((FC_KEY, config.fc_label), (CNN_KEY, config.cnn_label)):
            pen = pg.mkPen(COLORS[key], width=2.5)
            name = run_name(len(results) + 1, label) if results else worded(label)
            loss_item = self.loss_plot.plot([], [], pen=pen, name=name)
            acc_item = self.acc_plot.plot([], [], pen=pen, symbol="o", symbolSize=7, symbolBrush=COLORS[key],
                                          symbolPen=None, name=name)
            loss_item.setDownsampling(auto=True, method="mean")
            loss_item.setClipToView(True)
            self.live_items[key] = (loss_item, acc_item)
        self.restyle()  # new legend labels take the palette's text colour
        self.timer.start()

    def add_batch(self, m: ModelBatchMetrics) -> None:
        if m.model in self.live:
            self.live[m.model].add_batch(m)
            self._grown = True

    def add_epoch(self, m: ModelEpochMetrics) -> None:
        if m.model in self.live:
            self.live[m.model].add_epoch(m)
            self._grown = True

    def _redraw_gradients(self, live: LiveCurve) -> None:
        """The CNN's layers' gradient norms, a curve per layer (added as its first point arrives)."""
        if len(live.grad_x) == self._drawn.get((CNN_KEY, "grad"), 0):
            return
        for layer, norms in live.grad_norms.items():
            if layer not in self.grad_items:
                pen = pg.mkPen(LAYER_COLORS[len(self.grad_items) % len(LAYER_COLORS)], width=1.5)
                self.grad_items[layer] = self.grad_plot.plot([], [], pen=pen, name=layer)
                self.restyle()
            self.grad_items[layer].setData(live.grad_x[: len(norms)], norms)
        self._drawn[(CNN_KEY, "grad")] = len(live.grad_x)
        if live.grad_filters is not None:
            self.gradient_view.show_filters(*live.grad_filters)
            live.grad_filters = None

    def restart(self, key: str, notice: str) -> None:
        """The model starts again (a GPU ran out of memory): its curves so far were another attempt's."""
        if key in self.live:
            self.live[key] = LiveCurve(self.live[key].epochs)
            self._grown = True
        self.say(notice)

    def finish(self) -> None:
        """The run ended: draw what arrived last and stop the timer."""
        self.timer.stop()
        self.redraw()

    @property
    def progress(self) -> float:
        return sum(c.progress for c in self.live.values()) / len(self.live) if self.live else 0.0

    def say(self, notice: str) -> None:
        self.notice.say(notice, error=bool(notice))
        self.notice.setVisible(bool(notice))

    # -- drawing -------------------------------------------------------------------------------------
    def redraw(self) -> None:
        """Hand the curves their new points (only those that grew: every update repaints a plot)."""
        if not self._grown:
            return
        self._grown = False
        for key, live in self.live.items():
            loss_item, acc_item = self.live_items[key]
            if len(live.loss_x) != self._drawn.get((key, "loss"), 0):
                loss_item.setData(live.loss_x, live.loss_y)
                self._drawn[(key, "loss")] = len(live.loss_x)
                if live.loss_y:
                    self._fit_loss_axis(max(live.loss_y))
            if len(live.acc_x) != self._drawn.get((key, "acc"), 0):
                acc_item.setData(live.acc_x, live.acc_y)
                self._drawn[(key, "acc")] = len(live.acc_x)
        if CNN_KEY in self.live:
            self._redraw_gradients(self.live[CNN_KEY])

    def refresh(self) -> None:
        self.redraw()

    def restyle(self) -> None:
        """Titles and legend labels in the palette's text colour (pyqtgraph copies colours when it draws text)."""
        text = palette().text
        for plot, title in ((self.loss_plot, LOSS_TITLE), (self.acc_plot, ACCURACY_TITLE),
                            (self.grad_plot, GRADIENT_TITLE)):
            plot.setTitle(translate("LivePlots", title), size=TITLE_SIZE, color=text)
            legend = plot.getPlotItem().legend
            if legend is not None:
                legend.setLabelTextColor(text)
                for _, label in legend.items:
                    label.setText(label.text, color=text)
                legend.updateSize()  # re-rendered labels may be wider: the legend box must grow with them

    def _set_axes(self, epochs: int) -> None:
        self.loss_plot.setXRange(0, epochs, padding=0.02)
        self.loss_plot.setYRange(0, 2.5, padding=0)  # cross-entropy of a 10-way guess starts near ln 10 ≈ 2.3
        self.acc_plot.setXRange(0.5, epochs + 0.5, padding=0)
        self.acc_plot.setYRange(0, 100, padding=0.02)
        self.grad_plot.setXRange(0, epochs, padding=0.02)

    def _fit_loss_axis(self, highest: float) -> None:
        """Loss axis from 0 to the highest loss shown, changed only when that grows (no rescaling per batch)."""
        if highest > self._loss_top:
            self._loss_top = highest
            self.loss_plot.setYRange(0, highest * 1.05, padding=0)
