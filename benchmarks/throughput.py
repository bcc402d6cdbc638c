"""Training throughput: the app's Trainer, with the UI's callbacks, against a bare PyTorch loop.

Both train the same model (same seed, batch size, optimizer, thread count and in-memory tensors);
the bare loop is the reference a PyTorch user would write. Runs alternate so that load from other
processes hits both alike, and each figure is the median of the repeats.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from benchmarks.common import Figure, at_least, median
from cnnviz.data import load_bundled_mnist, stratified_subset
from cnnviz.introspect import conv_filters
from cnnviz.lab.run import GRADIENT_EVERY
from cnnviz.models import MODELS, build_model
from cnnviz.training import BatchMetrics, TensorData, TrainConfig, Trainer
from cnnviz.training.device import fast_bfloat16, training_threads
from cnnviz.training.gradients import GradientProbe

RATIO_TARGET = 0.9
SNAPSHOT_EVERY = 10  # batches between filter snapshots, as the UI's TrainWorker(batch_every=10) emits


def training_data(samples: int) -> TensorData:
    data = load_bundled_mnist()
    idx = stratified_subset(data.train_labels, samples, seed=0)
    return TensorData.from_arrays(data.train_images[idx], data.train_labels[idx])


@dataclass(frozen=True)
class Rate:
    """Samples per second by the clock, and per second of the process's CPU time (steadier under load)."""

    wall: float
    cpu: float


def _rate(samples: int, wall_start: float, cpu_start: float) -> Rate:
    return Rate(samples / (time.perf_counter() - wall_start), samples / max(time.process_time() - cpu_start, 1e-9))


def bare_loop_rate(model_name: str, data: TensorData, batch_size: int, lr: float, epochs: int = 1,
                   channels_last: bool = False) -> Rate:
    """The plain loop: shuffle, slice, forward, loss, backward, step (optionally channels-last, as the Trainer)."""
    torch.manual_seed(0)
    model = build_model(model_name).train()
    if channels_last:
        model.to(memory_format=torch.channels_last)  # type: ignore[call-overload]
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    generator = torch.Generator().manual_seed(0)
    n = len(data)
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(epochs):
        order = torch.randperm(n, generator=generator)
        for b in range(0, n, batch_size):
            idx = order[b : b + batch_size]
            loss = F.cross_entropy(model(data.x[idx]), data.y[idx])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
    return _rate(epochs * n, wall, cpu)


def ui_callbacks(model: torch.nn.Module) -> tuple[Callable[[BatchMetrics], None], list[object]]:
    """What the window does per batch: keep a curve point, and every few batches snapshot the filters."""
    received: list[object] = []

    def on_batch(m: BatchMetrics) -> None:
        received.append((m.epoch, m.batch, m.loss, m.accuracy, m.gradients))
        if m.batch % SNAPSHOT_EVERY == 0:
            received.append(conv_filters(model))  # type: ignore[arg-type]

    return on_batch, received


def trainer_rate(model_name: str, data: TensorData, batch_size: int, lr: float, epochs: int = 1,
                 threads: int | None = None, gradient_every: int = 0) -> Rate:
    """Samples per second of ``Trainer.fit`` with live curve and filter callbacks (no test evaluation).

    ``threads`` None (or 0) keeps the app's own choice, ``training_threads()``; ``gradient_every`` samples
    the gradients as the Training lab does (0: not at all).
    """
    torch.manual_seed(0)
    model = build_model(model_name)
    on_batch, _ = ui_callbacks(model)
    config = TrainConfig(epochs=epochs, batch_size=batch_size, lr=lr, device="cpu", eval_each_epoch=False,
                         threads=threads or 0, gradient_every=gradient_every)
    wall, cpu = time.perf_counter(), time.process_time()
    Trainer(model, config, on_batch=on_batch, on_epoch=lambda m: None).fit(data)
    return _rate(epochs * len(data), wall, cpu)


