"""Draw & explore, Filters and Explain: every text they show goes through Qt's translation machinery, every control
has a name and a description for screen readers, and what the code reads back still works once translated.

A pseudo-translator (every message comes back as ⟪message⟫, placeholders kept) stands in for a language: a text
shown without ⟪ did not go through ``translate()``. The German files themselves are checked for the core's texts
that are translated where they are shown (probe axes).
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pyqtgraph as pg
import pytest
from accessibility import accessible_name, part_of_a_control
from PyQt6.QtCore import QCoreApplication, Qt, QTranslator
from PyQt6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QWidget,
)

from cnnviz.explain import AXES
from cnnviz.store import ModelStore
from ui.draw.tab import DrawTab
from ui.explain.tab import ExplainTab
from ui.filters.job_bar import JobBar
from ui.filters.tab import FiltersTab
from ui.preferences import Preferences
from ui.tasks import Task, shutdown_all

DE = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "de"
INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractSlider, QAbstractItemView, QTabBar,
               pg.GraphicsView)
PARTS = (QScrollBar, QHeaderView)  # parts of a compound control (a table's header, a view's scroll bar)


class Pseudo(QTranslator):
    """Every message translated as ⟪message⟫: what was not translated shows without the marks."""

    def translate(self, context: str | None, source: str | None, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return f"⟪{source}⟫"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pseudo(qtbot) -> Iterator[Pseudo]:  # type: ignore[no-untyped-def]
    translator = Pseudo()
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def tabs(qtbot, pseudo, app_state, mnist, trained_explorer, tmp_path):  # type: ignore[no-untyped-def]
    """The three tabs over one state, as the main window has them, with a model and a test digit; every
    background job has ended before the widgets go."""
    state = app_state
    store = ModelStore(companion_path=tmp_path / "probe_mlp.pt", companion_epochs=1, companion_subset=600)
    built = [DrawTab(state, Preferences()), FiltersTab(state, Preferences()), ExplainTab(state, None, store=store)]

    def end_jobs(_widget: QWidget) -> None:
        for tab in built:  # hidden, no panel starts a job again when a cancelled one ends
            tab.hide()
        shutdown_all()
        qtbot.waitUntil(lambda: not Task.live, timeout=10_000)

    for tab in built:
        qtbot.addWidget(tab, before_close_func=end_jobs)
        tab.resize(1280, 760)
        tab.show()
    model, meta, _ = trained_explorer
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_model(copy.deepcopy(model), meta)
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_input(mnist.test_images[0] / 255.0, int(mnist.test_labels[0]))
    qtbot.wait(50)  # lets the lazily drawn panels catch up with the capture (no signal marks "all drawn")
    return built


def _pages(tab: QWidget) -> Iterator[str]:
    """Show every page of every inner tab widget in turn (yielding its name): each is checked as it is seen, then
    the work its showing started is cancelled (feature pictures, saliency maps: not what is checked here)."""
    for inner in tab.findChildren(QTabWidget):
        for i in range(inner.count()):
            if inner.isVisibleTo(tab) and inner.isTabEnabled(i):
                inner.setCurrentIndex(i)
                QCoreApplication.processEvents()
                yield inner.tabText(i)
                shutdown_all()
        inner.setCurrentIndex(0)


def _not_mine(tab: QWidget, widget: QWidget) -> bool:
    """The pooling zoom beside the enlarged stage is another area's (ui/pool_zoom.py)."""
    return isinstance(tab, DrawTab) and (widget is tab.pool_zoom or tab.pool_zoom.isAncestorOf(widget))






