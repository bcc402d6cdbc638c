"""The arithmetic behind one number of a feature map: window · filter + bias then the activation for a
convolution, main path + shortcut for a residual block, the pooled window for pooling."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from cnnviz.data.transforms import to_spec_input
from cnnviz.introspect.capture import Capture
from cnnviz.introspect.geometry import layer_geometry
from cnnviz.introspect.pooling import PoolWindow, pool_spec, pool_window
from cnnviz.models.architectures import ResidualBlock
from cnnviz.models.staged import StagedNet, eval_mode

_ACTIVATIONS: dict[type[nn.Module], str] = {nn.ReLU: "ReLU", nn.Tanh: "tanh", nn.ReLU6: "ReLU6",
                                            nn.Sigmoid: "sigmoid", nn.GELU: "GELU", nn.LeakyReLU: "LeakyReLU"}


def _activation_name(module: nn.Module) -> str | None:
    """The activation's name as ``activate`` reads it ("LeakyReLU(0.01)" carries its slope); None: not one."""
    name = _ACTIVATIONS.get(type(module))
    if isinstance(module, nn.LeakyReLU):
        return f"LeakyReLU({module.negative_slope:g})"
    if isinstance(module, nn.GELU) and module.approximate != "none":
        return None  # the tanh approximation: not written out here
    return name


@dataclass(frozen=True)
class ConvParts:
    """A stage that is exactly one convolution, optionally batch norm, optionally an activation."""

    conv: nn.Conv2d
    batch_norm: nn.BatchNorm2d | None
    activation: str  # "ReLU", "tanh" or "" for none


@dataclass(frozen=True)
class DotProduct:
    """Everything that produced ``result`` = the value the feature map shows at (channel, row, col)."""

    stage: str
    channel: int
    row: int
    col: int
    top: int  # first tap's position in the stage's input map; negative where it hangs over the padding
    left: int
    window: np.ndarray  # (in_channels, kh, kw) input values at the taps (0, or the mirrored value, on padding)
    weights: np.ndarray  # (in_channels, kh, kw) the filter (batch norm folded in when present)
    bias: float
    activation: str  # "ReLU", "tanh" or ""
    batch_norm_folded: bool
    input_normalised: bool  # True for the first conv: it sees the MNIST-normalised pixels, not [0, 1]
    dilation: tuple[int, int] = (1, 1)  # taps are this many input cells apart
    first_input_channel: int = 0  # grouped convolutions: the filter reads input channels from here on

    @property
    def products(self) -> np.ndarray:
        return self.window * self.weights

    @property
    def channel_sums(self) -> np.ndarray:
        """Each input channel's share of the sum: which earlier maps this cell listens to most."""
        return self.products.sum(axis=(1, 2))

    @property
    def pre_activation(self) -> float:
        return float(self.products.sum() + self.bias)

    @property
    def result(self) -> float:
        return float(activate(self.activation, self.pre_activation))


def activate(name: str, value: float) -> float:
    if name == "ReLU":
        return max(0.0, value)
    if name == "tanh":
        return float(np.tanh(value))
    if name == "ReLU6":
        return min(max(0.0, value), 6.0)
    if name == "sigmoid":
        return float(1.0 / (1.0 + np.exp(-value)))
    if name == "GELU":
        return 0.5 * value * (1.0 + math.erf(value / math.sqrt(2.0)))
    if name.startswith("LeakyReLU("):
        return value if value >= 0 else value * float(name[len("LeakyReLU(") : -1])
    return value


def conv_parts(module: nn.Module) -> ConvParts | None:
    """Split a stage into conv / batch norm / activation, or ``None`` when it is not one plain convolution."""
    mods = [module] if isinstance(module, nn.Conv2d) else list(module) if isinstance(module, nn.Sequential) else []
    if not mods or not isinstance(mods[0], nn.Conv2d):
        return None
    conv, rest = mods[0], mods[1:]
    bn = rest.pop(0) if rest and isinstance(rest[0], nn.BatchNorm2d) else None
    assert bn is None or isinstance(bn, nn.BatchNorm2d)
    act = _activation_name(rest[0]) if rest else ""
    if act is None:
        return None
    if act:
        rest.pop(0)
    if rest:
        return None
    return ConvParts(conv, bn, act)


