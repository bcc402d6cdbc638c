"""``cnnviz features MODEL_FILE --stage NAME [--channels 0,3] --out DIR``: per channel, the feature
visualisation, the top-9 test images (each receptive field outlined) and the filter's weights as PNGs."""

from __future__ import annotations

import argparse
from pathlib import Path


def _channels(text: str) -> list[int]:
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a list of channel numbers like 0,3") from None
    if not values or min(values) < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give channel numbers from 0, separated by commas")
    return sorted(set(values))


def add_parser(sub: argparse._SubParsersAction) -> None:
    from cnnviz.cli import _folder, _whole_number

    p = sub.add_parser("features", help="write what a stage's channels want to see as PNGs (feature "
                                        "visualisation, top-9 test images, weights)")
    p.add_argument("model_file", metavar="MODEL_FILE", help="a cnnviz checkpoint (or another model file it opens)")
    p.add_argument("--stage", required=True, help="the stage whose channels to show, e.g. conv1")
    p.add_argument("--channels", type=_channels, default=None,
                   help="channels counted from 0, separated by commas (default: all)")
    p.add_argument("--out", required=True, help="folder for the PNG files (created when missing)")
    p.add_argument("--data", type=_folder, default=None,
                   help="folder of the data set the model was trained on (default: bundled MNIST)")
    p.add_argument("--steps", type=_whole_number(1, 10_000), default=None,
                   help="gradient-ascent steps of the feature visualisation (default 160)")
    p.add_argument("--seed", type=_whole_number(0, 2**32 - 1), default=0)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cnnviz.cli import UsageError, _check_writable_parent, _checkpoint_data
    from cnnviz.features import Target, VisSettings, target_stages, top_examples, visualise
    from cnnviz.features.pictures import ENLARGE, enlarge, kernels_rgb, outline, save_png, sheet, unit_rgb
    from cnnviz.imports import ModelFileError, open_model_file
    from cnnviz.introspect import conv_filters
    from cnnviz.training.checkpoint import input_spec

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file: give a folder for the PNG files")
    _check_writable_parent(out)
    try:
        model, meta = open_model_file(args.model_file)
    except ModelFileError as exc:
        raise UsageError(str(exc)) from None
    spec = input_spec(meta)
    shapes = target_stages(model, (spec.channels, *spec.size))
    if args.stage not in shapes:
        raise UsageError(f"{args.model_file} has no stage {args.stage!r} with channels to show; "
                         f"choose one of: {', '.join(shapes)}")
    count = shapes[args.stage][0]
    channels = args.channels if args.channels is not None else list(range(count))
    if channels[-1] >= count:
        raise UsageError(f"{args.stage} has {count} channels (0–{count - 1}), so there is no channel {channels[-1]}")
    data = _checkpoint_data(args.model_file, meta.dataset, args.data)
    out.mkdir(parents=True, exist_ok=True)
    settings = VisSettings(seed=args.seed) if args.steps is None else VisSettings(steps=args.steps, seed=args.seed)
    print(f"{args.stage}: {len(channels)} of {count} channels; finding what each wants to see "
          f"({settings.steps} steps) …", flush=True)
    pictures = visualise(model, spec, [Target(args.stage, c) for c in channels], settings)
    print(f"finding the top 9 of {len(data.test_labels):,} test images …", flush=True)
    top = top_examples(model, spec, data.test_images, [args.stage])[args.stage]
    weights = {f.stage: f.weights for f in conv_filters(model)}.get(args.stage)
    written = []
    for c, vis in zip(channels, pictures, strict=True):
        stem = out / f"{args.stage}_{c:03d}"
        written.append(save_png(enlarge(unit_rgb(vis.image)), Path(f"{stem}_visualisation.png")))
        tiles = [outline(enlarge(unit_rgb(data.test_images[int(top.indices[c, j])])), tuple(top.boxes[c, j]), ENLARGE)
                 for j in range(top.indices.shape[1])]
        written.append(save_png(sheet(tiles, 3), Path(f"{stem}_top9.png")))
        if weights is not None:
            written.append(save_png(kernels_rgb(weights[c]), Path(f"{stem}_weights.png")))
    note = "" if weights is not None else f" ({args.stage} has no convolution, so no weight pictures)"
    print(f"wrote {len(written)} PNG files to {out}{note}")
    return 0
