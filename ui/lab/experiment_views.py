"""The Training lab experiments' results: one view per experiment, each a table, what was measured, and a
sentence computed from the numbers (shuffled pixels adds a bar chart and one digit before and after).

The numbers and the facts the sentences state come from the core (``cnnviz.lab.experiments``); these views
only word and draw them.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from cnnviz.data import MnistData
from cnnviz.features.pictures import unit_rgb
from cnnviz.lab.config import ComparisonConfig
from cnnviz.lab.experiments import (
    DepthOutcome,
    DepthRow,
    ShuffledOutcome,
    ShuffledPixels,
    Trial,
    depth_outcome,
    depth_rows,
    shuffle_pixels,
    shuffled_outcome,
)
from cnnviz.wording import Wording
from ui.i18n import number_text, translate, worded
from ui.theme import CNN_COLOR, FC_COLOR
from ui.widgets.bar_legend import bar_legend
from ui.widgets.lazy import restyle_plots
from ui.widgets.picture import image_view_box
from ui.widgets.tables import fill_table, fit_height, make_table

DIGIT_PIXELS = 112  # each of the two digits (28 × 4 screen pixels)
CHART_HEIGHT = 240
OPTIMIZER_NAMES = {"adam": "Adam", "sgd": "SGD"}


def errors_text(errors: int | None, tested: int) -> str:
    return "—" if errors is None or errors < 0 else number_text(f"{errors:,} / {tested:,}")


def accuracy_text(trial: Trial | None) -> str:
    return "—" if trial is None or trial.cancelled else number_text(f"{trial.test_accuracy:.1%}")


def loss_text(trial: Trial | None) -> str:
    return "—" if trial is None or trial.cancelled else number_text(f"{trial.train_loss:.3f}")


def recipe_text(config: ComparisonConfig, data: MnistData) -> str:
    """On which data and with which recipe: the same words under every experiment."""
    tested = config.test_samples or len(data.test_labels)
    return translate(
        "ExperimentView",
        "Data: the same {train:,} training images of {data} for every model (seed {seed}), tested on {test:,} "
        "test images. Recipe: epochs {epochs}, batches of {batch}, {optimizer} at learning rate {lr:g}.",
    ).format(train=config.train_samples, data=data.name, seed=config.seed, test=tested, epochs=config.epochs,
             batch=config.batch_size, optimizer=OPTIMIZER_NAMES.get(config.optimizer, config.optimizer),
             lr=config.lr)


def wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class ExperimentView(QWidget):
    """What every experiment's view has: what was measured, the table, and the sentence about the outcome."""

    def __init__(self, columns: Sequence[str], intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.about = wrapped(intro)
        self.table = make_table(columns, stretch=0)
        self.table.setAccessibleName(translate("ExperimentView", "Experiment results"))
        self.table.setAccessibleDescription(translate("ExperimentView", "One row per model trained, with its numbers"))
        self.outcome = wrapped()
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.about, self.table, self.outcome):
            self.column.addWidget(widget)
        self.column.addStretch(1)  # short pages keep their text at the top
        self.table.hide()  # until there are numbers

    def fill(self, rows: Sequence[Sequence[str]], about: str, outcome: str) -> None:
        fill_table(self.table, rows, numeric=set(range(1, self.table.columnCount())))
        self.table.show()
        fit_height(self.table)
        self.about.setText(about)
        self.outcome.setText(outcome)

    def rows(self) -> list[list[str]]:
        """The table's text, row by row (what a reader sees)."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]  # type: ignore[union-attr]
                for r in range(self.table.rowCount())]


def shuffled_sentence(o: ShuffledOutcome) -> str:
    """Whether the CNN's lead over the FC network shrank when the pixels were shuffled, from the error counts."""
    if o.lead_plain <= 0:
        lead = translate("ShuffledView", "On the images as they are the CNN had no lead here ({cnn:,} errors against "
                         "the FC network's {fc:,}): train longer or on more images to see the effect.")
    elif o.lead_shuffled >= o.lead_plain:
        lead = translate("ShuffledView", "The CNN's lead did not shrink: {plain:,} fewer errors than the FC network "
                         "on the images as they are, {shuffled:,} with the pixels shuffled.")
    elif o.lead_shuffled > 0:
        lead = translate("ShuffledView", "The CNN's lead shrank from {plain:,} fewer errors than the FC network to "
                         "{shuffled:,} once the pixels were shuffled: its small filters rely on neighbouring pixels.")
    else:
        lead = translate("ShuffledView", "The CNN's lead of {plain:,} errors was gone once the pixels were shuffled "
                         "(it made {behind:,} more errors than the FC network): its small filters rely on "
                         "neighbouring pixels.")
    fc = translate("ShuffledView", "The FC network made {fc:,} errors on the images as they are and {fc_s:,} with "
                   "the pixels shuffled.")
    values = {"cnn": o.cnn_plain, "fc": o.fc_plain, "plain": o.lead_plain, "shuffled": o.lead_shuffled,
              "behind": -o.lead_shuffled, "fc_s": o.fc_shuffled}
    return f"{lead.format(**values)} {fc.format(**values)}"


