"""The main window's menus (File, View, Help) and the About boxes: what each entry calls on the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PyQt6.QtCore import QT_TRANSLATE_NOOP
from PyQt6.QtGui import QAction, QActionGroup, QKeySequence
from PyQt6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from cnnviz.paths import BUNDLED_MNIST_DIR
from ui.i18n import LANGUAGES, current_language, translate
from ui.lessons.hub import LessonHub
from ui.widgets.export import ask_save_path, save_png

if TYPE_CHECKING:
    from ui.model_control import ModelControl
    from ui.preferences import Preferences
    from ui.state import AppState

ATTRIBUTION = QT_TRANSLATE_NOOP(
    "WindowMenus",
    "The MNIST database of handwritten digits, by Yann LeCun, Corinna Cortes and Christopher J.C. "
    "Burges; 60,000 training and 10,000 test images. Licensed under Creative Commons "
    "Attribution-Share Alike 3.0. Shipped with cnnviz in resources/mnist (see its README.md)."
)
# every format File → Open reads (told apart by content, so "All files" works too)
MODEL_FILTER = QT_TRANSLATE_NOOP(
    "WindowMenus", "Model files (*.pt *.pth *.onnx *.pt2);;cnnviz checkpoints (*.pt);;ONNX models (*.onnx);;"
    "TorchScript archives (*.pt *.pth);;torch.export programs (*.pt2);;All files (*)")
MAP_SCALE_CHOICES = (("stage", QT_TRANSLATE_NOOP("WindowMenus", "One colour scale per &stage (compare maps)")),
                     ("map", QT_TRANSLATE_NOOP("WindowMenus", "Each &map on its own scale (see detail)")))


class WindowMenus(QMainWindow):
    """The menu bar of ``MainWindow`` (its base class): each entry calls one of the window's methods."""

    prefs: Preferences
    tabs: QTabWidget
    state: AppState
    models: ModelControl
    startup_page: QWidget | None  # the start-up page while the start-up job runs (ui/startup.py)
    draw_tab: QWidget
    open_model: Callable[[Path], bool]
    save_model: Callable[[Path], bool]
    open_data_folder: Callable[[Path], bool]
    train_default_model: Callable[[], None]
    show_error: Callable[[str], None]
    set_dark: Callable[[bool], None]

    @property
    def loading(self) -> bool:
        """True until the start-up job is done (then ``state`` exists and the Draw tab is built)."""
        return self.startup_page is not None

    def _create_menus(self) -> None:
        menubar = self.menuBar()
        assert menubar is not None
        file_menu = menubar.addMenu(translate("WindowMenus", "&File"))
        assert file_menu is not None
        self.open_action = self._action(file_menu, translate("WindowMenus", "&Open model…"),
                                        self.open_model_dialog, QKeySequence.StandardKey.Open)
        self.save_action = self._action(file_menu, translate("WindowMenus", "&Save model as…"),
                                        self.save_model_dialog, QKeySequence.StandardKey.Save)
        self.export_onnx_action = self._action(file_menu, translate("WindowMenus", "Export model as O&NNX…"),
                                               self.export_onnx_dialog)
        self.open_data_action = self._action(file_menu, translate("WindowMenus", "Open &data folder…"),
                                             self.open_data_folder_dialog)
        self.data_sets_menu = file_menu.addMenu(translate("WindowMenus", "Open a &fetched data set"))
        assert self.data_sets_menu is not None
        self.data_sets_menu.aboutToShow.connect(self.list_data_sets)  # what `cnnviz data fetch` registered
        data_sets_action = self.data_sets_menu.menuAction()
        assert data_sets_action is not None
        self.retrain_action = self._action(file_menu, translate("WindowMenus", "&Retrain explorer CNN"),
                                           self.train_default_model)
        self.open_image_action = self._action(file_menu, translate("WindowMenus", "Open &image of a digit…"),
                                              self.open_image_dialog, "Ctrl+I")
        file_menu.addSeparator()
        self.export_action = self._action(file_menu, translate("WindowMenus", "&Export view as PNG…"),
                                          self.export_view_dialog, "Ctrl+E")
        file_menu.addSeparator()
        help_menu = QMenu(translate("WindowMenus", "&Help"), self)
        self.lesson_hub = LessonHub(self)  # lessons, worksheet, glossary, shortcuts (ui/lessons/hub.py)
        lesson_actions = self.lesson_hub.add_actions(file_menu, help_menu)
        file_menu.addSeparator()
        self._needs_state = [self.open_action, self.save_action, self.export_onnx_action, self.open_data_action,
                             self.retrain_action, self.open_image_action, self.export_action, data_sets_action,
                             *lesson_actions]  # off while the start-up job runs
        self._action(file_menu, translate("WindowMenus", "&Quit"), self.close, QKeySequence.StandardKey.Quit)

        view_menu = menubar.addMenu(translate("WindowMenus", "&View"))
        assert view_menu is not None
        self.view_menu = view_menu
        self._tabs_end = self.view_menu.addSeparator()  # the tabs' entries go above it once they are built
        theme_group = QActionGroup(self)
        self.light_action = self._action(self.view_menu, translate("WindowMenus", "&Light palette"),
                                         lambda: self.set_dark(False))
        self.dark_action = self._action(self.view_menu, translate("WindowMenus", "&Dark palette"),
                                        lambda: self.set_dark(True))
        for action in (self.light_action, self.dark_action):
            action.setCheckable(True)
            theme_group.addAction(action)
        self.view_menu.addSeparator()
        scale_menu = self.view_menu.addMenu(translate("WindowMenus", "Feature-map &colour scale"))
        scale_group = QActionGroup(self)
        self.scale_actions: dict[str, QAction] = {}
        for scale, text in MAP_SCALE_CHOICES:
            action = self._action(scale_menu, translate("WindowMenus", text), self._set_map_scale(scale))
            action.setCheckable(True)
            action.setChecked(scale == self.prefs.view.map_scale)
            scale_group.addAction(action)
            self.scale_actions[scale] = action
        self._create_language_menu()

        menubar.addMenu(help_menu)
        help_menu.addSeparator()
        self._action(help_menu, translate("WindowMenus", "&About cnnviz"), self.show_about)
        self._action(help_menu, translate("WindowMenus", "About the &MNIST data"), self.show_attribution)

    def _create_language_menu(self) -> None:
        """View → Language: each language by its own name; the choice is saved and used from the next start."""
        menu = self.view_menu.addMenu(translate("WindowMenus", "&Language"))
        assert menu is not None
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = self._action(menu, name, self._set_language(code))
            action.setCheckable(True)
            action.setChecked(code == self.prefs.view.language)
            group.addAction(action)
            self.language_actions[code] = action

    def _set_language(self, code: str) -> Callable[[], None]:
        def choose() -> None:
            self.prefs.view.language = code  # saved with the other preferences
            status = self.statusBar()
            assert status is not None
            if code == current_language():
                status.showMessage(translate("WindowMenus", "cnnviz is shown in {language}.").format(
                    language=LANGUAGES[code]))
            else:
                status.showMessage(translate(
                    "WindowMenus", "The language changes to {language} the next time cnnviz starts.").format(
                    language=LANGUAGES[code]))
        return choose

    def _action(self, menu: Any, text: str, slot: Callable[[], Any], shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())  # triggered(bool) must not reach the slot
        if menu is not None:
            menu.addAction(action)
        return action

    def _show_tab(self, index: int) -> Callable[[], None]:
        return lambda: self.tabs.setCurrentIndex(index)

    def _set_map_scale(self, scale: str) -> Callable[[], None]:
        def choose() -> None:
            self.prefs.view.map_scale = scale
            if not self.loading:  # otherwise the state takes the preference when it is made
                self.state.set_map_scale(scale)
        return choose

    def show_about(self) -> None:
        about = translate("WindowMenus", "<b>cnnviz</b> — draw a digit and watch a convolutional neural network "
                                         "classify it, stage by stage.")
        QMessageBox.about(self, translate("WindowMenus", "About cnnviz"),
                          about + "<br><br>" + translate("WindowMenus", ATTRIBUTION))

    def show_attribution(self) -> None:
        files = translate("WindowMenus", "Files: {folder}").format(folder=BUNDLED_MNIST_DIR)
        QMessageBox.information(self, translate("WindowMenus", "The MNIST data"),
                                translate("WindowMenus", ATTRIBUTION) + "\n\n" + files)

    # -- the dialogs behind the File menu --------------------------------------------------------
    def open_model_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, translate("WindowMenus", "Open model"), "",
                                              translate("WindowMenus", MODEL_FILTER))
        if name:
            self.open_model(Path(name))

    def save_model_dialog(self) -> None:
        path = ask_save_path(self, translate("WindowMenus", "Save model"), "model.pt",
                             translate("WindowMenus", "cnnviz checkpoints (*.pt)"))
        if path is not None:
            self.save_model(path)

    def export_onnx_dialog(self) -> None:
        path = ask_save_path(self, translate("WindowMenus", "Export model as ONNX"), "model.onnx",
                             translate("WindowMenus", "ONNX models (*.onnx)"))
        if path is not None:
            self.models.export_onnx(path)

    def open_data_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("WindowMenus",
                            "Open a data set: an image folder (one subfolder per class), CIFAR binary or MNIST format"))
        if folder:
            self.open_data_folder(Path(folder))

    def _open_data(self, path: Path) -> Callable[[], bool]:
        return lambda: self.open_data_folder(path)

    def list_data_sets(self) -> None:
        """The bundled MNIST and every data set fetched with `cnnviz data fetch`, as entries of the submenu."""
        from cnnviz.data.fetch import fetched_sets

        menu = self.data_sets_menu
        assert menu is not None
        menu.clear()
        entries = [(translate("WindowMenus", "MNIST (bundled)"), BUNDLED_MNIST_DIR)]
        entries += [(str(e.get("title") or e.get("name")), Path(str(e["path"]))) for e in fetched_sets()]
        for title, path in entries:
            self._action(menu, title, self._open_data(path))
        if len(entries) == 1:
            more = translate("WindowMenus",
                             "(fetch more: cnnviz data fetch cifar10 | cifar100 | fashion-mnist | kmnist)")
            hint = self._action(menu, more, lambda: None)
            hint.setEnabled(False)

    # -- images and export ------------------------------------------------------------------------
    def open_image_dialog(self) -> None:
        """Show the drawing tab and let the user pick a PNG/JPEG of a digit for it."""
        self.tabs.setCurrentWidget(self.draw_tab)
        self.draw_tab.open_image_dialog()  # type: ignore[attr-defined]

    def export_view(self, path: Path) -> bool:
        widget = self.tabs.currentWidget() or self.centralWidget()
        assert widget is not None
        return save_png(widget, path)

    def export_view_dialog(self) -> None:
        path = ask_save_path(self, translate("WindowMenus", "Export view as PNG"), "cnnviz.png")
        if path is not None and not self.export_view(path):
            self.show_error(translate("WindowMenus", "Could not write {path}").format(path=path))
