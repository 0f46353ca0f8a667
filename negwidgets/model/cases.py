"""The course's cases as model objects, read from the data files."""

from __future__ import annotations

from ..data import load
from .criteria import Criterion
from .scoring import ScoringSystem
from .zone import Party

__all__ = ["example_exploding_offer", "example_plan", "job_offer_case", "running_example", "running_example_belief",
           "running_example_criteria", "salary_benchmarks"]


def running_example() -> tuple[Party, Party]:
    """The candidate and the employer of the course's running salary example.

    >>> candidate, employer = running_example()
    >>> candidate.reservation, candidate.aspiration, employer.reservation, employer.aspiration
    (70000.0, 85000.0, 80000.0, 60000.0)
    """
    case = load("running_example")
    candidate, employer = case["candidate"], case["employer"]
    return (
        Party(candidate["name"], candidate["reservation"], candidate["aspiration"], "more"),
        Party(employer["name"], employer["reservation"], employer["aspiration"], "less"),
    )


def running_example_belief():
    """What Ana believes of the employer's limit before the talk: a rough idea (lesson 05).

    >>> running_example_belief().describe()
    'about $80,000, give or take $6,000'
    """
    from .uncertainty import NormalBelief

    belief = load("running_example")["candidate"]["belief_of_their_limit"]
    return NormalBelief(belief["best_guess"], belief["give_or_take"])


def running_example_criteria(side: str = "candidate") -> list[Criterion]:
    """The standards the candidate (lesson 06) or the employer of the running example can cite.

    >>> [c.value for c in running_example_criteria()][:2]
    [83000.0, 76000.0]
    >>> running_example_criteria("employer")[0].value
    72000.0
    """
    if side not in ("candidate", "employer"):
        raise ValueError(f"The running example has a 'candidate' and an 'employer', not {side!r}.")
    key = "criteria" if side == "candidate" else "employer_criteria"
    return [Criterion(c["name"], c["value"], c["strength"], c.get("reason", ""))
            for c in load("running_example")[key]]


def salary_benchmarks(role: str) -> dict[float, float]:
    """The illustrative benchmark percentiles for a role (made-up figures, labelled as such).

    >>> salary_benchmarks("Data analyst")[50]
    72000.0
    """
    roles = load("salary_benchmarks")["roles"]
    if role not in roles:
        known = ", ".join(sorted(roles))
        raise ValueError(f"There are no illustrative figures for {role!r}; choose one of: {known}.")
    return {float(p): float(v) for p, v in roles[role].items()}


def job_offer_case() -> ScoringSystem:
    """Lesson 09's job offer: Ana and the employer, eight open issues, points for each side.

    >>> case = job_offer_case()
    >>> case.parties, len(case.issues), case.package_count
    (('Ana', 'the employer'), 8, 16200)
    """
    return ScoringSystem.from_case(load("job_offer"))


def example_plan(version: str = "draft"):
    """Ana's one-page plan (lesson 12): her first ``"draft"``, with the two problems the checks find, or the
    ``"ready"`` plan that fixes them.

    >>> [problem[:22] for problem in example_plan().check()]
    ['Your opening ($85,000)', 'Your walk-away line is']
    >>> example_plan("ready").check()
    []
    """
    from .plan_file import plan_from_dict

    if version not in ("draft", "ready"):
        raise ValueError(f"Ana's plan comes as a 'draft' or 'ready', not {version!r}.")
    data = load("example_plan")
    fields = data["plan"] if version == "draft" else {**data["plan"], **data["ready"]}
    return plan_from_dict(fields, "The example plan")


def example_exploding_offer():
    """Lesson 11's exploding offer: Firm B's $72,000 expires in 3 days; the employer and Firm C are still deciding.

    >>> example_exploding_offer().best
    'Ask for an extension'
    """
    from .exploding import exploding_offer

    case = dict(load("running_example")["exploding_offer"])
    processes = [(p["name"], p["chance"], p["value"], p["day"]) for p in case.pop("processes")]
    return exploding_offer(processes=processes, **case)
