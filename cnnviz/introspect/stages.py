"""Plain-language titles and captions for each kind of stage, derived from the module itself."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from torch import nn

from cnnviz.data.transforms import MNIST_INPUT, InputSpec
from cnnviz.imports.modules import GraphBlock
from cnnviz.models.architectures import ResidualBlock


@dataclass(frozen=True)
class StageInfo:
    kind: str  # input, conv, pool, gap, flatten, dense, dropout, residual, softmax, other
    title: str
    caption: str


def _act_name(seq: nn.Sequential) -> str:
    for m in seq:
        if isinstance(m, nn.ReLU):
            return "ReLU"
        if isinstance(m, nn.Tanh):
            return "tanh"
    return ""


def _first(seq: nn.Module, kind: type[nn.Module]) -> nn.Module | None:
    return next((m for m in seq.modules() if isinstance(m, kind)), None)


def shape_text(shape: tuple[int, ...]) -> str:
    """A tensor shape as the app writes it everywhere: ``(8, 28, 28)`` → ``"8×28×28"``."""
    return "×".join(str(int(s)) for s in shape)


_LABELS = {"fc": "FC", "gap": "GAP", "res": "ResBlock", "conv": "Conv", "pool": "Pool"}


def describe_stage(
    name: str, module: nn.Module, in_shape: tuple[int, ...], out_shape: tuple[int, ...], is_last: bool
) -> StageInfo:
    """Title and one-line *why* for a stage, with the numbers taken from the module and shapes."""
    label = _LABELS.get(name.rstrip("0123456789"), name[:1].upper() + name[1:].rstrip("0123456789"))
    label += name[len(name.rstrip("0123456789")):]
    if isinstance(module, ResidualBlock):
        return StageInfo("residual", f"{label} (residual)",
                         f"Two 3×3 convolutions with batch norm, added back onto a shortcut of the input: "
                         f"gradients flow through the skip, so deep stacks still train. {shape_text(in_shape)} "
                         f"→ {shape_text(out_shape)}.")
    if isinstance(module, GraphBlock):  # an imported model's block: a small graph of layers
        convs = sum(isinstance(m, nn.Conv2d) for m in module.modules())
        if "Add" in module.merges:
            return StageInfo("residual", f"{label} (residual)",
                             f"{convs} convolution(s) whose result is added back onto a shortcut of the block's "
                             f"input: gradients flow through the skip, so deep stacks still train. "
                             f"{shape_text(in_shape)} → {shape_text(out_shape)}.")
        return StageInfo("conv" if convs else "other", f"{label} (branches)",
                         f"Parallel branches ({convs} convolution(s)) look at the same input and are joined "
                         f"({', '.join(module.merges) or 'combined'}): each branch can specialise in patterns "
                         f"of another size. {shape_text(in_shape)} → {shape_text(out_shape)}.")
    conv = _first(module, nn.Conv2d)
    if isinstance(conv, nn.Conv2d):
        act = _act_name(module) if isinstance(module, nn.Sequential) else ""
        k = "×".join(str(v) for v in conv.kernel_size)
        title = f"{label} + {act}" if act else label
        why = {
            "ReLU": " ReLU then zeroes the negative responses, keeping only evidence for each pattern.",
            "tanh": " tanh squashes each response into (−1, 1).",
        }.get(act, "")
        bn = " Batch norm rescales each map so training stays stable." if _first(module, nn.BatchNorm2d) else ""
        return StageInfo("conv", title,
                         f"{conv.out_channels} filters of {k}×{conv.in_channels} slide over the "
                         f"{conv.in_channels} input map(s); each output map lights up where its filter's "
                         f"pattern appears, with the same weights everywhere (weight sharing).{bn}{why} "
                         f"{shape_text(in_shape)} → {shape_text(out_shape)}.")
    if isinstance(module, nn.MaxPool2d | nn.AvgPool2d):
        ks = module.kernel_size
        size = ks if isinstance(ks, int) else ks[0]
        if isinstance(module, nn.MaxPool2d):
            return StageInfo("pool", f"{label} (max {size}×{size})",
                             f"Keeps the strongest response in each {size}×{size} window: the maps shrink "
                             f"{shape_text(in_shape)} → {shape_text(out_shape)} and a feature that moves "
                             "by a pixel still gives the same output.")
        return StageInfo("pool", f"{label} (average {size}×{size})",
                         f"Averages each {size}×{size} window: the maps shrink {shape_text(in_shape)} → "
                         f"{shape_text(out_shape)}, smoothing away exact positions.")
    if isinstance(module, nn.AdaptiveAvgPool2d):
        return StageInfo("gap", f"{label} (global average)",
                         f"Averages each whole map to one number: {shape_text(in_shape)} → "
                         f"{shape_text(out_shape)}. Where a feature appeared no longer matters, only how much.")
    if isinstance(module, nn.Flatten):
        return StageInfo("flatten", label,
                         f"Lays the {shape_text(in_shape)} maps out as one vector of {out_shape[-1]} "
                         "numbers so a fully connected layer can read them; nothing is computed.")
    if isinstance(module, nn.Dropout):
        return StageInfo("dropout", label,
                         "Dropout randomly silences units while training to prevent over-fitting; "
                         "when classifying it passes values through unchanged.")
    linear = _first(module, nn.Linear)
    if isinstance(linear, nn.Linear):
        act = _act_name(module) if isinstance(module, nn.Sequential) else ""
        title = f"{label} + {act}" if act else label
        if is_last:
            return StageInfo("dense", title,
                             f"Fully connected: each of the {linear.out_features} class scores (logits) is a "
                             f"weighted sum of all {linear.in_features} inputs plus a bias.")
        return StageInfo("dense", title,
                         f"Fully connected: each of {linear.out_features} neurons weighs all "
                         f"{linear.in_features} inputs{' then applies ' + act if act else ''}; unlike a "
                         "convolution, nothing is shared, so it has many more parameters.")
    return StageInfo("other", label, f"{shape_text(in_shape)} → {shape_text(out_shape)}.")


INPUT_INFO = StageInfo("input", "Input",
                       "The 28×28 grey-level digit, scaled to [0, 1] (then normalised with MNIST's mean and "
                       "std before entering the network).")


def _numbers(values: tuple[float, ...]) -> str:
    text = ", ".join(f"{v:g}" for v in values)
    return text if len(values) == 1 else f"({text})"


def preprocess_text(spec: InputSpec) -> str:
    """What is done to the pixels before the first layer, in one line (the dimension table and input caption)."""
    size = f"{spec.size[0]}×{spec.size[1]}"
    colour = "grey" if spec.channels == 1 else f"{spec.channel_order} colour (a grey drawing copied to 3 channels)"
    lo, hi = spec.value_range
    return (f"resized to {size}, {colour}, pixels mapped to [{lo:g}, {hi:g}], minus mean {_numbers(spec.mean)}, "
            f"divided by std {_numbers(spec.std)}")


def describe_input(spec: InputSpec) -> StageInfo:
    """The input stage for a model that takes ``spec`` (MNIST's own models keep their familiar caption)."""
    if spec == MNIST_INPUT:
        return INPUT_INFO
    return StageInfo("input", "Input",
                     f"What the network sees: the image {preprocess_text(spec)} before entering the network "
                     "(shown here before the mean and std are applied).")
SOFTMAX_INFO = StageInfo("softmax", "Softmax",
                         "Turns the class scores into probabilities that sum to 1; the largest is the "
                         "prediction.")


def class_labels(names: Sequence[str] | None, count: int) -> list[str]:
    """The model's class names when it has one per class (``meta.class_names``), else "class 0" … "class N−1"."""
    if names is not None and len(names) == count:
        return list(names)
    return [f"class {i}" for i in range(count)]
