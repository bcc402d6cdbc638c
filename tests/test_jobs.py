"""The "newest request wins" rule and the stop token, without Qt."""

from __future__ import annotations

import threading

import pytest

from cnnviz.jobs import Job, JobCancelled, LatestSlot, StopToken, check


def test_first_request_starts_at_once_and_is_delivered():
    slot: LatestSlot[str] = LatestSlot()
    first = slot.submit("a")
    assert first is not None and slot.busy
    assert slot.finish(first) == (True, None)
    assert not slot.busy


def test_only_the_newest_waiting_request_runs_next_and_the_stale_result_is_dropped():
    slot: LatestSlot[str] = LatestSlot()
    first = slot.submit("a")
    assert slot.submit("b") is None and slot.submit("c") is None  # both wait; "c" replaces "b"
    assert first is not None
    deliver, nxt = slot.finish(first)
    assert deliver is False  # the input moved on while "a" ran: never shown
    assert nxt is not None and nxt[1] == "c"
    assert slot.finish(nxt[0]) == (True, None)
    assert slot.superseded == 2  # "b" replaced, "a"'s result dropped


def test_a_result_for_a_reset_request_is_dropped():
    slot: LatestSlot[int] = LatestSlot()
    first = slot.submit(1)
    assert first is not None
    slot.reset()
    assert slot.finish(first) == (False, None)
    second = slot.submit(2)
    assert second is not None and second != first


def test_a_waiting_request_whose_value_is_none_still_runs():
    slot: LatestSlot[int | None] = LatestSlot()
    first = slot.submit(1)
    slot.submit(None)
    assert first is not None
    deliver, nxt = slot.finish(first)
    assert not deliver and nxt is not None and nxt[1] is None


def test_stop_token_is_a_should_stop_callable_shared_across_threads():
    token = StopToken()
    job = Job(should_stop=token)
    seen: list[bool] = []
    thread = threading.Thread(target=lambda: (token.request(), seen.append(job.should_stop())))
    thread.start()
    thread.join()
    assert seen == [True] and token.requested
    with pytest.raises(JobCancelled):
        check(job.should_stop)


def test_default_job_never_stops_and_ignores_progress():
    job = Job()
    job.progress(3)
    job.partial("row")
    check(job.should_stop)  # does not raise
