"""Qt pictures (pasted images, camera frames) as NumPy arrays, the form the core takes."""

from __future__ import annotations

import numpy as np
from PyQt6.QtGui import QImage


def qimage_to_array(image: QImage | object) -> np.ndarray:
    """A QImage (any format; a clipboard's image data) as (H, W, 3) float32 RGB in [0, 1]; a null image is 1×1 black."""
    if not isinstance(image, QImage) or image.isNull():
        return np.zeros((1, 1, 3), np.float32)
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w, line = rgb.height(), rgb.width(), rgb.bytesPerLine()
    ptr = rgb.constBits()
    assert ptr is not None
    ptr.setsize(rgb.sizeInBytes())
    rows = np.frombuffer(memoryview(ptr), dtype=np.uint8).reshape(h, line)  # type: ignore[arg-type]
    return rows[:, :3 * w].reshape(h, w, 3).astype(np.float32) / 255.0
