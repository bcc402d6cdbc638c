"""The Explain tab: a click outlines the receptive field and breaks the value down; saliency and probe follow."""

from __future__ import annotations

import copy
import threading

import numpy as np
import pytest
from PyQt6.QtCore import QPointF, Qt
from PyQt6.QtGui import QImage

from cnnviz.explain import METHODS, saliency
from cnnviz.format import format_probability
from cnnviz.introspect.receptive_field import input_region
from cnnviz.jobs import check
from cnnviz.models import build_model
from cnnviz.store import ModelStore
from cnnviz.training import CheckpointMeta
from ui.explain.saliency_view import saliency_maps
from ui.explain.tab import ExplainTab
from ui.tasks import Task, shutdown_all


@pytest.fixture
def make_tab(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    """``make_tab(state, **services)``: a shown Explain tab, kept alive for the test; at teardown every
    background job is cancelled and has ended before the widgets go (as closing the window does)."""
    tabs: list[ExplainTab] = []

    def end_jobs(_tab: ExplainTab) -> None:
        shutdown_all()
        qtbot.waitUntil(lambda: not Task.live, timeout=10_000)  # their last signals handled while widgets exist

    def make(state, **services) -> ExplainTab:  # type: ignore[no-untyped-def]
        store = ModelStore(companion_path=tmp_path / "probe_mlp.pt", companion_epochs=1, companion_subset=600)
        tab = ExplainTab(state, None, **{"store": store, **services})
        qtbot.addWidget(tab, before_close_func=end_jobs)  # pytest-qt keeps only a weak reference:
        tabs.append(tab)  # the test keeps the tab
        tab.resize(1280, 760)
        tab.show()
        return tab

    return make


def _set_model(qtbot, state, arch: str) -> None:  # type: ignore[no-untyped-def]
    model = build_model(arch).eval()
    state.set_model(model, CheckpointMeta(model=arch, model_kwargs=dict(model.arch_kwargs)))


@pytest.fixture
def explain(qtbot, make_tab, app_state, mnist, trained_explorer):  # type: ignore[no-untyped-def]
    state = app_state
    tab = make_tab(state)
    model, meta, _ = trained_explorer
    state.set_model(copy.deepcopy(model), meta)
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_input(mnist.test_images[0] / 255.0, int(mnist.test_labels[0]))
    return state, tab


def _click_cell(qtbot, tab: ExplainTab, stage: str, row: int, col: int) -> None:  # type: ignore[no-untyped-def]
    panel = tab.cell_view.stage_panels[stage]
    view_pos = panel.view.mapFromScene(panel.picture.mapToScene(QPointF(col + 0.5, row + 0.5)))
    with qtbot.waitSignal(tab.cell_view.cell_explained, timeout=5_000):
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=view_pos)


def _outline(tab: ExplainTab, stage: str, which: str = "region_outline") -> tuple[int, int, int, int] | None:
    rect_item = getattr(tab.cell_view.stage_panels[stage], which)
    if not rect_item.isVisible():
        return None
    r = rect_item.rect()
    return int(r.top()), int(r.left()), int(r.bottom()) - 1, int(r.right()) - 1


def test_a_first_example_is_explained_before_any_click(explain) -> None:  # type: ignore[no-untyped-def]
    state, tab = explain
    view = tab.cell_view
    assert view.selection is not None and view.selection[:2] == ("conv2", 0)
    fmap = state.capture.stage("conv2").output[0]
    assert fmap[view.selection[2], view.selection[3]] == fmap.max()
    assert view.dot_product is not None and _outline(tab, "input") is not None


def test_clicking_a_conv_cell_outlines_its_field_and_breaks_down_its_value(qtbot, explain) -> None:  # type: ignore[no-untyped-def]
    state, tab = explain
    view = tab.cell_view
    view.stage_channels["conv2"].setValue(3)
    _click_cell(qtbot, tab, "conv2", 6, 8)
    assert view.selection == ("conv2", 2, 6, 8)
    model = state.model
    assert _outline(tab, "conv2", "cell_outline") == (6, 8, 6, 8)
    for stage in ("input", "conv1", "pool1"):
        assert _outline(tab, stage) == input_region(model, "conv2", 6, 8, on_stage=stage)
    assert _outline(tab, "input") == (9, 13, 16, 20)  # 8×8 pixels
    assert _outline(tab, "pool2") is None and _outline(tab, "pool2", "cell_outline") is None
    value = float(state.capture.stage("conv2").output[2, 6, 8])
    assert view.dot_product is not None and view.dot_product.result == pytest.approx(value, abs=1e-4)
    assert f"{value:.3f}" in view.breakdown_text.text()
    assert view.breakdown.rows and view.breakdown.rows[0].matrices[0].shape == (3, 3)


