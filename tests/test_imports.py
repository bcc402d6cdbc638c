"""Opening real model files made in the tests: every stage the app shows equals ONNX Runtime's value of that
tensor, TorchScript and torch.export files compute what the original module computes, the layer table matches
the model's own layers, and cnnviz's own models survive an ONNX export and reopening."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from torch import nn

from cnnviz.data.transforms import InputSpec, to_spec_input
from cnnviz.imports import is_imported, layer_table, open_model_file
from cnnviz.imports.export import export_onnx
from cnnviz.imports.modules import GraphBlock, PaddedConv2d
from cnnviz.introspect.capture import capture
from cnnviz.models import build_model
from cnnviz.training.checkpoint import CheckpointMeta, input_spec
from tests.model_files import MODELS, build, ort_run, save

TOL = 1e-4


def _image(spec: InputSpec, seed: int = 1) -> np.ndarray:
    """A random uint8 picture of another size than the model's input (capture resizes it)."""
    shape = (40, 36, 3) if spec.channels == 3 else (40, 36)
    return np.random.default_rng(seed).integers(0, 256, size=shape, dtype=np.uint8)


def _softmax(logits: np.ndarray) -> np.ndarray:
    e = np.exp(logits - logits.max())
    return e / e.sum()


@pytest.mark.parametrize("fmt", ["onnx", "onnx-dynamo"])
@pytest.mark.parametrize("name", list(MODELS))
def test_every_stage_and_the_probabilities_equal_onnx_runtime(name: str, fmt: str, tmp_path: Path) -> None:
    model, example = build(name)
    path = save(model, example, fmt, tmp_path / f"{name}.onnx")
    net, meta = open_model_file(path)
    assert is_imported(net) and meta.model == "imported" and meta.extra["format"] == "onnx"
    spec = input_spec(meta)
    assert (spec.channels, *spec.size) == tuple(example.shape[1:])
    image = _image(spec)
    cap = capture(net, image, spec)
    outputs = meta.extra["stage_outputs"]
    shown = [s for s in cap.stages if s.kind not in ("input", "softmax")]
    assert [s.name for s in shown] == list(outputs)
    reference = ort_run(path, list(outputs.values()), to_spec_input(image, spec).numpy())
    for stage in shown:
        diff = np.abs(stage.output - reference[outputs[stage.name]][0]).max()
        assert diff <= TOL, f"{stage.name}: {diff}"
    import onnxruntime

    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    final = session.run(None, {session.get_inputs()[0].name: to_spec_input(image, spec).numpy()})[0][0]
    expected = final if meta.extra["softmax_dropped"] else _softmax(final)
    assert np.abs(cap.probabilities - expected).max() <= TOL
    assert meta.extra["softmax_dropped"] == (name == "colour")


def test_blocks_become_one_stage_each(tmp_path: Path) -> None:
    """Residual blocks and the Inception-style branch are single stages evaluating their small graph."""
    for name, blocks in (("resnet", 2), ("colour", 1), ("lenet", 0)):
        model, example = build(name)
        net, _ = open_model_file(save(model, example, "onnx", tmp_path / f"{name}.onnx"))
        assert sum(isinstance(m, GraphBlock) for m in net.children()) == blocks, name
    resnet, _ = open_model_file(tmp_path / "resnet.onnx")  # named from the module path nn.Sequential gave them
    assert resnet.stage_names() == ["conv0", "block3", "block4", "gap5", "flatten6", "linear7"]
    net, _ = open_model_file(tmp_path / "lenet.onnx")
    first = next(iter(net.children()))
    assert isinstance(first, nn.Sequential) and isinstance(first[0], nn.Conv2d) and isinstance(first[1], nn.ReLU)


@pytest.mark.parametrize("fmt", ["torchscript", "pt2"])
@pytest.mark.parametrize("name", list(MODELS))
def test_torchscript_and_exported_programs_compute_what_the_original_does(name: str, fmt: str,
                                                                           tmp_path: Path) -> None:
    model, example = build(name)
    path = save(model, example, fmt, tmp_path / f"{name}.{'pt2' if fmt == 'pt2' else 'pt'}")
    net, meta = open_model_file(path)
    assert meta.extra["format"] == ("torch.export" if fmt == "pt2" else "torchscript")
    assert (meta.input["channels"], *meta.input["size"]) == tuple(example.shape[1:])
    x = torch.rand(4, *example.shape[1:], generator=torch.Generator().manual_seed(3))
    with torch.no_grad():
        got = net(x)
        want = model(x)
    if meta.extra["softmax_dropped"]:
        got = torch.softmax(got, dim=1)
    assert (got - want).abs().max().item() <= TOL
    # gradients flow through the converted layers (saliency needs them)
    x.requires_grad_(True)
    net(x)[0, 0].backward()
    assert x.grad is not None and x.grad.abs().sum() > 0


