"""The Training lab on an opened colour data set: both models built for its C×H×W input, their parameter
counts shown, the CNN's first-layer filters in colour, a real run on coloured shapes, and back to MNIST."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from test_ui_data import SHAPES, shapes_data
from test_ui_training_lab import TINY, make_lab

from cnnviz.models import build_model, count_parameters

RUN_TIMEOUT_MS = 120_000


def numbers_in(text: str) -> list[int]:
    """The parameter counts a line names (the integers written with thousands separators before "parameters")."""
    return [int(part.split()[-1].replace(",", "")) for part in text.split(" parameters")[:-1]]


def test_lab_builds_both_models_for_the_open_data_and_counts_them(qtbot, app_state, mnist) -> None:  # type: ignore[no-untyped-def]
    tab = make_lab(qtbot, app_state)
    colour = shapes_data()
    for data in (colour, mnist, colour):
        app_state.set_data(data)
        (h, w), c, k = data.spec.size, data.spec.channels, data.num_classes
        fc = build_model("mlp", hidden=TINY.fc_hidden, in_channels=c, input_size=(h, w), num_classes=k)
        cnn = build_model("explorer_cnn", conv1_filters=TINY.conv1_filters, conv2_filters=TINY.conv2_filters,
                          in_channels=c, input_size=(h, w), num_classes=k)
        text = tab.controls.sizes.text()
        assert numbers_in(text) == [count_parameters(fc), count_parameters(cnn)]
        assert text.startswith(f"FC ({c}×{h}×{w} inputs): ") and f"CNN ({c} input channel" in text
        assert f"{len(data.test_labels):,} test images" in tab.controls.data_caption.text()
        assert f"{k} classes" in tab.controls.data_caption.text()
        assert tab.controls.train_samples.maximum() == len(data.train_labels)
        shown = tab.filters.filters
        assert shown is not None and shown.shape == ((TINY.conv1_filters, 3, 3, 3) if c == 3
                                                     else (TINY.conv1_filters, 3, 3))
    # a wider FC layer: its count follows at once (the CNN's stays)
    before = numbers_in(tab.controls.sizes.text())
    tab.controls.fc_hidden.setValue(TINY.fc_hidden + 32)
    after = numbers_in(tab.controls.sizes.text())
    assert after[0] - before[0] == 32 * (3 * 32 * 32 + 1) + 32 * 3 and after[1] == before[1]


def test_colour_filters_are_drawn_as_colour_patches(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    """A kernel whose only weight is +red is drawn red-ish, one of −green magenta-ish: each tile's colour
    comes from its own weights."""
    tab = make_lab(qtbot, app_state)
    filters = np.zeros((2, 3, 3, 3), np.float32)
    filters[0, 0] = 1.0  # red everywhere
    filters[1, 1] = -1.0  # against green
    tab.filters.show_filters(filters, "test")
    tab.filters.refresh()
    image = tab.filters.picture.image
    assert image is not None
    first, second = image[4, 4], image[4, 3 * 8 + 3 + 4]  # the middle of each 24×24 tile (gap 3)
    assert tuple(first) == (255, 128, 128) and tuple(second) == (128, 0, 128)


def test_lab_trains_fc_and_cnn_on_colour_shapes(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    data = shapes_data(train=600, test=150)
    app_state.set_data(data)
    tab = make_lab(qtbot, app_state, replace(TINY, epochs=2, train_samples=600, test_samples=150, lr=3e-3))
    with qtbot.waitSignal(tab.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        assert tab.start_training()
    result = finished.args[0]
    for run in result.runs:
        assert run.test_samples == 150 and run.test_accuracy is not None
    assert result.cnn.filters.shape == (TINY.conv1_filters, 3, 3, 3)
    assert result.cnn.test_accuracy > 1 / len(SHAPES) + 0.15  # learned the shapes, not a guess
    assert tab.filters.filters.shape == (TINY.conv1_filters, 3, 3, 3)
    assert "150 test" in tab.status.text()
