"""The command line takes every format: train on it, evaluate with its class names, describe it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from data_sets import write_cifar10, write_image_folder

from cnnviz.cli import main


def _table(out: str, names: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """class name -> (count, correct) from eval's per-class table."""
    rows = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0] in names and parts[1].isdigit():
            rows[parts[0]] = (int(parts[1]), int(parts[2]))
    return rows


@pytest.mark.parametrize("fmt", ["image folder", "CIFAR binary"])
def test_train_then_eval_on_any_format_uses_the_data_sets_own_folder_and_names(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    if fmt == "image folder":
        folder, names = write_image_folder(tmp_path / "shapes", per_class=40, classes=3), ("disc", "hbar", "square")
        tested = 3 * 8
    else:
        folder, names = write_cifar10(tmp_path / "cifar", n_train=120, n_test=40, classes=4), ("class0", "class1")
        tested = 40
    out = tmp_path / "m.pt"
    assert main(["train", "--data", str(folder), "--model", "colour_gap_cnn", "--epochs", "1", "--out", str(out)]) == 0
    assert f"on {tested} test images" in capsys.readouterr().out
    assert main(["eval", str(out)]) == 0  # no --data: the folder it was trained on
    printed = capsys.readouterr().out
    assert re.search(rf"colour_gap_cnn on \S+ test set: accuracy [\d.]+% \(\d+ errors in {tested}\)", printed)
    rows = _table(printed, names)
    assert set(rows) == set(names) and sum(count for count, _ in rows.values()) <= tested
    shutil.rmtree(folder)
    assert main(["eval", str(out)]) == 2
    err = capsys.readouterr().err
    assert "unavailable" in err and str(folder) in err and "--data" in err


def test_data_info_shows_the_split_the_classes_and_the_skipped_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_image_folder(tmp_path / "shapes", per_class=10, classes=2)
    (folder / "disc" / "broken.jpg").write_bytes(b"garbage")
    assert main(["data", "info", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "16 training and 4 test images, colour 32×32, 2 classes" in out
    assert "20% of each class" in out and "broken.jpg: not a readable image" in out


def test_train_refuses_a_bad_data_folder_in_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_image_folder(tmp_path / "one", per_class=3, classes=1)
    assert main(["train", "--data", str(folder), "--out", str(tmp_path / "m.pt")]) == 2
    err = capsys.readouterr().err
    assert "only one class (disc)" in err and str(folder) in err and "Traceback" not in err
    assert not (tmp_path / "m.pt").exists()
