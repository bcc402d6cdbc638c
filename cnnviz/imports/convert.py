"""An ONNX graph as real torch layers: ``nn.Conv2d``, ``nn.Linear``, pooling, batch norm, activations.

Each node becomes a ``torch.nn`` module holding the file's weights (nothing from the file runs as Python);
a dummy batch of one flows through the layers as they are built, so every decision that depends on a
shape (1-D or 2-D batch norm, 'same' padding, whether a Reshape only flattens) is taken from the real
shapes. Why convert rather than run the file in ONNX Runtime: the converted layers are what every view
already reads (Behind a number finds ``nn.Conv2d`` in a stage; saliency takes gradients), and the
ONNX Runtime outputs are the reference the tests compare every stage with (max abs diff ≤ 1e-4).
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import torch
from torch import nn

from cnnviz.imports.modules import BINARY_OPS, Binary, Concat, ConstBinary, PaddedConv2d, Unary
from cnnviz.imports.staging import Op
from cnnviz.wording import worded_error

MAX_FOLDED = 1 << 26  # elements of a constant computed while converting (exporters' shape arithmetic is tiny)


class GraphError(ValueError):
    """The graph cannot be followed; the message names the node or operator (the caller adds the file)."""


class GlobalAvgPoolFlat(nn.AdaptiveAvgPool2d):
    """Global average pooling that drops the 1×1 spatial dims (ONNX ReduceMean with keepdims=0)."""

    def __init__(self) -> None:
        super().__init__(1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return super().forward(x).flatten(1)  # (N, C, H, W) -> (N, C)


def _meta_module(cls: type[nn.Module], state: dict[str, torch.Tensor], *args: Any, **kwargs: Any) -> nn.Module:
    """``cls(*args)`` built on the meta device (no random init of millions of weights) adopting ``state``."""
    with torch.device("meta"):
        module = cls(*args, **kwargs)
    module.load_state_dict({k: v.float().contiguous() if v.is_floating_point() else v for k, v in state.items()},
                           assign=True)
    return module


def _attrs(node: Any) -> dict[str, Any]:
    import onnx

    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def node_path(node: Any) -> tuple[str, ...]:
    """The module path the exporter recorded for ``node`` (dynamo: name_scopes metadata; TorchScript-based
    exporter: ``/stem/stem.0/Conv``), else the node name itself; nested scopes repeat their parent's path."""
    scopes: list[str] = []
    for prop in node.metadata_props:
        if prop.key == "pkg.torch.onnx.name_scopes":
            try:
                scopes = [str(s) for s in ast.literal_eval(prop.value)][:-1]  # literal_eval: data only
            except (ValueError, SyntaxError):
                scopes = []
    if not scopes:
        scopes = node.name.split("/")[:-1] if "/" in node.name else [node.name]
    parts: list[str] = []
    for scope in (s for s in scopes if s):
        parts = scope.split(".") if parts and scope.startswith(".".join(parts) + ".") else parts + scope.split(".")
    return tuple(parts)


def _pads(kernel: tuple[int, int], stride: tuple[int, int], dilation: tuple[int, int], attrs: dict[str, Any],
          size: tuple[int, int]) -> tuple[int, int, int, int]:
    """(top, left, bottom, right) padding from ONNX ``pads`` or ``auto_pad`` for an input of ``size``."""
    auto = attrs.get("auto_pad", b"NOTSET")
    auto = auto.decode() if isinstance(auto, bytes) else str(auto)
    if auto in ("SAME_UPPER", "SAME_LOWER"):
        begin, end = [], []
        for n, k, s, d in zip(size, kernel, stride, dilation, strict=True):
            total = max((math.ceil(n / s) - 1) * s + d * (k - 1) + 1 - n, 0)
            small = total // 2
            begin.append(small if auto == "SAME_UPPER" else total - small)
            end.append(total - begin[-1])
        return begin[0], begin[1], end[0], end[1]
    if auto == "VALID":
        return 0, 0, 0, 0
    pads = [int(p) for p in attrs.get("pads", [0, 0, 0, 0])]
    if len(pads) != 4:
        raise worded_error(GraphError, "padding {pads} is not 2-D", pads=pads)
    return pads[0], pads[1], pads[2], pads[3]