def gradient_sample_cost(model_name: str, data: TensorData, batch_size: int, steps: int) -> tuple[float, float]:
    """Median ms of one training step and of one ``GradientProbe.sample()`` after it, taken back to back
    (so load from other programs hits both alike): what sampling every k-th batch adds is sample / (k·step)."""
    torch.manual_seed(0)
    model = build_model(model_name).train().to(memory_format=torch.channels_last)  # type: ignore[call-overload]
    optimizer = torch.optim.Adam(model.parameters())
    probe = GradientProbe(model)
    step_ms, sample_ms = [], []
    for i in range(steps):
        idx = torch.arange(i * batch_size, (i + 1) * batch_size) % len(data)
        start = time.perf_counter()
        loss = F.cross_entropy(model(data.x[idx]), data.y[idx])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        middle = time.perf_counter()
        probe.sample()
        step_ms.append(1000 * (middle - start))
        sample_ms.append(1000 * (time.perf_counter() - middle))
    return median(step_ms), median(sample_ms)


VARIANTS = ("bare", "bare_channels_last", "trainer", "trainer_gradients")


def compare(model_name: str, samples: int, threads: int, repeats: int) -> dict[str, Rate]:
    """Median rates of the bare loop (plain and channels-last) and the Trainer at ``threads``, interleaved."""
    recipe = MODELS[model_name].recipe
    data = training_data(samples)
    previous = torch.get_num_threads()
    rates: dict[str, list[Rate]] = {v: [] for v in VARIANTS}
    try:
        for _ in range(repeats):
            torch.set_num_threads(threads)
            rates["bare"].append(bare_loop_rate(model_name, data, recipe.batch_size, recipe.lr))
            rates["bare_channels_last"].append(
                bare_loop_rate(model_name, data, recipe.batch_size, recipe.lr, channels_last=True))
            rates["trainer"].append(trainer_rate(model_name, data, recipe.batch_size, recipe.lr, threads=threads))
            rates["trainer_gradients"].append(trainer_rate(model_name, data, recipe.batch_size, recipe.lr,
                                                           threads=threads, gradient_every=GRADIENT_EVERY))
    finally:
        torch.set_num_threads(previous)
    return {v: Rate(median([r.wall for r in rs]), median([r.cpu for r in rs])) for v, rs in rates.items()}


def thread_sweep(model_name: str, samples: int, repeats: int, options: list[int]) -> dict[int, float]:
    """Median Trainer samples/s for each thread count, the counts interleaved."""
    recipe = MODELS[model_name].recipe
    data = training_data(samples)
    rates: dict[int, list[float]] = {t: [] for t in options}
    for _ in range(repeats):
        for t in options:
            rates[t].append(trainer_rate(model_name, data, recipe.batch_size, recipe.lr, threads=t).wall)
    return {t: median(r) for t, r in rates.items()}


def precision_rates(samples: int, repeats: int, threads: int) -> dict[bool, float]:
    """Median Trainer samples/s of modern_cnn's recipe (augmentation, averaging; no test evaluation) in float32
    and with its bfloat16 autocast, interleaved. Where ``fast_bfloat16`` says no, both run in float32."""
    recipe = MODELS["modern_cnn"].recipe
    data = training_data(samples)
    rates: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(repeats):
        for bf16 in (False, True):
            torch.manual_seed(0)
            config = TrainConfig.from_recipe(recipe, epochs=1, swa_fraction=0, device="cpu", eval_each_epoch=False,
                                             threads=threads, bf16=bf16)
            wall = time.perf_counter()
            Trainer(build_model("modern_cnn"), config).fit(data)
            rates[bf16].append(len(data) / (time.perf_counter() - wall))
    return {bf16: median(r) for bf16, r in rates.items()}


