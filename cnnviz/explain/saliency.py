"""Which pixels mattered for a class: gradients, SmoothGrad, HiResCAM, Grad-CAM and occlusion, in plain autograd.

Every method runs as one batch so a map follows the drawing live; every map has the model's input size
(28×28 for MNIST's models; the ``InputSpec``'s size for an opened model), scaled to [0, 1]. The methods take
the image as the model sees it before normalisation: (H, W) grey or (H, W, 3) colour in [0, 1].
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from cnnviz.data.transforms import MNIST_INPUT, InputSpec, to_spec_input
from cnnviz.introspect.capture import model_view
from cnnviz.introspect.stages import Shown, describe_stage
from cnnviz.models.staged import StagedNet, eval_mode
from cnnviz.wording import worded


@dataclass(frozen=True)
class SaliencyMap:
    method: str
    target: int  # the class explained
    probability: float  # the model's probability for ``target`` on the unmodified image
    values: np.ndarray  # (H, W) float32 in [0, 1] at the model's input size; 1 = mattered most
    image: np.ndarray | None = None  # what the map lies over: the input as the model saw it, (H, W) or (H, W, 3)


@dataclass(frozen=True)
class SaliencyMethod:
    key: str
    title: Shown  # a name ("Grad-CAM") or words ("Vanilla gradient"): the window shows it with worded()
    caption: Shown
    compute: Callable[[StagedNet, np.ndarray, int, InputSpec], np.ndarray]


def _scaled(values: np.ndarray) -> np.ndarray:
    values = np.maximum(np.asarray(values, dtype=np.float32), 0.0)
    peak = float(values.max())
    return values / peak if peak > 0 else values


def model_batch(model: StagedNet, images: np.ndarray, spec: InputSpec = MNIST_INPUT) -> torch.Tensor:
    """Images (N, H, W) or (N, H, W, 3) in [0, 1] as the normalised (N, C, H', W') batch ``spec`` describes,
    on the model's device."""
    return to_spec_input(images, spec).to(next(model.parameters()).device)


def _input_gradients(model: StagedNet, images: np.ndarray, target: int, spec: InputSpec) -> np.ndarray:
    """|d(score of ``target``)/d(input)| for a batch, largest over the colour channels: (N, H, W).
    ``autograd.grad`` leaves parameter grads alone."""
    with torch.enable_grad():
        x = model_batch(model, images, spec).requires_grad_(True)
        scores = model(x)[:, target].sum()
        (grad,) = torch.autograd.grad(scores, x)
    return grad.abs().amax(dim=1).cpu().numpy()


def vanilla_gradient(model: StagedNet, image: np.ndarray, target: int, spec: InputSpec = MNIST_INPUT) -> np.ndarray:
    """|∂score/∂pixel|: how much the class score would change if that pixel changed a little."""
    return _scaled(_input_gradients(model, image[None], target, spec)[0])


def smoothgrad_batch(model: StagedNet, image: np.ndarray, samples: int = 24, noise: float = 0.15,
                     seed: int = 0, spec: InputSpec = MNIST_INPUT) -> torch.Tensor:
    """The noisy copies SmoothGrad averages over: the normalised image plus Gaussian noise, unclipped.

    ``noise`` is σ in pixel units ([0, 1] range, as in Smilkov et al. 2017: σ / (x_max − x_min)); it is added
    after normalisation, so it stays zero-mean everywhere. Adding it to the [0, 1] pixels instead let the
    input conversion clip it: on the black background only the positive half survived (mean 0.06 instead
    of 0), which brightened the whole digit's surroundings.
    """
    rng = np.random.default_rng(seed)
    clean = model_batch(model, image[None], spec)  # (1, C, H, W), normalised
    # σ in pixel units becomes σ·(range width)/std after the value range and normalisation, per channel
    width = spec.value_range[1] - spec.value_range[0]
    sigma = (noise * width / np.asarray(spec.std, dtype=np.float32)).reshape(1, -1, 1, 1)
    eps = (rng.normal(0.0, 1.0, size=(samples, *clean.shape[1:])) * sigma).astype(np.float32)
    return clean + torch.from_numpy(eps).to(clean.device)  # (samples, C, H, W)