def _pair(attrs: dict[str, Any], key: str, default: int) -> tuple[int, int]:
    values = [int(v) for v in attrs.get(key, [default, default])]
    if len(values) != 2:
        raise worded_error(GraphError, "{key} {values} is not 2-D (only 2-D images are supported)", key=key,
                           values=values)
    return values[0], values[1]


def _split_pads(pads: tuple[int, int, int, int]) -> tuple[tuple[int, int], tuple[int, int, int, int]]:
    """(top, left, bottom, right) as the symmetric (rows, cols) padding a layer can take itself and the extra
    (left, right, top, bottom) on one side that it cannot (then a pad layer, or PaddedConv2d, does it)."""
    top, left, bottom, right = pads
    sym = (min(top, bottom), min(left, right))
    return sym, (left - sym[1], right - sym[1], top - sym[0], bottom - sym[0])


class Converter:
    """Walks an ONNX graph in order; ``ops`` are the converted layers, ``consts`` the folded constants."""

    def __init__(self, graph: Any, consts: dict[str, torch.Tensor], graph_input: str, dummy: torch.Tensor):
        self.graph = graph
        self.consts = consts
        self.alias: dict[str, str] = {}
        self.env: dict[str, torch.Tensor] = {graph_input: dummy}
        self.ops: list[Op] = []
        self.uses: dict[str, int] = {}
        for node in graph.node:
            for name in node.input:
                self.uses[name] = self.uses.get(name, 0) + 1
        self.outputs = {o.name for o in graph.output}
        self.dropped_softmax = False

    def name(self, tensor: str) -> str:
        while tensor in self.alias:
            tensor = self.alias[tensor]
        return tensor

    def const(self, node: Any, index: int, what: str) -> torch.Tensor:
        if index >= len(node.input) or not node.input[index]:
            raise worded_error(GraphError, "{op} node {name!r} has no {what}", op=node.op_type, name=node.name,
                               what=what)
        tensor = self.name(node.input[index])
        if tensor not in self.consts:
            raise worded_error(GraphError, "{op} node {name!r} computes its {what} ({tensor!r}); only weights "
                               "stored in the file are supported", op=node.op_type, name=node.name, what=what,
                               tensor=tensor)
        return self.consts[tensor]

    def act(self, node: Any, index: int = 0) -> str:
        tensor = self.name(node.input[index])
        if tensor not in self.env:
            raise worded_error(GraphError, "{op} node {name!r} reads {tensor!r}, which is not an image tensor",
                               op=node.op_type, name=node.name, tensor=tensor)
        return tensor

    def run(self) -> None:
        for node in self.graph.node:
            self.node(node)

    def node(self, node: Any) -> None:
        op, attrs = node.op_type, _attrs(node)
        inputs = [self.name(i) for i in node.input if i]
        if op == "Constant":
            import onnx.numpy_helper

            if "value" not in attrs:
                raise worded_error(GraphError, "Constant node {name!r} has no tensor value", name=node.name)
            self.consts[node.output[0]] = torch.from_numpy(onnx.numpy_helper.to_array(attrs["value"]).copy())
            return
        if op in ("Identity", "Dropout"):
            if inputs[0] in self.consts:
                self.consts[node.output[0]] = self.consts[inputs[0]]
            else:
                self.alias[node.output[0]] = inputs[0]
            return
        if op == "Shape" and inputs and inputs[0] in self.env:  # shapes are static here (the dummy's)
            dims = torch.tensor(self.env[inputs[0]].shape, dtype=torch.int64)
            self.consts[node.output[0]] = dims[int(attrs.get("start", 0)):attrs.get("end")]
            return
        if not any(i in self.env for i in inputs):
            self._fold(node, inputs)
            return
        if op in ("Softmax", "LogSoftmax"):
            if node.output[0] not in self.outputs:
                raise worded_error(GraphError, "{op} node {name!r} is inside the network, not at its end", op=op,
                                   name=node.name)
            self.alias[node.output[0]], self.dropped_softmax = inputs[0], True
            return
        if op == "Add" and self._fold_bias(node, inputs):
            return
        handler = _HANDLERS.get(op)
        if handler is None:
            raise worded_error(GraphError, "operator {op} (node {name!r}) is not supported", op=op, name=node.name)
        module, reads = handler(self, node, attrs)
        self.add(node, module, reads)

    def _fold(self, node: Any, inputs: list[str]) -> None:
        """A node computing on constants only (exporters build pad widths and shapes this way): evaluated
        once, now, by ONNX's reference implementation of the operator (NumPy; nothing from the file runs)."""
        from onnx.reference import ReferenceEvaluator

        missing = [i for i in inputs if i not in self.consts]
        if missing:
            raise worded_error(GraphError, "{op} node {name!r} reads {tensor!r}, which nothing computes",
                               op=node.op_type, name=node.name, tensor=missing[0])
        if node.op_type in ("ConstantOfShape", "Expand", "Tile", "Range") and any(
                self.consts[i].numel() and self.consts[i].abs().prod().item() > MAX_FOLDED for i in inputs):
            raise worded_error(GraphError, "{op} node {name!r} would make a constant too large to hold",
                               op=node.op_type, name=node.name)
        try:
            values = ReferenceEvaluator(node).run(None, {i: self.consts[i].numpy() for i in inputs})
        except Exception as exc:  # the reference implementation's errors vary; all mean "cannot evaluate"
            raise worded_error(GraphError, "operator {op} (node {name!r}) cannot be evaluated here ({reason})",
                               op=node.op_type, name=node.name,
                               reason=str(exc).splitlines()[0][:100] if str(exc) else type(exc).__name__) from None
        for name, value in zip(node.output, values, strict=False):
            self.consts[name] = torch.from_numpy(np.array(value, copy=True))

    def add(self, node: Any, module: nn.Module, reads: list[str]) -> None:
        try:
            with torch.no_grad():
                out = module(*[self.env[t] for t in reads])
        except (RuntimeError, ValueError, IndexError) as exc:
            shapes = ", ".join(str(tuple(self.env[t].shape)) for t in reads)
            raise worded_error(GraphError, "{op} node {name!r} does not fit its input {shapes} ({reason})",
                               op=node.op_type, name=node.name, shapes=shapes,
                               reason=str(exc).splitlines()[0][:120]) from None
        self.env[node.output[0]] = out
        self.ops.append(Op(node.name, node.op_type, node_path(node), reads, node.output[0], module))

    def _fold_bias(self, node: Any, inputs: list[str]) -> bool:
        """MatMul then Add of a constant vector: one nn.Linear with a bias (the Add's output is the layer's)."""
        if len(inputs) != 2 or not self.ops:
            return False
        last = self.ops[-1]
        act, bias = (inputs[0], inputs[1]) if inputs[1] in self.consts else (inputs[1], inputs[0])
        linear = last.module
        if (act != last.output or bias not in self.consts or self.uses.get(act, 0) != 1
                or not isinstance(linear, nn.Linear) or linear.bias is not None
                or self.consts[bias].numel() != linear.out_features):
            return False
        linear.bias = nn.Parameter(self.consts[bias].float().reshape(-1).clone())
        with torch.no_grad():
            self.env[node.output[0]] = linear(self.env[last.inputs[0]])
        del self.env[act]
        last.output = node.output[0]
        return True


