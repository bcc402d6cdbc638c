"""The app follows the open data set: small real data sets made here (colour shapes, a 5-class grey set),
switched in and out, and every view's class names, counts and kind of input checked after each switch."""

from __future__ import annotations

import numpy as np
import pytest
from data_sets import SHAPES as ALL_SHAPES
from data_sets import shape_images
from PIL import Image
from PyQt6.QtCore import QMimeData
from PyQt6.QtGui import QImage
from PyQt6.QtWidgets import QApplication

from cnnviz.data import MnistData
from cnnviz.data.transforms import InputSpec
from cnnviz.models import build_model
from cnnviz.training import CheckpointMeta
from ui.draw.tab import NOTHING_TO_PASTE, DrawTab
from ui.preferences import Preferences
from ui.state import AppState

SHAPES = ALL_SHAPES[:3]


def _spec_of(images: np.ndarray) -> InputSpec:
    """The per-channel mean and std of the training images, as a data set's loader computes them."""
    unit = images.astype(np.float64) / 255.0
    axes = (0, 1, 2) if unit.ndim == 4 else None
    mean, std = np.atleast_1d(unit.mean(axis=axes)), np.atleast_1d(unit.std(axis=axes))
    return InputSpec(len(mean), (images.shape[1], images.shape[2]), tuple(float(m) for m in mean),
                     tuple(float(s) for s in std))


def shapes_data(train: int = 300, test: int = 60, seed: int = 0, colour: bool = True,
                classes: tuple[str, ...] = SHAPES, name: str = "shapes") -> MnistData:
    """Coloured shapes, one class per shape (tests/data_sets.py), 32×32, held in memory — or grey ones."""
    images, labels = shape_images(train + test, len(classes), 32, seed)
    if not colour:
        images = images.mean(axis=3).astype(np.uint8)
    return MnistData(name, images[:train], labels[:train], images[train:], labels[train:], classes,
                     _spec_of(images[:train]))


def grey5_data() -> MnistData:
    """A 5-class grey 32×32 set, its classes named unlike any other set here."""
    return shapes_data(colour=False, classes=("round", "box", "flat", "tall", "plus"), name="grey5", seed=1)


@pytest.fixture
def colour_set() -> MnistData:
    return shapes_data()


@pytest.fixture
def draw_tab(qtbot, app_state: AppState) -> DrawTab:  # type: ignore[no-untyped-def]
    tab = DrawTab(app_state, Preferences(), rng=np.random.default_rng(0))
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    return tab


def picker_texts(tab: DrawTab) -> list[str]:
    combo = tab.inputs.class_combo
    return [combo.itemText(i) for i in range(combo.count())]


def test_picker_follows_the_data_set_both_ways(draw_tab: DrawTab, mnist: MnistData) -> None:
    """Names and test counts of every class, for 3 colour classes, 5 grey ones, and MNIST again."""
    state = draw_tab.state
    for data in (shapes_data(), grey5_data(), mnist):
        state.set_data(data)
        counts = [int((data.test_labels == i).sum()) for i in range(data.num_classes)]
        assert picker_texts(draw_tab) == ["any class", *(f"{n} ({c:,})" for n, c in zip(data.class_names, counts,
                                                                                       strict=True))]
        assert draw_tab.inputs.index_spin.maximum() == len(data.test_labels) - 1
        assert draw_tab.canvas.colour == (data.spec.channels == 3)
        # the picture shown is one of this set's test images, with its true class
        index = draw_tab.inputs.index_spin.value()
        assert state.true_label == int(data.test_labels[index])
        assert state.image is not None and state.image.shape == data.test_images.shape[1:]


def test_random_pick_of_a_class_in_a_colour_set(draw_tab: DrawTab, colour_set: MnistData) -> None:
    draw_tab.state.set_data(colour_set)
    draw_tab.inputs.class_combo.setCurrentIndex(SHAPES.index("square") + 1)
    for _ in range(5):
        draw_tab.inputs.random_button.click()
        assert draw_tab.state.true_label == SHAPES.index("square")
        assert draw_tab.inputs.truth_label.text() == ""  # no model yet: nothing to compare with


