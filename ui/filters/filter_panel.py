"""One layer's filters as a titled picture of cards, with its two colour scales and numbered cards."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.colormaps import ACTIVATION_MAP, DIVERGING_MAP, colormap, scale_bar, value_range
from ui.filters.cards import PART_GAP, FilterCards, render_cards, render_weights
from ui.i18n import translate
from ui.theme import LABEL_PLATE, ON_IMAGE_TEXT, palette
from ui.widgets.picture import PictureItem, image_view_box

MAX_LABELLED_CARDS = 16


class FilterPanel(QWidget):
    """``show_cards(cards)`` draws in place; ``item`` reports hovered and clicked pixels."""

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: FilterCards | None = None
        self._weights_key: tuple[object, ...] = ()
        self._weights_rgb: np.ndarray | None = None
        self._response_map = ACTIVATION_MAP
        self._card_labels: list[pg.TextItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._heading = heading
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setMinimumHeight(120)
        self.view.setAccessibleName(translate("FilterPanel", "Filter cards"))
        self.view.setAccessibleDescription(translate(
            "FilterPanel", "Each card is a filter's weights beside its response on the current input: hover to "
            "read a value, click a weight to write its whole kernel out"))
        self.box = image_view_box()
        self.view.addItem(self.box, row=0, col=0)
        self.item = PictureItem()
        self.box.addItem(self.item)
        self.weight_bar = scale_bar(DIVERGING_MAP, (-1.0, 1.0), translate("FilterPanel", "weight"), horizontal=True)
        self.response_bar = scale_bar(ACTIVATION_MAP, (0.0, 1.0), translate("FilterPanel", "response"),
                                      horizontal=True)
        bars = self.view.addLayout(row=1, col=0)
        bars.addItem(self.weight_bar, row=0, col=0)
        bars.addItem(self.response_bar, row=0, col=1)
        layout.addWidget(self.view, 1)

    def card_labels(self) -> list[str]:
        """The numbers written on the cards (filters counted from 1)."""
        return [label.toPlainText() for label in self._card_labels]

    def set_note(self, note: str) -> None:
        """Add a remark after the heading (e.g. that responses are a whole block's output)."""
        text = f"{self._heading}{note}"
        if self.heading.text() != text:
            self.heading.setText(text)

    def show_cards(self, cards: FilterCards, redraw: bool = False) -> None:
        """Draw ``cards`` (``redraw``: also the weights, e.g. after a palette switch)."""
        key = (id(cards.weights), cards.weights.shape, cards.scale, cards.kernels)
        if redraw or key != self._weights_key:
            self._weights_rgb, self._weights_key = render_weights(cards), key
        layout_changed = self.cards is None or self.cards.cards != cards.cards or self.cards.names != cards.names
        self.cards = cards
        self.item.show_rgb(render_cards(cards, palette().base, self._weights_rgb))
        self.weight_bar.setLevels(values=value_range(cards.weights, signed=True))
        self.weight_bar.setVisible(not cards.colour)  # colour filters: the heading says how to read them
        if cards.response_map != self._response_map:
            self.response_bar.setColorMap(colormap(cards.response_map))
            self._response_map = cards.response_map
        self.response_bar.setLevels(
            values=value_range(cards.responses, signed=cards.response_map == DIVERGING_MAP))
        if layout_changed:
            self._label_cards(cards)
            self.box.autoRange(padding=0.01, items=[self.item])  # labels must not widen the view

    def _label_cards(self, cards: FilterCards) -> None:
        """Number each card so a teacher can point at "filter 5"; big layers stay unlabelled."""
        for label in self._card_labels:
            self.box.removeItem(label)
        self._card_labels = []
        if len(cards.names) > MAX_LABELLED_CARDS:
            return
        for f, name in enumerate(cards.names):
            y, x = cards.cards.origin(f)
            # "filter 5" is labelled 5 (in any language: the number is the name's last word); "vertical" as it is
            label = pg.TextItem(name.rsplit(" ", 1)[-1], color=ON_IMAGE_TEXT, fill=pg.mkBrush(*LABEL_PLATE),
                                anchor=(0, 0))
            label.setPos(x + cards.weights_width + PART_GAP, y)
            self.box.addItem(label)
            self._card_labels.append(label)
