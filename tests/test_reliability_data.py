"""Broken data files: every kind of damage is a DatasetError that names the file, never a crash or a bad array."""

from __future__ import annotations

import gzip
import struct
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnnviz.data import DatasetError, load_mnist_folder, read_idx, read_idx_bytes

IMAGE_NAMES = {"train": "train-images-idx3-ubyte", "test": "t10k-images-idx3-ubyte"}
LABEL_NAMES = {"train": "train-labels-idx1-ubyte", "test": "t10k-labels-idx1-ubyte"}


def idx_bytes(array: np.ndarray) -> bytes:
    """Encode a uint8 array as IDX, the way the MNIST files are written."""
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(struct.pack(">I", d) for d in array.shape)
    return header + array.astype(np.uint8).tobytes()


def write_mnist_folder(folder: Path, n_train: int = 20, n_test: int = 10, compress: bool = False) -> Path:
    """A tiny but valid MNIST-format folder of the four files."""
    rng = np.random.default_rng(0)
    folder.mkdir(parents=True, exist_ok=True)
    for split, n in (("train", n_train), ("test", n_test)):
        for name, array in ((IMAGE_NAMES[split], rng.integers(0, 256, (n, 28, 28))),
                            (LABEL_NAMES[split], rng.integers(0, 10, n))):
            raw = idx_bytes(np.asarray(array, dtype=np.uint8))
            if compress:
                (folder / (name + ".gz")).write_bytes(gzip.compress(raw))
            else:
                (folder / name).write_bytes(raw)
    return folder


VALID = idx_bytes(np.arange(2 * 28 * 28, dtype=np.uint8).reshape(2, 28, 28) % 251)

# Each kind of damage a user's download can have, as a function of the valid bytes.
DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "zero-length": lambda raw: b"",
    "truncated-header": lambda raw: raw[:6],
    "truncated-data": lambda raw: raw[: len(raw) // 2],
    "one-byte-short": lambda raw: raw[:-1],
    "trailing-garbage": lambda raw: raw + b"\x00\x01",
    "wrong-magic": lambda raw: b"\x12\x34" + raw[2:],
    "unknown-type": lambda raw: raw[:2] + b"\x07" + raw[3:],
    "zero-dimensions": lambda raw: raw[:3] + b"\x00" + raw[4:],
    "absurd-size": lambda raw: raw[:4] + struct.pack(">III", 2**20, 2**20, 2**20) + raw[16:],
    "text-file": lambda raw: b"<html>404 Not Found</html>\n",
}


@pytest.mark.parametrize("compress", [False, True], ids=["raw", "gzip"])
@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_idx_file_raises_dataset_error_naming_it(tmp_path: Path, damage: str, compress: bool) -> None:
    raw = DAMAGE[damage](VALID)
    path = tmp_path / f"{damage}-idx3-ubyte{'.gz' if compress else ''}"
    path.write_bytes(gzip.compress(raw) if compress else raw)
    with pytest.raises(DatasetError) as info:
        read_idx(path)
    assert str(path) in str(info.value)


def test_valid_idx_file_reads_back_exactly(tmp_path: Path) -> None:
    array = np.arange(3 * 5 * 7, dtype=np.uint8).reshape(3, 5, 7)
    (tmp_path / "plain").write_bytes(idx_bytes(array))
    (tmp_path / "packed.gz").write_bytes(gzip.compress(idx_bytes(array)))
    np.testing.assert_array_equal(read_idx(tmp_path / "plain"), array)
    np.testing.assert_array_equal(read_idx(tmp_path / "packed.gz"), array)


@pytest.mark.parametrize("corruption", ["truncated-stream", "flipped-bytes", "header-only"])
def test_corrupt_gzip_stream_raises_dataset_error(tmp_path: Path, corruption: str) -> None:
    packed = bytearray(gzip.compress(VALID))
    if corruption == "truncated-stream":
        packed = packed[: len(packed) // 2]
    elif corruption == "flipped-bytes":
        for i in range(12, len(packed) - 8, 7):
            packed[i] ^= 0xFF
    else:
        packed = packed[:10]
    path = tmp_path / "train-images-idx3-ubyte.gz"
    path.write_bytes(bytes(packed))
    with pytest.raises(DatasetError) as info:
        read_idx(path)
    assert str(path) in str(info.value)


def test_missing_file_and_folder_raise_dataset_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="not found"):
        read_idx(tmp_path / "nope-idx1-ubyte")
    with pytest.raises(DatasetError) as info:
        load_mnist_folder(tmp_path / "empty")
    assert "empty" in str(info.value)


@pytest.mark.parametrize("compress", [False, True], ids=["raw", "gzip"])
def test_label_count_mismatch_names_the_labels_file(tmp_path: Path, compress: bool) -> None:
    folder = write_mnist_folder(tmp_path / "data", compress=compress)
    labels = idx_bytes(np.zeros(19, dtype=np.uint8))  # 19 labels for 20 images
    suffix = ".gz" if compress else ""
    target = folder / (LABEL_NAMES["train"] + suffix)
    target.write_bytes(gzip.compress(labels) if compress else labels)
    with pytest.raises(DatasetError) as info:
        load_mnist_folder(folder)
    assert str(target) in str(info.value)
    assert "19" in str(info.value) and "20" in str(info.value)


