"""The invariance probe: does the answer survive moving or turning the digit? The CNN against an FC network.

The FC network to compare with is the "companion" (``ModelStore.companion``): loaded from the user-data
folder, or trained in the background the first time and saved. Curves come from the core's
``compare_invariance``, computed off the GUI thread, newest request only.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QT_TRANSLATE_NOOP, pyqtSignal
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from cnnviz.data import MnistData
from cnnviz.explain import (
    AXES,
    SHIFT_STRIP,
    InvarianceComparison,
    ProbeCurve,
    ShiftedMaps,
    compare_invariance,
    last_conv_stage,
)
from cnnviz.jobs import Job, check
from cnnviz.models.staged import StagedNet
from cnnviz.store import COMPANION_ARCH, Damaged, ModelStore, Opened
from cnnviz.training import CheckpointMeta, threads_for
from ui.colormaps import ACTIVATION_MAP, INPUT_MAP, value_range
from ui.explain.common import export_button
from ui.i18n import translate, worded
from ui.tasks import TaskRunner
from ui.theme import CNN_COLOR, FC_COLOR
from ui.widgets.image_panel import ImageStrip
from ui.widgets.lazy import LazyPanel
from ui.widgets.status_label import StatusLabel

Curves = dict[str, dict[str, ProbeCurve]]  # model key ("cnn", "fc") → axis → curve
# the core's axis names (``AXES``), translated where they are shown; and each in the summary's words
AXIS_WORDS = {"x": (QT_TRANSLATE_NOOP("ProbeView", "Shift right (pixels)"),
                    QT_TRANSLATE_NOOP("ProbeView", "shift right")),
              "y": (QT_TRANSLATE_NOOP("ProbeView", "Shift down (pixels)"),
                    QT_TRANSLATE_NOOP("ProbeView", "shift down")),
              "angle": (QT_TRANSLATE_NOOP("ProbeView", "Rotation anticlockwise (degrees)"),
                        QT_TRANSLATE_NOOP("ProbeView", "rotation anticlockwise"))}


@dataclass(frozen=True)
class Companion:
    model: StagedNet
    meta: CheckpointMeta
    note: str = ""  # what happened on the way (a damaged saved copy set aside)


def load_companion(store: ModelStore, data: MnistData, job: Job) -> Companion:
    """The saved FC network, or a new one trained (``job.progress`` gets each epoch) and saved by ``store``."""
    found = store.open_companion()  # sets a damaged file aside, so the store trains a new one below
    note = ""
    if isinstance(found, Damaged):
        note = (translate("ProbeView", "The saved FC network could not be opened ({reason}); it was set aside as "
                          "{name} and a new one trained.") if found.kept_as else
                translate("ProbeView", "The saved FC network could not be opened ({reason}); it was set aside and a "
                          "new one trained.")).format(reason=worded(found.reason),
                                                       name=found.kept_as.name if found.kept_as else "")
    opened = found if isinstance(found, Opened) else store.companion(data, on_epoch=job.progress,
                                                                     should_stop=job.should_stop)
    check(job.should_stop)  # a stopped training is not a companion
    return Companion(opened.model.eval(), opened.meta, note)


def compare_copies(models: dict[str, StagedNet], image: np.ndarray, job: Job) -> InvarianceComparison:
    """``compare_invariance`` on private copies (the capture thread keeps using the originals); under 1 s."""
    check(job.should_stop)
    return compare_invariance({key: copy.deepcopy(net) for key, net in models.items()}, image)


def describe(meta: CheckpointMeta | None) -> str:
    """A model's name and how it was trained, from its checkpoint metadata (never typed in)."""
    if meta is None:
        return "–"
    acc = (translate("ProbeView", "{acc:.1%} test accuracy").format(acc=meta.test_accuracy)
           if meta.test_accuracy is not None else translate("ProbeView", "accuracy unknown"))
    samples = meta.extra.get("train_samples")
    on = translate("ProbeView", " on {n:,} digits").format(n=samples) if isinstance(samples, int) else ""
    hidden = (translate("ProbeView", ", {n} hidden units").format(n=meta.model_kwargs["hidden"])
              if "hidden" in meta.model_kwargs else "")
    epochs = (translate("ProbeView", "{n} epoch") if meta.epochs == 1 else translate("ProbeView", "{n} epochs")).format(
        n=meta.epochs)
    return f"{meta.model}{hidden}, {epochs}{on}, {acc}"


