"""The lessons as files: paired sources in sync, the lesson shape, hygiene, and each lesson's key figures.

nbval re-executes every notebook and compares its stored text outputs (run by the same test command);
the tests here check that those stored outputs show the right numbers, computed independently.
"""

import re
from html.parser import HTMLParser

import jupytext
import nbformat
import pytest
import yaml

from negwidgets.model import money
from negwidgets.model.money import DOLLAR_MARKUP, markdown_money

from .conftest import NOTEBOOKS, ROOT, build_script, notebook_of

SOURCES = sorted(p for p in NOTEBOOKS.rglob("sources/*.md") if ".ipynb_checkpoints" not in p.parts)
NOTEBOOK_FILES = sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
LESSONS = sorted(p for p in SOURCES if re.match(r"\d\d_", p.name))
COURSE = yaml.safe_load((ROOT / "negwidgets/data/course.yaml").read_text())


def ids(paths):
    return [p.stem for p in paths]


def stored(stem: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)


def outputs_text(notebook) -> list[str]:
    texts = []
    for cell in notebook.cells:
        if cell.cell_type == "code":
            for output in cell.outputs:
                data = output.get("data", {})
                texts.append(output.get("text") or data.get("text/markdown") or data.get("text/plain", ""))
    return texts


# --- pairing ---------------------------------------------------------------------------------------

def test_every_notebook_has_a_text_source_and_every_source_a_notebook():
    assert {notebook_of(p) for p in SOURCES} == set(NOTEBOOK_FILES)
    # Each lesson appears once in a file browser: the sources live in their own folder.
    stray = [p for p in NOTEBOOKS.rglob("*.md") if p.parent.name != "sources" and ".ipynb_checkpoints" not in p.parts
             and jupytext.read(p).metadata.get("kernelspec")]
    assert not stray
    assert len(LESSONS) >= 5


@pytest.mark.parametrize("source", SOURCES, ids=ids(SOURCES))
def test_paired_notebook_is_in_sync_with_its_source(source):
    text = jupytext.read(source)
    notebook = nbformat.read(notebook_of(source), as_version=4)
    assert notebook.metadata.get("jupytext", {}).get("formats") == "ipynb,sources//md:myst"
    def inputs(cells):
        return [(c.cell_type, c.source, c.metadata.get("tags", []), c.metadata.get("slideshow")) for c in cells]

    expected, actual = inputs(text.cells), inputs(notebook.cells)
    assert actual == expected, (
        f"{source.name} and its .ipynb differ: run `python scripts/build_notebooks.py {source.stem}`"
    )


# --- hygiene ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=ids(NOTEBOOK_FILES))
def test_notebook_stores_no_widget_state_images_warnings_or_skips(path):
    notebook = nbformat.read(path, as_version=4)
    assert "widgets" not in notebook.metadata
    for cell in notebook.cells:
        tags = cell.metadata.get("tags", [])
        assert not {"nbval-skip", "skip-execution", "raises-exception"} & set(tags), "every cell must run"
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            assert output.get("name") != "stderr", f"warning stored in {path.name}: {output.get('text')}"
            assert set(output.get("data", {})) <= {"text/plain", "text/markdown"}, "only text outputs are stored"
            assert cell.execution_count is not None, "stored outputs need an execution count to be compared"


def test_the_test_command_executes_every_notebook_strictly():
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert "--nbval " in pyproject and "--nbval-current-env" in pyproject
    assert "--nbval-lax" not in pyproject
    assert '"notebooks"' in pyproject  # the notebooks folder is a test path


# --- shape (docs/authoring.md) ---------------------------------------------------------------------

@pytest.mark.parametrize("source", LESSONS, ids=ids(LESSONS))
def test_lesson_has_the_course_shape(source):
    text = source.read_text()
    for part in ("**You will learn to**", "**Time:** about", "**Before this:**", "## Summary",
                 "## In a real negotiation", "## Sources and further reading", "## Exercise",
                 "<details><summary>"):
        assert part in text, f"{source.name} lacks {part!r}"
    learn = text.split("**You will learn to**", 1)[1].split("**Time:**", 1)[0]
    assert 3 <= learn.count("\n- ") <= 5, "3-5 things the learner can do"
    minutes = int(re.search(r"\*\*Time:\*\* about (\d+) minutes", text)[1])
    assert 10 <= minutes <= 40


@pytest.mark.parametrize("source", LESSONS, ids=ids(LESSONS))
def test_every_interactive_demo_asks_questions_first_and_discusses_them_after(source):
    notebook = jupytext.read(source)
    cells = notebook.cells
    demos = [i for i, c in enumerate(cells) if c.cell_type == "markdown" and "Interactive demo" in c.source]
    for i in demos:
        block = cells[i].source.split("Interactive demo", 1)[1]
        assert re.search(r"^1\. ", block, re.M) and re.search(r"^2\. ", block, re.M), (
            f"{source.name}: demo without numbered questions"
        )
        following = [c for c in cells[i + 1:i + 4] if c.cell_type == "markdown"]
        assert following and "<details>" in following[0].source, f"{source.name}: demo without a hidden discussion"


@pytest.mark.parametrize("source", LESSONS, ids=ids(LESSONS))
def test_learner_facing_code_cells_are_short(source):
    for cell in jupytext.read(source).cells:
        if cell.cell_type == "code":
            lines = [line for line in cell.source.splitlines() if line.strip()]
            assert len(lines) <= 4, f"{source.name}: a code cell of {len(lines)} lines:\n{cell.source}"


@pytest.mark.parametrize("source", SOURCES, ids=ids(SOURCES))
def test_sources_are_as_the_build_leaves_them_dollar_signs_and_navigation(source):
    """Dollar signs in prose are written so that no renderer typesets them as math (the browser tests
    check the rendered pages), and each lesson ends with its navigation from the course map."""
    build = build_script()
    text = source.read_text()
    assert build.source_as_built(text, source.stem) == text, (
        f"{source.name}: run `python scripts/build_notebooks.py {source.stem}`, which rewrites its dollar "
        f"signs as {DOLLAR_MARKUP} and its navigation from the course map")


def test_money_markup_leaves_code_and_math_alone_and_is_idempotent():
    build = build_script()
    prose = "From \\$70,000 to $80,000, type `$66,000`:\n\n```python\nprint('$5')\n```\n"
    marked = markdown_money(prose)
    assert marked == ("From <span>&#36;</span>70,000 to <span>&#36;</span>80,000, type `$66,000`:\n\n"
                      "```python\nprint('$5')\n```\n")
    assert markdown_money(marked) == marked
    math = '+++ {"tags": ["math"]}\n\nThe share is $\\frac{1-d_2}{1-d_1 d_2}$.\n\n+++\n\nPay $5.\n'
    assert build.source_with_money_markup(math) == math.replace("Pay $5", "Pay <span>&#36;</span>5")


