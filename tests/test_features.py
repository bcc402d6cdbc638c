"""Feature visualisation and top examples: checked against plain forward passes of the trained model."""

from __future__ import annotations

import copy
from collections import OrderedDict

import numpy as np
import pytest
import torch
from torch import nn

from cnnviz.data.transforms import InputSpec, preset_spec, to_model_input
from cnnviz.features import Target, VisSettings, activations, class_target, top_examples, visualise
from cnnviz.features import cache as feature_cache
from cnnviz.introspect import capture
from cnnviz.introspect.receptive_field import input_region
from cnnviz.jobs import Job, JobCancelled
from cnnviz.models.staged import StagedNet, conv_act
from cnnviz.training.checkpoint import input_spec


def _responses(model: StagedNet, images: np.ndarray, stage: str) -> torch.Tensor:
    """The stage's output (after its ReLU) on ``images`` (N, 28, 28) in [0, 1], MNIST-normalised: computed
    with the model's own modules, without anything from cnnviz.features."""
    x = to_model_input(images)
    with torch.no_grad():
        for name, module in model.named_children():
            x = module(x)
            if name == stage:
                return x
    raise KeyError(stage)


def _strength_on(model: StagedNet, images: np.ndarray, stage: str, index: int) -> np.ndarray:
    """(N,) how much each image excites unit ``index``: the largest value of its map, or its value."""
    out = _responses(model, images, stage)[:, index]
    return out.flatten(1).amax(1).numpy() if out.ndim == 3 else out.numpy()


@pytest.fixture(scope="module")
def test_digits(mnist) -> np.ndarray:  # type: ignore[no-untyped-def]
    return mnist.test_images.astype(np.float32) / 255.0


@pytest.mark.parametrize(("stage", "indices"), [("conv1", [0, 3, 5]), ("conv2", [1, 6, 12]), ("fc", [8])])
def test_the_picture_found_excites_its_unit_more_than_99_percent_of_test_digits(
        trained_explorer, test_digits, stage: str, indices: list[int]) -> None:  # type: ignore[no-untyped-def]
    model, meta, _ = trained_explorer
    found = visualise(model, input_spec(meta), [Target(stage, i) for i in indices])
    for vis in found:
        assert vis.image.shape == (28, 28) and vis.image.min() >= 0.0 and vis.image.max() <= 1.0
        own = _strength_on(model, vis.image[None], stage, vis.target.index)[0]
        digits = _strength_on(model, test_digits, stage, vis.target.index)
        assert own == pytest.approx(vis.activation, rel=1e-4, abs=1e-5)
        assert (digits < own).mean() > 0.99, f"{stage} unit {vis.target.index}"


def test_a_first_layer_filter_and_its_picture_agree(trained_explorer) -> None:  # type: ignore[no-untyped-def]
    """The patch the centre cell sees looks like the kernel: bright where the weights are positive."""
    model, meta, _ = trained_explorer
    weights = model.conv1[0].weight.detach().numpy()  # (8, 1, 3, 3)
    found = visualise(model, input_spec(meta), [Target("conv1", c) for c in range(weights.shape[0])])
    for c, vis in enumerate(found):
        assert vis.seen().shape == (3, 3)  # a 3×3 filter moved by no pixel sees 3×3 pixels
        centre = vis.image[13:16, 13:16]  # the centre cell (14, 14) of the 28×28 map, padding 1
        assert np.array_equal(vis.seen(), centre)
        assert np.corrcoef(centre.ravel(), weights[c, 0].ravel())[0, 1] > 0.5, f"filter {c}"


def test_the_same_seed_gives_the_same_picture_and_another_seed_another(trained_explorer) -> None:  # type: ignore[no-untyped-def]
    model, meta, _ = trained_explorer
    spec, target = input_spec(meta), [Target("conv2", 4)]
    first = visualise(model, spec, target, VisSettings(steps=30, seed=3))[0].image
    feature_cache.clear_memory()
    again = visualise(model, spec, target, VisSettings(steps=30, seed=3))[0].image
    other = visualise(model, spec, target, VisSettings(steps=30, seed=4))[0].image
    assert np.array_equal(first, again)
    assert np.abs(first - other).max() > 0.05


def _counting_job() -> tuple[Job, list[object]]:
    seen: list[object] = []
    return Job(progress=seen.append), seen


def test_results_are_cached_by_weights_in_memory_and_on_disk(trained_explorer, tmp_path) -> None:  # type: ignore[no-untyped-def]
    model, meta, _ = trained_explorer
    spec, targets, settings = input_spec(meta), [Target("conv1", 1), Target("fc", 2)], VisSettings(steps=20)
    job, progress = _counting_job()
    first = visualise(model, spec, targets, settings, job, cache_dir=tmp_path)
    assert progress  # computed
    job, progress = _counting_job()
    assert [v.image.tobytes() for v in visualise(model, spec, targets, settings, job)] == \
        [v.image.tobytes() for v in first]
    assert not progress  # served from memory
    feature_cache.clear_memory()
    job, progress = _counting_job()
    from_disk = visualise(model, spec, targets, settings, job, cache_dir=tmp_path)
    assert not progress and [v.box for v in from_disk] == [v.box for v in first]
    assert np.array_equal(from_disk[1].image, first[1].image)
    changed = copy.deepcopy(model)
    with torch.no_grad():
        changed.conv1[0].weight.mul_(-1)  # other weights: another key, computed again
    job, progress = _counting_job()
    visualise(changed, spec, targets[:1], settings, job)
    assert progress


