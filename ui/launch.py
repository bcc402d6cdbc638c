"""Entry point of the ``cnnviz`` command: the core CLI, with the desktop app as its default."""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import threading
from collections.abc import Sequence

from cnnviz.cli import main as cli_main
from ui.preflight import check_display


def _import_torch_politely() -> None:
    """Import PyTorch at a lower scheduling priority, so the thread making the window goes first."""
    with contextlib.suppress(AttributeError, OSError):  # per-thread niceness: Linux; elsewhere a plain import
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    importlib.import_module("torch")


def open_app() -> int:
    problem = check_display(os.environ)  # before Qt: Qt aborts (core dump) on a missing library or display
    if problem:
        print(problem, file=sys.stderr)
        return 1
    # PyTorch is most of the start (about 2 s here) and the window needs none of it: its import starts now, on a
    # thread of its own, while Qt and the window are made; the start-up job's ``import torch`` then waits for it
    # (Python's per-module import lock) instead of beginning only once the window is up.
    threading.Thread(target=_import_torch_politely, name="import-torch", daemon=True).start()
    from ui.app import run_app  # Qt is imported only when the window is wanted

    return run_app()


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, open_app=open_app)


if __name__ == "__main__":
    sys.exit(main())
