"""Run the benchmarks and print one table: ``python -m benchmarks [NAME ...] [--quick] [--markdown FILE]``."""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
import time
from pathlib import Path

import torch

from benchmarks.common import Figure, load_average

# In the order of the README's table. Each module has run(quick) -> list[Figure].
BENCHMARKS = {
    "end_to_end": "a pen movement to the repainted window, in the real window (the headline)",
    "latency": "draw-to-prediction, core path (capture on the explorer CNN)",
    "ui_refresh": "the full UI refresh, offscreen",
    "throughput": "Trainer vs a bare PyTorch loop; thread settings",
    "train_while_drawing": "training on 1 vs all threads while the GUI is busy",
    "training_lab": "FC vs CNN default run (1,000 digits, 20 epochs)",
    "numpy_reference": "app vs a pure-NumPy im2col explorer CNN",
    "cold_start": "python main.py to a responding window, and to its first prediction",
    "explain": "Explain tab's saliency and probe jobs",
    "ablation": "which channels matter: every channel of the explorer CNN switched off in turn",
    "camera": "live camera frames to predictions on screen, real window",
    "data_loading": "50,000 PNGs of 32×32 read and cached, then re-opened",
    "features": "Filters tab's top-9 examples per channel and feature visualisations",
    "gpu": "the same on CUDA, where there is a GPU",
    "imports": "opening a ResNet-18-sized ONNX / TorchScript file and capturing every stage",
    "imported_views": "an opened 224×224 ResNet-18-shaped model: background capture, window gaps, repaint",
}


def markdown_rows(figures: list[Figure], commands: dict[str, str]) -> list[str]:
    """The README's table: figure, the command that produced it, value, target, verdict, conditions."""
    rows = ["| Figure | Command | Today | Target | Met? | Conditions |", "|---|---|---|---|---|---|"]
    for f in figures:
        rows.append(f"| {f.name} | `python -m benchmarks {commands.get(f.benchmark, f.benchmark)}` | "
                    f"{f.value_text()} | {f.target or '—'} | {f.verdict()} | {f.detail} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"any of: {', '.join(BENCHMARKS)} (default: all)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks the code runs, numbers mean little")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown to this file")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    names = args.names or list(BENCHMARKS)
    print(f"cnnviz benchmarks on {platform.processor() or platform.machine()}, torch {torch.__version__}, "
          f"{torch.get_num_threads()} torch threads; load average {load_average()}", flush=True)
    figures: list[Figure] = []
    commands: dict[str, str] = {}  # a Figure's benchmark label -> the module that made it
    for name in names:
        print(f"\n== {name}: {BENCHMARKS[name]}", flush=True)
        start = time.perf_counter()
        module = importlib.import_module(f"benchmarks.{name}")
        results: list[Figure] = module.run(quick=args.quick)
        for f in results:
            target = f"  target {f.target}: {f.verdict()}" if f.target else ""
            print(f"  {f.name}: {f.value_text()}{target}   [{f.detail}]", flush=True)
        print(f"  ({time.perf_counter() - start:.0f} s; load average now {load_average()})", flush=True)
        figures.extend(results)
        commands.update({f.benchmark: name for f in results})
    if args.markdown:
        args.markdown.write_text("\n".join(markdown_rows(figures, commands)) + "\n", encoding="utf-8")
        print(f"\nwrote {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
