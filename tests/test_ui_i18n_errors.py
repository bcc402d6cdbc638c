"""Errors the core raises about the user's files and input reach a German window in German (issue #17, item 7).

Each test makes the core refuse something real (a cut-short CIFAR batch, a file that is no model, a kernel typo,
a text file dropped as a picture) and reads the sentence where the window shows it."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from test_ui_data_open import open_broken_cifar

from cnnviz.data import DatasetError
from cnnviz.imports import ModelFileError, open_model_file
from cnnviz.jobs import Job
from cnnviz.training.checkpoint import FORMAT, FORMAT_VERSION
from cnnviz.wording import worded_error
from ui.i18n import error_text, install_language
from ui.preferences import Preferences
from ui.tasks import TaskRunner, shutdown_all


@pytest.fixture
def german(qapp):  # type: ignore[no-untyped-def]
    """German loaded as ``--lang de`` does; English again afterwards (the language the other tests assert)."""
    install_language("de", qapp)
    yield qapp
    install_language("en", qapp)


@pytest.fixture
def runner(qtbot):  # type: ignore[no-untyped-def]
    r = TaskRunner()
    yield r
    r.cancel_all()
    shutdown_all(5000)


def test_a_failed_task_says_a_worded_error_translated_and_without_its_class_name(qtbot, german, runner) -> None:  # type: ignore[no-untyped-def]
    messages: list[str] = []

    def bad_file(j: Job) -> None:
        raise worded_error(DatasetError, "{path}: file not found", path="/data/train-images-idx3-ubyte")

    def bug(j: Job) -> None:
        raise KeyError("stage")

    runner.run("bad", bad_file, on_failed=messages.append)
    qtbot.waitUntil(lambda: len(messages) == 1, timeout=5000)
    runner.run("bug", bug, on_failed=messages.append)
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=5000)
    # what the user reads: the sentence in German; an unexpected error keeps its type, the only clue there is
    assert messages == ["/data/train-images-idx3-ubyte: Datei nicht gefunden", "KeyError: 'stage'"]


def test_in_german_a_broken_data_set_is_said_in_german_naming_its_file(qtbot, german, window_factory,  # type: ignore[no-untyped-def]
                                                                       tmp_path: Path) -> None:
    _, batch, text = open_broken_cifar(qtbot, window_factory, tmp_path)
    assert text.startswith("Dieser Datensatz")  # the window's own sentence (app.ts) …
    assert f"{batch}: " in text and "Bytes sind keine ganze Zahl von CIFAR-Datensätzen" in text  # … and the core's
    assert "is not a whole number" not in text and "DatasetError" not in text


def test_in_german_a_file_that_is_no_model_is_said_in_german(qtbot, german, window_factory,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    window = window_factory()
    notes = tmp_path / "notes.pt"
    notes.write_bytes(b"just some notes")
    with qtbot.waitSignal(window.models.opened, timeout=30_000) as opened:
        assert window.open_model(notes)
    assert opened.args == [False]
    assert window.last_error.startswith(f"{notes}: keine Modelldatei, die cnnviz öffnen kann")
    assert "not a model file" not in window.last_error


def test_a_nested_reason_is_translated_at_every_level(german, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A checkpoint from a newer cnnviz: the model-file error carries the checkpoint error, which carries the
    format error; all three are German, and the English message is unchanged."""
    newer = tmp_path / "newer.pt"
    torch.save({"format": FORMAT, "format_version": 999, "metadata": "{}", "state_dict": {}}, newer)
    with pytest.raises(ModelFileError) as caught:
        open_model_file(newer)
    assert str(caught.value) == (f"{newer}: saved by a newer version of cnnviz (format 999; this one reads format "
                                 f"{FORMAT_VERSION} and older): update cnnviz to open it")
    assert error_text(caught.value).startswith(f"{newer}: von einer neueren cnnviz-Version gespeichert (Format 999;")
    assert error_text(caught.value).endswith("Aktualisiere cnnviz, um es zu öffnen")


def test_in_german_a_typo_in_a_typed_kernel_is_said_in_german(qtbot, german, app_state) -> None:  # type: ignore[no-untyped-def]
    from ui.sandbox.tab import SandboxTab

    tab = SandboxTab(app_state, Preferences())
    qtbot.addWidget(tab)
    tab.show()
    kept = tab.editor.kernel.copy()
    tab.editor.text.setPlainText("0 0 0\n0 eins 0\n0 0 0")
    assert tab.editor.problem.text() == ("'eins' ist keine Zahl; tippen Sie den Kern als Zahlen, eine Kernzeile pro "
                                         "Textzeile.")
    assert (tab.editor.kernel == kept).all()  # nothing lost


def test_in_german_a_text_file_opened_as_a_picture_is_said_in_german(qtbot, german, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.canvas import DrawingCanvas

    canvas = DrawingCanvas()
    qtbot.addWidget(canvas)
    bad = tmp_path / "notes.png"
    bad.write_text("this is not an image")
    with qtbot.waitSignal(canvas.error) as said:
        assert not canvas.load_image_file(bad)
    assert said.args == ["notes.png: kein Bild (erwartet wird PNG, JPEG, BMP oder GIF)"]


def test_in_german_what_was_ignored_in_an_opened_model_file_is_said_in_german(qtbot, german, window_factory,  # type: ignore[no-untyped-def]
                                                                              tmp_path: Path) -> None:
    from model_files import build, save

    model, example = build("lenet")
    path = save(model, example, "onnx", tmp_path / "lenet.onnx")
    (tmp_path / "labels.txt").write_text("cat\ndog\nbird\n")  # three names for ten outputs
    window = window_factory()
    window.models.ask_preset = lambda _path, _spec: "MNIST"
    with qtbot.waitSignal(window.models.opened, timeout=30_000) as opened:
        assert window.open_model(path)
    assert opened.args == [True]
    text = window.banner.text()
    assert "Die Klassennamen in labels.txt wurden ignoriert: Das Modell hat 10 Ausgaben." in text
    assert "were ignored" not in text
