"""The "Model zoo" tab: the accuracy report, the architecture lineage, where a model errs, receptive fields.

Everything shown is computed by ``cnnviz.zoo``: the report trains (or reads from its cache) on a
worker thread, evaluation for the confusion matrix runs on another; this module only lays it out.
"""

from __future__ import annotations

import copy
import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import Qt, QThread, pyqtSignal
from PyQt6.QtGui import QBrush, QColor, QFont, QImage, QPixmap, QShowEvent
from PyQt6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cnnviz.models import MODELS
from cnnviz.training import BatchMetrics, EvalResult, TensorData, available_devices, evaluate, load_checkpoint
from cnnviz.zoo.confusion import ConfusionMatrix, confusion_from_eval, misclassified
from cnnviz.zoo.lineage import dense_vs_conv, lineage_table
from cnnviz.zoo.receptive import model_receptive_fields, stack_vs_single
from cnnviz.zoo.report import (
    DEFAULT_MODELS,
    REPORT_COLUMNS,
    Report,
    build_report,
    cache_dir,
    cached_report,
    row_cells,
    row_notes,
)
from ui.state import AppState
from ui.theme import CNN_COLOR, FC_COLOR, HIGHLIGHT
from ui.workers import TrainWorker, start_in_thread, stop_thread

SEED_COLOR = "#9a9aa2"
GALLERY_LIMIT = 48


