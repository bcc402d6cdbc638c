"""A background job's line on the Filters tab: what is being computed, how far, and Cancel (or Compute
again after a cancel). Shared by the feature and class views."""

from __future__ import annotations

from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from ui.i18n import translate
from ui.widgets.status_label import StatusLabel


class JobBar(QWidget):
    """``busy(text)``, ``advance(done, total)``, ``idle(text)``; ``cancel_requested`` / ``run_requested``."""

    cancel_requested = pyqtSignal()
    run_requested = pyqtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status, self.progress, self.button = StatusLabel(""), QProgressBar(), QPushButton()
        self.running = False  # what the button does: cancel (True) or compute again (its text is translated)
        self.progress.setRange(0, 1000)  # tenths of a percent
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName(translate("JobBar", "Progress"))
        self.button.clicked.connect(self._clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.status, 1), (self.progress, 0), (self.button, 0)):
            row.addWidget(widget, stretch)
        self.idle("")

    def busy(self, text: str) -> None:
        self.status.say(text)
        self.progress.setValue(0)
        self.progress.show()
        self.running = True
        self.button.setText(translate("JobBar", "Cancel"))
        self.button.setToolTip(translate("JobBar", "Stop this computation (what is already shown stays)"))
        self.button.show()

    def advance(self, value: object) -> None:
        """Progress as the core reports it: (done, total)."""
        if isinstance(value, tuple) and len(value) == 2 and value[1]:
            self.progress.setValue(round(1000 * value[0] / value[1]))

    def idle(self, text: str, error: bool = False, can_run: bool = False) -> None:
        """Nothing running; ``can_run`` offers to compute again (after a cancel or a failure)."""
        self.status.say(text, error)
        self.progress.hide()
        self.running = False
        self.button.setText(translate("JobBar", "Compute"))
        self.button.setToolTip(translate("JobBar", "Compute it now"))
        self.button.setVisible(can_run)

    def _clicked(self) -> None:
        (self.cancel_requested if self.running else self.run_requested).emit()
