"""Opening a data set in the window: read in the background with a progress bar and Cancel, then handed to
every tab in one ``AppState.set_data``; on any problem the data set that was open stays open.

The reading itself is the core's ``open_data_folder`` (every format, through the cache); this object runs
it as the window's "load-data" job and says what happened, in ``error`` (a dialog) and ``status``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PyQt6.QtCore import QObject, pyqtSignal
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from cnnviz.data import MnistData
from cnnviz.jobs import Job
from cnnviz.training.device import threads_for
from ui.i18n import translate
from ui.state import AppState
from ui.tasks import TaskRunner

OpenFolder = Callable[..., MnistData]  # open_data_folder(path, progress=, should_stop=)


def _open_data_folder(path: Path, **kwargs: object) -> MnistData:
    from cnnviz.data import open_data_folder  # Pillow and the format readers load on first use

    return open_data_folder(path, **kwargs)  # type: ignore[arg-type]


def describe(data: MnistData) -> str:
    """One line about a data set: its size, kind of image and classes."""
    (h, w) = data.spec.size
    text = (translate("DataControl", "{name}: {train:,} training and {test:,} test images, colour {h}×{w}, "
                                     "{classes} classes") if data.spec.channels == 3 else
            translate("DataControl", "{name}: {train:,} training and {test:,} test images, grey {h}×{w}, "
                                     "{classes} classes"))
    return text.format(name=data.name, train=len(data.train_labels), test=len(data.test_labels), h=h, w=w,
                       classes=data.num_classes)


class DataProgress(QWidget):
    """The status bar's line while a data set is read: what, how far, and Cancel."""

    cancel_requested = pyqtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setMinimumWidth(160)
        self.cancel_button = QPushButton(translate("DataProgress", "Cancel"))
        self.cancel_button.setToolTip(translate("DataProgress",
                                                "Stop reading; the data set that is open now stays open"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        for widget in (self.label, self.bar, self.cancel_button):
            row.addWidget(widget)
        self.hide()


class DataControl(QObject):
    """``open(path)`` reads a data set in the background; ``cancel()`` stops it."""

    error = pyqtSignal(str)  # the data set could not be opened (the open one stays)
    status = pyqtSignal(str)  # a passing remark for the status bar
    opened = pyqtSignal(object)  # the MnistData now open

    def __init__(self, state: AppState, tasks: TaskRunner, open_folder: OpenFolder = _open_data_folder) -> None:
        super().__init__(state)
        self.state, self.tasks, self._open_folder = state, tasks, open_folder
        self.progress = DataProgress()
        self.progress.cancel_requested.connect(self.cancel)
        self._path: Path | None = None

    @property
    def loading(self) -> bool:
        return self.tasks.busy("load-data")

    def open(self, path: Path) -> bool:
        """Start reading ``path`` (a data-set folder, or a file in it); False while another one is being read."""
        if self.loading:
            self.status.emit(translate("DataControl", "A data set is already being opened; cancel it first."))
            return False
        open_folder, self._path = self._open_folder, Path(path)

        def job(j: Job) -> MnistData:
            return open_folder(Path(path), progress=j.progress, should_stop=j.should_stop)

        started = self.tasks.run("load-data", job, threads=threads_for("load"), on_done=self._on_loaded,
                                 on_failed=self._on_failed, on_progress=self._on_progress,
                                 on_cancelled=self._on_cancelled, on_finished=self.progress.hide)
        if started:
            self.progress.label.setText(translate("DataControl", "Opening {name}…").format(name=Path(path).name))
            self.progress.bar.setValue(0)
            self.progress.cancel_button.setEnabled(True)
            self.progress.show()
        return started

    def cancel(self) -> None:
        if self.loading:
            self.tasks.cancel("load-data")
            self.progress.cancel_button.setEnabled(False)

    def _on_progress(self, fraction: object) -> None:
        if isinstance(fraction, int | float):
            self.progress.bar.setValue(int(1000 * min(max(float(fraction), 0.0), 1.0)))

    def _on_loaded(self, data: MnistData) -> None:
        self.progress.hide()  # read: the line goes before the tabs take the new set
        self.state.set_data(data)
        skipped = data.skipped
        names = ", ".join(Path(s.path).name for s in skipped[:3]) + (", …" if len(skipped) > 3 else "")
        unread = translate("DataControl", " {count:,} unreadable file(s) skipped ({names}).").format(
            count=len(skipped), names=names) if skipped else ""
        self.status.emit(translate("DataControl", "Data: {data} (File → Retrain explorer CNN trains on it).").format(
            data=describe(data)) + unread)
        self.opened.emit(data)

    def _on_failed(self, message: str) -> None:
        self.error.emit(translate("DataControl", "This data set could not be opened: {reason}\n\nStill using {data}.")
                        .format(reason=message, data=self.state.data.name))

    def _on_cancelled(self) -> None:
        what = self._path.name if self._path else translate("DataControl", "the data set")
        self.status.emit(translate("DataControl", "Opening {what} was cancelled; still using {data}.").format(
            what=what, data=self.state.data.name))
