"""The report's controls: which models, on which device, how long each may train, whether they are also tested
together; Run, Cancel and progress.

Every choice is bound to ``prefs.zoo`` (kept between sessions); ``changed`` fires after each change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cnnviz.models import MODELS
from cnnviz.training import available_devices
from ui.binding import Bindings
from ui.i18n import translate
from ui.preferences import ZooPrefs


def bind_model_checks(checks: dict[str, QCheckBox], prefs: ZooPrefs, on_change: Callable[[], None]) -> None:
    """Tick the models named in ``prefs.models`` (comma-separated) and write every change back there."""
    chosen = {name.strip() for name in prefs.models.split(",")}
    for name, box in checks.items():
        box.setChecked(name in chosen)

    def store(*_: Any) -> None:
        prefs.models = ",".join(name for name, box in checks.items() if box.isChecked())
        on_change()

    for box in checks.values():
        box.toggled.connect(store)


class ReportControls(QWidget):
    changed = pyqtSignal()  # the models, device or budget changed

    def __init__(self, prefs: ZooPrefs) -> None:
        super().__init__()
        self.checks = {name: QCheckBox(name) for name in MODELS}
        pick = QHBoxLayout()
        pick.addWidget(QLabel(translate("ReportControls", "Models:")))
        for name, box in self.checks.items():
            box.setToolTip(translate("ReportControls", "Measure {model} in the report").format(model=name))
            pick.addWidget(box)
        pick.addStretch(1)
        self.device_combo = QComboBox()
        for device in ("auto", *available_devices()):
            self.device_combo.addItem(translate("ReportControls", "auto") if device == "auto" else device, device)
        self.device_combo.setAccessibleName(translate("ReportControls", "Device"))
        self.device_combo.setToolTip(translate("ReportControls", "Where the report trains and tests the models "
                                               "(auto: the fastest one found)"))
        self.budget = QDoubleSpinBox()
        self.budget.setRange(0.5, 600)
        self.budget.setSuffix(translate("ReportControls", " min"))
        self.budget.setAccessibleName(translate("ReportControls", "Time budget per model"))
        self.budget.setToolTip(translate("ReportControls", "A model whose full training would take longer is trained "
                                         "for as many epochs as fit, and the time the full training needs here is "
                                         "estimated."))
        self.together = QCheckBox(translate("ReportControls", "Test them together"))
        self.together.setToolTip(translate("ReportControls", "Run report also tests the ticked models as one small "
                                           "ensemble: each test digit's probabilities averaged over them, a figure "
                                           "of its own under the table"))
        self.run_button = QPushButton(translate("ReportControls", "Run report"))
        self.run_button.setToolTip(translate("ReportControls", "Train and test the ticked models that have no "
                                             "results yet"))
        self.cancel_button = QPushButton(translate("ReportControls", "Cancel"))
        self.cancel_button.setToolTip(translate("ReportControls", "Stop the report after the current batch; finished "
                                                "models are kept"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.progress.setAccessibleName(translate("ReportControls", "Progress of the current model"))
        device_label = QLabel(translate("ReportControls", "Device:"))
        device_label.setBuddy(self.device_combo)
        budget_label = QLabel(translate("ReportControls", "Time budget per model:"))
        budget_label.setBuddy(self.budget)
        row = QHBoxLayout()
        for widget in (device_label, self.device_combo, budget_label, self.budget, self.together, self.run_button,
                       self.cancel_button):
            row.addWidget(widget)
        row.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(pick)
        layout.addLayout(row)
        self.bindings = Bindings()
        self.bindings.bind(self.device_combo, prefs, "device", on_change=lambda _: self.changed.emit())
        self.bindings.bind(self.budget, prefs, "budget_min", on_change=lambda _: self.changed.emit())
        self.bindings.bind(self.together, prefs, "ensemble", on_change=lambda _: self.changed.emit())
        bind_model_checks(self.checks, prefs, self.changed.emit)

    def selected_models(self) -> list[str]:
        return [name for name, box in self.checks.items() if box.isChecked()]

    def set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress.setValue(0)
        self.progress.setVisible(running)
