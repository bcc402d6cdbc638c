"""File → Open model for every format and File → Export model as ONNX, driven offscreen on real model files
written in the tests (ONNX, TorchScript, torch.export), then drawing, stepping and Behind a number on them."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from model_files import build, save

from cnnviz.data.transforms import preset_spec, to_spec_input
from cnnviz.explain import DotProduct
from cnnviz.imports import open_model_file
from cnnviz.introspect import capture
from cnnviz.training.checkpoint import input_spec
from ui.main_window import MainWindow


@pytest.fixture
def window(window_factory, trained_explorer, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A window over the trained explorer CNN, its dialogs answered by the test."""
    _model, _meta, path = trained_explorer
    win = window_factory(settings_path=tmp_path / "settings.ini", model_path=path)
    win.resize(1280, 800)
    win.show()
    win.start()
    return win


def _open(qtbot, win: MainWindow, path: Path) -> list[object]:  # type: ignore[no-untyped-def]
    """File → Open ``path``; once opened, wait until the model is shown with its first capture."""
    with qtbot.waitSignal(win.models.opened, timeout=30_000) as opened:
        assert win.open_model(path)
    if opened.args == [True]:
        qtbot.waitUntil(lambda: win.state.model is not None and win.state.model.arch == "imported", timeout=30_000)
    qtbot.waitUntil(lambda: not win.models.tasks.busy("open-model"), timeout=10_000)  # so the next open starts
    return list(opened.args)


def _model_file(tmp_path: Path, name: str, fmt: str, suffix: str) -> tuple[torch.nn.Module, Path]:
    model, example = build(name)
    return model, save(model, example, fmt, tmp_path / f"{name}{suffix}")


@pytest.mark.parametrize(("name", "fmt", "suffix"), [("colour", "onnx", ".onnx"), ("resnet", "torchscript", ".pt"),
                                                     ("same", "pt2", ".pt2")])
def test_open_each_format_then_draw_step_and_explain(qtbot, window: MainWindow, tmp_path: Path, name: str,
                                                     fmt: str, suffix: str) -> None:
    original, path = _model_file(tmp_path, name, fmt, suffix)
    window.models.ask_preset = lambda _path, _spec: "[0, 1]"
    assert _open(qtbot, window, path) == [True]
    state = window.state
    assert state.model is not None and state.model.arch == "imported" and state.meta is not None
    spec = input_spec(state.meta)
    assert spec == preset_spec("[0, 1]", spec.channels, spec.size)
    # the app's capture of a test digit is what the original module computes on the same prepared tensor
    qtbot.waitUntil(lambda: state.capture is not None and state.capture.spec == spec, timeout=20_000)
    cap = state.capture
    assert cap is not None and state.image is not None
    with torch.no_grad():
        out = original(to_spec_input(state.image, spec))
    # a model that ends in softmax has it dropped on opening (the app applies softmax to every model)
    expected = (out if state.meta.extra.get("softmax_dropped") else torch.softmax(out, dim=1))[0].numpy()
    np.testing.assert_allclose(cap.probabilities, expected, atol=1e-4)
    # drawing: a stroke on the canvas is captured with the model's input description
    draw = window.draw_tab
    window.tabs.setCurrentWidget(draw)
    with qtbot.waitSignal(state.capture_changed, timeout=20_000):
        draw.canvas.draw_stroke([(60, 60), (200, 200)])
    qtbot.waitUntil(lambda: draw.pipeline.capture is state.capture, timeout=20_000)
    # stepping: every stage once, from the input to the softmax
    draw.pipeline.select_stage(0)
    steps = 1
    while draw.pipeline.next_stage():
        steps += 1
    assert steps == len(state.capture.stages)  # type: ignore[union-attr]
    # Behind a number: the first convolution's last cell is its dot product, equal to the value shown
    explain = window.tab_widgets["explain"]
    window.tabs.setCurrentWidget(explain)
    cap = state.capture
    assert cap is not None and explain.current() is cap
    first_conv = next(s for s in cap.stages if s.kind == "conv")
    c, h, w = first_conv.output.shape
    explain.cell_view.select_cell(first_conv.name, c - 1, h - 1, w - 1)
    found = explain.cell_view.explanation
    assert found is not None and found.result == pytest.approx(float(first_conv.output[c - 1, h - 1, w - 1]), abs=1e-4)
    if fmt == "onnx":
        assert isinstance(found, DotProduct) and found.window.shape[0] == 3  # the colour net's first conv


