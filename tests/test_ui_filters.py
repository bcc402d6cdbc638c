"""The "Filters" tab: learned weights with values on hover/click, responses, and the Sobel reference row."""

from __future__ import annotations

import copy
import re

import numpy as np
import pytest
import torch
from PyQt6.QtCore import QPointF

from cnnviz.introspect import SOBEL_HORIZONTAL, SOBEL_VERTICAL, apply_filter, conv_filters
from ui.filters.cards import format_kernel
from ui.filters.tab import FiltersTab
from ui.preferences import Preferences
from ui.theme import configure_plots

configure_plots()


@pytest.fixture
def tab(qtbot, app_state, trained_explorer) -> FiltersTab:  # type: ignore[no-untyped-def]
    state = app_state
    widget = FiltersTab(state, Preferences())
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    assert widget.placeholder.isVisible()  # no model yet: said plainly
    model, meta, _ = trained_explorer
    state.set_model(model, meta)
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_input(state.data.test_images[0] / 255.0, int(state.data.test_labels[0]))
    return widget


def weight_pixel(tab: FiltersTab, stage: str, f: int, i: int, ky: int, kx: int) -> tuple[int, int]:
    """Where weight [f, i, ky, kx] is drawn in the stage's card picture."""
    cards = tab.panels[stage].cards
    assert cards is not None
    cy, cx = cards.cards.origin(f)
    iy, ix = cards.kernels.origin(i)
    return cy + (iy + ky) * cards.scale, cx + (ix + kx) * cards.scale


def test_every_conv_layer_shows_all_its_filters_and_their_responses(qtbot, tab: FiltersTab) -> None:
    model = tab.state.model
    assert model is not None
    learned = conv_filters(model)
    assert list(tab.panels) == [f.stage for f in learned] == ["conv1", "conv2"]
    assert not tab.placeholder.isVisible()
    cap = tab.state.capture
    assert cap is not None
    for filters in learned:
        cards = tab.panels[filters.stage].cards
        assert cards is not None
        assert np.array_equal(cards.weights, filters.weights)
        assert np.array_equal(cards.responses, cap.stage(filters.stage).output)  # response on this digit
        picture = tab.panels[filters.stage].item.image
        assert picture.shape[:2] == (cards.cards.height, cards.cards.width)


def test_hover_and_click_read_the_real_weight_values(qtbot, tab: FiltersTab) -> None:
    weights = conv_filters(tab.state.model)[1].weights  # type: ignore[arg-type]
    row, col = weight_pixel(tab, "conv2", 5, 3, 1, 2)
    line = tab.show_value_at("conv2", row, col)  # what hovering there shows
    assert line == f"conv2 filter 6 from map 4: weight at row 2, column 3 = {weights[5, 3, 1, 2]:+.3f}"
    assert tab.readout.text() == line
    tab.panels["conv2"].item.click(row, col)  # a click pins the whole kernel
    assert tab.kernel_label.text().endswith(format_kernel(weights[5, 3]))

    weights1 = conv_filters(tab.state.model)[0].weights  # type: ignore[arg-type]
    row, col = weight_pixel(tab, "conv1", 7, 0, 2, 0)
    assert tab.show_value_at("conv1", row, col).endswith(f"= {weights1[7, 0, 2, 0]:+.3f}")


def test_weights_use_a_diverging_scale_centred_at_zero(qtbot, tab: FiltersTab) -> None:
    panel = tab.panels["conv1"]
    lo, hi = panel.weight_bar.levels()
    assert lo == pytest.approx(-hi) and hi > 0
    cards = panel.cards
    assert cards is not None
    f, i, ky, kx = np.unravel_index(np.abs(cards.weights).argmin(), cards.weights.shape)
    r, c = weight_pixel(tab, "conv1", int(f), int(i), int(ky), int(kx))
    colour = panel.item.image[r, c].astype(int)
    assert colour.min() > 180  # the weight nearest 0 is drawn near-white


def test_sobel_reference_row_on_the_same_digit(qtbot, tab: FiltersTab) -> None:
    cards = tab.sobel_panel.cards
    assert cards is not None and cards.names == ["vertical", "horizontal"]
    image = tab.state.image
    assert image is not None
    assert np.array_equal(cards.weights[0, 0], SOBEL_VERTICAL)
    assert np.array_equal(cards.weights[1, 0], SOBEL_HORIZONTAL)
    assert np.allclose(cards.responses[0], apply_filter(image, SOBEL_VERTICAL))
    assert np.allclose(cards.responses[1], apply_filter(image, SOBEL_HORIZONTAL))


def test_responses_follow_the_input(qtbot, tab: FiltersTab) -> None:
    state = tab.state
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_input(state.data.test_images[1] / 255.0, int(state.data.test_labels[1]))
    cap = state.capture
    assert cap is not None
    assert np.array_equal(tab.panels["conv1"].cards.responses, cap.stage("conv1").output)  # type: ignore[union-attr]
    assert np.allclose(tab.sobel_panel.cards.responses[0],  # type: ignore[union-attr]
                       apply_filter(state.data.test_images[1] / 255.0, SOBEL_VERTICAL))


