"""The Training lab's experiments: the runs that show *why* convolution, pooling and skip connections work.

- ``shuffled_pixels``: one fixed random permutation of pixel positions applied to every digit. The FC network
  does not care (it never knew which pixels were neighbours); the CNN loses its advantage, because its small
  filters assume neighbouring pixels belong together.
- ``pooling_strategies``: the same CNN with max pooling, average pooling, stride-2 convolutions, or global
  average pooling before the classifier — accuracy, parameters and time side by side.
- ``depth_and_skips``: a plain stack of conv layers against the same stack with residual connections, at
  growing depth: without skips a deeper network can train worse, not better. Batch norm's statistics are
  recomputed after training (``precise_batch_norm``) before each test.
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
from cnnviz.lab.run import ComparisonResult, ModelBatchMetrics, comparison_data, run_comparison
from cnnviz.models.architectures import ResidualBlock
from cnnviz.models.staged import StagedNet, conv_act, count_parameters, eval_mode
from cnnviz.training.device import compute_threads, training_threads
from cnnviz.training.seeding import init_parameters, run_generator
from cnnviz.training.trainer import (
    BatchMetrics,
    TrainConfig,
    Trainer,
    evaluate_unless_stopped,
    precise_batch_norm,
)
from cnnviz.wording import Wording, worded, worded_error

Stop = Callable[[], bool]


@dataclass(frozen=True)
class Progress:
    """Where an experiment's run is: which of its models trains now, in which epoch, and how far it all is."""

    model: str | Wording  # as ``Trial.name``, or the comparison's ``fc_label`` / ``cnn_label``
    index: int  # 1-based, of ``models``
    models: int
    epoch: int
    epochs: int
    fraction: float  # of the whole experiment, 0–1


OnProgress = Callable[[Progress], None]


# -- (a) shuffled pixels ---------------------------------------------------------------------------------------


def pixel_permutation(height: int, width: int, seed: int = 0) -> np.ndarray:
    """One fixed random order of the ``height × width`` pixel positions (the same for every image)."""
    return np.random.default_rng(seed).permutation(height * width)


def shuffle_pixels(images: np.ndarray, seed: int = 0) -> np.ndarray:
    """(N, H, W) grey or (N, H, W, C) colour images with every image's pixels moved by the same permutation."""
    h, w = images.shape[1:3]
    flat = images.reshape(len(images), h * w, -1)  # (N, H·W, C): colour moves with its pixel
    return np.ascontiguousarray(flat[:, pixel_permutation(h, w, seed)].reshape(images.shape))


def permute_pixels(data: MnistData, seed: int = 0) -> MnistData:
    """``data`` with every training and test image's pixels moved by the same fixed permutation."""
    return replace(data, name=f"{data.name}, pixels shuffled", train_images=shuffle_pixels(data.train_images, seed),
                   test_images=shuffle_pixels(data.test_images, seed))


@dataclass(frozen=True)
class ShuffledPixels:
    """The same FC-vs-CNN comparison on the digits as they are and with their pixels shuffled."""

    plain: ComparisonResult
    shuffled: ComparisonResult

    def table(self) -> list[tuple[Wording, int, int | None, int | None]]:
        """(model, parameters, test errors on plain digits, test errors with shuffled pixels)."""
        return [(p.label, p.parameters, p.test_errors, s.test_errors)
                for p, s in zip(self.plain.runs, self.shuffled.runs, strict=True)]


def shuffled_pixels(config: ComparisonConfig, data: MnistData, permutation_seed: int = 0,
                    should_stop: Stop | None = None, on_progress: OnProgress | None = None) -> ShuffledPixels:
    """Train the lab's FC network and CNN on ``data`` and on ``data`` with its pixels shuffled."""
    config = config.for_data(data)
    labels = {"fc": config.fc_label, "cnn": config.cnn_label}
    done: dict[tuple[int, str], float] = {}  # (part, model) -> fraction of its training done

    def reporter(part: int) -> Callable[[ModelBatchMetrics], None]:
        def batch(m: ModelBatchMetrics) -> None:  # in "concurrent" mode both models report, from two threads
            done[(part, m.model)] = ((m.epoch - 1) + m.progress) / config.epochs
            if on_progress is not None:
                index = 2 * part + (1 if m.model == "fc" else 2)
                on_progress(Progress(labels[m.model], index, 4, m.epoch, config.epochs, sum(done.values()) / 4))
        return batch

    plain = run_comparison(config, data, on_batch=reporter(0), should_stop=should_stop)
    shuffled = run_comparison(config, permute_pixels(data, permutation_seed), on_batch=reporter(1),
                              should_stop=should_stop)
    return ShuffledPixels(plain, shuffled)


