"""The three-party coalition model: the Shapley split against hand-computed games (the glove game, the majority
game, the lesson's two examples) and against the general formula over all coalitions; its efficiency, symmetry,
dummy and additivity properties; the core against a brute-force grid of splits; blocking against its definition;
bad input as sentences; and no finite input giving a non-finite result."""

import itertools
import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.model import CoalitionGame, coalition_example, coalition_examples, coalition_value
from negwidgets.model.coalitions import MAX_VALUE

KEYS = ("a", "b", "c", "ab", "ac", "bc", "abc")
NAMES = ("Amara", "Bruno", "Chen")


def game_of(values, names=("A", "B", "C")):
    return CoalitionGame(**dict(zip(KEYS, values)), names=names)


def v(values: dict, coalition: frozenset) -> Fraction:
    """The value of a set of players 0, 1, 2 from the seven values (exact; the empty set makes 0)."""
    if not coalition:
        return Fraction(0)
    key = "".join("abc"[p] for p in sorted(coalition))
    return Fraction(values[key])


def shapley_by_formula(values: dict) -> list[Fraction]:
    """The Shapley value from its general formula: sum over coalitions S without i of
    |S|! (n - |S| - 1)! / n! * (v(S + i) - v(S)); exact, written independently of the model's six orders."""
    n, players = 3, range(3)
    shares = []
    for i in players:
        others = [p for p in players if p != i]
        total = Fraction(0)
        for size in range(n):
            for s in itertools.combinations(others, size):
                weight = Fraction(math.factorial(size) * math.factorial(n - size - 1), math.factorial(n))
                total += weight * (v(values, frozenset(s) | {i}) - v(values, frozenset(s)))
        shares.append(total)
    return shares


def in_core_by_definition(values: dict, x) -> bool:
    """Every proper coalition gets at least its value, and the shares add up to v(ABC) (exact)."""
    if sum(x) != values["abc"]:
        return False
    return all(sum(x[p] for p in s) >= v(values, frozenset(s))
               for size in (1, 2) for s in itertools.combinations(range(3), size))


small = st.integers(0, 12)


@st.composite
def integer_games(draw, top=18):
    """Any game with whole values (often not superadditive; sometimes with an empty core)."""
    values = dict(zip(KEYS[:6], (draw(small) for _ in range(6))))
    values["abc"] = draw(st.integers(0, top))
    return values


# -- hand-computed games -------------------------------------------------------------------------------------

def test_the_glove_game():
    # A holds a left glove, B and C a right one each; a pair of gloves is worth 1. By hand: A joins last in two
    # orders (adds 1), second after B or C in two more (adds 1), first in two (adds 0): 4/6. B adds 1 only when
    # it joins right after A alone (the order A, B, C): 1/6; so does C.
    glove = CoalitionGame(ab=1, ac=1, abc=1)
    assert glove.shapley().shares == pytest.approx((2 / 3, 1 / 6, 1 / 6))
    core = glove.core()
    assert core.vertices == ((1.0, 0.0, 0.0),) and core.single_point and core.centre == (1.0, 0.0, 0.0)
    assert core.ranges == ((1.0, 1.0), (0.0, 0.0), (0.0, 0.0))
    assert "only one split is: A $1, B $0 and C $0" in core.describe()
    # The Shapley split is outside the core: A and B get 5/6 but can make 1; so can A and C.
    blocks = glove.shapley().check.blocks
    assert {b.coalition for b in blocks} == {"AB", "AC"}
    assert all(b.by == pytest.approx(1 / 6) for b in blocks)
    assert glove.is_superadditive and glove.is_essential


def test_the_majority_game_has_an_empty_core():
    # Any two players can take the whole 1: each pair needs 1, so the three would need 3/2 of 1.
    majority = CoalitionGame(ab=1, ac=1, bc=1, abc=1)
    assert majority.shapley().shares == pytest.approx((1 / 3,) * 3)
    core = majority.core()
    assert core.empty and core.failures == ("pairs",) and core.vertices == () and core.centre is None
    assert "the three would need at least half of $3, that is $1.50, more than the $1 they make" in core.describe()
    assert not majority.core().contains([1 / 3, 1 / 3, 1 / 3])


