"""Test error of checkpoints alone and of every ensemble of them: ``python tools/ensemble_checkpoints.py A.pt B.pt …``.

A measurement for docs/report/README.md, not a feature: each file's model classifies the bundled MNIST test set,
then every combination of two or more averages their probabilities. The report's checkpoints lie in its cache
(``~/.local/share/cnnviz/report-cache/`` on Linux).
"""

from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cnnviz.data import load_bundled_mnist
from cnnviz.models.staged import eval_mode
from cnnviz.training.checkpoint import load_checkpoint
from cnnviz.training.trainer import EVAL_CHUNK, TensorData


def error(probs: torch.Tensor, labels: torch.Tensor) -> float:
    """Percent of the digits whose most probable class is wrong."""
    return (probs.argmax(1) != labels).float().mean().item() * 100


def main(paths: list[Path]) -> None:
    data = load_bundled_mnist()
    test = TensorData.from_arrays(data.test_images, data.test_labels, data.spec)
    probs: dict[str, torch.Tensor] = {}
    for path in paths:
        model, _ = load_checkpoint(path)
        with torch.no_grad(), eval_mode(model):
            probs[path.stem] = torch.cat([F.softmax(model(test.x[i : i + EVAL_CHUNK]), 1)  # (N, 10)
                                          for i in range(0, len(test), EVAL_CHUNK)])
        print(f"{path.stem}: {error(probs[path.stem], test.y):.2f}%")
    for k in range(2, len(probs) + 1):
        for names in combinations(probs, k):
            averaged = torch.stack([probs[n] for n in names]).mean(0)  # (k, N, 10) → (N, 10)
            print(f"ensemble of {k} ({', '.join(names)}): {error(averaged, test.y):.2f}%")


if __name__ == "__main__":
    main([Path(arg) for arg in sys.argv[1:]])
