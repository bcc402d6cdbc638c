"""Background jobs without Qt: a stop token, and the "newest request wins" rule written once.

The app runs every long or repeated computation (a capture per pen movement, an explanation per
click, a training run, an evaluation, a data-folder load, the report) off the GUI thread. Two rules
make that safe, and they live here so they can be tested without a window:

- ``StopToken``: cancelling is a request that the job checks between batches or chunks; a job never
  gets killed mid-step, so files and models are never left half-written.
- ``LatestSlot``: for work that follows the user's input (drawing, clicking), at most one request is
  in flight; a newer request waiting replaces an older one, and a result that is no longer the newest
  one wanted is dropped, so a view never shows an answer to a question the user has moved on from.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar, cast

R = TypeVar("R")  # a request


class StopToken:
    """A cancel request shared by the job (which checks it) and whoever may cancel it."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def request(self) -> None:
        self._event.set()

    @property
    def requested(self) -> bool:
        return self._event.is_set()

    def __call__(self) -> bool:
        """So a token can be passed wherever the core takes a ``should_stop`` callable."""
        return self._event.is_set()


def _ignore(value: object) -> None:
    return None


@dataclass(frozen=True)
class Job:
    """What a background job gets: its cancel check and where to send progress and partial results."""

    should_stop: Callable[[], bool] = field(default=lambda: False)
    progress: Callable[[object], None] = _ignore  # e.g. BatchMetrics, (done, total)
    partial: Callable[[object], None] = _ignore  # e.g. a finished report row


class JobCancelled(Exception):
    """Raised by a job that stops because its token was set (the task reports it as cancelled)."""


def check(stop: Callable[[], bool]) -> None:
    """Raise ``JobCancelled`` when the job has been asked to stop (call between chunks of work)."""
    if stop():
        raise JobCancelled


@dataclass
class LatestSlot(Generic[R]):
    """One request in flight; only the newest waiting request runs next; stale results are dropped.

    The caller starts a request when ``submit`` returns its id, and calls ``finish(id)`` when that
    request's result (or failure) arrives. ``finish`` says whether to deliver the result and which
    waiting request to start next, if any. Not thread-safe by design: it lives on one thread (the GUI
    thread), like the views it feeds.
    """

    _next_id: int = 0
    _in_flight: int | None = None
    _waiting: R | None = None
    _has_waiting: bool = False
    superseded: int = field(default=0)  # how many requests were replaced before they ran, or dropped

    def submit(self, request: R) -> int | None:
        """Start now (the request's id is returned) or wait, replacing any older waiting request."""
        if self._in_flight is not None:
            if self._has_waiting:
                self.superseded += 1
            self._waiting, self._has_waiting = request, True
            return None
        return self._start()

    def _start(self) -> int:
        self._next_id += 1
        self._in_flight = self._next_id
        return self._next_id

    def finish(self, request_id: int) -> tuple[bool, tuple[int, R] | None]:
        """(deliver this result?, (id, request) to start next or None).

        A result is delivered only when it answers the request in flight and nothing newer waits;
        otherwise it is stale: dropped, and the newest waiting request starts instead.
        """
        if request_id != self._in_flight:
            return False, None  # answers a request that was cancelled or reset: drop it
        self._in_flight = None
        if not self._has_waiting:
            return True, None
        self.superseded += 1
        request = cast(R, self._waiting)
        self._waiting, self._has_waiting = None, False
        return False, (self._start(), request)

    def reset(self) -> None:
        """Forget the request in flight and any waiting one: their results will be dropped."""
        self._in_flight = None
        self._waiting, self._has_waiting = None, False

    @property
    def busy(self) -> bool:
        return self._in_flight is not None
