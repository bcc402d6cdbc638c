"""The lesson panel (a dock beside the tabs): which lesson, step k of n, the step's text, Back/Next, and the
exercises. It only shows and forwards: the driver sets the app's state, the exercise panel asks questions."""

from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt, pyqtSignal
from PyQt6.QtGui import QCloseEvent
from PyQt6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate
from ui.lessons.exercise_panel import ExercisePanel
from ui.widgets.fonts import emphasize

WAITING = QT_TRANSLATE_NOOP("LessonPanel", "Computing this step's numbers from the model…")


class LessonPanel(QDockWidget):
    """The lesson dock: ``lesson_combo`` picks a lesson, ``back_button``/``next_button`` step, ``exercises``
    poses questions about the live state; ``closed`` when the learner closes it (not when the window hides)."""

    closed = pyqtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("LessonPanel", "Lessons"), parent)
        self.setObjectName("lessons.panel")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.lesson_combo = QComboBox()
        self.lesson_combo.setAccessibleName(translate("LessonPanel", "Lesson"))
        self.lesson_combo.setToolTip(translate("LessonPanel", "Pick a lesson to start it at its first step"))
        layout.addWidget(self.lesson_combo)
        self.step_label = QLabel()
        emphasize(self.step_label)
        layout.addWidget(self.step_label)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # "<0.1%" is text, not markup
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        emphasize(self.text, points=1.5, bold=False)  # read from the back of a room on a projector
        layout.addWidget(self.text)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(translate("LessonPanel", "◀ Back"))
        self.back_button.setToolTip(translate("LessonPanel", "Go to the previous step of the lesson"))
        self.next_button = QPushButton(translate("LessonPanel", "Next ▶"))
        self.next_button.setToolTip(translate("LessonPanel", "Go to the next step of the lesson"))
        self.end_button = QPushButton(translate("LessonPanel", "End lesson"))
        self.end_button.setToolTip(translate("LessonPanel",
                                             "Stop the lesson: hidden controls come back, the app stays as it is"))
        for button in (self.back_button, self.next_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)
        layout.addLayout(buttons)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        heading = QLabel(translate("LessonPanel", "Predict, then reveal"))
        emphasize(heading)
        layout.addWidget(heading)
        self.exercises = ExercisePanel()
        layout.addWidget(self.exercises)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setMinimumWidth(340)
        self.setWidget(scroll)

    def closeEvent(self, event: QCloseEvent | None) -> None:
        super().closeEvent(event)
        self.closed.emit()

    def set_lessons(self, titles: list[str], current: int) -> None:
        self.lesson_combo.blockSignals(True)
        self.lesson_combo.clear()
        for i, title in enumerate(titles):
            self.lesson_combo.addItem(translate("LessonPanel", "{number}. {title}").format(
                number=i + 1, title=translate("lesson", title)))
        self.lesson_combo.setCurrentIndex(current)
        self.lesson_combo.blockSignals(False)

    def show_step(self, index: int, count: int) -> None:
        self.step_label.setText(translate("LessonPanel", "Step {step} of {count}").format(step=index + 1, count=count))
        self.text.setText(translate("LessonPanel", WAITING))
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < count - 1)
        self.end_button.setEnabled(True)

    def show_ended(self) -> None:
        self.step_label.setText(translate("LessonPanel", "No lesson running"))
        self.text.setText(translate("LessonPanel",
                                    "Pick a lesson above to start it. The questions below work at any time."))
        for button in (self.back_button, self.next_button, self.end_button):
            button.setEnabled(False)
