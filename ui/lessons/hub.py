"""Everything lessons add to the window, in one object: the menu entries (File: open, save and add to a lesson,
print a worksheet; Help: lessons, glossary, shortcuts), the lesson dock, the first-launch offer.

The dock and the driver are made on first use, once the window has its state and tabs; until then nothing
here imports PyTorch (the window opens before it is imported: ``ui/startup.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PyQt6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PyQt6.QtGui import QAction
from PyQt6.QtWidgets import QFileDialog, QInputDialog, QMenu

from cnnviz.lessons import Lesson, LessonError, builtin_lessons, load_lesson, save_lesson
from cnnviz.lessons.glossary import Term
from cnnviz.lessons.schema import VIEWS
from ui.i18n import error_text, translate
from ui.lessons.help_dialogs import GlossaryDialog, ShortcutsDialog
from ui.lessons.offer import LessonOffer
from ui.lessons.targets import NAMES, find_target
from ui.widgets.export import ask_save_path

if TYPE_CHECKING:
    from ui.lessons.driver import LessonDriver
    from ui.lessons.panel import LessonPanel

LESSON_FILTER = QT_TRANSLATE_NOOP("LessonHub", "cnnviz lessons (*.json);;All files (*)")
WORKSHEET_KINDS = ("prediction", "cell_value", "pool_winner", "vertical_edge", "parameters")


class LessonHub(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.lessons: list[Lesson] = []  # the built-in ones, read on first use, then any opened
        self.recorded: list[Any] = []  # steps added with "Add this view to the lesson…"
        self.driver: LessonDriver | None = None
        self.panel: LessonPanel | None = None
        self.offer: LessonOffer | None = None
        self.glossary: GlossaryDialog | None = None

    def add_actions(self, file_menu: QMenu, help_menu: QMenu) -> list[QAction]:
        """Put the lesson entries in the File and Help menus; returns those that need the app's state."""
        w = self.window
        needs_state = [
            w._action(file_menu, translate("LessonHub", "Open &lesson…"), self.open_lesson_dialog),
            w._action(file_menu, translate("LessonHub", "Add this &view to the lesson…"), self.add_step_dialog),
            w._action(file_menu, translate("LessonHub", "Save l&esson as…"), self.save_lesson_dialog),
            w._action(file_menu, translate("LessonHub", "&Print worksheet as PDF…"), self.print_worksheet_dialog,
                      "Ctrl+P"),
            w._action(help_menu, translate("LessonHub", "&Lessons"), self.open_lessons, "F1"),
            w._action(help_menu, translate("LessonHub", "&Glossary"), self.show_glossary),
        ]
        w._action(help_menu, translate("LessonHub", "&Keyboard shortcuts"), self.show_shortcuts)
        return needs_state

    # -- the dock and the driver ---------------------------------------------------------------------
    def ensure_ui(self) -> tuple[LessonDriver, LessonPanel]:
        if self.driver is None or self.panel is None:
            from ui.lessons.driver import LessonDriver
            from ui.lessons.panel import LessonPanel

            w = self.window
            self.lessons = builtin_lessons() + self.lessons
            self.driver = driver = LessonDriver(w)
            self.panel = panel = LessonPanel(w)
            w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
            panel.lesson_combo.currentIndexChanged.connect(lambda i: self.start(self.lessons[i]))
            panel.back_button.clicked.connect(driver.back)
            panel.next_button.clicked.connect(driver.next)
            panel.end_button.clicked.connect(driver.stop)
            panel.closed.connect(driver.stop)  # closing the panel ends the lesson: hidden controls come back
            driver.step_changed.connect(self._on_step)
            driver.text_ready.connect(panel.text.setText)
            driver.applied.connect(self._ask_step_exercise)
            driver.stopped.connect(panel.show_ended)
            panel.exercises.reveal.connect(self.reveal_cell)
            w.state.capture_changed.connect(self._update_exercise_source)
            w.state.model_changed.connect(self._update_exercise_source)
            self._update_exercise_source()
            panel.set_lessons([lesson.title for lesson in self.lessons], 0)
            panel.show_ended()
        return self.driver, self.panel

    def open_lessons(self, index: int = 0) -> None:
        """Help → Lessons: the dock, with lesson ``index`` started (the running one kept if there is one)."""
        driver, panel = self.ensure_ui()
        panel.show()
        if driver.lesson is None:
            self.start(self.lessons[index])

    def start(self, lesson: Lesson) -> None:
        driver, panel = self.ensure_ui()
        if lesson not in self.lessons:
            self.lessons.append(lesson)
        panel.set_lessons([x.title for x in self.lessons], self.lessons.index(lesson))
        panel.show()
        driver.start(lesson)

    def _on_step(self, index: int) -> None:
        driver, panel = self.ensure_ui()
        assert driver.lesson is not None
        panel.show_step(index, len(driver.lesson.steps))

    def _ask_step_exercise(self) -> None:
        driver, panel = self.ensure_ui()
        step = driver.step
        if step is not None and step.exercise is not None:
            panel.exercises.ask(step.exercise.kind, step.exercise.stage)

    def _update_exercise_source(self) -> None:
        state = self.window.state
        assert self.panel is not None
        self.panel.exercises.set_source(state.model, state.capture, tuple(state.data.class_names))

    def reveal_cell(self, stage: str, channel: int, row: int, col: int) -> None:
        """Behind a number, on the cell a question asked about: the arithmetic revealed."""
        explain = self.window.tab_widgets.get("explain")
        if explain is None:
            return
        self.window.tabs.setCurrentWidget(explain)
        explain.views.setCurrentWidget(explain.cell_view)
        explain.cell_view.select_cell(stage, channel, row, col)

    # -- files ----------------------------------------------------------------------------------------
    def open_lesson_file(self, path: Path) -> bool:
        try:
            lesson = load_lesson(path, NAMES)
        except LessonError as exc:
            self.window.show_error(translate("LessonHub", "{problem} Nothing was changed.").format(
                problem=error_text(exc)))
            return False
        self.start(lesson)
        return True

    def add_step(self, text: str) -> None:
        from ui.lessons.driver import current_step

        self.recorded.append(current_step(self.window, text))
        self.window.show_status(translate("LessonHub", "Added step {step} to the lesson (File → Save lesson as… "
                                          "writes it).").format(step=len(self.recorded)))

    def lesson_to_save(self, title: str, text: str) -> Lesson:
        """The steps added so far, or — with none — the app's state now as a one-step lesson."""
        from ui.lessons.driver import current_step

        steps = tuple(self.recorded) or (current_step(self.window, text),)
        return Lesson(title, steps)

    def save_lesson(self, path: Path, title: str = "A cnnviz lesson", text: str = "Look at this.") -> bool:
        try:
            save_lesson(self.lesson_to_save(title, text), path)
        except OSError as exc:
            self.window.show_error(translate("LessonHub", "The lesson could not be written to {path}: {problem}.")
                                   .format(path=path, problem=exc.strerror or exc))
            return False
        self.window.show_status(translate("LessonHub", "Saved the lesson to {path}").format(path=path))
        return True

    def open_lesson_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, translate("LessonHub", "Open lesson"), "",
                                              translate("LessonHub", LESSON_FILTER))
        if name:
            self.open_lesson_file(Path(name))

    def add_step_dialog(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self.window, translate("LessonHub", "Add this view to the lesson"),
            translate("LessonHub", "What should the learner look at here, and why?"))
        if ok and text.strip():
            self.add_step(text.strip())

    def save_lesson_dialog(self) -> None:
        title, ok = QInputDialog.getText(self.window, translate("LessonHub", "Save lesson"),
                                         translate("LessonHub", "Title of the lesson:"))
        if not ok or not title.strip():
            return
        text = "Look at this."
        if not self.recorded:
            text, ok = QInputDialog.getMultiLineText(self.window, translate("LessonHub", "Save lesson"),
                                                     translate("LessonHub", "What should the learner look at?"))
            if not ok or not text.strip():
                return
        path = ask_save_path(self.window, translate("LessonHub", "Save lesson"), "lesson.json",
                             translate("LessonHub", LESSON_FILTER))
        if path is not None:
            self.save_lesson(path, title.strip(), text.strip())

    # -- worksheet --------------------------------------------------------------------------------------
    def print_worksheet(self, path: Path, seed: int | None = None) -> bool:
        """The current digit's worksheet as a PDF: one question of every kind this model offers."""
        from cnnviz.explain import DotProduct, dot_product_stages, explain_cell
        from cnnviz.introspect import strongest_cell
        from cnnviz.lessons.exercises import NoQuestion, make_question
        from ui.lessons.worksheet import write_worksheet

        state = self.window.state
        model, cap = state.model, state.capture
        if model is None or cap is None:
            self.window.show_error(translate("LessonHub", "There is nothing to print yet: open a model and draw or "
                                             "pick a digit first."))
            return False
        names = tuple(state.data.class_names)
        explain = self.window.tab_widgets.get("explain")
        dp = explain.cell_view.dot_product if explain is not None else None
        convs = dot_product_stages(model)
        if not isinstance(dp, DotProduct) and convs:
            dp = explain_cell(model, cap, convs[0], 0, *strongest_cell(cap, convs[0], 0))
        rng = np.random.default_rng(seed)
        questions = []
        for kind in WORKSHEET_KINDS:
            try:
                questions.append(make_question(kind, model, cap, names, rng))
            except NoQuestion:
                continue
        if not write_worksheet(path, model.arch, cap, names, dp, questions):
            self.window.show_error(translate("LessonHub", "The worksheet could not be written to {path}: choose "
                                             "another folder.").format(path=path))
            return False
        self.window.show_status(translate("LessonHub", "Saved the worksheet to {path}").format(path=path))
        return True

    def print_worksheet_dialog(self) -> None:
        path = ask_save_path(self.window, translate("LessonHub", "Print worksheet as PDF"), "worksheet.pdf",
                             translate("LessonHub", "PDF files (*.pdf)"))
        if path is not None:
            self.print_worksheet(path)

    # -- help -----------------------------------------------------------------------------------------
    def show_glossary(self) -> None:
        if self.glossary is None:
            self.glossary = GlossaryDialog(self.show_term, self.window)
        self.glossary.show()
        self.glossary.raise_()

    def show_term(self, term: Term) -> None:
        """Open the tab (and view) where the app shows ``term`` and frame the widget."""
        w = self.window
        tab = w.tab_widgets.get(term.tab)
        if tab is None:
            return
        w.tabs.setCurrentWidget(tab)
        if term.view is not None:
            tab.views.setCurrentIndex(VIEWS[term.tab].index(term.view))
        driver, _ = self.ensure_ui()
        driver.highlight.follow(find_target(w, term.target))

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.window)
        dialog.show()
        return dialog

    def offer_lessons(self) -> None:
        """First launch (``prefs.lessons.offer``): a strip offering the first lesson; answered once."""
        w = self.window
        if not w.prefs.lessons.offer or self.offer is not None:
            return
        self.offer = LessonOffer(len(builtin_lessons()))
        w.centralWidget().layout().insertWidget(0, self.offer)
        self.offer.show()  # added to a window already on screen
        self.offer.accepted.connect(self.open_lessons)
        for signal in (self.offer.accepted, self.offer.declined):
            signal.connect(lambda: setattr(w.prefs.lessons, "offer", False))