def test_the_website_example():
    example = coalition_example("website")
    game = example.game
    assert game.names == NAMES and game.total == 90_000
    # By hand: phi_i = v(i)/3 + (v(ij) - v(j))/6 + (v(ik) - v(k))/6 + (V - v(jk))/3, in thousands.
    amara = 20 / 3 + (65 - 30) / 6 + (40 - 10) / 6 + (90 - 45) / 3
    bruno = 30 / 3 + (65 - 20) / 6 + (45 - 10) / 6 + (90 - 40) / 3
    chen = 10 / 3 + (40 - 20) / 6 + (45 - 30) / 6 + (90 - 65) / 3
    assert (amara, bruno, chen) == pytest.approx((32.5, 40, 17.5))
    assert game.shapley().shares == pytest.approx((32_500, 40_000, 17_500))
    # Floors are what each secures alone; ceilings what is left after the other two keep their pair's value.
    core = game.core()
    assert core.floors == (20_000, 30_000, 10_000) and core.ceilings == (45_000, 50_000, 25_000)
    assert core.ranges == ((20_000, 45_000), (30_000, 50_000), (10_000, 25_000))
    assert core.contains(game.shapley().shares) and game.shapley().check.in_core
    # The equal split gives Amara and Bruno $60,000; they can make $65,000 as a pair.
    [block] = game.blocking(game.equal_split)
    assert (block.names, block.can_make, block.gets, block.by) == (("Amara", "Bruno"), 65_000, 60_000, 5_000)
    assert game.is_superadditive and game.is_essential and game.notes() == ()
    assert game.guarantees == {"Amara": 20_000, "Bruno": 30_000, "Chen": 10_000}
    text = game.describe()
    assert text.startswith("Together Amara, Bruno and Chen can make $90,000. Alone, Amara can secure $20,000")
    assert "A split is in the core when no pair or single party can do better on its own." in text
    assert "each party's average added value over the six orders in which the group could form" in text
    assert "It lies in the core" in text
    assert "research centre" in example.story and "$90,000" in example.story


def test_the_portal_example_has_an_empty_core():
    example = coalition_example("portal")
    game = example.game
    pairs = game.ab + game.ac + game.bc
    assert pairs == 195_000 and pairs > 2 * game.total   # each pair needs its value: $97,500 in all
    assert game.is_superadditive and game.is_essential
    core = game.core()
    assert core.empty and core.failures == ("pairs",)
    assert game.shapley().shares == pytest.approx((30_000, 40_000, 20_000))
    # Every split is blocked; the Shapley split by each pair, by $5,000.
    blocks = game.shapley().check.blocks
    assert sorted(b.coalition for b in blocks) == ["AB", "AC", "BC"] and all(b.by == 5_000 for b in blocks)
    assert "Here no split is: the core is empty." in game.describe()
    assert "$97,500" in game.describe()
    assert [e.key for e in coalition_examples()] == ["website", "portal"]
    # The two stories are the same people and the same amount; only the pairs change.
    website = coalition_example("website").game
    assert (website.names, website.a, website.b, website.c, website.abc) == (game.names, game.a, game.b, game.c,
                                                                            game.abc)


# -- the Shapley split ---------------------------------------------------------------------------------------

@given(integer_games())
@settings(max_examples=150, deadline=None)
def test_the_shapley_split_is_the_general_formula(values):
    expected = shapley_by_formula(values)
    shapley = game_of([values[k] for k in KEYS]).shapley()
    assert shapley.shares == pytest.approx([float(x) for x in expected], abs=1e-9)
    # The six orders' table: each order's added values sum to v(ABC), and their average is the split.
    assert len(shapley.orders) == 6 and len({row.order for row in shapley.orders}) == 6
    for row in shapley.orders:
        assert sum(row.added) == pytest.approx(values["abc"])
    assert shapley.table()[-1]["A"] == pytest.approx(float(expected[0]))


@given(integer_games())
@settings(max_examples=100, deadline=None)
def test_efficiency_the_shares_add_up_to_what_all_three_make(values):
    assert sum(game_of([values[k] for k in KEYS]).shapley().shares) == pytest.approx(values["abc"])


@given(st.integers(0, 12), st.integers(0, 12), st.integers(0, 12), st.integers(0, 12), st.integers(0, 20))
@settings(max_examples=100, deadline=None)
def test_symmetry_parties_that_add_the_same_get_the_same(alone, c, pair, with_c, total):
    # A and B are interchangeable: v(A) = v(B) and v(AC) = v(BC).
    game = CoalitionGame(a=alone, b=alone, c=c, ab=pair, ac=with_c, bc=with_c, abc=total)
    a_share, b_share, _ = game.shapley().shares
    assert a_share == pytest.approx(b_share)


