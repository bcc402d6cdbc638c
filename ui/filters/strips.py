"""Two helpers for the Filters tab's picture strips: show a [0, 1] picture as it is, and start a strip afresh."""

from __future__ import annotations

import numpy as np

from ui.colormaps import INPUT_MAP
from ui.widgets.image_panel import ImagePanel, ImageStrip


def renew(strip: ImageStrip) -> ImageStrip:
    """An empty strip like ``strip`` in its place. (A strip emptied with ``clear_panels`` and filled again
    laid its new pictures out 0 px tall: measured here on switching conv2 -> conv1.)"""
    fresh = ImageStrip(min_panel=strip.min_panel)
    fresh.setToolTip(strip.toolTip())
    fresh.setAccessibleName(strip.accessibleName())
    fresh.setAccessibleDescription(strip.accessibleDescription())
    fresh.setMaximumHeight(strip.maximumHeight())
    parent = strip.parentWidget()
    layout = parent.layout() if parent is not None else None
    if layout is not None:
        layout.replaceWidget(strip, fresh)
    strip.setParent(None)
    strip.deleteLater()
    return fresh


def show_picture(panel: ImagePanel, image: np.ndarray) -> None:
    """A grey (H, W) or colour (H, W, 3) picture in [0, 1] as it is."""
    if image.ndim == 3:
        panel.picture.show_rgb(np.round(image * 255).astype(np.uint8))
        panel.box.autoRange(padding=0.02)
    else:
        panel.show_values(image, INPUT_MAP, (0.0, 1.0))
