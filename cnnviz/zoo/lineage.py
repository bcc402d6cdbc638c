"""Architecture lineage: famous ImageNet networks as real modules, so their sizes are computed, not quoted.

The large networks are built on PyTorch's ``meta`` device: shapes without storage, so counting
VGG-16's 138 million parameters costs no memory and no time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from cnnviz.models.registry import MODELS, build_model
from cnnviz.models.staged import count_parameters
from cnnviz.wording import Wording, worded
from cnnviz.zoo.lineage_nets import convnext_tiny, efficientnet_b0, googlenet

META = torch.device("meta")
IMAGENET_CLASSES = 1000


def alexnet(num_classes: int = IMAGENET_CLASSES) -> nn.Sequential:
    """AlexNet as torchvision defines it (Krizhevsky's single-GPU variant: 64-192-384-256-256 filters)."""
    return nn.Sequential(
        nn.Conv2d(3, 64, 11, stride=4, padding=2), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Conv2d(64, 192, 5, padding=2), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Conv2d(192, 384, 3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(),
        nn.Conv2d(256, 256, 3, padding=1), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.AdaptiveAvgPool2d(6), nn.Flatten(),
        nn.Dropout(), nn.Linear(256 * 6 * 6, 4096), nn.ReLU(),
        nn.Dropout(), nn.Linear(4096, 4096), nn.ReLU(),
        nn.Linear(4096, num_classes),
    )


VGG16_CONFIG: tuple[int | str, ...] = (
    64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M",
)


def vgg16(num_classes: int = IMAGENET_CLASSES) -> nn.Sequential:
    """VGG-16 (configuration D): only 3×3 convolutions, stacked 13 deep, then three dense layers."""
    layers: list[nn.Module] = []
    channels = 3
    for item in VGG16_CONFIG:
        if item == "M":
            layers.append(nn.MaxPool2d(2))
        else:
            assert isinstance(item, int)
            layers += [nn.Conv2d(channels, item, 3, padding=1), nn.ReLU()]
            channels = item
    layers += [
        nn.AdaptiveAvgPool2d(7), nn.Flatten(),
        nn.Linear(512 * 7 * 7, 4096), nn.ReLU(), nn.Dropout(),
        nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(),
        nn.Linear(4096, num_classes),
    ]
    return nn.Sequential(*layers)


class Bottleneck(nn.Module):
    """ResNet's 1×1 → 3×3 → 1×1 block with a skip connection (projected when the shape changes)."""

    expansion = 4

    def __init__(self, in_ch: int, width: int, stride: int = 1):
        super().__init__()
        out_ch = width * self.expansion
        self.body = nn.Sequential(
            nn.Conv2d(in_ch, width, 1, bias=False), nn.BatchNorm2d(width), nn.ReLU(),
            nn.Conv2d(width, width, 3, stride=stride, padding=1, bias=False), nn.BatchNorm2d(width), nn.ReLU(),
            nn.Conv2d(width, out_ch, 1, bias=False), nn.BatchNorm2d(out_ch),
        )
        self.shortcut: nn.Module = nn.Identity()
        if stride != 1 or in_ch != out_ch:
            self.shortcut = nn.Sequential(nn.Conv2d(in_ch, out_ch, 1, stride=stride, bias=False),
                                          nn.BatchNorm2d(out_ch))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(self.body(x) + self.shortcut(x))


def resnet50(num_classes: int = IMAGENET_CLASSES) -> nn.Sequential:
    """ResNet-50: a 7×7 stem, then 3+4+6+3 bottleneck blocks, global average pooling, one dense layer."""
    layers: list[nn.Module] = [
        nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
        nn.MaxPool2d(3, stride=2, padding=1),
    ]
    in_ch = 64
    for width, blocks, stride in ((64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)):
        for i in range(blocks):
            layers.append(Bottleneck(in_ch, width, stride if i == 0 else 1))
            in_ch = width * Bottleneck.expansion
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(in_ch, num_classes)]
    return nn.Sequential(*layers)


def dense_layer_on_image(height: int = 224, width: int = 224, channels: int = 3, neurons: int = 1000) -> nn.Linear:
    """One fully connected layer on a raw colour image: every pixel wired to every neuron."""
    return nn.Linear(height * width * channels, neurons)


def alexnet_first_conv() -> nn.Conv2d:
    """AlexNet's first layer as in the 2012 paper: 96 filters of 11×11×3, shared across the image."""
    return nn.Conv2d(3, 96, 11, stride=4)


def on_meta(build: Callable[[], nn.Module]) -> nn.Module:
    """Construct a module on the ``meta`` device: parameter shapes only, no memory, no initialisation cost."""
    with torch.device(META):
        return build()


@dataclass(frozen=True)
class LineageEntry:
    name: str
    year: int | None  # None for the app's own models
    idea: Wording  # what this network introduced, in a line
    input_size: str
    parameters: int  # computed by count_parameters on the real module
    convolutional: bool  # False for networks made only of dense layers


_HISTORIC: tuple[tuple[str, int, Wording, str, Callable[[], nn.Module]], ...] = (
    ("LeNet-5", 1998, Wording("Convolutions + subsampling trained end to end by backprop (digits on cheques)."),
     "32×32×1", lambda: build_model("lenet5")),
    ("AlexNet", 2012, Wording("Deep CNN on GPUs with ReLU and dropout: won ImageNet by a wide margin."),
     "224×224×3", alexnet),
    ("VGG-16", 2014, Wording("Depth from stacks of small 3×3 convolutions only."), "224×224×3", vgg16),
    ("GoogLeNet", 2014,
     Wording("Inception modules: 1×1, 3×3, 5×5 and pooling side by side, 1×1 bottlenecks keep it small."),
     "224×224×3", googlenet),
    ("ResNet-50", 2015, Wording("Skip connections and batch norm: 50 layers that still train."), "224×224×3", resnet50),
    ("EfficientNet-B0", 2019, Wording("Depthwise inverted bottlenecks with squeeze-and-excite; depth, width "
                                      "and resolution scaled together."), "224×224×3", efficientnet_b0),
    ("ConvNeXt-T", 2022, Wording("A ResNet modernised: 7×7 depthwise convolutions, layer norm, a per-pixel MLP."),
     "224×224×3", convnext_tiny),
)


def _entry(name: str, year: int | None, idea: Wording, input_size: str, model: nn.Module) -> LineageEntry:
    convolutional = any(isinstance(m, nn.Conv2d) for m in model.modules())
    return LineageEntry(name, year, idea, input_size, count_parameters(model), convolutional)


def historic_networks() -> list[LineageEntry]:
    """LeNet-5 to ConvNeXt-T with their year, idea and computed parameter count."""
    return [_entry(name, year, idea, size, on_meta(build)) for name, year, idea, size, build in _HISTORIC]


def app_networks() -> list[LineageEntry]:
    """The app's own zoo, counted the same way, each for its default input (a 28×28×1 digit; colour_gap_cnn a
    32×32×3 image; LeNet-5 is already historic)."""
    entries = []
    for name, spec in MODELS.items():
        if name == "lenet5":
            continue
        model = on_meta(lambda name=name: build_model(name))  # type: ignore[misc]
        built: dict[str, Any] = getattr(model, "arch_kwargs", {})  # what build_model recorded
        size = "×".join(str(v) for v in (*built.get("input_size", (28, 28)), built.get("in_channels", 1)))
        entries.append(_entry(name, None, spec.description, size, model))
    return entries


def lineage_table() -> list[LineageEntry]:
    """Seed 002's lineage followed by the app's own models, in one list for the table and chart."""
    return historic_networks() + app_networks()


@dataclass(frozen=True)
class DenseVsConv:
    """Why convolutions: weights of one dense layer on a photo vs a whole bank of shared filters."""

    dense_parameters: int
    conv_parameters: int
    dense_shape: Wording
    conv_shape: Wording

    @property
    def ratio(self) -> float:
        return self.dense_parameters / self.conv_parameters


def dense_vs_conv() -> DenseVsConv:
    """A 1,000-neuron dense layer on 224×224×3 against AlexNet's first conv layer (96 × 11×11×3)."""
    dense = on_meta(dense_layer_on_image)
    conv = on_meta(alexnet_first_conv)
    assert isinstance(dense, nn.Linear) and isinstance(conv, nn.Conv2d)
    return DenseVsConv(
        dense_parameters=count_parameters(dense),
        conv_parameters=count_parameters(conv),
        dense_shape=worded("{inputs:,} inputs × {neurons:,} neurons + biases", inputs=dense.in_features,
                           neurons=dense.out_features),
        conv_shape=worded("{filters} filters × {h}×{w}×{c} + biases", filters=conv.out_channels,
                          h=conv.kernel_size[0], w=conv.kernel_size[1], c=conv.in_channels),
    )
