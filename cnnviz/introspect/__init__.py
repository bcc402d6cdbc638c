"""Introspection: every stage's output, filters, and pooling bookkeeping, as NumPy for display."""

from cnnviz.introspect.capture import Capture, Stage, capture, strongest_cell
from cnnviz.introspect.filters import (
    SOBEL_HORIZONTAL,
    SOBEL_VERTICAL,
    ConvFilters,
    apply_filter,
    conv_filters,
)
from cnnviz.introspect.geometry import Geometry, layer_geometry
from cnnviz.introspect.pooling import (
    PoolSite,
    PoolSpec,
    PoolWindow,
    PoolZoom,
    pool_params,
    pool_sites,
    pool_spec,
    pool_window,
    pool_zoom,
)
from cnnviz.introspect.receptive_field import (
    ReceptiveField,
    input_region,
    receptive_fields,
    receptive_mask,
    stage_shapes,
)
from cnnviz.introspect.stages import shape_text

__all__ = [
    "SOBEL_HORIZONTAL",
    "SOBEL_VERTICAL",
    "Capture",
    "ConvFilters",
    "Geometry",
    "PoolSite",
    "PoolSpec",
    "PoolWindow",
    "PoolZoom",
    "ReceptiveField",
    "Stage",
    "apply_filter",
    "capture",
    "conv_filters",
    "input_region",
    "layer_geometry",
    "pool_params",
    "pool_sites",
    "pool_spec",
    "pool_window",
    "pool_zoom",
    "receptive_fields",
    "receptive_mask",
    "shape_text",
    "stage_shapes",
    "strongest_cell",
]
