"""Core services the UI calls instead of computing things itself: eval mode, pooling sites, the strongest
cell, one explanation for any cell, the invariance comparison, random test digits, shapes and the model store."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from torch import nn

from cnnviz.explain import (
    AXES,
    PROBE_POINTS,
    DotProduct,
    LinearSum,
    PlainValue,
    ResidualSum,
    compare_invariance,
    explain_any_cell,
    probe_curve,
    probe_values,
    shifted_first_maps,
)
from cnnviz.introspect import PoolWindow, capture, pool_sites, shape_text, strongest_cell
from cnnviz.models import MODELS, build_model, eval_mode
from cnnviz.store import COMPANION_ARCH, Damaged, ModelStore, NeedsTraining, Opened
from cnnviz.training import save_checkpoint, train_model


# -- eval_mode ---------------------------------------------------------------------------------------------------
def test_eval_mode_switches_off_dropout_and_batch_statistics_then_restores_every_module() -> None:
    torch.manual_seed(0)
    model = build_model("modern_cnn")
    model.train()
    model.res2.eval()  # a mixed state must come back as it was
    x = torch.randn(4, 1, 28, 28)
    with eval_mode(model), torch.no_grad():
        assert not any(m.training for m in model.modules())
        inside = model(x)
        assert torch.equal(inside, model(x))  # dropout off: the same input gives the same output
        single = model(x[:1])  # running statistics: one digit's output does not depend on the batch
    np.testing.assert_allclose(single.numpy(), inside[:1].numpy(), atol=1e-5)
    assert model.training and model.res1.training and not model.res2.training
    with pytest.raises(RuntimeError), eval_mode(model):
        raise RuntimeError("boom")
    assert model.training and not model.res2.training
    dropout = build_model("small_cnn").train()
    with eval_mode(dropout), torch.no_grad():
        assert torch.equal(dropout(x), dropout(x))  # dropout is off inside
    assert dropout.training


# -- pooling sites and the strongest cell ---------------------------------------------------------------------
@pytest.mark.parametrize("name", list(MODELS))
def test_pool_sites_are_the_pooling_stages_and_the_maps_they_read(name: str, mnist) -> None:  # type: ignore[no-untyped-def]
    model = build_model(name, in_channels=1)  # every zoo model, built for grey digits
    cap = capture(model, mnist.test_images[0])
    names = [s.name for s in cap.stages]
    expected = [n for n, m in model.named_children() if type(m) in (nn.MaxPool2d, nn.AvgPool2d)]
    sites = pool_sites(model)
    assert [s.pool_stage for s in sites] == expected
    for site in sites:
        before = cap.stages[names.index(site.pool_stage) - 1]
        assert site.source_stage == before.name and site.in_shape == before.output.shape
        np.testing.assert_array_equal(site.maps(cap), before.output)
        module = dict(model.named_children())[site.pool_stage]
        assert site.spec.mode == ("max" if isinstance(module, nn.MaxPool2d) else "avg")
        assert str(site.label).startswith(site.pool_stage)


def test_strongest_cell_is_the_first_maximum(mnist) -> None:  # type: ignore[no-untyped-def]
    cap = capture(build_model("explorer_cnn"), mnist.test_images[2])
    fmap = cap.stage("conv2").output
    for channel in range(fmap.shape[0]):
        row, col = strongest_cell(cap, "conv2", channel)
        m = fmap[channel]
        assert m[row, col] == m.max()
        assert not (m.ravel()[: row * m.shape[1] + col] == m.max()).any()  # no earlier cell ties
    with pytest.raises(ValueError, match="no feature maps"):
        strongest_cell(cap, "fc", 0)


# -- one explanation for any cell ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["explorer_cnn", "lenet5", "modern_cnn", "simple_gap_cnn", "mlp"])
def test_explain_any_cell_reproduces_every_stage_value(name: str, mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(4)
    model = build_model(name).eval()
    cap = capture(model, mnist.test_images[5])
    rng = np.random.default_rng(1)
    kinds = set()
    for stage in cap.stages[1:-1]:
        module = dict(model.named_children())[stage.name]
        out = stage.output
        for _ in range(6):
            if out.ndim == 3:
                c, r, col = (int(rng.integers(n)) for n in out.shape)
                value = float(out[c, r, col])
            else:
                c, r, col = int(rng.integers(out.shape[0])), 0, 0
                value = float(out[c])
            result = explain_any_cell(model, cap, stage.name, c, r, col)
            assert result.result == pytest.approx(value, abs=1e-4), (stage.name, c, r, col)
            kinds.add(type(result))
            if isinstance(module, nn.MaxPool2d | nn.AvgPool2d):
                assert isinstance(result, PoolWindow)
            elif type(module).__name__ == "ResidualBlock":
                assert isinstance(result, ResidualSum)
    expected = {"explorer_cnn": {DotProduct, PoolWindow, PlainValue, LinearSum},
                "lenet5": {DotProduct, PoolWindow, PlainValue, LinearSum},
                "modern_cnn": {DotProduct, ResidualSum, PlainValue, LinearSum}, "mlp": {PlainValue, LinearSum},
                "simple_gap_cnn": {DotProduct, PoolWindow, PlainValue, LinearSum}}
    assert kinds == expected[name]


# -- invariance comparison ------------------------------------------------------------------------------------------
def test_compare_invariance_runs_every_model_on_every_axis(mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(5)
    models = {"cnn": build_model("explorer_cnn").eval(), "fc": build_model("mlp").eval()}
    image = mnist.test_images[9].astype(np.float32) / 255.0
    result = compare_invariance(models, image)
    assert list(result.curves) == ["cnn", "fc"]
    for key, net in models.items():
        assert list(result.curves[key]) == list(AXES)
        for axis, curve in result.curves[key].items():
            assert len(curve.values) == PROBE_POINTS[axis]
            direct = probe_curve(net, image, axis, probe_values(axis, PROBE_POINTS[axis]))
            np.testing.assert_array_equal(curve.predictions, direct.predictions)
            np.testing.assert_allclose(curve.reference_probabilities, direct.reference_probabilities, atol=1e-6)
    assert result.shifted is not None
    direct_maps = shifted_first_maps(models["cnn"], image, result.shifted.shifts)
    np.testing.assert_allclose(result.shifted.maps, direct_maps.maps, atol=1e-6)
    only = compare_invariance({"fc": models["fc"]}, image, "angle")
    assert list(only.curves["fc"]) == ["angle"] and only.shifted is None  # a dense model has no maps to move
    with pytest.raises(ValueError, match="unknown probe axis"):
        compare_invariance(models, image, "zoom")


def test_worst_mismatch_is_the_largest_comparable_shift(mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(6)
    model = build_model("explorer_cnn").eval()
    shifted = shifted_first_maps(model, mnist.test_images[1], np.array([-2.0, 0.0, 1.5, 3.0]))
    mismatch = shifted.mismatch()
    assert np.isnan(mismatch[2])  # a half-pixel shift is not comparable
    assert shifted.worst_mismatch() == max(float(v) for v in mismatch if not np.isnan(v))
    no_reference = shifted_first_maps(model, mnist.test_images[1], np.array([-2.0, 2.0]))
    assert no_reference.worst_mismatch() is None


# -- data and shapes ---------------------------------------------------------------------------------------------
def test_random_test_digit_is_a_unit_image_of_the_asked_class(mnist) -> None:  # type: ignore[no-untyped-def]
    for digit in (None, 0, 7):
        picked = mnist.random_test_digit(np.random.default_rng(3), digit)
        assert picked.image.dtype == np.float32 and picked.image.shape == (28, 28)
        assert picked.image.min() >= 0.0 and picked.image.max() <= 1.0
        np.testing.assert_array_equal(picked.image * 255.0, mnist.test_images[picked.index].astype(np.float32))
        assert picked.label == mnist.test_labels[picked.index]
        if digit is not None:
            assert picked.label == digit
    again = mnist.random_test_digit(np.random.default_rng(3), 7)
    assert again.index == mnist.random_test_digit(np.random.default_rng(3), 7).index  # reproducible by seed
    with pytest.raises(ValueError, match="no test image of class 12"):
        mnist.random_test_digit(np.random.default_rng(0), 12)


def test_shape_text_matches_the_stage_captions(mnist) -> None:  # type: ignore[no-untyped-def]
    cap = capture(build_model("explorer_cnn"), mnist.test_images[0])
    assert shape_text(cap.stage("conv1").shape) == "8×28×28"
    assert shape_text((10,)) == "10"
    assert f"{shape_text(cap.stage('conv1').shape)} → {shape_text(cap.stage('pool1').shape)}" in str(cap.stage(
        "pool1").caption)


# -- the model store -----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def tiny(mnist):  # type: ignore[no-untyped-def]
    """A quickly trained MLP (not accurate, just a real checkpoint)."""
    return train_model("mlp", mnist, epochs=1, subset=500, seed=0)


def _same_weights(a: nn.Module, b: nn.Module) -> bool:
    return all(torch.equal(x, y) for x, y in zip(a.state_dict().values(), b.state_dict().values(), strict=True))


def test_store_says_a_model_must_be_trained_then_reopens_the_saved_one(tmp_path: Path, tiny) -> None:  # type: ignore[no-untyped-def]
    store = ModelStore(tmp_path / "model.pt", tmp_path / "companion.pt")
    outcome = store.startup_model(None)
    assert isinstance(outcome, NeedsTraining) and "No trained model yet" in str(outcome.message)
    store.save_trained(tiny)
    assert [p.name for p in tmp_path.iterdir()] == ["model.pt"]  # atomic: no temporary file left behind
    opened = store.startup_model(None)
    assert isinstance(opened, Opened) and opened.path == tmp_path / "model.pt"
    assert _same_weights(opened.model, tiny.model) and opened.meta.model == "mlp"


def test_store_sets_a_damaged_model_aside_and_never_overwrites(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "model.pt", tmp_path / "companion.pt")
    for attempt, junk in enumerate((b"not a checkpoint", b"also broken"), start=1):
        store.model_path.write_bytes(junk)
        outcome = store.startup_model(None)
        assert isinstance(outcome, Damaged), attempt
        assert outcome.kept_as is not None and outcome.kept_as.read_bytes() == junk
        assert not store.model_path.exists()
        assert outcome.kept_as.name in str(outcome.message) and "model.pt" in str(outcome.reason)
    assert (tmp_path / "model.pt.damaged").read_bytes() == b"not a checkpoint"  # the first copy survived
    assert (tmp_path / "model.pt.damaged-2").read_bytes() == b"also broken"


def test_store_reopens_the_last_opened_file_while_it_is_valid(tmp_path: Path, tiny, mnist) -> None:  # type: ignore[no-untyped-def]
    store = ModelStore(tmp_path / "model.pt", tmp_path / "companion.pt")
    store.save_trained(tiny)
    other = train_model("logistic", mnist, epochs=1, subset=300, seed=1)
    mine = save_checkpoint(other.model, tmp_path / "mine.pt", other.meta)
    opened = store.startup_model(mine)
    assert isinstance(opened, Opened) and opened.path == mine and opened.meta.model == "logistic"
    gone = store.startup_model(tmp_path / "unplugged.pt")  # missing: fall back, but keep remembering it
    assert isinstance(gone, Opened) and gone.path == store.model_path and not gone.forget_last_opened
    mine.write_bytes(b"edited by hand")
    fallback = store.startup_model(str(mine))  # damaged: fall back and forget it; the user's file is left alone
    assert isinstance(fallback, Opened) and fallback.path == store.model_path and fallback.forget_last_opened
    assert mine.read_bytes() == b"edited by hand" and not (tmp_path / "mine.pt.damaged").exists()


def test_store_trains_caches_and_reopens_the_fc_companion(tmp_path: Path, mnist, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = ModelStore(tmp_path / "model.pt", tmp_path / "companion.pt", companion_epochs=1, companion_subset=400)
    store.companion_path.write_bytes(b"half-written")
    assert isinstance(store.open_companion(), Damaged)
    assert (tmp_path / "companion.pt.damaged").read_bytes() == b"half-written"
    epochs: list[int] = []
    first = store.companion(mnist, on_epoch=lambda m: epochs.append(m.epoch))
    assert first.meta.model == COMPANION_ARCH and epochs == [1] and store.companion_path.is_file()
    assert first.meta.extra["train_samples"] == 400

    def no_training(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the cached companion should have been opened, not trained again")

    monkeypatch.setattr("cnnviz.store.train_model", no_training)
    again = store.companion(mnist)
    assert _same_weights(again.model, first.model)
