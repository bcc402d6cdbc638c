"""The one error every model-file reader raises."""

from __future__ import annotations


class ModelFileError(ValueError):
    """A model file that cannot be opened; the message is one sentence naming the file and the reason."""


def first_line(exc: BaseException, limit: int = 160) -> str:
    """The first line of ``exc``'s message (or its type), short enough for one sentence."""
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:limit]
