"""Feature visualisation: the input that excites one unit most, found by gradient ascent from noise.

The pixels are ``sigmoid(p)``, so they always stay in [0, 1] (the pixel range constraint), and go through
the model's own input preparation (``to_spec_input``: value range, per-channel mean and std). Each step
moves, turns and scales the picture a little before the model sees it (jitter, rotation, scaling) and every
few steps the picture is blurred: without these the ascent finds high-frequency noise that excites the unit
but shows nothing a person can read (Olah et al. 2017, "Feature Visualization"; Yosinski et al. 2015).

A map unit is the channel's centre cell, taken before the stage's ReLU (a unit that is 0 on the starting
noise would get no gradient after it); a vector unit is its value (a class: its logit). Several targets are
optimised together as one batch (each image sees only its own target). A seed fixes the result; results are
cached by the weights' hash, the input description, the target and the settings, in memory and, when a
folder is given, on disk.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from cnnviz.data.transforms import InputSpec, to_spec_input
from cnnviz.features import cache
from cnnviz.features.targets import Target, model_key, run_to
from cnnviz.introspect.receptive_field import receptive_fields
from cnnviz.jobs import Job, check
from cnnviz.models.staged import StagedNet, eval_mode


@dataclass(frozen=True)
class VisSettings:
    """How the ascent runs. The defaults give readable pictures for the explorer CNN in ~0.5 s per layer."""

    steps: int = 160
    learning_rate: float = 0.1  # Adam, on the logits p of the pixels
    jitter: int = 2  # largest shift, in pixels, each step
    rotate_degrees: float = 8.0  # largest turn each step
    scale: float = 0.1  # each step scales by a factor in [1 - scale, 1 + scale]
    blur_every: int = 4  # blur the picture every this many steps (0: never)
    blur_sigma: float = 0.5  # pixels
    seed: int = 0

    def __post_init__(self) -> None:
        if self.steps < 1 or self.jitter < 0 or self.blur_every < 0 or self.blur_sigma < 0:
            raise ValueError("steps must be at least 1, and jitter, blur_every and blur_sigma at least 0")


@dataclass(frozen=True)
class Visualisation:
    target: Target
    image: np.ndarray  # (H, W) grey or (H, W, 3) colour, float32 in [0, 1], at the model's input size
    activation: float  # the unit's response to the image (largest over positions for a map unit)
    box: tuple[int, int, int, int]  # (top, left, bottom, right), inclusive: what the optimised cell sees

    def seen(self) -> np.ndarray:
        """The part of the picture the optimised cell sees (widened by the jitter); all of it for a vector unit."""
        top, left, bottom, right = self.box
        return self.image[top : bottom + 1, left : right + 1]


def cache_key(weights: str, spec: InputSpec, target: Target, settings: VisSettings) -> str:
    return cache.make_key(kind="visualisation", weights=weights, input=spec.to_dict(), stage=target.stage,
                          index=target.index, settings=asdict(settings), version=1)


def visualise(model: StagedNet, spec: InputSpec, targets: list[Target], settings: VisSettings | None = None,
              job: Job | None = None, cache_dir: Path | None = None) -> list[Visualisation]:
    """The picture that excites each target most, in the order of ``targets`` (cached ones are not redone).

    ``job.progress((step, steps))`` reports the ascent; ``job.should_stop`` is checked every step.
    """
    settings = settings or VisSettings()
    job = job or Job()
    weights = model_key(model)
    keys = [cache_key(weights, spec, t, settings) for t in targets]
    found: dict[int, Visualisation] = {}
    for i, (key, target) in enumerate(zip(keys, targets, strict=True)):
        hit = cache.load(key, cache_dir)
        if hit is not None:
            found[i] = Visualisation(target, hit["image"].astype(np.float32), float(hit["activation"]),
                                     _box(hit["box"]))
    todo = [i for i in range(len(targets)) if i not in found]
    if todo:
        images, boxes = _ascend(model, spec, [targets[i] for i in todo], settings, job)
        values = activations(model, spec, images, [targets[i] for i in todo])
        for n, i in enumerate(todo):
            vis = Visualisation(targets[i], images[n], float(values[n]), _box(boxes[n]))
            cache.store(keys[i], {"image": vis.image, "activation": np.array(vis.activation, dtype=np.float32),
                                  "box": np.array(vis.box)}, cache_dir)
            found[i] = vis
    return [found[i] for i in range(len(targets))]


def _box(values: np.ndarray) -> tuple[int, int, int, int]:
    top, left, bottom, right = (int(v) for v in values)
    return top, left, bottom, right


def _pixels(p: torch.Tensor, channels: int) -> torch.Tensor:
    """The logits (N, C, H, W) as the images ``to_spec_input`` takes: (N, H, W) grey or (N, H, W, 3)."""
    image = torch.sigmoid(p)
    return image[:, 0] if channels == 1 else image.permute(0, 2, 3, 1)


def _gaussian_kernel(sigma: float) -> torch.Tensor:
    radius = max(1, math.ceil(2 * sigma))
    x = torch.arange(-radius, radius + 1, dtype=torch.float32)
    g = torch.exp(-(x**2) / (2 * sigma**2))
    return g / g.sum()


def _blur(p: torch.Tensor, sigma: float) -> torch.Tensor:
    """Separable Gaussian blur of (N, C, H, W), each channel on its own, edges replicated."""
    g = _gaussian_kernel(sigma).to(p)
    r = len(g) // 2
    c = p.shape[1]
    out = F.pad(p, (r, r, 0, 0), mode="replicate")
    out = F.conv2d(out, g.view(1, 1, 1, -1).expand(c, 1, 1, -1), groups=c)
    out = F.pad(out, (0, 0, r, r), mode="replicate")
    return F.conv2d(out, g.view(1, 1, -1, 1).expand(c, 1, -1, 1), groups=c)


def _transform(images: torch.Tensor, settings: VisSettings, strength: torch.Tensor,
               gen: torch.Generator) -> torch.Tensor:
    """Each (N, C, H, W) image moved by up to ``jitter`` pixels, turned and scaled a little (one random
    draw each per step), each by its ``strength`` (N,) in [0, 1]; the uncovered border repeats the edge."""
    n, _, h, w = images.shape
    u = (torch.rand(n, 4, generator=gen) * 2 - 1) * strength[:, None]  # (N, 4) in [-strength, strength]
    angle = u[:, 0] * math.radians(settings.rotate_degrees)
    scale = 1 + u[:, 1] * settings.scale
    shift_x = torch.round(u[:, 2] * settings.jitter) * 2 / w  # whole pixels, in grid units
    shift_y = torch.round(u[:, 3] * settings.jitter) * 2 / h
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([torch.stack([cos, -sin, shift_x], 1), torch.stack([sin, cos, shift_y], 1)], 1)  # (N, 2, 3)
    grid = F.affine_grid(theta.to(images), list(images.shape), align_corners=False)
    return F.grid_sample(images, grid, mode="bilinear", padding_mode="border", align_corners=False)


def _seen_boxes(model: StagedNet, spec: InputSpec, targets: list[Target], sizes: dict[str, tuple[int, ...]],
                settings: VisSettings, strength: torch.Tensor) -> np.ndarray:
    """(N, 4) what each optimised cell sees, widened by its jitter and clipped: the whole image for a vector."""
    fields = {f.stage: f for f in receptive_fields(model)}
    h, w = spec.size
    boxes = np.tile(np.array([0, 0, h - 1, w - 1]), (len(targets), 1))
    for n, t in enumerate(targets):
        field, size = fields[t.stage], sizes[t.stage]
        if not field.spatial or len(size) != 3:
            continue
        margin = round(float(strength[n]) * settings.jitter)
        cy = field.start_y + (size[1] // 2) * field.jump_y
        cx = field.start_x + (size[2] // 2) * field.jump_x
        half_h, half_w = (field.height - 1) / 2 + margin, (field.width - 1) / 2 + margin
        boxes[n] = [max(0, round(cy - half_h)), max(0, round(cx - half_w)),
                    min(h - 1, round(cy + half_h)), min(w - 1, round(cx + half_w))]
    return boxes


def _unit_values(outputs: dict[str, torch.Tensor], targets: list[Target]) -> torch.Tensor:
    """(N,) the value of each image's own target: a map's centre cell, or a vector's unit."""
    values = []
    for n, t in enumerate(targets):
        out = outputs[t.stage][n]
        if out.ndim == 3:  # (C, H, W)
            values.append(out[t.index, out.shape[1] // 2, out.shape[2] // 2])
        else:  # (F,)
            values.append(out[t.index])
    return torch.stack(values)


def _field_strength(model: StagedNet, spec: InputSpec, targets: list[Target]) -> torch.Tensor:
    """(N,) how much of the input each target's cell sees, in [0, 1]: the transforms scale with it. A first-
    layer 3×3 filter moved by 2 pixels would be asked to like a pattern and its shifted copies at once (its
    pictures came out grey, below 99% of the digits); a class sees the whole image and needs them all."""
    fields = {f.stage: f for f in receptive_fields(model)}
    side = min(spec.size)
    return torch.tensor([min(1.0, fields[t.stage].size / side) if fields[t.stage].spatial else 1.0
                         for t in targets])


def _ascend(model: StagedNet, spec: InputSpec, targets: list[Target], settings: VisSettings,
            job: Job) -> tuple[np.ndarray, np.ndarray]:
    """(N, H, W) or (N, H, W, 3) float32 pictures in [0, 1], one per target, and (N, 4) what each optimised
    cell sees."""
    device = next(model.parameters()).device
    gen = torch.Generator().manual_seed(settings.seed)
    n, (h, w) = len(targets), spec.size
    p = (torch.randn(n, spec.channels, h, w, generator=gen) * 0.3).to(device).requires_grad_(True)  # grey noise
    optimiser = torch.optim.Adam([p], lr=settings.learning_rate)
    stages = {t.stage for t in targets}
    strength = _field_strength(model, spec, targets)
    blurred = (strength >= 0.5).to(device)  # small fields' patterns are the kernels' own sharp ones
    sizes: dict[str, tuple[int, ...]] = {}
    with eval_mode(model):
        for step in range(settings.steps):
            check(job.should_stop)
            moved = _transform(torch.sigmoid(p), settings, strength, gen)  # (N, C, H, W) in [0, 1]
            x = to_spec_input(moved[:, 0] if spec.channels == 1 else moved.permute(0, 2, 3, 1), spec)
            outputs = run_to(model, x, stages, before_activation=True)
            sizes = {name: tuple(out.shape[1:]) for name, out in outputs.items()}
            values = _unit_values(outputs, targets)
            (grad,) = torch.autograd.grad(-values.sum(), [p])  # not into the model's own .grad
            p.grad = grad
            optimiser.step()
            if settings.blur_every and settings.blur_sigma > 0 and (step + 1) % settings.blur_every == 0:
                with torch.no_grad():
                    p.copy_(torch.where(blurred[:, None, None, None], _blur(p, settings.blur_sigma), p))
            if step % 10 == 9 or step == settings.steps - 1:
                job.progress((step + 1, settings.steps))
    images = _pixels(p.detach(), spec.channels).cpu().numpy().astype(np.float32)
    return images, _seen_boxes(model, spec, targets, sizes, settings, strength)


@torch.no_grad()
def activations(model: StagedNet, spec: InputSpec, images: np.ndarray, targets: list[Target]) -> np.ndarray:
    """(N,) how much image n excites ``targets[n]`` (after the stage's activation, as the app shows the
    stage): the largest value over positions for a map unit, the value for a vector unit. ``images``:
    (N, H, W) or (N, H, W, 3) in [0, 1]."""
    x = to_spec_input(images, spec).to(next(model.parameters()).device)
    with eval_mode(model):
        outputs = run_to(model, x, {t.stage for t in targets}, before_activation=False)
    values = []
    for n, t in enumerate(targets):
        out = outputs[t.stage][n]
        values.append(float(out[t.index].max()))
    return np.array(values, dtype=np.float32)