@dataclass(frozen=True)
class ShuffledOutcome:
    """What the shuffled-pixels run measured, as the numbers a sentence about it needs."""

    fc_plain: int  # test errors
    cnn_plain: int
    fc_shuffled: int
    cnn_shuffled: int
    tested: int  # test digits

    @property
    def lead_plain(self) -> int:
        """How many fewer test errors the CNN made than the FC network on the digits as they are."""
        return self.fc_plain - self.cnn_plain

    @property
    def lead_shuffled(self) -> int:
        return self.fc_shuffled - self.cnn_shuffled


def shuffled_outcome(result: ShuffledPixels) -> ShuffledOutcome | None:
    """The four error counts (None when a run was stopped before its test)."""
    counts = [run.test_errors for comparison in (result.plain, result.shuffled) for run in comparison.runs]
    if any(c is None for c in counts):
        return None
    fc_plain, cnn_plain, fc_shuffled, cnn_shuffled = (int(c) for c in counts)  # type: ignore[arg-type]
    return ShuffledOutcome(fc_plain, cnn_plain, fc_shuffled, cnn_shuffled, result.plain.fc.test_samples)


# -- shared: train one model on the lab's digits -------------------------------------------------------------


@dataclass(frozen=True)
class Trial:
    """One model of an experiment, trained and tested."""

    name: str | Wording  # a pooling kind (one of POOLING_KINDS, which the window names), or the model in words
    parameters: int
    train_loss: float  # of the last epoch
    test_accuracy: float
    test_errors: int
    seconds: float
    cancelled: bool = False
    train_accuracy: float = float("nan")  # of the last epoch, measured while training (batch statistics)
    tested: int = 0  # test digits


PRECISE_BN_SAMPLES = 500  # training digits batch norm's statistics are recomputed over after training
EVAL_CHUNK = 250  # test digits per step of a trial's evaluation: Stop is noticed between steps


def has_batch_norm(model: nn.Module) -> bool:
    return any(isinstance(m, nn.modules.batchnorm._BatchNorm) for m in model.modules())


def _trial(name: str | Wording, model: nn.Module, config: ComparisonConfig, data: MnistData, should_stop: Stop | None,
           on_batch: Callable[[BatchMetrics], None] | None = None) -> Trial:
    train, test = comparison_data(config, data)
    train_config = TrainConfig(epochs=config.epochs, batch_size=config.batch_size, lr=config.lr,
                               optimizer=config.optimizer, seed=config.seed, device="cpu", eval_each_epoch=False)
    stop = should_stop or (lambda: False)
    start = time.perf_counter()
    result = Trainer(model, train_config, on_batch, should_stop=stop).fit(train)
    seconds = time.perf_counter() - start
    scores = None
    if not result.cancelled and result.history:
        with compute_threads(training_threads()):  # as the training: the same numbers whoever calls
            ready = not has_batch_norm(model) or precise_batch_norm(
                model, train, PRECISE_BN_SAMPLES, batch_size=config.batch_size, should_stop=stop)
            scores = evaluate_unless_stopped(model, test, stop, EVAL_CHUNK) if ready else None
    if scores is None:
        return Trial(name, count_parameters(model), float("nan"), float("nan"), -1, seconds, cancelled=True)
    last = result.history[-1]
    return Trial(name, count_parameters(model), last.train_loss, scores.accuracy, scores.errors, seconds,
                 train_accuracy=last.train_accuracy, tested=len(test))


