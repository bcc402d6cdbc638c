"""Choosing where to compute: CUDA when present, then Apple's MPS, else the CPU; and how many CPU threads."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import torch

# PyTorch's own choice at start-up (one per physical core), before anything in the app changes it.
CPU_CORES = torch.get_num_threads()
# One 28×28 digit is too small to split: a second thread only adds waiting at the barrier, which
# turns into 20–80 ms stalls whenever another program (or the window) is using a core.
INFERENCE_THREADS = 1


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
