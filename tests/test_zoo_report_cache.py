"""The report cache: keyed by what determines the numbers, never serving a shortened run for a longer request."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import cnnviz
from cnnviz.data import MnistData
from cnnviz.models import MODELS
from tests.test_zoo_report import fake_train, probed


@pytest.fixture
def tiny(mnist) -> MnistData:  # type: ignore[no-untyped-def]
    return MnistData("MNIST-tiny", mnist.train_images[:600], mnist.train_labels[:600],
                     mnist.test_images[:300], mnist.test_labels[:300], mnist.class_names)


def test_a_run_shortened_to_fit_the_budget_is_not_served_once_the_budget_is_lifted(tiny: MnistData,
                                                                                   tmp_path: Path) -> None:
    from cnnviz.zoo.report import build_report

    slow = probed(fake_train({"mlp": 0.97}, []), {"mlp": 1.0})  # 2 of 10 epochs fit in 12 s
    shortened = build_report(tiny, ["mlp"], budget_s=12, folder=tmp_path, train=slow)
    assert shortened.rows[0].epochs == 2
    # the same budget on the same machine may reuse the shortened run: only the throughput probe runs
    again: list[str] = []
    reused = build_report(tiny, ["mlp"], budget_s=12, folder=tmp_path,
                          train=probed(fake_train({"mlp": 0.5}, again), {"mlp": 1.0}))
    assert again == ["mlp"] and reused.rows[0].cached and reused.rows[0].epochs == 2
    # with the budget lifted, the whole recipe is trained
    calls: list[str] = []
    full = build_report(tiny, ["mlp"], folder=tmp_path, train=fake_train({"mlp": 0.98}, calls))
    assert calls == ["mlp"]
    assert not full.rows[0].cached and full.rows[0].epochs == MODELS["mlp"].recipe.epochs


def test_the_full_run_is_served_even_to_a_budgeted_request(tiny: MnistData, tmp_path: Path) -> None:
    from cnnviz.zoo.report import build_report

    build_report(tiny, ["logistic"], epochs=2, folder=tmp_path, train=fake_train({"logistic": 0.9}, []))
    calls: list[str] = []
    report = build_report(tiny, ["logistic"], epochs=2, budget_s=1, folder=tmp_path,
                          train=fake_train({"logistic": 0.1}, calls))
    assert calls == [] and report.rows[0].cached and report.rows[0].epochs == 2


def test_results_are_keyed_by_the_datas_checksum_not_its_name(tiny: MnistData, tmp_path: Path) -> None:
    from cnnviz.zoo.report import build_report

    build_report(tiny, ["logistic"], epochs=1, folder=tmp_path, train=fake_train({"logistic": 0.9}, []))
    other = replace(tiny, train_images=255 - tiny.train_images)  # same name, different digits
    calls: list[str] = []
    build_report(other, ["logistic"], epochs=1, folder=tmp_path, train=fake_train({"logistic": 0.5}, calls))
    assert calls == ["logistic"]


def test_results_are_keyed_by_the_cnnviz_version(tiny: MnistData, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from cnnviz.zoo.report import build_report

    build_report(tiny, ["logistic"], epochs=1, folder=tmp_path, train=fake_train({"logistic": 0.9}, []))
    monkeypatch.setattr(cnnviz, "__version__", "99.0")
    calls: list[str] = []
    build_report(tiny, ["logistic"], epochs=1, folder=tmp_path, train=fake_train({"logistic": 0.5}, calls))
    assert calls == ["logistic"]


def test_results_are_keyed_by_the_layers_as_built(tiny: MnistData, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A model whose architecture changed (here a wider hidden layer) under the same recipe and version is
    trained anew, not served the old network's numbers."""
    from functools import partial

    from cnnviz.models import architectures
    from cnnviz.zoo.report import build_report

    build_report(tiny, ["mlp"], epochs=1, folder=tmp_path, train=fake_train({"mlp": 0.9}, []))
    monkeypatch.setitem(MODELS, "mlp", replace(MODELS["mlp"], build=partial(architectures.mlp, hidden=256)))
    calls: list[str] = []
    build_report(tiny, ["mlp"], epochs=1, folder=tmp_path, train=fake_train({"mlp": 0.5}, calls))
    assert calls == ["mlp"]
    again: list[str] = []  # and the wider one, asked for again, comes from the cache
    report = build_report(tiny, ["mlp"], epochs=1, folder=tmp_path, train=fake_train({"mlp": 0.1}, again))
    assert again == [] and report.rows[0].cached


def test_rows_are_delivered_as_they_finish(tiny: MnistData, tmp_path: Path) -> None:
    from cnnviz.zoo.report import build_report

    delivered: list[tuple[str, list[str]]] = []
    calls: list[str] = []

    def train(name: str, *args: object, **kw: object):  # type: ignore[no-untyped-def]
        delivered.append(("train " + name, [r for r, _ in delivered if not r.startswith("train")]))
        return fake_train({"logistic": 0.9, "mlp": 0.97}, calls)(name, *args, **kw)

    report = build_report(tiny, ["logistic", "mlp"], epochs=1, folder=tmp_path, train=train,
                          on_row=lambda row: delivered.append((row.model, [])))
    assert [d[0] for d in delivered] == ["train logistic", "logistic", "train mlp", "mlp"]
    assert report.rows[1].reduction_vs_previous is not None


