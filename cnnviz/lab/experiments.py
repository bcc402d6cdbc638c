"""The Training lab's experiments: the runs that show *why* convolution, pooling and skip connections work.

- ``shuffled_pixels``: one fixed random permutation of pixel positions applied to every digit. The FC network
  does not care (it never knew which pixels were neighbours); the CNN loses its advantage, because its small
  filters assume neighbouring pixels belong together.
- ``pooling_strategies``: the same CNN with max pooling, average pooling, stride-2 convolutions, or global
  average pooling before the classifier — accuracy, parameters and time side by side.
- ``depth_and_skips``: a plain stack of conv layers against the same stack with residual connections, at
  growing depth: without skips a deeper network can train worse, not better.
- ``one_step``: one SGD step on a single labelled digit — the loss, one weight's gradient, the weight before
  and after, and how the probabilities moved.

Every figure comes from real training on the digits given; nothing here is typed in.
"""

from __future__ import annotations

import copy
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from cnnviz.data.mnist import MnistData
from cnnviz.data.transforms import to_model_input
from cnnviz.lab.config import ComparisonConfig
from cnnviz.lab.run import ComparisonResult, comparison_data, run_comparison
from cnnviz.models.architectures import ResidualBlock
from cnnviz.models.staged import StagedNet, conv_act, count_parameters, eval_mode
from cnnviz.training.seeding import init_parameters, run_generator
from cnnviz.training.trainer import TrainConfig, Trainer, evaluate

Stop = Callable[[], bool]


# -- (a) shuffled pixels ---------------------------------------------------------------------------------------


def pixel_permutation(height: int, width: int, seed: int = 0) -> np.ndarray:
    """One fixed random order of the ``height × width`` pixel positions (the same for every image)."""
    return np.random.default_rng(seed).permutation(height * width)


def permute_pixels(data: MnistData, seed: int = 0) -> MnistData:
    """``data`` with every training and test image's pixels moved by the same fixed permutation."""
    h, w = data.train_images.shape[1:3]
    order = pixel_permutation(h, w, seed)

    def apply(images: np.ndarray) -> np.ndarray:
        flat = images.reshape(len(images), h * w, -1)  # (N, H·W, C): colour moves with its pixel
        return np.ascontiguousarray(flat[:, order].reshape(images.shape))

    return replace(data, name=f"{data.name}, pixels shuffled", train_images=apply(data.train_images),
                   test_images=apply(data.test_images))


@dataclass(frozen=True)
class ShuffledPixels:
    """The same FC-vs-CNN comparison on the digits as they are and with their pixels shuffled."""

    plain: ComparisonResult
    shuffled: ComparisonResult

    def table(self) -> list[tuple[str, int, int | None, int | None]]:
        """(model, parameters, test errors on plain digits, test errors with shuffled pixels)."""
        return [(p.label, p.parameters, p.test_errors, s.test_errors)
                for p, s in zip(self.plain.runs, self.shuffled.runs, strict=True)]


def shuffled_pixels(config: ComparisonConfig, data: MnistData, permutation_seed: int = 0,
                    should_stop: Stop | None = None) -> ShuffledPixels:
    """Train the lab's FC network and CNN on ``data`` and on ``data`` with its pixels shuffled."""
    plain = run_comparison(config, data, should_stop=should_stop)
    shuffled = run_comparison(config, permute_pixels(data, permutation_seed), should_stop=should_stop)
    return ShuffledPixels(plain, shuffled)


# -- shared: train one model on the lab's digits -------------------------------------------------------------


@dataclass(frozen=True)
class Trial:
    """One model of an experiment, trained and tested."""

    name: str
    parameters: int
    train_loss: float  # of the last epoch
    test_accuracy: float
    test_errors: int
    seconds: float
    cancelled: bool = False


