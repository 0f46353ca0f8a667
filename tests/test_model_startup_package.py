"""Lesson 16's start-up package against a brute force written here: every package of the case scored by plain
loops from the data file, the first offer's place against the frontier, every two-issue trade from it, and the
MESOs; the weights' scale; and every bad input explained in a sentence about the right control."""

import dataclasses
import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.data import load
from negwidgets.model import StartupPackageError, example_startup_weights, startup_case
from negwidgets.model.startup_package import MESO_TOLERANCE, startup_package

DATA = load("startup_package")
ISSUES = [issue["name"] for issue in DATA["issues"]]


# --- a plain reference, from the data file ------------------------------------------------------------------


def scores(choices, weights):
    """(yours, the department's) for one package: importance x share scaled to 100, and the department's points."""
    total = sum(weights.values())
    mine = theirs = 0.0
    for issue, choice in zip(DATA["issues"], choices):
        option = issue["options"][choice]
        mine += 100 * weights[issue["name"]] * option["candidate"] / total
        theirs += option["department"]
    return mine, theirs


def every_package(weights):
    sizes = [range(len(issue["options"])) for issue in DATA["issues"]]
    return {choices: scores(choices, weights) for choices in itertools.product(*sizes)}


def first_offer_choices():
    return tuple([o["label"] for o in issue["options"]].index(DATA["first_offer"][issue["name"]])
                 for issue in DATA["issues"])


def brute_force_trades(weights, offer):
    """Every package that changes exactly two issues of ``offer``: one better for you and worse for the department,
    the other the reverse, with both totals higher. ``{choices: (ask issue, give issue, gains)}``."""
    base = scores(offer, weights)
    found = {}
    for ask, give in itertools.permutations(range(len(ISSUES)), 2):
        for a, g in itertools.product(range(len(DATA["issues"][ask]["options"])),
                                      range(len(DATA["issues"][give]["options"]))):
            choices = list(offer)
            choices[ask], choices[give] = a, g
            one = list(offer)
            one[ask] = a
            other = list(offer)
            other[give] = g
            ask_gain = [x - y for x, y in zip(scores(one, weights), base)]
            give_gain = [x - y for x, y in zip(scores(other, weights), base)]
            if not (ask_gain[0] > 1e-9 and ask_gain[1] < -1e-9 and give_gain[1] > 1e-9 and give_gain[0] < -1e-9):
                continue
            gains = [x - y for x, y in zip(scores(choices, weights), base)]
            if gains[0] > 1e-9 and gains[1] > 1e-9:
                found[tuple(choices)] = (ISSUES[ask], ISSUES[give], tuple(gains))
    return found


def check_against_brute_force(result, weights):
    packages = every_package(weights)
    offer = first_offer_choices()
    mine, theirs = packages[offer]
    # The first offer's scores, and whether any package beats it for both sides.
    assert result.first_offer.package.choices == offer
    assert result.first_offer.package.scores == pytest.approx((mine, theirs), abs=1e-6)
    dominated = any(a >= mine - 1e-9 and b >= theirs - 1e-9 and (a > mine + 1e-9 or b > theirs + 1e-9)
                    for a, b in packages.values())
    assert result.first_offer.on_frontier is (not dominated)
    # The trades: real two-issue logrolls that raise both scores, the best of them first.
    trades = brute_force_trades(weights, offer)
    assert len(result.trades) == min(3, len(trades))
    for trade in result.trades:
        choices = trade.package.choices
        assert sum(a != b for a, b in zip(choices, offer)) == 2
        ask, give, gains = trades[choices]
        assert (trade.ask_issue, trade.give_issue) == (ask, give)
        new = packages[choices]
        assert new[0] > mine and new[1] > theirs
        assert trade.gains == pytest.approx(gains, abs=1e-6)
        assert weights[ask] > 0 and weights[give] > 0   # an issue that does not matter to you is never traded
    if trades:
        best = max(sum(g) for *_, g in trades.values())
        assert sum(result.trades[0].gains) == pytest.approx(best, abs=1e-6)
    # The MESOs: worth the target to you, give or take, and each different for the department, above its BATNA,
    # and none asks for an option that another option of the same issue beats for one side and matches for the
    # other (an option worth nothing more to you that costs the department: an offer should never ask for it).
    offers = result.offers
    if result.mesos is None:   # only when no set of three such offers exists at any target
        assert result.target_is_default and offers == () and result.email_text() == ""
        assert not any(len(set(round(packages[c][1], 6) for c in group)) >= 3
                       for group in offers_by_target(packages, weights).values())
        return
    assert len(offers) == 3
    for package in offers:
        a, b = packages[package.choices]
        assert abs(a - result.target) <= MESO_TOLERANCE + 1e-9
        assert b > DATA["batnas"]["department"]["score"]
        assert not any(never_ask(weights, issue, option) for issue, option in enumerate(package.choices))
    assert len({round(packages[p.choices][1], 6) for p in offers}) == 3
    assert result.target - MESO_TOLERANCE >= DATA["batnas"]["candidate"]["score"]
    # Offers at least as good for the department as its first offer when three such exist at the target; only
    # when they do not, any above its BATNA (and the text says so).
    near = offers_by_target(packages, weights, exact=result.target)
    at_least_first = {round(packages[c][1], 6) for c in near if packages[c][1] >= theirs - 1e-6}
    assert result.offers_beat_first_offer is (len(at_least_first) >= 3)
    if result.offers_beat_first_offer:
        assert all(packages[p.choices][1] >= theirs - 1e-6 for p in offers)
        assert "at least as much to the department as its own first offer" in result.offers_text()
    else:
        assert "it may well refuse those" in result.offers_text()


