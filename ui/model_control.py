"""The current model's life in the window: open the saved one, train the first one, open and save files.

The policy (which file to reopen, what to do with a damaged one) is the core's ``ModelStore``; this
object runs the slow parts as background jobs and tells the window what to say, in ``message``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PyQt6.QtCore import QObject, pyqtSignal

from cnnviz.jobs import Job
from cnnviz.models import MODELS
from cnnviz.store import Damaged, ModelStore, Opened, Outcome
from cnnviz.training import CheckpointError, TrainedModel, load_checkpoint, save_checkpoint, train_model
from cnnviz.training.device import threads_for
from ui.preferences import ModelPrefs
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

    def __init__(self, state: AppState, prefs: ModelPrefs, model_path: Path, tasks: TaskRunner,
                 first_run_subset: int | None = None, first_run_epochs: int | None = None,
                 train: Callable[..., TrainedModel] | None = None) -> None:
        super().__init__(state)
        self.state, self.prefs, self.tasks = state, prefs, tasks
        self.store = ModelStore(model_path)
        self.first_run_subset, self.first_run_epochs = first_run_subset, first_run_epochs
        self._train = train or train_model

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
            self.train_default(outcome.message)
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
            self.status.emit("A training run is already in progress.")
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
            return (f"No trained model yet. Training the explorer CNN on {self.state.data.name} now — this runs in "
                    "the background and is saved, so the next launch is instant. You can draw meanwhile.")
        return f"Training a new explorer CNN on {self.state.data.name}; the current model stays open until it is done."

    def cancel_training(self) -> None:
        self.tasks.cancel("train-default")

    def _on_trained(self, trained: TrainedModel) -> None:
        self.prefs.last_opened = ""  # the freshly trained model is the one to reopen
        try:
            saved = f" and saved to {self.store.save_trained(trained)}"
        except OSError as exc:
            saved = f" but could not be saved ({exc})"
        self.state.set_model(trained.model, trained.meta)
        acc = trained.meta.test_accuracy or 0.0
        notices = "".join(f" {notice}" for notice in trained.result.notices)  # e.g. a fall-back to the CPU
        self.message.emit(f"The explorer CNN is trained ({acc:.2%} test accuracy){saved}. Draw a digit!{notices}")

    def _on_cancelled(self) -> None:
        if self.state.model is None:
            self.message.emit("Training cancelled, so there is no model yet. Use File → Retrain explorer CNN, "
                              "or File → Open model….")
        else:
            self.message.emit("Training cancelled; the model you had is still open.")

    def _on_failed(self, message: str) -> None:
        self.message.emit(f"Training failed: {message}")

    # -- files -----------------------------------------------------------------------------------
    def open_model(self, path: Path) -> bool:
        try:
            model, meta = load_checkpoint(path)
        except CheckpointError as exc:
            self.error.emit(str(exc))
            return False
        self.state.set_model(model, meta)
        self.prefs.last_opened = str(Path(path).resolve())  # reopened at the next launch
        self.message.emit("")
        return True

    def save_model(self, path: Path) -> bool:
        if self.state.model is None or self.state.meta is None:
            self.error.emit("There is no trained model to save yet.")
            return False
        try:
            save_checkpoint(self.state.model, path, self.state.meta)
        except OSError as exc:
            self.error.emit(f"Could not save {path}: {exc}")
            return False
        return True
