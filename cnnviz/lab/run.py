"""Train the FC network and the CNN on the very same images (of any opened data set), reporting both as they learn."""

from __future__ import annotations

import contextlib
import copy
import itertools
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

import numpy as np
import torch

from cnnviz.data import MnistData, stratified_subset
from cnnviz.introspect import conv_filters
from cnnviz.lab.config import ComparisonConfig
from cnnviz.models import count_parameters
from cnnviz.models.staged import StagedNet
from cnnviz.training import (
    BatchMetrics,
    EpochMetrics,
    EvalResult,
    TensorData,
    TrainConfig,
    Trainer,
    evaluate,
    pick_device,
)
from cnnviz.training.device import CPU_CORES, compute_threads, training_threads
from cnnviz.training.seeding import build_seeded
from cnnviz.training.trainer import evaluate_unless_stopped
from cnnviz.wording import Wording, worded

FC_KEY, CNN_KEY = "fc", "cnn"
FILTER_SNAPSHOT_EVERY = 50  # batches between live filter snapshots (plus one at every epoch's end)
# The CNN's gradients (per-stage norms, conv1's weight gradients) are sampled every this many batches:
# a sample costs ~0.3 ms against a 10–40 ms batch (explorer CNN, batch 64, 2 cores), so every batch
# would do; 2 halves the points the curves redraw. `python -m benchmarks throughput` measures it.
GRADIENT_EVERY = 2
EVAL_PARTS = CPU_CORES  # threads sharing each per-epoch test evaluation on the CPU
EVAL_BATCH_SIZE = 500  # measured fastest for the explorer CNN on a 2-core CPU (benchmarks/bench_training_lab.py)


@dataclass(frozen=True)
class ModelBatchMetrics(BatchMetrics):
    """A batch of one of the two models; the CNN's now and then carry a copy of its first-layer filters."""

    model: str = ""
    filters: np.ndarray | None = None  # (out_channels, kh, kw)


@dataclass(frozen=True)
class ModelEpochMetrics(EpochMetrics):
    """An epoch of one of the two models; the CNN's carry a copy of its first-layer filters."""

    model: str = ""
    filters: np.ndarray | None = None


@dataclass
class ModelRun:
    """Everything the results table and the curves show about one model of a comparison."""

    key: str
    label: Wording  # "FC (hidden 128)": ComparisonConfig.fc_label / cnn_label
    parameters: int
    test_samples: int
    batches_per_epoch: int = 0
    batch_losses: list[float] = field(default_factory=list)  # every batch's training loss, in order
    history: list[EpochMetrics] = field(default_factory=list)
    train_time_s: float = 0.0
    train_accuracy: float | None = None  # of the finished model on its training digits
    test_accuracy: float | None = None
    cancelled: bool = False
    filters: np.ndarray | None = None  # the CNN's final first-layer filters
    device: str = "cpu"  # where it really trained (the CPU after a GPU ran out of memory)
    notices: list[str] = field(default_factory=list)  # e.g. "ran out of memory; restarted on the CPU"

    @property
    def test_errors(self) -> int | None:
        if self.test_accuracy is None:
            return None
        return self.test_samples - round(self.test_accuracy * self.test_samples)


@dataclass
class ComparisonResult:
    config: ComparisonConfig
    fc: ModelRun
    cnn: ModelRun
    wall_time_s: float

    @property
    def device(self) -> str:
        """The device(s) that really trained, e.g. "cpu" after a GPU ran out of memory, or "cpu, cuda"."""
        return ", ".join(dict.fromkeys(run.device for run in self.runs))

    @property
    def notices(self) -> list[Wording]:
        """What the user should be told about the run, each naming its model."""
        return [worded("{model}: {notice}", model=run.label, notice=notice) for run in self.runs
                for notice in run.notices]

    @property
    def cancelled(self) -> bool:
        return self.fc.cancelled or self.cnn.cancelled

    @property
    def runs(self) -> tuple[ModelRun, ModelRun]:
        return self.fc, self.cnn


BatchCallback = Callable[[ModelBatchMetrics], None]
EpochCallback = Callable[[ModelEpochMetrics], None]
RestartCallback = Callable[[str, str], None]  # (model key, notice): drop that model's curves, it starts again
# (model key, epoch, the model): epoch 0 before training, then after each tested epoch; copy what you keep
SnapshotCallback = Callable[[str, int, StagedNet], None]


def comparison_test_indices(config: ComparisonConfig, data: MnistData) -> np.ndarray:
    """Which of ``data``'s test digits a comparison tests on (all of them, or a seeded stratified subset)."""
    if config.test_samples is None or config.test_samples >= len(data.test_labels):
        return np.arange(len(data.test_labels))
    return stratified_subset(data.test_labels, config.test_samples, config.seed)


