"""GoogLeNet, EfficientNet-B0 and ConvNeXt-T as real modules, defined as torchvision defines them, so the
lineage's parameter counts are computed (on the ``meta`` device), never quoted; and GoogLeNet's Inception
module opened up: its parallel branches and what the 1×1 bottlenecks save, in parameters and multiply-adds.

torchvision is not a dependency of cnnviz: the definitions are written out here, and a test compares them
with torchvision's own where it is installed.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from cnnviz.models.staged import count_parameters
from cnnviz.wording import Wording, worded, worded_error

IMAGENET_CLASSES = 1000


# -- GoogLeNet (Szegedy et al., 2014) --------------------------------------------------------------------------


def basic_conv(in_ch: int, out_ch: int, kernel: int, stride: int = 1, padding: int = 0) -> nn.Sequential:
    """Convolution (no bias), batch norm, ReLU: GoogLeNet's building block as torchvision trains it."""
    return nn.Sequential(nn.Conv2d(in_ch, out_ch, kernel, stride=stride, padding=padding, bias=False),
                         nn.BatchNorm2d(out_ch, eps=0.001), nn.ReLU())


class Inception(nn.Module):
    """Four branches side by side, their outputs stacked along the channels: a 1×1 convolution; a 1×1
    reduction then a 3×3; a 1×1 reduction then a "5×5"; 3×3 max pooling then a 1×1 projection.

    ``large_kernel`` is the fourth branch's kernel: 5 in the paper; torchvision's GoogLeNet uses 3 there
    (a known difference, kept so its published parameter count is reproduced)."""

    def __init__(self, in_ch: int, ch1x1: int, ch3x3red: int, ch3x3: int, ch5x5red: int, ch5x5: int,
                 pool_proj: int, large_kernel: int = 3, reduce: bool = True):
        super().__init__()
        self.branch1 = basic_conv(in_ch, ch1x1, 1)
        pad = large_kernel // 2
        self.branch2: nn.Module
        self.branch3: nn.Module
        self.branch4: nn.Module
        if reduce:
            self.branch2 = nn.Sequential(basic_conv(in_ch, ch3x3red, 1), basic_conv(ch3x3red, ch3x3, 3, padding=1))
            self.branch3 = nn.Sequential(basic_conv(in_ch, ch5x5red, 1), basic_conv(ch5x5red, ch5x5, large_kernel,
                                                                                    padding=pad))
            self.branch4 = nn.Sequential(nn.MaxPool2d(3, 1, 1, ceil_mode=True), basic_conv(in_ch, pool_proj, 1))
        else:  # the "naive" module: the same kernels straight on the input, the pooled input passed through
            self.branch2 = basic_conv(in_ch, ch3x3, 3, padding=1)
            self.branch3 = basic_conv(in_ch, ch5x5, large_kernel, padding=pad)
            self.branch4 = nn.MaxPool2d(3, 1, 1, ceil_mode=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cat([self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)], 1)


# (in, 1×1, 3×3 reduce, 3×3, 5×5 reduce, 5×5, pool projection) for inception 3a … 5b, as in the paper's table 1
INCEPTION_CONFIG: dict[str, tuple[int, int, int, int, int, int, int]] = {
    "3a": (192, 64, 96, 128, 16, 32, 32), "3b": (256, 128, 128, 192, 32, 96, 64),
    "4a": (480, 192, 96, 208, 16, 48, 64), "4b": (512, 160, 112, 224, 24, 64, 64),
    "4c": (512, 128, 128, 256, 24, 64, 64), "4d": (512, 112, 144, 288, 32, 64, 64),
    "4e": (528, 256, 160, 320, 32, 128, 128), "5a": (832, 256, 160, 320, 32, 128, 128),
    "5b": (832, 384, 192, 384, 48, 128, 128),
}


def googlenet(num_classes: int = IMAGENET_CLASSES) -> nn.Sequential:
    """GoogLeNet (Inception v1) as torchvision defines it, without the two auxiliary training classifiers."""
    def inception(name: str) -> Inception:
        return Inception(*INCEPTION_CONFIG[name])

    return nn.Sequential(
        basic_conv(3, 64, 7, stride=2, padding=3), nn.MaxPool2d(3, 2, ceil_mode=True),
        basic_conv(64, 64, 1), basic_conv(64, 192, 3, padding=1), nn.MaxPool2d(3, 2, ceil_mode=True),
        inception("3a"), inception("3b"), nn.MaxPool2d(3, 2, ceil_mode=True),
        inception("4a"), inception("4b"), inception("4c"), inception("4d"), inception("4e"),
        nn.MaxPool2d(2, 2, ceil_mode=True),
        inception("5a"), inception("5b"),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.2), nn.Linear(1024, num_classes),
    )


# -- EfficientNet-B0 (Tan & Le, 2019) ------------------------------------------------------------------------


