"""Opening a model file made elsewhere, and capturing every stage of it, at ResNet-18 size.

A ResNet-18-shaped net (11.7 M parameters, 3×224×224 in, 1,000 classes; built here: torchvision is not
a dependency) is written as ONNX (what torch.onnx.export makes by default: batch norm folded) and as a
TorchScript archive, then opened with ``open_model_file`` and captured stage by stage for a 224×224 photo,
with the threads the app gives a capture job.
"""

from __future__ import annotations

import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import torch
from torch import nn

from benchmarks.common import Figure, at_most, load_average, median, percentile, time_calls
from cnnviz.imports import open_model_file
from cnnviz.introspect.capture import capture
from cnnviz.models.staged import count_parameters
from cnnviz.training.checkpoint import input_spec
from cnnviz.training.device import threads_for

OPEN_TARGET_S = 3.0
CAPTURE_TARGET_MS = 150.0


class _Basic(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int):
        super().__init__()
        self.conv1, self.bn1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout)
        self.conv2, self.bn2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout)
        self.downsample = (nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))
                           if stride != 1 or cin != cout else nn.Identity())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))
        return torch.relu(out + self.downsample(x))


def resnet18_shaped(width: int = 64, classes: int = 1000) -> nn.Module:
    """ResNet-18's layout (He et al. 2016, torchvision's): 7×7/2 stem, max pool, 4 stages of 2 basic blocks."""
    w = width
    layers: list[nn.Module] = [nn.Conv2d(3, w, 7, 2, 3, bias=False), nn.BatchNorm2d(w), nn.ReLU(),
                               nn.MaxPool2d(3, 2, 1)]
    for i, cout in enumerate((w, 2 * w, 4 * w, 8 * w)):
        cin = w if i == 0 else cout // 2
        layers += [_Basic(cin, cout, 1 if i == 0 else 2), _Basic(cout, cout, 1)]
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8 * w, classes)).eval()


def run(quick: bool = False) -> list[Figure]:
    torch.manual_seed(0)
    width, side, rounds, calls = (8, 64, 1, 3) if quick else (64, 224, 3, 30)
    model = resnet18_shaped(width)
    params = count_parameters(model)
    example = torch.rand(1, 3, side, side)
    figures: list[Figure] = []
    detail = f"ResNet-18-shaped, {params / 1e6:.1f} M parameters, 3×{side}×{side}; load {load_average()}"
    with tempfile.TemporaryDirectory(prefix="cnnviz-bench-") as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        onnx_path, script_path = Path(tmp) / "resnet18.onnx", Path(tmp) / "resnet18.pt"
        torch.onnx.export(model, (example,), str(onnx_path), dynamo=False)
        torch.jit.save(torch.jit.trace(model, example), str(script_path))
        for label, path in (("ONNX", onnx_path), ("TorchScript", script_path)):
            wall, cpu = [], []
            for _ in range(rounds):
                start, start_cpu = time.perf_counter(), time.process_time()
                open_model_file(path)
                wall.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            figures.append(at_most("imports", f"open a {label} file", median(wall), "s", OPEN_TARGET_S,
                                   f"{detail}; median of {rounds}"))
            figures.append(at_most("imports", f"open a {label} file, CPU time", median(cpu), "s", OPEN_TARGET_S,
                                   "process CPU time: what a quiet machine would take, robust to a busy one"))
        net, meta = open_model_file(onnx_path)
        spec = input_spec(meta)
        photo = np.random.default_rng(0).integers(0, 256, size=(side + 31, side + 17, 3), dtype=np.uint8)
        threads = threads_for("capture")
        previous = torch.get_num_threads()
        torch.set_num_threads(threads)
        try:
            ms = time_calls(lambda: capture(net, photo, spec), calls, warmup=2)
            cpu_ms = time_calls(lambda: capture(net, photo, spec), calls, clock=time.thread_time)
        finally:
            torch.set_num_threads(previous)
        name = f"capture of every stage ({len(net.stage_names())}), {side}×{side} photo"
        figures.append(at_most("imports", f"{name}, p50", percentile(ms, 50), "ms", CAPTURE_TARGET_MS,
                               f"{detail}; {calls} calls, torch threads = {threads} (the app's capture setting)"))
        figures.append(at_most("imports", f"{name}, CPU time p50", percentile(cpu_ms, 50), "ms", CAPTURE_TARGET_MS,
                               "the calling thread's CPU time (one torch thread), robust to a busy machine"))
    return figures
