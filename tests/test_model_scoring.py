"""Lesson 09's scoring system against a plain brute-force reference: frontier, Nash and Kalai-Smorodinsky
points, improvements, logrolls and MESOs; and every bad table explained in a sentence."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.model import Issue, ScoringSystem, job_offer_case, load_scoring_case

# --- a plain reference ------------------------------------------------------------------------------


def every_package(table):
    """(choices, (score 0, score 1)) for every package, by plain loops."""
    issues = list(table.values())
    for choices in itertools.product(*(range(len(options)) for options in issues)):
        first = sum(issues[i][c][0] for i, c in enumerate(choices))
        second = sum(issues[i][c][1] for i, c in enumerate(choices))
        yield choices, (first, second)


def beats(x, y):
    return x[0] >= y[0] and x[1] >= y[1] and x != y


def reference_frontier(table):
    packages = list(every_package(table))
    frontier = {}
    for choices, scores in packages:
        if not any(beats(other, scores) for _, other in packages):
            frontier.setdefault(scores, []).append(choices)
    return frontier


points = st.integers(-5, 12)
tables = st.dictionaries(
    st.sampled_from(["Salary", "Start", "Remote", "Title", "Bonus"]),
    st.lists(st.tuples(points, points), min_size=1, max_size=4),
    min_size=1, max_size=4,
)
batna_pairs = st.tuples(st.integers(-5, 30), st.integers(-5, 30))


@settings(max_examples=150, deadline=None)
@given(table=tables)
def test_frontier_matches_the_brute_force_reference(table):
    front = ScoringSystem.from_table(table).frontier()
    expected = reference_frontier(table)
    assert {tuple(s) for s in front.scores.tolist()} == set(expected)
    for scores, choices in zip(front.scores.tolist(), front.choices):
        assert sorted(choices) == sorted(expected[tuple(scores)])  # every package that reaches it, ties included
    assert front.max_joint == max(a + b for _, (a, b) in every_package(table))


@settings(max_examples=100, deadline=None)
@given(table=tables, batnas=batna_pairs)
def test_nash_and_kalai_smorodinsky_points_satisfy_their_definitions(table, batnas):
    system = ScoringSystem.from_table(table, batnas=batnas)
    deals = [s for _, s in every_package(table) if s[0] > batnas[0] and s[1] > batnas[1]]
    nash, ks = system.nash_point(), system.kalai_smorodinsky_point()
    if not deals:
        assert nash is None and ks is None
        return
    front = system.frontier()
    product = max((a - batnas[0]) * (b - batnas[1]) for a, b in deals)
    assert np.prod(nash.gains) == product
    assert front.contains(nash.package.scores)
    ideal = [max(s[i] for s in deals) - batnas[i] for i in (0, 1)]

    def smaller_share(s):
        return min((s[0] - batnas[0]) / ideal[0], (s[1] - batnas[1]) / ideal[1])

    assert smaller_share(ks.package.scores) == pytest.approx(max(smaller_share(s) for s in deals))
    assert front.contains(ks.package.scores)


@settings(max_examples=100, deadline=None)
@given(table=tables, data=st.data())
def test_improvements_logrolls_and_free_moves_from_any_package(table, data):
    system = ScoringSystem.from_table(table)
    choices = tuple(data.draw(st.integers(0, len(options) - 1)) for options in table.values())
    package = system.package(choices)
    scores = package.scores
    # Improvements: exactly the frontier points that beat the package for both sides.
    expected = {s for s in reference_frontier(table) if beats(s, scores)}
    assert {p.scores for p in system.improvements(package)} == expected
    assert system.analyse(choices).on_frontier == (scores in reference_frontier(table))
    # Logrolls: every two-issue trade in which each side gives way on one issue and both gain.
    issues = list(table.values())
    trades = set()
    for i, j in itertools.permutations(range(len(issues)), 2):
        for a, b in itertools.product(range(len(issues[i])), range(len(issues[j]))):
            di = [issues[i][a][s] - issues[i][choices[i]][s] for s in (0, 1)]
            dj = [issues[j][b][s] - issues[j][choices[j]][s] for s in (0, 1)]
            if di[0] > 0 > di[1] and dj[1] > 0 > dj[0] and di[0] + dj[0] > 0 and di[1] + dj[1] > 0:
                trades.add((i, a, j, b))
    found = system.logrolls(package)
    assert len(found) == len(trades)
    for roll in found:
        assert roll.gains[0] > 0 and roll.gains[1] > 0
        assert roll.package.scores == (scores[0] + roll.gains[0], scores[1] + roll.gains[1])
    joint = [r.gains[0] + r.gains[1] for r in found]
    assert joint == sorted(joint, reverse=True)
    for move in system.free_moves(package):
        assert beats(move.scores, scores)
        assert sum(a != b for a, b in zip(move.choices, choices)) == 1


@settings(max_examples=60, deadline=None)
@given(table=tables, factor=st.floats(0.1, 10), shift=st.integers(-50, 50))
def test_rescaling_one_side_changes_no_frontier_package(table, factor, shift):
    """Points are each side's own scale: which packages are efficient cannot depend on it."""
    system = ScoringSystem.from_table(table)
    rescaled = system.rescaled(1, factor, shift)
    assert sorted(itertools.chain(*system.frontier().choices)) == sorted(itertools.chain(*rescaled.frontier().choices))


