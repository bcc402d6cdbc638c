"""Explanations of what a network computed: the arithmetic behind any cell, invariance, saliency."""

from cnnviz.explain.dot_product import (
    DotProduct,
    ResidualSum,
    conv_parts,
    dot_product_stages,
    explain_cell,
    explain_residual,
    stage_input,
)
from cnnviz.explain.probe import (
    AXES,
    ProbeCurve,
    ShiftedMaps,
    invariance_probe,
    probe_curve,
    probe_values,
    shifted_first_maps,
    transform_digits,
)
from cnnviz.explain.regions import CellRegion, cell_regions
from cnnviz.explain.saliency import (
    METHODS,
    SaliencyMap,
    SaliencyMethod,
    grad_cam,
    hirescam,
    last_conv_stage,
    saliency,
    smoothgrad_batch,
)

__all__ = [
    "AXES",
    "METHODS",
    "CellRegion",
    "DotProduct",
    "ProbeCurve",
    "ResidualSum",
    "SaliencyMap",
    "SaliencyMethod",
    "ShiftedMaps",
    "cell_regions",
    "conv_parts",
    "dot_product_stages",
    "explain_cell",
    "explain_residual",
    "grad_cam",
    "hirescam",
    "invariance_probe",
    "last_conv_stage",
    "probe_curve",
    "probe_values",
    "saliency",
    "shifted_first_maps",
    "smoothgrad_batch",
    "stage_input",
    "transform_digits",
]