Handler = Callable[[Converter, Any, dict[str, Any]], tuple[nn.Module, list[str]]]


def _conv(c: Converter, node: Any, attrs: dict[str, Any]) -> tuple[nn.Module, list[str]]:
    x, weight = c.act(node), c.const(node, 1, "weight")
    if weight.ndim != 4:
        raise worded_error(
            GraphError, "Conv node {name!r} is {dims}-D; only 2-D convolutions are supported",
            name=node.name,
                           dims=weight.ndim - 2)
    bias = c.const(node, 2, "bias") if len(node.input) > 2 and node.input[2] else None
    groups = int(attrs.get("group", 1))
    kernel = (weight.shape[2], weight.shape[3])
    stride, dilation = _pair(attrs, "strides", 1), _pair(attrs, "dilations", 1)
    size = (c.env[x].shape[2], c.env[x].shape[3])
    pads = _pads(kernel, stride, dilation, attrs, size)
    last = c.ops[-1] if c.ops else None
    if (last is not None and last.output == x and c.uses.get(x, 0) == 1 and type(last.module) is nn.ConstantPad2d
            and last.module.value == 0.0):  # a zero Pad node before the conv: the conv's own padding
        left, right, top, bottom = last.module.padding
        pads = (pads[0] + top, pads[1] + left, pads[2] + bottom, pads[3] + right)
        x = last.inputs[0]
        del c.env[last.output]
        c.ops.pop()
    state = {"weight": weight} | ({"bias": bias} if bias is not None else {})
    sym, extra = _split_pads(pads)
    args = (weight.shape[1] * groups, weight.shape[0], kernel)
    kwargs = {"stride": stride, "dilation": dilation, "groups": groups, "bias": bias is not None}
    if any(extra):  # e.g. 'same' at stride 2: one more row and column at the bottom and right
        top, left, bottom, right = pads
        return _meta_module(PaddedConv2d, state, *args, pads=(left, right, top, bottom), **kwargs), [x]
    return _meta_module(nn.Conv2d, state, *args, padding=sym, **kwargs), [x]


