"""The German window says in German what the core composes about stages and maps (``cnnviz.introspect``):
stage titles and captions while stepping through the Draw tab, the dimension table and overview strip, the
fallback class names, and each map's text alternative. The English window keeps the core's English (tests of
those views elsewhere compare it)."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
import torch
from PyQt6.QtCore import Qt
from PyQt6.QtTest import QTest

from cnnviz.introspect import capture, shape_text
from cnnviz.models import build_model
from cnnviz.training.checkpoint import CheckpointMeta
from cnnviz.wording import Wording
from ui.draw.tab import DrawTab
from ui.explain.cell_view import CellView
from ui.explain.saliency_view import SaliencyView
from ui.i18n import install_language
from ui.preferences import Preferences
from ui.tasks import Task, shutdown_all

# the ninths of a map in German, by (row third, column third): written out here, independently of the core's table
GERMAN_REGIONS = [["oben links", "oben", "oben rechts"], ["Mitte links", "Mitte", "Mitte rechts"],
                  ["unten links", "unten", "unten rechts"]]


@pytest.fixture
def german(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    install_language("de", qapp)
    yield
    install_language("en", qapp)


def test_stepping_through_the_draw_tab_shows_german_stage_titles_and_captions(  # type: ignore[no-untyped-def]
        german, qtbot, app_state) -> None:
    torch.manual_seed(0)
    model = build_model("explorer_cnn").eval()  # untrained: only the words are checked
    tab = DrawTab(app_state, Preferences())
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    meta = CheckpointMeta(model="explorer_cnn", model_kwargs=dict(model.arch_kwargs), class_names=[])  # no names
    with qtbot.waitSignal(app_state.capture_changed, timeout=10_000):
        app_state.set_model(model, meta)  # an empty canvas then shows test digit #0
    pipeline, cap = tab.pipeline, app_state.capture
    assert cap is not None
    pipeline.select_stage(0)
    shown: dict[str, tuple[str, str]] = {}  # stage name → (step label, caption) as the window shows them
    for i, stage in enumerate(cap.stages):
        if i:
            QTest.mouseClick(pipeline.next_button, Qt.MouseButton.LeftButton)
        assert pipeline.current == i
        step, caption = pipeline.step_label.text(), pipeline.caption.text()
        english = [str(text) for text in (stage.title, stage.caption) if isinstance(text, Wording)]
        assert not [text for text in english if text in step + caption], f"{stage.name} still shows English"
        shown[stage.name] = step, caption
    assert shown["input"][0].endswith(": Eingabe") and "Ziffer in 28×28 Graustufen" in shown["input"][1]
    conv1, pool1, flatten = cap.stage("conv1"), cap.stage("pool1"), cap.stage("flatten")
    assert (f"{conv1.shape[0]} Filter der Größe 3×3×1 gleiten über die 1 Eingabekarte(n)" in shown["conv1"][1]
            and " ReLU setzt dann die negativen Antworten auf 0" in shown["conv1"][1])
    assert shown["pool1"][0].endswith("Pool1 (Maximum 2×2)")
    assert (f"Behält in jedem 2×2-Fenster die stärkste Antwort: Die Karten schrumpfen {shape_text(conv1.shape)} → "
            f"{shape_text(pool1.shape)}") in shown["pool1"][1]
    assert f"als einen Vektor aus {flatten.shape[0]} Zahlen" in shown["flatten"][1]
    assert "Vollständig verbunden: Jeder der 10 Klassenwerte (Logits)" in shown["fc"][1]
    assert "Wahrscheinlichkeiten, die zusammen 1 ergeben" in shown["softmax"][1]
    # the same titles in the dimension table and the overview strip; a model without class names: "Klasse i"
    names = [pipeline.table.item(r, 0).text() for r in range(len(cap.stages))]  # type: ignore[union-attr]
    assert names[0] == "Eingabe" and names[cap.stages.index(pool1)] == "Pool1 (Maximum 2×2)"
    assert [title.text for title in pipeline.strip.titles] == names
    conv2 = cap.stages.index(cap.stage("conv2"))  # parameter counts with German separators: 1.168, not 1,168
    assert pipeline.table.item(conv2, 2).text() == f"{cap.stage('conv2').parameters:,}".replace(",", ".")  # type: ignore[union-attr]
    assert cap.stage("conv2").parameters >= 1000
    assert tab.chart.class_names == tuple(f"Klasse {i}" for i in range(10))
    tab.hide()  # every background job ends before the widgets go (as tests/test_ui_i18n_draw.py's tabs do)
    shutdown_all()
    qtbot.waitUntil(lambda: not Task.live, timeout=10_000)


def test_each_maps_text_alternative_is_german(german, qtbot, mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(0)
    model = build_model("explorer_cnn").eval()
    cap = capture(model, mnist.test_images[0] / 255.0)
    view = CellView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    with qtbot.waitSignal(view.cell_explained, timeout=5_000):
        view.set_source(model, cap)
        view.show()
    text = view.map_text.text()
    assert view.strip.accessibleDescription().split() == text.split()
    assert "strongest response" not in text and "brightest pixel" not in text and "cells active" not in text
    for name in view.stage_panels:  # each map (map 1 of each stage) placed and counted independently
        values = cap.stage(name).output[0]
        height, width = values.shape
        row, col = np.unravel_index(np.argmax(values), values.shape)
        lead = "hellstes Pixel" if name == "input" else "stärkste Antwort"
        region = GERMAN_REGIONS[row * 3 // height][col * 3 // width]
        share = f"{np.count_nonzero(values > 0) / values.size:.0%}"
        assert (f"{lead}: {region} (Zeile {row + 1}, Spalte {col + 1}); {share} der Zellen aktiv" in text
                or (not (values > 0).any() and f"keine Zelle aktiv (alle {values.size} Zellen" in text)), name


def test_the_saliency_methods_are_named_and_explained_in_german(german, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = SaliencyView([str(i) for i in range(10)])
    qtbot.addWidget(view)
    names = [view.method_box.itemText(i) for i in range(view.method_box.count())]
    assert names == ["Einfacher Gradient", "SmoothGrad", "HiResCAM", "Grad-CAM", "Verdeckung (Occlusion)"]
    view.method_box.setCurrentIndex(names.index("Grad-CAM"))
    assert view.method_caption.text().startswith("Das ursprüngliche Grad-CAM-Rezept: ein Gewicht pro Karte")
    assert "recipe" not in view.method_caption.text()
