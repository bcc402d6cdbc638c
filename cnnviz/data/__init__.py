"""Data: the IDX reader, MNIST-format sets, normalisation and sampling."""

from cnnviz.data.idx import DatasetError, read_idx, read_idx_bytes
from cnnviz.data.mnist import (
    FASHION_CLASSES,
    MNIST_CLASSES,
    MnistData,
    TestDigit,
    load_bundled_mnist,
    load_mnist_folder,
    verify_checksums,
)
from cnnviz.data.sampling import stratified_subset, train_val_split
from cnnviz.data.transforms import MNIST_MEAN, MNIST_STD, to_model_input, to_unit

__all__ = [
    "FASHION_CLASSES",
    "MNIST_CLASSES",
    "MNIST_MEAN",
    "MNIST_STD",
    "DatasetError",
    "MnistData",
    "TestDigit",
    "load_bundled_mnist",
    "load_mnist_folder",
    "read_idx",
    "read_idx_bytes",
    "stratified_subset",
    "to_model_input",
    "to_unit",
    "train_val_split",
    "verify_checksums",
]
