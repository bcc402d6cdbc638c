"""Choosing where to compute: CUDA when present, then Apple's MPS, else the CPU; and how many CPU threads."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Literal, get_args

import torch

# PyTorch's own choice at start-up (one per physical core), before anything in the app changes it.
CPU_CORES = torch.get_num_threads()
# One 28×28 digit is too small to split: a second thread only adds waiting at the barrier, which
# turns into 20–80 ms stalls whenever another program (or the window) is using a core.
INFERENCE_THREADS = 1


def fast_bfloat16(device: torch.device) -> bool:
    """Whether training on ``device`` is faster under bfloat16 autocast: a CUDA GPU that supports it, or a CPU
    with bfloat16 instructions that oneDNN uses (AMX tiles, or AVX-512 BF16).

    Measured on 2 cores, one modern_cnn training step of 128 digits at width 32 (median of 20, channels-last):
    a Xeon with AMX (2026-12-03) took 0.145 s in float32 and 0.063 s under bfloat16 autocast (at width 48,
    0.267 s and 0.107 s); an AMD EPYC with AVX-512 BF16 and no AMX (2026-12-04) took 0.22 s and 0.12-0.13 s.
    CPUs with neither were not measured, so they train in float32.
    """
    if device.type == "cuda":
        return torch.cuda.is_bf16_supported()
    if device.type == "cpu":
        probes = ("_is_amx_tile_supported", "_is_avx512_bf16_supported")  # private, so looked up with care
        return any(bool(getattr(torch.cpu, probe, lambda: False)()) for probe in probes)
    return False


def available_devices() -> list[str]:
    devices = ["cpu"]
    if torch.cuda.is_available():
        devices.insert(0, "cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.insert(0, "mps")
    return devices


def pick_device(requested: str | None = None) -> torch.device:
    """The requested device if usable, else the best available one ("auto" or None picks)."""
    if requested in (None, "", "auto"):
        return torch.device(available_devices()[0])
    assert requested is not None
    if requested not in available_devices():
        raise ValueError(f"device {requested!r} is not available here (have: {', '.join(available_devices())})")
    return torch.device(requested)


def device_label(device: torch.device) -> str:
    """A human name for the status bar: "CPU" or the GPU's marketing name."""
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    if device.type == "mps":
        return "Apple GPU (MPS)"
    return "CPU"


def is_out_of_memory(exc: BaseException) -> bool:
    """True for a GPU out-of-memory error, so callers can fall back to the CPU."""
    return isinstance(exc, torch.OutOfMemoryError) or "out of memory" in str(exc).lower()


def flush_denormals() -> bool:
    """Treat denormal floats (|x| < 1.2e-38) as zero on this thread and on every thread it starts afterwards.

    Call it at start-up, before PyTorch starts its worker threads: a thread takes this setting from the thread
    that creates it, so one set later reaches only the calling thread. Measured 2026-12-02 on the 2-core
    development machine: one modern_cnn training step (batch 128, 1 thread) took 14.1 s instead of 0.53 s
    with half of every conv's filters shrunk into the denormal range, and 0.61 s with this set; with 2 threads
    set *after* the first parallel work it only went from 8.0 s to 5.9 s. A 20-epoch modern_cnn report run's
    epochs grew from 129 s to about 720 s on a quiet machine, 88% of the time in backward (py-spy): denormals
    are the likely cause. Returns False where the CPU cannot flush them (nothing changes then).
    """
    return bool(torch.set_flush_denormal(True))


def training_threads() -> int:
    """Threads for training on the CPU: all cores but one, which stays free for the window and inference.

    On a busy 2-core machine two OpenMP threads fighting the GUI thread run several times slower
    than one (see benchmarks/README.md).
    """
    return max(1, CPU_CORES - 1)


@contextlib.contextmanager
def compute_threads(threads: int) -> Iterator[None]:
    """Run PyTorch CPU work in this thread with ``threads`` threads, then put the setting back.

    The count is per thread once a thread has used PyTorch, so a training thread and the
    inference thread can each keep their own.
    """
    previous = torch.get_num_threads()
    torch.set_num_threads(max(1, threads))
    try:
        yield
    finally:
        torch.set_num_threads(previous)


JobKind = Literal["capture", "explain", "train", "evaluate", "report", "load"]
JOB_KINDS: tuple[str, ...] = get_args(JobKind)


def threads_for(kind: JobKind) -> int:
    """The CPU threads a background job of ``kind`` should use (a new thread inherits whatever any thread set last).

    Measured on the 2-core development machine while other programs kept it busy (load 4), nice'd,
    best of 3 rounds (2026-12-02):
    - capture (one digit through every stage): explorer CNN median 0.73 ms on 1 thread vs 0.62 ms on 2,
      but p99 7.7 ms vs 60 ms; modern CNN 3.7 ms vs 12.6 ms (p99 13 vs 184 ms). One digit is too small to
      split, so single-digit work (capture, explain) uses 1 thread.
    - evaluation of 2,000 test digits: explorer CNN 0.11 s on 1 thread vs 0.29 s on 2; modern CNN 5.1 s vs
      7.2 s. With a core busy, a second thread waits at every barrier; on a machine with more cores the
      idle ones do help, so batch work (train, evaluate, report) uses all cores but one, the one left to
      the window (1 on 2 cores; training measured the same way, see ``training_threads``).
    - load (reading a checkpoint) is file and unpickling work: 1 thread.
    """
    if kind in ("capture", "explain", "load"):
        return INFERENCE_THREADS
    if kind in ("train", "evaluate", "report"):
        return training_threads()
    raise ValueError(f"unknown job kind {kind!r}; one of {', '.join(JOB_KINDS)}")


@contextlib.contextmanager
def job_threads(kind: JobKind) -> Iterator[int]:
    """Set this thread's PyTorch thread count for a job of ``kind`` (restored after); yields the count."""
    threads = threads_for(kind)
    with compute_threads(threads):
        yield threads
