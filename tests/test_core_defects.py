"""Defects fixed in the Qt-free core: saliency names and noise, tiny marks, photo orientation, unit
conversion, and the arithmetic behind cells of any Conv2d / pooling configuration."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from PIL import Image
from torch import nn

from cnnviz.data.transforms import MNIST_STD, to_model_input
from cnnviz.explain import METHODS, explain_cell, saliency
from cnnviz.explain.saliency import last_conv_stage
from cnnviz.introspect import (
    capture,
    input_region,
    pool_spec,
    pool_window,
    pool_zoom,
    receptive_fields,
    receptive_mask,
)
from cnnviz.models import build_model
from cnnviz.models.staged import StagedNet


# -- 10: saliency methods named for what they compute; SmoothGrad's noise is zero-mean ------------------------
def test_smoothgrad_noise_is_zero_mean_on_the_background(mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(0)
    model = build_model("explorer_cnn").eval()
    image = mnist.test_images[0].astype(np.float32) / 255.0
    seen: list[torch.Tensor] = []
    model.register_forward_pre_hook(lambda _m, args: seen.append(args[0].detach().clone()))
    saliency(model, image, "smoothgrad")
    noisy = max(seen, key=len)  # the batch of noisy copies (the other call is the one clean image)
    assert len(noisy) >= 16
    noise = ((noisy - to_model_input(image)) * MNIST_STD)[:, 0].numpy()  # back in pixel units
    background = noise[:, image == 0]
    sigma = 0.15
    # mean of ~14,000 N(0, σ²) draws: standard error σ/√n ≈ 0.0013; clipped noise gave ≈ 0.06
    assert abs(float(background.mean())) < 4 * sigma / np.sqrt(background.size)
    assert float(background.std()) == pytest.approx(sigma, rel=0.05)
    ink = noise[:, image > 0.9]  # unclipped on the strokes too: noise pushes values above 1
    assert float(ink.mean()) == pytest.approx(0.0, abs=4 * sigma / np.sqrt(ink.size))


def _cam_by_hooks(model: StagedNet, image: np.ndarray, target: int, per_position: bool) -> np.ndarray:
    """HiResCAM / Grad-CAM computed independently: a forward hook keeps the last conv stage's maps."""
    stage = last_conv_stage(model)
    assert stage is not None
    kept: list[torch.Tensor] = []
    handle = dict(model.named_children())[stage].register_forward_hook(lambda _m, _a, out: kept.append(out))
    try:
        with torch.enable_grad():
            score = model(to_model_input(image))[0, target]
            (grad,) = torch.autograd.grad(score, kept[0])
    finally:
        handle.remove()
    maps = kept[0].detach()[0].numpy()  # (C, h, w)
    g = grad[0].numpy()
    weights = g if per_position else g.mean(axis=(1, 2), keepdims=True)
    cam = np.maximum((weights * maps).sum(axis=0), 0.0)
    up = F.interpolate(torch.from_numpy(cam)[None, None], size=(28, 28), mode="bilinear", align_corners=False)
    out = up[0, 0].numpy()
    return out / out.max()


