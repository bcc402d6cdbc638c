"""The saliency view never paints one input's maps over another's: a mistake's comparison shows the predicted
and the true class's maps of the same model on the same digit, whichever of the two is computed first."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from cnnviz.data.transforms import InputSpec
from cnnviz.explain.saliency import SaliencyMap
from cnnviz.jobs import Job, check
from cnnviz.models.registry import build_model
from cnnviz.models.staged import StagedNet
from ui.explain.saliency_view import Maps, SaliencyView


class Held:
    """A stand-in for the saliency computation: each model "predicts" its own class, and the predicted class's
    maps of the inputs in ``held`` wait until ``release`` is set (the true class's maps never wait)."""

    def __init__(self, predictions: dict[int, int]) -> None:
        self.predictions = predictions
        self.release = threading.Event()
        self.held: set[float] = set()

    def __call__(self, model: StagedNet, image: np.ndarray, keys: Sequence[str], target: int | None, job: Job,
                 spec: InputSpec) -> Maps:
        while target is None and float(image[0, 0]) in self.held and not self.release.wait(0.05):
            check(job.should_stop)  # a window closed meanwhile ends it
        explained = self.predictions[id(model)] if target is None else target
        return {key: SaliencyMap(key, explained, 0.5, np.full(image.shape, float(image[0, 0]), np.float32))
                for key in keys}


def _model() -> StagedNet:
    return build_model("logistic", in_channels=1, num_classes=10, input_size=(28, 28))


def _view(qtbot, compute: Held) -> SaliencyView:  # type: ignore[no-untyped-def]
    view = SaliencyView([str(i) for i in range(10)], compute=compute)
    qtbot.addWidget(view)
    view.method_box.setCurrentIndex(view.method_box.findData("gradient"))
    view.resize(1000, 500)
    view.show()
    return view


def test_a_mistakes_comparison_waits_for_its_own_predicted_class_map(qtbot) -> None:  # type: ignore[no-untyped-def]
    first, second = _model(), _model()
    compute = Held({id(first): 7, id(second): 4})
    view = _view(qtbot, compute)
    with qtbot.waitSignal(view.saliency_shown, timeout=10_000):  # the app's model on its digit: a 7
        view.set_source(first, np.full((28, 28), 0.25, np.float32))
    qtbot.waitUntil(lambda: view.saliency_maps.get("gradient") is not None, timeout=10_000)

    compute.held.add(0.75)  # another model's mistake: a 9 taken for a 4, whose "4" map comes last
    with qtbot.assertNotEmitted(view.comparison_shown, wait=0):
        view.set_source(second, np.full((28, 28), 0.75, np.float32), truth=9)
        qtbot.waitUntil(lambda: "gradient" in view.truth_maps, timeout=10_000)
        assert view.saliency_maps == {}  # the first digit's 7 is not offered as this one's prediction
    with qtbot.waitSignal(view.comparison_shown, timeout=10_000):
        compute.release.set()
    wrong, right = view.saliency_maps["gradient"], view.truth_maps["gradient"]
    assert isinstance(wrong, SaliencyMap) and isinstance(right, SaliencyMap)
    assert (wrong.target, right.target) == (4, 9)
    assert float(wrong.values[0, 0]) == float(right.values[0, 0]) == 0.75  # both of the new digit
    assert "Predicted 4: wrong" in view.saliency_panel.title.text and "True class 9" in view.truth_panel.title.text


def test_maps_that_finish_after_the_input_changed_are_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    first, second = _model(), _model()
    compute = Held({id(first): 7, id(second): 4})
    compute.held.add(0.25)
    view = _view(qtbot, compute)
    view.set_source(first, np.full((28, 28), 0.25, np.float32))  # its maps are still being computed…
    view.hide()  # …when the view is left and another digit arrives: nothing new is started while hidden
    view.set_source(second, np.full((28, 28), 0.75, np.float32))
    with qtbot.waitSignals([view.tasks.delivered, view.tasks.delivered], timeout=10_000):
        compute.release.set()
    assert view.saliency_maps == {}
    with qtbot.waitSignal(view.saliency_shown, timeout=10_000):  # shown again: the current digit's maps
        view.show()
    qtbot.waitUntil(lambda: view.saliency_maps.get("gradient") is not None, timeout=10_000)
    shown = view.saliency_maps["gradient"]
    assert isinstance(shown, SaliencyMap) and shown.target == 4 and float(shown.values[0, 0]) == 0.75
