"""Entry point of the ``cnnviz`` command: the core CLI, with the desktop app as its default."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from cnnviz.cli import main as cli_main


def open_app() -> int:
    from ui.app import run_app  # Qt is imported only when the window is wanted

    return run_app()


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, open_app=open_app)


if __name__ == "__main__":
    sys.exit(main())
