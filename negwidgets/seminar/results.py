"""A pair's result as one participant reports it, checked field by field against the pack.

``check_report`` turns what a participant typed (or a CSV row) into a ``Report``, or raises ``ReportError``
(a ``ValueError``) naming the field and saying what is wrong in a sentence. Nothing from outside is kept
unchecked: codes and roles must be the pack's, numbers must be in the case's range, text is trimmed and
length-limited (and escaped wherever it is shown).

>>> from negwidgets.seminar.packs import make_pack
>>> record = make_pack("used_car", n_pairs=2, seed=1).record()
>>> report = check_report(record, pair="P1", role="buyer", opener="seller", opening="$11,500",
...                       outcome="agreement", agreement="10,400", rounds=5, survey=[6, 5, 6, 4])
>>> report.agreement, report.subjective_value
(10400.0, 5.25)
>>> check_report(record, pair="P1", role="buyer", opener="seller", opening="11500", outcome="agreement",
...              agreement="104000", rounds=5, survey=[6, 5, 6, 4])
Traceback (most recent call last):
...
negwidgets.seminar.results.ReportError: The agreed price must be between $2,000 and $25,000 in this case; $104,000 looks like a typo.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..model.subjective import svi_items
from .cases import RolePlayCase, in_sentence
from .packs import PackRecord, normalise_code

__all__ = ["MAX_COMMENT", "MAX_ROUNDS", "OUTCOMES", "SURVEY_ITEMS", "Report", "ReportError", "check_report",
           "survey_questions"]

OUTCOMES = ("agreement", "impasse")
NOBODY = "nobody"        # the opener when no number was ever put on the table
MAX_ROUNDS = 200
MAX_COMMENT = 500        # characters
# The short survey: one question per factor of the Subjective Value Inventory (items 1, 7, 10 and 16:
# outcome, self, process, relationship), none of them reverse-scored, so the score is their mean.
SURVEY_ITEMS = (1, 7, 10, 16)


class ReportError(ValueError):
    """A report field that cannot be accepted; ``field`` names it so the form can show the sentence there."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


def survey_questions():
    """The four survey questions (``SviItem`` objects), in order."""
    items = svi_items()
    return tuple(items[number - 1] for number in SURVEY_ITEMS)


@dataclass(frozen=True)
class Report:
    """One participant's report of their pair's negotiation."""

    pack_id: str
    pair: str
    role: str
    opener: str                      # a role key, or "nobody"
    opening: float | None
    agreed: bool
    agreement: float | None          # the number agreed (single-issue) or the lead issue's (multi-issue)
    terms: Mapping[str, str] | None  # multi-issue: every issue's agreed option
    rounds: int
    survey: tuple[int, ...] | None
    comment: str = ""
    submitted_at: str = field(default="", compare=False)
    row_id: int | None = field(default=None, compare=False)

    @property
    def subjective_value(self) -> float | None:
        """The mean of the four survey answers (1 to 7), or ``None`` when the survey was skipped."""
        return sum(self.survey) / len(self.survey) if self.survey else None

    def content(self) -> dict:
        """Everything reported, as plain data (what the store keeps and the duplicate check compares)."""
        return {"pack_id": self.pack_id, "pair": self.pair, "role": self.role, "opener": self.opener,
                "opening": self.opening, "agreed": self.agreed, "agreement": self.agreement,
                "terms": dict(self.terms) if self.terms is not None else None, "rounds": self.rounds,
                "survey": list(self.survey) if self.survey is not None else None, "comment": self.comment}

    def fingerprint(self) -> str:
        """A digest of the content: the same result reported twice has the same fingerprint."""
        return hashlib.sha256(json.dumps(self.content(), sort_keys=True).encode("utf-8")).hexdigest()

    def describe(self, case: RolePlayCase) -> str:
        who = case.role(self.role).name
        if self.opener == NOBODY:
            opened = "nobody named a number"
        else:
            opened = f"{in_sentence(case.role(self.opener).name)} opened at {case.number.text(self.opening)}"
        if not self.agreed:
            outcome = "no agreement (an impasse)"
        elif self.terms is not None:
            outcome = "an agreement: " + "; ".join(f"{k}: {v}" for k, v in self.terms.items())
        else:
            outcome = f"an agreement at {case.number.text(self.agreement)}"
        return f"Pair {self.pair}, reported by {in_sentence(who)}: {opened}; {outcome}; {self.rounds} rounds."


def _text(value: object, limit: int) -> str:
    text = "" if value is None else str(value)
    # Keep letters, marks, numbers, punctuation, symbols and spaces; drop control characters and the like.
    text = "".join(c if unicodedata.category(c)[0] in "LMNPSZ" else " " for c in text)
    return " ".join(text.split())[:limit]


def _choice(value: object, allowed: Sequence[str], field_name: str, what: str) -> str:
    text = _text(value, 60).lower()
    for option in allowed:
        if text == option.lower():
            return option
    raise ReportError(field_name, f"{what} must be one of: {', '.join(allowed)}.")


