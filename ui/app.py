"""Start the desktop app: QApplication, preferences, theme, data, main window."""

from __future__ import annotations

import os
import sys
import time

from PyQt6.QtCore import QTimer
from PyQt6.QtWidgets import QApplication, QMessageBox

from cnnviz.data import DatasetError, load_bundled_mnist
from cnnviz.training.device import INFERENCE_THREADS
from ui.main_window import MainWindow
from ui.preferences import open_preferences
from ui.state import AppState
from ui.theme import apply_theme

ORG, APP = "cnnviz", "cnnviz"


def run_app(argv: list[str] | None = None) -> int:
    import torch

    # The GUI thread only does small tensor work (one digit, one filter): a single thread keeps it free of
    # OpenMP stalls. Background jobs set their own count (ui/tasks.py), so they still use the other cores.
    torch.set_num_threads(INFERENCE_THREADS)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    store = open_preferences()  # an INI file in the user-data folder, checked field by field
    apply_theme(app, dark=store.prefs.view.dark)  # also configures pyqtgraph, once
    try:
        data = load_bundled_mnist()
    except DatasetError as exc:
        QMessageBox.critical(None, "cnnviz: bundled data is damaged", str(exc))
        return 1
    window = MainWindow(AppState(data), store)
    window.show()
    window.start()
    if store.notice:
        window.show_error(store.notice)
    if os.environ.get("CNNVIZ_EXIT_AFTER_SHOWN"):  # the cold-start benchmark: report, then quit
        QTimer.singleShot(0, lambda: _report_shown_and_quit(window, app))
    return app.exec()


def _report_shown_and_quit(window: MainWindow, app: QApplication) -> None:
    """Runs once the first event-loop pass is done: the window is up and answering events."""
    print(f"CNNVIZ_SHOWN {time.time():.6f} visible={window.isVisible()} model={window.state.model is not None}",
          flush=True)
    window.close()
    app.quit()