def _table(columns: tuple[str, ...] | list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.verticalHeader().setVisible(False)  # type: ignore[union-attr]
    table.setWordWrap(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], numeric: set[int] | None = None) -> None:
    """Put text rows into a table, right-aligning the numeric columns and fitting the columns."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if numeric and c in numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    table.resizeRowsToContents()


def _fit_height(table: QTableWidget) -> None:
    """Make a table exactly as tall as its rows, so short tables leave no empty box below them."""
    header = table.horizontalHeader()
    height = (header.height() if header is not None else 0) + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(height + 2)


def _text_item(text: str, anchor: tuple[float, float]) -> pg.TextItem:
    """A chart label in the theme's text colour (pyqtgraph's default grey is unreadable on white)."""
    return pg.TextItem(text, anchor=anchor, color=pg.getConfigOption("foreground"))


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _plot(left_label: str) -> pg.PlotWidget:
    plot = pg.PlotWidget()
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.setLabel("left", left_label)
    return plot


class ReportWorker(TrainWorker):
    """Builds the report off the GUI thread; says which model it is on so the progress line can show it."""

    model_started = pyqtSignal(str, int, int)

    def __init__(self, data: Any, models: list[str], device: str, budget_s: float | None):
        super().__init__(self._build, batch_every=10)
        self._data, self._models, self._device, self._budget_s = data, models, device, budget_s

    def _build(self, on_batch: Any, on_epoch: Any, should_stop: Any) -> Report:
        return build_report(self._data, self._models, device=self._device, budget_s=self._budget_s,
                            on_model=self.model_started.emit, on_batch=on_batch, on_epoch=on_epoch,
                            should_stop=should_stop)


class ReportView(QWidget):
    """The accuracy table and chart, opened from the cache; "Run report" trains what is missing."""

    report_ready = pyqtSignal()

    def __init__(self, state: AppState):
        super().__init__()
        self.state = state
        self.report: Report | None = None
        self._thread: QThread | None = None
        self._worker: ReportWorker | None = None
        self._epochs = 1

        intro = _note("Each model is trained with its registered recipe on the 60,000 MNIST training digits and "
                      "tested on the 10,000 test digits. The table compares the error measured here with the "
                      "seed's figure. Results are cached, so this view opens instantly after the first run.")
        self.checks: dict[str, QCheckBox] = {}
        pick = QHBoxLayout()
        pick.addWidget(QLabel("Models:"))
        for name in MODELS:
            box = QCheckBox(name)
            box.setChecked(name in DEFAULT_MODELS)
            box.toggled.connect(self.show_cached)
            self.checks[name] = box
            pick.addWidget(box)
        pick.addStretch(1)
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Device:"))
        self.device_combo = QComboBox()
        self.device_combo.addItems(["auto", *available_devices()])
        controls.addWidget(self.device_combo)
        controls.addWidget(QLabel("Time budget per model:"))
        self.budget = QDoubleSpinBox()
        self.budget.setRange(0.5, 600)
        self.budget.setValue(20)
        self.budget.setSuffix(" min")
        self.budget.setToolTip("A recipe that would take longer is trained for as many epochs as fit, "
                               "and the time the full recipe needs here is estimated.")
        controls.addWidget(self.budget)
        self.run_button = QPushButton("Run report")
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        controls.addWidget(self.run_button)
        controls.addWidget(self.cancel_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.status = QLabel("")
        controls.addWidget(self.progress, 1)
        controls.addWidget(self.status, 2)

        self.table = _table(REPORT_COLUMNS)
        self.notes = _note()
        self.chart = _plot("test error (%)")
        self.chart.addLegend(offset=(-10, 10))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(pick)
        layout.addLayout(controls)
        layout.addWidget(self.table)
        layout.addWidget(self.notes)
        layout.addWidget(self.chart, 100)
        layout.addStretch(1)  # keeps the controls at the top while there is no chart to show
        self.show_cached()

    def selected_models(self) -> list[str]:
        return [name for name, box in self.checks.items() if box.isChecked()]

    def show_cached(self) -> None:
        if not self.running:
            self.show_report(cached_report(self.state.data, self.selected_models()))

    def show_report(self, report: Report) -> None:
        self.report = report
        _fill(self.table, [row_cells(row) for row in report.rows], numeric={1, 2, 3, 5, 6, 7})
        header = self.table.horizontalHeader()
        assert header is not None
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        _fit_height(self.table)
        notes = [note.replace("`", "") for row in report.rows for note in row_notes(row)]  # Markdown code marks
        missing = [m for m in self.selected_models() if m not in {row.model for row in report.rows}]
        if missing and not self.running:
            notes.append(f"Not measured yet: {', '.join(missing)} — press Run report.")
        if report.rows:
            notes.append(f"Total wall time {sum(r.wall_time_s for r in report.rows) / 60:.1f} min "
                         f"on {', '.join(sorted({r.device for r in report.rows}))}.")
        self.notes.setText("\n".join(notes))
        self._draw_chart(report)
        self.report_ready.emit()

    def _draw_chart(self, report: Report) -> None:
        self.chart.clear()
        rows = report.rows
        self.chart.setVisible(bool(rows))  # an empty chart with made-up axes says nothing
        if not rows:
            return
        x = np.arange(len(rows), dtype=float)
        trained = [(i, r.test_error) for i, r in enumerate(rows) if r.test_error is not None]
        measured = np.array([error for _, error in trained], dtype=float)
        at = np.array([i for i, _ in trained], dtype=float)
        seed = np.array([r.seed_error if r.seed_error is not None else 0.0 for r in rows])
        self.chart.addItem(pg.BarGraphItem(x=at - 0.18, height=measured, width=0.34, brush=CNN_COLOR,
                                           name="measured here"))
        self.chart.addItem(pg.BarGraphItem(x=x + 0.18, height=seed, width=0.34, brush=SEED_COLOR,
                                           name="seed's figure"))
        for xi, value in zip(at, measured, strict=True):
            text = _text_item(f"{value:.2f}%", (0.5, 1.0))
            text.setPos(xi - 0.18, value)
            self.chart.addItem(text)
        ticks = [(i, r.model if not r.shortened else
                  f"{r.model} ({'not trained' if r.estimated_only else f'{r.epochs} of {r.recipe_epochs} epochs'})")
                 for i, r in enumerate(rows)]
        self.chart.getAxis("bottom").setTicks([ticks])
        self.chart.setXRange(-0.6, len(rows) - 0.4, padding=0)
        self.chart.setYRange(0, max(float(measured.max(initial=0)), float(seed.max())) * 1.2, padding=0)

    # -- running --------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._thread is not None

    def run(self) -> None:
        models = self.selected_models()
        if self.running or not models:
            self.status.setText("Tick at least one model." if not models else self.status.text())
            return
        worker = ReportWorker(self.state.data, models, self.device_combo.currentText(), self.budget.value() * 60)
        worker.model_started.connect(self._on_model_started)
        worker.batch_done.connect(self._on_batch)
        worker.finished.connect(self._on_finished)
        worker.cancelled.connect(self._on_cancelled)
        worker.failed.connect(self._on_failed)
        self._worker = worker
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText("Starting…")
        self._thread = start_in_thread(worker, worker.run)

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText("Cancelling after this batch…")

    def _on_model_started(self, name: str, index: int, total: int) -> None:
        self._model_text = f"{name} ({index + 1} of {total})"
        self._epochs = MODELS[name].recipe.epochs
        self.progress.setValue(0)
        self.status.setText(f"Training {self._model_text}…")

    def _on_batch(self, m: BatchMetrics) -> None:
        done = ((m.epoch - 1) + m.progress) / max(self._epochs, m.epoch)
        self.progress.setValue(int(done * 1000))
        self.status.setText(f"{self._model_text}: epoch {m.epoch}, batch {m.batch}/{m.batches_per_epoch}, "
                            f"{m.samples_per_s:,.0f} samples/s")

    def _end(self, message: str) -> None:
        stop_thread(self._thread)
        self._thread, self._worker = None, None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.hide()
        self.status.setText(message)

    def _on_finished(self, report: Report) -> None:
        self._end(f"Report ready: {len(report.rows)} models.")
        self.show_report(report)

    def _on_cancelled(self) -> None:
        self._end("Cancelled; finished models are cached.")
        self.show_cached()

    def _on_failed(self, message: str) -> None:
        self._end(f"The report failed: {message}")
        self.show_cached()

    def shutdown(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
        stop_thread(self._thread, 10_000)
        self._thread, self._worker = None, None


class LineageView(QWidget):
    """Seed 002's lineage with computed parameter counts, a log-scale chart and the dense-vs-conv numbers."""

    def __init__(self) -> None:
        super().__init__()
        self.entries = lineage_table()
        cmp = dense_vs_conv()
        self.comparison = _note(
            f"<b>Why convolutions?</b> One dense layer of 1,000 neurons on a 224×224×3 photo needs "
            f"<b>{cmp.dense_parameters:,}</b> weights ({cmp.dense_shape}); AlexNet's first convolutional layer "
            f"needs <b>{cmp.conv_parameters:,}</b> ({cmp.conv_shape}) — {cmp.ratio:,.0f}× fewer, because each "
            f"small filter is shared across the whole image.")
        self.comparison.setTextFormat(Qt.TextFormat.RichText)
        self.table = _table(("Network", "Year", "Idea it introduced", "Input", "Parameters"))
        _fill(self.table, [[e.name, str(e.year) if e.year else "this app", e.idea, e.input_size,
                            f"{e.parameters:,}"] for e in self.entries], numeric={1, 4})
        header = self.table.horizontalHeader()
        assert header is not None
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        _fit_height(self.table)
        footnote = _note("Counts are computed from module definitions built on PyTorch's meta device (no memory "
                         "used). AlexNet follows torchvision (64 first-layer filters, the single-GPU variant); "
                         "the 2012 paper's two-GPU network had 96, as in the comparison above. LeNet-5 is the "
                         "app's own definition: 28×28 digits padded to the original 32×32.")
        self.chart = _plot("parameters (log scale)")
        self._draw_chart()
        split = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(footnote)
        left_layout.addSpacing(12)
        left_layout.addWidget(self.comparison)
        left_layout.addStretch(1)
        split.addWidget(left)
        split.addWidget(self.chart)
        split.setSizes([760, 440])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)

    def _draw_chart(self) -> None:
        logs = np.log10([e.parameters for e in self.entries])
        y = np.arange(len(self.entries))[::-1].astype(float)
        colours = [HIGHLIGHT if e.year else (CNN_COLOR if e.convolutional else FC_COLOR) for e in self.entries]
        self.chart.addItem(pg.BarGraphItem(x0=0, y=y, height=0.7, width=logs, brushes=colours))
        for yi, e, value in zip(y, self.entries, logs, strict=True):
            text = _text_item(f"{e.parameters:,}", (0, 0.5))
            text.setPos(value + 0.05, yi)
            self.chart.addItem(text)
        self.chart.setLabel("left", "")
        self.chart.setLabel("bottom", "parameters (log scale)")
        self.chart.getAxis("left").setTicks([[(yi, e.name) for yi, e in zip(y, self.entries, strict=True)]])
        top = math.ceil(logs.max()) + 1
        self.chart.getAxis("bottom").setTicks([[(p, _power_of_ten(p)) for p in range(0, top + 1)]])
        self.chart.setXRange(0, top + 0.6, padding=0)
        self.chart.setYRange(-0.6, len(self.entries) - 0.4, padding=0)


