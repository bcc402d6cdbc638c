"""Reading an ONNX model safely and converting it to a StagedNet.

Before any tensor is allocated, every initializer's declared size is added up and compared with the memory
available, and external-data files are checked to lie inside the model's own folder (resolved, so neither
``../`` nor a symbolic link reaches elsewhere) and to be as long as the tensors they claim to hold.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import torch

from cnnviz.imports.convert import Converter, GraphError
from cnnviz.imports.errors import ModelFileError, first_line
from cnnviz.imports.layers import layer_table
from cnnviz.imports.meta import PREPROCESS_KEYS, imported_meta, input_for, sidecar_preprocess
from cnnviz.imports.staging import build_stages
from cnnviz.models.staged import StagedNet
from cnnviz.training.checkpoint import CheckpointMeta
from cnnviz.wording import Wording, worded, worded_error, wording_of

FALLBACK_MEMORY = 4 << 30  # where the OS does not say how much memory is free


def onnx_module() -> Any:
    try:
        import onnx
    except ImportError:
        raise worded_error(ModelFileError, "opening ONNX models needs the onnx package: pip install onnx") from None
    return onnx


def available_memory() -> int:
    """Bytes of memory free for new tensors (Linux: MemAvailable; elsewhere the free pages or a guess)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        return FALLBACK_MEMORY


def _declared_bytes(onnx: Any, tensor: Any) -> int:
    if any(d < 0 for d in tensor.dims):
        raise worded_error(ValueError, "tensor {name!r} has a negative size {dims}", name=tensor.name,
                           dims=list(tensor.dims))
    try:
        itemsize = onnx.helper.tensor_dtype_to_np_dtype(tensor.data_type).itemsize
    except (KeyError, TypeError, ValueError):
        raise worded_error(ValueError, "tensor {name!r} has an unknown data type {type}", name=tensor.name,
                           type=tensor.data_type) from None
    return math.prod(tensor.dims) * itemsize


def _check_external(path: Path, tensor: Any, size: int) -> None:
    info = {entry.key: entry.value for entry in tensor.external_data}
    location = info.get("location", "")
    folder = path.parent.resolve()
    target = (folder / location).resolve()
    if not location or not target.is_relative_to(folder):
        raise worded_error(ModelFileError, "{path}: refused: tensor {name!r} asks to read {location!r}, outside "
                           "the model's folder", path=path, name=tensor.name, location=location)
    if not target.is_file():
        raise worded_error(ModelFileError, "{path}: the external data file {location!r} of tensor {name!r} is missing",
                           path=path, location=location, name=tensor.name)
    try:
        offset, length = int(info.get("offset", 0) or 0), int(info.get("length", size) or size)
    except ValueError:
        raise worded_error(ModelFileError, "{path}: damaged model: tensor {name!r} has an unreadable offset or "
                           "length", path=path, name=tensor.name) from None
    if offset < 0 or length != size or offset + length > target.stat().st_size:
        raise worded_error(ModelFileError, "{path}: damaged model: {location!r} does not hold the {size:,} bytes of "
                           "tensor {name!r}", path=path, location=location, size=size, name=tensor.name)


def read_onnx(path: Path, data: bytes | None = None) -> Any:
    """The ModelProto of ``path`` (or of ``data``, an in-memory export) with its weights loaded, or ModelFileError."""
    onnx = onnx_module()
    try:
        model = onnx.load_from_string(data) if data is not None else onnx.load(str(path), load_external_data=False)
    except Exception as exc:  # protobuf's DecodeError and friends: the bytes are not an ONNX model
        raise worded_error(ModelFileError, "{path}: not a readable ONNX model ({reason})", path=path,
                           reason=first_line(exc)) from None
    graph = model.graph
    if not model.ir_version or not graph.node or not graph.output or not graph.input:
        raise worded_error(ModelFileError, "{path}: not an ONNX model (no graph of operators inside)", path=path)
    try:
        sizes = [_declared_bytes(onnx, tensor) for tensor in graph.initializer]
    except ValueError as exc:
        raise worded_error(ModelFileError, "{path}: damaged model ({reason})", path=path,
                           reason=wording_of(exc) or exc) from None
    free = available_memory()
    if sum(sizes) > free // 2:  # the weights are held twice while converting (ONNX's arrays, then torch's)
        raise worded_error(ModelFileError, "{path}: refused: its weights need {size:,.1f} GiB, more than the "
                           "{free:,.1f} GiB of memory available allows", path=path, size=sum(sizes) / 2**30,
                           free=free / 2**30)
    for tensor, size in zip(graph.initializer, sizes, strict=True):
        if tensor.data_location == onnx.TensorProto.EXTERNAL:
            _check_external(path, tensor, size)
    if any(t.data_location == onnx.TensorProto.EXTERNAL for t in graph.initializer):
        from onnx.external_data_helper import load_external_data_for_model

        try:
            load_external_data_for_model(model, str(path.parent.resolve()))
        except (OSError, ValueError) as exc:
            raise worded_error(ModelFileError, "{path}: cannot read its external data ({reason})", path=path,
                               reason=first_line(exc)) from None
    return model


