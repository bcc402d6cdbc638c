"""One-file checkpoints: weights plus JSON metadata, loaded without ever unpickling code."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import torch

import cnnviz
from cnnviz.models.registry import MODELS, build_model
from cnnviz.models.staged import StagedNet

FORMAT = "cnnviz-checkpoint"
FORMAT_VERSION = 1


class CheckpointError(Exception):
    """The file is not a readable cnnviz checkpoint, or does not fit the model it describes."""


@dataclass(frozen=True)
class CheckpointMeta:
    model: str
    model_kwargs: dict[str, Any]
    dataset: str = "MNIST"
    epochs: int = 0
    test_accuracy: float | None = None
    class_names: list[str] = field(default_factory=lambda: [str(i) for i in range(10)])
    created: str = ""
    cnnviz_version: str = cnnviz.__version__
    extra: dict[str, Any] = field(default_factory=dict)


def save_checkpoint(model: StagedNet, path: str | Path, meta: CheckpointMeta) -> Path:
    """Write atomically (temp file, then rename) so a crash never destroys the previous good file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not meta.created:
        meta = CheckpointMeta(**{**asdict(meta), "created": datetime.now(timezone.utc).isoformat()})
    payload = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "metadata": json.dumps(asdict(meta)),
        "state_dict": {k: v.detach().cpu() for k, v in model.state_dict().items()},
    }
    fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            torch.save(payload, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path


def load_checkpoint(path: str | Path, device: str | torch.device = "cpu") -> tuple[StagedNet, CheckpointMeta]:
    """Rebuild the model from the metadata and load its weights (``weights_only=True``: no code runs)."""
    path = Path(path)
    if not path.is_file():
        raise CheckpointError(f"{path}: file not found")
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # any failure to parse means "not a checkpoint"; weights_only ran no code
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CheckpointError(f"{path}: not a readable checkpoint ({first[:200]})") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise CheckpointError(
            f"{path}: not a cnnviz checkpoint (a plain PyTorch state_dict or another program's file?)"
        )
    try:
        raw_meta = json.loads(payload["metadata"])
        meta = CheckpointMeta(**raw_meta)
        state = payload["state_dict"]
    except (KeyError, TypeError, ValueError) as exc:
        raise CheckpointError(f"{path}: damaged metadata ({exc})") from None
    if not isinstance(meta.model, str) or not isinstance(meta.model_kwargs, dict):
        raise CheckpointError(f"{path}: damaged metadata (model {meta.model!r}, arguments {meta.model_kwargs!r})")
    if meta.model not in MODELS:
        raise CheckpointError(f"{path}: unknown model {meta.model!r}")
    try:
        model = build_model(meta.model, **meta.model_kwargs)
    except (TypeError, ValueError, RuntimeError) as exc:  # e.g. a negative or non-numeric layer size
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CheckpointError(f"{path}: cannot rebuild {meta.model} ({first[:200]})") from None
    try:
        model.load_state_dict(state)
    except (RuntimeError, TypeError) as exc:
        first = str(exc).strip().splitlines()[0]
        raise CheckpointError(f"{path}: weights do not fit {meta.model} ({first[:200]})") from None
    model.eval()
    return model.to(device), meta
