"""The model zoo's architectures: any number of input channels, input size and classes.

Every builder takes ``in_channels`` (1 grey, 3 colour), ``num_classes`` and ``input_size`` (height, width);
MNIST's 1 × 28 × 28 and 10 classes are the defaults. Where a fully connected layer's width depends on the
input size it is computed here; the global-average-pooling models ignore the size. Every value a builder was
given is recorded in ``arch_kwargs``, so a checkpoint rebuilds the very same network.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import torch
from torch import nn

from cnnviz.models.staged import StagedNet, conv_act, linear_act
from cnnviz.wording import worded_error

Size = tuple[int, int] | list[int]  # a list after a round trip through a checkpoint's JSON


def _io_kwargs(in_channels: int, num_classes: int, input_size: Size) -> dict[str, Any]:
    """The input/output description every builder records (a list for the size: JSON has no tuples)."""
    height, width = _size(input_size)
    if in_channels < 1 or num_classes < 1:
        raise worded_error(ValueError, "in_channels and num_classes must be positive (got {channels}, {classes})",
                           channels=in_channels, classes=num_classes)
    return {"in_channels": in_channels, "num_classes": num_classes, "input_size": [height, width]}


def _size(input_size: Size) -> tuple[int, int]:
    if isinstance(input_size, int) or len(input_size) != 2:
        raise worded_error(ValueError, "input_size takes (height, width), not {size}", size=repr(input_size))
    height, width = (int(v) for v in input_size)
    if height < 1 or width < 1:
        raise worded_error(ValueError, "input_size must be positive (got {height}×{width})", height=height,
                           width=width)
    return height, width


def _after(side: int, *steps: tuple[str, int]) -> int:
    """A side's length after ("pool", k) floor divisions and ("valid", k) unpadded k×k convolutions."""
    for kind, k in steps:
        side = side // k if kind == "pool" else side - k + 1
        if side < 1:
            raise worded_error(ValueError, "the input is too small for this network's convolutions and pooling")
    return side


def _flat(channels: int, input_size: Size, *steps: tuple[str, int]) -> int:
    """Features entering the first dense layer: channels × the map's height × width after ``steps``."""
    height, width = _size(input_size)
    return channels * _after(height, *steps) * _after(width, *steps)


def logistic(num_classes: int = 10, in_channels: int = 1, input_size: Size = (28, 28)) -> StagedNet:
    """Multinomial logistic regression: one linear map from pixels to class scores."""
    kwargs = _io_kwargs(in_channels, num_classes, input_size)
    return StagedNet("logistic", kwargs, OrderedDict(
        flatten=nn.Flatten(),
        fc=nn.Linear(_flat(in_channels, input_size), num_classes),
    ))


def mlp(hidden: int = 128, num_classes: int = 10, in_channels: int = 1, input_size: Size = (28, 28)) -> StagedNet:
    """A fully connected network with one hidden layer: every pixel (of every channel) talks to every neuron."""
    kwargs = {"hidden": hidden, **_io_kwargs(in_channels, num_classes, input_size)}
    return StagedNet("mlp", kwargs, OrderedDict(
        flatten=nn.Flatten(),
        fc1=linear_act(_flat(in_channels, input_size), hidden),
        fc2=nn.Linear(hidden, num_classes),
    ))


def small_cnn(num_classes: int = 10, in_channels: int = 1, input_size: Size = (28, 28)) -> StagedNet:
    """Seed 000's small CNN: conv 32 and conv 64 blocks, each pooled, then a dense classifier."""
    return StagedNet("small_cnn", _io_kwargs(in_channels, num_classes, input_size), OrderedDict(
        conv1=conv_act(in_channels, 32, 3, padding=1),
        pool1=nn.MaxPool2d(2),
        conv2=conv_act(32, 64, 3, padding=1),
        pool2=nn.MaxPool2d(2),
        flatten=nn.Flatten(),
        dropout=nn.Dropout(0.25),
        fc1=linear_act(_flat(64, input_size, ("pool", 2), ("pool", 2)), 128),
        fc2=nn.Linear(128, num_classes),
    ))


def explorer_cnn(conv1_filters: int = 8, conv2_filters: int = 16, num_classes: int = 10, in_channels: int = 1,
                 input_size: Size = (28, 28)) -> StagedNet:
    """The playground's network: small enough that every filter and feature map fits on screen."""
    kwargs = {"conv1_filters": conv1_filters, "conv2_filters": conv2_filters,
              **_io_kwargs(in_channels, num_classes, input_size)}
    return StagedNet("explorer_cnn", kwargs, OrderedDict(
        conv1=conv_act(in_channels, conv1_filters, 3, padding=1),
        pool1=nn.MaxPool2d(2),
        conv2=conv_act(conv1_filters, conv2_filters, 3, padding=1),
        pool2=nn.MaxPool2d(2),
        flatten=nn.Flatten(),
        fc=nn.Linear(_flat(conv2_filters, input_size, ("pool", 2), ("pool", 2)), num_classes),
    ))


def lenet5(num_classes: int = 10, in_channels: int = 1, input_size: Size = (28, 28)) -> StagedNet:
    """LeCun et al. 1998: 5×5 convs with tanh and average pooling (28×28 padded to the original 32×32)."""
    flat = _flat(16, input_size, ("pool", 2), ("valid", 5), ("pool", 2))  # 16 × 5 × 5 for 28×28
    return StagedNet("lenet5", _io_kwargs(in_channels, num_classes, input_size), OrderedDict(
        conv1=conv_act(in_channels, 6, 5, padding=2, act=nn.Tanh),
        pool1=nn.AvgPool2d(2),
        conv2=conv_act(6, 16, 5, act=nn.Tanh),
        pool2=nn.AvgPool2d(2),
        flatten=nn.Flatten(),
        fc1=linear_act(flat, 120, act=nn.Tanh),
        fc2=linear_act(120, 84, act=nn.Tanh),
        fc3=nn.Linear(84, num_classes),
    ))


