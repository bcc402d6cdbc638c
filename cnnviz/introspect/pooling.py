"""Pooling bookkeeping: which input window fed an output cell, which value won, and where pooling happens.

Every MaxPool2d / AvgPool2d configuration is followed exactly as PyTorch computes it: non-square kernels,
strides other than the kernel, padding (ignored by max, counted or not by average), dilation and ceil_mode.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from torch import nn

from cnnviz.data.transforms import InputSpec
from cnnviz.introspect.capture import Capture
from cnnviz.introspect.geometry import Geometry, layer_geometry
from cnnviz.introspect.receptive_field import stage_shapes
from cnnviz.models.staged import StagedNet
from cnnviz.wording import Wording, worded


@dataclass(frozen=True)
class PoolSpec:
    """Everything that decides a pooling layer's output."""

    geometry: Geometry
    mode: str  # "max" or "avg"
    ceil_mode: bool = False
    count_include_pad: bool = True  # average pooling: padding zeros count in the divisor
    divisor_override: int | None = None

    @property
    def kernel(self) -> tuple[int, int]:
        return self.geometry.kernel

    @property
    def stride(self) -> tuple[int, int]:
        return self.geometry.stride

    def output_size(self, height: int, width: int) -> tuple[int, int]:
        return self.geometry.output_size(height, width, self.ceil_mode)


def square_spec(kernel: int = 2, stride: int | None = None, mode: str = "max") -> PoolSpec:
    """A plain k×k pooling without padding (stride defaults to the kernel)."""
    s = stride or kernel
    return PoolSpec(Geometry((kernel, kernel), (s, s), (1, 1), (0, 0, 0, 0)), mode)


def pool_spec(module: nn.Module) -> PoolSpec:
    """The full pooling configuration of a MaxPool2d or AvgPool2d; ``TypeError`` for anything else."""
    geometry = layer_geometry(module)
    if not isinstance(module, nn.MaxPool2d | nn.AvgPool2d) or geometry is None:
        raise TypeError(f"{type(module).__name__} is not a pooling layer")
    if isinstance(module, nn.MaxPool2d):
        return PoolSpec(geometry, "max", bool(module.ceil_mode))
    return PoolSpec(geometry, "avg", bool(module.ceil_mode), bool(module.count_include_pad), module.divisor_override)


def pool_params(module: nn.Module) -> tuple[int, int, str]:
    """(kernel, stride, mode) of a square pooling module. Kept for callers not yet moved to ``pool_spec``,
    which also knows non-square kernels, padding, dilation and ceil_mode."""
    spec = pool_spec(module)
    return spec.kernel[0], spec.stride[0], spec.mode


@dataclass(frozen=True)
class PoolWindow:
    top: int  # position of the window's first tap in the input map; negative where it covers padding
    left: int
    values: np.ndarray  # (kh, kw) input values at the taps, NaN where a tap falls on padding or off the map
    winner: tuple[int, int] | None  # (i, j) tap inside the window for max pooling, None for average
    result: float
    dilation: tuple[int, int] = (1, 1)  # taps are this many input cells apart

    def cell(self, i: int, j: int) -> tuple[int, int]:
        """Input-map position of tap (i, j)."""
        return self.top + i * self.dilation[0], self.left + j * self.dilation[1]

    @property
    def winner_cell(self) -> tuple[int, int] | None:
        """Input-map position of the winning value (max pooling), else ``None``."""
        return None if self.winner is None else self.cell(*self.winner)


def pool_window(feature_map: np.ndarray, row: int, col: int, kernel: int = 2, stride: int | None = None,
                mode: str = "max", *, spec: PoolSpec | None = None) -> PoolWindow:
    """The window of ``feature_map`` (H, W) pooled into output cell (row, col), and its result.

    ``spec`` (from ``pool_spec``) describes any pooling layer; without it, a plain ``kernel``×``kernel``
    pooling with ``stride`` (default: the kernel) and ``mode`` is assumed.
    """
    spec = spec or square_spec(kernel, stride, mode)
    fmap = np.asarray(feature_map, dtype=np.float64)
    h, w = fmap.shape
    out_h, out_w = spec.output_size(h, w)
    if not (0 <= row < out_h and 0 <= col < out_w):
        raise IndexError(f"output cell ({row}, {col}) is outside the pooled {out_h}×{out_w} map")
    geo = spec.geometry
    rows, cols = geo.taps(row, col)
    inside = (rows[:, None] >= 0) & (rows[:, None] < h) & (cols[None, :] >= 0) & (cols[None, :] < w)  # (kh, kw)
    values = np.where(inside, fmap[rows.clip(0, h - 1)[:, None], cols.clip(0, w - 1)[None, :]], np.nan)
    top, left = geo.origin(row, col)
    if spec.mode == "max":
        r, c = np.unravel_index(int(np.nanargmax(values)), values.shape)  # first of equal values, as PyTorch
        return PoolWindow(top, left, values, (int(r), int(c)), float(values[r, c]), geo.dilation)
    if spec.mode == "avg":
        # PyTorch's divisor: the window clipped to the padded input (count_include_pad) or to the input itself
        pt, _pb, pl, _pr = geo.padding
        span_h = min(top + geo.kernel[0], h + pt) - top
        span_w = min(left + geo.kernel[1], w + pl) - left
        divisor = spec.divisor_override or (span_h * span_w if spec.count_include_pad else int(inside.sum()))
        return PoolWindow(top, left, values, None, float(np.nansum(values) / divisor), geo.dilation)
    raise ValueError(f"unknown pooling mode {spec.mode!r}")


