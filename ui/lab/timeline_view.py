"""The Training lab's epoch timeline: scrub through a run's epochs and watch the CNN learn one digit.

For the chosen epoch (0: the random start) it shows the CNN's first-layer filters, the digit's feature maps
after conv1 and the CNN's probabilities for it. The weights come from the run's snapshots
(``cnnviz.lab.timeline``); each view is rebuilt in the background job "epoch" (policy "latest": while the
slider is dragged only the newest epoch is drawn).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QSlider, QSpinBox, QVBoxLayout, QWidget

from cnnviz.data.transforms import InputSpec
from cnnviz.lab.timeline import EpochView, Timeline, epoch_view
from cnnviz.training.device import threads_for
from ui.draw.probability_chart import ProbabilityChart
from ui.draw.stage_picture import picture_rgb, stage_picture
from ui.i18n import translate
from ui.lab.filters_view import FiltersView
from ui.state import AppState
from ui.tasks import TaskRunner
from ui.theme import palette
from ui.widgets.lazy import LazyPanel
from ui.widgets.picture import PictureItem, image_view_box
from ui.widgets.status_label import StatusLabel

CANVAS, TEST = "canvas", "test"


class TimelineView(LazyPanel):
    """``set_timeline(timeline, spec, class_names)`` after each epoch of a run; the slider picks the epoch."""

    shown = pyqtSignal(object)  # the EpochView now on screen

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline: Timeline | None = None  # the run's CNN, epoch by epoch
        self.spec: InputSpec | None = None  # how its input is prepared
        self.view: EpochView | None = None  # what is on screen
        self.state, self.tasks = state, TaskRunner(self)

        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setAccessibleName(translate("TimelineView", "Epoch"))
        self.slider.setToolTip(translate("TimelineView", "Drag to see the CNN as it was after each epoch "
                                                         "(0: the random start)"))
        self.epoch_label = QLabel()
        self.source = QComboBox()
        self.source.addItem(translate("TimelineView", "the digit on the canvas"), CANVAS)
        self.source.addItem(translate("TimelineView", "test image"), TEST)
        self.source.setAccessibleName(translate("TimelineView", "Digit to show"))
        self.source.setToolTip(translate("TimelineView", "Which digit goes through the CNN at the chosen epoch"))
        self.index = QSpinBox()
        self.index.setRange(0, max(0, len(state.data.test_labels) - 1))
        self.index.setAccessibleName(translate("TimelineView", "Test image number"))
        self.index.setToolTip(translate("TimelineView", "Which test image to show"))
        self.status = StatusLabel(translate("TimelineView", "Train both models: after each epoch the CNN is kept "
                                                            "here, to scrub through."))
        self.status.setWordWrap(True)

        self.filters = FiltersView(translate("TimelineView", "Conv 1 filters"))
        self.maps_title = QLabel(translate("TimelineView", "The digit after conv 1"))
        self.maps = pg.GraphicsLayoutWidget()
        self.maps.setMinimumHeight(120)
        self.maps.setAccessibleName(translate("TimelineView", "The digit after conv 1"))
        self.maps.setToolTip(translate("TimelineView", "The chosen digit's feature maps after the first "
                                                       "convolution, at this epoch"))
        self.maps_box = image_view_box(border=palette().border)
        self.maps_picture = PictureItem()
        self.maps_box.addItem(self.maps_picture)
        self.maps.addItem(self.maps_box)
        self.chart_title = QLabel(translate("TimelineView", "The CNN's probabilities"))
        self.chart = ProbabilityChart(state.data.class_names)
        self.chart.setToolTip(translate("TimelineView", "What the CNN answered for this digit at this epoch"))

        top = QHBoxLayout()
        top.addWidget(self.epoch_label)
        top.addWidget(self.slider, 1)
        digit_label = QLabel(translate("TimelineView", "Digit:"))
        digit_label.setBuddy(self.source)
        top.addWidget(digit_label)
        top.addWidget(self.source)
        top.addWidget(self.index)
        grid = QGridLayout()
        grid.addWidget(self.filters, 0, 0, 2, 1)
        grid.addWidget(self.maps_title, 0, 1)
        grid.addWidget(self.maps, 1, 1)
        grid.addWidget(self.chart_title, 0, 2)
        grid.addWidget(self.chart, 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addLayout(grid, 1)

        self.slider.valueChanged.connect(lambda _: self.mark_dirty())
        self.source.currentIndexChanged.connect(lambda _: self.mark_dirty())
        self.index.valueChanged.connect(self._on_index)
        state.input_changed.connect(self._on_input)
        state.data_changed.connect(self._on_data)
        self._say_epoch()

    # -- what to show --------------------------------------------------------------------------------
    def set_timeline(self, timeline: Timeline | None, spec: InputSpec, class_names: Sequence[str]) -> None:
        """A run's CNN so far (None: nothing yet). The slider follows the newest epoch unless the user moved it."""
        at_end = self.timeline is None or self.slider.value() == self.slider.maximum()
        self.timeline, self.spec = timeline, spec
        self.chart.set_class_names(class_names)
        self.slider.blockSignals(True)
        self.slider.setRange(0, timeline.last if timeline is not None else 0)
        if at_end and timeline is not None:
            self.slider.setValue(timeline.last)
        self.slider.blockSignals(False)
        self.mark_dirty()

    @property
    def epoch(self) -> int:
        return self.slider.value()

    def digit(self) -> np.ndarray:
        """The digit to show: the canvas's (when chosen and there is one), else the chosen test image."""
        if self.source.currentData() == CANVAS and self.state.image is not None:
            return self.state.image
        data = self.state.data
        return data.test_images[min(self.index.value(), len(data.test_labels) - 1)]

    def _on_index(self) -> None:
        self.source.setCurrentIndex(self.source.findData(TEST))  # picking a number means that test image
        self.mark_dirty()

    def _on_input(self) -> None:
        if self.source.currentData() == CANVAS:
            self.mark_dirty()

    def _on_data(self) -> None:
        """Another data set: the run's CNN was for the old one."""
        self.tasks.cancel_all()
        self.index.setRange(0, max(0, len(self.state.data.test_labels) - 1))
        self.timeline, self.view = None, None
        self.slider.setRange(0, 0)
        self.mark_dirty()

    # -- drawing -------------------------------------------------------------------------------------
    def _say_epoch(self) -> None:
        last = self.timeline.last if self.timeline is not None else 0
        text = (translate("TimelineView", "Epoch 0 (random start)") if self.epoch == 0
                else translate("TimelineView", "After epoch {k} of {n}").format(k=self.epoch, n=last))
        self.epoch_label.setText(text)

    def refresh(self) -> None:
        """Rebuild the CNN at the slider's epoch and put the digit through it, in the background."""
        self._say_epoch()
        timeline, spec, epoch = self.timeline, self.spec, self.epoch
        if timeline is None or spec is None:
            self.filters.setVisible(False)
            self.maps_picture.clear()
            self.chart.set_probabilities(None)
            return
        self.filters.setVisible(True)
        image = np.array(self.digit())
        self.tasks.run("epoch", lambda _job: epoch_view(timeline, epoch, image, spec), policy="latest",
                       threads=threads_for("capture"), on_done=self._show, on_failed=self._failed)

    def _show(self, view: EpochView) -> None:
        self.view = view
        when = (translate("TimelineView", "random start") if view.epoch == 0
                else translate("TimelineView", "after epoch {k}").format(k=view.epoch))
        self.filters.show_filters(view.filters, when)
        self.maps_picture.show_rgb(picture_rgb(stage_picture(view.conv1), palette().base))
        self.maps_box.autoRange()
        self.chart.set_probabilities(view.probabilities)
        names, top = self.chart.class_names, int(np.argmax(view.probabilities))
        self.status.say(translate("TimelineView", "At this epoch the CNN says {name} ({p:.0%} sure).").format(
            name=names[top] if top < len(names) else top, p=float(view.probabilities[top])))
        self.shown.emit(view)

    def _failed(self, message: str) -> None:
        self.status.say(translate("TimelineView", "Could not show this epoch: {reason}").format(reason=message),
                        error=True)

    def restyle(self) -> None:
        self.maps_box.setBorder(pg.mkPen(palette().border, width=1))
