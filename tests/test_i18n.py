"""Interface language: the .ts loader, how the language is chosen, the menu, and the German translation."""

from __future__ import annotations

import ast
import re
import runpy
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PyQt6.QtCore import QCoreApplication

from ui.i18n import (
    LanguageError,
    TsTranslator,
    check_language,
    choose_language,
    current_language,
    install_language,
    read_ts,
    translate,
)
from ui.launch import lang_from_argv
from ui.preferences import open_preferences

SAMPLE_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Probe</name>
    <message><source>Open model</source><translation>Modell öffnen</translation></message>
    <message><source>Not yet</source><translation type="unfinished">Noch nicht</translation></message>
    <message><source>Gone</source><translation type="vanished">Weg</translation></message>
    <message numerus="yes"><source>%n digits</source>
        <translation><numerusform>%n Ziffer</numerusform><numerusform>%n Ziffern</numerusform></translation>
    </message>
    <message><source>Epoch {e} of {n}</source><translation>Epoche {e} von {n}</translation></message>
</context>
<context>
    <name>Other</name>
    <message><source>Open model</source><translation>Ein Modell öffnen</translation></message>
</context>
</TS>
"""


@pytest.fixture
def english_afterwards(qapp):  # type: ignore[no-untyped-def]
    """Every test leaves the app in English (the language the other tests assert)."""
    yield qapp
    install_language("en", qapp)


def test_a_ts_file_is_read_with_only_its_finished_translations(tmp_path: Path) -> None:
    path = tmp_path / "probe.ts"
    path.write_text(SAMPLE_TS, encoding="utf-8")
    messages = read_ts(path)
    assert messages[("Probe", "Open model", "")] == ["Modell öffnen"]
    assert messages[("Other", "Open model", "")] == ["Ein Modell öffnen"]
    assert messages[("Probe", "%n digits", "")] == ["%n Ziffer", "%n Ziffern"]
    assert ("Probe", "Not yet", "") not in messages and ("Probe", "Gone", "") not in messages


def test_the_translator_answers_through_qt_with_context_plurals_and_fallback(tmp_path: Path,
                                                                            english_afterwards) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "probe.ts").write_text(SAMPLE_TS, encoding="utf-8")
    translator = TsTranslator("de", tmp_path)
    app = QCoreApplication.instance()
    assert app is not None and app.installTranslator(translator)
    try:
        assert translate("Probe", "Open model") == "Modell öffnen"
        assert translate("Other", "Open model") == "Ein Modell öffnen"
        assert translate("Nowhere", "Open model") == "Open model"  # another context: the source text
        assert translate("Probe", "Not yet") == "Not yet"  # unfinished: the source text, never ""
        assert translate("Probe", "%n digits", None, 1) == "1 Ziffer"
        assert translate("Probe", "%n digits", None, 7) == "7 Ziffern"
        assert translate("Probe", "Epoch {e} of {n}").format(e=2, n=5) == "Epoche 2 von 5"
    finally:
        app.removeTranslator(translator)
    assert translate("Probe", "Open model") == "Open model"


def test_the_shipped_german_is_installed_and_english_removes_it(english_afterwards) -> None:  # type: ignore[no-untyped-def]
    assert current_language() == "en"
    translator = install_language("de", english_afterwards)
    assert translator is not None and not translator.isEmpty() and current_language() == "de"
    assert translate("WindowMenus", "&Language") == "&Sprache"
    install_language("en", english_afterwards)
    assert current_language() == "en" and translate("WindowMenus", "&Language") == "&Language"


def test_the_language_comes_from_the_command_line_then_the_environment_then_the_preference() -> None:
    assert choose_language(None, {}, "en") == ("en", None)
    assert choose_language(None, {}, "de") == ("de", None)
    assert choose_language(None, {"CNNVIZ_LANG": "de_DE.UTF-8"}, "en") == ("de", None)
    assert choose_language("en", {"CNNVIZ_LANG": "de"}, "de") == ("en", None)
    assert choose_language("DE", {}, "en") == ("de", None)
    language, notice = choose_language(None, {"CNNVIZ_LANG": "klingon"}, "de")
    assert language == "de"  # an unusable variable is ignored, with one sentence saying so
    assert notice is not None and "CNNVIZ_LANG" in notice and "'klingon'" in notice and "de" in notice
    with pytest.raises(LanguageError, match="--lang"):
        choose_language("xx", {}, "en")
    assert check_language("de-AT", "here") == "de"


def test_lang_is_taken_out_of_the_command_line_before_the_other_arguments_are_read() -> None:
    assert lang_from_argv([]) == (None, [])
    assert lang_from_argv(["--lang", "de"]) == ("de", [])
    assert lang_from_argv(["--lang=en", "eval", "m.pt"]) == ("en", ["eval", "m.pt"])
    assert lang_from_argv(["--lang"]) == ("", [])  # then reported as an unknown language


def test_an_unknown_lang_is_one_sentence_and_no_window(capsys: pytest.CaptureFixture[str]) -> None:
    from ui.launch import open_app

    assert open_app("xx") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'xx'" in err and "en, de" in err and "Traceback" not in err


def test_the_language_menu_saves_the_choice_for_the_next_start(qtbot, window_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = tmp_path / "lang.ini"
    window = window_factory(settings)
    actions = window.language_actions
    assert [a.text() for a in actions.values()] == ["English", "Deutsch"]
    assert actions["en"].isChecked() and not actions["de"].isChecked()
    actions["de"].trigger()
    assert actions["de"].isChecked() and not actions["en"].isChecked()
    assert "next time" in window.statusBar().currentMessage()
    window.close()
    assert open_preferences(settings).prefs.view.language == "de"
    assert window_factory(settings).language_actions["de"].isChecked()


def test_a_language_the_app_does_not_have_in_the_settings_file_resets_it_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[view]\nlanguage=xx\n")
    store = open_preferences(path)
    assert store.prefs.view.language == "en" and store.notice is not None and "view/language" in store.notice


# -- every interface string goes through translate() ------------------------------------------------------------
ROOT = Path(__file__).resolve().parent.parent
GERMAN = ROOT / "resources" / "i18n" / "de"
AREAS = ["ui", "ui/widgets", "ui/lessons", "ui/draw", "ui/explain", "ui/filters", "ui/lab", "ui/sandbox", "ui/zoo"]

# Qt calls whose string arguments are shown to the user: name → which positional arguments (None: all) and
# keywords. Constructors, setters and the project's own helpers that pass text on (_action, say, show_error,
# make_table, ask_save_path, add_panel, emit of a message signal).
TEXT_CALLS: dict[str, tuple[tuple[int, ...] | None, tuple[str, ...]]] = {
    **dict.fromkeys(("QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu",
                     "QToolButton", "QCommandLinkButton", "QTableWidgetItem", "QListWidgetItem", "QDockWidget"),
                    ((0,), ("text", "title"))),
    **dict.fromkeys(("setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setTabText", "setTabToolTip",
                     "setStatusTip", "setWhatsThis", "setAccessibleName", "setAccessibleDescription", "showMessage",
                     "setTitle", "setLabelText", "setSuffix", "setPrefix", "setSpecialValueText", "setFormat",
                     "setInformativeText", "setDetailedText", "setHorizontalHeaderLabels", "setVerticalHeaderLabels",
                     "setHeaderLabels", "addItems", "addMenu", "say", "show_error", "show_status", "emit",
                     "make_table", "setButtonText"), (None, ())),
    **dict.fromkeys(("addTab", "insertTab", "setItemText", "addAction", "addRow",
                     "insertItem", "addItem", "begin"), (None, ("text", "title"))),
    "_action": ((1,), ("text",)),
    "add_panel": ((1,), ("title",)),
    **dict.fromkeys(("information", "warning", "critical", "question", "about", "getOpenFileName",
                     "getSaveFileName", "getExistingDirectory", "getOpenFileNames", "getText", "getItem",
                     "getMultiLineText", "getInt", "getDouble"), ((1, 2), ())),
    "ask_save_path": ((1, 3), ()),
}


def _is_text(node: ast.AST) -> bool:
    """A literal the user reads: a string with letters, an f-string, or text glued or formatted from one."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and sum(ch.isalpha() for ch in re.sub(r"<[^>]*>", "", node.value)) >= 2
    if isinstance(node, ast.JoinedStr):
        return any(_is_text(v) for v in node.values)  # words around the values: f"Epoch {e} of {n}"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return _is_text(node.func.value)
    if isinstance(node, ast.List | ast.Tuple):
        return any(_is_text(e) for e in node.elts)
    if isinstance(node, ast.IfExp):
        return _is_text(node.body) or _is_text(node.orelse)
    return False


