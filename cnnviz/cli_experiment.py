"""``cnnviz experiment shuffled|pooling|depth``: the Training lab's experiments from the command line."""

from __future__ import annotations

import argparse
import time
from typing import Any

from cnnviz.lab.config import MAX_EPOCHS, MIN_TRAIN_SAMPLES, ComparisonConfig

EXPERIMENTS = ("shuffled", "pooling", "depth")


def add_parser(sub: Any, whole_number: Any, folder: Any) -> None:
    p = sub.add_parser("experiment", help="run one of the Training lab's experiments and print its table")
    p.add_argument("name", choices=EXPERIMENTS,
                   help="shuffled: FC vs CNN with the pixels shuffled; pooling: four ways to downsample; "
                        "depth: deep stacks with and without skip connections")
    p.add_argument("--samples", type=whole_number(MIN_TRAIN_SAMPLES), default=None,
                   help="training digits (default: 1,000; depth: 2,000)")
    p.add_argument("--epochs", type=whole_number(1, MAX_EPOCHS), default=None,
                   help="epochs (default: the lab's 20; depth: 2)")
    p.add_argument("--depths", default="8,20,32", help="depth: comma-separated even layer counts")
    p.add_argument("--seed", type=whole_number(0), default=0)
    p.add_argument("--data", type=folder, default=None, help="folder of an MNIST-format set (default: bundled MNIST)")
    p.set_defaults(func=run)


def _depths(text: str) -> tuple[int, ...]:
    try:
        depths = tuple(int(part) for part in text.split(","))
    except ValueError:
        depths = ()
    if not depths or any(d < 4 or d % 2 or d > 64 for d in depths):
        raise ValueError(f"--depths takes even layer counts from 4 to 64, separated by commas (got {text!r})")
    return depths


def run(args: argparse.Namespace) -> int:
    from cnnviz.cli import UsageError, _load_data
    from cnnviz.lab import experiments as ex

    try:
        depths = _depths(args.depths)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    data = _load_data(args.data)
    deep = args.name == "depth"
    config = ComparisonConfig(train_samples=args.samples or (2_000 if deep else 1_000),
                              epochs=args.epochs or (2 if deep else 20), seed=args.seed, device="cpu")
    try:
        config.check(data)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    start = time.perf_counter()
    test = len(data.test_labels)
    print(f"{data.name}: {config.train_samples:,} training digits, {config.epochs} epochs, tested on {test:,} digits")
    if args.name == "shuffled":
        result = ex.shuffled_pixels(config, data, permutation_seed=args.seed)
        print(f"{'model':<22}{'parameters':>12}{'errors, plain':>16}{'errors, shuffled':>18}")
        for label, params, plain, shuffled in result.table():
            print(f"{label!s:<22}{params:>12,}{plain:>16,}{shuffled:>18,}")
    else:
        trials = ex.pooling_strategies(config, data) if args.name == "pooling" else \
            ex.depth_and_skips(config, data, depths)
        print(f"{'model':<30}{'parameters':>12}{'train loss':>12}{'test errors':>13}{'seconds':>9}")
        for t in trials:
            print(f"{t.name!s:<30}{t.parameters:>12,}{t.train_loss:>12.4f}{t.test_errors:>13,}{t.seconds:>9.1f}")
    print(f"wall time {time.perf_counter() - start:.1f} s")
    return 0
