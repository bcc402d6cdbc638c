"""Conv filter weights, and the hand-set Sobel edge filters to compare learned ones against."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
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
    """Cross-correlate a 2-D image with a 2-D kernel, zero-padded to keep the size (as Conv2d does).

    Plain NumPy: the GUI calls this on every input, and a torch call there would compete for the
    CPU threads the inference worker is using.
    """
    img = np.asarray(image, dtype=np.float32)
    k = np.asarray(kernel, dtype=np.float32)
    kh, kw = k.shape
    padded = np.pad(img, ((kh // 2, kh - 1 - kh // 2), (kw // 2, kw - 1 - kw // 2)))
    windows = np.lib.stride_tricks.sliding_window_view(padded, (kh, kw))
    return np.einsum("ijkl,kl->ij", windows, k).astype(np.float32)