def run(quick: bool = False) -> list[Figure]:
    samples, repeats = (256, 1) if quick else (2048, 7)
    threads = training_threads()  # the app's own setting: what the ratio is about
    options = [1] if quick else sorted({1, torch.get_num_threads()})
    figures = []
    for model_name in ("small_cnn", "explorer_cnn"):
        batch = MODELS[model_name].recipe.batch_size
        r = compare(model_name, samples, threads, repeats)
        detail = f"{samples} digits, batch {batch}, {threads} thread(s) (the app's), median of {repeats} interleaved"
        figures.append(Figure("throughput", f"{model_name}: bare loop", r["bare"].wall, "samples/s", detail=detail))
        figures.append(Figure("throughput", f"{model_name}: bare loop, channels-last", r["bare_channels_last"].wall,
                              "samples/s", detail=detail))
        figures.append(Figure("throughput", f"{model_name}: app Trainer (live curve + filter snapshots)",
                              r["trainer"].wall, "samples/s", detail=detail))
        figures.append(at_least("throughput", f"{model_name}: Trainer / bare loop", r["trainer"].wall / r["bare"].wall,
                                "×", RATIO_TARGET, detail))
        figures.append(at_least("throughput", f"{model_name}: Trainer / channels-last bare loop",
                                r["trainer"].wall / r["bare_channels_last"].wall, "×", RATIO_TARGET, detail))
        figures.append(at_least("throughput", f"{model_name}: same, by CPU time",
                                r["trainer"].cpu / r["bare_channels_last"].cpu, "×", RATIO_TARGET, detail))
        gradients = f"{detail}; gradients sampled every {GRADIENT_EVERY} batch(es), as the Training lab does"
        figures.append(at_least("throughput", f"{model_name}: Trainer with gradient sampling / bare loop",
                                r["trainer_gradients"].wall / r["bare"].wall, "×", RATIO_TARGET, gradients))
        figures.append(at_least("throughput", f"{model_name}: same, by CPU time, vs channels-last bare loop",
                                r["trainer_gradients"].cpu / r["bare_channels_last"].cpu, "×", RATIO_TARGET,
                                gradients))
        figures.append(Figure("throughput", f"{model_name}: gradient sampling's cost, Trainer with / without, "
                              "by CPU time", r["trainer_gradients"].cpu / r["trainer"].cpu, "×", detail=gradients))
        step_ms, sample_ms = gradient_sample_cost(model_name, training_data(samples), batch, 8 if quick else 60)
        figures.append(Figure("throughput", f"{model_name}: one gradient sample / one training step", 100 * sample_ms
                              / step_ms, "%", detail=f"median of {8 if quick else 60} back-to-back pairs: step "
                              f"{step_ms:.1f} ms, sample {sample_ms:.2f} ms; the lab samples every {GRADIENT_EVERY}"))
        sweep = thread_sweep(model_name, samples, 1 if quick else 3, options)
        rates = ", ".join(f"{t} thread(s) {v:,.0f}/s" for t, v in sweep.items())
        figures.append(Figure("throughput", f"{model_name}: fastest thread count, nothing else running",
                              max(sweep, key=lambda t: sweep[t]), "threads", detail=f"Trainer alone: {rates}"))
    cores = torch.get_num_threads()  # the report and `cnnviz train` use every core
    precision = precision_rates(256 if quick else 1280, 1 if quick else 3, cores)
    used = "used" if fast_bfloat16(torch.device("cpu")) else "not used here (no AMX or AVX-512 BF16): both float32"
    detail = (f"modern_cnn's recipe, {256 if quick else 1280} digits, batch {MODELS['modern_cnn'].recipe.batch_size}, "
              f"{cores} thread(s), median of {1 if quick else 3} interleaved; bfloat16 {used}")
    figures.append(Figure("throughput", "modern_cnn: Trainer, float32", precision[False], "samples/s", detail=detail))
    figures.append(Figure("throughput", "modern_cnn: Trainer, bfloat16 autocast", precision[True], "samples/s",
                          detail=detail))
    figures.append(Figure("throughput", "modern_cnn: bfloat16 / float32", precision[True] / precision[False], "×",
                          detail=detail))
    return figures
