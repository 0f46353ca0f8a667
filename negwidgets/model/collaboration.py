"""The terms of a research collaboration, written down before the work starts: who does and brings what,
authorship and credit, the data and the code, and how the partners decide, revisit the terms and part.

Collaborations fail on what nobody said. :class:`CollaborationTerms` holds what the partners agreed (every
field is checked when the terms are made; a :class:`CollaborationError` names the part of the form its sentence
is about); :func:`agreement_gaps` lists what is commonly left unsaid and is still missing, as advice; and
:func:`terms_summary` writes the summary to send to the other partners, which states only what the terms say.

Contributor roles are the 14 of the CRediT taxonomy (ANSI/NISO Z39.104-2022), under their official names.
CRediT records who did what; it does not decide who is an author. Partners who follow the ICMJE
recommendations agree that every author meets all four of :data:`ICMJE_CRITERIA` and that other contributors
are acknowledged (``icmje=True``).

>>> terms = example_collaboration()
>>> [p.name for p in terms.partners]
['Joon-ho Park', 'Rosa Nwosu', 'Lucía Ferreira']
>>> terms.describe()
'The terms for “Street trees and pavement heat: a thermal-imaging field study” name 3 partners and 7 things to do or bring (2 of them resources). Nothing commonly left unsaid is missing.'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..data import load
from .checks import capitalised, shown, text_value

__all__ = ["CONTRIBUTION_KINDS", "CREDIT_ROLES", "FIELDS", "ICMJE_CRITERIA", "MAX_CONTRIBUTIONS", "MAX_PARTNERS",
           "MIN_PARTNERS", "CollaborationError", "CollaborationTerms", "Contribution", "Gap", "Partner",
           "agreement_gaps", "collaboration_terms", "credit_role", "example_collaboration", "load_collaboration",
           "summary_sections", "terms_summary"]

MIN_PARTNERS = 2
MAX_PARTNERS = 6
MAX_CONTRIBUTIONS = 20   # rows of who does and brings what
MAX_PROJECT = 100        # characters in the project's name
MAX_NAME = 60            # characters in a partner's name
MAX_AFFILIATION = 80     # characters in where a partner works
MAX_WHAT = 160           # characters in what a partner does or brings
MAX_WHEN = 60            # characters in by when
MAX_TERM = 300           # characters in one written term (the order rule, the data, the decisions ...)

#: The 14 contributor roles of CRediT (ANSI/NISO Z39.104-2022), under their official names, in its order.
CREDIT_ROLES: tuple[str, ...] = (
    "Conceptualization", "Data curation", "Formal analysis", "Funding acquisition", "Investigation", "Methodology",
    "Project administration", "Resources", "Software", "Supervision", "Validation", "Visualization",
    "Writing \u2013 original draft", "Writing \u2013 review & editing",
)
_WRITING = frozenset(CREDIT_ROLES[-2:])

#: The four criteria of authorship in the ICMJE recommendations; an author meets all four.
ICMJE_CRITERIA: tuple[str, ...] = (
    "a substantial contribution to the conception or design of the work, or to the acquisition, analysis or "
    "interpretation of its data",
    "drafting the work or revising it critically for important intellectual content",
    "final approval of the version to be published",
    "agreeing to be accountable for all aspects of the work",
)

#: What a row of who does and brings what is: a task, or a resource (data, money, equipment, a licence, lab time).
CONTRIBUTION_KINDS: dict[str, str] = {"task": "A task", "resource": "A resource"}

#: The parts of the form a :class:`CollaborationError` can be about.
FIELDS: tuple[str, ...] = ("project", "partners", "contributions", "authorship", "data", "process")


class CollaborationError(ValueError):
    """A sentence for the learner, and the part of the form it is about (``field``, one of :data:`FIELDS`), so
    that a form can show it beside that part."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


class _about:
    """Re-raise a ValueError from inside the block as a :class:`CollaborationError` about ``field``."""

    def __init__(self, field: str, prefix: str = ""):
        self.field, self.prefix = field, prefix

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if isinstance(error, ValueError) and not isinstance(error, CollaborationError):
            message = str(error)
            if self.prefix:
                message = f"{self.prefix}{message[:1].lower()}{message[1:]}"
            raise CollaborationError(message, self.field) from None
        return False


