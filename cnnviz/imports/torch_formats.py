"""TorchScript archives and ``torch.export`` programs, opened through the ONNX converter.

Both are graphs PyTorch itself deserialises without running Python (TorchScript's own interpreter, the
exported program's ATen graph); each is exported to ONNX in memory and converted by the one converter
(``convert.py``), so there is one way to turn a graph into stages and it is the one checked against ONNX
Runtime. Measured here: 0.4 s (TorchScript) and 4 s (torch.export, the dynamo exporter) for a 0.2 M-parameter
residual net on 2 shared cores.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any

import torch

from cnnviz.imports.errors import ModelFileError, first_line
from cnnviz.imports.meta import sidecar_preprocess
from cnnviz.imports.onnx_file import onnx_to_staged, read_onnx
from cnnviz.models.staged import StagedNet
from cnnviz.training.checkpoint import CheckpointMeta
from cnnviz.wording import Wording, worded_error

# Input sizes tried, in order, when a TorchScript archive does not say what it takes (no preprocess.json).
GUESSED_SIZES = (28, 32, 224, 64, 96, 128, 256, 299)


def _guess_input(module: Any) -> tuple[int, int, int] | None:
    """(channels, height, width) the scripted module accepts: the first conv's channels and the first tried
    size for which it returns one score vector."""
    weights = [p for p in module.parameters() if p.ndim == 4]
    channels = int(weights[0].shape[1]) if weights else 1
    for side in GUESSED_SIZES:
        try:
            with torch.no_grad():
                out = module(torch.zeros(1, channels, side, side))  # (1, C, side, side)
        except Exception:  # the interpreter's errors for a wrong size vary; try the next
            continue
        if isinstance(out, torch.Tensor) and out.ndim == 2:
            return channels, side, side
    return None


def _to_onnx(path: Path, program: Any, example: torch.Tensor, dynamo: bool) -> Any:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if dynamo:
                onnx_program = torch.onnx.export(program, (example,), dynamo=True, verbose=False)
                if onnx_program is None:
                    raise RuntimeError("the exporter returned nothing")
                data = onnx_program.model_proto.SerializeToString()
            else:
                buffer = io.BytesIO()
                torch.onnx.export(program, (example,), buffer,  # type: ignore[arg-type]
                                  dynamo=False, input_names=["input"], output_names=["logits"],
                                  training=torch.onnx.TrainingMode.PRESERVE)
                data = buffer.getvalue()
    except ImportError as exc:
        raise worded_error(ModelFileError, "{path}: opening it needs {package}: pip install onnx onnxscript",
                           path=path, package=exc.name or "onnx") from None
    except Exception as exc:  # the exporter's many errors all mean "this graph cannot be followed"
        raise worded_error(ModelFileError, "{path}: cannot follow its graph ({reason})", path=path,
                           reason=first_line(exc)) from None
    return read_onnx(path, data)


def open_torchscript(path: Path) -> tuple[StagedNet, CheckpointMeta]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # torch 2.13 points users to torch.export
            module = torch.jit.load(str(path), map_location="cpu").eval()
    except Exception as exc:  # any failure means a damaged archive
        raise worded_error(ModelFileError, "{path}: not a readable TorchScript archive ({reason})", path=path,
                           reason=first_line(exc)) from None
    notices: list[Wording] = []
    pre, _ = sidecar_preprocess(path, notices)
    if pre is not None and "channels" in pre and "size" in pre:
        try:
            channels, (height, width) = int(pre["channels"]), (int(pre["size"][0]), int(pre["size"][1]))
        except (TypeError, ValueError, IndexError, KeyError):
            raise worded_error(ModelFileError, "{path}: its preprocess.json gives an unusable channels/size",
                               path=path) from None
    else:
        guess = _guess_input(module)
        if guess is None:
            raise worded_error(ModelFileError, "{path}: cannot tell which image size it takes: write \"channels\" "
                               "and \"size\" into a preprocess.json beside it", path=path)
        channels, height, width = guess
    model = _to_onnx(path, module, torch.zeros(1, channels, height, width), dynamo=False)
    net, meta = onnx_to_staged(path, model, "torchscript", (height, width), pre)
    meta.notices[:0] = notices
    return net, meta


def open_exported(path: Path) -> tuple[StagedNet, CheckpointMeta]:
    try:
        program = torch.export.load(str(path))
    except Exception as exc:  # any failure means a damaged or foreign archive
        raise worded_error(ModelFileError, "{path}: not a readable torch.export program ({reason})", path=path,
                           reason=first_line(exc)) from None
    user_inputs = list(program.graph_signature.user_inputs)
    vals = {n.name: n.meta.get("val") for n in program.graph.nodes if n.op == "placeholder"}
    if len(user_inputs) != 1 or not isinstance(vals.get(str(user_inputs[0])), torch.Tensor):
        raise worded_error(ModelFileError, "{path}: not an image classifier: it takes {count} inputs, not one image",
                           path=path, count=len(user_inputs))
    shape = tuple(int(s) for s in vals[str(user_inputs[0])].shape)
    if len(shape) != 4:
        raise worded_error(ModelFileError, "{path}: not an image classifier: its input is {shape}, not N×C×H×W",
                           path=path, shape=shape)
    model = _to_onnx(path, program, torch.zeros(1, *shape[1:]), dynamo=True)
    return onnx_to_staged(path, model, "torch.export", (shape[2], shape[3]))
