"""Predict, then reveal: one question about the live model at a time, the learner's answer checked, the
explanation shown after it, and the session's score. Questions come from ``cnnviz.lessons.exercises``."""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt, pyqtSignal
from PyQt6.QtGui import QDoubleValidator
from PyQt6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from cnnviz.introspect import Capture
from cnnviz.lessons.exercises import NoQuestion, Question, Score, make_question
from cnnviz.models.staged import StagedNet
from ui.colormaps import DIVERGING_MAP, value_range
from ui.i18n import CORE_CONTEXT, error_text, translate, worded
from ui.widgets.image_panel import ImageStrip
from ui.widgets.status_label import StatusLabel

KINDS = {
    "cell_value": QT_TRANSLATE_NOOP("ExercisePanel", "What value will this cell have?"),
    "pool_winner": QT_TRANSLATE_NOOP("ExercisePanel", "Which value survives the pooling window?"),
    "prediction": QT_TRANSLATE_NOOP("ExercisePanel", "Which class will the network pick?"),
    "vertical_edge": QT_TRANSLATE_NOOP("ExercisePanel", "Which map came from the vertical-edge filter?"),
    "parameters": QT_TRANSLATE_NOOP("ExercisePanel", "How many parameters does this layer have?"),
}
CHOICE_COLUMNS = 5


def choice_text(text: str) -> str:
    """A choice as shown: "Map A" translated; numbers and class names stay as they are."""
    return translate(CORE_CONTEXT, text)