def test_every_shown_text_of_the_three_tabs_goes_through_translate(qtbot, tabs) -> None:  # type: ignore[no-untyped-def]
    untranslated: list[str] = []
    for tab in tabs:
        for page in ["", *_pages(tab)]:
            for widget in tab.findChildren(QWidget):
                if not widget.isVisibleTo(tab) or _not_mine(tab, widget):
                    continue
                texts = []
                if isinstance(widget, (QLabel, QAbstractButton)) and not part_of_a_control(widget):
                    texts.append(widget.text())
                if isinstance(widget, QTabBar):
                    texts += [widget.tabText(i) for i in range(widget.count())]
                if isinstance(widget, INTERACTIVE) and not part_of_a_control(widget):
                    texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
                untranslated += [f"{type(tab).__name__}/{page}: {type(widget).__name__} {text!r}" for text in texts
                                 if any(c.isalpha() for c in text) and "⟪" not in text]
    assert not untranslated, "\n".join(untranslated)


def test_every_control_has_a_name_and_a_description(qtbot, tabs) -> None:  # type: ignore[no-untyped-def]
    missing: list[str] = []
    for tab in tabs:
        for page in ["", *_pages(tab)]:
            for widget in tab.findChildren(QWidget):
                if (not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(tab) or _not_mine(tab, widget)
                        or part_of_a_control(widget)):
                    continue
                name = accessible_name(widget)
                if not name or not (widget.accessibleDescription() or widget.toolTip()):
                    missing.append(f"{type(tab).__name__}/{page}: {type(widget).__name__} name={name!r}")
    assert not missing, "\n".join(missing)


def test_the_job_bar_cancels_whatever_its_button_is_called(qtbot, pseudo) -> None:  # type: ignore[no-untyped-def]
    """The button's job is known from the bar's state, not read back from its (translated) text."""
    bar = JobBar()
    qtbot.addWidget(bar)
    bar.busy("working")
    assert bar.button.text() == "⟪Cancel⟫"
    with qtbot.waitSignal(bar.cancel_requested, timeout=1_000):
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    bar.idle("stopped", can_run=True)
    with qtbot.waitSignal(bar.run_requested, timeout=1_000):
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)


def test_a_pointed_kernel_is_named_whole_in_any_language(qtbot, tabs) -> None:  # type: ignore[no-untyped-def]
    """The enlarged kernel and the pinned numbers name the filter and input map as the readout does."""
    filters = tabs[1]
    cards = filters.panels["conv2"].cards
    assert cards is not None
    f, i = 5, 3
    top, left = cards.cards.origin(f)
    ky, kx = cards.kernels.origin(i)
    line = filters.show_value_at("conv2", top + ky * cards.scale, left + kx * cards.scale, pin=True)
    assert filters.kernel_view.name == "conv2 ⟪filter {n}⟫ ⟪from map {n}⟫".replace("{n}", str(f + 1), 1).replace(
        "{n}", str(i + 1))
    assert line.startswith(f"⟪{filters.kernel_view.name}: weight at")
    assert filters.kernel_label.text().startswith(filters.kernel_view.name + ":\n")


def _sources(context: str) -> set[str]:
    root = ET.parse(DE / "explain.ts").getroot()
    return {m.findtext("source") or "" for c in root.iter("context") if c.findtext("name") == context
            for m in c.iter("message")}


def test_the_cores_axis_texts_are_marked_for_translation() -> None:
    """Probe axes are named by the core: each of its texts must have a German entry (a changed core text would
    otherwise fall back to English without a word). The saliency methods' texts are the core's Wordings (checked
    with every core_introspect sentence in tests/test_i18n.py)."""
    assert set(AXES.values()) <= _sources("ProbeView")


def test_the_switched_off_summary_says_what_the_core_says_in_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The tabs' summary of switched-off maps is the core's ``describe_ablation``, only translatable."""
    from cnnviz.features.ablation import describe_ablation
    from ui.draw.ablation_panel import describe_switched_off

    for ablation in (frozenset(), frozenset({("conv1", 2)}), frozenset({("conv2", 4), ("conv1", 2), ("conv2", 0)})):
        assert describe_switched_off(ablation) == describe_ablation(ablation)
