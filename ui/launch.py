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


def lang_from_argv(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """``--lang de`` / ``--lang=de`` taken out of ``argv`` (checked later, with Qt): (the value or None, the rest).

    A ``--lang`` with nothing after it gives "" (reported as an unknown language)."""
    rest: list[str] = []
    value: str | None = None
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--lang":
            value = args.pop(0) if args else ""
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return value, rest


def open_app(language: str | None = None) -> int:
    problem = check_display(os.environ)  # before Qt: Qt aborts (core dump) on a missing library or display
    if problem:
        print(problem, file=sys.stderr)
        return 1
    if language is not None:
        from ui.i18n import LanguageError, check_language

        try:
            language = check_language(language, "--lang")
        except LanguageError as exc:
            print(f"cnnviz: {exc}.", file=sys.stderr)
            return 2
    # PyTorch is most of the start (about 2 s here) and the window needs none of it: its import starts now, on a
    # thread of its own, while Qt and the window are made; the start-up job's ``import torch`` then waits for it
    # (Python's per-module import lock) instead of beginning only once the window is up.
    threading.Thread(target=_import_torch_politely, name="import-torch", daemon=True).start()
    from ui.app import run_app  # Qt is imported only when the window is wanted

    return run_app(language=language)


def main(argv: Sequence[str] | None = None) -> int:
    """The core CLI; ``--lang CODE`` sets the desktop app's language for this start (ui/i18n.py)."""
    language, rest = lang_from_argv(sys.argv[1:] if argv is None else argv)
    return cli_main(rest, open_app=lambda: open_app(language))


if __name__ == "__main__":
    sys.exit(main())
