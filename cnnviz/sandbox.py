"""The kernel sandbox's arithmetic: one k×k kernel convolved over one picture with a chosen stride,
padding and dilation, with everything a learner is shown along the way.

``convolve(image, kernel, setting)`` gives the padded input (the border of zeros kept, so it can be
drawn), the output map, and each window position (``Sandbox.window(i)``: which padded pixels the
kernel reads for output cell i, for the sliding-window animation). ``output_size_text`` writes the
output size with the setting's numbers plugged into ⌊(n + 2p − d·(k−1) − 1)/s⌋ + 1; ``receptive_field``
and ``parameter_count`` describe the setting. Presets: identity, box blur, Gaussian blur, sharpen, the
Sobel pair at any size, and a learned filter of a model (``learned_kernels``).

Like ``apply_filter`` this is plain NumPy: it runs on the GUI thread on every stroke, and a torch call
there would compete for the threads the inference job is using. Cross-correlation, as ``Conv2d`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import comb
from typing import TYPE_CHECKING

import numpy as np

from cnnviz.wording import worded, worded_error

if TYPE_CHECKING:  # torch loads only for a learned filter: the settings' ranges are read at start-up
    from cnnviz.models.staged import StagedNet

KERNEL_SIZES = tuple(range(1, 8))
STRIDES = (1, 2, 3)
PADDINGS: tuple[int | str, ...] = (0, 1, 2, 3, "same")
DILATIONS = (1, 2, 3)
SAME = "same"

PRESETS = ("identity", "box blur", "Gaussian blur", "sharpen", "Sobel x", "Sobel y")


class SandboxError(ValueError):
    """A setting or kernel the sandbox cannot use; the message says what to change."""


@dataclass(frozen=True)
class ConvSetting:
    """Kernel size k, stride s, padding p (rows/columns of zeros on every side, or "same") and dilation d."""

    kernel_size: int = 3
    stride: int = 1
    padding: int | str = 0
    dilation: int = 1

    def __post_init__(self) -> None:
        checks = ((worded("kernel size"), self.kernel_size, KERNEL_SIZES), (worded("stride"), self.stride, STRIDES),
                  (worded("padding"), self.padding, PADDINGS), (worded("dilation"), self.dilation, DILATIONS))
        for name, value, allowed in checks:
            if value not in allowed:
                raise worded_error(SandboxError, "A {name} of {value!r} is not offered; choose one of {allowed}.",
                                   name=name, value=value, allowed=", ".join(str(a) for a in allowed))

    @property
    def span(self) -> int:
        """Pixels one window covers along an axis: d·(k−1) + 1 (a dilated kernel has gaps between its taps)."""
        return self.dilation * (self.kernel_size - 1) + 1

    @property
    def pads(self) -> tuple[int, int]:
        """Zeros before and after the picture along each axis.

        "same" pads d·(k−1) in all, the odd one after (as ``F.conv2d(padding="same")``); with stride s it
        then gives ⌈n/s⌉ cells, as TensorFlow's "SAME" does.
        """
        if self.padding == SAME:
            total = self.span - 1
            return total // 2, total - total // 2
        assert isinstance(self.padding, int)
        return self.padding, self.padding


def output_length(n: int, setting: ConvSetting) -> int:
    """⌊(n + p_before + p_after − d·(k−1) − 1)/s⌋ + 1 output cells along an axis of n pixels (≤ 0: none)."""
    before, after = setting.pads
    return (n + before + after - setting.dilation * (setting.kernel_size - 1) - 1) // setting.stride + 1


def output_size_text(n: int, setting: ConvSetting) -> str:
    """The output size along an axis of n pixels, the setting's numbers plugged into the formula."""
    k, s, d = setting.kernel_size, setting.stride, setting.dilation
    before, after = setting.pads
    padded = n + before + after
    pad_text = f"2·{before}" if before == after else f"({before} + {after})"
    inner = padded - d * (k - 1) - 1
    return (f"⌊({n} + {pad_text} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = ⌊{inner} / {s}⌋ + 1 = "
            f"{inner // s + 1}")


def receptive_field(setting: ConvSetting) -> int:
    """Input pixels (along each axis) one output cell depends on: the window's span d·(k−1) + 1."""
    return setting.span


def parameter_count(setting: ConvSetting, in_channels: int = 1, out_channels: int = 1) -> int:
    """Learnable numbers of a conv layer with this kernel: k·k weights per input map per filter, one bias each."""
    return out_channels * (in_channels * setting.kernel_size**2 + 1)


