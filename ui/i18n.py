"""Every interface string goes through Qt's translation machinery: ``translate(context, text)``.

Convention (one way everywhere in ``ui/``): ``translate("DrawTab", "Step through the layers")`` with a string
literal (``pylupdate6`` extracts it), named placeholders filled after translation
(``translate("LabTab", "Done in {s:.1f} s").format(s=seconds)``), never an f-string inside. The context is the
panel's class name. Plurals: ``translate("LabTab", "%n digits", None, n)``. Text kept in a module-level constant
is marked with ``QT_TRANSLATE_NOOP("Context", "text")`` and translated where it is shown. Sentences the Qt-free
core composes (stage captions, verdicts, errors) arrive as ``cnnviz.wording.Wording``: show them with
``worded(w)`` and errors with ``error_text(exc)``, never ``str()``.

Translations live in ``resources/i18n/<language>/*.ts`` (Qt Linguist files, one per area). PyQt6 ships
``pylupdate6`` but not ``lrelease``, so there is no ``.qm`` step: ``TsTranslator`` reads the ``.ts`` files of the
chosen language directly (all of them, about 100 ms for a few thousand messages). The language is, first to
last: ``--lang`` on the command line, the ``CNNVIZ_LANG`` environment variable, the View → Language preference,
else English (the source text; tests run in English).
"""

from __future__ import annotations

import numbers
import string
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from pathlib import Path

from PyQt6.QtCore import QCoreApplication, QTranslator

from cnnviz.format import format_probability
from cnnviz.paths import RESOURCES_DIR
from cnnviz.wording import Wording, wording_of

CORE_CONTEXT = "core"  # the context of every sentence the Qt-free core composes (cnnviz.wording)


# Languages that write 0,39 and 1.326 where English writes 0.39 and 1,326 (the separators swapped).
DECIMAL_COMMA = frozenset({"de"})


class _NumberFormatter(string.Formatter):
    """``str.format`` that writes every number field with the interface language's separators."""

    def format_field(self, value: object, format_spec: str) -> str:
        text = format(value, format_spec)
        if isinstance(value, numbers.Number) and not isinstance(value, bool):
            return text.translate(_SWAP_SEPARATORS)
        return text


_SWAP_SEPARATORS = str.maketrans({".": ",", ",": "."})
_FORMATTER = _NumberFormatter()


class Localised(str):
    """A translated template: ``.format`` fills it as ``str.format`` does, with numbers written the way the
    interface language writes them (``"{p:.2%}"`` gives "0.39%" in English, "0,39%" in German)."""

    def format(self, *args: object, **kwargs: object) -> str:
        return _FORMATTER.vformat(self, args, kwargs)


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``; in a decimal-comma language the result's ``.format`` writes numbers
    that way. (``pylupdate6`` extracts every ``translate("Context", "literal")`` call by its name.)"""
    result = QCoreApplication.translate(context, text, disambiguation, n)  # type: ignore[arg-type]  # None: none
    return Localised(result) if _decimal_comma else result


def number_text(text: str) -> str:
    """A number already written as text ("12.50%", "1,234", "1.9 s") with the interface language's separators:
    for table cells and figures made by ``format`` calls outside ``translate``. Only for text that is a number."""
    return text.translate(_SWAP_SEPARATORS) if _decimal_comma else text


def probability_text(p: float) -> str:
    """``cnnviz.format.format_probability`` written with the interface language's separators."""
    return number_text(format_probability(p))


def worded(wording: Wording | str) -> str:
    """A sentence the core composed, in the interface language: each template translated, then filled.

    Plain text (a name, a number the core already wrote) is shown as it is."""
    if isinstance(wording, str):
        return wording
    return wording.fill(lambda template: translate(CORE_CONTEXT, template))


def error_text(error: BaseException) -> str:
    """What the window says about ``error``: its sentence translated when the core worded it
    (``cnnviz.wording.worded_error``), else its message as it is."""
    wording = wording_of(error)
    return worded(wording) if wording is not None else str(error)

