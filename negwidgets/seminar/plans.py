"""The instructor's class plans: a 90-minute class, a half-day workshop and a 90-minute class on raises, as
timed schedules.

The plans are data (``negwidgets/data/seminar/session_plans.yaml``); this module checks them (the
steps fill the plan's length, every lesson and case exists) and turns one into a schedule from the
start time the instructor gives, with the study to assign before and after.

>>> plan = session_plan("ninety_minutes")
>>> plan.schedule("14:00")[-1][:2]
('15:25', '15:30')
>>> print(plan.reading("before"))
Before class, about 1 h 35 min: 01 The vocabulary (25 min); 02 BATNA and your reservation value (35 min); 04 The ZOPA (35 min).
>>> plan.schedule("2pm")
Traceback (most recent call last):
...
ValueError: Write the start time as hours and minutes on a 24-hour clock, for example 14:00.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data import load
from .cases import CASE_KEYS, load_case

__all__ = ["SESSION_PLAN_KEYS", "SessionPlan", "Step", "session_plan"]

SESSION_PLAN_KEYS = ("ninety_minutes", "half_day", "current_employer")
MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True)
class Step:
    """One part of a class: how long it takes, what happens, and what the instructor shows or uses."""

    minutes: int
    activity: str
    material: str = ""


@dataclass(frozen=True)
class SessionPlan:
    """A timed class plan, with the lessons to assign before and after it."""

    key: str
    title: str
    length: int
    cases: tuple[str, ...]
    before: tuple[str, ...]
    after: tuple[str, ...]
    steps: tuple[Step, ...]

    def schedule(self, start: str = "09:00") -> list[tuple[str, str, Step]]:
        """Each step with its clock times, ``(begins, ends, step)``, for a class that starts at ``start``."""
        clock = _minutes_of_day(start)
        rows = []
        for step in self.steps:
            rows.append((_clock_text(clock), _clock_text(clock + step.minutes), step))
            clock += step.minutes
        return rows

    def describe(self, start: str = "09:00") -> str:
        """The schedule as a table to print or project."""
        rows = self.schedule(start)
        lines = [f"{self.title}, {rows[0][0]} to {rows[-1][1]} ({_duration(self.length)}); "
                 f"role-play: {', then '.join(load_case(key).title for key in self.cases)}"]
        for begins, ends, step in rows:
            material = f"  [{step.material}]" if step.material else ""
            lines.append(f"{begins}-{ends}  {step.minutes:>3} min  {step.activity}{material}")
        return "\n".join(lines)

    def reading(self, when: str) -> str:
        """The lessons to assign ``"before"`` or ``"after"`` the class, with their study time."""
        if when not in ("before", "after"):
            raise ValueError('Ask for the reading "before" or "after" the class.')
        lessons = _lessons()
        chosen = [lessons[number] for number in (self.before if when == "before" else self.after)]
        total = sum(lesson["minutes"] for lesson in chosen)
        listed = "; ".join(f"{lesson['number']} {lesson['title']} ({lesson['minutes']} min)" for lesson in chosen)
        return f"{when.capitalize()} class, about {_duration(total)}: {listed}."


def session_plan(key: str) -> SessionPlan:
    """One of the guide's plans (see ``SESSION_PLAN_KEYS``), checked."""
    if key not in SESSION_PLAN_KEYS:
        raise ValueError(f"There is no class plan called {key!r}; choose one of: {', '.join(SESSION_PLAN_KEYS)}.")
    raw = load("seminar/session_plans")["plans"][key]
    plan = SessionPlan(
        key=key, title=raw["title"], length=int(raw["length"]), cases=tuple(raw["cases"]),
        before=tuple(raw["before"]), after=tuple(raw["after"]),
        steps=tuple(Step(int(s["minutes"]), s["activity"], s.get("material", "")) for s in raw["steps"]),
    )
    filled = sum(step.minutes for step in plan.steps)
    if filled != plan.length:
        raise ValueError(f"The plan {key!r} lasts {plan.length} minutes but its steps take {filled}.")
    lessons = _lessons()
    unknown = [n for n in plan.before + plan.after if n not in lessons] + [c for c in plan.cases if c not in CASE_KEYS]
    if unknown:
        raise ValueError(f"The plan {key!r} names lessons or cases the course does not have: {', '.join(unknown)}.")
    return plan


def _lessons() -> dict[str, dict]:
    """The course map's lessons by number."""
    return {lesson["number"]: lesson for lesson in load("course")["lessons"]}


def _minutes_of_day(text: str) -> int:
    match = re.fullmatch(r"\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*", str(text))
    if not match:
        raise ValueError("Write the start time as hours and minutes on a 24-hour clock, for example 14:00.")
    return int(match[1]) * 60 + int(match[2])


def _clock_text(minutes: int) -> str:
    minutes %= MINUTES_PER_DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return " ".join(part for part in (f"{hours} h" if hours else "", f"{rest} min" if rest else "") if part) or "0 min"