def test_a_cancelled_visualisation_stops_within_a_step(trained_explorer) -> None:  # type: ignore[no-untyped-def]
    model, meta, _ = trained_explorer
    steps: list[object] = []
    job = Job(should_stop=lambda: len(steps) > 0, progress=steps.append)
    with pytest.raises(JobCancelled):
        visualise(model, input_spec(meta), [Target("conv2", 0)], VisSettings(steps=500, seed=11), job)
    assert steps == [(10, 500)]  # stopped at the first check after the first report


def test_a_colour_model_gets_a_colour_picture_in_range() -> None:
    torch.manual_seed(0)
    model = StagedNet("tiny_rgb", {}, OrderedDict(conv1=conv_act(3, 4, 3, padding=1), pool=nn.MaxPool2d(2),
                                                  flatten=nn.Flatten(), fc=nn.Linear(4 * 16 * 16, 5)))
    spec = preset_spec("ImageNet", 3, (32, 32))
    vis = visualise(model, spec, [Target("conv1", 2), class_target(model, 4)], VisSettings(steps=60))
    rng = np.random.default_rng(0)
    noise = rng.random((200, 32, 32, 3), dtype=np.float32)
    for v in vis:
        assert v.image.shape == (32, 32, 3) and v.image.min() >= 0.0 and v.image.max() <= 1.0
        others = activations(model, spec, noise, [v.target] * len(noise))
        assert (others < v.activation).all()  # better than any random picture


def test_top_examples_match_a_brute_force_pass_image_by_image(trained_explorer, mnist) -> None:  # type: ignore[no-untyped-def]
    model, meta, _ = trained_explorer
    images = mnist.test_images[:400]
    found = top_examples(model, input_spec(meta), images, ["conv1", "conv2"], k=9)
    for stage in ("conv1", "conv2"):
        # one capture per image: each channel's largest response and where it is
        maps = np.stack([capture(model, image).stage(stage).output for image in images])  # (N, C, H, W)
        best = maps.reshape(*maps.shape[:2], -1).max(2)  # (N, C)
        top = found[stage]
        assert top.indices.shape == (maps.shape[1], 9)
        for c in range(maps.shape[1]):
            expected = np.sort(best[:, c])[::-1][:9]
            np.testing.assert_allclose(top.values[c], expected, rtol=1e-5, atol=1e-6)
            np.testing.assert_allclose(best[top.indices[c], c], top.values[c], rtol=1e-5, atol=1e-6)
            for j in range(9):
                row, col = top.cells[c, j]
                assert maps[top.indices[c, j], c, row, col] == pytest.approx(top.values[c, j], rel=1e-5, abs=1e-6)


def test_each_example_patch_is_the_receptive_field_of_its_strongest_cell(trained_explorer, mnist) -> None:  # type: ignore[no-untyped-def]
    model, meta, _ = trained_explorer
    images = mnist.test_images[:300]
    found = top_examples(model, input_spec(meta), images, ["conv1", "conv2"], k=9)
    for stage, side in (("conv1", 3), ("conv2", 8)):
        top = found[stage]
        for c in range(0, top.indices.shape[0], 3):
            for j in (0, 4, 8):
                row, col = (int(v) for v in top.cells[c, j])
                assert tuple(top.boxes[c, j]) == input_region(model, stage, row, col)  # traced tap by tap
                patch = top.patch(images, c, j)
                assert patch.shape[0] <= side and patch.shape[1] <= side
                assert np.array_equal(patch, images[top.indices[c, j]][top.boxes[c, j, 0]: top.boxes[c, j, 2] + 1,
                                                                       top.boxes[c, j, 1]: top.boxes[c, j, 3] + 1])


def test_top_examples_are_cached_per_model_and_data_set_and_can_be_stopped(trained_explorer, mnist) -> None:  # type: ignore[no-untyped-def]
    model, meta, _ = trained_explorer
    spec, images = input_spec(meta), mnist.test_images[:2500]
    job, progress = _counting_job()
    first = top_examples(model, spec, images, ["conv2"], job=job, data_key="a")
    assert progress[-1] == (2500, 2500) and len(progress) == 3  # chunks of 1,000
    job, progress = _counting_job()
    again = top_examples(model, spec, images, ["conv2"], job=job, data_key="a")
    assert not progress and np.array_equal(again["conv2"].indices, first["conv2"].indices)
    job, progress = _counting_job()
    top_examples(model, spec, images[::-1], ["conv2"], job=job, data_key="b")  # another data set: computed
    assert progress
    calls: list[object] = []
    with pytest.raises(JobCancelled):
        top_examples(model, spec, images, ["conv1"], job=Job(should_stop=lambda: bool(calls), progress=calls.append))
    assert len(calls) == 1


def test_data_larger_than_the_model_input_gets_boxes_scaled_to_its_pixels(trained_explorer, mnist) -> None:  # type: ignore[no-untyped-def]
    """56×56 data for a 28×28 model: each box is its cell's receptive field at twice the size."""
    model, _meta, _ = trained_explorer
    big = np.repeat(np.repeat(mnist.test_images[:50], 2, axis=1), 2, axis=2)  # (50, 56, 56)
    large = top_examples(model, InputSpec(), big, ["conv1", "conv2"])
    for stage, top in large.items():
        for c, j in np.ndindex(*top.indices.shape):
            y0, x0, y1, x1 = input_region(model, stage, *(int(v) for v in top.cells[c, j]))
            assert tuple(top.boxes[c, j]) == (2 * y0, 2 * x0, 2 * y1 + 1, 2 * x1 + 1)
