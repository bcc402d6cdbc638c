"""Retake the README's window screenshots: ``python tools/screenshots.py [OUT_DIR] [--dark]``.

Opens the real main window offscreen at 1280×800 with the saved explorer CNN (trained first if
there is none), draws a "2" on the canvas through the canvas's stroke API, steps the pipeline to
Conv1 and grabs every tab.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PyQt6.QtCore import QTimer
from PyQt6.QtWidgets import QApplication

from cnnviz.data import load_bundled_mnist
from ui.main_window import MainWindow
from ui.preferences import open_preferences
from ui.state import AppState
from ui.theme import apply_theme

# A hand-drawn "2" as raster points (0…280), the way a mouse would move.
TWO = [(80, 90), (105, 60), (145, 50), (185, 65), (200, 100), (185, 140), (150, 175), (110, 210), (80, 235),
       (130, 235), (180, 233), (215, 232)]


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    dark = "--dark" in sys.argv
    app = QApplication(sys.argv)
    apply_theme(app, dark)
    store = open_preferences()
    store.prefs.view.dark = dark
    window = MainWindow(AppState(load_bundled_mnist()), store)
    window.resize(1280, 800)
    window.show()
    window.start()
    suffix = "-dark" if dark else ""

    def shoot() -> None:
        for key, widget in window.tab_widgets.items():
            window.tabs.setCurrentWidget(widget)
            for _ in range(5):
                app.processEvents()
            window.grab().save(str(out / f"window-{key}{suffix}.png"))
        app.quit()

    def draw() -> None:
        if window.state.model is None:  # still training on a first launch
            QTimer.singleShot(500, draw)
            return
        window.draw_tab.canvas.clear()  # the app opens on a test digit; draw on a blank canvas
        window.draw_tab.canvas.draw_stroke(TWO)
        window.draw_tab.pipeline.select_stage(1)
        QTimer.singleShot(2500, shoot)

    QTimer.singleShot(300, draw)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
