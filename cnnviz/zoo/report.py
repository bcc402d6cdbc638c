"""The accuracy report: train each model by its registered recipe, measure test error, compare with the seed.

Every number in the table comes from a run on this machine. Results are cached per recipe (model,
recipe, data set, seed) with the trained checkpoint, so the app's view opens instantly after the
first run. A recipe that would overrun the time budget is trained for as many epochs as fit, and
the row says how long the full recipe would take here (measured throughput) and that CUDA is the way.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from cnnviz.data.mnist import MnistData
from cnnviz.models.registry import MODELS, Recipe, build_model
from cnnviz.models.staged import count_parameters
from cnnviz.paths import user_data_dir
from cnnviz.training import distributed
from cnnviz.training.checkpoint import save_checkpoint
from cnnviz.training.device import pick_device
from cnnviz.training.run import TrainedModel, train_model
from cnnviz.training.trainer import BatchMetrics, EpochMetrics

DEFAULT_MODELS: tuple[str, ...] = ("logistic", "mlp", "small_cnn", "modern_cnn")
CACHE_VERSION = 1
EVAL_OVERHEAD = 1.1  # evaluating the 10,000 test digits after each epoch adds roughly this factor

TrainFn = Callable[..., TrainedModel]


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

    @property
    def shortened(self) -> bool:
        return self.epochs < self.recipe_epochs

    @property
    def estimated_only(self) -> bool:
        return self.test_error is None


@dataclass
class Report:
    rows: list[ReportRow]
    dataset: str
    train_samples: int
    test_samples: int
    cancelled: bool = False
    created: str = field(default_factory=lambda: datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))

    @property
    def wall_time_s(self) -> float:
        return sum(row.wall_time_s for row in self.rows)


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


# -- cache -------------------------------------------------------------------------------------------

def cache_dir() -> Path:
    return user_data_dir() / "report-cache"


def recipe_key(name: str, recipe: Recipe, data: MnistData, train_samples: int, seed: int) -> str:
    """Identifies a result: the same model, recipe, data set and seed give the same numbers."""
    ident = {"version": CACHE_VERSION, "model": name, "recipe": asdict(recipe), "dataset": data.name,
             "train": train_samples, "test": len(data.test_labels), "seed": seed}
    digest = hashlib.sha256(json.dumps(ident, sort_keys=True).encode()).hexdigest()[:16]
    return f"{name}-{digest}"


def _effective_recipe(name: str, epochs: int | None) -> Recipe:
    recipe = MODELS[name].recipe
    return replace(recipe, epochs=epochs) if epochs else recipe


def _train_size(data: MnistData, subset: int | None) -> int:
    n = len(data.train_labels)
    return min(subset, n) if subset is not None else n


def load_cached_row(key: str, folder: Path | None = None) -> ReportRow | None:
    """The cached row for ``key`` when both its JSON and its checkpoint are intact, else None."""
    folder = folder or cache_dir()
    try:
        raw = json.loads((folder / f"{key}.json").read_text())
        row = ReportRow(**raw["row"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if row.checkpoint and not (folder / row.checkpoint).is_file():
        return None
    return replace(row, cached=True, reduction_vs_previous=None)


def store_row(key: str, row: ReportRow, trained: TrainedModel, folder: Path | None = None) -> ReportRow:
    """Save the checkpoint and the row next to it (checkpoint first, so a row never lacks its weights)."""
    folder = folder or cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    row = replace(row, checkpoint=f"{key}.pt")
    save_checkpoint(trained.model, folder / row.checkpoint, trained.meta)
    payload = {"version": CACHE_VERSION, "row": asdict(replace(row, cached=False, reduction_vs_previous=None))}
    tmp = folder / f"{key}.json.tmp"
    tmp.write_text(json.dumps(payload, indent=1))
    tmp.replace(folder / f"{key}.json")
    return row


def cached_report(data: MnistData, models: Sequence[str] = DEFAULT_MODELS, subset: int | None = None,
                  seed: int = 0, folder: Path | None = None) -> Report:
    """Whatever the cache already knows for these models, without training anything (for instant views)."""
    n = _train_size(data, subset)
    rows = [row for name in models
            if (row := load_cached_row(recipe_key(name, _effective_recipe(name, None), data, n, seed), folder))]
    return Report(with_reductions(rows), data.name, n, len(data.test_labels))


# -- running -----------------------------------------------------------------------------------------

def measure_throughput(name: str, data: MnistData, device: str = "auto", batches: int = 6,
                       train: TrainFn = train_model, should_stop: Callable[[], bool] | None = None) -> float:
    """Training samples per second for ``name``'s recipe on ``device``, from a few real batches."""
    recipe = MODELS[name].recipe
    marks: list[tuple[int, float]] = []

    def on_batch(m: BatchMetrics) -> None:
        marks.append((m.batch * recipe.batch_size, m.elapsed_s))

    train(name, data, epochs=1, subset=recipe.batch_size * batches, device=device, on_batch=on_batch,
          should_stop=should_stop, eval_each_epoch=False)
    if len(marks) >= 2:  # skip the first batch: it pays for warm-up
        (s0, t0), (s1, t1) = marks[0], marks[-1]
        return (s1 - s0) / max(t1 - t0, 1e-9)
    return marks[-1][0] / max(marks[-1][1], 1e-9) if marks else 0.0


