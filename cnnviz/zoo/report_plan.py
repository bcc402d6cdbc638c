"""Planning a report before running it: measured throughput, the epochs that fit the budget, estimated time."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import torch

from cnnviz.data.mnist import MNIST_CLASSES, MnistData
from cnnviz.models.registry import MODELS, build_model
from cnnviz.models.staged import count_parameters
from cnnviz.training.run import TrainedModel, data_model_kwargs, train_model
from cnnviz.training.trainer import BatchMetrics, swa_epoch_count
from cnnviz.wording import worded_error
from cnnviz.zoo.report_cache import (
    DEFAULT_MODELS,
    effective_recipe,
    load_cached_row,
    recipe_key,
    train_size,
)
from cnnviz.zoo.report_format import ReportRow

EVAL_OVERHEAD = 1.1  # evaluating the 10,000 test digits after each epoch adds roughly this factor

TrainFn = Callable[..., TrainedModel]


def measure_throughput(name: str, data: MnistData, device: str = "auto", batches: int = 6,
                       train: TrainFn = train_model, should_stop: Callable[[], bool] | None = None) -> float:
    """Training samples per second for ``name``'s recipe on ``device``, from a few real batches.

    A recipe that trains its averaged epochs in float32 and the others under bfloat16 (``Recipe.bf16``) is
    measured both ways and the rate is the whole recipe's: on this 2-core AMX machine a float32 epoch of
    modern_cnn takes about twice a bfloat16 one, so the bfloat16 rate alone would promise too little time.
    """
    recipe = MODELS[name].recipe
    rate = _measured_rate(name, data, device, batches, train, should_stop)
    averaged = swa_epoch_count(recipe.epochs, recipe.swa_fraction)
    if not recipe.bf16 or averaged == 0 or rate <= 0:
        return rate
    full_precision = _measured_rate(name, data, device, batches, train, should_stop, bf16=False)
    if full_precision <= 0:
        return rate
    return recipe.epochs / ((recipe.epochs - averaged) / rate + averaged / full_precision)


def _measured_rate(name: str, data: MnistData, device: str, batches: int, train: TrainFn,
                   should_stop: Callable[[], bool] | None, **overrides: object) -> float:
    batch_size = MODELS[name].recipe.batch_size
    marks: list[tuple[int, float]] = []

    def on_batch(m: BatchMetrics) -> None:
        marks.append((m.batch * batch_size, m.elapsed_s))

    train(name, data, epochs=1, subset=batch_size * batches, device=device, on_batch=on_batch,
          should_stop=should_stop, eval_each_epoch=False, **overrides)
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


def published_figures_apply(data: MnistData) -> bool:
    """The seed documents' MNIST error rates compare only with MNIST's digits (28×28 grey, classes 0–9)."""
    return data.class_names == MNIST_CLASSES and data.image_shape == (28, 28)


def estimate_row(name: str, recipe_epochs: int, samples_per_s: float, full_recipe_estimate_s: float,
                 device: str, data: MnistData | None = None) -> ReportRow:
    """A row for a recipe too slow to train even one epoch within the budget: the estimate, no error.

    The parameters are counted for ``data``'s channels, size and classes (MNIST's when not given).
    """
    with torch.device("meta"):  # only counted: no memory, no random draws
        model = build_model(name, **(data_model_kwargs(data) if data is not None else {}))
    return ReportRow(
        model=name, parameters=count_parameters(model), epochs=0, recipe_epochs=recipe_epochs,
        wall_time_s=0.0, device=device, test_error=None,
        seed_error=MODELS[name].seed_error if data is None or published_figures_apply(data) else None,
        full_recipe_estimate_s=full_recipe_estimate_s, samples_per_s=round(samples_per_s, 1),
    )


@dataclass(frozen=True)
class ModelPlan:
    """What running one model of the report will do: from the cache, or train ``epochs`` in about ``estimated_s``."""

    model: str
    recipe_epochs: int
    epochs: int  # epochs that will be trained (fewer than the recipe's when the budget is short; 0: estimate only)
    estimated_s: float  # this run's estimated seconds (0 from the cache)
    full_recipe_estimate_s: float | None  # the whole recipe's estimated seconds (None from the cache)
    samples_per_s: float | None  # measured training throughput (None from the cache)
    cached: bool

    @property
    def shortened(self) -> bool:
        return self.epochs < self.recipe_epochs


@dataclass(frozen=True)
class ReportPlan:
    models: tuple[ModelPlan, ...]

    @property
    def total_s(self) -> float:
        """Estimated seconds for the whole report, as the app shows it before Run."""
        return sum(m.estimated_s for m in self.models)


def plan_model(name: str, data: MnistData, *, device: str = "auto", budget_s: float | None = None,
               subset: int | None = None, epochs: int | None = None, seed: int = 0, use_cache: bool = True,
               folder: Path | None = None, train: TrainFn = train_model,
               should_stop: Callable[[], bool] | None = None) -> ModelPlan:
    """One model's plan: its full run from the cache, else a few real batches measured and the epochs that fit."""
    recipe = effective_recipe(name, epochs)
    n = train_size(data, subset)
    if use_cache and load_cached_row(recipe_key(name, recipe, data, n, seed), folder) is not None:
        return ModelPlan(name, recipe.epochs, recipe.epochs, 0.0, None, None, cached=True)
    rate = measure_throughput(name, data, device, train=train, should_stop=should_stop)
    planned, full = plan_epochs(recipe.epochs, n, rate, budget_s)
    estimate = full * planned / max(recipe.epochs, 1)
    return ModelPlan(name, recipe.epochs, planned, estimate, full, rate, cached=False)


def plan(data: MnistData, models: Sequence[str] = DEFAULT_MODELS, *, device: str = "auto",
         budget_s: float | None = None, subset: int | None = None, epochs: int | None = None, seed: int = 0,
         use_cache: bool = True, folder: Path | None = None, train: TrainFn = train_model,
         should_stop: Callable[[], bool] | None = None) -> ReportPlan:
    """Every model's plan and the estimated total, before anything is trained (a few batches each are measured).

    A full run already in the cache costs nothing; a shortened one may be reused but is estimated as a run.
    """
    check_models(models)
    return ReportPlan(tuple(
        plan_model(name, data, device=device, budget_s=budget_s, subset=subset, epochs=epochs, seed=seed,
                   use_cache=use_cache, folder=folder, train=train, should_stop=should_stop)
        for name in models
    ))


def check_models(models: Sequence[str]) -> None:
    unknown = [name for name in models if name not in MODELS]
    if unknown:
        raise worded_error(ValueError, "unknown model(s) {unknown}; choose from: {known}",
                           unknown=", ".join(unknown), known=", ".join(MODELS))
