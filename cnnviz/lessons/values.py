"""How each placeholder kind is computed from the live facts (``cnnviz.lessons.placeholders`` parses them).

Each handler takes (facts, target, index, field) — for ``{cell:conv1[0,12,14].value}`` that is
(facts, "conv1", (0, 12, 14), "value") — and returns the text the learner reads. Values are written
the way the app writes them elsewhere (``cnnviz.format``): probabilities as percents, cells counted from 1.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import numpy as np
from torch import nn

from cnnviz.explain import DotProduct, explain_cell
from cnnviz.format import cell_text, format_probability
from cnnviz.introspect import Stage, pool_spec, pool_window, strongest_cell
from cnnviz.introspect.geometry import layer_geometry
from cnnviz.introspect.pooling import PoolWindow
from cnnviz.lessons.placeholders import LINEAGE_TOTALS, Facts, Unavailable
from cnnviz.models.staged import count_parameters
from cnnviz.wording import Wording, worded_error

Handler = Callable[[Facts, str, "tuple[int, ...] | None", str], "Wording | str"]


def number(value: float) -> str:
    """A map value as the cell view writes it: two decimals (0.00 for a cell ReLU silenced)."""
    return f"{value:.2f}"


def _stage(facts: Facts, name: str) -> Stage:
    cap = facts.need_capture()
    try:
        return cap.stage(name)
    except KeyError:
        raise worded_error(Unavailable, "this model has no stage “{name}”", name=name) from None


def _module(facts: Facts, name: str) -> nn.Module:
    _stage(facts, name)
    return dict(facts.need_model().named_children())[name]


def _simple(facts: Facts, kind: str) -> str:
    cap = facts.need_capture()
    names = facts.data.class_names
    if kind == "prediction":
        return names[cap.prediction]
    if kind == "probability":
        return format_probability(float(cap.probabilities.max()))
    if kind == "runner_up":
        second = int(np.argsort(cap.probabilities)[-2])
        return f"{names[second]} ({format_probability(float(cap.probabilities[second]))})"
    if kind == "label":
        return names[facts.true_label] if facts.true_label is not None else "not known (a drawing)"
    if kind == "model":
        return facts.need_model().arch
    acc = facts.meta.test_accuracy if facts.meta is not None else None
    return format_probability(acc) if isinstance(acc, float) else "not measured"


def stage_value(facts: Facts, target: str, _index: tuple[int, ...] | None, field: str) -> str:
    stage = _stage(facts, target)
    shape = stage.shape
    if field == "params":
        return f"{stage.parameters:,}"
    if field == "shape":
        return "×".join(str(s) for s in shape)
    if field == "inputs":
        names = [s.name for s in facts.need_capture().stages]
        return "×".join(str(s) for s in facts.need_capture().stages[names.index(target) - 1].shape)
    if len(shape) != 3:
        raise worded_error(Unavailable, "{target} has no feature maps", target=target)
    return str(shape[("channels", "height", "width").index(field)])


def params_value(facts: Facts, target: str, _index: tuple[int, ...] | None, _field: str) -> str:
    if target == "total":
        return f"{count_parameters(facts.need_model()):,}"
    return f"{_stage(facts, target).parameters:,}"


def geometry_value(kind: str) -> Handler:
    def value(facts: Facts, target: str, _index: tuple[int, ...] | None, _field: str) -> str:
        module = _module(facts, target)
        geo = layer_geometry(module) if isinstance(module, nn.Conv2d | nn.MaxPool2d | nn.AvgPool2d) else None
        if geo is None:
            conv = next((m for m in module.modules() if isinstance(m, nn.Conv2d)), None)
            geo = layer_geometry(conv) if conv is not None else None
        if geo is None:
            raise worded_error(Unavailable, "{target} does not slide a window", target=target)
        if kind == "kernel":
            return f"{geo.kernel[0]}×{geo.kernel[1]}"
        if kind == "stride":
            return str(geo.stride[0])
        return str(geo.padding[0])
    return value


def _cell(facts: Facts, target: str, index: tuple[int, ...] | None) -> tuple[int, int, int]:
    stage = _stage(facts, target)
    if stage.output.ndim != 3:
        raise worded_error(Unavailable, "{target} has no feature maps", target=target)
    if index is None or len(index) not in (1, 3):
        raise worded_error(Unavailable, "write the cell as [map] or [map,row,column]")
    if len(index) == 1:
        return (index[0], *strongest_cell(facts.need_capture(), target, index[0]))
    channel, row, col = index
    return channel, row, col


def dot_product(facts: Facts, target: str, index: tuple[int, ...] | None) -> DotProduct:
    return explain_cell(facts.need_model(), facts.need_capture(), target, *_cell(facts, target, index))


def cell_value(facts: Facts, target: str, index: tuple[int, ...] | None, field: str) -> Wording | str:
    channel, row, col = _cell(facts, target, index)
    if field == "where":
        return cell_text(row, col)
    if field == "map":
        return str(channel + 1)
    if field == "value":
        return number(float(_stage(facts, target).output[channel, row, col]))
    dp = dot_product(facts, target, (channel, row, col))
    if field == "taps":
        return str(dp.window.size)
    return number({"pre": dp.pre_activation, "bias": dp.bias, "sum": float(dp.products.sum())}[field])


def _pool(facts: Facts, target: str, index: tuple[int, ...] | None) -> tuple[PoolWindow, int]:
    module = _module(facts, target)
    if not isinstance(module, nn.MaxPool2d | nn.AvgPool2d):
        raise worded_error(Unavailable, "{target} is not a pooling stage", target=target)
    channel = index[0] if index else 0
    cap = facts.need_capture()
    names = [s.name for s in cap.stages]
    before = cap.stages[names.index(target) - 1].output  # (C, H, W)
    row, col = strongest_cell(cap, target, channel) if index is None or len(index) == 1 else index[1:]
    return pool_window(before[channel], row, col, spec=pool_spec(module)), channel


def pool_value(facts: Facts, target: str, index: tuple[int, ...] | None, field: str) -> Wording | str:
    if field in ("size", "stride"):
        spec = pool_spec(_module(facts, target))
        return f"{spec.kernel[0]}×{spec.kernel[1]}" if field == "size" else str(spec.stride[0])
    window, channel = _pool(facts, target, index)
    values = window.values[~np.isnan(window.values)]
    if field == "winner":
        return number(window.result)
    if field == "values":
        return ", ".join(number(v) for v in values.ravel())
    if field == "dropped":
        return str(values.size - 1)
    if field == "map":
        return str(channel + 1)
    cell = window.winner_cell
    if cell is None:
        raise worded_error(Unavailable, "{target} averages: no single value wins", target=target)
    return cell_text(*cell)


def map_value(facts: Facts, target: str, index: tuple[int, ...] | None, field: str) -> Wording | str:
    stage = _stage(facts, target)
    if stage.output.ndim != 3:
        raise worded_error(Unavailable, "{target} has no feature maps", target=target)
    channel = index[0] if index else 0
    fmap = stage.output[channel]
    if field == "active":
        return format_probability(float((fmap > 0).mean()))
    if field == "max":
        return number(float(fmap.max()))
    return cell_text(*strongest_cell(facts.need_capture(), target, channel))


def relu_value(facts: Facts, target: str, _index: tuple[int, ...] | None, _field: str) -> str:
    from cnnviz.lessons.measures import relu_zeroed

    _stage(facts, target)
    return format_probability(relu_zeroed(facts.need_model(), facts.need_capture(), target))


def shift_value(facts: Facts, target: str, _index: tuple[int, ...] | None, _field: str) -> str:
    from cnnviz.lessons.measures import shift_change
    from cnnviz.training.checkpoint import input_spec

    _stage(facts, target)
    assert facts.meta is not None
    return format_probability(shift_change(facts.need_model(), facts.image, target, input_spec(facts.meta)))


def sobel_value(facts: Facts, field: str, _index: tuple[int, ...] | None, _rest: str) -> str:
    from cnnviz.lessons.measures import sobel_match

    match = sobel_match(facts.need_model())
    return {"filter": str(match.filter + 1), "kind": match.kind, "corr": number(match.correlation)}[field]


def lab_value(facts: Facts, field: str, _index: tuple[int, ...] | None, _rest: str) -> str:
    from cnnviz.lab import build_pair

    config = facts.lab_config
    if config is None:
        raise worded_error(Unavailable, "open the Training lab")
    if field in ("fc.params", "cnn.params", "ratio"):
        fc, cnn = (count_parameters(m) for m in build_pair(config))
        return {"fc.params": f"{fc:,}", "cnn.params": f"{cnn:,}", "ratio": f"{fc / cnn:.1f}"}[field]
    if field == "train":
        return f"{config.train_samples:,}"
    if field == "epochs":
        return str(config.epochs)
    result = facts.lab_result
    if result is None:
        raise worded_error(Unavailable, "not run yet")
    if field == "test":
        return f"{result.fc.test_samples:,}"
    run = result.fc if field.startswith("fc.") else result.cnn
    if field.endswith("errors"):
        return "not measured" if run.test_errors is None else f"{run.test_errors:,}"
    return format_probability(run.test_accuracy) if run.test_accuracy is not None else "not measured"


def shuffle_value(facts: Facts, field: str, _index: tuple[int, ...] | None, _rest: str) -> str:
    result = facts.shuffle
    names = facts.data.class_names
    return {
        "cnn.before": names[result.cnn_before], "cnn.after": names[result.cnn_after],
        "cnn.p_before": format_probability(result.p_before), "cnn.p_after": format_probability(result.p_after),
        "fc.plain": format_probability(result.fc_plain), "fc.shuffled": format_probability(result.fc_shuffled),
        "fitted": f"{result.fitted:,}", "tested": f"{result.tested:,}",
    }[field]


def lineage_key(name: str) -> str:
    """A lineage entry's name as placeholders spell it: "VGG-16" → "vgg16"."""
    return "".join(ch for ch in name.lower() if ch.isalnum() or ch == "_")


