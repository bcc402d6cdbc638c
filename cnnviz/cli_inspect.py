"""``cnnviz inspect`` (a model file's layers and, for an image, its top classes) and ``cnnviz export --onnx``.

Any file ``open_model_file`` reads (ONNX, TorchScript, torch.export, cnnviz checkpoints). ``inspect --json``
prints one object: ``file``, ``format``, ``input`` (the InputSpec applied), ``preprocess_known``,
``class_names``, ``layers`` (objects with ``name``, ``kind``, ``shape``, ``parameters``) and
``probabilities`` (one float per class; null without ``--image``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cnnviz.cli import UsageError, _check_output_file

TOP = 5


def add_parsers(sub: Any) -> None:
    """Register ``inspect`` and ``export`` on the ``cnnviz`` command's sub-parsers."""
    ins = sub.add_parser("inspect", help="print a model file's layers (name, kind, output shape, parameters) and, "
                                         "with --image, its top-5 classes")
    ins.add_argument("model", metavar="MODEL_FILE", help="ONNX (.onnx), TorchScript, torch.export (.pt2) or a "
                                                         "cnnviz checkpoint")
    ins.add_argument("--image", default=None, help="an image file to classify (resized and prepared as the "
                                                   "model's input)")
    ins.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    ins.set_defaults(func=cmd_inspect)
    exp = sub.add_parser("export", help="write a model as ONNX (with its class names and preprocessing)")
    exp.add_argument("model", metavar="MODEL_FILE")
    exp.add_argument("--onnx", required=True, metavar="OUT.onnx", help="the ONNX file to write")
    exp.set_defaults(func=cmd_export)


def _open(path: str) -> tuple[Any, Any]:
    from cnnviz.imports import ModelFileError, open_model_file

    try:
        return open_model_file(path)
    except ModelFileError as exc:
        raise UsageError(str(exc)) from None


def _probabilities(model: Any, spec: Any, image_path: str) -> list[float]:
    import torch

    from cnnviz.data.transforms import to_spec_input
    from cnnviz.images import ImageLoadError, load_grey_image
    from cnnviz.models.staged import eval_mode

    try:
        image = load_grey_image(image_path, colour=spec.channels == 3)  # (H, W) or (H, W, 3) in [0, 1]
    except ImageLoadError as exc:
        raise UsageError(str(exc)) from None
    with torch.inference_mode(), eval_mode(model):
        logits = model(to_spec_input(image, spec))  # (1, classes)
    return [float(p) for p in torch.softmax(logits[0], dim=0)]


def _spec_text(spec: Any, known: bool) -> str:
    order = f" {spec.channel_order}" if spec.channels == 3 else ""
    how = "" if known else " (not recorded in the file: assumed)"
    return (f"{spec.channels}×{spec.size[0]}×{spec.size[1]}{order}, pixels → [{spec.value_range[0]:g}, "
            f"{spec.value_range[1]:g}], mean {', '.join(f'{m:g}' for m in spec.mean)}, "
            f"std {', '.join(f'{s:g}' for s in spec.std)}{how}")


def cmd_inspect(args: argparse.Namespace) -> int:
    from cnnviz.imports import layer_table
    from cnnviz.introspect.stages import shape_text
    from cnnviz.training.checkpoint import input_spec

    if args.image is not None and not Path(args.image).is_file():
        raise UsageError(f"{args.image}: image file not found")
    model, meta = _open(args.model)
    spec = input_spec(meta)
    known = bool(meta.extra.get("preprocess_known", True))
    layers = layer_table(model, spec)
    probs = _probabilities(model, spec, args.image) if args.image else None
    fmt = str(meta.extra.get("format", "cnnviz checkpoint"))
    if args.json:
        print(json.dumps({"file": str(args.model), "format": fmt, "input": spec.to_dict(), "preprocess_known": known,
                          "class_names": meta.class_names, "layers": [layer.to_dict() for layer in layers],
                          "probabilities": probs}))
        return 0
    for notice in meta.notices:
        print(f"note: {notice}", file=sys.stderr)
    print(f"{args.model}: {fmt}, {meta.model}, {len(meta.class_names)} classes")
    print(f"input: {_spec_text(spec, known)}")
    width = max(len("layer"), *(len(layer.name) for layer in layers))
    kind_width = max(len("kind"), *(len(layer.kind) for layer in layers))
    print(f"{'layer':<{width}}  {'kind':<{kind_width}}  {'output':>14}  {'parameters':>12}")
    for layer in layers:
        print(f"{layer.name:<{width}}  {layer.kind:<{kind_width}}  {shape_text(layer.shape):>14}  "
              f"{layer.parameters:>12,}")
    print(f"{'total':<{width}}  {'':<{kind_width}}  {'':>14}  {sum(layer.parameters for layer in layers):>12,}")
    if probs is not None:
        print(f"\ntop {min(TOP, len(probs))} for {args.image}:")
        for index in sorted(range(len(probs)), key=lambda i: -probs[i])[:TOP]:
            print(f"  {meta.class_names[index]:<20} {probs[index]:7.2%}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from cnnviz.imports import ModelFileError
    from cnnviz.imports.export import export_onnx

    out = Path(args.onnx)
    _check_output_file(out)
    model, meta = _open(args.model)
    try:
        paths = export_onnx(model, meta, out)
    except ModelFileError as exc:
        raise UsageError(str(exc)) from None
    print(f"wrote {', '.join(str(p) for p in paths)}")
    return 0
