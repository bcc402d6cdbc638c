"""The README's accuracy table is the committed report's: docs/report/report.md's rows, verbatim, and those
rows say what docs/report/report.json (written by the same `cnnviz report` run) holds."""

from __future__ import annotations

import json
from pathlib import Path

from cnnviz.models import MODELS, build_model, count_parameters
from cnnviz.zoo.report_format import format_percent

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "report"


def _table_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| Model |")]


def test_the_readme_accuracy_table_is_the_committed_reports_and_the_json_agrees() -> None:
    rows = _table_rows((REPORT / "report.md").read_text())
    readme = (ROOT / "README.md").read_text()
    missing = [row for row in rows if row not in readme]
    assert rows and not missing, f"README.md's accuracy table is not docs/report/report.md's: {missing}"
    for entry in json.loads((REPORT / "report.json").read_text())["rows"]:
        cells = [c.strip() for c in next(r for r in rows if r.startswith(f"| {entry['model']} |")).split("|")[1:-1]]
        assert cells[4] == entry["device"] and cells[5] == format_percent(entry["test_error"])
        assert cells[6] == format_percent(entry["tta_error"])
        # the committed numbers belong to the models as they are built today (a changed width needs a new run)
        assert entry["parameters"] == count_parameters(build_model(entry["model"])), entry["model"]
        assert entry["epochs"] == MODELS[entry["model"]].recipe.epochs, entry["model"]