def _linear(c: Converter, node: Any, attrs: dict[str, Any]) -> tuple[nn.Module, list[str]]:
    x = c.act(node)
    weight = c.const(node, 1, "weight")
    if node.op_type == "MatMul":
        if weight.ndim != 2:
            raise worded_error(GraphError, "MatMul node {name!r} multiplies by a {dims}-D tensor", name=node.name,
                               dims=weight.ndim)
        return _meta_module(nn.Linear, {"weight": weight.T}, weight.shape[0], weight.shape[1], bias=False), [x]
    if int(attrs.get("transA", 0)):
        raise worded_error(GraphError, "Gemm node {name!r} transposes its input (transA)", name=node.name)
    w = (weight if int(attrs.get("transB", 0)) else weight.T) * float(attrs.get("alpha", 1.0))  # (out, in)
    state = {"weight": w}
    if len(node.input) > 2 and node.input[2]:
        state["bias"] = (c.const(node, 2, "bias") * float(attrs.get("beta", 1.0))).reshape(-1).expand(w.shape[0])
    return _meta_module(nn.Linear, state, w.shape[1], w.shape[0], bias="bias" in state), [x]


def _pool(c: Converter, node: Any, attrs: dict[str, Any]) -> tuple[nn.Module, list[str]]:
    x = c.act(node)
    kernel = _pair(attrs, "kernel_shape", 1)
    stride, dilation = _pair(attrs, "strides", 1), _pair(attrs, "dilations", 1)
    pads = _pads(kernel, stride, dilation, attrs, (c.env[x].shape[2], c.env[x].shape[3]))
    ceil = bool(attrs.get("ceil_mode", 0))
    is_max = node.op_type == "MaxPool"
    sym, extra = _split_pads(pads)
    if any(extra) and not is_max:
        raise worded_error(GraphError, "AveragePool node {name!r} pads one side more than the other {pads}",
                           name=node.name, pads=pads)
    pool: nn.Module = (nn.MaxPool2d(kernel, stride, sym, dilation, ceil_mode=ceil) if is_max else
                       nn.AvgPool2d(kernel, stride, sym, ceil_mode=ceil,
                                    count_include_pad=bool(attrs.get("count_include_pad", 0))))
    return (nn.Sequential(nn.ConstantPad2d(extra, -math.inf), pool) if any(extra) else pool), [x]


