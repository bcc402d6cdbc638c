"""The explain core: dot products that reproduce the feature maps, receptive fields, saliency and the probe."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
import pytest
import torch
from torch import nn

from cnnviz.explain import (
    METHODS,
    cell_regions,
    dot_product_stages,
    explain_cell,
    explain_residual,
    hirescam,
    invariance_probe,
    probe_curve,
    saliency,
    shifted_first_maps,
    transform_digits,
)
from cnnviz.introspect import capture
from cnnviz.introspect.receptive_field import input_region
from cnnviz.models import build_model
from cnnviz.models.staged import StagedNet


def _random_cells(shape: tuple[int, ...], n: int, rng: np.random.Generator) -> list[tuple[int, int, int]]:
    return [(int(rng.integers(shape[0])), int(rng.integers(shape[1])), int(rng.integers(shape[2]))) for _ in range(n)]


@pytest.mark.parametrize("arch", ["explorer_cnn", "lenet5", "modern_cnn"])
def test_dot_product_reproduces_the_captured_activation(arch: str, mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(1)
    model = build_model(arch).eval()
    for bn in (m for m in model.modules() if isinstance(m, nn.BatchNorm2d)):  # non-trivial BN to fold
        assert bn.running_mean is not None and bn.running_var is not None
        bn.running_mean.normal_()
        bn.running_var.uniform_(0.5, 2.0)
        bn.weight.data.normal_()
    rng = np.random.default_rng(0)
    cap = capture(model, mnist.test_images[3])
    stages = dot_product_stages(model)
    assert stages, f"{arch} should have at least one explainable conv stage"
    for stage in stages:
        fmap = cap.stage(stage).output
        # include the corners, where the window hangs over the zero padding
        cells = [*_random_cells(fmap.shape, 25, rng), (0, 0, 0), (0, fmap.shape[1] - 1, fmap.shape[2] - 1)]
        for c, r, col in cells:
            dp = explain_cell(model, cap, stage, c, r, col)
            assert dp.result == pytest.approx(float(fmap[c, r, col]), abs=1e-4)
            assert dp.window.shape == dp.weights.shape == dp.products.shape
            assert dp.pre_activation == pytest.approx(float(dp.products.sum()) + dp.bias)


def test_residual_block_value_is_main_path_plus_shortcut(mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(2)
    model = build_model("modern_cnn").eval()
    cap = capture(model, mnist.test_images[5])
    rng = np.random.default_rng(1)
    for stage in ("res1", "res2", "res3"):  # identity shortcut, then 1×1 projections with stride 2
        fmap = cap.stage(stage).output
        for c, r, col in _random_cells(fmap.shape, 10, rng):
            parts = explain_residual(model, cap, stage, c, r, col)
            assert parts.result == pytest.approx(float(fmap[c, r, col]), abs=1e-4)
    with pytest.raises(ValueError, match="not a residual block"):
        explain_residual(model, cap, "stem", 0, 0, 0)


def test_dot_product_window_respects_padding_and_first_stage_normalisation(mnist) -> None:  # type: ignore[no-untyped-def]
    model = build_model("explorer_cnn").eval()
    cap = capture(model, mnist.test_images[0])
    corner = explain_cell(model, cap, "conv1", 0, 0, 0)
    assert (corner.top, corner.left) == (-1, -1)
    assert np.all(corner.window[:, 0, :] == 0) and np.all(corner.window[:, :, 0] == 0)  # the padding row/column
    assert corner.input_normalised
    assert not explain_cell(model, cap, "conv2", 0, 3, 3).input_normalised
    with pytest.raises(ValueError, match="not a single convolution"):
        explain_cell(model, cap, "pool1", 0, 0, 0)
    with pytest.raises(IndexError):
        explain_cell(model, cap, "conv1", 0, 28, 0)


def _conv_pool_conv() -> StagedNet:
    """conv3×3 → avg-pool 2 → conv3×3 with no activation: the gradient's support is exactly the receptive field."""
    return StagedNet("rf", {}, OrderedDict(
        conv1=nn.Conv2d(1, 2, 3, padding=1), pool1=nn.AvgPool2d(2), conv2=nn.Conv2d(2, 2, 3, padding=1),
    ))


def _gradient_support(model: StagedNet, stage: str, row: int, col: int, on_stage: str) -> tuple[int, int, int, int]:
    torch.manual_seed(0)
    x = torch.rand(1, 1, 28, 28, requires_grad=True)
    outputs = {"input": x}
    h = x
    for name, module in model.named_children():
        h = module(h)
        h.retain_grad()
        outputs[name] = h
    outputs[stage][0, 0, row, col].backward()
    grad = outputs[on_stage].grad
    assert grad is not None
    rows, cols = np.nonzero(grad[0].abs().sum(0).numpy())
    return int(rows.min()), int(cols.min()), int(rows.max()), int(cols.max())


def test_receptive_field_after_conv_pool_conv_is_8_pixels_where_computed() -> None:
    model = _conv_pool_conv()
    # size 3 → 4 (pool) → 4 + 2·2 = 8 pixels; cell (3, 5) is centred on input pixel 0.5 + 2·(3, 5)
    assert input_region(model, "conv2", 3, 5) == (3, 7, 10, 14)
    regions = {r.stage: r for r in cell_regions(model, "conv2", 3, 5)}
    assert list(regions) == ["input", "conv1", "pool1"]
    assert (regions["input"].height, regions["input"].width) == (8, 8)
    for stage, region in regions.items():
        assert (region.top, region.left, region.bottom, region.right) == _gradient_support(model, "conv2", 3, 5, stage)
    # at the border the region is clipped to the image
    assert input_region(model, "conv2", 0, 0) == (0, 0, 4, 4)


