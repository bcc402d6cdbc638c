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
from cnnviz.training.trainer import TensorData, evaluate, precise_batch_norm

SIXTH = 10_000  # the recipe's swa_bn_samples


def main(paths: list[Path]) -> None:
    data = load_bundled_mnist()
    test = TensorData.from_arrays(data.test_images, data.test_labels, data.spec)
    train = TensorData.from_arrays(data.train_images, data.train_labels, data.spec)
    for path in paths:
        model = load_checkpoint(path)[0]

        def wrong_with_statistics_from(part: TensorData, model: nn.Module = model) -> int:
            recomputed = copy.deepcopy(model)
            precise_batch_norm(recomputed, part, len(part), batch_size=1000)  # the trainer's eval_batch_size
            return evaluate(recomputed, test).errors

        wrong = evaluate(model, test).errors
        print(f"{path.name}: as saved, {wrong} test digits wrong ({wrong / len(test):.2%})")
        for start in range(0, len(train), SIXTH):
            part = TensorData(train.x[start : start + SIXTH], train.y[start : start + SIXTH], train.spec)
            print(f"  statistics from training digits {start:,}-{start + SIXTH - 1:,}: "
                  f"{wrong_with_statistics_from(part)} wrong")
        print(f"  statistics from all {len(train):,} training digits: {wrong_with_statistics_from(train)} wrong")

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoints", nargs="+", type=Path)
    main(parser.parse_args().checkpoints)
