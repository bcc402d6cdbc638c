"""The "Draw & explore" tab: drawing, live prediction, the pipeline, step-through and pooling zoom."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from PyQt6.QtCore import QPointF, Qt
from PyQt6.QtTest import QTest
from PyQt6.QtWidgets import QApplication

from cnnviz.format import format_probability
from cnnviz.introspect import capture
from cnnviz.models import build_model
from cnnviz.training import CheckpointMeta
from ui.canvas import RASTER
from ui.colormaps import value_range
from ui.draw.tab import DrawTab
from ui.preferences import Preferences
from ui.state import AppState
from ui.theme import configure_plots

configure_plots()


@pytest.fixture
def tab(draw_tab: DrawTab) -> DrawTab:
    return draw_tab  # conftest.py: the explorer CNN, showing test digit #0


def wait_for_capture_of(qtbot, tab: DrawTab) -> None:  # type: ignore[no-untyped-def]
    """Wait until the shown capture belongs to what the canvas holds now."""
    expected = tab.canvas.input_image()
    assert expected is not None
    qtbot.waitUntil(lambda: tab.state.capture is not None
                    and np.allclose(tab.state.capture.stages[0].output[0], expected), timeout=10_000)


def overview_images(tab: DrawTab) -> list[np.ndarray]:
    return [picture.copy() for picture in tab.pipeline.strip.pictures()]


def trace_strokes(digit: np.ndarray, threshold: int = 110) -> list[list[tuple[float, float]]]:
    """Strokes that trace a 28×28 digit at canvas scale: one pen stroke along every run of ink in each row."""
    cell = RASTER / 28
    strokes = []
    for r, row in enumerate(digit):
        ink = np.flatnonzero(row > threshold)
        if ink.size == 0:
            continue
        runs = np.split(ink, np.flatnonzero(np.diff(ink) > 1) + 1)
        for run in runs:
            y = (r + 0.5) * cell
            strokes.append([((run[0] + 0.5) * cell, y), ((run[-1] + 0.5) * cell, y)])
    return strokes


def test_mouse_stroke_updates_prediction_and_every_stage(qtbot, tab: DrawTab) -> None:
    before = overview_images(tab)
    assert tab.state.true_label == int(tab.state.data.test_labels[0])
    canvas = tab.canvas
    QTest.keyClick(canvas, Qt.Key.Key_Escape)  # start from an empty canvas
    path = [(140, 40), (142, 90), (141, 140), (139, 190), (140, 240)]  # a "1"
    points = [canvas.from_raster(x, y).toPoint() for x, y in path]
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for p in points[1:]:
        QTest.mouseMove(canvas, p)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])
    assert canvas.stroke_count == 1
    wait_for_capture_of(qtbot, tab)

    cap = tab.state.capture
    assert cap is not None
    after = overview_images(tab)
    assert len(after) == len(cap.stages) == 8  # input, conv1, pool1, conv2, pool2, flatten, fc, softmax
    for stage, old, new in zip(cap.stages, before, after, strict=True):
        assert old.shape != new.shape or not np.array_equal(old, new), f"stage {stage.name} did not update"
    assert tab.state.true_label is None  # drawn over: no longer a labelled test digit
    assert np.allclose(tab.chart.probabilities, cap.probabilities)
    assert tab.prediction_label.text().startswith(f"It's a {cap.prediction}")
    assert cap.prediction == 1


def test_picked_test_digit_shows_its_true_class_predicted(qtbot, tab: DrawTab) -> None:
    labels = tab.state.data.test_labels
    for digit in (0, 3, 5, 8):
        index = int(np.flatnonzero(labels == digit)[1])
        tab.index_spin.setValue(index)
        QTest.mouseClick(tab.inputs.show_button, Qt.MouseButton.LeftButton)
        wait_for_capture_of(qtbot, tab)
        assert tab.state.true_label == digit
        assert tab.state.capture is not None and tab.state.capture.prediction == digit
        assert tab.inputs.truth_label.text() == f"True class: {digit} — ✓ correct"
        assert tab.prediction_label.text().startswith(f"It's a {digit}")


def test_random_digit_of_a_class(qtbot, tab: DrawTab) -> None:
    index = tab.random_test_digit(6)
    assert tab.state.data.test_labels[index] == 6
    assert tab.index_spin.value() == index
    wait_for_capture_of(qtbot, tab)
    assert tab.state.true_label == 6


def test_clear_undo_and_the_empty_state(qtbot, tab: DrawTab) -> None:
    canvas = tab.canvas
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.state.image is None)
    assert canvas.is_empty
    assert tab.prediction_label.text() == "Draw a digit"
    assert np.all(np.isfinite(tab.chart.probabilities)) and not tab.chart.probabilities.any()
    assert tab.pipeline.capture is None

    canvas.draw_stroke([(80, 60), (200, 60), (120, 240)])  # a "7": bar, then the diagonal
    one_stroke = canvas.input_image()
    canvas.draw_stroke([(100, 150), (180, 150)])  # its cross-bar
    assert canvas.stroke_count == 2
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert canvas.stroke_count == 1
    assert np.array_equal(canvas.input_image(), one_stroke)
    wait_for_capture_of(qtbot, tab)

    QTest.keyClick(canvas, Qt.Key.Key_Delete)
    assert canvas.is_empty
    canvas.undo()  # a clear can be taken back too: nothing is lost
    assert canvas.stroke_count == 1
    assert canvas.undo() and canvas.is_empty  # before the first stroke
    assert canvas.undo() and canvas.true_label == int(tab.state.data.test_labels[0])  # test digit #0 again
    assert canvas.undo() and canvas.is_empty  # as the tab started
    assert not canvas.undo()


def test_stage_selection_channel_and_step_through_keys(qtbot, tab: DrawTab) -> None:
    pipeline = tab.pipeline
    names = [s.name for s in tab.state.capture.stages]  # type: ignore[union-attr]
    # clicking a stage in the overview selects it
    box = pipeline.strip.boxes[2]
    view = pipeline.strip
    centre = view.mapFromScene(box.mapToScene(box.boundingRect().center()))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    qtbot.waitUntil(lambda: pipeline.current == 2)
    assert pipeline.table.currentRow() == 2
    assert "Pool1" in pipeline.focus.title.text

    QTest.keyClick(tab.canvas, Qt.Key.Key_Right)  # arrows pass through the canvas to the step-through
    assert pipeline.current_stage is not None and pipeline.current_stage.name == names[3]
    assert pipeline.caption.text().startswith(f"<b>{pipeline.current_stage.title}.</b>")
    QTest.keyClick(tab, Qt.Key.Key_Left)
    QTest.keyClick(tab, Qt.Key.Key_Left)
    assert pipeline.current == 1
    QTest.mouseClick(pipeline.next_button, Qt.MouseButton.LeftButton)
    assert pipeline.current == 2
    pipeline.select_stage(0)
    assert not pipeline.previous_stage() and not pipeline.prev_button.isEnabled()

    pipeline.select_stage(1)  # conv1: 8 maps of 28×28
    focus = pipeline.focus
    all_maps = focus.item.image.shape
    assert focus.tile_labels() == [str(c) for c in range(1, 9)]  # maps counted from 1
    pipeline.select_channel(5)
    assert focus.item.image.shape[:2] == (28, 28)
    (top, bottom) = focus.box.viewRange()[1]
    assert 28 <= bottom - top < 32  # the one map fills the view (the tile numbers are gone, not in the way)
    assert focus.tile_labels() == []
    assert all_maps[0] > 28 and "map 6" in focus.title.text
    focus.item.hover(3, 4)
    expected = tab.state.capture.stages[1].output[5, 3, 4]  # type: ignore[union-attr]
    assert pipeline.readout.text() == f"map 6, row 4, column 5 = {expected:.3f}"
    pipeline.select_channel(None)
    assert focus.item.image.shape == all_maps
    (top, bottom) = focus.box.viewRange()[1]
    assert bottom - top >= all_maps[0]
    # conv2's overview: 16 maps of 14×14 in a 4×4 grid with 1-pixel gaps; pixel (15, 15) starts tile row 2, col 2
    pipeline.strip.items[3].click(15, 15)
    assert pipeline.current == 3 and pipeline.channel == 5


def test_play_walks_to_the_prediction_and_stops(qtbot, tab: DrawTab) -> None:
    pipeline = tab.pipeline
    pipeline.pace.setValue(pipeline.pace.minimum())
    visited: list[int] = []
    pipeline.stage_selected.connect(visited.append)
    QTest.mouseClick(pipeline.play_button, Qt.MouseButton.LeftButton)
    assert pipeline.is_playing
    qtbot.waitUntil(lambda: not pipeline.is_playing, timeout=20_000)
    assert visited[-(pipeline.stage_count - 1):] == list(range(1, pipeline.stage_count))
    assert pipeline.current == pipeline.stage_count - 1
    assert pipeline.play_button.text() == "Play"


def test_open_image_files_and_refuse_what_is_not_one(qtbot, tab: DrawTab, tmp_path: Path) -> None:
    digit = tab.state.data.test_images[1]  # a 2, saved as dark ink on paper at phone-photo size
    paper = Image.fromarray(255 - digit).resize((224, 224))
    png = tmp_path / "two.png"
    paper.save(png)
    assert tab.load_image_file(png)
    wait_for_capture_of(qtbot, tab)
    assert tab.state.capture is not None and tab.state.capture.prediction == 2
    kept = tab.canvas.input_image()

    bad = tmp_path / "notes.png"
    bad.write_text("this is not an image")
    with qtbot.waitSignal(tab.canvas.error) as blocker:
        assert not tab.load_image_file(bad)
    assert "notes.png" in blocker.args[0] and "not an image" in blocker.args[0]
    assert tab.message.isVisible() and "not an image" in tab.message.text()
    assert np.array_equal(tab.canvas.input_image(), kept)  # the drawing is kept

    blank = tmp_path / "blank.jpg"
    Image.new("L", (64, 64), 255).save(blank)
    assert not tab.load_image_file(blank)
    assert "blank" in tab.canvas.last_error


def test_hand_drawn_digits_are_classified_like_test_digits(qtbot, tab: DrawTab, trained_explorer) -> None:
    """Ten digits drawn stroke by stroke (traced from test digits) score like the test digits themselves."""
    model, meta, _ = trained_explorer
    data = tab.state.data
    indices = [int(np.flatnonzero(data.test_labels == d)[2]) for d in range(10)]
    drawn_hits = raw_hits = 0
    for index in indices:
        label = int(data.test_labels[index])
        raw_hits += capture(model, data.test_images[index]).prediction == label
        tab.canvas.clear()
        for stroke in trace_strokes(data.test_images[index]):
            tab.canvas.draw_stroke(stroke, width=14)
        wait_for_capture_of(qtbot, tab)
        drawn_hits += tab.state.capture.prediction == label  # type: ignore[union-attr]
    assert meta.test_accuracy is not None
    assert drawn_hits >= raw_hits - 1
    assert drawn_hits / 10 >= meta.test_accuracy - 0.15


def test_canvas_point_mapping_round_trips(qtbot, tab: DrawTab) -> None:
    canvas = tab.canvas
    widget_point = canvas.from_raster(70.0, 210.0)
    back = canvas.to_raster(widget_point)
    assert abs(back.x() - 70.0) < 1e-6 and abs(back.y() - 210.0) < 1e-6


def test_a_model_without_metadata_still_draws(qtbot, app_state: AppState) -> None:
    """A freshly built CNN (random weights) gives a valid, finite prediction for a drawing."""
    state = app_state
    widget = DrawTab(state, Preferences())
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_model(build_model("small_cnn"), CheckpointMeta("small_cnn", {}))
    widget.canvas.draw_stroke([(100, 60), (180, 240)])
    wait_for_capture_of(qtbot, widget)
    assert np.isfinite(widget.chart.probabilities).all()
    assert abs(widget.chart.probabilities.sum() - 1) < 1e-4
    assert widget.pipeline.stage_count == len(state.capture.stages)  # type: ignore[union-attr]


def test_drawing_before_the_model_is_ready_waits_then_predicts(qtbot, app_state: AppState, trained_explorer) -> None:
    widget = DrawTab(app_state, Preferences())
    qtbot.addWidget(widget)
    widget.show()
    widget.canvas.draw_stroke([(140, 40), (140, 240)])
    assert app_state.image is not None and app_state.capture is None
    assert widget.prediction_label.text() == "The model is still training…"
    assert widget.inputs.input_item.image.shape[:2] == (28, 28)  # the 28×28 input is shown already
    model, meta, _ = trained_explorer
    with qtbot.waitSignal(app_state.capture_changed, timeout=10_000):
        app_state.set_model(model, meta)
    assert widget.canvas.stroke_count == 1  # the drawing was kept, not replaced by a test digit
    assert widget.prediction_label.text().startswith("It's a ")
    assert widget.pipeline.stage_count == 8


def pen_stroke(canvas, pressure: float) -> None:  # type: ignore[no-untyped-def]
    """A pen stroke straight down the middle, sent as real tablet events."""
    from PyQt6.QtCore import QEvent
    from PyQt6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
    from PyQt6.QtWidgets import QApplication

    pen = QPointingDevice("test pen", 1, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
                          QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 1)
    kinds = (QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.TabletRelease)
    for kind, y in zip(kinds, (60.0, 140.0, 220.0), strict=True):
        pos = canvas.from_raster(140.0, y)
        event = QTabletEvent(kind, pen, pos, QPointF(canvas.mapToGlobal(pos)), pressure, 0.0, 0.0, 0.0, 0.0, 0.0,
                             Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton)
        QApplication.sendEvent(canvas, event)


def test_pen_draws_and_pressure_sets_the_line_width(qtbot, tab: DrawTab) -> None:
    canvas = tab.canvas
    canvas.clear()
    pen_stroke(canvas, pressure=0.1)
    assert canvas.stroke_count == 1
    light = canvas.raster().sum()
    canvas.clear()
    pen_stroke(canvas, pressure=1.0)
    firm = canvas.raster().sum()
    assert light > 0 and firm > 1.5 * light
    wait_for_capture_of(qtbot, tab)
    assert tab.state.capture is not None and tab.state.capture.prediction == 1


def drop_files(canvas, paths: list[Path]) -> bool:  # type: ignore[no-untyped-def]
    """Drag files over the canvas and drop them, as a file manager would; True when the drop was taken."""
    from PyQt6.QtCore import QMimeData, QUrl
    from PyQt6.QtGui import QDragEnterEvent, QDropEvent
    from PyQt6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = canvas.rect().center()
    enter = QDragEnterEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(canvas, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(canvas, drop)
    return True


def test_dropping_an_image_file_classifies_it(qtbot, tab: DrawTab, tmp_path: Path) -> None:
    digit = tab.state.data.test_images[2]  # a 1, as a light-on-dark JPEG
    jpeg = tmp_path / "one.jpg"
    Image.fromarray(digit).resize((140, 140)).save(jpeg, quality=90)
    assert drop_files(tab.canvas, [jpeg])
    wait_for_capture_of(qtbot, tab)
    assert tab.state.capture is not None and tab.state.capture.prediction == 1

    junk = tmp_path / "readme.txt"
    junk.write_text("hello")
    kept = tab.canvas.input_image()
    with qtbot.waitSignal(tab.canvas.error):
        assert drop_files(tab.canvas, [junk])
    assert np.array_equal(tab.canvas.input_image(), kept)
    assert "readme.txt" in tab.message.text()


# -- defects of the issue "Every defect…" (numbers as there) ---------------------------------------
def test_arrow_keys_step_even_right_after_clicking_a_control(qtbot, tab: DrawTab) -> None:
    """8: the first ←/→ after clicking a button (or the brush slider) was swallowed by that control."""
    pipeline = tab.pipeline
    pipeline.select_stage(0)
    tab.activateWindow()  # keys go to the active window
    qtbot.waitUntil(tab.isActiveWindow)
    for control in (tab.inputs.show_button, tab.inputs.random_button, tab.brush_slider):
        QTest.mouseClick(control, Qt.MouseButton.LeftButton)
        wait_for_capture_of(qtbot, tab)
        control.setFocus()  # where a real click leaves the focus when the control takes it
        start = pipeline.current
        brush = tab.brush_slider.value()
        QTest.keyClick(QApplication.focusWidget() or control, Qt.Key.Key_Right)
        assert pipeline.current == start + 1, f"→ after clicking {control.objectName() or type(control).__name__}"
        assert tab.brush_slider.value() == brush


def test_probability_is_never_rounded_up_to_certainty(qtbot, tab: DrawTab) -> None:
    """5: one formatter (">99.9%", one decimal) and the sentence that the network must pick a class."""
    labels = tab.state.data.test_labels
    for index in (int(np.flatnonzero(labels == 3)[0]), 0):
        tab.show_test_digit(index)
        wait_for_capture_of(qtbot, tab)
        cap = tab.state.capture
        assert cap is not None
        p = float(cap.probabilities[cap.prediction])
        text = tab.prediction_label.text()
        assert text == f"It's a {cap.prediction} ({format_probability(p)})"
        assert p >= 1.0 or "(100%)" not in text
    note = tab.inputs.forced_choice
    assert note.isVisible() and "must pick one of its 10 classes" in note.text()


def test_map_scale_is_followed_and_said_next_to_the_bar(qtbot, tab: DrawTab) -> None:
    """4: the enlarged map says which scale it uses; "map" stretches each map over its own range."""
    pipeline, focus = tab.pipeline, tab.pipeline.focus
    cap = tab.state.capture
    assert cap is not None
    conv1 = cap.stages[1].output
    pipeline.select_stage(1)
    pipeline.select_channel(2)
    assert focus.bar.levels() == pytest.approx(value_range(conv1))  # one scale for the stage
    assert focus.scale_label.isVisible() and "shared by all maps" in focus.scale_label.text()
    with qtbot.waitSignal(tab.state.display_changed):
        tab.state.set_map_scale("map")  # the View menu's choice
    assert focus.bar.levels() == pytest.approx(value_range(conv1[2]))  # this map's own range
    assert "own scale" in focus.scale_label.text()
    pipeline.select_channel(None)
    picture = focus.picture
    assert picture is not None and picture.grid is not None
    for c in range(8):  # every tile reaches the top of the scale (unless the map is all 0)
        y, x = picture.grid.origin(c)
        tile = picture.values[y : y + 28, x : x + 28]
        assert tile.max() == pytest.approx(1.0 if conv1[c].max() > conv1[c].min() else 0.0)
    focus.item.hover(1, 1)  # the readout still gives the real value, not the stretched one
    assert pipeline.readout.text().endswith(f"= {conv1[0, 1, 1]:.3f}")


def test_class_values_are_written_apart(qtbot, tab: DrawTab) -> None:
    """8: the FC stage's ten numbers ran together ("-15.57-17.01-14.19"), worst in a 1024-px window."""
    focus = tab.pipeline.focus
    tab.pipeline.select_stage(6)  # FC: 10 class scores
    with qtbot.waitSignal(focus.box.sigResized, timeout=5000):
        tab.resize(1024, 620)  # the smallest window the app supports: the focus view is narrowest there
    labels = focus.value_labels()
    assert len(labels) == 10
    a, b = focus.box.mapViewToDevice(QPointF(0, 0)), focus.box.mapViewToDevice(QPointF(1, 0))
    cell = b.x() - a.x()  # on-screen width of one value's cell
    widest = max(label.textItem.boundingRect().width() for label in labels)  # text is drawn unscaled
    assert widest < cell, f"values {widest:.0f} px wide in cells of {cell:.0f} px"


