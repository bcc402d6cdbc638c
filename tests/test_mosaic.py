"""Tile mosaics: many maps in one picture, and back from a pixel to (map, row, col)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnnviz.introspect.mosaic import grid_for, tile_maps, vector_shape, wrap_vector


@given(count=st.integers(1, 40), h=st.integers(1, 9), w=st.integers(1, 9), gap=st.integers(0, 3))
def test_every_value_is_found_where_it_was_placed(count: int, h: int, w: int, gap: int) -> None:
    maps = np.arange(count * h * w, dtype=np.float32).reshape(count, h, w)
    grid = grid_for(count, h, w, gap)
    picture = tile_maps(maps, grid)
    assert picture.shape == (grid.height, grid.width)
    assert np.isnan(picture).sum() == picture.size - maps.size  # gaps and unused tiles only
    for y, x in zip(*np.nonzero(~np.isnan(picture)), strict=True):
        found = grid.locate(int(y), int(x))
        assert found is not None
        c, r, col = found
        assert maps[c, r, col] == picture[y, x]
    for y, x in zip(*np.nonzero(np.isnan(picture)), strict=True):
        assert grid.locate(int(y), int(x)) is None


def test_grid_is_near_square_and_rgb_tiles_keep_their_colours() -> None:
    grid = grid_for(16, 14, 14, gap=1)
    assert (grid.rows, grid.cols) == (4, 4)
    rgb = np.full((3, 2, 2, 3), 200, dtype=np.uint8)
    picture = tile_maps(rgb, grid_for(3, 2, 2, gap=1, cols=3), fill=0)
    assert picture.shape == (2, 8, 3) and picture.dtype == np.uint8
    assert (picture[:, 2] == 0).all() and (picture[:, 3] == 200).all()
    with pytest.raises(ValueError):
        tile_maps(np.zeros((2, 5, 5)), grid_for(2, 4, 4))
    assert grid.locate(-1, 0) is None


def test_long_vectors_wrap_into_a_strip() -> None:
    assert vector_shape(784) == (8, 98)
    assert vector_shape(10) == (1, 10)
    strip = wrap_vector(np.arange(784))
    assert strip.shape == (8, 98)
    assert strip.ravel()[783] == 783 and np.isnan(strip.ravel()[784:]).all()
