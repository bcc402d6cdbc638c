"""Switching maps off in "Draw & explore": the prediction and later stages follow, marks show, one click restores."""

from __future__ import annotations

import numpy as np
import pytest
from PyQt6.QtCore import Qt

from cnnviz.features.ablation import ablated_capture, rank_channels
from cnnviz.introspect import capture
from ui.draw.tab import DrawTab


@pytest.fixture
def tab(draw_tab: DrawTab) -> DrawTab:
    return draw_tab


def _ranked(qtbot, tab: DrawTab, stage: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: tab.ablation.ranking is not None and tab.ablation.ranking.stage == stage
                    and tab.ablation.table.rowCount() > 0, timeout=10_000)


def test_ranking_then_ticking_a_map_switches_it_off_live(qtbot, tab: DrawTab) -> None:  # type: ignore[no-untyped-def]
    state, panel = tab.state, tab.ablation
    assert state.model is not None and state.image is not None
    assert panel.stage == "conv2"
    _ranked(qtbot, tab, "conv2")
    expected = rank_channels(state.model, state.image, "conv2")
    assert panel.ranking is not None
    np.testing.assert_allclose(panel.ranking.drops, expected.drops, atol=1e-6)
    top = expected.order()[0]
    assert panel.table.item(0, 0).text() == str(top + 1)  # the map that matters most comes first

    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        panel.table.item(0, 1).setCheckState(Qt.CheckState.Checked)  # tick: switch it off
    assert state.ablation == {("conv2", top)}
    assert state.capture is not None
    truth = ablated_capture(state.model, state.image, state.ablation)
    np.testing.assert_allclose(state.capture.probabilities, truth.probabilities, atol=1e-6)
    assert not state.capture.stage("conv2").output[top].any()

    tab.refresh()  # the tab repaints lazily; the test needs it now
    conv2 = [s.name for s in state.capture.stages].index("conv2")
    tab.pipeline.select_stage(conv2)
    assert tab.focus_marks.marked == [top]  # crossed on the enlarged stage ...
    assert tab.strip_marks[conv2].marked == [top]  # ... and in the overview strip
    assert "conv2 map" in panel.summary.text() and panel.restore_button.isEnabled()
    assert f"Map {top + 1} is switched off" in tab.pipeline.caption.text()  # not called a dead filter
    assert f"Map {top + 1} stay" not in tab.pipeline.caption.text()
    qtbot.waitUntil(lambda: panel.table.item(panel.table.rowCount() - 1, 2).text() == "switched off", timeout=10_000)

    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        panel.restore_button.click()  # one click restores everything
    assert state.ablation == frozenset()
    np.testing.assert_allclose(state.capture.probabilities, capture(state.model, state.image).probabilities,
                               atol=1e-6)
    tab.refresh()
    assert tab.focus_marks.marked == [] and not panel.restore_button.isEnabled()


def test_the_enlarged_map_can_be_switched_off_and_prediction_follows_drawing(qtbot, tab: DrawTab) -> None:  # type: ignore[no-untyped-def]
    state = tab.state
    conv1 = [s.name for s in state.capture.stages].index("conv1")  # type: ignore[union-attr]
    tab.pipeline.select_stage(conv1)
    tab.pipeline.select_channel(4)
    assert tab.ablation.enlarged_button.text() == "Switch conv1 map 5 off"
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        tab.ablation.enlarged_button.click()
    assert state.ablation == {("conv1", 4)}
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        tab.show_test_digit(7)  # a new drawing is captured with the map still off
    assert state.image is not None and state.capture is not None and state.model is not None
    truth = ablated_capture(state.model, state.image, frozenset({("conv1", 4)}))
    np.testing.assert_allclose(state.capture.stage("fc").output, truth.stage("fc").output, atol=1e-5)
    tab.refresh()
    assert tab.ablation.enlarged_button.text() == "Switch conv1 map 5 back on"


def test_explain_says_when_a_map_it_breaks_down_is_switched_off(qtbot, app_state, trained_explorer) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.introspect import strongest_cell
    from ui.explain.tab import ExplainTab

    explain = ExplainTab(app_state)
    qtbot.addWidget(explain)
    explain.show()
    model, meta, _ = trained_explorer
    app_state.set_model(model, meta)
    image = np.asarray(app_state.data.test_images[0], dtype=np.float32) / 255.0
    with qtbot.waitSignal(app_state.capture_changed, timeout=10_000):
        app_state.set_input(image)
    plain = capture(model, image)
    channel = int(plain.stage("conv2").output.max(axis=(1, 2)).argmax())
    row, col = strongest_cell(plain, "conv2", channel)
    with qtbot.waitSignal(app_state.capture_changed, timeout=10_000):
        app_state.set_ablation(frozenset({("conv2", channel)}))
    assert "Switched off: conv2 map" in explain.summary.text()
    view = explain.cell_view
    view.refresh()
    view.select_cell("conv2", channel, row, col)
    assert view.explanation is not None and view.explanation.result > 0  # the arithmetic, as if it were on
    assert "This map is switched off" in view.breakdown_text.text()
    view.select_cell("conv2", (channel + 1) % 16, row, col)
    assert "switched off" not in view.breakdown_text.text()


def test_units_of_a_linear_stage_switch_off_and_are_crossed(qtbot, draw_tab: DrawTab) -> None:  # type: ignore[no-untyped-def]
    import torch

    from cnnviz.models import build_model
    from cnnviz.training import CheckpointMeta

    state, panel = draw_tab.state, draw_tab.ablation
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_ablation(frozenset({("conv2", 12)}))  # the explorer CNN's: it must not outlive its model
    torch.manual_seed(0)
    lenet = build_model("lenet5").eval()
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_model(lenet, CheckpointMeta(model="lenet5", model_kwargs=dict(lenet.arch_kwargs)))
    assert state.ablation == frozenset() and panel.summary.text() == "Every map is on."
    np.testing.assert_allclose(state.capture.probabilities, capture(lenet, state.image).probabilities, atol=1e-6)  # type: ignore[union-attr, arg-type]
    assert [panel.stage_combo.itemText(i) for i in range(panel.stage_combo.count())] == [
        "conv1", "conv2", "fc1", "fc2"]  # not fc3: its outputs are the class scores
    assert panel.select_stage("fc1")
    _ranked(qtbot, draw_tab, "fc1")
    assert panel.table.rowCount() == 120
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        panel.toggle("fc1", 17)
    assert state.image is not None and state.capture is not None
    truth = ablated_capture(lenet, state.image, frozenset({("fc1", 17)}))
    np.testing.assert_allclose(state.capture.probabilities, truth.probabilities, atol=1e-6)
    draw_tab.refresh()
    draw_tab.pipeline.select_stage([s.name for s in state.capture.stages].index("fc1"))
    assert draw_tab.focus_marks.marked == [17]
