"""The lab's finished runs, one row per model, with the verdict in words and CSV/PNG export.

Only finished runs are kept (a stopped one has no final numbers); the next run's curves are drawn
over the last of them. The rows and CSV columns come from the core (``cnnviz.lab.report``).
"""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt, pyqtSignal
from PyQt6.QtGui import QColor, QFont
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cnnviz.lab import (
    CURVE_COLUMNS,
    SUMMARY_COLUMNS,
    ComparisonResult,
    curve_rows,
    parameter_ratio_text,
    summary_rows,
    verdict,
    write_csv,
)
from ui.i18n import number_text, translate, worded
from ui.lab.live_plots import COLORS
from ui.widgets.export import ask_save_path, save_png
from ui.widgets.status_label import StatusLabel
from ui.widgets.tables import fill_table, make_table

TABLE_COLUMNS = (QT_TRANSLATE_NOOP("ResultsTable", "Run"), QT_TRANSLATE_NOOP("ResultsTable", "Model"),
                 QT_TRANSLATE_NOOP("ResultsTable", "Parameters"), QT_TRANSLATE_NOOP("ResultsTable", "Time (s)"),
                 QT_TRANSLATE_NOOP("ResultsTable", "Train acc."), QT_TRANSLATE_NOOP("ResultsTable", "Test acc."),
                 QT_TRANSLATE_NOOP("ResultsTable", "Test errors"))
NUMERIC = {0, 2, 3, 4, 5, 6}
MODEL_COLUMN = 1


def percent(value: float | None) -> str:
    return "—" if value is None else number_text(f"{value:.2%}")


def table_rows(results: list[ComparisonResult]) -> list[tuple[str, ...]]:
    """The table's text, one row per model per run (run numbers from 1)."""
    rows: list[tuple[str, ...]] = []
    for number, result in enumerate(results, start=1):
        for run in result.runs:
            errors = "—" if run.test_errors is None else number_text(f"{run.test_errors:,} / {run.test_samples:,}")
            rows.append((str(number), worded(run.label), number_text(f"{run.parameters:,}"),
                         number_text(f"{run.train_time_s:.1f}"),
                         percent(run.train_accuracy), percent(run.test_accuracy), errors))
    return rows


