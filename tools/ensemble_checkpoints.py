"""Test error of checkpoints alone and of every ensemble of them: ``python tools/ensemble_checkpoints.py A.pt B.pt …``.

A measurement for docs/report/README.md, not a feature: each file's model classifies the bundled MNIST test set,
then every combination of two or more averages their probabilities. With ``--tta`` each model's probabilities are
first averaged over the report's shifted copies (test-time augmentation, as the report's "With TTA" column). With
``--shared`` it also says how many test digits are wrong in every one of the models, in all but one, and so on, and
lists those wrong in all but one or more (index, label, the classes given). The report's checkpoints lie in its
cache (``~/.local/share/cnnviz/report-cache/`` on Linux).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cnnviz.data import load_bundled_mnist
from cnnviz.training.augment import black_pixel
from cnnviz.training.checkpoint import load_checkpoint
from cnnviz.training.trainer import TTA_SHIFTS, TensorData, accuracy_of, averaged_probabilities


def main(paths: list[Path], tta: bool = False, shared: bool = False) -> None:
    data = load_bundled_mnist()
    test = TensorData.from_arrays(data.test_images, data.test_labels, data.spec)
    probs: dict[str, torch.Tensor] = {}
    for path in paths:
        model = load_checkpoint(path)[0]
        shifts = TTA_SHIFTS if tta else ((0, 0),)  # one unshifted copy: the model's own probabilities
        probs[path.stem] = averaged_probabilities(model, test, float(black_pixel(data.spec)), shifts)  # (N, 10)
        print(f"{path.stem}: {(1 - accuracy_of(probs[path.stem], test.y)) * 100:.2f}%")
    for k in range(2, len(probs) + 1):
        for names in combinations(probs, k):
            averaged = torch.stack([probs[n] for n in names]).mean(0)  # (k, N, 10) → (N, 10)
            print(f"ensemble of {k} ({', '.join(names)}): {(1 - accuracy_of(averaged, test.y)) * 100:.2f}%")
    if shared:
        given = torch.stack([p.argmax(1) for p in probs.values()])  # (models, N)
        wrong = (given != test.y).sum(0)  # (N,): how many of the models get each digit wrong
        for k in range(len(probs), 0, -1):
            print(f"wrong in {k} of {len(probs)}: {int((wrong == k).sum())} test digits")
        for i in (wrong >= max(len(probs) - 1, 1)).nonzero().flatten().tolist():
            classes = Counter(int(c) for c in given[:, i])
            print(f"  digit {i}: label {int(test.y[i])}, given {dict(classes)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoints", nargs="+", type=Path)
    parser.add_argument("--tta", action="store_true", help="average each model over the report's shifted copies")
    parser.add_argument("--shared", action="store_true", help="count the test digits the models get wrong together")
    args = parser.parse_args()
    main(args.checkpoints, args.tta, args.shared)
