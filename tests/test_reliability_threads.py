"""Background work: Stop is prompt, one training at a time, closing mid-work is clean, worker errors are reported."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

from cnnviz.models import build_model
from cnnviz.training import BatchMetrics, CheckpointMeta, TensorData, TrainConfig, Trainer, train_model

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("stop_after", [1, 5, 11])
def test_trainer_stops_before_the_next_batch(mnist, stop_after: int) -> None:  # type: ignore[no-untyped-def]
    data = TensorData.from_arrays(mnist.train_images[:640], mnist.train_labels[:640])
    seen: list[BatchMetrics] = []
    result = Trainer(build_model("logistic"), TrainConfig(epochs=3, batch_size=32, threads=1),
                     on_batch=seen.append, should_stop=lambda: len(seen) >= stop_after).fit(data, data)
    assert result.cancelled and len(seen) == stop_after and result.history == []


def test_stop_during_the_test_evaluation_waits_for_one_chunk_only(mnist) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.training import evaluate

    data = TensorData.from_arrays(mnist.train_images[:128], mnist.train_labels[:128])
    test = TensorData.from_arrays(mnist.test_images[:5000], mnist.test_labels[:5000])
    chunks: list[int] = []
    model = build_model("logistic")

    def count_chunks(module: torch.nn.Module, inputs: tuple[torch.Tensor, ...]) -> None:
        if not module.training:  # the test evaluation runs in eval mode, one forward pass per chunk
            chunks.append(len(inputs[0]))

    model.register_forward_pre_hook(count_chunks)
    config = TrainConfig(epochs=2, batch_size=32, threads=1, eval_batch_size=1000)
    result = Trainer(model, config, should_stop=lambda: len(chunks) >= 1).fit(data, test)
    assert result.cancelled and result.history == [] and chunks == [1000]  # 1 of 5 chunks, then it stopped

    chunks.clear()
    finished = Trainer(model, replace(config, epochs=1)).fit(data, test)
    assert chunks == [1000] * 5
    chunks.clear()
    whole = evaluate(model, test, batch_size=5000)  # in chunks, the same figures as all at once
    assert chunks == [5000]
    assert finished.history[0].test_accuracy == whole.accuracy
    assert finished.history[0].test_loss == pytest.approx(whole.loss, rel=1e-6)


class _BatchCounter:
    """Wraps ``train_model`` to count finished batches, so a test can see how many ran after Stop."""

    def __init__(self) -> None:
        self.batches = 0
        self.first_batch = threading.Event()

    def train_model(self, *args: Any, on_batch: Any = None, **kwargs: Any) -> Any:
        def counting(m: BatchMetrics) -> None:
            self.batches += 1
            self.first_batch.set()
            if on_batch is not None:
                on_batch(m)

        return train_model(*args, on_batch=counting, **kwargs)


@pytest.fixture
def counted_training(window_factory):  # type: ignore[no-untyped-def]
    """A window whose explorer-CNN training (20,000 digits, 2 epochs: long enough to interrupt) has started."""
    counter = _BatchCounter()
    window = window_factory(first_run_subset=20_000, first_run_epochs=2, train=counter.train_model)
    window.train_default_model()
    return window, counter


def test_stop_in_the_window_ends_training_within_one_batch(counted_training, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, counter = counted_training
    assert counter.first_batch.wait(60)
    with qtbot.waitSignal(window.models.training_ended, timeout=10_000):
        window.progress.cancel_button.click()
        at_stop = counter.batches
    assert counter.batches - at_stop <= 1  # only the batch already running when Stop was pressed
    assert not window.is_training and window.state.model is None
    assert "cancelled" in window.banner.text().lower()
    assert not window.model_path.exists()  # a cancelled run never overwrites the saved model


def test_second_training_is_refused_while_one_runs(counted_training, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _counter = counted_training
    first = window.tasks.task("train-default")
    window.train_default_model()
    window.retrain_action.trigger()
    assert window.tasks.task("train-default") is first  # no second writer was started
    assert "already in progress" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.models.training_ended, timeout=60_000):
        window.cancel_training()
    assert not window.is_training


def test_worker_exception_reaches_the_window_and_the_app_keeps_working(window_factory, qtbot) -> None:  # type: ignore[no-untyped-def]
    broken = {"on": True}

    def train(*args: Any, **kwargs: Any) -> Any:
        if broken["on"]:
            raise RuntimeError("the disk vanished")
        return train_model(*args, **kwargs)

    window = window_factory(first_run_subset=500, first_run_epochs=1, train=train)
    window.train_default_model()
    qtbot.waitUntil(lambda: not window.is_training, timeout=10_000)
    assert "Training failed: RuntimeError: the disk vanished" in window.banner.text()
    broken["on"] = False
    with qtbot.waitSignal(window.state.model_changed, timeout=120_000):
        window.train_default_model()
    assert window.state.model is not None and window.model_path.is_file()


class _ExplodingNet(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        raise ValueError("a layer got the wrong shape")


def test_inference_error_shows_a_message_and_a_good_model_works_after(window_factory, qtbot,  # type: ignore[no-untyped-def]
                                                                      mnist) -> None:
    from PyQt6.QtWidgets import QMessageBox

    window = window_factory()
    window.show()
    broken = build_model("logistic")
    broken.add_module("explode", _ExplodingNet())
    meta = CheckpointMeta(model="logistic", model_kwargs={})
    with qtbot.waitSignal(window.state.error, timeout=10_000) as error:
        window.state.set_model(broken, meta)
        window.state.set_input(mnist.test_images[0] / 255.0)
    assert "wrong shape" in error.args[0]
    qtbot.waitUntil(lambda: any("wrong shape" in b.text() for b in window.findChildren(QMessageBox)))
    good = build_model("logistic")
    with qtbot.waitSignal(window.state.capture_changed, timeout=10_000):
        window.state.set_model(good, meta)
        window.state.set_input(mnist.test_images[1] / 255.0)
    assert window.state.capture is not None and np.isfinite(window.state.capture.probabilities).all()


CLOSE_SCRIPT = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["CNNVIZ_DATA_DIR"] = sys.argv[1]
import numpy as np
from PyQt6.QtCore import QThreadPool, QTimer
from PyQt6.QtWidgets import QApplication
app = QApplication([])
from cnnviz.data import load_bundled_mnist
from cnnviz.models import build_model
from cnnviz.training import CheckpointMeta
from ui.main_window import MainWindow
from ui.preferences import open_preferences
from ui.state import AppState
from ui.tasks import Task
from ui.theme import configure_plots
configure_plots()

data = load_bundled_mnist()
scenario = sys.argv[2]
from cnnviz.training.trainer import warm_up
warm_up()  # as the app does in the background once it is up
store = open_preferences(os.path.join(sys.argv[1], "settings.ini"))
window = MainWindow(AppState(data), store, model_path=os.path.join(sys.argv[1], "m.pt"),
                    first_run_subset=20000, first_run_epochs=3)
window.show()
closed = []

def close_now():
    if closed:
        return
    closed.append(True)
    running = sorted(t.name for t in Task.live)
    start = time.perf_counter()
    window.close()
    print(f"CLOSE_S {time.perf_counter() - start:.3f}", flush=True)
    print("RUNNING_AT_CLOSE", ",".join(running), flush=True)
    print("THREADS_FINISHED", not Task.live and QThreadPool.globalInstance().activeThreadCount() == 0, flush=True)
    app.quit()

def close_when_running(key):
    QTimer.singleShot(0, lambda: close_now() if any(t.name == key for t in Task.live) else close_when_running(key))

if scenario == "training":
    window.models.training_progress.connect(lambda m: QTimer.singleShot(0, close_now))
    window.train_default_model()
elif scenario == "slow-evaluation":  # closed during the end-of-epoch test evaluation (made to take 5 s)
    import cnnviz.training.trainer as trainer
    from PyQt6.QtCore import QObject, pyqtSignal
    class Closer(QObject):
        close = pyqtSignal()
    closer = Closer()
    closer.close.connect(close_now)  # emitted on the worker thread, run on the GUI thread
    real_evaluate = trainer.evaluate_unless_stopped
    evaluating = []
    def slow_chunk(module, inputs):  # each 1,000-digit chunk takes 0.5 s, as on a slow laptop
        if not evaluating:
            evaluating.append(True)
            print("EVALUATING", flush=True)
            closer.close.emit()  # the window closes while the evaluation is still running
        time.sleep(0.5)
    def slow_evaluate(model, *args, **kwargs):
        hook = model.register_forward_pre_hook(slow_chunk)
        try:
            return real_evaluate(model, *args, **kwargs)
        finally:
            hook.remove()
    trainer.evaluate_unless_stopped = slow_evaluate
    window.models.first_run_subset = 300
    window.train_default_model()
elif scenario == "data-load":
    window.open_data_folder(__import__("cnnviz.paths").paths.BUNDLED_MNIST_DIR)
    close_when_running("load-data")
elif scenario == "image-folder-load":  # File → Open data on 1,500 PNGs, closed while they are read
    sys.path.insert(0, "tests")
    from data_sets import write_image_folder
    folder = write_image_folder(__import__("pathlib").Path(sys.argv[1]) / "shapes", per_class=500)
    window.open_data_folder(folder)
    window.data.progress.bar.valueChanged.connect(lambda v: close_now() if v > 0 else None)
elif scenario == "camera":  # live camera frames (through a video sink) feeding captures when the window closes
    from PyQt6.QtGui import QImage
    from PyQt6.QtMultimedia import QVideoFrame, QVideoSink
    from ui.draw.camera_panel import CameraPanel
    window.state.set_model(build_model("explorer_cnn"), CheckpointMeta(model="explorer_cnn", model_kwargs={}))
    sink = QVideoSink()
    camera = CameraPanel(window.draw_tab.canvas, sink=sink, use_camera=False)
    window.draw_tab.inputs.add_camera(camera)
    camera.live_button.setChecked(True)
    frames = []
    for x in (300, 320):  # a bar moving to and fro (a sink passes on a frame only when it changes)
        pixels = np.full((480, 640, 3), 220, np.uint8)
        pixels[140:340, x:x + 40] = 20
        frames.append(QVideoFrame(QImage(pixels.tobytes(), 640, 480, 1920, QImage.Format.Format_RGB888).copy()))
    feed = QTimer()
    sent = __import__("itertools").count()
    feed.timeout.connect(lambda: sink.setVideoFrame(frames[next(sent) % 2]))
    feed.start(33)  # 30 frames per second, as a webcam sends them
    window.state.capture_changed.connect(lambda: close_now() if camera.frames_shown > 10 else None)
elif scenario == "zoo-evaluation":  # the confusion view scoring 10,000 digits with a slow model (16 s here)
    window.state.set_model(build_model("modern_cnn"), CheckpointMeta(model="modern_cnn", model_kwargs={}))
    zoo = window.tab_widgets["zoo"]
    window.tabs.setCurrentWidget(zoo)
    zoo.views.setCurrentWidget(zoo.confusion_view)
    close_when_running("evaluate")
elif scenario == "report":
    zoo = window.tab_widgets["zoo"]
    window.tabs.setCurrentWidget(zoo)
    for name, box in zoo.report_view.checks.items():  # one model trained in full: minutes of work
        box.setChecked(name == "small_cnn")
    zoo.report_view.budget.setValue(0)
    zoo.report_view.run()
    close_when_running("report")
elif scenario == "lab":
    lab = window.tab_widgets["lab"]
    window.tabs.setCurrentWidget(lab)
    lab.start_training()
    close_when_running("train")
elif scenario == "lab-experiment":  # the Training lab's depth experiment, closed while a model trains
    lab = window.tab_widgets["lab"]
    window.tabs.setCurrentWidget(lab)
    lab.views.setCurrentWidget(lab.experiments)
    lab.experiments.choose("depth")
    lab.experiments.progress.valueChanged.connect(lambda v: close_now() if v > 0 else None)
    lab.experiments.start()
elif scenario == "explain":  # saliency maps and the probe's FC companion being trained
    window.state.set_model(build_model("explorer_cnn"), CheckpointMeta(model="explorer_cnn", model_kwargs={}))
    window.state.set_input(data.test_images[0] / 255.0)
    explain = window.tab_widgets["explain"]
    window.tabs.setCurrentWidget(explain)
    explain.views.setCurrentWidget(explain.probe_view)  # trains its FC companion, then compares shifted digits
    def close_when_explaining():
        if any(t.name not in ("capture",) for t in Task.live):
            close_now()
        else:
            QTimer.singleShot(0, close_when_explaining)
    QTimer.singleShot(0, close_when_explaining)
elif scenario == "one-step":  # Draw & explore's one training step being taken on the digit
    window.state.set_model(build_model("explorer_cnn"), CheckpointMeta(model="explorer_cnn", model_kwargs={}))
    window.draw_tab.side.setCurrentIndex(window.draw_tab.side.count() - 1)
    window.state.set_input(data.test_images[0] / 255.0, int(data.test_labels[0]))
    close_when_running("step")
elif scenario == "ablation":  # the Draw tab ranking maps while maps are switched off and on
    window.state.set_model(build_model("explorer_cnn"), CheckpointMeta(model="explorer_cnn", model_kwargs={}))
    window.state.set_input(data.test_images[0] / 255.0)
    for c in range(8):
        window.state.set_ablation(frozenset({("conv1", c)}))
    close_when_running("rank")
elif scenario == "lesson":  # the shuffled-pixels lesson fitting its two FC classifiers for its text (2 s here)
    window.state.set_model(build_model("explorer_cnn"), CheckpointMeta(model="explorer_cnn", model_kwargs={}))
    window.lesson_hub.open_lessons(6)
    def close_when_fitting():
        if window.state.capture is not None and any(t.name == "lesson-text" for t in Task.live):
            close_now()
        else:
            QTimer.singleShot(0, close_when_fitting)
    QTimer.singleShot(0, close_when_fitting)
elif scenario == "open-model":  # File → Open of an ONNX file, closed while it is being read
    from cnnviz.imports.export import export_onnx
    model_file = os.path.join(sys.argv[1], "modern.onnx")
    export_onnx(build_model("modern_cnn").eval(), CheckpointMeta(model="modern_cnn", model_kwargs={}), model_file)
    window.open_model(model_file)
    close_when_running("open-model")
elif scenario == "export-onnx":  # File → Export model as ONNX, closed while it is being written
    window.state.set_model(build_model("modern_cnn"), CheckpointMeta(model="modern_cnn", model_kwargs={}))
    window.models.export_onnx(os.path.join(sys.argv[1], "out.onnx"))
    close_when_running("export-onnx")
elif scenario == "features":  # the Filters tab's feature pictures being found by gradient ascent
    window.state.set_model(build_model("explorer_cnn"), CheckpointMeta(model="explorer_cnn", model_kwargs={}))
    filters = window.tab_widgets["filters"]
    window.tabs.setCurrentWidget(filters)
    filters.views.setCurrentWidget(filters.page)
    close_when_running("visualise")
else:
    window.state.set_model(build_model("explorer_cnn"), CheckpointMeta(model="explorer_cnn", model_kwargs={}))
    rng = np.random.default_rng(0)
    def flood():
        for _ in range(50):  # keep the capture jobs busy while the window closes
            window.state.set_input(rng.random((28, 28), dtype=np.float32))
    window.state.capture_changed.connect(lambda: close_now())
    QTimer.singleShot(0, flood)
QTimer.singleShot(60000, lambda: (print("TIMEOUT", flush=True), app.exit(3)))
code = app.exec()
print("EXIT", code, flush=True)
"""


@pytest.mark.parametrize("scenario", ["training", "inference", "slow-evaluation", "data-load", "image-folder-load",
                                      "camera", "zoo-evaluation", "report", "lab", "explain", "ablation", "lesson",
                                      "open-model", "export-onnx", "features", "lab-experiment", "one-step"])
def test_closing_mid_work_exits_cleanly_within_two_seconds(tmp_path: Path, scenario: str) -> None:
    if scenario == "camera":  # the app offers no camera where QtMultimedia's system libraries are missing
        pytest.importorskip("PyQt6.QtMultimedia", exc_type=ImportError)
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(CLOSE_SCRIPT), str(tmp_path), scenario],
                          cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "EXIT 0" in done.stdout and "THREADS_FINISHED True" in done.stdout, done.stdout + done.stderr
    close_s = float(done.stdout.split("CLOSE_S ")[1].split()[0])
    print(f"{scenario}: window closed in {close_s:.3f} s")
    assert scenario != "slow-evaluation" or "EVALUATING" in done.stdout
    assert close_s < 2.0
    assert "QThread: Destroyed" not in done.stderr
    assert "QObject::" not in done.stderr and "QBasicTimer" not in done.stderr, done.stderr
