"""Explain → "Behind a class score": a linear unit's contribution map and terms, and the softmax, as shown."""

from __future__ import annotations

import numpy as np
import pytest

from cnnviz.explain import LinearSum, SoftmaxSum
from cnnviz.format import format_probability
from cnnviz.models import build_model
from cnnviz.training import CheckpointMeta
from ui.explain.tab import ExplainTab


@pytest.fixture
def tab(qtbot, app_state, trained_explorer):  # type: ignore[no-untyped-def]
    tab = ExplainTab(app_state)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    tab.views.setCurrentWidget(tab.linear_view)
    model, meta, _ = trained_explorer
    app_state.set_model(model, meta)
    with qtbot.waitSignal(app_state.capture_changed, timeout=10_000):
        app_state.set_input(np.asarray(app_state.data.test_images[4], dtype=np.float32) / 255.0)
    qtbot.waitUntil(lambda: tab.linear_view.explanation is not None, timeout=10_000)
    return tab  # the test holds the tab (pytest-qt keeps only a weak reference)


def test_a_class_score_is_shown_as_its_terms(qtbot, tab, app_state) -> None:  # type: ignore[no-untyped-def]
    view = tab.linear_view
    cap = app_state.capture
    assert view.stage_combo.currentText() == "fc"
    assert view.unit_spin.value() == cap.prediction  # the predicted class's score first, classes by index
    found = view.explanation
    assert isinstance(found, LinearSum) and found.source == "pool2"
    assert found.result == pytest.approx(float(cap.stage("fc").output[cap.prediction]), abs=1e-4)
    # the contribution map: each pool2 value times its weight, laid out as 16 tiles of 7×7 (signed colours)
    picture = view.map_panel.picture.image
    assert picture is not None and picture.shape[:2] == (4 * 7 + 3, 4 * 7 + 3)
    terms = [float(view.table.item(r, 3).text()) for r in range(view.table.rowCount())]
    assert len(terms) == 12 and terms[0] == pytest.approx(float(found.products[np.abs(found.products).argmax()]),
                                                          abs=1e-3)
    assert np.all(np.diff(np.abs(terms)) <= 1e-3)  # largest first
    assert view.table.item(0, 0).text().startswith("pool2 map ")
    assert f"{found.result:.3f}" in view.sentence.text()

    assert view.tile_labels and [t.toPlainText() for t in view.tile_labels] == [str(c) for c in range(1, 17)]
    assert f"the score of class {app_state.data.class_names[cap.prediction]}" in view.sentence.text()
    with qtbot.waitSignal(view.unit_explained, timeout=5000):
        view.unit_spin.setValue(3)
    assert view.explanation.unit == 3 and view.unit_spin.text() == "class 3"


def test_the_softmax_step_by_step(qtbot, tab, app_state) -> None:  # type: ignore[no-untyped-def]
    view = tab.linear_view
    cap = app_state.capture
    with qtbot.waitSignal(view.unit_explained, timeout=5000):
        view.select("softmax", 7)
    found = view.explanation
    assert isinstance(found, SoftmaxSum) and found.unit == 7
    rows = {view.table.item(r, 0).text(): [view.table.item(r, c).text() for c in range(1, 4)]
            for r in range(view.table.rowCount())}
    logits = cap.stage("fc").output
    for k in range(10):
        logit, exp, probability = rows[str(k)]
        assert float(logit) == pytest.approx(float(logits[k]), abs=1e-3)
        assert float(exp) == pytest.approx(float(np.exp(np.float64(logits[k]))), rel=1e-3)
        assert probability == format_probability(float(cap.probabilities[k]))
    assert float(rows["Σ"][1]) == pytest.approx(float(np.exp(logits.astype(np.float64)).sum()), rel=1e-3)
    assert format_probability(float(cap.probabilities[7])) in view.sentence.text()


def test_a_model_without_linear_layers_says_so(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    tab = ExplainTab(app_state)
    qtbot.addWidget(tab)
    model = build_model("simple_gap_cnn").eval()
    stages = [name for name, _ in model.named_children()]
    app_state.set_model(model, CheckpointMeta(model="simple_gap_cnn", model_kwargs=dict(model.arch_kwargs)))
    combo = tab.linear_view.stage_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [*(s for s in stages if s.startswith("fc")),
                                                                  "softmax"]
