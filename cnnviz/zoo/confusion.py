"""Where a model goes wrong: the confusion matrix and the misclassified test digits, from an evaluation."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cnnviz.training.trainer import EvalResult
from cnnviz.wording import worded_error


@dataclass(frozen=True)
class ConfusionMatrix:
    """``counts[t, p]``: test digits of true class ``t`` predicted as ``p`` (rows sum to class sizes)."""

    counts: np.ndarray  # (C, C) int64
    class_names: tuple[str, ...]

    @property
    def total(self) -> int:
        return int(self.counts.sum())

    @property
    def errors(self) -> int:
        return self.total - int(np.trace(self.counts))

    @property
    def accuracy(self) -> float:
        return float(np.trace(self.counts)) / max(self.total, 1)

    def per_class_accuracy(self) -> np.ndarray:
        """Recall of each true class (NaN for a class with no test digits)."""
        sizes = self.counts.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(sizes > 0, np.diag(self.counts) / sizes, np.nan)

    def top_confusions(self, n: int = 5) -> list[tuple[int, int, int]]:
        """The ``n`` most frequent (true, predicted, count) mistakes, largest first."""
        off = self.counts.copy()
        np.fill_diagonal(off, 0)
        order = np.argsort(-off, axis=None, kind="stable")[:n]
        pairs = [(int(i // off.shape[1]), int(i % off.shape[1])) for i in order]
        return [(t, p, int(off[t, p])) for t, p in pairs if off[t, p] > 0]


def confusion_matrix(labels: np.ndarray, predictions: np.ndarray, num_classes: int) -> np.ndarray:
    """Count (true, predicted) pairs into a (C, C) matrix in one vectorised pass."""
    labels = np.asarray(labels, dtype=np.int64)
    predictions = np.asarray(predictions, dtype=np.int64)
    if labels.shape != predictions.shape:
        raise worded_error(ValueError, "{labels} labels but {predictions} predictions",
                           labels=labels.shape[0], predictions=predictions.shape[0])
    flat = labels * num_classes + predictions
    return np.bincount(flat, minlength=num_classes * num_classes).reshape(num_classes, num_classes)


def confusion_from_eval(ev: EvalResult, class_names: tuple[str, ...] | list[str]) -> ConfusionMatrix:
    names = tuple(class_names)
    return ConfusionMatrix(confusion_matrix(ev.labels, ev.predictions, len(names)), names)


@dataclass(frozen=True)
class Misclassified:
    index: int  # position in the test set
    image: np.ndarray  # (H, W) as stored (uint8)
    true_label: int
    predicted: int
    confidence: float  # softmax probability of the (wrong) prediction


def misclassified(ev: EvalResult, images: np.ndarray, limit: int | None = None,
                  true_label: int | None = None, predicted: int | None = None) -> list[Misclassified]:
    """Wrongly classified test digits, most confident mistakes first (optionally one cell of the matrix)."""
    wrong = ev.predictions != ev.labels
    if true_label is not None:
        wrong &= ev.labels == true_label
    if predicted is not None:
        wrong &= ev.predictions == predicted
    idx = np.flatnonzero(wrong)
    idx = idx[np.argsort(-ev.confidences[idx], kind="stable")][:limit]
    return [Misclassified(int(i), images[i], int(ev.labels[i]), int(ev.predictions[i]), float(ev.confidences[i]))
            for i in idx]
