"""The report's small-ensemble figure: two or more of its trained models tested together, their probabilities
averaged — computed here again from the saved checkpoints and plain softmax, and kept apart from every row."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F

from cnnviz.cli import main as cli_main
from cnnviz.data import MnistData
from cnnviz.models import build_model
from cnnviz.training import TensorData, TrainConfig, Trainer, load_checkpoint, trainer
from cnnviz.training.trainer import TTA_SHIFTS, averaged_probabilities, ensemble_accuracy
from cnnviz.zoo.report import build_report, cached_report, report_markdown, write_report


@pytest.fixture(scope="module")
def tiny(mnist) -> MnistData:  # type: ignore[no-untyped-def]
    """600 training and 300 test digits: one real epoch of a quick model in about a second."""
    return MnistData("MNIST-tiny", mnist.train_images[:600], mnist.train_labels[:600],
                     mnist.test_images[:300], mnist.test_labels[:300], mnist.class_names)


def _softmax_error(models: list[torch.nn.Module], test: TensorData,
                   shifts: tuple[tuple[int, int], ...] = ((0, 0),)) -> float:
    """Percent wrong when each image takes the class of the models' mean softmax, each model's first averaged over
    copies of the images moved by ``shifts`` (rows down, columns right; border 0) — written out, no cnnviz code."""
    def moved(x: torch.Tensor, dy: int, dx: int) -> torch.Tensor:
        out = torch.zeros_like(x)
        out[..., max(dy, 0) : 28 + min(dy, 0), max(dx, 0) : 28 + min(dx, 0)] = \
            x[..., max(-dy, 0) : 28 + min(-dy, 0), max(-dx, 0) : 28 + min(-dx, 0)]
        return out

    with torch.no_grad():
        probs = torch.stack([torch.stack([F.softmax(m.eval()(moved(test.x, dy, dx)), dim=1) for dy, dx in shifts])
                             .mean(0) for m in models]).mean(0)  # (models, copies, N, 10) -> (N, 10)
    return float((probs.argmax(1) != test.y).float().mean()) * 100


def test_ensemble_accuracy_averages_the_models_probabilities(tiny: MnistData) -> None:
    test = TensorData.from_arrays(tiny.test_images, tiny.test_labels)
    train = TensorData.from_arrays(tiny.train_images, tiny.train_labels)
    models = []
    for name, lr in (("logistic", 1e-3), ("mlp", 1e-3), ("explorer_cnn", 3e-3)):
        model = build_model(name)
        Trainer(model, TrainConfig(epochs=1, batch_size=64, lr=lr, device="cpu")).fit(train)
        models.append(model)
    with torch.no_grad():
        assert torch.allclose(averaged_probabilities(models[0], test), F.softmax(models[0].eval()(test.x), 1),
                              atol=1e-6)
    errors = [_softmax_error([m], test) for m in models]
    together = _softmax_error(models, test)
    plain, shifted = ensemble_accuracy(models, test, shifts=TTA_SHIFTS)  # both figures from one pass
    assert (1 - plain) * 100 == pytest.approx(together)
    assert (1 - shifted) * 100 == pytest.approx(_softmax_error(models, test, TTA_SHIFTS))
    assert len({*errors, together}) > 1  # the average is its own figure, not one member's


def test_the_report_adds_the_ensemble_figure_apart_from_the_rows(tiny: MnistData, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    report = build_report(tiny, ["logistic", "mlp"], epochs=1, folder=cache, device="cpu",
                          ensemble=["logistic", "mlp"])
    assert report.ensemble is not None and report.ensemble.models == ("logistic", "mlp")
    test = TensorData.from_arrays(tiny.test_images, tiny.test_labels, tiny.spec)
    reopened = [load_checkpoint(cache / row.checkpoint)[0] for row in report.rows]
    assert report.ensemble.test_error == pytest.approx(_softmax_error(reopened, test), abs=1e-3)
    assert [row.model for row in report.rows] == ["logistic", "mlp"]  # no row of its own
    assert "A small ensemble, logistic + mlp: " in report_markdown(report)
    write_report(report, tmp_path / "out")
    saved = json.loads((tmp_path / "out" / "report.json").read_text())
    assert saved["ensemble"] == {"models": ["logistic", "mlp"], "test_error": report.ensemble.test_error,
                                 "tta_error": None}  # neither recipe asks for test-time augmentation
    again = build_report(tiny, ["logistic", "mlp"], epochs=1, folder=cache, device="cpu",
                         ensemble=["logistic", "mlp"])  # both rows from the cache: the same figure
    assert all(row.cached for row in again.rows) and again.ensemble == report.ensemble
    plain = build_report(tiny, ["logistic", "mlp"], epochs=1, folder=cache, device="cpu", use_cache=False)
    assert plain.ensemble is None and "ensemble" not in report_markdown(plain)


def _shifted_by_hand(x: torch.Tensor, dy: int, dx: int, black: float) -> torch.Tensor:
    """``x`` (N, 1, 28, 28) moved one pixel (dy rows down or dx columns right), the row or column it uncovers
    ``black`` (torch.roll wraps it round; that edge is overwritten)."""
    moved = torch.roll(x, shifts=(dy, dx), dims=(2, 3)).clone()
    if dy:
        moved[:, :, 0 if dy > 0 else -1, :] = black
    if dx:
        moved[:, :, :, 0 if dx > 0 else -1] = black
    return moved


def test_members_with_test_time_augmentation_give_the_ensemble_a_tta_figure_too(tiny: MnistData,
                                                                                 tmp_path: Path) -> None:
    # Both recipes ask for TTA, so the pair gets its TTA figure beside the plain one: each member's softmax
    # averaged over the digit and its four one-pixel shifts (written out here with torch.roll), then the members.
    report = build_report(tiny, ["modern_cnn", "m3_cnn"], epochs=1, folder=tmp_path, device="cpu",
                          ensemble=["modern_cnn", "m3_cnn"])
    assert report.ensemble is not None and all(row.tta_error is not None for row in report.rows)
    test = TensorData.from_arrays(tiny.test_images, tiny.test_labels, tiny.spec)
    black = float(test.x.min())  # MNIST is standardised: black is the smallest value, not 0
    reopened = [load_checkpoint(tmp_path / row.checkpoint)[0].eval() for row in report.rows]
    with torch.no_grad():
        per_model = [torch.stack([F.softmax(m(_shifted_by_hand(test.x, dy, dx, black)), dim=1)
                                  for dy, dx in ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1))]).mean(0)
                     for m in reopened]  # each (N, 10)
    expected = float((torch.stack(per_model).mean(0).argmax(1) != test.y).float().mean()) * 100
    assert report.ensemble.tta_error == pytest.approx(expected, abs=1e-3)
    assert report.ensemble.test_error == pytest.approx(_softmax_error(reopened, test), abs=1e-3)
    assert f"each member's test-time augmentation: {expected:.2f}% test error" in report_markdown(report)
    # A figure stored before the TTA one was measured (no "tta_error" in its file) is measured again, once.
    stored = next(tmp_path.glob("ensemble-*.json"))
    raw = json.loads(stored.read_text())
    del raw["ensemble"]["tta_error"]
    stored.write_text(json.dumps(raw))
    again = build_report(tiny, ["modern_cnn", "m3_cnn"], epochs=1, folder=tmp_path, device="cpu",
                         ensemble=["modern_cnn", "m3_cnn"])
    assert all(row.cached for row in again.rows) and again.ensemble == report.ensemble
    assert json.loads(stored.read_text())["ensemble"]["tta_error"] == report.ensemble.tta_error  # kept again


def test_the_app_shows_the_ensemble_a_report_measured_while_its_members_are_shown(tiny: MnistData,
                                                                                  tmp_path: Path) -> None:
    # The Model zoo reads the cache (cached_report) and never computes: it shows the command's figure.
    report = build_report(tiny, ["logistic", "mlp"], folder=tmp_path, device="cpu", ensemble=["logistic", "mlp"])
    assert cached_report(tiny, ["logistic", "mlp"], folder=tmp_path).ensemble == report.ensemble
    assert cached_report(tiny, ["mlp"], folder=tmp_path).ensemble is None  # one member alone: no ensemble
    assert cached_report(tiny, ["logistic", "mlp"], seed=1, folder=tmp_path).ensemble is None  # other runs
    mlp = next(row for row in report.rows if row.model == "mlp")
    (tmp_path / mlp.checkpoint).unlink()  # a member's weights gone: neither the row nor the figure is served
    assert cached_report(tiny, ["logistic", "mlp"], folder=tmp_path).ensemble is None


def test_a_stop_while_the_ensemble_is_tested_keeps_the_rows_and_no_figure(tiny: MnistData, tmp_path: Path) -> None:
    # Closing the window (or Cancel) during the ensemble's test must not wait for all of it.
    rows_done = threading.Event()
    report = build_report(tiny, ["logistic", "mlp"], epochs=1, folder=tmp_path, device="cpu",
                          ensemble=["logistic", "mlp"], should_stop=rows_done.is_set,
                          on_row=lambda row: rows_done.set() if row.model == "mlp" else None)
    assert report.cancelled and report.ensemble is None
    assert [row.model for row in report.rows] == ["logistic", "mlp"]  # finished rows are kept...
    assert all((tmp_path / row.checkpoint).is_file() for row in report.rows)
    assert not list(tmp_path.glob("ensemble-*.json"))  # ...and no figure is, not even a partial one
    assert cached_report(tiny, ["logistic", "mlp"], folder=tmp_path).ensemble is None


def test_the_ensembles_figures_come_from_one_pass_that_a_stop_ends_keeping_nothing(
        tiny: MnistData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The pair's test runs the five copies of every digit (TTA) through each member once, the unshifted copy
    # giving the plain figure on the way; a stop once the first member is through ends it, and nothing is stored.
    testing_together, first_done = threading.Event(), threading.Event()
    passes: list[tuple[tuple[int, int], ...]] = []
    copy_probabilities = trainer.copy_probabilities

    def counted(model, data, background=0.0, shifts=((0, 0),), batch_size=1000, should_stop=None):  # type: ignore[no-untyped-def]
        if not testing_together.is_set():  # a row's own TTA figure
            return copy_probabilities(model, data, background, shifts, batch_size, should_stop)
        passes.append(shifts)
        probabilities = copy_probabilities(model, data, background, shifts, batch_size, should_stop)
        first_done.set()  # the stop arrives once the first member is through
        return probabilities

    monkeypatch.setattr(trainer, "copy_probabilities", counted)
    report = build_report(tiny, ["modern_cnn", "m3_cnn"], epochs=1, folder=tmp_path, device="cpu",
                          ensemble=["modern_cnn", "m3_cnn"], should_stop=first_done.is_set,
                          on_ensemble=testing_together.set)
    assert passes == [TTA_SHIFTS, TTA_SHIFTS]  # one pass a member, the second begun and stopped
    assert report.cancelled and report.ensemble is None
    assert [row.model for row in report.rows] == ["modern_cnn", "m3_cnn"]  # the trained rows are kept
    assert not list(tmp_path.glob("ensemble-*.json"))


def test_a_stop_while_the_shifted_copies_are_tested_ends_the_report_without_that_row(tiny: MnistData,
                                                                                    tmp_path: Path) -> None:
    trained = threading.Event()
    report = build_report(tiny, ["modern_cnn"], epochs=1, folder=tmp_path, device="cpu",
                          should_stop=trained.is_set, on_epoch=lambda _: trained.set())
    assert report.cancelled and report.rows == []  # its test-time augmentation was stopped, so no row
    assert not list(tmp_path.glob("modern_cnn-*"))


@pytest.mark.parametrize(("ensemble", "says"), [(["logistic", "small_cnn"], "small_cnn, which the report does "
                                                 "not train"),
                                                (["mlp"], "two or more different models")])
def test_an_ensemble_outside_the_report_is_one_sentence_before_any_training(
        tiny: MnistData, tmp_path: Path, ensemble: list[str], says: str) -> None:
    def never(*_: object, **__: object) -> None:
        raise AssertionError("trained despite the bad ensemble")

    with pytest.raises(ValueError, match=says):
        build_report(tiny, ["logistic", "mlp"], folder=tmp_path, ensemble=ensemble, train=never)  # type: ignore[arg-type]


def test_the_command_line_names_the_bad_ensemble(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = cli_main(["report", "--models", "logistic,mlp", "--ensemble", "logistic,lenet5", "--out",
                     str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2 and "lenet5, which the report does not train" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_the_command_line_says_when_it_tests_the_ensemble_and_writes_its_figure(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CNNVIZ_DATA_DIR", str(tmp_path / "user"))  # a cache of its own: both models train here
    code = cli_main(["report", "--models", "logistic,mlp", "--ensemble", "logistic,mlp", "--subset", "600",
                     "--budget-min", "0", "--out", str(tmp_path / "out")])
    out = capsys.readouterr().out
    assert code == 0
    assert out.index("[2/2] mlp") < out.index("testing logistic + mlp together") < out.index("A small ensemble")
    saved = json.loads((tmp_path / "out" / "report.json").read_text())
    assert saved["ensemble"]["models"] == ["logistic", "mlp"]