def test_frontier_of_390625_packages_is_exact():
    """Eight issues of five options: every frontier point is undominated among all packages, and every
    other package is beaten by a frontier point (checked over all 390,625 with numpy)."""
    rng = np.random.default_rng(2026)
    table = {f"Issue {i}": [tuple(int(v) for v in rng.integers(0, 40, 2)) for _ in range(5)] for i in range(8)}
    system = ScoringSystem.from_table(table)
    front = system.frontier()
    everything = system.all_scores()
    assert len(everything) == 390_625
    # Spot-check the vectorised listing against plain sums.
    for index in rng.integers(0, len(everything), 20):
        choices = np.unravel_index(index, [5] * 8)
        assert tuple(everything[index]) == tuple(sum(table[f"Issue {i}"][c][s] for i, c in enumerate(choices))
                                                 for s in (0, 1))
    for a, b in front.scores:
        assert not np.any((everything[:, 0] >= a) & (everything[:, 1] >= b)
                          & ((everything[:, 0] > a) | (everything[:, 1] > b)))
    on = np.zeros(len(everything), dtype=bool)
    for a, b in front.scores:
        on |= (everything[:, 0] == a) & (everything[:, 1] == b)
    assert on.sum() == sum(len(c) for c in front.choices)
    by_first = front.scores[np.argsort(front.scores[:, 0])]
    others = everything[~on]
    # For each other package, the frontier point with the smallest first score at or above its own.
    at = np.searchsorted(by_first[:, 0], others[:, 0], side="left")
    assert np.all(at < len(by_first))
    assert np.all(by_first[at, 1] >= others[:, 1])


def test_mesos_are_worth_the_target_to_one_side_and_spread_for_the_other():
    system = job_offer_case()
    mesos = system.mesos(60, count=4, tolerance=1)
    everything = system.all_scores()
    near = everything[(np.abs(everything[:, 0] - 60) <= 1) & (everything[:, 1] > system.batnas[1])]
    theirs = [p.scores[1] for p in mesos.packages]
    assert len(mesos.packages) == 4 and len(set(theirs)) == 4
    assert all(abs(p.scores[0] - 60) <= 1 for p in mesos.packages)
    assert min(theirs) == near[:, 1].min() and max(theirs) == near[:, 1].max()
    assert mesos.candidates == len(near)
    assert "4 offers each worth 60 points to Ana" in mesos.describe()
    # For the other side, from the employer's point of view.
    assert all(abs(p.scores[1] - 50) <= 2 for p in system.mesos(50, side=1).packages)


def test_the_job_offer_case_has_every_kind_of_issue():
    case = job_offer_case()
    kinds = {issue.name: issue.kind for issue in case.issues}
    assert len(kinds) >= 7
    assert {"distributive", "integrative", "compatible"} == set(kinds.values())
    assert kinds["Salary"] == "distributive" and kinds["Training budget"] == "compatible"
    assert all(issue.note for issue in case.issues)
    # Splitting the difference on every issue leaves joint points on the table.
    split = case.analyse(case.split_difference())
    assert not split.on_frontier and split.left_on_table > 0
    assert split.logrolls