CompareFn = Callable[[dict[str, StagedNet], np.ndarray, Job], InvarianceComparison]


class ProbeView(LazyPanel):
    probe_shown = pyqtSignal()  # the curves of the newest request are drawn
    fc_ready = pyqtSignal()  # the FC network to compare with is loaded or trained

    def __init__(self, data: MnistData, store: ModelStore | None = None, compare: CompareFn = compare_copies,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = TaskRunner(self)
        self.data, self.store, self._compare = data, store or ModelStore(), compare
        self.class_names: Sequence[str] = data.class_names
        self.model: StagedNet | None = None
        self.meta: CheckpointMeta | None = None
        self.image: np.ndarray | None = None
        self.fc: Companion | None = None
        self.probe: Curves = {}
        self.shifted: ShiftedMaps | None = None
        self._models = 0  # counts changes of the CNN or the FC network: curves computed with earlier ones are dropped

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.fc_status = StatusLabel()
        self.fc_status.setProperty("banner", True)
        top.addWidget(self.fc_status, 1)
        top.addWidget(export_button(self, "probe", lambda m: self.fc_status.say(m, error=True)))
        layout.addLayout(top)
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setMinimumHeight(240)
        self.plots.setAccessibleName(translate("ProbeView", "Invariance curves"))
        self.plots.setAccessibleDescription(translate("ProbeView", "The probability of the class as the digit is "
                                                      "moved or turned, for this model and for a fully connected "
                                                      "network; the summary below says it in words"))
        self.probe_plots: dict[str, pg.PlotItem] = {}
        for i, (axis, label) in enumerate(AXES.items()):
            plot = self.plots.addPlot(row=0, col=i)
            plot.setLabel("bottom", translate("ProbeView", label))
            plot.setLabel("left", translate("ProbeView", "probability of the class"))
            plot.setYRange(-0.08, 1.12, padding=0)
            plot.showGrid(x=True, y=True, alpha=0.3)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            self.probe_plots[axis] = plot
        layout.addWidget(self.plots, 1)
        self.probe_summary = QLabel()
        self.probe_summary.setWordWrap(True)
        layout.addWidget(self.probe_summary)
        shared = QHBoxLayout()
        caption = QVBoxLayout()
        self.sharing_caption = QLabel()
        self.sharing_caption.setWordWrap(True)
        caption.addWidget(self.sharing_caption)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(translate("ProbeView", "First-layer map:")))
        self.shift_channel = QSpinBox()
        self.shift_channel.setMinimum(1)
        self.shift_channel.setAccessibleName(translate("ProbeView", "First-layer map"))
        self.shift_channel.setToolTip(translate("ProbeView", "Which map of the first stage to show (counted from 1)"))
        self.shift_channel.valueChanged.connect(lambda _: self._show_shifted())
        pick.addWidget(self.shift_channel)
        pick.addStretch(1)
        caption.addLayout(pick)
        caption.addStretch(1)
        shared.addLayout(caption, 2)
        self.shift_strip = ImageStrip(min_panel=80)
        self.shift_strip.setMaximumHeight(260)
        self.shift_strip.setAccessibleName(translate("ProbeView", "Shifted digits and their maps"))
        self.shift_strip.setToolTip(translate("ProbeView", "Top: the digit moved left and right; bottom: the chosen "
                                              "first-layer map for each"))
        shift = translate("ProbeView", "shift {dx:+.0f} px")
        self.shift_digits = [self.shift_strip.add_panel(f"d{i}", shift.format(dx=dx), 0, i)
                             for i, dx in enumerate(SHIFT_STRIP)]
        self.shift_maps = [self.shift_strip.add_panel(f"m{i}", "", 1, i) for i in range(len(SHIFT_STRIP))]
        shared.addWidget(self.shift_strip, 5)
        layout.addLayout(shared)

    # -- source and the FC companion ---------------------------------------------------------------
    def set_source(self, model: StagedNet | None, meta: CheckpointMeta | None, image: np.ndarray | None) -> None:
        if model is not self.model:
            self.probe, self.shifted = {}, None
            self._models += 1
        self.model, self.meta, self.image = model, meta, image
        if image is None:
            self.tasks.cancel("probe")
        self.mark_dirty()

    def set_fc_model(self, model: StagedNet, meta: CheckpointMeta) -> None:
        """Compare with this fully connected network (instead of the saved or trained one)."""
        self.tasks.cancel("companion")
        self._on_companion(Companion(model.eval(), meta))

    def _ensure_companion(self) -> None:
        if self.fc is not None or self.tasks.busy("companion"):
            return
        self.fc_status.say(translate("ProbeView", "Preparing a small fully connected network to compare with "
                                     "(loading it, or training it the first time). The current model's curves are "
                                     "shown meanwhile."))
        store, data = self.store, self.data
        self.tasks.run("companion", lambda job: load_companion(store, data, job), policy="single",
                       threads=threads_for("train"), on_done=self._on_companion, on_progress=self._on_fc_epoch,
                       on_failed=lambda m: self.fc_status.say(
                           translate("ProbeView", "Training the FC network failed: {message}").format(message=m),
                           error=True),
                       on_cancelled=self._on_companion_cancelled)

    def _on_companion_cancelled(self) -> None:
        if self.fc is None:  # not replaced by ``set_fc_model`` meanwhile
            self.fc_status.say(translate("ProbeView", "Training the FC network was stopped; it starts again when "
                                         "this view is shown."))

    def _on_fc_epoch(self, metrics: Any) -> None:
        self.fc_status.say(translate("ProbeView", "Training a small fully connected network ({arch}) to compare "
                                     "with: epoch {epoch} of {epochs} done. The current model's curves are shown "
                                     "meanwhile.").format(arch=COMPANION_ARCH, epoch=metrics.epoch,
                                                          epochs=metrics.epochs))

    def _on_companion(self, fc: Any) -> None:
        self.fc = fc
        self._models += 1
        self._banner()
        self.fc_ready.emit()
        self.mark_dirty()

    def _banner(self) -> None:
        if self.fc is None:
            return
        note = f" {self.fc.note}" if self.fc.note else ""
        # only the squares take the curves' colours: as text they read below 4.5:1 on either background
        banner = translate("ProbeView", "{cnn_mark} {label}: {cnn}&nbsp;&nbsp; {fc_mark} FC: {fc}{note}")
        self.fc_status.say(banner.format(
            cnn_mark=f"<span style='color:{CNN_COLOR}'>■</span>", label=self._label(), cnn=describe(self.meta),
            fc_mark=f"<span style='color:{FC_COLOR}'>■</span>", fc=describe(self.fc.meta), note=note))

    def _label(self) -> str:
        """What the probe calls the current model: "CNN", or its name when it has no convolution."""
        model = self.model
        return "CNN" if model is not None and last_conv_stage(model) is not None else (model.arch if model else "–")

    # -- probing -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._ensure_companion()
        self._banner()
        model, image = self.model, self.image
        if model is None or image is None:
            return
        models = {"cnn": model, **({"fc": self.fc.model} if self.fc is not None else {})}
        # a newer digit of the same models may still show the last curves until its own come (live drawing);
        # curves of other models never: they would stand under this model's name
        counted = self._models
        self.tasks.run("probe", lambda job: self._compare(models, image, job), policy="latest",
                       threads=threads_for("explain"),
                       on_done=lambda result: self._on_probe(result) if counted == self._models else None,
                       on_failed=lambda m: self.probe_summary.setText(
                           translate("ProbeView", "Could not compute the probe: {message}").format(message=m)))

    def _on_probe(self, result: Any) -> None:
        if self.image is None:
            return  # the canvas was cleared while this was computed
        self.probe, self.shifted = result.curves, result.shifted
        self._show_probe()

    def _show_probe(self) -> None:
        names, label = self.class_names, self._label()
        lines = []
        for axis, plot in self.probe_plots.items():
            plot.clear()
            for key, colour, name in (("cnn", CNN_COLOR, label), ("fc", FC_COLOR, "FC")):
                curve = self.probe.get(key, {}).get(axis)
                if curve is None:
                    continue
                plot.setLabel("left", translate("ProbeView", "probability of {name}").format(
                    name=names[curve.reference_class]))
                plot.plot(curve.values, curve.reference_probabilities, pen=pg.mkPen(colour, width=3),
                          symbol="o", symbolBrush=colour, symbolPen=colour, symbolSize=8, name=name)
                for x, y, pred in zip(curve.values, curve.reference_probabilities, curve.predictions, strict=True):
                    if pred != curve.reference_class:
                        text = pg.TextItem(names[int(pred)], color=colour, anchor=(1.2 if key == "cnn" else -0.2, 0.5))
                        text.setPos(float(x), float(y))
                        plot.addItem(text)
            kept = [f"{name} {c.kept}/{len(c.values)}" for key, name in (("cnn", label), ("fc", "FC"))
                    if (c := self.probe.get(key, {}).get(axis)) is not None]
            if kept:
                words = AXIS_WORDS[axis][1] if axis in AXIS_WORDS else AXES[axis].split(" (")[0].lower()
                lines.append(f"{translate('ProbeView', words)}: {', '.join(kept)}")
        cnn_x = self.probe.get("cnn", {}).get("x")
        if cnn_x is not None:
            self.probe_summary.setText(translate(
                "ProbeView", "Moved copies still called <b>{name}</b> — {counts}. Labels on the curves show the class "
                "predicted instead, where it changed.").format(name=names[cnn_x.reference_class],
                                                               counts="; ".join(lines)))
        self._show_shifted()
        self.probe_shown.emit()

    def _show_shifted(self) -> None:
        shifted = self.shifted
        if shifted is None:
            self.sharing_caption.setText(translate("ProbeView", "This model's first stage has no feature maps to "
                                                   "compare."))
            for panel in (*self.shift_digits, *self.shift_maps):
                panel.clear()
            return
        self.shift_channel.blockSignals(True)
        self.shift_channel.setMaximum(shifted.maps.shape[1])
        self.shift_channel.setSuffix(translate("ProbeView", " of {n}").format(n=shifted.maps.shape[1]))
        self.shift_channel.blockSignals(False)
        ch = self.shift_channel.value() - 1
        levels = value_range(shifted.maps[:, ch])
        for i, (digit, fmap) in enumerate(zip(self.shift_digits, self.shift_maps, strict=True)):
            digit.show_values(shifted.images[i], INPUT_MAP, (0.0, 1.0))
            fmap.show_values(shifted.maps[i, ch], ACTIVATION_MAP, levels)
            digit.mark_centre(shifted.images.shape[-1])
            fmap.mark_centre(shifted.maps.shape[-1])
        worst = shifted.worst_mismatch()
        measured = (translate("ProbeView", " Away from the borders, the map of each moved digit equals the original "
                              "map moved: largest difference {worst:.4f}, for values up to {top:.2f}.").format(
            worst=worst, top=float(np.abs(shifted.maps).max())) if worst is not None else "")
        self.sharing_caption.setText(translate(
            "ProbeView", "<b>Weight sharing.</b> Top: the digit shifted left and right. Bottom: map {n} of the first "
            "stage ({stage}) for each, on one colour scale. The same filter is applied everywhere, so the pattern is "
            "the same, just moved.{measured} The answer is not guaranteed to stay the same: pooling forgives only "
            "moves inside its small window, and the curves above show how much the later layers cope with the "
            "rest.").format(n=ch + 1, stage=shifted.stage, measured=measured))
