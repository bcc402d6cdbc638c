"""The Model zoo tab in the German window: the sentences the core composes (the report's cells and notes, the lineage's
ideas and layer shapes, the Inception branches, the model descriptions) are shown in German, while the Markdown
report (``str()`` of the same wordings) stays English."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path

import pytest
from PyQt6.QtWidgets import QTableWidget

from cnnviz.models import MODELS
from cnnviz.zoo.lineage import dense_vs_conv, lineage_table
from cnnviz.zoo.lineage_nets import inception_anatomy
from cnnviz.zoo.report import CACHE_VERSION, Report, ReportPlan, ReportRow, cache_dir, report_markdown, report_notes
from cnnviz.zoo.report_plan import check_models
from ui.i18n import error_text, install_language
from ui.preferences import Preferences
from ui.zoo.tab import ZooTab


def _rows() -> list[ReportRow]:
    """One row of each kind the core words differently: measured but above the published figure (from the cache),
    shortened to fit the budget, and not trained at all (only estimated)."""
    return [
        ReportRow(model="logistic", parameters=7850, epochs=5, recipe_epochs=5, wall_time_s=30.0, device="cpu",
                  test_error=12.5, seed_error=8.0, cached=True),
        ReportRow(model="mlp", parameters=101_770, epochs=2, recipe_epochs=10, wall_time_s=90.0, device="cpu",
                  test_error=3.1, seed_error=2.0, full_recipe_estimate_s=450.0, samples_per_s=1234.0),
        ReportRow(model="modern_cnn", parameters=308_074, epochs=0, recipe_epochs=45, wall_time_s=0.0, device="cpu",
                  test_error=None, seed_error=0.2, full_recipe_estimate_s=7200.0, samples_per_s=80.0),
    ]


def _cached(data, models, **_) -> Report:  # type: ignore[no-untyped-def]
    return Report(_rows(), data.name, len(data.train_labels), len(data.test_labels), cancelled=True)


def _no_plan(*_, **__) -> ReportPlan:  # type: ignore[no-untyped-def]
    return ReportPlan(())


@pytest.fixture
def german(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    install_language("de", qapp)
    yield
    install_language("en", qapp)


def _cache_a_shortened_run() -> None:
    """The report cache as a budget-shortened mlp run leaves it: its row and its checkpoint file (the picker only
    lists it; nothing is loaded)."""
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    row = replace(_rows()[1], checkpoint="mlp-shortened.pt")
    (folder / row.checkpoint).write_bytes(b"")
    (folder / "mlp-shortened.json").write_text(json.dumps({"version": CACHE_VERSION, "row": asdict(row)}))


@pytest.fixture
def zoo(german, qtbot, app_state, monkeypatch, tmp_path: Path) -> ZooTab:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CNNVIZ_DATA_DIR", str(tmp_path))  # a report cache of this test's own
    _cache_a_shortened_run()
    prefs = Preferences()
    prefs.zoo.models = "logistic,mlp,modern_cnn"
    tab = ZooTab(app_state, prefs, cached_report=_cached, plan_report=_no_plan)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _cells(table: QTableWidget) -> list[list[str]]:
    return [[item.text() if (item := table.item(r, c)) is not None else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


# English phrases the core writes into the report's cells and notes (each must be absent from the German window)
ENGLISH_REPORT = ("not trained", "needs ~", " of 10", "time budget", "would need about", "samples/s measured",
                  "Train it on", "is above the published", "The run was cancelled", "Rows from the cache")


def test_the_report_table_and_notes_are_german_and_the_markdown_stays_english(zoo: ZooTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = zoo.report_view
    qtbot.waitUntil(lambda: view.table.rowCount() == 3 and view.notes.text() != "")
    rows = {cells[0]: cells for cells in _cells(view.table)}
    assert rows["mlp"][2] == "2 von 10"
    assert rows["modern_cnn"][2] == "0 von 45" and rows["modern_cnn"][5] == "nicht trainiert"
    assert rows["modern_cnn"][3].startswith("braucht ~") and rows["modern_cnn"][3].endswith(" min")
    assert rows["logistic"][5] == "12,50%"  # figures written with German separators
    notes = view.notes.text()
    for german in ("mlp: 2 seiner üblichen 10 Epochen trainiert, um ins Zeitbudget zu passen",
                   "modern_cnn: nicht trainiert: Nicht einmal eine Epoche passt ins Zeitbudget",
                   "gemessen 1.234 Trainingsbeispiele/s", "NVIDIA-GPU (--device cuda)",
                   "logistic: 12,50% liegt über den veröffentlichten 8,0%.", "Der Lauf wurde abgebrochen",
                   "Zeilen aus dem Zwischenspeicher"):
        assert german in notes, f"{german!r} not in {notes!r}"
    shown = notes + "\n".join("|".join(cells) for cells in _cells(view.table))
    left = [phrase for phrase in ENGLISH_REPORT if phrase in shown]
    assert not left, f"the German report still shows {left}"
    assert "`" not in notes  # the label is plain text
    # the file written to disk is built from the same wordings and stays English, code marks and all
    report = _cached(zoo.state.data, [])
    markdown = report_markdown(report)
    assert "| mlp | 101,770 | 2 of 10 |" in markdown and "| needs ~2 h 00 min |" in markdown
    assert "(`--device cuda`)" in markdown and "Rows from the cache" in markdown
    assert [str(n) for n in report_notes(report)] == [line[2:] for line in markdown.splitlines() if line[:2] == "- "]


def test_the_lineage_shows_ideas_shapes_and_inception_branches_in_german(zoo: ZooTab) -> None:
    lineage = zoo.lineage_view
    zoo.views.setCurrentWidget(lineage)
    rows = {cells[0]: cells for cells in _cells(lineage.table)}
    entries = lineage_table()
    assert len(rows) == len(entries)
    for entry in entries:  # every idea (the famous networks' and the app's model descriptions) reads differently
        shown = rows[entry.name][2]
        assert shown and shown != str(entry.idea) and "{" not in shown, (entry.name, shown)
    assert rows["VGG-16"][2] == "Tiefe allein durch Stapel kleiner 3×3-Faltungen."
    assert rows["logistic"][2].startswith("Logistische Regression")
    assert str(MODELS["logistic"].description).startswith("Logistic regression")  # the core's English
    cmp = dense_vs_conv()
    text = lineage.comparison.text()
    assert "150.528 Eingänge × 1.000 Neuronen + Biaswerte" in text and "96 Filter × 11×11×3 + Biaswerte" in text
    assert str(cmp.conv_shape) == "96 filters × 11×11×3 + biases" and str(cmp.conv_shape) not in text
    branches = _cells(lineage.inception.table)
    anatomy = inception_anatomy("3a")
    assert [cells[0] for cells in branches] == ["1×1", "3×3", "5×5", "Pooling"]
    assert branches[2][1] == "1×1-Faltung 16 → 5×5-Faltung 32"  # 3a's 5×5 branch: a 16-map reduction, 32 maps out
    assert str(anatomy.branches[2].layers) == "1×1 conv 16 → 5×5 conv 32"
    assert branches[3][1] == "3×3-Max-Pooling → 1×1-Faltung 32"
    assert all(" conv " not in cell and "max pool" not in cell for cells in branches for cell in cells)


def test_an_error_the_zoo_raises_reads_in_german(german) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError) as caught:
        check_models(["resnet9000"])
    assert str(caught.value).startswith("unknown model(s) resnet9000; choose from: logistic")
    assert error_text(caught.value).startswith("Unbekannte(s) Modell(e) resnet9000; wähle aus: logistic")


def test_the_confusion_views_model_picker_names_a_shortened_run_in_german(zoo: ZooTab) -> None:
    from cnnviz.zoo.report import cached_checkpoints

    [(label, _)] = cached_checkpoints()
    assert str(label) == "mlp (2 of 10 epochs)"  # the core's English
    picker = zoo.confusion_view.source
    items = [picker.itemText(i) for i in range(picker.count())]
    assert "Aus dem Bericht: mlp (2 von 10 Epochen)" in items, items
    assert not any("epochs" in item for item in items)
