"""One-file checkpoints: weights plus JSON metadata, loaded without ever unpickling code."""

from __future__ import annotations

import json
import math
import os
import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

import torch

import cnnviz
from cnnviz.data.transforms import MNIST_INPUT, InputSpec
from cnnviz.models.registry import MODELS, build_model
from cnnviz.models.staged import StagedNet
from cnnviz.wording import Wording, worded, worded_error, wording_of

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
    # The input the model takes and how pixels become it (InputSpec.to_dict()); MNIST's when absent.
    input: dict[str, Any] = field(default_factory=MNIST_INPUT.to_dict)
    # What the user should be told on loading (e.g. fields from a newer cnnviz were ignored); never saved.
    notices: list[Wording] = field(default_factory=list, compare=False)


def _meta_json(meta: CheckpointMeta) -> str:
    fields = asdict(meta)
    del fields["notices"]
    return json.dumps(fields)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(value)


def _is_setting(name: str, value: Any) -> bool:
    """A model setting: a number, text or None; ``input_size`` alone is a list (height, width)."""
    if name == "input_size":
        return isinstance(value, list) and len(value) == 2 and all(_is_int(v) for v in value)
    return value is None or isinstance(value, str | int | float)


# Each known field's check and, when it fails, what it should have been.
_FIELD_CHECKS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "model": (lambda v: isinstance(v, str), "a model name"),
    "model_kwargs": (lambda v: isinstance(v, dict) and all(isinstance(k, str) and _is_setting(k, v[k]) for k in v),
                     "a mapping of names to numbers or text"),
    "dataset": (lambda v: isinstance(v, str), "a data set name"),
    "epochs": (lambda v: _is_int(v) and v >= 0, "a whole number of epochs, 0 or more"),
    "test_accuracy": (lambda v: v is None or (_is_number(v) and 0 <= v <= 1), "a number from 0 to 1"),
    "class_names": (lambda v: isinstance(v, list) and 0 < len(v) <= 1000 and all(isinstance(n, str) for n in v),
                    "a list of class names"),
    "created": (lambda v: isinstance(v, str), "a date as text"),
    "cnnviz_version": (lambda v: isinstance(v, str), "a version as text"),
    "extra": (lambda v: isinstance(v, dict), "a mapping"),
    "input": (lambda v: isinstance(v, dict) and _valid_input(v), "an input description (channels, size, mean, std)"),
}


def _valid_input(raw: dict[str, Any]) -> bool:
    try:
        InputSpec.from_dict(raw)
    except ValueError:
        return False
    return True


def input_spec(meta: CheckpointMeta) -> InputSpec:
    """The input ``meta``'s model takes (validated when the checkpoint was read)."""
    return InputSpec.from_dict(meta.input)


def _parse_meta(raw: Any) -> CheckpointMeta:
    """Check every known field's type and range; unknown fields (a newer cnnviz) are dropped with a notice."""
    if not isinstance(raw, dict):
        raise worded_error(ValueError, "metadata is {type}, not a mapping", type=type(raw).__name__)
    missing = [name for name in ("model", "model_kwargs") if name not in raw]
    if missing:
        raise worded_error(ValueError, "no {fields}", fields=" or ".join(missing))
    for name, (check, expected) in _FIELD_CHECKS.items():
        if name in raw and not check(raw[name]):
            raise worded_error(ValueError, "{name} should be {expected}, not {value!r}", name=name,
                               expected=expected, value=str(raw[name])[:60])
    unknown = sorted(set(raw) - set(_FIELD_CHECKS))
    notices = [worded("Ignored field(s) {fields}, written by a newer version of cnnviz ({version}).",
                      fields=", ".join(unknown), version=str(raw.get("cnnviz_version", "?"))[:20])] if unknown else []
    known = {name: raw[name] for name in _FIELD_CHECKS if name in raw}
    if known.get("test_accuracy") is not None:
        known["test_accuracy"] = float(known["test_accuracy"])
    return CheckpointMeta(**known, notices=notices)


def _check_format_version(version: Any) -> None:
    if not _is_int(version) or version < 1:
        raise worded_error(ValueError, "format version {version!r} is not a version number",
                           version=str(version)[:20])
    if version > FORMAT_VERSION:
        raise worded_error(_NewerFormat, "saved by a newer version of cnnviz (format {version}; this one reads "
                           "format {known} and older): update cnnviz to open it", version=version,
                           known=FORMAT_VERSION)


class _NewerFormat(ValueError):
    pass


