"""The Training lab's core: an FC network and a CNN trained side by side on the same digits."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from cnnviz.lab.config import MAX_EPOCHS, MIN_TRAIN_SAMPLES, OPTIMIZERS, ComparisonConfig

# report and run import torch; they load on first use, so that reading the lab's settings (the app's
# preferences, at start-up) costs no ``import torch`` (about 1.4 s of a 1.9 s start, measured).
if TYPE_CHECKING:
    from cnnviz.lab.report import (
        CURVE_COLUMNS,
        SUMMARY_COLUMNS,
        LossSmoother,
        curve_rows,
        error_ratio_text,
        parameter_ratio_text,
        smooth,
        summary_rows,
        to_csv,
        verdict,
        write_csv,
    )
    from cnnviz.lab.run import (
        CNN_KEY,
        FC_KEY,
        ComparisonResult,
        ModelBatchMetrics,
        ModelEpochMetrics,
        ModelRun,
        build_pair,
        comparison_data,
        first_layer_filters,
        run_comparison,
    )

__all__ = [
    "CNN_KEY",
    "CURVE_COLUMNS",
    "FC_KEY",
    "MAX_EPOCHS",
    "MIN_TRAIN_SAMPLES",
    "OPTIMIZERS",
    "SUMMARY_COLUMNS",
    "ComparisonConfig",
    "ComparisonResult",
    "LossSmoother",
    "ModelBatchMetrics",
    "ModelEpochMetrics",
    "ModelRun",
    "build_pair",
    "comparison_data",
    "curve_rows",
    "error_ratio_text",
    "first_layer_filters",
    "parameter_ratio_text",
    "run_comparison",
    "smooth",
    "summary_rows",
    "to_csv",
    "verdict",
    "write_csv",
]

_LAZY = {"report": ("CURVE_COLUMNS", "SUMMARY_COLUMNS", "LossSmoother", "curve_rows", "error_ratio_text",
                    "parameter_ratio_text", "smooth", "summary_rows", "to_csv", "verdict", "write_csv"),
         "run": ("CNN_KEY", "FC_KEY", "ComparisonResult", "ModelBatchMetrics", "ModelEpochMetrics", "ModelRun",
                 "build_pair", "comparison_data", "first_layer_filters", "run_comparison")}


def __getattr__(name: str) -> Any:
    for module, names in _LAZY.items():
        if name in names:
            return getattr(importlib.import_module(f"cnnviz.lab.{module}"), name)
    raise AttributeError(f"module 'cnnviz.lab' has no attribute {name!r}")