def _power_of_ten(power: int) -> str:
    """10**power the way people say it: 1, 10, 100, 1k, 10k, … 1M, … 1B."""
    for exponent, suffix in ((9, "B"), (6, "M"), (3, "k")):
        if power >= exponent:
            return f"{10 ** (power - exponent)}{suffix}"
    return str(10**power)


def _digit_pixmap(image: np.ndarray, scale: int = 2) -> QPixmap:
    img = np.ascontiguousarray(image.astype(np.uint8))
    h, w = img.shape
    qimage = QImage(img.tobytes(), w, h, w, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(qimage).scaled(w * scale, h * scale)


class ConfusionView(QWidget):
    """Confusion matrix and the most confident mistakes of the current (or a cached zoo) model."""

    evaluated = pyqtSignal()

    def __init__(self, state: AppState):
        super().__init__()
        self.state = state
        self.matrix: ConfusionMatrix | None = None
        self.result: EvalResult | None = None
        self._dirty = True
        self._thread: QThread | None = None
        self._worker: TrainWorker | None = None
        self.source = QComboBox()
        self.source.currentIndexChanged.connect(self._source_changed)
        self.summary = _note("")
        top = QHBoxLayout()
        top.addWidget(QLabel("Model:"))
        top.addWidget(self.source)
        top.addWidget(self.summary, 1)
        self.table = _table([str(i) for i in range(10)])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.cellClicked.connect(self._cell_clicked)
        self.gallery_title = QLabel("")
        self.gallery = QWidget()
        self.gallery_grid = QGridLayout(self.gallery)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.gallery)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("Rows: true digit · columns: predicted digit · click a cell to see those "
                                     "digits"))
        left_layout.addWidget(self.table, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.gallery_title)
        right_layout.addWidget(scroll, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([600, 600])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        state.model_changed.connect(self._model_changed)
        self.refresh_sources()

    def refresh_sources(self) -> None:
        """The current model, then every checkpoint the accuracy report has cached."""
        self.source.blockSignals(True)
        current = self.source.currentData()
        self.source.clear()
        name = self.state.meta.model if self.state.meta is not None else "none yet"
        self.source.addItem(f"Current model ({name})", None)
        for path in sorted(cache_dir().glob("*.pt")):
            self.source.addItem(f"Report: {path.stem.split('-')[0]}", str(path))
        index = self.source.findData(current)
        self.source.setCurrentIndex(max(index, 0))
        self.source.blockSignals(False)

    def _model_changed(self) -> None:
        self.refresh_sources()
        if self.source.currentData() is None:
            self._dirty = True
            if self.isVisible():
                self.evaluate()

    def _source_changed(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.evaluate()

    def showEvent(self, event: QShowEvent | None) -> None:
        super().showEvent(event)
        if self._dirty:
            self.evaluate()

    def evaluate(self) -> None:
        """Evaluate the chosen model on the test set on a worker thread (a private copy of the model)."""
        if self._thread is not None:
            return
        path = self.source.currentData()
        if path is None and self.state.model is None:
            self.summary.setText("No model yet: the explorer CNN is still training.")
            return
        model = copy.deepcopy(self.state.model) if path is None else None
        data = self.state.data

        def job(on_batch: Any, on_epoch: Any, should_stop: Any) -> EvalResult:
            net = model if model is not None else load_checkpoint(path)[0]
            return evaluate(net, TensorData.from_arrays(data.test_images, data.test_labels))

        self._dirty = False
        self.summary.setText("Evaluating on the 10,000 test digits…")
        worker = TrainWorker(job)
        worker.finished.connect(self._on_evaluated)
        worker.failed.connect(self._on_failed)
        self._worker = worker
        self._thread = start_in_thread(worker, worker.run)

    def _end(self) -> None:
        stop_thread(self._thread)
        self._thread, self._worker = None, None

    def _on_failed(self, message: str) -> None:
        self._end()
        self.summary.setText(f"Could not evaluate: {message}")

    def _on_evaluated(self, result: EvalResult) -> None:
        self._end()
        self.result = result
        self.matrix = confusion_from_eval(result, self.state.data.class_names)
        self._show_matrix(self.matrix)
        self.show_gallery()
        self.evaluated.emit()
        if self._dirty and self.isVisible():  # the model changed while evaluating
            self.evaluate()

    def _show_matrix(self, cm: ConfusionMatrix) -> None:
        names = list(cm.class_names)
        self.table.setColumnCount(len(names))
        _fill(self.table, [[str(v) for v in row] for row in cm.counts], numeric=set(range(len(names))))
        self.table.setHorizontalHeaderLabels(names)
        self.table.setVerticalHeaderLabels(names)
        rows_header = self.table.verticalHeader()
        assert rows_header is not None
        rows_header.setVisible(True)
        rows_header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        off = cm.counts.copy()
        np.fill_diagonal(off, 0)
        worst = max(int(off.max()), 1)
        big = QFont(self.table.font())
        big.setPointSizeF(big.pointSizeF() * 1.25)
        for t in range(len(names)):
            for p in range(len(names)):
                item = self.table.item(t, p)
                assert item is not None
                if t == p:
                    item.setBackground(QBrush(QColor("#cfe8cf")))
                    item.setForeground(QBrush(QColor("#111111")))  # dark on the light tint, in either palette
                elif cm.counts[t, p]:
                    strength = cm.counts[t, p] / worst
                    item.setBackground(QBrush(QColor(255, int(235 - 150 * strength), int(225 - 170 * strength))))
                    item.setForeground(QBrush(QColor("#111111")))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setFont(big)
        header = self.table.horizontalHeader()
        assert header is not None
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        worst_pairs = ", ".join(f"{names[t]}→{names[p]} ({n})" for t, p, n in cm.top_confusions(3))
        self.summary.setText(f"Test accuracy {cm.accuracy:.2%}: {cm.errors:,} errors in {cm.total:,} digits. "
                             f"Most confused: {worst_pairs or 'none'}.")

    def _cell_clicked(self, row: int, col: int) -> None:
        if row == col:
            self.show_gallery()
        else:
            self.show_gallery(row, col)

    def show_gallery(self, true_label: int | None = None, predicted: int | None = None) -> None:
        """Thumbnails of misclassified test digits with true label, prediction and confidence."""
        while self.gallery_grid.count():
            item = self.gallery_grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        if self.result is None:
            return
        names = self.state.data.class_names
        mistakes = misclassified(self.result, self.state.data.test_images, GALLERY_LIMIT, true_label, predicted)
        which = (f"true {names[true_label]} predicted as {names[predicted]}" if true_label is not None
                 and predicted is not None else "all digits")
        self.gallery_title.setText(f"Misclassified test digits ({which}), most confident mistakes first: "
                                   f"{len(mistakes)} shown")
        cols = 6
        for i, m in enumerate(mistakes):
            cell = QLabel()
            cell.setPixmap(_digit_pixmap(m.image, 3))
            caption = QLabel(f"true {names[m.true_label]} → {names[m.predicted]}\n{m.confidence:.0%} sure")
            font = QFont(caption.font())
            font.setPointSizeF(font.pointSizeF() * 0.95)
            caption.setFont(font)
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(2, 2, 2, 2)
            box_layout.addWidget(cell)
            box_layout.addWidget(caption)
            self.gallery_grid.addWidget(box, i // cols, i % cols)

    def shutdown(self) -> None:
        stop_thread(self._thread, 10_000)
        self._thread, self._worker = None, None


class ReceptiveFieldView(QWidget):
    """How much of the digit each stage of a zoo model sees, and the 3×3-stack argument in numbers."""

    def __init__(self) -> None:
        super().__init__()
        self.model_combo = QComboBox()
        self.model_combo.addItems(list(MODELS))
        self.model_combo.setCurrentText("small_cnn")
        self.model_combo.currentTextChanged.connect(self.show_model)
        top = QHBoxLayout()
        top.addWidget(QLabel("Model:"))
        top.addWidget(self.model_combo)
        top.addStretch(1)
        self.table = _table(("Stage", "Output shape", "Sees (input pixels)", "Step between cells"))
        header = self.table.horizontalHeader()
        assert header is not None
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows = []
        for layers in (2, 3):
            c = stack_vs_single(layers)
            rows.append(f"{layers} stacked {c.kernel}×{c.kernel} convolutions ({c.channels}→{c.channels} maps) see "
                        f"<b>{c.stack_field}×{c.stack_field}</b> input pixels with <b>{c.stack_parameters:,}</b> "
                        f"parameters; one {c.single_kernel}×{c.single_kernel} convolution sees "
                        f"{c.single_field}×{c.single_field} with <b>{c.single_parameters:,}</b> — "
                        f"{c.saving:.0%} fewer for the stack, and it has {layers} non-linearities instead of one.")
        self.stack_note = _note("<br>".join(rows))
        self.stack_note.setTextFormat(Qt.TextFormat.RichText)
        self.chart = _plot("input pixels seen (side)")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(_note("Each convolution widens what a cell sees by (kernel − 1) × the step; pooling "
                               "doubles the step. Dense stages see the whole digit."))
        layout.addWidget(self.stack_note)
        layout.addWidget(self.chart, 1)
        self.show_model(self.model_combo.currentText())

    def show_model(self, name: str) -> None:
        fields = model_receptive_fields(name)
        _fill(self.table, [[f.stage, "×".join(str(s) for s in f.output_shape),
                            f"{f.size:g}×{f.size:g}" if f.spatial else "the whole image",
                            f"{f.jump:g}" if f.spatial else "—"] for f in fields])
        _fit_height(self.table)
        spatial = [f for f in fields if f.spatial]
        self.chart.clear()
        x = np.arange(len(spatial), dtype=float)
        sizes = np.array([f.size for f in spatial])
        self.chart.addItem(pg.BarGraphItem(x=x, height=sizes, width=0.6, brush=CNN_COLOR))
        for xi, value in zip(x, sizes, strict=True):
            label = _text_item(f"{value:g}×{value:g}", (0.5, 1.0))
            label.setPos(xi, value)
            self.chart.addItem(label)
        dashed = pg.mkPen(HIGHLIGHT, width=2, style=Qt.PenStyle.DashLine)
        label_opts = {"position": 0.08, "color": HIGHLIGHT, "anchors": [(0, 1), (0, 1)]}
        self.chart.addItem(pg.InfiniteLine(pos=28, angle=0, pen=dashed, label="the whole 28×28 digit",
                                           labelOpts=label_opts))
        self.chart.getAxis("bottom").setTicks([[(i, f.stage) for i, f in enumerate(spatial)]])
        self.chart.setXRange(-0.6, max(len(spatial), 1) - 0.4, padding=0)
        self.chart.setYRange(0, max(float(sizes.max(initial=0)), 28) * 1.15, padding=0)


class ZooTab(QWidget):
    def __init__(self, state: AppState):
        super().__init__()
        self.state = state
        self.report_view = ReportView(state)
        self.lineage_view = LineageView()
        self.confusion_view = ConfusionView(state)
        self.receptive_view = ReceptiveFieldView()
        self.views = QTabWidget()
        self.views.addTab(self.report_view, "Accuracy report")
        self.views.addTab(self.lineage_view, "Lineage")
        self.views.addTab(self.confusion_view, "Where it errs")
        self.views.addTab(self.receptive_view, "Receptive fields")
        self.report_view.report_ready.connect(self.confusion_view.refresh_sources)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.views)

    def shutdown(self) -> None:
        self.report_view.shutdown()
        self.confusion_view.shutdown()