def untranslated_strings(files: list[Path], root: Path = ROOT) -> list[str]:
    """``file:line: call: text`` for every user-visible literal passed to a Qt text API outside translate()."""
    found = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name not in TEXT_CALLS:
                continue
            positions, keywords = TEXT_CALLS[name]
            args = [a for i, a in enumerate(node.args) if positions is None or i in positions]
            args += [k.value for k in node.keywords if k.arg in keywords]
            found += [f"{path.relative_to(root)}:{a.lineno}: {name}: {ast.unparse(a)[:80]}"
                      for a in args if _is_text(a)]
    return found


def _area_files(area: str) -> list[Path]:
    folder = ROOT / area
    return sorted(folder.glob("*.py")) if area == "ui" else sorted(folder.rglob("*.py"))


@pytest.mark.parametrize("area", AREAS)
def test_every_interface_string_goes_through_translate(area: str) -> None:
    found = untranslated_strings(_area_files(area))
    assert not found, f"{len(found)} interface strings outside translate():\n" + "\n".join(found)


def test_the_static_check_finds_literals_and_f_strings_but_not_translated_text(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'label.setText("Hello there")\n'
        'label.setText(f"Epoch {e} of {n}")\n'
        'button = QPushButton("Cancel")\n'
        'label.setText(translate("Ctx", "Epoch {e}").format(e=e))\n'
        'label.setText("")\n'
        'label.setText(str(value))\n'
        'window.show_error("Could not write " + str(path))\n'
        'ask_save_path(self, translate("Ctx", "Save"), "model.pt")\n')
    found = untranslated_strings([sample], tmp_path)
    assert [f.split(":")[:2] for f in found] == [["sample.py", "1"], ["sample.py", "2"], ["sample.py", "3"],
                                                 ["sample.py", "7"]]