def test_maps_and_cells_are_counted_from_one_and_the_counting_is_explained(qtbot, explain) -> None:  # type: ignore[no-untyped-def]
    _, tab = explain
    view = tab.cell_view
    view.stage_channels["conv2"].setValue(3)  # the spin box shows map 3: the third map
    _click_cell(qtbot, tab, "conv2", 6, 8)  # the 7th row from the top, 9th column from the left
    assert "conv2, map 3, row 7, column 9" in view.breakdown_text.text()
    assert "counted from 1" in view.cell_help.text() and "from the top" in view.cell_help.text()


def test_a_pool_cell_shows_its_window_and_the_winner(qtbot, explain) -> None:  # type: ignore[no-untyped-def]
    state, tab = explain
    _click_cell(qtbot, tab, "pool1", 5, 7)
    value = float(state.capture.stage("pool1").output[0, 5, 7])
    window = state.capture.stage("conv1").output[0, 10:12, 14:16]
    assert value == pytest.approx(float(window.max()))
    text = tab.cell_view.breakdown_text.text()
    assert f"{value:.3f}" in text and "rows 11–12, columns 15–16" in text
    assert _outline(tab, "conv1") == (10, 14, 11, 15)
    np.testing.assert_allclose(tab.cell_view.breakdown.rows[0].matrices[0], window)


def test_the_outline_and_breakdown_follow_a_new_input(qtbot, explain, mnist) -> None:  # type: ignore[no-untyped-def]
    state, tab = explain
    view = tab.cell_view
    _click_cell(qtbot, tab, "conv1", 12, 12)
    before = view.dot_product
    with qtbot.waitSignal(view.cell_explained, timeout=10_000):
        state.set_input(mnist.test_images[1] / 255.0)
    assert view.selection == ("conv1", 0, 12, 12)
    assert view.dot_product is not None and before is not None
    assert not np.array_equal(view.dot_product.window, before.window)
    assert view.dot_product.result == pytest.approx(float(state.capture.stage("conv1").output[0, 12, 12]), abs=1e-4)
    assert _outline(tab, "input") == (11, 11, 13, 13)


def test_the_summary_never_rounds_a_probability_up_to_certainty(explain) -> None:  # type: ignore[no-untyped-def]
    state, tab = explain
    p = float(state.capture.probabilities.max())
    assert format_probability(p) in tab.summary.text()
    assert p == 1.0 or "100%" not in tab.summary.text()


def test_saliency_overlay_follows_method_class_and_opacity(qtbot, explain) -> None:  # type: ignore[no-untyped-def]
    state, tab = explain
    view = tab.saliency_view
    tab.views.setCurrentWidget(view)
    qtbot.waitUntil(lambda: set(view.saliency_maps) == set(METHODS), timeout=10_000)
    overlay = view.saliency_panel.overlay.image
    assert overlay is not None and overlay.shape == (28, 28, 4)
    predicted = state.capture.prediction
    assert f"class <b>{predicted}</b>" in view.title.text()
    other = (predicted + 3) % 10
    view.class_box.setCurrentIndex(other + 1)
    qtbot.waitUntil(lambda: all(m.target == other for m in view.saliency_maps.values()), timeout=10_000)
    assert f"class <b>{other}</b>" in view.title.text()
    full = int(view.saliency_panel.overlay.image[..., 3].max())
    view.opacity.setValue(20)
    assert int(view.saliency_panel.overlay.image[..., 3].max()) < full * 0.3


def test_the_per_position_map_is_called_hirescam_and_classic_grad_cam_keeps_its_name(explain) -> None:  # type: ignore[no-untyped-def]
    _, tab = explain
    box = tab.saliency_view.method_box
    titles = {box.itemData(i): box.itemText(i) for i in range(box.count())}
    assert titles["hirescam"] == "HiResCAM" and titles["gradcam"] == "Grad-CAM"  # the core's names
    assert not any("per-position" in t for t in titles.values())


