"""Training throughput: the app's Trainer, with the UI's callbacks, against a bare PyTorch loop.

Both train the same model (same seed, batch size, optimizer, thread count and in-memory tensors);
the bare loop is the reference a PyTorch user would write. Runs alternate so that load from other
processes hits both alike, and each figure is the median of the repeats.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import torch
import torch.nn.functional as F

from benchmarks.common import Figure, at_least, median
from cnnviz.data import load_bundled_mnist, stratified_subset
from cnnviz.introspect import conv_filters
from cnnviz.models import MODELS, build_model
from cnnviz.training import BatchMetrics, TensorData, TrainConfig, Trainer

RATIO_TARGET = 0.9
SNAPSHOT_EVERY = 10  # batches between filter snapshots, as the UI's TrainWorker(batch_every=10) emits


def training_data(samples: int) -> TensorData:
    data = load_bundled_mnist()
    idx = stratified_subset(data.train_labels, samples, seed=0)
    return TensorData.from_arrays(data.train_images[idx], data.train_labels[idx])


def bare_loop_rate(model_name: str, data: TensorData, batch_size: int, lr: float, epochs: int = 1) -> float:
    """Samples per second of the plain loop: shuffle, slice, forward, loss, backward, step."""
    torch.manual_seed(0)
    model = build_model(model_name).train()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    generator = torch.Generator().manual_seed(0)
    n = len(data)
    start = time.perf_counter()
    for _ in range(epochs):
        order = torch.randperm(n, generator=generator)
        for b in range(0, n, batch_size):
            idx = order[b : b + batch_size]
            loss = F.cross_entropy(model(data.x[idx]), data.y[idx])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
    return epochs * n / (time.perf_counter() - start)


def ui_callbacks(model: torch.nn.Module) -> tuple[Callable[[BatchMetrics], None], list[object]]:
    """What the window does per batch: keep a curve point, and every few batches snapshot the filters."""
    received: list[object] = []

    def on_batch(m: BatchMetrics) -> None:
        received.append((m.epoch, m.batch, m.loss, m.accuracy))
        if m.batch % SNAPSHOT_EVERY == 0:
            received.append(conv_filters(model))  # type: ignore[arg-type]

    return on_batch, received


def trainer_rate(model_name: str, data: TensorData, batch_size: int, lr: float, epochs: int = 1,
                 threads: int | None = None) -> float:
    """Samples per second of ``Trainer.fit`` with live curve and filter callbacks (no test evaluation).

    ``threads`` None (or 0) keeps the app's own choice, ``training_threads()``.
    """
    torch.manual_seed(0)
    model = build_model(model_name)
    on_batch, _ = ui_callbacks(model)
    config = TrainConfig(epochs=epochs, batch_size=batch_size, lr=lr, device="cpu", eval_each_epoch=False,
                         threads=threads or 0)
    start = time.perf_counter()
    Trainer(model, config, on_batch=on_batch, on_epoch=lambda m: None).fit(data)
    return epochs * len(data) / (time.perf_counter() - start)


def compare(model_name: str, samples: int, threads: int, repeats: int) -> tuple[float, float]:
    """Median samples/s of (bare loop, Trainer) at ``threads`` intra-op threads, interleaved runs."""
    recipe = MODELS[model_name].recipe
    data = training_data(samples)
    previous = torch.get_num_threads()
    bare, app = [], []
    try:
        for _ in range(repeats):
            torch.set_num_threads(threads)
            bare.append(bare_loop_rate(model_name, data, recipe.batch_size, recipe.lr))
            app.append(trainer_rate(model_name, data, recipe.batch_size, recipe.lr, threads=threads))
    finally:
        torch.set_num_threads(previous)
    return median(bare), median(app)


def run(quick: bool = False) -> list[Figure]:
    samples, repeats = (256, 1) if quick else (4096, 5)
    thread_options = [1] if quick else sorted({1, torch.get_num_threads()})
    figures = []
    for model_name in ("small_cnn", "explorer_cnn"):
        batch = MODELS[model_name].recipe.batch_size
        rates = {t: compare(model_name, samples, t, repeats) for t in thread_options}
        for t, (bare, app) in rates.items():
            detail = f"{samples} digits, batch {batch}, {t} thread(s), median of {repeats}"
            figures.append(Figure("throughput", f"{model_name} bare loop, {t} thread(s)", bare, "samples/s",
                                  detail=detail))
            figures.append(Figure("throughput", f"{model_name} Trainer, {t} thread(s)", app, "samples/s",
                                  detail=detail))
            figures.append(at_least("throughput", f"{model_name} Trainer / bare loop, {t} thread(s)",
                                    app / bare, "×", RATIO_TARGET, detail))
        best = max(rates, key=lambda t: rates[t][1])
        figures.append(Figure("throughput", f"{model_name} best thread count", best, "threads",
                              detail=", ".join(f"{t}: {rates[t][1]:,.0f}/s" for t in rates)))
    return figures
