"""Connections: the cells named as feeding a cell are exactly those whose change changes it; hovering draws them."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PyQt6.QtCore import QPointF

from cnnviz.data.transforms import MNIST_INPUT, to_spec_input
from cnnviz.introspect.connections import feeding_cells
from cnnviz.models import build_model
from ui.draw.stage_picture import stage_picture
from ui.widgets.connections import ConnectionLines


def _changed_by_each(model: torch.nn.Module, image: np.ndarray, on_stage: str, stage: str,
                     cell: tuple[int, int, int]) -> np.ndarray:
    """(C, H, W) bool over ``on_stage``: does a large change (±1000) of that cell change ``cell`` of ``stage``?"""
    children = list(model.named_children())
    names = ["input", *(n for n, _ in children)]
    x = to_spec_input(image, MNIST_INPUT)
    with torch.no_grad():
        for _, module in children[: names.index(on_stage)]:
            x = module(x)
        base = x[0]
        channels, height, width = base.shape
        changed = np.zeros((channels, height, width), dtype=bool)
        flat = torch.arange(channels * height * width)
        for start in range(0, flat.numel(), 512):  # a batch of single-cell perturbations at a time
            idx = flat[start : start + 512]
            for delta in (1000.0, -1000.0):
                batch = base.repeat(idx.numel(), 1, 1, 1)
                batch.view(idx.numel(), -1)[torch.arange(idx.numel()), idx] += delta
                y = batch
                for _, module in children[names.index(on_stage) : names.index(stage)]:
                    y = module(y)
                y0 = base[None]
                for _, module in children[names.index(on_stage) : names.index(stage)]:
                    y0 = module(y0)
                moved = (y[:, cell[0], cell[1], cell[2]] - y0[0, cell[0], cell[1], cell[2]]).abs() > 1e-4
                changed.reshape(-1)[idx[moved].numpy()] = True
    return changed


@pytest.mark.parametrize(("arch", "stage", "cell"), [
    ("explorer_cnn", "conv2", (3, 0, 5)),  # on the border: padding feeds it too, but is no cell
    ("explorer_cnn", "pool2", (5, 3, 3)),  # a pooled map reads one conv2 map, which reads every pool1 map
    ("lenet5", "conv2", (2, 4, 4)),
])
def test_feeding_cells_are_exactly_those_that_change_the_cell(mnist, arch: str, stage: str,  # type: ignore[no-untyped-def]
                                                              cell: tuple[int, int, int]) -> None:
    torch.manual_seed(7)
    model = build_model(arch).eval()
    with torch.no_grad():  # positive weights: a +1000 anywhere it can reach survives every ReLU and max pool
        for p in model.parameters():
            p.abs_()
    image = mnist.test_images[0].astype(np.float32) / 255.0
    feeders = feeding_cells(model, stage, *cell)
    names = ["input", *model.stage_names()]
    assert [f.stage for f in feeders] == names[: names.index(stage)][::-1]
    for found in feeders:
        expected = _changed_by_each(model, image, found.stage, stage, cell)
        named = np.zeros_like(expected)
        for c, r, k in found.cells():
            named[c, r, k] = True
        np.testing.assert_array_equal(named, expected, err_msg=f"{stage} {cell} on {found.stage}")


def test_a_stage_without_maps_has_no_lines_and_bad_cells_are_named() -> None:
    model = build_model("explorer_cnn")
    assert feeding_cells(model, "fc", 0, 0, 0) == []
    with pytest.raises(IndexError, match="conv2 has 16 maps, not a map 17"):
        feeding_cells(model, "conv2", 16, 0, 0)


def _scene_point(box, x: float, y: float) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    point = box.mapViewToScene(QPointF(x, y))
    return round(point.x(), 3), round(point.y(), 3)


def _line_ends(lines: ConnectionLines) -> tuple[set[tuple[float, float]], set[tuple[float, float]]]:
    starts = {(round(i.line().x1(), 3), round(i.line().y1(), 3)) for i in lines.items}
    ends = {(round(i.line().x2(), 3), round(i.line().y2(), 3)) for i in lines.items}
    return starts, ends


def test_hovering_the_enlarged_stage_draws_lines_in_the_strip(qtbot, draw_tab) -> None:  # type: ignore[no-untyped-def]
    tab = draw_tab
    cap = tab.state.capture
    names = [s.name for s in cap.stages]
    tab.pipeline.select_stage(names.index("conv2"))
    tab.pipeline.select_channel(6)  # one map enlarged: pixel (row, col) is cell (row, col) of map 7
    strip = tab.pipeline.strip
    lines = tab.connections.lines
    assert lines.count == 0
    tab.pipeline.focus.item.hover(5, 9)
    # pool1: all 8 maps × the 3×3 window; conv1 and the input: the region's 4 corners (8 maps, 1 map)
    assert lines.count == 8 * 9 + 8 * 4 + 4
    starts, ends = _line_ends(lines)
    grid = stage_picture(cap.stage("conv2")).grid
    top, left = grid.origin(6)
    assert starts == {_scene_point(strip.boxes[names.index("conv2")], left + 9.5, top + 5.5)}
    pool1 = stage_picture(cap.stage("pool1")).grid
    for channel in range(8):
        top, left = pool1.origin(channel)
        for r in range(4, 7):
            for c in range(8, 11):
                assert _scene_point(strip.boxes[names.index("pool1")], left + c + 0.5, top + r + 0.5) in ends
    tab.pipeline.select_stage(names.index("fc"))  # stepping on clears them; a stage without maps draws none
    assert lines.count == 0
    assert tab.show_connections(0, 0) == 0


def test_hovering_a_cell_in_explain_draws_lines_to_its_feeders(qtbot, app_state, trained_explorer) -> None:  # type: ignore[no-untyped-def]
    from ui.explain.tab import ExplainTab

    tab = ExplainTab(app_state)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    model, meta, _ = trained_explorer
    app_state.set_model(model, meta)
    with qtbot.waitSignal(app_state.capture_changed, timeout=10_000):
        app_state.set_input(np.asarray(app_state.data.test_images[3], dtype=np.float32) / 255.0)
    view = tab.cell_view
    qtbot.waitUntil(lambda: view.capture is not None and "pool1" in view.stage_panels, timeout=10_000)
    view.refresh()
    panels = view.stage_panels
    panels["pool1"].picture.hover(0, 3)  # a border cell: a 2×2 window of conv1, which sees pixels 0–2 × 5–8
    starts, ends = _line_ends(view.connections.lines)
    assert view.connections.lines.count == 4 + 4
    assert starts == {_scene_point(panels["pool1"].box, 3.5, 0.5)}
    expected = {_scene_point(panels["conv1"].box, x + 0.5, y + 0.5) for y in (0, 1) for x in (6, 7)}
    expected |= {_scene_point(panels["input"].box, x, y) for y in (0, 3) for x in (5, 9)}  # the region's corners
    assert ends == expected
