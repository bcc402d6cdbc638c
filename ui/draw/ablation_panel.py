"""Switch maps off: which channels matter for this digit, and a check box per channel to switch it off.

The ranking (``rank_channels``: each channel of the chosen stage switched off in turn, real forward passes)
runs as a background job under the "latest" policy after every new capture; switching a channel off goes
through ``AppState.set_ablation``, so the prediction and every later stage follow as the user draws.
"""

from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt
from PyQt6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnnviz.features.ablation import Ablation, ChannelRanking, ablatable_stages, off_in, rank_channels
from cnnviz.introspect.stages import class_labels
from cnnviz.jobs import Job
from cnnviz.training.checkpoint import input_spec
from cnnviz.training.device import threads_for
from ui.i18n import number_text, probability_text, translate, worded
from ui.state import AppState
from ui.tasks import TaskRunner
from ui.widgets.tables import fill_table, make_table

COLUMNS = (QT_TRANSLATE_NOOP("AblationPanel", "Map"), QT_TRANSLATE_NOOP("AblationPanel", "On/off"),
           QT_TRANSLATE_NOOP("AblationPanel", "P(predicted) without it"), QT_TRANSLATE_NOOP("AblationPanel", "Drop"),
           QT_TRANSLATE_NOOP("AblationPanel", "Then predicts"))


def describe_switched_off(ablation: Ablation) -> str:
    """"Switched off: conv1 map 3; conv2 maps 1, 5." (maps counted from 1), or that every map is on: the core's
    ``describe_ablation`` in the interface's language."""
    stages = sorted({stage for stage, _ in ablation})
    if not stages:
        return translate("AblationPanel", "Every map is on.")
    parts = [(translate("AblationPanel", "{stage} maps {which}") if len(off) > 1 else
              translate("AblationPanel", "{stage} map {which}")).format(stage=stage,
                                                                        which=", ".join(str(c + 1) for c in off))
             for stage in stages if (off := off_in(ablation, stage))]
    return translate("AblationPanel", "Switched off: {parts}.").format(parts="; ".join(parts))


