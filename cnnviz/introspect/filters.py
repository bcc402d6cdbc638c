"""Conv filter weights, and the hand-set Sobel edge filters to compare learned ones against."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from cnnviz.models.staged import StagedNet

# Seed 002's hand-designed edge detectors: respond to vertical and horizontal edges.
SOBEL_VERTICAL = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.float32)
SOBEL_HORIZONTAL = SOBEL_VERTICAL.T.copy()


@dataclass(frozen=True)
class ConvFilters:
    stage: str  # the stage whose output these filters produce
    weights: np.ndarray  # (out_channels, in_channels, kh, kw)
    bias: np.ndarray  # (out_channels,)


def conv_filters(model: StagedNet) -> list[ConvFilters]:
    """Weights of every stage that holds a convolution, in pipeline order."""
    found = []
    for name, module in model.named_children():
        conv = module if isinstance(module, nn.Conv2d) else next(
            (m for m in module.modules() if isinstance(m, nn.Conv2d)), None
        )
        if conv is not None:
            bias = conv.bias.detach().cpu().numpy() if conv.bias is not None else np.zeros(conv.out_channels)
            found.append(ConvFilters(name, conv.weight.detach().cpu().numpy().copy(), bias.astype(np.float32)))
    return found


def apply_filter(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Cross-correlate a 2-D image with a 2-D kernel, zero-padded to keep the size (as Conv2d does)."""
    kh, kw = kernel.shape
    x = torch.as_tensor(np.asarray(image, dtype=np.float32))[None, None]
    k = torch.as_tensor(np.asarray(kernel, dtype=np.float32))[None, None]
    return F.conv2d(x, k, padding=(kh // 2, kw // 2))[0, 0].numpy()
