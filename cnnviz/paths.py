"""Where bundled resources and the user's own files live (no Qt, so the CLI can use it too)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

RESOURCES_DIR = Path(os.environ.get("CNNVIZ_RESOURCES", Path(__file__).resolve().parent.parent / "resources"))
BUNDLED_MNIST_DIR = RESOURCES_DIR / "mnist"


def user_data_dir() -> Path:
    """The per-user folder for trained models, caches and settings.

    ``CNNVIZ_DATA_DIR`` overrides it, which the tests use to stay out of the user's home.
    """
    override = os.environ.get("CNNVIZ_DATA_DIR")
    if override:
        path = Path(override)
    elif sys.platform == "win32":
        path = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "cnnviz"
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / "cnnviz"
    else:
        path = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "cnnviz"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_model_path() -> Path:
    """The explorer CNN the app trains on first launch and opens on every later one."""
    return user_data_dir() / "explorer_cnn.pt"
