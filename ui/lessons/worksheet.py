"""File → Print worksheet: a PDF (Qt's own QPdfWriter) of the current explanation for a class — the digit, the
first layer's maps, the arithmetic behind one number, and questions about this very digit with room for the
answers; the answers and their explanations follow on a page for the teacher."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PyQt6.QtCore import QMarginsF, QRectF, Qt
from PyQt6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from cnnviz.explain import DotProduct
from cnnviz.introspect import Capture
from cnnviz.lessons.exercises import Question
from ui.colormaps import ACTIVATION_MAP, DIVERGING_MAP, INPUT_MAP, colorize, value_range
from ui.i18n import probability_text, translate
from ui.lessons.exercise_panel import choice_text, worded

DPI = 300
INK = "#000000"  # printed on white paper, whatever the screen's palette
PAPER = "#ffffff"
ANSWER_LINES = 2


def _image(values: np.ndarray, cmap: str, levels: tuple[float, float]) -> QImage:
    rgb = np.ascontiguousarray(colorize(values, cmap, levels, PAPER))  # (H, W, 3) uint8
    h, w, _ = rgb.shape
    return QImage(rgb.tobytes(), w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class _Page:
    """A cursor down the page: text and pictures placed one under another, a new page when one is full."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer, self.painter = writer, painter
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        self.width, self.height = float(rect.width()), float(rect.height())
        self.y = 0.0
        self.gap = DPI * 0.08

    def room(self, needed: float) -> None:
        if self.y + needed > self.height:
            self.writer.newPage()
            self.y = 0.0

    def text(self, text: str, points: float = 10, bold: bool = False, indent: float = 0.0) -> None:
        font = QFont("Helvetica")
        font.setPointSizeF(points)
        font.setBold(bold)
        self.painter.setFont(font)
        flags = int(Qt.TextFlag.TextWordWrap)
        box = QRectF(indent, 0, self.width - indent, self.height)
        needed = self.painter.boundingRect(box, flags, text).height()
        self.room(needed)
        self.painter.drawText(QRectF(indent, self.y, self.width - indent, needed), flags, text)
        self.y += needed + self.gap

    def pictures(self, images: list[QImage], size: float, captions: list[str] | None = None) -> None:
        per_row = max(1, int(self.width // (size + self.gap)))
        for start in range(0, len(images), per_row):
            self.room(size + DPI * 0.2)
            for i, image in enumerate(images[start:start + per_row]):
                x = i * (size + self.gap)
                self.painter.drawImage(QRectF(x, self.y, size, size), image)
                if captions:
                    font = QFont("Helvetica")
                    font.setPointSizeF(8)
                    self.painter.setFont(font)
                    self.painter.drawText(QRectF(x, self.y + size, size, DPI * 0.18),
                                          int(Qt.AlignmentFlag.AlignHCenter), captions[start + i])
            self.y += size + DPI * 0.2 + self.gap


def arithmetic_lines(dp: DotProduct) -> list[str]:
    """The dot product behind one number, written out: input window, filter, products, sum, bias, activation."""
    lines = []
    for c in range(dp.window.shape[0]):
        for name, grid in ((translate("Worksheet", "input under the window (input map {map}):"), dp.window[c]),
                           (translate("Worksheet", "filter weights (input map {map}):"), dp.weights[c]),
                           (translate("Worksheet", "products (input map {map}):"), dp.products[c])):
            rows = ["   ".join(f"{v:6.2f}".replace("-0.00", " 0.00") for v in row) for row in grid]
            lines.append(name.format(map=dp.first_input_channel + c + 1) + "\n" + "\n".join(rows))
    act = f"; {dp.activation} → {dp.result:.2f}" if dp.activation else ""
    lines.append(translate("Worksheet", "sum of the {count} products = {sum:.2f}; + bias {bias:.2f} = {pre:.2f}")
                 .format(count=dp.window.size, sum=dp.products.sum(), bias=dp.bias, pre=dp.pre_activation) + act)
    return lines


def write_worksheet(path: Path, model_name: str, capture: Capture, class_names: tuple[str, ...],
                    dp: DotProduct | None, questions: list[Question]) -> bool:
    """Write the worksheet to ``path``; False when the file cannot be written."""
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setTitle(translate("Worksheet", "cnnviz worksheet"))
    painter = QPainter()
    if not painter.begin(writer):
        return False
    painter.setPen(QColor(INK))
    page = _Page(writer, painter)
    p = capture.probabilities
    page.text(translate("Worksheet", "cnnviz worksheet: how a CNN reads one digit"), 16, bold=True)
    page.text(translate("Worksheet", "Model: {model}. It predicts {label} with {probability}.").format(
        model=model_name, label=class_names[capture.prediction], probability=probability_text(float(p.max()))))
    page.text(translate("Worksheet", "The digit, as the network sees it"), 11, bold=True)
    image = capture.stages[0].output  # (C, H, W) in [0, 1]
    page.pictures([_image(image[0], INPUT_MAP, (0.0, 1.0))], DPI * 1.2)
    conv = next((s for s in capture.stages if s.output.ndim == 3 and s.name != "input"), None)
    if conv is not None:
        heading = translate("Worksheet", "The feature maps of {stage} ({title})")
        page.text(heading.format(stage=conv.name, title=worded(conv.title)), 11, bold=True)
        levels = value_range(conv.output)
        maps = [_image(m, ACTIVATION_MAP, levels) for m in conv.output]
        page.pictures(maps, DPI * 0.75, [translate("Worksheet", "map {map}").format(map=i + 1)
                                         for i in range(len(maps))])
    if dp is not None:
        page.text(translate("Worksheet", "Behind one number: map {map} of {stage}, row {row}, column {col}").format(
            map=dp.channel + 1, stage=dp.stage, row=dp.row + 1, col=dp.col + 1), 11, bold=True)
        for line in arithmetic_lines(dp):
            page.text(line, 9)
    page.text(translate("Worksheet", "Questions"), 13, bold=True)
    for n, q in enumerate(questions, start=1):
        page.room(DPI * (1.8 if q.pictures else 0.9))  # a question starts where its pictures and lines fit
        page.text(f"{n}. {worded(q.wording)}", 10)
        if q.pictures:
            levels = value_range(np.stack(q.pictures), signed=True)
            page.pictures([_image(m, DIVERGING_MAP, levels) for m in q.pictures], DPI * 0.9,
                          [choice_text(c) for c in q.choices])
        elif q.choices:
            page.text(translate("Worksheet", "Choices:") + " " + "   ".join(q.choices), 10, indent=DPI * 0.2)
        lines = "_" * 60 + ("\n\n" + "_" * 68) * (ANSWER_LINES - 1)
        page.text(translate("Worksheet", "Answer:") + " " + lines, 10, indent=DPI * 0.2)
    writer.newPage()
    page.y = 0.0
    page.text(translate("Worksheet", "Answers (for the teacher)"), 13, bold=True)
    for n, q in enumerate(questions, start=1):
        answer = translate("Worksheet", "Answer: {answer}.").format(answer=choice_text(q.answer_text))
        page.text(f"{n}. {answer} {worded(q.reasoning)}", 10)
    painter.end()
    return True
