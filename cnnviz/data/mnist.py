"""MNIST-format data sets: the bundled MNIST, or any folder of the four IDX files."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from cnnviz.data.idx import DatasetError, read_idx
from cnnviz.data.transforms import MNIST_INPUT, InputSpec
from cnnviz.jobs import check
from cnnviz.paths import BUNDLED_MNIST_DIR, user_data_dir
from cnnviz.wording import worded_error

MNIST_CLASSES: tuple[str, ...] = tuple(str(d) for d in range(10))
FASHION_CLASSES: tuple[str, ...] = (
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
)
_PARTS = {
    "train_images": ("train-images-idx3-ubyte", "train-images.idx3-ubyte"),
    "train_labels": ("train-labels-idx1-ubyte", "train-labels.idx1-ubyte"),
    "test_images": ("t10k-images-idx3-ubyte", "t10k-images.idx3-ubyte", "test-images-idx3-ubyte"),
    "test_labels": ("t10k-labels-idx1-ubyte", "t10k-labels.idx1-ubyte", "test-labels-idx1-ubyte"),
}


@dataclass(frozen=True)
class TestDigit:
    """One test image: its index in the test set, the image as float32 in [0, 1], and its true class."""

    __test__ = False  # not a pytest test class, despite the name

    index: int
    image: np.ndarray  # (H, W) float32 in [0, 1]
    label: int


@dataclass(frozen=True)
class SkippedFile:
    """A file left out of a data set (unreadable, corrupt, too large, a symbolic-link loop) and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class MnistData:
    """Images as uint8 (N, H, W) grey or (N, H, W, 3) colour and labels as int64 (N,), as stored on disk.

    ``spec`` is the input a model trained on this set takes: its channels, its size and the per-channel
    mean and std of the training images (MNIST's published values for MNIST). Every format (MNIST-format
    IDX files, image folders, CIFAR binary) opens into this one class; ``Dataset`` is its other name.
    """

    name: str
    train_images: np.ndarray
    train_labels: np.ndarray
    test_images: np.ndarray
    test_labels: np.ndarray
    class_names: tuple[str, ...]
    spec: InputSpec = MNIST_INPUT
    source: str = ""  # the folder it was opened from ("" for the bundled MNIST)
    kind: str = "MNIST format"  # "MNIST format", "image folder" or "CIFAR binary"
    split: str = ""  # how the test set was chosen, e.g. "test/ folder" or "20% of each class (seed 0)"
    skipped: tuple[SkippedFile, ...] = ()  # files that could not be used, each with the reason

    @property
    def image_shape(self) -> tuple[int, ...]:
        """(H, W) for grey sets, (H, W, 3) for colour ones."""
        return tuple(self.train_images.shape[1:])

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


# torchvision's layouts (``root/FashionMNIST/raw`` ...) and their data sets' names.
_TORCHVISION_FOLDERS = {"MNIST": "MNIST", "FashionMNIST": "Fashion-MNIST", "KMNIST": "KMNIST", "EMNIST": "EMNIST"}


def _match(base: Path, prefix: str = "") -> dict[str, Path]:
    found: dict[str, Path] = {}
    for part, stems in _PARTS.items():
        for stem in stems:
            for name in (prefix + stem, prefix + stem + ".gz"):
                if (base / name).is_file():
                    found.setdefault(part, base / name)
    return found


def _prefixes(base: Path) -> list[str]:
    """Prefixes before the standard names, e.g. ``emnist-letters-`` (EMNIST ships six sets in one folder)."""
    try:
        names = [p.name for p in base.iterdir()]
    except OSError:
        return []
    stem = _PARTS["train_images"][0]
    return sorted({n[: n.index(stem)] for n in names if stem in n and n.index(stem) > 0})