def smoothgrad(model: StagedNet, image: np.ndarray, target: int, spec: InputSpec = MNIST_INPUT, samples: int = 24,
               noise: float = 0.15, seed: int = 0) -> np.ndarray:
    """Average the gradient over noisy copies: the speckle of a single gradient cancels out."""
    with torch.enable_grad():
        x = smoothgrad_batch(model, image, samples, noise, seed, spec).requires_grad_(True)
        (grad,) = torch.autograd.grad(model(x)[:, target].sum(), x)
    return _scaled(grad.abs().amax(dim=1).mean(dim=0).cpu().numpy())


def last_conv_stage(model: StagedNet, spec: InputSpec = MNIST_INPUT) -> str | None:
    """The last stage that still has spatial maps and computes features (conv or residual): Grad-CAM's layer."""
    x = model_batch(model, np.zeros((1, *spec.size), dtype=np.float32), spec)
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
                          per_position: bool, spec: InputSpec = MNIST_INPUT) -> np.ndarray:
    """ReLU(Σ_channels weight · map) of ``stage`` (default: the last conv stage), upsampled to the image's size."""
    stage = stage or last_conv_stage(model, spec)
    if stage is None:
        raise ValueError(f"{model.arch} has no convolutional stage: Grad-CAM needs feature maps")
    with torch.enable_grad():
        x = model_batch(model, image[None], spec)
        maps: torch.Tensor | None = None
        for name, module in model.named_children():
            x = module(x)
            if name == stage:
                maps = x  # (1, C, h, w)
        assert maps is not None
        (grad,) = torch.autograd.grad(x[:, target].sum(), maps)
    weights = grad if per_position else grad.mean(dim=(2, 3), keepdim=True)
    cam = torch.relu((weights * maps.detach()).sum(dim=1, keepdim=True))  # (1, 1, h, w)
    cam = F.interpolate(cam, size=image.shape[:2], mode="bilinear", align_corners=False)  # (1, 1, H, W)
    return _scaled(cam[0, 0].cpu().numpy())


def hirescam(model: StagedNet, image: np.ndarray, target: int, spec: InputSpec = MNIST_INPUT,
             stage: str | None = None) -> np.ndarray:
    """HiResCAM (Draelos & Carin 2020, "Use HiResCAM instead of Grad-CAM for faithful explanations of
    convolutional neural networks", arXiv:2011.08891): the last conv stage's maps times the class score's
    gradient *at each position*, summed over channels. When the head after that stage is linear the map
    adds up to what each place contributed to the score.
    """
    return _class_activation_map(model, image, target, stage, per_position=True, spec=spec)


def grad_cam(model: StagedNet, image: np.ndarray, target: int, spec: InputSpec = MNIST_INPUT,
             stage: str | None = None) -> np.ndarray:
    """Classic Grad-CAM (Selvaraju et al. 2017): one weight per map, its gradient averaged over the map.

    On MNIST-sized networks it often lights up the empty background the class relies on, not the strokes.
    """
    return _class_activation_map(model, image, target, stage, per_position=False, spec=spec)


