"""File → Open data in the window: real data sets written to disk in three formats, opened with progress,
cancelled, refused; and one ``data_changed`` reaching every tab's class names, both ways."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from data_sets import SHAPES, write_cifar10, write_image_folder, write_mnist_format
from PyQt6.QtWidgets import QMessageBox
from test_data_fetch import _cifar_archive as cifar_archive
from test_data_fetch import server  # noqa: F401  (the fixture: a local server for `cnnviz data fetch`)

from cnnviz.data import MnistData
from cnnviz.data.fetch import SOURCES, fetch_source


def dialog_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def open_broken_cifar(qtbot, window_factory, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Open a CIFAR-10 folder whose first batch file is cut short: the window, that file, the dialog's text."""
    root = write_cifar10(tmp_path / "c")
    batch = root / "cifar-10-batches-bin" / "data_batch_1.bin"
    batch.write_bytes(batch.read_bytes()[:-100])  # a record cut short
    window = window_factory()
    window.show()
    window.open_data_folder(root)
    qtbot.waitUntil(lambda: any("data_batch_1.bin" in t for t in dialog_texts(window)), timeout=20_000)
    return window, batch, dialog_texts(window)[0]


def open_and_wait(qtbot, window, folder: Path) -> MnistData:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.state.data_changed, timeout=30_000):
        assert window.open_data_folder(folder)
    return window.state.data


def class_names_everywhere(window) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """The class names each view offers or shows, as a user would read them."""
    draw, lab, explain = window.tab_widgets["draw"], window.tab_widgets["lab"], window.tab_widgets["explain"]
    combo = draw.inputs.class_combo
    saliency = explain.saliency_view.class_box
    return {
        "draw picker": [combo.itemText(i).rsplit(" (", 1)[0] for i in range(1, combo.count())],
        "saliency classes": [saliency.itemText(i) for i in range(1, saliency.count())],
        "lab caption": [lab.controls.data_caption.text()],
    }


def test_every_view_follows_the_opened_data_set_and_back(window_factory, mnist, qtbot,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    window = window_factory()
    window.show()
    steps = [(write_image_folder(tmp_path / "shapes", per_class=20, classes=4), tuple(sorted(SHAPES[:4])), 3),
             (write_mnist_format(tmp_path / "grey5", classes=5, names=("a", "b", "c", "d", "e")),
              ("a", "b", "c", "d", "e"), 1),
             (write_cifar10(tmp_path / "cifar", classes=10), tuple(f"class{c}" for c in range(10)), 3)]
    for folder, names, channels in steps:
        data = open_and_wait(qtbot, window, folder)
        assert data.class_names == names and data.spec.channels == channels
        seen = class_names_everywhere(window)
        assert seen["draw picker"] == list(names)
        assert seen["saliency classes"] == list(window.state.class_names)  # the model's own (no model: the data's)
        assert f"{data.num_classes} classes" in seen["lab caption"][0]
        assert window.tab_widgets["draw"].canvas.colour == (channels == 3)
        # the line is gone once the set is open; the job's thread ends a moment after it handed the set over
        qtbot.waitUntil(lambda: not window.data.progress.isVisible() and not window.data.loading, timeout=5000)
    assert window.open_data_folder(tmp_path / "missing-folder")
    qtbot.waitUntil(lambda: any("missing-folder" in t for t in dialog_texts(window)), timeout=30_000)
    assert window.state.data.class_names == steps[-1][1]  # still the CIFAR set


def test_progress_is_shown_and_cancel_keeps_the_open_data(window_factory, mnist, qtbot,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    folder = write_image_folder(tmp_path / "many", per_class=400, classes=3, seed=2)
    window = window_factory()
    window.show()
    progress = window.data.progress
    values: list[int] = []
    progress.bar.valueChanged.connect(values.append)
    # the user cancels as soon as the bar moves
    progress.bar.valueChanged.connect(lambda v: progress.cancel_button.click() if v > 0 else None)
    with qtbot.waitSignal(window.data.status, timeout=30_000) as said:
        assert window.open_data_folder(folder)
        assert progress.isVisible() and progress.label.text() == "Opening many…"
    assert "was cancelled; still using MNIST" in said.args[0]
    assert values and 0 < max(values) < 1000  # it moved, and stopped short of the end
    qtbot.waitUntil(lambda: not window.data.loading and not progress.isVisible(), timeout=10_000)
    assert window.state.data is mnist


def test_a_broken_data_set_names_its_file_and_the_open_one_stays(window_factory, mnist, qtbot,  # type: ignore[no-untyped-def]
                                                                  tmp_path: Path) -> None:
    window, _, text = open_broken_cifar(qtbot, window_factory, tmp_path)
    assert text.startswith("This data set could not be opened: ") and text.endswith("Still using MNIST.")
    assert "Traceback" not in text
    assert window.state.data is mnist
    np.testing.assert_array_equal(window.tab_widgets["draw"].inputs.class_combo.itemData(1), 0)


def test_fetched_sets_are_listed_in_the_file_menu_and_open(window_factory, mnist, qtbot,  # type: ignore[no-untyped-def]
                                                           server, tmp_path: Path) -> None:  # noqa: F811
    """A set fetched with `cnnviz data fetch` (from the test's local server) is offered under File and opens."""
    url, served = server
    name, md5 = cifar_archive(tmp_path, served)
    fetch_source(replace(SOURCES["cifar10"], files=((name, md5),)), base_url=url)
    window = window_factory()
    window.show()
    window.data_sets_menu.aboutToShow.emit()
    titles = [a.text() for a in window.data_sets_menu.actions()]
    assert titles == ["MNIST (bundled)", "CIFAR-10"]
    with qtbot.waitSignal(window.state.data_changed, timeout=30_000):
        window.data_sets_menu.actions()[1].trigger()
    assert window.state.data.name == "CIFAR-10" and window.state.data.spec.channels == 3
    qtbot.waitUntil(lambda: not window.data.loading, timeout=10_000)  # its thread has ended: another may open
    with qtbot.waitSignal(window.state.data_changed, timeout=60_000):
        window.data_sets_menu.actions()[0].trigger()  # and back to the bundled digits
    assert window.state.data.class_names == mnist.class_names
