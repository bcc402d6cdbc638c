"""Seeded, stratified subsets and splits, so every comparison trains on the very same digits."""

from __future__ import annotations

import numpy as np


def stratified_subset(labels: np.ndarray, size: int, seed: int = 0) -> np.ndarray:
    """Indices of ``size`` samples with the classes in the same proportions as ``labels``.

    Deterministic for a seed; the result is shuffled so that batches mix classes.
    """
    labels = np.asarray(labels)
    if size >= len(labels):
        return np.random.default_rng(seed).permutation(len(labels))
    if size <= 0:
        return np.empty(0, dtype=np.int64)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(labels, return_counts=True)
    exact = counts / counts.sum() * size
    quota = np.floor(exact).astype(int)
    # Hand the remaining samples to the classes with the largest fractional parts.
    for i in np.argsort(-(exact - quota), kind="stable")[: size - quota.sum()]:
        quota[i] += 1
    picked = [
        rng.choice(np.flatnonzero(labels == c), size=q, replace=False)
        for c, q in zip(classes, quota, strict=True)
    ]
    return rng.permutation(np.concatenate(picked)).astype(np.int64)


def train_val_split(
    num_samples: int, val_fraction: float = 0.1, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Shuffled train and validation indices; the validation part is ``val_fraction`` of the whole."""
    if not 0.0 <= val_fraction < 1.0:
        raise ValueError(f"val_fraction must be in [0, 1), got {val_fraction}")
    order = np.random.default_rng(seed).permutation(num_samples)
    n_val = round(num_samples * val_fraction)
    return order[n_val:], order[:n_val]
