"""Start the desktop app: QApplication, preferences, theme and the window — before PyTorch is imported.

``import torch`` is most of a start (1.4 s of 1.9 s, measured with ``python -X importtime``), so nothing
imported here imports it: the window opens with a canvas to draw on, and its start-up job
(``ui/startup.py``) brings torch, the data and the model up behind it.

The cold-start benchmark's hooks: with ``CNNVIZ_EXIT_AFTER_SHOWN=1`` the app prints
``CNNVIZ_SHOWN <time> visible=…`` after the first event-loop pass, ``CNNVIZ_STARTED <time> model=…`` when the
start-up job is done (torch, data, model; the Draw tab built), then ``CNNVIZ_READY <time> model=…``
when the start-up job is done and every tab is built, and quits; with ``CNNVIZ_EXIT_AFTER_SHOWN=predicted``
it waits instead for the first prediction to reach the views, prints ``CNNVIZ_PREDICTED <time>`` and quits.
"""

from __future__ import annotations

import os
import sys
import time

from PyQt6.QtCore import QTimer
from PyQt6.QtWidgets import QApplication

from ui.i18n import choose_language, install_language
from ui.main_window import MainWindow
from ui.preferences import open_preferences
from ui.theme import apply_theme

ORG, APP = "cnnviz", "cnnviz"


def run_app(argv: list[str] | None = None, language: str | None = None) -> int:
    """``language``: the ``--lang`` of the command line (else ``CNNVIZ_LANG``, else the saved preference)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    store = open_preferences()  # an INI file in the user-data folder, checked field by field
    apply_theme(app, dark=store.prefs.view.dark)  # also configures pyqtgraph, once
    chosen, language_notice = choose_language(language, os.environ, store.prefs.view.language)
    install_language(chosen, app)  # before any widget exists: each reads its text once, when it is made
    window = MainWindow(None, store)  # the start-up page: the tabs come when torch, data and model are up
    window.show()
    window.start()
    for notice in (store.notice, language_notice):
        if notice:
            window.show_error(notice)
    exit_mode = os.environ.get("CNNVIZ_EXIT_AFTER_SHOWN")
    if exit_mode:  # the cold-start benchmark: report, then quit
        QTimer.singleShot(0, lambda: _report_shown(window))
        window.started.connect(lambda: _report("STARTED", f"model={window.state.model is not None}"))
        if exit_mode == "predicted":
            window.started.connect(lambda: _quit_after_prediction(window, app))
        else:
            window.ready.connect(lambda: _quit_when_ready(window, app))
    return app.exec()


def _report(mark: str, detail: str) -> None:
    print(f"CNNVIZ_{mark} {time.time():.6f} {detail}", flush=True)


def _report_shown(window: MainWindow) -> None:
    """Runs once the first event-loop pass is done: the window is up and answering events."""
    _report("SHOWN", f"visible={window.isVisible()} loading={window.loading}")


def _quit_when_ready(window: MainWindow, app: QApplication) -> None:
    _report("READY", f"model={window.state.model is not None}")
    _quit(window, app)


def _quit_after_prediction(window: MainWindow, app: QApplication) -> None:
    def predicted() -> None:
        if window.state.capture is not None:
            _report("PREDICTED", f"model={window.state.model is not None}")
            window.state.capture_changed.disconnect(predicted)
            _quit(window, app)

    window.state.capture_changed.connect(predicted)  # after the Draw tab's: the views have it when this runs


def _quit(window: MainWindow, app: QApplication) -> None:
    QTimer.singleShot(0, window.close)  # after the current signal's other slots
    QTimer.singleShot(0, app.quit)
