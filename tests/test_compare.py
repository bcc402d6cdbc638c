"""The Training lab's core: both models on the same digits, stopping, the summary and its CSV files."""

from __future__ import annotations

import csv
import io
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import numpy as np
import pytest

from cnnviz.lab import (
    CNN_KEY,
    CURVE_COLUMNS,
    FC_KEY,
    SUMMARY_COLUMNS,
    ComparisonConfig,
    LossSmoother,
    ModelBatchMetrics,
    ModelEpochMetrics,
    build_pair,
    comparison_data,
    curve_rows,
    error_ratio_text,
    parameter_ratio_text,
    run_comparison,
    smooth,
    summary_rows,
    to_csv,
    verdict,
    write_csv,
)
from cnnviz.lab.run import SplitEvaluator
from cnnviz.models import build_model, count_parameters
from cnnviz.training import evaluate

TINY = ComparisonConfig(fc_hidden=32, conv1_filters=4, conv2_filters=8, epochs=2, batch_size=100,
                        train_samples=500, test_samples=300, device="cpu")


@pytest.fixture(scope="module")
def tiny_run(mnist):  # type: ignore[no-untyped-def]
    """One tiny comparison, with every callback recorded."""
    batches: list[ModelBatchMetrics] = []
    epochs: list[ModelEpochMetrics] = []
    result = run_comparison(TINY, mnist, on_batch=batches.append, on_epoch=epochs.append)
    return result, batches, epochs


def test_both_models_are_the_requested_sizes_and_train_every_batch(tiny_run) -> None:  # type: ignore[no-untyped-def]
    result, batches, epochs = tiny_run
    assert result.fc.parameters == count_parameters(build_model("mlp", hidden=32))
    assert result.cnn.parameters == count_parameters(build_model("explorer_cnn", conv1_filters=4, conv2_filters=8))
    per_model = Counter(b.model for b in batches)
    assert per_model == {FC_KEY: 10, CNN_KEY: 10}  # 500 digits / 100 per batch × 2 epochs
    for run in result.runs:
        assert len(run.batch_losses) == 10 and run.batches_per_epoch == 5
        assert [m.epoch for m in run.history] == [1, 2]
        assert run.test_samples == 300 and not run.cancelled
        assert run.train_accuracy is not None and 0.3 < run.train_accuracy <= 1.0
        assert run.test_accuracy == run.history[-1].test_accuracy
        assert run.test_errors == 300 - round(run.test_accuracy * 300)
    assert Counter(e.model for e in epochs) == {FC_KEY: 2, CNN_KEY: 2}


def test_cnn_reports_its_first_layer_filters_as_it_learns(tiny_run) -> None:  # type: ignore[no-untyped-def]
    result, batches, epochs = tiny_run
    assert all(b.filters is None for b in batches if b.model == FC_KEY)
    first = next(b for b in batches if b.model == CNN_KEY)
    assert first.filters is not None and first.filters.shape == (4, 3, 3)
    cnn_epochs = [e for e in epochs if e.model == CNN_KEY]
    assert all(e.filters is not None and e.filters.shape == (4, 3, 3) for e in cnn_epochs)
    assert not np.allclose(first.filters, cnn_epochs[-1].filters)  # training changed them
    assert result.cnn.filters is not None and np.allclose(result.cnn.filters, cnn_epochs[-1].filters)
    assert result.fc.filters is None


def test_concurrent_and_sequential_runs_train_identical_models(mnist, tiny_run) -> None:  # type: ignore[no-untyped-def]
    """Same seed, same digits, same start: running the two at once changes nothing but the time."""
    sequential, _, _ = tiny_run
    concurrent = run_comparison(replace(TINY, mode="concurrent"), mnist)
    for a, b in zip(concurrent.runs, sequential.runs, strict=True):
        assert a.batch_losses == pytest.approx(b.batch_losses, rel=1e-4)
        assert a.test_accuracy == b.test_accuracy


def test_both_models_see_the_same_stratified_digits(mnist) -> None:  # type: ignore[no-untyped-def]
    train, test = comparison_data(TINY, mnist)
    again, _ = comparison_data(TINY, mnist)
    assert len(train) == 500 and len(test) == 300
    assert np.array_equal(train.y.numpy(), again.y.numpy())
    counts = np.bincount(train.y.numpy(), minlength=10) / 500
    expected = np.bincount(mnist.train_labels, minlength=10) / len(mnist.train_labels)
    assert np.abs(counts - expected).max() < 0.005
    _, full = comparison_data(ComparisonConfig(), mnist)
    assert len(full) == len(mnist.test_labels)