# -- the German catalogue is complete and keeps every placeholder ------------------------------------------------
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")




@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, str]]]:
    """What pylupdate6 extracts from ui/ now, per area: (context, source)."""
    ts = tmp_path_factory.mktemp("extract") / "all.ts"
    subprocess.run([str(Path(sys.executable).parent / "pylupdate6"), "--no-summary", "ui", "--ts", str(ts)],
                   cwd=ROOT, check=True)
    found: dict[str, list[tuple[str, str]]] = {area: [] for area in AREAS}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            location = message.find("location")
            assert location is not None
            file = (ts.parent / location.get("filename", "")).resolve().relative_to(ROOT)
            area = str(file.parent) if str(file.parent) in found else "ui"
            found[area].append((context.findtext("name") or "", message.findtext("source") or ""))
    return found


@pytest.mark.parametrize("area", AREAS)
def test_every_extracted_message_has_a_finished_german_translation(area: str, extracted) -> None:  # type: ignore[no-untyped-def]
    german = TsTranslator("de", GERMAN).messages
    missing = [f"{context}: {source!r}" for context, source in extracted[area] if (context, source, "") not in german]
    assert extracted[area], f"nothing extracted from {area}: is pylupdate6 working?"
    assert not missing, f"{len(missing)} messages of {area} have no finished German translation:\n" + "\n".join(missing)


def test_every_lesson_and_glossary_text_has_a_german_translation() -> None:
    content = runpy.run_path(str(ROOT / "tools" / "i18n.py"))["content_messages"]()
    assert len(content) > 60  # 8 lessons with their steps, the glossary
    german = TsTranslator("de", GERMAN).messages
    missing = [f"{context}: {source[:70]!r}" for context, source in content if (context, source, "") not in german]
    assert not missing, "content without German: run tools/i18n.py, then translate:\n" + "\n".join(missing)