def test_other_architectures_say_what_they_have(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.models import build_model
    from cnnviz.training import CheckpointMeta
    from ui.colormaps import DIVERGING_MAP

    widget = FiltersTab(app_state, Preferences())
    qtbot.addWidget(widget)
    widget.show()
    mlp = build_model("mlp")
    with qtbot.waitSignal(app_state.capture_changed, timeout=10_000):
        app_state.set_model(mlp, CheckpointMeta("mlp", dict(mlp.arch_kwargs)))
        app_state.set_input(app_state.data.test_images[0] / 255.0)
    assert widget.placeholder.isVisible() and "no convolution layers" in widget.placeholder.text()
    assert not widget.panels

    lenet = build_model("lenet5")  # tanh: responses are signed, so they get the diverging map
    with qtbot.waitSignal(app_state.capture_changed, timeout=10_000):
        app_state.set_model(lenet, CheckpointMeta("lenet5", {}))
    assert not widget.placeholder.isVisible()
    cards = widget.panels["conv1"].cards
    assert cards is not None and cards.weights.shape == (6, 1, 5, 5)
    assert cards.responses.min() < 0 and cards.response_map == DIVERGING_MAP


# -- defects of the issue "Every defect…" (numbers as there) ---------------------------------------
def test_sobel_reference_needs_no_model(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    """8: the Sobel panel was blank until a model existed, though it needs none."""
    widget = FiltersTab(app_state, Preferences())
    qtbot.addWidget(widget)
    widget.show()
    image = app_state.data.test_images[2] / 255.0
    app_state.set_input(image)
    qtbot.waitUntil(lambda: widget.sobel_panel.cards is not None
                    and widget.sobel_panel.cards.responses[0].any(), timeout=5000)
    assert widget.sobel_panel.isVisible() and widget.placeholder.isVisible()
    assert np.allclose(widget.sobel_panel.cards.responses[1], apply_filter(image, SOBEL_HORIZONTAL))  # type: ignore[union-attr]


def test_the_enlarged_kernel_is_never_an_empty_box(qtbot, tab: FiltersTab) -> None:
    """Before the pointer picks a weight, the first conv filter is shown enlarged, its weights written on it."""
    first = conv_filters(tab.state.model)[0].weights[0, 0]  # type: ignore[arg-type]
    assert tab.kernel_view.kernel is not None
    np.testing.assert_allclose(tab.kernel_view.kernel, first)


def test_a_weight_can_be_read_enlarged(qtbot, tab: FiltersTab) -> None:
    """8: conv2's weights are drawn ~4 px wide; pointing at one shows its kernel big enough to read."""
    weights = conv_filters(tab.state.model)[1].weights  # type: ignore[arg-type]
    cards = tab.panels["conv2"].cards
    assert cards is not None
    row, col = weight_pixel(tab, "conv2", 9, 6, 0, 1)
    tab.panels["conv2"].item.hover(row, col)
    view = tab.kernel_view
    assert view.kernel is not None and np.array_equal(view.kernel, weights[9, 6])
    assert view.name == "conv2 filter 10 from map 7"
    qtbot.waitUntil(lambda: view.weight_size() >= 40, timeout=3000)  # one weight: a square of ≥ 40 px
    card_px = tab.panels["conv2"].box.mapViewToDevice(QPointF(cards.scale, 0)).x() - \
        tab.panels["conv2"].box.mapViewToDevice(QPointF(0, 0)).x()
    assert view.weight_size() > 4 * card_px  # much larger than in the cards


def test_a_filter_that_never_fires_is_explained(qtbot, app_state, trained_explorer) -> None:  # type: ignore[no-untyped-def]
    """8: a dead filter (blank response) was shown without a word."""
    model = copy.deepcopy(trained_explorer[0])
    with torch.no_grad():
        model.conv2[0].bias[2] = -1e3  # filter 3 of conv2 can never fire
    widget = FiltersTab(app_state, Preferences())
    qtbot.addWidget(widget)
    widget.show()
    app_state.set_model(model, trained_explorer[1])
    with qtbot.waitSignal(app_state.capture_changed, timeout=10_000):
        app_state.set_input(app_state.data.test_images[0] / 255.0)
    cap = app_state.capture
    assert cap is not None
    for stage in ("conv1", "conv2"):
        blank = [f + 1 for f, m in enumerate(cap.stage(stage).output) if not m.any()]  # counted from 1
        heading = widget.panels[stage].heading.text()
        found = re.search(r"Filters? ([\d, ]+): blank response", heading)
        listed = [int(n) for n in found.group(1).split(", ")] if found else []
        assert listed == blank
        assert ("dead" in heading) == bool(blank)
    assert 3 in listed  # conv2's filter 3, the one made unable to fire
