"""Connections: the cells named as feeding a cell are exactly those whose change changes it; hovering draws them."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from cnnviz.data.transforms import MNIST_INPUT, to_spec_input
from cnnviz.introspect.connections import feeding_cells
from cnnviz.models import build_model


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
