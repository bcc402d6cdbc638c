"""The saliency methods' titles and captions in the interface's language.

The core names them (``cnnviz.explain.METHODS``); pylupdate6 reads only literals, so each text is marked here and
translated where it is shown (a test checks that every one of the core's texts is marked).
"""

from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP

from cnnviz.explain import METHODS
from ui.i18n import translate

METHOD_TEXTS = (
    QT_TRANSLATE_NOOP("SaliencyMethod", "Vanilla gradient"),
    QT_TRANSLATE_NOOP("SaliencyMethod", "How sharply the class score reacts to each pixel: bright pixels would change "
                      "the answer most if they changed a little."),
    QT_TRANSLATE_NOOP("SaliencyMethod", "SmoothGrad"),
    QT_TRANSLATE_NOOP("SaliencyMethod", "The gradient averaged over noisy copies of the digit, which cancels the "
                      "speckle and leaves the strokes the class depends on."),
    QT_TRANSLATE_NOOP("SaliencyMethod", "HiResCAM"),
    QT_TRANSLATE_NOOP("SaliencyMethod", "The last convolutional maps times how much each of their values raises the "
                      "class score, position by position (HiResCAM, Draelos & Carin 2020): a coarse map of where the "
                      "evidence for the class was found — sometimes in the blank paper around the digit, when the "
                      "absence of ink is what tells this class apart."),
    QT_TRANSLATE_NOOP("SaliencyMethod", "Grad-CAM"),
    QT_TRANSLATE_NOOP("SaliencyMethod", "The original Grad-CAM recipe: one weight per map (its gradient averaged over "
                      "the map). On small MNIST networks it often lights the empty background that tells this class "
                      "apart."),
    QT_TRANSLATE_NOOP("SaliencyMethod", "Occlusion"),
    QT_TRANSLATE_NOOP("SaliencyMethod", "Cover a 6×6 patch at each position and see how much the class's probability "
                      "drops: no gradients, just experiments."),
)


def method_title(key: str) -> str:
    return translate("SaliencyMethod", METHODS[key].title)


def method_caption(key: str) -> str:
    return translate("SaliencyMethod", METHODS[key].caption)
