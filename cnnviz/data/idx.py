"""Reader for the IDX format MNIST ships in, strict enough to name what is wrong with a bad file."""

from __future__ import annotations

import gzip
import math
import zlib
from pathlib import Path

import numpy as np

from cnnviz.wording import worded_error


class DatasetError(Exception):
    """A data file is missing, truncated, corrupt or does not match its partner."""


# Third byte of the magic number -> element type; MNIST only uses 0x08 (uint8).
_IDX_TYPES: dict[int, np.dtype] = {
    0x08: np.dtype(np.uint8),
    0x09: np.dtype(np.int8),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
_MAX_ELEMENTS = 1 << 31  # refuse headers that claim absurd sizes before allocating


def read_idx_bytes(raw: bytes, source: str = "<bytes>") -> np.ndarray:
    """Parse the bytes of an uncompressed IDX file into an array, validating the header and length."""
    if len(raw) < 4:
        raise worded_error(
            DatasetError, "{source}: file is too short to be IDX ({size} bytes)",
            source=source, size=len(raw))
    if raw[0] != 0 or raw[1] != 0:
        raise worded_error(
            DatasetError, "{source}: wrong magic number 0x{magic} (an IDX file starts with two zero bytes)",
            source=source, magic=raw[:4].hex())
    type_code, ndim = raw[2], raw[3]
    if type_code not in _IDX_TYPES:
        raise worded_error(
            DatasetError, "{source}: unknown IDX element type 0x{code:02x}",
            source=source, code=type_code)
    if ndim == 0:
        raise worded_error(DatasetError, "{source}: IDX header declares zero dimensions", source=source)
    header_len = 4 + 4 * ndim
    if len(raw) < header_len:
        raise worded_error(DatasetError, "{source}: truncated header ({size} of {needed} bytes)", source=source,
                           size=len(raw), needed=header_len)
    dims = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    count = math.prod(dims)
    # Sides are checked without the zeros too: an empty array may still not claim absurd dimensions.
    if math.prod(d for d in dims if d) > _MAX_ELEMENTS:
        raise worded_error(DatasetError, "{source}: header claims an impossible size {dims}", source=source, dims=dims)
    dtype = _IDX_TYPES[type_code]
    expected = header_len + count * dtype.itemsize
    if len(raw) < expected:
        raise worded_error(DatasetError, "{source}: truncated: {size} bytes, header {dims} needs {expected}",
                           source=source, size=len(raw), dims=dims, expected=expected)
    if len(raw) > expected:
        raise worded_error(DatasetError, "{source}: {extra} unexpected trailing bytes after the data of shape {dims}",
                           source=source, extra=len(raw) - expected, dims=dims)
    data = np.frombuffer(raw, dtype=dtype, count=count, offset=header_len)
    return data.reshape(dims).astype(dtype.newbyteorder("="), copy=True)


def read_file_bytes(path: Path) -> bytes:
    """Read a file, transparently gunzipping it when it is gzip-compressed (by content, not name)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise worded_error(DatasetError, "{path}: file not found", path=path) from None
    except OSError as exc:
        raise worded_error(DatasetError, "{path}: cannot be read ({reason})", path=path,
                           reason=exc.strerror or exc) from None
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise worded_error(DatasetError, "{path}: corrupt gzip stream ({reason})", path=path, reason=exc) from None
    return raw


def read_idx(path: str | Path) -> np.ndarray:
    """Read an IDX file (raw or gzip) from disk; any problem raises ``DatasetError`` naming the file."""
    path = Path(path)
    return read_idx_bytes(read_file_bytes(path), source=str(path))
