"""``cnnviz data``: fetch a well-known data set, list the fetched ones, describe any data-set folder."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_parser(sub: Any) -> None:
    """Register ``cnnviz data fetch|list|info`` on the top-level sub-parsers."""
    from cnnviz.data.fetch import SOURCES, URL_ENV

    data = sub.add_parser("data", help="fetch well-known data sets, list them, or describe a data-set folder")
    actions = data.add_subparsers(dest="data_command", required=True)
    fetch = actions.add_parser("fetch", help="download a data set from its official source (HTTPS, checksum "
                                             "verified) into the user-data folder")
    fetch.add_argument("name", choices=list(SOURCES), help=", ".join(SOURCES))
    fetch.add_argument("--url", default=None, help=f"another base address for the files (a mirror; also {URL_ENV})")
    actions.add_parser("list", help="the fetched data sets and their folders")
    info = actions.add_parser("info", help="open a data-set folder (any format) and describe it")
    info.add_argument("folder")
    data.set_defaults(func=run)


def _bar(fraction: float) -> str:
    from cnnviz.cli import _progress_bar  # the one progress bar of the command line

    return _progress_bar(min(1.0, max(0.0, fraction)))


def run(args: argparse.Namespace) -> int:
    from cnnviz.cli import UsageError
    from cnnviz.data import DatasetError

    try:
        return {"fetch": _fetch, "list": _list, "info": _info}[args.data_command](args)
    except DatasetError as exc:
        raise UsageError(str(exc)) from None


def _fetch(args: argparse.Namespace) -> int:
    from cnnviz.data.fetch import SOURCES, fetch

    def progress(file_name: str, done: int, total: int | None) -> None:
        shown = f"{_bar(done / total)} {done / 1e6:6.1f} of {total / 1e6:.1f} MB" if total else f"{done / 1e6:.1f} MB"
        sys.stdout.write(f"\r{file_name} {shown}")
        sys.stdout.flush()

    print(f"Fetching {SOURCES[args.name].title} …")
    folder = fetch(args.name, base_url=args.url, progress=progress)
    print(f"\n{SOURCES[args.name].title} is in {folder} (File → Open data lists it; "
          f"`cnnviz train --data {folder}` trains on it)")
    return 0


def _list(args: argparse.Namespace) -> int:
    from cnnviz.data.fetch import fetched_sets

    sets = fetched_sets()
    if not sets:
        print("No data set fetched yet: `cnnviz data fetch cifar10` (or fashion-mnist, cifar100, kmnist).")
    for entry in sets:
        print(f"{entry['title']:<16} {entry['path']}  (fetched {entry['fetched']})")
    return 0


def _info(args: argparse.Namespace) -> int:
    from cnnviz.data import open_data_folder

    def progress(fraction: float) -> None:
        sys.stderr.write(f"\rreading {_bar(fraction)}")
        sys.stderr.flush()

    data = open_data_folder(args.folder, progress=progress)
    sys.stderr.write("\r" + " " * 50 + "\r")
    spec = data.spec
    kind = "colour" if spec.channels == 3 else "grey"
    print(f"{data.name} ({data.kind}): {len(data.train_labels):,} training and {len(data.test_labels):,} test "
          f"images, {kind} {spec.size[0]}×{spec.size[1]}, {data.num_classes} classes")
    print(f"test set: {data.split}")
    print(f"mean {', '.join(f'{m:.4f}' for m in spec.mean)}; std {', '.join(f'{s:.4f}' for s in spec.std)}")
    counts = [int((data.train_labels == c).sum()) for c in range(data.num_classes)]
    width = max(8, *(len(name) for name in data.class_names))
    for name, count in zip(data.class_names, counts, strict=True):
        print(f"  {name:>{width}} {count:>7,}")
    if data.skipped:
        print(f"{len(data.skipped)} file(s) skipped:")
        for skipped in data.skipped:
            print(f"  {skipped.path}: {skipped.reason}")
    return 0
