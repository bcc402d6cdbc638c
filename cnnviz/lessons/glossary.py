"""Every term the app uses, with a one-line definition and where the app shows it (tab, view, target name:
``ui/lessons/targets.py`` resolves the target to the widget the glossary's "Show me" highlights)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    name: str
    definition: str
    tab: str  # where the app shows it (cnnviz.lessons.schema.TABS)
    target: str  # the widget to highlight there
    view: str | None = None  # a view inside the tab


GLOSSARY: tuple[Term, ...] = tuple(sorted((
    Term("Activation", "A neuron's output after its non-linearity (ReLU, tanh); what a feature map shows.",
         "draw", "draw.focus"),
    Term("Batch norm", "Rescales each channel by statistics learned in training so deep stacks train steadily; "
         "at inference it folds into the convolution's weights and bias.", "explain", "explain.breakdown", "cell"),
    Term("Bias", "The number added to a neuron's weighted sum before the activation.", "explain",
         "explain.breakdown", "cell"),
    Term("Convolution", "Sliding one small filter over every position of its input and taking a dot product "
         "at each: the same weights everywhere.", "explain", "explain.cell", "cell"),
    Term("Dot product", "Multiply two lists number by number and add the products: what every cell of a "
         "convolution computes.", "explain", "explain.breakdown", "cell"),
    Term("Epoch", "One pass of training over every training digit.", "lab", "lab.controls"),
    Term("Feature map", "One filter's response at every position of its input: a picture of where its "
         "pattern is.", "draw", "draw.stages"),
    Term("Filter (kernel)", "A small grid of learned weights that a convolution slides over its input.",
         "filters", "filters.learned"),
    Term("Flatten", "Lays a stack of maps out as one long list of numbers for the fully connected layer.",
         "draw", "draw.dimensions"),
    Term("Fully connected layer", "Every input wired to every output with its own weight (also: dense layer).",
         "lab", "lab.controls"),
    Term("Grad-CAM", "A heat map of where the last convolution's maps pushed the chosen class's score, "
         "weighted by the gradient.", "explain", "explain.views", "saliency"),
    Term("Logits", "The last layer's raw scores, one per class, before softmax.", "draw", "draw.chart"),
    Term("Max pooling", "Keeps the largest value of each small window, shrinking the map.", "draw",
         "draw.pool_zoom"),
    Term("Occlusion", "Covering part of the input and watching the prediction change, to see what mattered.",
         "explain", "explain.views", "saliency"),
    Term("Padding", "A border of zeros around the input so windows fit at the edges and the map keeps its size.",
         "explain", "explain.cell", "cell"),
    Term("Parameter", "A number the network learns: a weight or a bias.", "zoo", "zoo.lineage_table", "lineage"),
    Term("Pooling", "Summarising each small window of a map by one value (its maximum or average).", "draw",
         "draw.pool_zoom"),
    Term("Receptive field", "The patch of the input one cell can see, through every layer before it.", "explain",
         "explain.cell", "cell"),
    Term("ReLU", "Rectified linear unit: keeps positive values and turns negative ones into 0.", "draw",
         "draw.focus"),
    Term("Residual (skip) connection", "Adds a block's input to its output, so very deep networks still train.",
         "zoo", "zoo.lineage_table", "lineage"),
    Term("Saliency", "How much each input pixel changes the class score: the gradient, drawn as a map.",
         "explain", "explain.views", "saliency"),
    Term("Softmax", "Turns the logits into probabilities that are positive and add up to one.", "draw",
         "draw.chart"),
    Term("Stride", "How far a window moves between positions; a stride of two halves the map.", "draw",
         "draw.pool_zoom"),
    Term("Test accuracy", "The share of test digits, never seen in training, that the network gets right.",
         "lab", "lab.results"),
    Term("Weight", "The learned number a connection multiplies its input by.", "filters", "filters.learned"),
), key=lambda t: t.name.lower()))