class ShuffledView(ExperimentView):
    """FC and CNN test errors on plain and shuffled images: a table, a bar chart, and one image shuffled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([translate("ShuffledView", "Model"), translate("ShuffledView", "Parameters"),
                          translate("ShuffledView", "Test errors, as they are"),
                          translate("ShuffledView", "Test errors, pixels shuffled")],
                         translate("ShuffledView", "The FC network and the CNN, trained on the images as they are "
                                   "and on the same images with every pixel moved to another place (the same "
                                   "places for every image). The FC network never knew which pixels were "
                                   "neighbours; the CNN's filters assume they belong together."), parent)
        self.chart = pg.PlotWidget()
        self.chart.setFixedHeight(CHART_HEIGHT)
        self.chart.setMenuEnabled(False)
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.setAccessibleName(translate("ShuffledView", "Test errors chart"))
        self.chart.setAccessibleDescription(translate("ShuffledView", "Bars of the FC network's and the CNN's test "
                                                      "errors, on the images as they are and shuffled; the table "
                                                      "holds the same numbers"))
        self.chart.setLabel("left", translate("ShuffledView", "test errors"))
        self.chart.setTitle(translate("ShuffledView", "Test errors"))
        bar_legend(self.chart)  # top right, over the room left free right of the bars
        self.chart.getAxis("bottom").setTicks([[(0.5, translate("ShuffledView", "as they are")),
                                                (3.5, translate("ShuffledView", "pixels shuffled"))]])
        self.chart.hide()
        self.digits = pg.GraphicsLayoutWidget()
        self.digits.setFixedSize(2 * DIGIT_PIXELS + 40, DIGIT_PIXELS + 40)
        self.digits.setAccessibleName(translate("ShuffledView", "One image before and after shuffling"))
        self.digits.setAccessibleDescription(translate("ShuffledView", "The first test image as it is and with "
                                                       "its pixels moved as the experiment moves them"))
        self.digit_items: list[pg.ImageItem] = []
        for title in (translate("ShuffledView", "as it is"), translate("ShuffledView", "shuffled")):
            box = image_view_box()
            item = pg.ImageItem()
            box.addItem(item)
            self.digits.addLabel(title, row=0, col=len(self.digit_items))
            self.digits.addItem(box, row=1, col=len(self.digit_items))
            self.digit_items.append(item)
        row = QHBoxLayout()
        row.addWidget(self.chart, 1)
        row.addWidget(self.digits)
        self.column.insertLayout(2, row)

    def show_digit(self, data: MnistData, seed: int = 0) -> None:
        """The first test image, and the same image with the experiment's permutation."""
        image = data.test_images[:1]  # (1, H, W) or (1, H, W, 3)
        for item, picture in zip(self.digit_items, (image, shuffle_pixels(image, seed)), strict=True):
            item.setImage(unit_rgb(picture[0]), autoLevels=False, levels=(0, 255))

    def show_result(self, result: ShuffledPixels, data: MnistData) -> None:
        tested, config = result.plain.fc.test_samples, result.plain.config
        rows = [(shown_model_name(label), number_text(f"{params:,}"), errors_text(plain, tested),
                 errors_text(shuffled, tested)) for label, params, plain, shuffled in result.table()]
        outcome = shuffled_outcome(result)
        about = translate("ShuffledView", "Measured: the test errors of {fc} and {cnn}, each trained from scratch "
                          "twice: on the images as they are and with their pixels shuffled.").format(
            fc=worded(config.fc_label), cnn=worded(config.cnn_label))
        self.fill(rows, f"{about} {recipe_text(result.plain.config, data)}",
                  "" if outcome is None else shuffled_sentence(outcome))
        self.show_digit(data)
        if outcome is not None:
            self._draw(outcome)

    def _draw(self, o: ShuffledOutcome) -> None:
        self.chart.clear()
        legend = self.chart.plotItem.legend
        if legend is not None:
            legend.clear()
        for name, colour, x, heights in (("FC", FC_COLOR, [0, 3], [o.fc_plain, o.fc_shuffled]),
                                         ("CNN", CNN_COLOR, [1, 4], [o.cnn_plain, o.cnn_shuffled])):
            self.chart.addItem(pg.BarGraphItem(x=x, height=heights, width=0.9, brush=colour, name=name))
        self.chart.setXRange(-0.8, 6.2)
        self.chart.show()
        restyle_plots(self)


def pooling_name(kind: str) -> str:
    names = {"max": translate("PoolingView", "Max pooling"), "average": translate("PoolingView", "Average pooling"),
             "stride-2 conv": translate("PoolingView", "Stride-2 convolutions"),
             "global average": translate("PoolingView", "Global average pooling")}
    return names.get(kind, kind)


def shown_model_name(name: str | Wording) -> str:
    """The core's name of one of an experiment's models (in its results and progress) as the reader sees it:
    a pooling kind by its name here, any other (``fc_label``, ``cnn_label``, a depth trial's) in its words."""
    return worded(name) if isinstance(name, Wording) else pooling_name(name)