class ExercisePanel(QWidget):
    """``ask(kind, model, capture, class_names)`` poses a question; ``answer(value)`` checks it (a number, or
    the index of a choice); ``reveal`` asks the window to show the cell's arithmetic in Behind a number."""

    answered = pyqtSignal(bool)
    reveal = pyqtSignal(str, int, int, int)  # stage, map, row, col

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question: Question | None = None
        self.score = Score()
        self.rng = np.random.default_rng()
        self.source: tuple[StagedNet, Capture, tuple[str, ...]] | None = None
        self._answered = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.kind_combo = QComboBox()
        for kind, text in KINDS.items():
            self.kind_combo.addItem(translate("ExercisePanel", text), kind)
        self.kind_combo.setAccessibleName(translate("ExercisePanel", "Kind of question"))
        self.kind_combo.setToolTip(translate("ExercisePanel", "Which kind of question “New question” asks"))
        self.new_button = QPushButton(translate("ExercisePanel", "New question"))
        self.new_button.setToolTip(translate("ExercisePanel",
                                             "Ask another question of this kind about the current digit and model"))
        self.new_button.clicked.connect(self.ask_again)
        top.addWidget(self.kind_combo, 1)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.prompt)
        self.pictures = ImageStrip(min_panel=70)
        self.pictures.setFixedHeight(120)
        self.pictures.setAccessibleName(translate("ExercisePanel", "Maps to choose from"))
        self.pictures.setToolTip(translate("ExercisePanel",
                                           "The maps the question asks about; answer with the buttons"))
        self.pictures.hide()
        layout.addWidget(self.pictures)
        number_row = QHBoxLayout()
        self.number = QLineEdit()
        self.number.setPlaceholderText(translate("ExercisePanel", "Your answer"))
        self.number.setValidator(QDoubleValidator())
        self.number.setAccessibleName(translate("ExercisePanel", "Your answer"))
        self.number.setToolTip(translate("ExercisePanel", "Type a number and press Enter to check it"))
        self.number.returnPressed.connect(self._check_number)
        self.check_button = QPushButton(translate("ExercisePanel", "Check"))
        self.check_button.setToolTip(translate("ExercisePanel", "Check the number you typed"))
        self.check_button.clicked.connect(self._check_number)
        number_row.addWidget(self.number, 1)
        number_row.addWidget(self.check_button)
        self.number_box = QWidget()
        self.number_box.setLayout(number_row)
        layout.addWidget(self.number_box)
        self.choice_box = QWidget()
        self.choice_grid = QGridLayout(self.choice_box)
        self.choice_grid.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.choice_box)
        self.result = StatusLabel()
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.result)
        self.reveal_button = QPushButton(translate("ExercisePanel", "Show the arithmetic in Behind a number"))
        self.reveal_button.setToolTip(translate("ExercisePanel",
                                                "Open the Explain tab at the cell this question was about"))
        self.reveal_button.clicked.connect(self._reveal)
        self.reveal_button.hide()
        layout.addWidget(self.reveal_button)
        self.score_label = QLabel(worded(self.score.wording))
        layout.addWidget(self.score_label)
        self.choice_buttons: list[QPushButton] = []
        self._show(None)

    def set_source(self, model: StagedNet | None, capture: Capture | None, class_names: tuple[str, ...]) -> None:
        """The live model and capture questions are asked about (None: nothing to ask yet)."""
        self.source = (model, capture, class_names) if model is not None and capture is not None else None
        self.new_button.setEnabled(self.source is not None)

    def ask(self, kind: str, stage: str | None = None) -> Question | None:
        """Pose a new question of ``kind`` about the live source; None (and why, in the panel) when it cannot."""
        self.kind_combo.setCurrentIndex(list(KINDS).index(kind))
        if self.source is None:
            self._show(None, translate("ExercisePanel",
                                       "Draw a digit or pick a test digit, with a model open, to get a question."))
            return None
        model, capture, names = self.source
        try:
            question = make_question(kind, model, capture, names, self.rng, stage)
        except NoQuestion as exc:
            self._show(None, error_text(exc))
            return None
        except KeyError as exc:
            self._show(None, str(exc.args[0]) if exc.args else translate("ExercisePanel",
                                                                         "No such question for this model."))
            return None
        self._show(question)
        return question

    def ask_again(self) -> None:
        self.ask(self.kind_combo.currentData())

    def answer(self, given: float) -> bool:
        """Check ``given`` (a number, or a choice's index), say whether it is right, and explain."""
        question = self.question
        if question is None or self._answered:
            return False
        correct = question.check(given)
        self._answered = True
        self.score = self.score.record(correct)
        self.score_label.setText(worded(self.score.wording))
        verdict = translate("ExercisePanel", "Right!") if correct else translate(
            "ExercisePanel", "Not quite: the answer is {answer}.").format(answer=choice_text(question.answer_text))
        self.result.say(verdict + " " + worded(question.reasoning), error=not correct)
        self.reveal_button.setVisible(question.cell is not None)
        for button in self.choice_buttons:
            button.setEnabled(False)
        self.number.setEnabled(False)
        self.check_button.setEnabled(False)
        self.answered.emit(correct)
        return correct

    # -- internals -----------------------------------------------------------------------------------
    def _show(self, question: Question | None, why: str = "") -> None:
        self.question, self._answered = question, False
        self.prompt.setText(worded(question.wording) if question is not None else why or translate(
            "ExercisePanel", "Pick a kind of question and press “New question”: it is asked about the digit and model "
            "on screen now."))
        self.result.say("")
        self.reveal_button.hide()
        for button in self.choice_buttons:
            button.deleteLater()
        self.choice_buttons = []
        choices = question.choices if question is not None else ()
        for i, text in enumerate(choices):
            button = QPushButton(choice_text(text))
            button.clicked.connect(lambda _c=False, i=i: self.answer(i))
            self.choice_grid.addWidget(button, i // CHOICE_COLUMNS, i % CHOICE_COLUMNS)
            self.choice_buttons.append(button)
        self.choice_box.setVisible(bool(choices))
        self.number_box.setVisible(question is not None and not choices)
        self.number.clear()
        self.number.setEnabled(True)
        self.check_button.setEnabled(True)
        self.pictures.clear_panels()
        if question is not None and question.pictures:
            levels = value_range(np.stack(question.pictures), signed=True)
            for i, picture in enumerate(question.pictures):
                title = choice_text(question.choices[i])
                self.pictures.add_panel(str(i), title).show_values(picture, DIVERGING_MAP, levels)
        self.pictures.setVisible(question is not None and bool(question.pictures))

    def _check_number(self) -> None:
        text = self.number.text().replace(",", ".").strip()
        try:
            value = float(text)
        except ValueError:
            self.result.say(translate("ExercisePanel", "Type a number first (like 0.5)."), error=True)
            return
        self.answer(value)

    def _reveal(self) -> None:
        if self.question is not None and self.question.cell is not None:
            stage, channel, row, col = self.question.cell
            self.reveal.emit(stage, channel, row, col)
