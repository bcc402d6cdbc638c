"""Lesson files (round trip, bad files), placeholders filled from the live model, exercises and the measures
checked against independent computations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from cnnviz.data.transforms import to_model_input
from cnnviz.introspect import SOBEL_VERTICAL, capture
from cnnviz.lab import ComparisonConfig
from cnnviz.lab.experiments import pixel_permutation, shuffle_pixels
from cnnviz.lessons import (
    Facts,
    LessonError,
    builtin_lessons,
    lesson_to_dict,
    load_lesson,
    parse_lesson,
    render,
    save_lesson,
    typed_numbers,
)
from cnnviz.lessons.exercises import Score, make_question
from cnnviz.lessons.measures import fit_linear
from cnnviz.lessons.placeholders import PATTERN

MODEL_FREE = ("lineage", "label")  # kinds whose values depend on neither the model nor the lab's form
NUMBER = re.compile(r"(?<![A-Za-z_\d])(?<![A-Za-z]-)\d")


@pytest.fixture(scope="module")
def second_explorer(mnist):  # type: ignore[no-untyped-def]
    """Another explorer CNN: other sizes (6 and 12 filters), another seed, fewer digits."""
    from cnnviz.training import train_model

    trained = train_model("explorer_cnn", mnist, epochs=1, subset=3_000, seed=1, batch_size=64, lr=2e-3,
                          schedule="none", model_kwargs={"conv1_filters": 6, "conv2_filters": 12})
    return trained.model, trained.meta


def _facts(mnist, model, meta, config: ComparisonConfig, index: int = 0) -> Facts:  # type: ignore[no-untyped-def]
    return Facts(mnist, model, meta, capture(model, mnist.test_images[index]), int(mnist.test_labels[index]), config)


def test_the_eight_lessons_ship_in_teaching_order() -> None:
    titles = [lesson.title for lesson in builtin_lessons()]
    assert len(titles) == 8
    for title, word in zip(titles, ("edge", "filter", "ReLU", "pooling", "pipeline", "FC", "shuffled", "LeNet"),
                           strict=True):
        assert word.lower() in title.lower()


def test_every_number_shown_is_computed_from_the_live_model(mnist, trained_explorer, second_explorer) -> None:  # type: ignore[no-untyped-def]
    """Each shipped lesson rendered against two different models: no number is typed into a lesson, every
    number in the rendered text comes from a placeholder, and the texts differ wherever the model matters."""
    (model_a, meta_a, _), (model_b, meta_b) = trained_explorer, second_explorer
    facts_a = _facts(mnist, model_a, meta_a, ComparisonConfig())
    facts_b = _facts(mnist, model_b, meta_b, ComparisonConfig(fc_hidden=64, train_samples=2_000, epochs=5))
    for lesson in builtin_lessons():
        for n, step in enumerate(lesson.steps, start=1):
            where = f"{lesson.title}, step {n}"
            assert typed_numbers(step.text) == [], where
            a, b = render(step.text, facts_a), render(step.text, facts_b)
            for rendered in (a, b):
                assert not NUMBER.search(rendered.literal), where  # the numbers are all in the values
                values = iter(rendered.values)  # the text is exactly the literal parts and the values, in order
                assert PATTERN.sub(lambda _m: next(values), step.text) == rendered.text, where  # noqa: B023
                unavailable = [v for v in rendered.values if v.startswith("[")]
                assert all(v == "[not run yet]" for v in unavailable), (where, unavailable)  # the lab's results only
            kinds = {m.group(1) for m in PATTERN.finditer(step.text)}
            if kinds - set(MODEL_FREE) and any(NUMBER.search(v) for v in a.values):
                assert a.text != b.text, where


def test_placeholders_match_independent_computations(mnist, trained_explorer) -> None:  # type: ignore[no-untyped-def]
    model, meta, _ = trained_explorer
    facts = _facts(mnist, model, meta, ComparisonConfig())
    x = to_model_input(mnist.test_images[0])  # (1, 1, 28, 28)
    conv = model.conv1[0]
    with torch.no_grad():
        maps = F.relu(F.conv2d(x, conv.weight, conv.bias, padding=1))[0]  # (C, 28, 28)
        logits = model(x)[0]
    row, col = np.unravel_index(int(maps[0].argmax()), maps[0].shape)
    assert render("{cell:conv1[0].value}", facts).text == f"{float(maps[0, row, col]):.2f}"
    assert render("{cell:conv1[0].where}", facts).text == f"row {row + 1}, column {col + 1}"
    assert render("{cell:conv1[2,5,6].value}", facts).text == f"{float(maps[2, 5, 6]):.2f}"
    assert render("{prediction}", facts).text == str(int(logits.argmax()))
    assert render("{params:fc}", facts).text == f"{16 * 7 * 7 * 10 + 10:,}"
    pooled = F.max_pool2d(maps[None], 2)[0]
    assert render("{pool:pool1[0].winner}", facts).text == f"{float(pooled[0].max()):.2f}"
    assert render("{relu:conv1.zeroed}", facts).text.endswith("%")
    assert render("{stage:conv1.shape}", facts).text == "×".join(str(s) for s in maps.shape)
    missing = render("{stage:conv9.channels}", facts)
    assert missing.text.startswith("[") and "conv9" in missing.text  # said, not a crash


def test_lesson_round_trips_through_its_file(tmp_path: Path) -> None:
    for lesson in builtin_lessons():
        assert parse_lesson(lesson_to_dict(lesson), "x.json") == lesson
        path = tmp_path / "lesson.json"
        save_lesson(lesson, path)
        assert load_lesson(path) == lesson
    drawn = parse_lesson({"format": "cnnviz-lesson", "version": 1, "title": "Mine", "steps": [
        {"text": "Look.", "drawing": list(range(256)) * 3 + [0] * 16, "stage": "pool1", "map": 2,
         "cell": ["conv2", 3, 4, 5], "tab": "explain", "view": "cell"}]}, "mine.json")
    save_lesson(drawn, tmp_path / "mine.json")
    assert load_lesson(tmp_path / "mine.json") == drawn


def _lesson(**step: object) -> dict[str, object]:
    return {"format": "cnnviz-lesson", "version": 1, "title": "T", "steps": [{"text": "Hello.", **step}]}


@pytest.mark.parametrize(("raw", "expected"), [
    ({**_lesson(), "version": 2}, "version 2"),
    ({"title": "no format"}, "not a cnnviz lesson"),
    (_lesson(tab="gallery"), "unknown tab “gallery”"),
    (_lesson(text="It has {params:fc parameters."), "brace"),
    (_lesson(text="Predicted {prediktion}."), "unknown placeholder “{prediktion}”"),
    (_lesson(text="{cell:conv1[0].colour}"), "unknown field"),
    (_lesson(text="{stage}"), "without its argument"),
    (_lesson(cell=[0, 1, 2]), "“cell” must be"),
    (_lesson(digit=-3), "“digit” must be a whole number"),
    (_lesson(digit=1, digit_class=2), "not digit and digit_class"),
    (_lesson(colour="red"), "unknown field “colour”"),
    (_lesson(exercise={"kind": "essay"}), "“exercise” needs a “kind”"),
    (_lesson(model="alexnet"), "unknown model “alexnet”"),
    (_lesson(shuffle=True), "“shuffle” needs the “digit”"),
])
def test_bad_lessons_are_refused_in_one_sentence_naming_file_and_field(raw, expected, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(LessonError) as caught:
        load_lesson(path)
    message = str(caught.value)
    assert message.startswith("bad.json: ") and expected in message, message
    assert "Traceback" not in message and message.count(". ") <= 1


def test_a_file_that_is_not_json_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_bytes(b"\x89PNG not json")
    with pytest.raises(LessonError, match=r"^notes\.json: this is not a JSON lesson file"):
        load_lesson(path)
    with pytest.raises(LessonError, match=r"^gone\.json: the file could not be read"):
        load_lesson(tmp_path / "gone.json")


def test_typed_numbers_are_found_but_names_are_not() -> None:
    assert typed_numbers("conv1, fc2, LeNet-5 and VGG-16 are names; {params:fc} is computed.") == []
    assert len(typed_numbers("This filter has 9 weights and 0.5 bias.")) == 2


# -- exercises ----------------------------------------------------------------------------------------------
def test_cell_question_answer_is_the_convolution(mnist, trained_explorer) -> None:  # type: ignore[no-untyped-def]
    model, _, _ = trained_explorer
    cap = capture(model, mnist.test_images[3])
    q = make_question("cell_value", model, cap, mnist.class_names, np.random.default_rng(1))
    assert q.cell is not None
    stage, channel, row, col = q.cell
    assert stage == "conv1"  # the first convolution, unless another is asked for
    conv = model.conv1[0]
    with torch.no_grad():
        maps = F.relu(F.conv2d(to_model_input(mnist.test_images[3]), conv.weight, conv.bias, padding=1))[0]
    assert q.answer == pytest.approx(float(maps[channel, row, col]), abs=1e-5)
    assert q.check(q.answer * 1.05) and not q.check(q.answer + 10 * q.tolerance + 1)


def test_pool_prediction_edge_and_parameter_questions(mnist, trained_explorer) -> None:  # type: ignore[no-untyped-def]
    model, _, _ = trained_explorer
    image = mnist.test_images[5]
    cap = capture(model, image)
    rng = np.random.default_rng(2)
    pool = make_question("pool_winner", model, cap, mnist.class_names, rng)
    values = [float(v) for v in pool.choices]
    assert int(pool.answer) == int(np.argmax(values)) and pool.check(pool.answer)
    assert sorted(values)[-1] > sorted(values)[-2]  # one clear winner, never a tie to guess between
    conv1_maps = cap.stage("conv1").output  # (C, 28, 28): the pooled values are some map's window maxima
    pooled = F.max_pool2d(torch.from_numpy(conv1_maps)[None], 2)[0].numpy()
    assert np.isclose(pooled, values[int(pool.answer)], atol=5e-3).any()

    guess = make_question("prediction", model, cap, mnist.class_names, rng)
    with torch.no_grad():
        assert int(guess.answer) == int(model(to_model_input(image)).argmax())

    edge = make_question("vertical_edge", model, cap, mnist.class_names, rng)
    expected = F.conv2d(torch.from_numpy(cap.stages[0].output)[None], torch.from_numpy(SOBEL_VERTICAL)[None, None],
                        padding=1)[0, 0].numpy()
    assert np.allclose(edge.pictures[int(edge.answer)], expected, atol=1e-5)
    assert not any(np.allclose(p, expected, atol=1e-5) for i, p in enumerate(edge.pictures) if i != edge.answer)

    params = make_question("parameters", model, cap, mnist.class_names, rng, stage="conv2")
    assert params.answer == 16 * 8 * 3 * 3 + 16 and params.check(params.answer) and not params.check(params.answer + 1)
    assert f"{int(params.answer):,}" in params.explanation


def test_score_counts_a_session() -> None:
    score = Score().record(True).record(False).record(True)
    assert (score.asked, score.right) == (3, 2) and score.text.startswith("2 of 3")


# -- measures ------------------------------------------------------------------------------------------------
def test_a_fully_connected_layer_does_not_care_about_pixel_order(mnist) -> None:  # type: ignore[no-untyped-def]
    """Fitted on shuffled pixels, the FC's weights are the plain fit's weights shuffled the same way."""
    images, labels = mnist.train_images[:600], mnist.train_labels[:600]
    perm = pixel_permutation(28, 28)
    shuffled = shuffle_pixels(images)
    assert sorted(shuffled[0].ravel()) == sorted(images[0].ravel()) and not np.array_equal(shuffled[0], images[0])
    plain = fit_linear(images, labels, 10)
    moved = fit_linear(shuffled, labels, 10)
    assert np.allclose(moved[:-1], plain[:-1][perm], atol=1e-6) and np.allclose(moved[-1], plain[-1], atol=1e-6)


def test_the_shift_measure_compares_each_cell_in_place(mnist, trained_explorer) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.data.transforms import MNIST_INPUT
    from cnnviz.lessons.measures import shift_change

    model, _, _ = trained_explorer
    digit = mnist.test_images[4].astype(np.float32) / 255
    moved = np.zeros_like(digit)
    moved[:, 2:] = digit[:, :-2]  # the digit two pixels to the right
    expected = np.abs(digit - moved).sum() / np.abs(digit).sum()
    assert shift_change(model, mnist.test_images[4], "input", MNIST_INPUT, pixels=2) == pytest.approx(expected, 1e-5)
    assert shift_change(model, mnist.test_images[4], "pool1", MNIST_INPUT) > 0.0


def test_a_model_without_max_pooling_says_so_in_the_interface_language(mnist, qapp) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.lessons.exercises import NoQuestion
    from cnnviz.models import build_model
    from ui.i18n import error_text, install_language

    model = build_model("modern_cnn", width=4).eval()  # strided convolutions and global averaging: no max pooling
    cap = capture(model, mnist.test_images[0])
    with pytest.raises(NoQuestion) as caught:
        make_question("pool_winner", model, cap, mnist.class_names, np.random.default_rng(0))
    assert str(caught.value) == "modern_cnn has no max pooling"
    try:
        install_language("de")
        assert error_text(caught.value) == "modern_cnn hat kein Max-Pooling"
    finally:
        install_language("en")


def test_a_broken_lesson_file_is_refused_in_the_interface_language(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.lessons.schema import LessonError, load_lesson
    from ui.i18n import error_text, install_language

    path = tmp_path / "broken.json"
    path.write_text(json.dumps(_lesson(tab="nowhere")), encoding="utf-8")
    with pytest.raises(LessonError) as caught:
        load_lesson(path)
    assert str(caught.value).startswith("broken.json: step 1: unknown tab “nowhere”")
    try:
        install_language("de")
        assert error_text(caught.value).startswith("broken.json: Schritt 1: unbekannter Reiter „nowhere“ (wähle einen")
    finally:
        install_language("en")


def test_a_lessons_numbers_positions_and_gaps_read_in_the_interface_language(mnist, trained_explorer, qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.i18n import install_language, number_text, worded

    model, meta, _ = trained_explorer
    facts = _facts(mnist, model, meta, ComparisonConfig())
    text = "{cell:conv1[0].where}: {cell:conv1[0].value}; {params:fc}; {stage:conv9.channels}"
    english = render(text, facts).text
    row, col, value, params = re.fullmatch(r"row (\d+), column (\d+): (.+); (.+); \[.+\]", english).groups()
    try:
        install_language("de")
        german = render(text, facts, say=worded, number=number_text).text
    finally:
        install_language("en")
    assert german == (f"Zeile {row}, Spalte {col}: {value.replace('.', ',')}; {params.replace(',', '.')}; "
                      "[dieses Modell hat keine Stufe „conv9“]"), english
