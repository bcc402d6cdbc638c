"""Every data-set format opens into one MnistData: image folders, CIFAR binary, MNIST-format of any shape.

Each set is generated here (tests/data_sets.py) and checked against an independent reading of what was
written: the pixels, the labels, the class names and the per-channel statistics.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from data_sets import (
    SHAPES,
    cifar_bytes,
    idx_bytes,
    shape_images,
    write_cifar10,
    write_image_folder,
    write_mnist_format,
)
from PIL import Image

from cnnviz.data import FASHION_CLASSES, DatasetError, load_mnist_folder, open_data_folder
from cnnviz.data.folders import choose_size


def _stats(images: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    pixels = images.reshape(-1, images.shape[-1] if images.ndim == 4 else 1) / 255.0
    return pixels.mean(axis=0), pixels.std(axis=0)


# -- image folders ---------------------------------------------------------------------------------------------


def test_image_folder_opens_colour_with_a_recorded_stratified_split_and_its_own_statistics(tmp_path: Path) -> None:
    write_image_folder(tmp_path / "shapes", per_class=20, classes=3)
    data = open_data_folder(tmp_path / "shapes")
    assert data.class_names == ("disc", "hbar", "square")  # the folder names, sorted
    assert data.kind == "image folder" and data.spec.channels == 3 and data.spec.size == (32, 32)
    assert data.train_images.shape[1:] == (32, 32, 3)
    # 20% of each class in the test set, and every file once
    assert np.bincount(data.test_labels).tolist() == [4, 4, 4]
    assert np.bincount(data.train_labels).tolist() == [16, 16, 16]
    assert "20% of each class" in data.split and "seed 0" in data.split
    mean, std = _stats(np.asarray(data.train_images))
    assert np.allclose(data.spec.mean, mean, atol=1e-3) and np.allclose(data.spec.std, std, atol=1e-3)
    # the pixels are the files' pixels: find each test image among the written files of its class
    written = {c: [np.asarray(Image.open(p)) for p in sorted((tmp_path / "shapes" / c).iterdir())]
               for c in data.class_names}
    for image, label in zip(data.test_images, data.test_labels, strict=True):
        assert any(np.array_equal(image, w) for w in written[data.class_names[label]])
    # the same split on every opening (seeded), read from the cache the second time
    again = open_data_folder(tmp_path / "shapes")
    assert np.array_equal(np.asarray(again.test_images), np.asarray(data.test_images))


def test_train_and_test_subfolders_are_used_as_given(tmp_path: Path) -> None:
    root = write_image_folder(tmp_path / "split", per_class=10, classes=3, layout="split")
    data = open_data_folder(root)
    count = {part: sum(len(list((root / part / c).iterdir())) for c in SHAPES[:3]) for part in ("train", "test")}
    assert (len(data.train_labels), len(data.test_labels)) == (count["train"], count["test"])
    assert data.split == "the test/ folder"


def _save(image: np.ndarray, path: Path, mode: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(image, mode=mode).save(path)


def test_mixed_modes_and_sizes_become_one_colour_size(tmp_path: Path) -> None:
    """Grey, RGB, RGBA, palette, 16-bit and JPEG in one set: colour because one is, the most common size."""
    root = tmp_path / "mixed"
    images, _ = shape_images(12, 1, 32)
    for i, image in enumerate(images):
        _save(image.mean(axis=2).astype(np.uint8), root / "a" / f"grey{i}.png")  # grey 32×32
    _save(images[0], root / "b" / "rgb.png")
    rgba = np.dstack([images[1], np.full((32, 32), 255, np.uint8)])
    rgba[:4, :, 3] = 0  # a transparent strip: composited on white
    _save(rgba, root / "b" / "rgba.png")
    Image.fromarray(images[2]).convert("P", palette=Image.Palette.ADAPTIVE).save(root / "b" / "palette.png")
    Image.fromarray((images[3].mean(axis=2) * 257).astype(np.uint16)).save(root / "b" / "sixteen.png")
    Image.fromarray(images[4]).resize((48, 40)).save(root / "b" / "big.jpg", quality=95)
    data = open_data_folder(root)
    assert data.spec.channels == 3 and data.spec.size == (32, 32) and not data.skipped
    everything = np.concatenate([data.train_images, data.test_images])
    labels = np.concatenate([data.train_labels, data.test_labels])
    assert everything.shape == (17, 32, 32, 3) and np.bincount(labels).tolist() == [12, 5]
    # a grey image is the same value in all three channels; the RGBA one's transparent strip is white
    grey = everything[labels == 0]
    assert (grey[..., 0] == grey[..., 1]).all() and (grey[..., 1] == grey[..., 2]).all()
    assert any((image[:4] == 255).all() for image in everything[labels == 1])


def test_size_is_the_most_common_capped_and_changeable(tmp_path: Path) -> None:
    assert choose_size([(28, 28), (32, 32), (32, 32)]) == (32, 32)
    assert choose_size([(480, 640)] * 3 + [(28, 28)]) == (48, 64)  # longer side capped at 64, shape kept
    write_image_folder(tmp_path / "s", per_class=6, classes=2, size=40)
    assert open_data_folder(tmp_path / "s").spec.size == (40, 40)
    small = open_data_folder(tmp_path / "s", size=(16, 24))
    assert small.spec.size == (16, 24) and small.train_images.shape[1:] == (16, 24, 3)


def _png_claiming(width: int, height: int) -> bytes:
    """A 1×1 PNG whose header claims ``width``×``height``: decoding it would fail, so a refusal that names
    the size proves the header alone was read."""
    out = io.BytesIO()
    Image.new("L", (1, 1)).save(out, format="PNG")
    raw = bytearray(out.getvalue())
    ihdr = 8 + 8  # signature, then the IHDR chunk's length and type
    raw[ihdr : ihdr + 8] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(raw[12 : ihdr + 13]))
    raw[ihdr + 13 : ihdr + 17] = struct.pack(">I", crc)
    return bytes(raw)


def test_corrupt_huge_and_looping_files_are_skipped_counted_and_listed(tmp_path: Path) -> None:
    root = write_image_folder(tmp_path / "bad", per_class=8, classes=2)
    (root / "disc" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(64))
    (root / "disc" / "huge.png").write_bytes(_png_claiming(20_000, 20_000))
    (root / "square" / "loop").symlink_to(root / "square")  # a folder that contains itself
    data = open_data_folder(root)
    reasons = {Path(s.path).name: s.reason for s in data.skipped}
    assert set(reasons) == {"broken.png", "huge.png", "loop"}
    assert "not a readable image" in reasons["broken.png"]
    assert "400,000,000 pixels is too large" in reasons["huge.png"] and "not decoded" in reasons["huge.png"]
    assert "loop" in reasons["loop"]
    assert len(data.train_labels) + len(data.test_labels) == 16  # only the good ones


@pytest.mark.parametrize("case", ["empty", "one class", "unreadable class", "not a data set", "nothing to test"])
def test_bad_folders_are_refused_in_one_sentence_naming_the_folder(tmp_path: Path, case: str) -> None:
    root = tmp_path / "set"
    root.mkdir()
    expected = {"empty": "no data set found", "one class": "only one class (cats)",
                "unreadable class": "class 'dogs' has no readable image", "not a data set": "no data set found",
                "nothing to test": "no readable test image"}[case]
    named = root
    if case == "one class":
        write_image_folder(tmp_path / "tmp", per_class=2, classes=1)
        (tmp_path / "tmp" / "disc").rename(root / "cats")
    elif case == "unreadable class":
        write_image_folder(tmp_path / "tmp", per_class=2, classes=1)
        (tmp_path / "tmp" / "disc").rename(root / "cats")
        (root / "dogs").mkdir()
        (root / "dogs" / "a.jpg").write_bytes(b"not a jpeg")
        named = root / "dogs"
    elif case == "nothing to test":  # one image per class: none can be set aside
        write_image_folder(root, per_class=1, classes=3)
    elif case == "not a data set":
        (root / "notes.txt").write_text("hello")
    with pytest.raises(DatasetError) as info:
        open_data_folder(root)
    message = str(info.value)
    assert expected in message and str(named) in message and "\n" not in message
    if case == "unreadable class":
        assert "a.jpg" in message


# -- CIFAR binary --------------------------------------------------------------------------------------------------


def test_cifar10_binary_reads_planar_records_and_names(tmp_path: Path) -> None:
    write_cifar10(tmp_path / "c", n_train=40, n_test=20)
    images, labels = shape_images(60, 10, 32)
    data = open_data_folder(tmp_path / "c")
    assert data.name == "CIFAR-10" and data.kind == "CIFAR binary"
    assert data.class_names == tuple(f"class{c}" for c in range(10))
    assert np.array_equal(data.train_images, images[:40]) and np.array_equal(data.test_labels, labels[40:])
    assert data.spec.channels == 3 and data.spec.size == (32, 32)


def test_cifar100_uses_the_fine_labels(tmp_path: Path) -> None:
    folder = tmp_path / "cifar-100-binary"
    folder.mkdir()
    images, fine = shape_images(30, 6, 32)
    coarse = fine // 3
    (folder / "train.bin").write_bytes(cifar_bytes(images[:20], fine[:20], coarse[:20]))
    (folder / "test.bin").write_bytes(cifar_bytes(images[20:], fine[20:], coarse[20:]))
    (folder / "fine_label_names.txt").write_text("\n".join(SHAPES))
    data = open_data_folder(tmp_path)
    assert data.name == "CIFAR-100" and data.class_names == SHAPES
    assert np.array_equal(data.train_labels, fine[:20]) and np.array_equal(data.test_images, images[20:])


def test_cifar_file_of_the_wrong_length_and_the_pickle_version_are_refused(tmp_path: Path) -> None:
    root = write_cifar10(tmp_path / "cut", n_train=20, n_test=10)
    batch = root / "cifar-10-batches-bin" / "data_batch_2.bin"
    batch.write_bytes(batch.read_bytes()[:-100])
    with pytest.raises(DatasetError, match=r"data_batch_2.bin: .* not a whole number of 3,073-byte"):
        open_data_folder(root)
    pickled = tmp_path / "py" / "cifar-10-batches-py"
    pickled.mkdir(parents=True)
    (pickled / "data_batch_1").write_bytes(b"\x80\x04")
    with pytest.raises(DatasetError, match="Python-pickle version of CIFAR.*binary version"):
        open_data_folder(tmp_path / "py")


# -- MNIST format of any size and class count -------------------------------------------------------------------


def test_mnist_format_of_32px_and_5_classes_has_5_classes(tmp_path: Path) -> None:
    """Was: the class count was padded to 10 (``max(num_classes, 10)``), so a 5-class set claimed 10."""
    data = open_data_folder(write_mnist_format(tmp_path / "five", classes=5, size=32))
    assert data.class_names == ("0", "1", "2", "3", "4") and data.num_classes == 5
    assert data.train_images.shape[1:] == (32, 32) and data.spec.size == (32, 32) and data.spec.channels == 1
    mean, std = _stats(np.asarray(data.train_images))
    assert np.allclose(data.spec.mean, mean, atol=1e-3) and np.allclose(data.spec.std, std, atol=1e-3)


def test_fashion_mnist_in_torchvision_layout_opened_at_its_root_gets_fashion_names(tmp_path: Path) -> None:
    """Was: the names came from the opened folder's path, so ``data/`` holding ``FashionMNIST/raw`` got digits."""
    write_mnist_format(tmp_path / "data" / "FashionMNIST" / "raw", classes=10, size=28)
    data = load_mnist_folder(tmp_path / "data")
    assert data.class_names == FASHION_CLASSES and data.name == "Fashion-MNIST"