def test_eight_maps_fill_their_grid_and_silent_maps_are_explained(qtbot, app_state, trained_explorer) -> None:  # type: ignore[no-untyped-def]
    """8: an empty ninth tile in 8-map grids, and a map that stays 0 (a dead filter) went unexplained."""
    model = copy.deepcopy(trained_explorer[0])
    with torch.no_grad():
        model.conv1[0].bias[4] = -1e3  # filter 5 can never fire: its map is 0 everywhere after ReLU
    widget = DrawTab(app_state, Preferences())
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(app_state.capture_changed, timeout=10_000):
        app_state.set_model(model, trained_explorer[1])
    widget.pipeline.select_stage(1)
    grid = widget.pipeline.focus.picture.grid  # type: ignore[union-attr]
    assert grid is not None and grid.rows * grid.cols == 8  # 2 rows of 4: no empty tile
    assert "8 maps in 2 rows of 4" in widget.pipeline.caption.text()
    assert "Map 5 stay at 0" in widget.pipeline.caption.text() and "dead" in widget.pipeline.caption.text()


def test_draw_preferences_are_bound(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    prefs = Preferences()
    prefs.draw.brush, prefs.draw.pace, prefs.draw.test_index = 31, 4.5, 123
    widget = DrawTab(app_state, prefs)
    qtbot.addWidget(widget)
    assert widget.canvas.brush_size == 31 and widget.pipeline.pace.value() == 4.5
    assert widget.index_spin.value() == 123
    widget.brush_slider.setValue(12)
    widget.pipeline.pace.setValue(1.5)
    widget.show_test_digit(7)
    assert (prefs.draw.brush, prefs.draw.pace, prefs.draw.test_index) == (12, 1.5, 7)


def test_a_dab_asks_to_keep_drawing(qtbot, tab: DrawTab) -> None:
    """11: a first small mark is not a digit yet: the tab says "keep drawing" until the mark is digit-sized."""
    tab.canvas.clear()
    tab.canvas.draw_stroke([(140, 140), (146, 144)])  # a dab
    assert tab.message.isVisible() and "Keep drawing" in tab.message.text()
    tab.canvas.draw_stroke([(140, 40), (140, 240)])  # now a "1" from top to bottom
    assert not tab.message.isVisible()
