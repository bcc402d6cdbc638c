"""Everything the user sets, in one typed, versioned schema, checked field by field when it is read.

One INI file in the user-data folder (readable, next to the trained model; a damaged one is set aside
as ``settings.ini.damaged`` and the defaults come back, with a notice). Each section is a small
dataclass; each field says what a sound value is. The key strings exist only here: a panel gets its
section (``prefs.draw``, ``prefs.lab`` …) and binds its widgets to fields by name (``ui/binding.py``).

Schema history: version 1 is the first versioned file; unversioned files (before it) used the same keys
for the window, palette, drawing and last model, so they migrate as they are.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from PyQt6.QtCore import QByteArray, QSettings

from cnnviz.lab.config import EXECUTION_MODES, MAX_EPOCHS, OPTIMIZERS, ComparisonConfig
from cnnviz.paths import user_data_dir
from cnnviz.sandbox import DILATIONS, KERNEL_SIZES, PADDINGS, STRIDES
from ui.canvas import DEFAULT_BRUSH as BRUSH_DEFAULT
from ui.canvas import MAX_BRUSH as BRUSH_MAX
from ui.canvas import MIN_BRUSH as BRUSH_MIN
from ui.i18n import LANGUAGES, error_text

SCHEMA_VERSION = 1
MAP_SCALES = ("stage", "map")  # one colour scale per stage, or each feature map on its own
SETTINGS_FILE = "settings.ini"
SCHEMA_KEY = "meta/schema_version"


def _within(lo: float, hi: float) -> Callable[[Any], bool]:
    return lambda v: lo <= v <= hi


def _one_of(*choices: Any) -> Callable[[Any], bool]:
    return lambda v: v in choices


def _setting(default: Any, check: Callable[[Any], bool] | None = None) -> Any:
    return field(default=default, metadata={"check": check})


@dataclass
class WindowPrefs:
    tab: int = _setting(0, _within(0, 50))
    geometry: bytes = _setting(b"")


@dataclass
class ViewPrefs:
    dark: bool = _setting(False)
    # how feature maps are coloured: one scale shared by every map of a stage, or each map on its own
    map_scale: str = _setting("stage", _one_of(*MAP_SCALES))
    language: str = _setting("en", _one_of(*LANGUAGES))  # interface language, from the next start (ui/i18n.py)


@dataclass
class DrawPrefs:
    brush: int = _setting(BRUSH_DEFAULT, _within(BRUSH_MIN, BRUSH_MAX))
    pace: float = _setting(2.0, _within(0.3, 10.0))  # seconds per stage when playing the step-through
    test_index: int = _setting(0, _within(0, 10_000_000))


def _preset_map(text: Any) -> bool:
    """A JSON object of model file → preset name: the input preparation chosen per file (the names are
    checked against ``INPUT_PRESETS`` where they are used: importing the core here would load PyTorch)."""
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return False
    return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())


@dataclass
class ModelPrefs:
    last_opened: str = _setting("")
    # per opened model file whose input preparation it does not say: the preset chosen for it (JSON object)
    preprocess: str = _setting("{}", _preset_map)


_LAB = ComparisonConfig()


@dataclass
class LabPrefs:
    """The Training lab's last comparison (the same fields as ``ComparisonConfig``; 0 test samples = all)."""

    fc_hidden: int = _setting(_LAB.fc_hidden, _within(1, 4096))
    conv1_filters: int = _setting(_LAB.conv1_filters, _within(1, 128))
    conv2_filters: int = _setting(_LAB.conv2_filters, _within(1, 128))
    epochs: int = _setting(_LAB.epochs, _within(1, MAX_EPOCHS))
    batch_size: int = _setting(_LAB.batch_size, _within(1, 4096))
    lr: float = _setting(_LAB.lr, lambda v: 0.0 < v <= 1.0)
    optimizer: str = _setting(_LAB.optimizer, _one_of(*OPTIMIZERS))
    seed: int = _setting(_LAB.seed, _within(0, 2**31 - 1))
    device: str = _setting(_LAB.device, _one_of("auto", "cpu", "cuda", "mps"))
    train_samples: int = _setting(_LAB.train_samples, _within(1, 10_000_000))
    test_samples: int = _setting(0, _within(0, 10_000_000))
    mode: str = _setting(_LAB.mode, _one_of(*EXECUTION_MODES))

    def config(self) -> ComparisonConfig:
        values = asdict(self)
        values["test_samples"] = values["test_samples"] or None
        return ComparisonConfig(**values)


@dataclass
class ZooPrefs:
    models: str = _setting("logistic,mlp,small_cnn")  # comma-separated registry names
    device: str = _setting("auto", _one_of("auto", "cpu", "cuda", "mps"))
    budget_min: float = _setting(20.0, _within(0.0, 10_000.0))
    ensemble: bool = _setting(False)  # Run report also tests the ticked models together


@dataclass
class LessonPrefs:
    offer: bool = _setting(True)  # offer the first lesson when the app starts (until the learner answers)


