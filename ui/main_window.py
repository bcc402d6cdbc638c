"""The main window: the tabs, the status bar, and the one place that closes everything (menus: ui/window_menus.py).

It opens before PyTorch is imported (``ui/startup.py``): a start-up page with the canvas first, then the
tabs, built when the background start-up job is done. So this module imports nothing that imports torch.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PyQt6.QtCore import QByteArray, Qt, QTimer, pyqtSignal
from PyQt6.QtGui import QAction, QCloseEvent
from PyQt6.QtWidgets import QApplication, QLabel, QMessageBox, QVBoxLayout, QWidget

from cnnviz.jobs import Job
from cnnviz.paths import default_model_path
from ui.banner import Banner
from ui.i18n import translate
from ui.preferences import PreferenceStore, open_preferences
from ui.startup import Loaded, StartupPage, load_startup
from ui.steady_tabs import SteadyTabWidget
from ui.tasks import TaskRunner, shutdown_all
from ui.theme import apply_theme

if TYPE_CHECKING:
    from cnnviz.training import TrainedModel
    from ui.canvas import DrawingCanvas
    from ui.data_control import DataControl
    from ui.draw.tab import DrawTab
    from ui.explain.tab import ExplainTab
    from ui.lab.tab import TrainingLabTab
    from ui.model_control import ModelControl
    from ui.state import AppState
    from ui.tabs import TabBuilder
    from ui.training_progress import TrainingProgress
    from ui.zoo.tab import ZooTab

from ui.window_menus import WindowMenus


class MainWindow(WindowMenus):
    """``MainWindow(state, store)`` builds every tab at once. ``MainWindow(None, store)`` opens with the start-up
    page (a canvas to draw on) and builds the tabs when ``start()``'s background job — ``load(job) -> Loaded``,
    by default ``ui.startup.load_startup`` — has imported torch, loaded the data and opened the model."""

    started = pyqtSignal()  # the state and the Draw tab exist, the start-up model is open (or training begun)
    ready = pyqtSignal()  # ... and every tab is built
    state: AppState  # set once the data is loaded: at once, or when the start-up job is done
    models: ModelControl
    data: DataControl
    progress: TrainingProgress
    draw_tab: QWidget

    def __init__(
        self,
        state: AppState | None = None,
        store: PreferenceStore | None = None,
        model_path: Path | str | None = None,
        first_run_subset: int | None = None,
        first_run_epochs: int | None = None,
        train: Callable[..., TrainedModel] | None = None,
        load: Callable[[Job], Loaded] | None = None,
    ):
        super().__init__()
        self.store = store or open_preferences()
        self.prefs = self.store.prefs
        self.model_path = Path(model_path) if model_path is not None else default_model_path()
        self.tasks = TaskRunner(self)
        self.ready.connect(self._warm_up)
        self._first_run = (first_run_subset, first_run_epochs, train)
        self._load = load or (lambda job: load_startup(job, self.model_path, self.prefs.model.last_opened))
        self.last_error = ""
        self.setWindowTitle(translate("MainWindow", "cnnviz — see how a CNN works"))
        self.resize(1280, 800)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.tabs = SteadyTabWidget()  # a label changing inside a tab must not repaint the whole page
        self.tabs.setDocumentMode(True)
        tab_bar = self.tabs.tabBar()
        assert tab_bar is not None
        tab_bar.setAccessibleName(translate("MainWindow", "Parts of the app"))
        tab_bar.setAccessibleDescription(translate("MainWindow", "Each tab is one part of the app; Ctrl+1 to Ctrl+6 "
                                                                 "open them"))
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.tab_widgets: dict[str, QWidget] = {}
        self.startup_page: StartupPage | None = None
        self._pending_tabs: list[TabBuilder] = []  # built after the first prediction is on its way
        self._tab_count = 0
        self._closing = False
        self._create_status_bar()
        self._create_menus()
        if self.prefs.window.geometry:
            self.restoreGeometry(QByteArray(self.prefs.window.geometry))
        (self.dark_action if self.prefs.view.dark else self.light_action).setChecked(True)
        if state is not None:
            self._attach(state)
            return
        self.startup_page = StartupPage()
        self.ready.connect(self.lesson_hub.offer_lessons)  # the app's own start (never a test's window_factory)
        self.startup_page.canvas.set_brush_size(self.prefs.draw.brush)  # the user's brush from the first stroke
        self.tabs.addTab(self.startup_page, translate("Tabs", "Draw && explore"))
        self.model_label.setText(translate("MainWindow", "Model: loading…"))
        for action in self._needs_state:
            action.setEnabled(False)

    def _attach(self, state: AppState, canvas: DrawingCanvas | None = None, defer: bool = False) -> None:
        """Build the Draw tab and the model control over ``state`` (torch is imported by now), then the other
        tabs: at once, or (``defer``) one per event-loop pass, so the first prediction need not wait for them
        (building them all took 1.1 s of a 3.8 s start, measured)."""
        from ui.data_control import DataControl
        from ui.model_control import ModelControl
        from ui.tabs import tab_builders
        from ui.training_progress import TrainingProgress

        self.state = state
        subset, epochs, train = self._first_run
        self.models = ModelControl(state, self.prefs.model, self.model_path, self.tasks, subset, epochs, train)
        self.data = DataControl(state, self.tasks)
        self.tab_actions: list[QAction] = []
        builders = tab_builders(state, self.prefs, canvas)
        self._tab_count = len(builders)
        if self.startup_page is not None:  # its canvas goes to the Draw tab (no repaint in between)
            self.tabs.removeTab(self.tabs.indexOf(self.startup_page))
            self.startup_page.deleteLater()
            self.startup_page = None
        self._add_tab(*builders[0])
        self.draw_tab = self.tab_widgets["draw"]
        if defer:
            self._pending_tabs = builders[1:]  # built by _build_next_tab once the model is set
        else:
            for builder in builders[1:]:
                self._add_tab(*builder)
        self.progress = TrainingProgress()
        self.progress.cancel_requested.connect(self.cancel_training)
        self.progress.hide()
        bar = self.statusBar()
        assert bar is not None
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.data.progress)
        self.data.error.connect(self.show_error)
        self.data.status.connect(lambda text: self.show_status(text, 10000))
        for action in self._needs_state:
            action.setEnabled(True)
        self.models.message.connect(self._say)
        self.models.error.connect(self.show_error)
        self.models.status.connect(self.show_status)
        self.models.training_started.connect(lambda epochs: self.progress.begin(
            translate("MainWindow", "Training explorer CNN…"), epochs))
        self.models.training_progress.connect(self.progress.update_batch)
        self.models.training_ended.connect(self.progress.hide)
        self.state.model_changed.connect(self._update_status)
        self.state.error.connect(self.show_error)
        self.state.set_map_scale(self.prefs.view.map_scale)
        self._update_status()

    def _add_tab(self, key: str, title: str, build: Callable[[], QWidget]) -> None:
        self.tab_widgets[key] = widget = build()
        if key == "zoo":  # a mistake clicked in the zoo's gallery is explained at once
            cast("ZooTab", widget).confusion_view.digit_chosen.connect(self._explain_mistake)
        if key == "lab":  # so is a mistake of the lab's last run (explained by the lab model that made it)
            cast("TrainingLabTab", widget).mistakes.digit_chosen.connect(self._explain_mistake)
        index = self.tabs.addTab(widget, title)
        action = self._action(None, title, self._show_tab(index), f"Ctrl+{index + 1}")
        self.view_menu.insertAction(self._tabs_end, action)
        self.tab_actions.append(action)
        if index == min(self.prefs.window.tab, self._tab_count - 1):
            self.tabs.setCurrentIndex(index)  # the tab the user left the app on

    def _explain_mistake(self, index: int) -> None:
        """A mistake was clicked (the zoo's or the lab's): test image ``index`` goes on the canvas (Draw &
        explore), and Explain shows its saliency, wrong class beside true."""
        cast("DrawTab", self.draw_tab).show_test_digit(index)
        explain = self.tab_widgets.get("explain")
        if explain is not None:
            cast("ExplainTab", explain).show_saliency()
            self.tabs.setCurrentWidget(explain)

    def _build_next_tab(self) -> None:
        """Deferred start-up: build one more tab, then give the event loop (and the user) a turn."""
        if self._closing or not self._pending_tabs:
            return
        self._add_tab(*self._pending_tabs.pop(0))
        if self._pending_tabs:
            QTimer.singleShot(0, self._build_next_tab)
        else:
            self.ready.emit()

    # -- construction ----------------------------------------------------------------------------
    def _create_status_bar(self) -> None:
        bar = self.statusBar()
        assert bar is not None
        self.device_label = QLabel()
        self.model_label = QLabel()
        self.accuracy_label = QLabel()
        for label in (self.device_label, self.model_label, self.accuracy_label):
            bar.addWidget(label)

    # -- preferences ------------------------------------------------------------------------------
    def set_dark(self, dark: bool) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, dark)
        self.prefs.view.dark = dark

    # -- status -----------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        if text:
            self.banner.say(text)
        else:
            self.banner.clear()

    def _update_status(self) -> None:
        from cnnviz.training import device_label, pick_device

        device = device_label(pick_device())
        self.device_label.setText(translate("MainWindow", "Device: {device}").format(device=device))
        meta = self.state.meta
        if meta is None:
            self.model_label.setText(translate("MainWindow", "Model: none yet"))
            self.accuracy_label.setText("")
            return
        source = meta.extra.get("source")  # an opened model file: named by its file and format
        if source:
            self.model_label.setText(translate("MainWindow", "Model: {file} ({format})").format(
                file=Path(source).name, format=meta.extra.get("format", translate("MainWindow", "file"))))
        else:
            self.model_label.setText(translate("MainWindow", "Model: {model} ({data}, {epochs} epochs)").format(
                model=meta.model, data=meta.dataset, epochs=meta.epochs))
        acc = meta.test_accuracy
        self.accuracy_label.setText(translate("MainWindow", "Test accuracy: {acc:.2%}").format(acc=acc)
                                    if isinstance(acc, float) else translate("MainWindow", "Test accuracy: n/a"))

    def show_error(self, message: str) -> None:
        """Say what went wrong without blocking: the window (and a test driving it) keeps running."""
        self.last_error = message
        box = QMessageBox(QMessageBox.Icon.Warning, "cnnviz", message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_status(self, text: str, ms: int = 6000) -> None:
        bar = self.statusBar()
        assert bar is not None
        bar.showMessage(text, ms)

    # -- model ------------------------------------------------------------------------------------
    def start(self) -> None:
        """Open the start-up model; for a window still loading, first run the start-up job in the background."""
        if not self.loading:
            self.models.start()
            self.started.emit()
            self.ready.emit()
            return
        self.tasks.run("startup", self._load, on_done=self._on_loaded, on_failed=self._on_load_failed)

    def _on_loaded(self, loaded: Loaded) -> None:
        import torch

        from cnnviz.training.device import INFERENCE_THREADS
        from ui.state import AppState

        # The GUI thread only does small tensor work (one digit, one filter): a single thread keeps it free of
        # OpenMP stalls. Background jobs set their own count (ui/tasks.py), so they still use the other cores.
        torch.set_num_threads(INFERENCE_THREADS)
        assert self.startup_page is not None
        self._attach(AppState(loaded.data), canvas=self.startup_page.canvas, defer=True)  # with the drawing
        self.models.start(loaded.outcome)
        self.started.emit()
        if self.state.tasks.busy("capture"):  # the first prediction is on its way: the other tabs wait for it
            self.state.capture_changed.connect(self._build_other_tabs)  # (built during it, they delayed it 1.2 s)
            self.state.error.connect(self._build_other_tabs)
        else:
            self._build_other_tabs()

    def _warm_up(self) -> None:
        """Once every tab is up: pay PyTorch's one-time first-optimizer cost (1.8 s) in the background, so
        the first training's Stop or Close is answered within a batch (``cnnviz.training.trainer.warm_up``)."""
        def job(_: Job) -> None:
            from cnnviz.training.trainer import warm_up

            warm_up()

        self.tasks.run("warm-up", job, threads=1)

    def _build_other_tabs(self, *_: object) -> None:
        for signal in (self.state.capture_changed, self.state.error):
            with contextlib.suppress(TypeError):  # not connected: no capture was on its way
                signal.disconnect(self._build_other_tabs)
        QTimer.singleShot(0, self._build_next_tab)

    def _on_load_failed(self, message: str) -> None:
        """The bundled data is damaged (or the core would not load): say so on the page and in a dialog."""
        text = translate("MainWindow", "cnnviz cannot start: {reason}").format(reason=message)
        if self.startup_page is not None:
            self.startup_page.say(text)
        self.show_error(text)

    @property
    def is_training(self) -> bool:
        return self.models.is_training

    def train_default_model(self) -> None:
        self.models.train_default()

    def cancel_training(self) -> None:
        self.models.cancel_training()
        self.progress.cancel_button.setEnabled(False)

    def open_model(self, path: Path) -> bool:
        return self.models.open_model(path)

    def save_model(self, path: Path) -> bool:
        saved = self.models.save_model(path)
        if saved:
            self.show_status(translate("MainWindow", "Saved {path}").format(path=path))
        return saved

    # -- data -------------------------------------------------------------------------------------
    def open_data_folder(self, folder: Path) -> bool:
        """Read a data set in the background (progress and Cancel in the status bar); if it is bad, name the file
        and keep the current data (``ui/data_control.py``)."""
        return self.data.open(folder)

    # -- shutdown ---------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent | None) -> None:
        self._closing = True  # no more deferred tabs
        self.prefs.window.geometry = bytes(self.saveGeometry().data())
        if not self.loading and not self._pending_tabs:  # all the tabs are there: the current one is a choice
            self.prefs.window.tab = self.tabs.currentIndex()
        self.store.save()
        state_tasks = [] if self.loading else [self.state.tasks]  # no state yet while the start-up job runs
        for runner in [*state_tasks, *self.findChildren(TaskRunner)]:
            runner.close()  # no job starts from here on, not even from a cancelled job's handler
        shutdown_all(2000)  # every background job, of every tab: cancelled, and waited for
        super().closeEvent(event)
