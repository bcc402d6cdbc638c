"""Max-pool zoom: click a conv output map to pick a 4×4 patch; see its numbers and the 2×2 pooled result.

Each pooling window gets its own tint; in max pooling the winning value of each window is drawn
bold with a highlighted border, and the pooled cell repeats it; average pooling shows the mean.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QRectF, QSize, Qt
from PyQt6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PyQt6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget
from torch import nn

from cnnviz.introspect import Capture, PoolZoom, pool_params, pool_zoom
from ui.colormaps import ACTIVATION_MAP, colorize, value_range
from ui.map_view import PictureItem, image_view_box
from ui.theme import HIGHLIGHT

PATCH = 4
WINDOW_TINTS = ("#dbe9fb", "#fde2d4", "#dcf3df", "#efe0f7")  # one per pooling window, row-major


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


def pool_sites(capture: Capture, model: nn.Module) -> list[PoolSite]:
    """Every max/average pooling stage of ``model`` whose input maps are at least PATCH×PATCH."""
    modules = dict(model.named_children())
    sites = []
    for before, stage in zip(capture.stages, capture.stages[1:], strict=False):
        module = modules.get(stage.name)
        if stage.kind != "pool" or module is None or before.output.ndim != 3:
            continue
        kernel, _stride, mode = pool_params(module)
        if min(before.output.shape[1:]) >= PATCH and PATCH % kernel == 0:
            sites.append(PoolSite(stage.name, before.name, kernel, mode, before.output))
    return sites


class NumberGrid(QWidget):
    """A small table of numbers, each cell tinted by its pooling window; winners drawn bold and framed."""

    def __init__(self, cell: int = 46, parent: QWidget | None = None):
        super().__init__(parent)
        self.cell = cell
        self.values = np.zeros((0, 0))
        self.tints: np.ndarray = np.zeros((0, 0), dtype=int)
        self.highlighted: set[tuple[int, int]] = set()

    def set_values(self, values: np.ndarray, tints: np.ndarray, highlighted: set[tuple[int, int]]) -> None:
        self.values = np.asarray(values, dtype=np.float64)
        self.tints = tints
        self.highlighted = highlighted
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        rows, cols = self.values.shape if self.values.size else (PATCH, PATCH)
        return QSize(cols * self.cell + 2, rows * self.cell + 2)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent | None) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSize(10)
        rows, cols = self.values.shape if self.values.size else (0, 0)
        for r in range(rows):
            for c in range(cols):
                rect = QRectF(1 + c * self.cell, 1 + r * self.cell, self.cell, self.cell)
                painter.fillRect(rect, QColor(WINDOW_TINTS[int(self.tints[r, c]) % len(WINDOW_TINTS)]))
                won = (r, c) in self.highlighted
                painter.setPen(QPen(QColor(HIGHLIGHT if won else "#8a8a8a"), 3 if won else 1))
                painter.drawRect(rect.adjusted(1.5, 1.5, -1.5, -1.5) if won else rect)
                font.setBold(won)
                painter.setFont(font)
                painter.setPen(QColor("#111111"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{self.values[r, c]:.2f}")
        painter.end()


class PoolZoomPanel(QWidget):
    def __init__(self, background: str = "#ffffff", parent: QWidget | None = None):
        super().__init__(parent)
        self.sites: list[PoolSite] = []
        self.zoom: PoolZoom | None = None
        self._fitted_shape: tuple[int, ...] = ()
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
        self.channel_spin.setToolTip("Which feature map of the conv output")
        pick.addWidget(self.layer_combo, 1)
        pick.addWidget(self.channel_spin)
        body_layout.addLayout(pick)

        body = QHBoxLayout()
        self.map_view = pg.GraphicsLayoutWidget()
        self.map_view.setBackground(background)
        self.map_view.setFixedSize(130, 130)
        self.map_box = image_view_box()
        self.map_view.addItem(self.map_box)
        self.map_item = PictureItem()
        self.map_item.on_click = self.pick
        self.map_box.addItem(self.map_item)
        self.patch_outline = pg.QtWidgets.QGraphicsRectItem(0, 0, PATCH, PATCH)
        self.patch_outline.setPen(pg.mkPen(HIGHLIGHT, width=3, cosmetic=True))
        self.map_box.addItem(self.patch_outline)
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
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        layout.addStretch(1)

        self.layer_combo.currentIndexChanged.connect(lambda _i: self._refresh())
        self.channel_spin.valueChanged.connect(lambda _v: self._refresh())
        self.set_capture(None, None)

    # -- public API ----------------------------------------------------------------------------
    @property
    def site(self) -> PoolSite | None:
        i = self.layer_combo.currentIndex()
        return self.sites[i] if 0 <= i < len(self.sites) else None

    def set_capture(self, capture: Capture | None, model: nn.Module | None) -> None:
        self._has_capture = capture is not None and model is not None
        sites = pool_sites(capture, model) if capture is not None and model is not None else []
        labels = [s.label for s in sites]
        self.sites = sites
        if labels != [self.layer_combo.itemText(i) for i in range(self.layer_combo.count())]:
            self.layer_combo.blockSignals(True)
            self.layer_combo.clear()
            self.layer_combo.addItems(labels)
            self.layer_combo.blockSignals(False)
        self._refresh()

    def select_pool_stage(self, name: str, channel: int | None = None) -> bool:
        """Look inside the pooling stage ``name`` or the one that reads stage ``name`` (when the
        step-through reaches either), optionally at feature map ``channel``."""
        for i, site in enumerate(self.sites):
            if name in (site.pool_stage, site.source_stage):
                self.layer_combo.setCurrentIndex(i)
                if channel is not None:
                    self.channel_spin.setValue(channel)
                return True
        return False

    def pick(self, row: int, col: int) -> None:
        """Centre the 4×4 patch on map pixel (row, col) as far as the pooling grid allows."""
        self._picked = (row - PATCH // 2 + 1, col - PATCH // 2 + 1)
        self._refresh()

    # -- internals -----------------------------------------------------------------------------
    def _refresh(self) -> None:
        site = self.site
        self.body.setVisible(site is not None)
        if site is None:
            self.zoom = None
            self.map_item.clear()
            self.patch_outline.hide()
            self.patch_grid.set_values(np.zeros((0, 0)), np.zeros((0, 0), dtype=int), set())
            self.pooled_grid.set_values(np.zeros((0, 0)), np.zeros((0, 0), dtype=int), set())
            if self._has_capture:
                self.explanation.setText("This model has no max or average pooling layer to look inside "
                                         "(it shrinks its maps another way, e.g. strided convolutions).")
            else:
                self.explanation.setText("Draw a digit to look inside a pooling layer.")
            return
        self.channel_spin.setMaximum(site.maps.shape[0] - 1)
        fmap = site.maps[min(self.channel_spin.value(), site.maps.shape[0] - 1)]
        if self._picked is None:  # until the user picks, show the patch around the strongest response
            peak = np.unravel_index(int(np.argmax(fmap)), fmap.shape)
            top, left = int(peak[0]) - PATCH // 2 + 1, int(peak[1]) - PATCH // 2 + 1
        else:
            top, left = self._picked
        zoom = pool_zoom(fmap, top, left, PATCH, site.kernel, site.mode)
        self.zoom = zoom
        self.map_item.show_rgb(colorize(fmap, ACTIVATION_MAP, value_range(fmap), "#000000"))
        if fmap.shape != self._fitted_shape:
            self.map_box.autoRange(padding=0.02, items=[self.map_item])
            self._fitted_shape = fmap.shape
        self.patch_outline.setRect(zoom.left, zoom.top, PATCH, PATCH)
        self.patch_outline.show()

        out = PATCH // site.kernel
        cell_window = np.repeat(np.repeat(np.arange(out * out).reshape(out, out), site.kernel, 0), site.kernel, 1)
        winners = {
            ((w.top - zoom.top) + w.winner[0], (w.left - zoom.left) + w.winner[1])
            for w in zoom.windows if w.winner is not None
        }
        self.patch_grid.set_values(zoom.patch, cell_window, winners)
        self.pooled_grid.set_values(zoom.pooled, np.arange(out * out).reshape(out, out), set())
        self.patch_caption.setText(f"{PATCH}×{PATCH} patch at ({zoom.top}, {zoom.left})")
        self.pooled_caption.setText(f"{site.mode} → {out}×{out}")
        if site.mode == "max":
            self.explanation.setText(
                f"Each coloured {site.kernel}×{site.kernel} window keeps only its largest value (framed): "
                "the strongest evidence survives, and the map halves in each direction.")
        else:
            self.explanation.setText(
                f"Each coloured {site.kernel}×{site.kernel} window is replaced by the mean of its values.")
