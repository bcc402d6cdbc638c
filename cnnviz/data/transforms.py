"""The single normalisation used everywhere: pixels to [0, 1], then MNIST's mean and std."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from cnnviz.wording import worded_error, wording_of

MNIST_MEAN = 0.1307
MNIST_STD = 0.3081


def to_unit(images: np.ndarray) -> np.ndarray:
    """uint8 pixels (or floats already in [0, 1]) as float32 in [0, 1]; what the app displays."""
    if images.dtype == np.uint8:
        return images.astype(np.float32) / 255.0
    return np.clip(images.astype(np.float32, copy=False), 0.0, 1.0)


def to_model_input(images: np.ndarray | torch.Tensor) -> torch.Tensor:
    """Images (N, H, W) or one (H, W), uint8 or [0, 1] floats, as the normalised (N, 1, H, W) batch."""
    if isinstance(images, torch.Tensor):
        tensor = images.float()
        if images.dtype == torch.uint8:
            tensor = tensor / 255.0
    else:
        tensor = torch.from_numpy(to_unit(np.asarray(images)))
    if tensor.ndim == 2:
        tensor = tensor.unsqueeze(0)
    if tensor.ndim == 3:
        tensor = tensor.unsqueeze(1)
    return (tensor - MNIST_MEAN) / MNIST_STD


# -- What a model takes as input: shared by cnnviz's own models, opened model files and opened data sets --------


@dataclass(frozen=True)
class InputSpec:
    """The tensor a model expects and how pixels become it.

    ``channels`` is 1 (grey) or 3 (colour, in ``channel_order``); ``size`` is (height, width). Pixels in
    [0, 1] are mapped linearly onto ``value_range`` and then normalised per channel with ``mean`` and ``std``
    (one value per channel). MNIST's own models: 1 × 28 × 28, [0, 1], mean 0.1307, std 0.3081.
    """

    channels: int = 1
    size: tuple[int, int] = (28, 28)
    mean: tuple[float, ...] = (MNIST_MEAN,)
    std: tuple[float, ...] = (MNIST_STD,)
    value_range: tuple[float, float] = (0.0, 1.0)
    channel_order: str = "RGB"  # for 3 channels: "RGB" or "BGR"

    def __post_init__(self) -> None:
        if self.channels not in (1, 3):
            raise worded_error(ValueError, "a model input has 1 or 3 channels, not {channels}", channels=self.channels)
        if len(self.mean) != self.channels or len(self.std) != self.channels:
            raise worded_error(
                ValueError, "mean and std need one value per channel ({channels})",
                channels=self.channels)
        if any(s <= 0 for s in self.std):
            raise worded_error(ValueError, "every std must be positive (got {std})", std=self.std)
        if self.channel_order not in ("RGB", "BGR"):
            raise worded_error(ValueError, "channel order must be RGB or BGR, not {order!r}", order=self.channel_order)
        if min(self.size) < 1:
            raise worded_error(ValueError, "input size must be positive (got {size})", size=self.size)

    def to_dict(self) -> dict[str, object]:
        return {"channels": self.channels, "size": list(self.size), "mean": list(self.mean),
                "std": list(self.std), "value_range": list(self.value_range), "channel_order": self.channel_order}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> InputSpec:
        """Inverse of ``to_dict``; a missing key takes MNIST's value, a wrong one raises ValueError."""
        try:
            channels = int(raw.get("channels", 1))
            default = MNIST_INPUT if channels == 1 else InputSpec(3, (28, 28), (0.5,) * 3, (0.5,) * 3)
            size, value_range = raw.get("size", default.size), raw.get("value_range", (0.0, 1.0))
            if len(size) != 2 or len(value_range) != 2:
                raise worded_error(ValueError, "size and value_range take two numbers each")
            return cls(
                channels=channels,
                size=(int(size[0]), int(size[1])),
                mean=tuple(float(v) for v in raw.get("mean", default.mean)),
                std=tuple(float(v) for v in raw.get("std", default.std)),
                value_range=(float(value_range[0]), float(value_range[1])),
                channel_order=str(raw.get("channel_order", "RGB")),
            )
        except (TypeError, ValueError, IndexError) as exc:
            raise worded_error(
                ValueError, "not a valid input description: {reason}",
                reason=wording_of(exc) or exc) from None


MNIST_INPUT = InputSpec()

# The presets offered when a model file does not say how its input was prepared.
INPUT_PRESETS: dict[str, tuple[tuple[float, float], tuple[float, ...], tuple[float, ...]]] = {
    # name: (value range, mean, std) — per channel values repeat for 3 channels where one is given
    "MNIST": ((0.0, 1.0), (MNIST_MEAN,), (MNIST_STD,)),
    "ImageNet": ((0.0, 1.0), (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)),
    "[0, 1]": ((0.0, 1.0), (0.0,), (1.0,)),
    "[-1, 1]": ((-1.0, 1.0), (0.0,), (1.0,)),
}


def preset_spec(name: str, channels: int, size: tuple[int, int]) -> InputSpec:
    """The ``INPUT_PRESETS`` entry ``name`` for a ``channels`` × ``size`` input."""
    value_range, mean, std = INPUT_PRESETS[name]

    def per_channel(values: tuple[float, ...]) -> tuple[float, ...]:
        if len(values) == channels:
            return values
        if len(values) == 1:
            return values * channels
        return (sum(values) / len(values),)  # ImageNet's three values for a grey model: their mean

    return InputSpec(channels, size, per_channel(mean), per_channel(std), value_range)


def to_spec_input(images: np.ndarray | torch.Tensor, spec: InputSpec) -> torch.Tensor:
    """Images in [0, 1] (or uint8) as the (N, C, H, W) batch ``spec`` describes.

    Accepts one image (H, W) or (H, W, 3), or a batch (N, H, W) or (N, H, W, 3). Grey images are
    replicated to 3 channels for a colour model, colour images averaged to grey for a grey model, and
    every image is resized (bilinear, antialiased) to ``spec.size``.
    """
    if isinstance(images, torch.Tensor):
        raw = images
    else:  # a read-only (memory-mapped) array is copied: torch does not take non-writable memory
        array = np.ascontiguousarray(images)
        raw = torch.from_numpy(array if array.flags.writeable else array.copy())
    tensor = raw.float() / 255.0 if raw.dtype == torch.uint8 else raw.float()
    colour = tensor.shape[-1] == 3 and tensor.ndim in (3, 4)
    # (..., H, W, 3) -> (..., 3, H, W); (..., H, W) -> (..., 1, H, W)
    tensor = tensor.movedim(-1, -3) if colour else tensor.unsqueeze(-3)
    if tensor.ndim == 3:
        tensor = tensor.unsqueeze(0)  # one image -> a batch of one: (1, C, H, W)
    tensor = tensor.clamp(0.0, 1.0)
    if tensor.shape[1] == 1 and spec.channels == 3:
        tensor = tensor.expand(-1, 3, -1, -1)
    elif tensor.shape[1] == 3 and spec.channels == 1:
        tensor = tensor.mean(dim=1, keepdim=True)
    if spec.channels == 3 and spec.channel_order == "BGR":
        tensor = tensor.flip(1)
    if tuple(tensor.shape[-2:]) != spec.size:
        tensor = torch.nn.functional.interpolate(tensor, size=spec.size, mode="bilinear",
                                                 antialias=True, align_corners=False)
    lo, hi = spec.value_range
    tensor = tensor * (hi - lo) + lo
    mean = torch.tensor(spec.mean).view(1, -1, 1, 1)
    std = torch.tensor(spec.std).view(1, -1, 1, 1)
    return (tensor - mean) / std