def never_ask(weights, issue, option):
    """Whether another option of the issue is at least as good for both sides and better for one (or, equal for
    both, comes first), by plain loops over the case's shares and points."""
    options = DATA["issues"][issue]["options"]
    weight = weights[ISSUES[issue]]
    mine = [weight * o["candidate"] for o in options]
    theirs = [o["department"] for o in options]
    return any((mine[p] >= mine[option] and theirs[p] >= theirs[option]
                and (mine[p] > mine[option] or theirs[p] > theirs[option]))
               or (mine[p] == mine[option] and theirs[p] == theirs[option] and p < option)
               for p in range(len(options)))


def offers_by_target(packages, weights, exact=None):
    """For every whole target from the candidate's BATNA up (or for the ``exact`` target alone), the packages an
    offer may be (no never-ask option, above the department's BATNA) worth that target to her, give or take."""
    allowed = [c for c in packages if not any(never_ask(weights, i, o) for i, o in enumerate(c))
               and packages[c][1] > DATA["batnas"]["department"]["score"]]
    if exact is not None:
        return [c for c in allowed if abs(packages[c][0] - exact) <= MESO_TOLERANCE + 1e-9]
    lowest = DATA["batnas"]["candidate"]["score"] + MESO_TOLERANCE
    return {target: [c for c in allowed if abs(packages[c][0] - target) <= MESO_TOLERANCE + 1e-9]
            for target in range(math.ceil(lowest), 101)}


# --- the example --------------------------------------------------------------------------------------------


def test_the_example_matches_the_brute_force():
    weights = example_startup_weights()
    assert weights == {name: float(DATA["example_weights"][name]) for name in ISSUES}
    check_against_brute_force(startup_package(weights), weights)


def test_the_example_s_best_trade_in_words():
    weights = example_startup_weights()
    result = startup_package(weights)
    teaching = DATA["issues"][ISSUES.index("Teaching in the first two years")]["options"]
    funds = DATA["issues"][ISSUES.index("Start-up funds")]["options"]
    total = sum(weights.values())
    # Two course releases from the standard load; $450,000 of start-up funds instead of $550,000.
    mine = 100 * (weights["Teaching in the first two years"] * (teaching[2]["candidate"] - teaching[0]["candidate"])
                  + weights["Start-up funds"] * (funds[1]["candidate"] - funds[2]["candidate"])) / total
    theirs = (teaching[2]["department"] - teaching[0]["department"]) + (funds[1]["department"] - funds[2]["department"])
    assert result.trades[0].describe() == (
        f"Ask for two course releases and accept $450,000 of start-up funds instead of $550,000: you gain "
        f"{round(mine, 1):g} points and the department {round(theirs, 1):g}.")
    assert mine > 0 and theirs > 0


