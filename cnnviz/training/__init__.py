"""Training: the Trainer, evaluation, checkpoints and device choice."""

from cnnviz.training.checkpoint import (
    CheckpointError,
    CheckpointMeta,
    load_checkpoint,
    save_checkpoint,
)
from cnnviz.training.device import available_devices, device_label, is_out_of_memory, pick_device
from cnnviz.training.run import TrainedModel, train_model
from cnnviz.training.trainer import (
    BatchMetrics,
    EpochMetrics,
    EvalResult,
    TensorData,
    TrainConfig,
    Trainer,
    TrainResult,
    evaluate,
)

__all__ = [
    "BatchMetrics",
    "CheckpointError",
    "CheckpointMeta",
    "EpochMetrics",
    "EvalResult",
    "TensorData",
    "TrainConfig",
    "TrainResult",
    "TrainedModel",
    "Trainer",
    "available_devices",
    "device_label",
    "evaluate",
    "is_out_of_memory",
    "load_checkpoint",
    "pick_device",
    "save_checkpoint",
    "train_model",
]
