"""Confusion matrix and misclassified gallery, from a real evaluation and from hand-made predictions."""

from __future__ import annotations

import numpy as np

from cnnviz.training import EvalResult, TensorData, evaluate
from cnnviz.zoo.confusion import confusion_from_eval, confusion_matrix, misclassified


def _fake_eval(labels: list[int], predictions: list[int], confidences: list[float]) -> EvalResult:
    return EvalResult(loss=0.0, accuracy=0.0, predictions=np.array(predictions), labels=np.array(labels),
                      confidences=np.array(confidences, dtype=np.float32))


def test_counts_land_in_true_row_predicted_column() -> None:
    counts = confusion_matrix(np.array([0, 0, 1, 2, 2, 2]), np.array([0, 1, 1, 2, 0, 0]), 3)
    assert counts.tolist() == [[1, 1, 0], [0, 1, 0], [2, 0, 1]]


def test_matrix_of_a_real_model_sums_to_the_test_set(trained_explorer, mnist) -> None:  # type: ignore[no-untyped-def]
    model, _, _ = trained_explorer
    ev = evaluate(model, TensorData.from_arrays(mnist.test_images[:2000], mnist.test_labels[:2000]))
    cm = confusion_from_eval(ev, mnist.class_names)
    assert cm.total == 2000
    assert cm.counts.sum(axis=1).tolist() == np.bincount(mnist.test_labels[:2000], minlength=10).tolist()
    assert cm.errors == ev.errors
    assert abs(cm.accuracy - ev.accuracy) < 1e-9


def test_top_confusions_and_per_class_accuracy() -> None:
    ev = _fake_eval([4, 4, 4, 9, 9, 7], [9, 9, 4, 4, 9, 1], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4])
    cm = confusion_from_eval(ev, [str(i) for i in range(10)])
    assert cm.top_confusions(2) == [(4, 9, 2), (7, 1, 1)] or cm.top_confusions(2) == [(4, 9, 2), (9, 4, 1)]
    acc = cm.per_class_accuracy()
    assert acc[4] == 1 / 3 and acc[9] == 0.5 and acc[7] == 0.0
    assert np.isnan(acc[0])


def test_gallery_lists_only_mistakes_most_confident_first() -> None:
    images = np.arange(6 * 4, dtype=np.uint8).reshape(6, 2, 2)
    ev = _fake_eval([1, 2, 3, 4, 5, 6], [1, 7, 3, 8, 5, 9], [0.99, 0.55, 0.9, 0.95, 0.8, 0.6])
    gallery = misclassified(ev, images)
    assert [m.index for m in gallery] == [3, 5, 1]
    assert (gallery[0].true_label, gallery[0].predicted) == (4, 8)
    assert np.array_equal(gallery[0].image, images[3])
    assert [m.index for m in misclassified(ev, images, limit=1)] == [3]
    assert [m.index for m in misclassified(ev, images, true_label=2, predicted=7)] == [1]