def _global(c: Converter, node: Any, attrs: dict[str, Any]) -> tuple[nn.Module, list[str]]:
    x = c.act(node)
    if node.op_type == "ReduceMean":
        axes = attrs.get("axes") or (c.const(node, 1, "axes").tolist() if len(node.input) > 1 else None)
        if axes is None or sorted(int(a) % 4 for a in axes) != [2, 3] or c.env[x].ndim != 4:
            raise worded_error(GraphError, "ReduceMean node {name!r} averages over axes {axes}, not over each map",
                               name=node.name, axes=axes)
        return (nn.AdaptiveAvgPool2d(1) if int(attrs.get("keepdims", 1)) else GlobalAvgPoolFlat()), [x]
    return (nn.AdaptiveAvgPool2d(1) if node.op_type == "GlobalAveragePool" else nn.AdaptiveMaxPool2d(1)), [x]


def _batch_norm(c: Converter, node: Any, attrs: dict[str, Any]) -> tuple[nn.Module, list[str]]:
    x = c.act(node)
    scale, shift = c.const(node, 1, "scale"), c.const(node, 2, "bias")
    mean, var = c.const(node, 3, "mean"), c.const(node, 4, "variance")
    cls = nn.BatchNorm2d if c.env[x].ndim == 4 else nn.BatchNorm1d
    state = {"weight": scale, "bias": shift, "running_mean": mean, "running_var": var,
             "num_batches_tracked": torch.tensor(0)}
    module = _meta_module(cls, state, scale.numel(), eps=float(attrs.get("epsilon", 1e-5)))
    return module.eval(), [x]


def _activation(c: Converter, node: Any, attrs: dict[str, Any]) -> tuple[nn.Module, list[str]]:
    x, op = c.act(node), node.op_type
    if op == "Clip":
        low = float(c.const(node, 1, "minimum")) if len(node.input) > 1 and node.input[1] else attrs.get("min")
        high = float(c.const(node, 2, "maximum")) if len(node.input) > 2 and node.input[2] else attrs.get("max")
        low, high = float(low if low is not None else -math.inf), float(high if high is not None else math.inf)
        if (low, high) == (0.0, 6.0):
            return nn.ReLU6(), [x]
        return (nn.ReLU() if (low, high) == (0.0, math.inf) else nn.Hardtanh(low, high)), [x]
    if op == "LeakyRelu":
        return nn.LeakyReLU(float(attrs.get("alpha", 0.01))), [x]
    if op == "Elu":
        return nn.ELU(float(attrs.get("alpha", 1.0))), [x]
    if op == "Gelu":
        approx = attrs.get("approximate", b"none")
        return nn.GELU(approximate=approx.decode() if isinstance(approx, bytes) else str(approx)), [x]
    if op == "HardSigmoid" and (attrs.get("alpha", 0.2), attrs.get("beta", 0.5)) != (1 / 6, 0.5):
        raise worded_error(GraphError, "HardSigmoid node {name!r} has slope {slope} (only 1/6)", name=node.name,
                           slope=attrs.get("alpha", 0.2))
    simple: dict[str, Callable[[], nn.Module]] = {
        "Relu": nn.ReLU, "Sigmoid": nn.Sigmoid, "Tanh": nn.Tanh, "HardSwish": nn.Hardswish,
        "HardSigmoid": nn.Hardsigmoid}
    if op in simple:
        return simple[op](), [x]
    fns = {"Erf": torch.special.erf, "Sqrt": torch.sqrt, "Exp": torch.exp}
    return Unary(op, fns[op]), [x]


