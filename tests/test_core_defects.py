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
from cnnviz.introspect import capture, input_region, pool_params, pool_window, pool_zoom, receptive_fields
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
    assert METHODS["hirescam"].title == "HiResCAM"
    assert METHODS["gradcam"].title == "Grad-CAM"
    assert "HiResCAM" not in METHODS["gradcam"].caption  # classic Grad-CAM is not described as HiResCAM
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
