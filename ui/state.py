"""What the tabs share: the data set, the current model, the current input and its capture.

Lives on the GUI thread. Inference runs on a worker thread; requests are coalesced so that a
fast drawing never queues up stale work: at most one request is in flight, and only the newest
waiting input is sent next.
"""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import QObject, QThread, pyqtSignal

from cnnviz.data import MnistData
from cnnviz.introspect import Capture
from cnnviz.models.staged import StagedNet
from cnnviz.training import CheckpointMeta
from ui.workers import InferenceWorker, start_in_thread, stop_thread


class AppState(QObject):
    model_changed = pyqtSignal()
    input_changed = pyqtSignal()  # the 28×28 input changed (or was cleared: image is None)
    capture_changed = pyqtSignal()  # a new Capture for the current input and model is ready
    error = pyqtSignal(str)
    _request = pyqtSignal(int, object)
    _send_model = pyqtSignal(object)

    def __init__(self, data: MnistData, parent: QObject | None = None):
        super().__init__(parent)
        self.data = data
        self.model: StagedNet | None = None
        self.meta: CheckpointMeta | None = None
        self.image: np.ndarray | None = None
        self.capture: Capture | None = None
        self.true_label: int | None = None  # known when the input is a test digit
        self._next_id = 0
        self._in_flight: int | None = None
        self._pending = False
        self._worker = InferenceWorker()
        self._thread: QThread | None = start_in_thread(self._worker, self._worker.use_inference_threads)
        self._request.connect(self._worker.infer)
        self._send_model.connect(self._worker.set_model)
        self._worker.captured.connect(self._on_captured)
        self._worker.failed.connect(self._on_failed)

    # -- model ---------------------------------------------------------------------------------
    def set_model(self, model: StagedNet, meta: CheckpointMeta) -> None:
        model.eval()
        self.model, self.meta = model, meta
        self._send_model.emit(model)
        self.model_changed.emit()
        self._schedule()

    # -- input ---------------------------------------------------------------------------------
    def set_input(self, image: np.ndarray | None, true_label: int | None = None) -> None:
        """Set the 28×28 [0, 1] input (``None`` for an empty canvas) and request its capture."""
        self.image = None if image is None else np.asarray(image, dtype=np.float32)
        self.true_label = true_label
        self.input_changed.emit()
        if self.image is None:
            self.capture = None
            self.capture_changed.emit()
        else:
            self._schedule()

    def _schedule(self) -> None:
        if self.image is None or self.model is None:
            return
        if self._in_flight is not None:
            self._pending = True
            return
        self._next_id += 1
        self._in_flight = self._next_id
        self._pending = False
        self._request.emit(self._next_id, self.image.copy())

    def _on_captured(self, request_id: int, result: Capture) -> None:
        if request_id != self._in_flight:
            return
        self._in_flight = None
        if self._pending:
            self._schedule()  # the input moved on meanwhile: skip showing this stale result
            return
        if self.image is not None:
            self.capture = result
            self.capture_changed.emit()

    def _on_failed(self, message: str) -> None:
        """A failed capture must not block later ones: free the slot, report, and serve what waits."""
        self._in_flight = None
        self.error.emit(message)
        if self._pending:
            self._schedule()

    def shutdown(self) -> None:
        stop_thread(self._thread)
        self._thread = None
