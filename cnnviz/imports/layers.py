"""The layer table: each layer's name, kind, output shape and parameter count, in execution order.

Computed from the modules themselves (their weights and a forward pass of a zero image of the model's
input), so it holds for cnnviz's own models and for imported ones alike; ``cnnviz inspect`` prints it and
the app's dimension table shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from cnnviz.data.transforms import InputSpec
from cnnviz.imports.modules import Binary, ConstBinary, Unary
from cnnviz.models.staged import eval_mode


@dataclass(frozen=True)
class Layer:
    name: str  # module path, e.g. "res1.conv1"
    kind: str  # the layer's class ("Conv2d", "Linear", ...) or operation ("Add", "Concat")
    shape: tuple[int, ...]  # output of one sample: (C, H, W) or (F,)
    parameters: int  # weights and biases of this layer alone

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "shape": list(self.shape), "parameters": self.parameters}


def _kind(module: nn.Module) -> str:
    if isinstance(module, Binary | Unary):
        return module.op
    if isinstance(module, ConstBinary):
        return f"{module.op} (constant)"
    # a converter's variant of a torch layer (a one-side-padded conv) is named as the layer it is
    return next((cls.__name__ for cls in type(module).__mro__ if cls.__module__.startswith("torch.nn.modules")),
                type(module).__name__)


def layer_table(model: nn.Module, spec: InputSpec) -> list[Layer]:
    """One row per layer (leaf module) in the order the forward pass runs them (a shared layer once per use)."""
    names = {id(m): name.replace(".layers.", ".") for name, m in model.named_modules()
             if name and not any(True for _ in m.children())}
    rows: list[Layer] = []

    def record(module: nn.Module, _inputs: Any, output: Any) -> None:
        if isinstance(output, torch.Tensor):
            params = sum(p.numel() for p in module.parameters(recurse=False))
            rows.append(Layer(names[id(module)], _kind(module), tuple(output.shape[1:]), params))

    handles = [m.register_forward_hook(record) for m in model.modules() if id(m) in names]
    device = next(model.parameters()).device
    try:
        with torch.inference_mode(), eval_mode(model):
            model(torch.zeros(1, spec.channels, *spec.size, device=device))  # (1, C, H, W)
    finally:
        for handle in handles:
            handle.remove()
    return rows
