"""The accuracy report's cache: each result with its trained checkpoint, keyed by what determines its numbers.

A key covers the model and its layers as built, its recipe as requested, the epochs actually trained, the
data's checksum (not just its name), the training subset and seed, and the cnnviz version. A run shortened
to fit a time budget is therefore stored under its own epochs and is never served for a longer request.
"""

from __future__ import annotations

import hashlib
import json
import weakref
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import cnnviz
from cnnviz.data.mnist import MnistData
from cnnviz.models.registry import MODELS, Recipe, build_model
from cnnviz.paths import user_data_dir
from cnnviz.training.checkpoint import save_checkpoint, write_atomically
from cnnviz.training.run import TrainedModel, data_model_kwargs
from cnnviz.wording import Wording, worded
from cnnviz.zoo.report_format import EnsembleFigure, Report, ReportRow, with_reductions

DEFAULT_MODELS: tuple[str, ...] = ("logistic", "mlp", "small_cnn", "modern_cnn")
CACHE_VERSION = 3  # 2: keyed by epochs run, data checksum and cnnviz version; 3: and by the architecture

_checksums: dict[int, str] = {}


def cache_dir() -> Path:
    return user_data_dir() / "report-cache"


def data_checksum(data: MnistData) -> str:
    """SHA-256 of every image and label (about 0.2 s for MNIST; remembered while ``data`` lives)."""
    known = _checksums.get(id(data))
    if known is not None:
        return known
    digest = hashlib.sha256()
    for array in (data.train_images, data.train_labels, data.test_images, data.test_labels):
        digest.update(str((array.shape, array.dtype.str)).encode())
        digest.update(memoryview(array.tobytes()))
    _checksums[id(data)] = checksum = digest.hexdigest()
    weakref.finalize(data, _checksums.pop, id(data), None)
    return checksum


def effective_recipe(name: str, epochs: int | None) -> Recipe:
    """The model's recipe, with its epochs overridden when asked (tests, quick looks)."""
    recipe = MODELS[name].recipe
    return replace(recipe, epochs=epochs) if epochs else recipe


def train_size(data: MnistData, subset: int | None) -> int:
    n = len(data.train_labels)
    return min(subset, n) if subset is not None else n


# Recipe settings added after results were cached; each is left out of the key while it has its default.
_LATER_SETTINGS = ("cutout",)
_DEFAULT_RECIPE = Recipe()


def _ident(name: str, recipe: Recipe, data: MnistData, train_samples: int, seed: int) -> dict[str, Any]:
    # The layers as built (their printout: sizes, dropout rates), so a changed architecture is trained anew
    # even where the recipe and the version are the same (a few milliseconds for the largest model here).
    layers = repr(build_model(name, **data_model_kwargs(data)))
    settings = asdict(recipe)
    for later in _LATER_SETTINGS:  # at its default a setting added later trains as before: keep those results
        if settings[later] == getattr(_DEFAULT_RECIPE, later):
            del settings[later]
    return {"version": CACHE_VERSION, "cnnviz": cnnviz.__version__, "model": name, "recipe": settings,
            "layers": layers, "data": data_checksum(data), "train": train_samples, "seed": seed}


def recipe_key(name: str, recipe: Recipe, data: MnistData, train_samples: int, seed: int,
               epochs_run: int | None = None) -> str:
    """Identifies a result: the same model, recipe, epochs trained, digits, seed and cnnviz give the same numbers."""
    ident = {**_ident(name, recipe, data, train_samples, seed),
             "epochs_run": recipe.epochs if epochs_run is None else epochs_run}
    digest = hashlib.sha256(json.dumps(ident, sort_keys=True).encode()).hexdigest()[:16]
    return f"{name}-{digest}"


