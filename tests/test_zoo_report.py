"""The accuracy report: rows computed from the runs, the reduction column, the cache, the files and the CLI."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from cnnviz.data import MnistData
from cnnviz.models import MODELS, build_model, count_parameters
from cnnviz.training import CheckpointMeta, EpochMetrics, TrainedModel, TrainResult, load_checkpoint
from cnnviz.training.run import data_model_kwargs
from cnnviz.training.trainer import swa_epoch_count
from cnnviz.zoo.report import (
    ReportRow,
    build_report,
    cached_report,
    plan_epochs,
    reductions,
    report_markdown,
    with_reductions,
    write_report,
)
from cnnviz.zoo.report_plan import measure_throughput


@pytest.fixture(scope="module")
def tiny(mnist) -> MnistData:  # type: ignore[no-untyped-def]
    """600 training and 300 test digits: enough for a real one-epoch run in well under a second."""
    return MnistData("MNIST-tiny", mnist.train_images[:600], mnist.train_labels[:600],
                     mnist.test_images[:300], mnist.test_labels[:300], mnist.class_names)


def fake_train(accuracies: dict[str, float], calls: list[str]):  # type: ignore[no-untyped-def]
    """Stands in for train_model: returns a built model and a history with the given test accuracy."""

    def train(name: str, data: MnistData, *, epochs: int | None = None, **_: object) -> TrainedModel:
        calls.append(name)
        n = epochs or MODELS[name].recipe.epochs
        history = [EpochMetrics(e, n, 0.1, 0.9, 0.1, accuracies[name], 1000.0, float(e)) for e in range(1, n + 1)]
        result = TrainResult(history=history, elapsed_s=12.5, device="cpu")
        return TrainedModel(build_model(name), result, CheckpointMeta(model=name, model_kwargs={}))

    return train


def probed(finish, seconds_per_batch: dict[str, float]):  # type: ignore[no-untyped-def]
    """Wraps a fake run so the throughput probe sees 5 timed batches after a warm-up one."""
    from cnnviz.training import BatchMetrics

    def machine(name: str, data: MnistData, *, subset=None, on_batch=None, **kw):  # type: ignore[no-untyped-def]
        if subset is not None:
            on_batch(BatchMetrics(1, 1, 6, 0.5, 0.5, 0.0, 5.0))
            on_batch(BatchMetrics(1, 6, 6, 0.5, 0.5, 0.0, 5.0 + 5 * seconds_per_batch[name]))
        return finish(name, data, **kw)

    return machine


def test_reduction_is_relative_to_the_row_above() -> None:
    values = reductions([8.0, 2.0, 0.8, 0.2])
    assert values[0] is None
    assert values[1:] == pytest.approx([75.0, 60.0, 75.0])
    assert reductions([2.0, 4.0])[1] == pytest.approx(-100.0)  # a worse model shows a negative reduction
    assert reductions([0.0, 1.0])[1] is None
    assert reductions([]) == []


def test_rows_are_computed_from_the_runs(tiny: MnistData, tmp_path: Path) -> None:
    calls: list[str] = []
    train = fake_train({"logistic": 0.92, "mlp": 0.98, "small_cnn": 0.99}, calls)
    report = build_report(tiny, ["logistic", "mlp", "small_cnn"], folder=tmp_path, train=train)
    rows = {row.model: row for row in report.rows}
    assert calls == ["logistic", "mlp", "small_cnn"]
    assert rows["logistic"].test_error == pytest.approx(8.0)
    assert rows["mlp"].test_error == pytest.approx(2.0)
    assert rows["mlp"].parameters == count_parameters(build_model("mlp"))
    assert rows["mlp"].epochs == MODELS["mlp"].recipe.epochs
    assert rows["small_cnn"].seed_error == MODELS["small_cnn"].seed_error
    assert rows["logistic"].reduction_vs_previous is None
    assert rows["mlp"].reduction_vs_previous == pytest.approx(75.0)
    assert rows["small_cnn"].reduction_vs_previous == pytest.approx(50.0)
    assert report.wall_time_s == pytest.approx(37.5)


def test_second_run_comes_from_the_cache(tiny: MnistData, tmp_path: Path) -> None:
    first = build_report(tiny, ["logistic"], epochs=1, folder=tmp_path)
    calls: list[str] = []
    second = build_report(tiny, ["logistic"], epochs=1, folder=tmp_path, train=fake_train({}, calls))
    assert calls == []
    assert second.rows[0].cached and not first.rows[0].cached
    assert second.rows[0].test_error == first.rows[0].test_error
    model, meta = load_checkpoint(tmp_path / second.rows[0].checkpoint)
    assert meta.model == "logistic" and model.arch == "logistic"
    # a different recipe (here: epochs) is a different result, so it is trained again
    build_report(tiny, ["logistic"], epochs=2, folder=tmp_path, train=fake_train({"logistic": 0.5}, calls))
    assert calls == ["logistic"]


def test_cached_report_reads_without_training(tiny: MnistData, tmp_path: Path) -> None:
    assert cached_report(tiny, ["logistic", "mlp"], folder=tmp_path).rows == []
    train = fake_train({"logistic": 0.9, "mlp": 0.97}, [])
    build_report(tiny, ["logistic", "mlp"], folder=tmp_path, train=train)
    rows = cached_report(tiny, ["logistic", "mlp"], folder=tmp_path).rows
    assert [r.model for r in rows] == ["logistic", "mlp"]
    assert rows[1].reduction_vs_previous == pytest.approx(70.0)


def test_damaged_cache_entry_is_retrained(tiny: MnistData, tmp_path: Path) -> None:
    calls: list[str] = []
    train = fake_train({"logistic": 0.9}, calls)
    build_report(tiny, ["logistic"], folder=tmp_path, train=train)
    for json_file in tmp_path.glob("*.json"):
        json_file.write_text("{not json")
    build_report(tiny, ["logistic"], folder=tmp_path, train=train)
    assert calls == ["logistic", "logistic"]


def test_cancel_stops_before_the_next_model(tiny: MnistData, tmp_path: Path) -> None:
    calls: list[str] = []
    train = fake_train({"logistic": 0.9, "mlp": 0.97}, calls)
    report = build_report(tiny, ["logistic", "mlp"], folder=tmp_path, train=train,
                          should_stop=lambda: bool(calls))
    assert report.cancelled and calls == ["logistic"] and [r.model for r in report.rows] == ["logistic"]


def test_unknown_model_is_a_clear_error(tiny: MnistData) -> None:
    with pytest.raises(ValueError, match="unknown model.*resnet9000"):
        build_report(tiny, ["logistic", "resnet9000"])


def test_plan_epochs_shortens_only_what_does_not_fit() -> None:
    assert plan_epochs(3, 60_000, 6_000, budget_s=None) == (3, pytest.approx(33.0))
    epochs, full = plan_epochs(15, 60_000, 1_000, budget_s=600)
    assert full == pytest.approx(15 * 66.0) and epochs == 9
    assert plan_epochs(15, 60_000, 10, budget_s=60)[0] == 0  # not even one epoch fits: estimate only


def test_recipe_too_slow_for_one_epoch_is_estimated_not_trained(tiny: MnistData, tmp_path: Path) -> None:
    trained: list[str] = []
    machine = probed(fake_train({"logistic": 0.92, "modern_cnn": 0.5}, trained),
                     {"logistic": 0.001, "modern_cnn": 1.0})
    report = build_report(tiny, ["logistic", "modern_cnn"], budget_s=3, folder=tmp_path, train=machine)
    logistic, modern = report.rows
    assert not logistic.shortened and logistic.test_error == pytest.approx(8.0)
    assert modern.estimated_only and modern.epochs == 0 and modern.samples_per_s == pytest.approx(128.0)
    recipe = MODELS["modern_cnn"].recipe
    assert modern.full_recipe_estimate_s == pytest.approx(recipe.epochs * 600 / 128.0 * 1.1)
    assert modern.reduction_vs_previous is None
    text = report_markdown(report)
    epochs = MODELS["modern_cnn"].recipe.epochs
    parameters = count_parameters(build_model("modern_cnn", **data_model_kwargs(tiny)))
    assert f"| modern_cnn | {parameters:,} | 0 of {epochs} |" in text and "not trained" in text and "cuda" in text
    assert not list(tmp_path.glob("modern_cnn-*"))  # an estimate is not a result: nothing cached
    # probe + run for logistic; for modern_cnn only the probe (two where it trains partly under bfloat16: see
    # the next test)
    probes = 2 if recipe.bf16 and recipe.swa_fraction > 0 else 1
    assert trained == ["logistic", "logistic"] + ["modern_cnn"] * probes


def test_a_recipe_trained_partly_under_bfloat16_is_estimated_from_both_rates(
        tiny: MnistData, monkeypatch: pytest.MonkeyPatch) -> None:
    """A recipe that trains its averaged epochs in float32 and the rest under bfloat16 (modern_cnn's, asked to):
    the rate that plans the run is the whole recipe's, each kind of epoch at its own measured speed."""
    from cnnviz.training import BatchMetrics

    spec = MODELS["modern_cnn"]
    monkeypatch.setitem(MODELS, "modern_cnn", replace(spec, recipe=replace(spec.recipe, bf16=True)))

    asked: list[tuple[str, object]] = []

    def machine(name: str, data: MnistData, *, on_batch, bf16: object = None, **_: object) -> None:  # type: ignore[no-untyped-def]
        asked.append((name, bf16))
        seconds_per_batch = 2.0 if bf16 is False else 1.0  # float32 half as fast
        on_batch(BatchMetrics(1, 1, 6, 0.5, 0.5, 0.0, 5.0))
        on_batch(BatchMetrics(1, 6, 6, 0.5, 0.5, 0.0, 5.0 + 5 * seconds_per_batch))

    recipe = MODELS["modern_cnn"].recipe
    assert recipe.bf16 and recipe.swa_fraction > 0
    averaged = swa_epoch_count(recipe.epochs, recipe.swa_fraction)
    rate = measure_throughput("modern_cnn", tiny, train=machine)
    assert asked == [("modern_cnn", None), ("modern_cnn", False)]
    fast, slow = 5 * 128 / 5.0, 5 * 128 / 10.0  # samples per second under bfloat16 and in float32
    assert rate == pytest.approx(recipe.epochs / ((recipe.epochs - averaged) / fast + averaged / slow))
    assert slow < rate < fast
    small_batch = MODELS["small_cnn"].recipe.batch_size  # float32 only: one probe
    assert measure_throughput("small_cnn", tiny, train=machine) == pytest.approx(5 * small_batch / 5.0)
    assert asked[-1] == ("small_cnn", None)


def test_reduction_skips_rows_that_were_not_trained() -> None:
    values = reductions([8.0, None, 2.0])
    assert values[0] is None and values[1] is None and values[2] == pytest.approx(75.0)


def test_budget_shortens_a_slow_recipe_and_estimates_the_full_one(tiny: MnistData, tmp_path: Path) -> None:
    machine = probed(fake_train({"mlp": 0.97}, []), {"mlp": 1.0})  # 128 samples/s: 5.2 s per tiny epoch
    report = build_report(tiny, ["mlp"], budget_s=12, folder=tmp_path, train=machine)
    row = report.rows[0]
    assert row.shortened and row.epochs == 2 and row.recipe_epochs == MODELS["mlp"].recipe.epochs
    assert row.full_recipe_estimate_s == pytest.approx(10 * 600 / 128 * 1.1)
    text = report_markdown(report)
    assert "2 of 10" in text and "would need about" in text and "cuda" in text


def test_the_machines_a_report_ran_on_leave_out_only_the_precision() -> None:
    from cnnviz.zoo.report import Report

    rows = [ReportRow("logistic", 7850, 5, 5, 3.0, "cpu", 7.6, 8.0),
            ReportRow("modern_cnn", 308_074, 100, 100, 7000.0, "cpu, bfloat16", 0.3, 0.2),
            ReportRow("m3_cnn", 309_812, 80, 80, 600.0, "cuda, bfloat16", 0.3, None),
            ReportRow("small_cnn", 421_642, 3, 3, 30.0, "cpu, bfloat16 × 2 (torchrun)", 0.7, 0.8)]
    # the torchrun run was another way of running than the plain CPU rows: it keeps its own name
    assert Report(rows, "MNIST", 60_000, 10_000).machines == ["cpu", "cpu × 2 (torchrun)", "cuda"]


def test_markdown_and_chart_files(tmp_path: Path) -> None:
    from PIL import Image

    rows = with_reductions([
        ReportRow("logistic", 7850, 5, 5, 30.0, "cpu", 7.6, 8.0),
        ReportRow("mlp", 101_770, 10, 10, 95.0, "cpu", 2.1, 2.0, tta_error=1.95),
    ])
    from cnnviz.zoo.report import Report

    paths = write_report(Report(rows, "MNIST", 60_000, 10_000), tmp_path)
    text = (tmp_path / "report.md").read_text()
    assert "| mlp | 101,770 | 10 | 1 min 35 s | cpu | 2.10% | 1.95% | 2.0% | 72.4% |" in text
    assert "| logistic | 7,850 | 5 | 30.0 s | cpu | 7.60% | — | 8.0% | — |" in text
    with Image.open(tmp_path / "report.png") as png:
        assert png.size == (960, 540)
        pixels = np.asarray(png.convert("RGB"))
    assert (pixels != 255).any(axis=2).mean() > 0.02  # bars were drawn, not a blank canvas
    assert {p.name for p in paths} == {"report.md", "report.json", "report.png"}


def test_cli_report_writes_the_table(tiny: MnistData, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from cnnviz import cli

    monkeypatch.setattr(cli, "_load_data", lambda folder: tiny)
    out = tmp_path / "out"
    assert cli.main(["report", "--models", "logistic", "--subset", "300", "--out", str(out)]) == 0
    assert "| logistic | 7,850 |" in (out / "report.md").read_text()
    assert "wrote" in capsys.readouterr().out
    assert cli.main(["report", "--models", "nope", "--out", str(out)]) == 2
    assert "unknown model" in capsys.readouterr().err


def test_cli_report_trains_again_under_another_seed_and_says_which(tiny: MnistData, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                   monkeypatch) -> None:
    from cnnviz import cli

    monkeypatch.setattr(cli, "_load_data", lambda folder: tiny)

    def run(*seed: str) -> dict:  # type: ignore[type-arg]
        out = tmp_path / "-".join(seed or ("default",))
        assert cli.main(["report", "--models", "logistic", "--subset", "300", "--out", str(out), *seed]) == 0
        return json.loads((out / "report.json").read_text()) | {"md": (out / "report.md").read_text()}

    first, other, again = run(), run("--seed", "7"), run("--seed", "7")
    assert first["seed"] == 0 and "training seed" not in first["md"]
    assert other["seed"] == 7 and "; training seed 7." in other["md"]
    assert not other["rows"][0]["cached"]  # seed 0's cached row does not stand in for seed 7
    assert again["rows"][0]["cached"] and again["rows"][0]["test_error"] == other["rows"][0]["test_error"]


def test_chart_ticks_use_round_steps() -> None:
    from cnnviz.zoo.chart import nice_step

    assert [nice_step(span) for span in (9.2, 1.0, 45.0)] == [2, 0.2, 10]


def test_cancel_during_the_throughput_probe_trains_nothing(tiny: MnistData, tmp_path: Path) -> None:
    runs: list[str] = []
    machine = probed(fake_train({"logistic": 0.9}, runs), {"logistic": 0.01})
    report = build_report(tiny, ["logistic"], budget_s=60, folder=tmp_path, train=machine,
                          should_stop=lambda: bool(runs))
    assert report.cancelled and report.rows == [] and runs == ["logistic"]  # the probe ran, the training did not


def test_a_row_above_its_published_figure_says_what_that_figure_measures() -> None:
    """The modern CNN's 0.2% is a best epoch picked on the test set: a row that errs more says so under the
    table, so a learner does not read the gap as cnnviz failing; a row at or near its figure gets no such note."""
    from cnnviz.zoo.report import Report, report_notes

    basis = MODELS["modern_cnn"].published_basis
    assert basis is not None and "test set" in str(basis)
    above = ReportRow("modern_cnn", 308_074, 100, 100, 6593.0, "cpu, bfloat16", 0.35, 0.2)
    notes = [str(n) for n in report_notes(Report([above], "MNIST", 60_000, 10_000))]
    assert notes == ["modern_cnn: 0.35% is above the published 0.2%.", str(basis)]
    near = replace(above, test_error=0.24)
    assert report_notes(Report([near], "MNIST", 60_000, 10_000)) == []
    # a model without a stated basis keeps the plain comparison
    mlp = ReportRow("mlp", 101_770, 10, 10, 7.0, "cpu", 3.1, 2.0)
    assert [str(n) for n in report_notes(Report([mlp], "MNIST", 60_000, 10_000))] == [
        "mlp: 3.10% is above the published 2.0%."]
