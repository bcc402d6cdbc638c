"""The speed-ups keep behaviour: unpacked-MNIST copy, training thread count and memory layout."""

from __future__ import annotations

import numpy as np
import pytest
import torch

import cnnviz.data.mnist as mnist_module
from cnnviz.models import build_model
from cnnviz.training import TensorData, TrainConfig, Trainer


@pytest.fixture
def fresh_bundle(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """An empty user folder and no MNIST kept in the process, so the next load starts from disk."""
    monkeypatch.setenv("CNNVIZ_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(mnist_module, "_BUNDLED", None)
    return tmp_path / mnist_module._UNPACKED


def _same(a, b) -> bool:  # type: ignore[no-untyped-def]
    return all(np.array_equal(getattr(a, k), getattr(b, k)) and getattr(a, k).dtype == getattr(b, k).dtype
               for k in ("train_images", "train_labels", "test_images", "test_labels")) \
        and a.class_names == b.class_names


def test_bundled_mnist_is_the_same_from_the_unpacked_copy(mnist, fresh_bundle, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first = mnist_module.load_bundled_mnist()
    assert fresh_bundle.is_file()
    monkeypatch.setattr(mnist_module, "_BUNDLED", None)
    second = mnist_module.load_bundled_mnist()
    assert _same(first, mnist) and _same(second, mnist)


def test_a_damaged_unpacked_copy_is_ignored_and_rebuilt(mnist, fresh_bundle) -> None:  # type: ignore[no-untyped-def]
    fresh_bundle.write_bytes(b"PK\x03\x04 not really a zip")
    assert _same(mnist_module.load_bundled_mnist(), mnist)
    with np.load(fresh_bundle) as saved:
        assert saved["test_images"].shape == mnist.test_images.shape


def test_a_copy_made_from_other_files_is_never_used(mnist, fresh_bundle) -> None:  # type: ignore[no-untyped-def]
    fake = np.zeros((2, 28, 28), np.uint8)
    np.savez(fresh_bundle, stamp=np.array(["other files"]), train_images=fake, train_labels=np.zeros(2, np.int64),
             test_images=fake, test_labels=np.zeros(2, np.int64))
    assert _same(mnist_module.load_bundled_mnist(), mnist)


def test_trainer_uses_its_thread_setting_and_restores_the_callers(mnist) -> None:  # type: ignore[no-untyped-def]
    seen: list[int] = []
    before = torch.get_num_threads()
    data = TensorData.from_arrays(mnist.train_images[:64], mnist.train_labels[:64])
    config = TrainConfig(epochs=1, batch_size=32, device="cpu", eval_each_epoch=False, threads=1)
    Trainer(build_model("logistic"), config, on_batch=lambda m: seen.append(torch.get_num_threads())).fit(data)
    assert seen == [1, 1]
    assert torch.get_num_threads() == before


def test_a_conv_model_trains_channels_last_but_comes_back_in_the_usual_layout(mnist) -> None:  # type: ignore[no-untyped-def]
    model = build_model("explorer_cnn")
    layouts: list[bool] = []
    conv = model.conv1[0]
    data = TensorData.from_arrays(mnist.train_images[:64], mnist.train_labels[:64])
    config = TrainConfig(epochs=1, batch_size=32, device="cpu", eval_each_epoch=False)
    on_batch = lambda m: layouts.append(conv.weight.is_contiguous(memory_format=torch.channels_last))  # noqa: E731
    Trainer(model, config, on_batch=on_batch).fit(data)
    assert layouts == [True, True]
    assert all(p.is_contiguous() for p in model.parameters())


def test_evaluation_gives_the_plain_forward_pass_answers_and_keeps_the_layout(trained_explorer, mnist) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.training import evaluate

    model = trained_explorer[0]
    data = TensorData.from_arrays(mnist.test_images[:300], mnist.test_labels[:300])
    with torch.no_grad():
        logits = model(data.x)
    result = evaluate(model, data, batch_size=100)
    np.testing.assert_array_equal(result.predictions, logits.argmax(1).numpy())  # every digit, exactly
    assert result.loss == pytest.approx(torch.nn.functional.cross_entropy(logits, data.y).item(), rel=1e-4)
    assert all(p.is_contiguous() for p in model.parameters())
