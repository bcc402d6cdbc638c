"""Check, before Qt is imported, that the window can open; otherwise say what is missing and what to do.

Qt's X11 (xcb) and Wayland platform plugins abort the process (SIGABRT, a core dump) when a system library
they link against is missing or there is no display, and the message names one library at a time: on a plain
Ubuntu, installing ``libxcb-cursor0`` only brought the same abort back for ``libxcb-icccm4``, then
``libxcb-keysyms1``. Here every library the plugin needs is tried with the dynamic loader (``ctypes.CDLL``,
the same search Qt's plugin loader does) and every missing one is named at once, with its apt and dnf
package. No Qt import: this module must run when Qt cannot.

Only Linux (and other X11/Wayland systems) is checked; macOS and Windows plugins ship with PyQt6. A platform
chosen with ``QT_QPA_PLATFORM`` other than xcb or wayland (offscreen, vnc, eglfs…) is left to Qt.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SystemLibrary:
    soname: str  # the name the loader looks for
    apt: str  # Debian/Ubuntu package
    dnf: str  # Fedora/RHEL package


# What PyQt6's libqxcb.so / libQt6XcbQpa.so link against outside Qt itself (ldd, PyQt6-Qt6 6.11), libxcb first
# (needed to try the connection). The three that are missing on a plain desktop install come right after it.
XCB_LIBRARIES: tuple[SystemLibrary, ...] = (
    SystemLibrary("libxcb.so.1", apt="libxcb1", dnf="libxcb"),
    SystemLibrary("libxcb-cursor.so.0", apt="libxcb-cursor0", dnf="xcb-util-cursor"),
    SystemLibrary("libxcb-icccm.so.4", apt="libxcb-icccm4", dnf="xcb-util-wm"),
    SystemLibrary("libxcb-keysyms.so.1", apt="libxcb-keysyms1", dnf="xcb-util-keysyms"),
    SystemLibrary("libxcb-image.so.0", apt="libxcb-image0", dnf="xcb-util-image"),
    SystemLibrary("libxcb-render-util.so.0", apt="libxcb-render-util0", dnf="xcb-util-renderutil"),
    SystemLibrary("libxcb-util.so.1", apt="libxcb-util1", dnf="xcb-util"),
    SystemLibrary("libxcb-randr.so.0", apt="libxcb-randr0", dnf="libxcb"),
    SystemLibrary("libxcb-render.so.0", apt="libxcb-render0", dnf="libxcb"),
    SystemLibrary("libxcb-shape.so.0", apt="libxcb-shape0", dnf="libxcb"),
    SystemLibrary("libxcb-shm.so.0", apt="libxcb-shm0", dnf="libxcb"),
    SystemLibrary("libxcb-sync.so.1", apt="libxcb-sync1", dnf="libxcb"),
    SystemLibrary("libxcb-xfixes.so.0", apt="libxcb-xfixes0", dnf="libxcb"),
    SystemLibrary("libxcb-xkb.so.1", apt="libxcb-xkb1", dnf="libxcb"),
    SystemLibrary("libxkbcommon.so.0", apt="libxkbcommon0", dnf="libxkbcommon"),
    SystemLibrary("libxkbcommon-x11.so.0", apt="libxkbcommon-x11-0", dnf="libxkbcommon-x11"),
    SystemLibrary("libX11.so.6", apt="libx11-6", dnf="libX11"),
    SystemLibrary("libX11-xcb.so.1", apt="libx11-xcb1", dnf="libX11-xcb"),
)

# What libqwayland.so links against outside Qt (ldd, PyQt6-Qt6 6.11), libwayland-client first.
WAYLAND_LIBRARIES: tuple[SystemLibrary, ...] = (
    SystemLibrary("libwayland-client.so.0", apt="libwayland-client0", dnf="libwayland-client"),
    SystemLibrary("libwayland-cursor.so.0", apt="libwayland-cursor0", dnf="libwayland-cursor"),
    SystemLibrary("libxkbcommon.so.0", apt="libxkbcommon0", dnf="libxkbcommon"),
)

NO_WINDOW_NEEDED = ("The command line needs no window: cnnviz train, cnnviz eval and cnnviz report work as they are "
                    "(cnnviz --help).")

Connect = Callable[[str, Mapping[str, str]], str | None]


def missing_libraries(libraries: Sequence[SystemLibrary]) -> list[SystemLibrary]:
    missing = []
    for lib in libraries:
        try:
            ctypes.CDLL(lib.soname)
        except OSError:
            missing.append(lib)
    return missing


def try_connect(platform: str, env: Mapping[str, str]) -> str | None:
    """Open and close a connection to the display, as Qt will; the reason when it fails, else None."""
    if platform == "xcb":
        xcb = ctypes.CDLL("libxcb.so.1")
        xcb.xcb_connect.restype = ctypes.c_void_p
        xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
        xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
        display = env.get("DISPLAY", "")
        conn = xcb.xcb_connect(display.encode(), None)
        failed = xcb.xcb_connection_has_error(conn)
        xcb.xcb_disconnect(conn)
        return f"cannot connect to the X display DISPLAY={display}" if failed else None
    wayland = ctypes.CDLL("libwayland-client.so.0")
    wayland.wl_display_connect.restype = ctypes.c_void_p
    wayland.wl_display_connect.argtypes = [ctypes.c_char_p]
    wayland.wl_display_disconnect.argtypes = [ctypes.c_void_p]
    name = env.get("WAYLAND_DISPLAY", "")
    conn = wayland.wl_display_connect(name.encode())
    if not conn:
        return f"cannot connect to the Wayland display WAYLAND_DISPLAY={name}"
    wayland.wl_display_disconnect(conn)
    return None


def _platforms(env: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order (QT_QPA_PLATFORM, else as Qt picks by session)."""
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:  # "name[:options][;fallback...]"
        return [part.split(":")[0].strip() for part in chosen.split(";") if part.strip()]
    wayland_session = env.get("XDG_SESSION_TYPE") == "wayland" or (
        bool(env.get("WAYLAND_DISPLAY")) and not env.get("DISPLAY"))
    return ["wayland", "xcb"] if wayland_session else ["xcb"]


