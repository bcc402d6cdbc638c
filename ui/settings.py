"""The user's settings: one INI file in the user-data folder, checked on start so a damaged one can't crash the app.

An INI file (rather than the platform registry) keeps settings next to the trained model, readable, and
lets a damaged file be set aside and replaced by defaults, with a notice, instead of being half-trusted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PyQt6.QtCore import QByteArray, QSettings

from cnnviz.paths import user_data_dir

SETTINGS_FILE = "settings.ini"


def _is_int(value: object) -> bool:
    return isinstance(value, int) or (isinstance(value, str) and value.strip().lstrip("-").isdigit())


def _is_bool(value: object) -> bool:
    return isinstance(value, bool) or (isinstance(value, str) and value.strip().lower() in ("true", "false"))


def _is_bytes(value: object) -> bool:
    return isinstance(value, QByteArray) and not value.isEmpty()


# The keys the main window reads, and what a sound value looks like; other keys are left to their owners.
KNOWN_KEYS: dict[str, Callable[[object], bool]] = {
    "window/tab": _is_int,
    "window/geometry": _is_bytes,
    "view/dark": _is_bool,
}


def settings_path() -> Path:
    return user_data_dir() / SETTINGS_FILE


def _problem(settings: QSettings, path: Path) -> str | None:
    """Why the file can't be trusted, or None when it is sound (a missing or empty file is sound)."""
    if settings.status() != QSettings.Status.NoError:
        return "it is not a valid settings file"
    try:
        text = path.read_bytes().decode("utf-8")  # Qt writes INI files as UTF-8 text, binary data escaped
    except UnicodeDecodeError:
        return "it is not a text file"
    if any(ch < " " and ch not in "\r\n\t" for ch in text):
        return "it holds binary data"
    if not settings.allKeys() and text.strip():
        return "it holds no settings this app can read"
    for key, is_sound in KNOWN_KEYS.items():
        if settings.contains(key) and not is_sound(settings.value(key)):
            return f"the value of {key} is damaged"
    return None


def open_settings(path: Path | None = None) -> tuple[QSettings, str | None]:
    """The settings at ``path`` (default: the user-data folder), and a notice when they had to be reset.

    A damaged file is renamed to ``settings.ini.damaged`` (nothing is deleted) and defaults are used.
    """
    path = path or settings_path()
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    if not path.is_file():
        return settings, None
    problem = _problem(settings, path)
    if problem is None:
        return settings, None
    del settings  # release the file before moving it aside
    kept = path.with_name(path.name + ".damaged")
    try:
        path.replace(kept)
        where = f"the damaged file was kept as {kept}"
    except OSError:
        path.unlink(missing_ok=True)
        where = "the damaged file could not be kept"
    return (
        QSettings(str(path), QSettings.Format.IniFormat),
        f"Your settings file {path} could not be used ({problem}), so the defaults are back; {where}.",
    )


def saved_dark(settings: QSettings) -> bool:
    """Whether the user last chose the dark palette (a value already checked by ``open_settings``)."""
    return str(settings.value("view/dark", "false")).lower() == "true"
