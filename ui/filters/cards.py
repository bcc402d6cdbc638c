"""Filters laid out as cards of [weights | response], drawn as one picture, and read back from a pixel.

Weights use a diverging scale centred at 0 (blue negative, white 0, red positive), shared by all the
filters of a layer; responses use the stage's own scale. Filters, maps, rows and columns are counted
from 1 for people.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg

from cnnviz.introspect import Capture, ConvFilters
from cnnviz.introspect.mosaic import TileGrid, grid_for, tile_maps
from ui.colormaps import ACTIVATION_MAP, DIVERGING_MAP, colorize, value_range
from ui.draw.stage_picture import cell_words
from ui.i18n import number_text, translate
from ui.theme import IMAGE_GAP

CARD_GAP = 3
PART_GAP = 1


@dataclass(frozen=True)
class FilterCards:
    """Filters laid out as cards of [weights | response], and the way back from a pixel to a value."""

    title: str
    names: list[str]  # one per filter, e.g. "filter 3" (counted from 1), in the interface's language
    weights: np.ndarray  # (F, I, kh, kw)
    responses: np.ndarray  # (F, H, W)
    response_map: str
    kernels: TileGrid  # the I kernels inside a card (before scaling); one RGB kernel when ``colour``
    scale: int  # each weight is drawn as scale×scale pixels
    cards: TileGrid
    colour: bool = False  # a first layer over a colour image: each filter's 3 kernels drawn as one RGB picture

    @property
    def weights_width(self) -> int:
        return self.kernels.width * self.scale

    def locate_weight(self, row: int, col: int) -> tuple[int, int, int, int] | None:
        """(filter, input map, ky, kx) of the weight drawn at a pixel (0-based); None elsewhere."""
        found = self.cards.locate(row, col)
        if found is None or found[2] >= self.weights_width:
            return None
        f, y, x = found
        inner = self.kernels.locate(y // self.scale, x // self.scale)
        return None if inner is None else (f, *inner)

    def kernel_name(self, f: int, i: int) -> str:
        """Whose kernel ``weights[f, i]`` is, e.g. "conv2 filter 6" and, for a filter over several maps, a second
        line "from map 1" (the line break is a newline)."""
        name = f"{self.title} {self.names[f]}"
        if self.weights.shape[1] > 1 and not self.colour:
            return name + "\n" + translate("FilterCards", "from map {n}").format(n=i + 1)
        return name

    def describe(self, row: int, col: int) -> tuple[int, str] | None:
        """(filter, one-line value) at a pixel of the picture; None on a gap."""
        weight = self.locate_weight(row, col)
        if weight is not None and self.colour:
            f, _i, ky, kx = weight
            r, g, b = (float(v) for v in self.weights[f, :, ky, kx])
            return (f, translate("FilterCards", "{name}: weights at {cell} = red {r:+.3f}, green {g:+.3f}, "
                                 "blue {b:+.3f}").format(name=self.kernel_name(f, 0), cell=cell_words(ky, kx),
                                                         r=r, g=g, b=b))
        if weight is not None:
            f, i, ky, kx = weight
            return (f, translate("FilterCards", "{name}: weight at {cell} = {w:+.3f}").format(
                name=self.kernel_name(f, i).replace("\n", " "), cell=cell_words(ky, kx), w=self.weights[f, i, ky, kx]))
        found = self.cards.locate(row, col)
        if found is None:
            return None
        f, y, x = found
        rx = x - self.weights_width - PART_GAP
        h, w = self.responses.shape[1:]
        if 0 <= rx < w and y < h:
            return f, translate("FilterCards", "{name}: response at {cell} = {v:.3f}").format(
                name=f"{self.title} {self.names[f]}", cell=cell_words(y, rx), v=self.responses[f, y, rx])
        return None

    def silent(self) -> list[int]:
        """Filters whose response is 0 everywhere on this input (a blank response map)."""
        if self.responses.shape[1:] == (1, 1):
            return []  # no input yet
        return [f for f in range(self.responses.shape[0]) if not self.responses[f].any()]


def format_kernel(kernel: np.ndarray) -> str:
    return "\n".join(" ".join(number_text(f"{v:+.2f}") for v in row) for row in kernel)


def filter_cards(title: str, names: list[str], weights: np.ndarray, responses: np.ndarray, response_map: str,
                 cols: int, colour: bool = False) -> FilterCards:
    f, i, kh, kw = weights.shape
    h, w = responses.shape[1:]
    colour = colour and i == 3
    kernels = grid_for(1 if colour else i, kh, kw, gap=1, cols=max(1, int(np.ceil(np.sqrt(i / 2)))))
    scale = max(1, h // kernels.height)
    card_h = max(kernels.height * scale, h)
    card_w = kernels.width * scale + PART_GAP + w
    cards = grid_for(f, card_h, card_w, gap=CARD_GAP, cols=cols)
    return FilterCards(title, names, weights, responses, response_map, kernels, scale, cards, colour)


def render_weights(cards: FilterCards) -> np.ndarray:
    """(F, kernel-grid height × scale, weights width, 3) pictures of every filter's kernels, 0 drawn white."""
    f_count = cards.weights.shape[0]
    kh, kw = cards.weights.shape[2:]
    if cards.colour:  # (F, 3, kh, kw) -> (F, kh, kw, 3): grey is 0, the layer's largest weight full strength
        top = float(np.abs(cards.weights).max()) or 1.0
        rgb = np.moveaxis(0.5 + cards.weights / (2 * top), 1, -1)
        big_rgb = np.repeat(np.repeat(rgb, cards.scale, 1), cards.scale, 2)
        return (np.clip(big_rgb, 0.0, 1.0) * 255 + 0.5).astype(np.uint8)
    mosaics = np.full((f_count, cards.kernels.height, cards.kernels.width), np.nan, dtype=np.float32)
    for i in range(cards.weights.shape[1]):
        y, x = cards.kernels.origin(i)
        mosaics[:, y : y + kh, x : x + kw] = cards.weights[:, i]
    big = np.repeat(np.repeat(mosaics, cards.scale, 1), cards.scale, 2)
    return colorize(big, DIVERGING_MAP, value_range(cards.weights, signed=True), IMAGE_GAP)


