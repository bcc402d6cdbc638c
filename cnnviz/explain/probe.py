"""Invariance probe: move or turn the digit and watch the prediction — pooling's tolerance and its limits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from cnnviz.data.transforms import to_unit
from cnnviz.explain.saliency import model_batch
from cnnviz.models.staged import StagedNet, eval_mode

AXES = {"x": "Shift right (pixels)", "y": "Shift down (pixels)", "angle": "Rotation anticlockwise (degrees)"}
# Points per probe curve: shifts of whole pixels over ±4, angles every 5° over ±30°.
PROBE_POINTS = {"x": 9, "y": 9, "angle": 13}
SHIFT_STRIP = (-4.0, -2.0, 0.0, 2.0, 4.0)  # shifts shown side by side for weight sharing (whole map cells)


@dataclass(frozen=True)
class ProbeCurve:
    axis: str  # "x", "y" or "angle"
    values: np.ndarray  # (n,) the shift in pixels or the angle in degrees
    predictions: np.ndarray  # (n,) predicted class of each moved digit
    confidences: np.ndarray  # (n,) probability of that predicted class
    reference_class: int  # the prediction for the unmoved digit
    reference_probabilities: np.ndarray  # (n,) probability of ``reference_class`` for each moved digit

    @property
    def kept(self) -> int:
        """How many of the moved digits still get the unmoved digit's class."""
        return int(np.sum(self.predictions == self.reference_class))


@dataclass(frozen=True)
class ShiftedMaps:
    """The first stage's map for shifted copies of a digit: weight sharing makes it the same pattern, moved."""

    stage: str
    shifts: np.ndarray  # (n,) horizontal shifts in pixels
    images: np.ndarray  # (n, 28, 28) shifted digits
    maps: np.ndarray  # (n, C, H, W)

    def mismatch(self, margin: int = 3) -> np.ndarray:
        """Per shift: the largest |map of the shifted digit − the unshifted map, shifted|, away from the borders.

        Zero (to rounding) for whole-pixel shifts is weight sharing made visible: same filter, same answer,
        moved. NaN where the shift is not a whole number of map cells or there is no unshifted copy.
        """
        zero = np.flatnonzero(self.shifts == 0)
        out = np.full(len(self.shifts), np.nan)
        if zero.size == 0:
            return out
        base = self.maps[zero[0]]
        scale = self.maps.shape[-1] / self.images.shape[-1]
        for i, shift in enumerate(self.shifts * scale):
            s = round(float(shift))
            if abs(shift - s) > 1e-9 or 2 * (abs(s) + margin) >= base.shape[-1]:
                continue
            lo, hi = abs(s) + margin, base.shape[-1] - abs(s) - margin
            moved = self.maps[i][:, margin:-margin, lo:hi]
            original = base[:, margin:-margin, lo - s : hi - s]
            out[i] = float(np.abs(moved - original).max())
        return out

    def worst_mismatch(self, margin: int = 3) -> float | None:
        """The largest ``mismatch`` over all shifts; ``None`` when no shift could be compared."""
        mismatch = self.mismatch(margin)
        return None if bool(np.all(np.isnan(mismatch))) else float(np.nanmax(mismatch))