class AblationPanel(QWidget):
    """``AblationPanel(state)``: ranks the chosen stage's maps for the current input; ticks switch maps off."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.ranking: ChannelRanking | None = None
        self.tasks = TaskRunner(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.help = QLabel(translate("AblationPanel", "Which maps matter for this digit: each map of the stage is "
                                     "switched off on its own (set to 0) and the network run again. Tick a map to "
                                     "switch it off while you draw."))
        self.help.setWordWrap(True)
        layout.addWidget(self.help)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("AblationPanel", "Stage:")))
        self.stage_combo = QComboBox()
        self.stage_combo.setAccessibleName(translate("AblationPanel", "Stage"))
        self.stage_combo.setToolTip(translate("AblationPanel", "The stage whose maps are ranked and can be switched "
                                              "off"))
        row.addWidget(self.stage_combo, 1)
        self.restore_button = QPushButton(translate("AblationPanel", "Switch all back on"))
        self.restore_button.setToolTip(translate("AblationPanel", "Switch every map of every stage back on"))
        row.addWidget(self.restore_button)
        layout.addLayout(row)
        self.enlarged_button = QPushButton(translate("AblationPanel", "Switch the enlarged map off"))
        self.enlarged_button.setToolTip(translate("AblationPanel", "Enlarge one map of a convolution (click it) to "
                                                  "switch it off or on here"))
        self.enlarged_button.setEnabled(False)
        layout.addWidget(self.enlarged_button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = make_table([translate("AblationPanel", c) for c in COLUMNS], stretch=2)
        self.table.setAccessibleName(translate("AblationPanel", "Maps ranked by how much they matter"))
        self.table.setAccessibleDescription(translate(
            "AblationPanel", "One row per map: the probability of the predicted class without it, the drop, and "
            "what the network then predicts; tick a map to switch it off."))
        layout.addWidget(self.table, 1)

        self.stage_combo.currentTextChanged.connect(lambda _: self.update_ranking())
        self.restore_button.clicked.connect(self.restore_all)
        self.table.itemChanged.connect(self._on_item_changed)
        state.model_changed.connect(self._on_model)
        state.capture_changed.connect(self.update_ranking)
        state.ablation_changed.connect(self._show_ablation)
        self._on_model()

    @property
    def stage(self) -> str:
        return self.stage_combo.currentText()

    def select_stage(self, stage: str) -> bool:
        """Rank ``stage`` when its maps can be switched off (True); otherwise keep the current one."""
        index = self.stage_combo.findText(stage)
        if index >= 0:
            self.stage_combo.setCurrentIndex(index)
        return index >= 0

    def toggle(self, stage: str, channel: int) -> None:
        """Switch map ``channel`` (from 0) of ``stage`` off, or back on when it is off."""
        pair = (stage, channel)
        ablation = self.state.ablation
        self.state.set_ablation(ablation - {pair} if pair in ablation else ablation | {pair})

    def show_enlarged(self, stage: str | None, channel: int | None) -> None:
        """The pipeline enlarged map ``channel`` of ``stage`` (or none): offer to switch it off or on."""
        if stage is None or channel is None or self.stage_combo.findText(stage) < 0:
            self.enlarged_button.setEnabled(False)
            self.enlarged_button.setText(translate("AblationPanel", "Switch the enlarged map off"))
            return
        off = (stage, channel) in self.state.ablation
        self.enlarged_button.setEnabled(True)
        text = (translate("AblationPanel", "Switch {stage} map {n} back on") if off
                else translate("AblationPanel", "Switch {stage} map {n} off"))
        self.enlarged_button.setText(text.format(stage=stage, n=channel + 1))

    def restore_all(self) -> None:
        self.state.set_ablation(frozenset())

    # -- state -> view -----------------------------------------------------------------------------------
    def _on_model(self) -> None:
        model = self.state.model
        stages = ablatable_stages(model) if model is not None else []
        self.stage_combo.blockSignals(True)
        self.stage_combo.clear()
        self.stage_combo.addItems(stages)
        self.stage_combo.setCurrentIndex(len(stages) - 1)  # the last conv: closest to the decision
        self.stage_combo.blockSignals(False)
        self.ranking = None
        self._show_ablation()
        self.update_ranking()

    def _show_ablation(self) -> None:
        self.summary.setText(describe_switched_off(self.state.ablation))
        self.restore_button.setEnabled(bool(self.state.ablation))
        self._fill()

    def update_ranking(self) -> None:
        """Rank the chosen stage's maps for the state's current input, model and switched-off maps."""
        state, stage = self.state, self.stage
        if state.model is None or state.meta is None or state.image is None or not stage:
            self.tasks.cancel("rank")
            self.ranking = None
            self._fill()
            return
        model, image, ablation, spec = state.model, state.image.copy(), state.ablation, input_spec(state.meta)

        def job(j: Job) -> ChannelRanking:
            return rank_channels(model, image, stage, ablation, spec, should_stop=j.should_stop)

        self.tasks.run("rank", job, policy="latest", threads=threads_for("capture"), on_done=self._on_ranked,
                       on_failed=lambda message: self.summary.setText(message))

    def _on_ranked(self, ranking: ChannelRanking) -> None:
        self.ranking = ranking
        self._fill()

    def _fill(self) -> None:
        ranking, meta, capture = self.ranking, self.state.meta, self.state.capture
        if ranking is None or ranking.stage != self.stage:
            self.table.setRowCount(0)
            return
        count = len(capture.probabilities) if capture is not None else int(ranking.predictions.max()) + 1
        # the model's classes
        names = [worded(n) for n in class_labels(meta.class_names if meta is not None else None, count)]
        off = set(off_in(self.state.ablation, ranking.stage))
        switched_off = translate("AblationPanel", "switched off")
        order = [c for c in ranking.order() if c not in off] + sorted(off)  # the switched-off ones last
        rows = [[f"{c + 1}", "", probability_text(float(ranking.probabilities[c])),
                 number_text(f"{ranking.drops[c]:+.3f}"), names[int(ranking.predictions[c])]]
                if c not in off else [f"{c + 1}", "", switched_off, "", ""] for c in order]
        self.table.blockSignals(True)
        fill_table(self.table, rows, numeric={0, 2, 3})
        for r, c in enumerate(order):
            # in words too: an unticked box hardly shows in the dark palette (screenshots, 2026-12-02)
            item = QTableWidgetItem(translate("AblationPanel", "off") if c in off else translate("AblationPanel", "on"))
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked if c in off else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, c)
            tip = (translate("AblationPanel", "Switch map {n} of {stage} back on") if c in off
                   else translate("AblationPanel", "Switch map {n} of {stage} off"))
            item.setToolTip(tip.format(n=c + 1, stage=ranking.stage))
            self.table.setItem(r, 1, item)
        self.table.blockSignals(False)
        self.table.setToolTip(translate("AblationPanel", "{name} is predicted with {p}; the drop is how much of that "
                                        "probability is lost when the map is switched off.").format(
            name=names[ranking.predicted], p=probability_text(ranking.probability)))

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        channel = item.data(Qt.ItemDataRole.UserRole)
        if item.column() != 1 or channel is None:
            return
        off = item.checkState() == Qt.CheckState.Checked
        if off != ((self.stage, int(channel)) in self.state.ablation):
            self.toggle(self.stage, int(channel))
