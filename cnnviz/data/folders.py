"""Image folders as data sets: one subfolder per class, PNG/JPEG/BMP/WebP, grey or colour, any size.

A folder holds either ``train/`` and ``test/`` (each with the class subfolders) or the class subfolders
themselves, in which case a seeded, stratified fifth of each class becomes the test set (``data.split``
says which). Every image is made one input size (by default the most common size, its longer side capped
at ``MAX_SIDE``), grey when every image is grey and colour (3 channels) as soon as one is colour. RGBA and
palette images are composited on white, 16-bit ones scaled to 8 bits, JPEG orientation applied.

Reading is two passes: headers first (cheap: ``Image.open`` reads no pixels), which decides the size and
the colour and refuses huge images before decoding them; then the pixels, written straight into arrays the
caller provides (memory-mapped cache files), so a set larger than memory still opens. Unreadable, corrupt
and oversized files and symbolic-link loops are skipped, counted and listed in ``data.skipped``.
"""

from __future__ import annotations

import os
import re
import warnings
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from cnnviz.data.idx import DatasetError
from cnnviz.data.mnist import MnistData, SkippedFile
from cnnviz.data.stats import spec_for
from cnnviz.jobs import check
from cnnviz.wording import worded, worded_error

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".webp"})
MAX_SIDE = 64  # default cap on the input's longer side: 64×64×3 already gives an FC layer 12,288 inputs
MAX_PIXELS = 40_000_000  # a larger image is refused from its header (a 20,000×20,000 PNG would need 1.2 GB)
TEST_FRACTION = 0.2
SPLIT_SEED = 0
_COLOUR_MODES = frozenset({"RGB", "RGBA", "RGBX", "RGBa", "CMYK", "YCbCr", "LAB", "HSV", "P", "PA"})
# Decoding on 2 threads measured faster than 1 for 32×32 PNGs (benchmarks/data_loading.py): Pillow's
# decoders release the GIL while they inflate.
DECODE_THREADS = 2
_BATCH = 256  # images between cancel checks and progress reports

Progress = Callable[[float], None]
Allocate = Callable[[str, tuple[int, ...]], np.ndarray]  # (name, shape) -> a uint8 array to fill


@dataclass(frozen=True)
class FolderListing:
    """What is in an image folder, before any image is opened: the classes and every candidate file."""

    root: Path
    class_names: tuple[str, ...]
    files: tuple[tuple[str, int, bool | None], ...]  # (path, class, from test/ — None when to be split)
    skipped: tuple[SkippedFile, ...]  # symbolic-link loops and unreadable folders
    stamps: tuple[str, ...] = ()  # "path\0size\0mtime" of every file, taken while listing (the cache's key)

    @property
    def has_test_folder(self) -> bool:
        return bool(self.files) and self.files[0][2] is not None