def comparison_data(config: ComparisonConfig, data: MnistData) -> tuple[TensorData, TensorData]:
    """The seeded stratified training subset and the test digits both models see."""
    train_idx = stratified_subset(data.train_labels, config.train_samples, config.seed)
    train = TensorData.from_arrays(data.train_images[train_idx], data.train_labels[train_idx], data.spec)
    test_idx = comparison_test_indices(config, data)
    return train, TensorData.from_arrays(data.test_images[test_idx], data.test_labels[test_idx], data.spec)


def build_pair(config: ComparisonConfig) -> tuple[StagedNet, StagedNet]:
    """The FC network and the CNN, each initialised from the run's seed, for the config's input and classes
    (``config.for_data(data)``: colour data gives the CNN 3 input maps and the FC network 3 × H × W inputs)."""
    io = {"in_channels": config.in_channels, "num_classes": config.num_classes, "input_size": config.input_size}
    # Each from its own generator: torch's global RNG may be reseeded by another thread at any moment.
    fc = build_seeded("mlp", config.seed, hidden=config.fc_hidden, **io)
    cnn = build_seeded("explorer_cnn", config.seed, conv1_filters=config.conv1_filters,
                       conv2_filters=config.conv2_filters, **io)
    # Channels-last convolutions measured about twice as fast on the CPU; results are the same.
    cnn = cnn.to(memory_format=torch.channels_last)  # type: ignore[call-overload]
    return fc, cnn


def first_layer_filters(model: StagedNet) -> np.ndarray:
    """The first convolution's kernels: (out_channels, kh, kw) on grey input, (out_channels, 3, kh, kw) on
    colour input (each kernel's red, green and blue weights, drawn as one coloured patch)."""
    weights = conv_filters(model)[0].weights  # (out, in, kh, kw)
    return weights[:, 0] if weights.shape[1] == 1 else weights


class SplitEvaluator:
    """Test loss and accuracy after each epoch, the digits split into ``parts`` evaluated at once.

    Every part but the first runs on a pool thread with its own copy of the model (a model is
    never shared across threads). Testing all 10,000 digits is most of a default run's work: when
    the other core is free this halves it; on a busy CPU it measured no slower than one piece.
    """

    def __init__(self, test: TensorData, parts: int, pool: ThreadPoolExecutor | None,
                 should_stop: Callable[[], bool] = lambda: False):
        bounds = np.linspace(0, len(test), max(1, parts) + 1).astype(int)
        self.parts = [TensorData(test.x[a:b], test.y[a:b]) for a, b in itertools.pairwise(bounds)]
        self.pool = pool
        self.should_stop = should_stop

    def __call__(self, model: StagedNet) -> tuple[float, float] | None:
        """Test loss and accuracy; None when asked to stop (checked between chunks of every part)."""
        if self.pool is None:
            results = [evaluate_unless_stopped(model, part, self.should_stop, EVAL_BATCH_SIZE) for part in self.parts]
        else:  # one thread per part, this one included, so the parts never oversubscribe the cores
            futures = [self.pool.submit(self._evaluate_alone, copy.deepcopy(model), part) for part in self.parts[1:]]
            results = [self._evaluate_alone(model, self.parts[0]), *(f.result() for f in futures)]
        finished = [r for r in results if r is not None]
        if len(finished) < len(results):
            return None
        count = sum(len(r.labels) for r in finished)
        correct = sum(int((r.predictions == r.labels).sum()) for r in finished)
        loss = sum(r.loss * len(r.labels) for r in finished) / max(1, count)
        return loss, correct / max(1, count)

    def _evaluate_alone(self, model: StagedNet, part: TensorData) -> EvalResult | None:
        with compute_threads(1):
            return evaluate_unless_stopped(model, part, self.should_stop, EVAL_BATCH_SIZE)


@dataclass(frozen=True)
class _Job:
    """What both models' training shares: the settings, the digits and the callbacks."""

    config: ComparisonConfig
    train: TensorData
    evaluate_test: SplitEvaluator
    on_batch: BatchCallback | None
    on_epoch: EpochCallback | None
    should_stop: Callable[[], bool]
    on_restart: RestartCallback | None = None
    on_snapshot: SnapshotCallback | None = None


