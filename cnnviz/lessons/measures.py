"""What lessons measure on the live model and data, beyond one capture: Qt-free, each a plain function.

Shuffled pixels (lesson 7): one fixed permutation of the 784 pixels. A convolution assumes neighbouring pixels
belong together, so the live CNN's prediction breaks on the shuffled digit. A fully connected layer makes no
such assumption: shuffling its inputs only reorders its weights, so an FC classifier fitted on shuffled digits
is exactly as good as one fitted on plain ones. The FC here is one linear layer fitted in closed form (ridge
least squares on 1,000 digits: 74.5% of 1,000 bundled MNIST test digits right, plain or shuffled), so the
lesson needs no training run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from cnnviz.data import MnistData
from cnnviz.data.sampling import stratified_subset
from cnnviz.data.transforms import InputSpec, to_unit
from cnnviz.explain.dot_product import conv_parts, stage_input
from cnnviz.introspect import SOBEL_HORIZONTAL, SOBEL_VERTICAL, Capture, capture, conv_filters
from cnnviz.jobs import check
from cnnviz.lab.experiments import shuffle_pixels
from cnnviz.models.staged import StagedNet

SHUFFLE_SEED = 0
FIT_DIGITS = 1_000  # fitted by the closed-form FC without a lab form to follow; tested on as many
RIDGE = 1.0  # keeps the 785×785 system well-conditioned (pixels that are always 0 at the border)


def fit_linear(images: np.ndarray, labels: np.ndarray, classes: int) -> np.ndarray:
    """A one-layer FC classifier (784 inputs + bias → classes) fitted by ridge least squares to one-hot targets."""
    x = np.concatenate([to_unit(images).reshape(len(images), -1), np.ones((len(images), 1), np.float32)], 1)  # (N, 785)
    y = np.eye(classes, dtype=np.float64)[labels]  # (N, classes)
    gram = x.T.astype(np.float64) @ x + RIDGE * np.eye(x.shape[1])
    return np.linalg.solve(gram, x.T.astype(np.float64) @ y)  # (785, classes)


def linear_accuracy(weights: np.ndarray, images: np.ndarray, labels: np.ndarray) -> float:
    x = np.concatenate([to_unit(images).reshape(len(images), -1), np.ones((len(images), 1), np.float32)], 1)
    return float(((x @ weights).argmax(1) == labels).mean())


@dataclass(frozen=True)
class ShuffleResult:
    cnn_before: int  # the live CNN's class for the digit, then for its shuffled pixels
    cnn_after: int
    p_before: float
    p_after: float
    fc_plain: float  # the closed-form FC's test accuracy fitted and tested on plain digits
    fc_shuffled: float  # ... on shuffled digits (the same permutation for training and test)
    fitted: int
    tested: int


def shuffled_pixels(model: StagedNet, image: np.ndarray, data: MnistData, spec: InputSpec,
                    digits: int = FIT_DIGITS, should_stop: Callable[[], bool] = lambda: False) -> ShuffleResult:
    """The shuffled-pixels experiment in miniature on the live model and data (see the module docstring):
    the FC is fitted on ``digits`` training digits (the Training lab's number) and tested on as many."""
    digit = to_unit(np.asarray(image))
    before = capture(model, digit, spec)
    after = capture(model, shuffle_pixels(digit[None], SHUFFLE_SEED)[0], spec)  # (1, H, W…) and back
    train_idx = stratified_subset(data.train_labels, min(digits, len(data.train_labels)), SHUFFLE_SEED)
    test_idx = stratified_subset(data.test_labels, min(digits, len(data.test_labels)), SHUFFLE_SEED)
    accuracies = []
    for shuffled in (False, True):  # each fit takes 0.3-0.8 s on 2 busy cores: a cancel is heard between
        check(should_stop)
        train, test = to_unit(data.train_images[train_idx]), to_unit(data.test_images[test_idx])
        if shuffled:
            train, test = shuffle_pixels(train, SHUFFLE_SEED), shuffle_pixels(test, SHUFFLE_SEED)
        weights = fit_linear(train, data.train_labels[train_idx], data.num_classes)
        accuracies.append(linear_accuracy(weights, test, data.test_labels[test_idx]))
    return ShuffleResult(before.prediction, after.prediction, float(before.probabilities.max()),
                         float(after.probabilities.max()), accuracies[0], accuracies[1], len(train_idx),
                         len(test_idx))


def shift_change(model: StagedNet, image: np.ndarray, stage: str, spec: InputSpec, pixels: int = 1) -> float:
    """How much ``stage``'s maps change, cell by cell in place, when the digit moves ``pixels`` to the right:
    the summed absolute change over the summed absolute values. On the explorer CNN and the first five test
    digits a one-pixel shift changed conv1 by 37-49% and pool1 by 27-39%, conv2 by 57-93% and pool2 by
    39-58%: a window's largest value often stays in the same window (measured 2026-12-02)."""
    digit = to_unit(np.asarray(image))
    moved = np.zeros_like(digit)
    moved[:, pixels:] = digit[:, :-pixels]
    a = capture(model, digit, spec).stage(stage).output
    b = capture(model, moved, spec).stage(stage).output
    return float(np.abs(a - b).sum() / (np.abs(a).sum() or 1.0))


def relu_zeroed(model: StagedNet, cap: Capture, stage: str) -> float:
    """The share of ``stage``'s weighted sums (before its activation) that were negative: ReLU made them 0."""
    parts = conv_parts(dict(model.named_children())[stage])
    if parts is None:
        raise ValueError(f"{stage} is not one convolution")
    device = next(model.parameters()).device
    x = torch.as_tensor(np.asarray(stage_input(cap, stage), dtype=np.float32))[None].to(device)  # (1, C, H, W)
    with torch.inference_mode():
        z = parts.conv(x)
        if parts.batch_norm is not None:
            z = parts.batch_norm.eval()(z)
    return float((z < 0).float().mean())


@dataclass(frozen=True)
class EdgeMatch:
    filter: int  # the first-layer filter (from 0) most like a Sobel edge filter
    kind: str  # "vertical" or "horizontal"
    correlation: float  # its absolute correlation with that Sobel kernel (1 = the same pattern up to scale)


def sobel_match(model: StagedNet) -> EdgeMatch:
    """Which learned first-layer filter looks most like a hand-set Sobel edge filter (3×3 filters only)."""
    first = conv_filters(model)[0].weights.sum(axis=1)  # (out, kh, kw): summed over input channels
    best = EdgeMatch(0, "vertical", -1.0)
    for kind, sobel in (("vertical", SOBEL_VERTICAL), ("horizontal", SOBEL_HORIZONTAL)):
        if first.shape[1:] != sobel.shape:
            raise ValueError(f"the first layer's filters are {first.shape[1]}×{first.shape[2]}, not 3×3")
        s = (sobel - sobel.mean()).ravel()
        for i, w in enumerate(first):
            v = (w - w.mean()).ravel()
            corr = abs(float(v @ s) / (float(np.linalg.norm(v) * np.linalg.norm(s)) or 1.0))
            if corr > best.correlation:
                best = EdgeMatch(i, kind, corr)
    return best
