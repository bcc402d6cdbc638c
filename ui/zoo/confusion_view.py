"""The "Where it errs" panel: the confusion matrix of a model on the test set, and its most confident mistakes.

The evaluation runs as the background job "evaluate" (policy "replace": a newer model's evaluation
replaces a running one) on a private copy of the model, and stops within one chunk when cancelled.
Clicking a mistake puts that digit on the canvas, so the other tabs show how the model saw it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from PyQt6.QtCore import QSize, Qt, pyqtSignal
from PyQt6.QtGui import QBrush, QColor, QFont, QIcon, QImage, QPixmap
from PyQt6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from torch import nn

from cnnviz.data import MnistData
from cnnviz.jobs import Job
from cnnviz.training import CheckpointMeta, EvalResult, TensorData, load_checkpoint
from cnnviz.training.checkpoint import input_spec
from cnnviz.training.device import threads_for
from cnnviz.training.trainer import evaluate_unless_stopped
from cnnviz.zoo.confusion import ConfusionMatrix, Misclassified, confusion_from_eval, misclassified
from cnnviz.zoo.report import cached_checkpoints
from ui.i18n import translate, worded
from ui.state import AppState
from ui.tasks import TaskRunner
from ui.theme import palette, text_on
from ui.widgets.lazy import LazyPanel
from ui.widgets.status_label import StatusLabel
from ui.widgets.tables import fill_table, make_table

GALLERY_LIMIT = 48

Evaluate = Callable[[nn.Module, TensorData, Callable[[], bool]], EvalResult | None]  # None: it was stopped


def digit_icon(image: np.ndarray, scale: int = 3) -> QIcon:
    """A test image (grey (H, W) or colour (H, W, 3) uint8) as an icon ``scale`` times its size."""
    img = np.ascontiguousarray(image.astype(np.uint8))
    h, w = img.shape[:2]
    fmt = QImage.Format.Format_RGB888 if img.ndim == 3 else QImage.Format.Format_Grayscale8
    qimage = QImage(img.tobytes(), w, h, img.strides[0], fmt).copy()
    return QIcon(QPixmap.fromImage(qimage).scaled(w * scale, h * scale))


def mistake_gallery() -> QListWidget:
    """A gallery of mistakes' thumbnails that wrap to the panel's width (the zoo's, the Training lab's)."""
    gallery = QListWidget()
    gallery.setViewMode(QListView.ViewMode.IconMode)
    gallery.setResizeMode(QListView.ResizeMode.Adjust)
    gallery.setMovement(QListView.Movement.Static)
    gallery.setIconSize(QSize(84, 84))
    gallery.setSpacing(4)
    gallery.setWordWrap(True)
    return gallery


def mistake_item(m: Misclassified, names: Sequence[str]) -> QListWidgetItem:
    """One mistake in a gallery: its picture, true → predicted class, and how sure the model was."""
    text = translate("ConfusionView", "true {true} → {predicted}\n{confidence:.0%} sure").format(
        true=names[m.true_label], predicted=names[m.predicted], confidence=m.confidence)
    item = QListWidgetItem(digit_icon(m.image), text)
    item.setToolTip(translate("ConfusionView", "Open this image on the canvas"))
    return item


def put_on_canvas(state: AppState, mistake: Misclassified) -> None:
    """A misclassified test digit becomes the input ([0, 1] like a drawing), with its true label."""
    state.set_input(mistake.image.astype(np.float32) / 255.0, mistake.true_label)


def class_mismatch(meta: CheckpointMeta, data: MnistData) -> str | None:
    """Why a model cannot be scored on ``data`` (it answers in other classes), or None when it can."""
    if list(meta.class_names) == list(data.class_names):
        return None
    def few(names: Sequence[str]) -> str:
        return ", ".join(names[:4]) + (", …" if len(names) > 4 else "")
    return translate("ConfusionView", "This model answers in other classes ({model_classes}) than the open data set "
                     "{data} ({data_classes}): train one on it (File → Retrain explorer CNN, or the accuracy report) "
                     "to see where it errs.").format(model_classes=few(meta.class_names), data=data.name,
                                                     data_classes=few(data.class_names))


def rgb(colour: str) -> tuple[int, int, int]:
    c = QColor(colour)
    return c.red(), c.green(), c.blue()


def cell_colour(count: int, worst: int, diagonal: bool) -> tuple[int, int, int] | None:
    """Correct cells in the palette's green, mistakes from pale to strong red with their count."""
    if diagonal:
        return rgb(palette().diagonal_bg)
    if not count:
        return None
    strength = count / max(worst, 1)
    return 255, int(235 - 150 * strength), int(225 - 170 * strength)