def _rebuild(path: Path, meta: CheckpointMeta, state: Any) -> StagedNet:
    """Build the model on the ``meta`` device (no memory), check every tensor's name, shape and type
    against the file's, and only then adopt the file's tensors: a claimed ``hidden: 10**7`` costs nothing."""
    try:
        with torch.device("meta"):
            model = build_model(meta.model, **meta.model_kwargs)
    except (TypeError, ValueError, RuntimeError, OverflowError) as exc:  # e.g. a negative or non-numeric size
        raise worded_error(CheckpointError, "{path}: cannot rebuild {model} ({reason})", path=path, model=meta.model,
                           reason=_first_line(exc)) from None
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise worded_error(
            CheckpointError, "{path}: weights do not fit {model} (the weights are not a mapping of tensors)",
            path=path, model=meta.model)
    expected = model.state_dict()
    problems = [f"missing {k}" for k in expected if k not in state]
    problems += [f"unexpected {k}" for k in state if k not in expected]
    problems += [f"{k}: {tuple(state[k].shape)} in the file, {tuple(v.shape)} for the model" for k, v in
                 expected.items() if k in state and (state[k].shape != v.shape or state[k].dtype != v.dtype)]
    if problems:
        more = worded(" and {count} more", count=len(problems) - 3) if len(problems) > 3 else ""
        raise worded_error(CheckpointError, "{path}: weights do not fit {model} ({problems}{more})", path=path,
                           model=meta.model, problems="; ".join(problems[:3]), more=more)
    model.load_state_dict(state, assign=True)  # the file's tensors become the model's: nothing else allocated
    return model


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]


def save_checkpoint(model: StagedNet, path: str | Path, meta: CheckpointMeta) -> Path:
    """Write atomically (temp file, then rename) so a crash never destroys the previous good file.

    Raises ``CheckpointError`` for a model no registered architecture rebuilds (one opened from ONNX etc.).
    """
    path = Path(path)
    if model.arch not in MODELS:  # "imported": built from its file's graph, so load_checkpoint could not rebuild it
        raise worded_error(CheckpointError, "{path}: a model opened from a {format} file cannot be saved as a "
                           "cnnviz checkpoint; export it as ONNX instead", path=path,
                           format=meta.extra.get("format", "model"))
    path.parent.mkdir(parents=True, exist_ok=True)
    if not meta.created:
        meta = replace(meta, created=datetime.now(timezone.utc).isoformat())
    payload = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "metadata": _meta_json(meta),
        "state_dict": {k: v.detach().cpu() for k, v in model.state_dict().items()},
    }
    write_atomically(path, lambda fh: torch.save(payload, fh))
    return path


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """``write(file)`` into a new file that then replaces ``path``: a crash never leaves a half-written one.

    Created like any file the user writes (0666 less the umask: a teacher can share it), under a unique
    temporary name (O_EXCL), then renamed over the target.
    """
    tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def load_checkpoint(path: str | Path, device: str | torch.device = "cpu") -> tuple[StagedNet, CheckpointMeta]:
    """Rebuild the model from the checked metadata and adopt its weights (``weights_only=True``: no code runs).

    Raises ``CheckpointError`` with one sentence naming the file; ``meta.notices`` holds what to tell the user.
    """
    path = Path(path)
    if not path.is_file():
        raise worded_error(CheckpointError, "{path}: file not found", path=path)
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # any failure to parse means "not a checkpoint"; weights_only ran no code
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise worded_error(CheckpointError, "{path}: not a readable checkpoint ({reason})", path=path,
                           reason=first[:200]) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise worded_error(CheckpointError, "{path}: not a cnnviz checkpoint (a plain PyTorch state_dict or another "
                           "program's file?)", path=path)
    try:
        _check_format_version(payload.get("format_version"))
    except _NewerFormat as exc:
        raise worded_error(CheckpointError, "{path}: {reason}", path=path, reason=wording_of(exc) or exc) from None
    except ValueError as exc:
        raise worded_error(
            CheckpointError, "{path}: damaged file ({reason})",
            path=path, reason=wording_of(exc) or exc) from None
    try:
        meta = _parse_meta(json.loads(payload["metadata"]))
        state = payload["state_dict"]
    except (KeyError, TypeError, ValueError) as exc:
        raise worded_error(CheckpointError, "{path}: damaged metadata ({reason})", path=path,
                           reason=wording_of(exc) or exc) from None
    if meta.model not in MODELS:
        raise worded_error(CheckpointError, "{path}: unknown model {model!r}", path=path, model=meta.model)
    model = _rebuild(path, meta, state)
    model.eval()
    return model.to(device), meta
