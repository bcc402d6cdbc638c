"""The main window: menus, status bar, tabs, and the first-launch training of the explorer CNN."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PyQt6.QtCore import QSettings, Qt, QThread
from PyQt6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PyQt6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from cnnviz.data import MnistData, load_mnist_folder
from cnnviz.paths import BUNDLED_MNIST_DIR, default_model_path
from cnnviz.training import (
    CheckpointError,
    TrainedModel,
    device_label,
    load_checkpoint,
    pick_device,
    save_checkpoint,
    train_model,
)
from ui.draw.tab import DrawTab
from ui.explain_tab import ExplainTab
from ui.filters.tab import FiltersTab
from ui.preferences import PreferenceError, Preferences, read
from ui.state import AppState
from ui.steady_tabs import SteadyTabWidget
from ui.theme import apply_theme
from ui.training_lab import TrainingLabTab
from ui.training_progress import TrainingProgress
from ui.workers import TrainWorker, start_in_thread, stop_thread
from ui.zoo_tab import ZooTab

ATTRIBUTION = (
    "The MNIST database of handwritten digits, by Yann LeCun, Corinna Cortes and Christopher J.C. "
    "Burges; 60,000 training and 10,000 test images. Licensed under Creative Commons "
    "Attribution-Share Alike 3.0. Shipped with cnnviz in resources/mnist (see its README.md)."
)


LAST_OPENED_KEY = "model/last_opened"


class MainWindow(QMainWindow):
    def __init__(
        self,
        state: AppState,
        settings: QSettings | None = None,
        model_path: Path | None = None,
        first_run_subset: int | None = None,
        first_run_epochs: int | None = None,
    ):
        super().__init__()
        self.state = state
        self.settings = settings or QSettings()
        self.model_path = model_path or default_model_path()
        self._first_run_subset = first_run_subset
        self._first_run_epochs = first_run_epochs
        self._train_thread: QThread | None = None
        self._train_worker: TrainWorker | None = None
        self._data_thread: QThread | None = None  # loading a data folder, off the GUI thread
        self._data_worker: TrainWorker | None = None
        self.setWindowTitle("cnnviz — see how a CNN works")
        self.resize(1280, 800)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #fff4d6; color: #4a3b00; border: 1px solid #e0c46c; "
            "border-radius: 4px; padding: 6px; font-size: 11pt; }"
        )
        self.banner.hide()
        layout.addWidget(self.banner)
        self.tabs = SteadyTabWidget()  # a label changing inside a tab must not repaint the whole page
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self._create_tabs()
        self._create_status_bar()
        self._create_menus()
        self.state.model_changed.connect(self._update_status)
        self.state.error.connect(self.show_error)
        self._restore_settings()
        self._update_status()

    # -- construction ----------------------------------------------------------------------------
    def _create_tabs(self) -> None:
        """Each tab is its own widget module; tabs only read ``self.state`` and call the core."""
        self.tab_widgets: dict[str, QWidget] = {}
        try:  # until the window moves to ui.preferences as a whole (lead): read them here, save draw/* on close
            self.prefs = read(self.settings)
        except PreferenceError:
            self.prefs = Preferences()
        self.draw_tab = DrawTab(self.state, self.prefs)
        self.add_tab("draw", self.draw_tab, "Draw && explore")
        self.filters_tab = FiltersTab(self.state, self.prefs)
        self.add_tab("filters", self.filters_tab, "Filters")
        self.add_tab("explain", ExplainTab(self.state), "Explain")
        self.add_tab("lab", TrainingLabTab(self.state), "Training lab")
        self.add_tab("zoo", ZooTab(self.state), "Model zoo")

    def add_tab(self, key: str, widget: QWidget, title: str) -> None:
        self.tab_widgets[key] = widget
        self.tabs.addTab(widget, title)

    def _create_status_bar(self) -> None:
        bar = self.statusBar()
        assert bar is not None
        self.device_label = QLabel()
        self.model_label = QLabel()
        self.accuracy_label = QLabel()
        self.progress = TrainingProgress()
        self.progress.cancel_requested.connect(self.cancel_training)
        self.progress.hide()
        bar.addWidget(self.device_label)
        bar.addWidget(self.model_label)
        bar.addWidget(self.accuracy_label)
        bar.addPermanentWidget(self.progress)

    def _create_menus(self) -> None:
        menubar = self.menuBar()
        assert menubar is not None
        file_menu = menubar.addMenu("&File")
        assert file_menu is not None
        self.open_action = self._action(file_menu, "&Open model…", self.open_model_dialog,
                                        QKeySequence.StandardKey.Open)
        self.save_action = self._action(file_menu, "&Save model as…", self.save_model_dialog,
                                        QKeySequence.StandardKey.Save)
        self.open_data_action = self._action(file_menu, "Open &data folder…", self.open_data_folder_dialog)
        self.retrain_action = self._action(file_menu, "&Retrain explorer CNN", self.train_default_model)
        self.open_image_action = self._action(file_menu, "Open &image of a digit…", self.open_image_dialog, "Ctrl+I")
        file_menu.addSeparator()
        self._action(file_menu, "&Export view as PNG…", self.export_view_dialog, "Ctrl+E")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        self.view_menu = menubar.addMenu("&View")
        assert self.view_menu is not None
        for i in range(self.tabs.count()):
            self._action(self.view_menu, self.tabs.tabText(i), lambda i=i: self.tabs.setCurrentIndex(i),
                         f"Ctrl+{i + 1}")
        self.view_menu.addSeparator()
        theme_group = QActionGroup(self)
        self.light_action = self._action(self.view_menu, "&Light palette", lambda: self.set_dark(False))
        self.dark_action = self._action(self.view_menu, "&Dark palette", lambda: self.set_dark(True))
        for action in (self.light_action, self.dark_action):
            action.setCheckable(True)
            theme_group.addAction(action)

        help_menu = menubar.addMenu("&Help")
        assert help_menu is not None
        self._action(help_menu, "&About cnnviz", self.show_about)
        self._action(help_menu, "About the &MNIST data", self.show_attribution)

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- settings ---------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.tabs.setCurrentIndex(int(self.settings.value("window/tab", 0, type=int) or 0))
        dark = bool(self.settings.value("view/dark", False, type=bool))
        (self.dark_action if dark else self.light_action).setChecked(True)

    def _save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        for name in ("brush", "pace", "test_index"):
            self.settings.setValue(f"draw/{name}", getattr(self.prefs.draw, name))
        self.settings.sync()

    def set_dark(self, dark: bool) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, dark)
        self.settings.setValue("view/dark", dark)

    # -- status -----------------------------------------------------------------------------------
    def _update_status(self) -> None:
        self.device_label.setText(f"Device: {device_label(pick_device())}")
        meta = self.state.meta
        if meta is None:
            self.model_label.setText("Model: none yet")
            self.accuracy_label.setText("")
        else:
            self.model_label.setText(f"Model: {meta.model} ({meta.dataset}, {meta.epochs} epochs)")
            acc = meta.test_accuracy
            self.accuracy_label.setText(f"Test accuracy: {acc:.2%}" if acc is not None else "Test accuracy: n/a")

    def show_error(self, message: str) -> None:
        """Say what went wrong without blocking: the window (and a test driving it) keeps running."""
        self.last_error = message
        box = QMessageBox(QMessageBox.Icon.Warning, "cnnviz", message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- model lifecycle --------------------------------------------------------------------------
    def start(self) -> None:
        """Open the last opened or the saved model, or say plainly there is none and train one."""
        last = str(self.settings.value(LAST_OPENED_KEY, "") or "")
        if last and Path(last).is_file():
            try:
                model, meta = load_checkpoint(Path(last))
            except CheckpointError:
                self.settings.remove(LAST_OPENED_KEY)  # changed since: fall back to the app's own model
            else:
                self.state.set_model(model, meta)
                return
        if self.model_path.is_file():
            try:
                model, meta = load_checkpoint(self.model_path)
            except CheckpointError as exc:
                kept = self.model_path.with_name(self.model_path.name + ".damaged")
                try:
                    self.model_path.replace(kept)  # set aside, never overwritten by the new training
                    where = f" It was kept as {kept.name}."
                except OSError:
                    where = ""
                self.banner.setText(f"The saved model could not be opened ({exc}).{where} Training a new one…")
                self.banner.show()
                self.train_default_model()
                return
            self.state.set_model(model, meta)
            return
        self.banner.setText(
            "No trained model yet. Training the explorer CNN on the bundled MNIST now — this runs in "
            "the background and is saved, so the next launch is instant. You can explore meanwhile."
        )
        self.banner.show()
        self.train_default_model()

    @property
    def is_training(self) -> bool:
        return self._train_thread is not None

    def train_default_model(self) -> None:
        if self.is_training:
            self.statusBar().showMessage("A training run is already in progress.", 4000)  # type: ignore[union-attr]
            return
        data, subset, epochs = self.state.data, self._first_run_subset, self._first_run_epochs

        def job(on_batch: Any, on_epoch: Any, should_stop: Any) -> TrainedModel:
            return train_model("explorer_cnn", data, subset=subset, epochs=epochs,
                               on_batch=on_batch, on_epoch=on_epoch, should_stop=should_stop)

        from cnnviz.models import MODELS

        worker = TrainWorker(job, batch_every=10)
        worker.batch_done.connect(self.progress.update_batch)
        worker.finished.connect(self._on_default_trained)
        worker.cancelled.connect(self._on_training_cancelled)
        worker.failed.connect(self._on_training_failed)
        self.progress.begin("Training explorer CNN…", epochs or MODELS["explorer_cnn"].recipe.epochs)
        self._train_worker = worker
        self._train_thread = start_in_thread(worker, worker.run)

    def cancel_training(self) -> None:
        if self._train_worker is not None:
            self._train_worker.cancel()
            self.progress.cancel_button.setEnabled(False)

    def _end_training(self) -> None:
        stop_thread(self._train_thread)
        self._train_thread = None
        self._train_worker = None
        self.progress.hide()

    def _on_default_trained(self, trained: TrainedModel) -> None:
        self._end_training()
        self.settings.remove(LAST_OPENED_KEY)  # the freshly trained model is the one to reopen
        try:
            save_checkpoint(trained.model, self.model_path, trained.meta)
            saved = f" and saved to {self.model_path}"
        except OSError as exc:
            saved = f" but could not be saved ({exc})"
        self.state.set_model(trained.model, trained.meta)
        acc = trained.meta.test_accuracy or 0.0
        notices = "".join(f" {notice}" for notice in trained.result.notices)  # e.g. a fall-back to the CPU
        self.banner.setText(f"The explorer CNN is trained ({acc:.2%} test accuracy){saved}. Draw a digit!{notices}")
        self.banner.show()

    def _on_training_cancelled(self) -> None:
        self._end_training()
        self.banner.setText("Training cancelled. Use File → Retrain explorer CNN, or open a model file.")
        self.banner.show()

    def _on_training_failed(self, message: str) -> None:
        self._end_training()
        self.banner.setText(f"Training failed: {message}")
        self.banner.show()

    def open_data_folder(self, folder: Path) -> None:
        """Load an MNIST-format folder off the GUI thread; if it is bad, name the file and keep the current data."""
        if self._data_thread is not None:
            self.statusBar().showMessage("A data folder is already being opened.", 4000)  # type: ignore[union-attr]
            return
        worker = TrainWorker(lambda *_: load_mnist_folder(folder))
        worker.finished.connect(self._on_data_loaded)
        worker.failed.connect(self._on_data_failed)
        self.statusBar().showMessage(f"Opening {folder}…")  # type: ignore[union-attr]
        self._data_worker = worker
        self._data_thread = start_in_thread(worker, worker.run)

    def _end_data_loading(self) -> None:
        stop_thread(self._data_thread)
        self._data_thread = None
        self._data_worker = None

    def _on_data_loaded(self, data: MnistData) -> None:
        self._end_data_loading()
        self.state.data = data
        self.statusBar().showMessage(  # type: ignore[union-attr]
            f"Data: {data.name}, {len(data.train_labels):,} training and {len(data.test_labels):,} test images "
            "(File → Retrain explorer CNN trains on it).", 10000)

    def _on_data_failed(self, message: str) -> None:
        self._end_data_loading()
        self.statusBar().clearMessage()  # type: ignore[union-attr]
        reason = message.removeprefix("DatasetError: ")
        self.show_error(f"This data folder could not be opened:\n\n{reason}\n\nStill using {self.state.data.name}.")

    def open_data_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open an MNIST-format data folder")
        if folder:
            self.open_data_folder(Path(folder))

    def open_model(self, path: Path) -> bool:
        try:
            model, meta = load_checkpoint(path)
        except CheckpointError as exc:
            self.show_error(str(exc))
            return False
        self.state.set_model(model, meta)
        self.settings.setValue(LAST_OPENED_KEY, str(Path(path).resolve()))  # reopened at the next launch
        self.banner.hide()
        return True

    def save_model(self, path: Path) -> bool:
        if self.state.model is None or self.state.meta is None:
            self.show_error("There is no trained model to save yet.")
            return False
        try:
            save_checkpoint(self.state.model, path, self.state.meta)
        except OSError as exc:
            self.show_error(f"Could not save {path}: {exc}")
            return False
        self.statusBar().showMessage(f"Saved {path}", 4000)  # type: ignore[union-attr]
        return True

    def open_model_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open model", "", "cnnviz checkpoints (*.pt);;All files (*)")
        if name:
            self.open_model(Path(name))

    def save_model_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Save model", "model.pt", "cnnviz checkpoints (*.pt)")
        if name:
            self.save_model(Path(name))

    def open_image_dialog(self) -> None:
        """Show the drawing tab and let the user pick a PNG/JPEG of a digit for it."""
        self.tabs.setCurrentWidget(self.draw_tab)
        self.draw_tab.open_image_dialog()

    def export_view(self, path: Path) -> bool:
        widget = self.tabs.currentWidget() or self.centralWidget()
        assert widget is not None
        return bool(widget.grab().save(str(path), "PNG"))

    def export_view_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export view as PNG", "cnnviz.png", "PNG images (*.png)")
        if name and not self.export_view(Path(name)):
            self.show_error(f"Could not write {name}")

    def show_about(self) -> None:
        QMessageBox.about(self, "About cnnviz",
                          "<b>cnnviz</b> — draw a digit and watch a convolutional neural network "
                          "classify it, stage by stage.<br><br>" + ATTRIBUTION)

    def show_attribution(self) -> None:
        QMessageBox.information(self, "The MNIST data", f"{ATTRIBUTION}\n\nFiles: {BUNDLED_MNIST_DIR}")

    # -- shutdown ---------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent | None) -> None:
        self._save_settings()
        if self._train_worker is not None:
            self._train_worker.cancel()
        if self._train_thread is not None:
            self._train_thread.quit()
            if not self._train_thread.wait(2000):  # it stops after the current batch; never drop a running thread
                self._train_thread.wait()
            self._train_thread = None
        for tab in self.tab_widgets.values():  # tabs with background workers stop them here
            shutdown = getattr(tab, "shutdown", None)
            if callable(shutdown):
                shutdown()
        self._end_data_loading()
        self.state.shutdown()
        super().closeEvent(event)


__all__ = ["MainWindow", "Qt"]
