"""Interface language: the .ts loader, how the language is chosen, the menu, and the German translation."""

from __future__ import annotations

from pathlib import Path

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