def _trial(name: str, model: nn.Module, config: ComparisonConfig, data: MnistData, should_stop: Stop | None) -> Trial:
    train, test = comparison_data(config, data)
    train_config = TrainConfig(epochs=config.epochs, batch_size=config.batch_size, lr=config.lr,
                               optimizer=config.optimizer, seed=config.seed, device="cpu", eval_each_epoch=False)
    start = time.perf_counter()
    result = Trainer(model, train_config, should_stop=should_stop).fit(train)
    seconds = time.perf_counter() - start
    if result.cancelled or not result.history:
        return Trial(name, count_parameters(model), float("nan"), float("nan"), -1, seconds, cancelled=True)
    scores = evaluate(model, test)
    return Trial(name, count_parameters(model), result.history[-1].train_loss, scores.accuracy, scores.errors,
                 seconds)


def _seeded(build: Callable[[], nn.Module], seed: int) -> nn.Module:
    """Build a model on the meta device, then draw its initial weights from ``seed`` alone (as build_seeded)."""
    with torch.device("meta"):
        model = build()
    model.to_empty(device="cpu")
    return init_parameters(model, run_generator(seed))


# -- (d) pooling strategies ----------------------------------------------------------------------------------

POOLING_KINDS: tuple[str, ...] = ("max", "average", "stride-2 conv", "global average")


def pooling_cnn(kind: str, conv1: int = 8, conv2: int = 16, num_classes: int = 10) -> StagedNet:
    """The lab's CNN (two 3×3 conv layers on 28×28 digits) with ``kind`` of downsampling."""
    if kind not in POOLING_KINDS:
        raise ValueError(f"pooling must be one of {', '.join(POOLING_KINDS)} (got {kind!r})")
    if kind == "stride-2 conv":  # the convolutions themselves skip every other position: 28 -> 14 -> 7
        stages: OrderedDict[str, nn.Module] = OrderedDict(
            conv1=nn.Sequential(nn.Conv2d(1, conv1, 3, stride=2, padding=1), nn.ReLU()),
            conv2=nn.Sequential(nn.Conv2d(conv1, conv2, 3, stride=2, padding=1), nn.ReLU()),
            flatten=nn.Flatten(), fc=nn.Linear(conv2 * 7 * 7, num_classes))
    else:
        pool: type[nn.Module] = nn.AvgPool2d if kind == "average" else nn.MaxPool2d
        stages = OrderedDict(conv1=conv_act(1, conv1, 3, padding=1), pool1=pool(2),
                             conv2=conv_act(conv1, conv2, 3, padding=1), pool2=pool(2))
        if kind == "global average":  # one average per map: the classifier sees conv2 numbers, not conv2×7×7
            stages.update(gap=nn.AdaptiveAvgPool2d(1), flatten=nn.Flatten(), fc=nn.Linear(conv2, num_classes))
        else:
            stages.update(flatten=nn.Flatten(), fc=nn.Linear(conv2 * 7 * 7, num_classes))
    return StagedNet(f"pooling ({kind})", {"kind": kind}, stages)


def pooling_strategies(config: ComparisonConfig, data: MnistData, kinds: Sequence[str] = POOLING_KINDS,
                       should_stop: Stop | None = None) -> list[Trial]:
    """Train the same CNN with each kind of downsampling on the same digits, with the same recipe."""
    config.check(data)
    trials = []
    for kind in kinds:
        model = _seeded(lambda kind=kind: pooling_cnn(kind, config.conv1_filters, config.conv2_filters,  # type: ignore[misc]
                                                      data.num_classes), config.seed)
        trials.append(_trial(kind, model, config, data, should_stop))
        if trials[-1].cancelled:
            break
    return trials


# -- (e) depth, with and without skip connections ------------------------------------------------------------