@pytest.mark.parametrize(
    ("part", "array"),
    [
        ("train-images", np.zeros((20, 28 * 28), dtype=np.uint8)),  # images flattened: 2-D, not 3-D
        ("train-labels", np.zeros((20, 1), dtype=np.uint8)),  # labels with an extra dimension
        ("t10k-images", np.zeros((10, 32, 32), dtype=np.uint8)),  # test images a different size
    ],
    ids=["images-2d", "labels-2d", "test-size-differs"],
)
def test_wrong_dimensions_name_the_file(tmp_path: Path, part: str, array: np.ndarray) -> None:
    folder = write_mnist_folder(tmp_path / "data")
    target = next(folder.glob(f"{part}-*"))
    target.write_bytes(idx_bytes(array))
    with pytest.raises(DatasetError) as info:
        load_mnist_folder(folder)
    assert str(target) in str(info.value)


def test_each_damaged_file_in_a_folder_is_named(tmp_path: Path) -> None:
    """Whichever of the four files is broken, the message points the user at that one."""
    for i, name in enumerate([*IMAGE_NAMES.values(), *LABEL_NAMES.values()]):
        folder = write_mnist_folder(tmp_path / f"data{i}", compress=True)
        target = folder / (name + ".gz")
        target.write_bytes(target.read_bytes()[:-12])  # cut off the gzip trailer and some data
        with pytest.raises(DatasetError) as info:
            load_mnist_folder(folder)
        assert str(target) in str(info.value)


def test_valid_folder_loads(tmp_path: Path) -> None:
    data = load_mnist_folder(write_mnist_folder(tmp_path / "data", compress=True))
    assert data.train_images.shape == (20, 28, 28) and data.test_images.shape == (10, 28, 28)
    assert data.train_labels.dtype == np.int64 and data.num_classes == 10


def _header(type_code: int, dims: list[int]) -> bytes:
    return bytes([0, 0, type_code, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims)


# Inputs that are mostly plausible IDX headers (so the fuzzing reaches the size checks), plus pure noise.
idx_like = st.one_of(
    st.binary(max_size=64),
    st.builds(
        lambda code, dims, body: _header(code, dims) + body,
        st.sampled_from([0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x01, 0xFF]),
        st.lists(st.integers(0, 2**32 - 1) | st.integers(0, 6), min_size=0, max_size=4),
        st.binary(max_size=256),
    ),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=idx_like)
def test_fuzzed_idx_bytes_give_a_valid_array_or_dataset_error(raw: bytes) -> None:
    try:
        array = read_idx_bytes(raw, source="fuzz")
    except DatasetError as exc:
        assert str(exc).startswith("fuzz:")
        return
    ndim = raw[3]
    dims = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    assert array.shape == dims
    assert 4 + 4 * ndim + array.nbytes == len(raw)
    assert array.dtype.isnative


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=200), compress=st.booleans())
def test_fuzzed_files_on_disk_never_escape_dataset_error(tmp_path_factory: pytest.TempPathFactory,
                                                         raw: bytes, compress: bool) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "file-idx3-ubyte"
    path.write_bytes(gzip.compress(raw) if compress else raw)
    try:
        array = read_idx(path)
    except DatasetError as exc:
        assert str(path) in str(exc)
    else:
        assert isinstance(array, np.ndarray) and array.size * array.itemsize + 4 + 4 * array.ndim == len(raw)


# -- in the app: File → Open data folder… ------------------------------------------------------------------------


def _dialog_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    from PyQt6.QtWidgets import QMessageBox

    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_app_names_the_bad_file_and_keeps_the_bundled_data(window_factory, mnist, qtbot,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    folder = write_mnist_folder(tmp_path / "broken", compress=True)
    bad = folder / (IMAGE_NAMES["train"] + ".gz")
    bad.write_bytes(bad.read_bytes()[:-40])
    window = window_factory()
    window.show()
    window.open_data_folder(folder)
    qtbot.waitUntil(lambda: any(str(bad) in text for text in _dialog_texts(window)), timeout=10_000)
    assert window.state.data is mnist  # the bundled data is still the one in use, untouched
    assert window.state.data.train_images.shape == (60_000, 28, 28)
    assert "Still using MNIST" in _dialog_texts(window)[0]
    # The app keeps working: a good folder opens afterwards (once the failed job's thread has ended).
    qtbot.waitUntil(lambda: not window.data.loading, timeout=5000)
    assert window.open_data_folder(write_mnist_folder(tmp_path / "good"))
    qtbot.waitUntil(lambda: window.state.data is not mnist, timeout=10_000)
    assert window.state.data.name == "good" and len(window.state.data.train_labels) == 20
    assert window.open_data_action.text() == "Open &data folder…"


def test_app_refuses_a_folder_without_mnist_files(window_factory, mnist, qtbot,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    (tmp_path / "holiday-photos").mkdir()
    window = window_factory()
    window.show()
    window.open_data_folder(tmp_path / "holiday-photos")
    qtbot.waitUntil(lambda: any("holiday-photos" in text for text in _dialog_texts(window)), timeout=10_000)
    assert window.state.data is mnist
