"""One cache for feature results: named arrays under a key, in memory and, when a folder is given, as .npz
files there (an unreadable or unwritable file only costs computing the result again)."""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

Arrays = dict[str, np.ndarray]

_MEMORY: OrderedDict[str, Arrays] = OrderedDict()
MEMORY_LIMIT = 1024  # entries: feature pictures (a few KB) and top-example tables (a few KB per stage)
_LOCK = threading.Lock()


def make_key(**ident: object) -> str:
    """A key from JSON-able identifying values (the weights' hash, the settings, ...)."""
    return hashlib.sha256(json.dumps(ident, sort_keys=True).encode()).hexdigest()[:32]


def load(key: str, folder: Path | None) -> Arrays | None:
    with _LOCK:
        if key in _MEMORY:
            _MEMORY.move_to_end(key)
            return _MEMORY[key]
    path = None if folder is None else folder / f"{key}.npz"
    if path is None or not path.is_file():
        return None
    try:
        with np.load(path) as saved:
            arrays = {name: saved[name] for name in saved.files}
    except (OSError, ValueError, KeyError, EOFError):
        return None  # damaged: computed again and overwritten
    store(key, arrays, None)
    return arrays


def store(key: str, arrays: Arrays, folder: Path | None) -> None:
    with _LOCK:
        _MEMORY[key] = arrays
        while len(_MEMORY) > MEMORY_LIMIT:
            _MEMORY.popitem(last=False)
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez(folder / f"{key}.npz", **arrays)  # type: ignore[arg-type]
    except OSError:
        pass


def clear_memory() -> None:
    """Forget the in-memory entries (tests use it to check the disk cache)."""
    with _LOCK:
        _MEMORY.clear()


def user_cache_dir() -> Path:
    """Where the app keeps feature results between sessions (inside the per-user data folder)."""
    from cnnviz.paths import user_data_dir

    return user_data_dir() / "feature-cache"