def test_each_lesson_ends_with_links_to_its_neighbours_and_the_course_map():
    build = build_script()
    ready = [lesson for lesson in COURSE["lessons"] if lesson["status"] == "ready"]
    for before, lesson, after in zip([None, *ready[:-1]], ready, [*ready[1:], None]):
        cells = jupytext.read(NOTEBOOKS / "sources" / f"{lesson['file']}.md").cells
        last = cells[-1]
        assert "navigation" in last.metadata.get("tags", []), lesson["file"]
        links = dict(re.findall(r"\*\*([\w ]+):\*\* \[[^\]]+\]\(([^)]+)\)", last.source))
        assert links.get("Previous") == (before and f"{before['file']}.ipynb"), lesson["file"]
        assert links.get("Next") == (after and f"{after['file']}.ipynb"), lesson["file"]
        assert links["All lessons"] == build.COURSE_MAP_LINK
        for target in links.values():
            assert (NOTEBOOKS / target.split("#")[0]).exists(), target   # also what a code host's preview follows


# --- slides ----------------------------------------------------------------------------------------

SLIDE_OF_HEADING = {"#": "slide", "##": "slide", "###": "subslide"}


def slide_type(cell) -> str:
    return cell.metadata.get("slideshow", {}).get("slide_type", "-")


@pytest.mark.parametrize("source", LESSONS, ids=ids(LESSONS))
def test_every_lesson_heading_starts_a_slide_and_nothing_else_does(source):
    """The title and each ## section open a slide, each ### (a demo, a part) a subslide below it."""
    for cell in jupytext.read(source).cells:
        headings = re.findall(r"^(#{1,3}) (.*)", cell.source, re.M) if cell.cell_type == "markdown" else []
        first = re.match(r"(#{1,3}) ", cell.source) if headings else None
        if not first:
            assert not headings, (
                f"{source.name}: put the line +++ {{\"slideshow\": {{\"slide_type\": \"slide\"}}}} (or "
                f"\"subslide\" for ###) before the heading {headings[0][1]!r}, so that it starts a slide"
            )
            assert slide_type(cell) in {"-", "fragment", "skip", "notes"}, f"{source.name}: a slide that no heading opens"
            continue
        assert len(headings) == 1, f"{source.name}: one heading per slide, found {[h for _, h in headings]}"
        assert slide_type(cell) == SLIDE_OF_HEADING[first[1]], f"{source.name}: {cell.source.splitlines()[0]!r}"


class _Sections(HTMLParser):
    """The reveal.js deck's outline: for each slide, the headings of its subslides."""

    def __init__(self):
        super().__init__()
        self.depth, self.slides, self.heading = 0, [], None

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.depth += 1
            if self.depth == 1:
                self.slides.append([])
            elif self.depth == 2:
                self.slides[-1].append("")
        elif tag in {"h1", "h2", "h3"} and self.depth == 2 and not self.slides[-1][-1]:
            self.heading = ""

    def handle_endtag(self, tag):
        if tag == "section":
            self.depth -= 1
        elif tag in {"h1", "h2", "h3"} and self.heading is not None:
            self.slides[-1][-1], self.heading = self.heading.rstrip("¶").strip(), None

    def handle_data(self, data):
        if self.heading is not None:
            self.heading += data


@pytest.mark.parametrize("source", LESSONS, ids=ids(LESSONS))
def test_every_lesson_converts_to_a_deck_with_one_slide_per_section(source):
    from nbconvert import SlidesExporter

    html, _ = SlidesExporter().from_notebook_node(nbformat.read(notebook_of(source), as_version=4))
    deck = _Sections()
    deck.feed(html)
    expected = []
    for cell in jupytext.read(source).cells:
        heading = re.match(r"(#{1,3}) (.*)", cell.source) if cell.cell_type == "markdown" else None
        if heading:
            title = re.sub(r"[*`]", "", heading[2])  # as rendered: no Markdown marks
            expected[-1].append(title) if heading[1] == "###" else expected.append([title])
    assert deck.slides == expected


# --- the course map --------------------------------------------------------------------------------

def test_course_map_links_every_ready_lesson_and_lists_the_rest_as_coming():
    start = (NOTEBOOKS / "sources" / "00_start_here.md").read_text()
    for lesson in COURSE["lessons"]:
        row = next(line for line in start.splitlines() if line.startswith(f"| {lesson['number']} |"))
        path = NOTEBOOKS / f"{lesson['file']}.ipynb"
        if lesson["status"] == "ready":
            assert path.exists(), path
            assert f"]({lesson['file']}.ipynb)" in row and row.rstrip().endswith("| ready |")
        else:
            assert "coming" in row and "](" not in row


def test_every_lesson_notebook_is_on_the_course_map():
    ready = {lesson["file"] for lesson in COURSE["lessons"] if lesson["status"] == "ready"}
    assert {p.stem for p in LESSONS} == ready


# --- key figures -----------------------------------------------------------------------------------

RUNNING_ZOPA = "ZOPA: $70,000 to $80,000 (surplus $10,000)"


@pytest.mark.parametrize("stem", ["01_vocabulary", "02_batna", "04_zopa"])
def test_running_example_shows_a_zopa_of_70k_to_80k(stem):
    assert any(RUNNING_ZOPA in text for text in outputs_text(stored(stem)))


def test_lesson_02_worked_example_shows_its_exact_expected_value():
    notebook = stored("02_batna")
    cell = next(c for c in notebook.cells if c.cell_type == "code" and "plan_b = [" in c.source)
    rows = re.findall(r'Alternative\("[^"]+", ([\d_]+), ([\d.]+)\)', cell.source)
    assert len(rows) == 3
    ev = sum(float(p) * int(v.replace("_", "")) for v, p in rows)
    assert cell.outputs[0]["text"].startswith(f"Expected value {money(ev)}; certainty equivalent {money(ev)}")
    assert money(ev) == "$67,100"


def test_lesson_02_stronger_batna_moves_the_zone_to_75k():
    assert any("After:  ZOPA: $75,000 to $80,000 (surplus $5,000)" in t for t in outputs_text(stored("02_batna")))


