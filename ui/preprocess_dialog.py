"""Asking how an opened model's input was prepared, when its file does not say (once per model file).

The choices are the core's presets (``cnnviz.data.transforms.INPUT_PRESETS``); ``ModelControl`` remembers the
answer per file in the preferences, so the question comes once.
"""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import QT_TRANSLATE_NOOP
from PyQt6.QtWidgets import QApplication, QInputDialog

from cnnviz.data.transforms import INPUT_PRESETS, InputSpec, preset_spec
from cnnviz.introspect.stages import preprocess_text
from ui.i18n import translate, worded

QUESTION = QT_TRANSLATE_NOOP(
    "PreprocessDialog",
    "{name} does not say how its input images were prepared for training. Choose the preparation "
    "it was trained with (the wrong one still runs, but its answers will be poor); cnnviz remembers "
    "the choice for this file.\n\n{details}")


def preset_lines(spec: InputSpec) -> dict[str, str]:
    """Each preset's name → one line saying what it does to a ``spec``-sized input."""
    return {name: f"{name}: {worded(preprocess_text(preset_spec(name, spec.channels, spec.size)))}"
            for name in INPUT_PRESETS}


def ask_preprocessing(path: Path, spec: InputSpec) -> str | None:
    """A dialog over the active window; the chosen preset's name, or None when cancelled."""
    lines = preset_lines(spec)
    choice, ok = QInputDialog.getItem(QApplication.activeWindow(),
                                      translate("PreprocessDialog", "How was this model's input prepared?"),
                                      translate("PreprocessDialog", QUESTION).format(
                                          name=path.name, details="\n".join(lines.values())),
                                      list(lines), 0, False)
    return choice if ok and choice in INPUT_PRESETS else None
