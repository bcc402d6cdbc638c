"""The few torch modules an imported graph needs beyond ``torch.nn``'s own layers.

Convolutions, linear layers, pooling, batch norm and activations of an imported model are the real
``torch.nn`` classes (so every view that looks for ``nn.Conv2d`` works unchanged); what torch has no module
for — adding or multiplying two tensors, concatenating branches, an operation with a constant operand — is
here, together with ``GraphBlock``, the stage that evaluates a small DAG (a residual block, an Inception
branch) between two points of the graph where exactly one tensor is live.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch
from torch import nn

BINARY_OPS: dict[str, Callable[[torch.Tensor, torch.Tensor], torch.Tensor]] = {
    "Add": torch.add, "Sub": torch.sub, "Mul": torch.mul, "Div": torch.div,
}


class Binary(nn.Module):
    """Element-wise ``a op b`` of two computed tensors (e.g. the skip connection's Add)."""

    def __init__(self, op: str):
        super().__init__()
        self.op = op

    def forward(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        return BINARY_OPS[self.op](a, b)

    def extra_repr(self) -> str:
        return self.op


class ConstBinary(nn.Module):
    """Element-wise ``x op constant`` (or ``constant op x`` when ``constant_first``); the constant is a buffer."""

    constant: torch.Tensor

    def __init__(self, op: str, constant: torch.Tensor, constant_first: bool = False):
        super().__init__()
        self.op = op
        self.constant_first = constant_first
        self.register_buffer("constant", constant)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        fn = BINARY_OPS[self.op]
        return fn(self.constant, x) if self.constant_first else fn(x, self.constant)

    def extra_repr(self) -> str:
        return f"{self.op}, constant {tuple(self.constant.shape)}"


class PaddedConv2d(nn.Conv2d):
    """A convolution padded more on one side than the other (ONNX ``pads``/'same' of a strided conv).

    ``padding`` holds the top and left padding, so the window geometry every view reads from it (the first
    tap of output cell (r, c) is input row r·stride − top) is exact; ``pads`` = (left, right, top, bottom) is
    what the forward pass applies, as zeros, before a convolution without padding of its own.
    """

    def __init__(self, in_channels: int, out_channels: int, kernel: tuple[int, int], *,
                 pads: tuple[int, int, int, int], **kwargs: Any):
        super().__init__(in_channels, out_channels, kernel, padding=(pads[2], pads[0]), **kwargs)
        self.pads = pads

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        padded = nn.functional.pad(x, self.pads)  # (N, C, H + top + bottom, W + left + right)
        return nn.functional.conv2d(padded, self.weight, self.bias, self.stride, 0, self.dilation, self.groups)

    def extra_repr(self) -> str:
        return f"{super().extra_repr()}, pads (left, right, top, bottom)={self.pads}"


class Concat(nn.Module):
    """Branches joined along ``dim`` (channels, for an Inception-style block)."""

    def __init__(self, dim: int):
        super().__init__()
        self.dim = dim

    def forward(self, *tensors: torch.Tensor) -> torch.Tensor:
        return torch.cat(tensors, dim=self.dim)


class Unary(nn.Module):
    """An element-wise function torch has no layer for (Erf, Sqrt, Exp, ...)."""

    def __init__(self, op: str, fn: Callable[[torch.Tensor], torch.Tensor]):
        super().__init__()
        self.op = op
        self.fn = fn

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fn(x)

    def extra_repr(self) -> str:
        return self.op


class GraphBlock(nn.Module):
    """One stage made of several layers wired as a small DAG: one tensor in, one tensor out.

    ``plan`` lists, in execution order, (layer name, names of its input tensors, name of its output tensor);
    ``x`` is the block's input. The layers are children (``layers``), so parameters, ``modules()`` and
    gradients behave as for any torch module.
    """

    def __init__(self, layers: dict[str, nn.Module], plan: list[tuple[str, list[str], str]], output: str):
        super().__init__()
        self.layers = nn.ModuleDict(layers)
        self.plan = [(name, list(inputs), out) for name, inputs, out in plan]
        self.output = output

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        env = {"x": x}
        for name, inputs, out in self.plan:
            env[out] = self.layers[name](*[env[i] for i in inputs])
        return env[self.output]

    def main_path(self) -> list[nn.Module]:
        """The layers on the longest way from the block's input to its output (a residual block's main
        path, an Inception block's deepest branch), in order."""
        depth: dict[str, tuple[int, list[nn.Module]]] = {"x": (0, [])}
        for name, inputs, out in self.plan:
            best = max((depth[i] for i in inputs if i in depth), key=lambda d: d[0], default=(0, []))
            depth[out] = (best[0] + 1, [*best[1], self.layers[name]])
        return depth[self.output][1]

    @property
    def merges(self) -> list[str]:
        """Kinds of the joins in this block ("Add" for a residual, "Concat" for branches)."""
        return [type(m).__name__ if not isinstance(m, Binary) else m.op for m in self.layers.values()
                if isinstance(m, Binary | Concat)]
