"""The one background-task mechanism: signals, newest-wins delivery, cancel, and shutdown that waits."""

from __future__ import annotations

import threading

import pytest

from cnnviz.jobs import Job, check
from ui.tasks import Task, TaskRunner, shutdown_all


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    r.cancel_all()
    shutdown_all(5000)


def test_a_job_reports_progress_then_its_result(qtbot, runner):
    progress: list[object] = []

    def job(j: Job) -> int:
        for i in range(3):
            j.progress(i)
        return 42

    with qtbot.waitSignal(runner.delivered, timeout=5000) as blocker:
        runner.run("sum", job, on_progress=progress.append)
    assert blocker.args == ["sum", 42]
    qtbot.waitUntil(lambda: not runner.busy("sum"), timeout=5000)
    assert progress == [0, 1, 2]


def test_a_failure_reaches_the_owner_as_a_sentence(qtbot, runner):
    messages: list[str] = []

    def job(j: Job) -> None:
        raise ValueError("the file is damaged")

    runner.run("bad", job, on_failed=messages.append)
    qtbot.waitUntil(lambda: messages == ["ValueError: the file is damaged"], timeout=5000)


def test_single_refuses_a_second_job_while_one_runs(qtbot, runner):
    release = threading.Event()
    assert runner.run("train", lambda j: release.wait(5))
    assert runner.run("train", lambda j: None) is False
    release.set()
    qtbot.waitUntil(lambda: not runner.busy("train"), timeout=5000)


def test_a_superseded_result_never_reaches_a_view(qtbot, runner):
    """Three requests while the first runs: the first's and the second's results are never delivered."""
    gate = threading.Event()
    started = threading.Event()
    seen: list[int] = []

    def slow(value: int):
        def job(j: Job) -> int:
            started.set()
            gate.wait(5)
            return value
        return job

    runner.run("capture", slow(1), policy="latest", on_done=seen.append)
    assert started.wait(5)
    runner.run("capture", slow(2), policy="latest", on_done=seen.append)
    runner.run("capture", slow(3), policy="latest", on_done=seen.append)
    with qtbot.assertNotEmitted(runner.delivered, wait=200):
        pass  # nothing is delivered while the first request is still running
    stale = lambda key, result: result in (1, 2)  # noqa: E731
    with qtbot.waitSignal(runner.delivered, timeout=5000, check_params_cb=lambda k, r: r == 3):
        gate.set()
    with qtbot.assertNotEmitted(runner.delivered, wait=100):
        pass
    assert seen == [3]
    assert not any(stale("capture", r) for r in seen)


def test_cancel_stops_a_job_between_chunks_and_says_cancelled(qtbot, runner):
    chunks: list[int] = []

    def job(j: Job) -> str:
        for i in range(10_000):
            check(j.should_stop)
            chunks.append(i)
            threading.Event().wait(0.001)
        return "finished"

    cancelled: list[bool] = []
    runner.run("evaluate", job, on_cancelled=lambda: cancelled.append(True))
    qtbot.waitUntil(lambda: len(chunks) > 3, timeout=5000)
    with qtbot.assertNotEmitted(runner.delivered, wait=0):
        runner.cancel("evaluate")
        qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    assert len(chunks) < 10_000


def test_replace_cancels_the_running_job_and_only_the_new_result_arrives(qtbot, runner):
    gate = threading.Event()
    seen: list[str] = []

    def first(j: Job) -> str:
        gate.wait(5)
        return "old"

    runner.run("confusion", first, policy="replace", on_done=seen.append)
    with qtbot.waitSignal(runner.delivered, timeout=5000, check_params_cb=lambda k, r: r == "new"):
        runner.run("confusion", lambda j: "new", policy="replace", on_done=seen.append)
    gate.set()
    qtbot.waitUntil(lambda: not Task.live, timeout=5000)
    assert seen == ["new"]


