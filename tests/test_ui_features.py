"""The Filters tab's "What they want to see" view: feature pictures, top-9 digits, classes, Cancel."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PyQt6.QtCore import Qt

from cnnviz.data.transforms import to_model_input, to_unit
from cnnviz.features import Target, top_examples, visualise
from cnnviz.training.checkpoint import input_spec
from ui.filters.tab import FiltersTab
from ui.preferences import Preferences

SLOW = 120_000  # ms: the machine running the tests is shared and often busy


def _grey_levels_match(rgb: np.ndarray, image: np.ndarray) -> bool:
    """The picture shows ``image`` ([0, 1]) in grey levels, within the 256-entry colour table's rounding (< 2)."""
    return rgb.shape[:2] == image.shape and bool(np.all(np.abs(rgb[..., 0].astype(float) - image * 255) < 2.0))


@pytest.fixture
def tab(qtbot, app_state, trained_explorer) -> FiltersTab:  # type: ignore[no-untyped-def]
    """A shown Filters tab on its "What they want to see" view (chosen before it is shown), trained model, digit #0."""
    model, meta, _ = trained_explorer
    app_state.set_model(model, meta)
    widget = FiltersTab(app_state, Preferences())
    widget.views.setCurrentWidget(widget.page)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    with qtbot.waitSignal(app_state.capture_changed, timeout=10_000):
        app_state.set_input(app_state.data.test_images[0] / 255.0, int(app_state.data.test_labels[0]))
    return widget


def test_each_filter_shows_its_picture_weights_response_and_top_digits(qtbot, tab: FiltersTab,  # type: ignore[no-untyped-def]
                                                                      trained_explorer) -> None:
    panel = tab.page.features
    qtbot.waitUntil(lambda: bool(panel.examples), timeout=SLOW)
    model, meta, _ = trained_explorer
    spec, data = input_spec(meta), tab.state.data
    panel.select("conv1", 5)
    assert (panel.stage, panel.channel) == ("conv1", 5)
    expected = visualise(model, spec, [Target("conv1", 5)])[0]
    wanted = panel.wanted.picture.image
    assert wanted.shape[:2] == expected.seen().shape == (3, 3)
    assert _grey_levels_match(wanted, expected.seen())
    kernel = model.conv1[0].weight.detach().numpy()[5, 0]
    assert panel.weights.picture.image.shape[:2] == kernel.shape  # the first layer's filter beside its picture
    response = tab.state.capture.stage("conv1").output[5]  # type: ignore[union-attr]
    assert panel.response.picture.image.shape[:2] == response.shape
    top = top_examples(model, spec, data.test_images, ["conv1"])["conv1"]
    for j, tile in enumerate(panel.tiles):
        assert _grey_levels_match(tile.picture.image, data.test_images[top.indices[5, j]] / 255.0)
        assert tile.region_outline.isVisible()
    assert len(panel.layer.panels) == 8  # every filter of the layer in the overview


def test_clicking_an_example_opens_it_as_the_input(qtbot, tab: FiltersTab) -> None:  # type: ignore[no-untyped-def]
    panel = tab.page.features
    qtbot.waitUntil(lambda: bool(panel.examples), timeout=SLOW)
    panel.select("conv2", 3)
    index = int(panel.examples["conv2"].indices[3, 4])
    with qtbot.waitSignal(tab.state.capture_changed, timeout=10_000):
        panel.tiles[4].picture.click(10, 10)
    data = tab.state.data
    assert np.array_equal(tab.state.image, to_unit(data.test_images[index]))
    assert tab.state.true_label == int(data.test_labels[index])


def test_clicking_a_card_picks_its_filter_for_the_pictures(qtbot, tab: FiltersTab) -> None:  # type: ignore[no-untyped-def]
    tab.views.setCurrentIndex(0)
    cards = tab.panels["conv2"].cards
    assert cards is not None
    y, x = cards.cards.origin(6)
    tab.panels["conv2"].item.click(y, x)  # a weight of filter 7
    assert (tab.page.features.stage, tab.page.features.channel) == ("conv2", 6)


