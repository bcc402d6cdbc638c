"""Make tests/data/drawn_digits.npz: digits drawn the way people draw them on the app's canvas.

No MNIST image is used. Each digit class has a few hand-designed skeletons — the pen paths a
person follows, stroke by stroke, in the order people draw them (a 0 closed or left open, a 7
with and without a crossbar, an open and a closed 4, a 1 with and without a flag or base, a 2
with a flat or a looped bottom, a flat-topped 3, an 8 in one stroke or as two loops, a 9 with an
open loop, …). Each skeleton is a list of strokes; a stroke is a chain of pieces (straight
lines, elliptic arcs and smooth Catmull-Rom curves) in a unit box, x to the right and y down.
A drawing then varies what people vary:

* the shape: every key point is moved a little, so no two 3s have the same bumps;
* slant (shear, −15…+30°, most people lean right), a small rotation (σ 4°), aspect ratio;
* size on the canvas (a quarter of its height to nearly all of it) and position (anywhere it fits);
* the brush: the app's default of 22 canvas pixels 40% of the time, else 8…44 (the brush slider or
  a pen's pressure, which the canvas applies per stroke);
* the hand: a slow wobble along each stroke and a small tremor, sampled at 4–11 pixel steps as
  mouse-move events arrive.

The strokes are drawn on the app's own ``ui.canvas.DrawingCanvas`` (280×280, antialiased round
pen), and its raster is what is stored: ``canvas`` (N, 280, 280) uint8 with white ink on black,
``labels`` (N,) int64, ``variants`` (N,) the skeleton's name. A test runs them through
``cnnviz.preprocess.mnist_style``, exactly as the canvas hands a drawing to the network.

Seeded and deterministic::

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tools/make_drawn_digits.py            # 50 per class
    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tools/make_drawn_digits.py --sheet /tmp/sheet.png
    PYTHONPATH=. python tools/make_drawn_digits.py --score explorer_cnn.pt   # a saved model's accuracy
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

Point = tuple[float, float]
Stroke = list[Point]

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "drawn_digits.npz"
SEED = 2026
PER_CLASS = 50


# -- pieces of a pen path, in the unit box (x right, y down) ------------------------------------
def arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 24) -> Stroke:
    """Points on an ellipse from angle ``a0`` to ``a1`` (degrees; 0 = right, 90 = down, so
    increasing angles go clockwise on screen)."""
    return [(cx + rx * math.cos(math.radians(a)), cy + ry * math.sin(math.radians(a)))
            for a in np.linspace(a0, a1, n)]


def curve(*points: Point, n: int = 12) -> Stroke:
    """A smooth Catmull-Rom curve through ``points``."""
    pts = [points[0], *points, points[-1]]
    out: Stroke = []
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = (np.array(p) for p in pts[i - 1 : i + 3])
        for t in np.linspace(0.0, 1.0, n, endpoint=i == len(pts) - 3):
            q = 0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2
                       + (-p0 + 3 * p1 - 3 * p2 + p3) * t**3)
            out.append((float(q[0]), float(q[1])))
    return out


def line(*points: Point) -> Stroke:
    """A straight polyline with sharp corners (the path is resampled later)."""
    return list(points)


def chain(*pieces: Stroke) -> Stroke:
    """One pen-down stroke made of pieces drawn one after the other."""
    out: Stroke = []
    for piece in pieces:
        out.extend(piece[1:] if out and np.allclose(out[-1], piece[0], atol=1e-6) else piece)
    return out


# -- skeletons: name → function(jitter) → strokes ----------------------------------------------
# ``j(x, y)`` returns the point moved a little at random, so every drawing's key points differ.
J = Callable[[float, float], Point]


def _zero(j: J) -> list[Stroke]:
    cx, cy = j(0.5, 0.5)
    a, b = j(0.0, 0.0)  # two small random numbers: where the pen starts, how far it overshoots
    start = 260 + 20 * a  # near the top, going left (anticlockwise)
    return [arc(cx, cy, 0.42 + b, 0.5, start, start - 365 - 15 * abs(b), n=40)]


def _zero_gap(j: J) -> list[Stroke]:
    cx, cy = j(0.5, 0.5)
    _, b = j(0.0, 0.0)
    return [arc(cx, cy, 0.45, 0.5, 280, 280 - 320 - 20 * abs(b), n=36)]  # not quite closed


def _zero_narrow(j: J) -> list[Stroke]:
    return [curve(j(0.55, 0.02), j(0.2, 0.2), j(0.18, 0.7), j(0.5, 1.0), j(0.82, 0.7), j(0.8, 0.25),
                  j(0.5, 0.0), j(0.4, 0.06))]


def _one(j: J) -> list[Stroke]:
    return [line(j(0.52, 0.0), j(0.48, 1.0))]


def _one_flag(j: J) -> list[Stroke]:
    return [line(j(0.25, 0.22), j(0.55, 0.0), j(0.52, 1.0))]


def _one_flag_base(j: J) -> list[Stroke]:
    return [line(j(0.3, 0.2), j(0.55, 0.0), j(0.52, 1.0)), line(j(0.25, 1.0), j(0.8, 1.0))]


def _two(j: J) -> list[Stroke]:
    return [chain(curve(j(0.1, 0.28), j(0.45, 0.0), j(0.85, 0.22), j(0.7, 0.55), j(0.08, 1.0)),
                  line(j(0.08, 1.0), j(0.95, 0.98)))]


def _two_loop(j: J) -> list[Stroke]:
    return [curve(j(0.12, 0.25), j(0.5, 0.0), j(0.85, 0.25), j(0.55, 0.65), j(0.15, 0.95),
                  j(0.3, 0.8), j(0.45, 0.95), j(0.95, 0.97))]


def _three(j: J) -> list[Stroke]:
    return [curve(j(0.1, 0.12), j(0.5, 0.0), j(0.85, 0.2), j(0.45, 0.48), j(0.9, 0.72),
                  j(0.5, 1.0), j(0.08, 0.88))]


def _three_flat(j: J) -> list[Stroke]:
    return [chain(line(j(0.1, 0.0), j(0.85, 0.0), j(0.4, 0.42)),
                  curve(j(0.4, 0.42), j(0.9, 0.65), j(0.55, 1.0), j(0.08, 0.88)))]


def _four_open(j: J) -> list[Stroke]:
    return [line(j(0.15, 0.0), j(0.05, 0.62), j(0.95, 0.62)), line(j(0.72, 0.05), j(0.72, 1.0))]


def _four_closed(j: J) -> list[Stroke]:
    return [line(j(0.65, 0.0), j(0.02, 0.66), j(0.95, 0.66)), line(j(0.68, 0.0), j(0.66, 1.0))]


def _five(j: J) -> list[Stroke]:
    return [chain(line(j(0.2, 0.0), j(0.15, 0.45)),
                  curve(j(0.15, 0.45), j(0.55, 0.35), j(0.9, 0.65), j(0.55, 1.0), j(0.05, 0.9))),
            line(j(0.2, 0.0), j(0.9, 0.0))]


def _five_one_stroke(j: J) -> list[Stroke]:
    return [chain(line(j(0.9, 0.0), j(0.2, 0.02), j(0.15, 0.45)),
                  curve(j(0.15, 0.45), j(0.6, 0.38), j(0.9, 0.68), j(0.5, 1.0), j(0.08, 0.88)))]


def _six(j: J) -> list[Stroke]:
    return [curve(j(0.8, 0.0), j(0.35, 0.25), j(0.12, 0.7), j(0.45, 1.0), j(0.85, 0.78),
                  j(0.6, 0.5), j(0.15, 0.65))]


def _six_straight(j: J) -> list[Stroke]:
    return [chain(line(j(0.6, 0.0), j(0.2, 0.6)),
                  curve(j(0.2, 0.6), j(0.4, 1.0), j(0.85, 0.8), j(0.65, 0.45), j(0.2, 0.62)))]


def _seven(j: J) -> list[Stroke]:
    return [line(j(0.05, 0.0), j(0.95, 0.0), j(0.4, 1.0))]


def _seven_bar(j: J) -> list[Stroke]:
    return [line(j(0.05, 0.0), j(0.95, 0.0), j(0.4, 1.0)), line(j(0.35, 0.5), j(0.9, 0.5))]


def _seven_hook(j: J) -> list[Stroke]:
    return [chain(line(j(0.05, 0.2), j(0.05, 0.0), j(0.95, 0.0)), curve(j(0.95, 0.0), j(0.6, 0.5), j(0.5, 1.0)))]


def _eight(j: J) -> list[Stroke]:
    return [curve(j(0.8, 0.1), j(0.5, 0.0), j(0.2, 0.2), j(0.5, 0.48), j(0.85, 0.75), j(0.5, 1.0),
                  j(0.15, 0.75), j(0.5, 0.48), j(0.8, 0.2), j(0.6, 0.02), n=10)]


def _eight_loops(j: J) -> list[Stroke]:
    cx, cy = j(0.5, 0.25)
    bx, by = j(0.5, 0.73)
    return [arc(cx, cy, 0.3, 0.23, -90, 275, n=30), arc(bx, by, 0.4, 0.27, -90, 275, n=30)]


def _nine(j: J) -> list[Stroke]:
    cx, cy = j(0.45, 0.27)
    return [chain(arc(cx, cy, 0.38, 0.27, -10, -370, n=30), line((cx + 0.38, cy), j(0.78, 1.0)))]


def _nine_open(j: J) -> list[Stroke]:
    return [chain(curve(j(0.8, 0.12), j(0.45, 0.0), j(0.12, 0.22), j(0.4, 0.5), j(0.8, 0.35)),
                  line(j(0.8, 0.35), j(0.85, 0.05), j(0.7, 1.0)))]  # loop left open, stem drawn up and down


def _nine_curved(j: J) -> list[Stroke]:
    return [curve(j(0.85, 0.15), j(0.45, 0.0), j(0.1, 0.25), j(0.4, 0.5), j(0.85, 0.25),
                  j(0.8, 0.7), j(0.55, 1.0))]


SKELETONS: dict[int, dict[str, Callable[[J], list[Stroke]]]] = {
    0: {"0-oval": _zero, "0-gap": _zero_gap, "0-narrow": _zero_narrow},
    1: {"1-plain": _one, "1-flag": _one_flag, "1-flag-base": _one_flag_base},
    2: {"2-flat": _two, "2-loop": _two_loop},
    3: {"3-round": _three, "3-flat-top": _three_flat},
    4: {"4-open": _four_open, "4-closed": _four_closed},
    5: {"5-two-strokes": _five, "5-one-stroke": _five_one_stroke},
    6: {"6-curved": _six, "6-straight": _six_straight},
    7: {"7-plain": _seven, "7-crossbar": _seven_bar, "7-hook": _seven_hook},
    8: {"8-one-stroke": _eight, "8-two-loops": _eight_loops},
    9: {"9-straight": _nine, "9-open": _nine_open, "9-curved": _nine_curved},
}
# How wide each digit is drawn relative to its height (a 1 is a line, a 0 or 8 is wide).
ASPECT = {0: 0.7, 1: 0.3, 2: 0.65, 3: 0.6, 4: 0.7, 5: 0.62, 6: 0.62, 7: 0.62, 8: 0.6, 9: 0.6}


# -- the hand --------------------------------------------------------------------------------
def _resample(stroke: Stroke, step: float) -> np.ndarray:
    """Points every ``step`` along the path (as mouse-move events arrive), keeping both ends."""
    pts = np.asarray(stroke, dtype=np.float64)
    if len(pts) == 1:
        return pts
    seg = np.linalg.norm(np.diff(pts, axis=0), axis=1)
    dist = np.concatenate([[0.0], np.cumsum(seg)])
    if dist[-1] <= 0:
        return pts[:1]
    at = np.append(np.arange(0.0, dist[-1], step), dist[-1])
    return np.stack([np.interp(at, dist, pts[:, 0]), np.interp(at, dist, pts[:, 1])], axis=1)


def draw_digit(label: int, rng: np.random.Generator) -> tuple[str, list[tuple[float, list[Point]]]]:
    """One person's drawing of ``label``: its skeleton's name and its strokes as (brush width,
    canvas points) for a 280×280 canvas."""
    names = list(SKELETONS[label])
    name = names[int(rng.integers(len(names)))]
    shape_jitter = 0.05

    def j(x: float, y: float) -> Point:
        return x + float(rng.normal(0, shape_jitter)), y + float(rng.normal(0, shape_jitter))

    strokes = SKELETONS[label][name](j)
    raster = 280.0
    height = float(rng.uniform(0.25, 0.95)) * raster
    width = height * ASPECT[label] * float(rng.uniform(0.8, 1.25))
    slant = math.radians(float(rng.uniform(-15, 30)))
    rot = math.radians(float(rng.normal(0, 4)))
    brush = 22.0 if rng.random() < 0.4 else float(rng.uniform(8, 44))

    def place(p: np.ndarray) -> np.ndarray:  # unit box → canvas, centred on the origin
        x = (p[:, 0] - 0.5) * width + (0.5 - p[:, 1]) * height * math.tan(slant)
        y = (p[:, 1] - 0.5) * height
        return np.stack([x * math.cos(rot) - y * math.sin(rot), x * math.sin(rot) + y * math.cos(rot)], axis=1)

    placed = [place(np.asarray(s)) for s in strokes]
    every = np.concatenate(placed)
    lo, hi = every.min(axis=0), every.max(axis=0)
    margin = brush / 2 + 2
    room_lo, room_hi = margin - lo, raster - margin - hi
    offset = np.array([rng.uniform(min(a, b), max(a, b)) for a, b in zip(room_lo, room_hi, strict=True)])
    out = []
    for s in placed:
        pts = _resample(s + offset, float(rng.uniform(4, 11)))
        # a slow wobble along the stroke (the arm) and a small tremor (the mouse)
        t = np.linspace(0, 1, len(pts))[:, None]
        phase, freq = rng.uniform(0, 2 * math.pi, 2), rng.uniform(0.5, 2.0)
        wobble = np.stack([np.sin(2 * math.pi * freq * t[:, 0] + phase[0]),
                           np.sin(2 * math.pi * freq * t[:, 0] + phase[1])], axis=1)
        pts = pts + wobble * height * 0.015 + rng.normal(0, 0.6, pts.shape)
        pts = np.clip(pts, 0, raster - 1)
        out.append((brush, [(float(x), float(y)) for x, y in pts]))
    return name, out


def render(strokes: Sequence[tuple[float, Sequence[Point]]]) -> np.ndarray:
    """Draw strokes on the app's own canvas and return its raster as uint8 (280, 280)."""
    from ui.canvas import DrawingCanvas

    canvas = _canvas(DrawingCanvas)
    canvas.clear()
    for width, points in strokes:
        canvas.draw_stroke(points, width)
    return np.round(canvas.raster() * 255).astype(np.uint8)