def _install_lines(missing: Sequence[SystemLibrary]) -> list[str]:
    apt = " ".join(dict.fromkeys(lib.apt for lib in missing))
    dnf = " ".join(dict.fromkeys(lib.dnf for lib in missing))
    return [f"    sudo apt install {apt}      (Debian, Ubuntu)", f"    sudo dnf install {dnf}      (Fedora, RHEL)"]


def _platform_problem(platform: str, env: Mapping[str, str], libraries: Sequence[SystemLibrary],
                      connect: Connect) -> list[str]:
    """The lines explaining why ``platform`` ("xcb" or "wayland") cannot work here; [] when it can."""
    variable, kind = ("DISPLAY", "X11") if platform == "xcb" else ("WAYLAND_DISPLAY", "Wayland")
    missing = missing_libraries(libraries)
    if missing:
        return [f"Qt's {kind} plugin ({platform}) needs system libraries that are not installed: "
                f"{', '.join(lib.soname for lib in missing)}. Install them with", *_install_lines(missing)]
    if not env.get(variable):
        return [f"There is no {kind} display ({variable} is not set)."]
    failure = connect(platform, env)
    return [f"Qt's {kind} plugin {failure}."] if failure else []


def display_problem(env: Mapping[str, str], *, xcb: Sequence[SystemLibrary] = (),
                    wayland: Sequence[SystemLibrary] = (), connect: Connect = try_connect) -> str | None:
    """Why the window cannot open with this environment, as one message for the user; None when it can.

    ``xcb`` and ``wayland`` default to XCB_LIBRARIES and WAYLAND_LIBRARIES (read at call time, so a test can
    point the check at a library that does not exist).
    """
    xcb = xcb or XCB_LIBRARIES
    wayland = wayland or WAYLAND_LIBRARIES
    platforms = _platforms(env)
    if not all(p == "xcb" or p.startswith("wayland") for p in platforms):
        return None  # offscreen, vnc, eglfs…: nothing here to check
    problems: list[str] = []
    for platform in platforms:
        lines = (_platform_problem("xcb", env, xcb, connect) if platform == "xcb"
                 else _platform_problem("wayland", env, wayland, connect))
        if not lines:
            return None  # Qt will use this one
        problems.extend(lines)
    if "wayland" in platforms[:1] and "xcb" in platforms:
        problems.append("Or use X11 through XWayland: start cnnviz with QT_QPA_PLATFORM=xcb (needs DISPLAY).")
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        problems.append("Start cnnviz from a desktop session, or over SSH with X forwarding (ssh -X), which sets "
                        "DISPLAY. To draw the window without a screen (tests, screenshots), set "
                        "QT_QPA_PLATFORM=offscreen.")
    return "\n".join(["cnnviz cannot open its window.", *problems, NO_WINDOW_NEEDED])


def check_display(env: Mapping[str, str]) -> str | None:
    """The start-up check: a message to print before exiting with status 1, or None to go on and open Qt."""
    if sys.platform == "darwin" or sys.platform == "win32":
        return None  # Cocoa and Windows plugins need nothing outside the PyQt6 wheel
    return display_problem(env)
