"""The course's one sources register (``negwidgets/data/sources.yaml``): every work a lesson cites, with
the exact claims and figures the course takes from it.

Each lesson's "Sources and further reading" section is written from here by the lesson build, and the
tests check that a lesson cites no work and quotes no research figure (``r = 0.62``) the register lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Claim", "Source", "cited_sources", "claims_for", "figures_quoted", "reference_markdown", "sources",
           "sources_section"]


@dataclass(frozen=True)
class Claim:
    """What the course takes from a work, in one sentence, with the figures a lesson may quote."""

    text: str
    figures: tuple[str, ...] = ()
    lessons: tuple[str, ...] = ()   # the lessons (by number, "05") that make this claim


@dataclass(frozen=True)
class Source:
    id: str
    authors: tuple[str, ...]
    year: int | None
    title: str
    kind: str = "article"
    venue: str = ""
    edition: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    article: str = ""
    doi: str = ""
    url: str = ""
    claims: tuple[Claim, ...] = ()
    verified: str = ""

    @property
    def surname(self) -> str:
        """The first author's surname, as citations in the text write it."""
        return self.authors[0].split(",")[0].strip() if self.authors else ""

    @property
    def figures(self) -> tuple[str, ...]:
        return tuple(figure for claim in self.claims for figure in claim.figures)


def _text(entry: dict, key: str) -> str:
    value = entry.get(key, "")
    return "" if value is None else str(value)


@lru_cache(maxsize=1)
def sources() -> dict[str, Source]:
    """Every work in the register, by id.

    >>> sources()["galinsky2001"].surname
    'Galinsky'
    """
    from ..data import load

    register = {}
    for entry in load("sources")["sources"]:
        claims = tuple(Claim(str(c["text"]), tuple(str(f) for f in c.get("figures", ())),
                             tuple(str(n).zfill(2) for n in c.get("lessons", ()))) for c in entry.get("claims", ()))
        source = Source(
            id=str(entry["id"]), authors=tuple(str(a) for a in entry.get("authors", ())), year=entry.get("year"),
            title=_text(entry, "title") or _text(entry, "text"), kind=_text(entry, "kind") or "article",
            venue=_text(entry, "venue"), edition=_text(entry, "edition"), volume=_text(entry, "volume"),
            issue=_text(entry, "issue"), pages=_text(entry, "pages"), article=_text(entry, "article"),
            doi=_text(entry, "doi"), url=_text(entry, "url"), claims=claims, verified=_text(entry, "verified"),
        )
        if source.id in register:
            raise ValueError(f"The sources register holds {source.id!r} twice.")
        register[source.id] = source
    return register


