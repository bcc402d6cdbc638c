"""The accuracy report's rows and how they read: table cells, notes, Markdown and JSON (no training here).

The bar chart (``chart.py``) and the app's table depend on this module only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

from cnnviz.models.registry import MODELS
from cnnviz.wording import Wording, worded


@dataclass(frozen=True)
class ReportRow:
    model: str
    parameters: int
    epochs: int  # epochs actually trained
    recipe_epochs: int
    wall_time_s: float
    device: str
    test_error: float | None  # percent, measured on the test set; None when not even one epoch fitted
    seed_error: float | None  # percent, the seed document's figure
    reduction_vs_previous: float | None = None  # percent fewer errors than the measured row above
    cached: bool = False
    full_recipe_estimate_s: float | None = None  # set when the recipe was shortened to fit the budget
    samples_per_s: float | None = None  # measured training throughput behind the estimate
    checkpoint: str = ""
    tta_error: float | None = None  # percent, with test-time augmentation (recipes that ask for it)

    @property
    def shortened(self) -> bool:
        return self.epochs < self.recipe_epochs

    @property
    def estimated_only(self) -> bool:
        return self.test_error is None


@dataclass(frozen=True)
class EnsembleFigure:
    """The test error when each test image's probabilities are averaged over the rows of ``models``."""
    models: tuple[str, ...]
    test_error: float  # percent
    tta_error: float | None = None  # percent, each member's probabilities first averaged over its shifted copies
    # (test-time augmentation, as the rows' own column), when every member's recipe asks for it


@dataclass
class Report:
    rows: list[ReportRow]
    dataset: str
    train_samples: int
    test_samples: int
    cancelled: bool = False
    seed: int = 0  # the training seed of every row (the same seed reproduces a row; another one gives its spread)
    ensemble: EnsembleFigure | None = None  # asked for with the models it averages; never a row's own figure
    created: str = field(default_factory=lambda: datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))

    @property
    def wall_time_s(self) -> float:
        return sum(row.wall_time_s for row in self.rows)

    @property
    def machines(self) -> list[str]:
        """The devices the rows trained on, each once and without the precision that ``row_from_training``
        writes after a comma ("cpu, bfloat16" → "cpu", "cpu, bfloat16 × 2 (torchrun)" → "cpu × 2 (torchrun)")."""
        return sorted({row.device.replace(", bfloat16", "") for row in self.rows})


def reductions(errors: Sequence[float | None]) -> list[float | None]:
    """Relative error reduction of each entry vs the last measured one before it, in percent.

    None for the first measured entry, for unmeasured entries (None) and after a zero error.
    """
    out: list[float | None] = []
    previous: float | None = None
    for error in errors:
        out.append(None if error is None or previous is None or previous <= 0
                   else (previous - error) / previous * 100.0)
        previous = error if error is not None else previous
    return out


def with_reductions(rows: Sequence[ReportRow]) -> list[ReportRow]:
    """Fill the "reduction vs previous" column from the measured errors, in table order."""
    values = reductions([row.test_error for row in rows])
    return [replace(row, reduction_vs_previous=value) for row, value in zip(rows, values, strict=True)]


def format_duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    if seconds < 3600:
        return f"{int(seconds // 60)} min {int(seconds % 60):02d} s"
    return f"{int(seconds // 3600)} h {int(seconds % 3600 // 60):02d} min"


def format_percent(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}%"


REPORT_COLUMNS = ("Model", "Parameters", "Epochs", "Wall time", "Device", "Test error", "With TTA",
                  "Published figure", "Reduction vs previous")


def row_cells(row: ReportRow) -> list[Wording | str]:
    """The row as the table shows it (shared by the Markdown file, which writes ``str(cell)``, and the app's
    table, which shows each worded cell in the interface language)."""
    epochs: Wording | str = (worded("{epochs} of {recipe}", epochs=row.epochs, recipe=row.recipe_epochs)
                             if row.shortened else str(row.epochs))
    wall: Wording | str = format_duration(row.wall_time_s)
    if row.estimated_only and row.full_recipe_estimate_s is not None:
        wall = worded("needs ~{duration}", duration=format_duration(row.full_recipe_estimate_s))
    error = worded("not trained") if row.estimated_only else format_percent(row.test_error)
    return [row.model, f"{row.parameters:,}", epochs, wall, row.device, error, format_percent(row.tta_error),
            format_percent(row.seed_error, 1), format_percent(row.reduction_vs_previous, 1)]


