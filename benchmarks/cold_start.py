"""Cold start: ``python main.py`` to (a) a responding window and (b) the first prediction on screen.

Each run is a fresh process started offscreen with ``CNNVIZ_EXIT_AFTER_SHOWN=predicted``: the app
prints ``CNNVIZ_SHOWN <time>`` after its first event-loop pass (the window is up and answering events,
the canvas drawable; PyTorch, the data and the model are still loading behind it), then
``CNNVIZ_PREDICTED <time>`` once the first capture (the start-up model on a test digit) has reached the
views, and quits. Times run from just before the process is started (``time.time()`` on both sides).

Two cases, reported apart: (1) a saved model in the user-data folder, as on every launch after the
first; (2) a truly first launch, with an empty user-data folder: the bundled MNIST is unpacked once and
there is no model, so (2)(b) is the time until the first-launch model is *trained* (in the background,
with the window usable and the progress shown) and its first prediction shown.
CPU time (user + system, all threads) is reported beside wall time: on a shared, busy machine it
shows how much work the start is. ``import torch`` alone is timed the same way, in the same run.
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

from benchmarks.common import Figure, at_most, load_average, median
from cnnviz.models import build_model
from cnnviz.paths import RESOURCES_DIR
from cnnviz.training import CheckpointMeta, save_checkpoint

SHOWN_TARGET_S = 1.0
PREDICTED_TARGET_S = 2.0
ROOT = RESOURCES_DIR.parent


def _marks(args: list[str], env: dict[str, str]) -> tuple[dict[str, float], float, str]:
    """({mark: seconds from the start}, CPU seconds, stdout) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    proc = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=True)
    end = time.time()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    marks = {"exit": end - start}
    for line in proc.stdout.splitlines():
        if line.startswith("CNNVIZ_"):
            name, stamp = line.split()[:2]
            marks[name.removeprefix("CNNVIZ_").lower()] = float(stamp) - start
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return marks, cpu, proc.stdout


def prepare_user_dir(folder: Path) -> None:
    """A user folder holding a saved explorer CNN, as on every launch after the first (weights don't matter)."""
    torch.manual_seed(0)
    model = build_model("explorer_cnn")
    save_checkpoint(model, folder / "explorer_cnn.pt",
                    CheckpointMeta(model="explorer_cnn", model_kwargs=dict(model.arch_kwargs)))


def _app_env(tmp: Path, user_dir: Path, mode: str) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", CNNVIZ_EXIT_AFTER_SHOWN=mode,
                CNNVIZ_DATA_DIR=str(user_dir), XDG_CONFIG_HOME=str(tmp / "config"))


def _launch(env: dict[str, str], need: tuple[str, ...]) -> tuple[dict[str, float], float]:
    marks, cpu, out = _marks([sys.executable, "main.py"], env)
    if any(name not in marks for name in need) or "visible=True" not in out:
        raise RuntimeError(f"the app did not report {', '.join(need)}: {out!r}")
    return marks, cpu


def run(quick: bool = False, repeats: int = 5, first_launch_repeats: int = 3) -> list[Figure]:
    """``quick``: one run of each, and the first launch only to its window (no first-launch training)."""
    repeats = 1 if quick else repeats
    loads = [load_average()]
    saved: list[dict[str, float]] = []
    saved_cpu, torch_wall, torch_cpu = [], [], []
    with tempfile.TemporaryDirectory(prefix="cnnviz-bench-") as tmp_name:
        tmp = Path(tmp_name)
        user_dir = tmp / "data"
        user_dir.mkdir()
        prepare_user_dir(user_dir)
        env = _app_env(tmp, user_dir, "predicted")
        if not quick:
            _launch(env, ("shown", "predicted"))  # unpacks the bundled data and checks it once; not timed
        for _ in range(repeats):
            marks, cpu = _launch(env, ("shown", "predicted"))
            saved.append(marks)
            saved_cpu.append(cpu)
            marks, cpu, _ = _marks([sys.executable, "-c", "import torch"], env)
            torch_wall.append(marks["exit"])
            torch_cpu.append(cpu)
    loads.append(load_average())
    first: list[dict[str, float]] = []
    first_mode = "1" if quick else "predicted"  # "1": quit once the start-up job is done (training cancelled)
    for _ in range(1 if quick else first_launch_repeats):
        with tempfile.TemporaryDirectory(prefix="cnnviz-bench-first-") as tmp_name:
            tmp = Path(tmp_name)  # a new, empty user-data folder: a truly first launch
            first.append(_launch(_app_env(tmp, tmp / "data", first_mode), ("shown", "started"))[0])
    loads.append(load_average())

    detail = f"median of {repeats} fresh processes, offscreen, saved model; load average {' → '.join(loads[:2])}"
    first_detail = (f"median of {len(first)} fresh processes, offscreen, empty user-data folder; load average "
                    f"{' → '.join(loads[1:])}")
    figures = [
        at_most("cold_start", "saved model: python main.py → window responding (wall)",
                median([m["shown"] for m in saved]), "s", SHOWN_TARGET_S, detail),
        at_most("cold_start", "saved model: python main.py → first prediction shown (wall)",
                median([m["predicted"] for m in saved]), "s", PREDICTED_TARGET_S, detail),
        Figure("cold_start", "saved model: CPU time of all its threads, to exit", median(saved_cpu), "s",
               detail=detail),
        Figure("cold_start", "`import torch` alone (wall)", median(torch_wall), "s", detail=detail),
        Figure("cold_start", "`import torch` alone, CPU time", median(torch_cpu), "s", detail=detail),
        at_most("cold_start", "first launch: python main.py → window responding (wall)",
                median([m["shown"] for m in first]), "s", SHOWN_TARGET_S, first_detail),
    ]
    figures.append(Figure("cold_start", "first launch: → start-up job done (torch, data unpacked once, no model)",
                          median([m["started"] for m in first]), "s", detail=first_detail))
    if not quick:
        figures.append(at_most(
            "cold_start", "first launch: → first prediction shown (wall; includes training the first model)",
            median([m["predicted"] for m in first]), "s", PREDICTED_TARGET_S, first_detail))
    return figures
