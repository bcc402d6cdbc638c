"""Training and evaluation over in-memory tensors, with per-batch callbacks and cancellation."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from cnnviz.data.transforms import MNIST_INPUT, InputSpec, to_spec_input
from cnnviz.jobs import check
from cnnviz.models.registry import Recipe
from cnnviz.models.staged import eval_mode
from cnnviz.training import distributed
from cnnviz.training.augment import black_pixel, cutout, elastic, random_affine
from cnnviz.training.device import compute_threads, fast_bfloat16, is_out_of_memory, pick_device, training_threads
from cnnviz.training.gradients import GradientProbe, GradientSample
from cnnviz.training.seeding import generator_dropout, run_generator


@dataclass(frozen=True)
class TensorData:
    """Normalised images (N, C, H, W) float32 and labels (N,) int64, kept whole in memory.

    ``spec`` says how the pixels were normalised (augmentation needs the value of a black pixel).
    """

    x: torch.Tensor
    y: torch.Tensor
    spec: InputSpec = MNIST_INPUT

    @classmethod
    def from_arrays(cls, images: np.ndarray, labels: np.ndarray, spec: InputSpec = MNIST_INPUT) -> TensorData:
        """uint8 images (N, H, W) or (N, H, W, 3) — a memory-mapped array too — normalised for ``spec``.

        Converted a chunk at a time straight into the result, so a large colour set never holds its float
        temporaries (several times the result's size) all at once.
        """
        n = len(images)
        x = torch.empty((n, spec.channels, *spec.size), dtype=torch.float32)
        for start in range(0, n, _CONVERT_CHUNK):
            x[start : start + _CONVERT_CHUNK] = to_spec_input(np.asarray(images[start : start + _CONVERT_CHUNK]), spec)
        return cls(x, torch.from_numpy(np.array(labels, dtype=np.int64)), spec)  # a copy: labels may be read-only

    def __len__(self) -> int:
        return int(self.y.shape[0])

    def to(self, device: torch.device) -> TensorData:
        return TensorData(self.x.to(device), self.y.to(device), self.spec)


_CONVERT_CHUNK = 4096  # images per conversion step


@dataclass(frozen=True)
class TrainConfig:
    epochs: int = 3
    batch_size: int = 64
    lr: float = 1e-3
    optimizer: str = "adam"  # "adam" or "sgd"
    momentum: float = 0.9
    nesterov: bool = False  # with "sgd": Nesterov momentum
    weight_decay: float = 0.0
    schedule: str = "none"  # "none" or "onecycle"
    augment: bool = False
    distort: bool = False
    cutout: int = 0  # see Recipe.cutout
    label_smoothing: float = 0.0
    ema_decay: float = 0.0
    swa_fraction: float = 0.0  # see Recipe; the averaged weights are tested and kept once there are any
    swa_lr: float = 0.0
    swa_bn_samples: int = 10_000  # training digits the averaged weights' batch-norm statistics come from
    seed: int = 0
    device: str = "auto"
    eval_each_epoch: bool = True
    eval_batch_size: int = 1000
    threads: int = 0  # CPU threads while training; 0 = all cores but one (training_threads())
    gradient_every: int = 0  # batches between gradient samples on BatchMetrics.gradients (0: none)
    bf16: bool = False  # see Recipe.bf16: the forward pass and loss in bfloat16 where that is faster, but for
    # the averaged epochs

    @classmethod
    def from_recipe(cls, recipe: Recipe, **overrides: Any) -> TrainConfig:
        base = cls(
            epochs=recipe.epochs, batch_size=recipe.batch_size, lr=recipe.lr,
            optimizer=recipe.optimizer, nesterov=recipe.nesterov, weight_decay=recipe.weight_decay,
            schedule=recipe.schedule, augment=recipe.augment, distort=recipe.distort,
            cutout=recipe.cutout, label_smoothing=recipe.label_smoothing, ema_decay=recipe.ema_decay,
            swa_fraction=recipe.swa_fraction, swa_lr=recipe.swa_lr, bf16=recipe.bf16,
        )
        return replace(base, **overrides)


@dataclass(frozen=True)
class BatchMetrics:
    epoch: int  # 1-based
    batch: int  # 1-based within the epoch
    batches_per_epoch: int
    loss: float
    accuracy: float  # of this batch, in [0, 1]
    samples_per_s: float
    elapsed_s: float
    gradients: GradientSample | None = None  # every TrainConfig.gradient_every batches, from the first

    @property
    def progress(self) -> float:
        """Fraction of the epoch done, for progress bars."""
        return self.batch / self.batches_per_epoch


@dataclass(frozen=True)
class EpochMetrics:
    epoch: int
    epochs: int
    train_loss: float
    train_accuracy: float
    test_loss: float | None
    test_accuracy: float | None
    samples_per_s: float
    elapsed_s: float


@dataclass
class TrainResult:
    history: list[EpochMetrics] = field(default_factory=list)
    cancelled: bool = False
    elapsed_s: float = 0.0
    device: str = "cpu"
    precision: str = "float32"  # or "bfloat16" (autocast while training, but for the averaged epochs; the
    # weights and tests stay float32)
    notices: list[str] = field(default_factory=list)  # e.g. "fell back to the CPU", for the user to see

    @property
    def test_accuracy(self) -> float | None:
        for metrics in reversed(self.history):
            if metrics.test_accuracy is not None:
                return metrics.test_accuracy
        return None


@dataclass(frozen=True)
class EvalResult:
    loss: float
    accuracy: float
    predictions: np.ndarray  # (N,) predicted class
    confidences: np.ndarray  # (N,) softmax probability of the predicted class
    labels: np.ndarray  # (N,)

    @property
    def errors(self) -> int:
        return int((self.predictions != self.labels).sum())


def _make_optimizer(model: nn.Module, config: TrainConfig) -> torch.optim.Optimizer:
    if config.optimizer == "adam":
        return torch.optim.Adam(model.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    if config.optimizer == "sgd":
        return torch.optim.SGD(
            model.parameters(), lr=config.lr, momentum=config.momentum, nesterov=config.nesterov,
            weight_decay=config.weight_decay,
        )
    raise ValueError(f"unknown optimizer {config.optimizer!r} (use 'adam' or 'sgd')")


def warm_up() -> None:
    """Pay PyTorch's one-time cost of the first optimizer (it imports torch._dynamo: 1.8 s here) now.

    That import happens inside a training job's set-up, where Stop cannot reach it, so the app calls this
    in the background once it is up: the first Stop or Close during a training then answers within a batch.
    """
    torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)


@contextlib.contextmanager
def channels_last_on_cpu(model: nn.Module) -> Iterator[None]:
    """Run a conv model channels-last on the CPU, then put its usual layout back.

    Measured on 2 cores: training 25–30% and batch evaluation about 2× faster (benchmarks/README.md).
    A model that is already channels-last (evaluation during training) is left as it is.
    """
    weights = [m.weight for m in model.modules() if isinstance(m, nn.Conv2d)]
    convert = bool(weights) and weights[0].device.type == "cpu" and all(w.is_contiguous() for w in weights)
    if convert:
        model.to(memory_format=torch.channels_last)  # type: ignore[call-overload]
    try:
        yield
    finally:
        if convert:
            model.to(memory_format=torch.contiguous_format)  # type: ignore[call-overload]


# Digits per evaluation chunk: the modern CNN over the 10,000 test digits (2 threads, 2026-12-02) took 6.1–7.8 s
# in chunks of 250 and 10.3–11.0 s in chunks of 1,000, and Stop waits for at most one chunk (0.2 s, not 1.1 s).
EVAL_CHUNK = 250


def evaluate(model: nn.Module, data: TensorData, batch_size: int = EVAL_CHUNK) -> EvalResult:
    """Loss, accuracy and every prediction on ``data`` (model put in eval mode, then restored)."""
    result = evaluate_unless_stopped(model, data, lambda: False, batch_size)
    assert result is not None  # never asked to stop
    return result


# Test-time augmentation: the image and four copies shifted by one pixel, their probabilities averaged.
TTA_SHIFTS: tuple[tuple[int, int], ...] = ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1))


def shifted(x: torch.Tensor, dy: int, dx: int, background: float) -> torch.Tensor:
    """``x`` (N, C, H, W) moved ``dy`` rows down and ``dx`` columns right, the uncovered border ``background``."""
    h, w = x.shape[-2:]
    pad = max(abs(dy), abs(dx))
    padded = F.pad(x, (pad, pad, pad, pad), value=background)  # (N, C, H + 2p, W + 2p)
    return padded[:, :, pad - dy : pad - dy + h, pad - dx : pad - dx + w]


@torch.no_grad()
def copy_probabilities(model: nn.Module, data: TensorData, background: float = 0.0,
                       shifts: tuple[tuple[int, int], ...] = ((0, 0),), batch_size: int = 1000,
                       should_stop: Callable[[], bool] | None = None) -> torch.Tensor:
    """(copies, N, classes) on the CPU: each image's class probabilities for each of its ``shifts`` copies, in
    that order (the border they uncover is ``background``).

    ``should_stop`` is asked before each chunk of ``batch_size`` images (``JobCancelled`` once it says so): the
    modern CNN's five shifted copies of the 10,000 test digits take about a minute on 2 cores, and closing the
    window must not wait for that."""
    device = next(model.parameters()).device
    chunks = []
    with eval_mode(model), channels_last_on_cpu(model):
        for start in range(0, len(data), batch_size):
            if should_stop is not None:
                check(should_stop)
            x = data.x[start : start + batch_size].to(device)
            probs = torch.stack([F.softmax(model(shifted(x, dy, dx, background)), dim=1) for dy, dx in shifts])
            chunks.append(probs.float().cpu())  # (copies, n, classes)
    return torch.cat(chunks, dim=1)


def averaged_probabilities(model: nn.Module, data: TensorData, background: float = 0.0,
                           shifts: tuple[tuple[int, int], ...] = ((0, 0),), batch_size: int = 1000,
                           should_stop: Callable[[], bool] | None = None) -> torch.Tensor:
    """(N, classes): each image's class probabilities averaged over its ``shifts`` copies (``copy_probabilities``);
    one unshifted copy gives the model's own probabilities."""
    return copy_probabilities(model, data, background, shifts, batch_size, should_stop).mean(0)


def accuracy_of(probabilities: torch.Tensor, labels: torch.Tensor) -> float:
    """Share of the images whose most probable class (of ``probabilities``, (N, classes)) is their label."""
    return float((probabilities.argmax(1) == labels).float().mean()) if len(labels) else 0.0


def tta_accuracy(model: nn.Module, data: TensorData, background: float,
                 shifts: tuple[tuple[int, int], ...] = TTA_SHIFTS, batch_size: int = 1000,
                 should_stop: Callable[[], bool] | None = None) -> float:
    """Accuracy when each image's prediction is the average of the probabilities of its ``shifts`` copies."""
    return accuracy_of(averaged_probabilities(model, data, background, shifts, batch_size, should_stop), data.y)


def ensemble_accuracy(models: Sequence[nn.Module], data: TensorData,
                      should_stop: Callable[[], bool] | None = None, background: float = 0.0,
                      shifts: tuple[tuple[int, int], ...] = ((0, 0),)) -> tuple[float, float]:
    """(plain, shifted) accuracy of a small ensemble, each image's prediction the average of ``models``'
    probabilities: plain from the unshifted copy alone, shifted with each model's probabilities first averaged over
    the ``shifts`` copies (e.g. ``TTA_SHIFTS``). ``shifts`` must hold (0, 0): both come from one pass, so the
    unshifted copy is not run twice (about 15 s for the modern CNN and the M3 on 2 cores)."""
    plain_at = shifts.index((0, 0))
    copies = [copy_probabilities(m, data, background, shifts, should_stop=should_stop) for m in models]
    plain = torch.stack([c[plain_at] for c in copies]).mean(0)  # (models, N, classes) -> (N, classes)
    averaged = torch.stack([c.mean(0) for c in copies]).mean(0)  # (models, copies, N, classes) -> (N, classes)
    return accuracy_of(plain, data.y), accuracy_of(averaged, data.y)


@torch.no_grad()
def evaluate_unless_stopped(model: nn.Module, data: TensorData, should_stop: Callable[[], bool],
                            batch_size: int = EVAL_CHUNK) -> EvalResult | None:
    """``evaluate``, checking ``should_stop`` before every chunk of ``batch_size`` digits: None once it says so.

    10,000 digits through the modern CNN take about 16 s on 2 cores; Stop must not wait for all of them.
    """
    device = next(model.parameters()).device
    losses, preds, confs = [], [], []
    with eval_mode(model), channels_last_on_cpu(model):
        for start in range(0, len(data), batch_size):
            if should_stop():
                return None
            x = data.x[start : start + batch_size].to(device)
            y = data.y[start : start + batch_size].to(device)
            logits = model(x)
            losses.append(F.cross_entropy(logits, y, reduction="sum").item())
            prob, pred = F.softmax(logits, dim=1).max(dim=1)
            preds.append(pred.cpu())
            confs.append(prob.cpu())
    predictions = torch.cat(preds).numpy() if preds else np.empty(0, dtype=np.int64)
    labels = data.y.cpu().numpy()
    n = max(len(data), 1)
    return EvalResult(
        loss=sum(losses) / n,
        accuracy=float((predictions == labels).mean()) if len(labels) else 0.0,
        predictions=predictions,
        confidences=torch.cat(confs).numpy() if confs else np.empty(0, dtype=np.float32),
        labels=labels,
    )


def ema_decay_at(decay: float, step: int) -> float:
    """The moving average's decay after ``step`` updates: min(decay, (1 + step) / (10 + step)).

    A fixed 0.999 from the first step keeps the random initial weights in the average for thousands of steps:
    the modern CNN's averaged weights still had 87.7% test error after 2 epochs (938 steps) on 2026-12-02,
    while its trained weights were far better. The warm-up (as TensorFlow's ExponentialMovingAverage with
    ``num_updates``) lets the average follow quickly at first and settle to ``decay`` later."""
    return min(decay, (1 + step) / (10 + step))


TensorList = tuple[torch.Tensor, ...] | list[torch.Tensor]


def warmed_up_average(decay: float) -> Callable[[TensorList, TensorList, torch.Tensor | int], None]:
    """``AveragedModel``'s ``multi_avg_fn``: every averaged tensor moved towards the current weights at
    ``ema_decay_at``, in one foreach call per dtype. A per-tensor ``avg_fn`` read the step count once per
    tensor, and on a GPU each read waits for the device: about 60 waits a step for the modern CNN."""
    @torch.no_grad()
    def average(averaged: TensorList, current: TensorList, steps: torch.Tensor | int) -> None:
        if averaged[0].is_floating_point():
            torch._foreach_lerp_(averaged, current, 1 - ema_decay_at(decay, int(steps)))
        else:  # integer buffers (batch norm's count of batches) follow the model
            torch._foreach_copy_(averaged, current)

    return average


def precise_batch_norm(model: nn.Module, train: TensorData, samples: int, batch_size: int = 64,
                       should_stop: Callable[[], bool] | None = None) -> bool:
    """Recompute every batch norm's running statistics as the plain average over ``samples`` training digits
    ("precise BN": reset, ``momentum=None``, forward passes in train mode without gradients), so that the
    model is tested with statistics of its final weights. False when stopped before it finished.

    After a short run the running averages (momentum 0.1) still mostly describe the early weights: a
    2-epoch depth-8 stack measured 42% right on its last training epoch and 13% on the test digits
    with them (chance), 44% after this. Averaged weights (``swa_fraction``) never had statistics of
    their own, so they always need it.
    """
    stop = should_stop or (lambda: False)
    stopped = []

    def batches() -> Iterator[torch.Tensor]:
        for start in range(0, min(samples, len(train)), batch_size):
            if stop():
                stopped.append(True)
                return
            yield train.x[start : min(start + batch_size, samples)]  # (B, C, H, W)

    torch.optim.swa_utils.update_bn(batches(), model)  # puts back train/eval mode and momenta
    return not stopped


def swa_epoch_count(epochs: int, fraction: float) -> int:
    """The last epochs whose weights are averaged (``swa_fraction``); the first epoch never is."""
    return min(round(epochs * fraction), epochs - 1)


class Trainer:
    """Runs epochs of mini-batch training, reporting through callbacks; stoppable between batches.

    The same random draws for a given seed: shuffling, dropout and augmentation draw from the run's own
    generator, never torch's global RNG, so other threads reseeding it change nothing. The arithmetic on several
    CPU threads is not always bit-for-bit repeatable (see tests/test_distributed.py's tolerance).
    """

    def __init__(
        self,
        model: nn.Module,
        config: TrainConfig,
        on_batch: Callable[[BatchMetrics], None] | None = None,
        on_epoch: Callable[[EpochMetrics], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
        on_restart: Callable[[str], None] | None = None,
    ):
        """``on_restart(notice)`` is called when a GPU run out of memory starts again on the CPU: whatever the
        callbacks reported so far belongs to the abandoned attempt and should be dropped."""
        self.config = config
        self.notices: list[str] = []
        self.device = torch.device("cpu")
        try:
            self.device = pick_device(config.device)
            self.model = model.to(self.device)
        except Exception as exc:  # an absent or broken GPU must not stop a lesson: the CPU always works
            if config.device == "cpu":
                raise
            # pick_device names the missing device itself; a device that was picked but fails is named here
            reason = str(exc) if self.device.type == "cpu" else f"could not use the {self.device} device ({exc})"
            self.notices.append(f"{reason[:1].upper()}{reason[1:]}; training on the CPU instead.")
            self.device = torch.device("cpu")
            self.model = model.to(self.device)
        self.on_batch = on_batch
        self.on_epoch = on_epoch
        # under torchrun a stop in any process stops them all (no-op alone)
        self.should_stop = distributed.any_process(should_stop or (lambda: False))
        self.on_restart = on_restart

    def fit(self, train: TensorData, test: TensorData | None = None) -> TrainResult:
        """Train; if a GPU runs out of memory, start again on the CPU from the same initial weights."""
        initial = None
        if self.device.type != "cpu":
            initial = {k: v.detach().cpu().clone() for k, v in self.model.state_dict().items()}
        with compute_threads(self.config.threads or training_threads()):
            try:
                result = self._fit(train, test)
            except Exception as exc:
                if initial is None or not is_out_of_memory(exc) or distributed.active():
                    raise
                if self.device.type == "cuda" and torch.cuda.is_available():
                    torch.cuda.empty_cache()
                notice = f"The {self.device.type.upper()} device ran out of memory; training restarted on the CPU."
                self.notices.append(notice)
                if self.on_restart is not None:
                    self.on_restart(notice)
                self.device = torch.device("cpu")
                self.model.to(self.device)
                self.model.load_state_dict(initial)
                result = self._fit(train, test)
        result.notices = list(self.notices)
        return result

    def _fit(self, train: TensorData, test: TensorData | None) -> TrainResult:
        """On the CPU, convolutions train channels-last: 25–30% faster here (see benchmarks/README.md).

        The model is put back in the usual layout afterwards, so nothing downstream sees a difference.
        """
        generator = run_generator(self.config.seed)  # never the global RNG: another thread may reseed it
        with channels_last_on_cpu(self.model), generator_dropout(self.model, generator):
            return self._fit_batches(train, test, generator)

    def _fit_batches(self, train: TensorData, test: TensorData | None, generator: torch.Generator) -> TrainResult:
        cfg = self.config
        train_dev = train.to(self.device)
        n = len(train_dev)
        background = black_pixel(train.spec)  # what augmentation shows where an image moved away
        size = distributed.batch_size(cfg.batch_size)  # under torchrun, this process's share of each batch
        batches = max(1, -(-distributed.shard_size(n) // size))
        net = distributed.wrap(self.model, self.device)  # DistributedDataParallel under torchrun, else the model
        optimizer = _make_optimizer(self.model, cfg)
        swa_epochs = swa_epoch_count(cfg.epochs, cfg.swa_fraction)
        if swa_epochs and cfg.swa_lr <= 0:
            raise ValueError(f"swa_lr must be above 0 when the weights are averaged (swa_fraction={cfg.swa_fraction})")
        averaged_from = cfg.epochs - swa_epochs + 1  # the first epoch whose weights are averaged
        scheduled_steps = (averaged_from - 1) * batches  # the schedule ends where averaging begins
        scheduler = None
        if cfg.schedule == "onecycle":
            # One-cycle starts at lr/25 and by default ends 10⁴ times lower still; with averaging it ends at
            # swa_lr instead, and the rate stays there.
            scheduler = torch.optim.lr_scheduler.OneCycleLR(
                optimizer, max_lr=cfg.lr, total_steps=scheduled_steps,
                final_div_factor=1e4 if swa_epochs == 0 else cfg.lr / 25 / cfg.swa_lr)
        # The weights' moving average is what gets tested and kept (batch-norm statistics averaged too).
        ema = None if cfg.ema_decay <= 0 else torch.optim.swa_utils.AveragedModel(
            self.model, multi_avg_fn=warmed_up_average(cfg.ema_decay), use_buffers=True)
        # ...until the plain average of the weights after each of the last swa_epochs epochs takes over.
        swa = None if swa_epochs == 0 else torch.optim.swa_utils.AveragedModel(self.model)
        tested = self.model if ema is None else ema.module
        bf16 = cfg.bf16 and fast_bfloat16(self.device)
        result = TrainResult(device=self.device.type, precision="bfloat16" if bf16 else "float32")
        probe = GradientProbe(self.model) if cfg.gradient_every else None
        start = time.perf_counter()
        seen = 0
        for epoch in range(1, cfg.epochs + 1):
            self.model.train()
            if swa is not None and epoch == averaged_from:
                for group in optimizer.param_groups:
                    group["lr"] = cfg.swa_lr
            # bfloat16 makes the long high-rate part cheap; the averaged weights come from float32 steps.
            low_precision = bf16 and (swa is None or epoch < averaged_from)
            order = torch.randperm(n, generator=generator)  # CPU indices index data on any device
            order = distributed.shard(order)  # under torchrun, this process's positions (DistributedSampler)
            loss_sum, correct = 0.0, 0
            for b in range(batches):
                if self.should_stop():
                    break
                idx = order[b * size : (b + 1) * size]
                x, y = train_dev.x[idx], train_dev.y[idx]
                if cfg.augment and cfg.distort:  # measured for modern_cnn: see its recipe in models/registry.py
                    x = elastic(random_affine(x, generator, max_scale=0.1, max_shear=0.2, background=background),
                                generator, background=background)
                elif cfg.augment:
                    x = random_affine(x, generator, background=background)
                if cfg.cutout > 0:
                    x = cutout(x, generator, cfg.cutout, background)
                with torch.autocast(self.device.type, dtype=torch.bfloat16, enabled=low_precision):
                    logits = net(x)
                    loss = F.cross_entropy(logits, y, label_smoothing=cfg.label_smoothing)
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                gradients = None
                if probe is not None and ((epoch - 1) * batches + b) % cfg.gradient_every == 0:
                    gradients = probe.sample()
                optimizer.step()
                if ema is not None:
                    ema.update_parameters(self.model)
                if scheduler is not None and scheduler.last_epoch < scheduled_steps:
                    scheduler.step()
                batch_loss = loss.item()
                batch_correct = int((logits.argmax(1) == y).sum())
                loss_sum += batch_loss * len(y)
                correct += batch_correct
                seen += len(y) * distributed.world_size()
                elapsed = time.perf_counter() - start
                if self.on_batch is not None:
                    self.on_batch(BatchMetrics(
                        epoch=epoch, batch=b + 1, batches_per_epoch=batches, loss=batch_loss,
                        accuracy=batch_correct / len(y), samples_per_s=seen / max(elapsed, 1e-9),
                        elapsed_s=elapsed, gradients=gradients,
                    ))
            if swa is not None and epoch >= averaged_from and not self.should_stop():
                swa.update_parameters(self.model)
                if precise_batch_norm(swa.module, train_dev, cfg.swa_bn_samples, cfg.eval_batch_size,
                                      self.should_stop):
                    tested = swa.module
            test_loss = test_acc = None
            if test is not None and cfg.eval_each_epoch and not self.should_stop():
                scores = self._evaluate_unless_stopped(tested, test)
                if scores is not None:
                    test_loss, test_acc = scores
            if self.should_stop():  # checked before every batch and between chunks of the test evaluation
                result.cancelled = True
                result.elapsed_s = time.perf_counter() - start
                return result
            elapsed = time.perf_counter() - start
            loss_sum, total_correct, count = distributed.sum_over_processes(loss_sum, correct, len(order))
            metrics = EpochMetrics(
                epoch=epoch, epochs=cfg.epochs, train_loss=loss_sum / count, train_accuracy=total_correct / count,
                test_loss=test_loss, test_accuracy=test_acc,
                samples_per_s=seen / max(elapsed, 1e-9), elapsed_s=elapsed,
            )
            result.history.append(metrics)
            if self.on_epoch is not None:
                self.on_epoch(metrics)
        if tested is not self.model:
            self.model.load_state_dict(tested.state_dict())  # keep the average: it is what was tested
        self.model.eval()
        result.elapsed_s = time.perf_counter() - start
        return result

    def _evaluate_unless_stopped(self, model: nn.Module, test: TensorData) -> tuple[float, float] | None:
        """Test loss and accuracy a chunk at a time, so Stop (or closing the window) never waits for all of it."""
        scores = evaluate_unless_stopped(model, test, self.should_stop, self.config.eval_batch_size)
        return None if scores is None else (scores.loss, scores.accuracy)
