"""Data: every data-set format (``open_data_folder``), the IDX reader, MNIST, normalisation and sampling."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cnnviz.data.idx import DatasetError, read_idx, read_idx_bytes
from cnnviz.data.mnist import (
    FASHION_CLASSES,
    MNIST_CLASSES,
    Dataset,
    MnistData,
    SkippedFile,
    TestDigit,
    load_bundled_mnist,
    load_mnist_folder,
    verify_checksums,
)
from cnnviz.data.sampling import stratified_subset, train_val_split

# transforms imports torch; it loads on first use, so that the app's window can open before torch is
# imported (``import torch`` is about 1.4 s of a 1.9 s start, measured).
if TYPE_CHECKING:
    from cnnviz.data.formats import open_data_folder
    from cnnviz.data.transforms import MNIST_MEAN, MNIST_STD, to_model_input, to_unit

__all__ = [
    "FASHION_CLASSES",
    "MNIST_CLASSES",
    "MNIST_MEAN",
    "MNIST_STD",
    "Dataset",
    "DatasetError",
    "MnistData",
    "SkippedFile",
    "TestDigit",
    "load_bundled_mnist",
    "load_mnist_folder",
    "open_data_folder",
    "read_idx",
    "read_idx_bytes",
    "stratified_subset",
    "to_model_input",
    "to_unit",
    "train_val_split",
    "verify_checksums",
]


def __getattr__(name: str) -> Any:
    if name in ("MNIST_MEAN", "MNIST_STD", "to_model_input", "to_unit"):
        from cnnviz.data import transforms

        return getattr(transforms, name)
    if name == "open_data_folder":  # Pillow and the format readers load on first use
        from cnnviz.data.formats import open_data_folder

        return open_data_folder
    raise AttributeError(f"module 'cnnviz.data' has no attribute {name!r}")
