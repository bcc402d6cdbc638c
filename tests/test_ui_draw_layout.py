"""Draw & explore and Filters at a small window size and through live light/dark switches."""

from __future__ import annotations

import contextlib

import pyqtgraph as pg
import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtGui import QFont, QPalette, QTextDocument
from PyQt6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.exceptions import TimeoutError as WaitTimeout

from ui.draw.tab import DrawTab
from ui.filters.tab import FiltersTab
from ui.pool_zoom import PoolZoomPanel
from ui.preferences import Preferences
from ui.theme import apply_theme, configure_plots, contrast_ratio, palette

configure_plots()
SMALL = (1024, 620)  # a 1024×700 screen less the menu, tab and status bars


@pytest.fixture(params=["draw", "filters"])
def shown_tab(request, qtbot, app_state, trained_explorer):  # type: ignore[no-untyped-def]
    """The tab at 1024×620 with a model and a digit, in an 11-pt font (a common desktop size; offscreen uses 9)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    app.setFont(QFont(font.family(), 11))
    widget: QWidget = (DrawTab if request.param == "draw" else FiltersTab)(app_state, Preferences())
    qtbot.addWidget(widget)
    widget.resize(*SMALL)
    widget.show()
    model, meta, _ = trained_explorer
    with qtbot.waitSignal(app_state.capture_changed, timeout=10_000):
        app_state.set_model(model, meta)
        app_state.set_input(app_state.data.test_images[0] / 255.0, int(app_state.data.test_labels[0]))
    yield widget
    app.setFont(font)


def visible_labels(root: QWidget) -> list[QLabel]:
    return [w for w in root.findChildren(QLabel) if w.isVisibleTo(root) and w.text()]


def plain(label: QLabel) -> str:
    if label.textFormat() == Qt.TextFormat.PlainText or not Qt.mightBeRichText(label.text()):
        return label.text()
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def test_tabs_fit_a_1024_by_700_window_without_clipped_text(qtbot, shown_tab: QWidget) -> None:
    """2: the window could not be smaller than 1076×805; each tab must fit 1024×620 with every word readable."""
    hint = shown_tab.minimumSizeHint()
    assert hint.width() <= SMALL[0] and hint.height() <= SMALL[1], hint
    qtbot.waitUntil(lambda: shown_tab.size().width() == SMALL[0])
    zoom = shown_tab.findChildren(PoolZoomPanel)
    for label in visible_labels(shown_tab):
        if any(z.isAncestorOf(label) for z in zoom):
            continue  # the pooling zoom is ui/pool_zoom.py's (the Explain rebuild), checked there
        if label.wordWrap():
            needed = label.heightForWidth(label.contentsRect().width())
            assert needed <= label.contentsRect().height() + 2, f"wrapped text cut off: {plain(label)!r}"
        else:
            for line in plain(label).splitlines():
                width = label.fontMetrics().horizontalAdvance(line)
                assert width <= label.contentsRect().width() + 1, f"clipped: {line!r}"


def label_contrast(label: QLabel) -> float:
    p = label.palette()
    return contrast_ratio(p.color(QPalette.ColorRole.WindowText).name(), p.color(QPalette.ColorRole.Window).name())


def unreadable(root: QWidget) -> list[str]:
    """Every visible label, plot background and plot title that does not match the palette or reads < 4.5:1."""
    problems = [f"label {plain(lb)!r}" for lb in visible_labels(root) if label_contrast(lb) < 4.5]
    for view in root.findChildren(pg.GraphicsView):
        if not view.isVisibleTo(root):
            continue
        if view.backgroundBrush().color().name() != palette().base:
            problems.append(f"plot background of {type(view.parent()).__name__}")
        for item in view.scene().items():  # type: ignore[union-attr]
            colour = pg.mkColor(item.opts["color"]).name() if isinstance(item, pg.LabelItem) and item.text else None
            if colour is not None and contrast_ratio(colour, palette().base) < 4.5:
                problems.append(f"plot title {item.text!r}")
    return problems


def test_live_light_dark_switch_keeps_every_label_readable(qtbot, shown_tab: QWidget) -> None:
    """Labels, the hover readout and the plot titles follow a live switch (they stayed dark-on-dark)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        for dark in (True, False, True):
            apply_theme(app, dark)
            with contextlib.suppress(WaitTimeout):  # the switch's events are posted: wait for them
                qtbot.waitUntil(lambda: not unreadable(shown_tab), timeout=3000)
            assert unreadable(shown_tab) == [], f"dark={dark}"
    finally:
        apply_theme(app, False)
