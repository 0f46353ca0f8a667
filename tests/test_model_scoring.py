"""Lesson 09's scoring system against a plain brute-force reference: frontier, Nash and Kalai-Smorodinsky
points, improvements, logrolls and MESOs; and every bad table explained in a sentence."""

import itertools
import re
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.model import Issue, ScoringSystem, job_offer_case, load_scoring_case
from negwidgets.model import scoring

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


# --- ties, all-equal and constant-sum tables: every package may reach the frontier ----------------------


def reference_points(table):
    """{(score 0, score 1): [packages in the order of itertools.product]} for the frontier, by plain loops.
    Scores are the sums in issue order rounded to 9 decimals, as the scoring system defines them."""
    issues = list(table.values())
    scored = []
    for choices in itertools.product(*(range(len(options)) for options in issues)):
        first = second = 0
        for issue, c in zip(issues, choices):
            first, second = first + issue[c][0], second + issue[c][1]
        scored.append((choices, (float(np.round(first, 9)), float(np.round(second, 9)))))
    distinct = {scores for _, scores in scored}
    frontier = {s for s in distinct if not any(beats(other, s) for other in distinct)}
    reached = {}
    for choices, scores in scored:
        if scores in frontier:
            reached.setdefault(scores, []).append(choices)
    return reached


def _issues(options_of, issues=st.integers(1, 5)):
    return issues.flatmap(lambda n: st.tuples(*(options_of(i) for i in range(n))).map(
        lambda rows: {f"Issue {i + 1}": list(row) for i, row in enumerate(rows)}))


# Few different pairs: most packages tie with many others.
tied_tables = _issues(lambda i: st.lists(st.sampled_from([(0, 0), (1, 1), (2, 0), (0, 2), (1, 1)]),
                                         min_size=1, max_size=4))
# Every option of every issue worth the same pair: one point, reached by every package.
equal_tables = st.tuples(st.tuples(points, points), st.lists(st.integers(1, 4), min_size=1, max_size=6)).map(
    lambda t: {f"Issue {i + 1}": [t[0]] * n for i, n in enumerate(t[1])})
# Within each issue the two sides' points add up to the same total: no package beats another, so every
# package is on the frontier; in whole points, or in tenths (sums that floating point cannot hold exactly).
constant_sum_tables = _issues(lambda i: st.tuples(st.integers(0, 12), st.lists(st.integers(0, 12), min_size=1,
                                                                                  max_size=4)).map(
    lambda t: [(v, t[0] - v) for v in t[1]]))
tenths_tables = constant_sum_tables.map(
    lambda table: {name: [(a / 10, b / 10) for a, b in options] for name, options in table.items()})
# Points apart by less than the 9 decimals scores are rounded to: sums that tie only once rounded.
fine_tables = _issues(lambda i: st.lists(st.tuples(st.integers(0, 3), st.integers(0, 4), st.integers(0, 3)),
                                         min_size=1, max_size=4).map(
    lambda options: [(a + k * 3e-10, 3 - a + j * 4e-10) for a, k, j in options]))


