"""Opening model files made elsewhere (ONNX, TorchScript, torch.export) as well as cnnviz's own checkpoints.

Every format becomes the one shape the app shows: a ``StagedNet`` of named stages in execution order, with a
``CheckpointMeta`` saying where it came from, its class names and its input (``meta.input``). Imported
models have ``model.arch == "imported"``: they are built from their file's graph, not from a registered
architecture, so they cannot be saved as cnnviz checkpoints (export them as ONNX instead). The format is
told from the file's content, not its name. Nothing in a file is run as Python: checkpoints are read with
``weights_only=True`` and a pickled ``nn.Module`` is refused; the graph formats are converted layer by layer
into ``torch.nn`` modules (``convert.py``, ``staging.py``; metadata in ``meta.py``).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from cnnviz.imports.errors import ModelFileError
from cnnviz.imports.layers import Layer, layer_table
from cnnviz.models.staged import StagedNet
from cnnviz.training.checkpoint import CheckpointError, CheckpointMeta, load_checkpoint
from cnnviz.wording import worded_error, wording_of

__all__ = ["IMPORTED", "Layer", "ModelFileError", "is_imported", "layer_table", "open_model_file"]

IMPORTED = "imported"  # StagedNet.arch and CheckpointMeta.model of a model opened from a graph file

EXPORT_HINT = ("export it instead: torch.onnx.export(model, (example,), 'model.onnx'), "
               "torch.jit.save(torch.jit.trace(model, example), 'model.pt') or "
               "torch.export.save(torch.export.export(model, (example,)), 'model.pt2')")


def is_imported(model: StagedNet) -> bool:
    """True for a model opened from a graph file: it cannot be saved as a cnnviz checkpoint."""
    return model.arch == IMPORTED


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise worded_error(ModelFileError, "{path}: damaged archive ({reason})", path=path, reason=exc) from None
    if any(n.rsplit("/", 1)[-1] == "archive_format" for n in names):
        return "torch.export"
    if any("/code/" in n for n in names) and any(n.endswith("constants.pkl") for n in names):
        return "torchscript"
    return "checkpoint"


def _checkpoint(path: Path) -> tuple[StagedNet, CheckpointMeta]:
    try:
        return load_checkpoint(path)
    except CheckpointError as exc:
        if "Weights only load failed" in str(exc):
            raise worded_error(ModelFileError, "{path}: a pickled Python model (torch.save(model)) is refused, "
                               "because opening it would run code from the file; {hint}", path=path,
                               hint=EXPORT_HINT) from None
        raise worded_error(ModelFileError, "{reason}", reason=wording_of(exc) or str(exc)) from None


def open_model_file(path: str | Path) -> tuple[StagedNet, CheckpointMeta]:
    """Open any supported model file as a StagedNet and its metadata; raises ModelFileError."""
    path = Path(path)
    if not path.is_file():
        raise worded_error(ModelFileError, "{path}: file not found", path=path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise worded_error(ModelFileError, "{path}: cannot be read ({reason})", path=path,
                           reason=exc.strerror or exc) from None
    if not head:
        raise worded_error(ModelFileError, "{path}: the file is empty", path=path)
    from cnnviz.imports.onnx_file import available_memory

    size, free = path.stat().st_size, available_memory()
    if size > free // 2:  # every reader holds the whole file's tensors, and converting copies them once
        raise worded_error(ModelFileError, "{path}: refused: the file is {size:,.1f} GiB, more than the "
                           "{free:,.1f} GiB of memory available allows", path=path, size=size / 2**30,
                           free=free / 2**30)
    if head == b"PK\x03\x04":  # a zip: what torch.save, torch.jit.save and torch.export.save all write
        kind = _zip_kind(path)
        if kind == "checkpoint":
            return _checkpoint(path)
        from cnnviz.imports.torch_formats import open_exported, open_torchscript

        return open_exported(path) if kind == "torch.export" else open_torchscript(path)
    if head[:1] == b"\x80":  # a bare pickle: torch.save's legacy (pre-1.6) format
        return _checkpoint(path)
    if head[:1] != b"\x08" and path.suffix.lower() != ".onnx":  # ONNX: protobuf, field 1 (ir_version) first
        raise worded_error(ModelFileError, "{path}: not a model file cnnviz can open (expected an ONNX model, a "
                           "TorchScript archive, a torch.export .pt2 program or a cnnviz checkpoint)", path=path)
    from cnnviz.imports.onnx_file import onnx_to_staged, read_onnx

    return onnx_to_staged(path, read_onnx(path), "onnx")
