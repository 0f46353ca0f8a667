"""The Subjective Value Inventory: scores against a hand computation, reverse-scored items, bad answers."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negwidgets.model import FACTORS, svi_items, svi_scores

answers = st.lists(st.integers(1, 7), min_size=16, max_size=16)


def test_sixteen_items_four_per_factor_two_reversed():
    items = svi_items()
    assert [i.number for i in items] == list(range(1, 17))
    assert [sum(i.factor == f for i in items) for f in FACTORS] == [4, 4, 4, 4]
    assert [i.number for i in items if i.reverse] == [3, 5]  # "lost" and "lose face"
    assert "lose face" in items[4].text


def test_scores_match_a_hand_computation():
    raw = [6, 5, 2, 4, 1, 6, 7, 5, 3, 2, 4, 3, 5, 6, 4, 5]
    result = svi_scores(raw)
    # Item 3 (answer 2) counts as 6 and item 5 (answer 1) as 7.
    assert result.factors["instrumental"] == (6 + 5 + 6 + 4) / 4
    assert result.factors["self"] == (7 + 6 + 7 + 5) / 4
    assert result.factors["process"] == (3 + 2 + 4 + 3) / 4
    assert result.factors["relationship"] == (5 + 6 + 4 + 5) / 4
    assert result.global_score == (21 + 25 + 12 + 20) / 16
    assert result.rapport == (12 + 20) / 8
    assert result.low_factors == ("process",) and result.lowest == "process"
    assert result.advice().startswith("Process (3.00): Ask for the process you need")
    assert result.describe().startswith("Instrumental outcome 5.25, self 6.25, process 3.00, relationship 5.00; "
                                        "global 4.88, rapport 4.00")


@given(answers)
def test_factor_means_and_global_score(raw):
    result = svi_scores(raw)
    scored = [8 - a if n in (3, 5) else a for n, a in enumerate(raw, start=1)]
    for factor, start in zip(FACTORS, (0, 4, 8, 12)):
        assert result.factors[factor] == pytest.approx(sum(scored[start:start + 4]) / 4)
    assert result.global_score == pytest.approx(sum(result.factors.values()) / 4)
    assert result.rapport == pytest.approx(sum(scored[8:]) / 8)
    assert svi_scores({n: a for n, a in enumerate(raw, start=1)}) == result
    assert all(1 <= v <= 7 for v in result.factors.values())


@pytest.mark.parametrize("raw, message", [
    ([4] * 15, "The inventory has 16 questions and there are 15 answers"),
    ([4] * 15 + [8], "The answer to question 16 is 8, but answers run from 1 (not at all) to 7 (very much)."),
    ([0] + [4] * 15, "The answer to question 1 is 0, but answers run from 1 (not at all satisfied)"),
    ([4] * 6 + [None] + [4] * 9, "Question 7 has no answer: choose a number from 1 (not at all) to 7 (very much)."),
    ([4] * 15 + [4.5], "Answer question 16 with a whole number from 1 to 7, not 4.5."),
    ([4] * 15 + ["many"], "Answer question 16 with a whole number from 1 to 7, not 'many'."),
    ({n: 4 for n in range(1, 16)}, "Question 16 has no answer"),
    ({17: 4}, "there is no question 17"),
    ("4444", "Give the answers as a list of 16 numbers"),
])
def test_a_bad_answer_is_explained(raw, message):
    with pytest.raises(ValueError) as error:
        svi_scores(raw)
    assert message in str(error.value)