def test_a_superseded_saliency_result_never_reaches_the_view(  # type: ignore[no-untyped-def]
        qtbot, make_tab, app_state, mnist, trained_explorer) -> None:
    """Draw A, then B while A is computed: A's maps are dropped, only B's are shown."""
    release = {0: threading.Event(), 1: threading.Event()}
    started: list[int] = []

    def slow(model, image, keys, target, job, spec):  # type: ignore[no-untyped-def]
        which = 0 if np.allclose(image, mnist.test_images[0] / 255.0) else 1
        started.append(which)
        while not release[which].wait(0.02):
            check(job.should_stop)
        return saliency_maps(model, image, keys, target, job, spec)

    state = app_state
    tab = make_tab(state, compute_saliency=slow)
    view = tab.saliency_view
    tab.views.setCurrentWidget(view)
    model, meta, _ = trained_explorer
    state.set_model(copy.deepcopy(model), meta)
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_input(mnist.test_images[0] / 255.0)
    qtbot.waitUntil(lambda: 0 in started, timeout=5_000)
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_input(mnist.test_images[1] / 255.0)  # B waits while A runs
    with qtbot.assertNotEmitted(view.saliency_shown):
        release[0].set()
        qtbot.waitUntil(lambda: 1 in started, timeout=10_000)  # A has finished: B only starts after it
    with qtbot.waitSignal(view.saliency_shown, timeout=10_000):
        release[1].set()
    expected = saliency(model, mnist.test_images[1] / 255.0, "gradient")
    np.testing.assert_allclose(view.saliency_maps["gradient"].values, expected.values, atol=1e-5)


def test_probe_trains_and_caches_an_fc_network_then_plots_both(qtbot, explain) -> None:  # type: ignore[no-untyped-def]
    _, tab = explain
    view = tab.probe_view
    with qtbot.waitSignal(view.fc_ready, timeout=60_000):
        tab.views.setCurrentWidget(view)
    assert view.store.companion_path.is_file()
    assert "FC" in view.fc_status.text() and "600 digits" in view.fc_status.text()
    qtbot.waitUntil(lambda: "fc" in view.probe, timeout=20_000)
    for key in ("cnn", "fc"):
        assert [len(view.probe[key][a].values) for a in ("x", "y", "angle")] == [9, 9, 13]
    assert len(view.probe_plots["x"].listDataItems()) == 2
    assert view.shifted is not None and view.shifted.maps.shape[0] == 5
    assert "still called" in view.probe_summary.text()


def test_a_damaged_saved_fc_network_is_set_aside_and_the_banner_says_so(qtbot, explain) -> None:  # type: ignore[no-untyped-def]
    _, tab = explain
    view = tab.probe_view
    path = view.store.companion_path
    path.write_bytes(b"not a checkpoint")
    with qtbot.waitSignal(view.fc_ready, timeout=60_000):
        tab.views.setCurrentWidget(view)
    assert path.with_name(path.name + ".damaged").read_bytes() == b"not a checkpoint"
    assert view.store.companion_path.is_file()  # the new one is saved
    assert "set aside" in view.fc_status.text() and not view.fc_status.is_error


