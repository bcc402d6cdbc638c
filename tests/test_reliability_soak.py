"""Long sessions: many training runs and many draw-and-predict cycles leave resident memory flat.

Each test warms up first (so one-off allocations such as kernels and caches are not counted), then
measures resident memory before and after the long loop; the growth is printed (run with -s to see it).
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

import numpy as np
import torch

from cnnviz.introspect import capture
from cnnviz.models import build_model
from cnnviz.preprocess import mnist_style
from cnnviz.training import CheckpointMeta, TensorData, TrainConfig, Trainer, load_checkpoint, save_checkpoint
from cnnviz.training.device import INFERENCE_THREADS, compute_threads

MAX_GROWTH_MB = 50.0
PAGE = os.sysconf("SC_PAGE_SIZE")


def resident_mb() -> float:
    gc.collect()
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * PAGE / 2**20


def _one_training_run(data: TensorData, test: TensorData, path: Path, seed: int) -> float:
    """Build, train (tiny), save and reopen a model: what 'Retrain' and a lesson's experiments do."""
    torch.manual_seed(seed)
    model = build_model("explorer_cnn")
    result = Trainer(model, TrainConfig(epochs=1, batch_size=16, seed=seed, threads=1)).fit(data, test)
    save_checkpoint(model, path, CheckpointMeta(model="explorer_cnn", model_kwargs=dict(model.arch_kwargs),
                                                test_accuracy=result.test_accuracy))
    load_checkpoint(path)
    assert result.test_accuracy is not None
    return result.test_accuracy


def test_fifty_training_runs_keep_memory_flat(mnist, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = TensorData.from_arrays(mnist.train_images[:256], mnist.train_labels[:256])
    test = TensorData.from_arrays(mnist.test_images[:256], mnist.test_labels[:256])
    for seed in range(3):
        _one_training_run(data, test, tmp_path / "model.pt", seed)
    before = resident_mb()
    accuracies = [_one_training_run(data, test, tmp_path / "model.pt", seed) for seed in range(50)]
    growth = resident_mb() - before
    print(f"\n50 training runs: resident memory {before:.0f} MB -> {before + growth:.0f} MB (growth {growth:+.1f} MB)")
    assert growth < MAX_GROWTH_MB, f"memory grew {growth:.1f} MB over 50 training runs"
    assert float(np.mean(accuracies)) > 0.3  # they really trained (10 classes: chance is 0.1)


def _strokes(rng: np.random.Generator) -> np.ndarray:
    """A random scribble on a 280×280 canvas, like a user's drawing."""
    canvas = np.zeros((280, 280), dtype=np.float32)
    y, x = rng.integers(60, 220, 2)
    for _ in range(rng.integers(20, 80)):
        y = int(np.clip(y + rng.integers(-9, 10), 10, 269))
        x = int(np.clip(x + rng.integers(-9, 10), 10, 269))
        canvas[y - 9 : y + 9, x - 9 : x + 9] = 1.0
    return canvas


def test_ten_thousand_draw_and_predict_cycles_keep_memory_flat(trained_explorer) -> None:  # type: ignore[no-untyped-def]
    model = trained_explorer[0]
    rng = np.random.default_rng(0)
    drawings = [mnist_style(_strokes(rng)) for _ in range(50)]
    inputs = [d for d in drawings if d is not None]
    with compute_threads(INFERENCE_THREADS):  # as the app's inference thread does
        for i in range(300):
            capture(model, inputs[i % len(inputs)])
        before = resident_mb()
        predictions = set()
        for i in range(10_000):
            image = inputs[i % len(inputs)]
            if i % 7 == 0:
                image = np.clip(image + rng.random(image.shape, dtype=np.float32) * 0.2, 0.0, 1.0)
            result = capture(model, image)
            predictions.add(result.prediction)
            assert np.isfinite(result.probabilities).all()
        growth = resident_mb() - before
    print(f"\n10,000 draw-and-predict cycles: resident memory {before:.0f} MB -> {before + growth:.0f} MB "
          f"(growth {growth:+.1f} MB)")
    assert growth < MAX_GROWTH_MB, f"memory grew {growth:.1f} MB over 10,000 predictions"
    assert len(predictions) > 1  # the inputs really varied


def test_a_thousand_inputs_through_the_app_state_keep_memory_flat(trained_explorer, mnist, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The GUI path: inputs go to the inference thread, results come back as signals, stale ones are dropped."""
    from ui.state import AppState
    from ui.tasks import shutdown_all

    state = AppState(mnist)
    try:
        state.set_model(trained_explorer[0], trained_explorer[1])
        images = mnist.test_images[:200].astype(np.float32) / 255.0

        def cycle(n: int, offset: int) -> None:
            for i in range(n):
                with qtbot.waitSignal(state.capture_changed, timeout=10_000):
                    state.set_input(images[(offset + i) % len(images)], true_label=int(mnist.test_labels[i % 200]))

        cycle(50, 0)
        before = resident_mb()
        cycle(1000, 50)
        growth = resident_mb() - before
        assert state.capture is not None and np.isfinite(state.capture.probabilities).all()
    finally:
        shutdown_all()
    print(f"\n1,000 inputs through AppState: resident memory {before:.0f} MB -> {before + growth:.0f} MB "
          f"(growth {growth:+.1f} MB)")
    assert growth < MAX_GROWTH_MB
