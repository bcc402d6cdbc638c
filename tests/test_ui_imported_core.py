"""What the app computes on models opened from files: every shape a foreign CNN has (3 channels, 32×32 or
224×224 input, residual blocks with batch norm, 5×5 stride-2 convolutions, padding='same', dilation,
non-square kernels, 100 or 3 classes) captured, explained cell by cell and given saliency maps, each checked
against an independent PyTorch computation."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from cnnviz.data.transforms import InputSpec, to_spec_input
from cnnviz.explain import METHODS, explain_any_cell, explain_cell, saliency
from cnnviz.explain.dot_product import conv_parts
from cnnviz.explain.linear import LinearSum, linear_parts
from cnnviz.explain.regions import cell_regions
from cnnviz.introspect import capture
from cnnviz.introspect.receptive_field import receptive_mask, stage_shapes
from cnnviz.models.staged import StagedNet
from cnnviz.training import CheckpointMeta
from cnnviz.training.checkpoint import input_spec


class Block(nn.Module):
    """A residual block as a converter makes it: a small graph of its own (not cnnviz's ResidualBlock)."""

    def __init__(self, c_in: int, c_out: int, stride: int = 1) -> None:
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(c_in, c_out, 3, stride, 1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU(),
                                  nn.Conv2d(c_out, c_out, 3, 1, 1, bias=False), nn.BatchNorm2d(c_out))
        self.skip: nn.Module = nn.Identity() if stride == 1 and c_in == c_out else nn.Sequential(
            nn.Conv2d(c_in, c_out, 1, stride, bias=False), nn.BatchNorm2d(c_out))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(self.main(x) + self.skip(x))


def _settle(net: StagedNet) -> StagedNet:
    """Batch-norm statistics that are not the identity, so folding them in is really tested."""
    generator = torch.Generator().manual_seed(3)
    for m in net.modules():
        if isinstance(m, nn.BatchNorm2d):
            assert m.running_mean is not None and m.running_var is not None
            m.running_mean.copy_(torch.rand(m.num_features, generator=generator) * 0.2 - 0.1)
            m.running_var.copy_(torch.rand(m.num_features, generator=generator) + 0.5)
            m.weight.data.copy_(torch.rand(m.num_features, generator=generator) + 0.5)
    return net.eval()


def resnet32(classes: int = 100) -> tuple[StagedNet, CheckpointMeta]:
    """3 × 32 × 32 in, residual blocks, a 5×5 stride-2 conv, 'same', dilation, a 3×5 kernel, ``classes`` out."""
    torch.manual_seed(0)
    net = StagedNet("imported", {}, OrderedDict(
        stem=nn.Sequential(nn.Conv2d(3, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU()),
        block1=Block(16, 16),
        block2=Block(16, 32, 2),
        down=nn.Sequential(nn.Conv2d(32, 32, 5, stride=2, padding=2), nn.ReLU()),
        same=nn.Sequential(nn.Conv2d(32, 24, 5, padding="same"), nn.ReLU()),
        dil=nn.Sequential(nn.Conv2d(24, 24, 3, padding=2, dilation=2), nn.ReLU()),
        wide=nn.Conv2d(24, 16, (3, 5), stride=(1, 2), padding=(1, 2)),
        pool=nn.MaxPool2d(2),
        gap=nn.AdaptiveAvgPool2d(1),
        flatten=nn.Flatten(),
        fc=nn.Linear(16, classes),
    ))
    spec = InputSpec(3, (32, 32), (0.5, 0.4, 0.3), (0.25, 0.2, 0.3))
    meta = CheckpointMeta(model="imported", model_kwargs={}, dataset="unknown",
                          class_names=[f"thing {i}" for i in range(classes)], input=spec.to_dict(),
                          extra={"format": "onnx", "preprocess_known": True})
    return _settle(net), meta


def big224(wide: int = 2000) -> tuple[StagedNet, CheckpointMeta]:
    """3 × 224 × 224 in, a 64 × 112 × 112 stage, a stage of ``wide`` channels, 3 classes."""
    torch.manual_seed(1)
    net = StagedNet("imported", {}, OrderedDict(
        conv1=nn.Sequential(nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False), nn.BatchNorm2d(64), nn.ReLU()),
        pool1=nn.MaxPool2d(3, stride=2, padding=1),
        block1=Block(64, 64),
        block2=Block(64, 128, 2),
        wide=nn.Sequential(nn.Conv2d(128, wide, 1), nn.ReLU()),
        gap=nn.AdaptiveAvgPool2d(1),
        flatten=nn.Flatten(),
        fc=nn.Linear(wide, 3),
    ))
    spec = InputSpec(3, (224, 224), (0.485, 0.456, 0.406), (0.229, 0.224, 0.225))
    meta = CheckpointMeta(model="imported", model_kwargs={}, dataset="unknown", class_names=["cat", "dog", "bird"],
                          input=spec.to_dict(), extra={"format": "onnx", "preprocess_known": True})
    return _settle(net), meta


def drawing(size: int = 28) -> np.ndarray:
    """A grey stroke like one drawn on the canvas, (size, size) in [0, 1]."""
    image = np.zeros((size, size), np.float32)
    image[size // 4 : 3 * size // 4, size // 3 : size // 3 + size // 7] = 1.0
    image[size // 2 : size // 2 + 3, size // 5 : 4 * size // 5] = 0.7
    return image


def _stage_inputs(model: StagedNet, image: np.ndarray, spec: InputSpec) -> dict[str, torch.Tensor]:
    """Each stage's input, by running the modules on the independently prepared tensor."""
    x = to_spec_input(image, spec)
    inputs = {}
    with torch.no_grad():
        for name, module in model.named_children():
            inputs[name] = x
            x = module(x)
    return inputs


@pytest.fixture(scope="module")
def colour_model():  # type: ignore[no-untyped-def]
    net, meta = resnet32()
    return net, meta, capture(net, drawing(), input_spec(meta))


def test_capture_of_a_colour_model_shows_the_grey_drawing_as_three_equal_channels(colour_model) -> None:  # type: ignore[no-untyped-def]
    net, meta, cap = colour_model
    assert cap.spec == input_spec(meta)
    shown = cap.stages[0].output
    assert shown.shape == (3, 32, 32)
    assert np.array_equal(shown[0], shown[1]) and np.array_equal(shown[1], shown[2])
    with torch.no_grad():
        expected = torch.softmax(net(to_spec_input(drawing(), cap.spec)), dim=1)[0].numpy()
    np.testing.assert_allclose(cap.probabilities, expected, atol=1e-6)
    assert cap.probabilities.shape == (100,)
    assert "mean (0.5, 0.4, 0.3)" in str(cap.stages[0].caption)  # the preprocessing is said where the input is shown


def test_behind_a_number_equals_conv2d_on_every_conv_stage_of_a_colour_model(colour_model) -> None:  # type: ignore[no-untyped-def]
    """The 3-channel first conv, a 5×5 stride-2 conv, padding='same', dilation 2 and a 3×5 stride-(1, 2) kernel."""
    net, _meta, cap = colour_model
    inputs = _stage_inputs(net, drawing(), cap.spec)
    rng = np.random.default_rng(0)
    stages = [name for name, module in net.named_children() if conv_parts(module) is not None]
    assert stages == ["stem", "down", "same", "dil", "wide"]
    for name in stages:
        parts = conv_parts(dict(net.named_children())[name])
        assert parts is not None
        with torch.no_grad():
            pre = parts.conv(inputs[name])
            if parts.batch_norm is not None:
                pre = parts.batch_norm(pre)
        c, h, w = cap.stage(name).output.shape
        cells = [(0, 0, 0), (c - 1, h - 1, w - 1)] + [tuple(int(rng.integers(n)) for n in (c, h, w)) for _ in range(6)]
        for ch, r, col in cells:
            found = explain_cell(net, cap, name, ch, r, col)
            assert found.pre_activation == pytest.approx(float(pre[0, ch, r, col]), abs=1e-4), (name, ch, r, col)
            assert found.result == pytest.approx(float(cap.stage(name).output[ch, r, col]), abs=1e-4)
            assert found.window.shape == found.weights.shape


def test_behind_a_number_of_a_fully_connected_unit_is_every_input_times_its_weight(colour_model) -> None:  # type: ignore[no-untyped-def]
    net, _meta, cap = colour_model
    assert linear_parts(net.fc) is not None
    inputs = _stage_inputs(net, drawing(), cap.spec)
    with torch.no_grad():
        logits = F.linear(inputs["fc"], net.fc.weight, net.fc.bias)[0]
    for unit in (0, 57, 99):
        found = explain_any_cell(net, cap, "fc", unit, 0, 0)
        assert isinstance(found, LinearSum)
        assert found.inputs.shape == (16,) and found.source_shape == (16, 1, 1)
        assert found.result == pytest.approx(float(logits[unit]), abs=1e-5)
        assert found.result == pytest.approx(float(cap.stage("fc").output[unit]), abs=1e-5)


def test_pooling_and_every_other_stage_explain_to_the_value_shown(colour_model) -> None:  # type: ignore[no-untyped-def]
    net, _meta, cap = colour_model
    for stage in cap.stages[1:-1]:
        out = stage.output
        cell = (out.shape[0] - 1, out.shape[1] - 1, out.shape[2] - 1) if out.ndim == 3 else (out.shape[0] - 1, 0, 0)
        found = explain_any_cell(net, cap, stage.name, *cell)
        value = out[cell] if out.ndim == 3 else out[cell[0]]
        assert found.result == pytest.approx(float(value), abs=1e-4), stage.name


def test_receptive_regions_use_the_models_input_size(colour_model) -> None:  # type: ignore[no-untyped-def]
    net, _meta, cap = colour_model
    spec = cap.spec
    shapes = stage_shapes(net, spec=spec)
    assert shapes["input"] == (3, 32, 32) and shapes["fc"] == (100,)
    assert {s.name: s.shape for s in cap.stages[:-1]} == shapes
    # the corner cell of the 5×5 stride-2 stage sees a corner of the 32×32 input, by perturbing it
    mask = receptive_mask(net, "down", 0, 0, spec=spec)
    assert mask.shape == (32, 32)
    x = to_spec_input(drawing(), spec).requires_grad_(True)
    out = x
    for name, module in net.named_children():
        out = module(out)
        if name == "down":
            break
    (grad,) = torch.autograd.grad(out[0, :, 0, 0].sum(), x)
    touched = grad[0].abs().sum(0).numpy() > 0
    assert not (touched & ~mask).any()  # nothing outside the traced region changes the cell
    regions = {r.stage: r for r in cell_regions(net, "down", 0, 0, spec=spec)}
    assert regions["input"].top == 0 and regions["input"].left == 0


def test_every_saliency_method_runs_on_a_colour_model_at_its_input_size(colour_model) -> None:  # type: ignore[no-untyped-def]
    net, _meta, cap = colour_model
    spec = cap.spec
    for method in METHODS:
        found = saliency(net, drawing(), method, target=7, spec=spec)
        assert found.values.shape == (32, 32), method
        assert found.image is not None and found.image.shape == (32, 32, 3)
        assert found.values.min() >= 0.0 and found.values.max() in (0.0, pytest.approx(1.0)), method  # CAM may be 0
        assert found.probability == pytest.approx(float(cap.probabilities[7]), abs=1e-6)
    # the gradient map is |∂score/∂pixel|, largest over the colour channels: checked against autograd
    x = to_spec_input(found.image, spec).requires_grad_(True)
    (grad,) = torch.autograd.grad(net(x)[0, 7], x)
    expected = grad[0].abs().amax(0).numpy()
    np.testing.assert_allclose(saliency(net, drawing(), "gradient", 7, spec).values, expected / expected.max(),
                               atol=1e-5)


def test_occlusion_on_a_224_model_blanks_patches_in_bounded_batches() -> None:
    net, meta = big224(wide=64)
    spec = input_spec(meta)
    found = saliency(net, drawing(), "occlusion", target=1, spec=spec)
    assert found.values.shape == (224, 224)
    assert found.values.max() == pytest.approx(1.0)
    # the map is the probability drop per pixel: blanking the patch around its peak must lower the class's
    # probability more than blanking one around its lowest point
    def blanked(at: tuple[int, int]) -> float:
        image = found.image.copy()
        r, c = at
        image[max(0, r - 24) : r + 24, max(0, c - 24) : c + 24] = 0.0
        with torch.no_grad():
            return float(torch.softmax(net(to_spec_input(image, spec)), dim=1)[0, 1])
    peak = np.unravel_index(int(np.argmax(found.values)), found.values.shape)
    low = np.unravel_index(int(np.argmin(found.values)), found.values.shape)
    assert blanked((int(peak[0]), int(peak[1]))) < blanked((int(low[0]), int(low[1])))
