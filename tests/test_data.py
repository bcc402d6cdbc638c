"""The data layer: the bundled MNIST matches its published facts; bad files are named and refused."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import numpy as np
import pytest

from cnnviz.data import (
    FASHION_CLASSES,
    DatasetError,
    load_mnist_folder,
    read_idx,
    stratified_subset,
    to_model_input,
    train_val_split,
    verify_checksums,
)
from cnnviz.data.transforms import MNIST_MEAN, MNIST_STD
from cnnviz.paths import BUNDLED_MNIST_DIR

TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def idx_bytes(array: np.ndarray) -> bytes:
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    return header + array.astype(np.uint8).tobytes()


def write_set(folder: Path, n_train: int = 20, n_test: int = 10, gz: bool = False, seed: int = 0) -> Path:
    """A tiny MNIST-format set with the real file names."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    parts = {
        "train-images-idx3-ubyte": rng.integers(0, 256, (n_train, 28, 28)),
        "train-labels-idx1-ubyte": np.arange(n_train) % 10,
        "t10k-images-idx3-ubyte": rng.integers(0, 256, (n_test, 28, 28)),
        "t10k-labels-idx1-ubyte": np.arange(n_test) % 10,
    }
    for name, arr in parts.items():
        raw = idx_bytes(np.asarray(arr))
        if gz:
            (folder / f"{name}.gz").write_bytes(gzip.compress(raw))
        else:
            (folder / name).write_bytes(raw)
    return folder


def test_bundled_mnist_matches_published_counts_and_first_labels(mnist) -> None:
    assert mnist.train_images.shape == (60_000, 28, 28)
    assert mnist.test_images.shape == (10_000, 28, 28)
    assert mnist.train_images.dtype == np.uint8
    assert np.bincount(mnist.train_labels).tolist() == TRAIN_COUNTS
    assert np.bincount(mnist.test_labels).tolist() == TEST_COUNTS
    assert mnist.train_labels[:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    assert mnist.test_labels[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]


def test_bundled_files_pass_checksums_and_a_damaged_copy_fails(tmp_path: Path) -> None:
    verify_checksums(BUNDLED_MNIST_DIR)
    copy = tmp_path / "mnist"
    shutil.copytree(BUNDLED_MNIST_DIR, copy)
    labels = copy / "t10k-labels-idx1-ubyte.gz"
    data = bytearray(labels.read_bytes())
    data[-10] ^= 0xFF
    labels.write_bytes(bytes(data))
    with pytest.raises(DatasetError, match="t10k-labels-idx1-ubyte.gz: checksum mismatch"):
        verify_checksums(copy)


@pytest.mark.parametrize("gz", [False, True])
def test_plain_layout_raw_and_gzip(tmp_path: Path, gz: bool) -> None:
    data = load_mnist_folder(write_set(tmp_path / "set", gz=gz))
    assert data.train_images.shape == (20, 28, 28)
    assert data.test_labels.tolist() == list(range(10))
    assert data.class_names == tuple(str(i) for i in range(10))


def test_torchvision_raw_layout_and_fashion_class_names(tmp_path: Path) -> None:
    write_set(tmp_path / "torch" / "MNIST" / "raw", gz=True)
    assert len(load_mnist_folder(tmp_path / "torch").train_labels) == 20
    write_set(tmp_path / "fashion-mnist" / "raw")
    assert load_mnist_folder(tmp_path / "fashion-mnist").class_names == FASHION_CLASSES


def test_custom_class_names_from_classes_txt(tmp_path: Path) -> None:
    folder = write_set(tmp_path / "letters")
    (folder / "classes.txt").write_text("\n".join(f"class {c}" for c in "ABCDEFGHIJ"))
    assert load_mnist_folder(folder).class_names[0] == "class A"


def test_missing_folder_and_count_mismatch_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="no MNIST-format data set found"):
        load_mnist_folder(tmp_path)
    folder = write_set(tmp_path / "bad")
    (folder / "t10k-labels-idx1-ubyte").write_bytes(idx_bytes(np.arange(9) % 10))
    with pytest.raises(DatasetError, match=r"t10k-labels-idx1-ubyte: 9 labels do not match the 10 images"):
        load_mnist_folder(folder)


def test_truncated_and_corrupt_files_raise_dataset_error(tmp_path: Path) -> None:
    good = idx_bytes(np.zeros((3, 28, 28)))
    truncated = tmp_path / "truncated-idx3-ubyte"
    truncated.write_bytes(good[:-5])
    with pytest.raises(DatasetError, match="truncated-idx3-ubyte: truncated"):
        read_idx(truncated)
    corrupt = tmp_path / "corrupt.gz"
    corrupt.write_bytes(gzip.compress(good)[:40])
    with pytest.raises(DatasetError, match="corrupt.gz: corrupt gzip stream"):
        read_idx(corrupt)
    magic = tmp_path / "magic"
    magic.write_bytes(b"\x12\x34" + good[2:])
    with pytest.raises(DatasetError, match="wrong magic number"):
        read_idx(magic)


def test_stratified_subset_is_seeded_and_keeps_class_proportions(mnist) -> None:
    a = stratified_subset(mnist.train_labels, 1000, seed=7)
    b = stratified_subset(mnist.train_labels, 1000, seed=7)
    c = stratified_subset(mnist.train_labels, 1000, seed=8)
    assert len(a) == 1000 and len(set(a.tolist())) == 1000
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    counts = np.bincount(mnist.train_labels[a], minlength=10)
    expected = np.array(TRAIN_COUNTS) / 60_000 * 1000
    assert np.all(np.abs(counts - expected) < 1.0)


def test_train_val_split_partitions_all_indices() -> None:
    train, val = train_val_split(1000, 0.2, seed=1)
    assert len(val) == 200 and len(train) == 800
    assert sorted(np.concatenate([train, val]).tolist()) == list(range(1000))


def test_one_normalisation_for_uint8_and_unit_floats() -> None:
    img = np.full((28, 28), 255, dtype=np.uint8)
    a = to_model_input(img)
    b = to_model_input(img.astype(np.float32) / 255)
    assert a.shape == (1, 1, 28, 28)
    assert np.allclose(a.numpy(), b.numpy())
    assert np.allclose(a.numpy(), (1 - MNIST_MEAN) / MNIST_STD)
