"""Sentences the core composes for people, in a form the interface can translate.

A ``Wording`` is a fixed English template with ``{name}`` fields and the values that fill them. The core never
formats such a sentence itself when the app will show it: it returns the ``Wording``, the command line prints
``str(wording)`` (English) and the window translates the template first (``ui.i18n.worded``), then fills it.
A value may itself be a ``Wording`` (a clause chosen by the core, e.g. "with batch norm"); it is translated the
same way. Errors the app shows carry their ``Wording`` too: ``raise worded_error(DataError, "…{path}…",
path=path)`` raises ``DataError`` with the English sentence as its message and the wording attached.

Templates are string literals in the call (``Wording("…")``, ``worded_error(Cls, "…")``) so that
``tools/i18n.py`` can collect them into ``resources/i18n/<lang>/core_*.ts`` (context ``core``); a test checks
that every such call in ``cnnviz/`` passes a literal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

E = TypeVar("E", bound=Exception)
Translate = Callable[[str], str]  # English template → the template in the interface language


@dataclass(frozen=True)
class Wording:
    """A sentence: ``template`` (a literal, with ``{name}`` fields) and the ``values`` that fill it."""

    template: str
    values: Mapping[str, object] = field(default_factory=dict)

    def fill(self, translate: Translate | None = None) -> str:
        """The sentence, its template (and every nested ``Wording``'s) passed through ``translate`` first."""
        template = self.template if translate is None else translate(self.template)
        values = {k: v.fill(translate) if isinstance(v, Wording) else v for k, v in self.values.items()}
        return template.format(**values)

    def __str__(self) -> str:
        return self.fill()


def worded(template: str, **values: object) -> Wording:
    """``Wording(template, values)`` written with keywords: ``worded("{n} maps", n=8)``."""
    return Wording(template, values)


def worded_error(cls: type[E], template: str, **values: object) -> E:
    """An exception of ``cls`` whose message is the English sentence and which carries its ``Wording``."""
    wording = Wording(template, values)
    error = cls(wording.fill())
    error.wording = wording  # type: ignore[attr-defined]  # read back by wording_of
    return error


def wording_of(error: BaseException) -> Wording | None:
    """The ``Wording`` an exception was raised with (``worded_error``), or ``None`` for any other error."""
    wording = getattr(error, "wording", None)
    return wording if isinstance(wording, Wording) else None
