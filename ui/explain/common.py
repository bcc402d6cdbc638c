"""What the Explain tab's panels share: the export button and which capture goes with which model."""

from __future__ import annotations

from collections.abc import Callable
from weakref import WeakKeyDictionary

from PyQt6.QtWidgets import QPushButton, QWidget

from cnnviz.introspect import Capture
from cnnviz.introspect.receptive_field import stage_shapes
from cnnviz.models.staged import StagedNet
from ui.i18n import translate
from ui.widgets.export import ask_save_path, save_png

_SHAPES: WeakKeyDictionary[StagedNet, dict[str, tuple[int, ...]]] = WeakKeyDictionary()


def capture_fits(model: StagedNet, capture: Capture) -> bool:
    """True when ``capture`` has exactly ``model``'s stages, names and shapes (it could be its capture).

    A capture made by the previous model must never be explained with the new one: its stage names
    or shapes differ (LeNet-5's maps are 6×28×28 where the explorer CNN's are 8×28×28, modern_cnn has
    no "conv1" …), and pairing them raised ValueError or KeyError.
    """
    shapes = _SHAPES.get(model)
    if shapes is None:  # one forward pass of zeros per model, not one per capture
        shapes = _SHAPES[model] = stage_shapes(model, spec=capture.spec)
    inner = capture.stages[:-1]  # the last stage is the softmax, not a module
    return [s.name for s in inner] == list(shapes) and all(s.shape == shapes[s.name] for s in inner)


def export_button(panel: QWidget, name: str, on_error: Callable[[str], None]) -> QPushButton:
    """"Export PNG…": asks where, saves a picture of ``panel``, reports a file that could not be written."""
    button = QPushButton(translate("ExplainTab", "Export PNG…"))
    button.setToolTip(translate("ExplainTab", "Save this view as a PNG picture"))

    def export() -> None:
        path = ask_save_path(panel, translate("ExplainTab", "Export as PNG"), f"cnnviz-explain-{name}.png")
        if path is not None and not save_png(panel, path):
            on_error(translate("ExplainTab", "Could not write {path}: choose a folder you can write to.").format(
                path=path))

    button.clicked.connect(export)
    return button
