"""Entry point of the ``cnnviz`` command: the core CLI, with the desktop app as its default."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from cnnviz.cli import main as cli_main
from ui.preflight import check_display


def open_app() -> int:
    problem = check_display(os.environ)  # before Qt: Qt aborts (core dump) on a missing library or display
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from ui.app import run_app  # Qt is imported only when the window is wanted

    return run_app()


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, open_app=open_app)


if __name__ == "__main__":
    sys.exit(main())