def linear_parts(module: nn.Module) -> tuple[nn.Linear, str] | None:
    """A stage that is exactly one fully connected layer, optionally followed by an activation."""
    mods = [module] if isinstance(module, nn.Linear) else list(module) if isinstance(module, nn.Sequential) else []
    if not mods or not isinstance(mods[0], nn.Linear):
        return None
    rest = mods[1:]
    act = _activation_name(rest[0]) if rest else ""
    if act is None or len(rest) > (1 if act else 0):
        return None
    return mods[0], act


def explain_unit(model: StagedNet, capture: Capture, stage: str, unit: int) -> DotProduct:
    """Break down output ``unit`` of fully connected stage ``stage``: every input × its weight, plus the bias.

    The inputs are laid out as (in_features, 1, 1) "windows" so the same breakdown shows them, largest share first.
    """
    parts = linear_parts(dict(model.named_children())[stage])
    if parts is None:
        raise ValueError(f"stage {stage!r} is not a single fully connected layer")
    linear, act = parts
    if not 0 <= unit < linear.out_features:
        raise IndexError(f"unit {unit} is outside {stage}'s {linear.out_features} outputs")
    x = np.asarray(stage_input(capture, stage), dtype=np.float64).reshape(-1, 1, 1)  # (in_features, 1, 1)
    w = linear.weight.detach().cpu().double().numpy()[unit].reshape(-1, 1, 1)
    bias = float(linear.bias.detach()[unit]) if linear.bias is not None else 0.0
    return DotProduct(stage, unit, 0, 0, 0, 0, x, w, bias, act, False, capture.stages[1].name == stage)


def dot_product_stages(model: StagedNet) -> list[str]:
    """Names of the stages whose every value is one dot product we can break down."""
    return [name for name, module in model.named_children() if conv_parts(module) is not None]


def effective_filter(parts: ConvParts) -> tuple[np.ndarray, np.ndarray]:
    """(weights, bias) with an eval-mode batch norm folded in: BN(conv(x)) = conv'(x) exactly."""
    w = parts.conv.weight.detach().cpu().double().numpy()
    b = (parts.conv.bias.detach().cpu().double().numpy() if parts.conv.bias is not None
         else np.zeros(w.shape[0]))
    bn = parts.batch_norm
    if bn is not None:
        assert bn.running_mean is not None and bn.running_var is not None
        mean = bn.running_mean.detach().cpu().double().numpy()
        var = bn.running_var.detach().cpu().double().numpy()
        gamma = bn.weight.detach().cpu().double().numpy() if bn.weight is not None else np.ones_like(mean)
        beta = bn.bias.detach().cpu().double().numpy() if bn.bias is not None else np.zeros_like(mean)
        scale = gamma / np.sqrt(var + bn.eps)
        w = w * scale[:, None, None, None]
        b = (b - mean) * scale + beta
    return w, b


def stage_input(capture: Capture, stage: str) -> np.ndarray:
    """What ``stage`` received: the previous stage's output (the normalised pixels for the first stage)."""
    names = [s.name for s in capture.stages]
    previous = capture.stages[names.index(stage) - 1]
    if previous.name == "input":  # the shown (C, H, W) pixels in [0, 1], normalised as the capture did
        return to_spec_input(pixels_last(previous.output), capture.spec)[0].numpy()  # (C, H, W)
    return previous.output


def pixels_last(shown: np.ndarray) -> np.ndarray:
    """The input stage's (C, H, W) picture as an image: (H, W) grey or (H, W, 3) colour."""
    return shown[0] if shown.shape[0] == 1 else np.moveaxis(shown, 0, -1)


