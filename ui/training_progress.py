"""A compact progress line for background training: epoch, batch, loss, accuracy, ETA, Cancel."""

from __future__ import annotations

from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from cnnviz.training import BatchMetrics
from ui.i18n import translate


def format_eta(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class TrainingProgress(QWidget):
    cancel_requested = pyqtSignal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel("")
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setMinimumWidth(180)
        self.cancel_button = QPushButton(translate("TrainingProgress", "Cancel"))
        self.cancel_button.setToolTip(translate("TrainingProgress", "Stop the training; the model you had stays open"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._epochs = 1

    def begin(self, text: str, epochs: int) -> None:
        self._epochs = max(1, epochs)
        self.label.setText(text)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(True)
        self.show()

    def update_batch(self, m: BatchMetrics) -> None:
        done = ((m.epoch - 1) + m.progress) / self._epochs
        self.bar.setValue(int(done * 1000))
        eta = m.elapsed_s / done - m.elapsed_s if done > 0 else 0.0
        self.label.setText(translate(
            "TrainingProgress", "epoch {epoch}/{epochs} · batch {batch}/{batches} · loss {loss:.3f} · acc {acc:.0%} · "
            "ETA {eta}").format(epoch=m.epoch, epochs=self._epochs, batch=m.batch, batches=m.batches_per_epoch,
                                loss=m.loss, acc=m.accuracy, eta=format_eta(eta)))
