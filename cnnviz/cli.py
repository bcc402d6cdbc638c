"""The ``cnnviz`` command: no arguments opens the app; sub-commands train and evaluate models."""

from __future__ import annotations

import argparse
import functools
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


def _load_data(folder: str | None) -> MnistData:
    from cnnviz.data import load_bundled_mnist, load_mnist_folder

    return load_mnist_folder(folder) if folder else load_bundled_mnist()


def cmd_train(args: argparse.Namespace) -> int:
    from cnnviz.models import MODELS
    from cnnviz.training import BatchMetrics, EpochMetrics, distributed, save_checkpoint, train_model
    from cnnviz.training.device import CPU_CORES  # no window to keep free: train on every core

    if args.model not in MODELS:
        print(f"unknown model {args.model!r}; choose one of: {', '.join(MODELS)}", file=sys.stderr)
        return 2
    data = distributed.main_first(lambda: _load_data(args.data))  # under torchrun rank 0 fills the caches first
    out = Path(args.out or f"{args.model}.pt")
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
    print(f"test accuracy {acc:.2%} on {len(data.test_labels):,} digits; "
          f"wall time {trained.result.elapsed_s:.1f}s on {trained.result.device}; saved {out}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from cnnviz.training import CheckpointError, TensorData, evaluate, load_checkpoint

    try:
        model, meta = load_checkpoint(args.checkpoint)
    except CheckpointError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    data = _load_data(args.data)
    ev = evaluate(model, TensorData.from_arrays(data.test_images, data.test_labels))
    print(f"{meta.model} on {data.name} test set: accuracy {ev.accuracy:.2%} "
          f"({ev.errors} errors in {len(ev.labels):,})")
    print(f"{'class':>12} {'count':>6} {'correct':>8} {'accuracy':>9}")
    for c, name in enumerate(data.class_names):
        mask = ev.labels == c
        correct = int((ev.predictions[mask] == c).sum())
        acc = correct / int(mask.sum()) if mask.any() else float("nan")
        print(f"{name:>12} {int(mask.sum()):>6} {correct:>8} {acc:>9.2%}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from cnnviz.training import BatchMetrics, EpochMetrics, distributed, train_model
    from cnnviz.training.device import CPU_CORES  # no window to keep free: train on every core
    from cnnviz.zoo.report import build_report, format_duration, report_markdown, write_report

    models = [m.strip() for m in args.models.split(",") if m.strip()]
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
        report = build_report(data, models, device=args.device, subset=args.subset, use_cache=not args.no_cache,
                              budget_s=args.budget_min * 60 if args.budget_min > 0 else None,
                              on_model=on_model if main_rank else None, on_batch=on_batch if main_rank else None,
                              on_epoch=on_epoch if main_rank else None,
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
    parser = argparse.ArgumentParser(prog="cnnviz", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    train = sub.add_parser("train", help="train a model from the zoo and save a checkpoint")
    train.add_argument("--model", default="explorer_cnn")
    train.add_argument("--epochs", type=int, default=None, help="default: the model's recipe")
    train.add_argument("--subset", type=int, default=None, help="train on a stratified subset of K samples")
    train.add_argument("--device", default="auto", help="auto, cpu, cuda or mps")
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--data", default=None, help="folder of an MNIST-format set (default: bundled MNIST)")
    train.add_argument("--out", default=None, help="checkpoint file (default: MODEL.pt)")
    train.set_defaults(func=cmd_train)
    ev = sub.add_parser("eval", help="print test accuracy and a per-class table for a checkpoint")
    ev.add_argument("checkpoint")
    ev.add_argument("--data", default=None)
    ev.set_defaults(func=cmd_eval)
    rep = sub.add_parser("report", help="train models by their recipes and tabulate test error vs the seed's")
    rep.add_argument("--models", default="logistic,mlp,small_cnn,modern_cnn", help="comma-separated zoo names")
    rep.add_argument("--out", default="report", help="folder for report.md, report.json and report.png")
    rep.add_argument("--device", default="auto", help="auto, cpu, cuda or mps")
    rep.add_argument("--budget-min", type=float, default=20.0,
                     help="longest training per model in minutes; longer recipes are shortened (or, when not "
                          "one epoch fits, only estimated) and the full time is estimated (0: no limit)")
    rep.add_argument("--subset", type=int, default=None, help="train on a stratified subset of K samples")
    rep.add_argument("--no-cache", action="store_true", help="retrain even when a cached result exists")
    rep.add_argument("--data", default=None, help="folder of an MNIST-format set (default: bundled MNIST)")
    rep.set_defaults(func=cmd_report)
    return parser


def main(argv: Sequence[str] | None = None, open_app: Callable[[], int] | None = None) -> int:
    """Run a sub-command; with none, call ``open_app`` (the desktop app, supplied by the UI layer)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if open_app is None:
            parser.print_help()
            return 0
        return open_app()
    np.set_printoptions(precision=4)
    if args.command in ("train", "report"):  # launched by torchrun: one process group around the command
        from cnnviz.training import distributed

        distributed.init_from_env(args.device)
        try:
            return int(args.func(args))
        finally:
            distributed.shutdown()
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
