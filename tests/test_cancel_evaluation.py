"""Long evaluations stop between chunks when asked: the zoo's confusion view and the lab's per-epoch test."""

from __future__ import annotations

from typing import Any

from torch import nn

from cnnviz.lab import ComparisonConfig, run_comparison
from cnnviz.models import build_model
from cnnviz.training import TensorData, evaluate
from cnnviz.training.trainer import evaluate_unless_stopped


def _count_eval_passes(model: nn.Module, after: Any = None) -> list[int]:
    calls = [0]

    def hook(module: nn.Module, inputs: Any) -> None:
        if not module.training:
            calls[0] += 1
            if after is not None:
                after()

    model.register_forward_pre_hook(hook)
    return calls


def test_evaluation_stops_between_chunks(mnist) -> None:  # type: ignore[no-untyped-def]
    data = TensorData.from_arrays(mnist.test_images[:2000], mnist.test_labels[:2000])
    model = build_model("logistic")
    calls = _count_eval_passes(model)
    assert evaluate_unless_stopped(model, data, lambda: calls[0] >= 2, batch_size=250) is None
    assert calls[0] == 2  # 2 of 8 chunks, then it stopped
    full = evaluate_unless_stopped(model, data, lambda: False, batch_size=250)
    assert full is not None
    reference = evaluate(model, data, batch_size=2000)
    assert (full.predictions == reference.predictions).all() and abs(full.loss - reference.loss) < 1e-5


def test_lab_stops_during_the_per_epoch_test_evaluation(mnist, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.lab import run as lab_run

    config = ComparisonConfig(fc_hidden=32, conv1_filters=4, conv2_filters=8, epochs=2, batch_size=100,
                              train_samples=500, test_samples=3000, device="cpu")
    stop = {"now": False}
    counted: list[list[int]] = []
    real_build_pair = lab_run.build_pair

    def build_pair(cfg: ComparisonConfig) -> tuple[Any, Any]:
        fc, cnn = real_build_pair(cfg)
        counted.append(_count_eval_passes(fc, after=lambda: stop.update(now=True)))
        return fc, cnn

    monkeypatch.setattr(lab_run, "build_pair", build_pair)
    result = run_comparison(config, mnist, should_stop=lambda: stop["now"])
    assert result.cancelled and result.fc.history == []
    assert counted[0][0] <= lab_run.EVAL_PARTS  # at most one chunk per part: 3,000 digits are 6 chunks of 500
