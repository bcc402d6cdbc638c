"""The zoo, the kernel sandbox and the training lab in another language and to a screen reader: every control
named and described, German on screen when German is chosen, and a German translation for every string."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pyqtgraph as pg
import pytest
from accessibility import accessible_name, part_of_a_control
from PyQt6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTableWidget,
    QWidget,
)

from cnnviz.lab.config import ComparisonConfig
from cnnviz.lab.experiments import POOLING_KINDS, depth_and_skips
from cnnviz.sandbox import PRESETS
from cnnviz.zoo.report import REPORT_COLUMNS, ReportPlan, cached_report
from ui.i18n import I18N_DIR, install_language
from ui.lab.experiment_views import pooling_name, shown_model_name
from ui.lab.experiments_panel import EXPERIMENTS
from ui.lab.tab import TrainingLabTab
from ui.preferences import Preferences
from ui.sandbox.kernel_editor import KernelGrid
from ui.sandbox.tab import PRESET_NAMES, SandboxTab
from ui.state import AppState
from ui.tasks import shutdown_all
from ui.zoo.report_view import HEADINGS
from ui.zoo.tab import ZooTab

ROOT = Path(__file__).resolve().parents[1]
AREAS = ("zoo", "sandbox", "lab")  # ui/<area>/ is translated in resources/i18n/de/<area>.ts
MARKERS = {"translate", "QT_TRANSLATE_NOOP"}
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|<[^<>]+>")  # named fields, Qt's plural count, rich-text tags


def no_plan(data, names, **_):  # type: ignore[no-untyped-def]
    """The report's estimate without training a batch (the views under test only show it)."""
    return ReportPlan(())


@pytest.fixture
def views(qtbot, mnist, monkeypatch, tmp_path: Path) -> Iterator[list[QWidget]]:  # type: ignore[no-untyped-def]
    """The three tabs, shown, over the bundled data (an empty report cache of their own)."""
    monkeypatch.setenv("CNNVIZ_DATA_DIR", str(tmp_path))
    state = AppState(mnist)
    state.set_input(mnist.test_images[0] / 255.0, int(mnist.test_labels[0]))
    prefs = Preferences()
    tabs: list[QWidget] = [ZooTab(state, prefs, cached_report=cached_report, plan_report=no_plan),
                           SandboxTab(state, prefs), TrainingLabTab(state, prefs)]
    for tab in tabs:
        qtbot.addWidget(tab)
        tab.resize(1280, 800)
        tab.show()
        qtbot.waitExposed(tab)
    yield tabs
    shutdown_all(5000)


def visited(tab: QWidget, qtbot) -> Iterator[QWidget]:  # type: ignore[no-untyped-def]
    """``tab``, once per inner view (each of the zoo's four views in turn; the lab's three pages under its FC vs CNN
    curves, then each of its experiments)."""
    if isinstance(tab, ZooTab):
        for index in range(tab.views.count()):
            tab.views.setCurrentIndex(index)
            qtbot.waitUntil(lambda i=index: tab.views.widget(i).isVisible())
            yield tab
    elif isinstance(tab, TrainingLabTab):
        for index in range(tab.below.count()):  # the run's table, epoch by epoch, mistakes
            tab.below.setCurrentIndex(index)
            qtbot.waitUntil(lambda i=index: tab.below.widget(i).isVisible())
            yield tab
        tab.below.setCurrentIndex(0)
        tab.views.setCurrentWidget(tab.experiments)
        qtbot.waitUntil(tab.experiments.isVisible)
        for name in EXPERIMENTS:
            tab.experiments.choose(name)
            qtbot.waitUntil(lambda: tab.experiments.views.currentWidget().isVisible())
            yield tab
        tab.views.setCurrentWidget(tab.splitter)
    else:
        yield tab




def interactive(w: QWidget) -> bool:
    kinds = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractSpinBox, QAbstractSlider,
             QAbstractItemView, QTabBar, pg.GraphicsView, KernelGrid)
    return isinstance(w, kinds) and not part_of_a_control(w)




def test_every_control_has_a_name_and_a_description(qtbot, views: list[QWidget]) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for tab in views:
        for _ in visited(tab, qtbot):
            for w in tab.findChildren(QWidget):
                if not (interactive(w) and w.isVisibleTo(tab)):
                    continue
                name = accessible_name(w)
                assert name, f"a {type(w).__name__} in {type(tab).__name__} has no accessible name"
                assert w.accessibleDescription() or w.toolTip(), \
                    f"{type(w).__name__} {name!r} in {type(tab).__name__} has no description or tooltip"
                checked += 1
    assert checked >= 40  # the zoo's, sandbox's and lab's controls were all reached


def literals(area: str) -> set[tuple[str, str]]:
    """(context, text) of every ``translate``/``QT_TRANSLATE_NOOP`` call with literal arguments in ui/<area>."""
    found = set()
    for path in sorted((ROOT / "ui" / area).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS
                    and len(node.args) >= 2 and all(isinstance(a, ast.Constant) for a in node.args[:2])):
                found.add((node.args[0].value, node.args[1].value))
    return found


