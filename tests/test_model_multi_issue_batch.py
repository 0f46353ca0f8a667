"""The multi-issue counterpart as an automated agent: the fast counterpart, the per-negotiation loop and the
batched path give the same outcomes as a straightforward reference kept here (the counterpart, its model
and the benchmark's Boulware as they were written before they were made fast), seed by seed."""

from __future__ import annotations

import importlib.util
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.model import MULTI_ISSUE_LEVELS, MultiIssueGame, ScoringSystem, job_offer_case
from negwidgets.model.multi_issue import MultiIssueCounterpart, PackageTable
from negwidgets.model.multi_issue_batch import (CHUNK_CELLS, Boulware, _package_scores, negotiate,
                                                negotiate_many)

ROOT = Path(__file__).resolve().parents[1]


def _benchmark():
    spec = importlib.util.spec_from_file_location("multi_issue_peer", ROOT / "benchmarks" / "multi_issue_peer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DOMAINS = _benchmark().domains()  # the benchmark's three: the job offer, the haggle, ten yes-or-no issues


# --- the reference: plain code, as it was before it was made fast ------------------------------------


class ReferenceModel:
    def __init__(self, system):
        self.system = system
        self.counts = [np.zeros(len(issue.options)) for issue in system.issues]
        self.kept = np.zeros(len(system.issues))
        self.stated = np.ones(len(system.issues))
        self.last = None

    def observe(self, choices):
        for counts, option in zip(self.counts, choices):
            counts[option] += 1
        if self.last is not None:
            self.kept += np.array([a == b for a, b in zip(self.last, choices)], dtype=float)
        self.last = tuple(choices)

    def state(self, issues, belief):
        names = [issue.name for issue in self.system.issues]
        for rank, name in enumerate(issues):
            self.stated[names.index(name)] *= 1 + belief * (3 - rank)

    def utilities(self, choices):
        raw = (1 + 0.5 * self.kept) * self.stated
        weights = raw / raw.sum()
        values = [c / c.max() if c.max() > 0 else np.full(len(c), 0.5) for c in self.counts]
        total = np.zeros(len(choices))
        for i, (weight, value) in enumerate(zip(weights, values)):
            total += weight * value[choices[:, i]]
        return total


class ReferenceCounterpart:
    def __init__(self, system, side, level, seed=None, rng=None):
        self.system, self.side = system, side
        self.level = MULTI_ISSUE_LEVELS[level]
        self.rng = np.random.default_rng(seed) if rng is None else rng
        scores = system.all_scores()
        self.choices = system._choices_of(np.arange(len(scores)))
        self.own = scores[:, side]
        self.batna = float(system.batnas[side])
        above = self.own[self.own > self.batna]
        self.top = float(self.own.max())
        self.exponent = float(self.rng.uniform(*self.level.exponents))
        self.reserve = float(min(self.batna + self.level.margin * (self.top - self.batna), above.max()))
        self.model = ReferenceModel(system)

    def aspiration(self, t):
        return max(self.top - (self.top - self.reserve) * min(max(t, 0.0), 1.0) ** (1 / self.exponent), self.reserve)

    def offer(self, t):
        target = self.aspiration(t)
        allowed = np.flatnonzero((self.own >= target - 1e-9) & (self.own > self.batna))
        guess = self.model.utilities(self.choices[allowed])
        best = allowed[guess >= guess.max() - 1e-9]
        best = best[self.own[best] >= self.own[best].max() - 1e-9]
        pick = best[int(self.rng.integers(len(best)))] if len(best) > 1 else best[0]
        return self.system._package(tuple(int(c) for c in self.choices[pick]))

    def accepts(self, package, t_next, last=False):
        own = package.scores[self.side]
        return own > self.batna and (own >= self.aspiration(t_next) - 1e-9 or (last and own >= self.reserve))


class ReferenceBoulware:
    def __init__(self, system, side, exponent=0.2):
        self.system, self.side, self.exponent = system, side, exponent
        scores = system.all_scores()
        self.own = scores[:, side]
        order = np.argsort(self.own)
        self.sorted, self.order = self.own[order], order
        self.choices = system._choices_of(np.arange(len(scores)))
        self.batna, self.top = float(system.batnas[side]), float(self.own.max())

    def aspiration(self, t):
        return self.batna + (self.top - self.batna) * (1 - min(t, 1.0) ** (1 / self.exponent))

    def offer(self, t):
        at = np.searchsorted(self.sorted, self.aspiration(t) - 1e-9)
        return tuple(int(c) for c in self.choices[self.order[min(at, len(self.order) - 1)]])

    def accepts(self, scores, t_next):
        return scores[self.side] > self.batna and scores[self.side] >= self.aspiration(t_next) - 1e-9


def reference_negotiation(system, side, level, seed, steps):
    """The benchmark's loop as it was: the package agreed and the step, or (None, -1)."""
    agent, other = ReferenceCounterpart(system, side, level, seed=seed), ReferenceBoulware(system, 1 - side)
    ours_turn = seed % 2 == 0
    for step in range(steps):
        t, t_next = step / (steps - 1), min((step + 1) / (steps - 1), 1.0)
        if ours_turn:
            package = agent.offer(t)
            if other.accepts(package.scores, t_next):
                return package, step
        else:
            package = system._package(other.offer(t))
            agent.model.observe(package.choices)
            if agent.accepts(package, t_next, last=step == steps - 1):
                return package, step
        ours_turn = not ours_turn
    return None, -1


CASES = [(domain, side, level) for domain in DOMAINS for side in (0, 1) for level in MULTI_ISSUE_LEVELS]


def _case_id(case):
    return f"{case[0]}-side{case[1]}-{case[2]}"


# --- the loop and the batch against the reference -------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_the_loop_and_the_batch_agree_with_the_reference_seed_by_seed(case):
    domain, side, level = case
    system = DOMAINS[domain]
    seeds = list(range(40))
    for steps in (40, 7):
        expected = [reference_negotiation(system, side, level, seed, steps) for seed in seeds]
        loop = [negotiate(system, side, level, seed, steps) for seed in seeds]
        runs = negotiate_many(system, side, level, seeds, steps)
        for seed, (package, step), mine in zip(seeds, expected, loop):
            assert mine == (package, step), (domain, side, level, steps, seed)
            assert runs.package(seed) == package and runs.steps[seed] == step, (domain, side, level, steps, seed)
        assert [p is not None for p, _ in expected] == runs.agreed.tolist()


def test_the_comparisons_are_not_vacuous():
    """Deals come at many steps and in many packages, ours opens in some negotiations and answers in others,
    and ties (where the counterpart draws at random) occur; with no package better for both than their
    BATNAs, no negotiation ends in a deal, in the reference as in the loop and the batch."""
    steps, packages, draws = set(), set(), 0
    for (domain, side, level) in CASES:
        runs = negotiate_many(DOMAINS[domain], side, level, list(range(60)), 40)
        steps |= {(s % 2, s) for s in runs.steps.tolist()}
        packages |= {(domain, d) for d in runs.deals.tolist()}
        for seed in range(10):
            agent = ReferenceCounterpart(DOMAINS[domain], side, level, seed=seed)
            before = agent.rng.bit_generator.state["state"]["state"]
            agent.offer(0.0)
            draws += agent.rng.bit_generator.state["state"]["state"] != before
    assert len(steps) > 10 and {parity for parity, _ in steps} == {0, 1}
    assert len(packages) > 20 and draws > 10
    no_zone = ScoringSystem.from_table({"Split": [(10 * i, 100 - 10 * i) for i in range(11)],
                                        "Date": [(0, 5), (5, 0)]}, batnas=(60, 60))
    for side in (0, 1):
        runs = negotiate_many(no_zone, side, "Friendly", list(range(6)), 12)
        assert not runs.agreed.any() and np.isnan(runs.scores).all() and (runs.steps == -1).all()
        assert all(reference_negotiation(no_zone, side, "Friendly", seed, 12) == (None, -1) ==
                   negotiate(no_zone, side, "Friendly", seed, 12) for seed in range(6))


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(CASES), st.lists(st.integers(0, 10_000), min_size=1, max_size=30, unique=True),
       st.integers(2, 45), st.sampled_from([1, 3, 64, None]))
