"""Pooling zoom: click a map to pick a 4×4 patch; see its numbers and the pooled result.

The bookkeeping (which stages pool, which window each cell belongs to, which value won) is the core's
(``pool_sites``, ``PoolZoom.window_index``/``winner_cells``); this panel only draws it.

Each pooling window gets its own tint; in max pooling the winning value of each window is drawn bold
and framed, and the pooled cell repeats it; average pooling shows the mean. The map is coloured on the
scale the user chose (``map_scale``: "stage" shares one scale across every map of a stage, "map" gives
each map its own), and the panel says which.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PyQt6.QtCore import QEvent, Qt
from PyQt6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget
from torch import nn

from cnnviz.introspect import Capture, PoolSite, PoolZoom, pool_sites, pool_zoom, strongest_cell
from ui.colormaps import ACTIVATION_MAP, value_range
from ui.explain.common import capture_fits
from ui.i18n import translate, worded
from ui.widgets.fonts import emphasize
from ui.widgets.image_panel import ImageStrip
from ui.widgets.lazy import is_palette_change, restyle_plots
from ui.widgets.number_grid import NumberGrid, tinted

PATCH = 4


class PoolZoomPanel(QWidget):
    """``PoolZoomPanel(background=None, parent=None, state=None)``; the background is the theme's now."""

    def __init__(self, background: str | None = None, parent: QWidget | None = None, state: Any = None) -> None:
        super().__init__(parent)
        self.sites: list[PoolSite] = []
        self.capture: Capture | None = None
        self.zoom: PoolZoom | None = None
        self.map_scale: str = getattr(state, "map_scale", "stage")
        self._has_capture = False
        self._picked: tuple[int, int] | None = None  # the user's patch, kept across inputs; None: automatic

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(translate("PoolZoomPanel", "<b>Pooling zoom</b> — click the map to pick a 4×4 patch"))
        title.setWordWrap(True)
        layout.addWidget(title)
        self.body = QWidget()  # everything but the explanation: hidden when there is nothing to zoom into
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body)
        pick = QHBoxLayout()
        self.layer_combo = QComboBox()
        self.layer_combo.setAccessibleName(translate("PoolZoomPanel", "Pooling stage"))
        self.layer_combo.setToolTip(translate("PoolZoomPanel", "Which pooling stage to look inside"))
        self.channel_spin = QSpinBox()
        self.channel_spin.setPrefix(translate("PoolZoomPanel", "map "))
        self.channel_spin.setMinimum(1)
        self.channel_spin.setAccessibleName(translate("PoolZoomPanel", "Feature map"))
        self.channel_spin.setToolTip(translate("PoolZoomPanel",
                                               "Which feature map of the stage before the pooling (counted from 1)"))
        pick.addWidget(self.layer_combo, 1)
        pick.addWidget(self.channel_spin)
        body_layout.addLayout(pick)

        body = QHBoxLayout()
        self.map_view = ImageStrip(min_panel=120)
        self.map_panel = self.map_view.add_panel("map")
        self.map_view.setFixedSize(140, 150)
        self.map_view.setAccessibleName(translate("PoolZoomPanel", "Feature map to zoom into"))
        self.map_view.setToolTip(translate("PoolZoomPanel", "Click a pixel to centre the 4×4 patch on it"))
        self.map_item = self.map_panel.picture
        self.map_view.clicked.connect(lambda _key, r, c: self.pick(r, c))
        body.addWidget(self.map_view)
        grids = QGridLayout()
        self.patch_grid = NumberGrid(36)
        self.pooled_grid = NumberGrid(36)
        arrow = QLabel("→")
        emphasize(arrow, points=10, bold=False)
        self.patch_caption = QLabel(translate("PoolZoomPanel", "4×4 patch"))
        self.patch_caption.setWordWrap(True)  # "from row 13, column 9" must not be cut at 1024 px
        self.pooled_caption = QLabel(translate("PoolZoomPanel", "pooled 2×2"))
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
        self._sites_of: nn.Module | None = None  # the model ``sites`` were found in
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
        self.capture = capture if fits else None
        if not fits:
            self.sites = []
        elif model is not self._sites_of:  # a forward pass per call (70 ms measured): once per model
            self.sites = pool_sites(model, capture.spec)  # type: ignore[arg-type, union-attr]
        self._sites_of = model if fits else None
        labels = [worded(s.label) for s in self.sites]
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
        site, cap = self.site, self.capture
        self.body.setVisible(site is not None)
        if site is None or cap is None:
            self.zoom = None
            self.map_panel.clear()
            self.patch_grid.clear()
            self.pooled_grid.clear()
            self.explanation.setText(translate(
                "PoolZoomPanel", "This model has no max or average pooling layer to look inside (it shrinks its maps "
                "another way, e.g. strided convolutions).") if self._has_capture else
                translate("PoolZoomPanel", "Draw a digit to look inside a pooling layer."))
            return
        maps = site.maps(cap)
        count = maps.shape[0]
        self.channel_spin.setMaximum(count)
        self.channel_spin.setSuffix(translate("PoolZoomPanel", " of {count}").format(count=count))
        channel = self.channel_spin.value() - 1
        fmap = maps[channel]
        if self._picked is None:  # until the user picks: the patch around the strongest response
            peak = strongest_cell(cap, site.source_stage, channel)
            top, left = peak[0] - PATCH // 2 + 1, peak[1] - PATCH // 2 + 1
        else:
            top, left = self._picked
        zoom = pool_zoom(fmap, top, left, PATCH, spec=site.spec)
        self.zoom = zoom
        shared = self.map_scale == "stage"
        levels = value_range(maps if shared else fmap)
        self.map_panel.show_values(fmap, ACTIVATION_MAP, levels)
        ph, pw = zoom.patch.shape
        self.map_panel.outline("cell", zoom.top, zoom.left, zoom.top + ph - 1, zoom.left + pw - 1)
        self.scale_caption.setText(
            translate("PoolZoomPanel", "Colours: one scale for all {count} maps of {stage} ({lo:.2f} to {hi:.2f})")
            .format(count=count, stage=site.source_stage, lo=levels[0], hi=levels[1]) if shared else
            translate("PoolZoomPanel", "Colours: this map's own scale ({lo:.2f} to {hi:.2f})")
            .format(lo=levels[0], hi=levels[1]))
        rows, cols = zoom.pooled.shape
        self.patch_grid.set_values(zoom.patch, tinted(zoom.window_index), zoom.winner_cells)
        self.pooled_grid.set_values(zoom.pooled, tinted(np.arange(rows * cols).reshape(rows, cols)))
        self.patch_caption.setText(translate(
            "PoolZoomPanel", "{h}×{w} patch from row {row}, column {col}\n(counted from 1, top-left)").format(
            h=ph, w=pw, row=zoom.top + 1, col=zoom.left + 1))
        pooled = (translate("PoolZoomPanel", "max → {rows}×{cols}") if zoom.mode == "max"
                  else translate("PoolZoomPanel", "mean → {rows}×{cols}"))
        self.pooled_caption.setText(pooled.format(rows=rows, cols=cols))
        k = "×".join(str(n) for n in site.spec.kernel)
        if zoom.mode == "max":
            self.explanation.setText(translate(
                "PoolZoomPanel", "Each coloured {k} window keeps only its largest value (framed), and the map becomes "
                "{s}× smaller in each direction. A feature that moves but stays inside its window gives the same "
                "pooled value; a move into the next window changes it.").format(k=k, s=site.spec.stride[0]))
        else:
            self.explanation.setText(translate(
                "PoolZoomPanel", "Each coloured {k} window is replaced by the mean of its values, and the map becomes "
                "{s}× smaller in each direction; any change inside a window changes its mean.").format(
                k=k, s=site.spec.stride[0]))
