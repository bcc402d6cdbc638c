"""Choosing where to compute: CUDA when present, then Apple's MPS, else the CPU."""

from __future__ import annotations

import torch


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
