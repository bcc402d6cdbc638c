"""The one shape every cnnviz model has: an ordered list of named stages, each worth showing."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from torch import nn


class StagedNet(nn.Sequential):
    """``nn.Sequential`` of named stages that remembers how it was built (for checkpoints).

    Running the stages one after another *is* the forward pass, so introspection can record
    every stage's output without hooks or a second pass. The output is logits; softmax is
    applied by whoever needs probabilities.
    """

    def __init__(self, arch: str, arch_kwargs: dict[str, Any], stages: OrderedDict[str, nn.Module]):
        super().__init__(stages)
        self.arch = arch
        self.arch_kwargs = dict(arch_kwargs)

    def stage_names(self) -> list[str]:
        return [name for name, _ in self.named_children()]


def conv_act(
    in_ch: int, out_ch: int, kernel: int, padding: int = 0, act: type[nn.Module] = nn.ReLU
) -> nn.Sequential:
    """A convolution and its non-linearity shown as one stage (the way the playground draws it)."""
    return nn.Sequential(nn.Conv2d(in_ch, out_ch, kernel, padding=padding), act())


def linear_act(in_f: int, out_f: int, act: type[nn.Module] = nn.ReLU) -> nn.Sequential:
    return nn.Sequential(nn.Linear(in_f, out_f), act())


def count_parameters(module: nn.Module) -> int:
    """Trainable parameters, computed from the module itself (works on the ``meta`` device too)."""
    return sum(p.numel() for p in module.parameters() if p.requires_grad)


@contextmanager
def eval_mode(model: nn.Module) -> Iterator[nn.Module]:
    """Run the block with ``model`` in eval mode (batch norm uses its running statistics, dropout is off),
    then put back the mode every submodule was in — also when the block raises."""
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        yield model
    finally:
        for module, training in modes:
            module.training = training