def load_cached_row(key: str, folder: Path | None = None) -> ReportRow | None:
    """The cached row for ``key`` when both its JSON and its checkpoint are intact, else None."""
    folder = folder or cache_dir()
    try:
        raw = json.loads((folder / f"{key}.json").read_text())
        row = ReportRow(**raw["row"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if raw.get("version") != CACHE_VERSION or (row.checkpoint and not (folder / row.checkpoint).is_file()):
        return None
    return replace(row, cached=True, reduction_vs_previous=None)


def store_row(key: str, row: ReportRow, trained: TrainedModel, folder: Path | None = None) -> ReportRow:
    """Save the checkpoint and the row next to it (checkpoint first, so a row never lacks its weights)."""
    folder = folder or cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    row = replace(row, checkpoint=f"{key}.pt")
    save_checkpoint(trained.model, folder / row.checkpoint, trained.meta)
    payload = {"version": CACHE_VERSION, "row": asdict(replace(row, cached=False, reduction_vs_previous=None))}
    _write_json(folder / f"{key}.json", payload)
    return row


def _write_json(path: Path, payload: dict[str, Any]) -> None:
    write_atomically(path, lambda fh: fh.write(json.dumps(payload, indent=1).encode()))


def cached_row_for(name: str, data: MnistData, subset: int | None = None, seed: int = 0,
                   epochs: int | None = None, folder: Path | None = None) -> ReportRow | None:
    """The full recipe's cached row, else the longest shortened run of it (its row says "N of M epochs")."""
    recipe = effective_recipe(name, epochs)
    n = train_size(data, subset)
    for epochs_run in range(recipe.epochs, 0, -1):
        row = load_cached_row(recipe_key(name, recipe, data, n, seed, epochs_run), folder)
        if row is not None:
            return row
    return None


def cached_report(data: MnistData, models: Sequence[str] = DEFAULT_MODELS, subset: int | None = None,
                  seed: int = 0, folder: Path | None = None) -> Report:
    """Whatever the cache already knows for these models, without training anything (for instant views),
    with the largest ensemble of their checkpoints that a report measured."""
    rows = [row for name in models if (row := cached_row_for(name, data, subset, seed, folder=folder))]
    return Report(with_reductions(rows), data.name, train_size(data, subset), len(data.test_labels), seed=seed,
                  ensemble=cached_ensemble(rows, folder))


def _ensemble_path(checkpoints: Sequence[str], folder: Path | None) -> Path:
    digest = hashlib.sha256(json.dumps(sorted(checkpoints)).encode()).hexdigest()[:16]
    return (folder or cache_dir()) / f"ensemble-{digest}.json"


def store_ensemble(figure: EnsembleFigure, checkpoints: Sequence[str], folder: Path | None = None) -> None:
    """Keep an ensemble's figure beside its members' checkpoints (their file names identify it)."""
    path = _ensemble_path(checkpoints, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_json(path, {"version": CACHE_VERSION, "checkpoints": sorted(checkpoints), "ensemble": asdict(figure)})


def _read_ensemble(path: Path, folder: Path) -> tuple[frozenset[str], EnsembleFigure] | None:
    try:
        raw = json.loads(path.read_text())
        members = frozenset(str(name) for name in raw["checkpoints"])
        tta = raw["ensemble"].get("tta_error")  # absent from figures stored before it was measured
        figure = EnsembleFigure(tuple(raw["ensemble"]["models"]), float(raw["ensemble"]["test_error"]),
                                None if tta is None else float(tta))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if raw.get("version") != CACHE_VERSION or not all((folder / name).is_file() for name in members):
        return None
    return members, figure


def load_ensemble(checkpoints: Sequence[str], folder: Path | None = None) -> EnsembleFigure | None:
    """The stored figure of exactly these checkpoints together, else None."""
    found = _read_ensemble(_ensemble_path(checkpoints, folder), folder or cache_dir())
    return found[1] if found is not None and found[0] == frozenset(checkpoints) else None


def cached_ensemble(rows: Sequence[ReportRow], folder: Path | None = None) -> EnsembleFigure | None:
    """The stored ensemble with the most members among ``rows``' checkpoints, or None."""
    folder = folder or cache_dir()
    have = {row.checkpoint for row in rows if row.checkpoint}
    found = [item for path in sorted(folder.glob("ensemble-*.json")) if (item := _read_ensemble(path, folder))]
    fitting = [figure for members, figure in found if members <= have]
    return max(fitting, key=lambda figure: len(figure.models), default=None)


def cached_checkpoints(folder: Path | None = None) -> list[tuple[Wording | str, Path]]:
    """Every cached trained model as (label, checkpoint path), e.g. ("small_cnn", …) or
    ("mlp (2 of 10 epochs)", …) for a run shortened to fit the time budget (then worded); sorted by label."""
    folder = folder or cache_dir()
    found: list[tuple[Wording | str, Path]] = []
    for entry in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        row = load_cached_row(entry.stem, folder)
        if row is None or not row.checkpoint:
            continue
        label = (worded("{model} ({epochs} of {recipe} epochs)", model=row.model, epochs=row.epochs,
                        recipe=row.recipe_epochs) if row.shortened else row.model)
        found.append((label, folder / row.checkpoint))
    return sorted(found, key=lambda item: (str(item[0]), item[1]))
