"""Background workers: one QObject per long job, moved to a QThread, talking only through signals."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

import numpy as np
import torch
from PyQt6.QtCore import QObject, QThread, pyqtSignal, pyqtSlot

from cnnviz.introspect import capture
from cnnviz.models.staged import StagedNet
from cnnviz.training import BatchMetrics, EpochMetrics
from cnnviz.training.device import INFERENCE_THREADS


class TrainWorker(QObject):
    """Runs a training function off the GUI thread; ``cancel()`` is honoured between batches.

    ``job`` is called with (on_batch, on_epoch, should_stop) and returns the result object
    that ``finished`` carries (e.g. a ``TrainedModel``).
    """

    batch_done = pyqtSignal(object)  # BatchMetrics
    epoch_done = pyqtSignal(object)  # EpochMetrics
    finished = pyqtSignal(object)  # the job's result
    cancelled = pyqtSignal()
    failed = pyqtSignal(str)

    def __init__(self, job: Callable[..., Any], batch_every: int = 1):
        super().__init__()
        self._job = job
        self._stop = threading.Event()
        self._batch_every = max(1, batch_every)

    def cancel(self) -> None:
        self._stop.set()

    @property
    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    @pyqtSlot()
    def run(self) -> None:
        def on_batch(m: BatchMetrics) -> None:
            if m.batch % self._batch_every == 0 or m.batch == m.batches_per_epoch:
                self.batch_done.emit(m)

        def on_epoch(m: EpochMetrics) -> None:
            self.epoch_done.emit(m)

        try:
            result = self._job(on_batch, on_epoch, self._stop.is_set)
        except Exception as exc:  # reaches the window as a message; the app keeps working
            traceback.print_exc()
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        if self._stop.is_set():
            self.cancelled.emit()
        else:
            self.finished.emit(result)


class InferenceWorker(QObject):
    """Captures every stage for an input on its own thread; the window coalesces requests."""

    captured = pyqtSignal(object, object)  # (request id, Capture)
    failed = pyqtSignal(str)

    def __init__(self) -> None:
        super().__init__()
        self._model: StagedNet | None = None

    @pyqtSlot()
    def use_inference_threads(self) -> None:
        """Run as the thread starts: one digit at a time is fastest, and steadiest, on one thread."""
        torch.set_num_threads(INFERENCE_THREADS)

    @pyqtSlot(object)
    def set_model(self, model: StagedNet | None) -> None:
        self._model = model

    @pyqtSlot(int, object)
    def infer(self, request_id: int, image: np.ndarray) -> None:
        if self._model is None:
            return
        try:
            self.captured.emit(request_id, capture(self._model, image))
        except Exception as exc:
            self.failed.emit(f"{type(exc).__name__}: {exc}")


def start_in_thread(worker: QObject, start_slot: Callable[[], None] | None = None) -> QThread:
    """Move ``worker`` to a new thread and start it (calling ``start_slot`` there if given)."""
    thread = QThread()
    worker.moveToThread(thread)
    if start_slot is not None:
        thread.started.connect(start_slot)
    thread.start()
    return thread


def stop_thread(thread: QThread | None, timeout_ms: int = 2000) -> bool:
    """Ask a worker thread's event loop to quit and wait for it; True when it ended."""
    if thread is None:
        return True
    thread.quit()
    return bool(thread.wait(timeout_ms))
