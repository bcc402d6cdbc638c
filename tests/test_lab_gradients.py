"""Gradients while training: per-stage gradient norms and conv1's weight gradients, sampled by the Trainer."""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F

from cnnviz.lab import CNN_KEY, FC_KEY, ComparisonConfig, ModelBatchMetrics, run_comparison
from cnnviz.lab.run import GRADIENT_EVERY
from cnnviz.models import build_model
from cnnviz.training import BatchMetrics, TensorData, TrainConfig, Trainer
from cnnviz.training.gradients import GradientProbe


def independent_norms(model: torch.nn.Module) -> dict[str, float]:
    """‖g‖ of each stage, from its parameters' gradients in NumPy (float64)."""
    norms = {}
    for name, stage in model.named_children():
        grads = [p.grad.detach().double().numpy().ravel() for p in stage.parameters() if p.grad is not None]
        if grads:
            norms[name] = float(np.sqrt(sum((g**2).sum() for g in grads)))
    return norms


def tiny_data(mnist, n: int = 96) -> TensorData:  # type: ignore[no-untyped-def]
    return TensorData.from_arrays(mnist.train_images[:n], mnist.train_labels[:n])


def test_probe_reads_each_stages_gradient_norm_and_conv1s_weight_gradients(mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(0)
    model = build_model("explorer_cnn")
    data = tiny_data(mnist, 32)
    F.cross_entropy(model(data.x), data.y).backward()
    sample = GradientProbe(model).sample()
    expected = independent_norms(model)
    assert list(sample.norms) == list(expected) == ["conv1", "conv2", "fc"]
    for name, value in expected.items():
        assert abs(sample.norms[name] - value) < 1e-5 * value
    conv = next(m for m in model.modules() if isinstance(m, torch.nn.Conv2d))
    assert sample.first_conv is not None
    np.testing.assert_allclose(sample.first_conv, conv.weight.grad.sum(dim=1).numpy(), rtol=1e-6)


def test_trainer_samples_every_kth_batch_what_the_gradients_really_are(mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(0)
    model = build_model("explorer_cnn")
    checked: list[tuple[int, int]] = []

    def on_batch(m: BatchMetrics) -> None:
        if m.gradients is None:
            return
        checked.append((m.epoch, m.batch))
        # the parameters still hold this batch's gradients (they are cleared before the next batch)
        for name, value in independent_norms(model).items():
            assert abs(m.gradients.norms[name] - value) < 1e-4 * value

    config = TrainConfig(epochs=2, batch_size=16, device="cpu", eval_each_epoch=False, gradient_every=4, threads=1)
    Trainer(model, config, on_batch=on_batch).fit(tiny_data(mnist))
    # 96 digits / 16 = 6 batches an epoch; steps 0, 4, 8 (counted over both epochs, from the first)
    assert checked == [(1, 1), (1, 5), (2, 3)]


def test_sampling_changes_nothing_about_the_training(mnist) -> None:  # type: ignore[no-untyped-def]
    finals = []
    for every in (0, 1):
        torch.manual_seed(0)
        model = build_model("explorer_cnn")
        config = TrainConfig(epochs=1, batch_size=16, device="cpu", eval_each_epoch=False, gradient_every=every,
                             threads=1)
        Trainer(model, config).fit(tiny_data(mnist))
        finals.append([p.detach().clone() for p in model.parameters()])
    assert all(torch.equal(a, b) for a, b in zip(*finals, strict=True))


def test_the_lab_reports_the_cnns_gradients_on_its_batches(mnist) -> None:  # type: ignore[no-untyped-def]
    config = ComparisonConfig(fc_hidden=32, conv1_filters=4, conv2_filters=8, epochs=1, batch_size=50,
                              train_samples=500, test_samples=200, device="cpu")
    batches: list[ModelBatchMetrics] = []
    run_comparison(config, mnist, on_batch=batches.append)
    cnn = [m for m in batches if m.model == CNN_KEY]
    sampled = [m for m in cnn if m.gradients is not None]
    assert [m.batch for m in sampled] == list(range(1, 11, GRADIENT_EVERY))
    assert all(m.gradients is None for m in batches if m.model == FC_KEY)
    first = sampled[0].gradients
    assert first is not None and first.first_conv is not None
    assert first.first_conv.shape == (4, 3, 3) and set(first.norms) == {"conv1", "conv2", "fc"}
    assert all(v > 0 for v in first.norms.values())
