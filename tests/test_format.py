"""One way to write a probability: never "100%" for less than certainty, one decimal otherwise."""

from __future__ import annotations

import pytest

from cnnviz.format import cell_text, format_probability


@pytest.mark.parametrize(("p", "text"), [
    (1.0, "100%"), (0.0, "0%"), (0.9996, ">99.9%"), (0.99999, ">99.9%"), (0.999, "99.9%"),
    (0.996, "99.6%"), (0.97, "97.0%"), (0.5, "50.0%"), (0.0004, "<0.1%"), (0.001, "0.1%"),
])
def test_probability_text(p: float, text: str) -> None:
    assert format_probability(p) == text


def test_no_value_below_one_reads_as_certain() -> None:
    for k in range(1, 2000):
        p = 1.0 - k * 1e-6
        assert format_probability(p) != "100%"
        assert format_probability(k * 1e-7) != "0%"


def test_printed_percent_is_within_half_a_tenth_of_the_value() -> None:
    for k in range(10, 9990, 7):
        p = k / 10_000
        assert abs(float(format_probability(p).rstrip("%")) - p * 100) <= 0.05 + 1e-9


def test_cells_are_counted_from_one() -> None:
    assert str(cell_text(0, 0)) == "row 1, column 1"
    assert str(cell_text(3, 12)) == "row 4, column 13"
