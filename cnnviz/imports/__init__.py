"""Opening model files made elsewhere (ONNX, TorchScript, torch.export) as well as cnnviz's own checkpoints.

Every format becomes the one shape the app shows: a ``StagedNet`` of named stages in execution order, with a
``CheckpointMeta`` saying where it came from, its class names and its input (``meta.input``).

(Stub: only cnnviz checkpoints so far; the other formats are being added.)
"""

from __future__ import annotations

from pathlib import Path

from cnnviz.models.staged import StagedNet
from cnnviz.training.checkpoint import CheckpointError, CheckpointMeta, load_checkpoint


class ModelFileError(ValueError):
    """A model file that cannot be opened; the message is one sentence naming the file and the reason."""


def open_model_file(path: str | Path) -> tuple[StagedNet, CheckpointMeta]:
    """Open any supported model file as a StagedNet and its metadata; raises ModelFileError."""
    try:
        return load_checkpoint(path)
    except CheckpointError as exc:
        raise ModelFileError(str(exc)) from None
