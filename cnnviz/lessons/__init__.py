"""Lessons: versioned JSON documents whose steps set the app's state and whose numbers are computed live;
exercises generated from the live capture; the glossary. Qt-free (the UI is ``ui/lessons``)."""

from __future__ import annotations

from importlib import resources

from cnnviz.lessons.placeholders import Facts, Rendered, placeholder_problems, render, typed_numbers
from cnnviz.lessons.schema import (
    EXERCISES,
    TABS,
    VERSION,
    Exercise,
    Lesson,
    LessonError,
    Step,
    lesson_to_dict,
    load_lesson,
    parse_lesson,
    save_lesson,
)


def builtin_lessons() -> list[Lesson]:
    """The lessons shipped with cnnviz (``cnnviz/lessons/builtin/*.json``), in teaching order."""
    import json

    folder = resources.files("cnnviz.lessons") / "builtin"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".json")), key=lambda f: f.name)
    return [parse_lesson(json.loads(f.read_text(encoding="utf-8")), f.name) for f in files]


__all__ = [
    "EXERCISES",
    "TABS",
    "VERSION",
    "Exercise",
    "Facts",
    "Lesson",
    "LessonError",
    "Rendered",
    "Step",
    "builtin_lessons",
    "lesson_to_dict",
    "load_lesson",
    "parse_lesson",
    "placeholder_problems",
    "render",
    "save_lesson",
    "typed_numbers",
]