def test_batched_outcomes_match_the_loop_whatever_the_seeds_steps_and_chunk(case, seeds, steps, chunk):
    domain, side, level = case
    system = DOMAINS[domain]
    runs = negotiate_many(system, side, level, seeds, steps, chunk=chunk)
    for number, seed in enumerate(seeds):
        package, step = negotiate(system, side, level, seed, steps)
        assert runs.package(number) == package and runs.steps[number] == step
        expected = np.full(2, np.nan) if package is None else np.array(package.scores)
        np.testing.assert_array_equal(runs.scores[number], expected)


# --- the counterpart itself, as the game uses it ---------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(CASES), st.integers(0, 2**32 - 1), st.data())
def test_the_counterpart_offers_and_accepts_as_the_reference_whatever_its_model_has_seen(case, seed, data):
    domain, side, level = case
    system = DOMAINS[domain]
    mine, reference = MultiIssueCounterpart(system, side, level, seed=seed), ReferenceCounterpart(system, side, level,
                                                                                                   seed=seed)
    assert (mine.exponent, mine.reserve, mine.top) == (reference.exponent, reference.reserve, reference.top)
    option = st.tuples(*[st.integers(0, len(issue.options) - 1) for issue in system.issues])
    names = [issue.name for issue in system.issues]
    for _ in range(data.draw(st.integers(1, 8))):
        if data.draw(st.booleans()):
            choices = data.draw(option)
            mine.model.observe(system._package(choices))
            reference.model.observe(choices)
        if data.draw(st.integers(0, 5)) == 0:
            stated = data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True))
            belief = data.draw(st.sampled_from([0.5, 1.0]))
            mine.model.state(stated, belief)
            reference.model.state(stated, belief)
        t = data.draw(st.floats(-0.5, 1.5, allow_nan=False))
        offer = mine.offer(t)
        assert offer == reference.offer(t)
        assert mine.rng.bit_generator.state == reference.rng.bit_generator.state
        t_next = data.draw(st.floats(0, 1))
        assert mine.accepts(offer, t_next, last=t_next == 1) == reference.accepts(offer, t_next, last=t_next == 1)


