"""The app driven offscreen on models shaped like the ones users open from files: a 3-channel 32×32
ResNet-style net with 100 classes and a 224×224 net with a 64 × 112 × 112 stage, a 2,000-channel stage and
3 classes. Drawing, stepping, the dimension table, Filters and Behind a number must all work on them."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PyQt6.QtCore import Qt
from PyQt6.QtTest import QTest
from test_ui_imported_core import big224, resnet32

from cnnviz.data.transforms import to_spec_input
from cnnviz.explain import DotProduct
from cnnviz.introspect.filters import conv_filters
from cnnviz.training.checkpoint import input_spec
from ui.draw.probability_chart import MAX_BARS
from ui.draw.stage_picture import FOCUS_SIDE, MAX_MAPS, THUMB_SIDE
from ui.draw.tab import DrawTab
from ui.explain.tab import ExplainTab
from ui.filters.tab import MAX_CARDS, FiltersTab
from ui.preferences import Preferences
from ui.tasks import Task, shutdown_all


def _show(qtbot, widget):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def _open(qtbot, state, build):  # type: ignore[no-untyped-def]
    """Put an opened-style model in the state and a drawing on the canvas; wait for its capture."""
    model, meta = build()
    state.set_model(model, meta)
    with qtbot.waitSignal(state.capture_changed, timeout=20_000):
        state.set_input(np.eye(28, dtype=np.float32))
    return model, meta


def _draw_a_stroke(qtbot, tab: DrawTab) -> None:  # type: ignore[no-untyped-def]
    canvas = tab.canvas
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
    points = [canvas.from_raster(x, y).toPoint() for x, y in [(60, 60), (140, 140), (220, 80)]]
    with qtbot.waitSignal(tab.state.capture_changed, timeout=20_000):
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
        for p in points[1:]:
            QTest.mouseMove(canvas, p)
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])
    qtbot.waitUntil(lambda: tab.state.capture is not None and np.array_equal(
        tab.state.image, tab.canvas.input_image()), timeout=20_000)
    tab.refresh()


@pytest.fixture
def draw(qtbot, app_state):  # type: ignore[no-untyped-def]
    return _show(qtbot, DrawTab(app_state, Preferences()))


def test_drawing_on_a_colour_100_class_model_shows_what_it_sees_and_its_classes(qtbot, draw: DrawTab) -> None:
    model, meta = _open(qtbot, draw.state, resnet32)
    _draw_a_stroke(qtbot, draw)
    cap = draw.state.capture
    assert cap is not None
    # the drawing, resized and copied to 3 channels as the model's InputSpec says, is what went in
    with torch.no_grad():
        expected = torch.softmax(model(to_spec_input(draw.state.image, input_spec(meta))), dim=1)[0].numpy()
    np.testing.assert_allclose(cap.probabilities, expected, atol=1e-5)
    # the input stage is drawn in colour, at the model's 32×32
    strip = draw.pipeline.strip.pictures()
    assert strip[0].shape[:2] == (32, 32)
    grey = np.clip(cap.stages[0].output[0], 0, 1)
    assert np.abs(strip[0][..., 0].astype(float) / 255 - grey).max() < 0.01
    # the bars are the model's classes: its 10 most probable of 100, named from meta.class_names
    chart = draw.chart
    assert chart.class_names == tuple(meta.class_names) and chart.is_top_list
    top = np.argsort(-cap.probabilities, kind="stable")[:MAX_BARS]
    assert list(chart.shown) == list(top)
    ticks = [text for _pos, text in chart.getAxis("bottom")._tickLevels[0]]
    assert ticks[0] == meta.class_names[cap.prediction][:10]
    assert draw.prediction_label.text().startswith(f"It's a {meta.class_names[cap.prediction]}")
    # the dimension table: every stage's shape and parameters, then the preprocessing applied
    table = draw.pipeline.table
    assert table.rowCount() == len(cap.stages) + 2
    for row, stage in enumerate(cap.stages):
        assert table.item(row, 2).text() == f"{sum(p.numel() for p in dict(model.named_children())[stage.name].parameters()) if stage.name in dict(model.named_children()) else 0:,}"  # noqa: E501
    preprocessing = table.item(table.rowCount() - 1, 1).text()
    assert preprocessing.splitlines() == ["32×32 RGB", "[0, 1]", "mean 0.5, 0.4, 0.3", "std 0.25, 0.2, 0.3"]


def test_step_through_every_stage_of_an_opened_model(qtbot, draw: DrawTab) -> None:
    _open(qtbot, draw.state, resnet32)
    draw.refresh()
    pipeline = draw.pipeline
    pipeline.select_stage(0)
    seen = [pipeline.current_stage.name]  # type: ignore[union-attr]
    while pipeline.next_stage():
        seen.append(pipeline.current_stage.name)  # type: ignore[union-attr]
        assert pipeline.focus.item.image is not None and pipeline.focus.item.image.size > 0
    cap = draw.state.capture
    assert cap is not None and seen == [s.name for s in cap.stages]
    # the hover readout names a colour pixel of the input by its three values
    pipeline.select_stage(0)
    text = pipeline.show_value_at(5, 7)
    r, g, b = cap.stages[0].output[:, 5, 7]
    assert text == f"pixel row 6, column 8 = red {r:.3f}, green {g:.3f}, blue {b:.3f}"


def test_a_wide_stage_is_shown_a_page_at_a_time_and_the_strip_is_thumbnails(qtbot, draw: DrawTab) -> None:
    _open(qtbot, draw.state, big224)
    draw.refresh()
    cap = draw.state.capture
    assert cap is not None
    pipeline = draw.pipeline
    names = [s.name for s in cap.stages]
    # every thumbnail is small: the 64 × 112 × 112 stage's mosaic is at most 160 px across, not 904
    for stage, picture in zip(cap.stages, pipeline.strip.pictures(), strict=True):
        if stage.output.ndim == 3:
            assert max(picture.shape[:2]) <= THUMB_SIDE, stage.name
    pipeline.select_stage(names.index("wide"))
    picture = pipeline.focus.picture
    assert picture is not None and picture.grid is not None and picture.grid.count == MAX_MAPS
    assert pipeline.page_label.isVisible() and pipeline.page_label.text() == "maps 1–64 of 2,000"
    pipeline.page_next.click()
    assert pipeline.focus.picture is not None and pipeline.focus.picture.first_channel == MAX_MAPS
    # a click on a tile of page 2 enlarges that very channel
    y, x = pipeline.focus.picture.grid.origin(3)
    wide = cap.stage("wide").output
    assert pipeline.show_value_at(y, x).startswith(f"map {MAX_MAPS + 4}, ")
    assert pipeline.show_value_at(y, x).endswith(f"= {wide[MAX_MAPS + 3, 0, 0]:.3f}")
    for _ in range(40):
        pipeline.page_next.click()
    assert not pipeline.page_next.isEnabled() and pipeline.page_label.text() == "maps 1985–2,000 of 2,000"
    assert "2,000 maps: 64 are shown at a time" in pipeline.caption.text()


def test_a_64_channel_112_pixel_stage_is_averaged_down_to_what_the_screen_shows(qtbot, draw: DrawTab) -> None:
    """The enlarged 64 × 112 × 112 stage: a mosaic of at most FOCUS_SIDE pixels, each pixel the mean of the
    cells it stands for, and the readout names the map cell it starts at (the repaint time: benchmarks)."""
    _open(qtbot, draw.state, lambda: big224(wide=64))
    draw.refresh()
    pipeline = draw.pipeline
    pipeline.select_stage(1)
    cap = draw.state.capture
    assert cap is not None and cap.stages[1].shape == (64, 112, 112)
    picture = pipeline.focus.picture
    assert picture is not None and picture.grid is not None and picture.step == 2
    assert max(pipeline.focus.item.image.shape[:2]) <= FOCUS_SIDE
    maps = cap.stages[1].output
    y, x = picture.grid.origin(9)
    assert picture.raw[y + 3, x + 5] == pytest.approx(float(maps[9, 6:8, 10:12].mean()), abs=1e-5)
    assert pipeline.show_value_at(y + 3, x + 5).startswith("map 10, row 7, column 11 = ")
    # one map enlarged is drawn cell for cell
    pipeline.select_channel(9)
    assert pipeline.focus.picture is not None and pipeline.focus.picture.step == 1
    assert pipeline.focus.item.image.shape[:2] == (112, 112)


@pytest.fixture
def filters(qtbot, app_state):  # type: ignore[no-untyped-def]
    return _show(qtbot, FiltersTab(app_state, Preferences()))


def test_first_layer_rgb_filters_are_drawn_in_colour(qtbot, filters: FiltersTab) -> None:
    model, _meta = _open(qtbot, filters.state, resnet32)
    filters.refresh()
    learned = conv_filters(model)
    assert list(filters.panels) == [f.stage for f in learned]
    first = filters.panels["stem"].cards
    assert first is not None and first.colour and first.weights.shape[1] == 3
    picture = filters.panels["stem"].item.image
    w = learned[0].weights
    top = np.abs(w).max()
    # weight [f, :, ky, kx] is one pixel whose red, green and blue are those three weights (grey = 0)
    for f, ky, kx in ((0, 0, 0), (5, 1, 2), (15, 2, 1)):
        cy, cx = first.cards.origin(f)
        pixel = picture[cy + ky * first.scale, cx + kx * first.scale].astype(float)
        expected = (0.5 + w[f, :, ky, kx] / (2 * top)) * 255
        assert np.abs(pixel - expected).max() <= 1.0
        line = filters.show_value_at("stem", cy + ky * first.scale, cx + kx * first.scale)
        assert line.endswith(f"red {w[f, 0, ky, kx]:+.3f}, green {w[f, 1, ky, kx]:+.3f}, blue {w[f, 2, ky, kx]:+.3f}")
    later = filters.panels["same"].cards
    assert later is not None and not later.colour  # later layers: one diverging grid per input map


def test_a_layer_of_2000_filters_draws_one_page(qtbot, filters: FiltersTab) -> None:
    _open(qtbot, filters.state, big224)
    filters.refresh()
    wide = filters.panels["wide"]
    assert wide.cards is not None and wide.cards.weights.shape[0] == MAX_CARDS
    assert f"the first {MAX_CARDS} of its 2,000 filters" in wide.heading.text()
    assert wide.item.image.nbytes < 8_000_000  # one page: a bounded picture, not 2,000 cards
    cap = filters.state.capture
    assert cap is not None
    np.testing.assert_array_equal(wide.cards.responses, cap.stage("wide").output[:MAX_CARDS])


@pytest.fixture
def explain(qtbot, app_state):  # type: ignore[no-untyped-def]
    def end_jobs(_tab: ExplainTab) -> None:
        shutdown_all()
        qtbot.waitUntil(lambda: not Task.live, timeout=10_000)

    tab = ExplainTab(app_state, None)
    qtbot.addWidget(tab, before_close_func=end_jobs)
    tab.resize(1280, 800)
    tab.show()
    return tab


def test_behind_a_number_and_saliency_on_a_colour_model(qtbot, explain: ExplainTab) -> None:
    state = explain.state
    _open(qtbot, state, resnet32)
    cap = state.capture
    assert cap is not None and explain.current() is cap  # the capture fits the 32×32 model
    view = explain.cell_view
    for stage in ("stem", "down", "wide", "pool"):
        c, h, w = cap.stage(stage).output.shape
        view.select_cell(stage, c - 1, h - 1, w - 1)
        assert view.explanation is not None
        assert view.explanation.result == pytest.approx(float(cap.stage(stage).output[c - 1, h - 1, w - 1]), abs=1e-4)
    view.select_cell("stem", 2, 0, 0)
    assert isinstance(view.explanation, DotProduct) and view.explanation.window.shape == (3, 3, 3)
    # saliency: the gradient map over the 32×32 colour input, for a class named by the model
    saliency = explain.saliency_view
    explain.views.setCurrentWidget(saliency)
    assert saliency.class_box.count() == 1 + 100 and saliency.class_box.itemText(1) == "thing 0"
    qtbot.waitUntil(lambda: any(not isinstance(v, str) for v in saliency.saliency_maps.values()), timeout=30_000)
    found = next(v for v in saliency.saliency_maps.values() if not isinstance(v, str))
    assert found.values.shape == (32, 32)
    assert f"thing {found.target}" in saliency.title.text() or saliency.title.text() == ""
    # the invariance probe moves MNIST digits and compares with an MNIST network: off for this model
    assert not explain.views.isTabEnabled(explain.views.indexOf(explain.probe_view))