def _tidy(value: object, what: str, limit: int, stop: bool = True) -> str:
    """Text as a sentence quotes it: spaces tidied, no full stop at the end (a name keeps its own: ``stop=False``),
    at most ``limit`` characters.

    >>> _tidy("  Runs   the survey. ", "what they do", 40), _tidy("Rosa N. ", "a name", 40, stop=False)
    ('Runs the survey', 'Rosa N.')
    """
    text = " ".join(text_value(value, what).split())
    if stop:
        text = text.rstrip(".").rstrip()
    if len(text) > limit:
        raise ValueError(f"{capitalised(what)} is {len(text):,} characters long; keep it under {limit} so the "
                         f"summary stays easy to read.")
    return text


def _short(text: str, limit: int = 40) -> str:
    """Text quoted in a sentence: whole if short, else cut at a word with an ellipsis.

    >>> _short("Writes the image-processing code and runs the cooling analysis")
    "'Writes the image-processing code and…'"
    """
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
    return f"'{text}'"


def _joined(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c" (the course writes lists without a serial comma)."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _fold(text: str) -> str:
    """A role's name as people type it, folded for comparison: case, dashes, colons, '&'/'and', -isation."""
    folded = text.lower().replace("\u2013", " ").replace("\u2014", " ").replace("-", " ").replace(":", " ")
    folded = folded.replace("&", " and ").replace("isation", "ization")
    return " ".join(folded.split())


_ROLES = {_fold(role): role for role in CREDIT_ROLES}


def credit_role(text: object) -> str:
    """A CRediT role under its official name, read the way people type it (any case, a hyphen or a colon for
    the dash, 'and' for '&', British -isation).

    >>> credit_role("writing: review and editing"), credit_role("Visualisation")
    ('Writing – review & editing', 'Visualization')
    >>> credit_role("Coding")
    Traceback (most recent call last):
    ...
    ValueError: The role 'Coding' is not one of the 14 CRediT roles: choose from Conceptualization, Data curation, Formal analysis, Funding acquisition, Investigation, Methodology, Project administration, Resources, Software, Supervision, Validation, Visualization, Writing – original draft and Writing – review & editing.
    """
    role = _ROLES.get(_fold(text_value(text, "a contributor role")))
    if role is None:
        raise ValueError(f"The role {shown(text)} is not one of the 14 CRediT roles: choose from "
                         f"{_joined(list(CREDIT_ROLES))}.")
    return role


# -- the parts of the terms ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Partner:
    """A partner: a person (or a team) by name, and where they work or what their role is (optional).

    >>> Partner("  Rosa   Nwosu ", "Harbourside University").name
    'Rosa Nwosu'
    >>> Partner(" ")
    Traceback (most recent call last):
    ...
    ValueError: A partner needs a name, such as 'Rosa Nwosu' or 'the Harbourside imaging team'.
    """

    name: str
    affiliation: str = ""

    def __post_init__(self) -> None:
        name = _tidy(self.name, "a partner's name", MAX_NAME, stop=False)
        if not name:
            raise ValueError("A partner needs a name, such as 'Rosa Nwosu' or 'the Harbourside imaging team'.")
        object.__setattr__(self, "name", name)
        affiliation = _tidy(self.affiliation, f"where {name} works", MAX_AFFILIATION, stop=False)
        object.__setattr__(self, "affiliation", affiliation)

    def __str__(self) -> str:
        return f"{self.name} ({self.affiliation})" if self.affiliation else self.name


@dataclass(frozen=True)
class Contribution:
    """One row of who does and brings what: the partner responsible (empty: nobody yet), what they do or bring,
    by when (free text, optional) and whether it is a task or a resource (:data:`CONTRIBUTION_KINDS`).

    >>> Contribution("Rosa", "A licence for the image software.", kind="resource").what
    'A licence for the image software'
    >>> Contribution("Rosa", "")
    Traceback (most recent call last):
    ...
    ValueError: Write what is done or brought, such as 'Runs the field survey' or 'A licence for the analysis software'.
    """

    partner: str
    what: str
    when: str = ""
    kind: str = "task"

    def __post_init__(self) -> None:
        if not isinstance(self.kind, str) or self.kind not in CONTRIBUTION_KINDS:
            raise ValueError(f"A row is a task or a resource ({_joined([repr(k) for k in CONTRIBUTION_KINDS])}), "
                             f"not {shown(self.kind)}.")
        object.__setattr__(self, "partner", _tidy(self.partner, "the partner's name", MAX_NAME, stop=False))
        what = _tidy(self.what, "what is done or brought", MAX_WHAT)
        if not what:
            raise ValueError("Write what is done or brought, such as 'Runs the field survey' or 'A licence for the "
                             "analysis software'.")
        object.__setattr__(self, "what", what)
        object.__setattr__(self, "when", _tidy(self.when, f"by when for '{what}'", MAX_WHEN))

    @property
    def is_resource(self) -> bool:
        return self.kind == "resource"

    def line(self) -> str:
        """As the summary lists it: "Joon-ho Park: Cleans the data (by 30 September)"; a resource "brings"."""
        who = self.partner or "Not assigned yet"
        verb = " brings" if self.is_resource and self.partner else ""
        return f"{who}{verb}: {self.what}" + (f" ({self.when})" if self.when else "")


def _partner(item: object) -> Partner:
    if isinstance(item, Partner):
        return item
    if isinstance(item, str):
        return Partner(item)
    if isinstance(item, Mapping):
        return Partner(item.get("name", ""), item.get("affiliation", ""))
    if isinstance(item, (tuple, list)) and 1 <= len(item) <= 2:
        return Partner(*item)
    raise ValueError(f"A partner is a name, or a name and where they work, not {shown(item)}.")


def _contribution(item: object) -> Contribution:
    if isinstance(item, Contribution):
        return item
    if isinstance(item, Mapping):
        return Contribution(item.get("partner", ""), item.get("what", ""), item.get("when", ""),
                            item.get("kind", "task"))
    if isinstance(item, (tuple, list)) and 2 <= len(item) <= 4:
        return Contribution(*item)
    raise ValueError(f"A row of who does what is a partner, what they do or bring and by when, not {shown(item)}.")


def _match(name: str, partners: tuple[Partner, ...]) -> str | None:
    """The partner ``name`` means: the full name in any case, or a first name only one partner has."""
    folded = name.casefold()
    for partner in partners:
        if partner.name.casefold() == folded:
            return partner.name
    firsts = [p.name for p in partners if p.name.split(" ", 1)[0].casefold() == folded]
    return firsts[0] if len(firsts) == 1 else None


def _not_a_partner(partners: tuple[Partner, ...]) -> str:
    """The end of a sentence about a name that is not a partner's."""
    return f"who is not among the partners ({_joined([p.name for p in partners])})"


# -- the terms ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CollaborationTerms:
    """What the partners of a project agreed. Names in the rows, the author fields and the roles may be a
    partner's full name in any case, or a first name only one partner has; they are kept as the partner's name.

    ``credit_roles`` maps partners to their CRediT roles (a mapping, or ``(partner, roles)`` pairs); it is kept as
    one pair per partner, in the partners' order, the roles in CRediT's order. Every field is checked when the
    terms are made: a :class:`CollaborationError` names the part of the form its sentence is about.
    """

    project: str
    partners: tuple[Partner, ...]
    contributions: tuple[Contribution, ...] = ()
    first_author: str = ""
    last_author: str = ""
    corresponding_author: str = ""
    order_rule: str = ""
    icmje: bool = False
    credit_roles: Any = ()
    data_owner: str = ""
    data_after: str = ""
    code_licence: str = ""
    decisions: str = ""
    revisit: str = ""
    leaving: str = ""

    def __post_init__(self) -> None:
        def keep(name: str, value: Any) -> None:
            object.__setattr__(self, name, value)

        with _about("project"):
            project = _tidy(self.project, "the project's name", MAX_PROJECT)
            if not project:
                raise ValueError("Give the project a name, such as 'Street trees and pavement heat'.")
            keep("project", project)

        with _about("partners"):
            items = self.partners
            if isinstance(items, (str, bytes, Mapping)) or not isinstance(items, Iterable):
                raise ValueError(f"The partners are a list of names, not {shown(items)}.")
            partners = tuple(_partner(item) for item in items)
            if len(partners) < MIN_PARTNERS:
                raise ValueError(f"A collaboration needs at least {MIN_PARTNERS} partners: write the name of each "
                                 f"person or team taking part, yourself included.")
            if len(partners) > MAX_PARTNERS:
                raise ValueError(f"You listed {len(partners)} partners; this builder takes up to {MAX_PARTNERS}. For "
                                 f"a larger group, write the terms for each work package and its partners.")
            seen: dict[str, str] = {}
            for partner in partners:
                first = seen.setdefault(partner.name.casefold(), partner.name)
                if first is not partner.name:
                    raise ValueError(f"The list of partners names {first} twice: list each partner once (add an "
                                     f"initial if two share a name).")
            keep("partners", partners)

        with _about("contributions"):
            items = self.contributions
            if isinstance(items, (str, bytes, Mapping)) or not isinstance(items, Iterable):
                raise ValueError(f"Who does what is a list of rows, not {shown(items)}.")
            items = list(items)
            if len(items) > MAX_CONTRIBUTIONS:
                raise ValueError(f"Who does what has {len(items)} rows; keep it to {MAX_CONTRIBUTIONS}, the main "
                                 f"tasks and resources, so that everyone reads them all.")
            rows = []
            for number, item in enumerate(items, 1):
                with _about("contributions", f"Row {number} of who does what: "):
                    row = _contribution(item)
                if row.partner:
                    name = _match(row.partner, partners)
                    if name is None:
                        raise ValueError(f"In who does what, {_short(row.what)} is given to {shown(row.partner)}, "
                                         f"{_not_a_partner(partners)}. Type a partner's name as the list of partners "
                                         f"gives it, or add them to that list.")
                    row = dataclasses.replace(row, partner=name)
                rows.append(row)
            keep("contributions", tuple(rows))

        with _about("authorship"):
            names = {}
            for key, role in (("first_author", "first author"), ("last_author", "last author"),
                              ("corresponding_author", "corresponding author")):
                typed = _tidy(getattr(self, key), f"the {role}", MAX_NAME, stop=False)
                name = _match(typed, partners) if typed else ""
                if name is None:
                    raise ValueError(f"The {role}, {shown(typed)}, is not among the partners "
                                     f"({_joined([p.name for p in partners])}). Type a partner's name as the list of "
                                     f"partners gives it, or leave it empty until you agree.")
                names[key] = name
                keep(key, name)
            if names["first_author"] and names["first_author"] == names["last_author"]:
                raise ValueError(f"The first and the last author cannot be the same partner ({names['first_author']}): "
                                 f"choose another last author, or leave it empty until you agree.")
            keep("order_rule", _tidy(self.order_rule, "the rule for the author order", MAX_TERM))
            if not isinstance(self.icmje, bool):
                raise ValueError(f"Whether you follow the ICMJE criteria is yes or no (True or False), not "
                                 f"{shown(self.icmje)}.")
            keep("credit_roles", self._roles(self.credit_roles, partners))

        with _about("data"):
            keep("data_owner", _tidy(self.data_owner, "who owns and keeps the data", MAX_TERM))
            keep("data_after", _tidy(self.data_after, "who may use the data after the project", MAX_TERM))
            keep("code_licence", _tidy(self.code_licence, "the licence of the code", MAX_TERM))

        with _about("process"):
            keep("decisions", _tidy(self.decisions, "how you decide and settle disagreements", MAX_TERM))
            keep("revisit", _tidy(self.revisit, "when you revisit the terms", MAX_TERM))
            keep("leaving", _tidy(self.leaving, "what happens if a partner leaves", MAX_TERM))

    @staticmethod
    def _roles(value: Any, partners: tuple[Partner, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
        if isinstance(value, Mapping):
            pairs = list(value.items())
        elif isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
            raise ValueError(f"The contributor roles are a list of partners and their roles, not {shown(value)}.")
        else:
            pairs = list(value)
        chosen: dict[str, tuple[str, ...]] = {}
        for pair in pairs:
            if isinstance(pair, (str, bytes)) or not isinstance(pair, (tuple, list)) or len(pair) != 2:
                raise ValueError(f"Contributor roles are given as a partner and their roles, not {shown(pair)}.")
            typed, roles = pair
            typed = _tidy(typed, "the partner whose roles these are", MAX_NAME, stop=False)
            name = _match(typed, partners)
            if name is None:
                raise ValueError(f"Contributor roles are given for {shown(typed)}, {_not_a_partner(partners)}. "
                                 f"Give roles to partners only.")
            if name in chosen:
                raise ValueError(f"The contributor roles of {name} are given twice: give them once.")
            if isinstance(roles, (str, bytes)) or not isinstance(roles, Iterable):
                raise ValueError(f"The contributor roles of {name} are a list of CRediT roles, not {shown(roles)}.")
            picked = {credit_role(role) for role in roles}
            chosen[name] = tuple(role for role in CREDIT_ROLES if role in picked)
        return tuple((p.name, chosen.get(p.name, ())) for p in partners)

    # -- reading the terms -----------------------------------------------------------------------------------

    def roles_of(self, partner: str) -> tuple[str, ...]:
        """A partner's CRediT roles (by name), in CRediT's order.

        >>> example_collaboration().roles_of("Rosa Nwosu")[:2]
        ('Formal analysis', 'Methodology')
        """
        return dict(self.credit_roles)[partner]

    def contributions_of(self, partner: str) -> tuple[Contribution, ...]:
        """The rows a partner is responsible for, in the order written."""
        return tuple(row for row in self.contributions if row.partner == partner)

    @property
    def resources(self) -> tuple[Contribution, ...]:
        return tuple(row for row in self.contributions if row.is_resource)

    @property
    def gaps(self) -> tuple[Gap, ...]:
        return agreement_gaps(self)

    def describe(self) -> str:
        """The terms in two sentences: the partners, the rows and the resources, and how many gaps remain.

        >>> collaboration_terms("Tree survey", ["Joon-ho Park", "Rosa Nwosu"]).describe()
        'The terms for “Tree survey” name 2 partners and nothing to do or bring yet. 10 things commonly left unsaid are missing: see the list.'
        """
        count = len(self.contributions)
        if count:
            things = f"{count} thing{'s' if count != 1 else ''} to do or bring"
            resources = len(self.resources)
            if resources:
                things += f" ({resources} of them resource{'s' if resources != 1 else ''})"
        else:
            things = "nothing to do or bring yet"
        gaps = len(agreement_gaps(self))
        missing = ("Nothing commonly left unsaid is missing." if not gaps else
                   f"1 thing commonly left unsaid is missing: see the list." if gaps == 1 else
                   f"{gaps} things commonly left unsaid are missing: see the list.")
        return f"The terms for \u201c{self.project}\u201d name {len(self.partners)} partners and {things}. {missing}"

    # -- the plan file ---------------------------------------------------------------------------------------

    def as_dict(self) -> dict[str, Any]:
        """The terms as plain data for the plan file (read back by :meth:`from_dict`)."""
        return {
            "project": self.project,
            "partners": [{"name": p.name, "affiliation": p.affiliation} for p in self.partners],
            "contributions": [{"partner": c.partner, "what": c.what, "when": c.when, "kind": c.kind}
                              for c in self.contributions],
            "authorship": {"first": self.first_author, "last": self.last_author,
                           "corresponding": self.corresponding_author, "order_rule": self.order_rule,
                           "icmje": self.icmje, "roles": {name: list(roles) for name, roles in self.credit_roles}},
            "data": {"owner": self.data_owner, "after": self.data_after, "code_licence": self.code_licence},
            "process": {"decisions": self.decisions, "revisit": self.revisit, "leaving": self.leaving},
        }

    @classmethod
    def from_dict(cls, data: Any) -> CollaborationTerms:
        """Terms from :meth:`as_dict`'s form (the example's file has it too); anything else is refused with a
        sentence (a :class:`CollaborationError`).

        >>> CollaborationTerms.from_dict(example_collaboration().as_dict()) == example_collaboration()
        True
        >>> CollaborationTerms.from_dict({"project": "Trees"})
        Traceback (most recent call last):
        ...
        negwidgets.model.collaboration.CollaborationError: Saved collaboration terms lack 'partners'.
        """
        if isinstance(data, CollaborationTerms):
            return data
        if not isinstance(data, Mapping):
            raise CollaborationError(f"Saved collaboration terms are a set of named parts, not {shown(data)}.",
                                     "project")
        for key in ("project", "partners"):
            if key not in data:
                raise CollaborationError(f"Saved collaboration terms lack {key!r}.", key)
        unknown = sorted(set(data) - {"project", "partners", "contributions", "authorship", "data", "process"},
                         key=str)
        if unknown:
            raise CollaborationError(f"Saved collaboration terms have a part this version does not know "
                                     f"({shown(unknown[0])}).", "project")

        def part(name: str, keys: tuple[str, ...]) -> dict[str, Any]:
            value = data.get(name, {})
            if not isinstance(value, Mapping):
                raise CollaborationError(f"The saved '{name}' of the collaboration terms is a set of named parts, "
                                         f"not {shown(value)}.", name)
            extra = sorted(set(value) - set(keys), key=str)
            if extra:
                raise CollaborationError(f"The saved '{name}' of the collaboration terms has a part this version "
                                         f"does not know ({shown(extra[0])}).", name)
            return value

        authorship = part("authorship", ("first", "last", "corresponding", "order_rule", "icmje", "roles"))
        stored = part("data", ("owner", "after", "code_licence"))
        process = part("process", ("decisions", "revisit", "leaving"))
        for name in ("partners", "contributions"):
            value = data.get(name, [])
            if not isinstance(value, list) or not all(isinstance(item, (Mapping, str, list)) for item in value):
                raise CollaborationError(f"The saved {name} of the collaboration terms are a list of entries, not "
                                         f"{shown(value)}.", name)
        return cls(data["project"], data["partners"], data.get("contributions", []),
                   authorship.get("first", ""), authorship.get("last", ""), authorship.get("corresponding", ""),
                   authorship.get("order_rule", ""), authorship.get("icmje", False), authorship.get("roles", {}),
                   stored.get("owner", ""), stored.get("after", ""), stored.get("code_licence", ""),
                   process.get("decisions", ""), process.get("revisit", ""), process.get("leaving", ""))


def collaboration_terms(project: str, partners: Iterable[Partner | str | tuple[str, str]],
                        contributions: Iterable[Contribution | tuple] = (), *, first_author: str = "",
                        last_author: str = "", corresponding_author: str = "", order_rule: str = "",
                        icmje: bool = False, credit_roles: Mapping[str, Iterable[str]] | Iterable = (),
                        data_owner: str = "", data_after: str = "", code_licence: str = "", decisions: str = "",
                        revisit: str = "", leaving: str = "") -> CollaborationTerms:
    """Make and check the terms; partners may be names or ``(name, affiliation)`` pairs and rows
    ``(partner, what, when, kind)`` tuples (``when`` and ``kind`` optional).

    >>> terms = collaboration_terms("Tree survey", ["Joon-ho Park", ("Rosa Nwosu", "Harbourside University")],
    ...                             [("joon-ho", "Runs the survey", "by 31 August"), ("Rosa", "Software licence", "", "resource")],
    ...                             first_author="Joon-ho")
    >>> terms.first_author, terms.contributions[0].line()
    ('Joon-ho Park', 'Joon-ho Park: Runs the survey (by 31 August)')
    >>> collaboration_terms("Tree survey", ["Joon-ho Park", "Rosa Nwosu"], [("Lucía", "Supervises")])
    Traceback (most recent call last):
    ...
    negwidgets.model.collaboration.CollaborationError: In who does what, 'Supervises' is given to 'Lucía', who is not among the partners (Joon-ho Park and Rosa Nwosu). Type a partner's name as the list of partners gives it, or add them to that list.
    """
    return CollaborationTerms(project, tuple(partners), tuple(contributions), first_author, last_author,
                              corresponding_author, order_rule, icmje, credit_roles, data_owner, data_after,
                              code_licence, decisions, revisit, leaving)


# -- what is left unsaid ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Gap:
    """Something commonly left unsaid that the terms do not yet say: ``key`` names the kind, ``partner`` the
    partner it concerns (if any), ``text`` the advice; ``field`` is the part of the form to fill in."""

    key: str
    field: str
    text: str
    partner: str = ""

    def __str__(self) -> str:
        return self.text


def agreement_gaps(terms: CollaborationTerms) -> tuple[Gap, ...]:
    """What the terms leave unsaid, as advice, in the form's order: a row nobody is named for, a partner with
    nothing to do or bring, no author order, a partner with no contributor roles or with no writing role, no
    word on who keeps the data or who may use it afterwards, on deciding and disagreeing, on when to revisit
    the terms and on a partner leaving.

    >>> [gap.key for gap in agreement_gaps(example_collaboration())]
    []
    >>> bare = collaboration_terms("Tree survey", ["Joon-ho Park", "Rosa Nwosu"], [("", "Book the lab van")],
    ...                            credit_roles={"Rosa": ["Software"]}, first_author="Joon-ho")
    >>> [gap.key for gap in agreement_gaps(bare)]
    ['unassigned', 'no_contribution', 'no_contribution', 'no_roles', 'no_writing_role', 'no_data_owner', 'no_data_after', 'no_decisions', 'no_revisit', 'no_leaving']
    >>> print(agreement_gaps(bare)[0])
    Nobody is named for 'Book the lab van' yet. Agree who does it: a task that belongs to everyone tends to be done by no one.
    """
    gaps = []
    for row in terms.contributions:
        if not row.partner:
            gaps.append(Gap("unassigned", "contributions",
                            f"Nobody is named for {_short(row.what, 60)} yet. Agree who "
                            f"{'brings' if row.is_resource else 'does'} it: a "
                            f"{'resource' if row.is_resource else 'task'} that belongs to everyone tends to be "
                            f"{'brought' if row.is_resource else 'done'} by no one."))
    for partner in terms.partners:
        if not terms.contributions_of(partner.name):
            gaps.append(Gap("no_contribution", "contributions",
                            f"Nothing is written down for {partner.name} to do or bring. Agree their part now, so "
                            f"that the work and the credit still match when the paper is written.", partner.name))
    if not (terms.first_author or terms.last_author or terms.order_rule):
        gaps.append(Gap("no_author_order", "authorship",
                        "The author order is not agreed yet. Agree who goes first and last, and who corresponds, "
                        "while nobody has a finished paper at stake, and how the order changes if the work does."))
    for name, roles in terms.credit_roles:
        if not roles:
            gaps.append(Gap("no_roles", "authorship",
                            f"No contributor roles are chosen for {name} yet. Choosing them from the 14 CRediT roles "
                            f"now tells each of you what credit to expect for which work.", name))
        elif not _WRITING & set(roles):
            gaps.append(Gap("no_writing_role", "authorship",
                            f"No writing role is chosen for {name}. Under the ICMJE criteria, which many journals use, every "
                            f"author drafts or critically revises the paper and approves the final version; someone "
                            f"who helped design the work or gather or analyse the data should be given that chance, "
                            f"not left out. Invite {name} to review the drafts and approve the paper (Writing "
                            f"\u2013 review & editing), or agree that they will be thanked in the acknowledgements.",
                            name))
    if not terms.data_owner:
        gaps.append(Gap("no_data_owner", "data",
                        "Who owns and keeps the data is not written down. Say where the data are kept and who looks "
                        "after them, so that nothing depends on one person's laptop or contract."))
    if not terms.data_after:
        gaps.append(Gap("no_data_after", "data",
                        "Who may use the data after the project, and for what, is not agreed. Say it now (follow-up "
                        "papers, teaching, a public repository): otherwise each of you may assume a different answer."))
    if not terms.decisions:
        gaps.append(Gap("no_decisions", "process",
                        "How you decide and settle disagreements is not written down. Agree it while you agree on "
                        "everything: who decides each part, and how you talk a disagreement through."))
    if not terms.revisit:
        gaps.append(Gap("no_revisit", "process",
                        "There is no date to revisit these terms. Pick a date or a milestone (the end of data "
                        "collection, the first draft): plans change, and a set time makes raising a change normal."))
    if not terms.leaving:
        gaps.append(Gap("no_leaving", "process",
                        "Nothing says what happens if a partner leaves. Contracts end and people move: agree who "
                        "takes over their tasks, and what credit and data they keep."))
    return tuple(gaps)


# -- the written summary -----------------------------------------------------------------------------------------

_NOT_AGREED = "not agreed yet"


def summary_sections(terms: CollaborationTerms) -> list[tuple[str, list[tuple[str, str]]]]:
    """The terms as (heading, [(label, text)]) sections, as the summary and the plan's page show them; an empty
    label makes a line of its own. Only what the terms say, and "not agreed yet" where they say nothing.

    >>> [heading for heading, _ in summary_sections(example_collaboration())]
    ['Who does and brings what', 'Authorship and credit', 'Data and code', 'How we work together']
    """
    work = [("", row.line()) for row in terms.contributions] or [("", "Nothing written down yet")]
    order = [("First author", terms.first_author)] if terms.first_author else []
    if terms.last_author:
        order.append(("Last author", terms.last_author))
    if terms.order_rule:
        order.append(("Author order" if not order else "The rest of the order", terms.order_rule))
    if not order:
        order.append(("Author order", _NOT_AGREED))
    if terms.corresponding_author:
        order.append(("Corresponding author", terms.corresponding_author))
    if terms.icmje:
        order.append(("Who is an author", f"each author meets all four ICMJE criteria ({'; '.join(ICMJE_CRITERIA)}); "
                                          f"anyone else who helped is thanked in the acknowledgements"))
    order += [(f"{name}'s roles (CRediT)", ", ".join(roles)) for name, roles in terms.credit_roles if roles]
    data = [("Who owns and keeps the data", terms.data_owner or _NOT_AGREED),
            ("Who may use the data after the project, and for what", terms.data_after or _NOT_AGREED)]
    if terms.code_licence:
        data.append(("Licence of the code", terms.code_licence))
    process = [("Decisions and disagreements", terms.decisions or _NOT_AGREED),
               ("When we revisit these terms", terms.revisit or _NOT_AGREED),
               ("If a partner leaves", terms.leaving or _NOT_AGREED)]
    return [("Who does and brings what", work), ("Authorship and credit", order), ("Data and code", data),
            ("How we work together", process)]


def terms_summary(terms: CollaborationTerms) -> str:
    """The summary to paste into an email to the other partners: what the terms say, part by part, and a request
    to reply if anything differs. It is true whoever of the partners sends it, and invents nothing.

    >>> print(terms_summary(collaboration_terms("Tree survey", ["Joon-ho Park", "Rosa Nwosu"],
    ...                                          [("Joon-ho", "Runs the survey", "by 31 August")], first_author="Rosa")))
    Subject: What we agreed for Tree survey
    <BLANKLINE>
    Hello,
    <BLANKLINE>
    Here is what we agreed for Tree survey, so that we have it in writing. The partners are Joon-ho Park and Rosa Nwosu.
    <BLANKLINE>
    Who does and brings what
    - Joon-ho Park: Runs the survey (by 31 August)
    <BLANKLINE>
    Authorship and credit
    - First author: Rosa Nwosu
    <BLANKLINE>
    Data and code
    - Who owns and keeps the data: not agreed yet
    - Who may use the data after the project, and for what: not agreed yet
    <BLANKLINE>
    How we work together
    - Decisions and disagreements: not agreed yet
    - When we revisit these terms: not agreed yet
    - If a partner leaves: not agreed yet
    <BLANKLINE>
    Please reply if anything is different from your understanding.
    """
    lines = [f"Subject: What we agreed for {terms.project}", "", "Hello,", "",
             f"Here is what we agreed for {terms.project}, so that we have it in writing. The partners are "
             f"{_joined([str(p) for p in terms.partners])}.", ""]
    for heading, items in summary_sections(terms):
        lines.append(heading)
        lines += [f"- {label}: {text}" if label else f"- {text}" for label, text in items]
        lines.append("")
    lines.append("Please reply if anything is different from your understanding.")
    return "\n".join(lines)


def load_collaboration(path: Path | str | None = None) -> CollaborationTerms | None:
    """The terms saved in the plan file (``None`` when there is no plan file or it holds no terms). A damaged
    file raises :class:`~negwidgets.model.plan_file.PlanFileError` with a sentence, and is left as it is.

    >>> load_collaboration("/nonexistent/plan.json") is None
    True
    """
    from .plan_file import default_plan_path, load_plan

    target = Path(path) if path is not None else default_plan_path()
    return load_plan(target).collaboration if target.exists() else None


def example_collaboration() -> CollaborationTerms:
    """Lesson 16's example (``negwidgets/data/collaboration_example.yaml``): a postdoc whose lab runs a summer
    field study of street trees, a researcher at another university who brings the image-analysis method and a
    software licence her university provides free, and the head of the lab.

    >>> [row.what for row in example_collaboration().resources][0][:60]
    'A licence for the image-analysis software, free through Harb'
    """
    return CollaborationTerms.from_dict(load("collaboration_example"))
