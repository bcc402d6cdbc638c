"""What the tabs share: the data set, the current model, the current input and its capture.

Lives on the GUI thread. Each input is captured (every stage of the model) by a background job under
the "latest" policy of ``ui/tasks.py``: at most one capture in flight, only the newest waiting input
next, a stale result never shown. A new model and the capture made *with it* reach the views together:
``model_changed`` fires right before that capture's ``capture_changed``, so no view ever pairs the new
model with the previous model's capture.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from PyQt6.QtCore import QObject, pyqtSignal

from cnnviz.data import MnistData
from cnnviz.data.transforms import MNIST_INPUT, InputSpec
from cnnviz.features.ablation import NOTHING_OFF, Ablation, ablated_capture, check_ablation
from cnnviz.introspect import Capture
from cnnviz.jobs import Job
from cnnviz.models.staged import StagedNet
from cnnviz.training import CheckpointMeta
from cnnviz.training.checkpoint import input_spec
from cnnviz.training.device import threads_for
from ui.preferences import MAP_SCALES
from ui.tasks import TaskRunner

CaptureFn = Callable[[StagedNet, np.ndarray, InputSpec], Capture]


def class_name(names: Sequence[str], index: int) -> str:
    """Output ``index`` by name; its number when the names run short (a model with more outputs than names)."""
    return names[index] if 0 <= index < len(names) else str(index)


def _default_capture(model: StagedNet, image: np.ndarray, spec: InputSpec) -> Capture:
    from cnnviz.introspect import capture

    return capture(model, image, spec)


class AppState(QObject):
    model_changed = pyqtSignal()
    input_changed = pyqtSignal()  # the input changed (or was cleared: image is None)
    capture_changed = pyqtSignal()  # a new Capture for the current input and model is ready
    data_changed = pyqtSignal()  # another data set was opened: class names, counts, limits change
    display_changed = pyqtSignal()  # how maps are drawn changed (``map_scale``)
    ablation_changed = pyqtSignal()  # channels were switched off or back on (``ablation``)
    error = pyqtSignal(str)

    def __init__(self, data: MnistData, parent: QObject | None = None, capture_fn: CaptureFn = _default_capture):
        super().__init__(parent)
        self.data = data
        self.model: StagedNet | None = None
        self.meta: CheckpointMeta | None = None
        self.image: np.ndarray | None = None
        self.capture: Capture | None = None
        self.true_label: int | None = None  # known when the input is a test digit
        self.map_scale = "stage"
        self.ablation: Ablation = NOTHING_OFF  # (stage, channel) pairs switched off in every capture
        self.tasks = TaskRunner(self)
        self._capture_fn = capture_fn
        self._incoming: tuple[StagedNet, CheckpointMeta] | None = None  # a model waiting for its first capture

    # -- model ---------------------------------------------------------------------------------
    def set_model(self, model: StagedNet, meta: CheckpointMeta) -> None:
        """Switch to ``model``; with an input on the canvas, the switch is shown with the new capture."""
        model.eval()
        if self.image is None:
            self._incoming = None
            self._adopt(model, meta)
            return
        self._incoming = (model, meta)
        self._schedule()

    def _adopt(self, model: StagedNet, meta: CheckpointMeta) -> None:
        self.model, self.meta = model, meta
        if self.ablation:  # another model's channels: they mean nothing here
            self.ablation = NOTHING_OFF
            self.ablation_changed.emit()
        self.model_changed.emit()

    def set_ablation(self, ablation: Ablation) -> None:
        """Switch exactly these (stage, channel) pairs off in every capture from now on (empty: all on)."""
        if self.model is not None:
            check_ablation(self.model, ablation, input_spec(self.meta) if self.meta is not None else MNIST_INPUT)
        if ablation != self.ablation:
            self.ablation = frozenset(ablation)
            self.ablation_changed.emit()
            self._schedule()

    @property
    def class_names(self) -> tuple[str, ...]:
        """What the current model's outputs mean (its checkpoint's class names), or the data set's classes
        while there is no model: a model trained on another data set still answers in its own classes."""
        if self.meta is not None and self.meta.class_names:
            return tuple(self.meta.class_names)
        return self.data.class_names

    # -- data and display ----------------------------------------------------------------------
    def set_data(self, data: MnistData) -> None:
        """Open another data set: one ``data_changed`` tells every tab (class names and counts, sample limits,
        the kind of input). The current input and model stay until the views replace them."""
        self.data = data
        self.data_changed.emit()

    def set_map_scale(self, scale: str) -> None:
        if scale not in MAP_SCALES:
            raise ValueError(f"map scale must be one of {', '.join(MAP_SCALES)} (got {scale!r})")
        if scale != self.map_scale:
            self.map_scale = scale
            self.display_changed.emit()

    # -- input ---------------------------------------------------------------------------------
    def set_input(self, image: np.ndarray | None, true_label: int | None = None) -> None:
        """Set the [0, 1] input, (H, W) grey or (H, W, 3) colour (``None`` for an empty canvas), and request its
        capture (made with the model's input description: resized, channels matched, normalised)."""
        self.image = None if image is None else np.asarray(image, dtype=np.float32)
        self.true_label = true_label
        self.input_changed.emit()
        if self.image is None:
            self.tasks.cancel("capture")  # a capture still running is for an input that is gone
            if self._incoming is not None:
                self._adopt(*self._incoming)
                self._incoming = None
            self.capture = None
            self.capture_changed.emit()
        else:
            self._schedule()

    def _schedule(self) -> None:
        model, meta = self._incoming or (self.model, self.meta)
        if self.image is None or model is None or meta is None:
            return
        image, capture_fn = self.image.copy(), self._capture_fn
        ablation = self.ablation if model is self.model else NOTHING_OFF

        def job(_: Job) -> tuple[StagedNet, CheckpointMeta, Capture]:
            return model, meta, ablated_capture(model, image, ablation, input_spec(meta), capture_fn)

        self.tasks.run("capture", job, policy="latest", threads=threads_for("capture"),
                       on_done=self._on_captured, on_failed=self._on_failed)

    def _on_captured(self, result: tuple[StagedNet, CheckpointMeta, Capture]) -> None:
        model, meta, capture = result
        if self.image is None:
            return
        if model is not self.model:
            if self._incoming is None or self._incoming[0] is not model:
                return  # made with a model that is neither current nor coming: drop it
            self._incoming = None
            self.capture = capture
            self._adopt(model, meta)
        self.capture = capture
        self.capture_changed.emit()

    def _on_failed(self, message: str) -> None:
        """A failed capture must not block later ones, nor keep a new model from being shown."""
        if self._incoming is not None:
            model, meta = self._incoming
            self._incoming = None
            self.capture = None
            self._adopt(model, meta)
            self.capture_changed.emit()
        self.error.emit(message)
