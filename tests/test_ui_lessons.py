"""The lessons in the live window: every shipped lesson stepped through end to end, exercises answered,
lesson files saved and opened, the worksheet PDF read back, the glossary and the shortcut list."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PyQt6.QtGui import QAction

from cnnviz.data.transforms import to_unit
from cnnviz.lab.experiments import shuffle_pixels
from cnnviz.lessons import Lesson, Step, builtin_lessons, load_lesson
from cnnviz.lessons.glossary import GLOSSARY
from cnnviz.lessons.measures import SHUFFLE_SEED
from cnnviz.lessons.schema import TABS, VIEWS
from ui.lessons.targets import NAMES, find_target


@pytest.fixture
def window(started_window):  # type: ignore[no-untyped-def]
    """A shown window with the trained explorer open and its first capture made."""
    return started_window()


def test_every_lesson_steps_through_the_live_app(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    win = window
    hub = win.lesson_hub
    data = win.state.data
    for lesson in builtin_lessons():
        hub.ensure_ui()
        with qtbot.waitSignal(hub.driver.text_ready, timeout=20_000):
            hub.start(lesson)
        for n, step in enumerate(lesson.steps):
            if n:
                with qtbot.waitSignal(hub.driver.text_ready, timeout=20_000):
                    hub.panel.next_button.click()
            panel, driver = hub.panel, hub.driver
            assert panel.step_label.text() == f"Step {n + 1} of {len(lesson.steps)}"
            assert win.tabs.currentWidget() is win.tab_widgets[step.tab]
            if step.view is not None:
                views = win.tab_widgets[step.tab].views
                assert views.currentIndex() == VIEWS[step.tab].index(step.view)
            if step.digit is not None:
                expected = to_unit(data.test_images[step.digit])
                if step.shuffle:  # the same pixels, moved by the one fixed permutation
                    expected = shuffle_pixels(expected[None], SHUFFLE_SEED)[0]
                qtbot.waitUntil(lambda e=expected: np.array_equal(win.state.image, e))
                qtbot.waitUntil(lambda: win.state.capture is not None and hub.driver.settled, timeout=20_000)
            pipeline = win.tab_widgets["draw"].pipeline
            if step.stage is not None:
                assert pipeline.current_stage is not None and pipeline.current_stage.name == step.stage
            if step.map is not None:
                assert pipeline.channel == step.map
            if step.cell is not None:
                selection = win.tab_widgets["explain"].cell_view.selection
                assert selection is not None and selection[:2] == step.cell[:2]
                if len(step.cell) == 4:
                    assert tuple(selection) == step.cell
            if step.highlight is not None:
                target = find_target(win, step.highlight)
                assert target is not None and target.isVisible(), step.highlight
                qtbot.waitUntil(lambda: hub.driver.highlight.isVisible())
                assert driver.highlight.target is target
                frame, spot = driver.highlight.geometry(), target.mapTo(win, target.rect().center())
                assert frame.contains(spot)
            qtbot.waitUntil(lambda: not hub.driver.tasks.busy("lesson-text"), timeout=20_000)  # this input's text
            text = panel.text.text()
            assert text == driver.text and "{" not in text and "[" not in text.replace("[not run yet]", "")
            if step.cell is not None and "{cell:conv1[0].value}" in step.text:  # the panel and the view agree
                assert f"holds {win.tab_widgets['explain'].cell_view.explanation.result:.2f}." in text
            if step.exercise is not None:
                question = panel.exercises.question
                assert question is not None and question.kind == step.exercise.kind
        assert not hub.panel.next_button.isEnabled()


def _restore_test_state(win, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Digit 7 of the test set, pool1's map 3 enlarged, conv2's cell (2, 4, 5) explained, the Explain tab."""
    draw = win.tab_widgets["draw"]
    with qtbot.waitSignal(win.state.capture_changed, timeout=20_000):
        draw.show_test_digit(7)
    names = [s.name for s in win.state.capture.stages]
    draw.pipeline.select_stage(names.index("pool1"))
    draw.pipeline.select_channel(3)
    explain = win.tab_widgets["explain"]
    win.tabs.setCurrentWidget(explain)
    explain.cell_view.select_cell("conv2", 2, 4, 5)


def _state_of(win) -> tuple[object, ...]:  # type: ignore[no-untyped-def]
    draw, explain = win.tab_widgets["draw"], win.tab_widgets["explain"]
    return (win.tabs.currentIndex(), explain.views.currentIndex(), win.state.image.copy(),
            draw.pipeline.current_stage.name, draw.pipeline.channel, tuple(explain.cell_view.selection))


