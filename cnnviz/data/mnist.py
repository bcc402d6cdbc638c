"""MNIST-format data sets: the bundled MNIST, or any folder of the four IDX files."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cnnviz.data.idx import DatasetError, read_idx
from cnnviz.data.transforms import MNIST_INPUT, InputSpec
from cnnviz.jobs import check
from cnnviz.paths import BUNDLED_MNIST_DIR, user_data_dir

MNIST_CLASSES: tuple[str, ...] = tuple(str(d) for d in range(10))
FASHION_CLASSES: tuple[str, ...] = (
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
)
_PARTS = {
    "train_images": ("train-images-idx3-ubyte", "train-images.idx3-ubyte"),
    "train_labels": ("train-labels-idx1-ubyte", "train-labels.idx1-ubyte"),
    "test_images": ("t10k-images-idx3-ubyte", "t10k-images.idx3-ubyte"),
    "test_labels": ("t10k-labels-idx1-ubyte", "t10k-labels.idx1-ubyte"),
}


@dataclass(frozen=True)
class TestDigit:
    """One test image: its index in the test set, the image as float32 in [0, 1], and its true class."""

    __test__ = False  # not a pytest test class, despite the name

    index: int
    image: np.ndarray  # (H, W) float32 in [0, 1]
    label: int


@dataclass(frozen=True)
class MnistData:
    """Images as uint8 (N, H, W) grey or (N, H, W, 3) colour and labels as int64 (N,), as stored on disk.

    ``spec`` is the input a model trained on this set takes: its channels, its size and the per-channel
    mean and std of the training images (MNIST's published values for MNIST).
    """

    name: str
    train_images: np.ndarray
    train_labels: np.ndarray
    test_images: np.ndarray
    test_labels: np.ndarray
    class_names: tuple[str, ...]
    spec: InputSpec = MNIST_INPUT

    @property
    def num_classes(self) -> int:
        return len(self.class_names)

    def random_test_digit(self, rng: np.random.Generator, digit: int | None = None) -> TestDigit:
        """A test image picked by ``rng`` (of class ``digit`` when given), as float32 in [0, 1].

        [0, 1] floats are what the app displays and feeds its models (``to_unit``); the uint8 pixels stay
        available as ``test_images[index]``.
        """
        pool = np.arange(len(self.test_labels)) if digit is None else np.flatnonzero(self.test_labels == digit)
        if pool.size == 0:
            raise ValueError(f"{self.name} has no test image of class {digit!r}")
        index = int(rng.choice(pool))
        image = self.test_images[index].astype(np.float32) / 255.0
        return TestDigit(index, image, int(self.test_labels[index]))


def find_mnist_files(folder: Path) -> dict[str, Path]:
    """Locate the four files in the plain layout, torchvision's ``MNIST/raw`` or a ``raw/`` folder."""
    candidates = [folder, folder / "raw", folder / "MNIST" / "raw", folder / "FashionMNIST" / "raw"]
    for base in candidates:
        found: dict[str, Path] = {}
        for part, stems in _PARTS.items():
            for stem in stems:
                for name in (stem, stem + ".gz"):
                    if (base / name).is_file():
                        found.setdefault(part, base / name)
        if len(found) == len(_PARTS):
            return found
    missing = ", ".join(stems[0] for stems in _PARTS.values())
    raise DatasetError(
        f"{folder}: no MNIST-format data set found (looked for {missing}, optionally .gz, "
        "in the folder itself, raw/ and MNIST/raw/)"
    )


def _class_names_for(folder: Path, num_classes: int) -> tuple[str, ...]:
    names_file = folder / "classes.txt"
    if names_file.is_file():
        names = tuple(line.strip() for line in names_file.read_text().splitlines() if line.strip())
        if len(names) != num_classes:
            raise DatasetError(f"{names_file}: {len(names)} names for {num_classes} classes")
        return names
    if "fashion" in str(folder).lower() and num_classes == 10:
        return FASHION_CLASSES
    return tuple(str(i) for i in range(num_classes))


def _check_pair(images: np.ndarray, labels: np.ndarray, img_path: Path, lbl_path: Path) -> None:
    if images.ndim != 3:
        raise DatasetError(f"{img_path}: expected images of shape (N, H, W), got {images.shape}")
    if images.dtype != np.uint8:
        raise DatasetError(f"{img_path}: expected uint8 pixels, got {images.dtype}")
    if labels.ndim != 1:
        raise DatasetError(f"{lbl_path}: expected labels of shape (N,), got {labels.shape}")
    if len(images) != len(labels):
        raise DatasetError(
            f"{lbl_path}: {len(labels)} labels do not match the {len(images)} images in {img_path.name}"
        )


def load_mnist_folder(folder: str | Path, name: str | None = None,
                      should_stop: Callable[[], bool] | None = None) -> MnistData:
    """Load any MNIST-format data set from a folder; every problem raises ``DatasetError``.

    ``should_stop`` is asked between files (each takes ≤ 1 s): a cancelled load raises ``JobCancelled``.
    """
    folder = Path(folder)
    files = find_mnist_files(folder)
    arrays = {}
    for part, path in files.items():
        check(should_stop or (lambda: False))
        arrays[part] = read_idx(path)
    _check_pair(arrays["train_images"], arrays["train_labels"], files["train_images"], files["train_labels"])
    _check_pair(arrays["test_images"], arrays["test_labels"], files["test_images"], files["test_labels"])
    if arrays["train_images"].shape[1:] != arrays["test_images"].shape[1:]:
        raise DatasetError(
            f"{files['test_images']}: image size {arrays['test_images'].shape[1:]} differs from "
            f"the training images' {arrays['train_images'].shape[1:]}"
        )
    labels = np.concatenate([arrays["train_labels"], arrays["test_labels"]])
    num_classes = int(labels.max()) + 1 if labels.size else 0
    class_names = _class_names_for(folder, max(num_classes, 10))
    return MnistData(
        name=name or folder.name,
        train_images=arrays["train_images"],
        train_labels=arrays["train_labels"].astype(np.int64),
        test_images=arrays["test_images"],
        test_labels=arrays["test_labels"].astype(np.int64),
        class_names=class_names,
    )


def verify_checksums(folder: Path) -> None:
    """Check the gzip files against SHA256SUMS, remembering a pass so later launches skip the hashing."""
    sums_file = folder / "SHA256SUMS"
    if not sums_file.is_file():
        raise DatasetError(f"{sums_file}: checksum list is missing")
    expected = {}
    for line in sums_file.read_text().splitlines():
        parts = line.split()
        if len(parts) == 2:
            expected[parts[1].lstrip("*")] = parts[0]
    stamp = {
        name: [(folder / name).stat().st_size, (folder / name).stat().st_mtime_ns]
        for name in sorted(expected)
        if (folder / name).is_file()
    }
    cache = user_data_dir() / "verified-data.json"
    key = str(folder.resolve())
    try:
        cached = json.loads(cache.read_text())
    except (OSError, ValueError):
        cached = {}
    if isinstance(cached, dict) and cached.get(key) == stamp:
        return
    for name, digest in expected.items():
        path = folder / name
        if not path.is_file():
            raise DatasetError(f"{path}: bundled file is missing")
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != digest:
            raise DatasetError(f"{path}: checksum mismatch (the file is damaged; reinstall cnnviz)")
    cached = cached if isinstance(cached, dict) else {}
    cached[key] = stamp
    with contextlib.suppress(OSError):  # an unwritable cache only costs a re-check next time
        cache.write_text(json.dumps(cached))


_BUNDLED: MnistData | None = None


def load_bundled_mnist() -> MnistData:
    """The MNIST shipped in ``resources/mnist`` (checked once, then kept for the process)."""
    global _BUNDLED
    if _BUNDLED is None:
        verify_checksums(BUNDLED_MNIST_DIR)
        _BUNDLED = _load_unpacked_copy() or _unpack_bundled()
    return _BUNDLED


_UNPACKED = "mnist-unpacked.npz"  # in the user's data folder: gunzipping on every launch cost ~0.3 s of start-up


def _bundle_stamp() -> np.ndarray:
    """Names, sizes and times of the bundled files: a copy made from other files is never used."""
    files = find_mnist_files(BUNDLED_MNIST_DIR)
    return np.array([f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for _, p in sorted(files.items())])


def _load_unpacked_copy() -> MnistData | None:
    path = user_data_dir() / _UNPACKED
    try:
        with np.load(path, allow_pickle=False) as saved:
            if not np.array_equal(saved["stamp"], _bundle_stamp()):
                return None
            arrays = {part: saved[part] for part in _PARTS}
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):  # absent or damaged: unpack again
        return None
    return MnistData("MNIST", arrays["train_images"], arrays["train_labels"], arrays["test_images"],
                     arrays["test_labels"], MNIST_CLASSES)


def _unpack_bundled() -> MnistData:
    data = load_mnist_folder(BUNDLED_MNIST_DIR, name="MNIST")
    path = user_data_dir() / _UNPACKED
    tmp = path.with_suffix(".tmp.npz")
    with contextlib.suppress(OSError):  # an unwritable folder only costs the unpacking next time
        np.savez(tmp, stamp=_bundle_stamp(), train_images=data.train_images, train_labels=data.train_labels,
                 test_images=data.test_images, test_labels=data.test_labels)
        os.replace(tmp, path)
    return data
