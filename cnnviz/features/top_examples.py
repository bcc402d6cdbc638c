"""The test images that excite each channel most, and the patch of each that the channel's cell sees.

One batched pass over the test set runs the model up to the last stage asked for, keeps every channel's
largest response per image (and where it is), and merges each chunk into a running top k per channel, so
memory stays at one chunk whatever the set's size. Ties go to the earlier test image. The patch is the
receptive field of the strongest cell (``cnnviz.introspect.receptive_field``), clipped to the image.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from cnnviz.data.transforms import InputSpec, to_spec_input
from cnnviz.features import cache
from cnnviz.features.targets import model_key, run_to
from cnnviz.introspect.receptive_field import ReceptiveField, receptive_fields
from cnnviz.jobs import Job, check
from cnnviz.models.staged import StagedNet, eval_mode

CHUNK = 1000  # images per forward pass: the explorer CNN's conv2 maps for 1,000 digits take ~50 MB


@dataclass(frozen=True)
class TopExamples:
    """For each of a stage's C channels (or units), its k strongest test images, strongest first."""

    stage: str
    indices: np.ndarray  # (C, k) int64: positions in the test set
    values: np.ndarray  # (C, k) float32: the channel's largest response on that image
    cells: np.ndarray  # (C, k, 2) int64: (row, col) of that response in the stage's maps ((0, 0) for a vector)
    boxes: np.ndarray  # (C, k, 4) int64: (top, left, bottom, right), inclusive, in the test image's pixels

    def patch(self, images: np.ndarray, channel: int, rank: int) -> np.ndarray:
        """The part of test image ``indices[channel, rank]`` (from ``images``, the test set) that its cell sees."""
        top, left, bottom, right = (int(v) for v in self.boxes[channel, rank])
        return images[int(self.indices[channel, rank])][top : bottom + 1, left : right + 1]

    def arrays(self) -> cache.Arrays:
        return {"indices": self.indices, "values": self.values, "cells": self.cells, "boxes": self.boxes}


def top_examples(model: StagedNet, spec: InputSpec, images: np.ndarray, stages: list[str], k: int = 9,
                 job: Job | None = None, data_key: str | None = None,
                 cache_dir: Path | None = None) -> dict[str, TopExamples]:
    """Each stage's top ``k`` of ``images`` ((N, H, W) or (N, H, W, 3), uint8 or [0, 1]) per channel.

    ``data_key`` names the image set for the cache (e.g. its checksum); without it nothing is cached.
    ``job.progress((done, total))`` after each chunk; ``job.should_stop`` is checked before each.
    """
    job = job or Job()
    keys = {s: cache.make_key(kind="top", weights=model_key(model), data=data_key, input=spec.to_dict(), stage=s,
                              k=k, version=1) for s in stages} if data_key else {}
    found: dict[str, TopExamples] = {}
    for s, key in keys.items():
        hit = cache.load(key, cache_dir)
        if hit is not None:
            found[s] = TopExamples(s, hit["indices"], hit["values"], hit["cells"], hit["boxes"])
    todo = [s for s in stages if s not in found]
    if todo:
        for s, result in _scan(model, spec, images, todo, k, job).items():
            found[s] = result
            if s in keys:
                cache.store(keys[s], result.arrays(), cache_dir)
    return {s: found[s] for s in stages}


def _scan(model: StagedNet, spec: InputSpec, images: np.ndarray, stages: list[str], k: int,
          job: Job) -> dict[str, TopExamples]:
    n = len(images)
    k = min(k, n)
    device = next(model.parameters()).device
    best: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}  # stage -> (values, indices, flat cells)
    widths: dict[str, int] = {}
    with eval_mode(model), torch.inference_mode():
        for start in range(0, n, CHUNK):
            check(job.should_stop)
            x = to_spec_input(images[start : start + CHUNK], spec).to(device)  # (B, C, H, W)
            for s, out in run_to(model, x, set(stages), before_activation=False).items():
                if out.ndim == 4:  # (B, C, H, W) -> the largest cell per channel: (B, C)
                    widths[s] = out.shape[3]
                    vals, where = out.flatten(2).max(dim=2)
                else:  # (B, F)
                    widths[s] = 1
                    vals, where = out, torch.zeros_like(out, dtype=torch.long)
                chunk = (vals.T.float().cpu().numpy(), np.broadcast_to(np.arange(start, start + len(vals)),
                                                                       vals.T.shape), where.T.cpu().numpy())
                best[s] = _merge(best.get(s), chunk, k)
            job.progress((min(start + CHUNK, n), n))
    fields = {f.stage: f for f in receptive_fields(model)}
    scale = (images.shape[1] / spec.size[0], images.shape[2] / spec.size[1])
    results = {}
    for s in stages:
        values, indices, flat = best[s]
        cells = np.stack([flat // widths[s], flat % widths[s]], axis=-1).astype(np.int64)  # (C, k, 2)
        boxes = _boxes(fields[s], cells, spec.size, scale)
        results[s] = TopExamples(s, indices.astype(np.int64), values.astype(np.float32), cells, boxes)
    return results


def _merge(previous: tuple[np.ndarray, np.ndarray, np.ndarray] | None,
           chunk: tuple[np.ndarray, np.ndarray, np.ndarray], k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The k largest per row of the kept best and a new chunk, each (C, m): earlier images first on ties."""
    if previous is not None:
        chunk = tuple(np.concatenate([a, b], axis=1) for a, b in zip(previous, chunk, strict=True))  # type: ignore[assignment]
    values, indices, cells = chunk
    order = np.argsort(-values, axis=1, kind="stable")[:, :k]  # kept ones come before the chunk: ties stay early
    return tuple(np.take_along_axis(a, order, axis=1) for a in (values, indices, cells))  # type: ignore[return-value]


def _boxes(field: ReceptiveField, cells: np.ndarray, size: tuple[int, int],
           scale: tuple[float, float]) -> np.ndarray:
    """(C, k, 4) the receptive field of each cell, clipped to the model's input, in the data's pixels."""
    if not field.spatial:
        box = np.array([0, 0, round(size[0] * scale[0]) - 1, round(size[1] * scale[1]) - 1])
        return np.broadcast_to(box, (*cells.shape[:2], 4)).copy()
    centre_y = field.start_y + cells[..., 0] * field.jump_y
    centre_x = field.start_x + cells[..., 1] * field.jump_x
    top = np.clip(np.round(centre_y - (field.height - 1) / 2), 0, size[0] - 1)
    bottom = np.clip(np.round(centre_y + (field.height - 1) / 2), 0, size[0] - 1)
    left = np.clip(np.round(centre_x - (field.width - 1) / 2), 0, size[1] - 1)
    right = np.clip(np.round(centre_x + (field.width - 1) / 2), 0, size[1] - 1)
    # model pixels -> the data's pixels (the same for MNIST; a resized data set scales the box)
    return np.stack([np.floor(top * scale[0]), np.floor(left * scale[1]),
                     np.ceil((bottom + 1) * scale[0]) - 1, np.ceil((right + 1) * scale[1]) - 1],
                    axis=-1).astype(np.int64)