def test_split_test_evaluation_counts_every_digit_once(mnist) -> None:  # type: ignore[no-untyped-def]
    """Evaluating the test digits in parts on pool threads gives exactly the one-piece figures."""
    _, test = comparison_data(replace(TINY, test_samples=1001), mnist)
    fc, cnn = build_pair(TINY)
    for model in (fc, cnn):
        whole = evaluate(model, test)
        with ThreadPoolExecutor(max_workers=2) as pool:
            split = SplitEvaluator(test, 3, pool)
            assert [len(p) for p in split.parts] == [333, 334, 334]
            loss, accuracy = split(model)
        assert accuracy == whole.accuracy
        assert loss == pytest.approx(whole.loss, rel=1e-5)
        assert SplitEvaluator(test, 1, None)(model) == pytest.approx((whole.loss, whole.accuracy), rel=1e-6)


def test_stop_takes_effect_before_the_next_batch(mnist) -> None:  # type: ignore[no-untyped-def]
    for mode in ("concurrent", "sequential"):
        seen: list[ModelBatchMetrics] = []
        result = run_comparison(replace(TINY, mode=mode), mnist, on_batch=seen.append,
                                should_stop=lambda seen=seen: len(seen) >= 1)
        assert result.cancelled
        assert len(result.fc.batch_losses) <= 1 and len(result.cnn.batch_losses) <= 1
        assert len(seen) <= 2  # concurrently, each model may have been one batch in
        assert result.fc.test_accuracy is None and result.fc.test_errors is None
        assert str(verdict(result)).startswith("Stopped")


@pytest.mark.parametrize(("change", "words"), [
    ({"epochs": 21}, "Epochs must be 1–20"),
    ({"epochs": 0}, "Epochs must be 1–20"),
    ({"train_samples": 100}, "Training samples must be 500–60,000"),
    ({"train_samples": 70_000}, "Training samples must be 500–60,000"),
    ({"test_samples": 0}, "Test samples must be 1–10,000"),
    ({"lr": 0.0}, "Learning rate"),
    ({"optimizer": "rmsprop"}, "Optimizer must be one of adam, sgd"),
    ({"fc_hidden": 0}, "FC hidden size"),
    ({"conv1_filters": 0}, "CNN conv 1 filters"),
    ({"mode": "parallel"}, "Mode must be"),
])
def test_bad_settings_are_refused_with_a_reason_before_any_training(mnist, change, words) -> None:  # type: ignore[no-untyped-def]
    config = replace(TINY, **change)
    assert any(words in str(p) for p in config.problems(mnist))
    calls: list[object] = []
    with pytest.raises(ValueError, match=words):
        run_comparison(config, mnist, on_batch=calls.append)
    assert calls == []


def test_default_settings_are_valid_and_match_the_playground(mnist) -> None:  # type: ignore[no-untyped-def]
    config = ComparisonConfig()
    assert config.problems(mnist) == []
    assert (config.train_samples, config.epochs, config.test_samples, config.optimizer) == (1000, 20, None, "adam")
    assert config.mode == "sequential"  # measured no slower on 2 shared cores, and it leaves one to the window


@pytest.mark.parametrize(("fc", "cnn", "text"), [
    (250, 100, "CNN makes 2.5× fewer errors (100 vs 250)"),
    (90, 120, "FC makes 1.3× fewer errors (90 vs 120)"),
    (40, 0, "CNN makes no test errors (FC: 40)"),
    (7, 7, "Both make 7 test errors"),
    (0, 0, "Both make no test errors"),
])
def test_error_ratio_reads_as_a_sentence(fc, cnn, text) -> None:  # type: ignore[no-untyped-def]
    assert str(error_ratio_text(fc, cnn)) == text


def test_parameter_ratio_names_the_smaller_model() -> None:
    assert str(parameter_ratio_text(101_770, 9_098)) == "CNN has 11.2× fewer parameters"
    assert str(parameter_ratio_text(25_450, 9_098)) == "CNN has 2.8× fewer parameters"
    assert str(parameter_ratio_text(5_000, 20_000)) == "FC has 4.0× fewer parameters"
    assert str(parameter_ratio_text(7, 7)) == "both have 7 parameters"


