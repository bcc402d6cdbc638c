"""The "Filters" tab: each conv layer's learned weights beside what they respond to on this digit.

Every filter is a card: its raw weights (one k×k kernel per input map, diverging colours centred
at 0: blue negative, red positive) next to its response map on the current input. A reference row
shows the hand-set Sobel edge filters on the same digit, so learned and designed filters compare.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QEvent, Qt
from PyQt6.QtGui import QFont, QShowEvent
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from cnnviz.introspect import SOBEL_HORIZONTAL, SOBEL_VERTICAL, Capture, ConvFilters, apply_filter, conv_filters
from cnnviz.introspect.mosaic import TileGrid, grid_for, tile_maps
from ui.colormaps import ACTIVATION_MAP, DIVERGING_MAP, colorize, map_for, scale_bar, value_range
from ui.map_view import PictureItem, image_view_box, is_palette_change, palette_colours, restyle_plots
from ui.state import AppState
from ui.theme import plot_background

CARD_GAP = 3
MAX_LABELLED_CARDS = 16
PART_GAP = 1
GAP_COLOR = "#9a9aa2"


@dataclass(frozen=True)
class FilterCards:
    """Filters laid out as cards of [weights | response], and the way back from a pixel to a value."""

    title: str
    names: list[str]  # one per filter, e.g. "filter 3"
    weights: np.ndarray  # (F, I, kh, kw)
    responses: np.ndarray  # (F, H, W)
    response_map: str
    kernels: TileGrid  # the I kernels inside a card (before scaling)
    scale: int  # each weight is drawn as scale×scale pixels
    cards: TileGrid

    @property
    def weights_width(self) -> int:
        return self.kernels.width * self.scale

    def describe(self, row: int, col: int) -> tuple[int, str, str] | None:
        """(filter, one-line value, the kernel's numbers) at a pixel of the picture; None on a gap."""
        found = self.cards.locate(row, col)
        if found is None:
            return None
        f, y, x = found
        if x < self.weights_width:
            inner = self.kernels.locate(y // self.scale, x // self.scale)
            if inner is None:
                return None
            i, ky, kx = inner
            source = f" from map {i}" if self.weights.shape[1] > 1 else ""
            kernel = self.weights[f, i]
            return (f, f"{self.title} {self.names[f]}{source}: weight [{ky}, {kx}] = {kernel[ky, kx]:+.3f}",
                    format_kernel(kernel))
        rx = x - self.weights_width - PART_GAP
        h, w = self.responses.shape[1:]
        if 0 <= rx < w and y < h:
            return (f, f"{self.title} {self.names[f]}: response at ({y}, {rx}) = {self.responses[f, y, rx]:.3f}",
                    "")
        return None


def format_kernel(kernel: np.ndarray) -> str:
    return "\n".join(" ".join(f"{v:+.2f}" for v in row) for row in kernel)


def filter_cards(title: str, names: list[str], weights: np.ndarray, responses: np.ndarray, response_map: str,
                 cols: int) -> FilterCards:
    f, i, kh, kw = weights.shape
    h, w = responses.shape[1:]
    kernels = grid_for(i, kh, kw, gap=1, cols=max(1, int(np.ceil(np.sqrt(i / 2)))))
    scale = max(1, h // kernels.height)
    card_h = max(kernels.height * scale, h)
    card_w = kernels.width * scale + PART_GAP + w
    cards = grid_for(f, card_h, card_w, gap=CARD_GAP, cols=cols)
    return FilterCards(title, names, weights, responses, response_map, kernels, scale, cards)


def render_weights(cards: FilterCards) -> np.ndarray:
    """(F, kernel-grid height × scale, weights width, 3) pictures of every filter's kernels, 0 drawn white."""
    f_count = cards.weights.shape[0]
    kh, kw = cards.weights.shape[2:]
    mosaics = np.full((f_count, cards.kernels.height, cards.kernels.width), np.nan, dtype=np.float32)
    for i in range(cards.weights.shape[1]):
        y, x = cards.kernels.origin(i)
        mosaics[:, y : y + kh, x : x + kw] = cards.weights[:, i]
    big = np.repeat(np.repeat(mosaics, cards.scale, 1), cards.scale, 2)
    return colorize(big, DIVERGING_MAP, value_range(cards.weights, signed=True), GAP_COLOR)


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
    pictures[:, :h, ww + PART_GAP :] = colorize(cards.responses, cards.response_map, rl, GAP_COLOR)
    return tile_maps(pictures, cards.cards, fill=bg)


class FilterPanel(QWidget):
    """One titled picture of filter cards with its two colour scales and a click/hover readout."""

    def __init__(self, heading: str, background: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.background = background
        self.cards: FilterCards | None = None
        self._weights_key: tuple[object, ...] = ()
        self._weights_rgb: np.ndarray | None = None
        self._response_map = ACTIVATION_MAP
        self.card_labels: list[pg.TextItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._heading = heading
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground(background)
        self.box = image_view_box()
        self.view.addItem(self.box, row=0, col=0)
        self.item = PictureItem()
        self.box.addItem(self.item)
        self.weight_bar = scale_bar(DIVERGING_MAP, (-1.0, 1.0), "weight", horizontal=True)
        self.response_bar = scale_bar(ACTIVATION_MAP, (0.0, 1.0), "response", horizontal=True)
        bars = self.view.addLayout(row=1, col=0)
        bars.addItem(self.weight_bar, row=0, col=0)
        bars.addItem(self.response_bar, row=0, col=1)
        layout.addWidget(self.view, 1)

    def set_note(self, note: str) -> None:
        """Add a remark after the heading (e.g. that responses are a whole block's output)."""
        text = f"{self._heading}{note}"
        if self.heading.text() != text:
            self.heading.setText(text)

    def show_cards(self, cards: FilterCards) -> None:
        key = (id(cards.weights), cards.weights.shape, cards.scale, cards.kernels)
        if key != self._weights_key:
            self._weights_rgb, self._weights_key = render_weights(cards), key
        layout_changed = self.cards is None or self.cards.cards != cards.cards or self.cards.names != cards.names
        self.cards = cards
        self.item.show_rgb(render_cards(cards, self.background, self._weights_rgb))
        self.weight_bar.setLevels(values=value_range(cards.weights, signed=True))
        if cards.response_map != self._response_map:
            self.response_bar.setColorMap(pg.colormap.get(cards.response_map))
            self._response_map = cards.response_map
        self.response_bar.setLevels(
            values=value_range(cards.responses, signed=cards.response_map == DIVERGING_MAP))
        if layout_changed:
            self._label_cards(cards)
            self.box.autoRange(padding=0.01, items=[self.item])  # labels must not widen the view

    def _label_cards(self, cards: FilterCards) -> None:
        """Number each card (or name it) so a teacher can point at "filter 5"; big layers stay unlabelled."""
        for label in self.card_labels:
            self.box.removeItem(label)
        self.card_labels = []
        if len(cards.names) > MAX_LABELLED_CARDS:
            return
        for f, name in enumerate(cards.names):
            y, x = cards.cards.origin(f)
            text = name.removeprefix("filter ")
            label = pg.TextItem(text, color="#ffffff", fill=pg.mkBrush(0, 0, 0, 140), anchor=(0, 0))
            label.setPos(x + cards.weights_width + PART_GAP, y)
            self.box.addItem(label)
            self.card_labels.append(label)


class FiltersTab(QWidget):
    def __init__(self, state: AppState, dark: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self._dirty = True
        self._background = plot_background(dark)
        self.panels: dict[str, FilterPanel] = {}
        self._filters: list[ConvFilters] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        intro = QLabel(
            "Each card is one filter: its <b>weights</b> (blue negative, white 0, red positive; one small "
            "grid per input map) beside its <b>response</b> on the current digit. Hover for values, click "
            "a weight to read its whole kernel.")
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.placeholder = QLabel("No model yet — the filters appear as soon as a model is trained or opened.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.placeholder)
        columns = QHBoxLayout()
        self.left_column = QVBoxLayout()
        self.right_column = QVBoxLayout()
        columns.addLayout(self.left_column, 1)
        columns.addLayout(self.right_column, 1)
        outer.addLayout(columns, 1)
        self.sobel_panel = FilterPanel(
            "<b>Reference: hand-set Sobel edge filters</b> (vertical, horizontal) on the same digit — "
            "compare them with what the network learned.", self._background)
        readout_box = QVBoxLayout()
        self.readout = QLabel("Hover over a filter to read its weights.")
        self.readout.setWordWrap(True)
        self.kernel_label = QLabel("")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(11)
        self.kernel_label.setFont(mono)
        self.kernel_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        readout_box.addWidget(self.readout)
        readout_box.addWidget(self.kernel_label)
        readout_box.addStretch(1)
        self._readout_widget = QWidget()
        self._readout_widget.setLayout(readout_box)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setWidget(self._readout_widget)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._wire(self.sobel_panel)
        self.left_column.addWidget(self.sobel_panel, 2)
        self._scroll.setMinimumHeight(130)  # the readout line and a whole 3×3 kernel, never clipped
        self.left_column.addWidget(self._scroll, 0)

        state.model_changed.connect(self._on_model)
        state.capture_changed.connect(self._on_capture)
        self._on_model()
        restyle_plots(self, *palette_colours(self))

    # -- public API ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw every panel for the current model and input (one full update of this tab)."""
        self._dirty = False
        capture: Capture | None = self.state.capture
        has_model = bool(self._filters)
        self.placeholder.setVisible(not has_model)
        if not has_model:
            model = self.state.model
            self.placeholder.setText(
                "No model yet — the filters appear as soon as a model is trained or opened." if model is None else
                f"This model ({model.arch}) has no convolution layers, so it has no filters to show. "
                "Open or train a CNN to see what its filters learned.")
            return
        for filters in self._filters:
            panel = self.panels[filters.stage]
            responses = _responses(capture, filters)
            n = filters.weights.shape[0]
            kind = next((s.kind for s in capture.stages if s.name == filters.stage), "conv") if capture else "conv"
            panel.set_note("" if kind == "conv" else " — responses shown are the whole block's output maps")
            panel.show_cards(filter_cards(filters.stage, [f"filter {i}" for i in range(n)], filters.weights,
                                          responses, map_for(responses)[0], card_columns(filters, responses)))
        image = self.state.image if self.state.image is not None else np.zeros((28, 28), np.float32)
        sobel = np.stack([SOBEL_VERTICAL, SOBEL_HORIZONTAL])[:, None]
        sobel_responses = np.stack([apply_filter(image, k[0]) for k in sobel])
        self.sobel_panel.show_cards(filter_cards("Sobel", ["vertical", "horizontal"], sobel, sobel_responses,
                                                 DIVERGING_MAP, 2))

    def show_value_at(self, stage: str, row: int, col: int, pin: bool = False) -> str:
        """The readout for a pixel of ``stage``'s card picture (as hover does; ``pin`` as click does)."""
        panel = self.sobel_panel if stage == "Sobel" else self.panels[stage]
        if panel.cards is None or (found := panel.cards.describe(row, col)) is None:
            return ""
        _f, line, kernel = found
        self.readout.setText(line)
        if pin and kernel:
            self.kernel_label.setText(f"{line.split(':')[0]}:\n{kernel}")
        return line

    # -- internals -----------------------------------------------------------------------------
    def _wire(self, panel: FilterPanel) -> None:
        stage = "Sobel" if panel is self.sobel_panel else panel.heading.objectName()
        panel.item.on_hover = lambda r, c: self.show_value_at(stage, r, c)
        panel.item.on_click = lambda r, c: self.show_value_at(stage, r, c, pin=True)

    def _on_model(self) -> None:
        model = self.state.model
        filters = conv_filters(model) if model is not None else []
        if [f.stage for f in filters] != [f.stage for f in self._filters] or any(
            a.weights.shape != b.weights.shape for a, b in zip(filters, self._filters, strict=False)
        ):
            self._rebuild(filters)
        self._filters = filters
        self._mark_dirty()

    def _rebuild(self, filters: list[ConvFilters]) -> None:
        """First conv layer on the left above the Sobel reference and the readout; later ones on the right."""
        for panel in self.panels.values():
            panel.setParent(None)
            panel.deleteLater()
        self.panels = {}
        for n, f in enumerate(filters):
            out, inp, kh, kw = f.weights.shape
            panel = FilterPanel(f"<b>{f.stage}</b>: {out} learned filters of {kh}×{kw} on {inp} input map(s)",
                                self._background)
            panel.heading.setObjectName(f.stage)
            self._wire(panel)
            self.panels[f.stage] = panel
            if n == 0:
                self.left_column.insertWidget(0, panel, 3)
            else:
                self.right_column.addWidget(panel, 1)
        self.sobel_panel.setVisible(bool(filters))
        self._scroll.setVisible(bool(filters))

    def _mark_dirty(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def _on_capture(self) -> None:
        self._mark_dirty()

    def showEvent(self, event: QShowEvent | None) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def changeEvent(self, event: QEvent | None) -> None:
        super().changeEvent(event)
        if is_palette_change(event):
            background, foreground = palette_colours(self)
            self._background = background
            for panel in (*self.panels.values(), self.sobel_panel):
                panel.background = background
            restyle_plots(self, background, foreground)
            self._mark_dirty()


def card_columns(filters: ConvFilters, responses: np.ndarray) -> int:
    """Up to 16 filters in rows of 4 (easy to count); larger layers in a grid about twice as wide as tall."""
    n = filters.weights.shape[0]
    if n <= 16:
        return min(n, 4)
    card = filter_cards("", [""] * n, filters.weights, responses, ACTIVATION_MAP, 1)
    return max(4, math.ceil(math.sqrt(n * card.cards.tile_h / card.cards.tile_w * 2)))


def _responses(capture: Capture | None, filters: ConvFilters) -> np.ndarray:
    """The filters' output maps for the current input (zeros before there is an input)."""
    if capture is not None:
        try:
            out = capture.stage(filters.stage).output
            if out.ndim == 3 and out.shape[0] == filters.weights.shape[0]:
                return out
        except KeyError:
            pass
    return np.zeros((filters.weights.shape[0], 1, 1), dtype=np.float32)
