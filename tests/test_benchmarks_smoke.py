"""The benchmarks still run (tiny sizes, no timing asserted), and the NumPy reference is the same maths."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from benchmarks import (
    cold_start,
    end_to_end,
    explain,
    gpu,
    imports,
    latency,
    numpy_reference,
    throughput,
    train_while_drawing,
    training_lab,
    ui_refresh,
)
from benchmarks.__main__ import BENCHMARKS, main
from benchmarks.common import Figure
from cnnviz.models import build_model
from cnnviz.training import TensorData


def _check(figures: list[Figure]) -> None:
    """Every figure was really measured: a finite, non-negative number (NaN only for an absent GPU)."""
    assert figures
    for f in figures:
        assert isinstance(f, Figure) and f.name
        if math.isnan(f.value):
            assert f.benchmark == "gpu" and not torch.cuda.is_available(), f"{f.benchmark}: {f.name} is NaN"
        else:
            assert math.isfinite(f.value) and f.value >= 0, f"{f.benchmark}: {f.name} = {f.value}"
        assert (f.met is None) == (not f.target)


@pytest.mark.parametrize("module", [latency, throughput, train_while_drawing, numpy_reference, gpu, explain, imports],
                         ids=lambda m: m.__name__)
def test_core_benchmarks_run(module) -> None:  # type: ignore[no-untyped-def]
    _check(module.run(quick=True))


def test_training_lab_benchmark_runs(qapp) -> None:  # type: ignore[no-untyped-def]
    figures = training_lab.run(quick=True)
    _check(figures)
    accuracies = [f.value for f in figures if "accuracy" in f.name]
    assert accuracies and all(0 < a <= 100 for a in accuracies)


def test_ui_refresh_benchmark_runs(qapp) -> None:  # type: ignore[no-untyped-def]
    ms = ui_refresh.refresh_times(frames=3)
    assert set(ms) == {"update", "paint", "total", "cpu"}
    assert all(len(v) == 3 for v in ms.values())


def test_end_to_end_benchmark_times_each_movement_to_its_repaint(qapp) -> None:  # type: ignore[no-untyped-def]
    ms = end_to_end.stroke_latencies(moves=8, training=False)
    assert len(ms) == 8 and np.isfinite(ms).all() and (ms > 0).all()  # 5 warm-up movements are not counted


def test_cold_start_reports_the_window_then_the_first_prediction() -> None:
    measured = cold_start.run(quick=True)
    _check(measured)
    figures = {f.name: f.value for f in measured}
    shown = figures["saved model: python main.py → window responding (wall)"]
    predicted = figures["saved model: python main.py → first prediction shown (wall)"]
    assert 0 < shown < predicted  # the window is up before the model's first prediction
    first_shown = figures["first launch: python main.py → window responding (wall)"]
    assert 0 < first_shown < figures["first launch: → start-up job done (torch, data unpacked once, no model)"]


def test_numpy_reference_gradients_match_pytorch(mnist) -> None:  # type: ignore[no-untyped-def]
    """The reference computes the explorer CNN's real loss and gradients, so the speed ratio is fair."""
    data = TensorData.from_arrays(mnist.train_images[:16], mnist.train_labels[:16])
    params = numpy_reference.initial_params(seed=3)
    loss, grads = numpy_reference.loss_and_gradients(params, data.x.numpy(), data.y.numpy())
    torch.manual_seed(3)
    model = build_model("explorer_cnn")
    reference = F.cross_entropy(model(data.x), data.y)
    reference.backward()
    assert loss == pytest.approx(reference.item(), rel=1e-5)
    for name, p in model.named_parameters():
        assert p.grad is not None
        np.testing.assert_allclose(grads[name], p.grad.numpy(), rtol=0, atol=1e-7)  # as benchmarks/README.md says


def test_runner_rejects_unknown_names_and_lists_every_module() -> None:
    with pytest.raises(SystemExit):
        main(["no-such-benchmark"])
    for name in BENCHMARKS:
        __import__(f"benchmarks.{name}")