@dataclass(frozen=True)
class PoolZoom:
    """A block of neighbouring output cells, the patch of the input map their windows read, and the windows."""

    top: int  # patch origin in the input map (negative where the patch covers padding)
    left: int
    patch: np.ndarray  # (ph, pw) slice of the feature map, NaN on padding
    pooled: np.ndarray  # (n_rows, n_cols) the output cells
    windows: list[PoolWindow]  # row-major, one per pooled cell
    mode: str
    first_cell: tuple[int, int] = (0, 0)  # output (row, col) of pooled[0, 0]

    @property
    def window_index(self) -> np.ndarray:
        """(ph, pw) ints: which window (index into ``windows``) each patch cell belongs to, −1 for none.

        Where windows overlap (stride < kernel) a cell belongs to the first window that reads it.
        """
        height, width = self.patch.shape
        index = np.full((height, width), -1, dtype=np.int64)
        for k in reversed(range(len(self.windows))):
            win = self.windows[k]
            for i in range(win.values.shape[0]):
                for j in range(win.values.shape[1]):
                    r, c = win.cell(i, j)
                    if 0 <= r - self.top < height and 0 <= c - self.left < width:
                        index[r - self.top, c - self.left] = k
        return index

    @property
    def winner_cells(self) -> set[tuple[int, int]]:
        """Patch positions (row, col) of the values max pooling kept; empty for average pooling."""
        return {(cell[0] - self.top, cell[1] - self.left) for w in self.windows
                if (cell := w.winner_cell) is not None}


def pool_zoom(feature_map: np.ndarray, top: int, left: int, size: int = 4, kernel: int = 2, mode: str = "max",
              *, spec: PoolSpec | None = None) -> PoolZoom:
    """The output cells whose windows fit a ``size``×``size`` patch near (top, left), and the patch they read.

    The block starts at the output cell whose window begins at or before (top, left) and is kept inside
    the output map, so the patch always starts on a window: what is drawn is what was pooled. When one
    window is larger than ``size`` the block is one cell and the patch is that window.
    """
    spec = spec or square_spec(kernel, None, mode)
    fmap = np.asarray(feature_map, dtype=np.float64)
    h, w = fmap.shape
    geo = spec.geometry
    out_h, out_w = spec.output_size(h, w)
    if out_h == 0 or out_w == 0:
        raise ValueError(f"a {h}×{w} map is too small for this pooling")
    counts, starts = [], []
    for pos, pad, span, stride, out in ((top, geo.padding[0], geo.span[0], geo.stride[0], out_h),
                                        (left, geo.padding[2], geo.span[1], geo.stride[1], out_w)):
        n = min(out, max(1, (size - span) // stride + 1))
        counts.append(n)
        starts.append(min(max((pos + pad) // stride, 0), out - n))
    windows = [pool_window(fmap, starts[0] + r, starts[1] + c, spec=spec)
               for r in range(counts[0]) for c in range(counts[1])]
    pooled = np.array([win.result for win in windows], dtype=np.float64).reshape(counts[0], counts[1])
    p_top, p_left = geo.origin(starts[0], starts[1])
    ext_h = (counts[0] - 1) * geo.stride[0] + geo.span[0]
    ext_w = (counts[1] - 1) * geo.stride[1] + geo.span[1]
    rows, cols = p_top + np.arange(ext_h), p_left + np.arange(ext_w)
    inside = (rows[:, None] >= 0) & (rows[:, None] < h) & (cols[None, :] >= 0) & (cols[None, :] < w)
    patch = np.where(inside, fmap[rows.clip(0, h - 1)[:, None], cols.clip(0, w - 1)[None, :]], np.nan)
    return PoolZoom(p_top, p_left, patch, pooled, windows, spec.mode, (starts[0], starts[1]))


@dataclass(frozen=True)
class PoolSite:
    """A pooling stage and the stage whose feature maps it reads."""

    pool_stage: str
    source_stage: str  # the stage before it ("input" for a model that starts by pooling)
    spec: PoolSpec
    in_shape: tuple[int, int, int]  # (C, H, W) of the maps it pools

    @property
    def label(self) -> Wording:
        kh, kw = self.spec.kernel
        if self.spec.mode == "max":
            return worded("{pool} (max {kh}×{kw}) of {source}", pool=self.pool_stage, kh=kh, kw=kw,
                          source=self.source_stage)
        return worded("{pool} (average {kh}×{kw}) of {source}", pool=self.pool_stage, kh=kh, kw=kw,
                      source=self.source_stage)

    def maps(self, capture: Capture) -> np.ndarray:
        """(C, H, W) the maps this stage pooled in ``capture``."""
        return capture.stage(self.source_stage).output


def pool_sites(model: StagedNet, spec: InputSpec | None = None) -> list[PoolSite]:
    """Every max/average pooling stage of ``model`` that pools 2-D maps, in order (``spec``: the model's
    input, when it is not MNIST's 1 × 28 × 28)."""
    shapes = stage_shapes(model, spec=spec)
    names = ["input", *model.stage_names()]
    sites = []
    for before, (name, module) in zip(names, model.named_children(), strict=False):
        in_shape = shapes[before]
        if isinstance(module, nn.MaxPool2d | nn.AvgPool2d) and len(in_shape) == 3:
            sites.append(PoolSite(name, before, pool_spec(module), (in_shape[0], in_shape[1], in_shape[2])))
    return sites