def render_cards(cards: FilterCards, background: str, weights_rgb: np.ndarray | None = None) -> np.ndarray:
    """The (H, W, 3) picture of all cards: weights symmetric around 0, responses on their own scale.

    ``weights_rgb`` (from ``render_weights``) can be passed in: weights change only with the model.
    """
    if weights_rgb is None:
        weights_rgb = render_weights(cards)
    bg = np.array(pg.mkColor(background).getRgb()[:3], dtype=np.uint8)
    pictures = np.empty((len(cards.names), cards.cards.tile_h, cards.cards.tile_w, 3), dtype=np.uint8)
    pictures[:] = bg
    ww = cards.weights_width
    pictures[:, : weights_rgb.shape[1], :ww] = weights_rgb
    rl = value_range(cards.responses, signed=cards.response_map == DIVERGING_MAP)
    h = cards.responses.shape[1]
    pictures[:, :h, ww + PART_GAP :] = colorize(cards.responses, cards.response_map, rl, IMAGE_GAP)
    return tile_maps(pictures, cards.cards, fill=bg)


def card_columns(filters: ConvFilters, responses: np.ndarray) -> int:
    """Up to 16 filters in rows of 4 (easy to count); larger layers in a grid about twice as wide as tall."""
    n = filters.weights.shape[0]
    if n <= 16:
        return min(n, 4)
    card = filter_cards("", [""] * n, filters.weights, responses, ACTIVATION_MAP, 1)
    return max(4, math.ceil(math.sqrt(n * card.cards.tile_h / card.cards.tile_w * 2)))


def layer_responses(capture: Capture | None, filters: ConvFilters) -> np.ndarray:
    """The filters' output maps for the current input (zeros before there is an input)."""
    if capture is not None:
        try:
            out = capture.stage(filters.stage).output
            if out.ndim == 3 and out.shape[0] >= filters.weights.shape[0]:
                return out[: filters.weights.shape[0]]  # a page of a wide layer: the same first maps
        except KeyError:
            pass
    return np.zeros((filters.weights.shape[0], 1, 1), dtype=np.float32)