def test_painting_on_a_colour_picture_changes_the_input_there(draw_tab: DrawTab, colour_set: MnistData) -> None:
    """A stroke of red ink across the middle of a picked picture: the input turns red along it, and only
    there; undo gives back the picture exactly."""
    state, canvas = draw_tab.state, draw_tab.canvas
    state.set_data(colour_set)
    draw_tab.show_test_digit(4)
    picture = state.image.copy()  # type: ignore[union-attr]
    canvas.set_ink((255, 0, 0))
    canvas.draw_stroke([(20.0, 140.0), (260.0, 140.0)], width=20)
    painted = state.image
    assert painted is not None and painted.shape == (32, 32, 3)
    row = painted[16]  # the stroke's row (140/280 of the height)
    assert (row[4:28, 0] > 0.9).all() and (row[4:28, 1:] < 0.1).all()
    far = [r for r in range(32) if abs(r - 16) > 4]
    np.testing.assert_allclose(painted[far], picture[far], atol=0.06)  # resampling aside, the rest is the picture
    assert canvas.undo()
    np.testing.assert_array_equal(state.image, picture)


def test_opened_and_pasted_pictures_become_colour_inputs(draw_tab: DrawTab, colour_set: MnistData,
                                                         tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A wide photo is cropped about its centre and shrunk to the set's 32×32, from a file and the clipboard."""
    state = draw_tab.state
    state.set_data(colour_set)
    wide = np.zeros((60, 120, 3), np.uint8)
    wide[:, 30:90] = (0, 200, 0)  # the middle square is green, the sides are black
    path = tmp_path / "wide.png"
    Image.fromarray(wide).save(path)
    assert draw_tab.load_image_file(path)
    assert state.image is not None and state.image.shape == (32, 32, 3)
    np.testing.assert_allclose(state.image.mean(axis=(0, 1)), (0, 200 / 255, 0), atol=0.01)

    wide[:, 30:90] = (0, 0, 220)  # now blue, through the clipboard
    clipboard = QApplication.clipboard()
    assert clipboard is not None
    clipboard.setImage(QImage(wide.tobytes(), 120, 60, 360, QImage.Format.Format_RGB888).copy())
    assert draw_tab.paste_image()
    np.testing.assert_allclose(state.image.mean(axis=(0, 1)), (0, 0, 220 / 255), atol=0.01)

    clipboard.setMimeData(QMimeData())  # nothing usable: one sentence, the picture kept
    kept = state.image.copy()
    assert not draw_tab.paste_image()
    assert draw_tab.inputs.message.text() == NOTHING_TO_PASTE
    np.testing.assert_array_equal(state.image, kept)


def test_a_grey_drawing_survives_a_grey_set_but_not_a_colour_one(draw_tab: DrawTab, colour_set: MnistData) -> None:
    state, canvas = draw_tab.state, draw_tab.canvas
    canvas.draw_stroke([(140.0, 40.0), (140.0, 240.0)])
    drawn = state.image.copy()  # type: ignore[union-attr]
    state.set_data(grey5_data())
    np.testing.assert_array_equal(state.image, drawn)  # the user's drawing is still the input
    state.set_data(colour_set)
    assert canvas.colour and canvas.stroke_count == 0 and state.image.shape == (32, 32, 3)  # type: ignore[union-attr]


def test_verdict_names_the_models_class_and_the_datas_truth(qtbot, draw_tab: DrawTab,  # type: ignore[no-untyped-def]
                                                           colour_set: MnistData) -> None:
    """A model trained for the shapes names its prediction by the shapes; the true class comes from the data."""
    state = draw_tab.state
    state.set_data(colour_set)
    model = build_model("explorer_cnn", in_channels=3, num_classes=3, input_size=(32, 32))
    meta = CheckpointMeta(model="explorer_cnn", model_kwargs={}, dataset="shapes", class_names=list(SHAPES),
                          input=colour_set.spec.to_dict())
    with qtbot.waitSignal(state.capture_changed, timeout=20_000):
        state.set_model(model, meta)
    assert state.class_names == SHAPES
    draw_tab.refresh()
    cap = state.capture
    assert cap is not None and cap.probabilities.shape == (3,)
    assert draw_tab.prediction_label.text().startswith(f"It's a {SHAPES[cap.prediction]} (")
    truth = SHAPES[int(colour_set.test_labels[draw_tab.inputs.index_spin.value()])]
    assert draw_tab.inputs.truth_label.text().startswith(f"True class: {truth} — ")