def messages(path: Path) -> Iterator[tuple[str, str, ET.Element]]:
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            yield context.findtext("name") or "", message.findtext("source") or "", translation


@pytest.mark.parametrize("area", AREAS)
def test_every_string_has_a_finished_german_translation_with_its_placeholders(area: str) -> None:
    german: dict[tuple[str, str], str] = {}
    for path in sorted((I18N_DIR / "de").glob("*.ts")):
        for context, source, translation in messages(path):
            if translation.get("type") not in ("unfinished", "vanished", "obsolete") and translation.text:
                german[(context, source)] = translation.text
    shipped = {(c, s): t for c, s, t in messages(I18N_DIR / "de" / f"{area}.ts")}
    assert shipped, f"resources/i18n/de/{area}.ts holds no messages"
    for (context, source), translation in shipped.items():
        assert translation.get("type") is None and translation.text, f"{context}: {source!r} is not translated"
        assert sorted(PLACEHOLDER.findall(translation.text)) == sorted(PLACEHOLDER.findall(source)), \
            f"{context}: the German of {source!r} changes its placeholders or tags: {translation.text!r}"
    missing = sorted(literals(area) - german.keys())
    assert not missing, (f"strings in ui/{area} without German (run pylupdate6 ui/{area} --ts "
                         f"resources/i18n/de/{area}.ts and translate them): {missing}")


def on_screen(tab: QWidget) -> set[str]:
    """The words a user reads on ``tab`` now: labels, buttons, tab titles and table headings."""
    texts: set[str] = set()
    for w in tab.findChildren(QWidget):
        if not w.isVisibleTo(tab):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.add(w.text())
        elif isinstance(w, QTabBar):
            texts.update(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QTableWidget):
            for i in range(w.columnCount()):
                item = w.horizontalHeaderItem(i)
                if item is not None:
                    texts.add(item.text())
    return texts


@pytest.fixture
def german(qapp):  # type: ignore[no-untyped-def]
    install_language("de", qapp)
    yield
    install_language("en", qapp)


def test_in_german_no_english_text_of_these_views_is_left_on_screen(german, qtbot, views: list[QWidget]) -> None:  # type: ignore[no-untyped-def]
    english = {source for area in AREAS for _, source, t in messages(I18N_DIR / "de" / f"{area}.ts")
               if t.text != source}  # the words that read differently in German
    for tab in views:
        for _ in visited(tab, qtbot):
            left = sorted(on_screen(tab) & english)
            assert not left, f"{type(tab).__name__} still shows English: {left}"
    zoo, sandbox, lab = views
    assert isinstance(zoo, ZooTab) and isinstance(sandbox, SandboxTab) and isinstance(lab, TrainingLabTab)
    assert zoo.views.tabText(0) == "Genauigkeitsbericht"
    assert sandbox.play_button.text() == "Abspielen"
    assert sandbox.where.text().startswith("Fenster ")  # text made as the window moves
    assert lab.train_button.text() == "Beide trainieren"
    assert lab.controls.test_samples.specialValueText() == "alle"


def test_the_translatable_twins_of_core_names_match_the_core() -> None:
    """The report's headings and the sandbox's preset names are translated where shown; the
    core's English (in the Markdown report, compared in code) must be the same words."""
    assert HEADINGS == REPORT_COLUMNS
    assert PRESET_NAMES == PRESETS


def test_the_experiments_show_the_cores_model_names_in_the_chosen_language(qapp, mnist) -> None:  # type: ignore[no-untyped-def]
    """The experiments' tables and progress line show the core's model names: its own English words (the
    pooling kinds as their names), and in German when chosen."""
    config = ComparisonConfig(epochs=1)
    depths = (4,)
    stop_at_once = lambda: True  # noqa: E731  # each trial ends before its first batch: its name alone is wanted
    core = [config.fc_label, config.cnn_label,
            *(t.name for skips in ((False,), (True,))
              for t in depth_and_skips(config, mnist, depths=depths, skips=skips, should_stop=stop_at_once)),
            *POOLING_KINDS]
    assert len({str(name) for name in core}) == len(core) == 8
    english = [shown_model_name(name) for name in core]
    assert english == [*(str(name) for name in core[:4]), *(pooling_name(kind) for kind in POOLING_KINDS)]
    assert english[:4] == ["FC (hidden 128)", "CNN (8/16 filters)", "4 layers, without skips", "4 layers, with skips"]
    install_language("de", qapp)
    try:
        german = [shown_model_name(name) for name in core]
    finally:
        install_language("en", qapp)
    assert all(g != e and "{" not in g for g, e in zip(german, english, strict=True)), german
    assert german[2:4] == ["4 Schichten, ohne Skip-Verbindungen", "4 Schichten, mit Skip-Verbindungen"]
    assert german[:2] == [f"FC ({config.fc_hidden} versteckte Neuronen)",
                          f"CNN ({config.conv1_filters}/{config.conv2_filters} Filter)"]