TOOLS = runpy.run_path(str(ROOT / "tools" / "i18n.py"))


@pytest.mark.parametrize("area", sorted(TOOLS["CORE_AREAS"]))
def test_every_sentence_the_core_composes_has_a_german_translation(area: str) -> None:
    messages = TOOLS["core_messages"](area)
    german = TsTranslator("de", GERMAN).messages
    missing = [f"{source[:70]!r}" for context, source in messages if (context, source, "") not in german]
    assert not missing, f"core sentences of {area} without German: run tools/i18n.py --area {area}, then " \
                        "translate:\n" + "\n".join(missing)


def test_every_core_wording_passes_its_template_as_a_literal() -> None:
    """``Wording(f"…")`` or ``worded_error(Cls, text)`` could not be collected for translation: the window
    would show that sentence in English."""
    bad = []
    for path in sorted((ROOT / "cnnviz").rglob("*.py")):
        for call in TOOLS["template_calls"](path):
            template = TOOLS["template_argument"](call)
            if path.name == "wording.py":
                continue  # the definitions themselves pass their parameter on
            if not (isinstance(template, ast.Constant) and isinstance(template.value, str)):
                bad.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert not bad, "wording templates that are not string literals:\n" + "\n".join(bad)


def test_a_core_sentence_is_translated_with_its_nested_clauses_and_errors_too(qapp) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.wording import Wording, worded_error
    from ui.i18n import error_text, install_language, worded

    score = Wording("{right} of {asked} right this session", {"right": 2, "asked": 3})
    outer = Wording("{inner}", {"inner": score})
    error = worded_error(ValueError, "{right} of {asked} right this session", right=1, asked=4)
    assert str(error) == "1 of 4 right this session" and worded(outer) == "2 of 3 right this session"
    try:
        install_language("de")
        assert worded(outer) == "2 von 3 richtig in dieser Sitzung"
        assert error_text(error) == "1 von 4 richtig in dieser Sitzung"
        assert error_text(ValueError("plain")) == "plain"
    finally:
        install_language("en")
    assert worded(outer) == "2 of 3 right this session"


def test_every_translation_keeps_its_placeholders_exactly() -> None:
    files = sorted(GERMAN.glob("*.ts"))
    assert {f.stem for f in files} >= {"app", "widgets", "lessons", "content"}
    broken = []
    for path in files:
        for (context, source, _), forms in read_ts(path).items():
            for form in forms:
                if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)):
                    broken.append(f"{path.name} {context}: {source[:60]!r} → {form[:60]!r}")
    assert not broken, "translations that lost or changed a placeholder:\n" + "\n".join(broken)


# -- the window in German ----------------------------------------------------------------------------------------
def _translated_sources() -> set[str]:
    """Every English source whose German differs: shown as it is in a German window, it was not translated."""
    return {source for path in GERMAN.glob("*.ts") for (_, source, _), forms in read_ts(path).items()
            if forms[0] != source and sum(ch.isalpha() for ch in source) >= 2}


def _menu_texts(menu: Any) -> list[str]:
    texts = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        texts.append(action.text())
        if action.menu() is not None:
            texts += _menu_texts(action.menu())
    return texts


@pytest.fixture
def german_window(started_window, english_afterwards):  # type: ignore[no-untyped-def]
    """A shown window built with German loaded (as ``--lang de`` does), the trained explorer open."""
    install_language("de", english_afterwards)
    return started_window()


