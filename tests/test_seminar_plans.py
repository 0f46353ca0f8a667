"""The instructor's class plans: their arithmetic, their fit with the cases and the course map, bad input."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negwidgets.data import load
from negwidgets.seminar import SESSION_PLAN_KEYS, load_case, session_plan
from negwidgets.seminar import plans as plans_module

LESSONS = {lesson["number"]: lesson for lesson in load("course")["lessons"]}


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


@pytest.mark.parametrize("key", SESSION_PLAN_KEYS)
def test_a_plan_fills_its_length_step_after_step(key):
    plan = session_plan(key)
    rows = plan.schedule("09:00")
    assert rows[0][0] == "09:00"
    assert _minutes(rows[-1][1]) - _minutes("09:00") == plan.length == sum(step.minutes for step in plan.steps)
    for (_, ends, _), (begins, _, _) in zip(rows, rows[1:]):
        assert ends == begins


@given(hour=st.integers(0, 23), minute=st.integers(0, 59), key=st.sampled_from(SESSION_PLAN_KEYS))
def test_any_start_time_gives_a_schedule_of_the_plans_length_even_past_midnight(hour, minute, key):
    plan = session_plan(key)
    rows = plan.schedule(f"{hour}:{minute:02d}")
    start = hour * 60 + minute
    assert _minutes(rows[0][0]) == start
    assert (_minutes(rows[-1][1]) - start) % (24 * 60) == plan.length
    for begins, ends, step in rows:
        assert (_minutes(ends) - _minutes(begins)) % (24 * 60) == step.minutes


@pytest.mark.parametrize("key", SESSION_PLAN_KEYS)
def test_each_role_play_round_gets_the_time_its_case_asks_for(key):
    plan = session_plan(key)
    negotiating = [step.minutes for step in plan.steps if "egotiate" in step.activity]
    assert negotiating == [load_case(case).minutes for case in plan.cases]


@pytest.mark.parametrize("key", SESSION_PLAN_KEYS)
def test_the_reading_lists_the_lessons_with_their_study_time(key):
    plan = session_plan(key)
    for when, numbers in (("before", plan.before), ("after", plan.after)):
        text = plan.reading(when)
        total = sum(LESSONS[n]["minutes"] for n in numbers)
        hours, minutes = divmod(total, 60)
        assert f"about {hours} h {minutes} min:" in text if minutes else f"about {hours} h:" in text
        for number in numbers:
            assert f"{number} {LESSONS[number]['title']} ({LESSONS[number]['minutes']} min)" in text
    assert not set(plan.before) & set(plan.after)


def test_the_schedule_table_shows_every_step_with_its_times():
    plan = session_plan("ninety_minutes")
    text = plan.describe("13:30")
    assert text.splitlines()[0].startswith("A 90-minute class, 13:30 to 15:00 (1 h 30 min); role-play: The analyst offer")
    assert len(text.splitlines()) == 1 + len(plan.steps)
    assert "13:30-13:40   10 min  Welcome" in text


@pytest.mark.parametrize("start", ["2pm", "25:00", "14:60", "", "14", "14:5"])
def test_a_start_time_that_is_not_a_clock_time_is_explained(start):
    with pytest.raises(ValueError, match="for example 14:00"):
        session_plan("half_day").schedule(start)


def test_unknown_plans_and_readings_are_explained():
    with pytest.raises(ValueError, match="choose one of: ninety_minutes, half_day"):
        session_plan("weekend")
    with pytest.raises(ValueError, match='"before" or "after"'):
        session_plan("half_day").reading("during")


@pytest.mark.parametrize("damage, message", [
    (lambda plan: plan["steps"].pop(), "lasts 90 minutes but its steps take"),
    (lambda plan: plan["before"].append("99"), "does not have: 99"),
    (lambda plan: plan["cases"].append("poker"), "does not have: poker"),
])
def test_a_plan_file_that_does_not_add_up_is_reported(monkeypatch, damage, message):
    data = copy.deepcopy(load("seminar/session_plans"))
    damage(data["plans"]["ninety_minutes"])
    monkeypatch.setattr(plans_module, "load", lambda name: data if name == "seminar/session_plans" else load(name))
    with pytest.raises(ValueError, match=message):
        session_plan("ninety_minutes")