def test_lesson_03_reads_the_aspiration_off_the_benchmarks():
    texts = outputs_text(stored("03_aspiration"))
    table = yaml.safe_load((ROOT / "negwidgets/data/salary_benchmarks.yaml").read_text())["roles"]["Data analyst"]
    expected = table[75] + (table[90] - table[75]) * (80 - 75) / (90 - 75)
    assert any(f"The 80th percentile of your benchmarks is {money(expected)}" in t for t in texts)
    assert any("Left on the table: $5,000 a year" in t for t in texts)


def test_lesson_04_shows_the_zone_the_stronger_batna_and_the_uncertain_zone():
    texts = outputs_text(stored("04_zopa"))
    assert any(t.startswith(RUNNING_ZOPA) for t in texts)
    assert any(t.startswith("ZOPA: $75,000 to $80,000 (surplus $5,000)") for t in texts)
    assert any(t.startswith("No zone: the candidate's reservation value ($82,000) is $2,000 above") for t in texts)
    p = (85_000 - 70_000) / (85_000 - 65_000)
    assert any(t.startswith(f"A zone exists with probability {p:.0%}. If it does, expect it to run from "
                            f"$70,000 to {money((70_000 + 85_000) / 2)}") for t in texts)


def test_lesson_05_shows_the_calibrated_correlation_and_the_value_of_information():
    from negwidgets.model import META_ANALYSIS_R

    texts = outputs_text(stored("05_first_offers"))
    assert any(f"correlate at r = {META_ANALYSIS_R:.2f}" in t for t in texts)

    def figures(text):
        risk = int(re.search(r"with an? (\d+)% chance of no deal", text)[1])
        first = int(re.search(r"going first is better by \$([\d,]+)", text)[1].replace(",", ""))
        return risk, first

    rough, informed = (t for t in texts if "going first is better" in t)
    assert figures(informed)[0] < figures(rough)[0]  # better information, less risk
    assert figures(informed)[1] > figures(rough)[1]  # and going first is worth more
    assert any(": go second (by" in t for t in texts)   # who_should_open, with no idea of their limit
    # The demo's fourth answer: Ana's reservation value raised to $78,000, a rough idea of their limit.
    from negwidgets.widgets import FirstOfferAdvisor

    advisor = FirstOfferAdvisor()
    before = advisor.result
    advisor.reservation.value = 78_000
    after = advisor.result
    answer = lesson_prose(NOTEBOOKS / "sources" / "05_first_offers.md").replace(DOLLAR_MARKUP, "$")
    assert (f"from {money(before.best_surplus)} to {money(after.best_surplus)}" in answer
            and f"from {money(before.best_opening)} to {money(after.best_opening)}" in answer
            and f"from {before.best_impasse:.0%} to {after.best_impasse:.0%}" in answer), "lesson 05's answer 4"
    assert 1.8 < after.best_impasse / before.best_impasse < 2.2   # "roughly doubles"


def test_lesson_06_shows_the_strongest_defensible_ask_of_the_running_example():
    texts = outputs_text(stored("06_focal_points"))
    data = yaml.safe_load((ROOT / "negwidgets/data/running_example.yaml").read_text())
    defensible = [c for c in data["criteria"] if c["strength"] >= 3 and c["value"] >= data["candidate"]["reservation"]]
    best = max(defensible, key=lambda c: c["value"])
    assert any(t.startswith(f"The most your standards support: {money(best['value'])}, because "
                            f"{best['reason']}.") for t in texts)


def test_lesson_07_shows_a_shared_fact_widening_the_zone_and_says_how_many_scenarios_it_has():
    from negwidgets.model import load_questions

    texts = outputs_text(stored("07_joint_fact_finding"))
    both = next(t for t in texts if t.startswith("Before: ZOPA: $70,000 to $80,000"))
    assert "After:  ZOPA: $70,000 to $84,000 (surplus $14,000)" in both
    scenarios = load_questions("lesson07-scenarios")
    assert len(scenarios) >= 12
    assert all(3 <= len(s.options) <= 4 for s in scenarios)
    source = (NOTEBOOKS / "sources" / "07_joint_fact_finding.md").read_text()
    assert 'quiz("lesson07-scenarios")' in source and f"in {len(scenarios)} realistic scenarios" in source


def test_lesson_08_shows_the_concession_family_the_deadline_the_tournament_and_the_theory():
    from negwidgets.model import TACTICS, concession_offer

    texts = outputs_text(stored("08_negotiation_dance"))
    family = next(t for t in texts if t.startswith("Boulware (beta = 0.2)"))
    for beta in (0.2, 1.0, 5.0):  # the halfway offer of each curve, from the formula
        halfway = 70_000 + 15_000 * (1 - 0.5 ** (1 / beta))
        assert f"(an offer of {money(halfway)})" in family
        assert halfway == pytest.approx(concession_offer(0.5, 70_000, 85_000, beta))
    deadline = next(t for t in texts if t.startswith("Deal at") and "of 20" in t).splitlines()
    patient, hasty = (int(re.search(r"in round (\d+) of 20", line)[1]) for line in deadline)
    assert patient >= 19 and hasty <= 10  # two Boulwares meet at the deadline, two Conceders early
    table = next(t for t in texts if t.startswith("Tactic "))
    rows = table.splitlines()[1:8]
    assert sorted(r.split("  ")[0].strip() for r in rows) == sorted(TACTICS)
    gains = [int(re.search(r"\$([\d,]+)", r)[1].replace(",", "")) for r in rows]
    assert gains == sorted(gains, reverse=True)  # best first, as the prose reads it
    assert rows[0].startswith("Boulware") and rows[-1].startswith("Conceder")
    share = (1 - 0.9) / (1 - 0.9 * 0.9)
    assert any(f"a price of {money(70_000 + share * 10_000)}." in t for t in texts)
    assert any(t.startswith("Nash solution: $75,000, the middle of the zone") for t in texts)
    assert any(f"Nash solution: {money(70_000 + 10_000 / 3)}" in t for t in texts)  # exponents 0.5 and 1
    assert any(t.startswith("No games finished yet.") for t in texts)
    source = (NOTEBOOKS / "sources" / "08_negotiation_dance.md").read_text()
    assert source.count("PracticeNegotiation(difficulty=") == 3 and source.count("history=games") == 3


def _job_offer_packages():
    """Every package of lesson 09's case as (labels, Ana's points, the employer's), by plain loops over the YAML."""
    import itertools

    issues = yaml.safe_load((ROOT / "negwidgets/data/job_offer.yaml").read_text())["issues"]
    for options in itertools.product(*(issue["options"] for issue in issues)):
        yield ([o["label"] for o in options], sum(o["points"][0] for o in options),
               sum(o["points"][1] for o in options))


