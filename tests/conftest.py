"""Shared fixtures: an isolated user-data folder, the bundled data, and a small trained model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True, scope="session")
def _isolated_user_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep every test out of the real user's data folder and Qt settings."""
    os.environ["CNNVIZ_DATA_DIR"] = str(tmp_path_factory.mktemp("cnnviz-user"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("xdg-config"))


@pytest.fixture(scope="session")
def mnist():  # type: ignore[no-untyped-def]
    from cnnviz.data import load_bundled_mnist

    return load_bundled_mnist()


@pytest.fixture(scope="session")
def trained_explorer(mnist, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """An explorer CNN trained briefly (12,000 digits, 1 epoch: ~95% test accuracy), saved to disk.

    Returns (model, meta, path). Shared by the session: tests must not modify the model.
    """
    from cnnviz.training import save_checkpoint, train_model

    trained = train_model("explorer_cnn", mnist, epochs=1, subset=12_000, seed=0)
    path: Path = tmp_path_factory.mktemp("models") / "explorer_cnn.pt"
    save_checkpoint(trained.model, path, trained.meta)
    return trained.model, trained.meta, path


@pytest.fixture
def app_state(qtbot, mnist):  # type: ignore[no-untyped-def]
    """A fresh GUI ``AppState`` over the bundled data; its inference thread is stopped afterwards."""
    from ui.state import AppState

    state = AppState(mnist)
    yield state
    state.shutdown()
