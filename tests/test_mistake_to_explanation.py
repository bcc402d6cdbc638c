"""From a mistake to its explanation: a misclassified digit clicked in the zoo's gallery is explained at once,
the wrong (predicted) class's saliency beside the true class's."""

from __future__ import annotations

import numpy as np
import torch
from PyQt6.QtCore import Qt
from PyQt6.QtGui import QTextDocument

from cnnviz.data.transforms import MNIST_INPUT, to_spec_input
from cnnviz.format import format_probability


def _gradient_map(model, image: np.ndarray, target: int) -> np.ndarray:  # type: ignore[no-untyped-def]
    """|d logit[target] / d input|, scaled to its maximum: the vanilla gradient computed here by hand."""
    x = to_spec_input(image[None], MNIST_INPUT).requires_grad_(True)  # (1, 1, 28, 28)
    model.eval()
    (grad,) = torch.autograd.grad(model(x)[0, target], x)
    g = grad[0].abs().amax(dim=0).numpy()  # (28, 28)
    return g / g.max()


def test_clicking_a_mistake_shows_the_wrong_and_the_true_class_saliency(  # type: ignore[no-untyped-def]
        qtbot, window_factory, trained_explorer) -> None:
    window = window_factory(model_path=trained_explorer[2])  # the whole app, the trained explorer CNN open
    window.show()
    with qtbot.waitSignal(window.state.model_changed, timeout=60_000):
        window.start()
    zoo, explain = window.tab_widgets["zoo"], window.tab_widgets["explain"]
    gallery_view = zoo.confusion_view
    explain.saliency_view.method_box.setCurrentIndex(explain.saliency_view.method_box.findData("gradient"))
    with qtbot.waitSignal(gallery_view.evaluated, timeout=120_000):
        window.tabs.setCurrentWidget(zoo)
        zoo.views.setCurrentWidget(gallery_view)
    mistake = gallery_view.mistakes[0]
    assert mistake.predicted != mistake.true_label
    view = explain.saliency_view
    first = gallery_view.gallery.visualItemRect(gallery_view.gallery.item(0)).center()
    with qtbot.waitSignal(view.comparison_shown, timeout=60_000):
        qtbot.mouseClick(gallery_view.gallery.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert window.tabs.currentWidget() is explain and explain.views.currentWidget() is view
    assert window.state.true_label == mistake.true_label
    assert view.truth_strip.isVisible()
    wrong, right = view.saliency_maps["gradient"], view.truth_maps["gradient"]
    assert wrong.target == mistake.predicted == window.state.capture.prediction
    assert right.target == mistake.true_label
    model, image = window.state.model, mistake.image.astype(np.float32) / 255.0
    np.testing.assert_allclose(wrong.values, _gradient_map(model, image, mistake.predicted), atol=1e-4)
    np.testing.assert_allclose(right.values, _gradient_map(model, image, mistake.true_label), atol=1e-4)
    assert not np.allclose(wrong.values, right.values, atol=0.05)  # two different stories, both on screen
    names = view.class_names
    assert f"Predicted {names[mistake.predicted]}: wrong" in view.saliency_panel.title.text
    assert f"True class {names[mistake.true_label]}" in view.truth_panel.title.text
    shown = QTextDocument()
    shown.setHtml(view.title.text())  # as the caption reads: "<0.1%" is a probability, not a tag
    assert f"the true {names[mistake.true_label]}'s ({format_probability(right.probability)})" in shown.toPlainText()
    assert view.truth_panel.overlay.image is not None and view.truth_panel.overlay.image.shape == (28, 28, 4)

    # Another method: the true class's map follows it.
    with qtbot.waitSignal(view.comparison_shown, timeout=60_000):
        view.method_box.setCurrentIndex(view.method_box.findData("hirescam"))
    assert view.truth_maps["hirescam"].target == mistake.true_label

    # A digit the model gets right, or a drawing without a label, has nothing to compare.
    data = window.state.data
    right_index = next(i for i in range(len(data.test_labels)) if i not in {m.index for m in gallery_view.mistakes}
                       and gallery_view.result.predictions[i] == data.test_labels[i])
    with qtbot.waitSignal(window.state.capture_changed, timeout=10_000):
        window.state.set_input(data.test_images[right_index] / 255.0, int(data.test_labels[right_index]))
    assert not view.truth_strip.isVisible() and view.truth_panel.title.text == ""
    with qtbot.waitSignal(window.state.capture_changed, timeout=10_000):
        window.state.set_input(image)  # the same wrong digit, drawn: no true label known
    assert not view.truth_strip.isVisible()
