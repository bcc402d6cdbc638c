"""Every command-line argument is checked before any work: exit status 2, one clear sentence, nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cnnviz.cli import main
from cnnviz.data.mnist import FASHION_CLASSES
from cnnviz.models import build_model
from cnnviz.paths import BUNDLED_MNIST_DIR
from cnnviz.training import CheckpointMeta, save_checkpoint


@pytest.fixture(autouse=True)
def _no_training(monkeypatch: pytest.MonkeyPatch) -> None:
    """A refused command must not start training (and a test must not wait for it)."""
    import cnnviz.training

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("training started")

    monkeypatch.setattr(cnnviz.training, "train_model", refuse)


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str], folder: Path, *fragments: str) -> str:
    before = sorted(folder.rglob("*"))
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and captured.out == ""
    for fragment in fragments:
        assert fragment in captured.err
    assert sorted(folder.rglob("*")) == before  # nothing written
    return captured.err


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["--data", "/nonexistent"], ["/nonexistent", "not a folder"]),
        (["--subset", "0"], ["--subset", "'0'", "at least 1"]),
        (["--subset", "ten"], ["--subset", "'ten'"]),
        (["--epochs", "-1"], ["--epochs", "'-1'", "at least 1"]),
        (["--epochs", "0"], ["--epochs", "at least 1"]),
        (["--epochs", "100000"], ["--epochs", "at most"]),
        (["--seed", "-5"], ["--seed", "at least 0"]),
        (["--device", "tpu"], ["--device", "tpu"]),
        (["--model", "nope"], ["--model", "nope", "explorer_cnn"]),
    ],
)
def test_train_refuses_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                     fragments: list[str]) -> None:
    _refused(["train", "--out", str(tmp_path / "m.pt"), *args], capsys, tmp_path, *fragments)


def test_train_refuses_an_output_it_cannot_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a-folder").mkdir()
    _refused(["train", "--model", "logistic", "--out", str(tmp_path / "a-folder")], capsys, tmp_path,
             "a-folder", "is a folder")
    (tmp_path / "file").write_text("x")
    _refused(["train", "--model", "logistic", "--out", str(tmp_path / "file" / "m.pt")], capsys, tmp_path,
             "file", "not a folder")


def test_train_refuses_a_folder_without_mnist_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    _refused(["train", "--data", str(tmp_path / "empty"), "--out", str(tmp_path / "m.pt")], capsys, tmp_path,
             "empty", "no data set found")


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["--models", "mlp,nope"], ["--models", "nope"]),
        (["--models", ","], ["--models", "at least one"]),
        (["--budget-min", "-1"], ["--budget-min", "at least 0"]),
        (["--budget-min", "nan"], ["--budget-min", "nan"]),
        (["--subset", "0"], ["--subset", "at least 1"]),
        (["--device", "gpu"], ["--device", "gpu"]),
        (["--data", "/nonexistent"], ["/nonexistent"]),
    ],
)
def test_report_refuses_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                      fragments: list[str]) -> None:
    _refused(["report", "--out", str(tmp_path / "r"), *args], capsys, tmp_path, *fragments)


def test_report_refuses_an_output_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "r").write_text("x")
    _refused(["report", "--out", str(tmp_path / "r")], capsys, tmp_path, "is a file")


def test_eval_refuses_a_missing_or_damaged_checkpoint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _refused(["eval", str(tmp_path / "none.pt")], capsys, tmp_path, "none.pt", "not found")
    (tmp_path / "bad.pt").write_bytes(b"\x00" * 100)
    _refused(["eval", str(tmp_path / "bad.pt")], capsys, tmp_path, "bad.pt", "not a readable checkpoint")
    _refused(["eval", str(tmp_path / "bad.pt"), "--data", "/nonexistent"], capsys, tmp_path, "/nonexistent")


@pytest.fixture
def fashion(tmp_path: Path) -> tuple[Path, Path]:
    """A Fashion-MNIST-format folder (the bundled files under a "fashion" name) and a model trained on it."""
    folder = tmp_path / "fashion"
    shutil.copytree(BUNDLED_MNIST_DIR, folder)
    model = build_model("logistic")
    meta = CheckpointMeta(model="logistic", model_kwargs=dict(model.arch_kwargs), dataset="fashion",
                          class_names=list(FASHION_CLASSES))
    return folder, save_checkpoint(model, tmp_path / "fashion.pt", meta)


def test_eval_uses_the_checkpoints_data_set_or_refuses(fashion: tuple[Path, Path], tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    folder, checkpoint = fashion
    err = _refused(["eval", str(checkpoint)], capsys, tmp_path, "fashion.pt", "trained on fashion", "--data")
    assert "MNIST" in err  # what the bundled set is, so the reader sees why
    mnist_copy = tmp_path / "digits"
    shutil.copytree(BUNDLED_MNIST_DIR, mnist_copy)
    _refused(["eval", str(checkpoint), "--data", str(mnist_copy)], capsys, tmp_path, "trained on fashion", "digits")
    assert main(["eval", str(checkpoint), "--data", str(folder)]) == 0
    table = capsys.readouterr().out
    assert "logistic on fashion test set" in table
    rows = [line for line in table.splitlines() if "Ankle boot" in line or "T-shirt/top" in line]
    assert len(rows) == 2  # the checkpoint's class names label the table
