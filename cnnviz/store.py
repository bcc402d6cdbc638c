"""Where the app's models live: open the saved model or say one must be trained, save atomically, and set
a damaged file aside (never overwrite it) — for the start-up model and the probe's fully connected companion.

The start-up rule: a model file the user opened last time is reopened while it is still a valid checkpoint;
otherwise the app's own saved model; otherwise one must be trained. No Qt here: the UI runs ``train_*`` in a
worker thread and shows the outcome's ``message``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cnnviz.data.mnist import MnistData
from cnnviz.models.staged import StagedNet
from cnnviz.paths import default_model_path, user_data_dir
from cnnviz.training import (
    BatchMetrics,
    CheckpointError,
    CheckpointMeta,
    EpochMetrics,
    TrainedModel,
    load_checkpoint,
    save_checkpoint,
    train_model,
)
from cnnviz.wording import Wording, worded, wording_of

COMPANION_ARCH = "mlp"  # the fully connected network the invariance probe compares a CNN with
COMPANION_EPOCHS = 3
COMPANION_SUBSET = 30_000  # digits: enough for ~97% test accuracy, trained in the background


@dataclass(frozen=True)
class Opened:
    """A model read from ``path``."""

    model: StagedNet
    meta: CheckpointMeta
    path: Path
    forget_last_opened: bool = False  # the last opened file was damaged: stop trying it at start-up


@dataclass(frozen=True)
class Damaged:
    """The file at ``path`` is not a readable checkpoint; it was moved to ``kept_as`` (None: could not be)."""

    path: Path
    kept_as: Path | None
    reason: Wording | str  # CheckpointError's sentence, naming the file
    forget_last_opened: bool = False

    @property
    def message(self) -> Wording:
        where = worded(" It was kept as {name}.", name=self.kept_as.name) if self.kept_as is not None else ""
        return worded("The saved model could not be opened ({reason}).{where} Training a new one…",
                      reason=self.reason, where=where)


@dataclass(frozen=True)
class NeedsTraining:
    """No model is saved at ``path`` yet."""

    path: Path
    forget_last_opened: bool = False

    @property
    def message(self) -> Wording:
        return worded("No trained model yet. Training the explorer CNN on the bundled MNIST now — this runs in the "
                      "background and is saved, so the next launch is instant. You can explore meanwhile.")


Outcome = Opened | Damaged | NeedsTraining


def set_aside(path: Path) -> Path | None:
    """Rename a damaged file to ``<name>.damaged`` (``.damaged-2``, … when taken); None if it cannot be moved."""
    kept = path.with_name(path.name + ".damaged")
    n = 1
    while kept.exists():
        n += 1
        kept = path.with_name(f"{path.name}.damaged-{n}")
    try:
        os.rename(path, kept)  # not replace(): an earlier damaged copy is never overwritten
    except OSError:
        return None
    return kept


def open_or_set_aside(path: Path) -> Outcome:
    """The checkpoint at ``path``; ``NeedsTraining`` when there is none, ``Damaged`` (moved aside) when unreadable."""
    if not path.is_file():
        return NeedsTraining(path)
    try:
        model, meta = load_checkpoint(path)
    except CheckpointError as exc:
        return Damaged(path, set_aside(path), wording_of(exc) or str(exc))
    return Opened(model, meta, path)


class ModelStore:
    """The app's saved models: the start-up model at ``model_path`` and the probe's FC companion."""

    def __init__(self, model_path: Path | None = None, companion_path: Path | None = None,
                 companion_epochs: int = COMPANION_EPOCHS, companion_subset: int | None = COMPANION_SUBSET):
        self.model_path = Path(model_path) if model_path is not None else default_model_path()
        self.companion_path = (Path(companion_path) if companion_path is not None
                               else user_data_dir() / "probe_mlp.pt")
        self.companion_epochs = companion_epochs
        self.companion_subset = companion_subset

    # -- the start-up model ----------------------------------------------------------------------------
    def startup_model(self, last_opened: Path | str | None = None) -> Outcome:
        """The model to start with: ``last_opened`` while it is a valid checkpoint, else the saved model.

        A damaged ``last_opened`` is left where it is (it is the user's file) and the outcome says to forget
        it; a missing one is kept in mind (a drive may be unplugged). A damaged saved model is set aside.
        """
        forget = False
        if last_opened:
            last = Path(last_opened)
            if last.is_file():
                try:
                    model, meta = load_checkpoint(last)
                except CheckpointError:
                    forget = True  # changed since: fall back to the app's own model
                else:
                    return Opened(model, meta, last)
        outcome = open_or_set_aside(self.model_path)
        if isinstance(outcome, Opened):
            return Opened(outcome.model, outcome.meta, outcome.path, forget)
        if isinstance(outcome, Damaged):
            return Damaged(outcome.path, outcome.kept_as, outcome.reason, forget)
        return NeedsTraining(outcome.path, forget)

    def save_trained(self, trained: TrainedModel) -> Path:
        """Save the freshly trained start-up model atomically (``OSError`` when the folder is unwritable);
        it is then the model to reopen, so the caller forgets any last opened file."""
        return save_checkpoint(trained.model, self.model_path, trained.meta)

    # -- the probe's fully connected companion ---------------------------------------------------------
    def open_companion(self) -> Outcome:
        """The cached FC companion, ``NeedsTraining`` when none is cached, ``Damaged`` (set aside) when unreadable."""
        return open_or_set_aside(self.companion_path)

    def train_companion(self, data: MnistData, on_batch: Callable[[BatchMetrics], None] | None = None,
                        on_epoch: Callable[[EpochMetrics], None] | None = None,
                        should_stop: Callable[[], bool] | None = None) -> TrainedModel:
        """Train the FC companion (blocking: run it off the GUI thread) with the store's epochs and subset."""
        return train_model(COMPANION_ARCH, data, epochs=self.companion_epochs, subset=self.companion_subset,
                           on_batch=on_batch, on_epoch=on_epoch, should_stop=should_stop)

    def save_companion(self, trained: TrainedModel) -> Path:
        """Cache the trained companion atomically; ``OSError`` leaves it usable for this session only."""
        return save_checkpoint(trained.model, self.companion_path, trained.meta)

    def companion(self, data: MnistData, on_epoch: Callable[[EpochMetrics], None] | None = None,
                  should_stop: Callable[[], bool] | None = None) -> Opened:
        """The companion, trained and cached first when none is cached or the cache is damaged (blocking).

        An unwritable cache is not an error: the model is returned with ``path`` where it would have been.
        """
        outcome = self.open_companion()
        if isinstance(outcome, Opened):
            return outcome
        trained = self.train_companion(data, on_epoch=on_epoch, should_stop=should_stop)
        with contextlib.suppress(OSError):  # an unwritable cache: used for this session, trained again next time
            self.save_companion(trained)
        return Opened(trained.model, trained.meta, self.companion_path)