def test_shutdown_cancels_every_job_and_waits_for_its_thread(qtbot):
    runner = TaskRunner()
    ended = threading.Event()

    def job(j: Job) -> None:
        while not j.should_stop():
            threading.Event().wait(0.005)
        ended.set()

    for key in ("a", "b", "c"):
        runner.run(key, job)
    qtbot.waitUntil(lambda: len(Task.live) == 3, timeout=5000)
    assert shutdown_all(2000) is True
    assert ended.is_set()


def test_a_stale_capture_never_reaches_the_views_and_the_newest_does(qtbot, mnist):
    """The drawing path: while one capture runs, newer inputs replace each other; only the last is shown."""
    import numpy as np

    from cnnviz.introspect import capture
    from cnnviz.models import build_model
    from cnnviz.training import CheckpointMeta
    from ui.state import AppState

    gate = threading.Event()
    seen_inputs: list[float] = []

    def gated_capture(model, image, spec):
        gate.wait(5)
        seen_inputs.append(float(image.sum()))
        return capture(model, image, spec)

    state = AppState(mnist, capture_fn=gated_capture)
    model = build_model("explorer_cnn")
    state.set_model(model, CheckpointMeta(model="explorer_cnn", model_kwargs={}))
    images = [np.full((28, 28), v, dtype=np.float32) for v in (0.1, 0.2, 0.3, 0.4)]
    for image in images:
        state.set_input(image)  # the first starts; the others wait, each replacing the one before
    with qtbot.assertNotEmitted(state.capture_changed, wait=150):
        pass  # nothing is shown while the first capture is still running
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        gate.set()
    with qtbot.assertNotEmitted(state.capture_changed, wait=200):
        pass  # and nothing after: the stale first result was dropped, the middle two never ran
    assert seen_inputs == [float(images[0].sum()), float(images[-1].sum())]
    assert state.capture is not None
    assert np.allclose(state.capture.probabilities, capture(model, images[-1]).probabilities)


def test_a_new_model_reaches_the_views_together_with_its_own_capture(qtbot, mnist):
    import numpy as np

    from cnnviz.models import build_model
    from cnnviz.training import CheckpointMeta
    from ui.state import AppState

    state = AppState(mnist)
    first = build_model("explorer_cnn")
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_model(first, CheckpointMeta(model="explorer_cnn", model_kwargs={}))
        state.set_input(np.zeros((28, 28), dtype=np.float32) + 0.5)
    pairs: list[tuple[object, tuple[str, ...]]] = []

    def on_model() -> None:  # what a view sees the moment the model changes
        assert state.capture is not None
        pairs.append((state.model, tuple(s.name for s in state.capture.stages)))

    state.model_changed.connect(on_model)
    lenet = build_model("lenet5")
    with qtbot.waitSignal(state.capture_changed, timeout=10_000):
        state.set_model(lenet, CheckpointMeta(model="lenet5", model_kwargs={}))
        assert state.model is first  # not shown until its capture is ready
    assert pairs and pairs[0][0] is lenet
    assert pairs[0][1] == tuple(s.name for s in state.capture.stages)


def test_a_job_that_outlives_its_panel_ends_quietly(qtbot):
    """A panel closed and deleted while its job runs: the job is asked to stop and its result goes nowhere."""
    from PyQt6.QtWidgets import QWidget

    panel = QWidget()
    runner = TaskRunner(panel)
    started, seen = threading.Event(), []

    def job(j: Job) -> str:
        started.set()
        while not j.should_stop():
            threading.Event().wait(0.005)
        j.progress("late")  # the Task is still alive: no "wrapped C/C++ object deleted"
        return "late"

    runner.run("slow", job, on_done=seen.append, on_progress=seen.append, on_cancelled=lambda: seen.append("x"))
    assert started.wait(5)
    panel.deleteLater()
    qtbot.waitUntil(lambda: not Task.live, timeout=5000)
    assert seen == []