def test_the_preprocessing_question_is_asked_once_per_file_and_remembered(qtbot, window_factory, window: MainWindow,
                                                                         tmp_path: Path) -> None:
    _original, path = _model_file(tmp_path, "colour", "onnx", ".onnx")
    asked: list[tuple[str, int]] = []

    def ask(p: Path, spec):  # type: ignore[no-untyped-def]
        asked.append((p.name, spec.channels))
        return "ImageNet"

    window.models.ask_preset = ask
    assert _open(qtbot, window, path) == [True]
    assert asked == [("colour.onnx", 3)]
    meta = window.state.meta
    assert meta is not None and input_spec(meta).mean == (0.485, 0.456, 0.406) and meta.extra["preset"] == "ImageNet"
    assert _open(qtbot, window, path) == [True]
    assert len(asked) == 1  # remembered for this file
    window.close()
    # and at the next launch: the choice is kept in the settings file
    again = window_factory(settings_path=tmp_path / "settings.ini", model_path=window.model_path)
    again.show()
    again.start()
    again.models.ask_preset = ask
    assert _open(qtbot, again, path) == [True]
    assert len(asked) == 1 and again.state.meta is not None and input_spec(again.state.meta).std[0] == 0.229
    assert json.loads(again.prefs.model.preprocess) == {str(path.resolve()): "ImageNet"}


def test_a_bad_file_is_one_sentence_and_the_open_model_stays(qtbot, window: MainWindow, tmp_path: Path) -> None:
    before = window.state.model
    fake = tmp_path / "fake.onnx"
    fake.write_bytes(b"\x08\x07" + bytes(range(200)))
    assert _open(qtbot, window, fake) == [False]
    assert str(fake) in window.last_error and "\n" not in window.last_error and "Traceback" not in window.last_error
    assert window.state.model is before


def test_an_opened_model_is_not_saved_as_a_checkpoint_but_can_be_exported(qtbot, window: MainWindow,
                                                                           tmp_path: Path) -> None:
    _original, path = _model_file(tmp_path, "resnet", "torchscript", ".pt")
    window.models.ask_preset = lambda _p, _s: "MNIST"
    assert _open(qtbot, window, path) == [True]
    target = tmp_path / "copy.pt"
    assert not window.save_model(target) and not target.exists()
    assert "cannot be saved as a cnnviz checkpoint" in window.last_error and "Export model as ONNX" in window.last_error


def test_export_own_model_as_onnx_and_reopen_it_with_the_same_outputs(qtbot, window: MainWindow,
                                                                      trained_explorer, tmp_path: Path) -> None:
    model, meta, _path = trained_explorer
    out = tmp_path / "explorer.onnx"
    with qtbot.waitSignal(window.models.exported, timeout=60_000) as exported:
        assert window.models.export_onnx(out)
    assert exported.args == [True] and out.is_file() and (tmp_path / "explorer.preprocess.json").is_file()
    asked: list[Path] = []
    window.models.ask_preset = lambda p, _s: asked.append(p)  # type: ignore[func-returns-value]
    assert _open(qtbot, window, out) == [True]
    assert not asked  # the export says how its input is prepared
    reopened, reopened_meta = window.state.model, window.state.meta
    assert reopened is not None and reopened_meta is not None and reopened.arch == "imported"
    assert input_spec(reopened_meta) == input_spec(meta)
    image = np.eye(28, dtype=np.float32)
    np.testing.assert_allclose(capture(reopened, image, input_spec(reopened_meta)).probabilities,
                               capture(model, image, input_spec(meta)).probabilities, atol=1e-4)
    direct = open_model_file(out)[0]
    assert [n for n, _ in direct.named_children()] == [n for n, _ in reopened.named_children()]