def find_mnist_files(folder: Path) -> dict[str, Path]:
    """Locate the four files in the plain layout, a ``raw/`` folder or torchvision's ``<Set>/raw``.

    Names may carry a prefix (``emnist-letters-train-images-idx3-ubyte``) when the folder holds one such set.
    """
    candidates = [folder, folder / "raw", *(folder / sub / "raw" for sub in _TORCHVISION_FOLDERS)]
    for base in candidates:
        found = _match(base)
        if len(found) == len(_PARTS):
            return found
        prefixes = [p for p in _prefixes(base) if len(_match(base, p)) == len(_PARTS)]
        if len(prefixes) == 1:
            return _match(base, prefixes[0])
        if len(prefixes) > 1:
            raise worded_error(
                DatasetError, "{folder}: holds {count} MNIST-format sets ({names}): "
                "put the four files of the one you want in a folder of their own and open that",
                folder=base, count=len(prefixes), names=", ".join(p.rstrip("-_") for p in prefixes))
    missing = ", ".join(stems[0] for stems in _PARTS.values())
    raise worded_error(DatasetError, "{folder}: no MNIST-format data set found (looked for {missing}, optionally "
                       ".gz, in the folder itself, raw/ and MNIST/raw/)", folder=folder, missing=missing)


def _set_name(folder: Path, files: dict[str, Path]) -> str:
    """The data set's name: torchvision's folder name (``FashionMNIST`` -> Fashion-MNIST), else the folder's."""
    image_file = files["train_images"]
    for sub, name in _TORCHVISION_FOLDERS.items():
        if image_file.parent.name == "raw" and image_file.parent.parent.name == sub and image_file.parent != folder:
            return name
    prefix = image_file.name[: image_file.name.index(_PARTS["train_images"][0])] if (
        _PARTS["train_images"][0] in image_file.name) else ""
    return prefix.rstrip("-_") or folder.name


def _names_from_mapping(files: dict[str, Path]) -> dict[int, str]:
    """Class names from EMNIST's ``*-mapping.txt`` (label, character code) or KMNIST's ``kmnist_classmap.csv``."""
    base = files["train_images"].parent
    names: dict[int, str] = {}
    for mapping in sorted(base.glob("*mapping.txt")):
        for line in mapping.read_text(errors="replace").splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit():
                names[int(parts[0])] = chr(int(parts[1]))
    classmap = base / "kmnist_classmap.csv"
    if classmap.is_file():
        for line in classmap.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
            parts = line.split(",")
            if len(parts) >= 3 and parts[0].isdigit():
                names[int(parts[0])] = parts[2].strip()
    return names


def _class_names_for(folder: Path, files: dict[str, Path], num_classes: int) -> tuple[str, ...]:
    for names_file in (folder / "classes.txt", files["train_images"].parent / "classes.txt"):
        if names_file.is_file():
            names = tuple(line.strip() for line in names_file.read_text().splitlines() if line.strip())
            if len(names) != num_classes:
                raise worded_error(DatasetError, "{path}: {count} names for {classes} classes", path=names_file,
                                   count=len(names), classes=num_classes)
            return names
    if "fashion" in str(files["train_images"]).lower() and num_classes == 10:
        return FASHION_CLASSES
    mapped = _names_from_mapping(files)
    return tuple(mapped.get(i, str(i)) for i in range(num_classes))


def _check_pair(images: np.ndarray, labels: np.ndarray, img_path: Path, lbl_path: Path) -> None:
    if images.ndim != 3:
        raise worded_error(DatasetError, "{path}: expected images of shape (N, H, W), got {shape}", path=img_path,
                           shape=images.shape)
    if images.dtype != np.uint8:
        raise worded_error(
            DatasetError, "{path}: expected uint8 pixels, got {dtype}",
            path=img_path, dtype=images.dtype)
    if labels.ndim != 1:
        raise worded_error(DatasetError, "{path}: expected labels of shape (N,), got {shape}", path=lbl_path,
                           shape=labels.shape)
    if len(images) != len(labels):
        raise worded_error(DatasetError, "{path}: {labels} labels do not match the {images} images in {file}",
                           path=lbl_path, labels=len(labels), images=len(images), file=img_path.name)


