"""Live camera input, fed through a video sink of the test's own (no camera needed): frames become the
input exactly as the same picture opened from a file, Freeze holds one, and without a camera there is no
control at all."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PyQt6.QtGui import QImage

QtMultimedia = pytest.importorskip("PyQt6.QtMultimedia", exc_type=ImportError)
from test_ui_data import shapes_data  # noqa: E402

from ui.draw.camera_panel import CameraPanel, camera_available  # noqa: E402
from ui.draw.tab import DrawTab  # noqa: E402
from ui.preferences import Preferences  # noqa: E402


def frame_of(pixels: np.ndarray):  # type: ignore[no-untyped-def]
    """A QVideoFrame holding ``pixels`` ((H, W, 3) uint8), as a camera would deliver it."""
    h, w = pixels.shape[:2]
    image = QImage(np.ascontiguousarray(pixels).tobytes(), w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    return QtMultimedia.QVideoFrame(image)


@pytest.fixture
def fed_tab(qtbot, app_state):  # type: ignore[no-untyped-def]
    """A Draw tab whose camera control is fed by the test's own video sink."""
    sink = QtMultimedia.QVideoSink()
    tab = DrawTab(app_state, Preferences(), camera=False)
    qtbot.addWidget(tab)
    camera = CameraPanel(tab.canvas, sink=sink, use_camera=False)
    tab.inputs.add_camera(camera)
    tab.show()
    return tab, camera, sink


def test_the_control_is_there_only_with_a_camera(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    tab = DrawTab(app_state, Preferences())
    qtbot.addWidget(tab)
    present = camera_available()
    assert (tab.inputs.camera is not None) == present
    if not present:  # this machine: no camera, so no broken button either
        assert not [b for b in tab.findChildren(type(tab.inputs.open_button)) if b.text() == "Camera"]


def test_colour_frames_are_cropped_and_shrunk_like_an_opened_picture(fed_tab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab, camera, sink = fed_tab
    tab.state.set_data(shapes_data())
    rng = np.random.default_rng(0)
    picture = rng.integers(0, 256, (240, 320, 3)).astype(np.uint8)
    Image.fromarray(picture).save(tmp_path / "frame.png")
    assert tab.load_image_file(tmp_path / "frame.png")
    opened = tab.state.image.copy()  # type: ignore[union-attr]

    sink.setVideoFrame(frame_of(picture))  # the camera is off: nothing happens
    np.testing.assert_array_equal(tab.state.image, opened)
    camera.live_button.click()
    tab.canvas.clear()
    sink.setVideoFrame(frame_of(picture))
    assert tab.state.image is not None and tab.state.image.shape == (32, 32, 3)
    np.testing.assert_allclose(tab.state.image, opened, atol=1 / 255)

    camera.freeze_button.click()  # held: the next frames are ignored, the frozen one can be drawn on
    sink.setVideoFrame(frame_of(np.zeros_like(picture)))
    np.testing.assert_allclose(tab.state.image, opened, atol=1 / 255)
    tab.canvas.draw_stroke([(10.0, 10.0), (270.0, 270.0)])
    assert tab.canvas.stroke_count == 1
    camera.freeze_button.click()
    sink.setVideoFrame(frame_of(np.zeros_like(picture)))
    assert float(tab.state.image.max()) == 0.0 and tab.canvas.stroke_count == 0  # type: ignore[union-attr]
    assert camera.frames_shown == 2


def test_grey_frames_become_mnist_style_digits_like_an_opened_photo(fed_tab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A photo of a dark digit on paper, colour-tinted: the frame and the file give the same 28×28 input."""
    tab, camera, sink = fed_tab
    paper = np.full((200, 260, 3), (235, 225, 200), np.uint8)
    paper[50:150, 120:140] = (40, 30, 60)  # a "1"
    paper[50:60, 105:125] = (40, 30, 60)
    Image.fromarray(paper).save(tmp_path / "one.png")
    assert tab.load_image_file(tmp_path / "one.png")
    opened = tab.state.image.copy()  # type: ignore[union-attr]
    camera.live_button.click()
    tab.canvas.clear()
    sink.setVideoFrame(frame_of(paper))
    assert tab.state.image is not None and tab.state.image.shape == (28, 28)
    np.testing.assert_allclose(tab.state.image, opened, atol=2 / 255)
    camera.live_button.click()  # off again: the camera is released, the last frame stays
    assert not camera.live and not camera.freeze_button.isEnabled()
    sink.setVideoFrame(frame_of(np.zeros_like(paper)))
    np.testing.assert_allclose(tab.state.image, opened, atol=2 / 255)


def test_the_camera_benchmark_runs(qapp) -> None:  # type: ignore[no-untyped-def]
    """benchmarks/camera.py measures real predictions for a grey and a colour model (no timing asserted)."""
    from benchmarks import camera

    figures = camera.run(quick=True)
    assert [f.unit for f in figures] == ["fps", "fps"]
    assert all(f.value > 0 and f.met is not None for f in figures)  # frames went through and were captured
