"""Per-user folders come from platformdirs (XDG respected on Linux), CNNVIZ_DATA_DIR overrides them, and the
bundled data is found through importlib.resources (or CNNVIZ_RESOURCES)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cnnviz.paths import user_data_dir

ROOT = Path(__file__).resolve().parent.parent


def test_cnnviz_data_dir_overrides_the_user_folder_and_is_created(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CNNVIZ_DATA_DIR", str(tmp_path / "mine" / "cnnviz"))
    assert user_data_dir() == tmp_path / "mine" / "cnnviz"
    assert (tmp_path / "mine" / "cnnviz").is_dir()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_without_override_the_xdg_data_folder_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CNNVIZ_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert user_data_dir() == tmp_path / "xdg" / "cnnviz"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert user_data_dir() == tmp_path / "home" / ".local" / "share" / "cnnviz"


def test_bundled_data_folder_and_its_override(tmp_path: Path) -> None:
    show = "from cnnviz.paths import BUNDLED_MNIST_DIR; print(BUNDLED_MNIST_DIR)"
    env = {k: v for k, v in os.environ.items() if k != "CNNVIZ_RESOURCES"} | {"PYTHONPATH": str(ROOT)}
    found = subprocess.run([sys.executable, "-c", show], env=env, capture_output=True, text=True, check=True)
    assert Path(found.stdout.strip()).resolve() == (ROOT / "resources" / "mnist").resolve()
    moved = subprocess.run([sys.executable, "-c", show], env=env | {"CNNVIZ_RESOURCES": str(tmp_path)},
                           capture_output=True, text=True, check=True)
    assert Path(moved.stdout.strip()) == tmp_path / "mnist"
