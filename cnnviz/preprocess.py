"""Turn a drawing or a photo of a digit into a 28×28 input made the way MNIST digits were made.

MNIST digits were size-normalised to fit a 20×20 box (keeping their aspect ratio), anti-aliased,
and centred by centre of mass in a 28×28 field; doing the same to a drawing is what lets a
hand-drawn digit be classified as well as a test digit.

That size normalisation is for digits, not specks: a mark whose long side is below ``MIN_EXTENT`` of
the field is not scaled up (it is scaled as if it were ``MIN_EXTENT`` long), and ``is_digit_sized``
tells the UI to say "keep drawing" until the mark is digit-sized.
"""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F

INK_THRESHOLD = 0.05  # below this a pixel counts as background
BOX = 20
SIZE = 28
# Smallest long side, as a fraction of the field's long side, of a mark worth scaling up to the 20-pixel box.
# Measured: all 70,000 bundled MNIST digits have a long side of 19–20 of 28 pixels (0.68–0.71 of the field),
# so 0.3 accepts digits drawn well under half MNIST's size; a single dab of the canvas brush is at most
# 72 of 280 raster pixels (largest brush 48 × tablet pressure 1.5 = 0.26), so a first dab never passes.
MIN_EXTENT = 0.3


def _grey(gray: np.ndarray) -> np.ndarray:
    img = np.asarray(gray, dtype=np.float32)
    if img.ndim != 2:
        raise ValueError(f"expected a 2-D grey image, got shape {img.shape}")
    return np.nan_to_num(np.clip(img, 0.0, 1.0))


def _ink_box(img: np.ndarray, threshold: float) -> tuple[int, int, int, int] | None:
    """(top, left, bottom, right), exclusive ends, of the pixels brighter than ``threshold``; None if none."""
    rows = np.flatnonzero((img > threshold).any(axis=1))
    cols = np.flatnonzero((img > threshold).any(axis=0))
    if rows.size == 0:
        return None
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1


def ink_extent(gray: np.ndarray, threshold: float = INK_THRESHOLD) -> float:
    """Long side of the ink's bounding box as a fraction of the image's long side (0 when blank)."""
    img = _grey(gray)
    box = _ink_box(img, threshold)
    if box is None:
        return 0.0
    top, left, bottom, right = box
    return max(bottom - top, right - left) / max(img.shape)


def is_digit_sized(gray: np.ndarray, threshold: float = INK_THRESHOLD, min_extent: float = MIN_EXTENT) -> bool:
    """Whether the ink is big enough to be a digit (False for a blank image or a first dab: "keep drawing")."""
    return ink_extent(gray, threshold) >= min_extent


def mnist_style(gray: np.ndarray, threshold: float = INK_THRESHOLD,
                min_extent: float = MIN_EXTENT) -> np.ndarray | None:
    """Bright-ink-on-dark image (any size, [0, 1]) → 28×28 float32 in [0, 1]; ``None`` when empty.

    The ink's long side is scaled to MNIST's 20-pixel box, but a mark shorter than ``min_extent`` of the
    image's long side is scaled as if it were that long: a dot stays a dot instead of a 20×20 blob.
    """
    img = _grey(gray)
    box = _ink_box(img, threshold)
    if box is None:
        return None
    crop = img[box[0] : box[2], box[1] : box[3]]
    h, w = crop.shape
    scale = BOX / max(h, w, min_extent * max(img.shape))
    new_h, new_w = max(1, round(h * scale)), max(1, round(w * scale))
    resized = F.interpolate(
        torch.from_numpy(np.ascontiguousarray(crop))[None, None], size=(new_h, new_w),
        mode="bilinear", antialias=True, align_corners=False,
    )[0, 0].clamp_(0.0, 1.0).numpy()
    total = float(resized.sum())
    if total <= 0.0:
        return None
    ys, xs = np.indices(resized.shape)
    com_y, com_x = float((ys * resized).sum() / total), float((xs * resized).sum() / total)
    top = round(SIZE / 2 - com_y)
    left = round(SIZE / 2 - com_x)
    top = min(max(top, 0), SIZE - new_h)
    left = min(max(left, 0), SIZE - new_w)
    out = np.zeros((SIZE, SIZE), dtype=np.float32)
    out[top : top + new_h, left : left + new_w] = resized
    return out


def ink_on_dark(gray: np.ndarray) -> np.ndarray:
    """Bright ink on black, as in MNIST: invert paper-like images and take away the background level,
    so grey paper or a flat picture is not mistaken for ink."""
    img = np.clip(np.asarray(gray, dtype=np.float32), 0.0, 1.0)
    border = np.concatenate([img[0], img[-1], img[:, 0], img[:, -1]])
    border = border[np.isfinite(border)]
    background = float(np.median(border)) if border.size else 0.0
    if background > 0.5:
        img, background = 1.0 - img, 1.0 - background
    if background <= 0.0:
        return img
    return np.clip((img - background) / (1.0 - background), 0.0, 1.0)


def prepare_image(gray: np.ndarray) -> np.ndarray | None:
    """Any grey image of a digit, either polarity → the MNIST-style 28×28 input (``None`` if blank).

    A photo or scan is framed by whoever took it, so its size says nothing about the digit's: no minimum
    extent applies here (a digit photographed small in a large frame is still scaled to the box).
    """
    return mnist_style(ink_on_dark(gray), min_extent=0.0)