def test_lesson_08s_drill_shows_every_tactic_and_the_widths_its_discussion_compares():
    from negwidgets.model import DRILL_TACTICS, dance_rounds
    from negwidgets.model.dance_drill import TOLERANCE

    source = (NOTEBOOKS / "sources" / "08_negotiation_dance.md").read_text()
    seed = int(re.search(r"ReadTheDance\(seed=(\d+)\)", source)[1])
    rounds = {r.family: r for r in dance_rounds(4, seed)}
    assert set(rounds) == set(DRILL_TACTICS)
    width = {f: r.readable_width for f, r in rounds.items()}
    assert width["Conceder"] < width["Boulware"] < width["Hardliner"]
    assert f"never less than <span>&#36;</span>{TOLERANCE:,}" in source


def test_lesson_09_shows_the_frontier_the_value_left_by_splitting_and_the_svi_scores():
    text = "\n".join(outputs_text(stored("09_creating_value")))
    packages = [(a, b) for _, a, b in _job_offer_packages()]
    assert len(packages) == 16_200 and "16,200 possible packages" in text
    best_joint = max(a + b for a, b in packages)
    assert f"the largest joint score is {best_joint}." in text
    # Splitting the difference: the middle option of every issue, and what beats it for both sides.
    split = re.search(r"Worth (\d+) points to Ana and (\d+) to the employer", text)
    a, b = int(split[1]), int(split[2])
    better = [(x, y) for x, y in packages if x >= a and y >= b and (x, y) != (a, b)]
    top = max(better, key=lambda p: (p[0] + p[1], min(p[0] - a, p[1] - b)))  # ties: the most even gains
    assert f"the best adds {top[0] + top[1] - a - b} joint points (Ana {top[0]}, the employer {top[1]})" in text
    assert f"the employer {10 * b}." in text  # the same package with the employer's points times ten
    # The Nash point: the largest product of gains over the BATNAs (30 and 25).
    deals = [(x, y) for x, y in packages if x > 30 and y > 25]
    nash = max(deals, key=lambda p: ((p[0] - 30) * (p[1] - 25), p[0] + p[1]))
    assert f"Nash point: Ana {nash[0]} points (+{nash[0] - 30} over the BATNA), the employer {nash[1]}" in text
    assert "Ana +8, the employer +6." in text.splitlines()[text.splitlines().index(next(
        line for line in text.splitlines() if line.startswith("The employer gives way")))]
    # Ana's SVI answers, scored by hand: questions 3 and 5 reversed.
    answers = [6, 5, 3, 5, 2, 5, 6, 5, 3, 3, 2, 3, 4, 4, 4, 4]
    scored = [8 - v if n in (3, 5) else v for n, v in enumerate(answers, start=1)]
    factors = [sum(scored[i:i + 4]) / 4 for i in (0, 4, 8, 12)]
    assert (f"Instrumental outcome {factors[0]:.2f}, self {factors[1]:.2f}, process {factors[2]:.2f}, "
            f"relationship {factors[3]:.2f}; global {sum(scored) / 16:.2f}, rapport {sum(scored[8:]) / 8:.2f}") in text
    first_offer = next((x, y) for labels, x, y in _job_offer_packages() if labels == [
        "$72,000", "None", "In 2 weeks", "0", "15", "Data analyst", "None", "None"])
    assert f"Ana {first_offer[0]} points, the employer {first_offer[1]}." in text


def test_lesson_10_shows_the_lifetime_cost_and_the_reservation_value_under_search():
    text = "\n".join(outputs_text(stored("10_for_yourself_and_others")))
    d = 70_000 * 0.074
    assert f"adds {money(d * (1.03 ** 35 - 1) / 0.03)} of pay over 35 years" in text
    assert f"grows to {money(d * (1.05 ** 35 - 1.03 ** 35) / 0.02)} by the end" in text
    q = 1.03 / 1.05   # in today's dollars at 5%: each year's gap discounted to the start
    present = d / 1.05 * (1 - q ** 35) / (1 - q)
    assert f"the extra pay is worth {money(present)} now" in text
    prose = lesson_prose(NOTEBOOKS / "sources/10_for_yourself_and_others.md").replace(DOLLAR_MARKUP, "$")
    assert f"{money(d * (1.03 ** 35 - 1) / 0.03)} of pay over 35 years, worth about {money(round(present, -3))}" in prose
    for cost in (1_250, 3_000):  # uniform offers on [64k, 80k], chance 25%, 2 years: (80k - R)^2 / 32k = cost / 0.5
        reservation = 80_000 - (2 * 16_000 * cost / (0.25 * 2)) ** 0.5
        assert f"Accept offers of {money(reservation)} or more. The offer in hand ($65,000) is below that" in text
    assert f"adds {money(3_000 * (1.025 ** 30 - 1) / 0.025)} of pay over 30 years" in text


def test_lesson_11_shows_the_catalogue_and_the_value_of_asking_for_time():
    text = "\n".join(outputs_text(stored("11_difficult_tactics")))
    catalogue = yaml.safe_load((ROOT / "negwidgets/data/tactics.yaml").read_text())["tactics"]
    assert f"{len(catalogue)} tactics: " + ", ".join(t["name"] for t in catalogue) in text
    assert f"recognise {len(catalogue)} common hard-bargaining tactics" in (NOTEBOOKS / "sources/11_difficult_tactics.md").read_text()
    # Ana: $72,000 expiring on day 3; the employer 60% of $78,000 by day 10; Firm C 30% of $74,000 by day 5;
    # otherwise $58,000. Nothing is known by day 3; everything by day 10.
    expire = 0.6 * 78_000 + 0.4 * (0.3 * 74_000 + 0.7 * 58_000)
    day_10 = 0.6 * 78_000 + 0.4 * (0.3 * 74_000 + 0.7 * 72_000)
    ask = 0.7 * day_10 + 0.05 * expire + 0.25 * 72_000
    assert f"Ask for an extension      {money(ask)}  <- best" in text
    assert f"Let it expire             {money(expire)}" in text
    # Kofi: $9,000 by tomorrow; 50% of $11,000 on day 6; otherwise $4,000; a week granted half the time.
    kofi_day_7, kofi_expire = 0.5 * 11_000 + 0.5 * 9_000, 0.5 * 11_000 + 0.5 * 4_000
    assert f"worth {money(0.5 * kofi_day_7 + 0.5 * 9_000)} on average" in text
    assert f"stays below {0.5 * (kofi_day_7 - 9_000) / (9_000 - kofi_expire):.0%}" in text


