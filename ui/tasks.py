"""The one way the app runs background work: superqt workers, a cancel token, one registry, one shutdown.

Every job — a capture per pen movement, an explanation, a training run, an evaluation, a data-folder
load, the report, the first-launch model — is a plain function ``fn(job) -> result`` over the core,
run on superqt's thread pool (``create_worker``, what napari runs on). ``job`` (``cnnviz.jobs.Job``)
carries the cancel token (``job.should_stop()``, checked between batches and chunks) and two callbacks,
``job.progress(x)`` and ``job.partial(x)``; the ``Task`` turns them into Qt signals on the GUI thread.

A ``TaskRunner`` belongs to one owner (a panel, the window) and names its jobs by key, with a policy:
``single`` refuses a second job while one runs (training), ``latest`` keeps at most one in flight and
only the newest waiting request next, dropping stale results (``cnnviz.jobs.LatestSlot``: drawing,
clicking), ``replace`` cancels the running job and starts the new one (a new model's evaluation).

Closing the window is one call, ``shutdown_all()``: it cancels every job and waits until every worker
has really ended; a running thread is never dropped.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Literal

from PyQt6 import sip
from PyQt6.QtCore import QObject, QThreadPool, QTimer, pyqtSignal
from superqt.utils import FunctionWorker, WorkerBase, create_worker

from cnnviz.jobs import Job, JobCancelled, LatestSlot, StopToken
from cnnviz.wording import wording_of
from ui.i18n import error_text

Policy = Literal["single", "latest", "replace"]

# The pool defaults to one thread per core (2 here): a training run and a report would then starve the
# capture that follows the pen. Jobs set their own torch thread count, so more pool threads cost nothing.
POOL_THREADS = 8


_retired: list[Task] = []  # finished tasks kept alive until the event loop next turns


class _CancellableWorker(FunctionWorker):
    """superqt's function worker whose ``quit()`` (also called by ``await_workers``) sets the job's token."""

    token: StopToken

    def quit(self) -> None:
        self.token.request()
        super().quit()

    def start(self) -> None:
        """Start on the pool now: superqt defers the start by a timer tick when an event loop runs, and a
        window closed within that tick would find the pool idle, wait for nothing, and leave the job to start
        after shutdown."""
        if self in self._worker_set:
            raise RuntimeError("This worker is already started!")
        self._worker_set.add(self)
        self._finished.connect(self._set_discard)
        _pool().start(self)


def _pool() -> QThreadPool:
    pool = QThreadPool.globalInstance()  # superqt runs its workers on the global pool
    assert pool is not None
    return pool


def _message(exc: BaseException) -> str:
    """What a failed job says: a sentence the core worded (an expected problem, e.g. a bad file) in the interface
    language; any other error with its type, which is all there is to tell an unexpected one apart."""
    if wording_of(exc) is not None:
        return error_text(exc)
    return f"{type(exc).__name__}: {exc}"


class Task(QObject):
    """One background job. Exactly one of ``done``/``failed``/``cancelled`` fires, then ``finished``."""

    progress = pyqtSignal(object)
    partial = pyqtSignal(object)
    done = pyqtSignal(object)
    failed = pyqtSignal(str)
    cancelled = pyqtSignal()
    finished = pyqtSignal()

    live: ClassVar[set[Task]] = set()  # every task not yet finished, for shutdown and tests

    def __init__(self, name: str, fn: Callable[[Job], Any], threads: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.token = StopToken()
        self._fn = fn
        self._threads = threads
        self._ended = False
        job = Job(should_stop=self._should_stop, progress=self._emit_progress, partial=self._emit_partial)
        worker = create_worker(self._work, job, _start_thread=False, _worker_class=_CancellableWorker,
                               _ignore_errors=True)  # errors go to ``failed``, not re-raised
        assert isinstance(worker, _CancellableWorker)
        worker.token = self.token
        worker.returned.connect(self._on_returned)
        worker.errored.connect(self._on_errored)
        # not a bound slot: a Task deleted with its panel must still leave ``live`` when its thread ends
        worker.finished.connect(lambda *_: self._on_finished())
        self._worker: WorkerBase | None = worker

    def _should_stop(self) -> bool:
        """Cancelled, or its owner (a closed panel, and this Task with it) was deleted."""
        return self.token.requested or sip.isdeleted(self)

    def _emit_progress(self, value: object) -> None:
        if not sip.isdeleted(self):  # the panel that owned this job may be gone: nobody to tell
            self.progress.emit(value)

    def _emit_partial(self, value: object) -> None:
        if not sip.isdeleted(self):
            self.partial.emit(value)

    def _work(self, job: Job) -> Any:
        """Runs on a pool thread."""
        if self._threads is not None:
            import torch  # imported here: the window may be up before torch is

            torch.set_num_threads(self._threads)  # a pool thread keeps whatever the last job set
        try:
            return self._fn(job)
        except JobCancelled:
            return None

    def start(self) -> Task:
        pool = _pool()
        pool.setMaxThreadCount(max(POOL_THREADS, pool.maxThreadCount()))
        Task.live.add(self)
        assert self._worker is not None
        self._worker.start()
        return self

    def cancel(self) -> None:
        self.token.request()

    @property
    def running(self) -> bool:
        return not self._ended

    def _on_returned(self, result: object) -> None:
        if self.token.requested:
            self.cancelled.emit()
        else:
            self.done.emit(result)

    def _on_errored(self, exc: Exception) -> None:
        if isinstance(exc, JobCancelled) or self.token.requested:
            self.cancelled.emit()
            return
        traceback.print_exception(exc, file=sys.stderr)  # kept for the developer; the user gets a sentence
        self.failed.emit(_message(exc))

    def _on_finished(self) -> None:
        # superqt suppresses ``returned`` once quit() was called; a cancelled job must still say so
        if self._ended:
            return
        self._ended = True
        Task.live.discard(self)
        # Often called from inside the worker's own "finished" signal: dropping the last references to the
        # worker or to this Task now would delete them mid-emission (a crash). Keep them until the loop turns.
        _retired.append(self)
        QTimer.singleShot(0, _retired.clear)
        if not sip.isdeleted(self):  # its owner (a closed panel) may be gone; the thread has ended all the same
            self.finished.emit()


@dataclass
class _Handlers:
    done: Callable[[Any], None] | None = None
    failed: Callable[[str], None] | None = None
    progress: Callable[[Any], None] | None = None
    partial: Callable[[Any], None] | None = None
    cancelled: Callable[[], None] | None = None
    finished: Callable[[], None] | None = None


@dataclass
class _Request:
    fn: Callable[[Job], Any]
    handlers: _Handlers
    threads: int | None


class TaskRunner(QObject):
    """The jobs of one owner, by key. ``delivered(key, result)`` fires for every result handed to a view."""

    delivered = pyqtSignal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: dict[str, Task] = {}
        self._slots: dict[str, LatestSlot[_Request]] = {}
        self.closed = False  # set when its window closes: a handler of a cancelled job must not start new work

    def run(
        self,
        key: str,
        fn: Callable[[Job], Any],
        *,
        policy: Policy = "single",
        threads: int | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
        on_partial: Callable[[Any], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> bool:
        """Start ``fn`` as job ``key`` under ``policy``; False when ``single`` refused it (one is running) or
        the runner is closed."""
        if self.closed:
            return False
        request = _Request(fn, _Handlers(on_done, on_failed, on_progress, on_partial, on_cancelled, on_finished),
                           threads)
        if policy == "latest":
            slot = self._slots.setdefault(key, LatestSlot())
            request_id = slot.submit(request)
            if request_id is not None:
                self._start(key, request_id, request)
            return True
        running = self._tasks.get(key)
        if running is not None:
            if policy == "single":
                return False
            running.cancel()  # "replace": its results are dropped, its thread still ends on its own
        self._start(key, None, request)
        return True

    def _start(self, key: str, request_id: int | None, request: _Request) -> None:
        task = Task(key, request.fn, request.threads, self)
        h = _Handlers(*(self._unless_gone(getattr(request.handlers, f.name)) for f in fields(_Handlers)))
        if h.progress is not None:
            task.progress.connect(self._if_current(key, task, h.progress))
        if h.partial is not None:
            task.partial.connect(self._if_current(key, task, h.partial))
        task.done.connect(lambda result: self._on_done(key, task, request_id, h, result))
        task.failed.connect(lambda message: self._on_failed(key, task, request_id, h, message))
        task.cancelled.connect(lambda: self._on_cancelled(key, task, request_id, h))
        task.finished.connect(lambda: self._on_finished(key, task, h))
        self._tasks[key] = task
        task.start()

    def _gone(self) -> bool:
        """Whether the owner (and so this runner) has been deleted: a job may end after its panel is gone."""
        return sip.isdeleted(self)

    def _unless_gone(self, handler: Callable[..., Any] | None) -> Callable[..., Any] | None:
        if handler is None:
            return None
        return lambda *args: None if self._gone() else handler(*args)

    def _if_current(self, key: str, task: Task, handler: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if self._tasks.get(key) is task and not task.token.requested:
                handler(value)
        return call

    def _next(self, key: str, request_id: int | None) -> bool:
        """For ``latest`` jobs: deliver this result? (and start the newest waiting request)."""
        if request_id is None:
            return True
        slot = self._slots[key]
        deliver, nxt = slot.finish(request_id)
        if nxt is not None:
            self._start(key, *nxt)
        return deliver

    def _on_done(self, key: str, task: Task, request_id: int | None, h: _Handlers, result: Any) -> None:
        if self._gone():
            return
        if request_id is None and self._tasks.get(key) is not task:
            return  # replaced meanwhile
        if not self._next(key, request_id):
            return
        if h.done is not None:
            h.done(result)
        self.delivered.emit(key, result)

    def _on_failed(self, key: str, task: Task, request_id: int | None, h: _Handlers, message: str) -> None:
        if self._gone():
            return
        if request_id is None and self._tasks.get(key) is not task:
            return
        if self._next(key, request_id) and h.failed is not None:
            h.failed(message)

    def _on_cancelled(self, key: str, task: Task, request_id: int | None, h: _Handlers) -> None:
        if self._gone():
            return
        if request_id is not None:
            self._next(key, request_id)
        if h.cancelled is not None and (request_id is not None or self._tasks.get(key) is task):
            h.cancelled()

    def _on_finished(self, key: str, task: Task, h: _Handlers) -> None:
        if self._gone():
            return
        if self._tasks.get(key) is task:
            del self._tasks[key]
            if h.finished is not None:
                h.finished()

    # -- asking and cancelling ---------------------------------------------------------------------
    def busy(self, key: str) -> bool:
        slot = self._slots.get(key)
        return key in self._tasks or (slot is not None and slot.busy)

    def task(self, key: str) -> Task | None:
        return self._tasks.get(key)

    def cancel(self, key: str) -> None:
        """Ask job ``key`` to stop (its ``cancelled`` handler runs when it has); waiting requests are dropped."""
        slot = self._slots.get(key)
        if slot is not None:
            slot.reset()
        task = self._tasks.get(key)
        if task is not None:
            task.cancel()

    def cancel_all(self) -> None:
        for key in list(self._tasks):
            self.cancel(key)

    def close(self) -> None:
        """Cancel every job and start no new one (the owner is closing)."""
        self.closed = True
        self.cancel_all()


def shutdown_all(timeout_ms: int = 2000) -> bool:
    """Cancel every job and wait until every worker thread has ended; True when they all did in time.

    When a job is slower than ``timeout_ms`` to notice its cancel request, this keeps waiting (and says so
    on stderr) instead of dropping a running thread, which would abort the process.
    """
    for task in list(Task.live):
        task.cancel()
    in_time = True
    try:
        WorkerBase.await_workers(timeout_ms)  # calls quit() on every worker (our token too), then waits
    except RuntimeError:
        names = ", ".join(sorted(t.name for t in Task.live)) or "a job"
        print(f"cnnviz: waiting for {names} to stop…", file=sys.stderr)
        _pool().waitForDone(-1)
        in_time = False
    for task in list(Task.live):  # their threads have ended; their queued "finished" need not wait for the loop
        task._on_finished()
    return in_time
