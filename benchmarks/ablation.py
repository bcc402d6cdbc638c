"""Ablation ranking: "which channels matter for this digit" for every conv stage of the explorer CNN.

The Draw tab recomputes the ranking for the current drawing on its worker thread, so switching each of
the explorer CNN's 8 + 16 channels off in turn must stay well under the time between two strokes.
"""

from __future__ import annotations

import itertools

import numpy as np
import torch

from benchmarks.common import Figure, at_most, load_average, percentile, time_calls
from benchmarks.explain import cpu_ms_per_call
from cnnviz.data import load_bundled_mnist
from cnnviz.features.ablation import ablatable_stages, rank_channels
from cnnviz.models import build_model
from cnnviz.training.device import threads_for

ALL_CHANNELS_TARGET_MS = 100.0  # issue #16: all channels of the explorer CNN, one digit


def run(quick: bool = False) -> list[Figure]:
    calls = 3 if quick else 60
    torch.manual_seed(0)
    model = build_model("explorer_cnn").eval()
    digits = load_bundled_mnist().test_images[: calls + 5].astype(np.float32) / 255.0
    it = itertools.cycle(range(len(digits)))
    stages = ablatable_stages(model)
    channels = sum(len(rank_channels(model, digits[0], stage).drops) for stage in stages)

    def rank_all() -> None:
        image = digits[next(it)]
        for stage in stages:
            rank_channels(model, image, stage)

    previous = torch.get_num_threads()
    torch.set_num_threads(threads_for("capture"))  # the threads the Draw tab's ranking job runs on
    try:
        ms = time_calls(rank_all, calls, warmup=2)
    finally:
        torch.set_num_threads(previous)
    detail = (f"explorer CNN, {' + '.join(stages)} ({channels} channels, one at a time), {calls} test digits; "
              f"torch threads = {threads_for('capture')}, as the app's job; load {load_average()}")
    cpu = cpu_ms_per_call(rank_all, calls)
    return [at_most("ablation", "rank every channel p50", percentile(ms, 50), "ms", ALL_CHANNELS_TARGET_MS, detail),
            at_most("ablation", "rank every channel p95", percentile(ms, 95), "ms", ALL_CHANNELS_TARGET_MS, detail),
            at_most("ablation", "rank every channel, CPU time per call", cpu, "ms", ALL_CHANNELS_TARGET_MS,
                    "explorer CNN, one torch thread; process CPU time, robust to a busy machine")]


if __name__ == "__main__":
    for figure in run():
        print(f"{figure.name:45s} {figure.value_text():>12s}  {figure.target:>10s}  {figure.verdict()}")
