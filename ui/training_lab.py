"""The "Training lab" tab: an FC network and a CNN trained side by side on the same digits, live.

The core (``cnnviz.lab``) trains both on a worker thread; this tab only turns the controls into a
``ComparisonConfig``, draws what the worker's signals carry (losses, accuracies, filter snapshots)
and lists finished runs so the next one can be compared with them. Curves are redrawn on a timer,
not per batch, so drawing never holds training back.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QEvent, QThread, QTimer, pyqtSignal
from PyQt6.QtGui import QFont
from PyQt6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnnviz.introspect.mosaic import grid_for, tile_maps
from cnnviz.lab import (
    CNN_KEY,
    CURVE_COLUMNS,
    FC_KEY,
    MAX_EPOCHS,
    MIN_TRAIN_SAMPLES,
    SUMMARY_COLUMNS,
    ComparisonConfig,
    ComparisonResult,
    LossSmoother,
    ModelBatchMetrics,
    ModelEpochMetrics,
    build_pair,
    curve_rows,
    first_layer_filters,
    parameter_ratio_text,
    run_comparison,
    smooth,
    summary_rows,
    verdict,
    write_csv,
)
from cnnviz.training import available_devices
from ui.colormaps import DIVERGING_MAP, colorize, value_range
from ui.map_view import PictureItem, image_view_box, is_palette_change, palette_colours, restyle_plots
from ui.state import AppState
from ui.theme import CNN_COLOR, FC_COLOR
from ui.workers import TrainWorker, start_in_thread, stop_thread

pg.setConfigOptions(imageAxisOrder="row-major")

REDRAW_MS = 100  # live curves and filters are redrawn at most this often
PREVIOUS_RUNS_SHOWN = 2  # earlier runs drawn dashed behind the current one
COLORS = {FC_KEY: FC_COLOR, CNN_KEY: CNN_COLOR}
TABLE_COLUMNS = ("Run", "Model", "Parameters", "Time (s)", "Train acc.", "Test acc.", "Test errors")
LOSS_TITLE = "Training loss (smoothed, every batch)"
ACCURACY_TITLE = "Test accuracy (after every epoch)"
MODES = (("One after the other", "sequential"), ("Both at once", "concurrent"))


@dataclass
class LiveCurve:
    """What has arrived so far for one model: per-batch smoothed loss and per-epoch test accuracy."""

    smoother: LossSmoother = field(default_factory=LossSmoother)
    loss_x: list[float] = field(default_factory=list)  # in epochs, so both models share the axis
    loss_y: list[float] = field(default_factory=list)
    acc_x: list[float] = field(default_factory=list)
    acc_y: list[float] = field(default_factory=list)
    epochs: int = 1
    progress: float = 0.0  # fraction of this model's run done

    def add_batch(self, m: ModelBatchMetrics) -> None:
        self.loss_x.append(m.epoch - 1 + m.batch / m.batches_per_epoch)
        self.loss_y.append(self.smoother.add(m.loss))
        self.progress = (m.epoch - 1 + m.progress) / max(1, self.epochs)

    def add_epoch(self, m: ModelEpochMetrics) -> None:
        if m.test_accuracy is not None:
            self.acc_x.append(float(m.epoch))
            self.acc_y.append(100.0 * m.test_accuracy)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.2%}"


def _plot(title: str, x_label: str, y_label: str, legend_offset: tuple[int, int], grid: bool) -> pg.PlotWidget:
    """A plot for live curves; ``grid`` only where it redraws rarely (a grid is most of a repaint's cost)."""
    plot = pg.PlotWidget()
    plot.setTitle(title, size="12pt")
    plot.setLabel("bottom", x_label)
    plot.setLabel("left", y_label)
    if grid:
        plot.showGrid(x=True, y=True, alpha=0.25)
    plot.addLegend(offset=legend_offset, labelTextSize="10pt")
    plot.setMouseEnabled(x=False, y=False)
    plot.setMinimumHeight(220)
    return plot


class TrainingLabTab(QWidget):
    """Controls and the CNN's first-layer filters on the left; curves and the results table on the right."""

    run_finished = pyqtSignal(object)  # ComparisonResult, once it is in the table
    run_ended = pyqtSignal(str)  # "finished", "stopped" or "failed"

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.results: list[ComparisonResult] = []  # finished runs, oldest first (the table's rows)
        self._thread: QThread | None = None
        self._worker: TrainWorker | None = None
        self._live: dict[str, LiveCurve] = {}
        self.live_items: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        self._pending_filters: np.ndarray | None = None
        self._filter_caption = ""
        self._drawn_points: dict[tuple[str, str], int] = {}  # (model, curve) -> points handed to the plot
        self._shown_filters: tuple[np.ndarray, str] | None = None
        self._loss_top = 0.0  # the loss axis's top, before its 5% headroom
        self._dirty = False
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setInterval(REDRAW_MS)
        self._redraw_timer.timeout.connect(self._redraw)

        layout = QHBoxLayout(self)
        layout.addWidget(self._build_controls())
        splitter = QSplitter()
        splitter.setOrientation(pg.QtCore.Qt.Orientation.Vertical)
        plots = QWidget()
        plots_layout = QHBoxLayout(plots)
        plots_layout.setContentsMargins(0, 0, 0, 0)
        self.loss_plot = _plot(LOSS_TITLE, "epoch", "cross-entropy loss", (-10, 10), grid=False)
        self.acc_plot = _plot(ACCURACY_TITLE, "epoch", "accuracy (%)", (-10, -10), grid=True)
        self._set_axes(ComparisonConfig().epochs)
        plots_layout.addWidget(self.loss_plot)
        plots_layout.addWidget(self.acc_plot)
        splitter.addWidget(plots)
        splitter.addWidget(self._build_results())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self._show_starting_filters()
        for spin in (self.conv1_filters, self.seed):
            spin.valueChanged.connect(self._on_cnn_settings_changed)
        self._restyle()

    # -- construction ----------------------------------------------------------------------------
    def _build_controls(self) -> QWidget:
        panel = QWidget()
        panel.setFixedWidth(300)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        defaults = ComparisonConfig()
        data = self.state.data

        models = QGroupBox("Models")
        form = QFormLayout(models)
        self.fc_hidden = self._spin(8, 4096, defaults.fc_hidden, step=32)
        self.fc_hidden.setToolTip("Neurons in the FC network's hidden layer (784 → hidden → 10)")
        self.conv1_filters = self._spin(1, 64, defaults.conv1_filters)
        self.conv2_filters = self._spin(1, 64, defaults.conv2_filters)
        form.addRow(QLabel(f"<span style='color:{FC_COLOR}'>■</span> FC hidden size"), self.fc_hidden)
        form.addRow(QLabel(f"<span style='color:{CNN_COLOR}'>■</span> CNN conv 1 filters"), self.conv1_filters)
        form.addRow(QLabel(f"<span style='color:{CNN_COLOR}'>■</span> CNN conv 2 filters"), self.conv2_filters)
        column.addWidget(models)

        training = QGroupBox("Training (the same for both)")
        form = QFormLayout(training)
        self.train_samples = self._spin(MIN_TRAIN_SAMPLES, len(data.train_labels), defaults.train_samples, step=500)
        self.train_samples.setToolTip("A seeded sample with every digit in its usual proportion")
        self.test_samples = self._spin(100, len(data.test_labels), len(data.test_labels), step=1000)
        self.epochs = self._spin(1, MAX_EPOCHS, defaults.epochs)
        self.batch_size = self._spin(8, 1024, defaults.batch_size, step=16)
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(4)
        self.lr.setRange(0.0001, 1.0)
        self.lr.setSingleStep(0.0005)
        self.lr.setValue(defaults.lr)
        self.optimizer = QComboBox()
        self.optimizer.addItem("Adam", "adam")
        self.optimizer.addItem("SGD + momentum 0.9", "sgd")
        self.seed = self._spin(0, 999_999, defaults.seed)
        self.device = QComboBox()
        self.device.addItem("auto", "auto")
        for name in available_devices():
            self.device.addItem(name.upper() if name != "mps" else "Apple GPU", name)
        self.mode = QComboBox()
        for text, value in MODES:
            self.mode.addItem(text, value)
        self.mode.setCurrentIndex(next(i for i, (_, v) in enumerate(MODES) if v == defaults.mode))
        self.mode.setToolTip("One after the other leaves a core free for the window; both at once share the cores")
        for label, widget in (
            ("Training digits", self.train_samples), ("Test digits", self.test_samples), ("Epochs", self.epochs),
            ("Batch size", self.batch_size), ("Learning rate", self.lr), ("Optimizer", self.optimizer),
            ("Seed", self.seed), ("Device", self.device), ("Run", self.mode),
        ):
            form.addRow(label, widget)
        column.addWidget(training)

        self.train_button = QPushButton("Train both")
        font = QFont(self.train_button.font())
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.train_button.setFont(font)
        self.train_button.setMinimumHeight(40)
        self.train_button.clicked.connect(self.toggle_training)
        column.addWidget(self.train_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        column.addWidget(self.progress)
        self.status = QLabel("Press “Train both” to train the FC network and the CNN on the same digits.")
        self.status.setWordWrap(True)
        column.addWidget(self.status)

        self.filters_title = QLabel("CNN conv 1 filters")
        bold = QFont(self.filters_title.font())
        bold.setBold(True)
        self.filters_title.setFont(bold)
        self.filters_title.setWordWrap(True)
        column.addWidget(self.filters_title)
        self.filters_view = pg.GraphicsLayoutWidget()
        self.filters_box = image_view_box(border="#9a9aa2")
        self.filters_picture = PictureItem()
        self.filters_box.addItem(self.filters_picture)
        self.filters_view.addItem(self.filters_box)
        self.filters_view.setMinimumHeight(120)
        self.filters_view.setToolTip("The 3×3 kernels of the CNN's first layer: red positive, blue negative weights")
        column.addWidget(self.filters_view, 1)
        return panel

    @staticmethod
    def _spin(low: int, high: int, value: int, step: int = 1) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSingleStep(step)
        spin.setValue(value)
        spin.setGroupSeparatorShown(True)
        return spin

    def _build_results(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.verdict = QLabel("")
        font = QFont(self.verdict.font())
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.verdict.setFont(font)
        self.verdict.setWordWrap(True)
        column.addWidget(self.verdict)
        self.table = QTableWidget(0, len(TABLE_COLUMNS))
        self.table.setHorizontalHeaderLabels(TABLE_COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        rows = self.table.verticalHeader()
        assert rows is not None
        rows.setVisible(False)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        assert header is not None
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.export_csv_button = QPushButton("Export CSV…")
        self.export_csv_button.clicked.connect(self.export_csv_dialog)
        self.export_png_button = QPushButton("Export PNG…")
        self.export_png_button.clicked.connect(self.export_png_dialog)
        self.clear_button = QPushButton("Clear previous runs")
        self.clear_button.clicked.connect(self.clear_runs)
        for button in (self.export_csv_button, self.export_png_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self._update_buttons()
        return box

    # -- configuration -----------------------------------------------------------------------------
    def config(self) -> ComparisonConfig:
        """The comparison the controls describe."""
        test = self.test_samples.value()
        return ComparisonConfig(
            fc_hidden=self.fc_hidden.value(), conv1_filters=self.conv1_filters.value(),
            conv2_filters=self.conv2_filters.value(), epochs=self.epochs.value(),
            batch_size=self.batch_size.value(), lr=self.lr.value(), optimizer=self.optimizer.currentData(),
            seed=self.seed.value(), device=self.device.currentData(), train_samples=self.train_samples.value(),
            test_samples=None if test >= len(self.state.data.test_labels) else test, mode=self.mode.currentData(),
        )

    def set_config(self, config: ComparisonConfig) -> None:
        """Put a configuration into the controls (used to repeat a run, and by tests)."""
        self.fc_hidden.setValue(config.fc_hidden)
        self.conv1_filters.setValue(config.conv1_filters)
        self.conv2_filters.setValue(config.conv2_filters)
        self.epochs.setValue(config.epochs)
        self.batch_size.setValue(config.batch_size)
        self.lr.setValue(config.lr)
        self.optimizer.setCurrentIndex(max(0, self.optimizer.findData(config.optimizer)))
        self.seed.setValue(config.seed)
        self.device.setCurrentIndex(max(0, self.device.findData(config.device)))
        self.train_samples.setValue(config.train_samples)
        self.test_samples.setValue(config.test_samples or len(self.state.data.test_labels))
        self.mode.setCurrentIndex(max(0, self.mode.findData(config.mode)))

    # -- running -------------------------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        return self._thread is not None

    def toggle_training(self) -> None:
        if self.is_running:
            self.stop_training()
        else:
            self.start_training()

    def start_training(self) -> bool:
        if self.is_running:
            return False
        config = self.config()
        data = self.state.data
        problems = config.problems(data)
        if problems:
            self._set_status(" ".join(problems), error=True)
            return False

        def job(on_batch: Any, on_epoch: Any, should_stop: Any) -> ComparisonResult:
            return run_comparison(config, data, on_batch=on_batch, on_epoch=on_epoch, should_stop=should_stop)

        self._reset_plots(config)
        worker = TrainWorker(job)
        worker.batch_done.connect(self._on_batch)
        worker.epoch_done.connect(self._on_epoch)
        worker.finished.connect(self._on_finished)
        worker.cancelled.connect(self._on_cancelled)
        worker.failed.connect(self._on_failed)
        self._worker = worker
        self._thread = start_in_thread(worker, worker.run)
        self.train_button.setText("Stop")
        self._set_controls_enabled(False)
        self.progress.setValue(0)
        self._set_status(f"Training both on {config.train_samples:,} digits…")
        self._redraw_timer.start()
        return True

    def stop_training(self) -> None:
        """Ask the worker to stop; it does before its next batch, and ``run_ended`` says so."""
        if self._worker is not None:
            self._worker.cancel()
            self.train_button.setEnabled(False)
            self._set_status("Stopping…")

    def shutdown(self) -> None:
        """Stop training and wait for the worker thread (the window is closing)."""
        if self._worker is not None:
            self._worker.cancel()
        stop_thread(self._thread, timeout_ms=5000)
        self._thread = None
        self._worker = None
        self._redraw_timer.stop()

    def _end_run(self, outcome: str) -> None:
        stop_thread(self._thread)
        self._thread = None
        self._worker = None
        self._redraw_timer.stop()
        self._redraw()
        self.train_button.setText("Train both")
        self.train_button.setEnabled(True)
        self._set_controls_enabled(True)
        self._update_buttons()
        self.run_ended.emit(outcome)

    def _on_batch(self, m: ModelBatchMetrics) -> None:
        if m.model in self._live:
            self._live[m.model].add_batch(m)
            self._take_filters(m.filters, f"epoch {m.epoch}, batch {m.batch}/{m.batches_per_epoch}")

    def _on_epoch(self, m: ModelEpochMetrics) -> None:
        if m.model in self._live:
            self._live[m.model].add_epoch(m)
            self._take_filters(m.filters, f"after epoch {m.epoch}/{m.epochs}")

    def _take_filters(self, filters: np.ndarray | None, caption: str) -> None:
        """Keep the newest snapshot for the next redraw (older ones are simply skipped)."""
        if filters is not None:
            self._pending_filters = filters
            self._filter_caption = caption
        self._dirty = True

    def _on_finished(self, result: ComparisonResult) -> None:
        self.results.append(result)
        self._add_table_rows(len(self.results), result)
        self.progress.setValue(1000)
        sizes = parameter_ratio_text(result.fc.parameters, result.cnn.parameters)
        self.verdict.setText(f"Run {len(self.results)}: {verdict(result)}; {sizes}.")
        fc, cnn = result.fc, result.cnn
        self._set_status(
            f"Done in {result.wall_time_s:.1f} s on {result.device.upper()}. Test accuracy: "
            f"FC {_percent(fc.test_accuracy)}, CNN {_percent(cnn.test_accuracy)} "
            f"({fc.test_samples:,} test digits)."
        )
        self._take_filters(cnn.filters, f"after epoch {len(cnn.history)} (final)")
        self._end_run("finished")
        self.run_finished.emit(result)

    def _on_cancelled(self) -> None:
        self._set_status("Stopped. The curves show how far it got; the table keeps only finished runs.")
        self._end_run("stopped")

    def _on_failed(self, message: str) -> None:
        self._set_status(f"Training failed: {message}", error=True)
        self._end_run("failed")

    # -- drawing -------------------------------------------------------------------------------------
    def _reset_plots(self, config: ComparisonConfig) -> None:
        """Clear the plots, draw the last finished runs dashed, and add empty curves for this run."""
        for plot in (self.loss_plot, self.acc_plot):
            plot.clear()
        self._set_axes(config.epochs)
        self.acc_plot.enableAutoRange(axis="y")
        self._drawn_points = {}
        self._loss_top = 0.0
        first_shown = max(0, len(self.results) - PREVIOUS_RUNS_SHOWN)
        for number, result in enumerate(self.results[first_shown:], start=first_shown + 1):
            for run in result.runs:
                pen = pg.mkPen(COLORS[run.key], width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine)
                per_epoch = max(1, run.batches_per_epoch)
                x = np.arange(1, len(run.batch_losses) + 1) / per_epoch
                smoothed = smooth(run.batch_losses)
                self.loss_plot.plot(x, smoothed, pen=pen, name=f"run {number}: {run.label}")
                self._fit_loss_axis(float(smoothed.max(initial=0.0)))
                accuracy = [(m.epoch, 100 * m.test_accuracy) for m in run.history if m.test_accuracy is not None]
                if accuracy:
                    ax, ay = zip(*accuracy, strict=True)
                    self.acc_plot.plot(ax, ay, pen=pen, name=f"run {number}: {run.label}")
        self._live = {FC_KEY: LiveCurve(epochs=config.epochs), CNN_KEY: LiveCurve(epochs=config.epochs)}
        labels = {FC_KEY: config.fc_label, CNN_KEY: config.cnn_label}
        this_run = len(self.results) + 1
        self.live_items = {}
        for key, label in labels.items():
            pen = pg.mkPen(COLORS[key], width=2.5)
            name = f"run {this_run}: {label}" if self.results else label
            loss_item = self.loss_plot.plot([], [], pen=pen, name=name)
            acc_item = self.acc_plot.plot([], [], pen=pen, symbol="o", symbolSize=7, symbolBrush=COLORS[key],
                                          symbolPen=None, name=name)
            loss_item.setDownsampling(auto=True, method="mean")
            loss_item.setClipToView(True)
            self.live_items[key] = (loss_item, acc_item)
        self._dirty = True

    def _set_axes(self, epochs: int) -> None:
        self.loss_plot.setXRange(0, epochs, padding=0.02)
        self.loss_plot.setYRange(0, 2.5, padding=0)  # cross-entropy of a 10-way guess starts near ln 10 ≈ 2.3
        self.acc_plot.setXRange(0.5, epochs + 0.5, padding=0)
        self.acc_plot.setYRange(0, 100, padding=0.02)

    def _redraw(self) -> None:
        """Hand the curves their new points (only those that grew: every update repaints a plot)."""
        if not self._dirty:
            return
        self._dirty = False
        for key, live in self._live.items():
            loss_item, acc_item = self.live_items[key]
            if len(live.loss_x) != self._drawn_points.get((key, "loss"), 0):
                loss_item.setData(live.loss_x, live.loss_y)
                self._drawn_points[(key, "loss")] = len(live.loss_x)
                self._fit_loss_axis(max(live.loss_y))
            if len(live.acc_x) != self._drawn_points.get((key, "acc"), 0):
                acc_item.setData(live.acc_x, live.acc_y)
                self._drawn_points[(key, "acc")] = len(live.acc_x)
        if self._live:
            self.progress.setValue(int(1000 * sum(live.progress for live in self._live.values()) / len(self._live)))
        if self._pending_filters is not None:
            self._show_filters(self._pending_filters, self._filter_caption)
            self._pending_filters = None

    def _fit_loss_axis(self, highest: float) -> None:
        """Loss axis from 0 to the highest loss shown, changed only when that grows (no rescaling per batch)."""
        if highest > self._loss_top:
            self._loss_top = highest
            self.loss_plot.setYRange(0, highest * 1.05, padding=0)

    def _show_filters(self, filters: np.ndarray, caption: str) -> None:
        """Tile the first layer's kernels into one picture, on one colour scale centred at 0."""
        self._shown_filters = (filters, caption)
        count, kh, kw = filters.shape
        scale = 8  # each weight as an 8×8 block, so the gaps between kernels stay thin
        big = np.kron(filters, np.ones((1, scale, scale), dtype=np.float32))
        grid = grid_for(count, kh * scale, kw * scale, gap=3, cols=math.ceil(math.sqrt(2 * count)))
        mosaic = tile_maps(big, grid)
        background = palette_colours(self)[0]  # the gaps between kernels
        self.filters_picture.show_rgb(colorize(mosaic, DIVERGING_MAP, value_range(filters, signed=True), background))
        self.filters_box.autoRange(padding=0.02)
        self.filters_title.setText(f"CNN conv 1 filters · {caption}")

    def _show_starting_filters(self) -> None:
        """Before any training: the random filters the next run's CNN starts from (same seed, same sizes)."""
        _, cnn = build_pair(self.config())
        self._show_filters(first_layer_filters(cnn), "untrained (random start)")

    def changeEvent(self, event: QEvent | None) -> None:
        """Follow a light/dark palette switch: plots re-coloured, filter gaps redrawn in the new background."""
        super().changeEvent(event)
        if is_palette_change(event):
            self._restyle()
            if self._shown_filters is not None:
                self._show_filters(*self._shown_filters)

    def _restyle(self) -> None:
        """Plot colours from the palette: pyqtgraph copies them when an item is made, so set them again."""
        background, foreground = palette_colours(self)
        restyle_plots(self, background, foreground)
        for plot, title in ((self.loss_plot, LOSS_TITLE), (self.acc_plot, ACCURACY_TITLE)):
            plot.setTitle(title, size="12pt", color=foreground)
            legend = plot.getPlotItem().legend
            if legend is not None:
                legend.setLabelTextColor(foreground)
                for _, label in legend.items:
                    label.setText(label.text)  # existing labels keep their old colour until re-rendered

    def _on_cnn_settings_changed(self) -> None:
        if not self.is_running and not self.results:
            self._show_starting_filters()

    # -- results table --------------------------------------------------------------------------------
    def _add_table_rows(self, number: int, result: ComparisonResult) -> None:
        for run in result.runs:
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = (
                str(number), run.label, f"{run.parameters:,}", f"{run.train_time_s:.1f}",
                _percent(run.train_accuracy), _percent(run.test_accuracy),
                "—" if run.test_errors is None else f"{run.test_errors:,} / {run.test_samples:,}",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"Run {number}: {result.config.summary}\n{verdict(result)}")
                if col == 1:
                    item.setForeground(pg.mkColor(COLORS[run.key]))
                self.table.setItem(row, col, item)
        self.table.scrollToBottom()

    def clear_runs(self) -> None:
        """Forget finished runs (table, dashed curves); the curves on screen stay until the next run."""
        self.results.clear()
        self.table.setRowCount(0)
        self.verdict.setText("")
        self._update_buttons()

    # -- export --------------------------------------------------------------------------------------
    def export_csv(self, path: Path) -> tuple[Path, Path] | None:
        """Write the results table to ``path`` and every curve to ``<name>-curves.csv`` beside it."""
        if not self.results:
            self._set_status("Nothing to export yet: finish a run first.", error=True)
            return None
        curves_path = path.with_name(f"{path.stem}-curves.csv")
        try:
            write_csv(path, summary_rows(self.results), SUMMARY_COLUMNS)
            write_csv(curves_path, curve_rows(self.results), CURVE_COLUMNS)
        except OSError as exc:
            self._set_status(f"Could not write {path}: {exc.strerror or exc}", error=True)
            return None
        self._set_status(f"Saved {path.name} and {curves_path.name} in {path.parent}.")
        return path, curves_path

    def export_png(self, path: Path) -> bool:
        """Save a picture of the whole tab: controls, curves, filters and the table."""
        if not self.grab().save(str(path), "PNG"):
            self._set_status(f"Could not write {path}.", error=True)
            return False
        self._set_status(f"Saved {path.name} in {path.parent}.")
        return True

    def export_csv_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export results as CSV", "training-lab.csv", "CSV (*.csv)")
        if name:
            self.export_csv(Path(name))

    def export_png_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export the lab as PNG", "training-lab.png", "PNG (*.png)")
        if name:
            self.export_png(Path(name))

    # -- helpers -------------------------------------------------------------------------------------
    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #c0392b;" if error else "")

    def _set_controls_enabled(self, enabled: bool) -> None:
        for widget in (self.fc_hidden, self.conv1_filters, self.conv2_filters, self.train_samples, self.test_samples,
                       self.epochs, self.batch_size, self.lr, self.optimizer, self.seed, self.device, self.mode,
                       self.clear_button):
            widget.setEnabled(enabled)

    def _update_buttons(self) -> None:
        has_results = bool(self.results)
        self.export_csv_button.setEnabled(has_results)
        self.clear_button.setEnabled(has_results and not self.is_running)
