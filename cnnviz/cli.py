"""The ``cnnviz`` command: no arguments opens the app; sub-commands train and evaluate models."""

from __future__ import annotations

import argparse
import functools
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from cnnviz.data import MnistData


def _progress_bar(fraction: float, width: int = 30) -> str:
    filled = round(fraction * width)
    return "[" + "#" * filled + "-" * (width - filled) + "]"


DEVICES = ("auto", "cpu", "cuda", "mps")
MAX_EPOCHS = 1000
MAX_SEED = 2**32 - 1


class UsageError(Exception):
    """A command-line value that cannot work: one sentence for the user, exit status 2, nothing done."""


def _whole_number(low: int, high: int | None = None) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < low or (high is not None and value > high):
            limits = f"at least {low}" + (f" and at most {high:,}" if high is not None else "")
            raise argparse.ArgumentTypeError(f"{text!r} is out of range: use {limits}")
        return value

    return parse


def _minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not usable: give minutes, at least 0 (0: no limit)")
    return value


def _folder(text: str) -> str:
    if not Path(text).is_dir():
        raise argparse.ArgumentTypeError(f"{text} is not a folder: give the folder that holds the data set "
                                         "(an image folder, MNIST-format files or CIFAR binary batches)")
    return text


def _model_name(text: str) -> str:
    from cnnviz.models import MODELS

    if text not in MODELS:
        raise argparse.ArgumentTypeError(f"unknown model {text!r}; choose one of: {', '.join(MODELS)}")
    return text


