"""The placeholders a lesson's text holds instead of numbers, checked when a lesson is read and filled from
the live model, capture and data when a step is shown.

``{prediction}``, ``{stage:conv1.channels}``, ``{cell:conv1[0,12,14].value}`` (``[0]`` alone: that map's
strongest cell), ``{params:fc}``, ``{pool:pool1[0].winner}``, ``{lab:cnn.errors}``, ``{shuffle:cnn.after}``,
``{lineage:vgg16.params}``… ``PLACEHOLDERS`` lists every kind and its fields. A value that cannot be
computed now (no model yet, a stage this model lacks, a comparison not run yet) reads as a short note in
brackets, never as a stale number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from cnnviz.jobs import check
from cnnviz.wording import Wording, worded_error, wording_of

if TYPE_CHECKING:  # the schema imports this module without torch; facts are computed only when rendering
    import numpy as np

    from cnnviz.data import MnistData
    from cnnviz.introspect import Capture
    from cnnviz.lab import ComparisonConfig, ComparisonResult
    from cnnviz.lessons.measures import ShuffleResult
    from cnnviz.models.staged import StagedNet
    from cnnviz.training import CheckpointMeta

PATTERN = re.compile(r"\{([a-z_]+)(?::([^{}]*))?\}")
ARG = re.compile(r"^(?P<target>[A-Za-z_][\w\-]*)(?:\[(?P<index>[\d,\s]+)\])?(?:\.(?P<field>[\w.]+))?$")
# A number typed into lesson text: digits not part of a name (conv1, fc2, LeNet-5 and VGG-16 are names).
TYPED_NUMBER = re.compile(r"(?<![A-Za-z_\d.,])(?<![A-Za-z]-)\d+(?:[.,]\d+)*")

# kind → the fields it knows (() for kinds with no argument; None: the argument is a stage name)
PLACEHOLDERS: dict[str, tuple[str, ...] | None] = {
    "prediction": (), "probability": (), "label": (), "model": (), "accuracy": (), "runner_up": (),
    "stage": ("channels", "height", "width", "shape", "params", "inputs"),
    "params": None, "kernel": None, "padding": None, "stride": None,
    "cell": ("value", "pre", "bias", "sum", "taps", "where", "map"),
    "pool": ("winner", "values", "where", "size", "stride", "map", "dropped"),
    "map": ("active", "max", "where"),
    "relu": ("zeroed",),
    "shift": ("changed",),
    "sobel": ("filter", "kind", "corr"),
    "lab": ("fc.params", "cnn.params", "ratio", "train", "test", "epochs", "fc.errors", "cnn.errors",
            "fc.accuracy", "cnn.accuracy"),
    "shuffle": ("cnn.before", "cnn.after", "cnn.p_before", "cnn.p_after", "fc.plain", "fc.shuffled", "fitted",
                "tested"),
    "lineage": ("params",),
}
KINDS_WITHOUT_TARGET = ("sobel", "lab", "shuffle")  # their argument is the field itself
LINEAGE_TOTALS = ("dense", "conv", "ratio")  # {lineage:ratio}: one dense layer vs AlexNet's first conv


class Unavailable(Exception):
    """This value cannot be computed now; the message says why in a few words."""


def placeholder_problems(text: str) -> list[str]:
    """Each malformed or unknown placeholder in ``text``, described for a lesson's author."""
    problems = []
    for match in PATTERN.finditer(text):
        kind, arg = match.group(1), match.group(2)
        known = PLACEHOLDERS.get(kind, "unknown")
        shown = match.group(0)
        if known == "unknown":
            problems.append(f"an unknown placeholder “{shown}” (known: {', '.join(PLACEHOLDERS)})")
        elif known == () and arg is not None:
            problems.append(f"a placeholder “{shown}” that takes no argument")
        elif known != () and not arg:
            problems.append(f"a placeholder “{shown}” without its argument (like {{{kind}:…}})")
        elif kind in KINDS_WITHOUT_TARGET:
            if arg not in known:  # type: ignore[operator]
                problems.append(f"a placeholder “{shown}” with an unknown field (known: {', '.join(known)})")  # type: ignore[arg-type]
        elif known != () and arg is not None:
            parsed = ARG.match(arg)
            if parsed is None:
                problems.append(f"a placeholder “{shown}” that is not written like {{{kind}:conv1.field}}")
            elif known is not None and parsed["field"] not in known and not (
                    kind == "lineage" and parsed["target"] in LINEAGE_TOTALS and parsed["field"] is None):
                problems.append(f"a placeholder “{shown}” with an unknown field (known: {', '.join(known)})")
    leftover = PATTERN.sub("", text)
    if "{" in leftover or "}" in leftover:
        problems.append("a brace that opens or closes no placeholder")
    return problems