def test_the_window_speaks_german_tabs_menus_status_and_every_visible_text(qtbot, german_window) -> None:  # type: ignore[no-untyped-def]
    from PyQt6.QtWidgets import QAbstractButton, QLabel

    win = german_window
    assert [win.tabs.tabText(i) for i in range(win.tabs.count())] == [
        "Zeichnen && erkunden", "Filter", "Filter-Sandkasten", "Erklären", "Trainingslabor", "Modellzoo"]
    menubar = win.menuBar()
    assert [a.text() for a in menubar.actions()] == ["&Datei", "&Ansicht", "&Hilfe"]
    english = _translated_sources()
    menus = _menu_texts(menubar)
    assert "Modell ö&ffnen …" in menus and "&Sprache" in menus and "Über &cnnviz" in menus
    assert [t for t in menus if t in english] == []
    assert win.model_label.text().startswith("Modell: explorer_cnn (") and "Epochen" in win.model_label.text()
    assert win.device_label.text().startswith("Gerät: ")
    assert win.accuracy_label.text().startswith("Testgenauigkeit: ")
    assert win.windowTitle() == "cnnviz – sieh, wie ein CNN arbeitet"
    def untranslated(root: Any) -> list[str]:
        shown = [w.text() for w in root.findChildren((QLabel, QAbstractButton)) if w.isVisibleTo(win)]
        return [text for text in shown if text in english]

    draw = win.tab_widgets["draw"]
    win.tabs.setCurrentWidget(draw)
    draw.side.setCurrentWidget(draw.pool_zoom)
    qtbot.waitUntil(draw.pool_zoom.isVisible)
    assert untranslated(draw.pool_zoom) == [] and draw.pool_zoom.channel_spin.prefix() == "Karte "  # this area's
    per_tab = {}
    for key, tab in win.tab_widgets.items():
        win.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(tab.isVisible)
        per_tab[key] = untranslated(tab)
    shown_in_english = {k: v for k, v in per_tab.items() if v}
    assert not shown_in_english, shown_in_english


def test_a_lesson_step_and_a_question_in_german_with_their_numbers_filled_in(qtbot, german_window) -> None:  # type: ignore[no-untyped-def]
    win = german_window
    hub = win.lesson_hub
    hub.ensure_ui()
    with qtbot.waitSignal(hub.driver.text_ready, timeout=20_000):
        hub.open_lessons(1)  # "Sliding a filter": its first step names the strongest cell of conv1's map 1
    panel = hub.panel
    qtbot.waitUntil(lambda: hub.driver.settled and not hub.driver.tasks.busy("lesson-text"), timeout=20_000)
    text = panel.text.text()
    value = win.tab_widgets["explain"].cell_view.explanation.result
    assert text.startswith("Hinter einer Zahl: Die stärkste Zelle von Karte ")
    assert f"enthält {value:.2f}.".replace(".", ",", 1) in text and "{" not in text  # German template and numbers
    assert panel.step_label.text() == "Schritt 1 von 3"
    assert panel.lesson_combo.currentText() == "2. Einen Filter verschieben: das Skalarprodukt hinter einer Zelle"
    question = panel.exercises.ask("prediction")
    assert question is not None
    assert panel.exercises.prompt.text() == f"Welche Klasse wählt {win.state.model.arch} für diese Ziffer?"
    assert [b.text() for b in panel.exercises.choice_buttons] == list(question.choices)  # class names stay
    panel.exercises.answer(question.answer)
    assert panel.exercises.result.text().startswith("Richtig! Es wählt ")
    assert panel.exercises.score_label.text() == "1 von 1 richtig in dieser Sitzung"


def test_numbers_are_written_the_way_the_interface_language_writes_them(qapp) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    from cnnviz.wording import Wording
    from ui.i18n import install_language, translate, worded

    template = "{right} of {asked} right this session"
    score = Wording("{n:,} digits, {p:.2%} wrong", {"n": 10000, "p": np.float32(0.0039)})
    assert translate("ExercisePanel", template).format(right=1.5, asked=2) == "1.5 of 2 right this session"
    assert worded(score) == "10,000 digits, 0.39% wrong"
    try:
        install_language("de")
        german = translate("core", template).format(right=1.5, asked=1234567)
        assert german == "1,5 von 1234567 richtig in dieser Sitzung"
        assert worded(score) == "10.000 digits, 0,39% wrong"  # (no German for this made-up sentence)
        assert translate("core", "{name} v{version}").format(name="cnnviz", version="1.2.3") == "cnnviz v1.2.3"
    finally:
        install_language("en")
    assert worded(score) == "10,000 digits, 0.39% wrong"