def test_emnist_prefixed_files_are_found_turned_upright_and_named(tmp_path: Path) -> None:
    folder = tmp_path / "emnist"
    folder.mkdir()
    images, labels = shape_images(40, 4, 28)
    grey = images.mean(axis=3).astype(np.uint8)
    stored = grey.transpose(0, 2, 1)  # EMNIST stores images transposed
    for part, array in (("train-images-idx3-ubyte", stored[:30]), ("train-labels-idx1-ubyte", labels[:30]),
                        ("test-images-idx3-ubyte", stored[30:]), ("test-labels-idx1-ubyte", labels[30:])):
        (folder / f"emnist-letters-{part}").write_bytes(idx_bytes(array))
    (folder / "emnist-letters-mapping.txt").write_text("0 65\n1 66\n2 67\n3 68\n")
    # EMNIST names its test files "test-", not "t10k-"
    data = open_data_folder(folder)
    assert data.class_names == ("A", "B", "C", "D")
    assert np.array_equal(data.train_images, grey[:30])


def test_several_prefixed_sets_in_one_folder_ask_the_user_to_choose(tmp_path: Path) -> None:
    folder = tmp_path / "gzip"
    for prefix in ("emnist-letters-", "emnist-digits-"):
        src = write_mnist_format(tmp_path / prefix, classes=3, size=28)
        folder.mkdir(exist_ok=True)
        for f in src.iterdir():
            f.rename(folder / (prefix + f.name))
    with pytest.raises(DatasetError, match=r"holds 2 MNIST-format sets \(emnist-digits, emnist-letters\)"):
        open_data_folder(folder)
