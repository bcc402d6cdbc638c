"""Behind a number without a mouse: arrow keys move the cell, Enter explains it; each map has a text alternative."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PyQt6.QtCore import Qt

from cnnviz.introspect import capture
from cnnviz.introspect.describe import describe_map, map_region
from cnnviz.models import build_model
from ui.explain.cell_view import CellView


def test_a_map_in_words_names_the_strongest_cell_and_the_share_of_active_cells() -> None:
    rng = np.random.default_rng(3)
    for shape in [(28, 28), (5, 7), (1, 1), (12, 4)]:
        values = rng.normal(size=shape).astype(np.float32)
        text = str(describe_map(values))
        row, col = np.unravel_index(np.argmax(values), shape)  # independently: NumPy's argmax and share > 0
        assert f"(row {row + 1}, column {col + 1})" in text
        assert f"{round(100 * np.count_nonzero(values > 0) / values.size)}% of cells active" in text


@pytest.mark.parametrize(("row", "col", "words"), [(0, 0, "top-left"), (1, 26, "top-right"), (14, 14, "centre"),
                                                   (27, 0, "bottom-left"), (13, 27, "middle-right"),
                                                   (27, 13, "bottom")])
def test_the_strongest_cell_is_placed_in_a_ninth_of_the_map(row: int, col: int, words: str) -> None:
    values = np.full((28, 28), -1.0)
    values[row, col] = 5.0
    values[20:22, 20:22] = 0.5  # 4 weaker active cells
    text = str(describe_map(values))
    assert text.startswith(f"strongest response {words} ")
    assert f"{5 / 784:.0%} of cells active" in text
    assert str(map_region(row, col, 28, 28)) == words


def test_a_silent_map_says_so_and_a_wrong_shape_is_refused() -> None:
    assert str(describe_map(np.zeros((4, 4)))).startswith("no cell active")
    with pytest.raises(ValueError, match="height, width"):
        describe_map(np.zeros((2, 4, 4)))


@pytest.fixture
def view(qtbot, mnist):  # type: ignore[no-untyped-def]
    torch.manual_seed(0)
    model = build_model("explorer_cnn").eval()
    cap = capture(model, mnist.test_images[0] / 255.0)
    view = CellView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    with qtbot.waitSignal(view.cell_explained, timeout=5_000):  # the first example: the strongest last-conv cell
        view.set_source(model, cap)
        view.show()
    return view


def test_arrow_keys_move_the_cell_and_enter_explains_it(qtbot, view: CellView) -> None:  # type: ignore[no-untyped-def]
    assert view.selection is not None
    stage, channel, row, col = view.selection
    view.strip.setFocus()
    qtbot.keyClick(view.strip, Qt.Key.Key_Left)
    qtbot.keyClick(view.strip, Qt.Key.Key_Up)
    qtbot.keyClick(view.strip, Qt.Key.Key_Up)
    want = (max(row - 2, 0), max(col - 1, 0))
    assert view.selection == (stage, channel, row, col)  # moving alone explains nothing yet
    outline = view.stage_panels[stage].cell_outline.rect()
    assert (int(outline.top()), int(outline.left())) == want
    assert f"row {want[0] + 1}, column {want[1] + 1}" in view.key_cell.text()
    with qtbot.waitSignal(view.cell_explained, timeout=5_000):
        qtbot.keyClick(view.strip, Qt.Key.Key_Return)
    assert view.selection == (stage, channel, *want)
    assert view.capture is not None and view.explanation is not None
    value = float(view.capture.stage(stage).output[channel, want[0], want[1]])
    assert view.explanation.result == pytest.approx(value, abs=1e-4)  # the breakdown adds up to the map's value


def test_the_keys_stop_at_the_border_and_page_keys_change_the_layer(qtbot, view: CellView) -> None:  # type: ignore[no-untyped-def]
    stages = [s for s in view.stage_panels if s != "input"]
    assert view.capture is not None and view.selection is not None
    start = stages.index(view.selection[0])  # the keys start on the explained cell
    for _ in range(40):
        qtbot.keyClick(view.strip, Qt.Key.Key_Down)
        qtbot.keyClick(view.strip, Qt.Key.Key_Right)
    shape = view.capture.stage(stages[start]).output.shape
    assert view.key_position == (stages[start], shape[1] - 1, shape[2] - 1)
    qtbot.keyClick(view.strip, Qt.Key.Key_PageUp)
    assert view.key_position is not None and view.key_position[0] == stages[start - 1]
    with qtbot.waitSignal(view.cell_explained, timeout=5_000):
        qtbot.keyClick(view.strip, Qt.Key.Key_Enter)
    assert view.selection is not None and view.selection[0] == stages[start - 1]


def test_each_map_has_a_text_alternative_for_screen_readers(view: CellView) -> None:
    assert view.capture is not None
    description = view.strip.accessibleDescription()
    for name in view.stage_panels:
        lead = "brightest pixel" if name == "input" else "strongest response"
        assert str(describe_map(view.capture.stage(name).output[0], lead)) in description
    assert view.map_text.text().split() == description.split()
    assert view.strip.accessibleName() and view.strip.focusPolicy() == Qt.FocusPolicy.StrongFocus
