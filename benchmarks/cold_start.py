"""Cold start: ``python main.py`` to a shown window that has run its event loop, with a saved model.

Each run is a fresh process started offscreen with ``CNNVIZ_EXIT_AFTER_SHOWN=1``: the app prints a
timestamp once the window is shown, the cached model loaded and the first event-loop pass done,
then quits. CPU time (user + system) is reported beside wall time: on a shared, busy machine it
shows how much work the start is (it can exceed the wall time: several threads start up at once).
``import torch`` alone is timed the same
way, in the same run, because it is most of the start-up.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import torch

from benchmarks.common import Figure, at_most, median
from cnnviz.models import build_model
from cnnviz.paths import RESOURCES_DIR
from cnnviz.training import CheckpointMeta, save_checkpoint

TARGET_S = 3.0
ROOT = RESOURCES_DIR.parent


def _cpu_of(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall seconds to the app's report line, or to exit; CPU seconds; stdout) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    proc = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True)
    end = time.time()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    for line in proc.stdout.splitlines():
        if line.startswith("CNNVIZ_SHOWN "):
            end = float(line.split()[1])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return end - start, cpu, proc.stdout


def prepare_user_dir(folder: Path) -> None:
    """A user folder holding a saved explorer CNN, as on every launch after the first (weights don't matter)."""
    torch.manual_seed(0)
    model = build_model("explorer_cnn")
    save_checkpoint(model, folder / "explorer_cnn.pt",
                    CheckpointMeta(model="explorer_cnn", model_kwargs=dict(model.arch_kwargs)))


def run(quick: bool = False, repeats: int = 5) -> list[Figure]:
    repeats = 1 if quick else repeats
    with tempfile.TemporaryDirectory(prefix="cnnviz-bench-") as tmp:
        user_dir = Path(tmp) / "data"
        user_dir.mkdir()
        prepare_user_dir(user_dir)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CNNVIZ_EXIT_AFTER_SHOWN="1",
                   CNNVIZ_DATA_DIR=str(user_dir), XDG_CONFIG_HOME=str(Path(tmp) / "config"))
        app_cmd = [sys.executable, "main.py"]
        torch_cmd = [sys.executable, "-c", "import torch"]
        if not quick:
            _cpu_of(app_cmd, env)  # first launch verifies the bundled data's checksums once; not timed
        app_wall, app_cpu, torch_wall, torch_cpu = [], [], [], []
        for _ in range(repeats):
            wall, cpu, out = _cpu_of(app_cmd, env)
            if "model=True" not in out:
                raise RuntimeError(f"the app did not report a shown window with its model: {out!r}")
            app_wall.append(wall)
            app_cpu.append(cpu)
            wall, cpu, _ = _cpu_of(torch_cmd, env)
            torch_wall.append(wall)
            torch_cpu.append(cpu)
    detail = f"median of {repeats} fresh processes, offscreen, saved model"
    return [
        at_most("cold_start", "python main.py → window responding (wall)", median(app_wall), "s", TARGET_S, detail),
        Figure("cold_start", "… same, CPU time of all its threads", median(app_cpu), "s", detail=detail),
        Figure("cold_start", "of which `import torch` alone (wall)", median(torch_wall), "s", detail=detail),
        Figure("cold_start", "`import torch` alone, CPU time", median(torch_cpu), "s", detail=detail),
    ]
