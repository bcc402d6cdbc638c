"""Every piece of text in the window reads at ≥ 4.5:1 after live palette switches, measured from pixels.

A label's palette can say one colour while it is drawn in another (a widget with a style sheet keeps
the palette it had when the sheet was applied), so this test looks at what is rendered: each visible
label is grabbed, its background is the most common colour of the picture, its ink the colour that
differs most from it, and the WCAG contrast of the two must be at least 4.5.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from PyQt6.QtCore import QPoint, QRect
from PyQt6.QtGui import QImage
from PyQt6.QtWidgets import QApplication, QLabel

from ui.theme import apply_theme, contrast_ratio

MIN_CONTRAST = 4.5


def rendered_contrast(label: QLabel) -> float | None:
    """(ink vs background) contrast of a label as drawn, or None when it draws no text."""
    window = label.window()
    area = QRect(label.mapTo(window, QPoint(0, 0)), label.size())  # as drawn over its parents' backgrounds
    image = window.grab(area).toImage().convertToFormat(QImage.Format.Format_RGB32)
    w, h = image.width(), image.height()
    if w < 2 or h < 2:
        return None
    ptr = image.constBits()
    assert ptr is not None
    ptr.setsize(image.sizeInBytes())
    pixels = np.frombuffer(ptr, np.uint8).reshape(h, image.bytesPerLine() // 4, 4)[:, :w, 2::-1]  # BGRA -> RGB
    flat = [tuple(int(v) for v in p) for p in pixels.reshape(-1, 3)]
    background, _ = Counter(flat).most_common(1)[0]
    hex_of = "#{:02x}{:02x}{:02x}".format
    best = max((contrast_ratio(hex_of(*p), hex_of(*background)) for p in set(flat)), default=1.0)
    return best if best > 1.05 else None


@pytest.fixture
def shown_window(window_factory, trained_explorer, qtbot, mnist):  # type: ignore[no-untyped-def]
    model, meta, _ = trained_explorer
    window = window_factory()
    window.resize(1280, 800)
    window.show()
    with qtbot.waitSignal(window.state.capture_changed, timeout=10_000):
        window.state.set_model(model, meta)
        window.state.set_input(mnist.test_images[0] / 255.0, int(mnist.test_labels[0]))
    yield window
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, False)


def test_every_label_reads_after_dark_light_dark_switched_live(qtbot, shown_window) -> None:  # type: ignore[no-untyped-def]
    window = shown_window
    low: list[str] = []
    for dark in (True, False, True):
        window.set_dark(dark)
        for key, tab in window.tab_widgets.items():
            window.tabs.setCurrentWidget(tab)
            QApplication.processEvents()  # palette-change events posted by the switch
            for label in window.findChildren(QLabel):
                if not label.isVisible() or not label.text().strip():
                    continue
                ratio = rendered_contrast(label)
                if ratio is not None and ratio < MIN_CONTRAST:
                    low.append(f"{'dark' if dark else 'light'} {key}: {label.text()[:40]!r} {ratio:.2f}:1")
    assert not low, "\n".join(sorted(set(low)))
