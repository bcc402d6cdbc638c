"""What a filter wants to see: the top-9 test images per channel (one pass over the test set) and the
feature visualisations, for the explorer CNN.

The Filters tab runs both in the background when a model arrives; the top examples must take ≤ 5 s for
10,000 test digits on this 2-core machine so the tab fills in while the learner still looks at it.
"""

from __future__ import annotations

import time

import torch

from benchmarks.common import Figure, at_most, load_average, median
from cnnviz.data import load_bundled_mnist
from cnnviz.features import Target, VisSettings, class_target, top_examples, visualise
from cnnviz.features import cache as feature_cache
from cnnviz.models import build_model
from cnnviz.training.checkpoint import CheckpointMeta, input_spec
from cnnviz.training.device import job_threads

TOP_TARGET_S = 5.0


def run(quick: bool = False) -> list[Figure]:
    torch.manual_seed(0)
    model = build_model("explorer_cnn").eval()
    spec = input_spec(CheckpointMeta(model="explorer_cnn", model_kwargs=dict(model.arch_kwargs)))
    images = load_bundled_mnist().test_images[: 500 if quick else 10_000]
    runs = 1 if quick else 3
    load = load_average()
    wall, cpu = [], []
    with job_threads("evaluate") as threads:  # as the Filters tab runs it
        for _ in range(runs):  # no data key: nothing cached, every run does the whole pass
            w0, c0 = time.perf_counter(), time.process_time()
            top_examples(model, spec, images, ["conv1", "conv2"], k=9)
            wall.append(time.perf_counter() - w0)
            cpu.append(time.process_time() - c0)
    detail = f"explorer CNN conv1 + conv2, {len(images):,} test digits, {threads} torch thread(s) as in the app, " \
             f"median of {runs}; load {load}"
    figures = [at_most("features", "top-9 per channel, one pass (wall)", median(wall), "s", TOP_TARGET_S, detail),
               Figure("features", "top-9 per channel, one pass (process CPU time)", median(cpu), "s",
                      detail="CPU time: what an idle machine would need, robust to other programs")]
    settings = VisSettings(steps=20) if quick else VisSettings()
    with job_threads("explain") as threads:
        visualise(model, spec, [Target("conv1", 0)], VisSettings(steps=2, seed=99))  # warm-up: first autograd call
        for name, targets in (("conv1, all 8 filters", [Target("conv1", c) for c in range(8)]),
                              ("conv2, all 16 filters", [Target("conv2", c) for c in range(16)]),
                              ("all 10 classes", [class_target(model, c) for c in range(10)])):
            feature_cache.clear_memory()
            w0, c0 = time.perf_counter(), time.process_time()
            visualise(model, spec, targets, settings)
            figures.append(Figure("features", f"feature visualisation, {name} (wall)", time.perf_counter() - w0,
                                  "s", detail=f"{settings.steps} steps, one batch, {threads} thread(s); CPU time "
                                              f"{time.process_time() - c0:.2f} s; load {load_average()}"))
    return figures


if __name__ == "__main__":
    for figure in run():
        print(f"{figure.name:55s} {figure.value_text():>12s}  {figure.target:>10s}  {figure.verdict()}")