def _own_layers(model: nn.Module, example: torch.Tensor) -> list[tuple[str, tuple[int, ...], int]]:
    """(class, output shape, parameters) of the original's conv, linear, batch-norm and pooling layers, in
    the order its forward pass runs them."""
    kinds = (nn.Conv2d, nn.Linear, nn.BatchNorm2d, nn.MaxPool2d, nn.AvgPool2d)
    rows: list[tuple[str, tuple[int, ...], int]] = []
    hooks = [m.register_forward_hook(lambda mod, _i, out: rows.append(
        (type(mod).__name__, tuple(out.shape[1:]), sum(p.numel() for p in mod.parameters()))))
        for m in model.modules() if isinstance(m, kinds)]
    with torch.no_grad():
        model(example)
    for hook in hooks:
        hook.remove()
    return rows


@pytest.mark.parametrize("name", list(MODELS))
def test_layer_table_matches_the_models_own_layers(name: str, tmp_path: Path) -> None:
    model, example = build(name)
    net, meta = open_model_file(save(model, example, "torchscript", tmp_path / f"{name}.pt"))
    table = layer_table(net, input_spec(meta))
    kinds = {"Conv2d", "Linear", "BatchNorm2d", "MaxPool2d", "AvgPool2d"}
    assert [(r.kind, r.shape, r.parameters) for r in table if r.kind in kinds] == _own_layers(model, example)
    assert sum(r.parameters for r in table) == sum(p.numel() for p in model.parameters())
    assert meta.extra["layers"] == [r.to_dict() for r in table]


def test_class_names_and_preprocessing_come_from_the_file_or_beside_it(tmp_path: Path) -> None:
    import onnx

    model, example = build("colour")
    path = save(model, example, "onnx", tmp_path / "net.onnx")
    _, meta = open_model_file(path)
    assert meta.class_names == [f"class {i}" for i in range(5)]
    assert meta.extra["preprocess_known"] is False
    (tmp_path / "labels.txt").write_text("cat\ndog\nbird\n\nfish\nfrog\n")
    (tmp_path / "preprocess.json").write_text(json.dumps({"mean": [0.5, 0.4, 0.3], "std": [0.2, 0.2, 0.25],
                                                          "channel_order": "BGR"}))
    _, meta = open_model_file(path)
    assert meta.class_names == ["cat", "dog", "bird", "fish", "frog"]
    assert input_spec(meta) == InputSpec(3, (32, 32), (0.5, 0.4, 0.3), (0.2, 0.2, 0.25), (0.0, 1.0), "BGR")
    assert meta.extra["preprocess_known"] is True
    proto = onnx.load(str(path))  # the model's own metadata wins over the files beside it
    for key, value in (("cnnviz.class_names", json.dumps(list("abcde"))),
                       ("cnnviz.preprocess", json.dumps({"value_range": [-1, 1]}))):
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.save(proto, str(path))
    _, meta = open_model_file(path)
    assert meta.class_names == list("abcde")
    assert input_spec(meta) == InputSpec(3, (32, 32), (0.0,) * 3, (1.0,) * 3, (-1.0, 1.0))
    (tmp_path / "labels.txt").write_text("only\ntwo\n")  # wrong count: ignored with a notice
    proto.ClearField("metadata_props")
    onnx.save(proto, str(path))
    _, meta = open_model_file(path)
    assert meta.class_names == [f"class {i}" for i in range(5)] and any("labels.txt" in str(n) for n in meta.notices)