def test_smoothing_keeps_level_and_follows_steps() -> None:
    flat = smooth([2.0] * 50)
    assert flat == pytest.approx(np.full(50, 2.0))  # no drag towards 0 at the start
    step = smooth([1.0] * 20 + [0.0] * 60)
    assert step[0] == 1.0 and step[19] == pytest.approx(1.0)
    assert np.all(np.diff(step[20:]) < 0) and step[-1] < 0.01
    live = LossSmoother()
    assert [live.add(v) for v in [3.0, 1.0, 2.0]] == pytest.approx(smooth([3.0, 1.0, 2.0]))


def test_summary_csv_has_both_models_of_every_run(tiny_run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result, _, _ = tiny_run
    rows = summary_rows([result, result])
    assert [(r["run"], r["model"]) for r in rows] == [
        ("1", "FC (hidden 32)"), ("1", "CNN (4/8 filters)"), ("2", "FC (hidden 32)"), ("2", "CNN (4/8 filters)")]
    path = write_csv(tmp_path / "lab.csv", rows, SUMMARY_COLUMNS)
    read = list(csv.DictReader(path.open(encoding="utf-8")))
    assert read == rows
    assert read[1]["parameters"] == str(result.cnn.parameters)
    assert float(read[0]["test_accuracy"]) == pytest.approx(result.fc.test_accuracy, abs=1e-4)
    assert read[0]["verdict"] == str(verdict(result))


def test_curve_csv_has_every_batch_and_each_epochs_accuracy(tiny_run) -> None:  # type: ignore[no-untyped-def]
    result, _, _ = tiny_run
    rows = list(csv.DictReader(io.StringIO(to_csv(curve_rows([result]), CURVE_COLUMNS))))
    cnn_rows = [r for r in rows if r["model"] == str(result.cnn.label)]
    assert len(cnn_rows) == len(result.cnn.batch_losses) == 10
    assert [float(r["train_loss"]) for r in cnn_rows] == pytest.approx(result.cnn.batch_losses, abs=1e-6)
    with_accuracy = [(int(r["step"]), int(r["epoch"]), float(r["test_accuracy"])) for r in cnn_rows
                     if r["test_accuracy"]]
    assert with_accuracy == [(5, 1, pytest.approx(result.cnn.history[0].test_accuracy, abs=1e-4)),
                             (10, 2, pytest.approx(result.cnn.history[1].test_accuracy, abs=1e-4))]


def test_writing_to_an_impossible_path_raises_oserror(tiny_run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result, _, _ = tiny_run
    with pytest.raises(OSError):
        write_csv(tmp_path / "missing-folder" / "lab.csv", summary_rows([result]), SUMMARY_COLUMNS)


def test_with_the_defaults_the_cnn_beats_the_fc_network_by_the_published_figures(mnist) -> None:  # type: ignore[no-untyped-def]
    """The README's headline run, for real (about 7.5 s on an idle 2-core machine): its figures still hold."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    published = re.search(r"FC network\s+reached ([\d.]+)% and the CNN ([\d.]+)%: \*\*the CNN makes ([\d.]+)× fewer "
                          r"errors with ([\d.]+)× fewer\s+parameters", readme)
    assert published, "README.md no longer states the default run's figures"
    fc_published, cnn_published, error_ratio, parameter_ratio = (float(g) for g in published.groups())
    result = run_comparison(ComparisonConfig(), mnist)
    assert result.fc.test_accuracy is not None and result.cnn.test_accuracy is not None
    # Same seed, same digits, same CPU maths: only another BLAS build may move a digit or two.
    assert result.fc.test_accuracy * 100 == pytest.approx(fc_published, abs=0.15)
    assert result.cnn.test_accuracy * 100 == pytest.approx(cnn_published, abs=0.15)
    assert result.cnn.test_errors is not None and result.fc.test_errors is not None
    assert str(verdict(result)).startswith(f"CNN makes {error_ratio:.1f}× fewer errors")
    assert str(parameter_ratio_text(result.fc.parameters, result.cnn.parameters)) == \
        f"CNN has {parameter_ratio:.1f}× fewer parameters"
