"""Where a sliding layer's windows sit: kernel, stride, dilation and padding of Conv2d / MaxPool2d / AvgPool2d.

One place reads these from the module so that the dot-product breakdown, the pooling zoom and the receptive
field agree with what PyTorch computes for every configuration: non-square kernels, per-axis strides,
dilation, ``padding='same'`` (asymmetric when the dilated kernel's span is even) and ``'valid'``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from torch import nn

from cnnviz.imports.modules import PaddedConv2d


def _pair(value: int | tuple[int, ...]) -> tuple[int, int]:
    if isinstance(value, int):
        return value, value
    return int(value[0]), int(value[-1])


@dataclass(frozen=True)
class Geometry:
    """Output cell (row, col) reads input rows ``row·sh − pad_top + i·dh`` for i < kh (and likewise columns)."""

    kernel: tuple[int, int]  # (kh, kw) taps
    stride: tuple[int, int]
    dilation: tuple[int, int]
    padding: tuple[int, int, int, int]  # (top, bottom, left, right)

    @property
    def span(self) -> tuple[int, int]:
        """Rows and columns from the first tap to the last, inclusive: d·(k − 1) + 1."""
        return (self.dilation[0] * (self.kernel[0] - 1) + 1, self.dilation[1] * (self.kernel[1] - 1) + 1)

    def origin(self, row: int, col: int) -> tuple[int, int]:
        """Input position of the window's first tap; negative where it hangs over the padding."""
        return row * self.stride[0] - self.padding[0], col * self.stride[1] - self.padding[2]

    def taps(self, row: int, col: int) -> tuple[np.ndarray, np.ndarray]:
        """Input rows (kh,) and columns (kw,) read by output cell (row, col); may lie in the padding."""
        top, left = self.origin(row, col)
        return (top + self.dilation[0] * np.arange(self.kernel[0]),
                left + self.dilation[1] * np.arange(self.kernel[1]))

    def output_size(self, height: int, width: int, ceil_mode: bool = False) -> tuple[int, int]:
        """(rows, cols) of the output, as PyTorch computes them (``ceil_mode`` for pooling)."""
        out = []
        for size, pad, span, stride, begin in ((height, self.padding[0] + self.padding[1], self.span[0],
                                                self.stride[0], self.padding[0]),
                                               (width, self.padding[2] + self.padding[3], self.span[1],
                                                self.stride[1], self.padding[2])):
            room = size + pad - span
            n = (-(-room // stride) if ceil_mode else room // stride) + 1
            if ceil_mode and (n - 1) * stride >= size + begin:  # the last window must start inside the input
                n -= 1
            out.append(max(n, 0))
        return out[0], out[1]


def layer_geometry(module: nn.Module) -> Geometry | None:
    """The window geometry of a Conv2d, MaxPool2d or AvgPool2d; ``None`` for any other module."""
    if isinstance(module, nn.Conv2d):
        kernel, stride, dilation = _pair(module.kernel_size), _pair(module.stride), _pair(module.dilation)
        if isinstance(module, PaddedConv2d):  # an imported conv padded more on one side (ONNX 'same', stride 2)
            left, right, top, bottom = module.pads
            return Geometry(kernel, stride, dilation, (top, bottom, left, right))
        if isinstance(module.padding, str):
            if module.padding == "valid":
                return Geometry(kernel, stride, dilation, (0, 0, 0, 0))
            # 'same': total padding d·(k − 1) per axis, the odd pixel at the bottom/right (as PyTorch does)
            total = [d * (k - 1) for d, k in zip(dilation, kernel, strict=True)]
            return Geometry(kernel, stride, dilation,
                            (total[0] // 2, total[0] - total[0] // 2, total[1] // 2, total[1] - total[1] // 2))
        ph, pw = _pair(module.padding)
        return Geometry(kernel, stride, dilation, (ph, ph, pw, pw))
    if isinstance(module, nn.MaxPool2d | nn.AvgPool2d):
        kernel = _pair(module.kernel_size)
        stride = _pair(module.stride) if module.stride else kernel  # PyTorch: stride None (or []) = kernel
        dilation = _pair(module.dilation) if isinstance(module, nn.MaxPool2d) else (1, 1)
        ph, pw = _pair(module.padding)
        return Geometry(kernel, stride, dilation, (ph, ph, pw, pw))
    return None
