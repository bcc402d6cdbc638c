"""GPU: the same draw-to-prediction and training measurements on CUDA, when this machine has one.

Without a GPU it reports that plainly rather than a number; the app's own choice of device
(``pick_device("auto")``) is what is used, so this also shows the app picks the GPU by itself.
"""

from __future__ import annotations

import time
from dataclasses import replace

import torch

from benchmarks.common import Figure, percentile, time_calls
from benchmarks.throughput import training_data
from cnnviz.data import load_bundled_mnist
from cnnviz.introspect import capture
from cnnviz.models import MODELS, build_model
from cnnviz.training import TrainConfig, Trainer, pick_device


def run(quick: bool = False) -> list[Figure]:
    device = pick_device("auto")
    if device.type != "cuda":
        return [Figure("gpu", "CUDA figures (not measured: no GPU)", float("nan"), "",
                       detail=f"not measured: no CUDA GPU here (pick_device('auto') chose {device.type})")]
    calls, samples = (20, 256) if quick else (1000, 8192)
    model = build_model("explorer_cnn").to(device).eval()
    digits = load_bundled_mnist().test_images[:calls]
    it = iter(list(range(calls)) * 2)
    ms = time_calls(lambda: capture(model, digits[next(it) % calls]), calls, warmup=20)
    figures = [Figure("gpu", "capture p50 on CUDA", percentile(ms, 50), "ms", detail=torch.cuda.get_device_name()),
               Figure("gpu", "capture p99 on CUDA", percentile(ms, 99), "ms", detail=torch.cuda.get_device_name())]
    data = training_data(samples)
    for name in ("small_cnn", "explorer_cnn"):
        recipe = MODELS[name].recipe
        config = TrainConfig(epochs=2, batch_size=recipe.batch_size, lr=recipe.lr, eval_each_epoch=False)
        # One untimed epoch first: the first training on a fresh CUDA context loads its kernels. On an H200
        # (2026-12-04) small_cnn, timed first and cold, gave 2,348 samples/s against explorer_cnn's 54,877.
        Trainer(build_model(name), replace(config, epochs=1)).fit(data)
        trainer = Trainer(build_model(name), config)
        start = time.perf_counter()
        result = trainer.fit(data)
        rate = 2 * len(data) / (time.perf_counter() - start)
        figures.append(Figure("gpu", f"{name} Trainer on {result.device}", rate, "samples/s",
                              detail=f"batch {recipe.batch_size}, auto device"))
    return figures
