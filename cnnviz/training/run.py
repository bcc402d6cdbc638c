"""Train a registered model on any opened data set by its recipe: shared by the CLI, app and report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cnnviz.data.mnist import MnistData
from cnnviz.data.sampling import stratified_subset
from cnnviz.models.registry import MODELS
from cnnviz.models.staged import StagedNet
from cnnviz.training.checkpoint import CheckpointMeta
from cnnviz.training.seeding import build_seeded
from cnnviz.training.trainer import (
    BatchMetrics,
    EpochMetrics,
    TensorData,
    TrainConfig,
    Trainer,
    TrainResult,
)


def data_model_kwargs(data: MnistData) -> dict[str, Any]:
    """What every zoo model needs to fit ``data``: its channels, input size and number of classes."""
    return {"in_channels": data.spec.channels, "num_classes": data.num_classes, "input_size": list(data.spec.size)}


def data_meta(data: MnistData) -> dict[str, Any]:
    """The data-set fields of a checkpoint trained on ``data``: its name, class names and input description."""
    return {"dataset": data.name, "class_names": list(data.class_names), "input": data.spec.to_dict()}


@dataclass
class TrainedModel:
    model: StagedNet
    result: TrainResult
    meta: CheckpointMeta


def train_model(
    name: str,
    data: MnistData,
    *,
    epochs: int | None = None,
    subset: int | None = None,
    device: str = "auto",
    seed: int = 0,
    model_kwargs: dict[str, Any] | None = None,
    on_batch: Callable[[BatchMetrics], None] | None = None,
    on_epoch: Callable[[EpochMetrics], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    **config_overrides: Any,
) -> TrainedModel:
    """Build ``name`` for ``data`` (weights from ``seed``), train it by its recipe (overridable), evaluate on the
    test set. The model takes ``data``'s channels, size and classes; the checkpoint metadata records them, the
    class names and the normalisation (``data.spec``), and where the data set was opened from."""
    spec = MODELS[name]
    kwargs = {**data_model_kwargs(data), **(model_kwargs or {})}
    model = build_seeded(name, seed, **kwargs)  # never the global RNG: other threads reseed it
    images, labels = data.train_images, data.train_labels
    if subset is not None and subset < len(labels):
        idx = stratified_subset(labels, subset, seed)
        images, labels = images[idx], labels[idx]
    config = TrainConfig.from_recipe(
        spec.recipe, seed=seed, device=device, **({"epochs": epochs} if epochs else {}), **config_overrides
    )
    trainer = Trainer(model, config, on_batch=on_batch, on_epoch=on_epoch, should_stop=should_stop)
    result = trainer.fit(TensorData.from_arrays(images, labels, data.spec),
                         TensorData.from_arrays(data.test_images, data.test_labels, data.spec))
    meta = CheckpointMeta(
        model=name,
        model_kwargs=dict(model.arch_kwargs),
        epochs=len(result.history),
        test_accuracy=result.test_accuracy,
        extra={"train_samples": len(labels), "seed": seed, "device": result.device,
               "wall_time_s": round(result.elapsed_s, 2), **({"data_path": data.source} if data.source else {})},
        **data_meta(data),
    )
    return TrainedModel(model, result, meta)
