"""The Explain tab: a click outlines the receptive field and breaks the value down; saliency and probe follow."""

from __future__ import annotations

import copy

import numpy as np
import pyqtgraph as pg
import pytest
from PyQt6.QtCore import QPointF, Qt
from PyQt6.QtGui import QImage

from cnnviz.introspect.receptive_field import input_region
from cnnviz.models import build_model
from cnnviz.training import CheckpointMeta
from ui.explain_tab import ExplainTab, fc_model_path

pg.setConfigOptions(imageAxisOrder="row-major")


@pytest.fixture
def explain(qtbot, app_state, mnist, trained_explorer):  # type: ignore[no-untyped-def]
    state = app_state
    tab = ExplainTab(state, fc_epochs=1, fc_subset=600)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    model, meta, _ = trained_explorer
    state.set_model(copy.deepcopy(model), meta)
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_input(mnist.test_images[0] / 255.0, int(mnist.test_labels[0]))
    yield state, tab
    tab.shutdown()


def _click_cell(qtbot, tab: ExplainTab, stage: str, row: int, col: int) -> None:  # type: ignore[no-untyped-def]
    panel = tab.stage_panels[stage]
    scene_pos = panel.picture.mapToScene(QPointF(col + 0.5, row + 0.5))
    view_pos = panel.view.mapFromScene(scene_pos)
    with qtbot.waitSignal(tab.cell_explained, timeout=5_000):
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=view_pos)


def _outline(tab: ExplainTab, stage: str, which: str = "region_outline") -> tuple[int, int, int, int] | None:
    rect_item = getattr(tab.stage_panels[stage], which)
    if not rect_item.isVisible():
        return None
    r = rect_item.rect()
    return int(r.top()), int(r.left()), int(r.bottom()) - 1, int(r.right()) - 1


def test_a_first_example_is_explained_before_any_click(explain) -> None:  # type: ignore[no-untyped-def]
    state, tab = explain
    assert tab.selection is not None and tab.selection[:2] == ("conv2", 0)
    fmap = state.capture.stage("conv2").output[0]
    assert fmap[tab.selection[2], tab.selection[3]] == fmap.max()
    assert tab.dot_product is not None and _outline(tab, "input") is not None


def test_clicking_a_conv_cell_outlines_its_field_and_breaks_down_its_value(qtbot, explain) -> None:  # type: ignore[no-untyped-def]
    state, tab = explain
    tab.stage_channels["conv2"].setValue(3)
    _click_cell(qtbot, tab, "conv2", 6, 8)
    assert tab.selection == ("conv2", 2, 6, 8)
    model = state.model
    assert _outline(tab, "conv2", "cell_outline") == (6, 8, 6, 8)
    for stage in ("input", "conv1", "pool1"):
        assert _outline(tab, stage) == input_region(model, "conv2", 6, 8, on_stage=stage)
    assert _outline(tab, "input") == (9, 13, 16, 20)  # 8×8 pixels
    assert _outline(tab, "pool2") is None and _outline(tab, "pool2", "cell_outline") is None
    value = float(state.capture.stage("conv2").output[2, 6, 8])
    assert tab.dot_product is not None and tab.dot_product.result == pytest.approx(value, abs=1e-4)
    assert f"{value:.3f}" in tab.breakdown_text.text()
    assert tab.breakdown.rows and tab.breakdown.rows[0].matrices[0].shape == (3, 3)


def test_a_pool_cell_shows_its_window_and_the_winner(qtbot, explain) -> None:  # type: ignore[no-untyped-def]
    state, tab = explain
    _click_cell(qtbot, tab, "pool1", 5, 7)
    value = float(state.capture.stage("pool1").output[0, 5, 7])
    window = state.capture.stage("conv1").output[0, 10:12, 14:16]
    assert value == pytest.approx(float(window.max()))
    assert f"{value:.3f}" in tab.breakdown_text.text()
    assert _outline(tab, "conv1") == (10, 14, 11, 15)
    np.testing.assert_allclose(tab.breakdown.rows[0].matrices[0], window)


