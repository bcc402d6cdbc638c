"""Each background job sets its own PyTorch thread count instead of inheriting the last thread's."""

from __future__ import annotations

import threading

import pytest
import torch

from cnnviz.training.device import CPU_CORES, JOB_KINDS, job_threads, threads_for, training_threads


def test_every_job_kind_has_a_deliberate_count() -> None:
    assert threads_for("capture") == threads_for("explain") == threads_for("load") == 1
    for kind in ("train", "evaluate", "report"):
        assert threads_for(kind) == training_threads() == max(1, CPU_CORES - 1)  # type: ignore[arg-type]
    assert set(JOB_KINDS) == {"capture", "explain", "train", "evaluate", "report", "load"}
    with pytest.raises(ValueError, match="unknown job kind"):
        threads_for("paint")  # type: ignore[arg-type]


def test_a_new_thread_gets_its_jobs_count_whatever_another_thread_set() -> None:
    seen: dict[str, int] = {}

    def job() -> None:
        torch.set_num_threads(5)  # what a thread inherits or was left with
        with job_threads("evaluate") as threads:
            seen["inside"], seen["yielded"] = torch.get_num_threads(), threads
        seen["after"] = torch.get_num_threads()

    worker = threading.Thread(target=job)
    worker.start()
    worker.join()
    assert seen == {"inside": threads_for("evaluate"), "yielded": threads_for("evaluate"), "after": 5}
