"""A GPU that is missing, broken or out of memory falls back to the CPU with a notice (errors injected here)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch
from torch import nn

from cnnviz.models import build_model
from cnnviz.training import BatchMetrics, TensorData, TrainConfig, Trainer, train_model
from cnnviz.training import trainer as trainer_module


@pytest.fixture(scope="module")
def tiny(mnist) -> TensorData:  # type: ignore[no-untyped-def]
    return TensorData.from_arrays(mnist.train_images[:256], mnist.train_labels[:256])


def _config(**kw: Any) -> TrainConfig:
    return TrainConfig(**{"epochs": 2, "batch_size": 32, "seed": 3, "threads": 1, **kw})


def _weights(model: nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}


def test_requested_gpu_that_is_absent_falls_back_to_cpu(tiny: TensorData) -> None:
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA; the fall-back is for machines without it")
    result = Trainer(build_model("logistic"), _config(device="cuda")).fit(tiny, tiny)
    assert result.device == "cpu" and len(result.history) == 2
    assert len(result.notices) == 1 and "cuda" in result.notices[0] and "CPU" in result.notices[0]


def test_train_model_reports_the_fallback(mnist) -> None:  # type: ignore[no-untyped-def]
    trained = train_model("logistic", mnist, epochs=1, subset=300, device="no-such-device", threads=1)
    assert trained.result.device == "cpu" and trained.meta.extra["device"] == "cpu"
    assert any("no-such-device" in n for n in trained.result.notices)
    assert trained.result.test_accuracy is not None


def test_gpu_that_fails_when_the_model_moves_falls_back(monkeypatch: pytest.MonkeyPatch, tiny: TensorData) -> None:
    """A driver that reports a GPU but fails on first use (here: a CUDA-less torch asked for CUDA)."""
    monkeypatch.setattr(trainer_module, "pick_device", lambda requested=None: torch.device("cuda"))
    if torch.cuda.is_available():
        pytest.skip("moving to CUDA works on this machine")
    result = Trainer(build_model("logistic"), _config(device="auto")).fit(tiny)
    assert result.device == "cpu" and result.notices and "CPU" in result.notices[0]


def test_cpu_errors_are_not_hidden(tiny: TensorData) -> None:
    """Only a GPU problem is worked around: on the CPU a real error still reaches the caller."""

    def broken_forward(module: nn.Module, args: Any) -> None:
        raise torch.OutOfMemoryError("out of memory")

    model = build_model("logistic")
    model.register_forward_pre_hook(broken_forward)
    with pytest.raises(torch.OutOfMemoryError):
        Trainer(model, _config(device="cpu")).fit(tiny)


def test_out_of_memory_on_the_gpu_restarts_on_cpu_from_the_same_weights(monkeypatch: pytest.MonkeyPatch,
                                                                      tiny: TensorData) -> None:
    torch.manual_seed(0)
    model = build_model("explorer_cnn", conv1_filters=4, conv2_filters=8)
    start = _weights(model)
    batches: list[BatchMetrics] = []
    trainer = Trainer(model, _config(device="cpu"), on_batch=batches.append)
    # Pretend the trainer picked a GPU: data "moves" there, and the third forward pass runs out of memory.
    trainer.device = torch.device("cuda")
    real_to = TensorData.to
    monkeypatch.setattr(TensorData, "to", lambda self, d: self if d.type == "cuda" else real_to(self, d))
    calls = {"n": 0}

    def out_of_memory_on_gpu(module: nn.Module, args: Any) -> None:
        calls["n"] += 1
        if trainer.device.type == "cuda" and calls["n"] == 3:
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    hook = model.register_forward_pre_hook(out_of_memory_on_gpu)
    result = trainer.fit(tiny, tiny)
    hook.remove()

    assert result.device == "cpu" and not result.cancelled
    assert result.notices == ["The CUDA device ran out of memory; training restarted on the CPU."]
    assert [m.epoch for m in result.history] == [1, 2]
    assert len(batches) == 2 + 2 * 8  # two batches before the error, then the whole run again
    # The CPU run starts from the very weights the GPU run started from, so it matches a clean CPU run.
    clean = build_model("explorer_cnn", conv1_filters=4, conv2_filters=8)
    clean.load_state_dict(start)
    Trainer(clean, _config(device="cpu")).fit(tiny, tiny)
    for name, value in _weights(model).items():
        np.testing.assert_allclose(value.numpy(), _weights(clean)[name].numpy(), rtol=1e-5, atol=1e-6)


def test_other_gpu_errors_are_not_swallowed(monkeypatch: pytest.MonkeyPatch, tiny: TensorData) -> None:
    model = build_model("logistic")
    trainer = Trainer(model, _config(device="cpu"))
    trainer.device = torch.device("cuda")
    real_to = TensorData.to
    monkeypatch.setattr(TensorData, "to", lambda self, d: self if d.type == "cuda" else real_to(self, d))

    def bad(module: nn.Module, args: Any) -> None:
        raise RuntimeError("CUDA error: an illegal memory access was encountered")

    model.register_forward_pre_hook(bad)
    with pytest.raises(RuntimeError, match="illegal memory access"):
        trainer.fit(tiny)


def test_cli_prints_the_fallback_notice(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.cli import main
    from cnnviz.training import available_devices

    absent = [d for d in ("cuda", "mps") if d not in available_devices()]
    if not absent:
        pytest.skip("this machine has every kind of GPU")
    assert main(["train", "--model", "logistic", "--epochs", "1", "--subset", "300", "--device", absent[0],
                 "--out", str(tmp_path / "l.pt")]) == 0
    err = capsys.readouterr().err
    assert f"note: Device '{absent[0]}' is not available here" in err and "training on the CPU instead" in err
    assert (tmp_path / "l.pt").is_file()


def test_lab_restarts_a_model_cleanly_on_the_cpu_after_out_of_memory(monkeypatch: pytest.MonkeyPatch,
                                                                       mnist) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.lab import ComparisonConfig, run_comparison
    from cnnviz.lab import run as lab_run

    config = ComparisonConfig(fc_hidden=32, conv1_filters=4, conv2_filters=8, epochs=3, batch_size=100,
                              train_samples=500, test_samples=300, device="cpu", mode="sequential")
    # The lab picked a GPU; the FC network's data "moves" there and its third forward pass runs out of memory.
    monkeypatch.setattr(lab_run, "pick_device", lambda requested=None: torch.device("cuda"))
    real_to = TensorData.to
    monkeypatch.setattr(TensorData, "to", lambda self, d: self if d.type == "cuda" else real_to(self, d))

    class GpuTrainer(Trainer):
        def __init__(self, model: nn.Module, *args: Any, **kw: Any) -> None:
            super().__init__(model, *args, **kw)
            self.device = torch.device("cuda")
            calls = {"n": 0}

            def out_of_memory(module: nn.Module, inputs: Any) -> None:
                calls["n"] += 1
                if self.device.type == "cuda" and calls["n"] == 3 and model.arch == "mlp":
                    raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

            model.register_forward_pre_hook(out_of_memory)

    monkeypatch.setattr(lab_run, "Trainer", GpuTrainer)
    restarts: list[tuple[str, str]] = []
    result = run_comparison(config, mnist, on_restart=lambda key, notice: restarts.append((key, notice)))

    assert [m.epoch for m in result.fc.history] == [1, 2, 3]
    assert len(result.fc.batch_losses) == 3 * 5  # the GPU attempt's two batches are gone
    assert restarts == [("fc", "The CUDA device ran out of memory; training restarted on the CPU.")]
    assert any("ran out of memory" in str(notice) for notice in result.notices)
    assert result.fc.device == "cpu" and result.device == "cpu, cuda"  # the CNN did stay on the "GPU"
