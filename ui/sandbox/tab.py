"""The "Kernel sandbox" tab: one kernel of your own convolved over your own drawing, step by step.

The learner picks or paints a kernel and sets its size, stride, padding and dilation (bound to
``prefs.sandbox``); the current input (the drawing on the Draw tab) is convolved at once by
``cnnviz.sandbox.convolve`` on this thread (a 28×28 picture takes well under a millisecond), and the
window slides over the padded input (a QTimer, or the step buttons and the ←/→ keys). Beside it: the
output size with the setting's numbers in the formula, the receptive field and the parameter count.
"""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, pyqtSignal
from PyQt6.QtGui import QHideEvent, QKeySequence, QShortcut
from PyQt6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnviz.sandbox import (
    DILATIONS,
    KERNEL_SIZES,
    PADDINGS,
    PRESETS,
    SAME,
    STRIDES,
    ConvSetting,
    Sandbox,
    SandboxError,
    convolve,
    fit_kernel,
    learned_kernels,
    preset_kernel,
)
from ui.binding import Bindings
from ui.i18n import error_text, translate
from ui.preferences import Preferences
from ui.sandbox.kernel_editor import KernelEditor
from ui.sandbox.numbers_view import NumbersView, window_text
from ui.sandbox.slide_view import SlideView
from ui.state import AppState
from ui.widgets.lazy import LazyPanel
from ui.widgets.status_label import StatusLabel

COLUMN_WIDTH = 300
CUSTOM = "custom"  # the preset box's entry for a kernel painted or typed by hand
DEFAULT_PRESET = "Sobel x"
# the presets' names as the box shows them; PRESETS (the core's names) stay English, they are what is compared
PRESET_NAMES = (QT_TRANSLATE_NOOP("SandboxTab", "identity"), QT_TRANSLATE_NOOP("SandboxTab", "box blur"),
                QT_TRANSLATE_NOOP("SandboxTab", "Gaussian blur"), QT_TRANSLATE_NOOP("SandboxTab", "sharpen"),
                QT_TRANSLATE_NOOP("SandboxTab", "Sobel x"), QT_TRANSLATE_NOOP("SandboxTab", "Sobel y"))
DIGIT_SIZE = (28, 28)  # the blank picture convolved before anything is drawn
INTRO = QT_TRANSLATE_NOOP("SandboxTab", "Set a kernel and watch it slide over your drawing (the Draw tab's input). "
                          "Each output cell is Σ weight × input over the window's taps; the padding adds zeros round "
                          "the picture.")


