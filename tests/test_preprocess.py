"""Drawings become MNIST-style inputs: fitted to 20×20, centred by mass, blank stays blank."""

from __future__ import annotations

import numpy as np

from cnnviz.preprocess import ink_on_dark, mnist_style, prepare_image


def centre_of_mass(img: np.ndarray) -> tuple[float, float]:
    ys, xs = np.indices(img.shape)
    return float((ys * img).sum() / img.sum()), float((xs * img).sum() / img.sum())


def test_test_digits_come_back_unchanged(mnist) -> None:  # type: ignore[no-untyped-def]
    """MNIST digits were made this way, so re-preprocessing one leaves it (nearly always) as it was."""
    diffs = np.array([np.abs(mnist_style(d / 255.0) - d / 255.0).mean() for d in mnist.test_images[:300]])
    assert (diffs < 1e-4).mean() > 0.9
    assert diffs.max() < 0.05


def test_a_small_off_centre_drawing_is_scaled_and_centred() -> None:
    canvas = np.zeros((280, 280), dtype=np.float32)
    canvas[10:110, 200:230] = 1.0  # a bar in the top-right corner, long enough to be a digit's stroke
    out = mnist_style(canvas)
    assert out is not None and out.shape == (28, 28)
    rows, cols = np.flatnonzero(out.max(1) > 0.05), np.flatnonzero(out.max(0) > 0.05)
    assert rows[-1] - rows[0] + 1 == 20  # the long side fills the 20-pixel box
    assert cols[-1] - cols[0] + 1 < 12  # aspect ratio kept
    cy, cx = centre_of_mass(out)
    assert abs(cy - 14) < 1 and abs(cx - 14) < 1
    assert out.min() >= 0.0 and out.max() <= 1.0


def test_blank_input_is_none_and_paper_photos_are_inverted() -> None:
    assert mnist_style(np.zeros((50, 50))) is None
    paper = np.ones((60, 40), dtype=np.float32)
    assert prepare_image(paper) is None
    paper[10:50, 18:22] = 0.0  # dark ink on white
    assert ink_on_dark(paper)[30, 20] == 1.0
    out = prepare_image(paper)
    assert out is not None and out.max() > 0.9 and out[0, 0] == 0.0
