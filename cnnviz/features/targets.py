"""What can be visualised: a unit of a stage (a conv channel, a linear unit, a class score), and how to
run a model up to it. Shared by the feature visualisation and the top examples."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import torch
from torch import nn

from cnnviz.models.staged import StagedNet, eval_mode

_ACTIVATIONS = (nn.ReLU, nn.Tanh, nn.Sigmoid, nn.GELU, nn.LeakyReLU, nn.ELU, nn.SiLU)


@dataclass(frozen=True)
class Target:
    """Unit ``index`` of ``stage``'s output: a channel of a map stage or one value of a vector stage."""

    stage: str
    index: int


def target_stages(model: StagedNet, spec_shape: tuple[int, int, int]) -> dict[str, tuple[int, ...]]:
    """Every stage that has units to visualise (maps or vectors, not the input), with its output shape
    (without batch) for an input of ``spec_shape`` (C, H, W)."""
    device = next(model.parameters()).device
    x = torch.zeros(1, *spec_shape, device=device)
    shapes: dict[str, tuple[int, ...]] = {}
    with eval_mode(model), torch.inference_mode():
        for name, module in model.named_children():
            x = module(x)
            if x.ndim in (2, 4) and not isinstance(module, nn.Flatten | nn.Dropout):
                shapes[name] = tuple(x.shape[1:])
    return shapes


def class_target(model: StagedNet, class_index: int) -> Target:
    """The class score (logit) of ``class_index``: a unit of the last stage."""
    return Target(model.stage_names()[-1], class_index)


def split_activation(module: nn.Module) -> tuple[nn.Module, nn.Module | None]:
    """(the stage without its trailing activation, that activation): a stage's units are maximised
    before their ReLU, which has no gradient where it is 0 (a unit off on the noise would never start)."""
    if isinstance(module, nn.Sequential) and len(module) > 1 and isinstance(module[-1], _ACTIVATIONS):
        return module[:-1], module[-1]
    return module, None


def run_to(model: StagedNet, x: torch.Tensor, stages: set[str], before_activation: bool
           ) -> dict[str, torch.Tensor]:
    """Run ``x`` (N, C, H, W) through the stages in order up to the last of ``stages``; each named stage's
    output (optionally before its final activation): (N, C', H', W') maps or (N, F) vectors."""
    found: dict[str, torch.Tensor] = {}
    for name, module in model.named_children():
        if name in stages and before_activation:
            body, act = split_activation(module)
            pre = body(x)
            found[name] = pre
            x = act(pre) if act is not None else pre
        else:
            x = module(x)
            if name in stages:
                found[name] = x
        if len(found) == len(stages):
            break
    missing = stages - set(found)
    if missing:
        raise KeyError(f"the model has no stage {', '.join(sorted(missing))}")
    return found


def model_key(model: nn.Module) -> str:
    """SHA-256 of every weight and buffer (names, shapes, values): the same numbers give the same key, so a
    result is cached per model, not per file name (the explorer CNN hashes in well under 1 ms)."""
    digest = hashlib.sha256()
    for name, tensor in model.state_dict().items():
        digest.update(f"{name}{tuple(tensor.shape)}{tensor.dtype}".encode())
        digest.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    return digest.hexdigest()[:24]
