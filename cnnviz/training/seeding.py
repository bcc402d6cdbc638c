"""Per-run random streams: weights, shuffling, augmentation and dropout draw from the run's own generators.

torch's global RNG is shared by every thread, so a run that seeds it is only deterministic while no
other thread touches it (the Training lab reseeding while a zoo report trains broke "same seed, same
result"). Nothing here reads or writes the global RNG.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from typing import Any, TypeVar

import torch
from torch import nn

from cnnviz.models.registry import build_model
from cnnviz.models.staged import StagedNet

# Modules whose parameters have a fixed (non-random) initial value: reset_parameters draws nothing.
M = TypeVar("M", bound=nn.Module)

_FIXED_INIT = (nn.modules.batchnorm._NormBase, nn.LayerNorm, nn.GroupNorm)


def run_generator(seed: int) -> torch.Generator:
    """A CPU generator for one run (indices and masks are drawn on the CPU, then moved)."""
    return torch.Generator().manual_seed(seed)


@torch.no_grad()
def init_parameters(model: M, generator: torch.Generator) -> M:
    """Re-initialise every parameter exactly as PyTorch's defaults do, drawing from ``generator``.

    Linear and convolution layers: weights Kaiming-uniform with a=√5 and biases uniform in
    ±1/√fan_in (``reset_parameters``'s recipe); normalisation layers: their fixed ones and zeros.
    A module with parameters of another kind raises ``TypeError`` so no weight is left on the global RNG.
    """
    for module in model.modules():
        if isinstance(module, nn.Linear | nn.modules.conv._ConvNd):
            nn.init.kaiming_uniform_(module.weight, a=math.sqrt(5), generator=generator)
            if module.bias is not None:
                fan_in, _ = nn.init._calculate_fan_in_and_fan_out(module.weight)
                bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0.0
                nn.init.uniform_(module.bias, -bound, bound, generator=generator)
        elif isinstance(module, _FIXED_INIT):
            module.reset_parameters()
        elif any(True for _ in module.parameters(recurse=False)) or any(True for _ in module.buffers(recurse=False)):
            raise TypeError(f"no generator-driven initialisation for {type(module).__name__}")
    return model


def build_seeded(name: str, seed: int, **kwargs: Any) -> StagedNet:
    """Build a registered model with weights drawn from ``seed`` alone.

    Constructed on the ``meta`` device first (no memory, no draws from the global RNG), then given
    CPU storage and initialised from the run's generator.
    """
    with torch.device("meta"):
        model = build_model(name, **kwargs)
    model.to_empty(device="cpu")
    return init_parameters(model, run_generator(seed))


@contextlib.contextmanager
def generator_dropout(model: nn.Module, generator: torch.Generator) -> Iterator[None]:
    """While training, every ``nn.Dropout`` of ``model`` takes its mask from ``generator``.

    ``nn.Dropout`` draws from the global RNG; a forward hook replaces its output with the input
    masked from the run's generator (same keep probability and 1/(1-p) scaling). In eval mode the
    hook passes the output through untouched.
    """

    def hook(module: nn.Module, inputs: tuple[torch.Tensor, ...], output: torch.Tensor) -> torch.Tensor:
        if not module.training:
            return output
        p = float(module.p)  # type: ignore[arg-type]
        x = inputs[0]
        if p <= 0:
            return x
        keep = torch.rand(x.shape, generator=generator) >= p  # on the CPU, then moved: same mask on any device
        return x * keep.to(x.device, x.dtype) / (1 - p)

    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, nn.Dropout)]
    try:
        yield
    finally:
        for handle in handles:
            handle.remove()