def test_plan_estimates_every_model_before_running(tiny: MnistData, tmp_path: Path) -> None:
    from cnnviz.zoo.report import build_report, plan

    build_report(tiny, ["logistic"], folder=tmp_path, train=fake_train({"logistic": 0.9}, []))
    machine = probed(fake_train({"mlp": 0.97, "logistic": 0.9}, []), {"mlp": 1.0, "logistic": 0.1})
    estimate = plan(tiny, ["logistic", "mlp"], budget_s=12, folder=tmp_path, train=machine)
    logistic, mlp = estimate.models
    assert logistic.cached and logistic.estimated_s == 0
    assert not mlp.cached and mlp.epochs == 2 and mlp.recipe_epochs == MODELS["mlp"].recipe.epochs
    assert mlp.estimated_s == pytest.approx(2 * 600 / 128 * 1.1)
    assert estimate.total_s == pytest.approx(logistic.estimated_s + mlp.estimated_s)


def test_cached_checkpoints_name_each_model(tiny: MnistData, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from cnnviz.zoo import report

    monkeypatch.setattr("cnnviz.zoo.report_cache.cache_dir", lambda: tmp_path)
    report.build_report(tiny, ["logistic", "mlp"], epochs=1, train=fake_train({"logistic": 0.9, "mlp": 0.9}, []))
    found = report.cached_checkpoints()
    assert sorted(name for name, _ in found) == ["logistic", "mlp"]
    assert all(path.is_file() and path.suffix == ".pt" for _, path in found)


def test_report_notes_plain_text_has_no_markdown(tiny: MnistData, tmp_path: Path) -> None:
    from cnnviz.zoo.report import build_report, report_notes

    slow = probed(fake_train({"mlp": 0.97}, []), {"mlp": 1.0})
    rep = build_report(tiny, ["mlp"], budget_s=12, folder=tmp_path, train=slow)
    marked, plain = [str(n) for n in report_notes(rep, plain=False)], [str(n) for n in report_notes(rep, plain=True)]
    assert any("`--device cuda`" in note for note in marked)
    assert len(plain) == len(marked) and not any("`" in note for note in plain)
    assert any("--device cuda" in note for note in plain)


def test_a_shortened_row_suggests_the_gpu_only_where_it_did_not_run_on_one(tiny: MnistData, tmp_path: Path) -> None:
    from cnnviz.zoo.report import build_report, report_notes

    rep = build_report(tiny, ["mlp"], budget_s=12, folder=tmp_path,
                       train=probed(fake_train({"mlp": 0.97}, []), {"mlp": 1.0}))
    on_cpu = rep.rows[0]
    assert on_cpu.shortened and not on_cpu.device.startswith("cuda")
    on_gpu = replace(rep, rows=[replace(on_cpu, device="cuda, bfloat16")])
    cpu_note = next(str(n) for n in report_notes(rep) if "would need about" in str(n))
    gpu_note = next(str(n) for n in report_notes(on_gpu) if "would need about" in str(n))
    assert "NVIDIA GPU (`--device cuda`)" in cpu_note
    # a run on the GPU gets the estimate and the rate, and no advice to use the GPU it ran on
    assert "on this cuda, bfloat16" in gpu_note and "--device" not in gpu_note and "GPU" not in gpu_note
    assert "published figure" not in cpu_note + gpu_note  # a GPU gets there faster, not to a better figure


def test_chart_does_not_import_the_report_builder() -> None:
    import ast

    source = Path(cnnviz.__file__).parent / "zoo" / "chart.py"
    imported = {node.module for node in ast.walk(ast.parse(source.read_text()))
                if isinstance(node, ast.ImportFrom) and node.module}
    assert "cnnviz.zoo.report" not in imported and "cnnviz.zoo.report_format" in imported


def test_a_setting_added_later_keeps_earlier_results_until_a_recipe_uses_it(tiny: MnistData) -> None:
    """Cutout came after results were cached: at its default it stays out of the key, so those results (hours
    of training for the modern CNN) are still served; a recipe that uses it is a different result."""
    from cnnviz.zoo.report_cache import _ident, recipe_key

    recipe = MODELS["mlp"].recipe
    assert recipe.cutout == 0 and "cutout" not in _ident("mlp", recipe, tiny, 600, 0)["recipe"]
    with_cutout = replace(recipe, cutout=6)
    assert _ident("mlp", with_cutout, tiny, 600, 0)["recipe"]["cutout"] == 6
    assert recipe_key("mlp", with_cutout, tiny, 600, 0) != recipe_key("mlp", recipe, tiny, 600, 0)
