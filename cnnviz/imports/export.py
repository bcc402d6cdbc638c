"""Writing a model as ONNX, with its class names and input preparation, for other tools (and back into cnnviz).

The ONNX file carries ``metadata_props`` ``cnnviz.class_names`` (JSON list) and ``cnnviz.preprocess`` (JSON,
the schema in ``meta.py``); ``MODEL.preprocess.json`` beside it says the same for tools that do not read
ONNX metadata. Batch norm is kept as its own layer (``TrainingMode.PRESERVE`` on a model in eval mode), so
reopening the file shows the same layers as the model had.
"""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path

import torch

from cnnviz.imports.errors import ModelFileError, first_line
from cnnviz.imports.onnx_file import onnx_module
from cnnviz.models.staged import StagedNet, eval_mode
from cnnviz.training.checkpoint import CheckpointMeta, input_spec, write_atomically
from cnnviz.wording import worded_error


def preprocess_dict(meta: CheckpointMeta) -> dict[str, object]:
    """The preprocess.json object for ``meta``'s input (also stored in the ONNX metadata)."""
    spec = input_spec(meta).to_dict()
    return {key: spec[key] for key in ("channels", "size", "value_range", "mean", "std", "channel_order")}


def export_onnx(model: StagedNet, meta: CheckpointMeta, out_path: str | Path) -> list[Path]:
    """Write ``model`` as ONNX at ``out_path`` and ``STEM.preprocess.json`` beside it; returns both paths.

    Raises ModelFileError (one sentence naming the file) when the model cannot be exported or written.
    """
    out = Path(out_path)
    onnx = onnx_module()
    spec = input_spec(meta)
    device = next(model.parameters()).device
    example = torch.zeros(1, spec.channels, *spec.size, device=device)  # (1, C, H, W)
    buffer = io.BytesIO()
    try:
        with warnings.catch_warnings(), eval_mode(model):
            warnings.simplefilter("ignore")  # the TorchScript-based exporter's deprecation notice
            torch.onnx.export(model, (example,), buffer,  # type: ignore[arg-type]
                              dynamo=False, input_names=["input"], output_names=["logits"],
                              training=torch.onnx.TrainingMode.PRESERVE)
    except Exception as exc:  # the exporter's errors vary by operator; all mean "cannot be written as ONNX"
        raise worded_error(ModelFileError, "{path}: cannot export {model} as ONNX ({reason})", path=out,
                           model=meta.model, reason=first_line(exc)) from None
    proto = onnx.load_from_string(buffer.getvalue())
    preprocess = preprocess_dict(meta)
    for key, value in (("cnnviz.class_names", json.dumps(meta.class_names)),
                       ("cnnviz.preprocess", json.dumps(preprocess)), ("cnnviz.model", meta.model),
                       ("cnnviz.dataset", meta.dataset)):
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    side = out.with_name(out.stem + ".preprocess.json")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(out, lambda fh: fh.write(proto.SerializeToString()))
        write_atomically(side, lambda fh: fh.write((json.dumps(preprocess, indent=2) + "\n").encode()))
    except OSError as exc:
        raise worded_error(ModelFileError, "{path}: cannot write it ({reason})", path=out,
                           reason=exc.strerror or exc) from None
    return [out, side]