def _train_one(job: _Job, key: str, label: Wording, model: StagedNet, threads: int) -> ModelRun:
    """Train one model on the calling thread with ``threads`` CPU threads, testing it after every epoch."""
    config = job.config
    run = ModelRun(key, label, count_parameters(model), sum(len(p) for p in job.evaluate_test.parts))
    has_filters = key == CNN_KEY

    def batch_done(m: BatchMetrics) -> None:
        run.batches_per_epoch = m.batches_per_epoch
        run.batch_losses.append(m.loss)
        step = len(run.batch_losses)
        snapshot = has_filters and (step == 1 or step % FILTER_SNAPSHOT_EVERY == 0)
        if job.on_batch is not None:
            job.on_batch(ModelBatchMetrics(**vars(m), model=key,
                                           filters=first_layer_filters(model) if snapshot else None))

    def epoch_done(m: EpochMetrics) -> None:
        scores = job.evaluate_test(model)
        if scores is None:  # stopped during the test: the trainer ends the run before the next batch
            return
        test_loss, test_accuracy = scores
        tested = replace(m, test_loss=test_loss, test_accuracy=test_accuracy)
        run.history.append(tested)
        if job.on_snapshot is not None:
            job.on_snapshot(key, m.epoch, model)
        if job.on_epoch is not None:
            job.on_epoch(ModelEpochMetrics(**vars(tested), model=key,
                                           filters=first_layer_filters(model) if has_filters else None))

    train_config = TrainConfig(
        epochs=config.epochs, batch_size=config.batch_size, lr=config.lr, optimizer=config.optimizer,
        seed=config.seed, device=config.device, eval_each_epoch=False, threads=threads,
        gradient_every=GRADIENT_EVERY if has_filters else 0,
    )
    def restarted(notice: str) -> None:  # the GPU attempt's batches and epochs are not this run's history
        run.batch_losses.clear()
        run.history.clear()
        if job.on_restart is not None:
            job.on_restart(key, notice)

    if job.on_snapshot is not None:
        job.on_snapshot(key, 0, model)  # the untrained start
    result = Trainer(model, train_config, batch_done, epoch_done, job.should_stop, restarted).fit(job.train)
    run.cancelled, run.train_time_s = result.cancelled, result.elapsed_s
    run.device, run.notices = result.device, list(result.notices)
    if not result.cancelled:
        run.test_accuracy = run.history[-1].test_accuracy
        with compute_threads(threads):
            run.train_accuracy = evaluate(model, job.train, EVAL_BATCH_SIZE).accuracy
    if has_filters:
        run.filters = first_layer_filters(model)
    return run


def run_comparison(
    config: ComparisonConfig,
    data: MnistData,
    on_batch: BatchCallback | None = None,
    on_epoch: EpochCallback | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_restart: RestartCallback | None = None,
    on_snapshot: SnapshotCallback | None = None,
) -> ComparisonResult:
    """Train both models from scratch on the same digits; callbacks may come from two threads at once.

    ``should_stop`` is checked before every batch of either model. ``on_restart(key, notice)`` says a
    model's GPU ran out of memory and it starts again on the CPU (its curves so far are void).
    ``on_snapshot(key, epoch, model)`` sees each model untrained (epoch 0) and after every tested epoch. Raises
    ``ValueError`` for a bad configuration before any work starts.
    """
    config.check(data)
    config = config.for_data(data)
    device = pick_device(config.device)
    train, test = comparison_data(config, data)
    fc, cnn = build_pair(config)
    # The test digits are split over the cores (on the CPU; a GPU needs no help): testing is most of the work.
    parts = EVAL_PARTS if device.type == "cpu" else 1
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=parts - 1) if parts > 1 else contextlib.nullcontext() as pool:
        stop = should_stop or (lambda: False)
        job = _Job(config, train, SplitEvaluator(test, parts, pool, stop), on_batch, on_epoch, stop, on_restart,
                   on_snapshot)
        if config.mode == "concurrent":
            fc_run, cnn_run = _train_concurrently(job, fc, cnn)
        else:
            threads = training_threads()
            fc_run = _train_one(job, FC_KEY, config.fc_label, fc, threads)
            cnn_run = _train_one(job, CNN_KEY, config.cnn_label, cnn, threads)
    return ComparisonResult(config, fc_run, cnn_run, time.perf_counter() - start)


def _train_concurrently(job: _Job, fc: StagedNet, cnn: StagedNet) -> tuple[ModelRun, ModelRun]:
    """The CNN on a helper thread and the FC network here, sharing the cores; a failure stops both."""
    failed = threading.Event()
    threads = max(1, training_threads() // 2)
    asked = job.should_stop
    job = replace(job, should_stop=lambda: failed.is_set() or asked())
    outcome: dict[str, ModelRun | BaseException] = {}

    def cnn_job() -> None:
        try:
            outcome["run"] = _train_one(job, CNN_KEY, job.config.cnn_label, cnn, threads)
        except BaseException as exc:
            outcome["error"] = exc
            failed.set()

    helper = threading.Thread(target=cnn_job, name="cnnviz-lab-cnn", daemon=True)
    helper.start()
    try:
        fc_run = _train_one(job, FC_KEY, job.config.fc_label, fc, threads)
    except BaseException:
        failed.set()
        helper.join()
        raise
    helper.join()
    cnn_outcome = outcome.get("error") or outcome["run"]
    if isinstance(cnn_outcome, BaseException):
        raise cnn_outcome
    return fc_run, cnn_outcome