def test_the_outline_and_breakdown_follow_a_new_input(qtbot, explain, mnist) -> None:  # type: ignore[no-untyped-def]
    state, tab = explain
    _click_cell(qtbot, tab, "conv1", 12, 12)
    before = tab.dot_product
    with qtbot.waitSignal(tab.cell_explained, timeout=10_000):
        state.set_input(mnist.test_images[1] / 255.0)
    assert tab.selection == ("conv1", 0, 12, 12)
    assert tab.dot_product is not None and before is not None
    assert not np.array_equal(tab.dot_product.window, before.window)
    assert tab.dot_product.result == pytest.approx(float(state.capture.stage("conv1").output[0, 12, 12]), abs=1e-4)
    assert _outline(tab, "input") == (11, 11, 13, 13)


def test_saliency_overlay_follows_method_class_and_opacity(qtbot, explain) -> None:  # type: ignore[no-untyped-def]
    state, tab = explain
    tab.views.setCurrentWidget(tab.saliency_view)
    all_methods = {"gradient", "smoothgrad", "hirescam", "gradcam", "occlusion"}
    qtbot.waitUntil(lambda: set(tab.saliency_maps) == all_methods, timeout=10_000)
    overlay = tab.saliency_panel.overlay.image
    assert overlay is not None and overlay.shape == (28, 28, 4)
    predicted = state.capture.prediction
    assert f"class {predicted}" in tab.saliency_panel.title.text()
    other = (predicted + 3) % 10
    tab.class_box.setCurrentIndex(other + 1)
    qtbot.waitUntil(lambda: all(m.target == other for m in tab.saliency_maps.values()), timeout=10_000)
    assert f"class {other}" in tab.saliency_panel.title.text()
    tab.method_box.setCurrentIndex(tab.method_box.findData("hirescam"))
    assert "HiResCAM" in tab.saliency_panel.title.text()
    full = int(tab.saliency_panel.overlay.image[..., 3].max())
    tab.opacity.setValue(20)
    assert int(tab.saliency_panel.overlay.image[..., 3].max()) < full * 0.3


def test_probe_trains_and_caches_an_fc_network_then_plots_both(qtbot, explain) -> None:  # type: ignore[no-untyped-def]
    _, tab = explain
    fc_model_path().unlink(missing_ok=True)
    with qtbot.waitSignal(tab.fc_ready, timeout=60_000):
        tab.views.setCurrentWidget(tab.probe_view)
    assert fc_model_path().is_file()
    assert "FC" in tab.fc_status.text() and "600 digits" in tab.fc_status.text()
    qtbot.waitUntil(lambda: "fc" in tab.probe, timeout=20_000)
    for key in ("cnn", "fc"):
        assert [len(tab.probe[key][a].values) for a in ("x", "y", "angle")] == [9, 9, 13]
    curves = [item for item in tab.probe_plots["x"].listDataItems()]
    assert len(curves) == 2
    assert tab.shifted is not None and tab.shifted.maps.shape[0] == 5
    assert "still called" in tab.probe_summary.text()


