"""Lessons 09-10's widgets driven without a browser: each follows its model as controls move, keeps one
figure, and shows bad input as a sentence beside the controls."""

import pytest

from negwidgets.model import ScoringSystem, cost_of_not_negotiating, job_offer_case, svi_scores, wait_or_accept
from negwidgets.widgets import LifetimeEarnings, MesoBuilder, ScoringTable, SubjectiveValueInventory, WaitOrAccept


def test_scoring_table_starts_at_splitting_the_difference_and_follows_the_model():
    table = ScoringTable()
    case = job_offer_case()
    assert table.result == case.analyse(case.split_difference())
    assert "20 joint points" in table.result_text and "left on the table" in table.chart.title.get_text()
    first = table.image.value
    table.choices["Remote days a week"].value = 4  # the employer gives way on what Ana values most
    expected = case.analyse([c.value for c in table.choices.values()])
    assert table.result == expected and table.image.value != first
    assert "Trades that help both sides" in table.summary.value


def test_best_trade_button_walks_to_the_frontier():
    table = ScoringTable()
    for _ in range(10):
        if not table.result.logrolls:
            break
        before = table.result.package.scores
        table.trade.click()
        after = table.result.package.scores
        assert after[0] > before[0] and after[1] > before[1]
    assert not table.result.logrolls


def test_scoring_table_on_the_frontier_and_with_impossible_batnas():
    case = job_offer_case()
    nash = case.nash_point().package
    table = ScoringTable(package=nash.as_dict())
    assert table.result.on_frontier and "On the frontier" in table.chart.title.get_text()
    table.batnas[0].value = table.batnas[0].max  # Ana's BATNA above every deal the employer would take
    table.batnas[1].value = table.batnas[1].max
    assert table.result.nash is None and "No package beats both BATNAs" in table.summary.value
    assert "no package beats both BATNAs" in table.caption_text


def test_scoring_table_takes_any_system():
    system = ScoringSystem.from_table({"Fee": {"low": (0, 5), "high": (5, 0)}, "Deadline": {"May": (1, 4), "June": (3, 0)}},
                                      parties=("Lee", "the client"), batnas=(1, 1))
    table = ScoringTable(system, package={"Fee": "low", "Deadline": "June"})
    assert table.result.package.scores == (3, 5)
    assert list(table.choices) == ["Fee", "Deadline"]
    assert table.choices["Fee"].options[0][0].startswith("low")


def test_meso_builder_follows_the_model_and_explains_an_impossible_target():
    builder = MesoBuilder(target=60)
    assert builder.result == job_offer_case().mesos(60, tolerance=2)
    assert "Offer 3" in builder.summary.value and "Worth to the employer" in builder.summary.value
    builder.count.value = 5
    assert len(builder.result.packages) == 5
    good = builder.result
    builder.target.value = 100
    assert builder.error_text.startswith("No package is worth about 100 points to Ana")
    assert builder.result is good and "role='alert'" in builder.error.value


def test_subjective_value_inventory_scores_the_sliders():
    svi = SubjectiveValueInventory()
    assert len(svi.answers) == 16
    assert svi.result == svi_scores([s.value for s in svi.answers])
    first = svi.image.value
    for slider in svi.answers[8:12]:
        slider.value = 7  # process: listened to, fair, easy, considered
    assert svi.result.factors["process"] == 7 and svi.image.value != first
    assert "Process" not in svi.result.advice()[:8]
    assert "lowest" in svi.chart.title.get_text() or "work on" in svi.chart.title.get_text()


def test_lifetime_earnings_follows_the_model_and_explains_a_lower_negotiated_salary():
    calculator = LifetimeEarnings()
    assert calculator.result == cost_of_not_negotiating(70_000, 75_180, yearly_raise=0.03, years=35, savings_return=0.05,
                                                        discount_rate=0.05)
    assert round(calculator.result.present_value, -3) == 127_000 and "in today's dollars" in calculator.result_text
    calculator.discount_rate.value = 0
    assert calculator.result.present_value == pytest.approx(calculator.result.total)
    calculator.saving.value = False
    assert calculator.result.invested is None and calculator.savings_return.disabled
    calculator.years.value = 10
    assert calculator.result.years == 10
    calculator.negotiated.value = 65_000
    assert "is below the first offer ($70,000)" in calculator.error_text
    assert calculator.result.years == 10  # the last good result stays


def test_wait_or_accept_follows_the_model_and_explains_an_empty_range():
    decision = WaitOrAccept()
    assert decision.result == wait_or_accept(65_000, 0.25, 64_000, 80_000, 1_250, weeks=8, years=2)
    assert "ask for time" in decision.result_text
    decision.offer.value = 75_000
    assert decision.result.accept_now and "accept" in decision.chart.title.get_text()
    decision.weekly_cost.value = 5_000  # rent is due: waiting costs more, so the bar to accept drops
    assert decision.result.reservation < 71_056
    decision.likely.value = (70_000, 70_000)
    assert decision.error_text.startswith("A likely offer runs from a lower to a higher salary")


def test_values_outside_the_controls_are_explained_not_silently_clamped():
    svi = SubjectiveValueInventory([9] + [4] * 14 + [None])
    assert svi.error_text.startswith("The answer to question 1 is 9, but answers run from 1")
    assert svi.answers[0].value == 7 and svi.answers[15].value == 4 and svi.result is not None
    assert "role='alert'" in svi.error.value
    assert LifetimeEarnings(years=-5).error_text.startswith("A career lasts at least 1 year; -5 years is not")
    assert WaitOrAccept(weeks=60).error_text.startswith("Give the weeks you can wait as a whole number from 0 to 52")
    assert SubjectiveValueInventory().error_text == "" and LifetimeEarnings().error_text == ""
    table = ScoringTable(batnas=(150, 25))
    assert table.error_text.startswith("The BATNA score of Ana (150) lies outside the scores any package gives (0 to 100)")
    assert table.batnas[0].value == 100 and table.result.nash is None
