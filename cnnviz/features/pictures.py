"""The PNG pictures ``cnnviz features`` writes for slides: pixels enlarged, weights on a blue-white-red
scale centred at 0, the top examples as a 3×3 sheet with each receptive field outlined."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PIL import Image

ENLARGE = 8  # each model pixel as 8×8 screen pixels: a 28×28 picture becomes 224×224
GAP = 2  # pixels of white between the tiles of a sheet
BOX_RGB = (255, 140, 0)  # orange: visible on black background and white strokes alike
NEGATIVE_RGB, POSITIVE_RGB = np.array([33, 102, 172]), np.array([178, 24, 43])  # ColorBrewer RdBu ends


def unit_rgb(image: np.ndarray) -> np.ndarray:
    """(H, W) grey or (H, W, 3) colour in [0, 1] (or uint8) as (H, W, 3) uint8."""
    pixels = image.astype(np.float32) / 255.0 if image.dtype == np.uint8 else np.clip(image, 0.0, 1.0)
    rgb = np.repeat(pixels[..., None], 3, axis=-1) if pixels.ndim == 2 else pixels
    return np.round(rgb * 255).astype(np.uint8)


def diverging_rgb(values: np.ndarray, limit: float | None = None) -> np.ndarray:
    """Values as (..., 3) uint8: white at 0, red for positive, blue for negative, full at ±``limit``."""
    limit = limit or float(np.abs(values).max()) or 1.0
    t = np.clip(values / limit, -1.0, 1.0)[..., None]
    white = np.array([255.0, 255.0, 255.0])
    rgb = np.where(t >= 0, white + t * (POSITIVE_RGB - white), white - t * (NEGATIVE_RGB - white))
    return np.round(rgb).astype(np.uint8)


def enlarge(rgb: np.ndarray, factor: int = ENLARGE) -> np.ndarray:
    return np.repeat(np.repeat(rgb, factor, axis=0), factor, axis=1)


def sheet(tiles: list[np.ndarray], cols: int) -> np.ndarray:
    """Equal-sized (h, w, 3) tiles in rows of ``cols``, white gaps between them."""
    h, w = tiles[0].shape[:2]
    rows = math.ceil(len(tiles) / cols)
    out = np.full((rows * h + (rows - 1) * GAP, cols * w + (cols - 1) * GAP, 3), 255, dtype=np.uint8)
    for i, tile in enumerate(tiles):
        r, c = divmod(i, cols)
        out[r * (h + GAP) : r * (h + GAP) + h, c * (w + GAP) : c * (w + GAP) + w] = tile
    return out


def outline(rgb: np.ndarray, box: tuple[int, int, int, int], factor: int) -> np.ndarray:
    """A copy of an enlarged picture with the box (top, left, bottom, right in model pixels) outlined."""
    out = rgb.copy()
    top, left, bottom, right = (int(v) * factor for v in box)
    bottom, right = bottom + factor - 1, right + factor - 1
    out[top, left : right + 1] = out[bottom, left : right + 1] = BOX_RGB
    out[top : bottom + 1, left] = out[top : bottom + 1, right] = BOX_RGB
    return out


def kernels_rgb(weights: np.ndarray) -> np.ndarray:
    """One filter's kernels (I, kh, kw) as a sheet of enlarged diverging squares, shared scale."""
    limit = float(np.abs(weights).max()) or 1.0
    tiles = [enlarge(diverging_rgb(k, limit), 24) for k in weights]
    return sheet(tiles, max(1, math.ceil(math.sqrt(len(tiles)))))


def save_png(rgb: np.ndarray, path: Path) -> Path:
    Image.fromarray(np.ascontiguousarray(rgb)).save(path)
    return path
