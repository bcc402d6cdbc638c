"""The "Kernel sandbox" tab: settings, kernel editing and the sliding window, as a learner uses them."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QApplication

from cnnviz.introspect import conv_filters
from ui.preferences import Preferences
from ui.sandbox.tab import SandboxTab
from ui.theme import configure_plots

configure_plots()


@pytest.fixture
def tab(qtbot, app_state) -> SandboxTab:  # type: ignore[no-untyped-def]
    state = app_state
    state.set_input(state.data.test_images[0] / 255.0, int(state.data.test_labels[0]))
    widget = SandboxTab(state, Preferences())
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def reference(tab: SandboxTab) -> np.ndarray:
    """The tab's convolution done by torch: the current input, kernel and setting (padding a number)."""
    s = tab.setting
    x = torch.from_numpy(np.asarray(tab.state.image, dtype=np.float64))[None, None]
    w = torch.from_numpy(tab.editor.kernel.astype(np.float64))[None, None]
    return F.conv2d(x, w, stride=s.stride, padding=s.padding, dilation=s.dilation)[0, 0].numpy()


def test_changing_a_setting_updates_the_output_map_and_the_formula(qtbot, tab: SandboxTab) -> None:
    assert tab.result is not None
    np.testing.assert_allclose(tab.result.output, reference(tab), atol=1e-5)
    with qtbot.waitSignal(tab.result_changed):
        tab.stride_spin.setValue(2)
    assert tab.prefs.stride == 2  # bound to the preferences
    result = tab.result
    assert result is not None and result.output.shape == (14, 14)  # ⌊(28 + 2 − 2 − 1)/2⌋ + 1
    np.testing.assert_allclose(result.output, reference(tab), atol=1e-5)
    picture = tab.view.output_panel.picture.image
    assert picture is not None and picture.shape[:2] == (14, 14)  # the map on screen is the new one
    assert "⌊(28 + 2·1 − 1·(3 − 1) − 1) / 2⌋ + 1 = ⌊27 / 2⌋ + 1 = 14" in tab.numbers.formula.text()
    with qtbot.waitSignal(tab.result_changed):
        tab.dilation_spin.setValue(3)
    assert "⌊(28 + 2·1 − 3·(3 − 1) − 1) / 2⌋ + 1 = ⌊23 / 2⌋ + 1 = 12" in tab.numbers.formula.text()
    assert "3·(3 − 1) + 1 = 7" in tab.numbers.formula.text()  # the receptive field follows
    with qtbot.waitSignal(tab.result_changed):
        tab.size_spin.setValue(5)
    assert tab.editor.kernel.shape == (5, 5)  # the preset is remade at the new size
    assert "5×5 = 25 weights + 1 bias = 26" in tab.numbers.formula.text()
    np.testing.assert_allclose(tab.result.output, reference(tab), atol=1e-5)


def test_padding_is_drawn_as_a_tinted_border_round_the_picture(qtbot, tab: SandboxTab) -> None:
    tab.padding_box.setCurrentIndex(tab.padding_box.findData("3"))
    picture = tab.view.input_panel.picture.image
    assert picture is not None and picture.shape[:2] == (34, 34)
    overlay = tab.view.input_panel.overlay.image
    assert overlay is not None
    alpha = overlay[..., 3].astype(int)
    window = tab.result.window(tab.position) if tab.result else None
    assert window is not None
    alpha[np.ix_(window.rows, window.cols)] = -1  # the window's own tint aside
    border = np.ones((34, 34), bool)
    border[3:31, 3:31] = False
    assert (alpha[border & (alpha >= 0)] > 0).all() and (alpha[~border & (alpha >= 0)] == 0).all()


