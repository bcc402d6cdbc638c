"""Training while the learner keeps drawing: the case that decides the training thread count.

A Trainer runs on a background thread (as the app's TrainWorker does) while this thread plays the
GUI: it captures a new digit and lays out every stage's picture, again and again, as during
drawing. Measured for 1 and for all torch threads: training samples/s and the drawing side's
capture p99. On 2 cores, two OpenMP training threads must share a core with the GUI thread.
"""

from __future__ import annotations

import threading
import time

import numpy as np
import torch

from benchmarks.common import Figure, percentile
from benchmarks.throughput import training_data
from cnnviz.data import load_bundled_mnist
from cnnviz.introspect import capture
from cnnviz.models import MODELS, build_model
from cnnviz.training import TrainConfig, Trainer
from cnnviz.training.device import CPU_CORES, INFERENCE_THREADS


def train_while_drawing(threads: int, samples: int, epochs: int) -> tuple[float, np.ndarray]:
    """(training samples/s, drawing-side ms per capture) with the Trainer on ``threads`` threads."""
    recipe = MODELS["explorer_cnn"].recipe
    data = training_data(samples)
    viewer = build_model("explorer_cnn").eval()
    digits = load_bundled_mnist().test_images[:500]
    done = threading.Event()
    rate: list[float] = []

    def train() -> None:
        config = TrainConfig(epochs=epochs, batch_size=recipe.batch_size, lr=recipe.lr, device="cpu",
                             eval_each_epoch=False, threads=threads)
        start = time.perf_counter()
        Trainer(build_model("explorer_cnn"), config).fit(data)
        rate.append(epochs * len(data) / (time.perf_counter() - start))
        done.set()

    previous = torch.get_num_threads()
    torch.set_num_threads(INFERENCE_THREADS)  # as the app's GUI and inference threads
    worker = threading.Thread(target=train)
    worker.start()
    latencies = []
    i = 0
    try:
        while not done.is_set():
            t0 = time.perf_counter()
            cap = capture(viewer, digits[i % len(digits)])
            for stage in cap.stages:  # the GUI's share: turn every stage into pictures
                np.clip((stage.output - stage.output.min()) * 255.0, 0, 255).astype(np.uint8)
            latencies.append((time.perf_counter() - t0) * 1e3)
            i += 1
            time.sleep(0.004)  # a stroke event every few ms, like a pointer being dragged
    finally:
        worker.join()
        torch.set_num_threads(previous)
    return rate[0], np.array(latencies)


def run(quick: bool = False) -> list[Figure]:
    samples, epochs, repeats = (256, 1, 1) if quick else (4096, 2, 3)
    options = [1] if quick else sorted({1, CPU_CORES})
    results: dict[int, list[tuple[float, np.ndarray]]] = {t: [] for t in options}
    for _ in range(repeats):
        for t in options:
            results[t].append(train_while_drawing(t, samples, epochs))
    figures = []
    for t, runs in results.items():
        detail = f"explorer CNN, {samples} digits × {epochs} epochs, median of {repeats} interleaved runs"
        figures.append(Figure("train_while_drawing", f"training with {t} thread(s) while drawing",
                              float(np.median([r for r, _ in runs])), "samples/s", detail=detail))
        figures.append(Figure("train_while_drawing", f"… capture p99 meanwhile ({t} training thread(s))",
                              float(np.median([percentile(ms, 99) for _, ms in runs])), "ms", detail=detail))
    return figures