def explain_cell(model: StagedNet, capture: Capture, stage: str, channel: int, row: int, col: int) -> DotProduct:
    """Break down the value at (channel, row, col) of conv stage ``stage`` in ``capture``.

    Recomputing it from the captured input of the stage shows it is nothing but multiply-and-add.
    """
    parts = conv_parts(dict(model.named_children())[stage])
    if parts is None:
        raise ValueError(f"stage {stage!r} is not a single convolution, so it has no one dot product to show")
    x = np.asarray(stage_input(capture, stage), dtype=np.float64)  # (in_channels, H, W)
    conv = parts.conv
    geo = layer_geometry(conv)
    assert geo is not None
    out_h, out_w = capture.stage(stage).output.shape[1:]
    if not (0 <= channel < conv.out_channels and 0 <= row < out_h and 0 <= col < out_w):
        raise IndexError(f"cell ({channel}, {row}, {col}) is outside {stage}'s {conv.out_channels}×{out_h}×{out_w}")
    pt, pb, pl, pr = geo.padding
    mode = "constant" if conv.padding_mode == "zeros" else conv.padding_mode
    padded = F.pad(torch.from_numpy(x)[None], (pl, pr, pt, pb), mode=mode)[0].numpy()  # (in, H+pt+pb, W+pl+pr)
    rows, cols = geo.taps(row, col)
    per_group = conv.in_channels // conv.groups
    first = (channel // (conv.out_channels // conv.groups)) * per_group
    window = padded[first : first + per_group][:, rows[:, None] + pt, cols[None, :] + pl]  # (per_group, kh, kw)
    weights, bias = effective_filter(parts)
    top, left = geo.origin(row, col)
    return DotProduct(stage, channel, row, col, top, left, window, weights[channel].copy(), float(bias[channel]),
                      parts.activation, parts.batch_norm is not None, capture.stages[1].name == stage,
                      geo.dilation, first)


@dataclass(frozen=True)
class ResidualSum:
    """A residual block's value at one cell: ReLU(main path + shortcut)."""

    stage: str
    channel: int
    row: int
    col: int
    main: float  # two convolutions with batch norm, before the final ReLU
    shortcut: float  # the block's input (or its 1×1 projection) at the same place

    @property
    def result(self) -> float:
        return max(0.0, self.main + self.shortcut)


def explain_residual(model: StagedNet, capture: Capture, stage: str, channel: int, row: int, col: int) -> ResidualSum:
    """Split a residual block's value at (channel, row, col) into its main path and its shortcut."""
    block = dict(model.named_children())[stage]
    if not isinstance(block, ResidualBlock):
        raise ValueError(f"stage {stage!r} is not a residual block")
    device = next(model.parameters()).device
    x = torch.as_tensor(np.asarray(stage_input(capture, stage), dtype=np.float32))[None].to(device)
    with eval_mode(block), torch.inference_mode():
        main = block.bn2(block.conv2(torch.relu(block.bn1(block.conv1(x)))))
        shortcut = block.shortcut(x)
    return ResidualSum(stage, channel, row, col, float(main[0, channel, row, col]),
                       float(shortcut[0, channel, row, col]))


@dataclass(frozen=True)
class PlainValue:
    """A cell of a stage that is neither one convolution, a residual block nor a pooling: just its value."""

    stage: str
    channel: int
    row: int
    col: int
    value: float

    @property
    def result(self) -> float:
        return self.value


def explain_any_cell(model: StagedNet, capture: Capture, stage: str, channel: int, row: int,
                     col: int) -> DotProduct | PoolWindow | ResidualSum | PlainValue:
    """The arithmetic behind the value at (channel, row, col) of any stage, by what the stage is.

    One convolution (with optional batch norm and activation) → its dot product; one fully connected layer →
    its weighted sum of every input; a residual block → main
    path + shortcut; max or average pooling → the window of the previous stage's map it pooled; anything
    else → the plain value. Every result has ``.result``, the value the map shows (for vector stages
    ``row`` and ``col`` are ignored and ``channel`` is the unit).
    """
    module = dict(model.named_children())[stage]
    output = capture.stage(stage).output
    if conv_parts(module) is not None:
        return explain_cell(model, capture, stage, channel, row, col)
    if linear_parts(module) is not None:
        return explain_unit(model, capture, stage, channel)
    if isinstance(module, ResidualBlock):
        return explain_residual(model, capture, stage, channel, row, col)
    if isinstance(module, nn.MaxPool2d | nn.AvgPool2d):
        names = [s.name for s in capture.stages]
        before = capture.stages[names.index(stage) - 1].output
        if before.ndim == 3:
            return pool_window(before[channel], row, col, spec=pool_spec(module))
    value = output[channel, row, col] if output.ndim == 3 else output[channel]
    return PlainValue(stage, channel, row, col, float(value))