class ResultsTable(QWidget):
    """``add(result)`` after each finished run; ``picture_of`` is what "Export PNG" saves (the whole tab)."""

    cleared = pyqtSignal()

    def __init__(self, picture_of: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture_of = picture_of or self
        self.results: list[ComparisonResult] = []  # finished runs, oldest first
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.verdict = QLabel("")
        font = QFont(self.verdict.font())
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.verdict.setFont(font)
        self.verdict.setWordWrap(True)
        # room for two lines from the start: a verdict appearing later must not need more than the splitter gave
        self.verdict.setFixedHeight(2 * self.verdict.fontMetrics().lineSpacing() + 4)
        column.addWidget(self.verdict)
        self.table = make_table([translate("ResultsTable", c) for c in TABLE_COLUMNS], selectable=True,
                                stretch=MODEL_COLUMN)
        self.table.setAccessibleName(translate("ResultsTable", "Finished runs"))
        self.table.setAccessibleDescription(translate("ResultsTable", "One row per model per finished run: "
                                                      "parameters, training time, train and test accuracy, test "
                                                      "errors"))
        self.table.setMinimumHeight(4 * self.table.fontMetrics().height())
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.export_csv_button = QPushButton(translate("ResultsTable", "Export CSV…"))
        self.export_csv_button.setToolTip(translate("ResultsTable", "Save the table, and every run's curves in a "
                                                    "second file, as CSV"))
        self.export_csv_button.clicked.connect(self.export_csv_dialog)
        self.export_png_button = QPushButton(translate("ResultsTable", "Export PNG…"))
        self.export_png_button.setToolTip(translate("ResultsTable", "Save a picture of the whole lab: form, curves, "
                                                    "filters and table"))
        self.export_png_button.clicked.connect(self.export_png_dialog)
        self.clear_button = QPushButton(translate("ResultsTable", "Clear previous runs"))
        self.clear_button.setToolTip(translate("ResultsTable", "Forget the finished runs: the table and the dashed "
                                               "curves of earlier runs"))
        self.clear_button.clicked.connect(self.clear)
        for button in (self.export_csv_button, self.export_png_button, self.clear_button):
            buttons.addWidget(button)
        self.message = StatusLabel()  # what an export did (the run's own status stays in the controls column)
        buttons.addWidget(self.message, 1)
        column.addLayout(buttons)
        self.set_running(False)

    def add(self, result: ComparisonResult) -> None:
        self.results.append(result)
        fill_table(self.table, table_rows(self.results), NUMERIC)
        for row in range(self.table.rowCount()):
            number = row // 2
            run = self.results[number].runs[row % 2]
            model = self.table.item(row, MODEL_COLUMN)
            if model is not None:  # the model's colour as a swatch: coloured text would not read on both palettes
                model.setData(Qt.ItemDataRole.DecorationRole, QColor(COLORS[run.key]))
                model.setToolTip(translate("ResultsTable", "Run {number}: {summary}").format(
                    number=number + 1, summary=worded(self.results[number].config.summary)))
        self.table.scrollToBottom()
        sizes = parameter_ratio_text(result.fc.parameters, result.cnn.parameters)
        self.verdict.setText(translate("ResultsTable", "Run {number}: {verdict}; {sizes}.").format(
            number=len(self.results), verdict=worded(verdict(result)), sizes=worded(sizes)))
        self.set_running(False)

    def clear(self) -> None:
        """Forget finished runs (table, dashed curves); the curves on screen stay until the next run."""
        self.results.clear()
        self.table.setRowCount(0)
        self.verdict.setText("")
        self.message.say("")
        self.set_running(False)
        self.cleared.emit()

    def set_running(self, running: bool) -> None:
        has_results = bool(self.results)
        self.export_csv_button.setEnabled(has_results)
        self.clear_button.setEnabled(has_results and not running)

    # -- export --------------------------------------------------------------------------------------
    def export_csv(self, path: Path) -> tuple[Path, Path] | None:
        """Write the results table to ``path`` and every curve to ``<name>-curves.csv`` beside it."""
        if not self.results:
            self.message.say(translate("ResultsTable", "Nothing to export yet: finish a run first."), error=True)
            return None
        curves_path = path.with_name(f"{path.stem}-curves.csv")
        try:
            write_csv(path, summary_rows(self.results), SUMMARY_COLUMNS)
            write_csv(curves_path, curve_rows(self.results), CURVE_COLUMNS)
        except OSError as exc:
            self.message.say(translate("ResultsTable", "Could not write {path}: {why}. Choose another folder.").format(
                path=path, why=exc.strerror or exc), error=True)
            return None
        self.message.say(translate("ResultsTable", "Saved {name} and {curves} in {folder}.").format(
            name=path.name, curves=curves_path.name, folder=path.parent))
        return path, curves_path

    def export_png(self, path: Path) -> bool:
        """Save a picture of the whole tab: controls, curves, filters and the table."""
        if not save_png(self.picture_of, path):
            self.message.say(translate("ResultsTable", "Could not write {path}. Choose another folder.").format(
                path=path), error=True)
            return False
        self.message.say(translate("ResultsTable", "Saved {name} in {folder}.").format(name=path.name,
                                                                                     folder=path.parent))
        return True

    def export_csv_dialog(self) -> None:
        path = ask_save_path(self, translate("ResultsTable", "Export results as CSV"), "training-lab.csv",
                             translate("ResultsTable", "CSV (*.csv)"))
        if path is not None:
            self.export_csv(path)

    def export_png_dialog(self) -> None:
        path = ask_save_path(self, translate("ResultsTable", "Export the lab as PNG"), "training-lab.png")
        if path is not None:
            self.export_png(path)
