"""Which pixels mattered for a class: gradients, SmoothGrad, HiResCAM, Grad-CAM and occlusion, in plain autograd.

Every method runs as one batch so a map follows the drawing live; every map is 28×28, scaled to [0, 1].
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from cnnviz.data.transforms import MNIST_STD, to_model_input, to_unit
from cnnviz.introspect.stages import describe_stage
from cnnviz.models.staged import StagedNet, eval_mode


@dataclass(frozen=True)
class SaliencyMap:
    method: str
    target: int  # the class explained
    probability: float  # the model's probability for ``target`` on the unmodified image
    values: np.ndarray  # (28, 28) float32 in [0, 1]; 1 = mattered most


@dataclass(frozen=True)
class SaliencyMethod:
    key: str
    title: str
    caption: str
    compute: Callable[[StagedNet, np.ndarray, int], np.ndarray]


def _scaled(values: np.ndarray) -> np.ndarray:
    values = np.maximum(np.asarray(values, dtype=np.float32), 0.0)
    peak = float(values.max())
    return values / peak if peak > 0 else values


def model_batch(model: StagedNet, images: np.ndarray) -> torch.Tensor:
    """Images (N, 28, 28) in [0, 1] as the normalised batch, on the model's device."""
    return to_model_input(images).to(next(model.parameters()).device)


def _input_gradients(model: StagedNet, images: np.ndarray, target: int) -> np.ndarray:
    """d(score of ``target``)/d(input) for a batch (N, 28, 28); ``autograd.grad`` leaves parameter grads alone."""
    with torch.enable_grad():
        x = model_batch(model, images).requires_grad_(True)
        scores = model(x)[:, target].sum()
        (grad,) = torch.autograd.grad(scores, x)
    return grad[:, 0].cpu().numpy()


def vanilla_gradient(model: StagedNet, image: np.ndarray, target: int) -> np.ndarray:
    """|∂score/∂pixel|: how much the class score would change if that pixel changed a little."""
    return _scaled(np.abs(_input_gradients(model, image[None], target)[0]))


def smoothgrad_batch(model: StagedNet, image: np.ndarray, samples: int = 24, noise: float = 0.15,
                     seed: int = 0) -> torch.Tensor:
    """The noisy copies SmoothGrad averages over: the normalised image plus Gaussian noise, unclipped.

    ``noise`` is σ in pixel units ([0, 1] range, as in Smilkov et al. 2017: σ / (x_max − x_min)); it is added
    after normalisation, so it stays zero-mean everywhere. Adding it to the [0, 1] pixels instead let the
    input conversion clip it: on the black background only the positive half survived (mean 0.06 instead
    of 0), which brightened the whole digit's surroundings.
    """
    rng = np.random.default_rng(seed)
    clean = model_batch(model, image[None])  # (1, 1, 28, 28), normalised
    eps = rng.normal(0.0, noise / MNIST_STD, size=(samples, 1, *image.shape)).astype(np.float32)
    return clean + torch.from_numpy(eps).to(clean.device)  # (samples, 1, 28, 28)


def smoothgrad(model: StagedNet, image: np.ndarray, target: int, samples: int = 24, noise: float = 0.15,
               seed: int = 0) -> np.ndarray:
    """Average the gradient over noisy copies: the speckle of a single gradient cancels out."""
    with torch.enable_grad():
        x = smoothgrad_batch(model, image, samples, noise, seed).requires_grad_(True)
        (grad,) = torch.autograd.grad(model(x)[:, target].sum(), x)
    return _scaled(grad[:, 0].abs().mean(dim=0).cpu().numpy())


def last_conv_stage(model: StagedNet) -> str | None:
    """The last stage that still has spatial maps and computes features (conv or residual): Grad-CAM's layer."""
    x = model_batch(model, np.zeros((1, 28, 28), dtype=np.float32))
    found = None
    children = list(model.named_children())
    with torch.inference_mode():
        for i, (name, module) in enumerate(children):
            in_shape = tuple(x.shape[1:])
            x = module(x)
            kind = describe_stage(name, module, in_shape, tuple(x.shape[1:]), i == len(children) - 1).kind
            if x.ndim == 4 and x.shape[-1] > 1 and kind in ("conv", "residual"):
                found = name
    return found


