"""A lesson as a small, versioned, validated JSON document: a title and steps, each step the app state to set
and the teacher's text (numbers in it are placeholders, filled from the live model at show time).

Every problem found when reading a file is one sentence naming the file, the step and the field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnnviz.lessons.placeholders import placeholder_problems
from cnnviz.wording import Wording, worded, worded_error

FORMAT = "cnnviz-lesson"
VERSION = 1
TABS = ("draw", "filters", "explain", "lab", "zoo")
VIEWS = {"explain": ("cell", "saliency", "probe"), "zoo": ("report", "lineage", "confusion", "receptive")}
EXERCISES = ("cell_value", "pool_winner", "prediction", "vertical_edge", "parameters")
DRAWING_SIZE = 28  # a saved drawing: 28×28 grey levels 0–255, row by row


class LessonError(ValueError):
    """A lesson file that cannot be used; the message is one sentence naming the file and field."""


@dataclass(frozen=True)
class Exercise:
    kind: str  # one of EXERCISES
    stage: str | None = None  # which stage it asks about (None: the first one that fits)


@dataclass(frozen=True)
class Step:
    """The app state one step sets, what the teacher says about it, and an optional exercise.

    ``digit`` is a test-set index, ``digit_class`` the first test digit of that class, ``drawing`` a 28×28
    picture (0–255); at most one of them. ``map`` is the feature map (from 0) the Draw tab enlarges;
    ``cell`` (stage, map, row, col) the cell Behind a number explains, or (stage, map) for that map's strongest
    cell; ``highlight`` a target name
    (``ui/lessons/targets.py``)."""

    text: str
    tab: str = "draw"
    model: str = "current"
    view: str | None = None  # a view inside the tab (VIEWS)
    digit: int | None = None
    digit_class: int | None = None
    drawing: tuple[int, ...] | None = None
    stage: str | None = None
    map: int | None = None
    cell: tuple[str | int, ...] | None = None  # (stage, map, row, col) or (stage, map): counted from 0
    highlight: str | None = None
    exercise: Exercise | None = None
    shuffle: bool = False  # the digit with its pixels in one fixed shuffled order (cnnviz.lessons.measures)


@dataclass(frozen=True)
class Lesson:
    title: str
    steps: tuple[Step, ...]
    hide: tuple[str, ...] = field(default=())  # controls hidden while the lesson runs (target names)
    version: int = VERSION


def _fail(source: str, where: Wording | str, problem: Wording) -> LessonError:
    return worded_error(LessonError, "{source}: {where}{problem}.", source=source, where=where, problem=problem)


def _int(value: Any, source: str, where: Wording | str, name: str, low: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise _fail(source, where, worded("“{name}” must be a whole number ≥ {low} (got {value})", name=name, low=low,
                                          value=repr(value)))
    return value


def _text(value: Any, source: str, where: Wording | str, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(source, where, worded("“{name}” must be some text (got {value})", name=name, value=repr(value)))
    return value


def parse_step(raw: Any, source: str, number: int, targets: frozenset[str] | None = None) -> Step:
    where = worded("step {number}: ", number=number)
    if not isinstance(raw, dict):
        raise _fail(source, where, worded("must be an object with “text” and the state to set"))
    known = {"text", "tab", "model", "view", "digit", "digit_class", "drawing", "stage", "map", "cell", "highlight",
             "exercise", "shuffle"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise _fail(source, where, worded("unknown field “{field}” (known: {known})", field=unknown[0],
                                          known=", ".join(sorted(known))))
    text = _text(raw.get("text"), source, where, "text")
    problems = placeholder_problems(text)
    if problems:
        raise _fail(source, where, worded("“text” has {problem}", problem=problems[0]))
    tab = raw.get("tab", "draw")
    if tab not in TABS:
        raise _fail(source, where, worded("unknown tab “{tab}” (choose one of {tabs})", tab=tab, tabs=", ".join(TABS)))
    view = raw.get("view")
    if view is not None and view not in VIEWS.get(tab, ()):
        choices: Wording | str = ", ".join(VIEWS.get(tab, ())) or worded("none")
        raise _fail(source, where, worded("unknown view “{view}” for the {tab} tab (choose one of {choices})",
                                          view=view, tab=tab, choices=choices))
    model = raw.get("model", "current")
    from cnnviz.models.registry import MODELS

    if model != "current" and model not in MODELS:
        raise _fail(source, where, worded("unknown model “{model}” (use “current” or one of {models})", model=model,
                                          models=", ".join(MODELS)))
    pictures = [k for k in ("digit", "digit_class", "drawing") if raw.get(k) is not None]
    if len(pictures) > 1:
        raise _fail(source, where, worded("give one of “digit”, “digit_class” and “drawing”, not {given}",
                                          given=" and ".join(pictures)))
    digit = None if raw.get("digit") is None else _int(raw["digit"], source, where, "digit")
    digit_class = None if raw.get("digit_class") is None else _int(raw["digit_class"], source, where, "digit_class")
    drawing = raw.get("drawing")
    if drawing is not None:
        if (not isinstance(drawing, list) or len(drawing) != DRAWING_SIZE**2
                or not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 255 for v in drawing)):
            raise _fail(source, where, worded("“drawing” must be {n} grey levels from 0 to 255",
                                              n=DRAWING_SIZE * DRAWING_SIZE))
        drawing = tuple(drawing)
    stage = raw.get("stage")
    if stage is not None:
        stage = _text(stage, source, where, "stage")
    fmap = None if raw.get("map") is None else _int(raw["map"], source, where, "map")
    cell = raw.get("cell")
    if cell is not None:
        if (not isinstance(cell, list) or len(cell) not in (2, 4) or not isinstance(cell[0], str)
                or not cell[0]):
            raise _fail(source, where, worded("“cell” must be [stage, map, row, column] or [stage, map] (that map's "
                                              "strongest cell), counted from 0"))
        cell = (cell[0], *(_int(v, source, where, "cell") for v in cell[1:]))
    highlight = raw.get("highlight")
    if highlight is not None and targets is not None and highlight not in targets:
        raise _fail(source, where, worded("unknown highlight “{highlight}” (known: {known})", highlight=highlight,
                                          known=", ".join(sorted(targets))))
    exercise = None
    if raw.get("exercise") is not None:
        ex = raw["exercise"]
        if not isinstance(ex, dict) or ex.get("kind") not in EXERCISES:
            raise _fail(source, where, worded("“exercise” needs a “kind”, one of {kinds}", kinds=", ".join(EXERCISES)))
        ex_stage = ex.get("stage")
        exercise = Exercise(ex["kind"], None if ex_stage is None else _text(ex_stage, source, where, "stage"))
    shuffle = raw.get("shuffle", False)
    if not isinstance(shuffle, bool):
        raise _fail(source, where, worded("“shuffle” must be true or false (got {value})", value=repr(shuffle)))
    if shuffle and not pictures:
        raise _fail(source, where, worded("“shuffle” needs the “digit”, “digit_class” or “drawing” to shuffle"))
    return Step(text, tab, model, view, digit, digit_class, drawing, stage, fmap, cell, highlight, exercise, shuffle)


def parse_lesson(raw: Any, source: str, targets: frozenset[str] | None = None) -> Lesson:
    """The lesson in ``raw`` (parsed JSON); ``source`` names it in errors; ``targets``: the highlight and hide
    names the app knows (None: not checked)."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise worded_error(LessonError, "{source}: this is not a cnnviz lesson (it needs \"format\": \"{format}\").",
                           source=source, format=FORMAT)
    version = raw.get("version")
    if version != VERSION:
        raise worded_error(LessonError, "{source}: lesson version {version} is not one this cnnviz reads (it reads "
                           "version {reads}); save it again from a matching cnnviz.", source=source,
                           version=repr(version), reads=VERSION)
    title = _text(raw.get("title"), source, "", "title")
    steps = raw.get("steps")
    if not isinstance(steps, list) or not steps:
        raise worded_error(LessonError, "{source}: “steps” must be a list with at least one step.", source=source)
    hide = raw.get("hide", [])
    if not isinstance(hide, list) or not all(isinstance(h, str) for h in hide):
        raise worded_error(LessonError, "{source}: “hide” must be a list of control names.", source=source)
    if targets is not None:
        for name in hide:
            if name not in targets:
                raise worded_error(LessonError, "{source}: “hide” names an unknown control “{name}”.", source=source,
                                   name=name)
    return Lesson(title, tuple(parse_step(s, source, i + 1, targets) for i, s in enumerate(steps)), tuple(hide))