def _model_names(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give at least one model name, separated by commas")
    for name in names:
        _model_name(name)
    return names


def _check_output_file(path: Path) -> None:
    if path.is_dir():
        raise UsageError(f"{path} is a folder: give a file name for the checkpoint, e.g. {path / 'model.pt'}")
    _check_writable_parent(path)


def _check_output_folder(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path} is a file: give a folder for the report files")
    _check_writable_parent(path)


def _check_writable_parent(path: Path) -> None:
    """The nearest existing folder above ``path`` must be a writable folder (missing ones are created later)."""
    parent = path.absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise UsageError(f"{parent} is not a folder, so {path} cannot be written")
    if not os.access(parent, os.W_OK):
        raise UsageError(f"{parent} is not writable: choose another place for {path}")


def _load_data(folder: str | None) -> MnistData:
    """The data set in ``folder`` in any format (or the bundled MNIST); a folder without one raises ``UsageError``.

    Reading a folder the first time shows a progress bar on stderr (later openings come from the cache).
    """
    from cnnviz.data import DatasetError, load_bundled_mnist, open_data_folder

    def progress(fraction: float) -> None:
        sys.stderr.write(f"\rreading {folder} {_progress_bar(fraction)}")
        sys.stderr.flush()

    try:
        data = open_data_folder(folder, progress=progress) if folder else load_bundled_mnist()
    except DatasetError as exc:
        raise UsageError(str(exc)) from None
    if folder:
        sys.stderr.write("\n")
        if data.skipped:
            print(f"note: {len(data.skipped)} file(s) of {folder} skipped (`cnnviz data info` lists them)",
                  file=sys.stderr)
    return data


def cmd_train(args: argparse.Namespace) -> int:
    from cnnviz.training import BatchMetrics, EpochMetrics, distributed, save_checkpoint, train_model
    from cnnviz.training.device import CPU_CORES  # no window to keep free: train on every core

    out = Path(args.out or f"{args.model}.pt")
    _check_output_file(out)
    data = distributed.main_first(lambda: _load_data(args.data))  # under torchrun rank 0 fills the caches first
    main_rank = distributed.is_main()  # alone, or rank 0 under torchrun: the only one to print and save
    if main_rank and (line := distributed.describe()):
        print(line)

    def on_batch(m: BatchMetrics) -> None:
        if m.batch % 20 == 0 or m.batch == m.batches_per_epoch:
            sys.stdout.write(
                f"\repoch {m.epoch} {_progress_bar(m.progress)} {m.batch}/{m.batches_per_epoch} "
                f"loss {m.loss:.4f} acc {m.accuracy:6.2%} {m.samples_per_s:,.0f} samples/s "
                f"{m.elapsed_s:6.1f}s"
            )
            sys.stdout.flush()

    def on_epoch(m: EpochMetrics) -> None:
        test = f" test acc {m.test_accuracy:.2%}" if m.test_accuracy is not None else ""
        print(f"\repoch {m.epoch}/{m.epochs}: train loss {m.train_loss:.4f} train acc "
              f"{m.train_accuracy:.2%}{test} ({m.elapsed_s:.1f}s)".ljust(110))

    trained = train_model(args.model, data, epochs=args.epochs, subset=args.subset, device=args.device,
                          seed=args.seed, on_batch=on_batch if main_rank else None,
                          on_epoch=on_epoch if main_rank else None, threads=distributed.cpu_threads(CPU_CORES))
    if not main_rank:
        return 0
    save_checkpoint(trained.model, out, trained.meta)
    for notice in trained.result.notices:  # e.g. the GPU was missing or ran out of memory: trained on the CPU
        print(f"note: {notice}", file=sys.stderr)
    acc = trained.result.test_accuracy
    print(f"test accuracy {acc:.2%} on {len(data.test_labels):,} test images; "
          f"wall time {trained.result.elapsed_s:.1f}s on {trained.result.device}; saved {out}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from cnnviz.training import CheckpointError, TensorData, evaluate, load_checkpoint
    from cnnviz.training.checkpoint import input_spec

    try:
        model, meta = load_checkpoint(args.checkpoint)
    except CheckpointError as exc:
        raise UsageError(str(exc)) from None
    data = _checkpoint_data(args.checkpoint, meta.dataset, args.data, meta.extra.get("data_path"))
    names = meta.class_names
    if int(data.test_labels.max(initial=0)) >= len(names):
        raise UsageError(f"{args.checkpoint} knows {len(names)} classes but {data.name} has "
                         f"{int(data.test_labels.max()) + 1}: they do not belong together")
    for notice in meta.notices:
        print(f"note: {notice}", file=sys.stderr)
    ev = evaluate(model, TensorData.from_arrays(data.test_images, data.test_labels, input_spec(meta)))
    print(f"{meta.model} on {data.name} test set: accuracy {ev.accuracy:.2%} "
          f"({ev.errors} errors in {len(ev.labels):,})")
    width = max(12, *(len(name) for name in names))
    print(f"{'class':>{width}} {'count':>6} {'correct':>8} {'accuracy':>9}")
    for c, name in enumerate(names):
        mask = ev.labels == c
        correct = int((ev.predictions[mask] == c).sum())
        acc = f"{correct / int(mask.sum()):>9.2%}" if mask.any() else f"{'—':>9}"
        print(f"{name:>{width}} {int(mask.sum()):>6} {correct:>8} {acc}")
    return 0


def _checkpoint_data(checkpoint: str, dataset: str, folder: str | None, trained_on: object = None) -> MnistData:
    """The test set the checkpoint was trained for: ``folder`` when it holds that set, else the folder the
    model was trained on (recorded in the checkpoint) or the bundled MNIST."""
    if folder is None and isinstance(trained_on, str):
        if not Path(trained_on).is_dir():
            raise UsageError(f"{checkpoint} was trained on {dataset} from {trained_on}, which is unavailable "
                             f"now: pass --data FOLDER with the {dataset} data set")
        folder = trained_on
    if folder is None:
        if dataset.casefold() != "mnist":
            raise UsageError(f"{checkpoint} was trained on {dataset}, not the bundled MNIST: "
                             f"pass --data FOLDER with the {dataset} data set")
        return _load_data(None)
    data = _load_data(folder)
    if data.name.casefold() != dataset.casefold():  # a folder's name is its data set's name: "mnist", "fashion"
        raise UsageError(f"{checkpoint} was trained on {dataset} but {folder} holds {data.name}: "
                         f"pass --data with the {dataset} folder")
    return data


def cmd_report(args: argparse.Namespace) -> int:
    from cnnviz.training import BatchMetrics, EpochMetrics, distributed, train_model
    from cnnviz.training.device import CPU_CORES  # no window to keep free: train on every core
    from cnnviz.zoo.report import build_report, format_duration, report_markdown, write_report

    models = args.models
    _check_output_folder(Path(args.out))
    data = distributed.main_first(lambda: _load_data(args.data))  # under torchrun rank 0 fills the caches first
    main_rank = distributed.is_main()  # alone, or rank 0 under torchrun: the only one to print and write

    def on_model(name: str, index: int, total: int) -> None:
        print(f"[{index + 1}/{total}] {name}")

    def on_batch(m: BatchMetrics) -> None:
        if m.batch % 50 == 0 or m.batch == m.batches_per_epoch:
            sys.stdout.write(f"\r  epoch {m.epoch} {_progress_bar(m.progress)} {m.samples_per_s:,.0f} samples/s "
                             f"{m.elapsed_s:6.1f}s")
            sys.stdout.flush()

    def on_epoch(m: EpochMetrics) -> None:
        test = f", test error {1 - m.test_accuracy:.2%}" if m.test_accuracy is not None else ""
        print(f"\r  epoch {m.epoch}/{m.epochs}: train loss {m.train_loss:.4f}{test} ({m.elapsed_s:.1f}s)".ljust(80))

    try:
        report = build_report(data, models, device=args.device, subset=args.subset, seed=args.seed,
                              use_cache=not args.no_cache, ensemble=args.ensemble,
                              budget_s=args.budget_min * 60 if args.budget_min > 0 else None,
                              on_model=on_model if main_rank else None, on_batch=on_batch if main_rank else None,
                              on_epoch=on_epoch if main_rank else None,
                              on_ensemble=lambda: print(f"testing {' + '.join(args.ensemble)} together"),
                              train=functools.partial(train_model, threads=distributed.cpu_threads(CPU_CORES)))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not main_rank:
        return 0
    print()
    paths = write_report(report, args.out)
    print(report_markdown(report))
    print(f"total wall time {format_duration(report.wall_time_s)}; wrote {', '.join(str(p) for p in paths)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Every value is checked here (or, for paths and data, before any work) so a bad one costs nothing."""
    parser = argparse.ArgumentParser(prog="cnnviz", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    epochs = _whole_number(1, MAX_EPOCHS)
    subset = _whole_number(1)
    train = sub.add_parser("train", help="train a model from the zoo and save a checkpoint")
    train.add_argument("--model", type=_model_name, default="explorer_cnn")
    train.add_argument("--epochs", type=epochs, default=None, help="default: the model's recipe")
    train.add_argument("--subset", type=subset, default=None, help="train on a stratified subset of K samples")
    train.add_argument("--device", choices=DEVICES, default="auto", help="auto, cpu, cuda or mps")
    train.add_argument("--seed", type=_whole_number(0, MAX_SEED), default=0)
    train.add_argument("--data", type=_folder, default=None,
                       help="data-set folder: images in one subfolder per class, MNIST-format files or CIFAR "
                            "binary batches (default: bundled MNIST)")
    train.add_argument("--out", default=None, help="checkpoint file (default: MODEL.pt)")
    train.set_defaults(func=cmd_train)
    ev = sub.add_parser("eval", help="print test accuracy and a per-class table for a checkpoint")
    ev.add_argument("checkpoint")
    ev.add_argument("--data", type=_folder, default=None,
                    help="folder of the data set the model was trained on (default: the folder it was "
                         "trained from, or the bundled MNIST)")
    ev.set_defaults(func=cmd_eval)
    rep = sub.add_parser("report", help="train models with their standard settings and tabulate test error "
                                          "against the published figures")
    rep.add_argument("--models", type=_model_names, default="logistic,mlp,small_cnn,modern_cnn",
                     help="comma-separated zoo names")
    rep.add_argument("--ensemble", type=_model_names, default=[],
                     help="two or more of the models, comma-separated, also tested together (their probabilities "
                          "averaged): a figure of its own beside the single models', and one with test-time "
                          "augmentation when every member's recipe uses it")
    rep.add_argument("--out", default="report", help="folder for report.md, report.json and report.png")
    rep.add_argument("--device", choices=DEVICES, default="auto", help="auto, cpu, cuda or mps")
    rep.add_argument("--budget-min", type=_minutes, default=20.0,
                     help="longest training per model in minutes; longer recipes are shortened (or, when not "
                          "one epoch fits, only estimated) and the full time is estimated (0: no limit)")
    rep.add_argument("--subset", type=subset, default=None, help="train on a stratified subset of K samples")
    rep.add_argument("--seed", type=_whole_number(0, MAX_SEED), default=0,
                     help="training seed (default 0); another seed measures how much a figure varies")
    rep.add_argument("--no-cache", action="store_true", help="retrain even when a cached result exists")
    rep.add_argument("--data", type=_folder, default=None,
                     help="data-set folder in any format (default: bundled MNIST)")
    rep.set_defaults(func=cmd_report)
    from cnnviz import cli_data, cli_experiment, cli_features, cli_inspect

    cli_experiment.add_parser(sub, _whole_number, _folder)
    cli_inspect.add_parsers(sub)  # inspect and export (model files)
    cli_data.add_parser(sub)
    cli_features.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None, open_app: Callable[[], int] | None = None) -> int:
    """Run a sub-command; with none, call ``open_app`` (the desktop app, supplied by the UI layer)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse printed the problem (or the help): return its status, like a command
        return exc.code if isinstance(exc.code, int) else 2
    if args.command is None:
        if open_app is None:
            parser.print_help()
            return 0
        return open_app()
    np.set_printoptions(precision=4)
    from cnnviz.training.device import flush_denormals

    flush_denormals()  # before any PyTorch worker thread exists, so that they all inherit it
    try:
        if args.command not in ("train", "report"):
            return int(args.func(args))
        from cnnviz.training import distributed

        distributed.init_from_env(args.device)  # launched by torchrun: one process group around the command
        try:
            status = int(args.func(args))
            distributed.finish()  # only after a normal end: a failed rank must not leave the others waiting
            return status
        finally:
            distributed.shutdown()
    except UsageError as exc:
        print(f"cnnviz {args.command}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
