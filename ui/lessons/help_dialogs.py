"""Help → Glossary and Help → Keyboard shortcuts: non-modal windows over the live app.

The glossary lists ``cnnviz.lessons.glossary`` with a "Show me" that opens the tab and frames the widget where
the app shows the term; the shortcut list is read from the window's own actions, so it cannot go stale.
"""

from __future__ import annotations

from collections.abc import Callable

from PyQt6.QtCore import Qt, QTimer
from PyQt6.QtGui import QAction, QKeySequence, QResizeEvent
from PyQt6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cnnviz.lessons.glossary import GLOSSARY, Term
from ui.i18n import translate
from ui.widgets.tables import fill_table, make_table


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) for every action of ``window`` that has a shortcut, in menu order."""
    rows = []
    for action in window.findChildren(QAction):
        keys = action.shortcut()
        if not keys.isEmpty():
            rows.append((action.text().replace("&&", "\0").replace("&", "").replace("\0", "&"),
                         keys.toString(QKeySequence.SequenceFormat.NativeText)))
    return rows


class GlossaryDialog(QDialog):
    """Every term with its one-line definition; select one and press "Show me" (or double-click it)."""

    def __init__(self, show_term: Callable[[Term], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("GlossaryDialog", "cnnviz glossary"))
        self.resize(760, 640)
        self._show_term = show_term
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate(
            "GlossaryDialog", "The words the app uses. Pick one and press “Show me” to see it in the app.")))
        self.table = make_table((translate("GlossaryDialog", "Term"), translate("GlossaryDialog", "What it means")),
                                selectable=True, stretch=1)
        self.table.setAccessibleName(translate("GlossaryDialog", "Glossary"))
        self.table.setToolTip(translate("GlossaryDialog", "Double-click a term to see it in the app"))
        fill_table(self.table, [[translate("glossary", t.name), translate("glossary", t.definition)]
                                for t in GLOSSARY])
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # rows wrap at a steady width
        self.table.doubleClicked.connect(lambda _index: self.show_selected())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.show_button = QPushButton(translate("GlossaryDialog", "Show me"))
        self.show_button.setToolTip(translate("GlossaryDialog",
                                              "Open the tab that shows the selected term and frame it"))
        self.show_button.clicked.connect(self.show_selected)
        close = QPushButton(translate("GlossaryDialog", "Close"))
        close.setToolTip(translate("GlossaryDialog", "Close the glossary"))
        close.clicked.connect(self.close)
        row.addWidget(self.show_button)
        row.addWidget(close)
        layout.addLayout(row)

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.table.resizeRowsToContents)  # wrap the definitions at the width they get now

    def show_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(GLOSSARY):
            self._show_term(GLOSSARY[row])


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.resize(440, 420)
        layout = QVBoxLayout(self)
        self.table = make_table((translate("ShortcutsDialog", "Command"), translate("ShortcutsDialog", "Keys")),
                                stretch=0)
        self.table.setAccessibleName(translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.table.setToolTip(translate("ShortcutsDialog", "Every command that has a shortcut, in menu order"))
        self.rows = shortcut_rows(window)
        fill_table(self.table, [list(r) for r in self.rows])
        layout.addWidget(self.table, 1)
        close = QPushButton(translate("ShortcutsDialog", "Close"))
        close.setToolTip(translate("ShortcutsDialog", "Close the list of shortcuts"))
        close.clicked.connect(self.close)
        layout.addWidget(close)