def test_lesson_12_shows_the_drafts_two_problems_and_a_plan_that_passes():
    from negwidgets.model import example_plan, running_example_opening

    text = "\n".join(outputs_text(stored("12_closing_and_your_plan")))
    draft = yaml.safe_load((ROOT / "negwidgets/data/example_plan.yaml").read_text())["plan"]
    assert draft["opening"] == draft["aspiration"] and not draft["walk_away"]
    problems = example_plan().check()
    assert len(problems) == 2 and all(p in text for p in problems)
    assert problems[0].startswith(f"Your opening ({money(draft['opening'])}) ends the talk")
    assert "Your walk-away line is missing" in text
    assert "# My negotiation plan: My salary for the analyst role" in text   # the plan, as Markdown
    ana = running_example_opening()
    assert f"- **Opening:** {DOLLAR_MARKUP}{money(ana.opening)[1:]}" in text and "No problems found" in text
    assert "[]" not in text


def test_lesson_13_shows_what_each_answer_is_worth_on_the_job_offer():
    text = "\n".join(outputs_text(stored("13_interests_and_questions")))
    found = re.findall(r"Knowing ([^,]+(?:, [^,]+)?), Ana would propose a package worth (\d+) points to Ana and (\d+) to the "
                       r"employer: (\d+) joint points, (\d+|none) left on the table", text)
    assert len(found) == 5
    left = [0 if f[4] == "none" else int(f[4]) for f in found]
    # Full knowledge, by brute force: of the packages worth at least 65 to Ana, the best for the employer.
    packages = [(a, b) for _, a, b in _job_offer_packages()]
    best = max((p for p in packages if p[0] >= 65), key=lambda p: (p[1], p[0]))
    assert found[-1][1:4] == (str(best[0]), str(best[1]), str(best[0] + best[1])) and left[-1] == 0
    top = max(a + b for a, b in packages if a >= best[0] and b >= best[1])
    assert top == best[0] + best[1]
    # What the lesson's prose says of them: the ranking alone did worse than nothing, both orders nearly all.
    own, ranking, options, both = left[:4]
    assert ranking > own and both < options <= own and both <= 3
    prose = " ".join(lesson_prose(NOTEBOOKS / "sources/13_interests_and_questions.md").split())
    assert "at this aim, knowing only which issues matter most did *worse* than knowing nothing" in prose
    assert "gave up the training budget" in prose   # as the model's proposal does, and full knowledge keeps it
    from negwidgets.model import information_table, job_offer_case, value_of_information

    case = job_offer_case()
    voi = value_of_information(case, aim=65)
    training = lambda key: dict(zip(voi.proposal(key).package.issues, voi.proposal(key).package.labels))["Training budget"]
    assert training("issue ranking") == "None" and training("their points") == "$3,000 a year"
    # The demo's discussion, against the model: where the fixed-pie guess loses most, where the ranking alone
    # does worse than nothing, and what the ranking is worth to the employer.
    left_at = lambda aim, key="own points": value_of_information(case, aim=aim).proposal(key).left_on_table
    high = max(left_at(a) for a in range(91, 101))
    assert (f"At an aim of 31 the fixed-pie guess leaves {left_at(31):.0f} joint points on the table, at 65 it "
            f"leaves {left_at(65):.0f}, and above 90 never more than {high:.0f}.") in prose
    assert left_at(31) == max(left_at(a) for a in range(31, 101))
    worse = [a for a in range(31, 101) if left_at(a, "issue ranking") > left_at(a)]
    assert "From an aim of about 60 to 86." in prose and worse[0] == 60 and 86 in worse
    assert sum(a not in range(60, 87) for a in worse) <= 1   # one stray aim (89) besides the range
    employer = information_table(case, side=1)
    won = employer.summary("issue ranking").recovered / employer.summary("own points").left_on_table
    assert 0.4 < won < 0.6 and "wins back about half of what the fixed-pie guess leaves on the table" in prose
    # Averaged over every aim: the ranking alone wins back little; both orders nearly all.
    won = [float(x) for x in re.findall(r"wins back ([\d.]+) of those", text)]
    lost = float(re.search(r"leaves ([\d.]+) joint points on the table", text)[1])
    assert len(won) == 4 and won[0] < 0.1 * lost and won[2] > 0.9 * lost


def _repeated_deals(detection=0.25, repeat=0.9, repeat_distrusted=0.6, share_distrusted=0.4, share=0.5,
                    surplus=10_000, gain=2_000, deals=1_000):
    """The repeated-deals model's cumulative expected totals by the plain recursion its docstring states, and
    the first deal from which honest play is level or ahead (None within ``deals``)."""
    honest = hard = 0.0
    trusted, caught, alive = 1.0, 0.0, 1.0
    totals, even = [], None
    for k in range(1, deals + 1):
        honest += share * surplus * alive
        hard += trusted * (share * surplus + gain) + caught * share_distrusted * surplus
        totals.append((honest, hard))
        if even is None and honest >= hard * (1 - 1e-9):
            even = k
        trusted, caught = repeat * (1 - detection) * trusted, repeat_distrusted * (detection * trusted + caught)
        alive *= repeat
    return totals, even


def test_lesson_14_shows_when_honesty_catches_up_and_its_discussion_agrees():
    text = "\n".join(outputs_text(stored("14_emotions_relationships_ethics")))
    totals, even = _repeated_deals()
    assert f"honesty catches up by the {even}th deal" in text and even == 6
    assert f"Over 20 deals honest play is worth {money(totals[19][0])} on average, the hard tactic {money(totals[19][1])}" in text
    assert f"by the 2nd deal at a 100% chance of being caught, by the {_repeated_deals(0.10)[1]}th at 10%" in text
    assert _repeated_deals(0.05)[1] is None and "At 5% or less it does not catch up within 1,000 deals" in text
    prose = " ".join(lesson_prose(NOTEBOOKS / "sources/14_emotions_relationships_ethics.md").split())
    assert f"1. From the {_repeated_deals(0.5)[1]}th deal" in prose
    assert _repeated_deals(repeat=0.7, repeat_distrusted=0.5)[1] is None and "2. Honesty no longer catches up" in prose
    assert f"catches up by the {_repeated_deals(share_distrusted=0.5)[1]}th deal instead of the {even}th" in prose