def _authors(names: tuple[str, ...]) -> str:
    """Authors as APA writes them: "A, B, & C" (and "A, & B" for two)."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]


def reference_markdown(source: Source) -> str:
    """The full reference as one Markdown line (APA style, with its DOI or address).

    >>> print(reference_markdown(sources()["galinsky2001"]))   # doctest: +ELLIPSIS
    Galinsky, A. D., & Mussweiler, T. (2001). First offers as anchors: ...
    """
    if source.kind == "note":
        return source.title
    title = source.title.rstrip(".")
    if source.kind == "book":
        edition = f" ({source.edition} ed.)" if source.edition else ""
        text = f"{_authors(source.authors)} ({source.year}). *{title}*{edition}. {source.venue}."
    else:
        where = f"*{source.venue}*" if source.venue else ""
        if source.volume:
            where += f", *{source.volume}*" + (f"({source.issue})" if source.issue else "")
        if source.pages or source.article:
            where += f", {source.pages or 'article ' + source.article}"
        text = f"{_authors(source.authors)} ({source.year}). {title}. {where}."
    if source.doi:
        text += f" https://doi.org/{source.doi}"
    elif source.url:
        text += f" {source.url}"
    return text


def claims_for(source: Source, lesson: str) -> list[str]:
    """The claims a lesson takes from a work: those tagged with it, or all of them when none is tagged."""
    tagged = any(claim.lessons for claim in source.claims)
    return [claim.text for claim in source.claims if not tagged or lesson in claim.lessons]


# A year in a citation: "(2001)", "(Galinsky & Mussweiler, 2001)", "(Janiszewski & Uy, 2008; Mason et al., 2013)".
_CITED_YEAR = re.compile(r"(?:\(|, |; )((?:19|20)\d\d)[a-z]?(?=[);,])")
_WORD = re.compile(r"[A-Z][A-Za-z'\u2019-]+")


def cited_sources(prose: str) -> tuple[list[str], list[str]]:
    """The register's works that ``prose`` cites author-year, and the citations it does not hold.

    A citation is a year in parentheses, or after a comma or semicolon inside them, with the first
    author's surname in the words just before it ("Moore (2004)", "(Maaravi & Levy, 2017)",
    "Rubinstein's alternating offers (1982)"). A surname of two words is matched whole ("Van Kleef et al. (2004)").

    >>> cited_sources("Earlier, Galinsky and Mussweiler (2001) showed it; so did Nobody (1999).")
    (['galinsky2001'], ['Nobody (1999)'])
    """
    text = " ".join(prose.split())
    by_key: dict[tuple[str, int], list[str]] = {}
    for source in sources().values():
        if source.year:
            by_key.setdefault((source.surname.lower(), int(source.year)), []).append(source.id)
    found, unknown = [], []
    for match in _CITED_YEAR.finditer(text):
        year = int(match.group(1))
        window = text[max(0, match.start() - 90):match.start()]
        window = window[window.rfind(";") + 1:] if ";" in window else window   # one citation of a list
        words = [re.sub(r"['\u2019]s?$", "", w) for w in _WORD.findall(window)]   # Bowles's -> Bowles
        # A two-word surname ("Van Kleef") is looked up as the pair of words it is written as.
        names = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
        hits = list(dict.fromkeys(i for w in names for i in by_key.get((w.lower(), year), [])))
        if len(hits) > 1:   # one first author, two works that year: the co-author named, or "et al.", decides
            hits = _by_coauthors(hits, words, "et al" in window)
        if hits:
            found += [i for i in dict.fromkeys(hits) if i not in found]
        else:
            unknown.append(f"{(words or ['?'])[-1]} ({year})")
    return found, unknown


def _by_coauthors(ids: list[str], words: list[str], et_al: bool) -> list[str]:
    """Of several works by one first author in one year, those whose second author the citation names, else,
    for "et al.", those with three or more authors; all of them when neither tells them apart."""
    register = sources()
    named = {w.lower() for w in words}
    second = [i for i in ids if len(register[i].authors) > 1
              and register[i].authors[1].split(",")[0].strip().lower() in named]
    if second:
        return second
    many = [i for i in ids if len(register[i].authors) >= 3] if et_al else []
    return many or ids


# A research figure as lessons quote it: r = 0.62, g = -0.42, N = 16,334 (not d: lesson 08's d is a discount factor).
_FIGURE = re.compile(r"\b[rgN] = [-\u2212]?[\d,]*\.?\d+")


def figures_quoted(prose: str) -> list[str]:
    """The research figures quoted in ``prose``.

    >>> figures_quoted("a correlation of r = 0.62 (g = -0.42, N = 16,334)")
    ['r = 0.62', 'g = -0.42', 'N = 16,334']
    """
    return _FIGURE.findall(" ".join(prose.split()))


def sources_section(prose: str, lesson: str, further: tuple[str, ...] = ()) -> str:
    """The Markdown list of a lesson's sources: the works its prose cites, then ``further`` reading, each
    with the claims the lesson takes from it as a list below it.

    Raises ValueError with a sentence when the prose cites a work the register does not hold.
    """
    register = sources()
    cited, unknown = cited_sources(prose)
    if unknown:
        raise ValueError(f"Lesson {lesson} cites {', '.join(unknown)}, which the sources register "
                         "(negwidgets/data/sources.yaml) does not hold: add the work there first.")
    missing = [i for i in further if i not in register]
    if missing:
        raise ValueError(f"Lesson {lesson} lists {', '.join(missing)} as further reading, which the sources "
                         "register does not hold.")
    lines = []
    for i in cited + [i for i in further if i not in cited]:
        lines.append(f"- {reference_markdown(register[i])}")
        lines += [f"  - {claim}" for claim in claims_for(register[i], lesson)]
    return "\n".join(lines)
