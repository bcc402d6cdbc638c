"""The kernel sandbox's arithmetic, checked against torch.nn.functional.conv2d for every setting it offers."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import cnnviz.sandbox as sb
from cnnviz.introspect import SOBEL_HORIZONTAL, SOBEL_VERTICAL
from cnnviz.models import build_model
from cnnviz.sandbox import (
    PRESETS,
    SAME,
    ConvSetting,
    SandboxError,
    convolve,
    fit_kernel,
    kernel_text,
    learned_kernels,
    output_length,
    output_size_text,
    parameter_count,
    parse_kernel,
    preset_kernel,
    receptive_field,
)

SETTINGS = list(itertools.product(sb.KERNEL_SIZES, sb.STRIDES, sb.PADDINGS, sb.DILATIONS))
# A digit-sized picture, a small one (where wide dilated kernels no longer fit) and a non-square one.
SHAPES = ((28, 28), (6, 6), (9, 13))


def _torch_conv(image: np.ndarray, kernel: np.ndarray, s: ConvSetting) -> torch.Tensor:
    """The reference: F.conv2d with the same numbers ("same" at stride s = "same" at stride 1, every s-th cell)."""
    x = torch.from_numpy(image)[None, None].double()
    w = torch.from_numpy(kernel)[None, None].double()
    if s.padding == SAME:
        full = F.conv2d(x, w, padding="same", dilation=s.dilation)
        return full[0, 0, :: s.stride, :: s.stride]
    return F.conv2d(x, w, stride=s.stride, padding=s.padding, dilation=s.dilation)[0, 0]


@pytest.mark.filterwarnings("ignore:Using padding='same' with even kernel lengths")  # torch's own notice
@pytest.mark.parametrize(("k", "stride", "padding", "dilation"), SETTINGS,
                         ids=[f"k{k}-s{s}-p{p}-d{d}" for k, s, p, d in SETTINGS])
def test_every_setting_matches_conv2d(k: int, stride: int, padding: int | str, dilation: int) -> None:
    rng = np.random.default_rng(k * 1000 + stride * 100 + dilation * 10 + (9 if padding == SAME else int(padding)))
    setting = ConvSetting(k, stride, padding, dilation)
    kernel = rng.normal(size=(k, k)).astype(np.float32)
    for shape in SHAPES:
        image = rng.random(shape).astype(np.float32)
        try:
            expected = _torch_conv(image, kernel, setting)
        except RuntimeError:  # torch refuses: the kernel does not fit the padded picture
            with pytest.raises(SandboxError, match="No window fits"):
                convolve(image, kernel, setting)
            continue
        if expected.numel() == 0:  # "same" never empties, but be explicit about what is compared
            continue
        result = convolve(image, kernel, setting)
        assert result.output.shape == tuple(expected.shape)
        np.testing.assert_allclose(result.output, expected.numpy(), rtol=1e-4, atol=1e-4)
        # the formula's number is the size torch produced, along each axis
        for axis, n in enumerate(shape):
            assert output_size_text(n, setting).endswith(f"= {expected.shape[axis]}")
        # every window: the products under its taps sum to its output cell
        for index in (0, result.positions // 2, result.positions - 1):
            window = result.window(index)
            assert result.products(index).sum() == pytest.approx(float(expected[window.row, window.col]), abs=1e-4)


def test_padding_is_a_border_of_zeros_around_the_picture() -> None:
    image = np.random.default_rng(0).random((28, 28)).astype(np.float32) + 0.5  # no zeros inside
    result = convolve(image, preset_kernel("identity", 3), ConvSetting(3, 1, 2, 1))
    assert result.padded.shape == (32, 32)
    top, left, bottom, right = result.image_box
    assert (top, left, bottom, right) == (2, 2, 29, 29)
    np.testing.assert_array_equal(result.padded[top : bottom + 1, left : right + 1], image)
    border = result.padded.copy()
    border[top : bottom + 1, left : right + 1] = 0
    assert not border.any()
    # the identity kernel with "same" padding gives the picture back
    same = convolve(image, preset_kernel("identity", 5), ConvSetting(5, 1, SAME, 2))
    np.testing.assert_allclose(same.output, image)


def test_windows_slide_by_the_stride_and_spread_by_the_dilation() -> None:
    result = convolve(np.zeros((10, 10)), np.ones((3, 3)), ConvSetting(3, 2, 1, 2))
    # padded 12, span 5: ⌊(12 − 5)/2⌋ + 1 = 4 cells per axis
    assert result.output.shape == (4, 4) and result.positions == 16
    first, second, fifth = result.window(0), result.window(1), result.window(4)
    assert (first.rows, first.cols) == ((0, 2, 4), (0, 2, 4))
    assert second.cols == (2, 4, 6) and second.rows == first.rows  # one step right = the stride
    assert fifth.rows == (2, 4, 6) and (fifth.row, fifth.col) == (1, 0)  # the next row of windows
    assert result.window(16) == first  # the animation loops
    assert first.box == (0, 0, 4, 4)


def test_formula_text_plugs_in_the_numbers() -> None:
    setting = ConvSetting(kernel_size=5, stride=2, padding=1, dilation=2)
    text = output_size_text(28, setting)
    # ⌊(28 + 2 − 2·4 − 1)/2⌋ + 1 = ⌊21/2⌋ + 1 = 11
    assert text == "⌊(28 + 2·1 − 2·(5 − 1) − 1) / 2⌋ + 1 = ⌊21 / 2⌋ + 1 = 11"
    assert output_length(28, setting) == 11
    # an even kernel with "same" pads unevenly: the text shows both sides
    assert output_size_text(28, ConvSetting(4, 1, SAME, 1)).startswith("⌊(28 + (1 + 2) − 1·(4 − 1) − 1)")


def test_receptive_field_and_parameters_follow_the_setting() -> None:
    # a single layer's cell sees the window's span: d·(k−1)+1, checked by perturbing each input pixel
    setting = ConvSetting(3, 1, 0, 3)
    base = convolve(np.zeros((15, 15)), np.ones((3, 3)), setting).output
    seen = [(r, c) for r in range(15) for c in range(15)
            if convolve(np.eye(1, 225, r * 15 + c).reshape(15, 15), np.ones((3, 3)), setting).output[0, 0]
            != base[0, 0]]
    rows = [r for r, _ in seen]
    assert max(rows) - min(rows) + 1 == receptive_field(setting) == 7
    conv = torch.nn.Conv2d(4, 8, kernel_size=5)
    assert parameter_count(ConvSetting(5), 4, 8) == sum(p.numel() for p in conv.parameters())
    assert parameter_count(ConvSetting(3)) == 10


@pytest.mark.parametrize("size", sb.KERNEL_SIZES)
def test_presets_do_what_their_names_say(size: int) -> None:
    image = np.random.default_rng(size).random((12, 12)).astype(np.float32)
    flat = np.full((12, 12), 0.7, dtype=np.float32)
    same = ConvSetting(size, 1, SAME, 1)
    core = (slice(size, -size), slice(size, -size))  # away from the zero border
    np.testing.assert_allclose(convolve(image, preset_kernel("identity", size), same).output, image)
    for blur in ("box blur", "Gaussian blur"):
        kernel = preset_kernel(blur, size)
        assert kernel.sum() == pytest.approx(1.0)
        np.testing.assert_allclose(convolve(flat, kernel, same).output[core], 0.7, rtol=1e-5)
    sharpen = preset_kernel("sharpen", size)
    np.testing.assert_allclose(convolve(flat, sharpen, same).output[core], 0.7, rtol=1e-5)
    if size == 1:
        with pytest.raises(SandboxError, match="at least 2"):
            preset_kernel("Sobel x", size)
        return
    ramp = np.tile(np.arange(12, dtype=np.float32), (12, 1))  # brighter to the right
    sobel_x = convolve(ramp, preset_kernel("Sobel x", size), same).output[core]
    sobel_y = convolve(ramp, preset_kernel("Sobel y", size), same).output[core]
    assert (sobel_x > 0).all() and np.allclose(sobel_y, 0)


def test_sobel_preset_at_size_3_is_the_classic_pair() -> None:
    np.testing.assert_array_equal(preset_kernel("Sobel x", 3), SOBEL_VERTICAL)
    np.testing.assert_array_equal(preset_kernel("Sobel y", 3), SOBEL_HORIZONTAL)
    assert set(PRESETS) >= {"identity", "box blur", "Gaussian blur", "sharpen", "Sobel x", "Sobel y"}


def test_learned_kernels_are_the_first_conv_layers_filters() -> None:
    torch.manual_seed(0)
    model = build_model("explorer_cnn")
    kernels = learned_kernels(model)
    conv = next(m for m in model.modules() if isinstance(m, torch.nn.Conv2d))
    assert len(kernels) == conv.out_channels
    label, kernel = kernels[2]
    assert "filter 3" in label
    np.testing.assert_allclose(kernel, conv.weight.detach().sum(dim=1)[2].numpy(), rtol=1e-6)
    assert learned_kernels(build_model("mlp")) == [] and learned_kernels(None) == []


def test_typed_kernels_are_read_and_bad_ones_refused_with_a_reason() -> None:
    np.testing.assert_array_equal(parse_kernel("-1 0 1\n-2, 0, 2\n-1 0 1", 3), SOBEL_VERTICAL)
    np.testing.assert_array_equal(parse_kernel("1 2; 3 4", 2), [[1, 2], [3, 4]])
    kernel = preset_kernel("Sobel y", 5)
    np.testing.assert_allclose(parse_kernel(kernel_text(kernel), 5), kernel)
    with pytest.raises(SandboxError, match="'x' is not a number"):
        parse_kernel("1 x\n0 0", 2)
    with pytest.raises(SandboxError, match="3 rows of 3 numbers"):
        parse_kernel("1 2 3\n4 5", 3)
    with pytest.raises(SandboxError, match="not a finite number"):
        parse_kernel("inf 0\n0 0", 2)
    with pytest.raises(SandboxError, match="kernel size is 3"):
        convolve(np.zeros((5, 5)), np.ones((2, 2)), ConvSetting(3))
    with pytest.raises(SandboxError, match="stride of 4 is not offered"):
        ConvSetting(3, stride=4)


def test_a_kernel_keeps_its_centre_when_the_size_changes() -> None:
    kernel = np.arange(9, dtype=np.float32).reshape(3, 3)
    grown = fit_kernel(kernel, 5)
    np.testing.assert_array_equal(grown[1:4, 1:4], kernel)
    assert grown.sum() == kernel.sum()
    np.testing.assert_array_equal(fit_kernel(grown, 3), kernel)
    np.testing.assert_array_equal(fit_kernel(kernel, 1), [[4]])


def test_a_colour_picture_is_convolved_over_its_grey_levels() -> None:
    # an opened colour data set puts an (H, W, 3) picture on the canvas; the sandbox has one 2-D kernel
    rng = np.random.default_rng(4)
    colour = rng.random((12, 10, 3)).astype(np.float32)
    setting = ConvSetting(kernel_size=3, stride=1, padding=1, dilation=1)
    kernel = rng.standard_normal((3, 3)).astype(np.float32)
    grey = convolve(colour.mean(axis=-1), kernel, setting).output
    assert np.allclose(convolve(colour, kernel, setting).output, grey)
