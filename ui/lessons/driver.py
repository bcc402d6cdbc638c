"""Drives the live app through a lesson: each step sets the tab, view, digit, stage, map and cell, frames the
widget it talks about, hides what the lesson hides, and has its text rendered from the live model.

The learner keeps full use of the app: after a step is set, a new drawing or model re-renders the text with
the new numbers, and nothing is set again until the next step. ``current_step`` is the inverse: the app's
state as a step (File → Save lesson).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
from PyQt6.QtCore import QObject, pyqtSignal
from PyQt6.QtWidgets import QWidget

from cnnviz.data.transforms import to_unit
from cnnviz.introspect import strongest_cell
from cnnviz.jobs import Job
from cnnviz.lab.experiments import shuffle_pixels
from cnnviz.lessons import Facts, Lesson, Step, render
from cnnviz.lessons.measures import SHUFFLE_SEED
from cnnviz.lessons.schema import DRAWING_SIZE, VIEWS
from cnnviz.training.device import threads_for
from ui.i18n import number_text, translate, worded
from ui.lessons.highlight import Highlight
from ui.lessons.targets import find_target
from ui.tasks import TaskRunner


def facts_of(window: Any) -> Facts:
    """What placeholders are filled from, now: the state, and the Training lab's form and latest run."""
    state, lab = window.state, window.tab_widgets.get("lab")
    runs = lab.results.results if lab is not None else []
    return Facts(state.data, state.model, state.meta, state.capture if state.model is not None else None,
                 state.true_label, lab.config() if lab is not None else None, runs[-1] if runs else None)


def test_index_of(data: Any, step: Step) -> int | None:
    if step.digit is not None:
        return min(step.digit, len(data.test_labels) - 1)
    if step.digit_class is not None:
        found = np.flatnonzero(data.test_labels == step.digit_class)
        return int(found[0]) if len(found) else None
    return None


def current_step(window: Any, text: str) -> Step:
    """The app's state now as a lesson step with ``text``: what ``LessonDriver.show_step`` restores."""
    state = window.state
    tab = next((k for k, w in window.tab_widgets.items() if w is window.tabs.currentWidget()), "draw")
    view = VIEWS[tab][window.tab_widgets[tab].views.currentIndex()] if tab in VIEWS else None
    draw = window.tab_widgets["draw"]
    digit, drawing = None, None
    if state.image is not None:
        index = draw.inputs.index_spin.value()
        if np.array_equal(state.image, to_unit(state.data.test_images[index])):
            digit = index
        else:  # saved as 8-bit grey levels, the precision of an image file
            drawing = tuple(int(v) for v in np.round(np.clip(state.image, 0, 1) * 255).astype(int).ravel())
    stage = draw.pipeline.current_stage
    explain = window.tab_widgets.get("explain")
    selection = explain.cell_view.selection if explain is not None else None
    return Step(text, tab, "current", view, digit, None, drawing, stage.name if stage is not None else None,
                draw.pipeline.channel, tuple(selection) if selection is not None else None)