@given(st.integers(0, 10), st.integers(0, 10), st.integers(0, 20), st.integers(0, 10))
@settings(max_examples=100, deadline=None)
def test_dummy_a_party_that_adds_only_its_own_value_gets_it(a, b, pair, own):
    # C adds exactly v(C) to every group (v(S + C) = v(S) + v(C)): it gets v(C), whatever A and B can make.
    game = CoalitionGame(a=a, b=b, c=own, ab=pair, ac=a + own, bc=b + own, abc=pair + own)
    assert game.shapley().shares[2] == pytest.approx(own)


@given(integer_games(), integer_games())
@settings(max_examples=100, deadline=None)
def test_additivity_the_split_of_two_games_added_is_the_sum_of_their_splits(first, second):
    one, two = game_of([first[k] for k in KEYS]), game_of([second[k] for k in KEYS])
    both = game_of([first[k] + second[k] for k in KEYS])
    assert both.shapley().shares == pytest.approx([x + y for x, y in zip(one.shapley().shares,
                                                                          two.shapley().shares)], abs=1e-9)


# -- the core ------------------------------------------------------------------------------------------------

@given(integer_games())
@settings(max_examples=150, deadline=None)
def test_the_core_is_what_a_brute_force_grid_finds(values):
    game = game_of([values[k] for k in KEYS])
    core = game.core()
    total = values["abc"]
    grid = [(x, y, total - x - y) for x in range(total + 1) for y in range(total + 1 - x)]
    inside = [x for x in grid if in_core_by_definition(values, x)]
    for x in grid:
        assert core.contains(x) == in_core_by_definition(values, x), x
    # With whole values the core's corners are whole splits, so the grid finds the core if there is one ...
    assert core.empty == (not inside)
    if inside:
        # ... and each party's least and most share in it.
        assert core.ranges == tuple((min(x[i] for x in inside), max(x[i] for x in inside)) for i in range(3))
        assert all(core.contains(corner) for corner in core.vertices)
        assert core.contains(core.centre)
        assert 1 <= len(core.vertices) <= 6
    else:
        assert core.reasons and core.ranges == () and core.centre is None
        assert "the core is empty" in core.describe()


@given(integer_games())
@settings(max_examples=100, deadline=None)
def test_the_reasons_for_an_empty_core_are_the_three_conditions(values):
    game = game_of([values[k] for k in KEYS])
    total = values["abc"]
    expected = []
    if values["a"] + values["b"] + values["c"] > total:
        expected.append("alone")
    for party, pair in (("a", "bc"), ("b", "ac"), ("c", "ab")):
        if values[party] + values[pair] > total and values[party] <= total:
            expected.append(party.upper())
    if values["ab"] + values["ac"] + values["bc"] > 2 * total:
        expected.append("pairs")
    assert game.core().failures == tuple(expected)


def test_the_core_of_the_website_example_is_a_hexagon_around_the_shapley_split():
    core = coalition_example().game.core()
    assert len(core.vertices) == 6
    assert set(core.vertices) == {(30_000, 50_000, 10_000), (20_000, 50_000, 20_000), (20_000, 45_000, 25_000),
                                  (35_000, 30_000, 25_000), (45_000, 30_000, 15_000), (45_000, 35_000, 10_000)}
    # The hexagon is symmetric about its centre; in this convex game the centre is the Shapley split.
    assert core.centre == pytest.approx((32_500, 40_000, 17_500))


def test_a_core_that_is_a_segment_has_its_midpoint_as_centre():
    # C's share is fixed at 10 (its floor equals its ceiling); A and B share the other 20 from 5 each up.
    game = CoalitionGame(a=5, b=5, c=10, ab=20, ac=15, bc=15, abc=30)
    core = game.core()
    assert core.ranges == ((5, 15), (5, 15), (10, 10))
    assert len(core.vertices) == 2 and core.centre == pytest.approx((10, 10, 10))
    assert core.describe().endswith("A gets between $5 and $15, B between $5 and $15 and C exactly $10, with the "
                                    "shares adding up to $30.")


# -- blocking and splits -------------------------------------------------------------------------------------

