"""A data set is read once into memory-mapped cache files; a changed folder is read again; a cancel leaves nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from data_sets import write_image_folder, write_mnist_format
from PIL import Image

from cnnviz.data import open_data_folder
from cnnviz.data.cache import cache_root
from cnnviz.jobs import JobCancelled


@pytest.fixture(autouse=True)
def _own_user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CNNVIZ_DATA_DIR", str(tmp_path / "user"))


def _entries() -> list[Path]:
    return sorted(cache_root().iterdir()) if cache_root().exists() else []


def test_reopening_maps_the_cached_arrays_and_a_changed_folder_is_read_again(tmp_path: Path) -> None:
    folder = write_image_folder(tmp_path / "shapes", per_class=10, classes=2)
    first = open_data_folder(folder)
    again = open_data_folder(folder)
    assert isinstance(again.train_images, np.memmap) and Path(again.train_images.filename).parent in _entries()
    assert np.array_equal(first.train_images, again.train_images) and first.spec == again.spec
    # a new image: another key, read again, and the stale entry of the same folder removed
    Image.fromarray(np.full((32, 32, 3), 200, np.uint8)).save(folder / "disc" / "new.png")
    changed = open_data_folder(folder)
    assert len(changed.train_labels) + len(changed.test_labels) == 21
    assert len(_entries()) == 1
    # a file rewritten with the same name and size but a new time is read again too
    target = folder / "square" / sorted(os.listdir(folder / "square"))[0]
    red = np.zeros((32, 32, 3), np.uint8)
    red[..., 0] = 255
    Image.fromarray(red).save(target)
    os.utime(target, ns=(10**18, 10**18))
    reread = open_data_folder(folder)
    everything = np.concatenate([reread.train_images, reread.test_images])
    assert any((image == red).all() for image in everything)


def test_copies_of_one_set_keep_their_own_names(tmp_path: Path) -> None:
    """Was: the key was names, sizes and times only, so a copy (copytree keeps the times) got the original's
    cached entry, name included, and ``cnnviz eval --data`` said the copy held the other set."""
    original = write_mnist_format(tmp_path / "digits", classes=3)
    copy = tmp_path / "fashion"
    shutil.copytree(original, copy)
    assert open_data_folder(original).name == "digits"
    assert open_data_folder(copy).name == "fashion" and open_data_folder(copy).source == str(copy)


def test_a_cancelled_read_leaves_no_entry_and_a_damaged_entry_is_read_again(tmp_path: Path) -> None:
    folder = write_image_folder(tmp_path / "shapes", per_class=300, classes=2)
    asked = []

    def stop_on_third_check() -> bool:
        asked.append(1)
        return len(asked) >= 3

    with pytest.raises(JobCancelled):
        open_data_folder(folder, should_stop=stop_on_third_check)
    assert _entries() == []  # not even a temporary folder
    labels = np.array(open_data_folder(folder).test_labels)
    (entry,) = _entries()
    (entry / "test_labels.npy").write_bytes(b"damaged")
    assert np.array_equal(open_data_folder(folder).test_labels, labels)


def test_progress_rises_to_one(tmp_path: Path) -> None:
    folder = write_image_folder(tmp_path / "shapes", per_class=300, classes=2)
    seen: list[float] = []
    open_data_folder(folder, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 3


def test_loading_benchmark_runs() -> None:
    """benchmarks/data_loading.py at its quick size: every figure measured (the timing itself is not judged)."""
    from benchmarks import data_loading

    figures = data_loading.run(quick=True)
    assert len(figures) >= 3 and all(f.value > 0 for f in figures)
