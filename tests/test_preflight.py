"""Start-up that explains itself: before Qt could abort, a missing system library or display is named in one
message with what to install (apt and dnf names) or what to do, and cnnviz exits with status 1, no core dump.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11/Wayland plugins are Linux's")

DISPLAY_VARS = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")


def _env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARS}
    return env | {"PYTHONPATH": str(ROOT)} | values


def _launch(env: dict[str, str], before: str = "") -> subprocess.CompletedProcess[str]:
    """Start the app the way the ``cnnviz`` command does; report whether Qt was ever imported."""
    script = (f"import sys\n{before}\nfrom ui.launch import main\nstatus = main([])\n"
              "print('qt imported' if 'PyQt6.QtWidgets' in sys.modules else 'qt not imported')\nsys.exit(status)\n")
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def _assert_clean_exit_1(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 1, (proc.returncode, proc.stderr)  # not -6 (SIGABRT: Qt's abort, a core dump)
    assert "Traceback" not in proc.stderr and "core dumped" not in proc.stderr
    assert "qt not imported" in proc.stdout


@linux_only
def test_a_missing_xcb_library_is_named_with_its_apt_and_dnf_packages() -> None:
    fake = ("from ui import preflight\npreflight.XCB_LIBRARIES = (preflight.SystemLibrary("
            "'libcnnviz-absent.so.7', apt='libcnnviz-absent7', dnf='cnnviz-absent-libs'),)")
    proc = _launch(_env(DISPLAY=":0"), before=fake)
    _assert_clean_exit_1(proc)
    assert "libcnnviz-absent.so.7" in proc.stderr
    assert "sudo apt install libcnnviz-absent7" in proc.stderr
    assert "sudo dnf install cnnviz-absent-libs" in proc.stderr


@linux_only
def test_no_display_says_what_to_do_instead_of_aborting() -> None:
    proc = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=_env(), capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1, (proc.returncode, proc.stderr)  # Qt alone aborts here: status -6
    assert "Traceback" not in proc.stderr
    assert "DISPLAY" in proc.stderr and "QT_QPA_PLATFORM=offscreen" in proc.stderr and "cnnviz train" in proc.stderr


@linux_only
def test_every_missing_library_is_named_in_one_message() -> None:
    from ui.preflight import SystemLibrary, display_problem

    libs = (SystemLibrary("libcnnviz-a.so.1", apt="pkg-a", dnf="rpm-ab"),
            SystemLibrary("libc.so.6", apt="libc6", dnf="glibc"),  # present on every glibc system
            SystemLibrary("libcnnviz-b.so.2", apt="pkg-b", dnf="rpm-ab"))
    message = display_problem({"DISPLAY": ":0"}, xcb=libs, connect=lambda platform, env: None)
    assert message is not None
    assert "libcnnviz-a.so.1" in message and "libcnnviz-b.so.2" in message and "libc.so.6" not in message
    assert "sudo apt install pkg-a pkg-b" in message
    assert "sudo dnf install rpm-ab " in message and message.count("rpm-ab") == 1  # one package holding both


@linux_only
def test_offscreen_and_a_working_display_pass() -> None:
    from ui.preflight import SystemLibrary, display_problem

    absent = (SystemLibrary("libcnnviz-absent.so.7", apt="x", dnf="y"),)
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, xcb=absent, wayland=absent) is None
    present = (SystemLibrary("libc.so.6", apt="libc6", dnf="glibc"),)
    assert display_problem({"DISPLAY": ":0"}, xcb=present, connect=lambda platform, env: None) is None


@linux_only
def test_wayland_session_uses_wayland_or_falls_back_to_xwayland() -> None:
    from ui.preflight import SystemLibrary, display_problem

    absent = (SystemLibrary("libcnnviz-wl.so.0", apt="libcnnviz-wl0", dnf="cnnviz-wl"),)
    present = (SystemLibrary("libc.so.6", apt="libc6", dnf="glibc"),)
    ok = lambda platform, env: None  # noqa: E731
    session = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    assert display_problem(session, wayland=present, xcb=absent, connect=ok) is None
    # Wayland's libraries missing but XWayland is there: Qt falls back to xcb, as it does itself
    assert display_problem(session | {"DISPLAY": ":0"}, wayland=absent, xcb=present, connect=ok) is None
    message = display_problem(session, wayland=absent, xcb=present, connect=ok)
    assert message is not None and "libcnnviz-wl.so.0" in message and "sudo apt install libcnnviz-wl0" in message
    assert "QT_QPA_PLATFORM=xcb" in message  # the other way out: X11 through XWayland


@linux_only
def test_an_unreachable_x_display_is_reported_not_aborted() -> None:
    from ui.preflight import XCB_LIBRARIES, display_problem, missing_libraries

    if missing_libraries(XCB_LIBRARIES[:1]):  # libxcb itself: needed to try the connection
        pytest.skip("libxcb is not installed here")
    message = display_problem({"DISPLAY": ":87"}, xcb=XCB_LIBRARIES[:1])  # no X server listens on :87
    assert message is not None and ":87" in message