def row_notes(row: ReportRow, plain: bool = False) -> list[Wording]:
    """The notes on one row, in Markdown, or as plain text for a label (``plain``: no code marks)."""
    notes = []
    if row.shortened and row.full_recipe_estimate_s is not None:
        done = (worded("not trained: not even one epoch fits the time budget") if row.estimated_only else
                worded("trained {epochs} of its standard {recipe} epochs to fit the time budget",
                       epochs=row.epochs, recipe=row.recipe_epochs))
        rate = (worded(", {rate:,.0f} training samples/s measured", rate=row.samples_per_s)
                if row.samples_per_s else "")
        fields = {"model": row.model, "done": done, "recipe": row.recipe_epochs, "device": row.device, "rate": rate,
                  "duration": format_duration(row.full_recipe_estimate_s)}
        if row.device.startswith("cuda"):  # already on the GPU: nothing faster to suggest
            notes.append(worded("{model}: {done}; the full training ({recipe} epochs) would need about {duration} "
                                "on this {device}{rate}.", **fields))
        else:
            # Not "to reach the published figure": on an H200 the modern CNN's full recipe errs as on the CPU
            # (docs/report/README.md), it only takes minutes, not hours.
            notes.append(worded("{model}: {done}; the full training ({recipe} epochs) would need about {duration} "
                                "on this {device}{rate}. An NVIDIA GPU ({flag}) trains it in far less time.",
                                flag="--device cuda" if plain else "`--device cuda`", **fields))
    if (row.seed_error is not None and row.test_error is not None and row.test_error > row.seed_error * 1.25
            and not row.shortened):
        notes.append(worded("{model}: {error:.2f}% is above the published {published:.1f}%.",
                            model=row.model, error=row.test_error, published=row.seed_error))
        spec = MODELS.get(row.model)
        if spec is not None and spec.published_basis is not None:
            notes.append(spec.published_basis)
    return notes


def report_markdown(report: Report) -> str:
    lines = [
        f"# Test error by model ({report.dataset})",
        "",
        f"Trained on {report.train_samples:,} images, evaluated on the {report.test_samples:,} test images; "
        f"run started {report.created}{f'; training seed {report.seed}' if report.seed else ''}. "
        f"Total wall time {format_duration(report.wall_time_s)}.",
        "",
        "| " + " | ".join(REPORT_COLUMNS) + " |",
        "|---|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    lines += ["| " + " | ".join(str(cell) for cell in row_cells(row)) + " |" for row in report.rows]
    lines += ["", "\"Test error\" is the single trained model's. \"With TTA\" (test-time augmentation, for the "
              "recipes that ask for it) averages the model's probabilities over each test image and four copies "
              "shifted by one pixel: a separate figure, never the single model's. \"Reduction vs previous\" is the "
              "relative drop in test error from the row above.", ""]
    lines += [f"- {note}" for note in report_notes(report)]
    return "\n".join(lines).rstrip() + "\n"


def report_notes(report: Report, plain: bool = False) -> list[Wording]:
    """The notes under the table, in Markdown, or as plain text for a label (``plain``: code marks dropped).

    The Markdown file writes ``str(note)`` (English); the app shows each in the interface language."""
    notes = [note for row in report.rows for note in row_notes(row, plain)]
    if report.ensemble is not None:
        notes.append(worded("A small ensemble, {models}: {error:.2f}% test error, each test image's probabilities "
                            "averaged over these trained models (a separate figure, never a single model's).",
                            models=" + ".join(report.ensemble.models), error=report.ensemble.test_error))
        if report.ensemble.tta_error is not None:
            notes.append(worded("The same ensemble with each member's test-time augmentation: {error:.2f}% test "
                                "error (a separate figure again).", error=report.ensemble.tta_error))
    if report.cancelled:
        notes.append(worded("The run was cancelled: models after the last row were not trained."))
    if any(row.cached for row in report.rows):
        notes.append(worded("Rows from the cache keep the wall time and device of the run that produced them."))
    return notes


def report_to_dict(report: Report) -> dict[str, Any]:
    return {"dataset": report.dataset, "train_samples": report.train_samples, "test_samples": report.test_samples,
            "created": report.created, "cancelled": report.cancelled, "seed": report.seed,
            "rows": [asdict(r) for r in report.rows],
            "ensemble": None if report.ensemble is None else asdict(report.ensemble)}
