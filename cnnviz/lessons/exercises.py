"""Predict, then reveal: questions made from the live capture, with their answers and explanations.

Nothing is canned: each question is generated from the current model and input (the value of a real cell,
a real pooling window, the real prediction, the digit's own edge maps, a real layer's parameter count),
so its answer is whatever the network computes now. ``check`` accepts a typed number within the question's
tolerance, or the index of the right choice; ``Score`` counts one session's answers.

Every sentence is a ``Wording``: a fixed English template and the values it is filled with, so the UI can
translate the template before filling it (``tools/i18n.py`` collects the templates from this file).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from torch import nn

from cnnviz.explain import dot_product_stages, explain_cell
from cnnviz.format import format_probability
from cnnviz.introspect import SOBEL_HORIZONTAL, SOBEL_VERTICAL, Capture, apply_filter, pool_spec, pool_window
from cnnviz.models.staged import StagedNet, count_parameters
from cnnviz.wording import Wording, worded_error

# A diagonal edge filter: the third picture of "which map came from the vertical-edge filter?"
DIAGONAL = np.array([[0, 1, 2], [-1, 0, 1], [-2, -1, 0]], dtype=np.float32)
RELATIVE_TOLERANCE = 0.1  # a guessed cell value within 10% (or 0.05) counts: it is a prediction, not a sum by hand
ABSOLUTE_TOLERANCE = 0.05
CLEAR_WIN = 0.01  # a pooling window is asked about only when its largest value beats the next by this (as shown)
MAP_CHOICES = ("Map A", "Map B", "Map C")  # the pictures of the vertical-edge question


@dataclass(frozen=True)
class Question:
    kind: str
    wording: Wording  # the question
    answer: float  # the number, or the index of the right choice
    reasoning: Wording  # shown after the answer, with the arithmetic
    choices: tuple[str, ...] = ()  # empty: the learner types a number
    tolerance: float = 0.0
    pictures: tuple[np.ndarray, ...] = ()  # one (H, W) map per choice, when the choices are pictures
    cell: tuple[str, int, int, int] | None = None  # the cell Behind a number shows when revealing

    @property
    def prompt(self) -> str:
        return self.wording.fill()

    @property
    def explanation(self) -> str:
        return self.reasoning.fill()

    def check(self, given: float) -> bool:
        if self.choices:
            return int(given) == int(self.answer)
        return abs(float(given) - self.answer) <= self.tolerance

    @property
    def answer_text(self) -> str:
        if self.choices:
            return self.choices[int(self.answer)]
        return f"{self.answer:,.0f}" if self.kind == "parameters" else f"{self.answer:.2f}"


@dataclass(frozen=True)
class Score:
    asked: int = 0
    right: int = 0

    def record(self, correct: bool) -> Score:
        return Score(self.asked + 1, self.right + int(correct))

    @property
    def wording(self) -> Wording:
        if not self.asked:
            return Wording("No answers yet this session")
        return Wording("{right} of {asked} right this session", {"right": self.right, "asked": self.asked})

    @property
    def text(self) -> str:
        return self.wording.fill()


class NoQuestion(ValueError):
    """This model or input offers nothing to ask this kind of question about (the message says why)."""


def _stages_of(model: StagedNet, kind: type[nn.Module] | tuple[type[nn.Module], ...]) -> list[str]:
    return [name for name, m in model.named_children() if isinstance(m, kind)]


def cell_value_question(model: StagedNet, cap: Capture, rng: np.random.Generator, stage: str | None = None) -> Question:
    stages = dot_product_stages(model)
    if not stages:
        raise worded_error(NoQuestion, "{model} has no convolution whose cells are one dot product", model=model.arch)
    stage = stage or stages[0]
    fmap = cap.stage(stage).output  # (C, H, W)
    active = np.argwhere(fmap > 0)  # a cell that fired: its sum is worth predicting
    channel, row, col = (active[rng.integers(len(active))] if len(active) else
                         np.array([rng.integers(s) for s in fmap.shape]))
    dp = explain_cell(model, cap, stage, int(channel), int(row), int(col))
    sums = {"count": dp.window.size, "sum": float(dp.products.sum()), "bias": dp.bias, "pre": dp.pre_activation,
            "activation": dp.activation, "result": dp.result}
    return Question(
        "cell_value",
        Wording("What value will map {map} of {stage} have at row {row}, column {col}? Look at the input under its "
                "window and at the filter, then guess (within {tolerance:.0%} counts).",
                {"map": channel + 1, "stage": stage, "row": int(row) + 1, "col": int(col) + 1,
                 "tolerance": RELATIVE_TOLERANCE}),
        dp.result,
        Wording("It is {count} products of input × weight added up: {sum:.2f}; plus the bias {bias:.2f} makes "
                "{pre:.2f}, then {activation} gives {result:.2f}. Behind a number shows every product.", sums)
        if dp.activation else
        Wording("It is {count} products of input × weight added up: {sum:.2f}; plus the bias {bias:.2f} makes "
                "{pre:.2f}. Behind a number shows every product.", sums),
        tolerance=max(RELATIVE_TOLERANCE * abs(dp.result), ABSOLUTE_TOLERANCE),
        cell=(stage, int(channel), int(row), int(col)),
    )


def pool_question(model: StagedNet, cap: Capture, rng: np.random.Generator, stage: str | None = None) -> Question:
    pools = _stages_of(model, nn.MaxPool2d)
    if not pools:
        raise worded_error(NoQuestion, "{model} has no max pooling", model=model.arch)
    stage = stage or pools[0]
    names = [s.name for s in cap.stages]
    before = cap.stages[names.index(stage) - 1].output  # (C, H, W): the map being pooled
    spec = pool_spec(dict(model.named_children())[stage])
    out = cap.stage(stage).output  # (C, H', W')
    window = None
    for c, r, k in rng.permutation(np.argwhere(out > 0)):  # a window that fired, with one clear winner
        candidate = pool_window(before[c], int(r), int(k), spec=spec)
        ranked = np.sort(candidate.values[~np.isnan(candidate.values)])[::-1]
        if len(ranked) == candidate.values.size > 1 and ranked[0] - ranked[1] >= CLEAR_WIN:  # none on padding
            window, channel = candidate, int(c)
            break
    if window is None:
        raise worded_error(NoQuestion, "no window of {stage} has one clear largest value on this digit", stage=stage)
    values = window.values.ravel()
    assert window.winner is not None
    winner = int(np.ravel_multi_index(window.winner, window.values.shape))
    return Question(
        "pool_winner",
        Wording("{stage} keeps one value of each {kh}×{kw} window of map {map}. The window from row {row}, column "
                "{col} holds the values below: which one survives?",
                {"stage": stage, "kh": spec.kernel[0], "kw": spec.kernel[1], "map": channel + 1,
                 "row": window.top + 1, "col": window.left + 1}),
        winner,
        Wording("Max pooling keeps the largest value, {value:.2f}, and drops the other {dropped}; the map gets "
                "smaller but the strongest response in each window is kept.",
                {"value": window.result, "dropped": values.size - 1}),
        choices=tuple(f"{v:.2f}" for v in values),
    )


def prediction_question(model: StagedNet, cap: Capture, class_names: tuple[str, ...]) -> Question:
    order = np.argsort(cap.probabilities)[::-1]
    first, second = int(order[0]), int(order[1])
    return Question(
        "prediction",
        Wording("Which class will {model} pick for this digit?", {"model": model.arch}),
        first,
        Wording("It picks {first} with {p_first}; the runner-up is {second} with {p_second}. The softmax turns the "
                "last layer's scores (logits) into these probabilities.",
                {"first": class_names[first], "p_first": format_probability(float(cap.probabilities[first])),
                 "second": class_names[second], "p_second": format_probability(float(cap.probabilities[second]))}),
        choices=tuple(class_names),
    )


def edge_question(cap: Capture, rng: np.random.Generator) -> Question:
    image = cap.stages[0].output[0]  # (H, W) in [0, 1]
    kernels = {"vertical": SOBEL_VERTICAL, "horizontal": SOBEL_HORIZONTAL, "diagonal": DIAGONAL}
    order = list(rng.permutation(len(kernels)))
    kinds = [list(kernels)[i] for i in order]
    maps = tuple(apply_filter(image, kernels[k]) for k in kinds)
    right = kinds.index("vertical")
    return Question(
        "vertical_edge",
        Wording("These three maps are this digit filtered by a vertical-edge, a horizontal-edge and a diagonal-edge "
                "filter. Which one came from the vertical-edge filter?"),
        right,
        Wording("The vertical-edge filter subtracts the column left of each pixel from the column right of it, so it "
                "responds (red or blue) along upright strokes and stays near 0 along flat ones."),
        choices=MAP_CHOICES[:len(maps)],
        pictures=maps,
    )


def parameters_question(model: StagedNet, rng: np.random.Generator, stage: str | None = None) -> Question:
    layers = {name: m for name, m in model.named_children() if count_parameters(m) > 0}
    if not layers:
        raise worded_error(NoQuestion, "{model} has no layer with parameters", model=model.arch)
    stage = stage or list(layers)[int(rng.integers(len(layers)))]
    module = layers[stage]
    conv = next((m for m in module.modules() if isinstance(m, nn.Conv2d)), None)
    linear = next((m for m in module.modules() if isinstance(m, nn.Linear)), None)
    total = count_parameters(module)
    if conv is not None and total == count_parameters(conv):
        kh, kw = conv.kernel_size
        groups = conv.in_channels // conv.groups
        values = {"stage": stage, "filters": conv.out_channels, "groups": groups, "inputs": conv.in_channels,
                  "kh": kh, "kw": kw, "weights": conv.out_channels * groups * kh * kw,
                  "biases": conv.out_channels if conv.bias is not None else 0, "total": total}
        ask = (Wording("How many parameters (weights and biases) does {stage}, a convolution of {filters} {kh}×{kw} "
                       "filters on 1 input map, have?", values) if conv.in_channels == 1 else
               Wording("How many parameters (weights and biases) does {stage}, a convolution of {filters} {kh}×{kw} "
                       "filters on {inputs} input maps, have?", values))
        how = (Wording("{filters} filters × 1 input map × {kh}×{kw} weights = {weights:,}, plus {biases} biases: "
                       "{total:,}. The same filter slides over every position, so the map size does not count.",
                       values) if groups == 1 else
               Wording("{filters} filters × {groups} input maps × {kh}×{kw} weights = {weights:,}, plus {biases} "
                       "biases: {total:,}. The same filter slides over every position, so the map size does not "
                       "count.", values))
    elif linear is not None and total == count_parameters(linear):
        values = {"stage": stage, "inputs": linear.in_features, "outputs": linear.out_features,
                  "weights": linear.in_features * linear.out_features, "total": total}
        ask = Wording("How many parameters (weights and biases) does {stage}, a fully connected layer from {inputs:,} "
                      "inputs to {outputs:,} outputs, have?", values)
        how = Wording("{inputs:,} inputs × {outputs:,} outputs = {weights:,} weights, plus {outputs:,} biases: "
                      "{total:,}. Every input is wired to every output.", values)
    else:
        ask = Wording("How many parameters (weights and biases) does {stage}, a block of several layers, have?",
                      {"stage": stage})
        how = Wording("Adding up every weight and bias of its layers gives {total:,}.", {"total": total})
    return Question("parameters", ask, total, how)


def make_question(kind: str, model: StagedNet, cap: Capture, class_names: tuple[str, ...], rng: np.random.Generator,
                  stage: str | None = None) -> Question:
    """A question of ``kind`` (``cnnviz.lessons.schema.EXERCISES``) about the live model and capture."""
    if kind == "cell_value":
        return cell_value_question(model, cap, rng, stage)
    if kind == "pool_winner":
        return pool_question(model, cap, rng, stage)
    if kind == "prediction":
        return prediction_question(model, cap, class_names)
    if kind == "vertical_edge":
        return edge_question(cap, rng)
    if kind == "parameters":
        return parameters_question(model, rng, stage)
    raise ValueError(f"unknown exercise kind {kind!r}")