def typed_numbers(text: str) -> list[str]:
    """Numbers written into ``text`` outside placeholders (a lesson's numbers must all be computed)."""
    literal = PATTERN.sub(" ", text)
    return [literal[max(0, m.start() - 12): m.end() + 12] for m in TYPED_NUMBER.finditer(literal)]


@dataclass(frozen=True)
class Facts:
    """What placeholders are filled from: the live data, model, its capture of the current input, and the
    Training lab's comparison (its form, and its latest finished run if any)."""

    data: MnistData
    model: StagedNet | None = None
    meta: CheckpointMeta | None = None
    capture: Capture | None = None
    true_label: int | None = None
    lab_config: ComparisonConfig | None = None
    lab_result: ComparisonResult | None = None
    should_stop: Callable[[], bool] = field(default=lambda: False, compare=False)  # a background job's cancel

    def need_capture(self) -> Capture:
        if self.model is None or self.capture is None:
            raise worded_error(Unavailable, "no model or digit yet")
        return self.capture

    @property
    def image(self) -> np.ndarray:
        return self.need_capture().stages[0].output[0]  # (H, W) in [0, 1]: the very input the capture saw

    def need_model(self) -> StagedNet:
        self.need_capture()
        assert self.model is not None
        return self.model

    @cached_property
    def shuffle(self) -> ShuffleResult:
        from cnnviz.lessons.measures import FIT_DIGITS, shuffled_pixels
        from cnnviz.training.checkpoint import input_spec

        model = self.need_model()
        assert self.meta is not None
        digits = self.lab_config.train_samples if self.lab_config is not None else FIT_DIGITS
        return shuffled_pixels(model, self.image, self.data, input_spec(self.meta), digits, self.should_stop)


@dataclass(frozen=True)
class Rendered:
    text: str  # what the learner reads
    values: tuple[str, ...]  # each placeholder's value, in order
    literal: str  # the text around the placeholders (where no number may be typed)


def render(text: str, facts: Facts, say: Callable[[Wording | str], str] = str,
           number: Callable[[str], str] = lambda value: value) -> Rendered:
    """``text`` with every placeholder replaced by its value computed from ``facts``; ``number`` writes each
    value (a figure) the interface's way and ``say`` words why a value is unavailable (default: English)."""
    values: list[str] = []

    def fill(match: re.Match[str]) -> str:
        check(facts.should_stop)
        try:
            found = evaluate(match.group(1), match.group(2), facts)
            value = say(found) if isinstance(found, Wording) else number(found)
        except Unavailable as why:
            value = f"[{say(wording_of(why) or str(why))}]"
        except (KeyError, IndexError, ValueError) as exc:
            value = f"[{exc.args[0] if exc.args else 'not available for this model'}]"
        values.append(value)
        return value

    return Rendered(PATTERN.sub(fill, text), tuple(values), PATTERN.sub(" ", text))


def evaluate(kind: str, arg: str | None, facts: Facts) -> Wording | str:
    """One placeholder's value as the learner reads it (``cnnviz.lessons.values`` computes each kind)."""
    from cnnviz.lessons.values import HANDLERS

    if kind in KINDS_WITHOUT_TARGET or arg is None:
        return HANDLERS[kind](facts, arg or "", None, "")
    parsed = ARG.match(arg)
    if parsed is None:
        raise ValueError(f"cannot read {arg}")
    index = tuple(int(v) for v in parsed["index"].split(",")) if parsed["index"] else None
    return HANDLERS[kind](facts, parsed["target"], index, parsed["field"] or "")