class ConfusionView(LazyPanel):
    """Confusion matrix and the most confident mistakes of the current model or of a report's model."""

    evaluated = pyqtSignal()
    digit_chosen = pyqtSignal(int)  # a mistake was put on the canvas (its index in the test set)

    def __init__(self, state: AppState, *, evaluate: Evaluate = evaluate_unless_stopped) -> None:
        super().__init__()
        self.state = state
        self.evaluate_fn = evaluate
        self.tasks = TaskRunner(self)
        self.matrix: ConfusionMatrix | None = None
        self.result: EvalResult | None = None
        self.mistakes: list[Misclassified] = []
        self.needs_evaluation = True
        self.source = QComboBox()
        self.source.currentIndexChanged.connect(self.source_changed)
        self.source.setAccessibleName(translate("ConfusionView", "Model to evaluate"))
        self.source.setToolTip(translate("ConfusionView", "The current model, or a model the accuracy report has "
                                         "trained and kept"))
        self.summary = StatusLabel()
        top = QHBoxLayout()
        model_label = QLabel(translate("ConfusionView", "Model:"))
        model_label.setBuddy(self.source)
        top.addWidget(model_label)
        top.addWidget(self.source)
        top.addWidget(self.summary, 1)
        self.table = make_table([str(i) for i in range(10)], selectable=True)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectItems)
        self.table.cellClicked.connect(self.show_cell)
        self.table.setAccessibleName(translate("ConfusionView", "Confusion matrix"))
        self.table.setAccessibleDescription(translate("ConfusionView", "Rows: true class, columns: predicted class, "
                                                      "each cell the number of test images; choose a cell to list "
                                                      "those images"))
        self.gallery_title = QLabel("")
        self.gallery_title.setWordWrap(True)
        self.gallery = mistake_gallery()
        self.gallery.itemClicked.connect(lambda item: self.open_digit(self.mistakes[self.gallery.row(item)]))
        self.gallery.setAccessibleName(translate("ConfusionView", "Misclassified test images"))
        self.gallery.setAccessibleDescription(translate("ConfusionView", "Each item: the true class, the class the "
                                                        "model chose and how sure it was; click one to open it on "
                                                        "the canvas"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(translate("ConfusionView", "Rows: true class · columns: predicted class · click a cell to see "
                                "those images"))
        hint.setWordWrap(True)
        left_layout.addWidget(hint)
        left_layout.addWidget(self.table, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.gallery_title)
        right_layout.addWidget(self.gallery, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([600, 600])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        state.model_changed.connect(self.model_changed)
        state.data_changed.connect(self.data_changed)
        self.refresh_sources()

    # -- which model -------------------------------------------------------------------------------
    def refresh_sources(self) -> None:
        """The current model, then every model the accuracy report has kept."""
        self.source.blockSignals(True)
        current = self.source.currentData()
        self.source.clear()
        name = self.state.meta.model if self.state.meta is not None else translate("ConfusionView", "none yet")
        self.source.addItem(translate("ConfusionView", "Current model ({name})").format(name=name), None)
        for label, path in cached_checkpoints():
            self.source.addItem(translate("ConfusionView", "From the report: {label}").format(label=worded(label)),
                                str(path))
        self.source.setCurrentIndex(max(self.source.findData(current), 0))
        self.source.blockSignals(False)

    def model_changed(self) -> None:
        self.refresh_sources()
        if self.source.currentData() is None:
            self.source_changed()

    def data_changed(self) -> None:
        """Another test set: the matrix and mistakes of the old one no longer apply."""
        self.result, self.matrix = None, None
        self.table.setRowCount(0)
        self.show_gallery()
        self.source_changed()

    def source_changed(self) -> None:
        self.needs_evaluation = True
        self.mark_dirty()

    # -- evaluating --------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.needs_evaluation:
            self.evaluate()
        elif self.matrix is not None:
            self.show_matrix(self.matrix)

    def evaluate(self) -> None:
        """Evaluate the chosen model on the test set in the background, on a private copy of the model."""
        path = self.source.currentData()
        if path is None and self.state.model is None:
            self.summary.say(translate("ConfusionView", "No model yet: the explorer CNN is still training."))
            return
        model, meta, data, evaluate_fn = self.state.model, self.state.meta, self.state.data, self.evaluate_fn
        self.needs_evaluation = False
        if path is None and meta is not None and (why := class_mismatch(meta, data)) is not None:
            self.summary.say(why, error=True)
            return

        def job(j: Job) -> EvalResult | None:
            if path is not None or model is None or meta is None:
                net, net_meta = load_checkpoint(Path(path))
                if (why := class_mismatch(net_meta, data)) is not None:
                    raise ValueError(why)
            else:
                net, net_meta = copy.deepcopy(model), meta
            images = TensorData.from_arrays(data.test_images, data.test_labels, input_spec(net_meta))
            return evaluate_fn(net, images, j.should_stop)

        self.summary.say(translate("ConfusionView", "Evaluating on the {n:,} test images…").format(
            n=len(data.test_labels)))
        self.tasks.run("evaluate", job, policy="replace", threads=threads_for("evaluate"), on_done=self.show_result,
                       on_failed=self.failed)

    def failed(self, message: str) -> None:
        self.summary.say(translate("ConfusionView", "Could not evaluate this model: {why}").format(
            why=message.removeprefix("ValueError: ")), error=True)

    def show_result(self, result: EvalResult) -> None:
        self.result = result
        self.matrix = confusion_from_eval(result, self.state.data.class_names)
        self.show_matrix(self.matrix)
        self.show_gallery()
        self.evaluated.emit()

    def show_matrix(self, cm: ConfusionMatrix) -> None:
        names = list(cm.class_names)
        self.table.setColumnCount(len(names))
        fill_table(self.table, [[str(v) for v in row] for row in cm.counts], numeric=set(range(len(names))))
        self.table.setHorizontalHeaderLabels(names)
        self.table.setVerticalHeaderLabels(names)
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            assert header is not None
            header.setVisible(True)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        off = cm.counts.copy()
        np.fill_diagonal(off, 0)
        worst = int(off.max())
        big = QFont(self.table.font())
        big.setPointSizeF(big.pointSizeF() * 1.25)
        for t in range(len(names)):
            for p in range(len(names)):
                item = self.table.item(t, p)
                assert item is not None
                colour = cell_colour(int(cm.counts[t, p]), worst, t == p)
                if colour is not None:
                    item.setBackground(QBrush(QColor(*colour)))
                    item.setForeground(QBrush(QColor(text_on(colour))))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setFont(big)
        worst_pairs = ", ".join(f"{names[t]}→{names[p]} ({n})" for t, p, n in cm.top_confusions(3))
        self.summary.say(translate("ConfusionView", "Test accuracy {accuracy:.2%}: {errors:,} errors in {total:,} "
                                   "images. Most confused: {pairs}.").format(
            accuracy=cm.accuracy, errors=cm.errors, total=cm.total,
            pairs=worst_pairs or translate("ConfusionView", "none")))

    # -- the mistakes ------------------------------------------------------------------------------
    def show_cell(self, row: int, col: int) -> None:
        if row == col:
            self.show_gallery()
        else:
            self.show_gallery(row, col)

    def show_gallery(self, true_label: int | None = None, predicted: int | None = None) -> None:
        """The misclassified test images, most confident mistakes first; a click opens one on the canvas."""
        self.gallery.clear()
        self.mistakes = []
        if self.result is None:
            self.gallery_title.setText("")
            return
        names = self.state.data.class_names
        self.mistakes = misclassified(self.result, self.state.data.test_images, GALLERY_LIMIT, true_label,
                                      predicted)
        which = (translate("ConfusionView", "true {true} predicted as {predicted}").format(
            true=names[true_label], predicted=names[predicted]) if true_label is not None and predicted is not None
            else translate("ConfusionView", "all classes"))
        self.gallery_title.setText(translate("ConfusionView", "Misclassified test images ({which}), most confident "
                                             "mistakes first: {n} shown. Click one to open it on the canvas.").format(
            which=which, n=len(self.mistakes)))
        for m in self.mistakes:
            self.gallery.addItem(mistake_item(m, names))

    def open_digit(self, mistake: Misclassified) -> None:
        """Put a misclassified digit on the canvas ([0, 1] like a drawing) with its true label."""
        put_on_canvas(self.state, mistake)
        self.digit_chosen.emit(mistake.index)