def _check_against_the_reference(table, block):
    """With the first issues listed whole up to ``block`` packages (1: issue by issue throughout)."""
    with mock.patch.object(scoring, "_BLOCK", block):
        front = ScoringSystem.from_table(table).frontier()
    expected = reference_points(table)
    assert [tuple(s) for s in front.scores.tolist()] == sorted(expected, reverse=True)  # best for side 0 first
    assert [int(c) for c in front.counts] == [len(expected[tuple(s)]) for s in front.scores.tolist()]
    assert front.reaching == sum(len(p) for p in expected.values())
    for scores, reaching in zip(front.scores.tolist(), front.choices):
        packages = expected[tuple(scores)]
        assert list(reaching) == packages  # every package, each once, in the order of itertools.product
        assert reaching.count == len(reaching) == len(packages)
        assert reaching.first() == reaching[0] == packages[0] and reaching[-1] == packages[-1]
        assert reaching[len(packages) // 2] == packages[len(packages) // 2]
        assert reaching[1::2] == tuple(packages[1::2])


@settings(max_examples=150, deadline=None)
@given(table=st.one_of(tied_tables, equal_tables, constant_sum_tables, tenths_tables, fine_tables, tables),
       block=st.sampled_from([1, 4, 1024]))
def test_ties_and_constant_sum_tables_match_the_plain_reference(table, block):
    _check_against_the_reference(table, block)


def test_tied_and_constant_sum_tables_beyond_the_first_block_match_numpy():
    """Bigger than one block: every package scored by numpy (``all_scores``), points and counts compared."""
    rng = np.random.default_rng(21)
    cases = [{f"I{i}": [(3, 3)] * 5 for i in range(8)},  # 390,625 packages, one point
             {f"I{i}": [(int(v), 40 - int(v)) for v in rng.integers(0, 41, 6)] for i in range(7)},
             {f"I{i}": [(round(float(v), 2), round(1 - float(v), 2)) for v in rng.random(4)] for i in range(9)},
             {f"I{i}": [(o * 2 ** i, (1 - o) * 2 ** i) for o in (0, 1)] for i in range(18)}]  # 2**18 points
    for table in cases:
        system = ScoringSystem.from_table(table)
        front = system.frontier()
        everything = system.all_scores()
        order = np.lexsort((-everything[:, 1], -everything[:, 0]))
        points, counts = np.unique(everything[order], axis=0, return_counts=True)
        beaten = np.array([np.any((points[:, 0] >= a) & (points[:, 1] >= b) & ((points[:, 0] > a) | (points[:, 1] > b)))
                           for a, b in points]) if len(points) < 5000 else None
        if beaten is None:  # every package on the frontier: no point beats another
            assert len(front) == len(points)
            expected_points, expected_counts = points, counts
        else:
            expected_points, expected_counts = points[~beaten], counts[~beaten]
        at = np.lexsort((-expected_points[:, 1], -expected_points[:, 0]))
        assert np.array_equal(front.scores, expected_points[at])
        assert np.array_equal(front.counts.astype(np.int64), expected_counts[at])
        # Spot-check the listed packages against the scores numpy gives them.
        sizes = [len(options) for options in table.values()]
        for point in rng.integers(0, len(front), 5):
            reaching = front.choices[int(point)]
            for k in {0, reaching.count - 1, int(rng.integers(0, reaching.count))}:
                flat = np.ravel_multi_index(reaching[k], sizes)
                assert tuple(everything[flat]) == tuple(front.scores[point])


def test_ties_beyond_any_count_are_counted_exactly():
    """40 issues of 5 options all worth the same: 5**40 packages, past 64-bit integers, all on one point."""
    front = ScoringSystem.from_table({f"I{i}": [(1, 2)] * 5 for i in range(40)}).frontier()
    assert len(front) == 1 and front.choices[0].count == front.reaching == 5 ** 40
    assert front.choices[0][0] == (0,) * 40 and front.choices[0][-1] == (4,) * 40
    assert front.choices[0][5 ** 39 + 2] == (1,) + (0,) * 37 + (0, 2)
    assert "reached by 9,094,947,017,729,282,379,150,390,625 of the" in front.describe()


def test_a_frontier_too_large_to_work_out_says_why_and_how_large():
    table = {f"I{i}": [(o * 3 ** i, (2 - o) * 3 ** i) for o in range(3)] for i in range(8)}  # every package differs
    with mock.patch.object(scoring, "MAX_FRONTIER_CANDIDATES", 3 ** 6), mock.patch.object(scoring, "_BLOCK", 1):
        with pytest.raises(ValueError) as error:
            ScoringSystem.from_table(table).frontier()
    message = str(error.value)
    assert message.startswith("The Pareto frontier of these 8 issues (6,561 packages) is too large to work out here: "
                              "after the first 6 issues, 729 different score pairs are still undominated, and with "
                              "the 3 options of 'I6' that makes 2,187 to compare, more than the 729 ")
    assert "GB of memory)" in message and not re.search(r"\btie", message)
    # Ties never count against the limit: the same size, every option worth the same, is one point.
    with mock.patch.object(scoring, "MAX_FRONTIER_CANDIDATES", 3 ** 6), mock.patch.object(scoring, "_BLOCK", 1):
        assert ScoringSystem.from_table({f"I{i}": [(1, 1)] * 3 for i in range(8)}).frontier().reaching == 3 ** 8


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
