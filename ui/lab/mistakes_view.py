"""The Training lab's mistakes: the test digits each finished model of the last run got wrong, as strips.

The mistakes are found at the end of the run, in its job (``cnnviz.lab.timeline.run_mistakes``), with the
finished models kept. Clicking one makes that lab model the current model and puts the digit on the canvas,
the zoo's way (``ui.zoo.confusion_view``): the main window then shows its saliency, wrong class beside true.
"""

from __future__ import annotations

from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from cnnviz.lab import CNN_KEY, FC_KEY
from cnnviz.lab.timeline import LabMistakes
from ui.i18n import translate, worded
from ui.state import AppState
from ui.widgets.status_label import StatusLabel
from ui.zoo.confusion_view import mistake_gallery, mistake_item, put_on_canvas


class MistakesView(QWidget):
    """``show_mistakes({key: LabMistakes})`` after a run; ``digit_chosen(index)`` when one is opened."""

    digit_chosen = pyqtSignal(int)  # a mistake is on the canvas, its model current (index in the test set)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.found: dict[str, LabMistakes] = {}
        self.status = StatusLabel()
        self.status.setWordWrap(True)
        self.titles: dict[str, QLabel] = {}
        self.galleries: dict[str, QListWidget] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        side_by_side = QHBoxLayout()  # each model's mistakes in a column: thumbnails and captions stay whole
        layout.addLayout(side_by_side, 1)
        for key in (CNN_KEY, FC_KEY):
            title, gallery = QLabel(), mistake_gallery()
            title.setWordWrap(True)
            gallery.setAccessibleName(translate("MistakesView", "Mistakes of the CNN") if key == CNN_KEY
                                      else translate("MistakesView", "Mistakes of the FC network"))
            gallery.setAccessibleDescription(translate("MistakesView", "Click a digit to explain it with the model "
                                                                       "that got it wrong"))
            gallery.itemClicked.connect(lambda item, key=key: self.open(key, self.galleries[key].row(item)))
            self.titles[key], self.galleries[key] = title, gallery
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(gallery, 1)
            side_by_side.addLayout(column, 1)
        state.data_changed.connect(lambda: self.show_mistakes({}))
        self.show_mistakes({})

    def show_mistakes(self, found: dict[str, LabMistakes]) -> None:
        """Each model's mistakes of the last finished run ({}: none to show)."""
        self.found = found
        names = self.state.data.class_names
        for key, gallery in self.galleries.items():
            gallery.clear()
            lab = found.get(key)
            self.titles[key].setVisible(lab is not None)
            gallery.setVisible(lab is not None)
            if lab is None:
                continue
            self.titles[key].setText(translate("MistakesView", "{model}: {errors} of the test images wrong, "
                                                               "{shown} shown, most confident first").format(
                model=worded(lab.label), errors=lab.errors, shown=len(lab.mistakes)))
            for m in lab.mistakes:
                gallery.addItem(mistake_item(m, names))
        self.status.say(translate("MistakesView", "Click a mistake to explain it: that lab model becomes the "
                                                  "current model (File → Open model… brings yours back), and the "
                                                  "digit goes on the canvas.") if found else
                        translate("MistakesView", "After a run, the test images each model got wrong are shown "
                                                  "here."))

    def open(self, key: str, row: int) -> None:
        """Explain mistake ``row`` of model ``key``: its model becomes current, the digit goes on the canvas."""
        lab = self.found[key]
        mistake = lab.mistakes[row]
        if self.state.model is not lab.model:
            self.state.set_model(lab.model, lab.meta)  # shown together with the digit's capture
        put_on_canvas(self.state, mistake)
        self.status.say(translate("MistakesView", "{model} (after epoch {epochs}) is now the current model, with "
                                                  "test image {index} on the canvas.").format(
            model=worded(lab.label), epochs=lab.meta.epochs, index=mistake.index))
        self.digit_chosen.emit(mistake.index)
