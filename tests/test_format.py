"""Probabilities are written one way: one decimal, and never a certainty the model did not give."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnnviz.format import format_probability


@pytest.mark.parametrize("p, text", [(0.5, "50.0%"), (0.123, "12.3%"), (0.9994, "99.9%"), (0.99996, ">99.9%"),
                                     (1.0, "100%"), (0.0, "0%"), (0.0001, "<0.1%")])
def test_probabilities_read_with_one_decimal(p: float, text: str) -> None:
    assert format_probability(p) == text


@given(st.floats(min_value=0.0, max_value=1.0, exclude_max=True))
def test_a_value_below_one_never_reads_as_a_certainty(p: float) -> None:
    assert "100" not in format_probability(p)


@given(st.floats(min_value=0.0005, max_value=0.9994))
def test_the_text_is_the_value_to_a_tenth_of_a_percent(p: float) -> None:
    shown = float(format_probability(p).rstrip("%"))
    assert abs(shown - 100 * p) <= 0.05 + 1e-9
