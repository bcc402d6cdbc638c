"""Turn a drawing or a photo of a digit into a 28×28 input made the way MNIST digits were made.

MNIST digits were size-normalised to fit a 20×20 box (keeping their aspect ratio), anti-aliased,
and centred by centre of mass in a 28×28 field; doing the same to a drawing is what lets a
hand-drawn digit be classified as well as a test digit.
"""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F

INK_THRESHOLD = 0.05  # below this a pixel counts as background
BOX = 20
SIZE = 28


def mnist_style(gray: np.ndarray, threshold: float = INK_THRESHOLD) -> np.ndarray | None:
    """Bright-ink-on-dark image (any size, [0, 1]) → 28×28 float32 in [0, 1]; ``None`` when empty."""
    img = np.asarray(gray, dtype=np.float32)
    if img.ndim != 2:
        raise ValueError(f"expected a 2-D grey image, got shape {img.shape}")
    img = np.nan_to_num(np.clip(img, 0.0, 1.0))
    rows = np.flatnonzero((img > threshold).any(axis=1))
    cols = np.flatnonzero((img > threshold).any(axis=0))
    if rows.size == 0:
        return None
    crop = img[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    h, w = crop.shape
    scale = BOX / max(h, w)
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
    """Any grey image of a digit, either polarity → the MNIST-style 28×28 input (``None`` if blank)."""
    return mnist_style(ink_on_dark(gray))
