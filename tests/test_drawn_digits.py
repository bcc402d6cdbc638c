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
    reaches ≥ 98.8% on the MNIST test set and ≥ 95% on the drawn set."""
    from cnnviz.training import train_model
    from cnnviz.training.trainer import TensorData, evaluate

    trained = train_model("explorer_cnn", mnist)  # what MainWindow.train_default_model runs
    test = evaluate(trained.model, TensorData.from_arrays(mnist.test_images, mnist.test_labels))
    on_drawn = evaluate(trained.model, TensorData.from_arrays(drawn_inputs, drawn["labels"]))
    assert test.accuracy == pytest.approx(trained.result.test_accuracy)
    assert test.accuracy >= 0.988, f"MNIST test accuracy {test.accuracy:.2%}"
    assert on_drawn.accuracy >= 0.95, f"drawn-set accuracy {on_drawn.accuracy:.2%}"


def _normalised(ink: np.ndarray) -> torch.Tensor:
    from cnnviz.data.transforms import to_model_input

    return to_model_input(ink.astype(np.float32))


def test_thickness_augmentation_stays_between_erosion_and_dilation() -> None:
    """Strokes get thicker or thinner, never moved: each output lies between the 3×3 erosion and dilation
    of its input (computed here with NumPy), and some drawings gain ink while others lose it."""
    from cnnviz.data.transforms import MNIST_MEAN, MNIST_STD
    from cnnviz.training.augment import random_thickness

    ink = np.zeros((64, 28, 28), dtype=np.float32)
    ink[:, 6:22, 12:15] = 1.0  # a 3-pixel-wide vertical stroke
    ink[:, 12:15, 6:22] = 0.7
    out = random_thickness(_normalised(ink), torch.Generator().manual_seed(0))[:, 0].numpy() * MNIST_STD + MNIST_MEAN
    padded = np.pad(ink, ((0, 0), (1, 1), (1, 1)))
    windows = np.stack([padded[:, dy : dy + 28, dx : dx + 28] for dy in range(3) for dx in range(3)])
    dilated, eroded = windows.max(axis=0), np.pad(ink, ((0, 0), (1, 1), (1, 1)), constant_values=1.0)
    eroded = np.stack([eroded[:, dy : dy + 28, dx : dx + 28] for dy in range(3) for dx in range(3)]).min(axis=0)
    assert (out >= eroded - 1e-5).all() and (out <= dilated + 1e-5).all()
    change = out.sum(axis=(1, 2)) - ink.sum(axis=(1, 2))
    assert (change > 5).sum() > 10 and (change < -5).sum() > 10


def test_affine_augmentation_slants_and_scales_but_keeps_background() -> None:
    """With every range zero the images come back unchanged; a shear moves the top of an upright stroke
    sideways against its bottom (as a slanted hand does) and a scale changes the ink's extent."""
    from cnnviz.training.augment import BACKGROUND, random_affine

    ink = np.zeros((32, 28, 28), dtype=np.float32)
    ink[:, 4:24, 13:15] = 1.0  # an upright 1
    x = _normalised(ink)
    same = random_affine(x, torch.Generator().manual_seed(0), max_shift=0.0, max_degrees=0.0)
    torch.testing.assert_close(same, x, atol=1e-5, rtol=0)

    sheared = random_affine(x, torch.Generator().manual_seed(1), max_shift=0.0, max_degrees=0.0,
                            max_shear_degrees=30.0)[:, 0] - BACKGROUND
    cols = torch.arange(28.0)
    top = (sheared[:, 6] * cols).sum(1) / sheared[:, 6].sum(1)
    bottom = (sheared[:, 21] * cols).sum(1) / sheared[:, 21].sum(1)
    lean = top - bottom  # 15 rows apart: up to 15·tan 30° ≈ 8.7 pixels either way
    assert lean.abs().max() > 3 and lean.abs().max() < 15 * np.tan(np.radians(30)) + 1
    assert (lean > 1).any() and (lean < -1).any()

    scaled = random_affine(x, torch.Generator().manual_seed(2), max_shift=0.0, max_degrees=0.0,
                           max_scale=0.2)[:, 0] - BACKGROUND
    rows_with_ink = (scaled > 0.5).any(dim=2).sum(dim=1).float()  # the stroke is 20 rows tall
    assert rows_with_ink.min() < 19 and rows_with_ink.max() > 21 and rows_with_ink.max() <= 25
