"""Bad model files are refused with one sentence naming the file and the reason; nothing in them runs, nothing
outside their folder is read, and nothing too large for memory is allocated."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnnviz.imports import ModelFileError, open_model_file
from cnnviz.imports.onnx_file import available_memory
from tests.model_files import build, save
from tests.test_reliability_checkpoints import Payload


def _refused(path: Path, *fragments: str) -> str:
    with pytest.raises(ModelFileError) as info:
        open_model_file(path)
    message = str(info.value)
    assert str(path) in message and "\n" not in message and "Traceback" not in message
    for fragment in fragments:
        assert fragment in message, message
    return message


@pytest.fixture(scope="module")
def good_onnx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    model, example = build("lenet")
    return save(model, example, "onnx", tmp_path_factory.mktemp("good") / "lenet.onnx").read_bytes()


def _graph(path: Path, nodes: list, inits: list, inputs: list, outputs: list) -> Path:  # type: ignore[type-arg]
    import onnx
    from onnx import helper

    graph = helper.make_graph(nodes, "g", inputs, outputs, inits)
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))
    return path


def _vi(name: str, shape: list[int]):  # type: ignore[no-untyped-def]
    from onnx import TensorProto, helper

    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def test_truncated_random_empty_and_fake_files(tmp_path: Path, good_onnx: bytes) -> None:
    (tmp_path / "cut.onnx").write_bytes(good_onnx[: len(good_onnx) // 2])
    _refused(tmp_path / "cut.onnx", "ONNX")
    (tmp_path / "noise.bin").write_bytes(np.random.default_rng(0).integers(0, 256, 5000, np.uint8).tobytes())
    _refused(tmp_path / "noise.bin")
    (tmp_path / "empty.onnx").write_bytes(b"")
    _refused(tmp_path / "empty.onnx", "empty")
    (tmp_path / "fake.onnx").write_text("this is not really an ONNX model, just text with the right name\n")
    _refused(tmp_path / "fake.onnx", "ONNX")
    _refused(tmp_path / "missing.onnx", "not found")
    (tmp_path / "broken.pt").write_bytes(b"PK\x03\x04" + b"\0" * 100)
    _refused(tmp_path / "broken.pt", "damaged")


def _external(tmp_path: Path, location: str, dims: list[int], length: int | None = None) -> Path:
    from onnx import TensorProto, helper

    weight = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=dims)
    weight.data_location = TensorProto.EXTERNAL
    entries = {"location": location} | ({"length": str(length)} if length is not None else {})
    for key, value in entries.items():
        entry = weight.external_data.add()
        entry.key, entry.value = key, value
    nodes = [helper.make_node("Conv", ["x", "w"], ["y"], name="conv"),
             helper.make_node("GlobalAveragePool", ["y"], ["g"], name="gap"),
             helper.make_node("Flatten", ["g"], ["z"], name="flatten")]
    return _graph(tmp_path / "model" / "ext.onnx", nodes, [weight], [_vi("x", [1, 1, 8, 8])], [_vi("z", [1, dims[0]])])


def test_external_data_outside_the_models_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    secret = tmp_path / "secret.bin"
    secret.write_bytes(np.ones(18, np.float32).tobytes())
    _refused(_external(tmp_path, "../secret.bin", [2, 1, 3, 3]), "outside the model's folder", "secret.bin")
    _refused(_external(tmp_path, str(secret), [2, 1, 3, 3]), "outside the model's folder")
    os.symlink(secret, tmp_path / "model" / "link.bin")  # a link inside the folder pointing out of it
    _refused(_external(tmp_path, "link.bin", [2, 1, 3, 3]), "outside the model's folder")
    (tmp_path / "model" / "short.bin").write_bytes(b"\0" * 8)
    _refused(_external(tmp_path, "short.bin", [2, 1, 3, 3]), "damaged", "short.bin")
    (tmp_path / "model" / "w.bin").write_bytes(np.ones(18, np.float32).tobytes())
    net, _ = open_model_file(_external(tmp_path, "w.bin", [2, 1, 3, 3]))  # inside the folder: read
    assert float(next(net.parameters()).detach().sum()) == 18.0


def test_tensors_larger_than_memory_are_refused_before_allocating(tmp_path: Path) -> None:
    from onnx import TensorProto

    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "w.bin").write_bytes(b"\0" * 64)
    side = int((available_memory() // 4) ** 0.5) + 1  # float32: side² · 4 bytes > the memory available
    _refused(_external(tmp_path, "w.bin", [side, side, 1, 1]), "refused", "GiB")
    # embedded: dims claiming far more than the bytes stored
    weight = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[1000, 1000, 3, 3], raw_data=b"\0" * 16)
    from onnx import helper

    node = helper.make_node("Conv", ["x", "w"], ["y"], name="conv")
    _refused(_graph(tmp_path / "lie.onnx", [node], [weight], [_vi("x", [1, 1000, 8, 8])], [_vi("y", [1, 1000, 6, 6])]),
             "damaged")


def test_unsupported_operators_and_non_classifiers_name_what_stopped_them(tmp_path: Path) -> None:
    from onnx import helper

    node = helper.make_node("LpNormalization", ["x"], ["y"], name="norm_layer")
    flat = helper.make_node("Flatten", ["y"], ["z"], name="flat")
    _refused(_graph(tmp_path / "op.onnx", [node, flat], [], [_vi("x", [1, 1, 8, 8])], [_vi("z", [1, 64])]),
             "LpNormalization", "norm_layer")
    relu = helper.make_node("Relu", ["x"], ["y"], name="relu")
    _refused(_graph(tmp_path / "seg.onnx", [relu], [], [_vi("x", [1, 3, 8, 8])], [_vi("y", [1, 3, 8, 8])]),
             "not one score per class")
    _refused(_graph(tmp_path / "text.onnx", [relu], [], [_vi("x", [1, 300])], [_vi("y", [1, 300])]),
             "not an image classifier")
    _refused(_graph(tmp_path / "five.onnx", [relu], [], [_vi("x", [1, 5, 8, 8])], [_vi("y", [1, 5, 8, 8])]),
             "1- or 3-channel")


def test_a_pickled_module_is_refused_with_how_to_export_it_and_its_code_never_runs(tmp_path: Path) -> None:
    model, _ = build("lenet")
    torch.save(model, tmp_path / "whole.pt")
    _refused(tmp_path / "whole.pt", "pickled", "torch.onnx.export", "torch.jit.save", "torch.export.save")
    marker = tmp_path / "ran.txt"
    torch.save({"model": Payload(marker)}, tmp_path / "payload.pt")
    _refused(tmp_path / "payload.pt")
    (tmp_path / "legacy.pt").write_bytes(pickle.dumps(Payload(marker), protocol=2))
    _refused(tmp_path / "legacy.pt")
    assert not marker.exists()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_onnx_files_open_or_are_refused_cleanly(data: st.DataObject, good_onnx: bytes,
                                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    """Any byte flips, truncation or garbage: either a working model or one ModelFileError, never a crash."""
    raw = bytearray(good_onnx)
    for _ in range(data.draw(st.integers(1, 8))):
        pos = data.draw(st.integers(0, len(raw) - 1))
        raw[pos] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(raw)))
    path = tmp_path_factory.mktemp("fuzz") / "m.onnx"
    path.write_bytes(bytes(raw[:cut]) + data.draw(st.binary(max_size=32)))
    try:
        net, meta = open_model_file(path)
    except ModelFileError as exc:
        assert str(path) in str(exc)
        return
    with torch.no_grad():
        out = net(torch.zeros(1, meta.input["channels"], *meta.input["size"]))
    assert out.shape == (1, len(meta.class_names))


_JSON = st.recursive(st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers() | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                                  max_size=4), max_leaves=12)
_KEYS = st.sampled_from(["value_range", "mean", "std", "channel_order", "channels", "size"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.dictionaries(_KEYS, _JSON, max_size=6) | _JSON, labels=st.text(max_size=60))
def test_any_preprocess_json_or_labels_file_beside_a_model_opens_it(content: object, labels: str, good_onnx: bytes,
                                                                   tmp_path_factory: pytest.TempPathFactory) -> None:
    """Whatever the files beside a model hold, the model opens: with their settings when they are valid, else
    with the defaults and a notice naming the ignored file."""
    import json

    from cnnviz.training.checkpoint import input_spec

    folder = tmp_path_factory.mktemp("side")
    (folder / "m.onnx").write_bytes(good_onnx)
    (folder / "preprocess.json").write_text(json.dumps(content))
    (folder / "labels.txt").write_text(labels)
    net, meta = open_model_file(folder / "m.onnx")
    spec = input_spec(meta)
    assert (spec.channels, spec.size) == (1, (28, 28)) and len(meta.class_names) == 10
    if not meta.extra["preprocess_known"]:
        assert any("preprocess.json" in str(n) for n in meta.notices) or not isinstance(content, dict)
    with torch.no_grad():
        assert torch.isfinite(net(torch.zeros(1, 1, 28, 28))).all()
