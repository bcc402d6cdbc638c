"""Opening an image folder: 50,000 PNGs of 32×32 read and cached, then re-opened from the cache.

The PNGs (colour shapes of 10 classes, tests/data_sets.py's drawing) are generated in a temporary folder
first (not timed), with a temporary user-data folder for the cache. Timed: ``open_data_folder`` the first
time (list, read every header, decode every image into the memory-mapped cache, per-channel statistics)
and again (the cache: file names, sizes and times checked, arrays memory-mapped). Decoding on 1 and on
``DECODE_THREADS`` threads is timed apart (in memory, no cache) to show whether the thread pool pays.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

from benchmarks.common import Figure, at_most, load_average, median
from cnnviz.data import open_data_folder
from cnnviz.data.folders import DECODE_THREADS, load_image_folder

FIRST_TARGET_S = 30.0
REOPEN_TARGET_S = 1.0


def write_pngs(root: Path, count: int, classes: int = 10, size: int = 32) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from data_sets import shape_images  # the tests' generator: one drawing of the shapes

    for start in range(0, count, 5000):
        images, labels = shape_images(min(5000, count - start), classes, size, seed=start)
        for i, (image, label) in enumerate(zip(images, labels, strict=True)):
            folder = root / f"class{label}"
            folder.mkdir(parents=True, exist_ok=True)
            Image.fromarray(image).save(folder / f"{start + i:05d}.png", compress_level=6)


def run(quick: bool = False) -> list[Figure]:
    count = 500 if quick else 50_000
    detail = f"{count:,} PNGs 32×32 colour, 10 classes; load {load_average()}"
    saved = os.environ.get("CNNVIZ_DATA_DIR")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CNNVIZ_DATA_DIR"] = str(Path(tmp) / "user")
        try:
            root = Path(tmp) / "pngs"
            write_pngs(root, count)
            start = time.perf_counter()
            data = open_data_folder(root)
            first = time.perf_counter() - start
            assert len(data.train_labels) + len(data.test_labels) == count
            reopen = []
            for _ in range(3):
                start = time.perf_counter()
                again = open_data_folder(root)
                reopen.append(time.perf_counter() - start)
                assert isinstance(again.train_images, np.memmap)
            decode = {}
            for threads in sorted({1, DECODE_THREADS}):
                start = time.perf_counter()
                load_image_folder(root, threads=threads)
                decode[threads] = time.perf_counter() - start
        finally:
            if saved is None:
                os.environ.pop("CNNVIZ_DATA_DIR", None)
            else:
                os.environ["CNNVIZ_DATA_DIR"] = saved
    figures = [
        at_most("data_loading", "image folder: first open (read + cache)", first, "s", FIRST_TARGET_S, detail),
        at_most("data_loading", "image folder: re-open from the cache (median of 3)", median(reopen), "s",
                REOPEN_TARGET_S, detail),
    ]
    figures += [Figure("data_loading", f"image folder read in memory, {n} decode thread(s)", s, "s", detail=detail)
                for n, s in decode.items()]
    return figures
