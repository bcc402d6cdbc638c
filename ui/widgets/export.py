"""Saving what is on screen as a PNG, with the one file dialog every panel uses."""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtWidgets import QFileDialog, QWidget

from ui.i18n import translate


def save_png(widget: QWidget, path: Path) -> bool:
    """A picture of ``widget`` as it is drawn now; False when the file could not be written."""
    return bool(widget.grab().save(str(path), "PNG"))


def ask_save_path(parent: QWidget, title: str, suggested: str, filter_: str | None = None) -> Path | None:
    """Ask where to save (``filter_``: translated file types, default PNG images); None when the user cancelled."""
    filter_ = filter_ if filter_ is not None else translate("ExportDialog", "PNG images (*.png)")
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter_)
    return Path(name) if name else None
