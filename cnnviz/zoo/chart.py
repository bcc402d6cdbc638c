"""The report's bar chart as a PNG, drawn with Pillow so the command line needs no GUI toolkit."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from cnnviz.zoo.report_format import ReportRow

MEASURED_RGB = (31, 119, 180)
SEED_RGB = (190, 190, 190)
TEXT_RGB = (30, 30, 30)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def nice_step(span: float, most: int = 6) -> float:
    """The smallest 1-2-5 step that covers ``span`` in at most ``most`` ticks."""
    base = 10 ** math.floor(math.log10(max(span, 1e-9) / most))
    return next(base * m for m in (1, 2, 5, 10) if span / (base * m) <= most)


def render_error_chart(rows: Sequence[ReportRow], path: str | Path, width: int = 960, height: int = 540,
                       dataset: str = "MNIST") -> Path:
    """Grouped bars per model: measured test error next to the published figure, values written on top."""
    path = Path(path)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    title, label, small = _font(22), _font(16), _font(14)
    draw.text((width // 2, 14), f"{dataset} test error (%), lower is better", fill=TEXT_RGB, font=title, anchor="mt")
    left, right, top, bottom = 70, width - 30, 70, height - 70
    values = [v for row in rows for v in (row.test_error, row.seed_error) if v is not None]  # None: not trained
    step = nice_step(max(values, default=1.0) * 1.15)
    ticks = math.ceil(max(values, default=1.0) * 1.15 / step)
    top_value = step * ticks
    draw.line([(left, top), (left, bottom), (right, bottom)], fill=TEXT_RGB, width=2)
    for i in range(ticks + 1):  # y grid and ticks
        value = step * i
        y = bottom - (bottom - top) * i / ticks
        draw.line([(left - 5, y), (left, y)], fill=TEXT_RGB)
        if i:
            draw.line([(left + 1, y), (right, y)], fill=(232, 232, 232))
        draw.text((left - 8, y), f"{value:g}", fill=TEXT_RGB, font=small, anchor="rm")

    def bar(x0: float, x1: float, value: float | None, colour: tuple[int, int, int]) -> None:
        if value is None:
            return
        y = bottom - (bottom - top) * value / top_value
        draw.rectangle([x0, y, x1, bottom - 1], fill=colour)
        draw.text(((x0 + x1) / 2, y - 4), f"{value:.2f}", fill=TEXT_RGB, font=small, anchor="mb")

    slot = (right - left) / max(len(rows), 1)
    for i, row in enumerate(rows):
        x = left + slot * i
        w = min(slot * 0.32, 90)
        centre = x + slot / 2
        bar(centre - w - 2, centre - 2, row.test_error, MEASURED_RGB)
        bar(centre + 2, centre + w + 2, row.seed_error, SEED_RGB)
        draw.text((centre, bottom + 8), row.model, fill=TEXT_RGB, font=label, anchor="mt")
        if row.shortened:
            text = "not trained (estimate)" if row.estimated_only else f"{row.epochs} of {row.recipe_epochs} epochs"
            draw.text((centre, bottom + 30), text, fill=TEXT_RGB, font=small, anchor="mt")
    legend_y = 48
    for offset, colour, text in ((0, MEASURED_RGB, "measured here"), (170, SEED_RGB, "published figure")):
        draw.rectangle([right - 330 + offset, legend_y, right - 316 + offset, legend_y + 14], fill=colour)
        draw.text((right - 310 + offset, legend_y + 7), text, fill=TEXT_RGB, font=small, anchor="lm")
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG")
    return path