def test_stepping_moves_the_highlighted_window(qtbot, tab: SandboxTab) -> None:
    tab.stride_spin.setValue(2)
    tab.play_button.click()  # from the last window back to the first
    tab.play_button.click()  # pause
    assert tab.position == 0
    outline = tab.view.input_panel.region_outline
    first = outline.rect()
    with qtbot.waitSignal(tab.position_changed):
        tab.forward_button.click()
    moved = outline.rect()
    assert (moved.left() - first.left(), moved.top() - first.top()) == (2, 0)  # one stride to the right
    assert moved.width() == first.width() == 3  # the window's span, k = 3
    under = np.pad(np.asarray(tab.state.image), 1)[0:3, 2:5]  # padding 1: the window's rows 0–2, columns 2–4
    np.testing.assert_allclose(tab.numbers.patch.values, under, atol=1e-6)  # the numbers under the window, shown
    tab.setFocus()
    with qtbot.waitSignal(tab.position_changed):
        qtbot.keyClick(tab, Qt.Key.Key_Left)
    assert tab.position == 0 and outline.rect() == first
    with qtbot.waitSignal(tab.position_changed):
        qtbot.keyClick(tab, Qt.Key.Key_Left)  # wraps round to the last window
    last = tab.result.window(tab.position) if tab.result else None
    assert last is not None and (last.row, last.col) == (13, 13)
    cell = tab.view.output_panel.cell_outline.rect()
    assert (cell.left(), cell.top()) == (13, 13)


def test_play_slides_the_window_and_fills_in_the_output(qtbot, tab: SandboxTab) -> None:
    tab.pace_spin.setValue(20)
    tab.play_button.click()
    assert tab.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: tab.position >= 3, timeout=5000)
    tab.play_button.click()
    assert not tab.timer.isActive()
    veil = tab.view.output_panel.overlay.image
    assert veil is not None
    flat = veil[..., 3].ravel()
    assert (flat[: tab.position + 1] == 0).all() and (flat[tab.position + 1 :] > 0).all()


def test_painting_and_typing_change_the_kernel(qtbot, tab: SandboxTab) -> None:
    tab.editor.brush.setValue(2.5)
    with qtbot.waitSignal(tab.result_changed):
        qtbot.mouseClick(tab.editor.grid, Qt.MouseButton.LeftButton, pos=tab.editor.grid.cell_centre(0, 2))
    assert tab.editor.kernel[0, 2] == 2.5 and tab.presets.currentData() == "custom"
    np.testing.assert_allclose(tab.result.output if tab.result else None, reference(tab), atol=1e-5)
    with qtbot.waitSignal(tab.result_changed):
        tab.editor.text.setPlainText("0 0 0\n0 1 0\n0 0 0")
    np.testing.assert_allclose(tab.result.output[:, :] if tab.result else None, tab.state.image, atol=1e-6)
    tab.editor.text.setPlainText("0 0 0\n0 one 0\n0 0 0")  # a typo: said, and the kernel kept
    assert "'one' is not a number" in tab.editor.problem.text() and tab.editor.kernel[1, 1] == 1


def test_drawing_a_new_input_convolves_it_live(qtbot, tab: SandboxTab) -> None:
    with qtbot.waitSignal(tab.result_changed):
        tab.state.set_input(tab.state.data.test_images[1] / 255.0)
    np.testing.assert_allclose(tab.result.output if tab.result else None, reference(tab), atol=1e-5)


def test_a_learned_filter_of_the_current_model_is_a_preset(qtbot, tab: SandboxTab, trained_explorer) -> None:
    model, meta, _ = trained_explorer
    tab.size_spin.setValue(5)
    with qtbot.waitSignal(tab.state.model_changed, timeout=10_000):
        tab.state.set_model(model, meta)
    labels = [tab.presets.itemText(i) for i in range(tab.presets.count())]
    assert "learned: conv1 filter 4" in labels
    tab.choose_preset("learned: conv1 filter 4")
    weights = conv_filters(model)[0].weights.sum(axis=1)[3]
    assert tab.prefs.kernel_size == 3 and tab.size_spin.value() == 3  # the filter's own size
    np.testing.assert_allclose(tab.editor.kernel, weights)
    np.testing.assert_allclose(tab.result.output if tab.result else None, reference(tab), atol=1e-5)


def test_a_preset_that_cannot_be_made_at_this_size_says_why(qtbot, tab: SandboxTab) -> None:
    tab.choose_preset("box blur")
    tab.size_spin.setValue(1)
    kept = tab.editor.kernel.copy()
    tab.choose_preset("Sobel y")
    assert "at least 2" in tab.status.text() and tab.status.is_error
    assert tab.presets.currentData() == "box blur"
    np.testing.assert_array_equal(tab.editor.kernel, kept)
    QApplication.processEvents()