def test_a_package_from_names_and_its_description():
    system = ScoringSystem.from_table({"Salary": {"$70k": (0, 10), "$80k": (10, 0)}, "Team": {"A": (3, 3), "B": (0, 0)}},
                                      parties=("Ana", "the employer"))
    package = system.package({"Salary": "$80k", "Team": "A"})
    assert package.scores == (13, 3)
    assert package.describe() == "Salary: $80k; Team: A. Worth 13 points to Ana and 3 to the employer."
    assert system.free_moves(system.package(["$80k", "B"]))[0].labels == ("$80k", "A")


# --- bad input ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("table, message", [
    ({"Salary": [(0, 10), (10,)]}, "The option 'Option 2' of 'Salary' has 1 score; give two"),
    ({"Salary": [(0, 10), (10, None)]}, "The option 'Option 2' of 'Salary' has no score for side 2"),
    ({"Salary": [(0, 10), (10, "lots")]}, "must be a number"),
    ({"Salary": [(0, 10), 7]}, "needs two scores, one for each side"),
    ({"Start date": []}, "The issue 'Start date' has no options"),
    ([("Salary", [(0, 1)]), ("salary", [(1, 0)])], "The issue 'Salary' appears twice"),
    ({"Title": {"Senior": (1, 0), " Senior": (0, 1)}}, "lists the option 'Senior' twice"),
    ({}, "needs at least one issue"),
    ({"Salary": [(0, float("nan"))]}, "is not a number (NaN)"),
])
def test_a_bad_table_is_explained(table, message):
    with pytest.raises(ValueError) as error:
        ScoringSystem.from_table(table)
    assert message in str(error.value)


@pytest.mark.parametrize("choice, message", [
    ({"Salary": "$70k"}, "Choose an option for Team"),
    ({"Salary": "$90k", "Team": "A"}, "'$90k' is not an option of 'Salary'; choose one of: $70k, $80k."),
    ({"Salary": "$70k", "Team": "A", "Car": "yes"}, "There is no issue called 'Car'"),
    (["$70k"], "A package picks one option for each of the 2 issues; this one has 1."),
    ([5, 0], "'Salary' has options 0 to 1; 5 is not one."),
])
def test_a_bad_package_is_explained(choice, message):
    system = ScoringSystem.from_table({"Salary": {"$70k": (0, 10), "$80k": (10, 0)}, "Team": {"A": (3, 3), "B": (0, 0)}})
    with pytest.raises(ValueError) as error:
        system.package(choice)
    assert message in str(error.value)


def test_bad_batnas_parties_meso_requests_and_case_files(tmp_path):
    table = {"Salary": [(0, 10), (10, 0)]}
    with pytest.raises(ValueError, match="Give two BATNA scores"):
        ScoringSystem.from_table(table, batnas=(3,))
    with pytest.raises(ValueError, match="Name the two sides, each differently"):
        ScoringSystem.from_table(table, parties=("Ana", "Ana"))
    with pytest.raises(ValueError, match="The scale factor must be above 0"):
        ScoringSystem.from_table(table).rescaled(0, -1)
    case = job_offer_case()
    with pytest.raises(ValueError, match="No package is worth about 100 points to Ana that the employer prefers"):
        case.mesos(100)
    with pytest.raises(ValueError, match="at least two packages"):
        case.mesos(60, count=1)
    with pytest.raises(ValueError, match="Ana's BATNA|too many to list"):
        ScoringSystem([Issue(f"I{i}", tuple("abcde"), ((0, 1),) * 5) for i in range(10)]).mesos(3)
    broken = tmp_path / "case.yaml"
    broken.write_text("issues:\n  - name: Salary\n   options: [\n", encoding="utf-8")
    with pytest.raises(ValueError, match="The case file case.yaml is not valid YAML near line"):
        load_scoring_case(broken)
    with pytest.raises(ValueError, match="I could not read the case file missing.yaml"):
        load_scoring_case(tmp_path / "missing.yaml")
    unnamed = tmp_path / "unnamed.yaml"
    unnamed.write_text("issues:\n  - options: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Issue 1 of the case has no 'name'"):
        load_scoring_case(unnamed)
    good = tmp_path / "good.yaml"
    good.write_text("parties: [Lee, the client]\nbatnas: [1, 2]\nissues:\n  - name: Fee\n    options:\n"
                    "      - {label: low, points: [0, 5]}\n      - {label: high, points: [5, 0]}\n", encoding="utf-8")
    assert load_scoring_case(good).package(["high"]).describe() == "Fee: high. Worth 5 points to Lee and 0 to the client."