def test_the_default_target_is_the_best_trade_s_score():
    result = startup_package(example_startup_weights())
    assert result.target_is_default
    assert result.target == round(result.trades[0].package.scores[0])
    assert "(the best trade's score)" in result.offers_text()
    chosen = startup_package(example_startup_weights(), target=60)
    assert chosen.target == 60 and not chosen.target_is_default
    assert "(the best trade's score)" not in chosen.offers_text()
    same = startup_package(example_startup_weights(), target=result.target)
    assert not same.target_is_default and "(the best trade's score)" in same.offers_text()


def test_the_email_thanks_and_quotes_what_each_offer_changes():
    result = startup_package(example_startup_weights())
    lines = result.email_text().splitlines()
    assert lines[0].startswith("Thank you again for the offer. Any of these three packages would work well for me")
    assert lines[-1] == "Which of them works best for the department? I'm glad to talk through the reasons for each."
    first = DATA["first_offer"]
    for letter, package, line in zip("ABC", result.mesos.packages, lines[1:4]):
        assert line.startswith(f"Package {letter}: ")
        for issue, label in zip(ISSUES, package.labels):
            # What differs from the first offer is written; what stays as offered is not repeated.
            assert (f"{issue}: {label}" in line) is (label != first[issue])
    assert len({p.choices for p in result.mesos.packages}) == 3


def test_the_department_s_points_do_not_depend_on_your_weights():
    first = startup_package(example_startup_weights())
    second = startup_package(dict.fromkeys(ISSUES, 1))
    assert first.first_offer.package.scores[1] == second.first_offer.package.scores[1] == pytest.approx(
        scores(first_offer_choices(), example_startup_weights())[1])


def test_the_tenure_clock_is_not_on_the_table():
    case = startup_case()
    assert "Tenure clock" not in case.issue_names
    assert [term.name for term in case.not_negotiable] == ["Tenure clock"]
    assert "Tenure clock" in [t["name"] for t in DATA["not_negotiable"]]


def test_a_target_below_the_first_offer_says_so():
    result = startup_package(example_startup_weights(), target=20)
    assert result.below_first_offer
    assert "worth less to you than the first offer" in result.offers_text()
    assert not startup_package(example_startup_weights(), target=60).below_first_offer


def test_the_result_is_frozen():
    result = startup_package(example_startup_weights())
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.target = 80


# --- the weights' scale and the zero-weighted issue ---------------------------------------------------------


weight_maps = st.fixed_dictionaries({name: st.integers(0, 10) for name in ISSUES}).filter(lambda w: any(w.values()))


@settings(max_examples=40, deadline=None)
@given(weights=weight_maps)
def test_any_weights_scale_to_100_and_match_the_brute_force(weights):
    result = startup_package(weights)
    every = result.system.all_scores()
    assert every[:, 0].max() == pytest.approx(100)
    assert every[:, 0].min() == pytest.approx(0)
    reference = every_package(weights)
    assert max(a for a, _ in reference.values()) == pytest.approx(100)
    check_against_brute_force(result, weights)
    for name, weight in weights.items():
        if weight == 0:
            assert all(name not in (t.ask_issue, t.give_issue) for t in result.trades)


@settings(max_examples=40, deadline=None)
@given(weights=st.fixed_dictionaries({name: st.floats(0, 10) for name in ISSUES}).filter(lambda w: any(w.values())),
       target=st.integers(0, 100))
def test_any_finite_input_gives_a_finite_result_or_a_sentence(weights, target):
    try:
        result = startup_package(weights, target=target)
    except StartupPackageError as error:
        assert error.field == "target" and str(error).endswith(".")
        return
    assert all(math.isfinite(x) for p in result.offers for x in p.scores)
    assert all(math.isfinite(x) for t in result.trades for x in t.gains)
    assert math.isfinite(result.first_offer.package.scores[0])


@pytest.mark.parametrize("tiny", [5e-324, 2.225073858507e-311, 1e-300])
def test_tiny_weights_still_scale_to_100(tiny):
    weights = {**dict.fromkeys(ISSUES, 0.0), "Partner's job search": tiny, "Lab space": tiny,
               "Teaching in the first two years": tiny}
    result = startup_package(weights, target=60)
    assert result.system.all_scores()[:, 0].max() == pytest.approx(100)
    assert len(result.offers) == 3 and all(math.isfinite(x) for p in result.offers for x in p.scores)
    both = startup_package({**weights, "Start-up funds": tiny})
    assert both.system.all_scores()[:, 0].max() == pytest.approx(100)