def plan_epochs(recipe_epochs: int, train_samples: int, samples_per_s: float,
                budget_s: float | None) -> tuple[int, float]:
    """Epochs that fit in ``budget_s`` (0 when not even one does) and the full recipe's estimated seconds."""
    per_epoch = train_samples / max(samples_per_s, 1e-9) * EVAL_OVERHEAD
    full = per_epoch * recipe_epochs
    if budget_s is None or full <= budget_s:
        return recipe_epochs, full
    return min(recipe_epochs, math.floor(budget_s / per_epoch)), full


def estimate_row(name: str, recipe_epochs: int, samples_per_s: float, full_recipe_estimate_s: float,
                 device: str) -> ReportRow:
    """A row for a recipe too slow to train even one epoch within the budget: the estimate, no error."""
    return ReportRow(
        model=name, parameters=count_parameters(build_model(name)), epochs=0, recipe_epochs=recipe_epochs,
        wall_time_s=0.0, device=device, test_error=None, seed_error=MODELS[name].seed_error,
        full_recipe_estimate_s=full_recipe_estimate_s, samples_per_s=round(samples_per_s, 1),
    )


def row_from_training(name: str, trained: TrainedModel, recipe_epochs: int,
                      full_recipe_estimate_s: float | None = None, samples_per_s: float | None = None) -> ReportRow:
    """One table row from a finished training run: every figure is taken from the run itself."""
    result = trained.result
    accuracy = result.test_accuracy
    if accuracy is None:
        raise ValueError(f"{name}: the run has no test evaluation to report")
    epochs = len(result.history)
    return ReportRow(
        model=name, parameters=count_parameters(trained.model), epochs=epochs, recipe_epochs=recipe_epochs,
        wall_time_s=round(result.elapsed_s, 2), device=result.device, test_error=round((1 - accuracy) * 100, 3),
        seed_error=MODELS[name].seed_error,
        full_recipe_estimate_s=full_recipe_estimate_s if epochs < recipe_epochs else None,
        samples_per_s=round(samples_per_s, 1) if samples_per_s is not None and epochs < recipe_epochs else None,
    )


