"""Small real data sets in every format, generated for the tests: coloured shapes of distinct classes.

Class k is one shape (disc, square, horizontal bar, vertical bar, cross, …) in its own colour, at a random
place and size on a dark, noisy background: easy to learn, so a few batches of training visibly help.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
from PIL import Image

SHAPES = ("disc", "square", "hbar", "vbar", "cross", "ring")
COLOURS = ((230, 40, 40), (40, 200, 60), (50, 90, 240), (240, 210, 30), (200, 60, 220), (40, 220, 220))


def shape_images(n: int, classes: int = 3, size: int = 32, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """uint8 colour images (n, size, size, 3) and labels (n,) cycling through ``classes`` classes."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:size, 0:size]
    images = rng.integers(0, 40, (n, size, size, 3)).astype(np.uint8)
    labels = np.arange(n) % classes
    for i, label in enumerate(labels):
        r = rng.uniform(0.2, 0.3) * size
        cy, cx = rng.uniform(r, size - r, 2)
        dy, dx = np.abs(yy - cy), np.abs(xx - cx)
        kind = SHAPES[label % len(SHAPES)]
        mask = {"disc": dy**2 + dx**2 <= r * r, "square": (dy <= r) & (dx <= r),
                "hbar": (dy <= r / 3) & (dx <= r * 1.2), "vbar": (dx <= r / 3) & (dy <= r * 1.2),
                "cross": ((dy <= r / 4) | (dx <= r / 4)) & (dy <= r) & (dx <= r),
                "ring": (dy**2 + dx**2 <= r * r) & (dy**2 + dx**2 >= (r / 2) ** 2)}[kind]
        images[i][mask] = COLOURS[label % len(COLOURS)]
    return images, labels.astype(np.int64)


def write_image_folder(root: Path, per_class: int = 30, classes: int = 3, size: int = 32, seed: int = 0,
                       layout: str = "flat") -> Path:
    """An image folder of PNGs (``layout`` "flat": class folders; "split": train/ and test/)."""
    images, labels = shape_images(per_class * classes, classes, size, seed)
    for i, (image, label) in enumerate(zip(images, labels, strict=True)):
        part = "" if layout == "flat" else ("test" if i % 5 == 0 else "train")
        folder = root / part / SHAPES[label]
        folder.mkdir(parents=True, exist_ok=True)
        Image.fromarray(image).save(folder / f"{i:04d}.png")
    return root


def cifar_bytes(images: np.ndarray, labels: np.ndarray, coarse: np.ndarray | None = None) -> bytes:
    """CIFAR binary records: [coarse label,] label, then the red, green and blue 32×32 planes."""
    planes = images.transpose(0, 3, 1, 2).reshape(len(images), -1)
    heads = [labels[:, None]] if coarse is None else [coarse[:, None], labels[:, None]]
    return np.concatenate([*heads, planes], axis=1).astype(np.uint8).tobytes()


def write_cifar10(root: Path, n_train: int = 200, n_test: int = 60, classes: int = 10, seed: int = 0) -> Path:
    """A CIFAR-10 binary set in ``root/cifar-10-batches-bin`` (two training batches, a test batch, names)."""
    folder = root / "cifar-10-batches-bin"
    folder.mkdir(parents=True, exist_ok=True)
    images, labels = shape_images(n_train + n_test, classes, 32, seed)
    half = n_train // 2
    (folder / "data_batch_1.bin").write_bytes(cifar_bytes(images[:half], labels[:half]))
    (folder / "data_batch_2.bin").write_bytes(cifar_bytes(images[half:n_train], labels[half:n_train]))
    (folder / "test_batch.bin").write_bytes(cifar_bytes(images[n_train:], labels[n_train:]))
    (folder / "batches.meta.txt").write_text("\n".join(f"class{c}" for c in range(classes)) + "\n\n")
    return root


def idx_bytes(array: np.ndarray) -> bytes:
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    return header + array.astype(np.uint8).tobytes()


def write_mnist_format(folder: Path, n_train: int = 300, n_test: int = 100, classes: int = 5, size: int = 32,
                       seed: int = 0, names: tuple[str, ...] | None = None) -> Path:
    """An MNIST-format set (gzip IDX) of grey shapes: ``size``×``size``, ``classes`` classes."""
    images, labels = shape_images(n_train + n_test, classes, size, seed)
    grey = images.mean(axis=3).astype(np.uint8)
    folder.mkdir(parents=True, exist_ok=True)
    parts = {"train-images-idx3-ubyte": grey[:n_train], "train-labels-idx1-ubyte": labels[:n_train],
             "t10k-images-idx3-ubyte": grey[n_train:], "t10k-labels-idx1-ubyte": labels[n_train:]}
    for name, array in parts.items():
        (folder / f"{name}.gz").write_bytes(gzip.compress(idx_bytes(array), compresslevel=1))
    if names:
        (folder / "classes.txt").write_text("\n".join(names))
    return folder
