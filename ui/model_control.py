"""The current model's life in the window: open the saved one, train the first one, open, save and export files.

The policy (which file to reopen, what to do with a damaged one) is the core's ``ModelStore``; this
object runs the slow parts as background jobs and tells the window what to say, in ``message``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PyQt6.QtCore import QObject, pyqtSignal

from cnnviz.data.transforms import INPUT_PRESETS, InputSpec, preset_spec
from cnnviz.imports import IMPORTED, ModelFileError, open_model_file
from cnnviz.jobs import Job
from cnnviz.models import MODELS
from cnnviz.models.staged import StagedNet
from cnnviz.store import Damaged, ModelStore, Opened, Outcome
from cnnviz.training import CheckpointMeta, TrainedModel, save_checkpoint, train_model
from cnnviz.training.checkpoint import input_spec
from cnnviz.training.device import threads_for
from ui.i18n import error_text, translate, worded
from ui.preferences import ModelPrefs
from ui.preprocess_dialog import ask_preprocessing
from ui.state import AppState
from ui.tasks import TaskRunner

DEFAULT_MODEL = "explorer_cnn"
PROGRESS_EVERY = 10  # batches between progress updates: the status line needs no more


class ModelControl(QObject):
    message = pyqtSignal(str)  # a sentence for the banner ("" clears it)
    error = pyqtSignal(str)  # a problem the user must read (a dialog)
    status = pyqtSignal(str)  # a passing remark for the status bar
    training_started = pyqtSignal(int)  # epochs
    training_progress = pyqtSignal(object)  # BatchMetrics
    training_ended = pyqtSignal()
    opened = pyqtSignal(bool)  # File → Open finished: True when the file's model is now the current one
    exported = pyqtSignal(bool)  # File → Export model as ONNX finished: True when the files were written

    def __init__(self, state: AppState, prefs: ModelPrefs, model_path: Path, tasks: TaskRunner,
                 first_run_subset: int | None = None, first_run_epochs: int | None = None,
                 train: Callable[..., TrainedModel] | None = None) -> None:
        super().__init__(state)
        self.state, self.prefs, self.tasks = state, prefs, tasks
        self.store = ModelStore(model_path)
        self.first_run_subset, self.first_run_epochs = first_run_subset, first_run_epochs
        self._train = train or train_model
        # asks which preset prepares an opened model's input when its file does not say (a dialog; tests replace it)
        self.ask_preset: Callable[[Path, InputSpec], str | None] = ask_preprocessing

    # -- start-up -------------------------------------------------------------------------------
    def start(self, outcome: Outcome | None = None) -> None:
        """Open the last opened or the saved model, or say plainly there is none and train one.

        ``outcome``: the store's answer, when the start-up job already asked it off the GUI thread.
        """
        if outcome is None:
            outcome = self.store.startup_model(self.prefs.last_opened or None)
        if outcome.forget_last_opened:
            self.prefs.last_opened = ""  # changed since: the app's own model is the one to open
        if isinstance(outcome, Opened):
            self.state.set_model(outcome.model, outcome.meta)
        elif isinstance(outcome, Damaged):
            self.train_default(worded(outcome.message))
        else:
            self.train_default()

    # -- training the default model ------------------------------------------------------------
    @property
    def is_training(self) -> bool:
        return self.tasks.busy("train-default")

    def train_default(self, reason: str | None = None) -> bool:
        """Train the explorer CNN on the open data set in the background; False if one is running.

        The banner says why and what happens meanwhile (``reason`` replaces the usual sentence).
        """
        if self.is_training:
            self.status.emit(translate("ModelControl", "A training run is already in progress."))
            return False
        data, subset, epochs, train = self.state.data, self.first_run_subset, self.first_run_epochs, self._train

        def job(j: Job) -> TrainedModel:
            def on_batch(m: Any) -> None:
                if m.batch % PROGRESS_EVERY == 0 or m.batch == m.batches_per_epoch:
                    j.progress(m)

            return train(DEFAULT_MODEL, data, subset=subset, epochs=epochs, on_batch=on_batch,
                         should_stop=j.should_stop)

        self.tasks.run("train-default", job, threads=threads_for("train"), on_done=self._on_trained,
                       on_progress=self.training_progress.emit, on_failed=self._on_failed,
                       on_cancelled=self._on_cancelled, on_finished=self.training_ended.emit)
        self.message.emit(reason or self._starting_text())
        self.training_started.emit(epochs or MODELS[DEFAULT_MODEL].recipe.epochs)
        return True

    def _starting_text(self) -> str:
        if self.state.model is None:
            return translate("ModelControl", "No trained model yet. Training the explorer CNN on {data} now — this "
                             "runs in the background and is saved, so the next launch is instant. You can draw "
                             "meanwhile.").format(data=self.state.data.name)
        return translate("ModelControl", "Training a new explorer CNN on {data}; the current model stays open until "
                         "it is done.").format(data=self.state.data.name)

    def cancel_training(self) -> None:
        self.tasks.cancel("train-default")

    def _on_trained(self, trained: TrainedModel) -> None:
        self.prefs.last_opened = ""  # the freshly trained model is the one to reopen
        try:
            text = translate("ModelControl", "The explorer CNN is trained ({acc:.2%} test accuracy) and saved to "
                             "{path}. Draw a digit!").format(acc=trained.meta.test_accuracy or 0.0,
                                                             path=self.store.save_trained(trained))
        except OSError as exc:
            text = translate("ModelControl", "The explorer CNN is trained ({acc:.2%} test accuracy) but could not be "
                             "saved ({problem}). Draw a digit!").format(acc=trained.meta.test_accuracy or 0.0,
                                                                       problem=exc)
        self.state.set_model(trained.model, trained.meta)
        notices = "".join(f" {notice}" for notice in trained.result.notices)  # e.g. a fall-back to the CPU
        self.message.emit(text + notices)

    def _on_cancelled(self) -> None:
        if self.state.model is None:
            self.message.emit(translate("ModelControl", "Training cancelled, so there is no model yet. Use File → "
                                        "Retrain explorer CNN, or File → Open model…."))
        else:
            self.message.emit(translate("ModelControl", "Training cancelled; the model you had is still open."))

    def _on_failed(self, message: str) -> None:
        self.message.emit(translate("ModelControl", "Training failed: {reason}").format(reason=message))

    # -- files -----------------------------------------------------------------------------------
    def open_model(self, path: Path) -> bool:
        """Open any model file (a cnnviz checkpoint, ONNX, TorchScript, torch.export) in the background.

        False when another one is still opening. ``opened(True)`` follows once the model is the current one;
        a file that cannot be opened is said in one sentence (``error``), ``opened(False)``, and the model that
        was open stays open.
        """
        path = Path(path)

        def job(_: Job) -> tuple[StagedNet, CheckpointMeta] | ModelFileError:
            try:
                return open_model_file(path)
            except ModelFileError as exc:  # expected: said to the user (in the window's language), no traceback
                return exc

        started = self.tasks.run("open-model", job, threads=threads_for("load"),
                                 on_done=lambda result: self._on_opened(path, result),
                                 on_failed=self._on_open_failed)
        self.status.emit(translate("ModelControl", "Opening {path}…").format(path=path) if started
                         else translate("ModelControl", "A model file is already being opened."))
        return started

    def _on_opened(self, path: Path, result: tuple[StagedNet, CheckpointMeta] | ModelFileError) -> None:
        if isinstance(result, ModelFileError):
            self._on_open_failed(error_text(result))
            return
        model, meta = result
        meta = self._with_preprocessing(path, meta)
        self.state.set_model(model, meta)
        if model.arch == IMPORTED:
            spec = input_spec(meta)
            opened = translate("ModelControl", "Opened {name} ({format}): {classes} classes, input {c}×{h}×{w}.")
            opened = opened.format(
                name=path.name, format=meta.extra.get("format", translate("ModelControl", "model file")),
                classes=len(meta.class_names), c=spec.channels, h=spec.size[0], w=spec.size[1])
            self.message.emit(opened + "".join(f" {worded(notice)}" for notice in meta.notices))
        else:
            self.prefs.last_opened = str(path.resolve())  # a cnnviz checkpoint is reopened at the next launch
            self.message.emit(" ".join(worded(notice) for notice in meta.notices))
        self.opened.emit(True)

    def _on_open_failed(self, message: str) -> None:
        self.error.emit(message)
        self.opened.emit(False)

    def _with_preprocessing(self, path: Path, meta: CheckpointMeta) -> CheckpointMeta:
        """When the file does not say how its input was prepared: the preset chosen for it before, else ask once."""
        if meta.extra.get("preprocess_known") is not False:
            return meta
        key = str(path.resolve())
        chosen = json.loads(self.prefs.preprocess)
        preset = chosen.get(key)
        spec = input_spec(meta)
        if preset not in INPUT_PRESETS:
            preset = self.ask_preset(path, spec)
            if preset is None:  # cancelled: the file's default, asked again next time
                return meta
            self.prefs.preprocess = json.dumps({**chosen, key: preset})
        return replace(meta, input=preset_spec(preset, spec.channels, spec.size).to_dict(),
                       extra={**meta.extra, "preprocess_known": True, "preset": preset})

    def save_model(self, path: Path) -> bool:
        if self.state.model is None or self.state.meta is None:
            self.error.emit(translate("ModelControl", "There is no trained model to save yet."))
            return False
        if self.state.model.arch == IMPORTED:
            self.error.emit(translate("ModelControl", "{name} was opened from a model file, so it cannot be saved as a "
                                      "cnnviz checkpoint (those rebuild one of cnnviz's own architectures): use File → "
                                      "Export model as ONNX… to save a copy.").format(
                name=Path(self.state.meta.extra.get("source", translate("ModelControl", "This model"))).name))
            return False
        try:
            save_checkpoint(self.state.model, path, self.state.meta)
        except OSError as exc:
            self.error.emit(translate("ModelControl", "Could not save {path}: {problem}").format(path=path,
                                                                                                 problem=exc))
            return False
        return True

    def export_onnx(self, path: Path) -> bool:
        """Write the current model as ONNX (and ``STEM.preprocess.json`` beside it) in the background."""
        model, meta = self.state.model, self.state.meta
        if model is None or meta is None:
            self.error.emit(translate("ModelControl", "There is no model to export yet."))
            return False
        path = Path(path)

        def job(_: Job) -> list[Path] | ModelFileError:
            from cnnviz.imports.export import export_onnx  # ONNX is loaded only when a model is exported

            try:
                return export_onnx(model, meta, path)
            except ModelFileError as exc:
                return exc

        def done(result: list[Path] | ModelFileError) -> None:
            if isinstance(result, ModelFileError):
                self._on_export_failed(error_text(result))
                return
            self.status.emit(translate("ModelControl", "Exported {files}").format(
                files=translate("ModelControl", " and ").join(str(p) for p in result)))
            self.exported.emit(True)

        started = self.tasks.run("export-onnx", job, threads=threads_for("report"), on_done=done,
                                 on_failed=self._on_export_failed)
        if started:
            self.status.emit(translate("ModelControl", "Exporting {path}…").format(path=path))
        return started

    def _on_export_failed(self, message: str) -> None:
        self.error.emit(message)
        self.exported.emit(False)
