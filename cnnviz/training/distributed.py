"""Training on several processes or machines with torch.distributed, when launched by ``torchrun``.

torchrun starts the processes (one per GPU or CPU share, on one machine or several through its rendezvous)
and sets RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE and the rendezvous address; nothing here launches a
process. ``init_from_env`` joins the process group (NCCL on GPUs, gloo on CPUs); the Trainer then wraps its
model in DistributedDataParallel and trains on this process's share of every batch, chosen by a
DistributedSampler. A process not started by torchrun never initialises a group, and every helper here is
then the identity: single-process training is unchanged.

How the work is split: every process draws the same seeded order of the training set (the single-process
Trainer's order), and a DistributedSampler (shuffle off) gives each process every WORLD_SIZE-th position of
it. Process r's b-th batch of batch_size / WORLD_SIZE samples is then a slice of the single-process run's
b-th batch, the slices of all processes make up exactly that batch, and DDP's gradient average equals the
single-process gradient of that batch: the runs differ only by floating-point summation order
(tests/test_distributed.py measures it). Exceptions, as in DistributedSampler: when the training set does not
divide evenly, the sampler repeats a few samples to pad it; batch-norm statistics are per process (DDP's
default); augmentation draws the same random transforms in every process.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import TensorDataset
from torch.utils.data.distributed import DistributedSampler

T = TypeVar("T")


@dataclass(frozen=True)
class DistributedRun:
    rank: int
    world_size: int
    local_rank: int
    backend: str  # "nccl" or "gloo"

    @property
    def is_main(self) -> bool:
        return self.rank == 0


def launched_by_torchrun() -> bool:
    return "RANK" in os.environ and "WORLD_SIZE" in os.environ


def init_from_env(device: str = "auto") -> DistributedRun | None:
    """Join torchrun's process group; None (and nothing done) when not launched by torchrun.

    NCCL when this process will train on a CUDA GPU (``device`` auto or cuda, and one is there), else gloo.
    Each process on a machine takes the GPU of its LOCAL_RANK.
    """
    if not launched_by_torchrun():
        return None
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    use_cuda = device.startswith("cuda") or (device == "auto" and torch.cuda.is_available())
    backend = "nccl" if use_cuda and torch.cuda.is_available() and dist.is_nccl_available() else "gloo"
    if backend == "nccl":
        torch.cuda.set_device(local_rank)  # "cuda" then means this process's GPU everywhere
    if not dist.is_initialized():
        dist.init_process_group(backend)
    return DistributedRun(dist.get_rank(), dist.get_world_size(), local_rank, backend)


def finish() -> None:
    """Wait until every process is done before the group goes: a rank that tore its connections down while
    rank 0 was still saving was killed by gloo ("terminate called without an active exception")."""
    if active():
        dist.barrier()


def shutdown() -> None:
    if dist.is_initialized():
        # A finished run's DistributedDataParallel sits in reference cycles that hold the group; left for the
        # interpreter's exit, it was freed after the group had gone and aborted the process ("terminate called
        # without an active exception": 5 of 30 runs of tests/test_distributed.py's cancel script under load, 0 of 30
        # with this collection first).
        gc.collect()
        dist.destroy_process_group()


def active() -> bool:
    return dist.is_available() and dist.is_initialized()


def world_size() -> int:
    return dist.get_world_size() if active() else 1


def is_main() -> bool:
    """Whether this process writes files and prints progress: rank 0, or the only process."""
    return not active() or dist.get_rank() == 0


def describe() -> str | None:
    """One line for the user: how many processes train, over which backend; None when alone."""
    if not active():
        return None
    return f"training on {world_size()} processes ({dist.get_backend()}); rank 0 prints and saves"


def cpu_threads(cores: int) -> int:
    """This process's share of the machine's cores (torchrun puts LOCAL_WORLD_SIZE processes on it)."""
    return max(1, cores // int(os.environ.get("LOCAL_WORLD_SIZE", "1"))) if active() else cores


def _flag_device() -> torch.device:
    return torch.device("cuda", torch.cuda.current_device()) if dist.get_backend() == "nccl" else torch.device("cpu")


def wrap(model: nn.Module, device: torch.device) -> nn.Module:
    """The model in DistributedDataParallel (parameters broadcast from rank 0), or the model itself."""
    if not active():
        return model
    if device.type != "cuda":
        return DistributedDataParallel(model)
    return DistributedDataParallel(model, device_ids=[torch.cuda.current_device() if device.index is None
                                                      else device.index])  # this process's GPU (LOCAL_RANK)


def batch_size(global_batch: int) -> int:
    """Samples per process in each step, so that all processes together make one batch of ``global_batch``."""
    return max(1, global_batch // world_size())


def shard(order: torch.Tensor) -> torch.Tensor:
    """This process's positions in ``order`` (every world_size-th, padded like DistributedSampler)."""
    if not active():
        return order
    sampler: DistributedSampler[Any] = DistributedSampler(TensorDataset(order), shuffle=False)  # the group's rank
    return order[torch.tensor(list(sampler), dtype=torch.int64)]


def shard_size(n: int) -> int:
    """How many samples each process gets of ``n`` (the same on every process)."""
    return -(-n // world_size())


def sum_over_processes(*values: float) -> tuple[float, ...]:
    """Totals over all processes (epoch loss sums, correct counts, sample counts)."""
    if not active():
        return values
    total = torch.tensor(values, dtype=torch.float64, device=_flag_device())
    dist.all_reduce(total)
    return tuple(float(v) for v in total.tolist())


def any_process(should_stop: Callable[[], bool]) -> Callable[[], bool]:
    """A stop check that is true everywhere as soon as it is true in one process (cancel reaches every rank).

    Every process must call it at the same points, which the Trainer does (before each batch and each test
    chunk). A process that fails instead exits, and torchrun then ends the others.
    """
    if not active():
        return should_stop

    def check() -> bool:
        flag = torch.tensor([1 if should_stop() else 0], device=_flag_device())
        dist.all_reduce(flag, op=dist.ReduceOp.MAX)
        return bool(flag.item())

    return check


def from_main(value: T) -> T:
    """Rank 0's ``value`` in every process (decisions that must agree: a cache hit, a measured speed)."""
    if not active():
        return value
    box: list[Any] = [value]
    dist.broadcast_object_list(box, src=0)
    return box[0]


def main_first(load: Callable[[], T]) -> T:
    """Run ``load`` on rank 0, then on the others: rank 0 alone fills the user-data caches it writes."""
    if not active():
        return load()
    if is_main():
        value = load()
        dist.barrier()
        return value
    dist.barrier()
    return load()
