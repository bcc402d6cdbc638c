"""The main tab, "Draw & explore": the input column beside the pipeline, and the keys that drive them.

Gestures become calls on ``AppState`` (``set_input``); everything shown comes from the capture the state
hands back, so the views always agree with each other and with the model.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt
from PyQt6.QtGui import QKeySequence, QShortcut, QShowEvent
from PyQt6.QtWidgets import QApplication, QFileDialog, QHBoxLayout, QScrollArea, QSplitter, QTabWidget, QWidget

from cnnviz.features.ablation import off_in
from cnnviz.introspect.stages import class_labels
from ui.binding import Bindings
from ui.canvas import DrawingCanvas
from ui.draw.ablation_marks import OffMarks
from ui.draw.ablation_panel import AblationPanel
from ui.draw.camera_panel import CameraPanel, camera_available
from ui.draw.connections_view import StripConnections
from ui.draw.input_panel import KEEP_DRAWING, InputPanel, too_small_to_read
from ui.draw.one_step_panel import OneStepPanel
from ui.draw.pipeline_view import PipelineView
from ui.draw.probability_chart import forced_choice
from ui.draw.stage_picture import stage_picture
from ui.i18n import translate, worded
from ui.pool_zoom import PoolZoomPanel
from ui.preferences import Preferences
from ui.state import AppState
from ui.widgets.accessible import name_tabs
from ui.widgets.lazy import LazyPanel

NOTHING_TO_PASTE = QT_TRANSLATE_NOOP("DrawTab", "The clipboard holds no picture (copy an image, or an image file, "
                                                "first).")


def ask_image_path(parent: QWidget) -> str:
    name, _ = QFileDialog.getOpenFileName(
        parent, translate("DrawTab", "Open an image"), "",
        translate("DrawTab", "Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)"))
    return name


class DrawTab(LazyPanel):
    """``DrawTab(state, prefs, rng=None, ask_path=ask_image_path)``: brush, pace and test index live in
    ``prefs.draw``; ``ask_path(parent) -> str`` asks for an image file ("" when cancelled); ``canvas`` is
    one already drawn on (the start-up page's), whose drawing becomes the input."""

    def __init__(self, state: AppState, prefs: Preferences, *, rng: np.random.Generator | None = None,
                 ask_path: Callable[[QWidget], str] = ask_image_path, parent: QWidget | None = None,
                 canvas: DrawingCanvas | None = None, camera: CameraPanel | bool | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._rng = rng if rng is not None else np.random.default_rng()
        self._ask_path = ask_path
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.inputs = InputPanel(state.data, canvas=canvas)
        self.canvas = self.inputs.canvas
        # the controls other code reaches for (the main window's tests, tools/screenshots.py)
        self.brush_slider, self.index_spin = self.inputs.brush_slider, self.inputs.index_spin
        self.prediction_label, self.truth_label = self.inputs.prediction_label, self.inputs.truth_label
        self.message, self.chart = self.inputs.message, self.inputs.chart
        self.pipeline = PipelineView()
        self.pool_zoom = PoolZoomPanel(state=state)
        self.ablation = AblationPanel(state)
        self.side = QTabWidget()  # beside the enlarged stage: the pooling zoom, and switching maps off
        self.side.addTab(self.pool_zoom, translate("DrawTab", "Pooling zoom"))
        self.side.addTab(self.ablation, translate("DrawTab", "Switch maps off"))
        self.one_step = OneStepPanel(state)  # one SGD step on the digit, on a copy of the model
        scroll = QScrollArea()  # its numbers and bars need more height than a 1024×700 window leaves
        scroll.setWidget(self.one_step)
        scroll.setWidgetResizable(True)
        self.side.addTab(scroll, translate("DrawTab", "One training step"))
        name_tabs(self.side, translate("DrawTab", "Beside the enlarged stage"),
                  translate("DrawTab", "Choose the pooling zoom, the maps to switch off, or one training step"))
        self.side.setFixedWidth(400)
        self.pipeline.focus_row.addWidget(self.side)
        self.focus_marks = OffMarks(self.pipeline.focus.box)
        self.strip_marks: list[OffMarks] = []
        self.connections = StripConnections(self.pipeline.strip)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.inputs)
        self.splitter.addWidget(self.pipeline)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 960])
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter)

        self.bindings = Bindings()
        self.bindings.bind(self.inputs.brush_slider, prefs.draw, "brush")
        self.bindings.bind(self.pipeline.pace, prefs.draw, "pace")
        self.bindings.bind(self.inputs.index_spin, prefs.draw, "test_index")

        inputs = self.inputs
        self.canvas.input_changed.connect(self._on_canvas_input)
        self.canvas.error.connect(lambda text: inputs.say(text, error=True))
        inputs.clear_button.clicked.connect(self.canvas.clear)
        inputs.undo_button.clicked.connect(self.canvas.undo)
        inputs.open_button.clicked.connect(self.open_image_dialog)
        inputs.paste_button.clicked.connect(self.paste_image)
        inputs.show_button.clicked.connect(lambda: self.show_test_digit(inputs.index_spin.value()))
        inputs.random_button.clicked.connect(lambda: self.random_test_digit(inputs.class_combo.currentData()))
        self.pipeline.stage_selected.connect(self._on_stage_selected)
        self.pipeline.channel_selected.connect(self._on_channel_selected)
        self.pipeline.focus.item.sigHovered.connect(self.show_connections)
        self.ablation.enlarged_button.clicked.connect(self._toggle_enlarged)
        state.capture_changed.connect(self.mark_dirty)
        state.input_changed.connect(self._on_input)
        state.model_changed.connect(self._on_model)
        state.display_changed.connect(self.mark_dirty)  # the View menu's colour-scale choice
        state.data_changed.connect(self._on_data)
        self._keys()
        if isinstance(camera, CameraPanel):  # given (tests feed it frames through their own video sink)
            self.inputs.add_camera(camera)
        elif camera is None and camera_available():
            self.inputs.add_camera(CameraPanel(self.canvas))
        if not self.canvas.is_empty:  # drawn on before this tab existed: that drawing is the input
            self._on_canvas_input(self.canvas.input_image())

    def _keys(self) -> None:
        """←/→ step, Esc/Delete clear, Ctrl+Z undo, wherever the focus is inside the tab (after any click)."""
        for key, action in ((Qt.Key.Key_Right, self.pipeline.next_stage),
                            (Qt.Key.Key_Left, self.pipeline.previous_stage),
                            (Qt.Key.Key_Escape, self.canvas.clear), (Qt.Key.Key_Delete, self.canvas.clear),
                            (QKeySequence.StandardKey.Undo, self.canvas.undo),
                            (QKeySequence.StandardKey.Paste, self.paste_image)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    # -- gestures -> state -------------------------------------------------------------------
    def show_test_digit(self, index: int) -> None:
        """Put test image ``index`` on the canvas; its true class is shown next to the prediction."""
        data = self.state.data
        index = max(0, min(int(index), len(data.test_labels) - 1))
        self.inputs.index_spin.setValue(index)
        self.canvas.set_image(data.test_images[index], int(data.test_labels[index]))

    def random_test_digit(self, digit: int | None = None) -> int:
        """Show a random test image (of class ``digit`` when given); returns its index."""
        index = self.state.data.random_test_digit(self._rng, digit).index
        self.show_test_digit(index)
        return index

    def load_image_file(self, path: str | Path) -> bool:
        return self.canvas.load_image_file(path)

    def open_image_dialog(self) -> None:
        name = self._ask_path(self)
        if name:
            self.load_image_file(name)

    def paste_image(self) -> bool:
        """The clipboard's picture (or image file) becomes the input, as an opened image would."""
        clipboard = QApplication.clipboard()
        mime = clipboard.mimeData() if clipboard is not None else None
        if mime is not None and mime.hasImage():
            from ui.widgets.qimages import qimage_to_array

            return self.canvas.show_picture(qimage_to_array(mime.imageData()),
                                            translate("DrawTab", "the pasted picture"))
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime is not None else []
        if files:
            return self.load_image_file(files[0])
        self.inputs.say(translate("DrawTab", NOTHING_TO_PASTE), error=True)
        return False

    def _on_data(self) -> None:
        """Another data set: the picker and the kind of input follow it, and one of its test images is shown
        unless the user's own drawing still fits (a grey set after a grey set)."""
        was_colour = self.canvas.colour
        self.inputs.set_data(self.state.data)
        if self.canvas.colour or was_colour or self.canvas.is_empty or self.canvas.true_label is not None:
            self.show_test_digit(self.inputs.index_spin.value())

    def _on_canvas_input(self, image: np.ndarray | None) -> None:
        self.inputs.say(translate("InputPanel", KEEP_DRAWING) if too_small_to_read(self.canvas) else "", error=False)
        self.state.set_input(image, self.canvas.true_label)

    def _on_model(self) -> None:
        if self.state.image is None and self.canvas.is_empty:
            self.show_test_digit(self.inputs.index_spin.value())  # something real to look at straight away

    def _on_stage_selected(self, index: int) -> None:
        """Stepping onto a pooling stage, or the conv stage it reads, shows that pooling in the zoom."""
        capture = self.pipeline.capture
        self.connections.clear()
        if capture is not None:
            self.pool_zoom.select_pool_stage(capture.stages[index].name)
            self.ablation.select_stage(capture.stages[index].name)
        self._mark_off()

    def _on_channel_selected(self, channel: int | None) -> None:
        """Enlarging one map of such a stage shows the same map in the zoom."""
        stage = self.pipeline.current_stage
        if stage is not None and channel is not None:
            self.pool_zoom.select_pool_stage(stage.name, channel)
        self._mark_off()

    def _toggle_enlarged(self) -> None:
        """Switch the enlarged map off (or back on)."""
        stage, channel = self.pipeline.current_stage, self.pipeline.channel
        if stage is not None and channel is not None:
            self.ablation.toggle(stage.name, channel)

    def show_connections(self, row: int, col: int) -> int:
        """Hovering pixel (row, col) of the enlarged stage: lines in the strip to the cells that feed it."""
        picture, capture, model = self.pipeline.focus.picture, self.pipeline.capture, self.state.model
        found = picture.grid.locate(row, col) if picture is not None and picture.grid is not None else None
        if found is None or capture is None or model is None or picture is None:
            self.connections.clear()
            return 0
        tile, y, x = found
        return self.connections.show(model, capture, self.pipeline.current, picture.first_channel + tile, y, x)

    def _mark_off(self) -> None:
        """Cross the switched-off maps on the enlarged stage and in the strip; say which map can be toggled."""
        capture, ablation = self.pipeline.capture, self.state.ablation
        if capture is None:
            return
        if [m.curve.getViewBox() for m in self.strip_marks] != self.pipeline.strip.boxes:  # the strip was rebuilt
            self.strip_marks = [OffMarks(box) for box in self.pipeline.strip.boxes]
        for shown, marks in zip(capture.stages, self.strip_marks, strict=False):
            whole = stage_picture(shown)
            marks.show(whole.grid, 0, off_in(ablation, shown.name), whole.values.shape[1])
        stage, picture = self.pipeline.current_stage, self.pipeline.focus.picture
        if stage is not None and picture is not None:
            self.focus_marks.show(picture.grid, picture.first_channel, off_in(ablation, stage.name),
                                  picture.values.shape[1])
        self.ablation.show_enlarged(stage.name if stage is not None else None, self.pipeline.channel)

    # -- state -> views ------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent | None) -> None:
        super().showEvent(event)
        if self.focusWidget() is None:
            self.canvas.setFocus()  # keys (Esc, Ctrl+Z, ←/→) work straight away

    def restyle(self) -> None:
        self.inputs.restyle()
        self.pipeline.restyle()

    def refresh(self) -> None:
        """Redraw every view from the state's current input and capture (one full UI update)."""
        state = self.state
        capture = state.capture
        self.inputs.show_input(state.image)
        if capture is not None:  # the bars and the verdict name the model's classes (an opened model's own)
            names = [worded(n) for n in class_labels(state.meta.class_names if state.meta is not None else None,
                                                     len(capture.probabilities))]
            self.chart.set_class_names(names)
            self.inputs.forced_choice.setText(forced_choice(len(names)))
        self.inputs.show_verdict(state.image is not None, state.model is not None, capture, state.true_label,
                                 state.data.class_names)
        self.pipeline.set_map_scale(state.map_scale)
        self.pipeline.switched_off = {s: off_in(state.ablation, s) for s in {s for s, _ in state.ablation}}
        waiting = "" if state.image is None or state.model is not None else translate(
            "DrawTab", "The network's stages will appear here as soon as the model is trained.")
        self.pipeline.show_capture(capture, waiting)
        self.pool_zoom.set_capture(capture, state.model)
        self.connections.clear()  # the strip may have been rebuilt; the next hover draws them again
        self._mark_off()

    def _on_input(self) -> None:
        """A new input: show it now; the rest follows its capture (or says the model is not ready)."""
        if self.state.model is None:
            self.mark_dirty()
        else:
            self.inputs.show_input(self.state.image)
