"""What survives a restart: the last trained model and the user's settings; a damaged settings file is reset."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import torch
from PyQt6.QtCore import QSettings
from PyQt6.QtWidgets import QApplication

from ui.preferences import open_preferences
from ui.theme import apply_theme

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def light_theme_after():  # type: ignore[no-untyped-def]
    """Tests that switch to the dark palette put the light one back for the tests that follow."""
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, False)


def test_trained_model_and_settings_survive_a_restart(window_factory, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      light_theme_after) -> None:
    settings_file, model_file = tmp_path / "settings.ini", tmp_path / "explorer_cnn.pt"
    first = window_factory(settings_file, model_file, first_run_subset=600, first_run_epochs=1)
    assert first.tabs.count() >= 2
    with qtbot.waitSignal(first.state.model_changed, timeout=120_000):
        first.start()  # no model yet: trains one in the background and saves it
    assert model_file.is_file()
    trained_meta = first.state.meta
    trained_weights = {k: v.clone() for k, v in first.state.model.state_dict().items()}
    last_tab = first.tabs.count() - 1
    first.tabs.setCurrentIndex(last_tab)
    first.set_dark(True)
    first.close()

    second = window_factory(settings_file, model_file)
    second.start()  # the saved model opens at once: no training
    assert not second.is_training
    assert replace(second.state.meta, created="") == trained_meta  # the file adds when it was saved
    for name, value in second.state.model.state_dict().items():
        assert torch.equal(value, trained_weights[name])
    assert second.tabs.currentIndex() == last_tab
    assert second.dark_action.isChecked() and not second.light_action.isChecked()
    store = open_preferences(settings_file)
    assert store.notice is None and store.prefs.view.dark
    assert f"{trained_meta.test_accuracy:.2%}" in second.accuracy_label.text()


DAMAGE = {
    "random-bytes": random.Random(7).randbytes(400),
    "not-ini-text": b"this is not a settings file\njust some notes\n",
    "broken-section": b"[window\ntab=1\n",
    "tab-not-a-number": b"[window]\ntab=banana\n",
    "dark-not-a-bool": b"[view]\ndark=maybe\n",
    "geometry-cut-short": b"[window]\ngeometry=@ByteArray(\\x1\\xd9\\xd0\\xcb\\0\\x3\n",
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_settings_reset_to_defaults_with_a_notice(window_factory, tmp_path: Path, damage: str) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(DAMAGE[damage])
    store = open_preferences(path)
    assert store.notice is not None and str(path) in store.notice and "defaults" in store.notice
    kept = tmp_path / "settings.ini.damaged"
    assert kept.read_bytes() == DAMAGE[damage]  # the user's file is set aside, not destroyed
    assert store.settings.allKeys() == []
    window = window_factory(path)  # and the app starts on the defaults
    assert window.tabs.currentIndex() == 0 and window.light_action.isChecked()
    window.close()
    reopened = open_preferences(path)  # what the window saved on closing is sound
    assert reopened.notice is None and reopened.prefs.window.geometry


@pytest.mark.parametrize(
    "content",
    [b"", b"\n", b"[window]\ntab=2\n[view]\ndark=true\n", b"[window]\ntab=1\n[other]\nsomething=anything\n"],
    ids=["empty", "blank-line", "sound", "unknown-keys"],
)
def test_sound_settings_are_kept(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(content)
    store = open_preferences(path)
    assert store.notice is None and not (tmp_path / "settings.ini.damaged").exists()
    if content.startswith(b"[window]"):
        assert store.prefs.window.tab == int(content.split(b"tab=")[1][:1])
    assert store.prefs.view.dark == (b"dark=true" in content)


def test_missing_settings_file_is_not_an_error(tmp_path: Path) -> None:
    store = open_preferences(tmp_path / "new" / "settings.ini")
    assert store.notice is None and store.settings.allKeys() == []


def test_app_starts_on_a_damaged_settings_file_and_opens_the_saved_model(trained_explorer,  # type: ignore[no-untyped-def]
                                                                         tmp_path: Path) -> None:
    """The real entry point, in its own process: damaged settings + a saved model → window up, model open."""
    shutil.copy(trained_explorer[2], tmp_path / "explorer_cnn.pt")
    (tmp_path / "settings.ini").write_bytes(DAMAGE["tab-not-a-number"])
    env = {**os.environ, "CNNVIZ_DATA_DIR": str(tmp_path), "CNNVIZ_EXIT_AFTER_SHOWN": "1",
           "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", "import sys; from ui.app import run_app; sys.exit(run_app([]))"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    # the window is up first, then (start-up job done, every tab built) with the saved model open
    assert "visible=True" in done.stdout and "CNNVIZ_READY" in done.stdout, done.stdout + done.stderr
    assert "model=True" in done.stdout.split("CNNVIZ_READY")[1], done.stdout + done.stderr
    assert (tmp_path / "settings.ini.damaged").read_bytes() == DAMAGE["tab-not-a-number"]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("window/tab") is not None and open_preferences(tmp_path / "settings.ini").notice is None


def test_damaged_saved_model_is_set_aside_and_a_new_one_trained(window_factory, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                trained_explorer) -> None:
    model_file = tmp_path / "explorer_cnn.pt"
    damaged = trained_explorer[2].read_bytes()[:5000]  # e.g. the disk filled up while another program copied it
    model_file.write_bytes(damaged)
    window = window_factory(model_path=model_file, first_run_subset=600, first_run_epochs=1)
    with qtbot.waitSignal(window.state.model_changed, timeout=120_000):
        window.start()
        assert "could not be opened" in window.banner.text() and "explorer_cnn.pt.damaged" in window.banner.text()
    assert (tmp_path / "explorer_cnn.pt.damaged").read_bytes() == damaged  # nothing the user had is lost
    assert model_file.is_file() and model_file.read_bytes() != damaged  # and a working model replaced it
