"""Plain-language titles and captions for each kind of stage, derived from the module itself.

The sentences are ``cnnviz.wording.Wording``s (the window says them in its language, ``str()`` is the English);
stage labels such as "Conv1 + ReLU" are names and stay plain text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from torch import nn

from cnnviz.data.transforms import MNIST_INPUT, InputSpec
from cnnviz.imports.modules import GraphBlock
from cnnviz.models.architectures import ResidualBlock
from cnnviz.wording import Wording, worded

# What the window shows: a Wording (translated there, ``ui.i18n.worded``) or plain text shown as it is (a stage
# label such as "Conv1 + ReLU", a bare shape change); ``str()`` of either is the English.
Shown = Wording | str


@dataclass(frozen=True)
class StageInfo:
    kind: str  # input, conv, pool, gap, flatten, dense, dropout, residual, softmax, other
    title: Shown  # the stage's label ("Conv1 + ReLU"), or a Wording around it ("Pool1 (max 2×2)")
    caption: Shown  # one line on what the stage does and why (a plain str only for a bare shape change)


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
    shapes = {"shape_in": shape_text(in_shape), "shape_out": shape_text(out_shape)}
    if isinstance(module, ResidualBlock):
        return StageInfo("residual", worded("{label} (residual)", label=label),
                         worded("Two 3×3 convolutions with batch norm, added back onto a shortcut of the input: "
                                "gradients flow through the skip, so deep stacks still train. {shape_in} → "
                                "{shape_out}.", **shapes))
    if isinstance(module, GraphBlock):  # an imported model's block: a small graph of layers
        convs = sum(isinstance(m, nn.Conv2d) for m in module.modules())
        if "Add" in module.merges:
            return StageInfo("residual", worded("{label} (residual)", label=label),
                             worded("{convs} convolution(s) whose result is added back onto a shortcut of the "
                                    "block's input: gradients flow through the skip, so deep stacks still train. "
                                    "{shape_in} → {shape_out}.", convs=convs, **shapes))
        merges: Shown = ", ".join(module.merges) if module.merges else worded("combined")  # merges: op names
        return StageInfo("conv" if convs else "other", worded("{label} (branches)", label=label),
                         worded("Parallel branches ({convs} convolution(s)) look at the same input and are joined "
                                "({merges}): each branch can specialise in patterns of another size. {shape_in} → "
                                "{shape_out}.", convs=convs, merges=merges, **shapes))
    conv = _first(module, nn.Conv2d)
    if isinstance(conv, nn.Conv2d):
        act = _act_name(module) if isinstance(module, nn.Sequential) else ""
        k = "×".join(str(v) for v in conv.kernel_size)
        title = f"{label} + {act}" if act else label  # names only: shown as it is
        why: Shown = {
            "ReLU": worded(" ReLU then zeroes the negative responses, keeping only evidence for each pattern."),
            "tanh": worded(" tanh squashes each response into (−1, 1)."),
        }.get(act, "")
        bn: Shown = worded(" Batch norm rescales each map so training stays stable.") if _first(
            module, nn.BatchNorm2d) else ""
        return StageInfo("conv", title,
                         worded("{filters} filters of {k}×{channels} slide over the {channels} input map(s); each "
                                "output map lights up where its filter's pattern appears, with the same weights "
                                "everywhere (weight sharing).{bn}{why} {shape_in} → {shape_out}.",
                                filters=conv.out_channels, k=k, channels=conv.in_channels, bn=bn, why=why, **shapes))
    if isinstance(module, nn.MaxPool2d | nn.AvgPool2d):
        ks = module.kernel_size
        size = ks if isinstance(ks, int) else ks[0]
        if isinstance(module, nn.MaxPool2d):
            return StageInfo("pool", worded("{label} (max {size}×{size})", label=label, size=size),
                             worded("Keeps the strongest response in each {size}×{size} window: the maps shrink "
                                    "{shape_in} → {shape_out} and a feature that moves by a pixel still gives the "
                                    "same output.", size=size, **shapes))
        return StageInfo("pool", worded("{label} (average {size}×{size})", label=label, size=size),
                         worded("Averages each {size}×{size} window: the maps shrink {shape_in} → {shape_out}, "
                                "smoothing away exact positions.", size=size, **shapes))
    if isinstance(module, nn.AdaptiveAvgPool2d):
        return StageInfo("gap", worded("{label} (global average)", label=label),
                         worded("Averages each whole map to one number: {shape_in} → {shape_out}. Where a feature "
                                "appeared no longer matters, only how much.", **shapes))
    if isinstance(module, nn.Flatten):
        return StageInfo("flatten", label,
                         worded("Lays the {shape_in} maps out as one vector of {n} numbers so a fully connected "
                                "layer can read them; nothing is computed.", shape_in=shapes["shape_in"],
                                n=out_shape[-1]))
    if isinstance(module, nn.Dropout):
        return StageInfo("dropout", label,
                         worded("Dropout randomly silences units while training to prevent over-fitting; when "
                                "classifying it passes values through unchanged."))
    linear = _first(module, nn.Linear)
    if isinstance(linear, nn.Linear):
        act = _act_name(module) if isinstance(module, nn.Sequential) else ""
        title = f"{label} + {act}" if act else label
        if is_last:
            return StageInfo("dense", title,
                             worded("Fully connected: each of the {classes} class scores (logits) is a weighted sum "
                                    "of all {inputs} inputs plus a bias.",
                                    classes=linear.out_features, inputs=linear.in_features))
        then: Shown = worded(" then applies {act}", act=act) if act else ""
        return StageInfo("dense", title,
                         worded("Fully connected: each of {units} neurons weighs all {inputs} inputs{then}; unlike "
                                "a convolution, nothing is shared, so it has many more parameters.",
                                units=linear.out_features, inputs=linear.in_features, then=then))
    return StageInfo("other", label, f"{shapes['shape_in']} → {shapes['shape_out']}.")  # symbols only


INPUT_INFO = StageInfo("input", worded("Input"),
                       worded("The 28×28 grey-level digit, scaled to [0, 1] (then normalised with MNIST's mean and "
                              "std before entering the network)."))


def _numbers(values: tuple[float, ...]) -> str:
    text = ", ".join(f"{v:g}" for v in values)
    return text if len(values) == 1 else f"({text})"


def preprocess_text(spec: InputSpec) -> Wording:
    """What is done to the pixels before the first layer, in one line (the dimension table and input caption)."""
    colour = (worded("grey") if spec.channels == 1 else
              worded("{order} colour (a grey drawing copied to 3 channels)", order=spec.channel_order))
    lo, hi = spec.value_range
    return worded("resized to {height}×{width}, {colour}, pixels mapped to [{lo:g}, {hi:g}], minus mean {mean}, "
                  "divided by std {std}", height=spec.size[0], width=spec.size[1], colour=colour, lo=lo, hi=hi,
                  mean=_numbers(spec.mean), std=_numbers(spec.std))


def describe_input(spec: InputSpec) -> StageInfo:
    """The input stage for a model that takes ``spec`` (MNIST's own models keep their familiar caption)."""
    if spec == MNIST_INPUT:
        return INPUT_INFO
    return StageInfo("input", worded("Input"),
                     worded("What the network sees: the image {how} before entering the network (shown here "
                            "before the mean and std are applied).", how=preprocess_text(spec)))
SOFTMAX_INFO = StageInfo("softmax", "Softmax",
                         worded("Turns the class scores into probabilities that sum to 1; the largest is the "
                                "prediction."))


def class_labels(names: Sequence[str] | None, count: int) -> list[Shown]:
    """The model's class names when it has one per class (``meta.class_names``, shown as they are), else
    "class 0" … "class N−1" (worded: the window says them in its language)."""
    if names is not None and len(names) == count:
        return list(names)
    return [worded("class {i}", i=i) for i in range(count)]
