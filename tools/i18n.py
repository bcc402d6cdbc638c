"""Bring the translation files up to date: ``python tools/i18n.py [--lang de] [--area app --area content]``
(default: every language folder in resources/i18n, every area).

(a) For each interface area, ``pylupdate6`` (PyQt6's extractor, next to this Python) reads the area's code and
updates ``resources/i18n/<lang>/<area>.ts``: new strings come in unfinished, translated ones are kept,
strings gone from the code are dropped.
(b) The lesson content is data, which ``pylupdate6`` cannot read: the built-in lessons' titles and step texts
(context "lesson") and the glossary (context "glossary") are written into ``content.ts`` the same way, keeping
every translation whose source text is unchanged.
(c) Sentences the Qt-free core composes (``cnnviz.wording``: every ``Wording("…")``, ``worded("…")`` and
``worded_error(Cls, "…")`` template, and the exercises' map choices) go into ``core_<area>.ts``, context "core",
one file per core area (``CORE_AREAS``), again keeping every translation of an unchanged template.

Then translate what is unfinished in Qt Linguist (``linguist resources/i18n/de/app.ts``) or any text editor:
fill each ``<translation>`` and drop its ``type="unfinished"``. Keep ``{placeholders}``, ``%n`` and the
lessons' ``{kind:target}`` placeholders exactly as they are. The app reads the ``.ts`` files directly.
"""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
CONTENT = "content"


def _top_level_ui() -> list[Path]:
    return sorted(p for p in (ROOT / "ui").glob("*.py") if p.name != "__init__.py")


# area → the code it covers (each area one .ts file, so engineers working on different areas never edit the same one)
AREAS: dict[str, list[Path]] = {
    "app": _top_level_ui(),
    "widgets": [ROOT / "ui" / "widgets"],
    "lessons": [ROOT / "ui" / "lessons"],
    "draw": [ROOT / "ui" / "draw"],
    "filters": [ROOT / "ui" / "filters"],
    "sandbox": [ROOT / "ui" / "sandbox"],
    "explain": [ROOT / "ui" / "explain"],
    "lab": [ROOT / "ui" / "lab"],
    "zoo": [ROOT / "ui" / "zoo"],
}


def pylupdate() -> str:
    beside = Path(sys.executable).parent / "pylupdate6"
    return str(beside) if beside.exists() else "pylupdate6"


def update_area(language: str, area: str) -> Path:
    ts = I18N / language / f"{area}.ts"
    ts.parent.mkdir(parents=True, exist_ok=True)
    sources = [str(p.relative_to(ROOT)) for p in AREAS[area]]
    subprocess.run([pylupdate(), "--no-obsolete", "--no-summary", *sources, "--ts", str(ts.relative_to(ROOT))],
                   cwd=ROOT, check=True)
    return ts


# Sentences the Qt-free core composes (cnnviz.wording), collected per core area into core_<area>.ts (context "core")
CORE_CONTEXT = "core"
CORE_AREAS: dict[str, list[Path]] = {
    "core_lessons": [ROOT / "cnnviz" / "lessons"],
    "core_introspect": [ROOT / "cnnviz" / "introspect", ROOT / "cnnviz" / "explain", ROOT / "cnnviz" / "features"],
    "core_lab": [ROOT / "cnnviz" / "lab"],
    "core_zoo": [ROOT / "cnnviz" / "zoo", ROOT / "cnnviz" / "models"],
    "core_data": [ROOT / "cnnviz" / "data", ROOT / "cnnviz" / "imports", ROOT / "cnnviz" / "training",
                  *(ROOT / "cnnviz" / name for name in ("store.py", "sandbox.py", "images.py", "preprocess.py",
                                                        "format.py", "paths.py", "wording.py"))],
}
# call name → position of its template argument
TEMPLATE_CALLS = {"Wording": 0, "worded": 0, "worded_error": 1}


def _python_files(paths: list[Path]) -> list[Path]:
    return sorted(f for p in paths for f in ([p] if p.is_file() else p.rglob("*.py")) if f.exists())


def template_calls(path: Path) -> list[ast.Call]:
    """Every ``Wording(…)``, ``worded(…)`` and ``worded_error(…)`` call in a module."""
    return [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in TEMPLATE_CALLS]


def template_argument(call: ast.Call) -> ast.expr | None:
    """The argument a wording call takes its template from (``TEMPLATE_CALLS``), or None when it is missing."""
    at = TEMPLATE_CALLS[call.func.id]  # type: ignore[attr-defined]  # template_calls keeps only ast.Name calls
    return call.args[at] if len(call.args) > at else None


