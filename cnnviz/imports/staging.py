"""Grouping a converted graph's layers into the stages the app shows.

A stage ends where exactly one tensor is live (nothing computed before it is still needed after it), so a
residual block or an Inception-style branch becomes one stage (a ``GraphBlock`` evaluating its small DAG),
and a plain chain of layers is split before every layer that is not a mere follower (batch norm and
activations join the convolution or linear layer before them: "Conv + ReLU", as cnnviz's own models show
it). Stage names come from the graph (the module path the exporter recorded, else the node name).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field

from torch import nn

from cnnviz.imports.modules import GraphBlock

# Layers that join the stage before them instead of starting one.
FOLLOWERS = frozenset({"BatchNormalization", "Relu", "LeakyRelu", "Sigmoid", "Tanh", "Clip", "Gelu", "Elu",
                       "HardSwish", "HardSigmoid", "Erf", "Sqrt", "Exp"})
KEYS = {"Gemm": "linear", "MatMul": "linear", "BatchNormalization": "bn", "MaxPool": "maxpool",
        "AveragePool": "avgpool", "GlobalAveragePool": "gap", "ReduceMean": "gap"}  # else the op in lower case
RESERVED = frozenset({"input", "softmax"})  # names capture() gives its own first and last stage


@dataclass
class Op:
    """One converted layer: its module, the activation tensors it reads and the one it writes."""

    name: str  # the graph's node name
    op_type: str
    path: tuple[str, ...]  # module path the exporter recorded, e.g. ("layer1", "0", "conv1")
    inputs: list[str]
    output: str
    module: nn.Module
    extra: dict[str, str] = field(default_factory=dict)


def _segments(ops: list[Op], graph_input: str) -> list[list[int]]:
    """Runs of op indices between the points where only the last op's output is live."""
    last_use: dict[str, int] = {}
    for i, op in enumerate(ops):
        for t in op.inputs:
            last_use[t] = i
    live = {graph_input}
    segments: list[list[int]] = []
    start = 0
    for i, op in enumerate(ops):
        live.add(op.output)
        live = {t for t in live if last_use.get(t, len(ops)) > i}  # the final output stays live (no later use)
        if live == {op.output}:
            segments.append(list(range(start, i + 1)))
            start = i + 1
    if start < len(ops):
        segments.append(list(range(start, len(ops))))
    return segments


def _clean(parts: tuple[str, ...] | list[str]) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", "_".join(p for p in parts if p)).strip("_")


def _common(paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    first = paths[0]
    n = 0
    while n < len(first) and all(len(p) > n and p[n] == first[n] for p in paths):
        n += 1
    return first[:n]


def _unique(name: str, taken: set[str]) -> str:
    base = name or "layer"
    candidate, k = base, 2
    while candidate in taken or candidate in RESERVED:
        candidate, k = f"{base}_{k}", k + 1
    taken.add(candidate)
    return candidate


def _stage_module(ops: list[Op], stage_input: str) -> nn.Module:
    taken: set[str] = set()
    # layers inside a stage are named by their operation (conv, relu, conv_2, add): exporters fold batch norm
    # into the convolution under the batch norm's module path, so paths would mislabel them
    keys = [_unique(KEYS.get(op.op_type, op.op_type.lower()), taken) for op in ops]
    chain = all(op.inputs == [ops[k - 1].output if k else stage_input] for k, op in enumerate(ops))
    if chain:
        return nn.Sequential(OrderedDict(zip(keys, (op.module for op in ops), strict=True)))
    plan = [(key, ["x" if t == stage_input else t for t in op.inputs], op.output)
            for key, op in zip(keys, ops, strict=True)]
    return GraphBlock(dict(zip(keys, (op.module for op in ops), strict=True)), plan, ops[-1].output)


@dataclass(frozen=True)
class Staged:
    stages: OrderedDict[str, nn.Module]
    outputs: dict[str, str]  # stage name -> the graph's tensor that is its output


def build_stages(ops: list[Op], graph_input: str) -> Staged:
    """Group ``ops`` (in execution order) into named stage modules; see the module docstring."""
    groups: list[list[int]] = []
    for segment in _segments(ops, graph_input):
        if len(segment) == 1 and ops[segment[0]].op_type in FOLLOWERS and groups:
            groups[-1] += segment
        else:
            groups.append(segment)
    stages: OrderedDict[str, nn.Module] = OrderedDict()
    outputs: dict[str, str] = {}
    taken: set[str] = set()
    stage_input = graph_input
    for group in groups:
        members = [ops[i] for i in group]
        prefix = _common([op.path for op in members])
        kind = KEYS.get(members[0].op_type, members[0].op_type.lower())
        name = _clean(prefix) or _clean(members[0].path) or kind
        name = _unique(kind + name if name[0].isdigit() else name, taken)  # nn.Sequential's "3" -> "conv3"
        if len(members) == 1:  # the layer itself: views recognise an nn.MaxPool2d stage, not a wrapper
            stages[name] = members[0].module
        else:
            stages[name] = _stage_module(members, stage_input)
        outputs[name] = members[-1].output
        stage_input = members[-1].output
    return Staged(stages, outputs)