def _input(path: Path, graph: Any, consts: set[str]) -> tuple[str, int, list[int | None]]:
    inputs = [i for i in graph.input if i.name not in consts]
    if len(inputs) != 1:
        raise worded_error(ModelFileError, "{path}: not an image classifier: it takes {count} inputs, not one image",
                           path=path, count=len(inputs))
    dims = inputs[0].type.tensor_type.shape.dim
    values = [d.dim_value if d.HasField("dim_value") and d.dim_value > 0 else None for d in dims]
    if len(values) != 4 or values[1] not in (1, 3):
        shown = "×".join(str(v) if v else "?" for v in values)
        raise worded_error(ModelFileError, "{path}: not an image classifier: its input {name!r} is {shown}, not a "
                           "batch of 1- or 3-channel images (N×C×H×W)", path=path, name=inputs[0].name, shown=shown)
    return inputs[0].name, int(values[1]), values[2:]


def onnx_to_staged(path: Path, model: Any, fmt: str, size_hint: tuple[int, int] | None = None,
                   pre: dict[str, Any] | None = None) -> tuple[StagedNet, CheckpointMeta]:
    """Convert ``model`` (a loaded ModelProto) to real torch layers grouped into stages; see convert.py."""
    import json

    from onnx import numpy_helper

    graph = model.graph
    notices: list[Wording] = []
    try:
        consts = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in graph.initializer}
    except (ValueError, TypeError) as exc:
        raise worded_error(ModelFileError, "{path}: damaged model: a weight does not match its declared size "
                           "({reason})", path=path, reason=first_line(exc)) from None
    name, channels, dims = _input(path, graph, set(consts))
    props = {p.key: p.value for p in model.metadata_props}
    pre_source: Wording | str = worded("the model's metadata")
    if pre is None:
        raw = next((props[k] for k in PREPROCESS_KEYS if k in props), None)
        try:
            pre = json.loads(raw) if raw is not None else None
        except ValueError:
            notices.append(worded("The preprocessing in the model's metadata was ignored: it is not JSON."))
        if not isinstance(pre, dict):
            pre, pre_source = sidecar_preprocess(path, notices)
    default = size_hint or ((28, 28) if channels == 1 else (224, 224))
    size = (dims[0] or default[0], dims[1] or default[1])
    if size[0] * size[1] > 4096 * 4096:
        raise worded_error(ModelFileError, "{path}: not supported: its input is {height}×{width} pixels", path=path,
                           height=size[0], width=size[1])
    converter = Converter(graph, consts, name, torch.zeros(1, channels, *size))  # (1, C, H, W)
    try:
        converter.run()
        if len(graph.output) != 1:
            raise worded_error(GraphError, "it has {count} outputs; a classifier has one", count=len(graph.output))
        out = converter.name(graph.output[0].name)
        if not converter.ops or converter.ops[-1].output != out:
            raise worded_error(GraphError, "its output {name!r} is not computed by its last layer",
                                   name=graph.output[0].name)
        logits = converter.env[out]
        if logits.ndim != 2 or logits.shape[1] < 2:
            raise worded_error(GraphError, "its output is {shape}, not one score per class",
                                   shape=tuple(logits.shape))
    except GraphError as exc:
        raise worded_error(ModelFileError, "{path}: cannot open: {reason}", path=path,
                           reason=wording_of(exc) or exc) from None
    staged = build_stages(converter.ops, name)
    net = StagedNet("imported", {}, staged.stages).eval()
    spec, known = input_for(channels, size, pre, pre_source, notices)
    layers = [layer.to_dict() for layer in layer_table(net, spec)]
    # softmax_dropped: the file ended in a softmax, left out because cnnviz applies softmax to the scores itself
    extra = {"stage_outputs": staged.outputs, "layers": layers, "softmax_dropped": converter.dropped_softmax,
             "input_name": name}
    return net, imported_meta(path, fmt, spec, known, int(logits.shape[1]), props, notices, extra)
