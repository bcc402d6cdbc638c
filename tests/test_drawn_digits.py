"""The drawn-digit set (tests/data/drawn_digits.npz, made by tools/make_drawn_digits.py): digits drawn
on the app's canvas the way people draw them, and the first-launch model's accuracy on them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest
import torch

from cnnviz.preprocess import mnist_style

ROOT = Path(__file__).resolve().parents[1]
DRAWN = ROOT / "tests" / "data" / "drawn_digits.npz"


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_drawn_digits", ROOT / "tools" / "make_drawn_digits.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def drawn() -> dict[str, np.ndarray]:
    with np.load(DRAWN) as z:
        return {k: z[k] for k in z.files}


@pytest.fixture(scope="module")
def drawn_inputs(drawn: dict[str, np.ndarray]) -> np.ndarray:
    """The 28×28 network inputs, made from the raw canvases as the canvas makes them."""
    inputs = [mnist_style(c.astype(np.float32) / 255.0) for c in drawn["canvas"]]
    assert all(x is not None for x in inputs)
    return np.stack(inputs)  # type: ignore[arg-type]


def test_drawn_set_is_well_formed(drawn: dict[str, np.ndarray], drawn_inputs: np.ndarray) -> None:
    canvas, labels, variants = drawn["canvas"], drawn["labels"], drawn["variants"]
    assert canvas.dtype == np.uint8 and canvas.shape == (500, 280, 280)
    assert np.bincount(labels, minlength=10).tolist() == [50] * 10
    # every skeleton is of its own class, and each class is drawn in at least two ways
    assert all(str(v).startswith(f"{y}-") for v, y in zip(variants, labels, strict=True))
    assert all(len(set(variants[labels == c])) >= 2 for c in range(10))
    assert drawn_inputs.shape == (500, 28, 28)
    # white ink on black, as the canvas keeps it: most of each canvas is background, the ink full white
    assert (np.median(canvas.reshape(500, -1), axis=1) == 0).all()
    assert (canvas.reshape(500, -1).max(axis=1) == 255).all()


def test_drawn_set_varies_like_people_do(drawn: dict[str, np.ndarray]) -> None:
    """Sizes, places and stroke widths on the canvas differ from drawing to drawing."""
    ink = drawn["canvas"] > 12
    rows, cols = ink.any(axis=2), ink.any(axis=1)
    heights = rows.sum(axis=1)
    tops = rows.argmax(axis=1)
    lefts = cols.argmax(axis=1)
    assert heights.min() < 100 and heights.max() > 240  # small in a corner … nearly the whole canvas
    assert tops.max() - tops.min() > 120 and lefts.max() - lefts.min() > 150
    # stroke width ≈ ink area / ink length; the length is about half the perimeter of the ink
    area = ink.sum(axis=(1, 2))
    edge = (ink[:, 1:, :] != ink[:, :-1, :]).sum(axis=(1, 2)) + (ink[:, :, 1:] != ink[:, :, :-1]).sum(axis=(1, 2))
    width = area / (edge / 2)
    assert np.percentile(width, 90) > 1.8 * np.percentile(width, 10)


def test_drawn_digits_are_not_mnist_images(mnist, drawn_inputs: np.ndarray) -> None:  # type: ignore[no-untyped-def]
    """No drawn input is an MNIST training digit after preprocessing; the check does catch one."""
    train = torch.from_numpy(mnist.train_images.reshape(len(mnist.train_images), -1).astype(np.float32) / 255)

    def nearest(x: np.ndarray) -> torch.Tensor:
        a = torch.from_numpy(x.reshape(len(x), -1).astype(np.float32))
        d2 = (a * a).sum(1, keepdim=True) + (train * train).sum(1) - 2 * a @ train.T
        return d2.clamp_min(0).min(dim=1).values.sqrt()

    # MNIST digits come through the preprocessing unchanged, so one put in the set would be found …
    copied = np.stack([mnist_style(im / np.float32(255)) for im in mnist.train_images[:: 6000]])  # type: ignore[misc]
    assert float(nearest(copied).max()) < 0.5
    # … while every drawn digit is as far from all 60,000 as an unseen MNIST test digit is (≥ ~1.1)
    assert float(nearest(drawn_inputs).min()) > 0.5


@pytest.mark.usefixtures("qapp")
def test_stored_set_is_what_the_tool_draws_on_the_app_canvas(drawn: dict[str, np.ndarray]) -> None:
    """The tool is seeded: its first drawings, drawn again on a fresh DrawingCanvas, are the stored ones,
    and the canvas's own input for each is the preprocessing these tests apply."""
    from ui.canvas import DrawingCanvas

    tool = _tool()
    rng = np.random.default_rng(tool.SEED)
    for i in range(10):  # the tool draws round by round, one of each class per round
        name, strokes = tool.draw_digit(i, rng)
        canvas = DrawingCanvas()
        for width, points in strokes:
            canvas.draw_stroke(points, width)
        raster = np.round(canvas.raster() * 255).astype(np.uint8)
        assert name == drawn["variants"][i] and drawn["labels"][i] == i
        assert np.array_equal(raster, drawn["canvas"][i])
        np.testing.assert_array_equal(canvas.input_image(), mnist_style(drawn["canvas"][i] / np.float32(255)))


def test_first_launch_model_reads_drawn_digits_and_mnist(mnist, drawn: dict[str, np.ndarray],  # type: ignore[no-untyped-def]
                                                         drawn_inputs: np.ndarray) -> None:
    """The explorer CNN trained exactly as on first launch (whole training set, its recipe, seed 0)
    reaches ≥ 98.7% on the MNIST test set and ≥ 95% on the drawn set. Seed 0 gave 98.81% on the Intel
    development machine and 98.78% on an AMD EPYC (the same seed, other floating-point kernels; seeds 1 and 2
    98.76–98.92% there), so the bound leaves a few test digits for the CPU a check runs on."""
    from cnnviz.training import train_model
    from cnnviz.training.trainer import TensorData, evaluate

    trained = train_model("explorer_cnn", mnist)  # what MainWindow.train_default_model runs
    test = evaluate(trained.model, TensorData.from_arrays(mnist.test_images, mnist.test_labels))
    on_drawn = evaluate(trained.model, TensorData.from_arrays(drawn_inputs, drawn["labels"]))
    assert test.accuracy == pytest.approx(trained.result.test_accuracy)
    assert test.accuracy >= 0.987, f"MNIST test accuracy {test.accuracy:.2%}"
    assert on_drawn.accuracy >= 0.95, f"drawn-set accuracy {on_drawn.accuracy:.2%}"