class LessonDriver(QObject):
    """``start(lesson)``, ``go(index)``/``next()``/``back()``, ``stop()``; ``text_ready`` brings each step's text."""

    step_changed = pyqtSignal(int)  # the step now shown (from 0)
    applied = pyqtSignal()  # the step's selection (stage, map, cell) is set on its capture
    text_ready = pyqtSignal(str)  # the step's text, its placeholders filled from the live model
    stopped = pyqtSignal()

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.lesson: Lesson | None = None
        self.index = 0
        self.text = ""
        self.highlight = Highlight(window)
        self.tasks = TaskRunner(self)
        self._hidden: list[QWidget] = []
        self._pending: Step | None = None  # a step whose selection waits for its input's capture
        window.state.capture_changed.connect(self._on_capture)
        window.state.model_changed.connect(self.render_text)
        window.tabs.currentChanged.connect(lambda _i: self.highlight.follow(None))  # the frame is for its tab
        lab = window.tab_widgets.get("lab")
        if lab is not None:  # a finished comparison brings the numbers lesson 6 talks about
            lab.run_finished.connect(lambda _result: self.render_text())
            lab.controls.changed.connect(self.render_text)

    @property
    def settled(self) -> bool:
        """The step's selection is set (no input's capture is awaited)."""
        return self._pending is None

    @property
    def step(self) -> Step | None:
        return self.lesson.steps[self.index] if self.lesson is not None else None

    def start(self, lesson: Lesson) -> None:
        self.stop()
        self.lesson = lesson
        for name in lesson.hide:
            widget = find_target(self.window, name)
            if widget is not None and not widget.isHidden():
                widget.hide()
                self._hidden.append(widget)
        self.go(0)

    def stop(self) -> None:
        """End the lesson: every hidden control back, no frame; the app stays as the last step left it."""
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.highlight.follow(None)
        self._pending = None
        self.tasks.cancel("lesson-text")
        if self.lesson is not None:
            self.lesson = None
            self.stopped.emit()

    def go(self, index: int) -> None:
        if self.lesson is None:
            return
        self.index = max(0, min(index, len(self.lesson.steps) - 1))
        self.show_step(self.lesson.steps[self.index])
        self.step_changed.emit(self.index)

    def next(self) -> None:
        self.go(self.index + 1)

    def back(self) -> None:
        self.go(self.index - 1)

    # -- one step ----------------------------------------------------------------------------------
    def show_step(self, step: Step) -> None:
        """Set the app to ``step``'s state; its selection follows once its input's capture is there."""
        window = self.window
        tab = window.tab_widgets.get(step.tab)
        if tab is not None:
            window.tabs.setCurrentWidget(tab)
            if step.view is not None:
                tab.views.setCurrentIndex(VIEWS[step.tab].index(step.view))
        self._pending = step
        if not self._set_input(step) and window.state.capture is not None:
            self._select(step)
        self.highlight.follow(find_target(window, step.highlight) if step.highlight else None)
        self.render_text()

    def _set_input(self, step: Step) -> bool:
        """Put the step's digit or drawing on the canvas; False when it is there already (no new capture)."""
        state, draw = self.window.state, self.window.tab_widgets["draw"]
        index = test_index_of(state.data, step)
        if index is not None:
            image = to_unit(state.data.test_images[index])
        elif step.drawing is not None:
            image = np.asarray(step.drawing, dtype=np.uint8).reshape(DRAWING_SIZE, DRAWING_SIZE)
        else:
            return False
        if step.shuffle:
            image = shuffle_pixels(to_unit(image)[None], SHUFFLE_SEED)[0]  # (1, H, W…) and back
        if state.image is not None and np.array_equal(state.image, to_unit(image)):
            return False
        if index is not None and not step.shuffle:
            draw.show_test_digit(index)
        else:  # a drawing, or a shuffled test digit (still of its class)
            draw.canvas.set_image(image, int(state.data.test_labels[index]) if index is not None else None)
        return True

    def _select(self, step: Step) -> None:
        state, window = self.window.state, self.window
        capture = state.capture
        if capture is None:
            return
        self._pending = None
        draw = window.tab_widgets["draw"]
        if draw.pipeline.capture is not capture:
            draw.refresh()  # the Draw tab is hidden: bring its views to this capture before selecting in them
        names = [s.name for s in capture.stages]
        if step.stage in names:
            draw.pipeline.select_stage(names.index(step.stage))
            if step.map is not None:
                draw.pipeline.select_channel(step.map)
        explain = window.tab_widgets.get("explain")
        if step.cell is not None and explain is not None and step.cell[0] in names:
            stage, channel = str(step.cell[0]), int(step.cell[1])
            row, col = (int(step.cell[2]), int(step.cell[3])) if len(step.cell) == 4 else \
                strongest_cell(capture, stage, channel)
            explain.cell_view.select_cell(stage, channel, row, col)
        self.applied.emit()

    def _on_capture(self) -> None:
        if self._pending is not None:
            self._select(self._pending)
        self.render_text()  # the learner drew, or the step's digit arrived: the numbers follow

    def render_text(self) -> None:
        """Fill the step's placeholders in the background (the shuffled-pixels step fits a classifier)."""
        step = self.step
        if step is None:
            return
        facts = facts_of(self.window)
        template = translate("lesson", step.text)  # the built-in lessons' text in the interface language (content.ts)

        def job(j: Job) -> str:
            return render(template, replace(facts, should_stop=j.should_stop), say=worded, number=number_text).text

        self.tasks.run("lesson-text", job, policy="latest", threads=threads_for("explain"),
                       on_done=self._on_text)

    def _on_text(self, text: str) -> None:
        step, model = self.step, self.window.state.model
        if step is not None and step.model != "current" and (model is None or model.arch != step.model):
            text = translate("LessonDriver", "(This step is written for {model}: open one with File → Open model.)"
                             ).format(model=step.model) + " " + text
        self.text = text
        self.text_ready.emit(text)
