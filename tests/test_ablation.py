"""Ablation core: switching channels off equals zeroing their weights and bias in a copy of the model."""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch
from torch import nn

from cnnviz.data.transforms import MNIST_INPUT, to_spec_input
from cnnviz.features.ablation import (
    ablatable_stages,
    ablated_capture,
    ablated_model,
    check_ablation,
    rank_channels,
)
from cnnviz.introspect import capture
from cnnviz.models import build_model


def _digit(mnist, index: int = 0) -> np.ndarray:  # type: ignore[no-untyped-def]
    return mnist.test_images[index].astype(np.float32) / 255.0


def _zeroed(model: nn.Module, stage: str, channels: list[int]) -> nn.Module:
    """A copy of ``model`` whose ``stage`` has the weights and bias of ``channels`` set to 0."""
    twin = copy.deepcopy(model)
    layer = next(m for m in dict(twin.named_children())[stage].modules() if isinstance(m, nn.Conv2d | nn.Linear))
    with torch.no_grad():
        layer.weight[channels] = 0.0
        assert layer.bias is not None
        layer.bias[channels] = 0.0
    return twin


def _stage_outputs(model: nn.Module, image: np.ndarray) -> dict[str, np.ndarray]:
    """Every stage's output by running the children by hand (independent of ``capture``)."""
    x = to_spec_input(image, MNIST_INPUT)
    outputs = {}
    with torch.no_grad():
        for name, module in model.named_children():
            x = module(x)
            outputs[name] = x[0].numpy()
    return outputs


@pytest.mark.parametrize(("arch", "stage", "channels"), [
    ("explorer_cnn", "conv1", [2]),
    ("explorer_cnn", "conv2", [0, 5, 11]),
    ("lenet5", "conv1", [1, 4]),  # tanh(0) = 0 as well
    ("lenet5", "fc1", [0, 17, 119]),  # units of a linear stage
])
def test_ablated_capture_equals_zeroed_weights(mnist, arch: str, stage: str, channels: list[int]) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(1)
    model = build_model(arch).eval()
    image = _digit(mnist, 3)
    found = ablated_capture(model, image, frozenset((stage, c) for c in channels))
    expected = _stage_outputs(_zeroed(model, stage, channels), image)
    for name, value in expected.items():
        np.testing.assert_allclose(found.stage(name).output, value, atol=1e-5, err_msg=name)
    logits = torch.from_numpy(expected[model.stage_names()[-1]])
    np.testing.assert_allclose(found.probabilities, torch.softmax(logits, 0).numpy(), atol=1e-6)
    assert not found.stage(stage).output[channels].any()


def test_earlier_stages_and_the_model_itself_are_unchanged(mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(2)
    model = build_model("explorer_cnn").eval()
    before = {k: v.clone() for k, v in model.state_dict().items()}
    image = _digit(mnist, 5)
    plain = capture(model, image)
    found = ablated_capture(model, image, frozenset({("conv2", 3)}))
    for name in ("input", "conv1", "pool1"):
        np.testing.assert_array_equal(found.stage(name).output, plain.stage(name).output)
    assert not np.allclose(found.stage("fc").output, plain.stage("fc").output)
    assert [s.title for s in found.stages] == [s.title for s in plain.stages]
    for key, value in model.state_dict().items():
        assert torch.equal(value, before[key]), key
    np.testing.assert_array_equal(capture(model, image).probabilities, plain.probabilities)
    assert ablated_model(model, frozenset()) is model


def test_rank_channels_matches_one_ablation_at_a_time(mnist, trained_explorer) -> None:  # type: ignore[no-untyped-def]
    model = trained_explorer[0]
    image = _digit(mnist, 0)
    base = frozenset({("conv1", 6)})  # ranked on top of what is already switched off
    ranking = rank_channels(model, image, "conv2", base)
    plain = ablated_capture(model, image, base)
    assert ranking.predicted == plain.prediction
    assert ranking.probability == pytest.approx(float(plain.probabilities.max()), abs=1e-6)
    for c in range(16):
        alone = ablated_capture(model, image, base | {("conv2", c)})
        assert ranking.probabilities[c] == pytest.approx(float(alone.probabilities[ranking.predicted]), abs=1e-5)
        assert ranking.predictions[c] == alone.prediction
    order = ranking.order()
    assert sorted(order) == list(range(16))
    assert ranking.drops[order[0]] == ranking.drops.max() and ranking.drops[order[-1]] == ranking.drops.min()


def test_switching_off_every_channel_leaves_only_the_biases(mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(3)
    model = build_model("explorer_cnn").eval()
    found = ablated_capture(model, _digit(mnist), frozenset(("conv2", c) for c in range(16)))
    fc = dict(model.named_children())["fc"]
    assert isinstance(fc, nn.Linear) and fc.bias is not None
    np.testing.assert_allclose(found.stage("fc").output, fc.bias.detach().numpy(), atol=1e-6)


def test_bad_ablations_are_named(mnist) -> None:  # type: ignore[no-untyped-def]
    model = build_model("explorer_cnn")
    assert ablatable_stages(model) == ["conv1", "conv2"]
    with pytest.raises(ValueError, match="pool1"):
        check_ablation(model, frozenset({("pool1", 0)}))
    with pytest.raises(ValueError, match="conv1 has 8 channels, so there is no channel 9"):
        ablated_capture(model, _digit(mnist), frozenset({("conv1", 8)}))
    with pytest.raises(ValueError, match="fc"):
        rank_channels(model, _digit(mnist), "fc")


def test_ablation_benchmark_runs() -> None:
    from benchmarks import ablation
    from benchmarks.__main__ import BENCHMARKS

    figures = ablation.run(quick=True)
    assert "ablation" in BENCHMARKS
    assert figures and all(f.value >= 0 and f.target for f in figures)
    assert "24 channels" in figures[0].detail


def test_switched_off_maps_are_named_as_people_count() -> None:
    from cnnviz.features.ablation import describe_ablation

    assert describe_ablation(frozenset()) == "Every map is on."
    assert describe_ablation(frozenset({("conv2", 4), ("conv1", 2), ("conv2", 0)})) == (
        "Switched off: conv1 map 3; conv2 maps 1, 5.")


def test_a_wide_stage_is_ranked_in_batches_that_a_stop_can_end(mnist, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.features import ablation
    from cnnviz.jobs import JobCancelled

    model = build_model("small_cnn").eval()  # conv2 has 64 maps
    image = mnist.test_images[4]
    whole = ablation.rank_channels(model, image, "conv2")
    monkeypatch.setattr(ablation, "RANK_CHUNK", 10)  # 65 rows in 7 batches
    chunked = ablation.rank_channels(model, image, "conv2")
    np.testing.assert_allclose(chunked.probabilities, whole.probabilities, atol=1e-6)
    assert np.array_equal(chunked.predictions, whole.predictions) and chunked.predicted == whole.predicted
    asked: list[int] = []

    def stop_after_two() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(JobCancelled):
        ablation.rank_channels(model, image, "conv2", should_stop=stop_after_two)
    assert len(asked) == 3  # checked before every batch: it ended at the third, not after all seven
