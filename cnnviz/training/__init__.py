"""Training: the Trainer, evaluation, checkpoints and device choice."""

from cnnviz.training.checkpoint import (
    CheckpointError,
    CheckpointMeta,
    load_checkpoint,
    save_checkpoint,
)
from cnnviz.training.device import (
    available_devices,
    device_label,
    is_out_of_memory,
    job_threads,
    pick_device,
    threads_for,
)
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
    evaluate_unless_stopped,
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
    "evaluate_unless_stopped",
    "is_out_of_memory",
    "job_threads",
    "load_checkpoint",
    "pick_device",
    "save_checkpoint",
    "threads_for",
    "train_model",
]