@cache
def _lineage() -> dict[str, int]:
    from cnnviz.zoo.lineage import lineage_table

    return {lineage_key(e.name): e.parameters for e in lineage_table()}


def lineage_value(_facts: Facts, target: str, _index: tuple[int, ...] | None, _field: str) -> str:
    if target in LINEAGE_TOTALS:
        from cnnviz.zoo.lineage import dense_vs_conv

        cmp = dense_vs_conv()
        return {"dense": f"{cmp.dense_parameters:,}", "conv": f"{cmp.conv_parameters:,}",
                "ratio": f"{cmp.ratio:,.0f}"}[target]
    table = _lineage()
    if target not in table:
        raise worded_error(Unavailable, "no network “{target}” in the lineage (known: {known})", target=target,
                           known=", ".join(table))
    return f"{table[target]:,}"


def simple_value(kind: str) -> Handler:
    def value(facts: Facts, _target: str, _index: tuple[int, ...] | None, _field: str) -> str:
        return _simple(facts, kind)
    return value


HANDLERS: dict[str, Handler] = {
    **{k: simple_value(k) for k in ("prediction", "probability", "label", "model", "accuracy", "runner_up")},
    "stage": stage_value, "params": params_value, "kernel": geometry_value("kernel"),
    "padding": geometry_value("padding"), "stride": geometry_value("stride"), "cell": cell_value,
    "pool": pool_value, "map": map_value, "relu": relu_value, "shift": shift_value, "sobel": sobel_value,
    "lab": lab_value, "shuffle": shuffle_value, "lineage": lineage_value,
}
