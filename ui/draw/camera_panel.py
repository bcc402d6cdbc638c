"""Live camera input for Draw & explore: each frame becomes the input the way an opened picture does.

QtMultimedia delivers frames to a ``QVideoSink``; each is shrunk and handed to the canvas
(``DrawingCanvas.show_picture``: a digit made MNIST-style for grey data sets, the picture cropped and
shrunk to the data set's size for colour ones) without an undo step, and the canvas's input goes to
``AppState.set_input`` like any other. Captures run under the state's "latest" policy, so frames never
queue: at most one capture is in flight and only the newest frame waits. Freeze keeps the last frame on the
canvas (draw on it, undo to it). Where QtMultimedia or a camera is missing, there is no camera control.
"""

from __future__ import annotations

from typing import Any

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QWidget

from ui.canvas import DrawingCanvas
from ui.i18n import translate
from ui.widgets.qimages import qimage_to_array

FRAME_SIDE = 320  # frames are shrunk to this longer side before anything else: inputs are 28–64 px wide


def _probe() -> bool:
    try:
        from PyQt6.QtMultimedia import QMediaDevices
    except (ImportError, OSError):  # no QtMultimedia, or its system libraries (e.g. libpulse) are missing
        return False
    return bool(QMediaDevices.videoInputs())


# Asked once, when this module is imported (0.11 s, measured), on the GUI thread before any background job runs:
# loading QtMultimedia and its FFmpeg plugin logs from inside the dynamic loader, and a Python message handler
# (pytest-qt's) then waited for the interpreter while a pool thread in torch.set_num_threads waited for the
# loader: a deadlock seen when the probe ran later, with captures running.
_CAMERA_PRESENT = _probe()


def camera_available() -> bool:
    """Whether QtMultimedia loads here and lists at least one camera (asked when the app's Draw tab is built)."""
    return _CAMERA_PRESENT


class CameraPanel(QWidget):
    """"Camera" starts and stops the live input, "Freeze" holds the current frame.

    ``sink``: where frames arrive (tests feed their own ``QVideoSink``); ``use_camera=False`` feeds from the
    sink alone, without opening a device.
    """

    def __init__(self, canvas: DrawingCanvas, sink: Any = None, use_camera: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PyQt6.QtMultimedia import QVideoSink

        self.canvas = canvas
        self.sink = sink if sink is not None else QVideoSink(self)
        self.sink.videoFrameChanged.connect(self.on_frame)
        self._use_camera = use_camera
        self._camera: Any = None
        self._session: Any = None
        self.frames_shown = 0
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.live_button = QPushButton(translate("CameraPanel", "Camera"))
        self.live_button.setCheckable(True)
        self.live_button.setToolTip(translate("CameraPanel", "Feed the camera's picture to the network, live"))
        self.live_button.toggled.connect(self._on_live)
        self.freeze_button = QPushButton(translate("CameraPanel", "Freeze"))
        self.freeze_button.setCheckable(True)
        self.freeze_button.setEnabled(False)
        self.freeze_button.setToolTip(translate("CameraPanel", "Hold the current frame (draw on it, or unfreeze to go "
                                                "on)"))
        for button in (self.live_button, self.freeze_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            row.addWidget(button, 1)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)  # the device is released before the window goes

    @property
    def live(self) -> bool:
        return self.live_button.isChecked()

    @property
    def frozen(self) -> bool:
        return self.freeze_button.isChecked()

    def _on_live(self, on: bool) -> None:
        self.freeze_button.setChecked(False)
        self.freeze_button.setEnabled(on)
        if on and self._use_camera:
            from PyQt6.QtMultimedia import QCamera, QMediaCaptureSession

            self._camera = QCamera(self)
            self._session = QMediaCaptureSession(self)
            self._session.setCamera(self._camera)
            self._session.setVideoSink(self.sink)
            self._camera.errorOccurred.connect(lambda _e, text: self._failed(text))
            self._camera.start()
        elif not on:
            self.stop()

    def stop(self) -> None:
        """Release the camera (also when the window closes)."""
        if self._camera is not None:
            self._camera.stop()
            self._session.setVideoSink(None)
            self._camera.deleteLater()
            self._session.deleteLater()
            self._camera = self._session = None
        if self.live_button.isChecked():
            self.live_button.setChecked(False)

    def _failed(self, text: str) -> None:
        self.stop()
        reason = text or translate("CameraPanel", "it is in use or was unplugged")
        self.canvas.error.emit(translate("CameraPanel", "The camera stopped: {reason}.").format(reason=reason))

    def on_frame(self, frame: Any) -> None:
        """A new frame: the input now (unless frozen or off); a bad frame is skipped."""
        if not self.live or self.frozen or frame is None or not frame.isValid():
            return
        image = frame.toImage()
        if image.isNull():
            return
        if max(image.width(), image.height()) > FRAME_SIDE:
            image = image.scaled(FRAME_SIDE, FRAME_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        if self.canvas.show_picture(qimage_to_array(image), translate("CameraPanel", "the camera frame"),
                                    remember=False):
            self.frames_shown += 1