@dataclass(frozen=True)
class Window:
    """Where the kernel sits for output cell (row, col): its taps' rows and columns in the padded input."""

    row: int
    col: int
    rows: tuple[int, ...]  # k padded-input rows, d apart
    cols: tuple[int, ...]
    value: float  # the output cell: Σ kernel · the input under the taps

    @property
    def box(self) -> tuple[int, int, int, int]:
        """(top, left, bottom, right) of the span, inclusive, in padded-input pixels."""
        return self.rows[0], self.cols[0], self.rows[-1], self.cols[-1]


@dataclass(frozen=True)
class Sandbox:
    """One convolution: the padded input (H + pads, W + pads), the kernel and the output map (OH, OW)."""

    setting: ConvSetting
    kernel: np.ndarray  # (k, k)
    padded: np.ndarray  # (H + p_before + p_after, W + p_before + p_after), the border all zeros
    output: np.ndarray  # (OH, OW)

    @property
    def positions(self) -> int:
        """Window positions, one per output cell (row by row)."""
        return int(self.output.size)

    @property
    def image_box(self) -> tuple[int, int, int, int]:
        """(top, left, bottom, right) of the original picture inside the padded input, inclusive."""
        before, after = self.setting.pads
        h, w = self.padded.shape
        return before, before, h - after - 1, w - after - 1

    def window(self, index: int) -> Window:
        """The window of output cell ``index`` (row-major), wrapped round so an animation can loop."""
        row, col = divmod(index % self.positions, self.output.shape[1])
        s, d, k = self.setting.stride, self.setting.dilation, self.setting.kernel_size
        rows = tuple(row * s + d * a for a in range(k))
        cols = tuple(col * s + d * b for b in range(k))
        return Window(row, col, rows, cols, float(self.output[row, col]))

    def products(self, index: int) -> np.ndarray:
        """(k, k) kernel weight × input value under each tap of window ``index``; they sum to the output cell."""
        w = self.window(index)
        return self.kernel * self.padded[np.ix_(w.rows, w.cols)]


def convolve(image: np.ndarray, kernel: np.ndarray, setting: ConvSetting) -> Sandbox:
    """Cross-correlate ``image`` (H, W) with ``kernel`` (k, k) under ``setting``.

    Raises ``SandboxError`` when the kernel does not match the setting's size or no window fits the
    padded picture (the output would be empty), saying what to change.
    """
    img = np.asarray(image, dtype=np.float32)
    if img.ndim == 3:  # a colour picture (an opened colour data set): one kernel over its grey levels
        img = img.mean(axis=-1)  # (H, W, 3) -> (H, W)
    k = setting.kernel_size
    kern = np.asarray(kernel, dtype=np.float32)
    if kern.shape != (k, k):
        raise worded_error(SandboxError, "The kernel is {shape} but the kernel size is {k}; give {k}×{k} numbers.",
                           shape="×".join(map(str, kern.shape)), k=k)
    if not np.all(np.isfinite(kern)):
        raise worded_error(SandboxError, "The kernel holds a value that is not a number; type ordinary numbers.")
    before, after = setting.pads
    if min(output_length(n, setting) for n in img.shape) < 1:
        raise worded_error(
            SandboxError, "No window fits: a {k}×{k} kernel with dilation {dilation} spans {span} pixels, more than "
            "the {height}×{width} padded picture; use a smaller kernel or dilation, or more padding.",
            k=k, dilation=setting.dilation, span=setting.span, height=img.shape[0] + before + after,
            width=img.shape[1] + before + after)
    padded = np.pad(img, ((before, after), (before, after)))  # (H + pads, W + pads)
    # Every dilated window, then every stride-th one: (OH, OW, k, k) views, no copy.
    windows = np.lib.stride_tricks.sliding_window_view(padded, (setting.span, setting.span))
    windows = windows[:: setting.stride, :: setting.stride, :: setting.dilation, :: setting.dilation]
    output = np.einsum("ijkl,kl->ij", windows, kern).astype(np.float32)  # (OH, OW)
    return Sandbox(setting, kern, padded, output)


# -- kernels ------------------------------------------------------------------------------------------
def _binomial(n: int) -> np.ndarray:
    """Row n−1 of Pascal's triangle (n numbers): the discrete Gaussian; empty for n = 0."""
    return np.array([comb(n - 1, i) for i in range(n)], dtype=np.float64)