def build_report(
    data: MnistData,
    models: Sequence[str] = DEFAULT_MODELS,
    *,
    device: str = "auto",
    budget_s: float | None = None,
    subset: int | None = None,
    epochs: int | None = None,
    seed: int = 0,
    use_cache: bool = True,
    folder: Path | None = None,
    train: TrainFn = train_model,
    on_model: Callable[[str, int, int], None] | None = None,
    on_batch: Callable[[BatchMetrics], None] | None = None,
    on_epoch: Callable[[EpochMetrics], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Report:
    """Train (or take from the cache) each model in order and return the table; stops early when asked.

    ``epochs`` overrides every recipe's epoch count (tests, quick looks); ``budget_s`` caps each model's
    training time, measured from a few real batches before committing to a run.
    """
    unknown = [name for name in models if name not in MODELS]
    if unknown:
        raise ValueError(f"unknown model(s) {', '.join(unknown)}; choose from: {', '.join(MODELS)}")
    stop = should_stop or (lambda: False)
    resolved = pick_device(device).type
    n = _train_size(data, subset)
    report = Report([], data.name, n, len(data.test_labels))
    for i, name in enumerate(models):
        if stop():
            report.cancelled = True
            break
        if on_model is not None:
            on_model(name, i, len(models))
        recipe = _effective_recipe(name, epochs)
        key = recipe_key(name, recipe, data, n, seed)
        cached = load_cached_row(key, folder) if use_cache else None
        cached = distributed.from_main(cached)  # under torchrun every process follows rank 0's cache
        if cached is not None and (not cached.shortened or cached.device == resolved):
            report.rows.append(cached)
            continue
        planned, estimate, rate = recipe.epochs, None, None
        if budget_s is not None:
            rate = distributed.from_main(measure_throughput(name, data, device, train=train, should_stop=stop))
            if stop():
                report.cancelled = True
                break
            planned, estimate = plan_epochs(recipe.epochs, n, rate, budget_s)
            if planned == 0:
                report.rows.append(estimate_row(name, recipe.epochs, rate, estimate, resolved))
                continue
        trained = train(name, data, epochs=planned, subset=subset, device=device, seed=seed,
                        on_batch=on_batch, on_epoch=on_epoch, should_stop=stop)
        if trained.result.cancelled:
            report.cancelled = True
            break
        row = row_from_training(name, trained, recipe.epochs, estimate, rate)
        report.rows.append(store_row(key, row, trained, folder) if distributed.is_main() else row)  # rank 0 writes
    report.rows = with_reductions(report.rows)
    return report


# -- output ------------------------------------------------------------------------------------------

def format_duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    if seconds < 3600:
        return f"{int(seconds // 60)} min {int(seconds % 60):02d} s"
    return f"{int(seconds // 3600)} h {int(seconds % 3600 // 60):02d} min"


def format_percent(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}%"


REPORT_COLUMNS = ("Model", "Parameters", "Epochs", "Wall time", "Device", "Test error", "Seed's figure",
                  "Reduction vs previous")


def row_cells(row: ReportRow) -> list[str]:
    """The row as the table shows it (shared by the Markdown file and the app's table)."""
    epochs = f"{row.epochs} of {row.recipe_epochs}" if row.shortened else str(row.epochs)
    wall = format_duration(row.wall_time_s)
    if row.estimated_only and row.full_recipe_estimate_s is not None:
        wall = f"needs ~{format_duration(row.full_recipe_estimate_s)}"
    error = "not trained" if row.estimated_only else format_percent(row.test_error)
    return [row.model, f"{row.parameters:,}", epochs, wall, row.device, error, format_percent(row.seed_error, 1),
            format_percent(row.reduction_vs_previous, 1)]


def row_notes(row: ReportRow) -> list[str]:
    notes = []
    if row.shortened and row.full_recipe_estimate_s is not None:
        done = ("not trained: not even one epoch fits the time budget" if row.estimated_only else
                f"trained {row.epochs} of its recipe's {row.recipe_epochs} epochs to fit the time budget")
        rate = f", {row.samples_per_s:,.0f} training samples/s measured" if row.samples_per_s else ""
        notes.append(
            f"{row.model}: {done}; the full recipe ({row.recipe_epochs} epochs) would need about "
            f"{format_duration(row.full_recipe_estimate_s)} on this {row.device}{rate}. Train it on an NVIDIA GPU "
            f"(`--device cuda`) to reach the seed's figure."
        )
    if (row.seed_error is not None and row.test_error is not None and row.test_error > row.seed_error * 1.25
            and not row.shortened):
        notes.append(f"{row.model}: {row.test_error:.2f}% is above the seed's {row.seed_error:.1f}%.")
    return notes


def report_markdown(report: Report) -> str:
    lines = [
        f"# MNIST test error by model ({report.dataset})",
        "",
        f"Trained on {report.train_samples:,} digits, evaluated on the {report.test_samples:,} test digits; "
        f"run started {report.created}. Total wall time {format_duration(report.wall_time_s)}.",
        "",
        "| " + " | ".join(REPORT_COLUMNS) + " |",
        "|---|---:|---:|---:|---|---:|---:|---:|",
    ]
    lines += ["| " + " | ".join(row_cells(row)) + " |" for row in report.rows]
    notes = [note for row in report.rows for note in row_notes(row)]
    if report.cancelled:
        notes.append("The run was cancelled: models after the last row were not trained.")
    if any(row.cached for row in report.rows):
        notes.append("Rows from the cache keep the wall time and device of the run that produced them.")
    lines += ["", "\"Reduction vs previous\" is the relative drop in test error from the row above.", ""]
    lines += [f"- {note}" for note in notes]
    return "\n".join(lines).rstrip() + "\n"


def write_report(report: Report, out_dir: str | Path) -> list[Path]:
    """Write ``report.md``, ``report.json`` and the bar chart ``report.png`` into ``out_dir``."""
    from cnnviz.zoo.chart import render_error_chart

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    md = out / "report.md"
    md.write_text(report_markdown(report))
    js = out / "report.json"
    js.write_text(json.dumps(report_to_dict(report), indent=1))
    png = render_error_chart(report.rows, out / "report.png")
    return [md, js, png]


def report_to_dict(report: Report) -> dict[str, Any]:
    return {"dataset": report.dataset, "train_samples": report.train_samples, "test_samples": report.test_samples,
            "created": report.created, "cancelled": report.cancelled, "rows": [asdict(r) for r in report.rows]}
