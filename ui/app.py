"""Start the desktop app: QApplication, data, main window."""

from __future__ import annotations

import sys

import pyqtgraph as pg
from PyQt6.QtCore import QSettings
from PyQt6.QtWidgets import QApplication, QMessageBox

from cnnviz.data import DatasetError, load_bundled_mnist
from ui.main_window import MainWindow
from ui.state import AppState
from ui.theme import apply_theme

ORG, APP = "cnnviz", "cnnviz"


def run_app(argv: list[str] | None = None) -> int:
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    apply_theme(app, dark=bool(QSettings().value("view/dark", False, type=bool)))
    try:
        data = load_bundled_mnist()
    except DatasetError as exc:
        QMessageBox.critical(None, "cnnviz: bundled data is damaged", str(exc))
        return 1
    window = MainWindow(AppState(data))
    window.show()
    window.start()
    return app.exec()