def _subfolders(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError as exc:
        raise worded_error(DatasetError, "{path}: cannot be read ({reason})", path=folder,
                           reason=exc.strerror or exc) from None


def _walk_images(folder: Path, skipped: list[SkippedFile], stamps: list[str]) -> list[str]:
    """Image files under ``folder`` (sorted), following symbolic links but never round a loop.

    Each file's name, size and time go to ``stamps`` from the listing's own directory entries: a separate
    ``stat`` per file and ``os.path.relpath`` took most of re-opening 50,000 images from the cache (paths
    stay strings for the same reason: a ``Path`` per file cost as much again).
    """
    found: list[str] = []
    seen: set[str] = set()

    def visit(path: Path, ancestors: tuple[str, ...]) -> None:
        real = os.path.realpath(path)
        if real in ancestors:
            skipped.append(SkippedFile(str(path), "a symbolic link back to a folder above it (a loop): not followed"))
            return
        if real in seen:
            skipped.append(SkippedFile(str(path), f"the same folder as {real}, already read"))
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(SkippedFile(str(path), f"folder cannot be read ({exc.strerror or exc})"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()  # follows links; a broken link is neither a folder nor readable
            except OSError:
                is_dir = False
            if is_dir:
                visit(Path(entry.path), (*ancestors, real))
            elif os.path.splitext(entry.name)[1].lower() in IMAGE_SUFFIXES:
                found.append(entry.path)
                try:
                    stat = entry.stat()
                    stamps.append(f"{entry.path}\0{stat.st_size}\0{stat.st_mtime_ns}")
                except OSError:  # a broken link: skipped when read, and stays so while it is broken
                    stamps.append(f"{entry.path}\0unreadable")

    visit(folder, ())
    return found


def list_image_folder(folder: str | Path) -> FolderListing:
    """The classes and candidate files of an image folder; a folder that cannot be one raises ``DatasetError``."""
    root = Path(folder)
    subs = _subfolders(root)
    names = {p.name.lower(): p for p in subs}
    skipped: list[SkippedFile] = []
    stamps: list[str] = []
    files: list[tuple[str, int, bool | None]] = []
    if "train" in names and "test" in names:
        train_classes = _subfolders(names["train"])
        class_names = tuple(p.name for p in train_classes)
        index = {name: i for i, name in enumerate(class_names)}
        for part, is_test in ((names["train"], False), (names["test"], True)):
            for class_dir in _subfolders(part):
                if class_dir.name not in index:
                    raise worded_error(DatasetError, "{folder}: class {name!r} is in test/ but not in train/: "
                                       "give every test class a training folder too",
                                       folder=class_dir, name=class_dir.name)
                files += [(p, index[class_dir.name], is_test) for p in _walk_images(class_dir, skipped, stamps)]
        class_dirs = train_classes
    else:
        class_dirs = subs
        class_names = tuple(p.name for p in subs)
        for label, class_dir in enumerate(class_dirs):
            files += [(p, label, None) for p in _walk_images(class_dir, skipped, stamps)]
    if not class_dirs:
        raise worded_error(DatasetError, "{root}: no class folders found: an image folder holds one subfolder per "
                           "class (e.g. cats/ and dogs/), each with its images", root=root)
    if len(class_dirs) == 1:
        raise worded_error(DatasetError, "{root}: only one class ({name}): a classifier needs at least two "
                           "subfolders of images", root=root, name=class_names[0])
    return FolderListing(root, class_names, tuple(files), tuple(skipped), tuple(stamps))


def looks_like_image_folder(folder: Path) -> bool:
    """True when ``folder`` has a subfolder holding an image (checked without reading every file)."""
    for sub in _subfolders(folder):
        for dirpath, _, filenames in os.walk(sub):
            if any(Path(n).suffix.lower() in IMAGE_SUFFIXES for n in filenames):
                return True
            if dirpath.count(os.sep) - str(sub).count(os.sep) > 2:
                break
    return False


# -- pass 1: headers ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Header:
    size: tuple[int, int]  # (height, width), after JPEG orientation
    colour: bool


def _grey_palette(im: Image.Image) -> bool:
    palette = im.palette
    if palette is None or palette.mode != "RGB":
        return False
    raw = np.frombuffer(bytes(palette.palette), dtype=np.uint8)
    rgb = raw[: len(raw) // 3 * 3].reshape(-1, 3)
    return bool((rgb[:, 0] == rgb[:, 1]).all() and (rgb[:, 1] == rgb[:, 2]).all())


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_header(path: str) -> _Header | str | None:
    """A PNG's size and colour from its first 29 bytes; None when Pillow must look (not PNG, or a palette).

    Pillow's ``Image.open`` took 60 µs per 32×32 PNG, this 10 µs: a fifth of reading 50,000 small images.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(29)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if len(head) < 29 or not head.startswith(_PNG_SIGNATURE) or head[12:16] != b"IHDR":
        return None
    width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    colour_type = head[25]
    if colour_type not in (0, 2, 4, 6) or width == 0 or height == 0:
        return None  # a palette (grey or colour?) or a damaged header: Pillow decides
    if width * height > MAX_PIXELS:
        return _too_large(f"{width:,}×{height:,} = {width * height:,}")
    return _Header((height, width), colour_type in (2, 6))


def _read_header(path: str) -> _Header | str:
    """The image's size and colour without decoding its pixels, or why it cannot be used."""
    quick = _png_header(path)
    if quick is not None:
        return quick
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                width, height = im.size
                if width * height > MAX_PIXELS:
                    return _too_large(f"{width:,}×{height:,} = {width * height:,}")
                if im.format in ("JPEG", "MPO", "WEBP") and im.getexif().get(0x0112, 1) in (5, 6, 7, 8):
                    width, height = height, width  # rotated a quarter turn by its orientation tag
                colour = im.mode in _COLOUR_MODES and not (im.mode in ("P", "PA") and _grey_palette(im))
                return _Header((height, width), colour)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:  # Pillow's own header check
        found = re.search(r"\((\d+) pixels\)", str(exc))
        return _too_large(f"{int(found.group(1)):,}" if found else "too many")
    except (OSError, ValueError, SyntaxError) as exc:  # UnidentifiedImageError is an OSError
        return f"not a readable image ({str(exc) or type(exc).__name__})"[:200]


def _too_large(pixels: str) -> str:
    return f"{pixels} pixels is too large (over {MAX_PIXELS:,}): not decoded"


def choose_size(sizes: list[tuple[int, int]], max_side: int = MAX_SIDE) -> tuple[int, int]:
    """The most common (height, width), scaled down (keeping its shape) so its longer side is ≤ ``max_side``."""
    height, width = Counter(sizes).most_common(1)[0][0]
    scale = min(1.0, max_side / max(height, width))
    return max(1, round(height * scale)), max(1, round(width * scale))


# -- pass 2: pixels -----------------------------------------------------------------------------------------------


def _to_mode(im: Image.Image, colour: bool) -> Image.Image:
    """Any Pillow mode as "RGB" (colour) or "L" (grey): transparency on white, 16 and 32 bits scaled to 8."""
    if im.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        raw = np.asarray(im)
        scaled = raw / 257.0 if im.mode != "F" else raw * (255.0 if raw.max(initial=0) <= 1.0 else 1.0)
        im = Image.fromarray(np.clip(np.rint(scaled), 0, 255).astype(np.uint8), mode="L")
    if im.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        # Transparent parts become white: what a viewer shows behind a picture with a transparent background.
        im = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
    return im.convert("RGB" if colour else "L")


def decode_image(path: str | Path, size: tuple[int, int], colour: bool) -> np.ndarray:
    """One image as uint8 (H, W) or (H, W, 3) of ``size``; raises OSError/ValueError when it cannot be read."""
    with Image.open(path) as opened:
        im = ImageOps.exif_transpose(opened) or opened
        im = _to_mode(im, colour)
        height, width = size
        if im.size != (width, height):
            im = im.resize((width, height), Image.Resampling.BILINEAR)  # antialiased when shrinking
        return np.asarray(im, dtype=np.uint8)


def _split(labels: np.ndarray, num_classes: int, seed: int = SPLIT_SEED) -> np.ndarray:
    """A seeded, stratified test mask: ``TEST_FRACTION`` of each class (none of a class of one image)."""
    rng = np.random.default_rng(seed)
    test = np.zeros(len(labels), dtype=bool)
    for c in range(num_classes):
        members = np.flatnonzero(labels == c)
        n_test = min(len(members) - 1, max(1, round(len(members) * TEST_FRACTION))) if len(members) > 1 else 0
        test[rng.permutation(members)[:n_test]] = True
    return test


def _allocate_in_memory(name: str, shape: tuple[int, ...]) -> np.ndarray:
    return np.empty(shape, dtype=np.uint8)


def load_image_folder(folder: str | Path, size: tuple[int, int] | None = None, *, max_side: int = MAX_SIDE,
                      listing: FolderListing | None = None, progress: Progress | None = None,
                      should_stop: Callable[[], bool] | None = None,
                      allocate: Allocate = _allocate_in_memory, threads: int = DECODE_THREADS) -> MnistData:
    """Read an image folder into a data set (see the module's description); problems raise ``DatasetError``.

    ``size`` (height, width) overrides the chosen input size. ``allocate(name, shape)`` provides the arrays
    ("train_images", "test_images") the pixels are written into. ``progress(fraction)`` reports the share of
    files done; ``should_stop`` is asked every few hundred files (``JobCancelled`` when it says stop).
    ``threads`` decode at once.
    """
    stop = should_stop or (lambda: False)
    listing = listing or list_image_folder(folder)
    skipped = list(listing.skipped)
    total = max(1, len(listing.files))
    headers: list[tuple[str, int, bool | None, _Header]] = []
    for i, (path, label, is_test) in enumerate(listing.files):
        if i % _BATCH == 0:
            check(stop)
            if progress is not None:
                progress(0.2 * i / total)  # headers are about a fifth of the work (measured for 32×32 PNGs)
        header = _read_header(path)
        if isinstance(header, str):
            skipped.append(SkippedFile(path, header))
        else:
            headers.append((path, label, is_test, header))
    _check_every_class(listing, [h[1] for h in headers], skipped)
    colour = any(h[3].colour for h in headers)
    size = size or choose_size([h[3].size for h in headers], max_side)
    labels = np.array([h[1] for h in headers], dtype=np.int64)
    if listing.has_test_folder:
        test_mask = np.array([bool(h[2]) for h in headers])
        split = "the test/ folder"
    else:
        test_mask = _split(labels, len(listing.class_names))
        split = (f"{TEST_FRACTION:.0%} of each class, chosen at random with seed {SPLIT_SEED} "
                 "(no train/ and test/ folders)")
    if not test_mask.any() or test_mask.all():
        which = worded("test") if not test_mask.any() else worded("training")
        raise worded_error(DatasetError, "{root}: no readable {part} image: give every class at least two images "
                           "(one is set aside for testing), or both train/ and test/ folders with images",
                           root=listing.root, part=which)
    shape = (*size, 3) if colour else size
    arrays = {part: allocate(part, (int(n), *shape)) for part, n in
              (("train_images", (~test_mask).sum()), ("test_images", test_mask.sum()))}
    slots = np.where(test_mask, np.cumsum(test_mask) - 1, np.cumsum(~test_mask) - 1)
    ok = np.ones(len(headers), dtype=bool)

    def decode(i: int) -> None:
        target = arrays["test_images" if test_mask[i] else "train_images"]
        try:
            target[slots[i]] = decode_image(headers[i][0], size, colour)
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
            ok[i] = False
            skipped.append(SkippedFile(headers[i][0], f"corrupt image ({str(exc) or type(exc).__name__})"[:200]))

    def decode_range(first: int, last: int) -> None:
        for i in range(first, last):
            decode(i)

    threads = max(1, threads)
    with ThreadPoolExecutor(threads) as pool:
        for start in range(0, len(headers), _BATCH):
            check(stop)
            if progress is not None:
                progress(0.2 + 0.75 * start / max(1, len(headers)))
            # one contiguous slice per thread: a task per image cost more than a small PNG's decoding
            bounds = np.linspace(start, min(start + _BATCH, len(headers)), threads + 1).astype(int)
            list(pool.map(decode_range, bounds[:-1], bounds[1:]))
    if not ok.all():  # a header that read well over pixels that did not: take those images out
        _check_every_class(listing, labels[ok].tolist(), skipped)
        for part, mask in (("train_images", ~test_mask), ("test_images", test_mask)):
            keep = ok[mask]
            kept = allocate(part + "_kept", (int(keep.sum()), *shape))
            kept[:] = arrays[part][keep]
            arrays[part] = kept
        labels, test_mask = labels[ok], test_mask[ok]
    train_labels, test_labels = labels[~test_mask], labels[test_mask]
    if progress is not None:
        progress(0.95)
    return MnistData(
        name=listing.root.name, train_images=arrays["train_images"], train_labels=train_labels,
        test_images=arrays["test_images"], test_labels=test_labels, class_names=listing.class_names,
        spec=spec_for(arrays["train_images"], stop), source=str(listing.root), kind="image folder", split=split,
        skipped=tuple(sorted(skipped, key=lambda s: s.path)),
    )


def _check_every_class(listing: FolderListing, labels: list[int], skipped: list[SkippedFile]) -> None:
    """Every class folder must give at least one readable image: name the first that does not."""
    present = set(labels)
    for label, name in enumerate(listing.class_names):
        if label not in present:
            folder = listing.root / ("train" if listing.has_test_folder else "") / name
            bad = [s for s in skipped if s.path.startswith(str(folder) + os.sep)]
            why = (worded(" ({count} file(s) could not be read, e.g. {file}: {reason})", count=len(bad),
                          file=Path(bad[0].path).name, reason=bad[0].reason) if bad else "")
            raise worded_error(DatasetError, "{folder}: class {name!r} has no readable image{why}", folder=folder,
                               name=name, why=why)
