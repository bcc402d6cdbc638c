"""``cnnviz inspect`` and ``cnnviz export --onnx``: the layer table, top classes and JSON as specified; bad files
refused with exit status 2 and one sentence."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from cnnviz.cli import main
from cnnviz.data.transforms import to_spec_input
from cnnviz.imports import open_model_file
from cnnviz.models import build_model
from cnnviz.training import CheckpointMeta, save_checkpoint
from cnnviz.training.checkpoint import input_spec
from tests.model_files import build, save


@pytest.fixture(scope="module")
def colour_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("colour")
    model, example = build("colour")
    (folder / "labels.txt").write_text("\n".join(["cat", "dog", "bird", "fish", "frog"]) + "\n")
    return save(model, example, "onnx", folder / "colour.onnx")


@pytest.fixture(scope="module")
def picture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pixels = np.random.default_rng(4).integers(0, 256, size=(50, 60, 3), dtype=np.uint8)
    path = tmp_path_factory.mktemp("img") / "photo.png"
    Image.fromarray(pixels).save(path)
    return path


def test_json_gives_the_layers_and_the_probabilities_onnx_runtime_computes(
        colour_model: Path, picture: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(colour_model), "--image", str(picture), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    net, meta = open_model_file(colour_model)
    assert [layer["name"] for layer in out["layers"]] == [row["name"] for row in meta.extra["layers"]]
    assert set(out["layers"][0]) == {"name", "kind", "shape", "parameters"}
    assert sum(layer["parameters"] for layer in out["layers"]) == sum(p.numel() for p in net.parameters())
    spec = input_spec(meta)
    rgb = np.asarray(Image.open(picture), dtype=np.float32) / 255.0
    import onnxruntime

    session = onnxruntime.InferenceSession(str(colour_model), providers=["CPUExecutionProvider"])
    # the file ends in a softmax: its output is the probabilities
    expected = session.run(None, {session.get_inputs()[0].name: to_spec_input(rgb, spec).numpy()})[0][0]
    assert len(out["probabilities"]) == 5
    assert np.abs(np.array(out["probabilities"]) - expected).max() <= 1e-4
    assert out["class_names"] == ["cat", "dog", "bird", "fish", "frog"]


def test_the_table_lists_every_layer_and_the_top_classes(colour_model: Path, picture: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(colour_model), "--image", str(picture)]) == 0
    text = capsys.readouterr().out
    _, meta = open_model_file(colour_model)
    for row in meta.extra["layers"]:
        assert row["name"] in text
    assert "not recorded in the file" in text  # the preprocessing cnnviz assumed is shown as such
    top = text.split("top 5")[1].splitlines()[1:]
    assert len(top) == 5 and {line.split()[0] for line in top} == {"cat", "dog", "bird", "fish", "frog"}


def test_inspect_a_cnnviz_checkpoint_without_an_image(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = build_model("explorer_cnn")
    path = save_checkpoint(model, tmp_path / "m.pt", CheckpointMeta("explorer_cnn", dict(model.arch_kwargs)))
    assert main(["inspect", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["probabilities"] is None
    convs = [layer for layer in out["layers"] if layer["kind"] == "Conv2d"]
    assert [c["parameters"] for c in convs] == [m.weight.numel() + m.bias.numel() for m in model.modules()
                                                if isinstance(m, torch.nn.Conv2d)]


def test_export_writes_an_onnx_file_that_reopens_with_the_same_outputs(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    torch.manual_seed(2)
    model = build_model("lenet5")
    path = save_checkpoint(model, tmp_path / "lenet.pt", CheckpointMeta("lenet5", dict(model.arch_kwargs)))
    out = tmp_path / "lenet.onnx"
    assert main(["export", str(path), "--onnx", str(out)]) == 0
    assert str(out) in capsys.readouterr().out and (tmp_path / "lenet.preprocess.json").is_file()
    net, meta = open_model_file(out)
    x = to_spec_input(np.random.default_rng(0).random((28, 28)), input_spec(meta))
    with torch.no_grad():
        assert (net(x) - model.eval()(x)).abs().max().item() <= 1e-4


@pytest.mark.parametrize("argv_tail", [["inspect", "{bad}"], ["inspect", "{good}", "--image", "{bad}"],
                                       ["export", "{bad}", "--onnx", "{out}"]])
def test_bad_files_exit_2_with_one_sentence(argv_tail: list[str], tmp_path: Path, colour_model: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"\x08not a model at all")
    argv = [a.format(bad=bad, good=colour_model, out=tmp_path / "o.onnx") for a in argv_tail]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err and str(bad.name) in captured.err
    assert len(captured.err.strip().splitlines()) == 1
    assert not (tmp_path / "o.onnx").exists()
