"""The Training lab draws the CNN's per-layer gradient norms and conv1's weight gradients while it trains."""

from __future__ import annotations

from typing import Any

import numpy as np
from PyQt6.QtCore import Qt

from cnnviz.lab import CNN_KEY, ComparisonConfig, ComparisonResult, ModelBatchMetrics, run_comparison
from ui.lab.live_plots import GRADIENT_IMAGES_TITLE
from ui.lab.tab import TrainingLabTab
from ui.preferences import LabPrefs, Preferences

TINY = ComparisonConfig(fc_hidden=32, conv1_filters=4, conv2_filters=8, epochs=1, batch_size=50,
                        train_samples=500, test_samples=200, device="cpu")


def test_gradient_curves_and_images_show_what_the_training_sampled(qtbot, app_state) -> None:  # type: ignore[no-untyped-def]
    prefs = Preferences()
    for name in vars(LabPrefs()):
        setattr(prefs.lab, name, getattr(TINY, name))
    prefs.lab.test_samples = TINY.test_samples or 0
    sampled: list[ModelBatchMetrics] = []

    def spying_run(config: ComparisonConfig, data: Any, on_batch: Any = None, **kw: Any) -> ComparisonResult:
        def batch(m: ModelBatchMetrics) -> None:
            if m.gradients is not None:
                sampled.append(m)
            on_batch(m)

        return run_comparison(config, data, on_batch=batch, **kw)

    tab = TrainingLabTab(app_state, prefs, run_comparison=spying_run)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    assert tab.plots.gradient_view.filters is None and "shown while training" in tab.plots.gradient_view.title.text()
    with qtbot.waitSignal(tab.run_finished, timeout=60_000):
        qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
    assert sampled and all(m.model == CNN_KEY for m in sampled)
    assert set(tab.plots.grad_items) == {"conv1", "conv2", "fc"}
    for layer, item in tab.plots.grad_items.items():
        x, y = item.getData()
        assert x is not None and y is not None
        expected = [m.gradients.norms[layer] for m in sampled if m.gradients is not None]
        np.testing.assert_allclose(10 ** np.asarray(y), expected, rtol=1e-5)  # a log axis holds log10 of them
        assert len(x) == len(sampled)
    last = sampled[-1]
    assert last.gradients is not None and last.gradients.first_conv is not None
    assert tab.plots.gradient_view.filters is not None
    np.testing.assert_array_equal(tab.plots.gradient_view.filters, last.gradients.first_conv)
    assert tab.plots.gradient_view.title.text() == f"{GRADIENT_IMAGES_TITLE} · epoch 1, batch {last.batch}/10"