def test_lesson_15_weighs_the_raise_against_the_move_and_its_discussion_agrees():
    import dataclasses

    from negwidgets.model import compare_compensation, example_raise_or_move

    text = "\n".join(outputs_text(stored("15_current_employer")))
    case = yaml.safe_load((ROOT / "negwidgets/data/compensation.yaml").read_text())
    choice = example_raise_or_move()
    salary, top = case["current"]["salary"], case["band_top"]
    # Sam offers the top of her band, $80,000: not a dollar above it, a raise of $1,000 (about 1.3%).
    assert choice.stay.salary == case["offered_salary"] == top == 80_000 and choice.stay.salary <= top
    assert choice.raise_pct == pytest.approx((80_000 - salary) / salary) and salary == 79_000
    assert choice.describe() in text and f"(instead of {(80_000 - salary) / salary:.1%})" in text
    prose = " ".join(lesson_prose(NOTEBOOKS / "sources/15_current_employer.md").replace(DOLLAR_MARKUP, "$").split())
    assert "4%" not in prose
    assert (f"Sam has offered her {money(top)}, the top of the pay band for her level: a raise of "
            f"{money(top - salary)}, about {(top - salary) / salary:.1%}") in prose
    assert f"staying at the {money(top)} Sam offered" in prose and f"not Sam's {money(top)}" in prose
    # The demo's discussion, against the model: a 10% chance, one year, and the matching raise.
    rare_offer = dataclasses.replace(choice.offer, equity_chance=0.10)
    rare = compare_compensation(choice.stay, rare_offer)
    worthless = compare_compensation(choice.stay, dataclasses.replace(choice.offer, equity_chance=0.0))
    assert rare.leader is rare.second and worthless.leader is worthless.second
    assert (f"Still the offer, by {money(rare.present_value_difference)} over four years instead of "
            f"{money(choice.comparison.present_value_difference)}") in prose
    assert f"staying is behind even if the equity turns out worth nothing, by {money(worthless.present_value_difference)}" in prose
    one = compare_compensation(choice.stay, rare_offer, years=1)
    assert one.leader is one.first and f"Over one year staying is worth {money(-one.present_value_difference)} more" in prose
    assert rare.break_even_year == 2   # the offer wins over four years
    assert f"the {money(case['offer']['one_off_costs'])} match she forfeits" in prose
    gains = sum(one.component_difference(k)[0] for k in ("salary", "equity"))
    losses = -sum(one.component_difference(k)[0] for k in ("bonus", "benefits", "retirement_match"))
    assert f"(about {money(round(gains, -2))}) only just exceed the bonus, benefits and match she gives up (about " \
           f"{money(round(losses, -1))})" in prose and gains - losses < case["offer"]["one_off_costs"]
    one_30 = compare_compensation(choice.stay, choice.offer, years=1)
    assert one_30.leader is one_30.second
    assert f"tips even year 1 to the offer, by {money(one_30.present_value_difference)}" in prose
    matching = salary * (1 + choice.matching_raise)
    assert f"About {money(round(matching, -2))} a year, the {choice.matching_raise:.1%} the model names: far more " \
           f"than the {choice.raise_pct:.1%} Sam offered, above the top of her band" in prose
    assert matching > top and choice.matching_raise > choice.raise_pct
    assert "almost exactly the $83,000 she will ask for" in prose and abs(matching - 83_000) < 500


def _farida_points(weights, labels):
    """Farida's and the department's points for one package (``{issue: option label}``), by plain sums over the
    case file: her points are 100 x weight x share over the sum of the weights; the department's are its own."""
    case = yaml.safe_load((ROOT / "negwidgets/data/startup_package.yaml").read_text())
    total = sum(weights.values())
    mine = theirs = 0.0
    for issue in case["issues"]:
        option = next(o for o in issue["options"] if o["label"] == labels[issue["name"]])
        mine += 100 * weights[issue["name"]] * option["candidate"] / total
        theirs += option["department"]
    return round(mine, 1), round(theirs, 1)


def test_lesson_16_weighs_farida_s_offer_and_its_discussion_agrees():
    from negwidgets.model import example_startup_weights
    from negwidgets.model.startup_package import startup_package

    case = yaml.safe_load((ROOT / "negwidgets/data/startup_package.yaml").read_text())
    weights = {name: float(value) for name, value in case["example_weights"].items()}
    assert example_startup_weights() == weights
    text = "\n".join(outputs_text(stored("16_academic_and_collaborations")))
    result = startup_package(weights)
    assert result.describe() in text
    prose = " ".join(lesson_prose(NOTEBOOKS / "sources/16_academic_and_collaborations.md").replace(DOLLAR_MARKUP, "$").split())
    # Q1: the best trade, two course releases for $100,000 of start-up funds, by plain sums.
    first = case["first_offer"]
    traded = {**first, "Teaching in the first two years": "Two course releases", "Start-up funds": "$450,000"}
    before, after = _farida_points(weights, first), _farida_points(weights, traded)
    assert result.trades[0].package.as_dict() == traded
    assert f"By her estimate she gains {after[0] - before[0]:.1f} points and the department {after[1] - before[1]:g}" in prose
    # Q2: with the partner's search at 0, the first offer is worth more to her, and no offer asks for a bridge.
    no_partner = {**weights, "Partner's job search": 0}
    assert f"It rises from {before[0]:.1f} to {_farida_points(no_partner, first)[0]:.1f} of her 100 points" in prose
    at_50 = startup_package(no_partner, target=50)
    assert all(p.as_dict()["Partner's job search"] == "No help" for p in at_50.offers)
    # Q3: at a target of 70 all three offers are at least as good for the department as its first offer; at 80
    # too few are, and the offers are worth less to it.
    at_70 = [_farida_points(weights, p.as_dict()) for p in startup_package(weights, target=70).offers]
    assert all(abs(m - 70) <= 2 and d >= before[1] for m, d in at_70)
    assert (f"{at_70[0][1]:g}, {at_70[1][1]:g} and {at_70[2][1]:g} by her estimate: each at least as good for the "
            f"department as its own first offer, and each worth about 70 to Farida against {before[0]:.1f}") in prose
    at_80 = startup_package(weights, target=80)
    assert not at_80.offers_beat_first_offer
    theirs = [_farida_points(weights, p.as_dict())[1] for p in at_80.offers]
    assert f"the offers are now worth {theirs[0]:g}, {theirs[1]:g} and {theirs[2]:g} to it" in prose