def transform_digits(image: np.ndarray, dx: np.ndarray | float = 0.0, dy: np.ndarray | float = 0.0,
                     angle: np.ndarray | float = 0.0) -> np.ndarray:
    """Copies of a 28×28 [0, 1] digit shifted by (dx, dy) pixels and turned ``angle`` degrees about the centre.

    Arguments broadcast to one batch; uncovered pixels are background (0). Whole-pixel shifts are exact.
    """
    dx_a, dy_a, ang = np.broadcast_arrays(np.atleast_1d(dx), np.atleast_1d(dy), np.atleast_1d(angle))
    h, w = image.shape
    theta_rad = np.deg2rad(ang.astype(np.float64))
    cos, sin = np.cos(theta_rad), np.sin(theta_rad)
    # affine_grid maps each output position to where it samples the input (normalised coordinates, y down).
    theta = np.zeros((len(cos), 2, 3))
    theta[:, 0, 0], theta[:, 0, 1] = cos, -sin
    theta[:, 1, 0], theta[:, 1, 1] = sin, cos
    shift = np.stack([-dx_a * 2.0 / w, -dy_a * 2.0 / h], axis=1)
    theta[:, :, 2] = np.einsum("nij,nj->ni", theta[:, :, :2], shift)
    src = torch.from_numpy(np.repeat(to_unit(np.asarray(image))[None, None], len(cos), axis=0))
    grid = F.affine_grid(torch.from_numpy(theta).float(), list(src.shape), align_corners=False)
    out = F.grid_sample(src, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    return out[:, 0].numpy().clip(0.0, 1.0)


def _probabilities(model: StagedNet, images: np.ndarray) -> np.ndarray:
    with eval_mode(model), torch.inference_mode():
        return torch.softmax(model(model_batch(model, images)), dim=1).cpu().numpy()


def probe_curve(model: StagedNet, image: np.ndarray, axis: str, values: np.ndarray) -> ProbeCurve:
    """Classify the digit moved along ``axis`` ("x", "y" or "angle") by each of ``values``, as one batch."""
    if axis not in AXES:
        raise ValueError(f"unknown probe axis {axis!r}; choose one of: {', '.join(AXES)}")
    values = np.asarray(values, dtype=np.float64)
    moved = transform_digits(image, **{"dx" if axis == "x" else "dy" if axis == "y" else "angle": values})
    probs = _probabilities(model, np.concatenate([to_unit(np.asarray(image))[None], moved]))
    reference = int(probs[0].argmax())
    probs = probs[1:]
    predictions = probs.argmax(axis=1)
    return ProbeCurve(axis, values, predictions, probs[np.arange(len(values)), predictions], reference,
                      probs[:, reference])


def probe_values(axis: str, points: int = 9, max_shift: float = 4.0, max_angle: float = 30.0) -> np.ndarray:
    """``points`` evenly spaced shifts in [−max_shift, max_shift] pixels or angles in [−max_angle, max_angle]°."""
    if points < 2:
        raise ValueError("a probe needs at least 2 points")
    limit = max_angle if axis == "angle" else max_shift
    return np.linspace(-limit, limit, points)


def invariance_probe(model: StagedNet, image: np.ndarray, points: int = 9, max_shift: float = 4.0,
                     max_angle: float = 30.0) -> dict[str, ProbeCurve]:
    """All three probe curves (x shift, y shift, rotation) for one model, keyed by axis."""
    return {axis: probe_curve(model, image, axis, probe_values(axis, points, max_shift, max_angle)) for axis in AXES}


def shifted_first_maps(model: StagedNet, image: np.ndarray, shifts: np.ndarray) -> ShiftedMaps:
    """The first stage's output for the digit shifted horizontally by each of ``shifts`` pixels."""
    name, first = next(iter(model.named_children()))
    images = transform_digits(image, dx=np.asarray(shifts, dtype=np.float64))
    with eval_mode(model), torch.inference_mode():
        maps = first(model_batch(model, images)).cpu().numpy()
    if maps.ndim != 4:
        raise ValueError(f"{model.arch}'s first stage has no feature maps")
    return ShiftedMaps(name, np.asarray(shifts, dtype=np.float64), images, maps)


@dataclass(frozen=True)
class InvarianceComparison:
    """Probe curves of several models for one digit, and the first model's shifted first-stage maps."""

    curves: dict[str, dict[str, ProbeCurve]]  # model key → axis → curve, in the order given
    shifted: ShiftedMaps | None  # None when the first model's first stage has no maps (a fully connected model)


def compare_invariance(models: Mapping[str, StagedNet], image: np.ndarray,
                       axis: str | Sequence[str] | None = None) -> InvarianceComparison:
    """Move or turn ``image`` along ``axis`` (one of AXES, several, or all when ``None``) and classify each
    copy with every model, at PROBE_POINTS resolution; plus the weight-sharing strip (SHIFT_STRIP) of the
    first model."""
    axes = list(AXES) if axis is None else [axis] if isinstance(axis, str) else list(axis)
    for name in axes:
        if name not in AXES:
            raise ValueError(f"unknown probe axis {name!r}; choose one of: {', '.join(AXES)}")
    curves = {key: {name: probe_curve(net, image, name, probe_values(name, PROBE_POINTS[name])) for name in axes}
              for key, net in models.items()}
    shifted = None
    if models:
        try:
            shifted = shifted_first_maps(next(iter(models.values())), image, np.array(SHIFT_STRIP))
        except ValueError:  # a fully connected model: no maps to move
            shifted = None
    return InvarianceComparison(curves, shifted)
