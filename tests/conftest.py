"""Shared fixtures: an isolated user-data folder, the bundled data, and a small trained model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ.get("PYTEST_XDIST_WORKER"):  # one of several test processes: each keeps to one core
    import torch

    torch.set_num_threads(1)


@pytest.fixture(autouse=True, scope="session")
def _isolated_user_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep every test out of the real user's data folder and Qt settings."""
    os.environ["CNNVIZ_DATA_DIR"] = str(tmp_path_factory.mktemp("cnnviz-user"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("xdg-config"))


@pytest.fixture(autouse=True, scope="session")
def _plots_configured() -> None:
    """pyqtgraph's options, set once as the app sets them at start-up."""
    from ui.theme import configure_plots

    configure_plots()


@pytest.fixture(autouse=True)
def _no_job_outlives_its_test():  # type: ignore[no-untyped-def]
    """Every background job a test started has ended (cancelled if need be) before the next test."""
    yield
    from ui.tasks import shutdown_all

    assert shutdown_all(5000), "a background job did not notice its cancel request within 5 s"


@pytest.fixture(autouse=True)
def _denormals_kept_after_the_test():  # type: ignore[no-untyped-def]
    """A command run in-process (``cnnviz.cli.main``) flushes denormals for its whole thread on purpose
    (``flush_denormals``); the tests after it get IEEE floats back (Hypothesis refuses to draw floats without)."""
    yield
    import torch

    torch.set_flush_denormal(False)


@pytest.fixture(scope="session")
def mnist():  # type: ignore[no-untyped-def]
    from cnnviz.data import load_bundled_mnist

    return load_bundled_mnist()


@pytest.fixture(scope="session")
def trained_explorer(mnist, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """An explorer CNN trained briefly (12,000 digits, 1 epoch: ~95% test accuracy), saved to disk.

    Returns (model, meta, path). Shared by the session: tests must not modify the model.
    """
    from cnnviz.training import save_checkpoint, train_model

    # pinned to a plain recipe, so the tests' model stays put when the first-launch recipe is tuned
    trained = train_model("explorer_cnn", mnist, epochs=1, subset=12_000, seed=0,
                          batch_size=64, lr=2e-3, schedule="none")
    path: Path = tmp_path_factory.mktemp("models") / "explorer_cnn.pt"
    save_checkpoint(trained.model, path, trained.meta)
    return trained.model, trained.meta, path


@pytest.fixture
def window_factory(qtbot, mnist, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Make MainWindows over the bundled data with an INI settings file and model path of their own.

    ``make(settings_path=None, model_path=None, **kwargs)``; every window is closed at teardown.
    """
    from ui.main_window import MainWindow
    from ui.preferences import open_preferences
    from ui.state import AppState

    def make(settings_path: Path | None = None, model_path: Path | None = None, **kwargs):  # type: ignore[no-untyped-def]
        store = open_preferences(settings_path or tmp_path / "settings.ini")
        window = MainWindow(AppState(mnist), store, model_path or tmp_path / "model.pt", **kwargs)
        qtbot.addWidget(window)
        return window

    return make


@pytest.fixture
def started_window(qtbot, window_factory, trained_explorer):  # type: ignore[no-untyped-def]
    """``make()``: a shown window with the trained explorer open, its first capture made, every tab built."""
    def make():  # type: ignore[no-untyped-def]
        win = window_factory(model_path=trained_explorer[2])
        win.resize(1400, 900)
        win.show()
        with qtbot.waitSignal(win.state.capture_changed, timeout=20_000):
            win.start()
        qtbot.waitUntil(lambda: len(win.tab_widgets) == win.tabs.count(), timeout=10_000)  # every tab built
        return win

    return make


@pytest.fixture
def app_state(qtbot, mnist):  # type: ignore[no-untyped-def]
    """A fresh GUI ``AppState`` over the bundled data; its inference thread is stopped afterwards."""
    from ui.state import AppState
    from ui.tasks import shutdown_all

    state = AppState(mnist)
    yield state
    shutdown_all(5000)


@pytest.fixture
def draw_tab(qtbot, app_state, trained_explorer):  # type: ignore[no-untyped-def]
    """A shown "Draw & explore" tab over the trained explorer CNN, showing test digit #0 and its capture."""
    from ui.draw.tab import DrawTab
    from ui.preferences import Preferences

    widget = DrawTab(app_state, Preferences())
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    model, meta, _path = trained_explorer
    with qtbot.waitSignal(app_state.capture_changed, timeout=10_000):
        app_state.set_model(model, meta)  # an empty canvas then shows test digit #0
    return widget
