"""The "Filters" tab: each conv layer's learned weights beside what they respond to on this digit.

Every filter is a card: its raw weights (one k×k kernel per input map, diverging colours centred at 0)
next to its response map on the current input. A reference panel shows the hand-set Sobel edge filters
on the same digit (it needs no model), so learned and designed filters compare.
"""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt
from PyQt6.QtGui import QFont
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from cnnviz.introspect import SOBEL_HORIZONTAL, SOBEL_VERTICAL, ConvFilters, apply_filter, conv_filters
from ui.colormaps import DIVERGING_MAP, map_for, value_range
from ui.filters.cards import card_columns, filter_cards, format_kernel, layer_responses
from ui.filters.features_page import FeaturesPage
from ui.filters.filter_panel import FilterPanel
from ui.filters.kernel_view import KernelView
from ui.i18n import translate
from ui.preferences import Preferences
from ui.state import AppState
from ui.widgets.accessible import name_tabs
from ui.widgets.lazy import LazyPanel

NO_MODEL = QT_TRANSLATE_NOOP("FiltersTab", "No model yet — the learned filters appear as soon as a model is trained "
                             "or opened.")
FIT_WITHOUT_SCROLLING = 3  # later conv layers that share the right column's height; more scroll
PANEL_HEIGHT = 260  # each of them then keeps this height (px)
MAX_CARDS = 64  # filters drawn per layer: a layer of 2,000 shows its first 64 (memory and drawing stay bounded)
SOBEL = "Sobel"