@dataclass
class SandboxPrefs:
    """The kernel sandbox's convolution (``cnnviz.sandbox.ConvSetting``; padding "0"…"3" or "same")."""

    kernel_size: int = _setting(3, _one_of(*KERNEL_SIZES))
    stride: int = _setting(1, _one_of(*STRIDES))
    padding: str = _setting("1", _one_of(*(str(p) for p in PADDINGS)))
    dilation: int = _setting(1, _one_of(*DILATIONS))
    step_ms: int = _setting(120, _within(20, 2000))  # the sliding window's animation: time per position


@dataclass
class Preferences:
    window: WindowPrefs = field(default_factory=WindowPrefs)
    view: ViewPrefs = field(default_factory=ViewPrefs)
    draw: DrawPrefs = field(default_factory=DrawPrefs)
    model: ModelPrefs = field(default_factory=ModelPrefs)
    lab: LabPrefs = field(default_factory=LabPrefs)
    zoo: ZooPrefs = field(default_factory=ZooPrefs)
    lessons: LessonPrefs = field(default_factory=LessonPrefs)
    sandbox: SandboxPrefs = field(default_factory=SandboxPrefs)


class PreferenceError(ValueError):
    """A value in the settings file that this schema cannot trust."""


def _parse(kind: type, raw: Any, key: str) -> Any:
    """A value read from the INI file (QSettings gives strings, or QByteArray for binary) as ``kind``."""
    if kind is bytes:
        if isinstance(raw, QByteArray):  # anything else (e.g. text left by a cut-short file) is damage
            return bytes(raw.data())
        raise PreferenceError(f"the value of {key} is damaged")
    text = str(raw).strip()
    try:
        if kind is bool:
            if text.lower() not in ("true", "false"):
                raise ValueError
            return text.lower() == "true"
        if kind is int:
            return int(text)
        if kind is float:
            return float(text)
    except ValueError:
        raise PreferenceError(f"the value of {key} is damaged") from None
    return text


def _field_type(section: Any, name: str) -> type:
    return type(getattr(section, name))


def read(settings: QSettings) -> Preferences:
    """The preferences in ``settings``; ``PreferenceError`` names the first value that is not sound."""
    prefs = Preferences()
    version = settings.value(SCHEMA_KEY)
    if version is not None and _parse(int, version, SCHEMA_KEY) > SCHEMA_VERSION:
        pass  # a newer cnnviz wrote it: read the fields this version knows, leave the rest alone
    for section_field in fields(prefs):
        section = getattr(prefs, section_field.name)
        for f in fields(section):
            key = f"{section_field.name}/{f.name}"
            if not settings.contains(key):
                continue
            value = _parse(_field_type(section, f.name), settings.value(key), key)
            check = f.metadata.get("check")
            if check is not None and not check(value):
                raise PreferenceError(f"the value of {key} ({value!r}) is out of range")
            setattr(section, f.name, value)
    return prefs


def write(settings: QSettings, prefs: Preferences) -> None:
    settings.setValue(SCHEMA_KEY, SCHEMA_VERSION)
    for section_field in fields(prefs):
        section = getattr(prefs, section_field.name)
        for f in fields(section):
            value = getattr(section, f.name)
            stored = QByteArray(value) if isinstance(value, bytes) else value
            settings.setValue(f"{section_field.name}/{f.name}", stored)
    settings.sync()


def settings_path() -> Path:
    return user_data_dir() / SETTINGS_FILE


def _file_problem(settings: QSettings, path: Path) -> str | None:
    """Why the file can't be read as settings at all, or None (a missing or empty file is sound)."""
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
    return None


@dataclass
class PreferenceStore:
    """The preferences and the file they live in; ``save()`` writes them back."""

    settings: QSettings
    prefs: Preferences
    notice: str | None = None  # said once to the user when the file had to be reset

    def save(self) -> None:
        write(self.settings, self.prefs)


def open_preferences(path: Path | str | None = None) -> PreferenceStore:
    """The preferences at ``path`` (default: the user-data folder), reset with a notice if damaged.

    A damaged file is renamed to ``settings.ini.damaged`` (nothing is deleted) and defaults are used.
    """
    path = Path(path) if path is not None else settings_path()
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    if not path.is_file():
        return PreferenceStore(settings, Preferences())
    problem = _file_problem(settings, path)
    if problem is None:
        try:
            return PreferenceStore(settings, read(settings))
        except PreferenceError as exc:
            problem = error_text(exc)
    del settings  # release the file before moving it aside
    kept = path.with_name(path.name + ".damaged")
    try:
        path.replace(kept)
        where = f"the damaged file was kept as {kept}"
    except OSError:
        path.unlink(missing_ok=True)
        where = "the damaged file could not be kept"
    return PreferenceStore(
        QSettings(str(path), QSettings.Format.IniFormat), Preferences(),
        f"Your settings file {path} could not be used ({problem}), so the defaults are back; {where}.",
    )
