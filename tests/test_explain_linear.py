"""Behind a number for fully connected units and the softmax: the breakdown adds up to the model's output."""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch
from torch import nn

from cnnviz.explain import LinearSum, SoftmaxSum, explain_any_cell, explain_linear, explain_softmax, linear_stages
from cnnviz.introspect import capture
from cnnviz.models import build_model


def _digit(mnist, index: int = 0) -> np.ndarray:  # type: ignore[no-untyped-def]
    return mnist.test_images[index].astype(np.float32) / 255.0


@pytest.mark.parametrize(("arch", "stage", "source", "shape"), [
    ("explorer_cnn", "fc", "pool2", (16, 7, 7)),
    ("lenet5", "fc1", "pool2", (16, 5, 5)),
    ("lenet5", "fc2", "fc1", (120,)),
    ("mlp", "fc1", "input", (1, 28, 28)),  # flatten passes the (normalised) pixels on: shown as the image
    ("small_cnn", "fc1", "pool2", (64, 7, 7)),  # past flatten and dropout
])
def test_linear_unit_adds_up_to_the_models_output(mnist, arch: str, stage: str, source: str,  # type: ignore[no-untyped-def]
                                                  shape: tuple[int, ...]) -> None:
    torch.manual_seed(4)
    model = build_model(arch).eval()
    cap = capture(model, _digit(mnist, 7))
    width = cap.stage(stage).output.size
    for unit in range(width):
        found = explain_linear(model, cap, stage, unit)
        assert found.result == pytest.approx(float(cap.stage(stage).output[unit]), abs=1e-4)
    assert found.source == source and found.contribution_map.shape == shape
    assert found.pushed_up + found.pushed_down + found.bias == pytest.approx(found.pre_activation)


def test_each_term_is_what_removing_that_input_takes_away(mnist) -> None:  # type: ignore[no-untyped-def]
    """Independent check: zero one input of the layer and the unit's pre-activation moves by exactly its term."""
    torch.manual_seed(5)
    model = build_model("explorer_cnn").eval()
    cap = capture(model, _digit(mnist, 1))
    fc = dict(model.named_children())["fc"]
    x = torch.from_numpy(cap.stage("flatten").output.copy())[None]
    found = explain_linear(model, cap, "fc", 3)
    for index in found.largest_terms(5):
        cut = x.clone()
        cut[0, index] = 0.0
        with torch.no_grad():
            moved = float(fc(x)[0, 3] - fc(cut)[0, 3])
        assert found.products[index] == pytest.approx(moved, abs=1e-4)
        c, r, col = found.position(index)
        assert cap.stage("pool2").output[c, r, col] == pytest.approx(found.inputs[index])
    terms = np.abs(found.products[found.largest_terms(5)])
    assert list(terms) == sorted(terms, reverse=True) and terms[0] == np.abs(found.products).max()


def test_softmax_steps_match_the_capture(mnist, trained_explorer) -> None:  # type: ignore[no-untyped-def]
    model = trained_explorer[0]
    cap = capture(model, _digit(mnist, 2))
    found = explain_softmax(cap)
    assert found.unit == cap.prediction and found.shift == 0.0
    np.testing.assert_allclose(found.exps, np.exp(cap.stage("fc").output.astype(np.float64)), rtol=1e-6)
    np.testing.assert_allclose(found.probabilities, cap.probabilities, atol=1e-6)
    assert found.total == pytest.approx(float(np.exp(cap.stage("fc").output.astype(np.float64)).sum()))
    via = explain_any_cell(model, cap, "softmax", 4, 0, 0)
    assert isinstance(via, SoftmaxSum) and via.result == pytest.approx(float(cap.probabilities[4]), abs=1e-6)
    unit = explain_any_cell(model, cap, "fc", 4, 0, 0)
    assert isinstance(unit, LinearSum) and unit.result == pytest.approx(float(cap.stage("fc").output[4]), abs=1e-4)


def test_huge_logits_are_shifted_and_still_give_the_probabilities(mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(6)
    model = copy.deepcopy(build_model("explorer_cnn").eval())
    fc = dict(model.named_children())["fc"]
    assert isinstance(fc, nn.Linear)
    with torch.no_grad():
        fc.weight.mul_(2000.0)
    cap = capture(model, _digit(mnist, 0))
    found = explain_softmax(cap)
    assert found.shift == float(cap.stage("fc").output.max()) and np.isfinite(found.total)
    np.testing.assert_allclose(found.probabilities, cap.probabilities, atol=1e-5)


def test_linear_stages_and_bad_units(mnist) -> None:  # type: ignore[no-untyped-def]
    model = build_model("lenet5")
    assert linear_stages(model) == ["fc1", "fc2", "fc3"]
    cap = capture(model, _digit(mnist))
    with pytest.raises(IndexError, match="fc2 has 84 units, not a unit 85"):
        explain_linear(model, cap, "fc2", 84)
    with pytest.raises(ValueError, match="conv1"):
        explain_linear(model, cap, "conv1", 0)
    with pytest.raises(IndexError, match="10 classes"):
        explain_softmax(cap, 10)
