"""How much a checkpoint's test error depends on which training digits its batch-norm statistics come from:
``python tools/batch_norm_sensitivity.py A.pt [B.pt …]``.

A measurement for docs/report/README.md, not a feature. The modern CNN's recipe keeps the plain average of its
last epochs' weights, whose batch-norm statistics are recomputed over the first 10,000 training digits
(``precise_batch_norm``, ``swa_bn_samples``). Here each checkpoint is tested as saved, then with its statistics
recomputed over each sixth of the 60,000 training digits in turn (the first sixth is the recipe's own, so it
should give the saved figure back), then over all 60,000. The spread across the sixths is how many test digits
the choice of 10,000 moves.
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from torch import nn

from cnnviz.data import load_bundled_mnist
from cnnviz.training.checkpoint import load_checkpoint
from cnnviz.training.trainer import TensorData, TrainConfig, evaluate, precise_batch_norm

TRAINER = TrainConfig()  # the trainer's swa_bn_samples (a sixth of MNIST's training digits) and eval_batch_size


def wrong_with_statistics_from(model: nn.Module, part: TensorData, test: TensorData) -> int:
    """Test digits a copy of ``model`` gets wrong once its batch-norm statistics come from ``part`` alone."""
    recomputed = copy.deepcopy(model)
    precise_batch_norm(recomputed, part, len(part), TRAINER.eval_batch_size)
    return evaluate(recomputed, test).errors


def main(paths: list[Path]) -> None:
    data = load_bundled_mnist()
    test = TensorData.from_arrays(data.test_images, data.test_labels, data.spec)
    train = TensorData.from_arrays(data.train_images, data.train_labels, data.spec)
    step = TRAINER.swa_bn_samples
    for path in paths:
        model = load_checkpoint(path)[0]
        wrong = evaluate(model, test).errors
        print(f"{path.name}: as saved, {wrong} test digits wrong ({wrong / len(test):.2%})")
        for start in range(0, len(train), step):
            part = TensorData(train.x[start : start + step], train.y[start : start + step], train.spec)
            print(f"  statistics from training digits {start:,}-{start + len(part) - 1:,}: "
                  f"{wrong_with_statistics_from(model, part, test)} wrong")
        print(f"  statistics from all {len(train):,} training digits: "
              f"{wrong_with_statistics_from(model, train, test)} wrong")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoints", nargs="+", type=Path)
    main(parser.parse_args().checkpoints)
