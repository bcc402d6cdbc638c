"""CIFAR-10 and CIFAR-100 in their *binary* versions (never the Python-pickle one: unpickling can run code).

CIFAR-10 binary: ``data_batch_1.bin`` … ``data_batch_5.bin`` and ``test_batch.bin``, each record one label
byte then 3,072 pixel bytes (1,024 red, 1,024 green, 1,024 blue, row by row, 32×32); names in
``batches.meta.txt``. CIFAR-100 binary: ``train.bin`` and ``test.bin``, each record a coarse and a fine
label byte then the same 3,072 bytes; the fine labels (100 classes) are used, named by ``fine_label_names.txt``.
The files may sit in the folder itself or in ``cifar-10-batches-bin/`` / ``cifar-100-binary/``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cnnviz.data.idx import DatasetError
from cnnviz.data.mnist import MnistData
from cnnviz.data.stats import spec_for
from cnnviz.jobs import check
from cnnviz.wording import worded_error

_PIXELS = 32 * 32 * 3
_SUBFOLDERS = ("", "cifar-10-batches-bin", "cifar-100-binary")
# Files of the pickle versions (cifar-10-batches-py/, cifar-100-python/): recognised so they can be refused.
_PICKLE_MARKERS = ("data_batch_1", "batches.meta", "cifar-10-batches-py", "cifar-100-python")


@dataclass(frozen=True)
class CifarFiles:
    """The files of one CIFAR binary set and how to read their records."""

    name: str  # "CIFAR-10" or "CIFAR-100"
    train: tuple[Path, ...]
    test: Path
    names_file: Path | None
    label_bytes: int  # 1 (CIFAR-10) or 2 (CIFAR-100: coarse, fine)

    @property
    def all_files(self) -> list[Path]:
        return [*self.train, self.test, *([self.names_file] if self.names_file else [])]


def find_cifar_files(folder: Path) -> CifarFiles | None:
    """The CIFAR binary files in ``folder`` (or its usual subfolder); None when there are none."""
    for sub in _SUBFOLDERS:
        base = folder / sub if sub else folder
        batches = sorted(base.glob("data_batch_*.bin"))
        if batches and (base / "test_batch.bin").is_file():
            names = base / "batches.meta.txt"
            return CifarFiles("CIFAR-10", tuple(batches), base / "test_batch.bin",
                              names if names.is_file() else None, 1)
        if (base / "train.bin").is_file() and (base / "test.bin").is_file():
            names = base / "fine_label_names.txt"
            return CifarFiles("CIFAR-100", (base / "train.bin",), base / "test.bin",
                              names if names.is_file() else None, 2)
    return None


def refuse_pickled_cifar(folder: Path) -> None:
    """Raise ``DatasetError`` pointing to the binary version when ``folder`` holds the pickle version."""
    for marker in _PICKLE_MARKERS:
        for candidate in (folder / marker, *(folder / sub / marker for sub in ("cifar-10-batches-py",
                                                                                "cifar-100-python"))):
            if candidate.exists():
                raise worded_error(
                    DatasetError,
                    "{path}: this is the Python-pickle version of CIFAR, which cnnviz does not open "
                    "(unpickling a file can run code); download the binary version (cifar-10-binary.tar.gz "
                    "or cifar-100-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html), or run "
                    "`cnnviz data fetch cifar10`", path=candidate)
    if (folder / "meta").is_file() and (folder / "train").is_file() and (folder / "test").is_file():
        raise worded_error(DatasetError, "{path}: this looks like the Python-pickle version of CIFAR-100; "
                           "download the binary version (cifar-100-binary.tar.gz) instead", path=folder / "train")


def _read_records(path: Path, label_bytes: int) -> tuple[np.ndarray, np.ndarray]:
    """Images (N, 32, 32, 3) uint8 and labels (N,) from one binary batch file."""
    record = label_bytes + _PIXELS
    try:
        raw = np.fromfile(path, dtype=np.uint8)
    except OSError as exc:
        raise worded_error(DatasetError, "{path}: cannot be read ({reason})", path=path,
                           reason=exc.strerror or exc) from None
    if raw.size == 0 or raw.size % record:
        raise worded_error(DatasetError, "{path}: {size:,} bytes is not a whole number of {record:,}-byte CIFAR "
                           "records (the file is truncated or not a CIFAR binary batch)", path=path, size=raw.size,
                           record=record)
    rows = raw.reshape(-1, record)
    labels = rows[:, label_bytes - 1].astype(np.int64)  # CIFAR-100: the second (fine) label
    # (N, 3, 32, 32) channel planes -> (N, 32, 32, 3) pixels
    images = rows[:, label_bytes:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
    return np.ascontiguousarray(images), labels


def _class_names(files: CifarFiles, num_classes: int) -> tuple[str, ...]:
    if files.names_file is None:
        return tuple(str(i) for i in range(num_classes))
    names = tuple(line.strip() for line in files.names_file.read_text(errors="replace").splitlines() if line.strip())
    if len(names) < num_classes:
        raise worded_error(DatasetError, "{path}: {count} class names for {classes} classes", path=files.names_file,
                           count=len(names), classes=num_classes)
    return names


def load_cifar_folder(folder: str | Path, files: CifarFiles | None = None,
                      progress: Callable[[float], None] | None = None,
                      should_stop: Callable[[], bool] | None = None) -> MnistData:
    """Read a CIFAR-10 or CIFAR-100 binary set; any problem raises ``DatasetError`` naming the file."""
    folder = Path(folder)
    files = files or find_cifar_files(folder)
    if files is None:
        raise worded_error(DatasetError, "{folder}: no CIFAR binary files (data_batch_*.bin and test_batch.bin, or "
                           "train.bin and test.bin)", folder=folder)
    parts = []
    for i, path in enumerate((*files.train, files.test)):
        check(should_stop or (lambda: False))
        if progress is not None:
            progress(0.9 * i / (len(files.train) + 1))
        parts.append(_read_records(path, files.label_bytes))
    train_images = np.concatenate([p[0] for p in parts[:-1]])
    train_labels = np.concatenate([p[1] for p in parts[:-1]])
    test_images, test_labels = parts[-1]
    num_classes = int(max(train_labels.max(), test_labels.max())) + 1
    return MnistData(
        name=files.name,
        train_images=train_images, train_labels=train_labels, test_images=test_images, test_labels=test_labels,
        class_names=_class_names(files, num_classes)[:num_classes], spec=spec_for(train_images, should_stop),
        source=str(folder), kind="CIFAR binary", split="the set's own test batch",
    )