def _binary(c: Converter, node: Any, attrs: dict[str, Any]) -> tuple[nn.Module, list[str]]:
    a, b = c.name(node.input[0]), c.name(node.input[1])
    if a in c.env and b in c.env:
        return Binary(node.op_type), [a, b]
    if a in c.env:
        return ConstBinary(node.op_type, c.consts[b].float().clone()), [a]
    return ConstBinary(node.op_type, c.consts[a].float().clone(), constant_first=True), [b]


def _concat(c: Converter, node: Any, attrs: dict[str, Any]) -> tuple[nn.Module, list[str]]:
    return Concat(int(attrs.get("axis", 1))), [c.act(node, i) for i in range(len(node.input))]


def _flatten(c: Converter, node: Any, attrs: dict[str, Any]) -> tuple[nn.Module, list[str]]:
    """Flatten(axis=1), and Reshape / Squeeze whose result is (N, everything else): nn.Flatten."""
    x = c.act(node)
    shape = tuple(c.env[x].shape)
    flat = (shape[0], math.prod(shape[1:]))
    if node.op_type == "Flatten" and int(attrs.get("axis", 1)) == 1:
        return nn.Flatten(), [x]
    if node.op_type == "Reshape":
        target = [int(v) for v in c.const(node, 1, "shape").tolist()]
        target = [shape[i] if v == 0 and i < len(shape) else v for i, v in enumerate(target)]  # 0: keep dim i
        if len(target) == 2 and target[0] in (shape[0], -1) and target[1] in (flat[1], -1) and target != [-1, -1]:
            return nn.Flatten(), [x]
        raise worded_error(
            GraphError, "Reshape node {name!r} reshapes {shape} to {target}; only flattening is supported",
            name=node.name, shape=shape, target=target)
    if node.op_type == "Squeeze" and len(shape) == 4 and shape[2:] == (1, 1):
        return nn.Flatten(), [x]
    raise worded_error(GraphError, "{op} node {name!r} on {shape} is not a flatten", op=node.op_type, name=node.name,
                       shape=shape)


def _pad(c: Converter, node: Any, attrs: dict[str, Any]) -> tuple[nn.Module, list[str]]:
    x = c.act(node)
    mode = attrs.get("mode", b"constant")
    pads = [int(v) for v in (c.const(node, 1, "pads").tolist() if len(node.input) > 1 else attrs.get("pads", []))]
    if (mode not in (b"constant", "constant") or len(pads) != 8 or any(pads[i] for i in (0, 1, 4, 5))
            or (len(node.input) > 3 and node.input[3])):
        raise worded_error(GraphError, "Pad node {name!r} ({mode!r}, {pads}) is not a constant padding of the maps",
                           name=node.name, mode=mode, pads=pads)
    value = float(c.const(node, 2, "value")) if len(node.input) > 2 and node.input[2] else 0.0
    return nn.ConstantPad2d((pads[3], pads[7], pads[2], pads[6]), value), [x]


_HANDLERS: dict[str, Handler] = {
    "Conv": _conv, "Gemm": _linear, "MatMul": _linear, "MaxPool": _pool, "AveragePool": _pool,
    "GlobalAveragePool": _global, "GlobalMaxPool": _global, "ReduceMean": _global,
    "BatchNormalization": _batch_norm, "Concat": _concat, "Flatten": _flatten, "Reshape": _flatten,
    "Squeeze": _flatten, "Pad": _pad,
    **{op: _activation for op in ("Relu", "LeakyRelu", "Sigmoid", "Tanh", "Clip", "Gelu", "Elu", "HardSwish",
                                  "HardSigmoid", "Erf", "Sqrt", "Exp")},
    **{op: _binary for op in BINARY_OPS},
}
