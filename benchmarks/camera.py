"""Live camera input in the real window: frames at 30 per second through a video sink, as a camera sends them.

Each frame is handed to the Draw tab's camera control (shrunk, made the input as an opened picture is), the
capture runs under the "latest" policy and the window repaints; the figure is how many new predictions
reach the screen per second. Measured for the explorer CNN on MNIST (grey, 28×28) and on a colour 32×32
set (the explorer CNN built with 3 input channels), the explorer-sized models of issue #15.
"""

from __future__ import annotations

import time

import numpy as np

from benchmarks.common import Figure, app_window, at_least

TARGET_FPS = 10.0
CAMERA_FPS = 30  # what a webcam sends
FRAME = (480, 640)  # a webcam's VGA frame


def shown_per_second(seconds: float, colour: bool) -> tuple[float, float]:
    """(predictions shown per second, frames taken per second) over ``seconds`` of 30-fps frames."""
    from PyQt6.QtCore import QTimer
    from PyQt6.QtGui import QImage
    from PyQt6.QtMultimedia import QVideoFrame, QVideoSink

    from cnnviz.data import MnistData
    from cnnviz.data.transforms import InputSpec
    from cnnviz.models import build_model
    from cnnviz.training import CheckpointMeta
    from ui.draw.camera_panel import CameraPanel

    rng = np.random.default_rng(0)
    frames = []
    for _ in range(8):  # a dark digit-like bar on paper, moving, as a hand-held sheet would
        pixels = np.full((*FRAME, 3), 220, np.uint8)
        x, y = rng.integers(200, 400), rng.integers(100, 250)
        pixels[y:y + 200, x:x + 40] = rng.integers(0, 80, 3)
        image = QImage(pixels.tobytes(), FRAME[1], FRAME[0], 3 * FRAME[1], QImage.Format.Format_RGB888).copy()
        frames.append(QVideoFrame(image))
    with app_window() as (app, window, _model):
        state = window.state
        if colour:
            images = rng.integers(0, 256, (20, 32, 32, 3)).astype(np.uint8)
            labels = np.arange(20) % 3
            spec = InputSpec(3, (32, 32), (0.5,) * 3, (0.25,) * 3)
            state.set_data(MnistData("colour", images, labels, images, labels, ("a", "b", "c"), spec))
            model = build_model("explorer_cnn", in_channels=3, num_classes=3, input_size=(32, 32)).eval()
            state.set_model(model, CheckpointMeta(model="explorer_cnn", model_kwargs=dict(model.arch_kwargs),
                                                  class_names=["a", "b", "c"], input=spec.to_dict()))
        draw = window.tab_widgets["draw"]
        sink = QVideoSink()
        camera = CameraPanel(draw.canvas, sink=sink, use_camera=False)
        draw.inputs.add_camera(camera)
        camera.live_button.setChecked(True)
        shown = [0]
        state.capture_changed.connect(lambda: shown.__setitem__(0, shown[0] + 1))
        sent = [0]

        def send() -> None:
            sink.setVideoFrame(frames[sent[0] % len(frames)])
            sent[0] += 1

        timer = QTimer()
        timer.setInterval(1000 // CAMERA_FPS)
        timer.timeout.connect(send)
        for _ in range(5):  # warm-up frames
            send()
            app.processEvents()
        start, shown[0], taken = time.perf_counter(), 0, camera.frames_shown
        timer.start()
        while time.perf_counter() - start < seconds:
            app.processEvents()
        timer.stop()
        elapsed = time.perf_counter() - start
        camera.stop()
        return shown[0] / elapsed, (camera.frames_shown - taken) / elapsed


def run(quick: bool = False) -> list[Figure]:
    seconds = 1.0 if quick else 10.0
    figures = []
    for colour, what in ((False, "explorer CNN, MNIST 28×28 grey"), (True, "explorer CNN, colour 32×32")):
        fps, taken = shown_per_second(seconds, colour)
        figures.append(at_least("camera", f"camera predictions shown per second ({what})", fps, "fps", TARGET_FPS,
                                f"{CAMERA_FPS}-fps 640×480 frames for {seconds:.0f} s, real window offscreen, "
                                f"{taken:.0f} frames/s taken"))
    return figures