def test_the_game_plays_as_with_the_reference_counterpart():
    """A whole game: the counterpart's offers to a learner follow the reference's, move by move."""
    system = job_offer_case()
    for seed in range(6):
        game = MultiIssueGame(system, side=0, level=("Friendly", "Tough")[seed % 2], rounds=8, seed=seed)
        reference = ReferenceCounterpart(system, 1, game.level.name, rng=np.random.default_rng(seed))
        assert reference.offer(0.0) == game.their_offers[0]
        proposals = [game.standing_offer.choices[:i] + (0,) * (len(system.issues) - i) for i in range(1, 8)]
        for proposal in proposals:
            package = system._package(proposal)
            if game.finished or package.scores[0] <= system.batnas[0] or package == game.standing_offer:
                continue
            game.propose(proposal)
            reference.model.observe(proposal)
            t = min(len(game.your_proposals) / game.rounds, 1.0)
            if reference.accepts(package, t, last=len(game.your_proposals) >= game.rounds):
                assert game.deal == package
                break
            assert game.their_offers[-1] == reference.offer(t)


# --- the pieces ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("domain", list(DOMAINS))
def test_package_scores_are_those_a_package_carries(domain):
    system = DOMAINS[domain]
    exact = _package_scores(PackageTable.of(system))
    sample = range(len(exact)) if len(exact) < 2_000 else np.random.default_rng(0).choice(len(exact), 2_000)
    for index in sample:
        package = system._package(tuple(int(c) for c in system._choices_of(np.array([index]))[0]))
        assert tuple(exact[index]) == package.scores


@pytest.mark.parametrize("domain", list(DOMAINS))
def test_the_boulware_offers_as_the_reference(domain):
    system = DOMAINS[domain]
    for side in (0, 1):
        mine, reference = Boulware(system, side), ReferenceBoulware(system, side)
        for t in np.linspace(0, 1, 41):
            assert mine.offer(t).choices == reference.offer(t)


def test_the_package_table_is_built_once_per_system_and_forgotten_with_it():
    system = DOMAINS["haggle"]
    table = PackageTable.of(system)
    assert PackageTable.of(system) is table and table.package(3) is table.package(3)
    other = ScoringSystem(system.issues, system.parties, system.batnas)
    assert PackageTable.of(other) is not table
    count = len(PackageTable._tables)
    del other
    assert len(PackageTable._tables) == count - 1


def test_the_default_chunk_keeps_its_arrays_small():
    system = job_offer_case()
    cells = CHUNK_CELLS // len(system.all_scores()) * len(system.all_scores())
    assert 0 < cells <= CHUNK_CELLS
    runs = negotiate_many(system, 1, "Friendly", list(range(5)), 10, chunk=2)
    assert runs.describe().startswith("5 negotiations as the employer")


def test_a_large_batch_keeps_its_memory_bounded():
    """Chunks bound the (negotiations x packages) arrays, and no generator is kept per negotiation: 30,000
    negotiations peak at about what one chunk needs (keeping 30,000 generators alone would take ~45 MB)."""
    system = DOMAINS["haggle"]
    negotiate_many(system, 0, "Tough", [0, 1], 2)  # the shared tables, built once
    tracemalloc.start()
    try:
        runs = negotiate_many(system, 0, "Tough", np.arange(30_000), 40)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert runs.agreed.all() and peak < 32e6, f"{peak / 1e6:.0f} MB"


@pytest.mark.parametrize("kwargs, message", [
    ({"side": 2}, "side 0 or side 1"),
    ({"side": True}, "side 0 or side 1"),
    ({"level": "Nasty"}, "Friendly, Tough"),
    ({"steps": 1}, "at least 2 steps"),
    ({"steps": 4.0}, "at least 2 steps"),
    ({"opponent": "conceder"}, "boulware"),
    ({"seeds": [1, -2]}, "from 0 up"),
    ({"seeds": [1.5]}, "from 0 up"),
    ({"seeds": "12"}, "list of whole numbers"),
    ({"chunk": 0}, "at least 1"),
])
def test_bad_settings_are_explained(kwargs, message):
    settings_ = {"system": DOMAINS["haggle"], "side": 0, "level": "Tough", "seeds": [0, 1], "steps": 10, **kwargs}
    with pytest.raises(ValueError, match=message):
        negotiate_many(**settings_)