class PoolingView(ExperimentView):
    """The same CNN with four ways to make its maps smaller: accuracy, parameters and time side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([translate("PoolingView", "Downsampling"), translate("PoolingView", "Parameters"),
                          translate("PoolingView", "Test accuracy"), translate("PoolingView", "Test errors"),
                          translate("PoolingView", "Seconds")],
                         translate("PoolingView", "The lab's CNN four times, each with another way to make its "
                                   "maps smaller: max pooling, average pooling, convolutions that skip every "
                                   "other position (stride 2), and one average per map before the classifier "
                                   "(global average pooling)."), parent)

    def show_result(self, trials: Sequence[Trial], config: ComparisonConfig, data: MnistData) -> None:
        rows = [(shown_model_name(t.name), number_text(f"{t.parameters:,}"), accuracy_text(t),
                 errors_text(t.test_errors, t.tested), number_text(f"{t.seconds:.2f}")) for t in trials]
        about = translate("PoolingView", "Measured: the lab's CNN ({c1}/{c2} filters) with each kind of "
                          "downsampling, trained from scratch from the same starting seed.").format(
            c1=config.conv1_filters, c2=config.conv2_filters)
        done = [t for t in trials if not t.cancelled]
        outcome = ""
        if done:
            best, small = max(done, key=lambda t: t.test_accuracy), min(done, key=lambda t: t.parameters)
            outcome = translate("PoolingView", "Most accurate here: {best} ({accuracy}). Fewest parameters: {small} "
                                "({parameters:,}).").format(best=shown_model_name(best.name),
                                                           accuracy=accuracy_text(best),
                                                           small=shown_model_name(small.name),
                                                           parameters=small.parameters)
        self.fill(rows, f"{about} {recipe_text(config, data)}", outcome)


def depth_sentence(o: DepthOutcome, depths_run: int) -> str:
    """What the plain stacks did as they got deeper, and where skips helped, from the training losses."""
    if o.plain_got_worse:
        plain = translate("DepthView", "Without skips the {deep}-layer stack ended training with a higher loss than "
                          "the {shallow}-layer one ({deep_loss:.3f} against {shallow_loss:.3f}): more layers, "
                          "trained worse.")
    else:
        plain = translate("DepthView", "Without skips the {deep}-layer stack still trained as well as the "
                          "{shallow}-layer one ({deep_loss:.3f} against {shallow_loss:.3f}): with this recipe, depth "
                          "did not hurt yet.")
    skips = translate("DepthView", "With skips the training loss was lower at {better} of the {run} depths run.")
    values = {"deep": o.deep, "shallow": o.shallow, "deep_loss": o.plain_loss_deep,
              "shallow_loss": o.plain_loss_shallow, "better": len(o.skips_better_at), "run": depths_run}
    return f"{plain.format(**values)} {skips.format(**values)}"


class DepthView(ExperimentView):
    """Per depth: training loss and test accuracy of the plain stack and of the same stack with skips."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([translate("DepthView", "Layers"), translate("DepthView", "Train loss, plain"),
                          translate("DepthView", "Train loss, skips"), translate("DepthView", "Test acc., plain"),
                          translate("DepthView", "Test acc., skips"), translate("DepthView", "Seconds")],
                         translate("DepthView", "Stacks of 3×3 convolutions with batch norm, plain and with skip "
                                   "connections (each pair of layers adds its input to its output, as in ResNet), "
                                   "at growing depth. Without skips a deeper network can train worse, not better."),
                         parent)

    def show_result(self, depths: Sequence[int], trials: Sequence[Trial], config: ComparisonConfig,
                    data: MnistData) -> None:
        table = depth_rows(depths, trials)
        self.fill([self._row(r) for r in table], self._about(depths, config, data), self._sentence(table))

    @staticmethod
    def _row(r: DepthRow) -> tuple[str, ...]:
        seconds = " / ".join("—" if t is None else number_text(f"{t.seconds:.2f}") for t in (r.plain, r.residual))
        return (str(r.depth), loss_text(r.plain), loss_text(r.residual), accuracy_text(r.plain),
                accuracy_text(r.residual), seconds)

    @staticmethod
    def _about(depths: Sequence[int], config: ComparisonConfig, data: MnistData) -> str:
        about = translate("DepthView", "Measured: the last epoch's training loss and the test accuracy of a plain "
                          "stack and a stack with skips at {depths} layers, all from the same seed (seconds: plain / "
                          "with skips). Batch norm's statistics are recomputed on training images after training, "
                          "before testing.").format(
            depths=", ".join(str(d) for d in depths))
        return f"{about} {recipe_text(config, data)}"

    @staticmethod
    def _sentence(table: Sequence[DepthRow]) -> str:
        outcome = depth_outcome(table)
        if outcome is None:
            return translate("DepthView", "Finish at least two depths to compare them.")
        return depth_sentence(outcome, sum(r.plain is not None and r.residual is not None for r in table))