I18N_DIR = RESOURCES_DIR / "i18n"
SOURCE_LANGUAGE = "en"
# language code → its name in that language (what the View → Language menu shows)
LANGUAGES = {"en": "English", "de": "Deutsch"}
ENV_VAR = "CNNVIZ_LANG"
# which plural form (<numerusform> index) a count takes, per language (Qt's rules for these languages)
PLURAL_RULES: dict[str, Callable[[int], int]] = {"de": lambda n: 0 if n == 1 else 1}

Key = tuple[str, str, str]  # context, source text, disambiguation ("" when none)


class LanguageError(ValueError):
    """A language code this app has no translation for."""


def read_ts(path: Path) -> dict[Key, list[str]]:
    """The finished translations of one ``.ts`` file: key → forms (one, or one per plural form).

    Unfinished, obsolete and empty translations are left out, so their source text shows instead.
    """
    found: dict[Key, list[str]] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
            if not all(forms):
                continue
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = forms
    return found


class TsTranslator(QTranslator):
    """A ``QTranslator`` over the ``.ts`` files of one language, read as they are (no ``lrelease``)."""

    def __init__(self, language: str, folder: Path | None = None) -> None:
        super().__init__()
        self.code = language  # (QTranslator.language() is the .qm file's own, empty here)
        self.messages: dict[Key, list[str]] = {}
        for path in sorted((folder or I18N_DIR / language).glob("*.ts")):
            self.messages.update(read_ts(path))
        self._plural = PLURAL_RULES.get(language, lambda n: 0 if n == 1 else 1)

    def translate(  # type: ignore[override]  # None (a null QString) lets Qt fall back to the source text
        self, context: str | None, source: str | None, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        forms = self.messages.get((context or "", source or "", disambiguation or ""))
        if not forms:
            return None
        if n < 0 or len(forms) == 1:
            return forms[0]
        return forms[min(self._plural(n), len(forms) - 1)]

    def isEmpty(self) -> bool:
        return not self.messages


def check_language(code: str, where: str) -> str:
    """``code`` normalised ("DE" → "de", "de_DE.UTF-8" → "de"), or ``LanguageError`` naming ``where``."""
    short = code.strip().split(".")[0].split("_")[0].split("-")[0].lower()
    if short not in LANGUAGES:
        raise LanguageError(f"{where} names the language {code!r}, which cnnviz has no translation for: "
                            f"use one of {', '.join(LANGUAGES)}")
    return short


def choose_language(cli: str | None, environ: Mapping[str, str], preference: str) -> tuple[str, str | None]:
    """The language to start in and, when ``CNNVIZ_LANG`` is unusable, a sentence saying so (then it is ignored).

    ``cli`` (the ``--lang`` value) must name a known language: ``LanguageError`` otherwise."""
    if cli:
        return check_language(cli, "--lang"), None
    value = environ.get(ENV_VAR, "").strip()
    if value:
        try:
            return check_language(value, ENV_VAR), None
        except LanguageError as exc:
            return (preference if preference in LANGUAGES else SOURCE_LANGUAGE), str(exc)
    return (preference if preference in LANGUAGES else SOURCE_LANGUAGE), None


_installed: list[TsTranslator] = []  # the one translator in use (kept referenced: Qt does not own it)
_decimal_comma = False  # whether the interface language writes numbers with a decimal comma


def install_language(language: str, app: QCoreApplication | None = None) -> TsTranslator | None:
    """Make ``language`` the interface language of ``app`` (default: the running one); English removes any
    translator. Widgets made before this keep their text (the language is chosen before the window is built)."""
    global _decimal_comma
    app = app or QCoreApplication.instance()
    assert app is not None, "make the QApplication first"
    while _installed:
        app.removeTranslator(_installed.pop())
    _decimal_comma = language in DECIMAL_COMMA
    if language == SOURCE_LANGUAGE:
        return None
    translator = TsTranslator(language)
    app.installTranslator(translator)
    _installed.append(translator)
    return translator


def current_language() -> str:
    return _installed[-1].code if _installed else SOURCE_LANGUAGE
