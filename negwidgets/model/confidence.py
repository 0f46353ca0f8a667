"""The learner's confidence in the skills the course teaches: rated from 1 to 7 at the start (lesson 00,
the baseline, kept in the plan file) and again at the end (lesson 12), with the change between the two.

A rating is how sure the learner feels, not a measure of skill: lesson 12 says so beside the change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from numbers import Real
from pathlib import Path

__all__ = ["LOWEST", "HIGHEST", "SCALE_HIGH", "SCALE_LOW", "SKILLS", "ConfidenceChange", "SelfAssessment", "Skill",
           "SkillChange", "compare_confidence", "load_baseline", "save_baseline", "self_assessment"]

LOWEST, HIGHEST = 1, 7
SCALE_LOW, SCALE_HIGH = "not at all confident", "completely confident"


@dataclass(frozen=True)
class Skill:
    key: str
    text: str      # a sentence the learner rates: "I know ..."
    lessons: str   # where the course teaches it


#: The skills the course teaches, in the order of the course.
SKILLS: tuple[Skill, ...] = (
    Skill("walk-away", "I know the worst deal I should accept, and why.", "lessons 01 and 02"),
    Skill("target", "I can set an ambitious target and justify it.", "lessons 03 and 06"),
    Skill("opening", "I can choose an opening, and answer theirs without conceding to it.", "lessons 05 and 06"),
    Skill("value", "I can find trades that make a deal better for both sides.", "lesson 09"),
    Skill("tactics", "I can recognise a pressure tactic and answer it calmly.", "lesson 11"),
    Skill("close", "I can close so that both sides can state what we agreed.", "lesson 12"),
)
_BY_KEY = {skill.key: skill for skill in SKILLS}


def _rating(value: object, skill: Skill) -> int:
    if isinstance(value, bool) or not isinstance(value, Real) or value != value or value != int(value):
        raise ValueError(f"Rate \u201c{skill.text}\u201d with a whole number from {LOWEST} to {HIGHEST}, not {value!r}.")
    if not LOWEST <= value <= HIGHEST:
        raise ValueError(f"Rate \u201c{skill.text}\u201d from {LOWEST} ({SCALE_LOW}) to {HIGHEST} ({SCALE_HIGH}), "
                         f"not {int(value)}.")
    return int(value)


@dataclass(frozen=True)
class SelfAssessment:
    """A rating from 1 to 7 for every skill of :data:`SKILLS`, as ``(key, rating)`` pairs in their order.

    >>> mine = self_assessment({"walk-away": 2, "target": 3, "opening": 2, "value": 4, "tactics": 3, "close": 5})
    >>> mine.rating("close"), mine.mean
    (5, 3.1666666666666665)
    >>> print(mine.describe())
    Your confidence: 3.2 of 7 on average. Highest: "I can close so that both sides can state what we agreed." (5).
    """

    ratings: tuple[tuple[str, int], ...]

    def __post_init__(self) -> None:
        pairs = []
        for item in self.ratings:
            if isinstance(item, (str, bytes)) or not isinstance(item, (tuple, list)) or len(item) != 2:
                raise ValueError(f"A self-assessment holds (skill, rating) pairs, not {item!r}.")
            key, value = item
            if key not in _BY_KEY:
                raise ValueError(f"There is no skill called {key!r} in the self-assessment; the skills are "
                                 f"{', '.join(_BY_KEY)}.")
            pairs.append((key, _rating(value, _BY_KEY[key])))
        keys = [key for key, _ in pairs]
        if len(set(keys)) != len(keys):
            twice = next(key for key in keys if keys.count(key) > 1)
            raise ValueError(f"The skill {twice!r} is rated twice: rate each skill once.")
        missing = [skill for skill in SKILLS if skill.key not in keys]
        if missing:
            raise ValueError(_missing_sentence(missing))
        order = {skill.key: n for n, skill in enumerate(SKILLS)}
        object.__setattr__(self, "ratings", tuple(sorted(pairs, key=lambda pair: order[pair[0]])))

    def rating(self, key: str) -> int:
        return dict(self.ratings)[key]

    @property
    def mean(self) -> float:
        return sum(value for _, value in self.ratings) / len(self.ratings)

    def describe(self) -> str:
        best = max(SKILLS, key=lambda skill: self.rating(skill.key))
        return (f"Your confidence: {self.mean:.1f} of {HIGHEST} on average. "
                f"Highest: \"{best.text}\" ({self.rating(best.key)}).")


def _missing_sentence(missing: list[Skill]) -> str:
    listed = "; ".join(f"\u201c{skill.text}\u201d" for skill in missing)
    count = "one skill is" if len(missing) == 1 else f"{len(missing)} of the {len(SKILLS)} skills are"
    return f"Rate every skill first: {count} still unrated ({listed})."


def self_assessment(answers: Mapping[str, object]) -> SelfAssessment:
    """A self-assessment from ``{skill key: rating}`` (``None`` where the learner has not answered yet).

    >>> self_assessment({"walk-away": 4})
    Traceback (most recent call last):
    ...
    ValueError: Rate every skill first: 5 of the 6 skills are still unrated (“I can set an ambitious target and justify it.”; “I can choose an opening, and answer theirs without conceding to it.”; “I can find trades that make a deal better for both sides.”; “I can recognise a pressure tactic and answer it calmly.”; “I can close so that both sides can state what we agreed.”).
    """
    unknown = sorted(set(answers) - set(_BY_KEY))
    if unknown:
        raise ValueError(f"There is no skill called {unknown[0]!r} in the self-assessment.")
    missing = [skill for skill in SKILLS if answers.get(skill.key) is None]
    if missing:
        raise ValueError(_missing_sentence(missing))
    return SelfAssessment(tuple((skill.key, answers[skill.key]) for skill in SKILLS))


@dataclass(frozen=True)
class SkillChange:
    skill: Skill
    before: int
    now: int

    @property
    def change(self) -> int:
        return self.now - self.before


@dataclass(frozen=True)
class ConfidenceChange:
    """A baseline beside a fresh rating, skill by skill.

    >>> start = self_assessment({"walk-away": 2, "target": 3, "opening": 2, "value": 4, "tactics": 3, "close": 5})
    >>> end = self_assessment({"walk-away": 6, "target": 5, "opening": 5, "value": 4, "tactics": 5, "close": 4})
    >>> print(compare_confidence(start, end).describe())
    On average your confidence went from 3.2 to 4.8 out of 7 (+1.6). It rose on 4 of 6 skills, most on "I know the worst deal I should accept, and why." (+4). It fell on 1: "I can close so that both sides can state what we agreed." (-1).
    """

    rows: tuple[SkillChange, ...]

    @property
    def before(self) -> float:
        return sum(row.before for row in self.rows) / len(self.rows)

    @property
    def now(self) -> float:
        return sum(row.now for row in self.rows) / len(self.rows)

    @property
    def change(self) -> float:
        return self.now - self.before

    def describe(self) -> str:
        rose = [row for row in self.rows if row.change > 0]
        fell = [row for row in self.rows if row.change < 0]
        before, now = round(self.before, 1), round(self.now, 1)   # the change shown is the change of what is shown
        text = f"On average your confidence went from {before:.1f} to {now:.1f} out of {HIGHEST} ({now - before:+.1f})."
        if rose:
            most = max(rose, key=lambda row: row.change)
            text += (f" It rose on {len(rose)} of {len(self.rows)} skills, most on \"{most.skill.text}\" "
                     f"({most.change:+d}).")
        else:
            text += " It rose on none of the skills."
        if fell:
            listed = "; ".join(f"\"{row.skill.text}\" ({row.change:+d})" for row in fell)
            text += f" It fell on {len(fell)}: {listed}."
        return text


def compare_confidence(baseline: SelfAssessment, now: SelfAssessment) -> ConfidenceChange:
    """Each skill's rating at the start beside its rating now."""
    return ConfidenceChange(tuple(SkillChange(skill, baseline.rating(skill.key), now.rating(skill.key))
                                  for skill in SKILLS))


# -- the baseline in the plan file ------------------------------------------------------------------------

def save_baseline(assessment: SelfAssessment, path: Path | str | None = None) -> Path:
    """Keep ``assessment`` as the baseline in the plan file (default: the plan lesson 12 opens), starting a
    plan if there is none and leaving every other field as it was. Returns the file's path."""
    from .plan_file import change_plan, default_plan_path

    target = Path(path) if path is not None else default_plan_path()
    # Under the plan's lock: a calculator saving at the same moment keeps its change too.
    change_plan(lambda plan: plan.replace(confidence_baseline=assessment.ratings), target)
    return target


def load_baseline(path: Path | str | None = None) -> SelfAssessment | None:
    """The baseline saved in the plan file, or ``None`` when there is no plan file or no baseline in it.
    A plan file that cannot be read raises :class:`~negwidgets.model.plan_file.PlanFileError` (a sentence)."""
    from .plan_file import default_plan_path, load_plan

    target = Path(path) if path is not None else default_plan_path()
    if not target.exists():
        return None
    ratings = load_plan(target).confidence_baseline
    return SelfAssessment(ratings) if ratings else None