def test_cancel_stops_the_job_and_compute_finishes_it(qtbot, tab: FiltersTab) -> None:  # type: ignore[no-untyped-def]
    panel = tab.page.features
    qtbot.waitUntil(lambda: not panel.tasks.busy("visualise"), timeout=SLOW)
    from cnnviz.features import cache

    cache.clear_memory()
    for path in cache.user_cache_dir().glob("*.npz"):
        path.unlink()
    panel.stage_box.setCurrentText("conv2")  # a new layer: its pictures are computed now
    assert panel.tasks.busy("visualise") and panel.bar.button.text() == "Cancel"
    qtbot.mouseClick(panel.bar.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.tasks.busy("visualise"), timeout=10_000)
    assert ("conv2", 0) not in panel.visualisations
    assert panel.bar.button.text() == "Compute" and panel.bar.button.isVisible()
    assert "Cancelled" in panel.bar.status.text()
    panel.mark_dirty()  # nothing restarts by itself after a cancel
    assert not panel.tasks.busy("visualise")
    qtbot.mouseClick(panel.bar.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ("conv2", 15) in panel.visualisations and "15" in panel.layer.panels
                    and panel.layer.panels["15"].picture.image is not None, timeout=SLOW)  # computed, then drawn


def test_each_class_picture_is_classified_as_its_class(qtbot, tab: FiltersTab, trained_explorer) -> None:  # type: ignore[no-untyped-def]
    classes = tab.page.classes
    qtbot.waitUntil(lambda: len(classes.pictures) == 10, timeout=SLOW)
    assert "an 8 looks like" in classes.heading.text()
    model = trained_explorer[0]
    images = np.stack([v.image for v in classes.pictures])
    with torch.no_grad():
        predicted = model(to_model_input(images)).argmax(1).numpy()
    assert list(predicted) == list(range(10))
    for vis, panel in zip(classes.pictures, classes.strip.panels.values(), strict=True):
        assert _grey_levels_match(panel.picture.image, vis.image)


def test_switching_layers_and_back_shows_every_picture_at_a_visible_size(qtbot, tab: FiltersTab) -> None:  # type: ignore[no-untyped-def]
    panel = tab.page.features
    panel.select("conv2", 2)
    qtbot.waitUntil(lambda: ("conv2", 15) in panel.visualisations, timeout=SLOW)
    panel.select("conv1", 1)  # back: a new row of 8 pictures replaces the 16
    qtbot.waitUntil(lambda: all(p.picture.image is not None for p in panel.layer.panels.values()), timeout=SLOW)
    qtbot.waitUntil(lambda: all(p.box.geometry().height() > 20 for p in panel.layer.panels.values()), timeout=5000)
    assert len(panel.layer.panels) == 8


def test_another_data_set_gets_its_own_top_digits(qtbot, tab: FiltersTab) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    panel = tab.page.features

    def shown() -> bool:  # found, and drawn once the job has ended
        return bool(panel.examples) and not panel.tasks.busy("top")

    qtbot.waitUntil(shown, timeout=SLOW)
    data = tab.state.data
    flipped = dataclasses.replace(data, name="MNIST flipped", test_images=data.test_images[:, :, ::-1].copy())
    tab.state.set_data(flipped)
    qtbot.waitUntil(shown, timeout=SLOW)
    top = panel.examples[panel.stage]
    model, meta = tab.state.model, tab.state.meta
    assert model is not None and meta is not None
    expected = top_examples(model, input_spec(meta), flipped.test_images, [panel.stage])[panel.stage]
    assert np.array_equal(top.indices, expected.indices)
    assert _grey_levels_match(panel.tiles[0].picture.image,
                              flipped.test_images[top.indices[panel.channel, 0]] / 255.0)