@given(integer_games(), st.data())
@settings(max_examples=100, deadline=None)
def test_a_group_blocks_exactly_when_it_can_make_more_than_it_gets(values, data):
    game = game_of([values[k] for k in KEYS])
    total = values["abc"]
    x = data.draw(st.integers(0, total))
    y = data.draw(st.integers(0, total - x))
    split = (x, y, total - x - y)
    blocks = game.blocking(split)
    expected = {"".join("ABC"[p] for p in s) for size in (1, 2) for s in itertools.combinations(range(3), size)
                if v(values, frozenset(s)) > sum(split[p] for p in s)}
    assert {b.coalition for b in blocks} == expected
    assert [b.by for b in blocks] == sorted((b.by for b in blocks), reverse=True)
    check = game.check_split(split)
    assert check.in_core == (not expected) == game.core().contains(split)
    if check.in_core:
        assert check.describe().endswith("is in the core: no pair or single party can do better on its own.")
    else:
        assert "is not in the core" in check.describe()


def test_a_split_names_its_blockers_and_their_shortfall():
    game = coalition_example().game
    text = game.check_split({"Chen": 5_000, "Amara": 50_000, "Bruno": 35_000}).describe()
    # Both are short by $5,000: a pair is named before a single party.
    assert text == ("The split Amara $50,000, Bruno $35,000 and Chen $5,000 is not in the core: Bruno and Chen, who get "
                    "$40,000 between them but can make $45,000 on their own ($5,000 more); and Chen, who gets $5,000 "
                    "but can secure $10,000 alone ($5,000 more), would each block it.")
    assert [b.coalition for b in game.blocking([50_000, 35_000, 5_000])] == ["BC", "C"]
    assert game.check_split([35_000, 40_000, 15_000]).describe() == (
        "The split Amara $35,000, Bruno $40,000 and Chen $15,000 is in the core: no pair or single party can do "
        "better on its own.")
    portal = coalition_example("portal").game
    assert portal.check_split([30_000, 40_000, 20_000]).describe().endswith(
        "would each block it. No split can satisfy them all here: the core is empty.")


def test_groups_are_read_by_letters_or_by_names():
    game = coalition_example().game
    assert game.value("BA") == game.value(("Bruno", "Amara")) == game.value({"A", "B"}) == 65_000
    assert game.value("Chen") == game.value("c") == 10_000
    assert game.value("") == 0 and game.value(()) == 0
    same = CoalitionGame.from_mapping({"Amara": 20_000, "Bruno": 30_000, "C": 10_000, ("Amara", "Bruno"): 65_000,
                                       "CA": 40_000, ("Bruno", "C"): 45_000, "ABC": 90_000}, names=NAMES)
    assert same == game


# -- bad input -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, sentence", [
    (dict(a=20_000), "Give what all three can make together: without it there is nothing to split."),
    (dict(ab=float("nan"), abc=1), "What A and B can make together is not a number (NaN): type a number such as 70000."),
    (dict(c=float("inf"), abc=1), "What C can secure alone is infinite: type a finite number such as 70000."),
    (dict(a="lots", abc=1), "What A can secure alone must be a number, not 'lots'."),
    (dict(bc=-1, abc=1), "What B and C can make together is $0 or more (doing nothing makes $0), not -$1."),
    (dict(abc=-90_000), "What all three can make together is $0 or more (doing nothing makes $0), not -$90,000."),
    (dict(abc=10 ** 400), "What all three can make together is too large to calculate with: type a number such as "
                          "70000."),
    (dict(abc=2e12), "What all three can make together, $2,000,000,000,000, is beyond this model: give at most "
                     "$1,000,000,000,000."),
    (dict(abc=1, names=("A", "B")), "This model has exactly three parties: give three names, not 2."),
    (dict(abc=1, names=("Ann", "ann", "Bo")), "The three parties need different names: Ann, ann and Bo repeat one."),
    (dict(abc=1, names=("Ann", " ", "Bo")), "Each party needs a name: one of the three names is empty."),
    (dict(abc=1, names="ABC"), "Give the three parties' names as a list, such as ['Lab A', 'Lab B', 'Lab C'], not "
                               "'ABC'."),
])
def test_bad_values_are_refused_with_a_sentence(kwargs, sentence):
    with pytest.raises(ValueError) as error:
        CoalitionGame(**kwargs)
    assert str(error.value) == sentence