def test_lesson_16_s_collaboration_demo_finds_the_gaps_its_discussion_names():
    import dataclasses

    from negwidgets.model.collaboration import Contribution, Partner, agreement_gaps, example_collaboration

    terms = example_collaboration()
    prose = " ".join(lesson_prose(NOTEBOOKS / "sources/16_academic_and_collaborations.md").split())
    assert agreement_gaps(terms) == ()
    assert [g.key for g in agreement_gaps(dataclasses.replace(terms, revisit=""))] == ["no_revisit"]
    assert "That there is no date to revisit the terms." in prose
    roles = tuple((name, tuple(r for r in held if not r.startswith("Writing")) if name == "Rosa Nwosu" else held)
                  for name, held in terms.credit_roles)
    assert "Writing – review & editing" in dict(terms.credit_roles)["Rosa Nwosu"]
    assert [(g.key, g.partner) for g in agreement_gaps(dataclasses.replace(terms, credit_roles=roles))] == [
        ("no_writing_role", "Rosa Nwosu")]
    assert "To invite Rosa to review the drafts and approve the paper, or agree that she will be thanked" in prose
    mei = dataclasses.replace(terms, partners=(*terms.partners, Partner("Mei Lin", "Master's student")))
    assert sorted((g.key, g.partner) for g in agreement_gaps(mei)) == [("no_contribution", "Mei Lin"),
                                                                        ("no_roles", "Mei Lin")]
    assert "nothing is written down for Mei to do or bring, and that she has no contributor roles" in prose
    # With her row and her role, the builder asks about her part in the writing; the order rule places her.
    mei = dataclasses.replace(mei, contributions=(*terms.contributions, Contribution(
        "Mei Lin", "Measures tree canopies at the 12 sites", "by 31 July")),
        credit_roles=(*terms.credit_roles, ("Mei Lin", ("Investigation",))))
    assert [(g.key, g.partner) for g in agreement_gaps(mei)] == [("no_writing_role", "Mei Lin")]
    assert "the builder then asks whether she will review the drafts or be thanked" in prose
    assert "anyone who joins later and meets the authorship criteria goes between Rosa and Lucía" in terms.order_rule


def _three_party(values, total=90_000):
    """A three-party game by plain loops: the Shapley split over the six orders, the core's floors and ceilings,
    and the groups a split leaves short (values by letters: "A", "AB" ...)."""
    import itertools

    v = lambda group: values.get("".join(sorted(group)), 0) if group else 0
    values = {**values, "ABC": total}
    added = {p: 0.0 for p in "ABC"}
    for order in itertools.permutations("ABC"):
        for k, p in enumerate(order):
            added[p] += v(order[:k + 1]) - v(order[:k])
    added = {p: total_added / 6 for p, total_added in added.items()}   # whole dollars summed, then averaged
    floors = {p: v(p) for p in "ABC"}
    ceilings = {p: total - v("ABC".replace(p, "")) for p in "ABC"}

    def short(split):
        groups = ["AB", "AC", "BC", "A", "B", "C"]
        return {g: v(g) - sum(split[p] for p in g) for g in groups if v(g) > sum(split[p] for p in g)}

    return added, floors, ceilings, short


WEBSITE = {"A": 20_000, "B": 30_000, "C": 10_000, "AB": 65_000, "AC": 40_000, "BC": 45_000}
PORTAL = {"A": 20_000, "B": 30_000, "C": 10_000, "AB": 75_000, "AC": 55_000, "BC": 65_000}


