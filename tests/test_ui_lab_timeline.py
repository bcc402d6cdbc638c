"""The Training lab after a run: scrub through the CNN's epochs, and open a model's mistake to explain it."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import torch
import torch.nn.functional as F
from PyQt6.QtCore import Qt
from test_mistake_to_explanation import _gradient_map
from test_ui_training_lab import TINY, make_lab, prefs_for

from cnnviz.data.transforms import to_spec_input
from cnnviz.lab import CNN_KEY, FC_KEY, build_pair, first_layer_filters
from ui.preferences import open_preferences

RUN_TIMEOUT_MS = 60_000
TWO_EPOCHS = replace(TINY, epochs=2)


def _probabilities(model: torch.nn.Module, image: np.ndarray, spec) -> np.ndarray:  # type: ignore[no-untyped-def]
    with torch.no_grad():
        return F.softmax(model.eval()(to_spec_input(image[None], spec)), 1)[0].numpy()


def test_the_slider_scrubs_through_the_cnns_epochs(qtbot, app_state, mnist) -> None:  # type: ignore[no-untyped-def]
    lab = make_lab(qtbot, app_state, TWO_EPOCHS)
    with qtbot.waitSignal(lab.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        assert lab.start_training()
    result, view = finished.args[0], lab.timeline
    with qtbot.waitSignal(view.shown, timeout=10_000):
        lab.show_page(view)
    assert view.slider.maximum() == 2 and view.epoch == 2  # the end of the run, as trained
    np.testing.assert_array_equal(view.filters.filters, result.cnn.filters)
    digit = mnist.test_images[0]  # nothing on the canvas: test image 0
    np.testing.assert_allclose(view.chart.probabilities, _probabilities(view.timeline.model_at(2), digit, mnist.spec),
                               atol=1e-6)

    with qtbot.waitSignal(view.shown, timeout=10_000):  # epoch 0: the untrained CNN the run started from
        view.slider.setValue(0)
    untrained = build_pair(TWO_EPOCHS.for_data(mnist))[1]
    np.testing.assert_array_equal(view.filters.filters, first_layer_filters(untrained))
    np.testing.assert_allclose(view.chart.probabilities, _probabilities(untrained, digit, mnist.spec), atol=1e-6)
    assert "random start" in view.epoch_label.text()
    start = view.chart.probabilities.copy()

    with qtbot.waitSignal(view.shown, timeout=10_000):
        view.slider.setValue(1)
    assert "epoch 1 of 2" in view.epoch_label.text()
    assert not np.allclose(view.filters.filters, first_layer_filters(untrained))
    assert not np.allclose(view.filters.filters, result.cnn.filters)
    assert not np.allclose(view.chart.probabilities, start)
    conv = next(m for m in view.timeline.model_at(1).modules() if isinstance(m, torch.nn.Conv2d))
    x = to_spec_input(digit[None], mnist.spec)  # (1, 1, 28, 28): conv1 + ReLU by hand
    maps = F.relu(F.conv2d(x, conv.weight, conv.bias, padding=conv.padding))[0].detach().numpy()
    np.testing.assert_allclose(view.view.conv1.output, maps, atol=1e-5)
    assert view.maps_picture.image is not None

    with qtbot.waitSignal(view.shown, timeout=10_000):  # another test image, chosen by its number
        view.index.setValue(7)
    np.testing.assert_allclose(view.chart.probabilities,
                               _probabilities(view.timeline.model_at(1), mnist.test_images[7], mnist.spec), atol=1e-6)
    with qtbot.waitSignal(view.shown, timeout=10_000):  # the canvas's digit, when there is one
        view.source.setCurrentIndex(view.source.findData("canvas"))
        app_state.set_input(mnist.test_images[9] / 255.0, int(mnist.test_labels[9]))
    np.testing.assert_allclose(view.chart.probabilities,
                               _probabilities(view.timeline.model_at(1), mnist.test_images[9], mnist.spec), atol=1e-5)


def test_clicking_a_lab_mistake_explains_it_with_the_model_that_made_it(  # type: ignore[no-untyped-def]
        qtbot, window_factory, trained_explorer, tmp_path) -> None:
    store = open_preferences(tmp_path / "lab.ini")
    store.prefs.lab = prefs_for(TINY).lab
    store.save()
    window = window_factory(settings_path=tmp_path / "lab.ini", model_path=trained_explorer[2])
    window.show()
    with qtbot.waitSignal(window.state.model_changed, timeout=60_000):
        window.start()
    lab, explain = window.tab_widgets["lab"], window.tab_widgets["explain"]
    app_model = window.state.model
    explain.saliency_view.method_box.setCurrentIndex(explain.saliency_view.method_box.findData("gradient"))
    window.tabs.setCurrentWidget(lab)
    with qtbot.waitSignal(lab.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        assert lab.start_training()
    lab.show_page(lab.mistakes)
    result, found = finished.args[0], lab.mistakes.found
    assert found[CNN_KEY].errors == result.cnn.test_errors and found[FC_KEY].errors == result.fc.test_errors
    gallery = lab.mistakes.galleries[CNN_KEY]
    assert gallery.count() == len(found[CNN_KEY].mistakes) > 0
    mistake, lab_cnn = found[CNN_KEY].mistakes[0], found[CNN_KEY].model
    view = explain.saliency_view
    first = gallery.visualItemRect(gallery.item(0)).center()
    with qtbot.waitSignal(view.comparison_shown, timeout=60_000):
        qtbot.mouseClick(gallery.viewport(), Qt.MouseButton.LeftButton, pos=first)
    image = mistake.image.astype(np.float32) / 255.0
    assert window.tabs.currentWidget() is explain and explain.views.currentWidget() is view
    assert window.state.model is lab_cnn and window.state.model is not app_model
    np.testing.assert_array_equal(window.state.image, image)
    np.testing.assert_allclose(window.draw_tab.canvas.input_image(), image, atol=1 / 255)  # on the canvas
    assert window.state.true_label == mistake.true_label == window.state.data.test_labels[mistake.index]
    wrong, right = view.saliency_maps["gradient"], view.truth_maps["gradient"]
    assert wrong.target == mistake.predicted == window.state.capture.prediction != mistake.true_label
    assert right.target == mistake.true_label
    np.testing.assert_allclose(wrong.values, _gradient_map(lab_cnn, image, mistake.predicted), atol=1e-4)
    np.testing.assert_allclose(right.values, _gradient_map(lab_cnn, image, mistake.true_label), atol=1e-4)
