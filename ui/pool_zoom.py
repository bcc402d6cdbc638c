"""Pooling zoom: click a map to pick a 4×4 patch; see its numbers and the pooled result.

Each pooling window gets its own tint; in max pooling the winning value of each window is drawn bold
and framed, and the pooled cell repeats it; average pooling shows the mean. The map is coloured on the
scale the user chose (``map_scale``: "stage" shares one scale across every map of a stage, "map" gives
each map its own), and the panel says which.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from PyQt6.QtCore import QEvent, Qt
from PyQt6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget
from torch import nn

from cnnviz.introspect import Capture, PoolZoom, pool_params, pool_zoom
from ui.colormaps import ACTIVATION_MAP, value_range
from ui.explain.common import capture_fits
from ui.widgets.image_panel import ImageStrip
from ui.widgets.lazy import is_palette_change, restyle_plots
from ui.widgets.number_grid import NumberGrid, tinted

PATCH = 4


@dataclass(frozen=True)
class PoolSite:
    """A pooling stage and the feature maps it reads (the stage before it)."""

    pool_stage: str
    source_stage: str
    kernel: int
    mode: str  # "max" or "avg"
    maps: np.ndarray  # (C, H, W) input of the pooling

    @property
    def label(self) -> str:
        kind = "max" if self.mode == "max" else "average"
        return f"{self.pool_stage} ({kind} {self.kernel}×{self.kernel}) of {self.source_stage}"


# -- bookkeeping (to be replaced by the core's pool_sites, PoolZoom.window_index / winner_cells) ----------
def pool_sites(capture: Capture, model: nn.Module) -> list[PoolSite]:
    """Every max/average pooling stage of ``model`` whose input maps are at least PATCH×PATCH."""
    modules = dict(model.named_children())
    sites = []
    for before, stage in zip(capture.stages, capture.stages[1:], strict=False):
        module = modules.get(stage.name)
        if stage.kind != "pool" or not isinstance(module, nn.MaxPool2d | nn.AvgPool2d) or before.output.ndim != 3:
            continue
        kernel, _stride, mode = pool_params(module)
        if min(before.output.shape[1:]) >= PATCH and PATCH % kernel == 0:
            sites.append(PoolSite(stage.name, before.name, kernel, mode, before.output))
    return sites


def window_index(zoom: PoolZoom, kernel: int) -> np.ndarray:
    """(size, size): which pooling window (row-major number) each patch cell belongs to."""
    out = zoom.patch.shape[0] // kernel
    return np.repeat(np.repeat(np.arange(out * out).reshape(out, out), kernel, 0), kernel, 1)


def winner_cells(zoom: PoolZoom) -> set[tuple[int, int]]:
    """Patch cells that won their max-pooling window (none for average pooling)."""
    return {(w.top - zoom.top + w.winner[0], w.left - zoom.left + w.winner[1])
            for w in zoom.windows if w.winner is not None}


def strongest_cell(fmap: np.ndarray) -> tuple[int, int]:
    row, col = np.unravel_index(int(np.argmax(fmap)), fmap.shape)
    return int(row), int(col)


class PoolZoomPanel(QWidget):
    """``PoolZoomPanel(background=None, parent=None, state=None)``; the background is the theme's now."""

    def __init__(self, background: str | None = None, parent: QWidget | None = None, state: Any = None) -> None:
        super().__init__(parent)
        self.sites: list[PoolSite] = []
        self.zoom: PoolZoom | None = None
        self.map_scale: str = getattr(state, "map_scale", "stage")
        self._has_capture = False
        self._picked: tuple[int, int] | None = None  # the user's patch, kept across inputs; None: automatic

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("<b>Pooling zoom</b> — click the map to pick a 4×4 patch")
        title.setWordWrap(True)
        layout.addWidget(title)
        self.body = QWidget()  # everything but the explanation: hidden when there is nothing to zoom into
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body)
        pick = QHBoxLayout()
        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip("Which pooling stage to look inside")
        self.channel_spin = QSpinBox()
        self.channel_spin.setPrefix("map ")
        self.channel_spin.setMinimum(1)
        self.channel_spin.setToolTip("Which feature map of the stage before the pooling (counted from 1)")
        pick.addWidget(self.layer_combo, 1)
        pick.addWidget(self.channel_spin)
        body_layout.addLayout(pick)

        body = QHBoxLayout()
        self.map_view = ImageStrip(min_panel=120)
        self.map_panel = self.map_view.add_panel("map")
        self.map_view.setFixedSize(140, 150)
        self.map_item = self.map_panel.picture
        self.map_view.clicked.connect(lambda _key, r, c: self.pick(r, c))
        body.addWidget(self.map_view)
        grids = QGridLayout()
        self.patch_grid = NumberGrid(36)
        self.pooled_grid = NumberGrid(36)
        arrow = QLabel("→")
        arrow.setStyleSheet("font-size: 20pt;")
        self.patch_caption = QLabel("4×4 patch")
        self.pooled_caption = QLabel("pooled 2×2")
        grids.addWidget(self.patch_caption, 0, 0)
        grids.addWidget(self.pooled_caption, 0, 2)
        grids.addWidget(self.patch_grid, 1, 0)
        grids.addWidget(arrow, 1, 1)
        grids.addWidget(self.pooled_grid, 1, 2, Qt.AlignmentFlag.AlignVCenter)
        body.addLayout(grids)
        body.addStretch(1)
        body_layout.addLayout(body)
        self.scale_caption = QLabel()
        self.scale_caption.setWordWrap(True)
        body_layout.addWidget(self.scale_caption)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        layout.addStretch(1)

        self.layer_combo.currentIndexChanged.connect(lambda _i: self._refresh())
        self.channel_spin.valueChanged.connect(lambda _v: self._refresh())
        changed = getattr(state, "display_changed", None)
        if changed is not None:
            changed.connect(lambda *_: self.set_map_scale(getattr(state, "map_scale", "stage")))
        self.set_capture(None, None)

    # -- public API ----------------------------------------------------------------------------
    @property
    def site(self) -> PoolSite | None:
        i = self.layer_combo.currentIndex()
        return self.sites[i] if 0 <= i < len(self.sites) else None

    def set_capture(self, capture: Capture | None, model: nn.Module | None) -> None:
        """Show the pooling stages of ``model`` for ``capture`` (ignored unless that model made it)."""
        fits = capture is not None and model is not None and capture_fits(model, capture)  # type: ignore[arg-type]
        self._has_capture = fits
        self.sites = pool_sites(capture, model) if fits else []  # type: ignore[arg-type]
        labels = [s.label for s in self.sites]
        if labels != [self.layer_combo.itemText(i) for i in range(self.layer_combo.count())]:
            self.layer_combo.blockSignals(True)
            self.layer_combo.clear()
            self.layer_combo.addItems(labels)
            self.layer_combo.blockSignals(False)
        self._refresh()

    def set_map_scale(self, scale: str) -> None:
        """"stage": one colour scale for every map of the stage; "map": each map on its own."""
        self.map_scale = scale
        self._refresh()

    def select_pool_stage(self, name: str, channel: int | None = None) -> bool:
        """Look inside the pooling stage ``name`` or the one that reads stage ``name`` (when the
        step-through reaches either), optionally at feature map ``channel`` (counted from 0)."""
        for i, site in enumerate(self.sites):
            if name in (site.pool_stage, site.source_stage):
                self.layer_combo.setCurrentIndex(i)
                if channel is not None:
                    self.channel_spin.setValue(channel + 1)
                return True
        return False

    def pick(self, row: int, col: int) -> None:
        """Centre the 4×4 patch on map pixel (row, col) (from 0) as far as the pooling grid allows."""
        self._picked = (row - PATCH // 2 + 1, col - PATCH // 2 + 1)
        self._refresh()

    def changeEvent(self, event: QEvent | None) -> None:
        super().changeEvent(event)
        if is_palette_change(event):  # the map's background and the grids' lines follow the palette
            restyle_plots(self)
            self._refresh()

    # -- drawing -------------------------------------------------------------------------------
    def _refresh(self) -> None:
        site = self.site
        self.body.setVisible(site is not None)
        if site is None:
            self.zoom = None
            self.map_panel.clear()
            self.patch_grid.clear()
            self.pooled_grid.clear()
            self.explanation.setText(
                "This model has no max or average pooling layer to look inside (it shrinks its maps another "
                "way, e.g. strided convolutions)." if self._has_capture else
                "Draw a digit to look inside a pooling layer.")
            return
        count = site.maps.shape[0]
        self.channel_spin.setMaximum(count)
        self.channel_spin.setSuffix(f" of {count}")
        fmap = site.maps[self.channel_spin.value() - 1]
        peak = strongest_cell(fmap) if self._picked is None else None  # until a pick: the strongest response
        top, left = (peak[0] - PATCH // 2 + 1, peak[1] - PATCH // 2 + 1) if peak is not None else self._picked  # type: ignore[misc]
        zoom = pool_zoom(fmap, top, left, PATCH, site.kernel, site.mode)
        self.zoom = zoom
        shared = self.map_scale == "stage"
        levels = value_range(site.maps if shared else fmap)
        self.map_panel.show_values(fmap, ACTIVATION_MAP, levels)
        self.map_panel.outline("cell", zoom.top, zoom.left, zoom.top + PATCH - 1, zoom.left + PATCH - 1)
        self.scale_caption.setText(
            f"Colours: one scale for all {count} maps of {site.source_stage} ({levels[0]:.2f} to {levels[1]:.2f})"
            if shared else f"Colours: this map's own scale ({levels[0]:.2f} to {levels[1]:.2f})")
        out = PATCH // site.kernel
        self.patch_grid.set_values(zoom.patch, tinted(window_index(zoom, site.kernel)), winner_cells(zoom))
        self.pooled_grid.set_values(zoom.pooled, tinted(np.arange(out * out).reshape(out, out)))
        self.patch_caption.setText(f"{PATCH}×{PATCH} patch from row {zoom.top + 1}, column {zoom.left + 1}\n"
                                   "(counted from 1, top-left)")
        self.pooled_caption.setText(f"{'max' if site.mode == 'max' else 'mean'} → {out}×{out}")
        k = site.kernel
        if site.mode == "max":
            self.explanation.setText(
                f"Each coloured {k}×{k} window keeps only its largest value (framed), so the map shrinks {k}× in "
                "each direction. A feature that moves but stays inside its window gives the same pooled value; "
                "a move into the next window changes it.")
        else:
            self.explanation.setText(
                f"Each coloured {k}×{k} window is replaced by the mean of its values, so the map shrinks {k}× "
                "in each direction; any change inside a window changes its mean.")