def test_lesson_17_splits_the_three_party_deals_as_the_model_does_and_its_discussions_agree():
    import itertools

    from negwidgets.model import coalition_example

    examples = yaml.safe_load((ROOT / "negwidgets/data/coalitions.yaml").read_text())["examples"]
    data = {e["key"]: {k: v for k, v in e["values"].items() if k != "ABC"} for e in examples}
    assert data == {"website": WEBSITE, "portal": PORTAL}   # the lesson's numbers are the data's
    text = "\n".join(outputs_text(stored("17_many_parties_and_culture")))
    prose = " ".join(lesson_prose(NOTEBOOKS / "sources/17_many_parties_and_culture.md").replace(DOLLAR_MARKUP, "$").split())
    website = coalition_example("website").game
    shapley, floors, ceilings, short = _three_party(WEBSITE)
    assert [shapley[p] for p in "ABC"] == pytest.approx([32_500, 40_000, 17_500])
    assert website.shapley().describe() in text and website.core().describe() in text
    table = next(t for t in outputs_text(stored("17_many_parties_and_culture")) if t.startswith("Order of joining"))
    rows = {line[:19].strip(): line[19:].split() for line in table.splitlines()}
    assert rows.pop("Order of joining") == ["Amara", "Bruno", "Chen"]
    names = dict(zip("ABC", ("Amara", "Bruno", "Chen")))
    for order in itertools.permutations("ABC"):   # what each adds when it joins, in the parties' order
        before = lambda p: "".join(sorted(order[:order.index(p)]))
        added = [WEBSITE.get("".join(sorted(before(p) + p)), 90_000) - WEBSITE.get(before(p), 0) for p in "ABC"]
        assert rows[", ".join(names[p] for p in order)] == [money(a) for a in added]
    assert rows["Average"] == ["$32,500", "$40,000", "$17,500"] and len(rows) == 7
    # The equal split: Amara and Bruno, $5,000 short; Chen's ceiling; the floors' total and the gain.
    assert short(dict(A=30_000, B=30_000, C=30_000)) == {"AB": 5_000}
    assert "would block it" in text and "($5,000 more)" in text
    assert ceilings["C"] == 25_000 and "$90,000 - $65,000 = $25,000" in prose
    assert sum(floors.values()) == 60_000 and "add up to $60,000, so working together adds $30,000" in prose
    assert "Bruno joins her: the pair makes $65,000, so Bruno adds $45,000" in prose
    assert "so Chen adds $25,000" in prose and website.shapley().orders[0].added == (20_000, 45_000, 25_000)
    orders = website.shapley().orders
    assert max(row.added[2] for row in orders) == 25_000 and "he never adds more than $25,000" in prose
    bruno_last = [row.added[1] for row in orders if row.order[-1] == "Bruno"]
    assert bruno_last == [50_000, 50_000] and "completes the whole for $50,000 when he joins last" in prose
    # The order of talks: a pair that agrees first offers the third between its floor and its ceiling.
    assert (floors["C"], ceilings["C"]) == (10_000, 25_000) and WEBSITE["AB"] == 65_000
    assert ("they make $65,000 without Chen and can offer him anything from his floor, $10,000, to his "
            "ceiling, $25,000") in prose
    assert max(WEBSITE[g] for g in ("AB", "AC")) == WEBSITE["AB"] and "For Amara that is Bruno ($65,000 as a pair)" in prose
    assert (floors["A"], ceilings["A"]) == (20_000, 45_000) and WEBSITE["BC"] == 45_000
    assert "Bruno and Chen make $45,000 without Amara, which caps her share at $45,000" in prose
    assert "between her floor of $20,000 and that cap" in prose
    # The first demo's discussion.
    assert short(dict(A=35_000, B=35_000, C=20_000)) == {}
    assert short(dict(A=25_000, B=35_000, C=30_000)) == {"AB": 5_000}
    wide_bc = {**WEBSITE, "BC": 75_000}
    bc_shapley, bc_floors, bc_ceilings, bc_short = _three_party(wide_bc)
    assert bc_floors["A"] > bc_ceilings["A"] and wide_bc["BC"] + wide_bc["A"] == 95_000
    assert [bc_shapley[p] for p in "ABC"] == pytest.approx([22_500, 45_000, 22_500])
    assert bc_short(bc_shapley) == {"BC": 7_500}
    assert ("The Shapley split moves to Amara $22,500, Bruno $45,000 and Chen $22,500, and Bruno and Chen would "
            "block even that, by $7,500") in prose
    # The portal: every pair short of the Shapley split by $5,000, and no core.
    p_shapley, *_rest, p_short = _three_party(PORTAL)
    assert [p_shapley[p] for p in "ABC"] == pytest.approx([30_000, 40_000, 20_000])
    assert p_short(p_shapley) == {"AB": 5_000, "AC": 5_000, "BC": 5_000}
    pairs = PORTAL["AB"] + PORTAL["AC"] + PORTAL["BC"]
    assert pairs == 195_000 and f"the pairs add up to {money(pairs)}, so the three would need half of it, {money(pairs / 2)}" in prose
    assert coalition_example("portal").game.core().empty and "the core is empty" in text
    # The portal with Amara and Bruno at $60,000: a single split, and the Shapley split outside it.
    lower = {**PORTAL, "AB": 60_000}
    l_shapley, l_floors, l_ceilings, l_short = _three_party(lower)
    assert sum(l_ceilings.values()) == 90_000 and [l_ceilings[p] for p in "ABC"] == pytest.approx([25_000, 35_000, 30_000])
    assert all(l_floors[p] <= l_ceilings[p] for p in "ABC")
    above = {**PORTAL, "AB": 65_000}   # $5,000 more: no core yet
    assert sum(above[g] for g in ("AB", "AC", "BC")) > 2 * 90_000
    assert "At $60,000 the pairs add up to $180,000" in prose and "Amara $25,000, Bruno $35,000 and Chen $30,000" in prose
    assert [l_shapley[p] for p in "ABC"] == pytest.approx([27_500, 37_500, 25_000])
    assert l_short(l_shapley) == {"AC": 2_500, "BC": 2_500}
    assert "The Shapley split, Amara $27,500, Bruno $37,500 and Chen $25,000, lies outside it" in prose
    # The exercise's worked solution: Noor, Kwame and Ines share $120,000.
    noor = {"A": 30_000, "B": 25_000, "C": 15_000, "AB": 80_000, "AC": 60_000, "BC": 50_000}
    n_shapley, n_floors, n_ceilings, n_short = _three_party(noor, total=120_000)
    assert n_short(dict(A=40_000, B=40_000, C=40_000)) == {} and "**A third each** ($40,000) is in the core" in prose
    for name, p in zip(("Noor", "Kwame", "Ines"), "ABC"):
        low = max(n_floors[p], 120_000 - sum(n_ceilings[q] for q in "ABC" if q != p))
        high = min(n_ceilings[p], 120_000 - sum(n_floors[q] for q in "ABC" if q != p))
        assert f"{name} between {money(low)} and {money(high)}" in prose
    assert [n_shapley[p] for p in "ABC"] == pytest.approx([50_000, 42_500, 27_500]) and not n_short(n_shapley)
    assert "Noor $50,000, Kwame $42,500 and Ines $27,500, in the core" in prose


def test_the_role_play_walkthrough_shows_the_pack_it_makes():
    """The instructor's notebook: 12 pairs of the salary case from seed 2026, a quarter without a zone."""
    from negwidgets.seminar import load_case

    texts = outputs_text(stored("seminar/run_a_role_play"))
    table = next(t for t in texts if t.startswith("pair "))
    rows = [line.split("  ") for line in table.splitlines()[1:]]
    rows = [[cell.strip() for cell in row if cell.strip()] for row in rows]
    assert [row[0] for row in rows] == [f"P{n:02d}" for n in range(1, 13)]
    case = load_case("salary")
    no_zone = 0
    for code, candidate, employer, zone in rows:
        low, high = (float(v.replace("$", "").replace(",", "")) for v in (candidate, employer))
        assert case.roles[0].reservation.low <= low <= case.roles[0].reservation.high
        assert case.roles[1].reservation.low <= high <= case.roles[1].reservation.high
        assert zone == (f"{candidate} to {employer}" if low <= high else "none")
        no_zone += zone == "none"
    assert no_zone == 3
    assert "24 sheets written\n" in texts
    assert any(t.startswith("pair,role,opener,opening,outcome,rounds,agreement,q1,q2,q3,q4,comment") for t in texts)


ABBREVIATIONS = {"BATNA": "best alternative", "ZOPA": "zone of possible agreement"}


def lesson_prose(source) -> str:
    """A lesson's running text: its markdown cells without headings, tables, sources and navigation."""
    cells = [c for c in jupytext.read(source).cells
             if c.cell_type == "markdown" and "navigation" not in c.metadata.get("tags", [])]
    text = "\n".join(c.source.split("## Sources and further reading")[0] for c in cells)
    return " ".join(" ".join(line for line in text.splitlines() if not line.startswith(("#", "|"))).split())


@pytest.mark.parametrize("source", LESSONS, ids=ids(LESSONS))
def test_every_abbreviation_is_spelled_out_at_its_first_use(source):
    prose = lesson_prose(source)
    for abbreviation, words in ABBREVIATIONS.items():
        first = prose.find(abbreviation)
        if first >= 0:
            around = prose[max(0, first - 60):first + 70].lower()
            assert words in around, f"{source.name}: spell out {abbreviation} at its first use: ...{around}..."