def _same(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    return all(np.array_equal(x, y) if isinstance(x, np.ndarray) else x == y for x, y in zip(a, b, strict=True))


def test_a_saved_lesson_restores_the_state_exactly(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = window
    _restore_test_state(win, qtbot)
    saved = _state_of(win)
    path = tmp_path / "teacher.json"
    assert win.lesson_hub.save_lesson(path, "Pooling on a seven", "Which value survives?")
    lesson = load_lesson(path, NAMES)
    assert lesson.title == "Pooling on a seven" and lesson.steps[0].text == "Which value survives?"
    assert lesson.steps[0].digit == 7

    draw = win.tab_widgets["draw"]  # now change everything
    with qtbot.waitSignal(win.state.capture_changed, timeout=20_000):
        draw.show_test_digit(3)
    draw.pipeline.select_stage(1)
    win.tab_widgets["explain"].cell_view.select_cell("conv1", 0, 1, 1)
    win.tabs.setCurrentWidget(win.tab_widgets["zoo"])
    assert not _same(_state_of(win), saved)

    driver, _ = win.lesson_hub.ensure_ui()
    with qtbot.waitSignal(driver.applied, timeout=20_000):
        assert win.lesson_hub.open_lesson_file(path)
    assert _same(_state_of(win), saved)
    assert win.lesson_hub.panel.text.text() != ""


def test_a_drawing_and_several_steps_are_saved_with_the_teachers_text(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = window
    rng = np.random.default_rng(0)
    drawing = (rng.random((28, 28)) > 0.8).astype(np.float32) * rng.integers(1, 256, (28, 28)) / 255
    with qtbot.waitSignal(win.state.capture_changed, timeout=20_000):
        win.tab_widgets["draw"].canvas.set_image(drawing.astype(np.float32))
    win.lesson_hub.add_step("First look at the drawing.")
    _restore_test_state(win, qtbot)
    win.lesson_hub.add_step("Then at a test digit.")
    path = tmp_path / "two.json"
    assert win.lesson_hub.save_lesson(path, "Two views")
    lesson = load_lesson(path, NAMES)
    assert [s.text for s in lesson.steps] == ["First look at the drawing.", "Then at a test digit."]
    assert lesson.steps[0].drawing is not None and lesson.steps[1].digit == 7
    with qtbot.waitSignal(win.state.capture_changed, timeout=20_000):
        win.lesson_hub.start(lesson)
    assert np.allclose(win.state.image, drawing, atol=1 / 255)  # 8-bit grey levels, like an image file


def test_a_lesson_hides_controls_and_gives_them_back(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    win = window
    hidden = ("draw.open_button", "lab.train_button", "draw.brush")
    lesson = Lesson("Quiet", (Step("Just look.", tab="draw"), Step("And here.", tab="lab")), hidden)
    targets = [find_target(win, name) for name in hidden]
    assert not any(t.isHidden() for t in targets)
    win.lesson_hub.start(lesson)
    assert all(t.isHidden() for t in targets)
    assert not win.tab_widgets["draw"].inputs.clear_button.isHidden()  # only what the lesson names
    win.lesson_hub.panel.next_button.click()
    assert all(t.isHidden() for t in targets)
    win.lesson_hub.panel.end_button.click()
    assert not any(t.isHidden() for t in targets)
    win.lesson_hub.start(lesson)
    assert all(t.isHidden() for t in targets)
    win.lesson_hub.panel.close()  # closing the panel ends the lesson too
    assert not any(t.isHidden() for t in targets) and win.lesson_hub.driver.lesson is None
    assert not win.lesson_hub.driver.highlight.isVisible()


def test_a_bad_lesson_file_is_named_and_nothing_changes(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = window
    image = win.state.image.copy()
    path = tmp_path / "broken.json"
    path.write_text('{"format": "cnnviz-lesson", "version": 1, "title": "x", "steps": [{"text": "a", '
                    '"tab": "gallery"}]}', encoding="utf-8")
    tab = win.tabs.currentIndex()
    assert not win.lesson_hub.open_lesson_file(path)
    assert win.last_error.startswith("broken.json: step 1: unknown tab “gallery”")
    assert "Traceback" not in win.last_error
    assert np.array_equal(win.state.image, image) and win.tabs.currentIndex() == tab


def test_exercises_are_checked_explained_scored_and_revealed(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    win = window
    hub = win.lesson_hub
    _, panel = hub.ensure_ui()
    exercises = panel.exercises
    for kind in ("prediction", "pool_winner", "vertical_edge", "parameters"):
        question = exercises.ask(kind)
        assert question is not None and exercises.prompt.text() == question.prompt
        right = int(question.answer)
        if question.choices:
            assert [b.text() for b in exercises.choice_buttons] == list(question.choices)
            exercises.choice_buttons[right].click()
        else:
            exercises.number.setText(str(right))
            exercises.check_button.click()
        assert exercises.result.text().startswith("Right!") and question.explanation in exercises.result.text()
    assert exercises.score.right == 4 and exercises.score_label.text().startswith("4 of 4")
    if exercises.question is not None and exercises.question.kind == "vertical_edge":
        assert exercises.pictures.isVisible()

    question = exercises.ask("cell_value")
    assert question is not None and question.cell is not None
    exercises.number.setText(str(question.answer + 100))
    exercises.check_button.click()
    assert exercises.result.is_error and f"{question.answer:.2f}" in exercises.result.text()
    assert exercises.score_label.text().startswith("4 of 5")
    exercises.reveal_button.click()
    explain = win.tab_widgets["explain"]
    assert win.tabs.currentWidget() is explain and explain.views.currentWidget() is explain.cell_view
    assert tuple(explain.cell_view.selection) == question.cell
    assert explain.cell_view.explanation.result == pytest.approx(question.answer, abs=1e-6)


def test_the_worksheet_pdf_holds_the_numbers_and_questions(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pypdf = pytest.importorskip("pypdf")
    win = window
    _restore_test_state(win, qtbot)
    path = tmp_path / "worksheet.pdf"
    assert win.lesson_hub.print_worksheet(path, seed=3)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)
    flat = " ".join(text.split())
    cap, names = win.state.capture, win.state.data.class_names
    dp = win.tab_widgets["explain"].cell_view.dot_product  # the cell on screen: conv2 (2, 4, 5)
    assert f"map {dp.channel + 1} of conv2, row {dp.row + 1}, column {dp.col + 1}" in flat
    assert f"{dp.pre_activation:.2f}" in flat and f"{dp.bias:.2f}" in flat
    assert f"predicts {names[cap.prediction]}" in flat
    for prompt in ("Which class will", "which one survives?", "came from the vertical-edge",
                   "How many parameters", "What value will map"):
        assert prompt in flat, prompt
    assert flat.count("Answer: _") == 5 and "Answers (for the teacher)" in flat  # room to write, then the key
    assert f"1. Answer: {names[cap.prediction]}." in flat
    assert not win.lesson_hub.print_worksheet(tmp_path / "no-such-folder" / "w.pdf")
    assert "could not be written" in win.last_error


def test_the_glossary_shows_every_term_where_the_app_shows_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    win = window
    names = {t.name.lower() for t in GLOSSARY}
    for needed in ("relu", "logits", "softmax", "receptive field", "stride", "padding", "feature map", "pooling",
                   "grad-cam", "saliency", "occlusion", "batch norm", "residual (skip) connection", "parameter",
                   "epoch"):
        assert needed in names, needed
    win.lesson_hub.show_glossary()
    dialog = win.lesson_hub.glossary
    assert dialog.isVisible() and dialog.table.rowCount() == len(GLOSSARY)
    for row, term in enumerate(GLOSSARY):
        assert term.tab in TABS and term.target in NAMES and (term.view is None or term.view in VIEWS[term.tab])
        dialog.table.selectRow(row)
        dialog.show_button.click()
        assert win.tabs.currentWidget() is win.tab_widgets[term.tab]
        target = find_target(win, term.target)
        assert target is not None and target.isVisible(), term.name
        highlight = win.lesson_hub.driver.highlight
        assert highlight.isVisible() and highlight.target is target


def test_the_shortcut_list_is_read_from_the_actions(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    win = window
    extra = QAction("Zoom the &map", win)
    extra.setShortcut("Ctrl+Shift+M")
    win.addAction(extra)
    dialog = win.lesson_hub.show_shortcuts()
    qtbot.addWidget(dialog)
    rows = dict(dialog.rows)
    assert rows["Zoom the map"] == extra.shortcut().toString(extra.shortcut().SequenceFormat.NativeText)
    assert rows["Open model…"] == win.open_action.shortcut().toString(extra.shortcut().SequenceFormat.NativeText)
    assert "Lessons" in rows and "Draw & explore" in rows
    assert dialog.table.rowCount() == len(dialog.rows)


def test_lessons_are_offered_on_the_apps_first_start_only(qtbot, window_factory, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          trained_explorer) -> None:
    from ui.main_window import MainWindow
    from ui.preferences import open_preferences

    quiet = window_factory(model_path=trained_explorer[2])  # tests' windows: never offered
    with qtbot.waitSignal(quiet.ready, timeout=20_000):
        quiet.start()
    assert quiet.lesson_hub.offer is None

    shown = {}
    for offer in (True, False):
        store = open_preferences(tmp_path / f"settings-{offer}.ini")
        store.prefs.lessons.offer = offer
        win = MainWindow(None, store, model_path=trained_explorer[2])
        qtbot.addWidget(win)
        win.show()
        with qtbot.waitSignal(win.ready, timeout=60_000):
            win.start()
        shown[offer] = win.lesson_hub.offer is not None and win.lesson_hub.offer.isVisible()
        if offer:
            win.lesson_hub.offer.start_button.click()
            assert not win.lesson_hub.offer.isVisible() and not store.prefs.lessons.offer
            assert win.lesson_hub.panel.isVisible() and win.lesson_hub.driver.lesson is not None
        win.close()
    assert shown == {True: True, False: False}


def test_the_fc_vs_cnn_lesson_reads_the_labs_own_run(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Lesson 6's numbers are the Training lab's: its form's parameter counts, then its finished run's errors."""
    from cnnviz.lab import build_pair
    from cnnviz.models.staged import count_parameters

    win = window
    hub = win.lesson_hub
    lab = win.tab_widgets["lab"]
    for spin, value in ((lab.controls.epochs, 1), (lab.controls.train_samples, 500), (lab.controls.test_samples, 300)):
        spin.setValue(value)  # a short run, set in the lab's own form
    lesson = next(x for x in builtin_lessons() if "FC" in x.title)
    hub.ensure_ui()
    with qtbot.waitSignal(hub.driver.text_ready, timeout=20_000):
        hub.start(lesson)
    fc, cnn = (count_parameters(m) for m in build_pair(lab.config()))
    assert f"{fc:,}" in hub.panel.text.text() and f"{cnn:,}" in hub.panel.text.text()
    with qtbot.waitSignal(hub.driver.text_ready, timeout=20_000):
        hub.panel.next_button.click()
    assert "not run yet" in hub.panel.text.text()
    with qtbot.waitSignal(lab.run_finished, timeout=120_000) as finished:
        lab.train_button.click()
    result = finished.args[0]
    qtbot.waitUntil(lambda: "not run yet" not in hub.panel.text.text(), timeout=20_000)
    text = hub.panel.text.text()
    assert f"FC {result.fc.test_errors:,}, CNN {result.cnn.test_errors:,}" in text
    assert f"of {result.fc.test_samples:,} test digits" in text


def test_the_learner_plays_at_any_step_and_the_numbers_follow(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """A step's text is rendered again from whatever the learner puts on the canvas; nothing is set back."""
    win = window
    hub = win.lesson_hub
    hub.ensure_ui()
    lesson = Lesson("Mine", (Step("It says {prediction} with {probability}.", tab="draw", digit=0, stage="softmax"),))
    with qtbot.waitSignal(hub.driver.applied, timeout=20_000):
        hub.start(lesson)
    qtbot.waitUntil(lambda: hub.panel.text.text().startswith("It says"), timeout=20_000)
    data, draw = win.state.data, win.tab_widgets["draw"]
    other = int(np.flatnonzero(data.test_labels != data.test_labels[0])[0])
    with qtbot.waitSignal(win.state.capture_changed, timeout=20_000):
        draw.show_test_digit(other)  # the learner picks another digit mid-lesson
    expected = f"It says {data.class_names[win.state.capture.prediction]} with"
    qtbot.waitUntil(lambda: hub.panel.text.text().startswith(expected), timeout=20_000)
    assert np.array_equal(win.state.image, to_unit(data.test_images[other]))  # the lesson did not put its digit back
    assert draw.pipeline.current_stage.name == "softmax"


def test_the_frame_lets_go_of_a_widget_that_is_rebuilt(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """A new model with other filter sizes rebuilds the Filters tab's panels: the frame hides, nothing breaks."""
    from cnnviz.models import build_model
    from cnnviz.training import CheckpointMeta

    win = window
    term = next(t for t in GLOSSARY if t.target == "filters.learned")
    win.lesson_hub.show_term(term)
    highlight = win.lesson_hub.driver.highlight
    assert highlight.isVisible()
    model = build_model("explorer_cnn", conv1_filters=4, conv2_filters=6)
    with qtbot.waitSignal(win.state.capture_changed, timeout=20_000):
        win.state.set_model(model, CheckpointMeta(model="explorer_cnn", model_kwargs={"conv1_filters": 4,
                                                                                       "conv2_filters": 6}))
    qtbot.waitUntil(lambda: not highlight.isVisible(), timeout=5_000)
    win.lesson_hub.show_term(term)  # the new panel is found and framed
    assert highlight.isVisible() and highlight.target is find_target(win, "filters.learned")


def test_a_step_written_for_another_model_says_so(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    hub = window.lesson_hub
    hub.ensure_ui()
    with qtbot.waitSignal(hub.driver.text_ready, timeout=20_000):
        hub.start(Lesson("LeNet", (Step("Its first layer has {stage:conv1.channels} maps.", model="lenet5"),)))
    text = hub.panel.text.text()
    assert text.startswith("(This step is written for lenet5: open one with File → Open model.)")
    assert text.endswith(f"has {window.state.capture.stage('conv1').shape[0]} maps.")  # still the live model's numbers