def _derivative(n: int) -> np.ndarray:
    """A smoothed difference of n taps, right minus left: [−1, 0, 1] for 3, [−1, −2, 0, 2, 1] for 5."""
    smooth = np.concatenate([[0.0], _binomial(n - 1), [0.0]])
    return smooth[:-1] - smooth[1:]


def preset_kernel(name: str, size: int) -> np.ndarray:
    """The named preset as a (size, size) kernel.

    Blurs sum to 1 (brightness kept). Gaussian: binomial weights (the discrete Gaussian). Sharpen:
    2·identity − box blur (the picture plus its difference from a blur). Sobel x/y: a binomial smoothing
    across times a smoothed difference along (the 3×3 Sobel pair at size 3, as OpenCV extends it).
    """
    if size not in KERNEL_SIZES:
        raise worded_error(SandboxError, "A kernel size of {size} is not offered; choose 1 to {largest}.", size=size,
                           largest=KERNEL_SIZES[-1])
    identity = np.zeros((size, size))
    identity[(size - 1) // 2, (size - 1) // 2] = 1.0
    box = np.full((size, size), 1.0 / size**2)
    if name == "identity":
        kernel = identity
    elif name == "box blur":
        kernel = box
    elif name == "Gaussian blur":
        g = _binomial(size)
        kernel = np.outer(g, g) / g.sum() ** 2
    elif name == "sharpen":
        kernel = 2 * identity - box
    elif name in ("Sobel x", "Sobel y"):
        if size < 2:
            raise worded_error(
                SandboxError, "A Sobel filter compares two sides, so it needs a kernel size of at least 2.",
                )
        kernel = np.outer(_binomial(size), _derivative(size))
        kernel = kernel if name == "Sobel x" else kernel.T
    else:
        raise worded_error(SandboxError, "There is no preset called {name!r}; choose one of {presets}.", name=name,
                           presets=", ".join(PRESETS))
    return kernel.astype(np.float32)


def learned_kernels(model: StagedNet | None) -> list[tuple[str, np.ndarray]]:
    """(label, (k, k) kernel) for each filter of the model's first conv layer, summed over its input maps
    (a colour model's three kernels act as one on a grey picture); empty without a conv layer.
    Only square kernels that fit the sandbox are offered."""
    if model is None:
        return []
    from cnnviz.introspect import conv_filters

    layers = conv_filters(model)
    if not layers:
        return []
    first = layers[0]
    kernels = first.weights.sum(axis=1)  # (out, in, k, k) -> (out, k, k)
    if kernels.shape[1] != kernels.shape[2] or kernels.shape[1] not in KERNEL_SIZES:
        return []
    return [(f"learned: {first.stage} filter {i + 1}", kernels[i]) for i in range(len(kernels))]


def fit_kernel(kernel: np.ndarray, size: int) -> np.ndarray:
    """``kernel`` cropped or zero-padded about its centre to (size, size): a typed kernel survives a size change."""
    kern = np.asarray(kernel, dtype=np.float32)
    out = np.zeros((size, size), dtype=np.float32)
    n = min(size, kern.shape[0])
    src = (kern.shape[0] - n) // 2
    dst = (size - n) // 2
    out[dst : dst + n, dst : dst + n] = kern[src : src + n, src : src + n]
    return out


def parse_kernel(text: str, size: int) -> np.ndarray:
    """Numbers typed row by row (one row per line, or rows separated by ";" or "/") as a (size, size) kernel."""
    rows = [r for r in (line.replace(",", " ").split() for line in
                        text.replace(";", "\n").replace("/", "\n").splitlines()) if r]
    try:
        values = [[float(v) for v in row] for row in rows]
    except ValueError as exc:
        word = str(exc).split(":")[-1].strip()
        raise worded_error(SandboxError, "{word} is not a number; type the kernel as numbers, one row per line.",
                           word=word) from None
    if len(values) != size or any(len(row) != size for row in values):
        counts = ", ".join(str(len(row)) for row in values) or worded("none")
        raise worded_error(SandboxError, "A {size}×{size} kernel needs {size} rows of {size} numbers (got rows of "
                           "{counts}).", size=size, counts=counts)
    kernel = np.array(values, dtype=np.float32)
    if not np.all(np.isfinite(kernel)):
        raise worded_error(SandboxError, "The kernel holds a value that is not a finite number; type ordinary numbers.")
    return kernel


def kernel_text(kernel: np.ndarray) -> str:
    """The kernel as ``parse_kernel`` reads it: one row per line, short decimals."""
    return "\n".join("  ".join(f"{v:g}" if float(v).is_integer() else f"{v:.3f}" for v in row) for row in kernel)
