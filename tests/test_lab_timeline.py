"""The lab's epoch timeline and mistakes (core): snapshots that rebuild the models exactly as they were."""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from cnnviz.data.transforms import to_spec_input
from cnnviz.lab import CNN_KEY, FC_KEY, ComparisonConfig, build_pair, run_comparison
from cnnviz.lab.run import comparison_test_indices
from cnnviz.lab.timeline import SnapshotCollector, epoch_view, run_mistakes

CONFIG = ComparisonConfig(fc_hidden=32, conv1_filters=4, conv2_filters=8, epochs=2, batch_size=50,
                          train_samples=500, test_samples=300, device="cpu")


@pytest.fixture(scope="module")
def lab_run(mnist):  # type: ignore[no-untyped-def]
    """A finished two-epoch run, its snapshots, and the live models it trained (the last ones it sent)."""
    collector = SnapshotCollector()
    live: dict[str, torch.nn.Module] = {}

    def keep(key: str, epoch: int, model: torch.nn.Module) -> None:
        live[key] = model
        collector(key, epoch, model)

    result = run_comparison(CONFIG, mnist, on_snapshot=keep)
    return result, collector, live


def test_the_last_snapshot_reproduces_the_trained_models_exactly(lab_run, mnist) -> None:  # type: ignore[no-untyped-def]
    result, collector, live = lab_run
    x = to_spec_input(mnist.test_images[:200], mnist.spec)  # (200, 1, 28, 28)
    for key in (FC_KEY, CNN_KEY):
        timeline = collector.timeline(key)
        assert timeline.epochs == (0, 1, 2)
        trained = live[key].eval()
        with torch.no_grad():
            assert torch.equal(timeline.model_at(2)(x), trained(x))
    assert np.array_equal(epoch_view(collector.timeline(CNN_KEY), 2, mnist.test_images[0], mnist.spec).filters,
                          result.cnn.filters)


def test_epoch_zero_is_the_untrained_model_from_the_same_seed(lab_run, mnist) -> None:  # type: ignore[no-untyped-def]
    _, collector, _ = lab_run
    fresh = dict(zip((FC_KEY, CNN_KEY), build_pair(CONFIG.for_data(mnist)), strict=True))
    for key, model in fresh.items():
        start = collector.timeline(key).model_at(0).state_dict()
        assert all(torch.equal(start[name], value) for name, value in model.state_dict().items())
    other = build_pair(replace(CONFIG, seed=1).for_data(mnist))[1].state_dict()  # another seed: other weights
    start = collector.timeline(CNN_KEY).model_at(0).state_dict()
    assert not all(torch.equal(start[name], value) for name, value in other.items())


def test_each_epoch_shows_its_own_filters_maps_and_probabilities(lab_run, mnist) -> None:  # type: ignore[no-untyped-def]
    _, collector, _ = lab_run
    timeline, image = collector.timeline(CNN_KEY), mnist.test_images[3]
    views = [epoch_view(timeline, e, image, mnist.spec) for e in timeline.epochs]
    x = to_spec_input(image[None], mnist.spec)  # (1, 1, 28, 28)
    for view in views:
        model = timeline.model_at(view.epoch)
        conv = next(m for m in model.modules() if isinstance(m, torch.nn.Conv2d))
        with torch.no_grad():  # computed here by hand: conv1 + ReLU, and the softmax of the logits
            maps = F.relu(F.conv2d(x, conv.weight, conv.bias, padding=conv.padding))[0].numpy()
            probabilities = F.softmax(model(x), 1)[0].numpy()
        np.testing.assert_allclose(view.conv1.output, maps, atol=1e-5)
        np.testing.assert_allclose(view.probabilities, probabilities, atol=1e-6)
        np.testing.assert_array_equal(view.filters, conv.weight.detach().numpy()[:, 0])
    for a, b in itertools.pairwise(views):  # training changed every one of them
        assert not np.allclose(a.filters, b.filters)
        assert not np.allclose(a.conv1.output, b.conv1.output)
        assert not np.allclose(a.probabilities, b.probabilities)


def test_the_mistakes_are_the_final_models_errors_on_the_tested_digits(lab_run, mnist) -> None:  # type: ignore[no-untyped-def]
    result, collector, live = lab_run
    found = run_mistakes(result, mnist, collector, limit=10_000)
    tested = set(comparison_test_indices(result.config, mnist).tolist())
    for run in result.runs:
        lab = found[run.key]
        assert lab.errors == run.test_errors == len(lab.mistakes) > 0
        x = to_spec_input(mnist.test_images[[m.index for m in lab.mistakes]], mnist.spec)
        with torch.no_grad():
            predicted = live[run.key].eval()(x).argmax(1).numpy()
        for m, p in zip(lab.mistakes, predicted, strict=True):
            assert m.index in tested and m.true_label == mnist.test_labels[m.index] != m.predicted == p
        assert lab.meta.epochs == 2 and lab.meta.test_accuracy == run.test_accuracy
    assert run_mistakes(result, mnist, collector, should_stop=lambda: True) is None


def test_a_restarted_model_replaces_its_void_epochs() -> None:
    collector = SnapshotCollector()
    model = build_pair(CONFIG)[1]
    for epoch in (0, 1, 2, 1):  # epochs 1 and 2 on the GPU, then epoch 1 again on the CPU
        with torch.no_grad():
            next(model.parameters()).add_(1.0)
        collector(CNN_KEY, epoch, model)
    timeline = collector.timeline(CNN_KEY)
    assert timeline.epochs == (0, 1)
    name, now = next(iter(model.state_dict().items()))
    assert torch.equal(timeline.states[1][name], now)  # the CPU's epoch 1, not the GPU's
    assert collector.timeline(FC_KEY) is None
