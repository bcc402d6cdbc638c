"""Running the accuracy report: train (or take from the cache) each model in turn, delivering rows as they finish."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from cnnviz.data.mnist import MnistData
from cnnviz.jobs import JobCancelled
from cnnviz.models.registry import MODELS
from cnnviz.models.staged import count_parameters
from cnnviz.training import distributed
from cnnviz.training.augment import black_pixel
from cnnviz.training.checkpoint import load_checkpoint
from cnnviz.training.device import pick_device
from cnnviz.training.run import TrainedModel, train_model
from cnnviz.training.trainer import (
    TTA_SHIFTS,
    BatchMetrics,
    EpochMetrics,
    TensorData,
    ensemble_accuracy,
    tta_accuracy,
)
from cnnviz.wording import worded_error
from cnnviz.zoo.report_cache import (
    DEFAULT_MODELS,
    cache_dir,
    effective_recipe,
    load_cached_row,
    load_ensemble,
    recipe_key,
    store_ensemble,
    store_row,
    train_size,
)
from cnnviz.zoo.report_format import EnsembleFigure, Report, ReportRow, with_reductions
from cnnviz.zoo.report_plan import (
    ReportPlan,
    TrainFn,
    check_models,
    estimate_row,
    measure_throughput,
    plan_epochs,
    published_figures_apply,
)


def row_from_training(name: str, trained: TrainedModel, recipe_epochs: int,
                      full_recipe_estimate_s: float | None = None, samples_per_s: float | None = None,
                      data: MnistData | None = None, should_stop: Callable[[], bool] | None = None) -> ReportRow:
    """One table row from a finished training run: every figure is taken from the run itself (and, for a
    recipe with ``tta``, from evaluating the trained model on ``data``'s test set with shifted copies, which
    raises ``JobCancelled`` once ``should_stop`` says so). MNIST's published error is shown beside it only for
    MNIST's digits (``published_figures_apply``)."""
    result = trained.result
    device = result.device if result.precision == "float32" else f"{result.device}, {result.precision}"
    accuracy = result.test_accuracy
    if accuracy is None:
        raise worded_error(ValueError, "{model}: the run has no test evaluation to report", model=name)
    epochs = len(result.history)
    tta_error = None
    if MODELS[name].recipe.tta and data is not None and data.spec.channels == 1:  # one padding value: grey
        test = TensorData.from_arrays(data.test_images, data.test_labels, data.spec)
        tta_error = round((1 - tta_accuracy(trained.model, test, float(black_pixel(data.spec)),
                                            should_stop=should_stop)) * 100, 3)
    return ReportRow(
        model=name, parameters=count_parameters(trained.model), epochs=epochs, recipe_epochs=recipe_epochs,
        wall_time_s=round(result.elapsed_s, 2),
        device=f"{device} × {distributed.world_size()} (torchrun)" if distributed.active() else device,
        test_error=round((1 - accuracy) * 100, 3),
        seed_error=MODELS[name].seed_error if data is None or published_figures_apply(data) else None,
        full_recipe_estimate_s=full_recipe_estimate_s if epochs < recipe_epochs else None,
        samples_per_s=round(samples_per_s, 1) if samples_per_s is not None and epochs < recipe_epochs else None,
        tta_error=tta_error,
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
    planned: ReportPlan | None = None,
    on_model: Callable[[str, int, int], None] | None = None,
    on_batch: Callable[[BatchMetrics], None] | None = None,
    on_epoch: Callable[[EpochMetrics], None] | None = None,
    on_row: Callable[[ReportRow], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    ensemble: Sequence[str] = (),
    on_ensemble: Callable[[], None] | None = None,
) -> Report:
    """Train (or take from the cache) each model in order and return the table; stops early when asked.

    ``epochs`` overrides every recipe's epoch count (tests, quick looks); ``budget_s`` caps each model's
    training time, measured from a few real batches before committing to a run (or taken from ``planned``,
    the result of ``plan`` with the same settings). ``on_row(row)`` receives each row as soon as it is known,
    its "reduction vs previous" filled in. A run shortened to fit the budget is never served from the cache
    for a longer request. ``ensemble`` names two or more of ``models`` whose trained rows are also tested
    together, their probabilities averaged (``Report.ensemble``, a figure of its own); ``on_ensemble()`` is
    called as that test begins.
    """
    check_models(models)
    check_ensemble(ensemble, models)
    stop = should_stop or (lambda: False)
    resolved = pick_device(device).type
    n = train_size(data, subset)
    report = Report([], data.name, n, len(data.test_labels), seed=seed)
    plans = {p.model: p for p in planned.models} if planned is not None else {}

    def add(row: ReportRow) -> None:
        report.rows.append(row)
        if on_row is not None:
            on_row(with_reductions(report.rows)[-1])

    for i, name in enumerate(models):
        if stop():
            report.cancelled = True
            break
        if on_model is not None:
            on_model(name, i, len(models))
        recipe = effective_recipe(name, epochs)
        cached = load_cached_row(recipe_key(name, recipe, data, n, seed), folder) if use_cache else None
        cached = distributed.from_main(cached)  # under torchrun every process follows rank 0's cache
        if cached is not None:  # the whole recipe was trained: serves any budget
            add(cached)
            continue
        epochs_to_run, estimate, rate = recipe.epochs, None, None
        if budget_s is not None:
            known = plans.get(name)
            if known is not None and known.samples_per_s is not None:
                rate = known.samples_per_s
            else:
                rate = distributed.from_main(measure_throughput(name, data, device, train=train, should_stop=stop))
            if stop():
                report.cancelled = True
                break
            epochs_to_run, estimate = plan_epochs(recipe.epochs, n, rate, budget_s)
            if epochs_to_run == 0:
                add(estimate_row(name, recipe.epochs, rate, estimate, resolved, data))
                continue
            shortened = distributed.from_main(
                load_cached_row(recipe_key(name, recipe, data, n, seed, epochs_to_run), folder)
                if use_cache and epochs_to_run < recipe.epochs else None)
            if shortened is not None:  # the same shortened run, asked for again
                add(shortened)
                continue
        trained = train(name, data, epochs=epochs_to_run, subset=subset, device=device, seed=seed,
                        on_batch=on_batch, on_epoch=on_epoch, should_stop=stop)
        if trained.result.cancelled:
            report.cancelled = True
            break
        try:
            row = row_from_training(name, trained, recipe.epochs, estimate, rate, data, should_stop=stop)
        except JobCancelled:  # stopped while testing the shifted copies: the row is not finished
            report.cancelled = True
            break
        key = recipe_key(name, recipe, data, n, seed, epochs_run=row.epochs)  # keyed by the epochs really run
        add(store_row(key, row, trained, folder) if distributed.is_main() else row)  # rank 0 alone writes
    report.rows = with_reductions(report.rows)
    if ensemble and not report.cancelled and distributed.is_main():
        if on_ensemble is not None:
            on_ensemble()
        try:
            report.ensemble = ensemble_figure(ensemble, report.rows, data, folder, use_cache, should_stop=stop)
        except JobCancelled:  # the rows are finished and kept; the figure is not
            report.cancelled = True
    return report


def check_ensemble(ensemble: Sequence[str], models: Sequence[str]) -> None:
    """An ensemble averages two or more of the report's own models: anything else is one worded error."""
    outside = [name for name in ensemble if name not in models]
    if outside:
        raise worded_error(ValueError, "the ensemble names {names}, which the report does not train; add them "
                           "to the models", names=", ".join(outside))
    if ensemble and len(set(ensemble)) < 2:
        raise worded_error(ValueError, "an ensemble needs two or more different models (got {names})",
                           names=", ".join(ensemble))


def ensemble_figure(names: Sequence[str], rows: Sequence[ReportRow], data: MnistData,
                    folder: Path | None = None, use_cache: bool = True,
                    should_stop: Callable[[], bool] | None = None) -> EnsembleFigure | None:
    """The test error of ``names``' trained models together (each row's checkpoint in the report cache, the
    figure kept beside them), or None when one of them has no trained model (not even one epoch fitted).
    When every member's row has a test-time-augmentation figure, the ensemble gets one too (``tta_error``).
    ``should_stop`` is asked between chunks of the test digits (``JobCancelled``): nothing is kept then."""
    by_name = {row.model: row for row in rows}
    chosen = [row for name in dict.fromkeys(names) if (row := by_name.get(name)) and row.checkpoint]
    if len(chosen) < len(set(names)):
        return None
    checkpoints = [row.checkpoint for row in chosen]
    with_tta = all(row.tta_error is not None for row in chosen)
    known = load_ensemble(checkpoints, folder) if use_cache else None
    if known is not None and (known.tta_error is not None or not with_tta):
        return known  # (a figure stored before its TTA twin was measured is measured again)
    folder = folder or cache_dir()
    models = [load_checkpoint(folder / name)[0] for name in checkpoints]
    test = TensorData.from_arrays(data.test_images, data.test_labels, data.spec)
    plain, shifted = ensemble_accuracy(models, test, should_stop, float(black_pixel(data.spec)),
                                       TTA_SHIFTS if with_tta else ((0, 0),))  # JobCancelled once told to stop
    tta_error = round((1 - shifted) * 100, 3) if with_tta else None
    figure = EnsembleFigure(tuple(row.model for row in chosen), round((1 - plain) * 100, 3), tta_error)
    store_ensemble(figure, checkpoints, folder)
    return figure