class SqueezeExcite(nn.Module):
    """Average each channel over the image, squeeze to a few numbers and back, and scale the channels by
    the sigmoid of the result: the block reweights its own channels from what it sees overall."""

    def __init__(self, channels: int, squeezed: int):
        super().__init__()
        self.fc1 = nn.Conv2d(channels, squeezed, 1)
        self.fc2 = nn.Conv2d(squeezed, channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        scale = torch.sigmoid(self.fc2(nn.functional.silu(self.fc1(x.mean((2, 3), keepdim=True)))))
        return x * scale


def _conv_bn(in_ch: int, out_ch: int, kernel: int, stride: int = 1, groups: int = 1, act: bool = True) -> nn.Sequential:
    layers: list[nn.Module] = [nn.Conv2d(in_ch, out_ch, kernel, stride, kernel // 2, groups=groups, bias=False),
                               nn.BatchNorm2d(out_ch)]
    return nn.Sequential(*layers, nn.SiLU()) if act else nn.Sequential(*layers)


class MBConv(nn.Module):
    """Inverted bottleneck: 1×1 expansion, a depthwise k×k convolution, squeeze-and-excite, a 1×1
    projection back; a skip connection when the shape is kept."""

    def __init__(self, in_ch: int, out_ch: int, expand: int, kernel: int, stride: int):
        super().__init__()
        hidden = in_ch * expand
        layers: list[nn.Module] = [_conv_bn(in_ch, hidden, 1)] if expand != 1 else []
        layers += [_conv_bn(hidden, hidden, kernel, stride, groups=hidden), SqueezeExcite(hidden, max(1, in_ch // 4)),
                   _conv_bn(hidden, out_ch, 1, act=False)]
        self.body = nn.Sequential(*layers)
        self.skip = stride == 1 and in_ch == out_ch

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.body(x)
        return out + x if self.skip else out


# (expansion, kernel, stride, in, out, blocks) — EfficientNet-B0's seven stages
EFFICIENTNET_B0: tuple[tuple[int, int, int, int, int, int], ...] = (
    (1, 3, 1, 32, 16, 1), (6, 3, 2, 16, 24, 2), (6, 5, 2, 24, 40, 2), (6, 3, 2, 40, 80, 3),
    (6, 5, 1, 80, 112, 3), (6, 5, 2, 112, 192, 4), (6, 3, 1, 192, 320, 1),
)


def efficientnet_b0(num_classes: int = IMAGENET_CLASSES) -> nn.Sequential:
    """EfficientNet-B0 as torchvision defines it."""
    layers: list[nn.Module] = [_conv_bn(3, 32, 3, stride=2)]
    for expand, kernel, stride, in_ch, out_ch, blocks in EFFICIENTNET_B0:
        for i in range(blocks):
            layers.append(MBConv(in_ch if i == 0 else out_ch, out_ch, expand, kernel, stride if i == 0 else 1))
    layers += [_conv_bn(320, 1280, 1), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.2),
               nn.Linear(1280, num_classes)]
    return nn.Sequential(*layers)


# -- ConvNeXt-T (Liu et al., 2022) ----------------------------------------------------------------------------


class LayerNorm2d(nn.LayerNorm):
    """Layer norm over the channels of every pixel of a (N, C, H, W) map."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return super().forward(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)


class ConvNeXtBlock(nn.Module):
    """A 7×7 depthwise convolution, layer norm, then a per-pixel MLP (C → 4C → C) with GELU, scaled by a
    learned per-channel factor and added to the input: a ResNet block rebuilt with a transformer's habits."""

    def __init__(self, dim: int):
        super().__init__()
        self.dwconv = nn.Conv2d(dim, dim, 7, padding=3, groups=dim)
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))
        self.layer_scale = nn.Parameter(torch.full((dim, 1, 1), 1e-6))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.mlp(self.norm(self.dwconv(x).permute(0, 2, 3, 1))).permute(0, 3, 1, 2)
        return x + self.layer_scale * out


def convnext_tiny(num_classes: int = IMAGENET_CLASSES) -> nn.Sequential:
    """ConvNeXt-T as torchvision defines it: a 4×4 "patchify" stem, stages of 3, 3, 9, 3 blocks."""
    dims, depths = (96, 192, 384, 768), (3, 3, 9, 3)
    layers: list[nn.Module] = [nn.Conv2d(3, dims[0], 4, stride=4), LayerNorm2d(dims[0], eps=1e-6)]
    for i, (dim, depth) in enumerate(zip(dims, depths, strict=True)):
        if i > 0:
            layers += [LayerNorm2d(dims[i - 1], eps=1e-6), nn.Conv2d(dims[i - 1], dim, 2, stride=2)]
        layers += [ConvNeXtBlock(dim) for _ in range(depth)]
    layers += [nn.AdaptiveAvgPool2d(1), LayerNorm2d(dims[-1], eps=1e-6), nn.Flatten(), nn.Linear(dims[-1], num_classes)]
    return nn.Sequential(*layers)


# -- The Inception module opened up, and a 1×1 convolution for what it is -------------------------------------


@dataclass(frozen=True)
class Branch:
    name: Wording | str  # the kernel ("1×1") or, worded, "pool"
    layers: Wording  # e.g. "1×1 conv 16 → 5×5 conv 32"
    out_channels: int
    parameters: int
    multiply_adds: int


def multiply_adds(module: nn.Module, input_shape: tuple[int, int, int]) -> int:
    """Multiply-adds of every convolution and linear layer of ``module`` on one input of ``input_shape``
    (C, H, W), found by running it on the ``meta`` device: shapes only, nothing computed."""
    total = 0

    def count(layer: nn.Module, _: tuple[torch.Tensor, ...], out: torch.Tensor) -> None:
        nonlocal total
        if isinstance(layer, nn.Conv2d):
            kh, kw = layer.kernel_size
            total += out[0].numel() * (layer.in_channels // layer.groups) * kh * kw
        elif isinstance(layer, nn.Linear):
            total += out[0].numel() * layer.in_features

    hooks = [m.register_forward_hook(count) for m in module.modules() if isinstance(m, nn.Conv2d | nn.Linear)]
    try:
        with torch.device("meta"):
            module.to("meta")(torch.empty(1, *input_shape))
    finally:
        for hook in hooks:
            hook.remove()
    return total


def _describe(branch: nn.Module) -> Wording:
    """The branch's layers in order, e.g. "1×1 conv 16 → 5×5 conv 32" (each step worded, so translated)."""
    parts = []
    for m in branch.modules():
        if isinstance(m, nn.Conv2d):
            parts.append(worded("{h}×{w} conv {maps}", h=m.kernel_size[0], w=m.kernel_size[1], maps=m.out_channels))
        elif isinstance(m, nn.MaxPool2d):
            parts.append(worded("3×3 max pool"))
    described = parts[0]
    for part in parts[1:]:
        described = worded("{before} → {after}", before=described, after=part)
    return described


@dataclass(frozen=True)
class InceptionAnatomy:
    """Inception 3a on its 28×28×192 input, with the paper's 5×5 branch, with and without 1×1 bottlenecks."""

    input_shape: tuple[int, int, int]
    branches: tuple[Branch, ...]  # with the bottlenecks
    naive_branches: tuple[Branch, ...]  # the same kernels straight on the input

    @property
    def parameters(self) -> int:
        return sum(b.parameters for b in self.branches)

    @property
    def naive_parameters(self) -> int:
        return sum(b.parameters for b in self.naive_branches)

    @property
    def multiply_adds(self) -> int:
        return sum(b.multiply_adds for b in self.branches)

    @property
    def naive_multiply_adds(self) -> int:
        return sum(b.multiply_adds for b in self.naive_branches)

    @property
    def out_channels(self) -> int:
        return sum(b.out_channels for b in self.branches)


def inception_anatomy(name: str = "3a", size: int = 28) -> InceptionAnatomy:
    """The module ``name`` branch by branch, as the paper draws it (5×5), computed from real modules."""
    config = INCEPTION_CONFIG[name]
    shape = (config[0], size, size)
    titles: tuple[Wording | str, ...] = ("1×1", "3×3", "5×5", worded("pool"))

    def branches(module: Inception) -> tuple[Branch, ...]:
        out = []
        for title, branch in zip(titles, (module.branch1, module.branch2, module.branch3, module.branch4), strict=True):
            channels = int(branch.to("meta")(torch.empty(1, *shape, device="meta")).shape[1])
            out.append(Branch(title, _describe(branch), channels, count_parameters(branch),
                              multiply_adds(branch, shape)))
        return tuple(out)

    with torch.device("meta"):
        reduced = Inception(*config, large_kernel=5)
        naive = Inception(*config, large_kernel=5, reduce=False)
    return InceptionAnatomy(shape, branches(reduced), branches(naive))


def pointwise_as_linear(conv: nn.Conv2d) -> nn.Linear:
    """A 1×1 convolution is a fully connected layer across the channels, applied at every pixel with the same
    weights: this returns that layer (its weight is the kernel with the two 1-sized axes dropped)."""
    if conv.kernel_size != (1, 1) or conv.stride != (1, 1) or conv.groups != 1 or conv.padding != (0, 0):
        raise worded_error(ValueError, "only a plain 1×1 convolution (stride 1, no padding, one group) is a "
                           "per-pixel linear layer")
    linear = nn.Linear(conv.in_channels, conv.out_channels, bias=conv.bias is not None)
    with torch.no_grad():
        linear.weight.copy_(conv.weight[:, :, 0, 0])
        if conv.bias is not None:
            linear.bias.copy_(conv.bias)
    return linear
