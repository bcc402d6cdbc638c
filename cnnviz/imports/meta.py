"""What an imported model's file says about itself: class names and how its input was prepared.

Looked up, first found wins:

* class names: ONNX ``metadata_props`` key ``cnnviz.class_names`` (or ``class_names``), a JSON list of
  strings; else ``MODEL.labels.txt`` or ``labels.txt`` beside the file, one name a line; else "class 0…N-1".
* preprocessing: ONNX ``metadata_props`` key ``cnnviz.preprocess`` (or ``preprocess``); else
  ``MODEL.preprocess.json`` or ``preprocess.json`` beside the file. Schema (JSON object, every key optional;
  defaults: range [0, 1], mean 0, std 1, RGB)::

      {"value_range": [0, 1],          pixels in [0, 1] are first mapped linearly onto this range
       "mean": [0.485, 0.456, 0.406],  then normalised per channel: (value - mean) / std
       "std": [0.229, 0.224, 0.225],   (one value, or one per channel)
       "channel_order": "RGB",         or "BGR"
       "channels": 3, "size": [224, 224]}  only for a TorchScript archive, whose file does not record
                                           the input it takes (ONNX and .pt2 files do; theirs wins)

  ``cnnviz export --onnx`` and File → Export write both the metadata and ``MODEL.preprocess.json``.
  Without either, the input gets a plain [0, 1] (colour) or MNIST (grey) preparation and
  ``meta.extra["preprocess_known"]`` is False, so the app asks once with presets.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cnnviz.data.transforms import InputSpec, preset_spec
from cnnviz.training.checkpoint import CheckpointMeta
from cnnviz.wording import Wording, worded, wording_of

CLASS_KEYS = ("cnnviz.class_names", "class_names")
PREPROCESS_KEYS = ("cnnviz.preprocess", "preprocess")
MAX_SIDECAR_BYTES = 1 << 20  # a labels or preprocess file is small; a huge one is not read


def _sidecar(path: Path, suffix: str, plain: str) -> Path | None:
    for candidate in (path.with_name(path.stem + suffix), path.with_name(plain)):
        if candidate.is_file() and candidate.stat().st_size <= MAX_SIDECAR_BYTES:
            return candidate
    return None


def sidecar_preprocess(path: Path, notices: list[Wording]) -> tuple[dict[str, Any] | None, str]:
    """The preprocess.json beside ``path`` as a mapping (and its name), or (None, "")."""
    found = _sidecar(path, ".preprocess.json", "preprocess.json")
    if found is None:
        return None, ""
    try:
        raw = json.loads(found.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        notices.append(worded("{file} was ignored: it is not readable JSON ({reason}).", file=found.name,
                              reason=str(exc)[:80]))
        return None, ""
    if not isinstance(raw, dict):
        notices.append(worded("{file} was ignored: it should hold a JSON object.", file=found.name))
        return None, ""
    return raw, found.name


def _class_names(path: Path, props: dict[str, str], count: int, notices: list[Wording]) -> list[str]:
    names: Any = None
    source: Wording | str = ""
    for key in CLASS_KEYS:
        if key in props:
            try:
                names, source = json.loads(props[key]), worded("the model's metadata ({key})", key=key)
            except ValueError:
                names, source = ([n.strip() for n in props[key].split(",")],
                                 worded("the model's metadata ({key})", key=key))
            break
    if names is None:
        found = _sidecar(path, ".labels.txt", "labels.txt")
        if found is not None:
            try:
                names = [line.strip() for line in found.read_text(encoding="utf-8").splitlines() if line.strip()]
                source = found.name
            except (OSError, UnicodeDecodeError):
                notices.append(worded("{file} was ignored: it is not readable text.", file=found.name))
    if names is not None:
        if isinstance(names, list) and len(names) == count and all(isinstance(n, str) for n in names):
            return [str(n)[:80] for n in names]
        notices.append(worded("The class names in {source} were ignored: the model has {count} outputs.",
                              source=source, count=count))
    return [f"class {i}" for i in range(count)]


def input_for(channels: int, size: tuple[int, int], raw: dict[str, Any] | None, source: Wording | str,
              notices: list[Wording]) -> tuple[InputSpec, bool]:
    """The InputSpec for a ``channels`` × ``size`` input prepared as ``raw`` says; (default, False) if absent."""
    fallback = preset_spec("MNIST" if channels == 1 else "[0, 1]", channels, size)
    if raw is None:
        return fallback, False
    fields: dict[str, Any] = {k: raw[k] for k in ("value_range", "mean", "std", "channel_order") if k in raw}
    for key in ("mean", "std"):
        if isinstance(fields.get(key), int | float):
            fields[key] = [fields[key]]
        if isinstance(fields.get(key), list) and len(fields[key]) == 1:
            fields[key] = fields[key] * channels
    fields.setdefault("mean", [0.0] * channels)
    fields.setdefault("std", [1.0] * channels)
    try:
        return InputSpec.from_dict({**fields, "channels": channels, "size": list(size)}), True
    except (ValueError, KeyError) as exc:  # KeyError: a mapping where a pair of numbers belongs
        why = (wording_of(exc) or str(exc)) if isinstance(exc, ValueError) else worded("a value has the wrong form")
        notices.append(worded("The preprocessing in {source} was ignored ({why}).", source=source, why=why))
        return fallback, False


def imported_meta(path: Path, fmt: str, spec: InputSpec, known: bool, num_classes: int, props: dict[str, str],
                  notices: list[Wording], extra: dict[str, Any]) -> CheckpointMeta:
    """``CheckpointMeta`` of an imported model (``model="imported"``; not saveable as a cnnviz checkpoint)."""
    names = _class_names(path, props, num_classes, notices)
    return CheckpointMeta(model="imported", model_kwargs={}, dataset="unknown", class_names=names,
                          input=spec.to_dict(), notices=notices,
                          extra={"format": fmt, "source": str(path), "preprocess_known": known, **extra})
