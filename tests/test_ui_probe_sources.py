"""The invariance probe never draws one model's curves under another's name: curves that finish after the model
changed are dropped, and the current model's are computed when the view is shown again."""

from __future__ import annotations

import threading

import numpy as np

from cnnviz.data import MnistData
from cnnviz.explain import InvarianceComparison, ProbeCurve
from cnnviz.jobs import Job, check
from cnnviz.models.registry import build_model
from cnnviz.models.staged import StagedNet
from cnnviz.training import CheckpointMeta
from ui.explain.probe_view import ProbeView


class Held:
    """A stand-in for ``compare_invariance``: each CNN "keeps" its own class along every axis, and the first
    request waits until ``release`` is set."""

    def __init__(self, classes: dict[int, int]) -> None:
        self.classes = classes
        self.release = threading.Event()
        self.calls = 0

    def __call__(self, models: dict[str, StagedNet], image: np.ndarray, job: Job) -> InvarianceComparison:
        self.calls += 1
        while self.calls == 1 and not self.release.wait(0.05):
            check(job.should_stop)  # a window closed meanwhile ends it
        cls = self.classes[id(models["cnn"])]
        values = np.array([-2.0, 0.0, 2.0])
        curve = {axis: ProbeCurve(axis, values, np.full(3, cls), np.full(3, 0.9), cls, np.full(3, 0.9))
                 for axis in ("x", "y", "angle")}
        return InvarianceComparison({"cnn": curve, "fc": curve}, None)


def _meta(model: StagedNet) -> CheckpointMeta:
    return CheckpointMeta(model=model.arch, model_kwargs=dict(model.arch_kwargs), epochs=1)


def test_curves_that_finish_after_the_model_changed_are_dropped(qtbot, mnist: MnistData) -> None:  # type: ignore[no-untyped-def]
    first = build_model("small_cnn", in_channels=1, num_classes=10, input_size=(28, 28))
    second = build_model("small_cnn", in_channels=1, num_classes=10, input_size=(28, 28))
    fc = build_model("mlp", in_channels=1, num_classes=10, input_size=(28, 28))
    compare = Held({id(first): 7, id(second): 4})
    view = ProbeView(mnist, compare=compare)
    qtbot.addWidget(view)
    view.set_fc_model(fc, _meta(fc))  # no FC network to train
    view.resize(1000, 600)
    view.show()
    image = np.zeros((28, 28), np.float32)
    view.set_source(first, _meta(first), image)  # its curves are still being computed…
    view.hide()  # …when the view is left and another model arrives: nothing new is started while hidden
    view.set_source(second, _meta(second), image)
    with qtbot.assertNotEmitted(view.probe_shown, wait=0), qtbot.waitSignal(view.tasks.delivered, timeout=10_000):
        compare.release.set()
    assert view.probe == {}  # the first model's 7s are not drawn as the second model's
    with qtbot.waitSignal(view.probe_shown, timeout=10_000):  # shown again: the current model's curves
        view.show()
    assert view.probe["cnn"]["x"].reference_class == 4
    assert "<b>4</b>" in view.probe_summary.text()
