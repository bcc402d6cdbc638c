"""Denormal floats are flushed to zero in command-line runs (they made a long CPU training run crawl)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import threading, torch
from cnnviz.training.device import flush_denormals
print("supported", flush_denormals())
half_of_tiny = torch.full((4096,), 1e-38) * 0.5  # 5e-39: a denormal unless flushed
seen = {"main": float(half_of_tiny.abs().max())}
def later_thread():
    torch.set_num_threads(2)
    x = torch.full((1 << 20,), 1e-38)
    seen["thread"] = float((x * 0.5).abs().max())
t = threading.Thread(target=later_thread); t.start(); t.join()
print("main", seen["main"], "thread", seen["thread"])
"""


def test_after_flush_denormals_this_thread_and_threads_started_later_compute_zero_not_a_denormal() -> None:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(SCRIPT)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    if "supported False" in done.stdout:
        pytest.skip("this CPU cannot flush denormals")
    assert "main 0.0 thread 0.0" in done.stdout, done.stdout


def test_every_sub_command_flushes_denormals_before_it_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import cnnviz.training.device as device
    from cnnviz.cli import main

    calls: list[str] = []
    monkeypatch.setattr(device, "flush_denormals", lambda: calls.append("flushed") or True)
    main(["data", "list"])
    assert calls == ["flushed"]