def _gap_cnn(arch: str, num_classes: int, in_channels: int, input_size: Size) -> StagedNet:
    # Global average pooling makes the classifier independent of the input size (recorded all the same).
    return StagedNet(arch, _io_kwargs(in_channels, num_classes, input_size), OrderedDict(
        conv1=conv_act(in_channels, 16, 3, padding=1),
        pool1=nn.MaxPool2d(2),
        conv2=conv_act(16, 32, 3, padding=1),
        pool2=nn.MaxPool2d(2),
        conv3=conv_act(32, 64, 3, padding=1),
        gap=nn.AdaptiveAvgPool2d(1),
        flatten=nn.Flatten(),
        fc=nn.Linear(64, num_classes),
    ))


def simple_gap_cnn(num_classes: int = 10, in_channels: int = 1, input_size: Size = (28, 28)) -> StagedNet:
    """SimpleCNN: three conv blocks, then global average pooling (one channel by default)."""
    return _gap_cnn("simple_gap_cnn", num_classes, in_channels, input_size)


def colour_gap_cnn(num_classes: int = 10, in_channels: int = 3, input_size: Size = (32, 32)) -> StagedNet:
    """The same SimpleCNN built for colour 32×32 images (CIFAR-10's shape) by default."""
    return _gap_cnn("colour_gap_cnn", num_classes, in_channels, input_size)


class ResidualBlock(nn.Module):
    """Two 3×3 conv + batch-norm layers with a skip connection (a 1×1 projection when shapes change).

    ``skip=False`` gives the same two layers without the connection (a "plain" block, for the experiment
    that shows why deep networks need it)."""

    def __init__(self, in_ch: int, out_ch: int, stride: int = 1, skip: bool = True):
        super().__init__()
        self.skip = skip
        self.conv1 = nn.Conv2d(in_ch, out_ch, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_ch)
        self.conv2 = nn.Conv2d(out_ch, out_ch, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_ch)
        self.shortcut: nn.Module = nn.Identity()
        if skip and (stride != 1 or in_ch != out_ch):
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_ch, out_ch, 1, stride=stride, bias=False), nn.BatchNorm2d(out_ch)
            )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = torch.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return torch.relu(out + self.shortcut(x) if self.skip else out)


def modern_cnn(width: int = 32, dropout: float = 0.3, num_classes: int = 10, in_channels: int = 1,
               input_size: Size = (28, 28)) -> StagedNet:
    """Batch norm and residual blocks (ResNet's ideas at MNIST scale); trained with augmentation. ``dropout``
    silences that share of the averaged features while training (none when classifying)."""
    w = width
    kwargs = {"width": width, "dropout": dropout, **_io_kwargs(in_channels, num_classes, input_size)}
    return StagedNet("modern_cnn", kwargs, OrderedDict(
        stem=nn.Sequential(nn.Conv2d(in_channels, w, 3, padding=1, bias=False), nn.BatchNorm2d(w), nn.ReLU()),
        res1=ResidualBlock(w, w),
        res2=ResidualBlock(w, 2 * w, stride=2),
        res3=ResidualBlock(2 * w, 4 * w, stride=2),
        gap=nn.AdaptiveAvgPool2d(1),
        flatten=nn.Flatten(),
        drop=nn.Dropout(dropout),
        fc=nn.Linear(4 * w, num_classes),
    ))


def m3_cnn(width: int = 8, num_classes: int = 10, in_channels: int = 1, input_size: Size = (28, 28)) -> StagedNet:
    """An et al.'s (2020) "M3": ten 3×3 convolutions without padding or pooling (maps ``2 * width``, ``3 * width``,
    … ``11 * width``), each with batch norm and ReLU, so 28 × 28 shrinks to 8 × 8; the last maps are flattened
    into the class scores, and batch norm normalises the scores. The paper's width is 16; 8 (309,812 parameters)
    costs about what the modern CNN does per step (docs/report/README.md)."""
    height, side = _size(input_size)
    if min(height, side) <= 20:
        raise worded_error(ValueError, "m3_cnn needs images larger than 20×20 (got {height}×{width}): its ten "
                           "unpadded convolutions take 20 pixels off its height and its width", height=height,
                           width=side)
    kwargs = {"width": width, **_io_kwargs(in_channels, num_classes, input_size)}
    stages: OrderedDict[str, nn.Module] = OrderedDict()
    channels = in_channels
    for i in range(10):
        maps = (i + 2) * width
        stages[f"conv{i + 1}"] = nn.Sequential(nn.Conv2d(channels, maps, 3, bias=False), nn.BatchNorm2d(maps),
                                               nn.ReLU())
        channels = maps
    stages["flatten"] = nn.Flatten()  # (N, 11w, H-20, W-20) -> (N, 11w·(H-20)·(W-20))
    stages["fc"] = nn.Sequential(nn.Linear(channels * (height - 20) * (side - 20), num_classes, bias=False),
                                 nn.BatchNorm1d(num_classes))
    return StagedNet("m3_cnn", kwargs, stages)
