"""The pooling zoom: a 4×4 patch of a map, its pooling windows, winners and pooled values, on a stated scale."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PyQt6.QtCore import QObject, QPoint, QPointF, Qt, pyqtSignal
from PyQt6.QtTest import QTest

from cnnviz.introspect import capture
from cnnviz.models import build_model
from ui.colormaps import ACTIVATION_MAP, colorize, value_range
from ui.pool_zoom import PoolZoomPanel
from ui.theme import palette


class Display(QObject):
    """Stands in for AppState's display choice: ``map_scale`` and ``display_changed``."""

    display_changed = pyqtSignal()

    def __init__(self, scale: str) -> None:
        super().__init__()
        self.map_scale = scale

    def choose(self, scale: str) -> None:
        self.map_scale = scale
        self.display_changed.emit()


def _panel(qtbot, arch: str, image: np.ndarray, state: object = None):  # type: ignore[no-untyped-def]
    torch.manual_seed(0)
    model = build_model(arch).eval()
    panel = PoolZoomPanel(state=state)
    qtbot.addWidget(panel)
    panel.show()
    cap = capture(model, image)
    panel.set_capture(cap, model)
    qtbot.waitExposed(panel)
    return panel, cap


def test_a_click_picks_the_patch_and_the_winners_and_pooled_values_are_the_networks(qtbot, mnist) -> None:  # type: ignore[no-untyped-def]
    panel, cap = _panel(qtbot, "explorer_cnn", mnist.test_images[0])
    assert panel.select_pool_stage("conv1", channel=3)  # the step-through reaches conv1, map index 3
    assert panel.site is not None and panel.site.pool_stage == "pool1"
    assert panel.channel_spin.value() == 4  # shown as people count: the 4th map
    view, item = panel.map_view, panel.map_item

    def target() -> QPoint:  # map pixel (row 13, col 9), counted from 0
        return view.mapFromScene(item.mapToScene(QPointF(9.5, 13.5)))

    qtbot.waitUntil(lambda: view.rect().contains(target()))  # the view has laid out the picture
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target())
    qtbot.waitUntil(lambda: panel.zoom is not None and panel.zoom.top == 12)
    assert panel.zoom is not None and (panel.zoom.top, panel.zoom.left) == (12, 8)
    patch = cap.stage("conv1").output[3, 12:16, 8:12]
    assert np.array_equal(panel.patch_grid.values, patch)
    windows = patch.reshape(2, 2, 2, 2).transpose(0, 2, 1, 3).reshape(2, 2, 4)
    assert np.allclose(panel.pooled_grid.values, windows.max(axis=2))
    assert np.allclose(panel.pooled_grid.values, cap.stage("pool1").output[3, 6:8, 4:6])
    winners = {(2 * r + int(np.argmax(windows[r, c])) // 2, 2 * c + int(np.argmax(windows[r, c])) % 2)
               for r in range(2) for c in range(2)}
    assert panel.patch_grid.highlighted == winners
    assert "row 13, column 9" in panel.patch_caption.text() and "counted from 1" in panel.patch_caption.text()


def test_average_pooling_shows_the_mean(qtbot, mnist) -> None:  # type: ignore[no-untyped-def]
    panel, _ = _panel(qtbot, "lenet5", mnist.test_images[0])
    assert [s.pool_stage for s in panel.sites] == ["pool1", "pool2"]
    assert "average" in panel.layer_combo.currentText()
    panel.pick(5, 7)
    assert panel.zoom is not None and panel.zoom.mode == "avg"
    means = panel.patch_grid.values.reshape(2, 2, 2, 2).mean(axis=(1, 3))
    assert np.allclose(panel.pooled_grid.values, means)
    assert panel.patch_grid.highlighted == set()
    assert "mean" in panel.explanation.text()


def test_a_model_without_pooling_says_so(qtbot, mnist) -> None:  # type: ignore[no-untyped-def]
    panel, _ = _panel(qtbot, "modern_cnn", mnist.test_images[0])  # downsamples with strided convolutions
    assert panel.sites == [] and panel.zoom is None
    assert not panel.body.isVisible()
    assert "no max or average pooling layer" in panel.explanation.text()


def test_a_capture_of_another_model_is_not_shown_with_this_one(qtbot, mnist) -> None:  # type: ignore[no-untyped-def]
    panel, cap = _panel(qtbot, "explorer_cnn", mnist.test_images[0])
    panel.set_capture(cap, build_model("lenet5"))  # the model switched, its capture has not arrived yet
    assert panel.sites == [] and panel.zoom is None


@pytest.mark.parametrize("first", ["stage", "map"])
def test_the_zoom_says_which_colour_scale_it_uses_and_follows_the_choice(qtbot, mnist, first: str) -> None:  # type: ignore[no-untyped-def]
    display = Display(first)
    panel, cap = _panel(qtbot, "explorer_cnn", mnist.test_images[0], display)
    panel.select_pool_stage("conv1", channel=2)
    maps = cap.stage("conv1").output
    for scale in (first, "map" if first == "stage" else "stage"):
        display.choose(scale)
        levels = value_range(maps if scale == "stage" else maps[2])
        expected = colorize(maps[2], ACTIVATION_MAP, levels, palette().base)
        assert np.array_equal(panel.map_item.image, expected)
        text = panel.scale_caption.text()
        assert f"{levels[0]:.2f} to {levels[1]:.2f}" in text
        assert ("all 8 maps of conv1" in text) == (scale == "stage")
        assert ("this map's own scale" in text) == (scale == "map")


def test_the_max_pooling_text_promises_no_more_invariance_than_a_window_gives(qtbot, mnist) -> None:  # type: ignore[no-untyped-def]
    panel, _ = _panel(qtbot, "explorer_cnn", mnist.test_images[0])
    text = panel.explanation.text()
    assert "inside its window" in text and "next window changes it" in text