_CANVAS: list[object] = []


def _canvas(cls: type) -> object:
    if not _CANVAS:
        from PyQt6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
        canvas = cls()
        canvas.blockSignals(True)
        _CANVAS.extend([app, canvas])
    return _CANVAS[1]


def make(per_class: int = PER_CLASS, seed: int = SEED) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    canvases, labels, variants = [], [], []
    for _ in range(per_class):
        for label in range(10):
            name, strokes = draw_digit(label, rng)
            canvases.append(render(strokes))
            labels.append(label)
            variants.append(name)
    return np.stack(canvases), np.asarray(labels, dtype=np.int64), np.asarray(variants)


def contact_sheet(canvas: np.ndarray, labels: np.ndarray, path: Path, preprocessed: bool = True) -> None:
    """A PNG grid, one row per class: the 28×28 inputs (or the raw canvases, shrunk)."""
    from PIL import Image

    from cnnviz.preprocess import mnist_style

    cols = min(25, int(np.bincount(labels).min()))
    tile = 28 if preprocessed else 70
    sheet = np.zeros((10 * (tile + 2), cols * (tile + 2)), dtype=np.uint8)
    for c in range(10):
        for k, i in enumerate(np.flatnonzero(labels == c)[:cols]):
            if preprocessed:
                img = mnist_style(canvas[i].astype(np.float32) / 255.0)
                small = (np.zeros((28, 28)) if img is None else img * 255).astype(np.uint8)
            else:
                small = np.asarray(Image.fromarray(canvas[i]).resize((tile, tile), Image.Resampling.BILINEAR))
            sheet[c * (tile + 2) : c * (tile + 2) + tile, k * (tile + 2) : k * (tile + 2) + tile] = small
    Image.fromarray(sheet).resize((sheet.shape[1] * 3 if preprocessed else sheet.shape[1],
                                   sheet.shape[0] * 3 if preprocessed else sheet.shape[0]),
                                  Image.Resampling.NEAREST).save(path)


