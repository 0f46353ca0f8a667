"""The sources register (negwidgets/data/sources.yaml): every work the course cites is there, every
research figure a lesson quotes is one the register holds for a work that lesson cites, and each
lesson's "Sources and further reading" is written from it (the build; tests/test_notebooks.py checks
that the sources are as the build leaves them)."""

import re

import jupytext
import pytest
import yaml

from negwidgets.model.sources import cited_sources, figures_quoted, reference_markdown, sources

from .conftest import NOTEBOOKS, ROOT
from .pages import CHECK_CALL

LESSONS = sorted(p for p in (NOTEBOOKS / "sources").glob("[0-9][0-9]_*.md"))
DATA_WITH_CITATIONS = [ROOT / "negwidgets/data/tactics.yaml", *sorted((ROOT / "negwidgets/data/checks").glob("*.yaml"))]


def prose(source) -> str:
    """A lesson's markdown before its sources section, as the build reads it for citations."""
    cells = jupytext.read(source).cells
    text = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    return text.split("## Sources and further reading")[0]


def checks_of(source) -> str:
    """The text of the check banks a lesson shows."""
    banks = {bank for _kind, bank, *_ids in CHECK_CALL.findall(source.read_text())}
    return "\n".join((ROOT / "negwidgets/data/checks" / f"{bank}.yaml").read_text() for bank in sorted(banks))


def test_every_entry_is_a_complete_reference():
    register = sources()
    assert len(register) >= 40
    raw = yaml.safe_load((ROOT / "negwidgets/data/sources.yaml").read_text())["sources"]
    assert len({entry["id"] for entry in raw}) == len(raw), "an id used twice"
    for source in register.values():
        if source.kind == "note":
            assert source.title, source.id
            continue
        assert source.authors and source.year and source.title and source.venue, source.id
        assert re.fullmatch(r"[a-z]+\d{4}[a-z]?", source.id) and source.id.startswith(source.surname.lower()[:4].replace(" ", "")), source.id
        assert not source.doi or re.fullmatch(r"10\.\d{4,9}/\S+", source.doi), source.id
        assert source.verified, f"{source.id}: say what was checked, against what"
        text = reference_markdown(source)
        assert str(source.year) in text and source.authors[-1] in text


@pytest.mark.parametrize("source", LESSONS, ids=lambda p: p.stem)
def test_a_lesson_cites_only_works_in_the_register(source):
    _cited, unknown = cited_sources(prose(source))
    assert unknown == [], f"{source.name} cites works the register lacks: {unknown}"


@pytest.mark.parametrize("path", DATA_WITH_CITATIONS, ids=lambda p: p.stem)
def test_the_course_data_cites_only_works_in_the_register(path):
    _cited, unknown = cited_sources(path.read_text())
    assert unknown == [], f"{path.name} cites works the register lacks: {unknown}"


@pytest.mark.parametrize("source", LESSONS, ids=lambda p: p.stem)
def test_every_research_figure_a_lesson_quotes_belongs_to_a_work_it_cites(source):
    """r = 0.62 in lesson 05 must be a figure the register holds for a work lesson 05 cites: a figure
    held for some other work (the same g = 0.20 in another paper) does not count."""
    text = prose(source) + "\n" + checks_of(source)
    cited, _ = cited_sources(prose(source) + (source.read_text().split("## Sources and further reading")[-1]))
    held = {figure.replace("\u2212", "-") for i in cited for figure in sources()[i].figures}
    quoted = {figure.replace("\u2212", "-") for figure in figures_quoted(text)}
    assert quoted <= held, f"{source.name} quotes {sorted(quoted - held)} without a cited work holding them"


def test_a_figure_from_the_wrong_work_is_caught():
    """The check is per work: lesson 10 once gave Kugler et al.'s g = 0.20 to Mazei et al."""
    mazei, kugler = sources()["mazei2015"], sources()["kugler2018"]
    assert "g = 0.20" in kugler.figures and "g = 0.20" not in mazei.figures
    cited, _ = cited_sources("A meta-analysis found a difference (g = 0.20) (Mazei et al., 2015).")
    assert cited == ["mazei2015"] and "g = 0.20" not in {f for i in cited for f in sources()[i].figures}


def test_two_works_by_one_first_author_in_one_year_are_told_apart_by_the_citation(monkeypatch):
    """Thompson & Hrebec (1996) and Thompson, Peterson & Brodt (1996): the co-author, or "et al.", decides."""
    import negwidgets.model.sources as register
    from negwidgets.model.sources import Source

    works = {"pair": Source("pair", ("Thompson, L.", "Hrebec, D."), 1996, "Lose-lose"),
             "team": Source("team", ("Thompson, L.", "Peterson, E.", "Brodt, S. E."), 1996, "Team negotiation")}
    monkeypatch.setattr(register, "sources", lambda: works)
    assert cited_sources("As Thompson and Hrebec (1996) found.")[0] == ["pair"]
    assert cited_sources("Teams did better (Thompson et al., 1996).")[0] == ["team"]
    assert cited_sources("Thompson, Peterson and Brodt (1996) compared teams.")[0] == ["team"]
    assert sorted(cited_sources("Thompson (1996) said so.")[0]) == ["pair", "team"]   # nothing to tell them apart