def test_every_view_exports_as_png(qtbot, explain, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, tab = explain
    for key in ("cell", "saliency", "probe"):
        path = tmp_path / f"{key}.png"
        assert tab.export_view(key, path)
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 300 and image.height() > 300


@pytest.mark.parametrize("arch, stage", [("lenet5", "conv2"), ("modern_cnn", "res2"), ("simple_gap_cnn", "conv3")])
def test_any_zoo_cnn_can_be_explained(qtbot, app_state, mnist, arch: str, stage: str) -> None:  # type: ignore[no-untyped-def]
    state = app_state
    tab = ExplainTab(state)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    model = build_model(arch).eval()
    state.set_model(model, CheckpointMeta(model=arch, model_kwargs=dict(model.arch_kwargs)))
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_input(mnist.test_images[2] / 255.0)
    with qtbot.waitSignal(tab.cell_explained, timeout=5_000):
        tab.select_cell(stage, 1, 2, 3)
    assert _outline(tab, "input") == input_region(model, stage, 2, 3)
    value = float(state.capture.stage(stage).output[1, 2, 3])
    if arch == "modern_cnn":
        assert "residual" in tab.breakdown_text.text() and tab.dot_product is None
        assert f"{value:.3f}" in tab.breakdown_text.text() and "shortcut" in tab.breakdown_text.text()
    else:
        assert tab.dot_product is not None and tab.dot_product.result == pytest.approx(value, abs=1e-4)
    tab.shutdown()


def test_saliency_follows_the_drawing(qtbot, explain, mnist) -> None:  # type: ignore[no-untyped-def]
    state, tab = explain
    tab.views.setCurrentWidget(tab.saliency_view)
    qtbot.waitUntil(lambda: len(tab.saliency_maps) == 5, timeout=10_000)
    first = tab.saliency_maps["gradient"]
    state.set_input(mnist.test_images[2] / 255.0)
    qtbot.waitUntil(lambda: tab.saliency_maps["gradient"] is not first, timeout=10_000)
    assert not np.allclose(tab.saliency_maps["gradient"].values, first.values)
    assert tab.saliency_maps["gradient"].target == state.capture.prediction


def test_a_fully_connected_model_is_explained_honestly(qtbot, app_state, mnist) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.training import train_model

    trained = train_model("mlp", mnist, epochs=1, subset=600)
    tab = ExplainTab(app_state)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    app_state.set_model(trained.model, trained.meta)
    with qtbot.waitSignal(app_state.capture_changed, timeout=10_000):
        app_state.set_input(mnist.test_images[0] / 255.0)
    assert list(tab.stage_panels) == ["input"]
    assert "no feature maps" in tab.cell_help.text()
    tab.views.setCurrentWidget(tab.saliency_view)
    qtbot.waitUntil(lambda: len(tab.saliency_maps) == 5, timeout=10_000)
    assert isinstance(tab.saliency_maps["gradcam"], str)
    tab.method_box.setCurrentIndex(tab.method_box.findData("gradcam"))
    assert "not available" in tab.saliency_panel.title.text()
    tab.set_fc_model(trained.model, trained.meta)
    tab.views.setCurrentWidget(tab.probe_view)
    qtbot.waitUntil(lambda: "fc" in tab.probe, timeout=20_000)
    assert tab.shifted is None and "no feature maps" in tab.sharing_caption.text()
    assert "mlp" in tab.probe_summary.text() and "CNN" not in tab.probe_summary.text()
    tab.shutdown()


def test_plots_follow_a_light_dark_switch(qtbot, explain) -> None:  # type: ignore[no-untyped-def]
    from PyQt6.QtWidgets import QApplication

    from ui.theme import apply_theme

    _, tab = explain
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    plot = tab.probe_plots["x"]
    try:
        apply_theme(app, dark=True)
        qtbot.waitUntil(lambda: plot.backgroundBrush().color().lightness() < 80, timeout=5_000)
        assert tab.stage_panels["input"].view.backgroundBrush().style() == Qt.BrushStyle.NoBrush
    finally:
        apply_theme(app, dark=False)
    qtbot.waitUntil(lambda: plot.backgroundBrush().color().lightness() > 200, timeout=5_000)


def test_clearing_the_canvas_leaves_nothing_stale(qtbot, explain) -> None:  # type: ignore[no-untyped-def]
    state, tab = explain
    tab.views.setCurrentWidget(tab.saliency_view)
    qtbot.waitUntil(lambda: len(tab.saliency_maps) == 5, timeout=10_000)
    with qtbot.waitSignal(state.capture_changed, timeout=5_000):
        state.set_input(None)
    assert tab.dot_product is None and not tab.saliency_maps and not tab.breakdown.rows
    assert tab.saliency_panel.overlay.image is None and _outline(tab, "input") is None
    assert "Draw a digit" in tab.summary.text()