def _progress(on_progress: OnProgress | None, name: str | Wording, index: int, models: int,
              epochs: int) -> Callable[[BatchMetrics], None] | None:
    """The trainer's batch callback that reports ``name`` (model ``index`` of ``models``) as progress."""
    if on_progress is None:
        return None
    report = on_progress

    def batch(m: BatchMetrics) -> None:
        done = (index - 1 + ((m.epoch - 1) + m.progress) / epochs) / models
        report(Progress(name, index, models, m.epoch, epochs, done))
    return batch


def _seeded(build: Callable[[], nn.Module], seed: int) -> nn.Module:
    """Build a model on the meta device, then draw its initial weights from ``seed`` alone (as build_seeded)."""
    with torch.device("meta"):
        model = build()
    model.to_empty(device="cpu")
    return init_parameters(model, run_generator(seed))


# -- (d) pooling strategies ----------------------------------------------------------------------------------

POOLING_KINDS: tuple[str, ...] = ("max", "average", "stride-2 conv", "global average")


def pooling_cnn(kind: str, conv1: int = 8, conv2: int = 16, num_classes: int = 10, in_channels: int = 1,
                input_size: tuple[int, int] = (28, 28)) -> StagedNet:
    """The lab's CNN (two 3×3 conv layers; on 28×28 digits) with ``kind`` of downsampling."""
    if kind not in POOLING_KINDS:
        raise worded_error(ValueError, "pooling must be one of {kinds} (got {kind!r})", kinds=", ".join(POOLING_KINDS),
                           kind=kind)
    h, w = input_size
    if kind == "stride-2 conv":  # the convolutions themselves skip every other position: 28 -> 14 -> 7
        def half(n: int) -> int:  # a 3×3 convolution with stride 2 and padding 1: ceil(n / 2) positions
            return (n - 1) // 2 + 1

        stages: OrderedDict[str, nn.Module] = OrderedDict(
            conv1=nn.Sequential(nn.Conv2d(in_channels, conv1, 3, stride=2, padding=1), nn.ReLU()),
            conv2=nn.Sequential(nn.Conv2d(conv1, conv2, 3, stride=2, padding=1), nn.ReLU()),
            flatten=nn.Flatten(), fc=nn.Linear(conv2 * half(half(h)) * half(half(w)), num_classes))
    else:
        pool: type[nn.Module] = nn.AvgPool2d if kind == "average" else nn.MaxPool2d
        stages = OrderedDict(conv1=conv_act(in_channels, conv1, 3, padding=1), pool1=pool(2),
                             conv2=conv_act(conv1, conv2, 3, padding=1), pool2=pool(2))
        if kind == "global average":  # one average per map: the classifier sees conv2 numbers, not conv2×7×7
            stages.update(gap=nn.AdaptiveAvgPool2d(1), flatten=nn.Flatten(), fc=nn.Linear(conv2, num_classes))
        else:
            stages.update(flatten=nn.Flatten(), fc=nn.Linear(conv2 * (h // 4) * (w // 4), num_classes))
    return StagedNet(f"pooling ({kind})", {"kind": kind}, stages)


def pooling_strategies(config: ComparisonConfig, data: MnistData, kinds: Sequence[str] = POOLING_KINDS,
                       should_stop: Stop | None = None, on_progress: OnProgress | None = None) -> list[Trial]:
    """Train the same CNN with each kind of downsampling on the same digits, with the same recipe."""
    config.check(data)
    config = config.for_data(data)
    trials = []
    for i, kind in enumerate(kinds, start=1):
        model = _seeded(lambda kind=kind: pooling_cnn(kind, config.conv1_filters, config.conv2_filters,  # type: ignore[misc]
                                                      config.num_classes, config.in_channels, config.input_size),
                        config.seed)
        trials.append(_trial(kind, model, config, data, should_stop,
                             _progress(on_progress, kind, i, len(kinds), config.epochs)))
        if trials[-1].cancelled:
            break
    return trials


# -- (e) depth, with and without skip connections ------------------------------------------------------------

DEPTHS: tuple[int, ...] = (8, 20, 32)


def deep_cnn(depth: int, skips: bool, width: int = 16, num_classes: int = 10, in_channels: int = 1) -> nn.Sequential:
    """``depth`` weight layers: a conv stem, (depth − 2) / 2 blocks of two 3×3 conv + batch-norm layers in
    three groups (28×28, 14×14, 7×7; width doubling), global average pooling and a linear classifier.
    With ``skips`` each block adds its input to its output (ResNet); without, it is a plain stack."""
    if depth < 4 or depth % 2:
        raise worded_error(ValueError, "depth must be an even number of layers, 4 or more (got {depth})", depth=depth)
    blocks = (depth - 2) // 2
    layers: list[nn.Module] = [nn.Conv2d(in_channels, width, 3, padding=1, bias=False), nn.BatchNorm2d(width),
                               nn.ReLU()]
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


def depth_and_skips(config: ComparisonConfig, data: MnistData, depths: Sequence[int] = DEPTHS,
                    should_stop: Stop | None = None, on_progress: OnProgress | None = None,
                    skips: Sequence[bool] = (False, True)) -> list[Trial]:
    """For each depth, a plain stack and the same stack with skip connections, on the same digits."""
    config.check(data)
    config = config.for_data(data)
    trials: list[Trial] = []
    models = len(depths) * len(skips)
    for depth in depths:
        for skip in skips:
            name = (worded("{depth} layers, with skips", depth=depth) if skip else
                    worded("{depth} layers, without skips", depth=depth))
            model = _seeded(lambda d=depth, s=skip: deep_cnn(d, s, num_classes=config.num_classes,  # type: ignore[misc]
                                                             in_channels=config.in_channels), config.seed)
            trials.append(_trial(name, model, config, data, should_stop,
                                 _progress(on_progress, name, len(trials) + 1, models, config.epochs)))
            if trials[-1].cancelled:
                return trials
    return trials


@dataclass(frozen=True)
class DepthRow:
    """One depth of the depth experiment: its plain stack and its stack with skips (None if not run)."""

    depth: int
    plain: Trial | None
    residual: Trial | None


def depth_rows(depths: Sequence[int], trials: Sequence[Trial]) -> list[DepthRow]:
    """``depth_and_skips``' trials (plain, then with skips, per depth) as one row per depth."""
    found: list[Trial | None] = [*trials, *[None] * (2 * len(depths) - len(trials))]
    return [DepthRow(d, found[2 * i], found[2 * i + 1]) for i, d in enumerate(depths)]


@dataclass(frozen=True)
class DepthOutcome:
    """What the depth run measured, as the numbers a sentence about it needs (finished trials only)."""

    shallow: int  # the smallest and largest depth run
    deep: int
    plain_loss_shallow: float  # the plain stacks' last-epoch training loss at those depths
    plain_loss_deep: float
    skips_better_at: tuple[int, ...]  # depths where the stack with skips ended with the lower training loss

    @property
    def plain_got_worse(self) -> bool:
        """Whether the deepest plain stack trained worse (higher loss) than the shallowest one."""
        return self.plain_loss_deep > self.plain_loss_shallow


def depth_outcome(rows: Sequence[DepthRow]) -> DepthOutcome | None:
    """None unless at least two depths finished both their runs."""
    full = [r for r in rows if r.plain is not None and r.residual is not None
            and not r.plain.cancelled and not r.residual.cancelled]
    if len(full) < 2:
        return None
    shallow, deep = min(full, key=lambda r: r.depth), max(full, key=lambda r: r.depth)
    better = tuple(r.depth for r in full if r.residual.train_loss < r.plain.train_loss)  # type: ignore[union-attr]
    return DepthOutcome(shallow.depth, deep.depth, shallow.plain.train_loss, deep.plain.train_loss,  # type: ignore[union-attr]
                        better)


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
                raise worded_error(ValueError, "the model has no parameter {name!r}", name=name)
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
    return Step(label, lr, float(loss.detach()), loss_after, F.softmax(logits.detach(), 1)[0].numpy(),
                F.softmax(new_logits, 1)[0].numpy(), name, index, before, gradient, after)
