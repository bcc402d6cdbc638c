"""Retake the window's screenshots: ``python tools/screenshots.py [OUT_DIR] [--sizes 1024x700,1600x1000]``.

Opens the real main window offscreen with the saved explorer CNN (trained first, as on a first launch,
when the user folder has none), draws a "2" on the canvas through the canvas's stroke API, steps the
pipeline to Conv1, and grabs every tab at each size, first in the light palette, then after switching
to the dark one *live* (as View → Dark palette does), then back to light. Files are named
``TAB-WxH-PALETTE.png``; set ``QT_SCALE_FACTOR=2`` to check a high-DPI screen. ``--model FILE`` opens a model
file first (File → Open), for the screenshots of an opened model.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PyQt6.QtWidgets import QApplication

from cnnviz.data import load_bundled_mnist
from ui.i18n import check_language, install_language
from ui.main_window import MainWindow
from ui.preferences import open_preferences
from ui.state import AppState
from ui.tasks import Task
from ui.theme import apply_theme

# A hand-drawn "2" as raster points (0…280), the way a mouse would move.
TWO = [(80, 90), (105, 60), (145, 50), (185, 65), (200, 100), (185, 140), (150, 175), (110, 210), (80, 235),
       (130, 235), (180, 233), (215, 232)]


def settle(app: QApplication, seconds: float = 0.3, timeout: float = 60.0) -> None:
    """Run the event loop until no background job (but training) is running, then a little longer."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(t.name not in ("train-default", "plan") for t in Task.live):
        app.processEvents()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default="docs/screenshots", type=Path)
    parser.add_argument("--sizes", default="1024x700,1600x1000")
    parser.add_argument("--tabs", default="", help="comma-separated tab keys (default: all)")
    parser.add_argument("--lab-run", action="store_true", help="run the Training lab's default comparison first")
    parser.add_argument("--model", type=Path, help="open this model file first (any format File → Open reads)")
    parser.add_argument("--preset", default="[0, 1]", help="its input preparation, if the file does not say")
    parser.add_argument("--lang", default="en", help="interface language, e.g. de (as cnnviz --lang)")
    parser.add_argument("--zoo-models", help="tick these models in the Model zoo's report (comma-separated); "
                                             "their cached rows show (cnnviz report fills the cache)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    app = QApplication(sys.argv)
    install_language(check_language(args.lang, "--lang"), app)
    apply_theme(app, dark=False)
    store = open_preferences()
    store.prefs.view.dark = False
    if args.zoo_models:
        store.prefs.zoo.models = args.zoo_models
    window = MainWindow(AppState(load_bundled_mnist()), store)
    window.resize(*sizes[0])
    window.show()
    window.start()
    deadline = time.monotonic() + 300
    while window.state.model is None and time.monotonic() < deadline:  # a first launch trains one first
        app.processEvents()
    if args.model is not None:  # as File → Open does, the preprocessing question answered with --preset
        window.models.ask_preset = lambda _path, _spec: args.preset
        window.open_model(args.model)
        while (window.state.model is None or window.state.model.arch != "imported") and time.monotonic() < deadline:
            app.processEvents()
    draw = window.draw_tab
    draw.canvas.clear()  # type: ignore[attr-defined]
    draw.canvas.draw_stroke(TWO)  # type: ignore[attr-defined]
    settle(app)
    draw.pipeline.select_stage(1)  # type: ignore[attr-defined]
    if args.lab_run:  # the Training lab's default run (about 10 s here), so its plots and table are filled
        lab = window.tab_widgets["lab"]
        lab.start_training()  # type: ignore[attr-defined]
        end = time.monotonic() + 300
        while lab.is_running and time.monotonic() < end:  # type: ignore[attr-defined]
            app.processEvents()
    keys = [k for k in window.tab_widgets if not args.tabs or k in args.tabs.split(",")]
    for palette in ("light", "dark", "light-again"):
        window.set_dark(palette == "dark")
        for width, height in sizes:
            window.resize(width, height)
            for key in keys:
                tab = window.tab_widgets[key]
                window.tabs.setCurrentWidget(tab)
                views = getattr(tab, "views", None)  # tabs with views of their own (Explain, Model zoo)
                for i in range(views.count() if views is not None else 1):
                    if views is not None:
                        views.setCurrentIndex(i)
                    settle(app)
                    view = "" if not i else "-" + views.tabText(i).lower().replace(" ", "_")  # type: ignore[union-attr]
                    name = f"{key}{view}-{width}x{height}-{palette}.png"
                    window.grab().save(str(args.out / name))
                    print(args.out / name, flush=True)
                if views is not None:
                    views.setCurrentIndex(0)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
