"""The CLI trains and evaluates; the core never imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from cnnviz.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_cli_train_then_eval(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "logistic.pt"
    assert main(["train", "--model", "logistic", "--epochs", "1", "--subset", "2000", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "test accuracy" in printed and out.is_file()
    assert main(["eval", str(out)]) == 0
    table = capsys.readouterr().out
    assert "logistic on MNIST test set: accuracy" in table
    assert sum(1 for line in table.splitlines() if line.strip()[:1].isdigit()) == 10  # one row per class


def test_cli_rejects_unknown_model_and_bad_checkpoint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["train", "--model", "nope"]) == 2
    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"\x00" * 100)
    assert main(["eval", str(bad)]) == 2
    assert "not a readable checkpoint" in capsys.readouterr().err


def test_core_package_has_no_qt_imports() -> None:
    offenders = []
    for path in (ROOT / "cnnviz").rglob("*.py"):
        tree = ast.parse(path.read_text())
        # `python -m cnnviz` opens the app like the `cnnviz` command: its entry point alone reaches ui, inside a
        # function (so only when run); at module level it imports nothing of Qt or ui either
        nodes = tree.body if path == ROOT / "cnnviz" / "__main__.py" else ast.walk(tree)
        for node in nodes:
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in {"PyQt6", "PyQt5", "PySide6",
                                                                                     "pyqtgraph", "ui"}]
    assert offenders == []
    code = ("import sys, pkgutil, importlib, cnnviz\n"
            "for m in pkgutil.walk_packages(cnnviz.__path__, 'cnnviz.'):\n"
            "    importlib.import_module(m.name)\n"
            "print(sorted(n for n in sys.modules if n.startswith(('PyQt', 'pyqtgraph'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"