def _whole_number(value: object, field_name: str, what: str, low: int, high: int) -> int:
    try:
        number = float(str(value).strip()[:40]) if not isinstance(value, (int, float)) else float(value)
    except (ValueError, OverflowError):   # OverflowError: an integer beyond the largest float
        raise ReportError(field_name, f"{what} must be a whole number from {low} to {high}.") from None
    # Range first: "inf" and "1e400" read as infinity, which has no whole number (int() would raise).
    if not low <= number <= high or number != int(number):
        raise ReportError(field_name, f"{what} must be a whole number from {low} to {high}.")
    return int(number)


def _survey(answers: object) -> tuple[int, ...] | None:
    if answers is None or (isinstance(answers, Sequence) and not isinstance(answers, str)
                           and all(a in (None, "") for a in answers)):
        return None
    if isinstance(answers, str) or not isinstance(answers, Sequence) or len(answers) != len(SURVEY_ITEMS):
        raise ReportError("survey", f"Answer all {len(SURVEY_ITEMS)} survey questions, or none of them.")
    checked = []
    for number, answer in enumerate(answers, start=1):
        if answer in (None, ""):
            raise ReportError("survey", f"Survey question {number} has no answer: answer all "
                                        f"{len(SURVEY_ITEMS)}, or none of them.")
        checked.append(_whole_number(answer, "survey", f"The answer to survey question {number}", 1, 7))
    return tuple(checked)


def check_report(record: PackRecord, *, pair: object, role: object, opener: object, opening: object,
                 outcome: object, agreement: object = None, terms: Mapping[str, object] | None = None,
                 rounds: object, survey: object = None, comment: object = "") -> Report:
    """Check every field of a report against the pack and its case; see the module's example."""
    case = record.case
    pair_code = normalise_code(pair)
    if pair_code not in record.pair_codes():
        raise ReportError("pair", f"There is no pair {_text(pair, 20)!r} in this class; the pairs are "
                                  f"{record.pairs[0].code} to {record.pairs[-1].code}.")
    role_key = _choice(role, case.role_keys, "role", "The role")
    opener_key = _choice(opener, (*case.role_keys, NOBODY), "opener", "Who opened")
    result = _choice(outcome, OUTCOMES, "outcome", "The outcome")
    agreed = result == "agreement"
    if opener_key == NOBODY:
        if agreed:
            raise ReportError("opener", "An agreement needs a number on the table: say who named the first one.")
        opening_value = None
    else:
        if opening in (None, ""):
            raise ReportError("opening", f"Type the first number {in_sentence(case.role(opener_key).name)} named.")
        opening_value = _number(case, opening, "opening", "the opening")
    agreed_value = None
    agreed_terms = None
    if agreed:
        if case.scoring is None:
            if agreement in (None, ""):
                raise ReportError("agreement", f"Type the agreed {case.number.name.lower()}, or report an impasse.")
            agreed_value = _number(case, agreement, "agreement", f"the agreed {case.number.name.lower()}")
        else:
            agreed_terms = _terms(case, terms)
            agreed_value = case.lead_value(agreed_terms)
    elif agreement not in (None, "") or (terms and any(v not in (None, "") for v in terms.values())):
        raise ReportError("agreement", "An impasse has no agreed terms: clear them, or report an agreement.")
    rounds_value = _whole_number(rounds, "rounds", "The number of rounds", 0 if opener_key == NOBODY else 1,
                                 MAX_ROUNDS)
    return Report(record.pack_id, pair_code, role_key, opener_key, opening_value, agreed, agreed_value,
                  agreed_terms, rounds_value, _survey(survey), _text(comment, MAX_COMMENT))


def _number(case: RolePlayCase, value: object, field_name: str, what: str) -> float:
    try:
        return case.number.parse(_text(value, 40) if isinstance(value, str) else value, what)
    except ValueError as error:
        raise ReportError(field_name, str(error)) from None


def _terms(case: RolePlayCase, terms: Mapping[str, object] | None) -> dict[str, str]:
    terms = dict(terms or {})
    unknown = [name for name in terms if name not in {issue.name for issue in case.scoring.issues}]
    if unknown:
        raise ReportError("agreement", f"There is no issue called {_text(unknown[0], 60)!r} in this case.")
    checked = {}
    for issue in case.scoring.issues:
        value = terms.get(issue.name)
        if value in (None, ""):
            raise ReportError("agreement", f"Choose the agreed option for '{issue.name}': an agreement settles "
                                           "every issue.")
        text = _text(value, 120)
        matches = [option for option in issue.options if option.casefold() == text.casefold()]
        if not matches:
            raise ReportError("agreement", f"'{text}' is not an option of '{issue.name}'; choose one of: "
                                           f"{', '.join(issue.options)}.")
        checked[issue.name] = matches[0]
    return checked
