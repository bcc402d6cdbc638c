"""What a comparison means in words and numbers: smoothed curves, the error ratio, CSV files."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from cnnviz.lab.run import ComparisonResult, ModelRun
from cnnviz.wording import Wording, worded

SMOOTHING = 0.9  # weight of the past in the loss curve's moving average


class LossSmoother:
    """Exponential moving average with the start-up bias corrected, so the first points are not dragged to 0.

    Incremental, so a live curve costs one step per new batch however long the run gets.
    """

    def __init__(self, weight: float = SMOOTHING):
        self.weight = weight
        self._average = 0.0
        self._count = 0

    def add(self, value: float) -> float:
        self._average = self.weight * self._average + (1.0 - self.weight) * float(value)
        self._count += 1
        return self._average / (1.0 - self.weight**self._count)


def smooth(values: Sequence[float] | np.ndarray, weight: float = SMOOTHING) -> np.ndarray:
    """The whole smoothed curve at once (what ``LossSmoother`` yields point by point)."""
    smoother = LossSmoother(weight)
    return np.array([smoother.add(v) for v in values], dtype=np.float64)


def error_ratio_text(fc_errors: int, cnn_errors: int) -> Wording:
    """"CNN makes 2.5× fewer errors", or the reverse, from the two models' test-error counts."""
    if fc_errors == cnn_errors:
        return worded("Both make no test errors") if fc_errors == 0 else \
            worded("Both make {errors:,} test errors", errors=fc_errors)
    better, worse = ("CNN", "FC") if cnn_errors < fc_errors else ("FC", "CNN")
    few, many = min(fc_errors, cnn_errors), max(fc_errors, cnn_errors)
    if few == 0:
        return worded("{better} makes no test errors ({worse}: {many:,})", better=better, worse=worse, many=many)
    return worded("{better} makes {ratio:.1f}× fewer errors ({few:,} vs {many:,})", better=better,
                  ratio=many / few, few=few, many=many)


def parameter_ratio_text(fc_parameters: int, cnn_parameters: int) -> Wording:
    """"CNN has 11.2× fewer parameters": the other half of the story the error ratio tells."""
    if fc_parameters == cnn_parameters:
        return worded("both have {parameters:,} parameters", parameters=fc_parameters)
    smaller, ratio = (("CNN", fc_parameters / cnn_parameters) if cnn_parameters < fc_parameters
                      else ("FC", cnn_parameters / fc_parameters))
    return worded("{smaller} has {ratio:.1f}× fewer parameters", smaller=smaller, ratio=ratio)


def verdict(result: ComparisonResult) -> Wording:
    """The error-ratio sentence, or why there is none (a stopped run has no final accuracy)."""
    fc_errors, cnn_errors = result.fc.test_errors, result.cnn.test_errors
    if fc_errors is None or cnn_errors is None:
        return worded("Stopped before the end: no final comparison")
    return error_ratio_text(fc_errors, cnn_errors)


SUMMARY_COLUMNS = (
    "run", "model", "parameters", "train_samples", "test_samples", "epochs", "batch_size", "lr", "optimizer",
    "seed", "mode", "device", "train_time_s", "train_accuracy", "test_accuracy", "test_errors", "verdict",
)
CURVE_COLUMNS = ("run", "model", "step", "epoch", "train_loss", "train_loss_smoothed", "test_accuracy")


def _optional(value: float | int | None, digits: int = 4) -> str:
    if value is None:
        return ""
    return str(value) if isinstance(value, int) else f"{value:.{digits}f}"


def summary_rows(runs: Sequence[ComparisonResult]) -> list[dict[str, str]]:
    """One row per model per run (run numbers start at 1), as the results table and CSV show them."""
    rows = []
    for number, result in enumerate(runs, start=1):
        cfg = result.config
        for model in result.runs:
            rows.append({
                "run": str(number), "model": str(model.label), "parameters": str(model.parameters),
                "train_samples": str(cfg.train_samples), "test_samples": str(model.test_samples),
                "epochs": str(len(model.history)), "batch_size": str(cfg.batch_size), "lr": f"{cfg.lr:g}",
                "optimizer": cfg.optimizer, "seed": str(cfg.seed), "mode": cfg.mode, "device": model.device,
                "train_time_s": f"{model.train_time_s:.2f}", "train_accuracy": _optional(model.train_accuracy),
                "test_accuracy": _optional(model.test_accuracy), "test_errors": _optional(model.test_errors),
                "verdict": str(verdict(result)),  # the CSV is in English
            })
    return rows


def curve_rows(runs: Sequence[ComparisonResult]) -> list[dict[str, str]]:
    """Every batch's training loss (raw and smoothed), with the test accuracy on each epoch's last batch."""
    rows = []
    for number, result in enumerate(runs, start=1):
        for model in result.runs:
            rows.extend(_model_curve_rows(number, model))
    return rows


def _model_curve_rows(number: int, model: ModelRun) -> list[dict[str, str]]:
    smoothed = smooth(model.batch_losses)
    per_epoch = max(1, model.batches_per_epoch)
    accuracy_at = {m.epoch * per_epoch: m.test_accuracy for m in model.history}
    rows = []
    for step, (loss, smooth_loss) in enumerate(zip(model.batch_losses, smoothed, strict=True), start=1):
        epoch = -(-step // per_epoch)
        rows.append({
            "run": str(number), "model": str(model.label), "step": str(step), "epoch": str(epoch),
            "train_loss": f"{loss:.6f}", "train_loss_smoothed": f"{smooth_loss:.6f}",
            "test_accuracy": _optional(accuracy_at.get(step)),
        })
    return rows


def to_csv(rows: Sequence[dict[str, str]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_csv(path: str | Path, rows: Sequence[dict[str, str]], columns: Sequence[str]) -> Path:
    """Write the rows; an unwritable path raises ``OSError`` for the caller to report."""
    path = Path(path)
    path.write_text(to_csv(rows, columns), encoding="utf-8")
    return path
