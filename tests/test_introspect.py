"""Introspection: stage outputs, pooling bookkeeping, filters and receptive fields."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from cnnviz.data import to_model_input
from cnnviz.introspect import (
    SOBEL_HORIZONTAL,
    SOBEL_VERTICAL,
    apply_filter,
    capture,
    conv_filters,
    input_region,
    pool_params,
    pool_window,
    pool_zoom,
    receptive_fields,
)
from cnnviz.models import MODELS, build_model


@pytest.mark.parametrize("name", list(MODELS))
def test_capture_walks_every_stage_and_ends_with_the_models_own_softmax(name: str, mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(0)
    model = build_model(name, in_channels=1).eval()  # every zoo model, built for grey digits
    digit = mnist.test_images[0]
    cap = capture(model, digit)
    assert [s.name for s in cap.stages] == ["input", *model.stage_names(), "softmax"]
    assert cap.stages[0].shape == (1, 28, 28) and cap.stages[0].output.max() <= 1.0
    with torch.no_grad():
        expected = torch.softmax(model(to_model_input(digit)), dim=1)[0].numpy()
    assert np.allclose(cap.stages[-1].output, expected, atol=1e-6)
    assert np.allclose(cap.probabilities.sum(), 1.0, atol=1e-5)
    assert cap.prediction == int(expected.argmax())
    assert sum(s.parameters for s in cap.stages) == sum(p.numel() for p in model.parameters())
    assert all(s.caption and s.title for s in cap.stages)


def test_explorer_stage_shapes_follow_the_pipeline(mnist) -> None:  # type: ignore[no-untyped-def]
    cap = capture(build_model("explorer_cnn"), mnist.test_images[1])
    shapes = {s.name: s.shape for s in cap.stages}
    assert shapes == {"input": (1, 28, 28), "conv1": (8, 28, 28), "pool1": (8, 14, 14), "conv2": (16, 14, 14),
                      "pool2": (16, 7, 7), "flatten": (784,), "fc": (10,), "softmax": (10,)}
    assert (cap.stage("conv1").output >= 0).all()  # after ReLU
    pooled = cap.stage("conv1").output.reshape(8, 14, 2, 14, 2).max(axis=(2, 4))
    assert np.allclose(pooled, cap.stage("pool1").output)
    assert "ReLU" in cap.stage("conv1").title and "max 2×2" in str(cap.stage("pool1").title)


def test_pool_window_marks_the_winner_and_averages() -> None:
    fmap = np.array([[1, 5, 0, 0], [2, 3, 0, 9], [4, 4, 7, 1], [4, 8, 2, 2]], dtype=np.float32)
    win = pool_window(fmap, 0, 1)
    assert (win.top, win.left, win.winner, win.result) == (0, 2, (1, 1), 9.0)
    avg = pool_window(fmap, 1, 0, mode="avg")
    assert avg.winner is None and avg.result == pytest.approx(5.0)
    zoom = pool_zoom(fmap, 1, 3)  # snapped to the pooling grid and kept inside the map
    assert (zoom.top, zoom.left) == (0, 0)
    assert zoom.pooled.tolist() == [[5, 9], [8, 7]]
    assert [w.winner for w in zoom.windows] == [(0, 1), (1, 1), (1, 1), (0, 0)]
    with pytest.raises(IndexError):
        pool_window(fmap, 2, 0)


def test_pool_params_read_the_module() -> None:
    assert pool_params(torch.nn.MaxPool2d(2)) == (2, 2, "max")
    assert pool_params(torch.nn.AvgPool2d(3, stride=1)) == (3, 1, "avg")
    with pytest.raises(TypeError):
        pool_params(torch.nn.ReLU())


def test_conv_filters_and_sobel_edges() -> None:
    filters = conv_filters(build_model("explorer_cnn"))
    assert [(f.stage, f.weights.shape) for f in filters] == [("conv1", (8, 1, 3, 3)), ("conv2", (16, 8, 3, 3))]
    image = np.zeros((9, 9), dtype=np.float32)
    image[:, 5:] = 1.0  # a vertical edge between columns 4 and 5
    vertical, horizontal = apply_filter(image, SOBEL_VERTICAL), apply_filter(image, SOBEL_HORIZONTAL)
    assert np.abs(vertical[2:7, 4:6]).min() == 4.0
    assert np.abs(horizontal[2:7, :]).max() == 0.0


def test_receptive_field_grows_through_conv_pool_conv() -> None:
    model = build_model("explorer_cnn")
    sizes = {f.stage: (f.size, f.jump) for f in receptive_fields(model)}
    assert sizes["conv1"] == (3, 1) and sizes["pool1"] == (4, 2) and sizes["conv2"] == (8, 2)
    assert input_region(model, "conv2", 5, 5) == (7, 7, 14, 14)
    assert input_region(model, "conv2", 0, 0) == (0, 0, 4, 4)  # clipped at the border
    assert input_region(model, "conv2", 5, 5, on_stage="pool1") == (4, 4, 6, 6)
    assert input_region(model, "fc", 0, 0) == (0, 0, 27, 27)
    with pytest.raises(ValueError, match="does not come after"):
        input_region(model, "pool1", 0, 0, on_stage="conv2")