def _onnx_graph(path: Path) -> Path:
    """A hand-written graph with what exporters rarely emit: 'same' padding of stride-2 convs (SAME_UPPER and
    SAME_LOWER), an asymmetrically padded max pool, Clip, a constant Mul, batch norm, MatMul + Add, Softmax."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(0)

    def init(name: str, *shape: int) -> onnx.TensorProto:
        return numpy_helper.from_array(rng.normal(0, 0.5, size=shape).astype(np.float32), name)

    inits = [init("w1", 4, 1, 5, 5), init("b1", 4), init("w2", 6, 4, 3, 3), init("k", 6, 1, 1),
             init("s", 6), init("sh", 6), init("m", 6), numpy_helper.from_array(
                 rng.uniform(0.5, 2, 6).astype(np.float32), "v"), init("w3", 96, 10), init("b3", 10),
             numpy_helper.from_array(np.array([0.0], np.float32), "lo"),
             numpy_helper.from_array(np.array([6.0], np.float32), "hi")]
    nodes = [
        helper.make_node("Conv", ["x", "w1", "b1"], ["c1"], name="conv_same_upper", strides=[2, 2],
                         auto_pad="SAME_UPPER"),
        helper.make_node("Relu", ["c1"], ["r1"], name="relu1"),
        helper.make_node("MaxPool", ["r1"], ["p1"], name="pool", kernel_shape=[3, 3], strides=[2, 2],
                         pads=[0, 0, 1, 1]),
        helper.make_node("Clip", ["p1", "lo", "hi"], ["q1"], name="clip"),
        helper.make_node("Conv", ["q1", "w2"], ["c2"], name="conv_same_lower", strides=[2, 2],
                         auto_pad="SAME_LOWER"),
        helper.make_node("Mul", ["c2", "k"], ["m2"], name="scale"),
        helper.make_node("BatchNormalization", ["m2", "s", "sh", "m", "v"], ["n2"], name="bn"),
        helper.make_node("Flatten", ["n2"], ["f"], name="flatten"),
        helper.make_node("MatMul", ["f", "w3"], ["mm"], name="fc"),
        helper.make_node("Add", ["mm", "b3"], ["logits"], name="fc_bias"),
        helper.make_node("Softmax", ["logits"], ["probs"], name="softmax", axis=1),
    ]
    graph = helper.make_graph(nodes, "handmade", [helper.make_tensor_value_info("x", TensorProto.FLOAT,
                                                                                [1, 1, 28, 28])],
                              [helper.make_tensor_value_info("probs", TensorProto.FLOAT, [1, 10])], inits)
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))
    return path


def test_same_padding_of_strided_convs_and_other_onnx_forms_equal_onnx_runtime(tmp_path: Path) -> None:
    path = _onnx_graph(tmp_path / "handmade.onnx")
    net, meta = open_model_file(path)
    spec = input_spec(meta)
    image = _image(spec, seed=5)
    cap = capture(net, image, spec)
    outputs = meta.extra["stage_outputs"]
    x = to_spec_input(image, spec).numpy()
    reference = ort_run(path, [*outputs.values(), "probs"], x)
    for stage in (s for s in cap.stages if s.name in outputs):
        assert np.abs(stage.output - reference[outputs[stage.name]][0]).max() <= TOL, stage.name
    assert np.abs(cap.probabilities - reference["probs"][0]).max() <= TOL
    assert cap.stage(next(iter(outputs))).shape == (4, 14, 14)  # 'same' at stride 2: ceil(28 / 2)
    assert isinstance(net[-1], nn.Linear) and net[-1].bias is not None  # MatMul + Add: one layer


def test_cnnviz_models_survive_onnx_export_and_reopening(tmp_path: Path) -> None:
    torch.manual_seed(0)
    model = build_model("modern_cnn", width=8).eval()
    for module in model.modules():
        if isinstance(module, nn.BatchNorm2d):
            module.running_mean.uniform_(-0.5, 0.5)
            module.running_var.uniform_(0.5, 2.0)
    names = [f"digit {i}" for i in range(10)]
    meta = CheckpointMeta(model="modern_cnn", model_kwargs=dict(model.arch_kwargs), class_names=names)
    written = export_onnx(model, meta, tmp_path / "out" / "modern.onnx")
    assert [p.name for p in written] == ["modern.onnx", "modern.preprocess.json"]
    side = json.loads(written[1].read_text())
    assert (side["mean"], side["std"], side["size"]) == (list(input_spec(meta).mean), list(input_spec(meta).std),
                                                         [28, 28])
    net, reopened = open_model_file(written[0])
    assert reopened.class_names == names and input_spec(reopened) == input_spec(meta)
    assert reopened.extra["preprocess_known"] is True
    image = _image(input_spec(meta), seed=7)
    mine, theirs = capture(model, image, input_spec(meta)), capture(net, image, input_spec(reopened))
    assert np.abs(mine.probabilities - theirs.probabilities).max() <= TOL
    x = to_spec_input(image, input_spec(meta))
    logits = ort_run(written[0], ["logits"], x.numpy())["logits"][0]
    with torch.no_grad():
        assert np.abs(model(x)[0].numpy() - logits).max() <= TOL
    kinds = {"Conv2d", "Linear", "BatchNorm2d"}
    rows = [(r.kind, r.shape, r.parameters) for r in layer_table(net, input_spec(reopened)) if r.kind in kinds]
    assert rows == [(r.kind, r.shape, r.parameters) for r in layer_table(model, input_spec(meta)) if r.kind in kinds]


def test_behind_a_number_explains_strided_same_convolutions(tmp_path: Path) -> None:
    """The dot product of every corner cell (where the one-sided padding matters) is the value the map shows."""
    from cnnviz.explain.dot_product import dot_product_stages, explain_cell

    model, example = build("same")
    for path in (_onnx_graph(tmp_path / "handmade.onnx"), save(model, example, "onnx", tmp_path / "same.onnx")):
        net, meta = open_model_file(path)
        spec = input_spec(meta)
        cap = capture(net, _image(spec, seed=9), spec)
        stages = [s for s in dot_product_stages(net) if any(isinstance(m, PaddedConv2d) for m in net.get_submodule(
            s).modules())]
        assert stages, f"{path.name}: no strided 'same' convolution was recognised as one"
        for stage in stages:
            out = cap.stage(stage).output  # (C, H, W)
            last_row, last_col = out.shape[1] - 1, out.shape[2] - 1
            for row, col in ((0, 0), (0, last_col), (last_row, 0), (last_row, last_col)):
                cell = explain_cell(net, cap, stage, 1, row, col)
                assert abs(cell.result - float(out[1, row, col])) <= TOL, (path.name, stage, row, col)


def test_imported_blocks_are_described_and_measured_like_cnnvizs_own(tmp_path: Path) -> None:
    """A residual block read from a file is titled, captioned and given a receptive field as cnnviz's own
    ResidualBlock is (the field follows the main path, not main path + shortcut in a row)."""
    from cnnviz.introspect.receptive_field import receptive_fields
    from cnnviz.introspect.stages import describe_stage

    torch.manual_seed(0)
    model = build_model("modern_cnn", width=8).eval()
    meta = CheckpointMeta(model="modern_cnn", model_kwargs=dict(model.arch_kwargs))
    net, _ = open_model_file(export_onnx(model, meta, tmp_path / "modern.onnx")[0])
    # ONNX has no node for dropout at inference (it is the identity there), so the file's stages are ours less it.
    ours = [n for n in model.stage_names() if not isinstance(model.get_submodule(n), nn.Dropout)]
    assert net.stage_names() == ours and "drop" in model.stage_names()
    for name in ("res1", "res2"):
        info = describe_stage(name, net.get_submodule(name), (8, 28, 28), (8, 28, 28), False)
        assert (info.kind, str(info.title)) == ("residual", f"ResBlock{name[-1]} (residual)")
    theirs = [(f.stage, f.size, f.jump) for f in receptive_fields(net)]
    assert theirs == [(f.stage, f.size, f.jump) for f in receptive_fields(model) if f.stage in ours]
    branches, _ = open_model_file(save(*build("colour"), "onnx", tmp_path / "colour.onnx"))
    kinds = [describe_stage(n, m, (1,), (1,), False) for n, m in branches.named_children()
             if isinstance(m, GraphBlock)]
    assert [str(k.title).endswith("(branches)") and k.kind == "conv" for k in kinds] == [True]


def test_an_imported_model_is_not_saved_as_a_checkpoint_it_could_not_reopen(tmp_path: Path) -> None:
    from cnnviz.training import CheckpointError, save_checkpoint

    net, meta = open_model_file(save(*build("lenet"), "onnx", tmp_path / "lenet.onnx"))
    with pytest.raises(CheckpointError, match="export it as ONNX"):
        save_checkpoint(net, tmp_path / "lenet.pt", meta)
    assert not (tmp_path / "lenet.pt").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["lenet.onnx"]


def test_a_torchscript_archive_takes_its_input_size_from_preprocess_json(tmp_path: Path) -> None:
    """TorchScript does not record its input: a global-pooling net runs at any size, so the size written
    beside it is the one used (else the first common size that runs)."""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 3)).eval()
    path = save(model, torch.rand(1, 3, 48, 40), "torchscript", tmp_path / "gap.pt")
    _, guessed = open_model_file(path)
    assert (guessed.input["channels"], guessed.input["size"]) == (3, [28, 28])
    (tmp_path / "gap.preprocess.json").write_text(json.dumps({"channels": 3, "size": [48, 40], "mean": 0.5,
                                                              "std": 0.25}))
    net, meta = open_model_file(path)
    assert input_spec(meta) == InputSpec(3, (48, 40), (0.5,) * 3, (0.25,) * 3)
    assert meta.extra["preprocess_known"] is True
    assert layer_table(net, input_spec(meta))[0].shape == (4, 46, 38)
