"""When one machine is not enough: ``cnnviz train`` under torchrun (2 processes here, gloo on the CPU) trains the
same model as one process with the same global batch, rank 0 alone writes the checkpoint, and a cancel or a
failure in one process ends every process.

Tolerance: the two runs see the same samples in every step and differ only by floating-point rounding, but the
single-process run does not repeat itself exactly on this CPU: of three runs of the command below (2026-12-05),
one differed from the other two by up to 1.6e-4 in 668 of the MLP's 100,352 first-layer weights (Adam turns
rounding-sized differences in near-zero gradients into whole steps), while the typical weight moved 1.2e-7; the
2-process runs were 4.7e-8 from the other two. So every weight tensor's median difference stays under 1e-6 (a
run on other batches or samples moves the typical weight by far more), no weight differs by 1e-3, and the test
accuracy agrees within 0.05 percentage points (5 of 10,000 digits).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch.distributed

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not torch.distributed.is_available() or not torch.distributed.is_gloo_available(),
                                reason="this torch build has no torch.distributed with gloo")

TORCHRUN = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2", "--tee", "3"]
TRAIN = ["train", "--model", "mlp", "--epochs", "2", "--subset", "1000", "--seed", "0", "--device", "cpu"]


def _env() -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(ROOT)}


def _accuracy(output: str) -> float:
    return float(re.findall(r"test accuracy ([\d.]+)%", output)[-1])


def test_two_processes_train_like_one_process_with_the_same_global_batch(tmp_path: Path) -> None:
    from cnnviz.training import load_checkpoint

    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    one = subprocess.run([sys.executable, "-m", "cnnviz", *TRAIN, "--out", "model.pt"], cwd=tmp_path / "one",
                         env=_env(), capture_output=True, text=True, timeout=300)
    assert one.returncode == 0, one.stderr
    two = subprocess.run([*TORCHRUN, "-m", "cnnviz", *TRAIN, "--out", "model.pt"], cwd=tmp_path / "two",
                         env=_env(), capture_output=True, text=True, timeout=300)
    assert two.returncode == 0, two.stdout + two.stderr
    assert "training on 2 processes (gloo)" in two.stdout
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == ["model.pt"]  # one checkpoint, no leftovers
    rank1 = [line for line in two.stdout.splitlines() if line.startswith("[default1]:")]
    assert not any("saved" in line or "epoch" in line for line in rank1)  # rank 1 neither saves nor prints
    assert "saved model.pt" in two.stdout

    single, _ = load_checkpoint(tmp_path / "one" / "model.pt")
    distributed, _ = load_checkpoint(tmp_path / "two" / "model.pt")
    a, b = single.state_dict(), distributed.state_dict()
    assert a.keys() == b.keys()
    for name in a:
        difference = (a[name] - b[name]).abs()
        assert difference.median().item() < 1e-6, name
        assert difference.max().item() < 1e-3, name
    assert abs(_accuracy(one.stdout) - _accuracy(two.stdout)) <= 0.05


SCRIPT = """
import json, sys
import torch
from cnnviz.models.registry import build_model
from cnnviz.training import distributed
from cnnviz.training.trainer import TensorData, TrainConfig, Trainer

run = distributed.init_from_env("cpu")
positions = distributed.shard(torch.arange(10)).tolist()
batches = []

def should_stop():
    if run.rank == 1 and len(batches) >= 3:  # rank 1 alone asks to stop (or fails) after 3 of 10 batches
        if sys.argv[1] == "fail":
            raise RuntimeError("rank 1 failed on purpose")
        return True
    return False

torch.manual_seed(0)
data = TensorData(torch.randn(640, 1, 28, 28), torch.randint(0, 10, (640,)))
config = TrainConfig(epochs=1, batch_size=64, device="cpu", eval_each_epoch=False, threads=1)
trainer = Trainer(build_model("logistic"), config, on_batch=lambda m: batches.append(m.batch), should_stop=should_stop)
result = trainer.fit(data)
print("RESULT " + json.dumps({"rank": run.rank, "positions": positions, "batches": len(batches),
                              "cancelled": result.cancelled}), flush=True)
distributed.finish()  # as the CLI does: every rank done before the group goes
distributed.shutdown()
"""


def _run_script(tmp_path: Path, mode: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "ddp_script.py"
    script.write_text(SCRIPT)
    return subprocess.run([*TORCHRUN, str(script), mode], cwd=tmp_path, env=_env(), capture_output=True, text=True,
                          timeout=300)


def test_a_cancel_in_one_process_stops_every_process_and_the_sampler_splits_the_data(tmp_path: Path) -> None:
    proc = _run_script(tmp_path, "cancel")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    results = sorted((json.loads(line.split("RESULT ", 1)[1]) for line in proc.stdout.splitlines()
                      if "RESULT " in line), key=lambda r: r["rank"])
    assert [r["rank"] for r in results] == [0, 1]
    assert results[0]["positions"] == [0, 2, 4, 6, 8] and results[1]["positions"] == [1, 3, 5, 7, 9]
    assert all(r["cancelled"] and r["batches"] == 3 for r in results)  # rank 0 stopped at the same batch


def test_a_failing_process_ends_the_whole_run(tmp_path: Path) -> None:
    start = time.monotonic()
    proc = _run_script(tmp_path, "fail")
    assert proc.returncode != 0
    assert "rank 1 failed on purpose" in proc.stdout + proc.stderr
    assert "RESULT" not in proc.stdout  # rank 0 did not carry on alone
    assert time.monotonic() - start < 120  # ended, not hanging in a collective
