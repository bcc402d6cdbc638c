"""Opened models in the app: a 224×224 ResNet-18-shaped model captured in the background while the window
stays responsive, and the pipeline's repaint of its 64 × 112 × 112 stage.

The model is built here (11.7 M parameters, random weights: timing does not depend on them) and opened
the way File → Open leaves it: a StagedNet with an ImageNet InputSpec. ``AppState`` captures each new
input on a pool thread ("latest" policy) while a 5 ms timer measures the GUI thread's event-loop gaps;
then the Draw tab's pipeline (strip thumbnails and the enlarged 64-map stage) is repainted from ready
captures, timed in wall and GUI-thread CPU time (what an idle machine would take).
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict

import numpy as np

from benchmarks.common import Figure, at_most, percentile

GAP_P99_MS = 50.0
REPAINT_MS = 16.0
CAPTURE_P50_MS = 150.0


def resnet18_shaped():  # type: ignore[no-untyped-def]
    """ResNet-18's layers (conv 7×7/2, max pool, 4 × 2 basic blocks of 64…512, GAP, 1,000 classes) as a StagedNet."""
    import torch
    from torch import nn

    from cnnviz.data.transforms import preset_spec
    from cnnviz.imports.modules import Binary, GraphBlock
    from cnnviz.models.staged import StagedNet
    from cnnviz.training import CheckpointMeta

    def basic(cin: int, cout: int, stride: int) -> GraphBlock:
        """A basic block as File → Open builds it: a GraphBlock whose plan adds the main path onto the skip."""
        layers: dict[str, nn.Module] = {
            "conv_a": nn.Conv2d(cin, cout, 3, stride, 1, bias=False), "bn_a": nn.BatchNorm2d(cout), "relu_a": nn.ReLU(),
            "conv_b": nn.Conv2d(cout, cout, 3, 1, 1, bias=False), "bn_b": nn.BatchNorm2d(cout),
            "add": Binary("Add"), "relu": nn.ReLU()}
        plan = [("conv_a", ["x"], "a1"), ("bn_a", ["a1"], "a2"), ("relu_a", ["a2"], "a3"), ("conv_b", ["a3"], "b1"),
                ("bn_b", ["b1"], "b2")]
        skip = "x"
        if stride != 1 or cin != cout:
            layers.update(conv_s=nn.Conv2d(cin, cout, 1, stride, bias=False), bn_s=nn.BatchNorm2d(cout))
            plan += [("conv_s", ["x"], "s1"), ("bn_s", ["s1"], "s2")]
            skip = "s2"
        plan += [("add", ["b2", skip], "sum"), ("relu", ["sum"], "out")]
        return GraphBlock(layers, plan, "out")

    torch.manual_seed(0)
    stages: OrderedDict[str, nn.Module] = OrderedDict(
        conv1=nn.Sequential(nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU()),
        pool1=nn.MaxPool2d(3, 2, 1))
    cin = 64
    for i, cout in enumerate((64, 128, 256, 512)):
        for j in range(2):
            stages[f"block{i + 1}_{j + 1}"] = basic(cin, cout, 2 if j == 0 and i > 0 else 1)
            cin = cout
    stages.update(gap=nn.AdaptiveAvgPool2d(1), flatten=nn.Flatten(), fc=nn.Linear(512, 1000))
    model = StagedNet("imported", {}, stages).eval()
    spec = preset_spec("ImageNet", 3, (224, 224))
    meta = CheckpointMeta(model="imported", model_kwargs={}, dataset="unknown",
                          class_names=[f"class {i}" for i in range(1000)], input=spec.to_dict(),
                          extra={"format": "benchmark", "preprocess_known": True})
    return model, meta


def measure(inputs: int = 12, repaints: int = 60) -> dict[str, np.ndarray]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PyQt6.QtCore import QTimer
    from PyQt6.QtWidgets import QApplication

    from cnnviz.data import load_bundled_mnist
    from cnnviz.introspect import capture
    from cnnviz.training.checkpoint import input_spec
    from ui.draw.pipeline_view import PipelineView
    from ui.state import AppState
    from ui.tasks import shutdown_all
    from ui.theme import configure_plots

    app = QApplication.instance() or QApplication([])
    configure_plots()
    model, meta = resnet18_shaped()
    data = load_bundled_mnist()
    state = AppState(data)
    state.set_model(model, meta)
    images = [data.test_images[i] / 255.0 for i in range(inputs + 1)]
    capture_ms: list[float] = []
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1e3)
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    done = [False]
    state.capture_changed.connect(lambda: done.__setitem__(0, True))
    for i, image in enumerate(images):
        done[0] = False
        start = time.perf_counter()
        state.set_input(image)
        while not done[0]:
            app.processEvents()
            time.sleep(0.001)  # the event loop at rest between events, as in the app
        if i:  # the first capture warms PyTorch up
            capture_ms.append((time.perf_counter() - start) * 1e3)
    timer.stop()
    shutdown_all(10_000)

    view = PipelineView()
    view.resize(960, 640)
    view.show()
    spec = input_spec(meta)
    caps = [capture(model, images[i], spec) for i in range(2)]
    view.show_capture(caps[0])
    view.select_stage(1)  # conv1: 64 × 112 × 112, enlarged
    app.processEvents()
    wall, cpu = [], []
    for i in range(repaints):
        c0, t0 = time.thread_time(), time.perf_counter()
        view.show_capture(caps[i % 2])
        view.repaint()
        app.processEvents()
        wall.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.thread_time() - c0) * 1e3)
    view.close()
    return {"capture": np.array(capture_ms), "gap": np.array(gaps[5:]), "wall": np.array(wall[5:]),
            "cpu": np.array(cpu[5:])}


def run(quick: bool = False) -> list[Figure]:
    ms = measure(inputs=2 if quick else 12, repaints=8 if quick else 60)
    detail = "ResNet-18-shaped model (11.7 M parameters), 3 × 224 × 224 input, offscreen"
    return [
        at_most("imported_views", "capture of every stage, in the background (p50)", percentile(ms["capture"], 50),
                "ms", CAPTURE_P50_MS, detail + ", input set to capture shown"),
        at_most("imported_views", "event-loop gap while capturing (p99)", percentile(ms["gap"], 99), "ms",
                GAP_P99_MS, detail + ", 5 ms timer on the GUI thread"),
        at_most("imported_views", "pipeline repaint, 64 × 112 × 112 stage enlarged (p50)",
                percentile(ms["wall"], 50), "ms", REPAINT_MS, "strip thumbnails + enlarged page, 960×640 view"),
        at_most("imported_views", "… GUI-thread CPU time (p50)", percentile(ms["cpu"], 50), "ms", REPAINT_MS,
                "what an idle machine would take"),
    ]