def wording_literals(path: Path) -> list[str]:
    """Every template literal of ``path``'s wording calls and the string items of a ``MAP_CHOICES``."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in TEMPLATE_CALLS:
            template = template_argument(node)
            if isinstance(template, ast.Constant) and isinstance(template.value, str):
                found.append(template.value)
        elif (isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "MAP_CHOICES"
                                                   for t in node.targets)):
            found += [e.value for e in ast.walk(node.value) if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return found


def core_messages(area: str) -> list[tuple[str, str]]:
    """(context, source) of every sentence template the core area composes, in order."""
    messages = [(CORE_CONTEXT, text) for f in _python_files(CORE_AREAS[area]) for text in wording_literals(f)]
    return list(dict.fromkeys(messages))


def content_messages() -> list[tuple[str, str]]:
    """(context, source) of every lesson and glossary text the UI translates at display, in order."""
    messages: list[tuple[str, str]] = []
    for path in sorted((ROOT / "cnnviz" / "lessons" / "builtin").glob("*.json")):
        lesson = json.loads(path.read_text(encoding="utf-8"))
        messages.append(("lesson", lesson["title"]))
        messages += [("lesson", step["text"]) for step in lesson["steps"]]
    glossary = ast.parse((ROOT / "cnnviz" / "lessons" / "glossary.py").read_text(encoding="utf-8"))
    for node in ast.walk(glossary):  # Term("name", "definition", tab, target[, view])
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Term":
            name, definition = (ast.literal_eval(a) for a in node.args[:2])
            messages += [("glossary", name), ("glossary", definition)]
    unique: dict[tuple[str, str], None] = dict.fromkeys(messages)
    return list(unique)


def data_messages(area: str) -> list[tuple[str, str]]:
    """The messages of a data area: the lessons and glossary, or one core area's sentence templates."""
    return content_messages() if area == CONTENT else core_messages(area)


def _kept_translations(language: str) -> dict[str, ET.Element]:
    """source → its finished translation, from every data file of ``language`` (a sentence may move between
    core areas, or from the exercises' former context, and keeps its translation)."""
    kept: dict[str, ET.Element] = {}
    for ts in sorted((I18N / language).glob("*.ts")):
        if ts.stem != CONTENT and not ts.stem.startswith("core_"):
            continue
        for context in ET.parse(ts).getroot().iter("context"):
            if (context.findtext("name") or "") in ("lesson", "glossary") and ts.stem != CONTENT:
                continue
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") not in ("vanished", "obsolete", "unfinished"):
                    kept.setdefault(message.findtext("source") or "", translation)
    return kept


def write_data_area(language: str, area: str) -> Path:
    """``<area>.ts`` for ``language`` (content or a core area): every message, its existing translation kept."""
    ts = I18N / language / f"{area}.ts"
    kept = _kept_translations(language)
    root = ET.Element("TS", version="2.1", language=language)
    contexts: dict[str, ET.Element] = {}
    for context_name, source in data_messages(area):
        if context_name not in contexts:
            contexts[context_name] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context_name], "name").text = context_name
        message = ET.SubElement(contexts[context_name], "message")
        ET.SubElement(message, "source").text = source
        old = kept.get(source)
        if old is not None:
            message.append(old)
        else:
            ET.SubElement(message, "translation", type="unfinished")
    ET.indent(root, space="    ")
    ts.parent.mkdir(parents=True, exist_ok=True)
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                  + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    return ts


def unfinished(ts: Path) -> int:
    root = ET.parse(ts).getroot()
    return sum(1 for t in root.iter("translation") if t.get("type") == "unfinished" or not (t.text or list(t)))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tools/i18n.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", action="append", help="language folder (repeatable; default: all)")
    parser.add_argument("--area", action="append", choices=[*AREAS, CONTENT, *CORE_AREAS],
                        help="area to update (repeatable; default: all)")
    args = parser.parse_args(argv)
    languages = args.lang or sorted(p.name for p in I18N.iterdir() if p.is_dir())
    if not languages:
        print("There is no language folder in resources/i18n: name one, e.g. --lang de.", file=sys.stderr)
        return 2
    areas = args.area or [*AREAS, CONTENT, *CORE_AREAS]
    for language in languages:
        for area in areas:
            ts = update_area(language, area) if area in AREAS else write_data_area(language, area)
            print(f"{ts.relative_to(ROOT)}: {unfinished(ts)} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
