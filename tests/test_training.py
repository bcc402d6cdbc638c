"""Trainer and checkpoints: deterministic, cancellable, reporting, and safe to reload."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from cnnviz.data import stratified_subset
from cnnviz.models import build_model
from cnnviz.training import (
    BatchMetrics,
    CheckpointError,
    CheckpointMeta,
    EpochMetrics,
    TensorData,
    TrainConfig,
    Trainer,
    evaluate,
    load_checkpoint,
    pick_device,
    save_checkpoint,
    train_model,
)


@pytest.fixture(scope="module")
def small_sets(mnist):  # type: ignore[no-untyped-def]
    idx = stratified_subset(mnist.train_labels, 640, seed=0)
    train = TensorData.from_arrays(mnist.train_images[idx], mnist.train_labels[idx])
    test = TensorData.from_arrays(mnist.test_images[:500], mnist.test_labels[:500])
    return train, test


def _train(small_sets, seed: int, epochs: int = 1, **overrides) -> torch.nn.Module:  # type: ignore[no-untyped-def]
    torch.manual_seed(seed)
    model = build_model("explorer_cnn")
    Trainer(model, TrainConfig(epochs=epochs, batch_size=64, seed=seed, device="cpu", **overrides)).fit(*small_sets)
    return model


def test_training_is_deterministic_for_a_seed_on_cpu(small_sets) -> None:  # type: ignore[no-untyped-def]
    a, b, c = _train(small_sets, 3), _train(small_sets, 3), _train(small_sets, 4)
    for (name, pa), pb in zip(a.state_dict().items(), b.state_dict().values(), strict=True):
        assert torch.equal(pa, pb), name
    assert not all(torch.equal(pa, pc) for pa, pc in zip(a.state_dict().values(), c.state_dict().values(),
                                                           strict=True))


def test_callbacks_report_batches_and_epochs_and_learning_happens(small_sets) -> None:  # type: ignore[no-untyped-def]
    batches: list[BatchMetrics] = []
    epochs: list[EpochMetrics] = []
    model = build_model("explorer_cnn")
    before = evaluate(model, small_sets[1]).accuracy
    result = Trainer(model, TrainConfig(epochs=2, batch_size=64, lr=3e-3, device="cpu"),
                     on_batch=batches.append, on_epoch=epochs.append).fit(*small_sets)
    assert len(batches) == 2 * 10 and batches[-1].batch == batches[-1].batches_per_epoch == 10
    assert all(b.samples_per_s > 0 and b.elapsed_s > 0 and 0 <= b.accuracy <= 1 for b in batches)
    assert [e.epoch for e in epochs] == [1, 2]
    assert result.test_accuracy == epochs[-1].test_accuracy
    assert result.test_accuracy is not None and result.test_accuracy > max(0.5, before)
    assert not result.cancelled


def test_cancel_stops_between_batches(small_sets) -> None:  # type: ignore[no-untyped-def]
    batches: list[BatchMetrics] = []
    result = Trainer(build_model("explorer_cnn"), TrainConfig(epochs=3, device="cpu"), on_batch=batches.append,
                     should_stop=lambda: len(batches) >= 3).fit(*small_sets)
    assert result.cancelled
    assert len(batches) == 3
    assert result.history == []


def test_sgd_schedule_and_augmentation_paths_train(small_sets) -> None:  # type: ignore[no-untyped-def]
    model = _train(small_sets, 0, epochs=3, optimizer="sgd", lr=0.1, schedule="onecycle", augment=True)
    assert evaluate(model, small_sets[1]).accuracy > 0.3
    with pytest.raises(ValueError, match="unknown optimizer"):
        _train(small_sets, 0, optimizer="lbfgs-ish")


def test_checkpoint_round_trip_rebuilds_the_same_model(tmp_path: Path, small_sets) -> None:  # type: ignore[no-untyped-def]
    model = _train(small_sets, 1)
    meta = CheckpointMeta(model="explorer_cnn", model_kwargs=dict(model.arch_kwargs), epochs=1, test_accuracy=0.5)
    path = save_checkpoint(model, tmp_path / "m.pt", meta)
    loaded, loaded_meta = load_checkpoint(path)
    assert loaded_meta.model == "explorer_cnn" and loaded_meta.test_accuracy == 0.5
    assert loaded_meta.created and loaded_meta.cnnviz_version
    x = small_sets[1].x[:16]
    model.eval()
    assert torch.allclose(loaded(x), model(x))
    assert list(tmp_path.iterdir()) == [path]  # no temp file left behind


def test_files_that_are_not_cnnviz_checkpoints_are_refused(tmp_path: Path) -> None:
    plain = tmp_path / "plain.pt"
    torch.save(build_model("logistic").state_dict(), plain)
    with pytest.raises(CheckpointError, match="not a cnnviz checkpoint"):
        load_checkpoint(plain)
    junk = tmp_path / "junk.pt"
    junk.write_bytes(b"hello, not a zip")
    with pytest.raises(CheckpointError, match="junk.pt: not a readable checkpoint"):
        load_checkpoint(junk)


def test_train_model_uses_the_recipe_and_fills_metadata(mnist) -> None:  # type: ignore[no-untyped-def]
    trained = train_model("logistic", mnist, epochs=2, subset=600, device="cpu", lr=1e-2)
    assert trained.meta.model == "logistic" and trained.meta.epochs == 2
    assert trained.meta.extra["train_samples"] == 600
    assert trained.meta.test_accuracy == trained.result.test_accuracy
    assert trained.meta.test_accuracy is not None and trained.meta.test_accuracy > 0.6
    assert pick_device("auto").type in {"cpu", "cuda", "mps"}
    with pytest.raises(ValueError, match="not available"):
        pick_device("quantum")
    assert np.isfinite(trained.result.elapsed_s)
