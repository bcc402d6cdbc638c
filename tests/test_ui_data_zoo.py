"""The model zoo on an opened colour data set: the confusion matrix names its classes (and refuses a model
that answers in other classes), the colour recipe trains and is reported on it, and MNIST comes back."""

from __future__ import annotations

import pytest
from test_ui_data import SHAPES, shapes_data

from cnnviz.training import train_model
from ui.preferences import Preferences
from ui.zoo.tab import ZooTab


@pytest.fixture(scope="module")
def shapes():  # type: ignore[no-untyped-def]
    return shapes_data(train=450, test=90)


@pytest.fixture(scope="module")
def shapes_model(shapes):  # type: ignore[no-untyped-def]
    """The zoo's colour recipe trained briefly on the shapes (its checkpoint names the shapes)."""
    trained = train_model("colour_gap_cnn", shapes, epochs=2, seed=0)
    return trained.model, trained.meta


def headers(view) -> list[str]:  # type: ignore[no-untyped-def]
    table = view.table
    return [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]


def test_confusion_matrix_follows_data_and_model_both_ways(qtbot, app_state, mnist, shapes, shapes_model,  # type: ignore[no-untyped-def]
                                                           trained_explorer) -> None:
    tab = ZooTab(app_state, Preferences())
    qtbot.addWidget(tab)
    view = tab.confusion_view
    tab.views.setCurrentWidget(view)
    tab.show()
    digits_model, digits_meta, _ = trained_explorer
    app_state.set_model(digits_model, digits_meta)
    with qtbot.waitSignal(view.evaluated, timeout=60_000):
        view.refresh()
    assert headers(view) == [str(d) for d in range(10)]

    app_state.set_data(shapes)  # the digit model cannot be scored on shapes: said, not attempted
    qtbot.waitUntil(lambda: "answers in other classes" in view.summary.text(), timeout=10_000)
    assert view.summary.is_error and view.table.rowCount() == 0
    assert shapes.name in view.summary.text()

    with qtbot.waitSignal(view.evaluated, timeout=60_000):
        app_state.set_model(*shapes_model)
    assert headers(view) == list(SHAPES) and view.table.rowCount() == len(SHAPES)
    counts = [[int(view.table.item(r, c).text()) for c in range(3)] for r in range(3)]
    assert [sum(row) for row in counts] == [int((shapes.test_labels == k).sum()) for k in range(3)]
    assert f"errors in {len(shapes.test_labels):,} images" in view.summary.text()

    app_state.set_data(mnist)
    with qtbot.waitSignal(view.evaluated, timeout=60_000):
        app_state.set_model(digits_model, digits_meta)
    assert headers(view) == [str(d) for d in range(10)]


def test_the_report_runs_the_colour_recipe_on_the_open_data(qtbot, app_state, shapes) -> None:  # type: ignore[no-untyped-def]
    app_state.set_data(shapes)
    prefs = Preferences()
    prefs.zoo.models = "colour_gap_cnn"
    tab = ZooTab(app_state, prefs)
    qtbot.addWidget(tab)
    view = tab.report_view
    tab.show()
    assert f"{len(shapes.train_labels):,} shapes training images" in view.intro.text()
    with qtbot.waitSignal(view.row_added, timeout=120_000) as added:
        view.run_button.click()
    assert added.args == ["colour_gap_cnn"]
    qtbot.waitUntil(lambda: not view.running, timeout=30_000)
    row = next(r for r in view.rows if r.model == "colour_gap_cnn")
    assert row.test_error is not None and 0 <= row.test_error <= 100
