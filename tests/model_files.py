"""Real model files made in the tests: small CNNs of the shapes users bring, saved in every format cnnviz opens.

The nets are plain ``torch.nn`` code (not cnnviz's own architectures) with seeded weights and batch-norm
statistics that are not the identity, so a converter that skipped a layer or misread a weight shows.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import torch
from torch import nn


class Block(nn.Module):
    """A ResNet basic block: two 3×3 conv + batch norm, added onto the (projected when needed) input."""

    def __init__(self, cin: int, cout: int, stride: int = 1):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.down = (nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))
                     if stride != 1 or cin != cout else None)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))
        return torch.relu(out + (x if self.down is None else self.down(x)))


class Inception(nn.Module):
    """Two branches (1×1, and 3×1 then 1×3 non-square kernels) joined along the channels."""

    def __init__(self, cin: int):
        super().__init__()
        self.a = nn.Conv2d(cin, 8, 1)
        self.b1 = nn.Conv2d(cin, 8, (3, 1), padding=(1, 0))
        self.b2 = nn.Conv2d(8, 8, (1, 3), padding=(0, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cat([torch.relu(self.a(x)), torch.relu(self.b2(self.b1(x)))], dim=1)


def lenet() -> nn.Module:
    """LeNet-style, 1×28×28: 5×5 convs, max and average pooling, three dense layers."""
    return nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(6, 16, 5), nn.Tanh(), nn.AvgPool2d(2), nn.Flatten(),
                         nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.Sigmoid(), nn.Linear(84, 10))


def resnet_style() -> nn.Module:
    """ResNet-style, 1×28×28: a conv + batch-norm stem, two residual blocks (one strided with a projection)."""
    return nn.Sequential(nn.Conv2d(1, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(),
                         Block(16, 16), Block(16, 32, stride=2), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                         nn.Linear(32, 10))


def colour_net() -> nn.Module:
    """3×32×32 colour input: dilated and grouped convs, an Inception-style branch, GELU, a final softmax."""
    return nn.Sequential(nn.Conv2d(3, 12, 3, padding=1), nn.LeakyReLU(0.1), nn.MaxPool2d(3, 2, padding=1),
                         nn.Conv2d(12, 12, 3, padding=2, dilation=2, groups=3), nn.ReLU6(),
                         Inception(12), nn.GELU(), nn.AvgPool2d(2, ceil_mode=True), nn.Flatten(),
                         nn.Linear(16 * 8 * 8, 5), nn.Softmax(dim=1))


def same_net() -> nn.Module:
    """5×5 convolutions with 'same' padding: stride 1 (PyTorch's padding='same') and stride 2 (the extra row
    and column of padding at the bottom and right, as TensorFlow's 'same' does)."""
    return nn.Sequential(nn.Conv2d(1, 8, 5, padding="same"), nn.ReLU(),
                         nn.ZeroPad2d((1, 2, 1, 2)), nn.Conv2d(8, 16, 5, stride=2), nn.ReLU(),
                         nn.Flatten(), nn.Linear(16 * 14 * 14, 10))


MODELS: dict[str, tuple[Callable[[], nn.Module], tuple[int, int, int]]] = {
    "lenet": (lenet, (1, 28, 28)), "resnet": (resnet_style, (1, 28, 28)),
    "colour": (colour_net, (3, 32, 32)), "same": (same_net, (1, 28, 28)),
}


def build(name: str, seed: int = 0) -> tuple[nn.Module, torch.Tensor]:
    """The model ``name`` with seeded weights and batch-norm statistics, in eval mode, and an example input."""
    make, shape = MODELS[name]
    torch.manual_seed(seed)
    model = make()
    for module in model.modules():
        if isinstance(module, nn.BatchNorm2d):
            module.running_mean.uniform_(-0.5, 0.5)
            module.running_var.uniform_(0.5, 2.0)
            nn.init.uniform_(module.weight, 0.5, 1.5)
            nn.init.uniform_(module.bias, -0.2, 0.2)
    return model.eval(), torch.rand(1, *shape)


def save(model: nn.Module, example: torch.Tensor, fmt: str, path: Path) -> Path:
    """Write ``model`` as ``fmt``: "onnx" (TorchScript-based exporter), "onnx-dynamo", "torchscript", "pt2"."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if fmt == "onnx":
            torch.onnx.export(model, (example,), str(path), dynamo=False)
        elif fmt == "onnx-dynamo":
            torch.onnx.export(model, (example,), str(path), dynamo=True, verbose=False)
        elif fmt == "torchscript":
            torch.jit.save(torch.jit.trace(model, example), str(path))
        elif fmt == "pt2":
            torch.export.save(torch.export.export(model, (example,)), str(path))
        else:
            raise ValueError(fmt)
    return path


def ort_run(path: Path, tensors: list[str], x: np.ndarray) -> dict[str, np.ndarray]:
    """ONNX Runtime's values of the graph tensors ``tensors`` (intermediate ones exposed as outputs) for ``x``."""
    import onnx
    import onnxruntime

    proto = onnx.load(str(path))
    present = {o.name for o in proto.graph.output}
    for name in tensors:
        if name not in present:
            proto.graph.output.append(onnx.helper.make_empty_tensor_value_info(name))
    session = onnxruntime.InferenceSession(proto.SerializeToString(), providers=["CPUExecutionProvider"])
    values = session.run(tensors, {session.get_inputs()[0].name: x.astype(np.float32)})
    return dict(zip(tensors, values, strict=True))