def test_a_zero_weighted_issue_gives_no_trades_on_it():
    weights = example_startup_weights()
    with_teaching = startup_package(weights)
    assert any("Teaching in the first two years" == t.ask_issue for t in with_teaching.trades)
    without = startup_package({**weights, "Teaching in the first two years": 0})
    assert without.trades
    assert all("Teaching in the first two years" not in (t.ask_issue, t.give_issue) for t in without.trades)
    check_against_brute_force(without, {**weights, "Teaching in the first two years": 0})


def test_an_issue_that_does_not_matter_to_you_is_a_free_move_for_the_department():
    # The first offer's $550,000 is the department's costliest option: if start-up funds do not matter to you,
    # offering less costs you nothing and helps the department.
    weights = {**example_startup_weights(), "Start-up funds": 0}
    result = startup_package(weights)
    moves = [m for m in result.free_moves if m.issue == "Start-up funds"]
    assert moves
    for move in moves:
        assert move.gains[0] == pytest.approx(0) and move.gains[1] > 0
        assert move.describe().startswith("Offer ")
        assert "it costs you nothing" in move.describe()


# --- bad input, in sentences --------------------------------------------------------------------------------


def refused(weights, target=None, **kwargs):
    with pytest.raises(StartupPackageError) as caught:
        startup_package(weights, target=target, **kwargs)
    return caught.value


def test_all_weights_zero_is_refused_in_a_sentence():
    error = refused(dict.fromkeys(ISSUES, 0))
    assert error.field == "weights"
    assert str(error) == ("Give at least one issue an importance above 0: with every issue at 0, no package is better "
                          "for you than another, so there is nothing to trade.")


def test_an_unknown_or_missing_issue_is_named():
    error = refused({**example_startup_weights(), "Salary": 5})
    assert error.field == "weights"
    assert str(error).startswith("There is no issue called 'Salary' in this offer; the issues are: Start-up funds, ")
    assert str(error).endswith("Start date and Partner's job search.")
    weights = example_startup_weights()
    del weights["Lab space"]
    error = refused(weights)
    assert str(error) == "Give an importance to every issue: Lab space has none (0 means it does not matter to you)."
    assert "a mapping" in str(refused([5] * 7))


@pytest.mark.parametrize("value, words", [(11, "is 11; give a number from 0"), (-1, "is -1; give a number from 0"),
                                          (float("nan"), "is not a number (NaN)"), ("high", "must be a number"),
                                          (True, "must be a number"), (float("inf"), "is infinite")])
def test_a_bad_importance_names_its_issue(value, words):
    error = refused({**example_startup_weights(), "Summer salary": value})
    assert error.field == "Summer salary"
    assert str(error).startswith("The importance of Summer salary ")
    assert words in str(error)


@pytest.mark.parametrize("target, words", [
    (101, "Your target is 101 of your points; your packages run from 0"),
    (-5, "Your target is -5 of your points"),
    (10, "A target of 10 could offer packages worth less to you than your BATNA (15 points, 17 with the give or take "
         "of 2): the department might accept one you would rather refuse. Choose a target of 17 or more."),
    (float("nan"), "Your target is not a number (NaN)"),
])
def test_a_bad_target_is_explained(target, words):
    error = refused(example_startup_weights(), target)
    assert error.field == "target"
    assert words in str(error)


def test_a_target_no_three_packages_reach_gives_the_range_that_works():
    weights = example_startup_weights()
    error = refused(weights, 100)
    assert error.field == "target"
    packages = every_package(weights).values()
    batna = DATA["batnas"]["department"]["score"]

    def works(target):
        return len({round(b, 6) for a, b in packages if abs(a - target) <= MESO_TOLERANCE + 1e-9 and b > batna}) >= 3

    reachable = [t for t in range(17, 101) if works(t)]
    assert reachable == list(range(reachable[0], reachable[-1] + 1))
    assert str(error) == ("Too few packages are worth about 100 of your points (give or take 2) to make three offers "
                          f"that differ for the department. Choose a target from {reachable[0]} to {reachable[-1]}.")
    # The highest target it names does work.
    assert startup_package(weights, target=reachable[-1]).target == reachable[-1]


# --- a case of your own -------------------------------------------------------------------------------------


