"""Introspection: every stage's output, filters, and pooling bookkeeping, as NumPy for display."""

from cnnviz.introspect.capture import Capture, Stage, capture
from cnnviz.introspect.filters import (
    SOBEL_HORIZONTAL,
    SOBEL_VERTICAL,
    ConvFilters,
    apply_filter,
    conv_filters,
)
from cnnviz.introspect.pooling import PoolWindow, PoolZoom, pool_params, pool_window, pool_zoom

__all__ = [
    "SOBEL_HORIZONTAL",
    "SOBEL_VERTICAL",
    "Capture",
    "ConvFilters",
    "PoolWindow",
    "PoolZoom",
    "Stage",
    "apply_filter",
    "capture",
    "conv_filters",
    "pool_params",
    "pool_window",
    "pool_zoom",
]
