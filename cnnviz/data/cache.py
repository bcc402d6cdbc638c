"""A data set read once, then re-opened from memory-mapped array files in the user-data folder.

An entry is keyed by the format, the loading options (e.g. the input size) and every source file's
relative name, size and modification time, like the bundled MNIST's unpacked copy: a changed folder gives
another key and is read again (the stale entry of the same folder is then removed). An entry is written
into a temporary folder and renamed into place when complete, so a cancelled or crashed read never
leaves a half-written entry that a later open would trust.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from cnnviz.data.mnist import MnistData, SkippedFile
from cnnviz.data.transforms import InputSpec
from cnnviz.paths import user_data_dir

CACHE_VERSION = 1
_PARTS = ("train_images", "train_labels", "test_images", "test_labels")

Allocate = Callable[[str, tuple[int, ...]], np.ndarray]
Loader = Callable[[Allocate], MnistData]


def cache_root() -> Path:
    return user_data_dir() / "data-cache"


def file_stamps(files: Sequence[Path]) -> list[str]:
    """Each file's path, size and modification time (``unreadable`` for one that cannot be looked at)."""
    stamps = []
    for path in files:
        try:
            stat = path.stat()
            stamps.append(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}")
        except OSError:  # e.g. a broken link: it is skipped when read, and stays so while it is broken
            stamps.append(f"{path}\0unreadable")
    return stamps


def cache_key(kind: str, folder: Path, stamps: Sequence[str], options: dict[str, Any]) -> str:
    """A key for ``folder``'s files as they are now (``file_stamps``: names, sizes, times), plus options.

    The folder itself is part of the key: two copies of a set (same names, sizes, times) have their own
    names and sources, and a model records the folder it was trained from.
    """
    digest = hashlib.sha256(json.dumps([CACHE_VERSION, kind, str(folder), options], sort_keys=True).encode())
    digest.update("\n".join(sorted(stamps)).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:32]


def _read_entry(entry: Path) -> MnistData | None:
    """The data set stored in ``entry``, its arrays memory-mapped; None when absent or damaged."""
    try:
        meta = json.loads((entry / "meta.json").read_text())
        # Images memory-mapped (a set larger than memory still opens); labels are small and read whole.
        arrays = {part: np.load(entry / f"{part}.npy", mmap_mode="r" if "images" in part else None,
                                allow_pickle=False) for part in _PARTS}
        return MnistData(
            name=meta["name"], class_names=tuple(meta["class_names"]), spec=InputSpec.from_dict(meta["spec"]),
            source=meta["source"], kind=meta["kind"], split=meta["split"],
            skipped=tuple(SkippedFile(p, r) for p, r in meta["skipped"]), **arrays,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_meta(folder: Path, data: MnistData) -> None:
    meta = {"name": data.name, "class_names": list(data.class_names), "spec": data.spec.to_dict(),
            "source": data.source, "kind": data.kind, "split": data.split,
            "skipped": [[s.path, s.reason] for s in data.skipped]}
    (folder / "meta.json").write_text(json.dumps(meta))


def _store(tmp: Path, data: MnistData) -> None:
    """Every array as ``<part>.npy`` in ``tmp``: memory-maps filled there are renamed, others written."""
    for part in _PARTS:
        array = getattr(data, part)
        filename = getattr(array, "filename", None)
        if isinstance(array, np.memmap) and filename and Path(filename).parent == tmp:
            array.flush()
            if Path(filename).name != f"{part}.npy":
                os.replace(filename, tmp / f"{part}.npy")
        else:
            np.save(tmp / f"{part}.npy", np.asarray(array), allow_pickle=False)
    for leftover in tmp.glob("*.npy"):
        if leftover.stem not in _PARTS:
            leftover.unlink()
    _write_meta(tmp, data)


def _remove_stale(root: Path, source: str, keep: str) -> None:
    """Other entries read from the same folder (it has changed since): no longer used, so removed."""
    for entry in root.iterdir():
        if entry.name == keep or not entry.is_dir() or entry.name.startswith("."):
            continue
        with contextlib.suppress(OSError, ValueError, KeyError):
            if json.loads((entry / "meta.json").read_text())["source"] == source:
                shutil.rmtree(entry, ignore_errors=True)


def open_cached(key: str, load: Loader, use_cache: bool = True) -> MnistData:
    """The cached data set for ``key``, or ``load(allocate)`` stored under ``key`` and re-opened memory-mapped.

    ``allocate(name, shape)`` gives the loader uint8 arrays backed by files in the entry being written, so
    the pixels of a large set go to disk as they are read. A store that fails (a full disk, a read-only
    folder) only costs reading the folder again next time: the loaded data set is returned all the same.
    """
    root = cache_root()
    entry = root / key
    if use_cache:
        cached = _read_entry(entry)
        if cached is not None:
            return cached
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".{key}.{secrets.token_hex(4)}.tmp"
    tmp.mkdir()

    def allocate(name: str, shape: tuple[int, ...]) -> np.ndarray:
        if 0 in shape:  # a memory map cannot be empty
            return np.empty(shape, dtype=np.uint8)
        return np.lib.format.open_memmap(tmp / f"{name}.npy", mode="w+", dtype=np.uint8, shape=shape)

    try:
        data = load(allocate)
        try:
            _store(tmp, data)
            if entry.exists():
                shutil.rmtree(entry, ignore_errors=True)
            os.replace(tmp, entry)
        except OSError:
            return data
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    with contextlib.suppress(OSError):
        _remove_stale(root, data.source, key)
    return _read_entry(entry) or data
