"""The model zoo's architectures, all 1-channel 28×28 in and 10 logits out."""

from __future__ import annotations

from collections import OrderedDict

import torch
from torch import nn

from cnnviz.models.staged import StagedNet, conv_act, linear_act


def logistic(num_classes: int = 10) -> StagedNet:
    """Multinomial logistic regression: one linear map from pixels to class scores."""
    return StagedNet("logistic", {"num_classes": num_classes}, OrderedDict(
        flatten=nn.Flatten(),
        fc=nn.Linear(28 * 28, num_classes),
    ))


def mlp(hidden: int = 128, num_classes: int = 10) -> StagedNet:
    """A fully connected network with one hidden layer: every pixel talks to every neuron."""
    return StagedNet("mlp", {"hidden": hidden, "num_classes": num_classes}, OrderedDict(
        flatten=nn.Flatten(),
        fc1=linear_act(28 * 28, hidden),
        fc2=nn.Linear(hidden, num_classes),
    ))


def small_cnn(num_classes: int = 10) -> StagedNet:
    """Seed 000's small CNN: conv 32 and conv 64 blocks, each pooled, then a dense classifier."""
    return StagedNet("small_cnn", {"num_classes": num_classes}, OrderedDict(
        conv1=conv_act(1, 32, 3, padding=1),
        pool1=nn.MaxPool2d(2),
        conv2=conv_act(32, 64, 3, padding=1),
        pool2=nn.MaxPool2d(2),
        flatten=nn.Flatten(),
        dropout=nn.Dropout(0.25),
        fc1=linear_act(64 * 7 * 7, 128),
        fc2=nn.Linear(128, num_classes),
    ))


def explorer_cnn(conv1_filters: int = 8, conv2_filters: int = 16, num_classes: int = 10) -> StagedNet:
    """The playground's network: small enough that every filter and feature map fits on screen."""
    kwargs = {"conv1_filters": conv1_filters, "conv2_filters": conv2_filters, "num_classes": num_classes}
    return StagedNet("explorer_cnn", kwargs, OrderedDict(
        conv1=conv_act(1, conv1_filters, 3, padding=1),
        pool1=nn.MaxPool2d(2),
        conv2=conv_act(conv1_filters, conv2_filters, 3, padding=1),
        pool2=nn.MaxPool2d(2),
        flatten=nn.Flatten(),
        fc=nn.Linear(conv2_filters * 7 * 7, num_classes),
    ))


def lenet5(num_classes: int = 10) -> StagedNet:
    """LeCun et al. 1998: 5×5 convs with tanh and average pooling (28×28 padded to the original 32×32)."""
    return StagedNet("lenet5", {"num_classes": num_classes}, OrderedDict(
        conv1=conv_act(1, 6, 5, padding=2, act=nn.Tanh),
        pool1=nn.AvgPool2d(2),
        conv2=conv_act(6, 16, 5, act=nn.Tanh),
        pool2=nn.AvgPool2d(2),
        flatten=nn.Flatten(),
        fc1=linear_act(16 * 5 * 5, 120, act=nn.Tanh),
        fc2=linear_act(120, 84, act=nn.Tanh),
        fc3=nn.Linear(84, num_classes),
    ))


def simple_gap_cnn(num_classes: int = 10) -> StagedNet:
    """SimpleCNN for one channel: three conv blocks, then global average pooling."""
    return StagedNet("simple_gap_cnn", {"num_classes": num_classes}, OrderedDict(
        conv1=conv_act(1, 16, 3, padding=1),
        pool1=nn.MaxPool2d(2),
        conv2=conv_act(16, 32, 3, padding=1),
        pool2=nn.MaxPool2d(2),
        conv3=conv_act(32, 64, 3, padding=1),
        gap=nn.AdaptiveAvgPool2d(1),
        flatten=nn.Flatten(),
        fc=nn.Linear(64, num_classes),
    ))


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


def modern_cnn(width: int = 32, num_classes: int = 10) -> StagedNet:
    """Batch norm and residual blocks (ResNet's ideas at MNIST scale); trained with augmentation."""
    w = width
    return StagedNet("modern_cnn", {"width": width, "num_classes": num_classes}, OrderedDict(
        stem=nn.Sequential(nn.Conv2d(1, w, 3, padding=1, bias=False), nn.BatchNorm2d(w), nn.ReLU()),
        res1=ResidualBlock(w, w),
        res2=ResidualBlock(w, 2 * w, stride=2),
        res3=ResidualBlock(2 * w, 4 * w, stride=2),
        gap=nn.AdaptiveAvgPool2d(1),
        flatten=nn.Flatten(),
        fc=nn.Linear(4 * w, num_classes),
    ))
