"""The Training lab's core: an FC network and a CNN trained side by side on the same digits."""

from cnnviz.lab.config import MAX_EPOCHS, MIN_TRAIN_SAMPLES, OPTIMIZERS, ComparisonConfig
from cnnviz.lab.report import (
    CURVE_COLUMNS,
    SUMMARY_COLUMNS,
    LossSmoother,
    curve_rows,
    error_ratio_text,
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
    "run_comparison",
    "smooth",
    "summary_rows",
    "to_csv",
    "verdict",
    "write_csv",
]