def test_every_view_exports_as_png(qtbot, explain, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, tab = explain
    for key in ("cell", "saliency", "probe"):
        path = tmp_path / f"{key}.png"
        assert tab.export_view(key, path)
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 300 and image.height() > 300


@pytest.mark.parametrize("arch, stage", [("lenet5", "conv2"), ("modern_cnn", "res2"), ("simple_gap_cnn", "conv3")])
def test_any_zoo_cnn_can_be_explained(qtbot, make_tab, app_state, mnist, arch: str, stage: str) -> None:  # type: ignore[no-untyped-def]
    state = app_state
    tab = make_tab(state)
    _set_model(qtbot, state, arch)
    model = state.model
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_input(mnist.test_images[2] / 255.0)
    view = tab.cell_view
    with qtbot.waitSignal(view.cell_explained, timeout=5_000):
        view.select_cell(stage, 1, 2, 3)
    assert _outline(tab, "input") == input_region(model, stage, 2, 3)
    value = float(state.capture.stage(stage).output[1, 2, 3])
    text = view.breakdown_text.text()
    if arch == "modern_cnn":
        assert "residual" in text and view.dot_product is None
        assert f"{value:.3f}" in text and "shortcut" in text
    else:
        assert view.dot_product is not None and view.dot_product.result == pytest.approx(value, abs=1e-4)


def test_switching_models_with_the_tab_on_screen_never_pairs_a_model_with_another_models_capture(
        qtbot, make_tab, app_state, mnist) -> None:  # type: ignore[no-untyped-def]
    """explorer_cnn → lenet5 → modern_cnn while the tab shows each view; a Qt slot raising fails the test."""
    state = app_state
    tab = make_tab(state)
    _set_model(qtbot, state, "explorer_cnn")
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_input(mnist.test_images[0] / 255.0)
    for view in (tab.cell_view, tab.saliency_view, tab.probe_view):
        tab.views.setCurrentWidget(view)
        for arch in ("lenet5", "modern_cnn", "explorer_cnn"):
            with qtbot.waitSignal(state.capture_changed, timeout=10_000):
                _set_model(qtbot, state, arch)  # model_changed arrives first, with the old capture still set
            assert tab.current() is state.capture
            names = [s.name for s in state.capture.stages]
            assert all(stage in names for stage in tab.cell_view.stage_panels)


def test_a_fully_connected_model_is_explained_honestly(qtbot, make_tab, app_state, mnist) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.training import train_model

    trained = train_model("mlp", mnist, epochs=1, subset=600)
    tab = make_tab(app_state)
    app_state.set_model(trained.model, trained.meta)
    with qtbot.waitSignal(app_state.capture_changed, timeout=10_000):
        app_state.set_input(mnist.test_images[0] / 255.0)
    assert list(tab.cell_view.stage_panels) == ["input"]
    assert "no feature maps" in tab.cell_view.cell_help.text()
    view = tab.saliency_view
    tab.views.setCurrentWidget(view)
    qtbot.waitUntil(lambda: len(view.saliency_maps) == len(METHODS), timeout=10_000)
    assert isinstance(view.saliency_maps["gradcam"], str) and isinstance(view.saliency_maps["hirescam"], str)
    view.method_box.setCurrentIndex(view.method_box.findData("gradcam"))
    assert "not available" in view.title.text()
    probe = tab.probe_view
    probe.set_fc_model(trained.model, trained.meta)
    tab.views.setCurrentWidget(probe)
    qtbot.waitUntil(lambda: "fc" in probe.probe, timeout=20_000)
    assert probe.shifted is None and "no feature maps" in probe.sharing_caption.text()
    assert "mlp" in probe.probe_summary.text() and "CNN" not in probe.probe_summary.text()


def test_plots_follow_a_light_dark_switch(qtbot, explain) -> None:  # type: ignore[no-untyped-def]
    from PyQt6.QtWidgets import QApplication

    from ui.theme import apply_theme

    _, tab = explain
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tab.views.setCurrentWidget(tab.probe_view)
    plots = tab.probe_view.plots
    try:
        apply_theme(app, dark=True)
        qtbot.waitUntil(lambda: plots.backgroundBrush().color().lightness() < 80, timeout=5_000)
        tab.views.setCurrentWidget(tab.cell_view)
        qtbot.waitUntil(lambda: tab.cell_view.strip.backgroundBrush().color().lightness() < 80, timeout=5_000)
    finally:
        apply_theme(app, dark=False)
    qtbot.waitUntil(lambda: tab.cell_view.strip.backgroundBrush().color().lightness() > 200, timeout=5_000)


def test_clearing_the_canvas_leaves_nothing_stale(qtbot, explain) -> None:  # type: ignore[no-untyped-def]
    state, tab = explain
    view = tab.saliency_view
    tab.views.setCurrentWidget(view)
    qtbot.waitUntil(lambda: len(view.saliency_maps) == len(METHODS), timeout=10_000)
    with qtbot.waitSignal(state.capture_changed, timeout=5_000):
        state.set_input(None)
    assert not view.saliency_maps and view.saliency_panel.overlay.image is None
    tab.views.setCurrentWidget(tab.cell_view)
    assert tab.cell_view.dot_product is None and not tab.cell_view.breakdown.rows and _outline(tab, "input") is None
    assert "Draw a digit" in tab.summary.text()


def test_a_capture_fits_only_the_model_that_could_have_made_it(mnist) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.introspect import capture
    from ui.explain.common import capture_fits

    models = {arch: build_model(arch).eval() for arch in ("explorer_cnn", "lenet5", "modern_cnn")}
    wider = build_model("explorer_cnn", conv1_filters=12).eval()
    for arch, model in models.items():
        cap = capture(model, mnist.test_images[0])
        assert [other for other, m in models.items() if capture_fits(m, cap)] == [arch]
        if arch == "explorer_cnn":
            assert not capture_fits(wider, cap)  # same stage names, other shapes


def test_a_live_palette_switch_leaves_every_label_readable(qtbot, explain) -> None:  # type: ignore[no-untyped-def]
    import re

    from PyQt6.QtGui import QPalette
    from PyQt6.QtWidgets import QApplication, QLabel

    from ui.theme import apply_theme, contrast_ratio, palette

    _, tab = explain
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        for dark in (True, False, True):
            apply_theme(app, dark)
            for view in (tab.cell_view, tab.saliency_view, tab.probe_view):
                tab.views.setCurrentWidget(view)
                qtbot.waitUntil(lambda: tab.summary.palette().color(QPalette.ColorRole.WindowText).name()
                                == palette().text, timeout=5_000)  # the switch has reached the widgets
                for label in tab.findChildren(QLabel):
                    if not label.isVisible() or not label.text():
                        continue
                    styled = re.search(r"color:\s*(#[0-9a-fA-F]{6})", label.styleSheet())
                    text = styled.group(1) if styled else label.palette().color(QPalette.ColorRole.WindowText).name()
                    assert contrast_ratio(text, palette().window) >= 4.5, (label.text()[:40], dark)
    finally:
        apply_theme(app, dark=False)