def deep_cnn(depth: int, skips: bool, width: int = 16, num_classes: int = 10) -> nn.Sequential:
    """``depth`` weight layers: a conv stem, (depth − 2) / 2 blocks of two 3×3 conv + batch-norm layers in
    three groups (28×28, 14×14, 7×7; width doubling), global average pooling and a linear classifier.
    With ``skips`` each block adds its input to its output (ResNet); without, it is a plain stack."""
    if depth < 4 or depth % 2:
        raise ValueError(f"depth must be an even number of layers, 4 or more (got {depth})")
    blocks = (depth - 2) // 2
    layers: list[nn.Module] = [nn.Conv2d(1, width, 3, padding=1, bias=False), nn.BatchNorm2d(width), nn.ReLU()]
    channels = width
    for i in range(blocks):
        group = min(2, i * 3 // blocks)  # which third of the blocks: 0, 1, 2
        out = width * 2**group
        stride = 2 if out != channels else 1
        layers.append(ResidualBlock(channels, out, stride, skip=skips))
        channels = out
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, num_classes)]
    return nn.Sequential(*layers)


def weight_layers(model: nn.Module) -> int:
    """Conv and linear layers that compute the output (1×1 projections on the skip path not counted)."""
    skip_paths = {id(m) for block in model.modules() if isinstance(block, ResidualBlock)
                  for m in block.shortcut.modules()}
    return sum(isinstance(m, nn.Conv2d | nn.Linear) and id(m) not in skip_paths for m in model.modules())


def depth_and_skips(config: ComparisonConfig, data: MnistData, depths: Sequence[int] = (8, 20, 32),
                    should_stop: Stop | None = None) -> list[Trial]:
    """For each depth, a plain stack and the same stack with skip connections, on the same digits."""
    config.check(data)
    trials = []
    for depth in depths:
        for skips in (False, True):
            name = f"{depth} layers, {'with' if skips else 'without'} skips"
            model = _seeded(lambda d=depth, s=skips: deep_cnn(d, s, num_classes=data.num_classes),  # type: ignore[misc]
                            config.seed)
            trials.append(_trial(name, model, config, data, should_stop))
            if trials[-1].cancelled:
                return trials
    return trials


# -- (c) one training step on one digit ----------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One plain SGD step (w ← w − lr · ∂loss/∂w) on one digit with its label, on a copy of the model."""

    label: int
    lr: float
    loss_before: float
    loss_after: float
    probabilities_before: np.ndarray  # (num_classes,)
    probabilities_after: np.ndarray
    weight: str  # parameter name
    index: tuple[int, ...]  # position in that parameter
    weight_before: float
    gradient: float
    weight_after: float


def one_step(model: nn.Module, image: np.ndarray, label: int, lr: float = 0.05,
             weight: tuple[str, tuple[int, ...]] | None = None) -> Step:
    """Take one SGD step on ``image`` (28×28, [0, 1] or uint8) labelled ``label``; the app's model is untouched.

    ``weight`` (parameter name, index) is the weight to report; by default the one with the largest gradient.
    """
    work = copy.deepcopy(model)
    x = to_model_input(np.asarray(image))  # (1, 1, 28, 28)
    y = torch.tensor([label])
    with eval_mode(work):  # batch norm with its running statistics: one digit is not a batch
        logits = work(x)
        loss = F.cross_entropy(logits, y)
        work.zero_grad(set_to_none=True)
        loss.backward()
        params = dict(work.named_parameters())
        if weight is None:
            name = max((n for n, p in params.items() if p.grad is not None),
                       key=lambda n: float(params[n].grad.abs().max()))  # type: ignore[union-attr]
            flat = int(params[name].grad.abs().argmax())  # type: ignore[union-attr]
            index = tuple(int(i) for i in np.unravel_index(flat, tuple(params[name].shape)))
        else:
            name, index = weight
            if name not in params:
                raise ValueError(f"the model has no parameter {name!r}")
        grad = params[name].grad
        assert grad is not None
        before = float(params[name].detach()[index])
        gradient = float(grad[index])
        with torch.no_grad():
            for p in work.parameters():
                if p.grad is not None:
                    p.sub_(lr * p.grad)
        after = float(params[name].detach()[index])
        with torch.no_grad():
            new_logits = work(x)
            loss_after = float(F.cross_entropy(new_logits, y))
    return Step(label, lr, float(loss), loss_after, F.softmax(logits.detach(), 1)[0].numpy(),
                F.softmax(new_logits, 1)[0].numpy(), name, index, before, gradient, after)