def step_to_dict(step: Step) -> dict[str, Any]:
    out: dict[str, Any] = {"text": step.text, "tab": step.tab}
    for name in ("model", "view", "digit", "digit_class", "stage", "map", "highlight"):
        value = getattr(step, name)
        if value is not None and not (name == "model" and value == "current"):
            out[name] = value
    if step.drawing is not None:
        out["drawing"] = list(step.drawing)
    if step.cell is not None:
        out["cell"] = list(step.cell)
    if step.shuffle:
        out["shuffle"] = True
    if step.exercise is not None:
        out["exercise"] = {"kind": step.exercise.kind} | ({"stage": step.exercise.stage} if step.exercise.stage
                                                          else {})
    return out


def lesson_to_dict(lesson: Lesson) -> dict[str, Any]:
    out: dict[str, Any] = {"format": FORMAT, "version": lesson.version, "title": lesson.title}
    if lesson.hide:
        out["hide"] = list(lesson.hide)
    out["steps"] = [step_to_dict(s) for s in lesson.steps]
    return out


def load_lesson(path: str | Path, targets: frozenset[str] | None = None) -> Lesson:
    """Read and check a lesson file; ``LessonError`` names the file and what is wrong."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise worded_error(LessonError, "{file}: the file could not be read ({reason}).", file=path.name,
                           reason=exc.strerror or str(exc)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = worded(" (line {line})", line=exc.lineno) if isinstance(exc, json.JSONDecodeError) else ""
        raise worded_error(LessonError, "{file}: this is not a JSON lesson file{where}.", file=path.name,
                           where=where) from None
    return parse_lesson(raw, path.name, targets)


def dumps(value: Any, indent: str = "") -> str:
    """JSON with objects and lists of objects one item a line, and plain lists (a cell, a drawing) on one line."""
    inner = indent + " "
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k)}: {dumps(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        return "[\n" + ",\n".join(inner + dumps(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False)


def save_lesson(lesson: Lesson, path: str | Path) -> None:
    Path(path).write_text(dumps(lesson_to_dict(lesson)) + "\n", encoding="utf-8")
