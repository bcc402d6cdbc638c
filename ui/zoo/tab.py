"""The "Model zoo" tab: lays out its four panels; each panel computes through ``cnnviz.zoo`` on its own.

Services (the report builder, the cache reader, the planner, the evaluation) are passed in, so tests and
tools can use quick or fake ones without patching module globals.
"""

from __future__ import annotations

from PyQt6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from cnnviz.training.trainer import evaluate_unless_stopped
from cnnviz.zoo.report import build_report, cached_report, plan
from ui.i18n import translate
from ui.preferences import Preferences
from ui.state import AppState
from ui.zoo.confusion_view import ConfusionView, Evaluate
from ui.zoo.lineage_view import LineageView
from ui.zoo.receptive_view import ReceptiveFieldView
from ui.zoo.report_view import BuildReport, CachedReport, PlanReport, ReportView


class ZooTab(QWidget):
    def __init__(self, state: AppState, prefs: Preferences, *, build_report: BuildReport = build_report,
                 cached_report: CachedReport = cached_report, plan_report: PlanReport = plan,
                 evaluate: Evaluate = evaluate_unless_stopped) -> None:
        super().__init__()
        self.state = state
        self.report_view = ReportView(state, prefs.zoo, build=build_report, cached=cached_report,
                                      plan_report=plan_report)
        self.lineage_view = LineageView()
        self.confusion_view = ConfusionView(state, evaluate=evaluate)
        self.receptive_view = ReceptiveFieldView()
        self.views = QTabWidget()
        self.views.addTab(self.report_view, translate("ZooTab", "Accuracy report"))
        self.views.addTab(self.lineage_view, translate("ZooTab", "Lineage"))
        self.views.addTab(self.confusion_view, translate("ZooTab", "Where it errs"))
        self.views.addTab(self.receptive_view, translate("ZooTab", "Receptive fields"))
        self.views.setAccessibleName(translate("ZooTab", "Model zoo views"))
        self.views.setAccessibleDescription(translate("ZooTab", "Accuracy report, lineage of networks, where a model "
                                                      "errs, and receptive fields"))
        bar = self.views.tabBar()
        if bar is not None:
            bar.setAccessibleName(translate("ZooTab", "Model zoo views"))
            bar.setAccessibleDescription(translate("ZooTab", "Choose one of the zoo's four views"))
        self.report_view.report_ready.connect(self.confusion_view.refresh_sources)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.views)