def small_case(**changes):
    case = {
        "issues": [
            {"name": "Money", "options": [{"label": "Less", "candidate": 0, "department": 10},
                                          {"label": "More", "candidate": 1, "department": 0}]},
            {"name": "Time", "options": [{"label": "Soon", "candidate": 0, "department": 3},
                                         {"label": "Later", "candidate": 1, "department": 0}]},
            {"name": "Parking", "options": [{"label": "None", "candidate": 0, "department": 2},
                                            {"label": "A permit", "candidate": 1, "department": 1},
                                            {"label": "A reserved space", "candidate": 1, "department": 0}]},
        ],
        "first_offer": {"Money": "More", "Time": "Soon", "Parking": "A permit"},
        "batnas": {"candidate": {"score": 0}, "department": {"score": 0}},
    }
    case.update(changes)
    return case


def test_a_case_of_your_own_is_read_and_checked():
    result = startup_package({"Money": 1, "Time": 9, "Parking": 0}, case=small_case())
    assert [(t.ask_issue, t.give_issue) for t in result.trades] == [("Time", "Money")]
    assert result.trades[0].gains == pytest.approx((90 - 10, 10 - 3))
    # Parking does not matter to you: giving up the permit is a free move for the department.
    assert [m.describe() for m in result.free_moves] == [
        "Offer None instead of A permit: it costs you nothing and gives the department 1 point."]
    # Three offers worth 10 to you could differ only in parking, which you do not want: none are made.
    assert result.mesos is None and result.offers == () and "no three packages" in result.offers_text()
    # Asked for a target, the same table says no target can carry three such offers (no two packages of its
    # undominated options are worth the same to you).
    with pytest.raises(StartupPackageError, match="No target works with these weights") as caught:
        startup_package({"Money": 1, "Time": 9, "Parking": 5}, case=small_case(), target=67)
    assert caught.value.field == "target"
    bad = small_case()
    bad["issues"][0]["options"][1]["candidate"] = 1.5
    with pytest.raises(StartupPackageError, match="share of the option 'More' of 'Money' is 1.5") as caught:
        startup_package({"Money": 1, "Time": 1, "Parking": 1}, case=bad)
    assert caught.value.field == "case"
    bad = small_case(first_offer={"Money": "Most", "Time": "Soon", "Parking": "None"})
    with pytest.raises(StartupPackageError, match="'Most' is not an option of 'Money'"):
        startup_package({"Money": 1, "Time": 1, "Parking": 1}, case=bad)
    bad = small_case()
    bad["issues"][1]["options"][1]["candidate"] = 0.5
    with pytest.raises(StartupPackageError, match="best option of 'Time' must have a share of 1"):
        startup_package({"Money": 1, "Time": 1, "Parking": 1}, case=bad)


def test_a_default_target_too_few_packages_reach_moves_to_the_nearest_that_works():
    case = small_case(first_offer={"Money": "More", "Time": "Soon", "Parking": "None"})
    case["issues"][2]["options"][1]["candidate"] = 0.5   # a permit is half as good as a reserved space
    weights = {"Money": 3, "Time": 3, "Parking": 7}
    result = startup_package(weights, case=case)
    # Your points and the department's for every package of the small case, by plain loops.
    total = sum(weights.values())
    packages = []
    for choices in itertools.product(*(range(len(issue["options"])) for issue in case["issues"])):
        options = [issue["options"][c] for issue, c in zip(case["issues"], choices)]
        packages.append((sum(100 * weights[i["name"]] * o["candidate"] / total for i, o in zip(case["issues"], options)),
                         sum(o["department"] for o in options)))
    best_trade = round(result.trades[0].package.scores[0])

    def works(target):
        return len({b for a, b in packages if abs(a - target) <= MESO_TOLERANCE + 1e-9 and b > 0}) >= 3

    assert not works(best_trade)
    reachable = [t for t in range(2, 101) if works(t)]
    nearest = min(reachable, key=lambda t: (abs(t - best_trade), t))
    assert result.target == nearest != best_trade and result.target_is_default
    assert "(the best trade's score)" not in result.offers_text()
    with pytest.raises(StartupPackageError, match=f"about {best_trade} of your points") as caught:
        startup_package(weights, case=case, target=best_trade)
    assert caught.value.field == "target"