def test_hirescam_and_classic_grad_cam_are_named_for_what_they_compute(mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(3)
    model = build_model("explorer_cnn").eval()
    image = mnist.test_images[1].astype(np.float32) / 255.0
    assert str(METHODS["hirescam"].title) == "HiResCAM"
    assert str(METHODS["gradcam"].title) == "Grad-CAM"
    assert "HiResCAM" not in str(METHODS["gradcam"].caption)  # classic Grad-CAM is not described as HiResCAM
    target = int(capture(model, image).prediction)
    hires = saliency(model, image, "hirescam", target).values
    classic = saliency(model, image, "gradcam", target).values
    np.testing.assert_allclose(hires, _cam_by_hooks(model, image, target, per_position=True), atol=1e-5)
    np.testing.assert_allclose(classic, _cam_by_hooks(model, image, target, per_position=False), atol=1e-5)
    assert not np.allclose(hires, classic, atol=1e-3)


# -- 11: a speck is not blown up to a digit ---------------------------------------------------------------------
def _lit(image: np.ndarray) -> int:
    return int((image > 0.05).sum())


def test_a_first_dab_is_not_blown_up_to_the_full_box() -> None:
    from cnnviz.preprocess import BOX, is_digit_sized, mnist_style

    canvas = np.zeros((280, 280), dtype=np.float32)
    canvas[140, 140] = 1.0  # a 1-pixel dot
    out = mnist_style(canvas)
    assert out is not None and _lit(out) <= 4  # was 400: the dot filled the 20×20 box
    assert not is_digit_sized(canvas)
    yy, xx = np.indices(canvas.shape)
    dab = ((yy - 100) ** 2 + (xx - 150) ** 2 <= 11**2).astype(np.float32)  # one dab of the default brush
    out = mnist_style(dab)
    assert out is not None and _lit(out) < BOX * BOX / 4  # a small blob, not the whole box
    assert not is_digit_sized(dab)


def test_a_digit_sized_drawing_still_fills_the_box(mnist) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.preprocess import BOX, MIN_EXTENT, is_digit_sized, mnist_style

    digit = np.asarray(Image.fromarray(mnist.test_images[0]).resize((280, 280), Image.Resampling.BILINEAR))
    drawn = digit.astype(np.float32) / 255.0
    assert is_digit_sized(drawn)
    out = mnist_style(drawn)
    assert out is not None
    rows = np.flatnonzero(out.max(1) > 0.05)
    assert rows[-1] - rows[0] + 1 >= BOX - 1
    # just above the minimum: scaled up to the box; just below: scaled by the same factor, so sizes are continuous
    side = int(np.ceil(MIN_EXTENT * 280)) + 2
    bar = np.zeros((280, 280), dtype=np.float32)
    bar[50 : 50 + side, 100:110] = 1.0
    assert is_digit_sized(bar)
    tall = mnist_style(bar)
    assert tall is not None and np.ptp(np.flatnonzero(tall.max(1) > 0.05)) + 1 >= BOX - 1
    bar[50 + side - 8 : 50 + side] = 0.0
    assert not is_digit_sized(bar)
    short = mnist_style(bar)
    assert short is not None and BOX - 4 <= np.ptp(np.flatnonzero(short.max(1) > 0.05)) + 1 < BOX


# -- 12: phone photos are read upright ---------------------------------------------------------------------------
@pytest.mark.parametrize(("orientation", "stored_as"), [
    (6, Image.Transpose.ROTATE_90),  # "rotate 90° clockwise to view": the sensor stored it turned anticlockwise
    (8, Image.Transpose.ROTATE_270),
    (3, Image.Transpose.ROTATE_180),
])
def test_jpeg_exif_orientation_is_applied(orientation: int, stored_as: Image.Transpose, mnist,  # type: ignore[no-untyped-def]
                                          tmp_path: Path) -> None:
    from cnnviz.images import load_grey_image

    upright = Image.fromarray(255 - mnist.test_images[0]).resize((200, 280), Image.Resampling.BILINEAR)  # w×h
    stored = upright.transpose(stored_as)
    exif = Image.Exif()
    exif[0x0112] = orientation  # the Orientation tag
    path = tmp_path / "phone.jpg"
    stored.save(path, "JPEG", quality=95, exif=exif.tobytes())
    with Image.open(path) as check:
        assert check.getexif().get(0x0112) == orientation
    loaded = load_grey_image(path)
    expected = np.asarray(upright, dtype=np.float32) / 255.0
    assert loaded.shape == expected.shape
    assert np.corrcoef(loaded.ravel(), expected.ravel())[0, 1] > 0.99


# -- 13: the canvas reads a picture's scale from its dtype, not its values ---------------------------------------
def test_canvas_treats_uint8_as_0_to_255_even_when_faint(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.canvas import DrawingCanvas

    canvas = DrawingCanvas()
    qtbot.addWidget(canvas)
    faint = np.zeros((28, 28), dtype=np.uint8)
    faint[8:20, 12:16] = 1  # uint8 level 1 of 255: almost black, not full white
    canvas.set_image(faint)
    shown = canvas.input_image()
    assert shown is not None and float(shown.max()) == pytest.approx(1 / 255)
    unit = np.zeros((28, 28), dtype=np.float32)
    unit[8:20, 12:16] = 1.0  # floats are already [0, 1]
    canvas.set_image(unit)
    shown = canvas.input_image()
    assert shown is not None and float(shown.max()) == 1.0


# -- 23: every Conv2d / MaxPool2d / AvgPool2d configuration, checked cell by cell -------------------------------
CONVS = [  # (kernel, stride, padding, dilation, groups, padding_mode)
    (3, 1, 0, 1, 1, "zeros"),
    (3, 1, 1, 1, 1, "zeros"),
    ((1, 5), 1, (0, 2), 1, 1, "zeros"),
    ((3, 2), 2, 1, 1, 1, "zeros"),
    (5, 2, 2, 1, 1, "zeros"),
    (3, 3, 0, 1, 1, "zeros"),
    (3, (1, 2), (2, 0), (1, 2), 1, "zeros"),
    (3, 1, "same", 2, 1, "zeros"),
    (4, 1, "same", 1, 1, "zeros"),  # even kernel: 'same' pads one more at the bottom/right
    ((2, 3), 1, "same", (3, 1), 1, "zeros"),
    (3, 1, "valid", 1, 1, "zeros"),
    (3, 2, 1, 2, 1, "zeros"),
    (3, 1, 1, 1, 2, "zeros"),
    (3, 1, 2, 1, 1, "reflect"),
    (3, 1, "same", 1, 1, "circular"),
    ((3, 5), 1, (1, 2), 1, 1, "replicate"),
]
POOLS = [
    nn.MaxPool2d(2), nn.MaxPool2d(3, 2), nn.MaxPool2d(3, 1, 1), nn.MaxPool2d((2, 3), (1, 2)),
    nn.MaxPool2d(3, 2, 1, dilation=2), nn.MaxPool2d(2, ceil_mode=True), nn.MaxPool2d(3, 2, 1, ceil_mode=True),
    nn.MaxPool2d((3, 2), stride=(2, 1), padding=(1, 0)), nn.MaxPool2d(2, 3),
    nn.AvgPool2d(2), nn.AvgPool2d(3, 2, 1), nn.AvgPool2d(3, 2, 1, count_include_pad=False),
    nn.AvgPool2d((2, 3), (2, 1), (1, 1), ceil_mode=True),
    nn.AvgPool2d(3, 2, 1, ceil_mode=True, count_include_pad=False),
    nn.AvgPool2d(2, divisor_override=3), nn.AvgPool2d((1, 3), (1, 3)),
]


def _conv(cfg: tuple, in_ch: int = 4, out_ch: int = 6) -> nn.Conv2d:  # type: ignore[type-arg]
    kernel, stride, padding, dilation, groups, mode = cfg
    return nn.Conv2d(in_ch, out_ch, kernel, stride, padding, dilation, groups, padding_mode=mode)


def _net(*stages: nn.Module) -> StagedNet:
    return StagedNet("test", {}, OrderedDict((f"s{i}", m) for i, m in enumerate(stages)))


@pytest.mark.parametrize("cfg", CONVS, ids=str)
def test_dot_product_matches_the_convolution_in_every_cell(cfg: tuple, mnist) -> None:  # type: ignore[no-untyped-def,type-arg]
    torch.manual_seed(0)
    conv = _conv(cfg)
    model = _net(nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.Tanh()), conv, nn.Flatten()).eval()
    cap = capture(model, mnist.test_images[7])
    x = torch.from_numpy(cap.stage("s0").output[None])
    with torch.no_grad():
        expected = conv(x)[0].numpy()  # the layer itself, on the captured input
    np.testing.assert_allclose(cap.stage("s1").output, expected, atol=1e-5)
    for channel in (0, 5):
        for row in range(expected.shape[1]):
            for col in range(expected.shape[2]):
                dp = explain_cell(model, cap, "s1", channel, row, col)
                assert dp.result == pytest.approx(float(expected[channel, row, col]), abs=1e-4), (row, col)


def _footprints(model: StagedNet, stage: str, size: int = 28) -> np.ndarray:
    """(H·W, *cell) bool: does raising input pixel p change each cell of ``stage``? Positive weights make
    every path monotone, so a pixel changes a cell exactly when the cell can see it."""
    x = 1.0 + torch.rand(1, 1, size, size)
    batch = x.repeat(size * size, 1, 1, 1)
    batch.view(size * size, -1)[torch.arange(size * size), torch.arange(size * size)] += 1000.0
    with torch.no_grad():
        def run(t: torch.Tensor) -> torch.Tensor:
            for name, module in model.named_children():
                t = module(t)
                if name == stage:
                    return t[:, 0]
            raise KeyError(stage)
        return (run(batch) - run(x)).abs().numpy() > 1e-2  # a seen pixel moves each conv by ≥ 0.1 · 1000: past any max


def _positive(model: StagedNet) -> StagedNet:
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            m.weight.data.uniform_(0.1, 1.0)
            if m.bias is not None:
                m.bias.data.uniform_(0.0, 1.0)
    return model.eval()


def _check_receptive_fields(model: StagedNet, stages: tuple[str, ...]) -> None:
    for stage in stages:
        changed = _footprints(model, stage)  # (784, h, w)
        h, w = changed.shape[1:]
        for row, col in {(0, 0), (h - 1, w - 1), (h // 2, w // 3), (1, w - 2)}:
            if not (0 <= row < h and 0 <= col < w):
                continue
            seen = changed[:, row, col].reshape(28, 28)
            np.testing.assert_array_equal(receptive_mask(model, stage, row, col), seen, err_msg=f"{stage} {row},{col}")
            rows, cols = np.flatnonzero(seen.any(1)), np.flatnonzero(seen.any(0))
            assert input_region(model, stage, row, col) == (rows[0], cols[0], rows[-1], cols[-1])


@pytest.mark.parametrize("cfg", [c for c in CONVS if c[5] == "zeros"], ids=str)
def test_receptive_field_is_the_set_of_pixels_that_change_the_cell(cfg: tuple) -> None:  # type: ignore[type-arg]
    torch.manual_seed(1)
    first = _conv(cfg, 1, 2) if cfg[4] == 1 else _conv((*cfg[:4], 1, cfg[5]), 1, 2)
    model = _positive(_net(first, nn.MaxPool2d(3, 2, 1), _conv(((3, 2), 1, "same", 2, 1, "zeros"), 2, 2)))
    _check_receptive_fields(model, ("s0", "s1", "s2"))
    single = receptive_fields(_net(first))[0]  # one layer: the box is exactly its dilated span
    kh, kw = (first.kernel_size[i] if isinstance(first.kernel_size, tuple) else first.kernel_size for i in (0, 1))
    dh, dw = first.dilation
    assert (single.height, single.width) == (dh * (kh - 1) + 1, dw * (kw - 1) + 1)


@pytest.mark.parametrize("pool", POOLS, ids=repr)
def test_receptive_field_through_any_pooling(pool: nn.Module) -> None:
    torch.manual_seed(2)
    _check_receptive_fields(_positive(_net(nn.Conv2d(1, 2, 3, padding=1), pool, nn.Conv2d(2, 2, 2))), ("s1", "s2"))


@pytest.mark.parametrize("pool", POOLS, ids=repr)
def test_pool_window_matches_pytorch_in_every_cell(pool: nn.Module) -> None:
    rng = np.random.default_rng(0)
    fmap = rng.normal(size=(9, 11))
    spec = pool_spec(pool)
    expected = pool(torch.from_numpy(fmap)[None, None])[0, 0].numpy()
    assert spec.output_size(*fmap.shape) == expected.shape
    x = 1.0 + rng.random((1, 1, 9, 11))
    batch = np.repeat(x, 99, axis=0)
    batch.reshape(99, -1)[np.arange(99), np.arange(99)] += 1000.0
    with torch.no_grad():
        changed = (pool(torch.from_numpy(batch)) != pool(torch.from_numpy(x))).numpy()[:, 0]  # (99, oh, ow)
    for row in range(expected.shape[0]):
        for col in range(expected.shape[1]):
            win = pool_window(fmap, row, col, spec=spec)
            assert win.result == pytest.approx(float(expected[row, col]), abs=1e-12), (row, col)
            taps = np.zeros(fmap.shape, dtype=bool)
            for i in range(win.values.shape[0]):
                for j in range(win.values.shape[1]):
                    r, c = win.cell(i, j)
                    if 0 <= r < 9 and 0 <= c < 11:
                        taps[r, c] = True
                        assert win.values[i, j] == fmap[r, c]
                    else:
                        assert np.isnan(win.values[i, j])
            np.testing.assert_array_equal(changed[:, row, col].reshape(9, 11), taps)
            if win.winner_cell is not None:
                assert fmap[win.winner_cell] == expected[row, col]


@pytest.mark.parametrize("pool", POOLS, ids=repr)
def test_pool_zoom_draws_exactly_the_patch_it_pooled(pool: nn.Module) -> None:
    rng = np.random.default_rng(1)
    fmap = rng.normal(size=(7, 9))  # odd sides: the block must still start on a window
    spec = pool_spec(pool)
    expected = pool(torch.from_numpy(fmap)[None, None])[0, 0].numpy()
    for top in range(-1, 8):
        for left in range(-1, 10):
            zoom = pool_zoom(fmap, top, left, spec=spec)
            r0, c0 = zoom.first_cell
            n_r, n_c = zoom.pooled.shape
            np.testing.assert_allclose(zoom.pooled, expected[r0 : r0 + n_r, c0 : c0 + n_c])
            index = zoom.window_index
            for k, win in enumerate(zoom.windows):
                assert win.result == zoom.pooled.flat[k]
                for i in range(win.values.shape[0]):
                    for j in range(win.values.shape[1]):
                        r, c = win.cell(i, j)
                        pr, pc = r - zoom.top, c - zoom.left
                        assert 0 <= pr < zoom.patch.shape[0] and 0 <= pc < zoom.patch.shape[1]
                        assert index[pr, pc] >= 0
                        if 0 <= r < 7 and 0 <= c < 9:
                            assert zoom.patch[pr, pc] == fmap[r, c]
            for pr, pc in zoom.winner_cells:
                assert zoom.patch[pr, pc] in set(zoom.pooled.ravel())


def test_pool_zoom_on_an_odd_map_shows_the_pooled_values_of_the_drawn_patch() -> None:
    fmap = np.arange(49, dtype=np.float64).reshape(7, 7)  # 2×2 max pooling: 3×3 output, row 6 / col 6 dropped
    for top in range(7):
        for left in range(7):
            zoom = pool_zoom(fmap, top, left)  # the default 4×4 patch and 2×2 max pooling
            patch = fmap[zoom.top : zoom.top + 4, zoom.left : zoom.left + 4]
            np.testing.assert_array_equal(zoom.patch, patch)
            pooled = patch.reshape(2, 2, 2, 2).max(axis=(1, 3))  # independent: pool the drawn patch
            np.testing.assert_array_equal(zoom.pooled, pooled)