def load_mnist_folder(folder: str | Path, name: str | None = None,
                      should_stop: Callable[[], bool] | None = None) -> MnistData:
    """Load any MNIST-format data set (any image size, any number of classes); problems raise ``DatasetError``.

    The classes are the labels 0..max (names from ``classes.txt``, EMNIST's mapping, KMNIST's class map or
    Fashion-MNIST's list; else the numbers); the input description's mean and std come from the training
    images. ``should_stop`` is asked between files (each takes ≤ 1 s): a cancelled load raises ``JobCancelled``.
    """
    from cnnviz.data.stats import spec_for

    folder = Path(folder)
    files = find_mnist_files(folder)
    arrays = {}
    for part, path in files.items():
        check(should_stop or (lambda: False))
        arrays[part] = read_idx(path)
    _check_pair(arrays["train_images"], arrays["train_labels"], files["train_images"], files["train_labels"])
    _check_pair(arrays["test_images"], arrays["test_labels"], files["test_images"], files["test_labels"])
    if arrays["train_images"].shape[1:] != arrays["test_images"].shape[1:]:
        raise worded_error(DatasetError, "{path}: image size {size} differs from the training images' {train}",
                           path=files["test_images"], size=arrays["test_images"].shape[1:],
                           train=arrays["train_images"].shape[1:])
    if len(arrays["train_labels"]) == 0:
        raise worded_error(DatasetError, "{path}: the training set is empty", path=files["train_labels"])
    if files["train_images"].name.lower().startswith("emnist"):
        # EMNIST stores every image transposed (column by column); turned upright here, once.
        for part in ("train_images", "test_images"):
            arrays[part] = np.ascontiguousarray(arrays[part].transpose(0, 2, 1))
    labels = np.concatenate([arrays["train_labels"], arrays["test_labels"]]).astype(np.int64)
    if labels.min() < 0:
        raise worded_error(DatasetError, "{path}: negative class labels", path=files["train_labels"])
    num_classes = int(labels.max()) + 1
    if num_classes < 2:
        raise worded_error(DatasetError, "{path}: only one class: a classifier needs at least two",
                           path=files["train_labels"])
    return MnistData(
        name=name or _set_name(folder, files),
        train_images=arrays["train_images"],
        train_labels=arrays["train_labels"].astype(np.int64),
        test_images=arrays["test_images"],
        test_labels=arrays["test_labels"].astype(np.int64),
        class_names=_class_names_for(folder, files, num_classes),
        spec=spec_for(arrays["train_images"], should_stop),
        source=str(folder),
        split="the set's own test files",
    )


def verify_checksums(folder: Path) -> None:
    """Check the gzip files against SHA256SUMS, remembering a pass so later launches skip the hashing."""
    sums_file = folder / "SHA256SUMS"
    if not sums_file.is_file():
        raise worded_error(DatasetError, "{path}: checksum list is missing", path=sums_file)
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
            raise worded_error(DatasetError, "{path}: bundled file is missing", path=path)
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != digest:
            raise worded_error(
                DatasetError, "{path}: checksum mismatch (the file is damaged; reinstall cnnviz)",
                path=path)
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
    data = replace(load_mnist_folder(BUNDLED_MNIST_DIR, name="MNIST"), class_names=MNIST_CLASSES,
                   spec=MNIST_INPUT, source="")  # MNIST's published mean and std, as every MNIST model uses
    path = user_data_dir() / _UNPACKED
    tmp = path.with_suffix(".tmp.npz")
    with contextlib.suppress(OSError):  # an unwritable folder only costs the unpacking next time
        np.savez(tmp, stamp=_bundle_stamp(), train_images=data.train_images, train_labels=data.train_labels,
                 test_images=data.test_images, test_labels=data.test_labels)
        os.replace(tmp, path)
    return data


Dataset = MnistData  # the class holds every format, not only MNIST's
