"""The Training lab's epoch timeline and mistakes: the models' weights after every epoch of a comparison.

A ``SnapshotCollector`` is the ``on_snapshot`` callback of ``run_comparison``: it keeps a CPU copy of each
model's ``state_dict`` untrained (epoch 0) and after every epoch (the lab's CNN is 10 k parameters, 40 kB an
epoch; the FC network about 100 k, 0.4 MB). ``Timeline.model_at(epoch)`` rebuilds a model as it was then, and
``epoch_view`` shows one digit through it: the first-layer filters, the digit's conv1 maps and the probabilities.
``run_mistakes`` evaluates the finished models on the run's test digits for the lab's gallery of mistakes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from cnnviz.data import MnistData
from cnnviz.data.transforms import InputSpec
from cnnviz.introspect.capture import Capture, Stage, capture
from cnnviz.lab.config import ComparisonConfig
from cnnviz.lab.run import ComparisonResult, comparison_test_indices, first_layer_filters
from cnnviz.models.registry import build_model
from cnnviz.models.staged import StagedNet
from cnnviz.training import CheckpointMeta, TensorData
from cnnviz.training.run import data_meta
from cnnviz.training.trainer import evaluate_unless_stopped
from cnnviz.wording import Wording
from cnnviz.zoo.confusion import Misclassified, misclassified

MISTAKES_LIMIT = 48  # the strip shows at most this many mistakes of each model, most confident first
EVAL_BATCH = 500  # digits per chunk of the final evaluation (Stop is checked between chunks)


def _cpu_copy(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    return {name: value.detach().to("cpu", copy=True) for name, value in model.state_dict().items()}


@dataclass(frozen=True)
class Timeline:
    """One model of a run, as it was after each epoch: ``states[i]`` is its weights after ``epochs[i]``."""

    arch: str
    arch_kwargs: dict[str, Any]
    epochs: tuple[int, ...]  # 0 (untrained), 1, 2, … as far as the run got
    states: tuple[dict[str, torch.Tensor], ...]

    @property
    def last(self) -> int:
        return self.epochs[-1]

    def model_at(self, epoch: int) -> StagedNet:
        """A fresh model (eval mode, on the CPU) with the weights it had after ``epoch``."""
        state = self.states[self.epochs.index(epoch)]
        model = build_model(self.arch, **self.arch_kwargs)
        # The lab trains its CNN channels-last (twice as fast on the CPU); the same layout gives the same
        # numbers to the last bit, not just within rounding.
        if any(t.ndim == 4 and not t.is_contiguous() and t.is_contiguous(memory_format=torch.channels_last)
               for t in state.values()):
            model = model.to(memory_format=torch.channels_last)  # type: ignore[call-overload]
        model.load_state_dict(state)
        return model.eval()


class SnapshotCollector:
    """``run_comparison(..., on_snapshot=collector)``; both models may call it at once (concurrent mode)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._runs: dict[str, tuple[str, dict[str, Any], list[tuple[int, dict[str, torch.Tensor]]]]] = {}

    def __call__(self, key: str, epoch: int, model: StagedNet) -> None:
        state = _cpu_copy(model)  # on the training thread, before the next batch changes the weights
        with self._lock:
            _, _, kept = self._runs.setdefault(key, (model.arch, dict(model.arch_kwargs), []))
            # A model restarted on the CPU (its GPU ran out of memory) sends its epochs again: they replace
            # the void ones.
            kept[:] = [(e, s) for e, s in kept if e < epoch]
            kept.append((epoch, state))

    def timeline(self, key: str) -> Timeline | None:
        """What was collected of model ``key`` ("fc" or "cnn"), or None before its first snapshot."""
        with self._lock:
            if key not in self._runs:
                return None
            arch, kwargs, kept = self._runs[key]
            return Timeline(arch, kwargs, tuple(e for e, _ in kept), tuple(s for _, s in kept))


@dataclass(frozen=True)
class EpochView:
    """One digit through the CNN as it was after ``epoch``."""

    epoch: int
    filters: np.ndarray  # first-layer kernels: (out, kh, kw) grey, (out, 3, kh, kw) colour
    conv1: Stage  # the digit's feature maps after the first convolution (C, H, W)
    probabilities: np.ndarray  # (num_classes,)


def first_conv_stage(cap: Capture) -> Stage:
    """The capture's first convolution stage (its feature maps)."""
    return next(stage for stage in cap.stages if stage.kind == "conv")


def epoch_view(timeline: Timeline, epoch: int, image: np.ndarray, spec: InputSpec) -> EpochView:
    """``image`` ((H, W) or (H, W, 3), uint8 or [0, 1]) through the model as it was after ``epoch``."""
    model = timeline.model_at(epoch)
    cap = capture(model, image, spec)
    return EpochView(epoch, first_layer_filters(model), first_conv_stage(cap), cap.probabilities)


# -- the finished models' mistakes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LabMistakes:
    """A finished lab model, what to call it, and its misclassified test digits (indices into the data's
    whole test set), most confident first."""

    key: str
    label: Wording  # the model's name (ModelRun.label)
    model: StagedNet
    meta: CheckpointMeta
    errors: int  # all its mistakes on the run's test digits (``mistakes`` keeps the first MISTAKES_LIMIT)
    mistakes: tuple[Misclassified, ...]


def run_mistakes(result: ComparisonResult, data: MnistData, collector: SnapshotCollector,
                 should_stop: Callable[[], bool] = lambda: False,
                 limit: int = MISTAKES_LIMIT) -> dict[str, LabMistakes] | None:
    """Each finished model's mistakes on the digits it was tested on; None when stopped (between chunks)."""
    config: ComparisonConfig = result.config
    indices = comparison_test_indices(config, data)
    images = data.test_images[indices]
    tested = TensorData.from_arrays(images, data.test_labels[indices], data.spec)
    found: dict[str, LabMistakes] = {}
    for run in result.runs:
        timeline = collector.timeline(run.key)
        if run.cancelled or timeline is None:
            continue
        model = timeline.model_at(timeline.last)
        ev = evaluate_unless_stopped(model, tested, should_stop, EVAL_BATCH)
        if ev is None:
            return None
        wrong = [Misclassified(int(indices[m.index]), m.image, m.true_label, m.predicted, m.confidence)
                 for m in misclassified(ev, images, limit)]
        meta = CheckpointMeta(model=timeline.arch, model_kwargs=dict(timeline.arch_kwargs), epochs=timeline.last,
                              test_accuracy=run.test_accuracy,
                              extra={"lab": str(run.label), "seed": config.seed, "train_samples": config.train_samples},
                              **data_meta(data))
        found[run.key] = LabMistakes(run.key, run.label, model, meta, int((ev.predictions != ev.labels).sum()),
                                     tuple(wrong))
    return found