def test_hirescam_peaks_on_the_digit_strokes(trained_explorer, mnist) -> None:  # type: ignore[no-untyped-def]
    model = trained_explorer[0]
    checked, on_strokes = 0, 0
    for i in range(40):
        image = mnist.test_images[i].astype(np.float32) / 255.0
        cap = capture(model, image)
        if cap.prediction != mnist.test_labels[i]:
            continue
        cam = hirescam(model, image, cap.prediction)
        assert cam.shape == image.shape
        assert cam.max() == pytest.approx(1.0)
        ink = np.argwhere(image > 0.2)
        peak = np.array(np.unravel_index(int(cam.argmax()), cam.shape))
        # the map comes from conv2's 14×14 grid: "on the stroke" means within one of its cells (2 pixels)
        on_strokes += bool(np.sqrt(((ink - peak) ** 2).sum(axis=1)).min() <= 2.0)
        # always inside the digit's bounding box, and much brighter on the ink than on the background
        assert np.all(ink.min(axis=0) <= peak) and np.all(peak <= ink.max(axis=0)), f"digit {i}: peak {peak}"
        assert cam[image > 0.2].mean() > 2 * cam[image == 0].mean()
        checked += 1
        if checked == 10:
            break
    assert checked == 10
    assert on_strokes >= 9  # a 0's empty middle can win: the hole is evidence for "0"


@pytest.mark.parametrize("method", list(METHODS))
def test_every_saliency_method_gives_an_input_sized_map_for_any_class(method: str, trained_explorer, mnist) -> None:  # type: ignore[no-untyped-def]
    model = trained_explorer[0]
    image = mnist.test_images[0]
    predicted = saliency(model, image, method)
    assert predicted.target == capture(model, image).prediction
    assert predicted.values.shape == (28, 28)
    assert predicted.values.min() >= 0.0 and predicted.values.max() == pytest.approx(1.0)
    other = saliency(model, image, method, target=(predicted.target + 1) % 10)
    assert other.target == (predicted.target + 1) % 10
    assert other.probability < predicted.probability
    assert not np.allclose(other.values, predicted.values)


def test_saliency_rejects_unknown_methods_and_fc_networks_for_grad_cam(mnist) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="unknown saliency method"):
        saliency(build_model("explorer_cnn"), mnist.test_images[0], "magic")
    with pytest.raises(ValueError, match="no convolutional stage"):
        saliency(build_model("mlp"), mnist.test_images[0], "gradcam")
    assert saliency(build_model("mlp"), mnist.test_images[0], "gradient").values.shape == (28, 28)


def test_whole_pixel_shifts_and_rotation_move_the_digit() -> None:
    image = np.zeros((28, 28), dtype=np.float32)
    image[5, 20] = 1.0
    moved = transform_digits(image, dx=np.array([2.0, 0.0]), dy=np.array([0.0, 3.0]))
    assert moved[0][5, 22] == pytest.approx(1.0) and moved[0].sum() == pytest.approx(1.0)
    assert moved[1][8, 20] == pytest.approx(1.0)
    turned = transform_digits(image, angle=90.0)[0]  # anticlockwise: top-right goes to top-left
    assert np.unravel_index(int(turned.argmax()), turned.shape) == (7, 5)


@pytest.mark.parametrize("points", [5, 9, 13])
def test_probe_curves_have_the_requested_points(points: int, trained_explorer, mnist) -> None:  # type: ignore[no-untyped-def]
    curves = invariance_probe(trained_explorer[0], mnist.test_images[0], points=points)
    assert set(curves) == {"x", "y", "angle"}
    for axis, curve in curves.items():
        assert len(curve.values) == len(curve.predictions) == len(curve.confidences) == points
        assert curve.values[0] == -(30 if axis == "angle" else 4) and curve.values[-1] == -curve.values[0]
        assert np.all((curve.confidences > 0) & (curve.confidences <= 1))
    assert curves["x"].reference_class == capture(trained_explorer[0], mnist.test_images[0]).prediction


def test_probe_at_zero_shift_matches_the_plain_prediction(trained_explorer, mnist) -> None:  # type: ignore[no-untyped-def]
    model = trained_explorer[0]
    cap = capture(model, mnist.test_images[1])
    curve = probe_curve(model, mnist.test_images[1], "x", np.array([0.0]))
    assert curve.predictions[0] == cap.prediction
    assert curve.confidences[0] == pytest.approx(float(cap.probabilities.max()), abs=1e-5)
    with pytest.raises(ValueError, match="unknown probe axis"):
        probe_curve(model, mnist.test_images[1], "z", np.array([0.0]))


def test_first_layer_map_of_a_shifted_digit_is_the_same_pattern_moved(mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(0)
    model = build_model("explorer_cnn").eval()
    shifted = shifted_first_maps(model, mnist.test_images[0], np.array([0.0, 3.0]))
    assert shifted.stage == "conv1" and shifted.maps.shape == (2, 8, 28, 28)
    # weight sharing: away from the borders, the map of the shifted digit is the map shifted
    np.testing.assert_allclose(shifted.maps[1][:, 2:-2, 6:-2], shifted.maps[0][:, 2:-2, 3:-5], atol=1e-5)
    assert shifted.mismatch()[1] < 1e-5
    half = shifted_first_maps(model, mnist.test_images[0], np.array([0.0, 1.5, -2.0]))
    mismatch = half.mismatch()
    assert mismatch[0] == 0.0 and np.isnan(mismatch[1]) and mismatch[2] < 1e-5
    # a map that does not move with the digit (mirrored here) is caught
    scrambled = type(shifted)(shifted.stage, shifted.shifts, shifted.images, shifted.maps[:, :, :, ::-1].copy())
    assert scrambled.mismatch()[1] > 1e-2
