"""Explain tab, core path: saliency maps and the invariance probe on a changing digit, per stroke.

The Explain tab recomputes these on its worker thread whenever the drawing changes (newest request
only), so each must stay well under the time between two strokes for the overlay to follow live.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

import numpy as np
import torch

from benchmarks.common import Figure, at_most, load_average, percentile, time_calls
from cnnviz.data import load_bundled_mnist
from cnnviz.explain import AXES, METHODS, probe_curve, probe_values, saliency, shifted_first_maps
from cnnviz.models import build_model

PER_METHOD_TARGET_MS = 50.0  # explorer CNN: one map per method, p50
ALL_METHODS_TARGET_MS = 150.0  # the tab's whole saliency job (every method for one class)
PROBE_TARGET_MS = 150.0  # CNN + FC probe curves (31 moved digits each) and the weight-sharing strip


def _digits(n: int) -> np.ndarray:
    return load_bundled_mnist().test_images[:n].astype(np.float32) / 255.0


def all_methods(model: torch.nn.Module, image: np.ndarray) -> None:
    for key in METHODS:
        saliency(model, image, key)  # type: ignore[arg-type]


def cpu_ms_per_call(fn: Callable[[], object], n: int) -> float:
    """Mean CPU time (this process, one torch thread) per call: what an idle core would need, even on a busy machine."""
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        fn()
        start = time.process_time()
        for _ in range(n):
            fn()
        return (time.process_time() - start) / n * 1e3
    finally:
        torch.set_num_threads(previous)


def run(quick: bool = False) -> list[Figure]:
    calls = 3 if quick else 60
    torch.manual_seed(0)
    cnn, fc = build_model("explorer_cnn").eval(), build_model("mlp").eval()
    digits = _digits(calls + 5)
    figures = []
    it = itertools.cycle(range(len(digits)))
    detail = f"explorer CNN, {calls} calls on different test digits; load {load_average()}"
    for key, method in METHODS.items():
        ms = time_calls(lambda key=key: saliency(cnn, digits[next(it)], key), calls, warmup=2)
        figures.append(at_most("explain", f"{method.title} p50", percentile(ms, 50), "ms", PER_METHOD_TARGET_MS,
                               detail))
    ms = time_calls(lambda: all_methods(cnn, digits[next(it)]), calls, warmup=2)
    figures.append(at_most("explain", "all saliency methods p50", percentile(ms, 50), "ms", ALL_METHODS_TARGET_MS,
                           detail))
    cpu = cpu_ms_per_call(lambda: all_methods(cnn, digits[next(it)]), calls)
    figures.append(at_most("explain", "all saliency methods, CPU time per call", cpu, "ms", ALL_METHODS_TARGET_MS,
                           "explorer CNN, one torch thread; process CPU time, robust to a busy machine"))

    def probe() -> None:
        image = digits[next(it)]
        for net in (cnn, fc):
            for axis in AXES:
                probe_curve(net, image, axis, probe_values(axis, 13 if axis == "angle" else 9))
        shifted_first_maps(cnn, image, np.array([-4.0, -2.0, 0.0, 2.0, 4.0]))

    ms = time_calls(probe, calls, warmup=2)
    figures.append(at_most("explain", "invariance probe (CNN + FC) p50", percentile(ms, 50), "ms", PROBE_TARGET_MS,
                           detail))
    for arch in ("lenet5", "modern_cnn"):
        torch.manual_seed(0)
        model = build_model(arch).eval()
        ms = time_calls(lambda model=model: all_methods(model, digits[next(it)]), 2 if quick else 15, warmup=1)
        figures.append(Figure("explain", f"all saliency methods p50 ({arch})", percentile(ms, 50), "ms",
                              detail=f"{arch}; shows how the cost grows with the model"))
        cpu = cpu_ms_per_call(lambda model=model: all_methods(model, digits[next(it)]), 1 if quick else 6)
        figures.append(Figure("explain", f"all saliency methods, CPU time per call ({arch})", cpu, "ms",
                              detail=f"{arch}, one torch thread"))
    return figures


if __name__ == "__main__":
    for figure in run():
        print(f"{figure.name:45s} {figure.value_text():>12s}  {figure.target:>10s}  {figure.verdict()}")
