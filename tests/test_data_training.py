"""Models and training follow the data: every format trains a zoo model, and the checkpoint remembers the data.

Each set is generated (tests/data_sets.py), opened through ``open_data_folder``, trained for a few batches,
saved and reopened: the loss must fall, and the reopened model must take the data's input and name its
classes — the same predictions as before saving.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import torch
from data_sets import write_cifar10, write_image_folder, write_mnist_format

from cnnviz.data import MnistData, open_data_folder
from cnnviz.data.transforms import to_spec_input
from cnnviz.lab import ComparisonConfig, build_pair, run_comparison
from cnnviz.models import build_model, count_parameters
from cnnviz.training import BatchMetrics, load_checkpoint, save_checkpoint, train_model
from cnnviz.training.checkpoint import input_spec

FORMATS: dict[str, Callable[[Path], Path]] = {
    "image folder": lambda root: write_image_folder(root / "shapes", per_class=100, classes=3),
    "CIFAR binary": lambda root: write_cifar10(root / "cifar", n_train=300, n_test=100, classes=4),
    "MNIST format 32px 5 classes": lambda root: write_mnist_format(root / "five", 300, 100, classes=5, size=32),
}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_zoo_model_trains_on_every_format_and_its_checkpoint_remembers_the_data(
        tmp_path: Path, fmt: str) -> None:
    """Was (MNIST format): a 32×32 or 5-class set loaded, then training failed with a shape error."""
    data = open_data_folder(FORMATS[fmt](tmp_path))
    losses: list[float] = []

    def on_batch(m: BatchMetrics) -> None:
        losses.append(m.loss)

    torch.manual_seed(0)
    trained = train_model("simple_gap_cnn", data, epochs=4, seed=0, batch_size=32, lr=5e-3, on_batch=on_batch,
                          schedule="none", threads=1)
    assert np.mean(losses[-4:]) < 0.8 * np.mean(losses[:4]), losses
    path = save_checkpoint(trained.model, tmp_path / "m.pt", trained.meta)
    model, meta = load_checkpoint(path)
    assert meta.class_names == list(data.class_names) and meta.dataset == data.name
    assert input_spec(meta) == data.spec and meta.model_kwargs["in_channels"] == data.spec.channels
    assert meta.extra["data_path"] == data.source
    batch = to_spec_input(np.asarray(data.test_images[:16]), input_spec(meta))  # (16, C, H, W)
    assert batch.shape[1:] == (data.spec.channels, *data.spec.size)
    with torch.no_grad():
        assert torch.allclose(model(batch), trained.model.eval()(batch), atol=1e-5)
        assert model(batch).shape == (16, data.num_classes)


def test_colour_recipe_builds_the_gap_cnn_with_three_channels() -> None:
    model = build_model("colour_gap_cnn")
    first = model.conv1[0]
    assert isinstance(first, torch.nn.Conv2d) and first.in_channels == 3
    assert model(torch.zeros(2, 3, 32, 32)).shape == (2, 10)
    # the same network as simple_gap_cnn built for 3 channels: the same parameter count
    assert count_parameters(model) == count_parameters(build_model("simple_gap_cnn", in_channels=3))


@pytest.mark.parametrize("name", ["logistic", "mlp", "small_cnn", "explorer_cnn", "lenet5", "modern_cnn"])
def test_every_zoo_model_fits_any_input_and_class_count(name: str) -> None:
    model = build_model(name, in_channels=3, num_classes=7, input_size=(36, 44)).eval()
    assert model(torch.zeros(2, 3, 36, 44)).shape == (2, 7)
    assert model.arch_kwargs["input_size"] == [36, 44] and model.arch_kwargs["num_classes"] == 7
    with pytest.raises(ValueError, match="too small|must be positive"):
        build_model("lenet5", input_size=(8, 8)) if name == "lenet5" else build_model(name, input_size=(0, 5))


def _colour_data(tmp_path: Path) -> MnistData:
    return open_data_folder(write_image_folder(tmp_path / "lab", per_class=200, classes=3, size=24))


def test_lab_trains_fc_and_cnn_on_colour_data_with_c_h_w_inputs(tmp_path: Path) -> None:
    data = _colour_data(tmp_path)
    config = ComparisonConfig(epochs=2, train_samples=len(data.train_labels), batch_size=32, lr=3e-3)
    fc, cnn = build_pair(config.for_data(data))
    # The FC network's first layer sees every value of C × H × W; the CNN's first filters span C channels.
    assert fc.fc1[0].in_features == 3 * 24 * 24 and cnn.conv1[0].in_channels == 3
    assert fc.fc2.out_features == cnn.fc.out_features == 3
    result = run_comparison(config, data)
    assert result.fc.parameters == count_parameters(fc) and result.cnn.parameters == count_parameters(cnn)
    for run in result.runs:
        assert run.test_accuracy is not None and run.test_accuracy > 1 / 3 + 0.1  # better than chance
    assert result.cnn.filters is not None and result.cnn.filters.shape == (8, 3, 3, 3)  # an RGB patch per filter


def test_lab_accepts_a_small_data_set_with_fewer_than_500_training_images(tmp_path: Path) -> None:
    data = open_data_folder(write_image_folder(tmp_path / "small", per_class=40, classes=3))
    n = len(data.train_labels)
    assert n < 500
    assert ComparisonConfig(train_samples=n).problems(data) == []
    assert ComparisonConfig(train_samples=n + 1).problems(data) != []


def test_the_zoo_report_runs_on_a_colour_data_set(tmp_path: Path) -> None:
    from cnnviz.training.run import data_model_kwargs
    from cnnviz.zoo.report import build_report, report_markdown

    data = open_data_folder(write_image_folder(tmp_path / "shapes", per_class=60, classes=3))
    report = build_report(data, ["colour_gap_cnn", "mlp"], epochs=1, folder=tmp_path / "cache")
    assert [row.model for row in report.rows] == ["colour_gap_cnn", "mlp"]
    for row in report.rows:
        built = build_model(row.model, **data_model_kwargs(data))
        assert row.parameters == count_parameters(built)  # counted for 3 × 32 × 32 inputs and 3 classes
        assert row.test_error is not None and 0 <= row.test_error <= 100
        assert row.seed_error is None  # MNIST's published error rates do not apply to shapes
    assert "Test error by model (shapes)" in report_markdown(report)