def _spin(values: tuple[int, ...], name: str, tip: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(values[0], values[-1])
    spin.setAccessibleName(name)
    spin.setToolTip(tip)
    return spin


class SandboxTab(LazyPanel):
    """``SandboxTab(state, prefs)``; ``step(n)``, ``toggle_play()``; ``position_changed(index)`` as the window moves."""

    position_changed = pyqtSignal(int)
    result_changed = pyqtSignal()  # a new output map (setting, kernel or input changed)

    def __init__(self, state: AppState, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.prefs = state, prefs.sandbox
        self.result: Sandbox | None = None
        self.position = 0
        self.filling = False  # the window was moved by Play or a step: the cells after it are veiled
        self.preset = DEFAULT_PRESET
        self.kernel = preset_kernel(DEFAULT_PRESET, self.prefs.kernel_size) if self.prefs.kernel_size > 1 \
            else preset_kernel("identity", 1)
        self._learned: list[tuple[str, np.ndarray]] = []
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.step(1, wrap=False))

        self.presets = QComboBox()
        self.presets.setAccessibleName(translate("SandboxTab", "Kernel preset"))
        self.presets.setToolTip(translate("SandboxTab", "Ready-made kernels; “learned” ones are the current model's "
                                          "first-layer filters"))
        self.editor = KernelEditor()
        self.size_spin = _spin(KERNEL_SIZES, translate("SandboxTab", "Kernel size"),
                               translate("SandboxTab", "k: the kernel is k×k weights"))
        self.stride_spin = _spin(STRIDES, translate("SandboxTab", "Stride"),
                                 translate("SandboxTab", "s: how far the window moves per step"))
        self.padding_box = QComboBox()
        for p in PADDINGS:
            self.padding_box.addItem(translate("SandboxTab", "same (output as large as the input)") if p == SAME
                                     else str(p), str(p))
        self.padding_box.setAccessibleName(translate("SandboxTab", "Padding"))
        self.padding_box.setToolTip(translate("SandboxTab", "p: rows and columns of zeros added on every side"))
        self.dilation_spin = _spin(DILATIONS, translate("SandboxTab", "Dilation"),
                                   translate("SandboxTab", "d: gaps between the kernel's taps (1 = none)"))
        self.pace_spin = _spin((20, 2000), translate("SandboxTab", "Step time"),
                               translate("SandboxTab", "Time per window position when playing"))
        self.pace_spin.setSingleStep(20)
        self.pace_spin.setSuffix(translate("SandboxTab", " ms"))
        self.status = StatusLabel()
        form = QFormLayout()
        for label, widget in ((translate("SandboxTab", "Kernel size k:"), self.size_spin),
                              (translate("SandboxTab", "Stride s:"), self.stride_spin),
                              (translate("SandboxTab", "Padding p:"), self.padding_box),
                              (translate("SandboxTab", "Dilation d:"), self.dilation_spin),
                              (translate("SandboxTab", "Step time:"), self.pace_spin)):
            form.addRow(label, widget)
        self.bindings = Bindings()
        for widget, name in ((self.size_spin, "kernel_size"), (self.stride_spin, "stride"),
                             (self.padding_box, "padding"), (self.dilation_spin, "dilation")):
            self.bindings.bind(widget, self.prefs, name, on_change=lambda _: self._on_setting())
        self.bindings.bind(self.pace_spin, self.prefs, "step_ms", on_change=self.timer.setInterval)
        self.timer.setInterval(self.prefs.step_ms)

        column = QWidget()
        stack = QVBoxLayout(column)
        intro = QLabel(translate("SandboxTab", INTRO))
        intro.setWordWrap(True)
        stack.addWidget(intro)
        stack.addWidget(self.presets)
        stack.addWidget(self.editor)
        stack.addLayout(form)
        stack.addWidget(self.status)
        stack.addStretch(1)
        column.setFixedWidth(COLUMN_WIDTH)
        scroll = QScrollArea()
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        bar = scroll.verticalScrollBar()
        scroll.setFixedWidth(COLUMN_WIDTH + (bar.sizeHint().width() if bar is not None else 0))

        self.view = SlideView()
        self.back_button = QPushButton(translate("SandboxTab", "◀ Step"))
        self.play_button = QPushButton(translate("SandboxTab", "Play"))
        self.forward_button = QPushButton(translate("SandboxTab", "Step ▶"))
        self.back_button.setAccessibleName(translate("SandboxTab", "Step back"))
        self.forward_button.setAccessibleName(translate("SandboxTab", "Step forward"))
        self.back_button.setToolTip(translate("SandboxTab", "Move the window back one position (←)"))
        self.forward_button.setToolTip(translate("SandboxTab", "Move the window on one position (→)"))
        self.play_button.setToolTip(translate("SandboxTab", "Slide the window over the whole picture"))
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.forward_button.clicked.connect(lambda: self.step(1))
        self.play_button.clicked.connect(self.toggle_play)
        self.where = QLabel()
        self.where.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.back_button, self.play_button, self.forward_button):
            buttons.addWidget(button)
        buttons.addWidget(self.where, 1)
        self.numbers = NumbersView()
        right = QVBoxLayout()
        right.addWidget(self.view, 1)
        right.addLayout(buttons)
        right.addWidget(self.numbers)
        layout = QHBoxLayout(self)
        layout.addWidget(scroll)
        layout.addLayout(right, 1)

        for key, delta in ((Qt.Key.Key_Right, 1), (Qt.Key.Key_Left, -1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=delta: self.step(d))
        self.presets.activated.connect(self._on_preset)
        self.editor.edited.connect(self._on_edited)
        state.input_changed.connect(self._recompute)
        state.model_changed.connect(self._fill_presets)
        self._fill_presets()
        self.editor.set_kernel(self.kernel)
        self._recompute()

    # -- the setting and the kernel ------------------------------------------------------------------
    @property
    def setting(self) -> ConvSetting:
        p = self.prefs
        return ConvSetting(p.kernel_size, p.stride, p.padding if p.padding == SAME else int(p.padding), p.dilation)

    def choose_preset(self, name: str) -> None:
        """Use a preset (one of ``PRESETS``, or a learned filter's label) as the kernel."""
        index = self.presets.findData(name)
        if index < 0:
            raise ValueError(f"no preset {name!r}")
        self.presets.setCurrentIndex(index)
        self._on_preset(index)

    def _fill_presets(self) -> None:
        self._learned = learned_kernels(self.state.model)
        self.presets.blockSignals(True)
        self.presets.clear()
        for name in PRESETS:
            self.presets.addItem(translate("SandboxTab", name), name)
        for label, _ in self._learned:
            self.presets.addItem(label, label)
        self.presets.addItem(translate("SandboxTab", "your own (painted or typed)"), CUSTOM)
        found = self.presets.findData(self.preset)
        if found < 0:  # a learned filter of a model that has gone: it stays as the user's own kernel
            self.preset = CUSTOM
            found = self.presets.findData(CUSTOM)
        self.presets.setCurrentIndex(found)
        self.presets.blockSignals(False)

    def _on_preset(self, index: int) -> None:
        name = self.presets.itemData(index)
        if name == CUSTOM:
            return  # "your own": the kernel stays as it is
        learned = dict(self._learned)
        try:
            kernel = learned[name] if name in learned else preset_kernel(name, self.prefs.kernel_size)
        except SandboxError as exc:  # e.g. a Sobel filter at size 1
            self.status.say(error_text(exc), error=True)
            self._show_preset(self.preset)
            return
        self.size_spin.setValue(kernel.shape[0])  # a learned filter has its own size
        self._show_preset(name)
        self._set_kernel(kernel)

    def _show_preset(self, name: str) -> None:
        self.preset = name
        self.presets.setCurrentIndex(self.presets.findData(name))

    def _on_edited(self, kernel: np.ndarray) -> None:
        self._show_preset(CUSTOM)
        self.kernel = kernel
        self._recompute()

    def _set_kernel(self, kernel: np.ndarray) -> None:
        self.kernel = np.asarray(kernel, dtype=np.float32)
        self.editor.set_kernel(self.kernel)
        self._recompute()

    def _on_setting(self) -> None:
        """A setting changed: a preset is remade at the new size, any other kernel cropped or padded."""
        k, note = self.prefs.kernel_size, ""
        if self.kernel.shape[0] != k:
            kernel = None
            if self.preset in PRESETS:
                try:
                    kernel = preset_kernel(self.preset, k)
                except SandboxError as exc:
                    note = translate("SandboxTab", "{why} Your kernel was cut to {k}×{k} instead.").format(
                        why=error_text(exc), k=k)
            if kernel is None:  # a learned, painted or typed kernel keeps its centre
                kernel = fit_kernel(self.kernel, k)
                self._show_preset(CUSTOM)
            self.kernel = kernel
            self.editor.set_kernel(kernel)
        self._recompute(note)

    # -- the convolution and the window --------------------------------------------------------------
    def _recompute(self, note: str = "") -> None:
        """Convolve again; ``note`` is said in the status (an error from the convolution overrides it)."""
        image = self.state.image if self.state.image is not None else np.zeros(DIGIT_SIZE, np.float32)
        previous = None if self.result is None else self.result.output.shape
        try:
            self.result = convolve(image, self.kernel, self.setting)
        except SandboxError as exc:
            self.result = None
            self.status.say(error_text(exc), error=True)
            self.view.input_panel.clear()
            self.view.output_panel.clear()
            self.numbers.clear()
            self.where.setText("")
            self.result_changed.emit()
            return
        self.status.say(note, error=bool(note))
        if self.result.output.shape != previous or not self.filling:
            # a new map is shown whole, the window on its strongest cell; Play or a step fills it in again
            self.position = int(np.abs(self.result.output).argmax())
            self.filling = False
        self.result_changed.emit()
        self.mark_dirty()

    def step(self, delta: int, wrap: bool = True) -> None:
        """Move the window ``delta`` positions (row by row); at either end it wraps round, or the play stops."""
        if self.result is None:
            return
        target = self.position + delta
        if not wrap and not 0 <= target < self.result.positions:
            self._stop()
            return
        self.position = target % self.result.positions
        self.filling = True
        self.mark_dirty()
        self.position_changed.emit(self.position)

    def toggle_play(self) -> None:
        if self.timer.isActive():
            self._stop()
        elif self.result is not None:
            if not self.filling or self.position >= self.result.positions - 1:
                self.position = -1  # from the first window
                self.step(1)
            self.timer.start()
            self.play_button.setText(translate("SandboxTab", "Pause"))

    def _stop(self) -> None:
        self.timer.stop()
        self.play_button.setText(translate("SandboxTab", "Play"))

    def hideEvent(self, event: QHideEvent | None) -> None:
        self._stop()  # no animation behind another tab
        super().hideEvent(event)

    # -- drawing ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        result = self.result
        if result is None:
            return
        self.view.show_result(result, self.position, veiled=self.filling)
        self.numbers.show_window(result, self.position)
        self.where.setText(window_text(result, self.position))
