"""Behind a class score: a fully connected unit's Σ wᵢ·xᵢ + b as a contribution map over the stage its inputs
come from (which inputs pushed it up, which down) with the largest terms listed, and the softmax step by step.

The core (``cnnviz.explain.linear``) does the arithmetic from the capture and the model's own weights; this
panel only lays it out. Units, maps, rows and columns are counted from 1; classes by their names.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt, pyqtSignal
from PyQt6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QSplitter, QVBoxLayout, QWidget

from cnnviz.explain import LinearSum, SoftmaxSum, explain_linear, explain_softmax, linear_stages
from cnnviz.introspect import Capture
from cnnviz.introspect.mosaic import TileGrid, grid_for, tile_maps
from cnnviz.models.staged import StagedNet
from ui.colormaps import DIVERGING_MAP, value_range
from ui.draw.stage_picture import cell_words
from ui.explain.common import export_button
from ui.i18n import number_text, probability_text, translate
from ui.theme import LABEL_PLATE, ON_IMAGE_TEXT
from ui.widgets.image_panel import ImageStrip
from ui.widgets.lazy import LazyPanel
from ui.widgets.status_label import StatusLabel
from ui.widgets.tables import fill_table, make_table

TERMS_LISTED = 12
SOFTMAX = "softmax"  # the stage picker's entry for the softmax (a stage name, as the core calls it)
SOFTMAX_COLUMNS = (QT_TRANSLATE_NOOP("LinearView", "Class"), QT_TRANSLATE_NOOP("LinearView", "Logit"), "exp",
                   QT_TRANSLATE_NOOP("LinearView", "Probability"))


def input_name(found: LinearSum, index: int) -> str:
    """Where input ``index`` comes from, for people: "pool2 map 5, row 3, column 4" or "fc1 unit 17"."""
    where = found.position(index)
    if len(where) == 3:
        return translate("LinearView", "{source} map {n}, {cell}").format(source=found.source, n=where[0] + 1,
                                                                          cell=cell_words(where[1], where[2]))
    return translate("LinearView", "{source} unit {n}").format(source=found.source, n=where[-1] + 1)


def linear_sentence(found: LinearSum, name: str = "") -> str:
    """The whole sum in words; ``name`` says what the unit is ("fc, the score of class 2"; default its number)."""
    act = {"ReLU": translate("LinearView", "ReLU keeps positives: max(0, {v:.3f})").format(v=found.pre_activation),
           "tanh": number_text(f"tanh({found.pre_activation:.3f})")}.get(found.activation,
                                                           translate("LinearView", "no activation"))
    name = name or translate("LinearView", "{stage}, unit {n}").format(stage=found.stage, n=found.unit + 1)
    return translate("LinearView", "<b>{name}</b> = Σ of {terms} terms wᵢ·xᵢ + b: the terms that pushed it up add to "
                     "{up:+.3f}, those that pushed it down to {down:+.3f}; plus bias {bias:+.3f} = {pre:+.3f}; {act} "
                     "= <b>{result:.3f}</b>, the value in {stage}.").format(
        name=name, terms=found.inputs.size, up=found.pushed_up, down=found.pushed_down, bias=found.bias,
        pre=found.pre_activation, act=act, result=found.result, stage=found.stage)


def softmax_sentence(found: SoftmaxSum, names: Sequence[str]) -> str:
    shift = (translate("LinearView", " Every logit has the largest, {shift:.3f}, subtracted first, which keeps exp "
                       "finite and leaves the probabilities unchanged.").format(shift=found.shift)
             if found.shift else "")
    return translate("LinearView", "Softmax: exponentiate each class score (logit), add the exponentials up (Σ = "
                     "{total:.4g}) and divide each by the sum. <b>{name}</b>: exp({logit:.3f}) / {total:.4g} = "
                     "<b>{p}</b>.").format(total=found.total, name=names[found.unit],
                                           logit=found.logits[found.unit] - found.shift,
                                           p=probability_text(found.result)) + shift


class LinearView(LazyPanel):
    """``set_source(model, capture, class_names)``; pick a linear stage (or the softmax) and a unit."""

    unit_explained = pyqtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: StagedNet | None = None
        self.capture: Capture | None = None
        self.class_names: Sequence[str] = ()
        self.explanation: LinearSum | SoftmaxSum | None = None
        self.tile_labels: list[pg.TextItem] = []
        self._numbered: TileGrid | None = None
        layout = QVBoxLayout(self)
        self.help = QLabel(translate("LinearView", "A fully connected unit multiplies every one of its inputs by its "
                                     "own weight and adds them all up, plus a bias. The map shows each term wᵢ·xᵢ "
                                     "where its input sits: red pushed the unit up, blue pushed it down. Pick the "
                                     "softmax to see how the class scores become probabilities."))
        self.help.setWordWrap(True)
        layout.addWidget(self.help)
        self.status = StatusLabel()
        self.status.hide()  # shown with a problem only
        layout.addWidget(self.status)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(translate("LinearView", "Stage:")))
        self.stage_combo = QComboBox()
        self.stage_combo.setAccessibleName(translate("LinearView", "Stage"))
        self.stage_combo.setToolTip(translate("LinearView", "A fully connected stage, or the softmax"))
        pick.addWidget(self.stage_combo)
        self.unit_spin = QSpinBox()
        self.unit_spin.setMinimum(1)
        self.unit_spin.setAccessibleName(translate("LinearView", "Unit"))
        self.unit_spin.setToolTip(translate("LinearView", "Which unit (class) to break down, counted from 1"))
        pick.addWidget(self.unit_spin)
        pick.addStretch(1)
        pick.addWidget(export_button(self, "linear", self._error))
        layout.addLayout(pick)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.sentence)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.strip = ImageStrip(min_panel=160)
        self.strip.setAccessibleName(translate("LinearView", "Contribution map"))
        self.strip.setToolTip(translate("LinearView", "Each input's term wᵢ·xᵢ where the input sits: red pushed the "
                                        "unit up, blue pushed it down"))
        self.map_panel = self.strip.add_panel("terms", "")
        split.addWidget(self.strip)
        self.table = make_table(self._term_columns(), stretch=0)
        self.table.setAccessibleName(translate("LinearView", "The largest terms"))
        self.table.setAccessibleDescription(translate("LinearView", "The inputs whose terms wᵢ·xᵢ are largest, or "
                                                      "the softmax step by step"))
        split.addWidget(self.table)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([500, 440])  # the table's four columns fit beside a square map at 1024 px
        layout.addWidget(split, 1)
        self.stage_combo.currentTextChanged.connect(lambda _: self._on_stage())
        self.unit_spin.valueChanged.connect(lambda _: self.mark_dirty())

    def _error(self, message: str) -> None:
        self.status.say(message, error=True)
        self.status.show()

    def set_source(self, model: StagedNet | None, capture: Capture | None, class_names: Sequence[str]) -> None:
        if model is not self.model:
            self.model = model
            stages = [*linear_stages(model), SOFTMAX] if model is not None else []
            self.stage_combo.blockSignals(True)
            self.stage_combo.clear()
            self.stage_combo.addItems(stages)
            self.stage_combo.setCurrentIndex(max(len(stages) - 2, 0))  # the class scores' own layer
            self.stage_combo.blockSignals(False)
        self.capture, self.class_names = capture, class_names
        self._on_stage()

    @property
    def per_class(self) -> bool:
        """True for the class scores' stage and the softmax: one value per class, picked by class index."""
        cap = self.capture
        return cap is not None and self.stage_combo.currentText() in (SOFTMAX, cap.stages[-2].name)

    @property
    def unit(self) -> int:
        """The chosen unit or class, from 0 (the spin box counts units from 1 and classes by their index)."""
        return self.unit_spin.value() - (0 if self.per_class else 1)

    def select(self, stage: str, unit: int) -> None:
        """Break down unit ``unit`` (from 0) of ``stage`` (a linear stage or "softmax")."""
        self.stage_combo.setCurrentText(stage)
        self.unit_spin.setValue(unit + (0 if self.per_class else 1))
        self.refresh()

    def _on_stage(self) -> None:
        stage, cap = self.stage_combo.currentText(), self.capture
        if cap is not None and stage:
            units, per_class, was_class = cap.stage(stage).output.size, self.per_class, self.unit_spin.minimum() == 0
            self.unit_spin.blockSignals(True)
            self.unit_spin.setRange(0 if per_class else 1, units - 1 if per_class else units)
            self.unit_spin.setPrefix(translate("LinearView", "class ") if per_class
                                     else translate("LinearView", "unit "))
            self.unit_spin.setSuffix("" if per_class else translate("LinearView", " of {n}").format(n=units))
            if per_class and not was_class:
                self.unit_spin.setValue(cap.prediction)  # the predicted class first
            self.unit_spin.blockSignals(False)
        self.strip.setVisible(stage != SOFTMAX)  # the softmax is a table of numbers: no map to show
        self.mark_dirty()

    def refresh(self) -> None:
        model, cap, stage = self.model, self.capture, self.stage_combo.currentText()
        if model is None or cap is None or not stage:
            self.explanation = None
            self.sentence.setText(translate("LinearView", "Draw a digit to see how a fully connected unit and the "
                                            "softmax add up.") if model is None or stage else
                                  translate("LinearView", "{arch} has no fully connected stage.").format(
                                      arch=model.arch))
            self.map_panel.clear()
            self.table.setRowCount(0)
            return
        unit = self.unit
        if stage == SOFTMAX:
            self._show_softmax(explain_softmax(cap, unit))
        else:
            self._show_linear(explain_linear(model, cap, stage, unit))
        self.unit_explained.emit()

    def _show_linear(self, found: LinearSum) -> None:
        self.explanation = found
        terms = found.contribution_map
        grid = grid_for(*terms.shape) if terms.ndim == 3 else None
        picture = tile_maps(terms, grid) if grid is not None else terms.reshape(1, -1)
        self._number_tiles(grid)
        self.map_panel.set_title(translate("LinearView", "Each input's term wᵢ·xᵢ, laid out like {source}").format(
            source=found.source))
        self.map_panel.show_values(picture, DIVERGING_MAP, value_range(terms, signed=True))
        self.table.setHorizontalHeaderLabels(self._term_columns())
        rows = [[input_name(found, i), number_text(f"{found.inputs[i]:.3f}"), number_text(f"{found.weights[i]:+.3f}"),
                 number_text(f"{found.products[i]:+.3f}")] for i in found.largest_terms(TERMS_LISTED)]
        fill_table(self.table, rows, numeric={1, 2, 3})
        name = (translate("LinearView", "{stage}, the score of class {name}").format(
            stage=found.stage, name=self.class_names[found.unit]) if self.per_class
                and found.unit < len(self.class_names) else "")
        self.sentence.setText(linear_sentence(found, name) + translate(
            "LinearView", " The table lists the {n} largest terms.").format(n=len(rows)))

    @staticmethod
    def _term_columns() -> list[str]:
        return [translate("LinearView", "Input"), "xᵢ", "wᵢ", "wᵢ·xᵢ"]

    def _number_tiles(self, grid: TileGrid | None) -> None:
        """Number the maps (from 1) so "pool2 map 7" in the table can be found on the picture."""
        if grid == self._numbered:
            return
        for label in self.tile_labels:
            self.map_panel.box.removeItem(label)
        self.tile_labels = []
        for c in range(grid.count if grid is not None and grid.count > 1 else 0):
            assert grid is not None
            y, x = grid.origin(c)
            label = pg.TextItem(str(c + 1), color=ON_IMAGE_TEXT, fill=pg.mkBrush(*LABEL_PLATE), anchor=(0, 0))
            label.setPos(x, y)
            self.map_panel.box.addItem(label)
            self.tile_labels.append(label)
        self._numbered = grid

    def _show_softmax(self, found: SoftmaxSum) -> None:
        self.explanation = found
        names = self.class_names or [str(k) for k in range(found.logits.size)]
        self.table.setHorizontalHeaderLabels([translate("LinearView", c) for c in SOFTMAX_COLUMNS])
        shifted = found.logits - found.shift
        rows = [[names[k], number_text(f"{found.logits[k]:+.3f}"), number_text(f"{found.exps[k]:.4g}"),
                 probability_text(found.probabilities[k])] for k in np.argsort(-found.logits, kind="stable")]
        rows.append(["Σ", "", number_text(f"{found.total:.4g}"),
                     probability_text(round(float(found.probabilities.sum()), 9))])
        fill_table(self.table, rows, numeric={1, 2, 3})
        largest = translate("LinearView", "; the largest exponent is {v:.3f}").format(v=float(shifted.max()))
        self.table.setToolTip(translate("LinearView", "exp of each logit") +
                              (number_text(f" − {found.shift:.3f}") if found.shift else "") + largest)
        self.sentence.setText(softmax_sentence(found, names))
