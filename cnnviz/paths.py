"""Where bundled resources and the user's own files live (no Qt, so the CLI can use it too).

Two environment variables override the defaults (both listed in the README's "Data" section):

- ``CNNVIZ_DATA_DIR``: the per-user folder (trained models, caches, settings); the tests use it to stay out
  of the user's home.
- ``CNNVIZ_RESOURCES``: the folder holding ``mnist/`` instead of the data installed with the package.
"""

from __future__ import annotations

import importlib.resources
import os
from pathlib import Path

import platformdirs

APP_NAME = "cnnviz"


def _bundled_resources_dir() -> Path:
    """The installed package ``cnnviz._resources`` (the source tree's ``resources/``, mapped in pyproject.toml).

    Found through ``importlib.resources`` in every install mode: wheel, sdist build, ``pip install .``, pipx
    and editable. Only a checkout used without installing it (``PYTHONPATH=.``) has no such package; there
    the folder is the ``resources/`` beside ``cnnviz/``.
    """
    override = os.environ.get("CNNVIZ_RESOURCES")
    if override:
        return Path(override)
    try:
        root = importlib.resources.files("cnnviz._resources")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "resources"
    if not isinstance(root, Path):  # a zipped install: the data loaders read real files by path
        raise RuntimeError(f"cnnviz's bundled data must be installed as files, not inside {root}; "
                           "reinstall it with pip (which unpacks it)")
    return root


RESOURCES_DIR = _bundled_resources_dir()
BUNDLED_MNIST_DIR = RESOURCES_DIR / "mnist"


def user_data_dir() -> Path:
    """The per-user folder for trained models, caches and settings, created when missing.

    ``CNNVIZ_DATA_DIR`` overrides it; otherwise platformdirs' user data folder: ``~/.local/share/cnnviz``
    on Linux (``$XDG_DATA_HOME`` respected), ``~/Library/Application Support/cnnviz`` on macOS and
    ``%LOCALAPPDATA%\\cnnviz`` on Windows.
    """
    override = os.environ.get("CNNVIZ_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_model_path() -> Path:
    """The explorer CNN the app trains on first launch and opens on every later one."""
    return user_data_dir() / "explorer_cnn.pt"
