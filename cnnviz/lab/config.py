"""What a Training-lab comparison trains: both models' sizes and the one recipe they share."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from cnnviz.wording import Wording, worded, worded_error

if TYPE_CHECKING:  # only for annotations: cnnviz.data pulls in torch, and the preferences read this at start-up
    from cnnviz.data import MnistData

MIN_TRAIN_SAMPLES = 500
MAX_EPOCHS = 20
OPTIMIZERS = ("adam", "sgd")
EXECUTION_MODES = ("sequential", "concurrent")


@dataclass(frozen=True)
class ComparisonConfig:
    """One FC network and one CNN, trained from scratch on the same seeded digits with the same recipe.

    ``mode`` says whether they train one after the other (the default: on a shared 2-core CPU it
    measured as fast as training both at once, and leaves a core to the window) or both at once,
    each on its own thread; see benchmarks/training_lab.py.
    """

    fc_hidden: int = 128
    conv1_filters: int = 8
    conv2_filters: int = 16
    epochs: int = MAX_EPOCHS
    batch_size: int = 64
    lr: float = 1e-3
    optimizer: str = "adam"
    seed: int = 0
    device: str = "auto"
    train_samples: int = 1_000
    test_samples: int | None = None  # None: the whole test set
    mode: str = "sequential"
    # The data both models are built for (``for_data`` fills them in from the opened data set): the CNN's
    # first layer takes ``in_channels`` maps, the FC network's input is in_channels × height × width.
    in_channels: int = 1
    input_size: tuple[int, int] = (28, 28)
    num_classes: int = 10

    def for_data(self, data: MnistData) -> ComparisonConfig:
        """This comparison for ``data``'s channels, input size and classes (both models' sizes follow)."""
        return replace(self, in_channels=data.spec.channels, input_size=data.spec.size,
                       num_classes=data.num_classes)

    def problems(self, data: MnistData | None = None) -> list[Wording]:
        """Every reason this configuration cannot run, worded for the person who chose it."""
        found = []
        if not 1 <= self.fc_hidden <= 4096:
            found.append(worded("FC hidden size must be 1–4096 (got {value}).", value=self.fc_hidden))
        for name, value in (("conv 1", self.conv1_filters), ("conv 2", self.conv2_filters)):
            if not 1 <= value <= 128:
                found.append(worded("CNN {name} filters must be 1–128 (got {value}).", name=name, value=value))
        if not 1 <= self.epochs <= MAX_EPOCHS:
            found.append(worded("Epochs must be 1–{most} (got {value}).", most=MAX_EPOCHS, value=self.epochs))
        if not 1 <= self.batch_size <= 4096:
            found.append(worded("Batch size must be 1–4096 (got {value}).", value=self.batch_size))
        if not 0.0 < self.lr <= 1.0:
            found.append(worded("Learning rate must be above 0 and at most 1 (got {value:g}).", value=self.lr))
        if self.optimizer not in OPTIMIZERS:
            found.append(worded("Optimizer must be one of {choices} (got {value!r}).", choices=", ".join(OPTIMIZERS),
                                value=self.optimizer))
        if self.mode not in EXECUTION_MODES:
            found.append(worded("Mode must be one of {choices} (got {value!r}).", choices=", ".join(EXECUTION_MODES),
                                value=self.mode))
        max_train = len(data.train_labels) if data is not None else 60_000
        min_train = min(MIN_TRAIN_SAMPLES, max_train)  # a small data set of its own may have fewer than 500
        if not min_train <= self.train_samples <= max_train:
            found.append(worded("Training samples must be {least:,}–{most:,} (got {value:,}).", least=min_train,
                                most=max_train, value=self.train_samples))
        max_test = len(data.test_labels) if data is not None else 10_000
        if self.test_samples is not None and not 1 <= self.test_samples <= max_test:
            found.append(worded("Test samples must be 1–{most:,} (got {value:,}).", most=max_test,
                                value=self.test_samples))
        return found

    def check(self, data: MnistData | None = None) -> None:
        """Raise ``ValueError`` listing every problem, so bad input is refused before any work starts."""
        found = self.problems(data)
        if found:
            raise worded_error(ValueError, "{problems}", problems=one_after_another(found))

    @property
    def fc_label(self) -> Wording:
        """The FC network's name in the results table, the legend and the experiments."""
        return worded("FC (hidden {hidden})", hidden=self.fc_hidden)

    @property
    def cnn_label(self) -> Wording:
        return worded("CNN ({c1}/{c2} filters)", c1=self.conv1_filters, c2=self.conv2_filters)

    @property
    def summary(self) -> Wording:
        """A short line that tells two runs apart in the results table and the legend."""
        return worded("hidden {hidden} vs {c1}/{c2} filters · {samples:,} samples · {epochs} ep · bs {batch} · "
                      "{optimizer} lr {lr:g} · seed {seed}", hidden=self.fc_hidden, c1=self.conv1_filters,
                      c2=self.conv2_filters, samples=self.train_samples, epochs=self.epochs, batch=self.batch_size,
                      optimizer=self.optimizer, lr=self.lr, seed=self.seed)


def one_after_another(sentences: list[Wording]) -> Wording:
    """Several sentences as one, each translated on its own ("A. B. C.")."""
    joined = sentences[0]
    for sentence in sentences[1:]:
        joined = worded("{sentence} {then}", sentence=joined, then=sentence)
    return joined
