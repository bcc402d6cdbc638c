"""Reading image files dropped on the canvas into grey arrays, refusing what is not an image."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from cnnviz.wording import worded_error

_ORIENTATION = 0x0112  # EXIF tag
MAX_SIDE = 1024  # larger images are shrunk first: a digit needs no more, and memory stays small


class ImageLoadError(Exception):
    """The file is not an image this app can read."""


def load_grey_image(path: str | Path, colour: bool = False) -> np.ndarray:
    """Any PIL-readable image (8/16-bit, RGB(A), palette, huge) → 2-D float32 in [0, 1], upright
    (``colour``: (H, W, 3) RGB float32 in [0, 1], for a model that takes colour).

    Phones store pictures as the sensor saw them and record how to turn them in the EXIF orientation
    tag; it is applied here, or a photo of a digit would be classified lying on its side.
    """
    path = Path(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                # JPEG decodes at reduced size directly (as grey for a grey result: "L" drops the colour)
                im.draft("RGB" if colour else "L", (MAX_SIDE, MAX_SIDE))
                upright: Image.Image = im
                if im.getexif().get(_ORIENTATION, 1) != 1:
                    upright = ImageOps.exif_transpose(im)  # a turned copy; untagged images are not copied
                if max(upright.size) > MAX_SIDE:
                    upright.thumbnail((MAX_SIDE, MAX_SIDE))
                return _to_rgb(upright) if colour else _to_grey(upright)
    except FileNotFoundError:
        raise worded_error(ImageLoadError, "{path}: file not found", path=path) from None
    except UnidentifiedImageError:
        raise worded_error(ImageLoadError, "{file}: not an image (expected PNG, JPEG, BMP or GIF)",
                           file=path.name) from None
    except Image.DecompressionBombError:
        raise worded_error(ImageLoadError, "{file}: image is too large to open safely", file=path.name) from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise worded_error(ImageLoadError, "{file}: damaged or unsupported image ({reason})", file=path.name,
                           reason=exc) from None


def fit_image(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """A grey (H, W) or colour (H, W, 3) image in [0, 1], cropped about its centre to the aspect of ``size``
    (height, width) and resized to it (antialiased): how a photo, a pasted picture or a camera frame becomes
    an input of a data set's size, the way data sets of photos are usually made."""
    h, w = image.shape[:2]
    th, tw = size
    if h * tw > w * th:  # too tall: keep the middle rows
        keep = max(1, round(w * th / tw))
        image = image[(h - keep) // 2:(h - keep) // 2 + keep]
    elif h * tw < w * th:  # too wide: keep the middle columns
        keep = max(1, round(h * tw / th))
        image = image[:, (w - keep) // 2:(w - keep) // 2 + keep]
    pixels = np.clip(np.asarray(image, dtype=np.float32) * 255.0 + 0.5, 0, 255).astype(np.uint8)
    resized = Image.fromarray(pixels).resize((tw, th), Image.Resampling.BILINEAR)  # PIL widens it when shrinking
    return np.asarray(resized, dtype=np.float32) / 255.0


def _to_rgb(im: Image.Image) -> np.ndarray:
    if im.mode in ("I;16", "I;16B", "I;16L", "I", "F"):  # one channel of more than 8 bits: as grey, repeated
        return np.repeat(_to_grey(im)[..., None], 3, axis=2)
    return np.asarray(_on_white(im).convert("RGB"), dtype=np.float32) / 255.0


def _on_white(im: Image.Image) -> Image.Image:
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba)  # transparent background reads as paper
    return im


def _to_grey(im: Image.Image) -> np.ndarray:
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        arr = np.asarray(im, dtype=np.float64)
        top = 65535.0 if arr.max() > 255 or im.mode.startswith("I;16") else 255.0
        return (arr / top).clip(0, 1).astype(np.float32)
    if im.mode == "F":
        arr = np.asarray(im, dtype=np.float32)
        span = float(arr.max() - arr.min()) or 1.0
        return (arr - arr.min()) / span
    return np.asarray(_on_white(im).convert("L"), dtype=np.float32) / 255.0