def occlusion(model: StagedNet, image: np.ndarray, target: int, spec: InputSpec = MNIST_INPUT,
              patch: int | None = None, stride: int | None = None) -> np.ndarray:
    """Blank a patch at every position (in batches) and record how much the class's probability drops there.

    The patch and stride scale with the input: 6 and 2 pixels on a 28×28 digit, 48 and 16 on a 224×224
    image (144 positions, not the 12,100 a 2-pixel stride would need there).
    """
    h, w = image.shape[:2]
    patch = patch or max(1, round(6 * h / 28))
    stride = stride or max(1, round(2 * h / 28))
    positions = [(t, left) for t in range(0, h - patch + 1, stride) for left in range(0, w - patch + 1, stride)]
    chunk = max(1, OCCLUSION_PIXELS // (h * w))  # ~32 images of 224×224 at a time: memory stays bounded
    probs = np.empty(len(positions), dtype=np.float32)
    with torch.inference_mode():
        base = torch.softmax(model(model_batch(model, image[None], spec)), dim=1)[0, target].item()
        for start in range(0, len(positions), chunk):
            part = positions[start : start + chunk]
            batch = np.repeat(image[None], len(part), axis=0)
            for i, (t, left) in enumerate(part):
                batch[i, t : t + patch, left : left + patch] = 0.0
            probs[start : start + len(part)] = torch.softmax(
                model(model_batch(model, batch, spec)), dim=1)[:, target].cpu().numpy()
    drop = np.zeros((h, w), dtype=np.float32)
    count = np.zeros((h, w), dtype=np.float32)
    for (t, left), p in zip(positions, probs, strict=True):
        drop[t : t + patch, left : left + patch] += base - p
        count[t : t + patch, left : left + patch] += 1
    return _scaled(drop / np.maximum(count, 1))


OCCLUSION_PIXELS = 32 * 224 * 224


METHODS: dict[str, SaliencyMethod] = {
    m.key: m
    for m in (
        SaliencyMethod("gradient", worded("Vanilla gradient"),
                       worded("How sharply the class score reacts to each pixel: bright pixels would change the "
                              "answer most if they changed a little."), vanilla_gradient),
        SaliencyMethod("smoothgrad", "SmoothGrad",
                       worded("The gradient averaged over noisy copies of the digit, which cancels the speckle and "
                              "leaves the strokes the class depends on."), smoothgrad),
        SaliencyMethod("hirescam", "HiResCAM",
                       worded("The last convolutional maps times how much each of their values raises the class "
                              "score, position by position (HiResCAM, Draelos & Carin 2020): a coarse map of "
                              "where the evidence for the class was found — sometimes in the blank paper around "
                              "the digit, when the absence of ink is what tells this class apart."), hirescam),
        SaliencyMethod("gradcam", "Grad-CAM",
                       worded("The original Grad-CAM recipe: one weight per map (its gradient averaged over the "
                              "map). On small MNIST networks it often lights the empty background that tells this "
                              "class apart."), grad_cam),
        SaliencyMethod("occlusion", worded("Occlusion"),
                       worded("Cover a 6×6 patch at each position and see how much the class's probability drops: "
                              "no gradients, just experiments."), occlusion),
    )
}


def saliency(model: StagedNet, image: np.ndarray, method: str, target: int | None = None,
             spec: InputSpec = MNIST_INPUT) -> SaliencyMap:
    """A map at the model's input size of what mattered for ``target`` (the predicted class when ``None``).

    ``image``: (H, W) grey or (H, W, 3) colour, uint8 or [0, 1], any size; it is first made what the model
    sees (``spec``'s size and channels, in [0, 1]), and the map lies over that (``SaliencyMap.image``).
    """
    if method not in METHODS:
        raise ValueError(f"unknown saliency method {method!r}; choose one of: {', '.join(METHODS)}")
    seen = model_view(np.asarray(image), spec)  # (C, H, W) in [0, 1]
    unit = seen[0] if spec.channels == 1 else np.moveaxis(seen, 0, -1)  # (H, W) or (H, W, 3)
    with eval_mode(model):
        with torch.inference_mode():
            probs = torch.softmax(model(model_batch(model, unit[None], spec)), dim=1)[0].cpu().numpy()
        cls = int(probs.argmax()) if target is None else int(target)
        if not 0 <= cls < probs.shape[0]:
            raise ValueError(f"class {cls} is outside the model's {probs.shape[0]} classes")
        values = METHODS[method].compute(model, unit, cls, spec)
    return SaliencyMap(method, cls, float(probs[cls]), values.astype(np.float32), unit)
