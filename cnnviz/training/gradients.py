"""Gradients while training: each stage's gradient norm and the first convolution's weight gradients.

The Trainer samples them right after ``backward()`` every ``TrainConfig.gradient_every`` batches and
hands them out on that batch's ``BatchMetrics.gradients`` (the Training lab draws them as curves and
as pictures beside the live filters, as ConvNetJS does). A stage's norm is the L2 norm of all its
parameters' gradients together: ‖g‖ = √(Σ g²) over every weight and bias of the stage.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn


@dataclass(frozen=True)
class GradientSample:
    """One batch's gradients: per stage ‖g‖, and the first conv's weight gradient (out, kh, kw) or None."""

    norms: dict[str, float]
    first_conv: np.ndarray | None = None  # summed over input maps, as the live filters are shown


class GradientProbe:
    """Reads a model's gradients after ``backward()``; the stages and the first conv are found once."""

    def __init__(self, model: nn.Module) -> None:
        self.stages = [(name, [p for p in stage.parameters() if p.requires_grad])
                       for name, stage in model.named_children()]
        self.stages = [(name, params) for name, params in self.stages if params]
        self.conv = next((m for m in model.modules() if isinstance(m, nn.Conv2d)), None)

    @torch.no_grad()
    def sample(self) -> GradientSample:
        """The gradients now (a stage none of whose parameters has a gradient yet is left out)."""
        names, norms = [], []
        for name, params in self.stages:
            grads = [p.grad for p in params if p.grad is not None]
            if grads:
                names.append(name)
                norms.append(torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads])))
        values = torch.stack(norms).tolist() if norms else []  # one transfer for all stages
        first = None
        if self.conv is not None and self.conv.weight.grad is not None:
            first = self.conv.weight.grad.sum(dim=1).cpu().numpy().copy()  # (out, in, kh, kw) -> (out, kh, kw)
        return GradientSample(dict(zip(names, values, strict=True)), first)
