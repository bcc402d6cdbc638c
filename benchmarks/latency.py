"""Draw-to-prediction, core path: a changed 28×28 input → probabilities and every stage's activations.

This is ``cnnviz.introspect.capture`` on the explorer CNN, the call the app's inference worker makes
for every stroke. Inputs change on every call (test digits in turn), as they do while drawing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import torch

from benchmarks.common import Figure, at_most, percentile, time_calls
from cnnviz.data import load_bundled_mnist
from cnnviz.introspect import capture
from cnnviz.models import build_model
from cnnviz.preprocess import mnist_style
from cnnviz.training.device import INFERENCE_THREADS

P50_TARGET_MS = 3.0
P99_TARGET_MS = 10.0


def capture_latency(calls: int = 2000, threads: int | None = None, warmup: int = 50,
                    clock: Callable[[], float] = time.perf_counter) -> np.ndarray:
    """Milliseconds per ``capture`` call on the explorer CNN, each call on a different test digit."""
    previous = torch.get_num_threads()
    if threads is not None:
        torch.set_num_threads(threads)
    try:
        torch.manual_seed(0)
        model = build_model("explorer_cnn").eval()
        digits = load_bundled_mnist().test_images[: max(calls, 1)]
        it = iter(np.resize(np.arange(len(digits)), calls + warmup))
        return time_calls(lambda: capture(model, digits[next(it)]), calls, warmup=warmup, clock=clock)
    finally:
        torch.set_num_threads(previous)


def preprocess_latency(calls: int = 500) -> np.ndarray:
    """Milliseconds to turn a 280×280 canvas into the MNIST-style 28×28 input (before ``capture``)."""
    rng = np.random.default_rng(0)
    canvas = np.zeros((280, 280), np.float32)
    canvas[60:220, 120:150] = 1.0  # a thick stroke: a "1"
    canvas += rng.random(canvas.shape, dtype=np.float32) * 0.01
    return time_calls(lambda: mnist_style(canvas), calls, warmup=10)


def run(quick: bool = False) -> list[Figure]:
    calls = 20 if quick else 3000
    figures = []
    default = torch.get_num_threads()
    for threads in [INFERENCE_THREADS] if quick else sorted({INFERENCE_THREADS, default}):
        n = calls if threads == INFERENCE_THREADS else calls // 3  # other counts only show their cost
        ms = capture_latency(n, threads, warmup=5 if quick else 50)
        detail = f"explorer CNN, {n} calls, torch threads = {threads}"
        if threads == INFERENCE_THREADS:  # what the app does
            figures.append(at_most("latency", "capture p50", percentile(ms, 50), "ms", P50_TARGET_MS, detail))
            figures.append(at_most("latency", "capture p99", percentile(ms, 99), "ms", P99_TARGET_MS, detail))
        else:  # for comparison only: why the app uses one thread
            label = f"{threads} threads, not the app's setting"
            figures.append(Figure("latency", f"capture p50 ({label})", percentile(ms, 50), "ms", detail=detail))
            figures.append(Figure("latency", f"capture p99 ({label})", percentile(ms, 99), "ms", detail=detail))
    cpu = capture_latency(calls, INFERENCE_THREADS, warmup=5 if quick else 50, clock=time.thread_time)
    figures.append(at_most("latency", "capture p99, CPU time", percentile(cpu, 99), "ms", P99_TARGET_MS,
                           f"explorer CNN, {calls} calls: the work itself, without waits for a busy CPU"))
    pre = preprocess_latency(5 if quick else 1000)
    figures.append(Figure("latency", "canvas → 28×28 preprocessing p50", percentile(pre, 50), "ms",
                          detail="mnist_style on a 280×280 canvas; runs before capture"))
    return figures
