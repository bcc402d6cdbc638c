"""The accuracy report: each model trained with its standard settings, its test error beside the published one.

Every number in the table comes from a run on this machine. Results are cached with the trained
checkpoint (``report_cache``), so the app's view opens instantly after the first run. A recipe that
would overrun the time budget is trained for as many epochs as fit (``report_plan``), and the row says
how long the full recipe would take here (measured throughput) and that CUDA is the way.

The work is split by section: ``report_format`` (rows, cells, notes, Markdown; what the chart uses),
``report_cache``, ``report_plan`` and ``report_build``. This module keeps every public name importable
from here and writes the report's files.
"""

from __future__ import annotations

import json
from pathlib import Path

from cnnviz.zoo.report_build import build_report, row_from_training
from cnnviz.zoo.report_cache import (
    CACHE_VERSION,
    DEFAULT_MODELS,
    cache_dir,
    cached_checkpoints,
    cached_report,
    cached_row_for,
    data_checksum,
    load_cached_row,
    recipe_key,
    store_row,
)
from cnnviz.zoo.report_format import (
    REPORT_COLUMNS,
    EnsembleFigure,
    Report,
    ReportRow,
    format_duration,
    format_percent,
    reductions,
    report_markdown,
    report_notes,
    report_to_dict,
    row_cells,
    row_notes,
    with_reductions,
)
from cnnviz.zoo.report_plan import (
    EVAL_OVERHEAD,
    ModelPlan,
    ReportPlan,
    TrainFn,
    estimate_row,
    measure_throughput,
    plan,
    plan_epochs,
)

__all__ = [
    "CACHE_VERSION", "DEFAULT_MODELS", "EVAL_OVERHEAD", "REPORT_COLUMNS", "EnsembleFigure", "ModelPlan", "Report",
    "ReportPlan", "ReportRow", "TrainFn", "build_report", "cache_dir", "cached_checkpoints", "cached_report",
    "cached_row_for", "data_checksum", "estimate_row", "format_duration", "format_percent", "load_cached_row",
    "measure_throughput", "plan", "plan_epochs", "recipe_key", "reductions", "report_markdown", "report_notes",
    "report_to_dict", "row_cells", "row_from_training", "row_notes", "store_row", "with_reductions", "write_report",
]


def write_report(report: Report, out_dir: str | Path) -> list[Path]:
    """Write ``report.md``, ``report.json`` and the bar chart ``report.png`` into ``out_dir``."""
    from cnnviz.zoo.chart import render_error_chart

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    md = out / "report.md"
    md.write_text(report_markdown(report))
    js = out / "report.json"
    js.write_text(json.dumps(report_to_dict(report), indent=1))
    png = render_error_chart(report.rows, out / "report.png", dataset=report.dataset)
    return [md, js, png]