class FiltersTab(LazyPanel):
    """``FiltersTab(state, prefs)``: a panel per conv layer, the Sobel reference, a readout and kernel view."""

    def __init__(self, state: AppState, prefs: Preferences | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.prefs = prefs
        self.panels: dict[str, FilterPanel] = {}
        self._filters: list[ConvFilters] = []
        self._pages: list[ConvFilters] = []  # what is drawn of each layer: its first MAX_CARDS filters
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        intro = QLabel(translate("FiltersTab", "Each card is one filter (numbered from 1): its <b>weights</b> (blue "
                                 "negative, white 0, red positive; one small grid per input map) beside its "
                                 "<b>response</b> on the current digit. Hover for values; point at a weight to see "
                                 "its whole kernel enlarged."))
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.placeholder = QLabel(translate("FiltersTab", NO_MODEL))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.placeholder)
        columns = QHBoxLayout()
        self.left_column = QVBoxLayout()
        right = QWidget()
        self.right_column = QVBoxLayout(right)
        self.right_column.setContentsMargins(0, 0, 0, 0)
        self.right_scroll = QScrollArea()  # an opened ResNet has a dozen conv layers: they scroll, each readable
        self.right_scroll.setWidgetResizable(True)
        self.right_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.right_scroll.setWidget(right)
        columns.addLayout(self.left_column, 1)
        columns.addWidget(self.right_scroll, 1)
        layers = QWidget()
        layers.setLayout(columns)
        columns.setContentsMargins(0, 4, 0, 0)
        self.page = FeaturesPage(state)  # what each filter and class wants to see
        self.views = QTabWidget()
        self.views.addTab(layers, translate("FiltersTab", "Weights and responses"))
        self.views.addTab(self.page, translate("FiltersTab", "What they want to see"))
        name_tabs(self.views, translate("FiltersTab", "Filter views"),
                  translate("FiltersTab", "The filters' weights and responses, or what each filter and class "
                                          "wants to see"))
        outer.addWidget(self.views, 1)
        self.sobel_panel = FilterPanel(translate(
            "FiltersTab", "<b>Reference: hand-set Sobel edge filters</b> (vertical, horizontal) on the same digit — "
            "compare them with what the network learned."))
        self.sobel_panel.view.setAccessibleName(translate("FiltersTab", "Sobel edge filters"))
        self._wire(self.sobel_panel, SOBEL)
        self.left_column.addWidget(self.sobel_panel, 2)

        self.readout = QLabel(translate("FiltersTab", "Hover over a filter to read its weights."))
        self.readout.setWordWrap(True)
        self.kernel_label = QLabel("")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.kernel_label.setFont(mono)
        self.kernel_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text_box = QVBoxLayout()
        text_box.addWidget(self.readout)
        text_box.addWidget(self.kernel_label)
        text_box.addStretch(1)
        self.kernel_view = KernelView()
        readout_row = QWidget()
        row = QHBoxLayout(readout_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(text_box, 1)
        row.addWidget(self.kernel_view)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(readout_row)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumHeight(self.kernel_view.height() + 4)  # the enlarged kernel is never cut off
        self.left_column.addWidget(scroll, 0)

        state.model_changed.connect(self._on_model)
        state.capture_changed.connect(self.mark_dirty)
        state.input_changed.connect(self.mark_dirty)  # the Sobel reference needs no model, only the input
        self._on_model()

    # -- public API ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw every panel for the current model and input (one full update of this tab)."""
        self._show_sobel()
        has_model = bool(self._filters)
        self.placeholder.setVisible(not has_model)
        if not has_model:
            model = self.state.model
            self.placeholder.setText(translate("FiltersTab", NO_MODEL) if model is None else translate(
                "FiltersTab", "This model ({arch}) has no convolution layers, so it has no filters to show. Open or "
                "train a CNN to see what its filters learned.").format(arch=model.arch))
            return
        capture = self.state.capture
        colour_input = capture is not None and capture.spec.channels == 3
        for index, (filters, shown) in enumerate(zip(self._filters, self._pages, strict=True)):
            panel = self.panels[filters.stage]
            responses = layer_responses(capture, shown)
            n = shown.weights.shape[0]
            kind = next((s.kind for s in capture.stages if s.name == filters.stage), "conv") if capture else "conv"
            colour = index == 0 and colour_input and shown.weights.shape[1] == 3
            cards = filter_cards(filters.stage, filter_names(n), shown.weights,
                                 responses, map_for(responses)[0], card_columns(shown, responses), colour)
            panel.show_cards(cards)
            total = filters.weights.shape[0]
            panel.set_note(("" if kind == "conv" else
                            translate("FiltersTab", " — responses shown are the whole block's output maps"))
                           + (translate("FiltersTab", " — drawn in colour: each filter's red, green and blue weights "
                                        "as one picture (grey is 0, a strong colour means the filter looks for that "
                                        "colour)") if colour else "")
                           + (translate("FiltersTab", " — the first {n} of its {total:,} filters").format(
                               n=n, total=total) if total > n else "")
                           + _silent_note(cards.silent()))
        first = self._filters[0]
        if self.kernel_view.kernel is None or self.kernel_view.kernel.shape != first.weights.shape[2:]:
            # never an empty box: the first filter is enlarged until the pointer picks another
            self.kernel_view.show_kernel(first.weights[0, 0], value_range(first.weights, signed=True),
                                         f"{first.stage} {filter_names(1)[0]}")

    def show_value_at(self, stage: str, row: int, col: int, pin: bool = False) -> str:
        """The readout for a pixel of ``stage``'s card picture (as hover does; ``pin`` as click does).

        Pointing at a weight also shows its whole kernel enlarged; a click writes its numbers out too.
        """
        panel = self.sobel_panel if stage == SOBEL else self.panels[stage]
        cards = panel.cards
        if cards is None or (found := cards.describe(row, col)) is None:
            return ""
        line = found[1]
        self.readout.setText(line)
        weight = cards.locate_weight(row, col)
        if weight is not None:
            f, i, _ky, _kx = weight
            name = cards.kernel_name(f, i)
            self.kernel_view.show_kernel(cards.weights[f, i], value_range(cards.weights, signed=True), name)
            if pin:
                self.page.features.select(stage, f)
                self.kernel_label.setText(self.kernel_view.name + ":\n" + format_kernel(cards.weights[f, i]))
        return line

    def restyle(self) -> None:
        self.kernel_view.restyle()

    # -- internals -----------------------------------------------------------------------------
    def _show_sobel(self) -> None:
        image = self.state.image if self.state.image is not None else np.zeros((28, 28), np.float32)
        sobel = np.stack([SOBEL_VERTICAL, SOBEL_HORIZONTAL])[:, None]
        responses = np.stack([apply_filter(image, k[0]) for k in sobel])
        names = [translate("FiltersTab", "vertical"), translate("FiltersTab", "horizontal")]
        self.sobel_panel.show_cards(filter_cards(SOBEL, names, sobel, responses,
                                                 DIVERGING_MAP, 2))

    def _wire(self, panel: FilterPanel, stage: str) -> None:
        panel.item.sigHovered.connect(lambda r, c: self.show_value_at(stage, r, c))
        panel.item.sigClicked.connect(lambda r, c: self.show_value_at(stage, r, c, pin=True))

    def _on_model(self) -> None:
        model = self.state.model
        filters = conv_filters(model) if model is not None else []
        self.kernel_view.kernel = None  # another model: its first filter is enlarged, not the last model's
        if [f.stage for f in filters] != [f.stage for f in self._filters] or any(
            a.weights.shape != b.weights.shape for a, b in zip(filters, self._filters, strict=False)
        ):
            self._rebuild(filters)
        self._filters = filters
        self._pages = [_first_page(f) for f in filters]
        self.mark_dirty()

    def _rebuild(self, filters: list[ConvFilters]) -> None:
        """First conv layer on the left above the Sobel reference and the readout; later ones on the right."""
        for panel in self.panels.values():
            panel.setParent(None)
            panel.deleteLater()
        self.panels = {}
        for n, f in enumerate(filters):
            out, inp, kh, kw = f.weights.shape
            panel = FilterPanel(translate("FiltersTab", "<b>{stage}</b>: {out} learned filters of {kh}×{kw} on {inp} "
                                          "input map(s)").format(stage=f.stage, out=out, kh=kh, kw=kw, inp=inp))
            panel.view.setAccessibleName(translate("FiltersTab", "Filters of {stage}").format(stage=f.stage))
            self._wire(panel, f.stage)
            self.panels[f.stage] = panel
            if n == 0:
                self.left_column.insertWidget(0, panel, 3)
            else:
                self.right_column.addWidget(panel, 1)
                if len(filters) > 1 + FIT_WITHOUT_SCROLLING:
                    panel.setMinimumHeight(PANEL_HEIGHT)


def _first_page(filters: ConvFilters) -> ConvFilters:
    """At most MAX_CARDS filters of a layer (all of a small one; the same object, so its pictures are reused)."""
    if filters.weights.shape[0] <= MAX_CARDS:
        return filters
    return ConvFilters(filters.stage, filters.weights[:MAX_CARDS], filters.bias[:MAX_CARDS])


def filter_names(count: int) -> list[str]:
    """The cards' names: "filter 1" … (counted from 1), in the interface's language."""
    name = translate("FiltersTab", "filter {n}")
    return [name.format(n=i + 1) for i in range(count)]


def _silent_note(silent: list[int]) -> str:
    """Say why a response card is blank: the filter's weighted sum is ≤ 0 everywhere, and ReLU makes it 0."""
    if not silent:
        return ""
    note = (translate("FiltersTab", "<br>Filters {which}: blank response — they do not fire anywhere on this digit "
                      "(the weighted sum is ≤ 0 everywhere, and ReLU makes that 0). A filter blank on every digit is "
                      "'dead': it never learned to fire.") if len(silent) > 1 else
            translate("FiltersTab", "<br>Filter {which}: blank response — it does not fire anywhere on this digit "
                      "(the weighted sum is ≤ 0 everywhere, and ReLU makes that 0). A filter blank on every digit is "
                      "'dead': it never learned to fire."))
    return note.format(which=", ".join(str(f + 1) for f in silent))
