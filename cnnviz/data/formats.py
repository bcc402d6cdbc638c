"""One entry point for every data-set format: ``open_data_folder`` tells them apart by their files.

Recognised, in this order: CIFAR-10/100 binary batches, MNIST-format IDX files (any size and class count,
plain, gzip, prefixed or in torchvision's layout), and image folders (one subfolder per class). The
pickle version of CIFAR is refused with a pointer to the binary one. Whatever the format, the set is read
once into the data cache (``cnnviz.data.cache``) and re-opened from there, memory-mapped, while its files
are unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cnnviz.data.cache import Allocate, cache_key, file_stamps, open_cached
from cnnviz.data.cifar import find_cifar_files, load_cifar_folder, refuse_pickled_cifar
from cnnviz.data.folders import MAX_SIDE, list_image_folder, load_image_folder, looks_like_image_folder
from cnnviz.data.idx import DatasetError
from cnnviz.data.mnist import MnistData, find_mnist_files, load_mnist_folder
from cnnviz.wording import worded_error

_MNIST_EXTRAS = ("classes.txt", "kmnist_classmap.csv")  # files that change an MNIST-format set's class names


def _mnist_files(folder: Path) -> list[Path] | None:
    try:
        files = find_mnist_files(folder)
    except DatasetError as exc:
        if "holds" in str(exc):  # several prefixed sets (EMNIST): the user must choose
            raise
        return None
    base = files["train_images"].parent
    extras = [p for d in {folder, base} for name in _MNIST_EXTRAS if (p := d / name).is_file()]
    return [*files.values(), *extras, *sorted(base.glob("*mapping.txt"))]


def detect_format(folder: str | Path) -> str:
    """ "CIFAR binary", "MNIST format" or "image folder"; ``DatasetError`` when it is none of them."""
    folder = Path(folder)
    if not folder.is_dir():
        raise worded_error(DatasetError, "{folder}: not a folder: choose the folder that holds the data set",
                           folder=folder)
    if find_cifar_files(folder) is not None:
        return "CIFAR binary"
    refuse_pickled_cifar(folder)
    if _mnist_files(folder) is not None:
        return "MNIST format"
    if looks_like_image_folder(folder):
        return "image folder"
    raise worded_error(
        DatasetError, "{folder}: no data set found: choose a folder of images with one subfolder per class, the "
        "four MNIST-format files (train-images-idx3-ubyte …), or the CIFAR binary batches (data_batch_1.bin …)",
        folder=folder)


def open_data_folder(path: str | Path, progress: Callable[[float], None] | None = None,
                     should_stop: Callable[[], bool] | None = None, *, size: tuple[int, int] | None = None,
                     max_side: int = MAX_SIDE, use_cache: bool = True) -> MnistData:
    """Open the data set in ``path`` (a file inside it works too), in any format, through the cache.

    ``size`` (height, width) sets an image folder's input size (default: its most common size, the longer
    side at most ``max_side``). ``progress(fraction)`` reports progress; ``should_stop`` cancels (raising
    ``cnnviz.jobs.JobCancelled``). Every problem raises ``DatasetError`` with one sentence naming the file.
    """
    folder = Path(path).expanduser()
    if folder.is_file():
        folder = folder.parent
    folder = folder.absolute()
    kind = detect_format(folder)

    def done(data: MnistData) -> MnistData:
        if progress is not None:
            progress(1.0)
        return data

    if kind == "CIFAR binary":
        cifar = find_cifar_files(folder)
        assert cifar is not None
        key = cache_key(kind, folder, file_stamps(cifar.all_files), {})
        return done(open_cached(key, lambda _: load_cifar_folder(folder, cifar, progress, should_stop), use_cache))
    if kind == "MNIST format":
        files = _mnist_files(folder) or []
        key = cache_key(kind, folder, file_stamps(files), {})
        return done(open_cached(key, lambda _: load_mnist_folder(folder, should_stop=should_stop), use_cache))
    listing = list_image_folder(folder)
    options = {"size": list(size) if size else None, "max_side": max_side,
               "skipped": [s.path for s in listing.skipped]}
    key = cache_key(kind, folder, listing.stamps, options)

    def load(allocate: Allocate) -> MnistData:
        return load_image_folder(folder, size, max_side=max_side, listing=listing, progress=progress,
                                 should_stop=should_stop, allocate=allocate)

    return done(open_cached(key, load, use_cache))