@pytest.mark.parametrize("split, sentence", [
    ([30_000, 30_000], "A split gives one share to each of the three parties: give three shares, not 2."),
    ([30_000, 30_000, 20_000], "The shares add up to $80,000, but all three together make $90,000: a split shares out "
                               "exactly $90,000, so add $10,000."),
    ([40_000, 30_000, 30_000.4], "The shares add up to $100,000.40, but all three together make $90,000: a split "
                                 "shares out exactly $90,000, so take off $10,000.40."),
    ([30_000, 30_000, 29_999.99], "The shares add up to $89,999.99, but all three together make $90,000: a split "
                                  "shares out exactly $90,000, so add $0.01."),
    ([100_000, -5_000, -5_000], "Bruno's share is $0 or more: nobody joins a deal to pay into it, and -$5,000 is "
                                "below $0."),
    ([30_000, float("nan"), 30_000], "Bruno's share is not a number (NaN): type a number such as 70000."),
    ([1e14, 0, 0], "Amara's share, $100,000,000,000,000, is more than any group here can make."),
    ({"Amara": 45_000, "Bruno": 45_000}, "Give a share for each of Amara, Bruno and Chen: Chen has none."),
    ({"Amara": 30_000, "Bruno": 30_000, "Dana": 30_000}, "'Dana' is not one of the parties (Amara, Bruno and Chen) "
                                                          "nor a group of the letters A, B and C."),
    ({"AB": 60_000, "C": 30_000}, "A split gives a share to each party, not to 'AB'."),
    ("30000", "Give a split as three shares, such as [30000, 30000, 30000], not '30000'."),
])
def test_bad_splits_are_refused_with_a_sentence(split, sentence):
    game = coalition_example().game
    with pytest.raises(ValueError) as error:
        game.check_split(split)
    assert str(error.value) == sentence


def test_a_value_is_checked_on_its_own_for_the_widget():
    assert coalition_value(0, "what Amara can secure alone") == 0.0
    with pytest.raises(ValueError, match="^What Amara can secure alone is \\$0 or more"):
        coalition_value(-0.5, "what Amara can secure alone")


def test_a_game_that_is_not_superadditive_or_not_essential_is_allowed_and_said():
    # Amara and Bruno make less together than apart; all three make no more than the three alone.
    game = CoalitionGame(a=30_000, b=25_000, c=5_000, ab=50_000, ac=35_000, bc=30_000, abc=60_000, names=NAMES)
    assert not game.is_superadditive and not game.is_essential
    assert game.notes() == (
        "Working together adds nothing here: alone the three secure $60,000 between them, and together they make "
        "$60,000.",
        "This game is not superadditive (a group can make less than its parts): Amara and Bruno can make $50,000 "
        "together, less than the $55,000 that Amara and Bruno make apart.")
    assert game.describe().endswith(game.notes()[-1])


# -- no finite input gives a non-finite result ---------------------------------------------------------------

amounts = st.floats(0, MAX_VALUE, allow_nan=False, allow_infinity=False)


@given(st.lists(amounts, min_size=7, max_size=7))
@settings(max_examples=200, deadline=None)
def test_no_finite_input_gives_a_non_finite_result(values):
    game = game_of(values)
    shapley, core = game.shapley(), game.core()
    numbers = [*shapley.shares, *(x for row in shapley.orders for x in row.added), *core.floors, *core.ceilings,
               *(x for r in core.ranges for x in r), *(x for p in core.vertices for x in p), *(core.centre or ())]
    assert all(math.isfinite(x) for x in numbers)
    assert "nan" not in game.describe().lower() and "inf" not in game.describe().lower()
    check = game.check_split(game.equal_split)
    assert all(math.isfinite(b.by) for b in check.blocks)
    if not core.empty:
        assert core.contains(core.centre)


fractions = st.floats(0, 1, allow_nan=False)


@given(st.floats(0, MAX_VALUE, allow_nan=False), st.lists(fractions, min_size=6, max_size=6))
@settings(max_examples=150, deadline=None)
def test_the_core_of_any_game_holds_its_own_corners_and_ranges(total, parts):
    # Singles at most a third of the total and pairs at most two thirds: the core is never empty.
    game = game_of([*(p * total / 3 for p in parts[:3]), *(p * total * 2 / 3 for p in parts[3:]), total])
    core = game.core()
    assert not core.empty
    for corner in core.vertices:
        assert core.contains(corner)
        assert sum(corner) == pytest.approx(total, rel=1e-9, abs=1e-6)
    # Sums of amounts near a trillion dollars carry rounding of a few parts in 10^16: the slack is relative too.
    slack = 1e-6 + 1e-12 * total
    for i, (least, most) in enumerate(core.ranges):
        assert core.floors[i] - slack <= least <= most <= core.ceilings[i] + slack
    assert core.contains(core.centre)