def score(checkpoint: Path, path: Path = OUT) -> int:
    """Print a saved model's accuracy on the stored drawings (made into inputs as the canvas does)."""
    from cnnviz.preprocess import mnist_style
    from cnnviz.training import CheckpointError, load_checkpoint
    from cnnviz.training.trainer import TensorData, evaluate

    try:
        model, meta = load_checkpoint(checkpoint)
    except CheckpointError as exc:
        print(f"{exc}: give a model saved by cnnviz (the app's is in its user-data folder).", file=sys.stderr)
        return 2
    with np.load(path) as z:
        canvas, labels = z["canvas"], z["labels"]
    inputs = np.stack([mnist_style(c.astype(np.float32) / 255.0) for c in canvas])  # (N, 28, 28)
    result = evaluate(model, TensorData.from_arrays(inputs, labels))
    per_class = " ".join(f"{c}:{(result.predictions[labels == c] == c).mean():.0%}" for c in range(10))
    mnist = "" if meta.test_accuracy is None else f"; MNIST test {meta.test_accuracy:.2%}"
    print(f"{meta.model}: drawn digits {result.accuracy:.1%} ({result.errors} of {len(labels)} wrong){mnist}")
    print(f"  per class {per_class}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--per-class", type=int, default=PER_CLASS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--sheet", type=Path, help="also write a contact sheet of the 28×28 inputs here")
    parser.add_argument("--raw-sheet", type=Path, help="also write a contact sheet of the raw canvases here")
    parser.add_argument("--score", type=Path, metavar="CHECKPOINT",
                        help="instead of drawing, print this saved model's accuracy on the stored set")
    args = parser.parse_args(argv)
    if args.score:
        return score(args.score, args.out)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    canvas, labels, variants = make(args.per_class, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, canvas=canvas, labels=labels, variants=variants)
    print(f"wrote {len(labels)} drawings to {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    if args.sheet:
        contact_sheet(canvas, labels, args.sheet)
    if args.raw_sheet:
        contact_sheet(canvas, labels, args.raw_sheet, preprocessed=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