def _class_activation_map(model: StagedNet, image: np.ndarray, target: int, stage: str | None,
                          per_position: bool) -> np.ndarray:
    """ReLU(Σ_channels weight · map) of ``stage`` (default: the last conv stage), upsampled to 28×28."""
    stage = stage or last_conv_stage(model)
    if stage is None:
        raise ValueError(f"{model.arch} has no convolutional stage: Grad-CAM needs feature maps")
    with torch.enable_grad():
        x = model_batch(model, image[None])
        maps: torch.Tensor | None = None
        for name, module in model.named_children():
            x = module(x)
            if name == stage:
                maps = x  # (1, C, h, w)
        assert maps is not None
        (grad,) = torch.autograd.grad(x[:, target].sum(), maps)
    weights = grad if per_position else grad.mean(dim=(2, 3), keepdim=True)
    cam = torch.relu((weights * maps.detach()).sum(dim=1, keepdim=True))  # (1, 1, h, w)
    cam = F.interpolate(cam, size=image.shape, mode="bilinear", align_corners=False)  # (1, 1, 28, 28)
    return _scaled(cam[0, 0].cpu().numpy())


def hirescam(model: StagedNet, image: np.ndarray, target: int, stage: str | None = None) -> np.ndarray:
    """HiResCAM (Draelos & Carin 2020, "Use HiResCAM instead of Grad-CAM for faithful explanations of
    convolutional neural networks", arXiv:2011.08891): the last conv stage's maps times the class score's
    gradient *at each position*, summed over channels. When the head after that stage is linear the map
    adds up to what each place contributed to the score.
    """
    return _class_activation_map(model, image, target, stage, per_position=True)


def grad_cam(model: StagedNet, image: np.ndarray, target: int, stage: str | None = None) -> np.ndarray:
    """Classic Grad-CAM (Selvaraju et al. 2017): one weight per map, its gradient averaged over the map.

    On MNIST-sized networks it often lights up the empty background the class relies on, not the strokes.
    """
    return _class_activation_map(model, image, target, stage, per_position=False)


def occlusion(model: StagedNet, image: np.ndarray, target: int, patch: int = 6, stride: int = 2) -> np.ndarray:
    """Blank a patch at every position (one batch) and record how much the class's probability drops there."""
    h, w = image.shape
    positions = [(t, left) for t in range(0, h - patch + 1, stride) for left in range(0, w - patch + 1, stride)]
    batch = np.repeat(image[None], len(positions), axis=0)
    for i, (t, left) in enumerate(positions):
        batch[i, t : t + patch, left : left + patch] = 0.0
    with torch.inference_mode():
        base = torch.softmax(model(model_batch(model, image[None])), dim=1)[0, target].item()
        probs = torch.softmax(model(model_batch(model, batch)), dim=1)[:, target].cpu().numpy()
    drop = np.zeros((h, w), dtype=np.float32)
    count = np.zeros((h, w), dtype=np.float32)
    for (t, left), p in zip(positions, probs, strict=True):
        drop[t : t + patch, left : left + patch] += base - p
        count[t : t + patch, left : left + patch] += 1
    return _scaled(drop / np.maximum(count, 1))


METHODS: dict[str, SaliencyMethod] = {
    m.key: m
    for m in (
        SaliencyMethod("gradient", "Vanilla gradient",
                       "How sharply the class score reacts to each pixel: bright pixels would change the "
                       "answer most if they changed a little.", vanilla_gradient),
        SaliencyMethod("smoothgrad", "SmoothGrad",
                       "The gradient averaged over noisy copies of the digit, which cancels the speckle and "
                       "leaves the strokes the class depends on.", smoothgrad),
        SaliencyMethod("hirescam", "HiResCAM",
                       "The last convolutional maps times how much each of their values raises the class "
                       "score, position by position (HiResCAM, Draelos & Carin 2020): a coarse map of where "
                       "the evidence for the class was found — sometimes in the blank paper around the digit, "
                       "when the absence of ink is what tells this class apart.", hirescam),
        SaliencyMethod("gradcam", "Grad-CAM",
                       "The original Grad-CAM recipe: one weight per map (its gradient averaged over the map). "
                       "On small MNIST networks it often lights the empty background that tells this class "
                       "apart.", grad_cam),
        SaliencyMethod("occlusion", "Occlusion",
                       "Cover a 6×6 patch at each position and see how much the class's probability drops: "
                       "no gradients, just experiments.", occlusion),
    )
}


def saliency(model: StagedNet, image: np.ndarray, method: str, target: int | None = None) -> SaliencyMap:
    """A 28×28 map of what mattered for ``target`` (the predicted class when ``None``), by ``method``."""
    if method not in METHODS:
        raise ValueError(f"unknown saliency method {method!r}; choose one of: {', '.join(METHODS)}")
    with eval_mode(model):
        unit = to_unit(np.asarray(image))
        with torch.inference_mode():
            probs = torch.softmax(model(model_batch(model, unit[None])), dim=1)[0].cpu().numpy()
        cls = int(probs.argmax()) if target is None else int(target)
        if not 0 <= cls < probs.shape[0]:
            raise ValueError(f"class {cls} is outside the model's {probs.shape[0]} classes")
        values = METHODS[method].compute(model, unit, cls)
    return SaliencyMap(method, cls, float(probs[cls]), values.astype(np.float32))
