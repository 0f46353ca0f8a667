"""The debrief's figures, checked against plain arithmetic on the reports, and its charts."""

from __future__ import annotations

import dataclasses
import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.seminar import check_report, load_case, make_pack
from negwidgets.seminar.charts import DEBRIEF_CHARTS, SMALL, FrontierChart, OutcomeZoneChart, debrief_charts
from negwidgets.seminar.debrief import META_ANALYSIS_R, class_debrief, class_r_range, fit_line


def _numbered(reports):
    return [dataclasses.replace(r, row_id=i) for i, r in enumerate(reports, start=1)]


@pytest.fixture(scope="module")
def salary():
    # Every pair with a zone has the course's numbers: the candidate's 70,000 and the employer's 80,000.
    return make_pack("salary", 8, seed=4, same_numbers=True, no_zone_share=0.25).record()


def _report(record, pair, role, opener, opening, agreement=None, survey=(5, 5, 5, 5)):
    return check_report(record, pair=pair, role=role, opener=opener, opening=opening,
                        outcome="agreement" if agreement is not None else "impasse",
                        agreement=agreement if agreement is not None else "", rounds=4, survey=list(survey))


# (opener, opening, agreement) for the pairs with a zone; the pairs without one walk away or not.
DEALS = {"candidate": [(88_000, 78_000), (84_000, 76_000), (90_000, 79_000)],
         "employer": [(62_000, 72_000), (66_000, 73_500), (60_000, 71_000)]}


def _class(salary):
    with_zone = [p.code for p in salary.pairs if p.zone is not None]
    without = [p.code for p in salary.pairs if p.zone is None]
    reports, deals = [], [(o, *d) for o, ds in DEALS.items() for d in ds]
    for code, (opener, opening, agreement) in zip(with_zone, deals):
        for role, survey in (("candidate", (6, 6, 5, 5)), ("employer", (4, 5, 5, 4))):
            reports.append(_report(salary, code, role, opener, opening, agreement, survey))
    reports.append(_report(salary, without[0], "candidate", "employer", 65_000))               # walked away
    reports.append(_report(salary, without[1], "employer", "candidate", 80_000, 74_000))      # agreed anyway
    return _numbered(reports), with_zone, without, deals


def test_the_debrief_reads_rates_shares_and_correlations_as_plain_arithmetic_does(salary):
    reports, with_zone, without, deals = _class(salary)
    debrief = class_debrief(salary, reports)
    assert (debrief.reported, debrief.agreements) == (8, 7)
    assert debrief.agreement_rate == pytest.approx(7 / 8)
    assert debrief.counts() == {(True, "agreement"): 6, (False, "impasse"): 1, (False, "agreement"): 1}
    openings = [d[1] for d in deals] + [80_000]
    finals = [d[2] for d in deals] + [74_000]
    fit = debrief.first_offer_fit()
    assert fit.n == 7 and fit.r == pytest.approx(np.corrcoef(openings, finals)[0, 1])
    x, y = np.array(openings, float), np.array(finals, float)
    slope = ((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum()
    assert fit.slope == pytest.approx(slope) and fit.intercept == pytest.approx(y.mean() - slope * x.mean())
    shares = debrief.shares_by_opener()
    assert shares["candidate"] == pytest.approx([(a - 70_000) / 10_000 for _, a in DEALS["candidate"]])
    assert shares["employer"] == pytest.approx([(a - 70_000) / 10_000 for _, a in DEALS["employer"]])
    assert sorted(debrief.shares()) == pytest.approx(sorted(shares["candidate"] + shares["employer"]))
    rows = {(pair, role): (gain, sv) for pair, role, gain, sv in debrief.subjective()}
    first = with_zone[0]
    assert rows[(first, "candidate")] == (78_000 - 70_000, 5.5)
    assert rows[(first, "employer")] == (80_000 - 78_000, 4.5)
    assert rows[(without[0], "candidate")][0] == 0   # an impasse leaves each side at its BATNA
    assert "walked away" in debrief.describe() and f"r = {fit.r:.2f}" in debrief.describe()
    assert str(META_ANALYSIS_R) in debrief.describe()


def test_an_agreement_beyond_a_reservation_value_and_differing_reports_are_flagged(salary):
    reports, with_zone, without, _ = _class(salary)
    other_account = _report(salary, with_zone[0], "employer", "candidate", 88_000, 77_000)
    debrief = class_debrief(salary, _numbered(reports + [other_account]))
    flags = debrief.flags()
    assert f"Pair {without[1]}: the agreement is worse than a side's reservation value." in flags
    assert f"Pair {with_zone[0]}: the two reports differ; the later one is shown." in flags
    outcome = next(o for o in debrief.outcomes if o.pair.code == with_zone[0])
    assert outcome.used.agreement == 77_000 and outcome.share == pytest.approx(0.7)


def test_a_correction_replaces_the_earlier_report_of_the_same_participant(salary):
    code = salary.pairs[0].code
    first = _report(salary, code, "candidate", "candidate", 85_000, 75_000)
    corrected = _report(salary, code, "candidate", "candidate", 85_000, 76_000)
    debrief = class_debrief(salary, _numbered([first, corrected]))
    outcome = debrief.outcomes[0]
    assert outcome.used.agreement == 76_000 and not outcome.differ


def test_a_multi_issue_debrief_scores_packages_for_both_sides():
    record = make_pack("job_offer", 3, seed=2).record()
    case = record.case
    terms = {issue.name: issue.options[1] for issue in case.scoring.issues}
    report = check_report(record, pair="P1", role="candidate", opener="employer", opening=72_000,
                          outcome="agreement", terms=terms, rounds=6)
    debrief = class_debrief(record, _numbered([report]))
    outcome = debrief.outcomes[0]
    expected = tuple(sum(issue.points[1][side] for issue in case.scoring.issues) for side in (0, 1))
    assert outcome.scores == expected
    assert outcome.gains == pytest.approx((expected[0] - record.pairs[0].reservations[0],
                                           expected[1] - record.pairs[0].reservations[1]))
    assert debrief.first_offers() == [("P1", 72_000.0, 74_000.0, "employer")]


def test_fit_line_needs_three_points_with_spread():
    assert fit_line([1, 2], [1, 2]) is None
    assert fit_line([1, 1, 1], [1, 2, 3]) is None
    assert fit_line([1, 2, 3], [5, 5, 5]) is None
    fit = fit_line([1, 2, 3], [3, 2, 1])
    assert math.isclose(fit.r, -1.0) and math.isclose(fit.slope, -1.0)


def test_every_chart_draws_an_empty_class_and_a_full_one_on_the_same_figure(salary):
    reports, *_ = _class(salary)
    empty, full = class_debrief(salary, []), class_debrief(salary, reports)
    for cls in DEBRIEF_CHARTS:
        chart = cls(len(salary.pairs)) if cls is OutcomeZoneChart else cls()
        figure = chart.figure
        waiting = chart.update(empty)
        first = chart.png()
        caption = chart.update(full)
        assert chart.figure is figure and len(figure.axes) == 1   # redrawn in place, never stacked
        assert chart.png() != first and caption != waiting
    chart = DEBRIEF_CHARTS[2]()
    assert "r = " in chart.update(full) and "0.62" in chart.update(full)


@pytest.mark.parametrize("n", [6, 12, 30])
def test_the_range_of_a_class_r_holds_19_simulated_classes_in_20(n):
    """Classes of n pairs drawn from a population where r = 0.62: about 95% land inside the range."""
    rng = np.random.default_rng(n)
    covariance = [[1, META_ANALYSIS_R], [META_ANALYSIS_R, 1]]
    classes = rng.multivariate_normal([0, 0], covariance, size=(4000, n))
    rs = np.array([np.corrcoef(c[:, 0], c[:, 1])[0, 1] for c in classes])
    low, high = class_r_range(n)
    assert low < META_ANALYSIS_R < high
    assert np.mean((rs >= low) & (rs <= high)) == pytest.approx(0.95, abs=0.015)


def test_the_debrief_sets_the_class_r_beside_the_range_a_class_of_its_size_would_show(salary):
    reports = _numbered([_report(salary, f"P{i}", "candidate", "candidate", 82_000 + 1_000 * i, 74_000 + 800 * i)
                         for i in range(1, 7)])
    debrief = class_debrief(salary, reports)
    fit = debrief.first_offer_fit()
    low, high = class_r_range(fit.n)
    assert f"between r = {low:.2f} and {high:.2f}" in debrief.describe()
    assert class_r_range(3) is None and class_r_range(40)[1] - class_r_range(40)[0] < high - low


@pytest.mark.parametrize("key", ["salary", "used_car", "job_offer", "raise"])
def test_a_pair_still_negotiating_changes_nothing_on_any_chart_until_it_reports_or_is_revealed(key):
    """Issue 17.1: the zone chart drew every pair's zone (in a one-number case, its two reservation values)
    before anyone reported, on the screen the whole room sees."""
    one = make_pack(key, 4, seed=3, no_zone_share=0.25).record()
    donor = make_pack(key, 4, seed=99, no_zone_share=0.5).record()
    # The same class, but P3 and P4 (still negotiating) hold other values, one of them with no zone.
    swapped = {"P3": donor.pairs[0], "P4": next(p for p in donor.pairs if p.zone is None)}
    other = dataclasses.replace(one, pairs=tuple(
        dataclasses.replace(swapped[p.code], code=p.code) if p.code in swapped else p for p in one.pairs))
    assert one.pairs[2:] != other.pairs[2:] and one.pairs[:2] == other.pairs[:2]
    case = one.case
    reports = []
    for code in ("P1", "P2"):
        fields = dict(pair=code, role=case.role_keys[1], opener=case.role_keys[0], opening=case.number.allowed[1] * 0.5,
                      outcome="agreement", rounds=3, survey=[5, 6, 5, 4])
        if case.scoring is None:
            fields["agreement"] = sum(one.pair(code).reservations) / 2
        else:
            fields["terms"] = {issue.name: issue.options[1] for issue in case.scoring.issues}
        reports.append(check_report(one, **fields))
    reports = _numbered(reports)
    for reveal in (False, True):
        seen = []
        for record in (one, other):
            # Hidden is the default: the dashboard is the room's screen.
            debrief = class_debrief(record, reports, reveal=True) if reveal else class_debrief(record, reports)
            drawn = []
            for chart in debrief_charts(case, len(record.pairs)):   # the frontier chart too, for job_offer
                drawn.append((chart.update(debrief), chart.png()))
            seen.append((drawn, debrief.describe(), debrief.flags(), debrief.counts()))
        if reveal:
            assert seen[0][0][1] != seen[1][0][1]   # the zone chart now draws every pair's zone
        else:
            assert seen[0] == seen[1]
            assert seen[0][3].get((None, "not reported")) == 2   # not counted as with or without a zone


# -- a multi-issue class against the Pareto frontier -------------------------------------------------------

JOB = load_case("job_offer")
ISSUES = JOB.scoring.issues


def _every_package():
    """Each package's option indices and both sides' points, summed here from the case's table."""
    choices = list(itertools.product(*(range(len(issue.options)) for issue in ISSUES)))
    points = np.array([[sum(issue.points[c][side] for issue, c in zip(ISSUES, choice)) for side in (0, 1)]
                       for choice in choices])
    return choices, points


CHOICES, POINTS = _every_package()


def _left_by_brute_force(choice):
    """The joint points between a package and the best package at least as good for both and better for one."""
    mine = POINTS[CHOICES.index(tuple(choice))]
    better = np.all(POINTS >= mine, axis=1) & np.any(POINTS > mine, axis=1)
    return float(POINTS[better].sum(axis=1).max() - mine.sum()) if better.any() else 0.0


def _terms(choice):
    return {issue.name: issue.options[c] for issue, c in zip(ISSUES, choice)}


def _job_reports(record, outcomes):
    """One report per pair: a tuple of option indices for an agreement, ``None`` for an impasse."""
    reports = []
    for code, choice in outcomes.items():
        fields = dict(pair=code, role="candidate", opener="employer", opening=74_000, rounds=5, survey=[5, 5, 5, 5])
        if choice is None:
            reports.append(check_report(record, outcome="impasse", **fields))
        else:
            reports.append(check_report(record, outcome="agreement", terms=_terms(choice), **fields))
    return _numbered(reports)


ON_FRONTIER = next(c for c, p in zip(CHOICES, POINTS) if _left_by_brute_force(c) == 0 and p.min() > 40)
DOMINATED = (1,) * len(ISSUES)   # every issue's second option: 38 and 60 points, far inside the frontier


@pytest.fixture(scope="module")
def job():
    # Every pair has the case's typical BATNAs (30 and 25 points), so the chart draws them as two lines.
    return make_pack("job_offer", 4, seed=6, same_numbers=True).record()


def test_a_deal_on_the_frontier_leaves_nothing_and_a_dominated_deal_leaves_the_joint_points_of_the_best_package(job):
    assert _left_by_brute_force(DOMINATED) == 35   # the best package better for both: 56 and 77 against 38 and 60
    reports = _job_reports(job, {"P1": ON_FRONTIER, "P2": DOMINATED, "P3": DOMINATED, "P4": None})
    result = class_debrief(job, reports).against_frontier()
    assert result.withheld == 0 and result.not_reported == 0
    on, inside, again = result.deals
    assert (on.pair, on.on_frontier, on.left_on_table, on.best) == ("P1", True, 0, None)
    assert (inside.on_frontier, inside.scores, inside.left_on_table, inside.best) == (False, (38, 60), 35, (56, 77))
    assert (result.total, result.mean, result.on_frontier) == (70, pytest.approx(70 / 3), 1)
    (impasse,) = result.impasses
    assert (impasse.pair, impasse.scores, impasse.batnas, impasse.zone) == ("P4", None, (30, 25), True)
    assert result.shared_batnas == (30, 25)
    text = result.describe()
    assert text.startswith("3 deals left 70 joint points on the table (a mean of 23.3 a deal); 1 of 3 was on "
                           "the frontier. Most left: pair P2, 35 points (the best package better for both gives Ana "
                           "56 and the hiring manager 77).")
    assert "1 impasse, with a zone of agreement." in text


@settings(max_examples=40, deadline=None)
@given(st.tuples(*(st.integers(0, len(issue.options) - 1) for issue in ISSUES)))
def test_every_package_leaves_on_the_table_what_brute_force_finds(choice):
    record = make_pack("job_offer", 1, seed=1).record()
    (deal,) = class_debrief(record, _job_reports(record, {"P1": choice})).against_frontier().deals
    assert deal.left_on_table == pytest.approx(_left_by_brute_force(choice))
    assert deal.on_frontier == (deal.left_on_table == 0) and deal.left_on_table >= 0


def test_nothing_against_the_frontier_is_computed_while_a_pair_is_hidden_and_revealing_shows_what_was_reported(job):
    reports = _job_reports(job, {"P1": ON_FRONTIER, "P2": DOMINATED})
    hidden = class_debrief(job, reports).against_frontier()
    assert (hidden.withheld, hidden.frontier, hidden.outcomes) == (2, None, ())
    assert hidden.describe() == ("The frontier and the deals wait until every pair has reported or the instructor "
                                 "reveals every pair's values (2 of 4 pairs still negotiating): until then they "
                                 "would tell each side what the other's points are worth.")
    shown = class_debrief(job, reports, reveal=True).against_frontier()
    assert (shown.withheld, shown.not_reported, [d.pair for d in shown.deals]) == (0, 2, ["P1", "P2"])
    assert shown.total == 35 and len(shown.frontier) == len(JOB.scoring.frontier())
    assert shown.describe().endswith(" 2 pairs not reported yet.")


def test_pairs_with_their_own_batnas_keep_them_and_a_single_issue_case_has_no_frontier(salary):
    record = make_pack("job_offer", 3, seed=8, no_zone_share=0.34).record()   # P3 has no zone
    result = class_debrief(record, _job_reports(record, {"P1": DOMINATED, "P2": None, "P3": None})).against_frontier()
    assert [o.batnas for o in result.outcomes] == [p.reservations for p in record.pairs]
    assert [o.zone for o in result.impasses] == [True, False] and result.shared_batnas is None
    assert "2 impasses, 1 of them with a zone of agreement." in result.describe()
    assert "Each pair's own BATNAs are a grey square joined to its deal." in FrontierChart().update(
        class_debrief(record, _job_reports(record, {"P1": DOMINATED, "P2": None, "P3": None})))
    with pytest.raises(ValueError, match="only a multi-issue case has a Pareto frontier"):
        class_debrief(salary, []).against_frontier()


def test_the_frontier_chart_waits_then_draws_some_and_all_pairs_in_ten_point_text(job):
    reports = _job_reports(job, {"P1": ON_FRONTIER, "P2": DOMINATED, "P3": DOMINATED, "P4": None})
    chart = FrontierChart()
    figure = chart.figure
    states = {"nobody": class_debrief(job, []), "some": class_debrief(job, reports[:2]),
              "nobody, revealed": class_debrief(job, [], reveal=True),
              "some, revealed": class_debrief(job, reports[:2], reveal=True), "all": class_debrief(job, reports)}
    captions, pictures = {}, {}
    for name, debrief in states.items():
        captions[name] = chart.update(debrief)
        pictures[name] = chart.png()
        assert chart.figure is figure and len(figure.axes) == 1
        assert chart.min_font_px() >= SMALL * 100 / 72 - 0.01, name
    assert pictures["nobody"] == pictures["some"] and captions["nobody"].replace("4 of 4", "2 of 4") == captions["some"]
    assert "wait until every pair has reported" in captions["some"] and "P1" not in captions["some"]
    assert "No agreement reported yet. 4 pairs not reported yet." in captions["nobody, revealed"]
    assert "2 deals left 35 joint points" in captions["some, revealed"]
    assert "2 pairs not reported" in captions["some, revealed"]
    assert captions["all"].startswith("Deals against the Pareto frontier (Ana's points across, the hiring "
                                      "manager's up): 3 deals left 70 joint points on the table")
    assert captions["all"].endswith(" The dotted lines are the BATNAs, the same for every pair drawn.")
    assert chart.title.get_text() == "Deals against the Pareto frontier: 70 joint points left on the table"
    assert len(set(pictures.values())) == 4


def test_only_a_multi_issue_case_gets_the_frontier_chart_after_the_zone_chart(salary, job):
    assert [type(c) for c in debrief_charts(salary.case, 8)] == list(DEBRIEF_CHARTS)
    kinds = [type(c) for c in debrief_charts(job.case, 4)]
    assert kinds[:3] == [DEBRIEF_CHARTS[0], OutcomeZoneChart, FrontierChart] and kinds[3:] == list(DEBRIEF_CHARTS[2:])


# -- the raise: value created as well as claimed ----------------------------------------------------------

RAISE = load_case("raise")


def _raise_points():
    """Every package of the raise with both sides' points, added up here from the case's table."""
    issues = RAISE.scoring.issues
    packages = [dict(zip((i.name for i in issues), labels))
                for labels in itertools.product(*(issue.options for issue in issues))]
    points = np.array([[sum(issue.points[issue.options.index(p[issue.name])][side] for issue in issues)
                        for side in (0, 1)] for p in packages])
    return packages, points


def test_a_raise_haggled_on_salary_alone_leaves_points_that_trading_the_other_issues_finds():
    packages, points = _raise_points()
    # Dara holds the $70,000 offer (61 points) and Robin's BATNA is 70: every pair gets these.
    record = make_pack("raise", 3, seed=2, same_numbers=True).record()
    assert {p.reservations for p in record.pairs} == {(61, 70)}
    # P1 haggles the salary only; P2 adds the title, a remote day, the training and a review with goals.
    haggled = {"Salary and level": "$70,000 as Senior planner", "Remote days": "None", "Training budget": "None",
               "Salary review": "In 12 months (the usual cycle)"}
    traded = {"Salary and level": "$66,000 as Senior planner", "Remote days": "One day a week",
              "Training budget": "$3,000", "Salary review": "In 6 months, against goals written down now"}
    reports = []
    for code, terms in (("P1", haggled), ("P2", traded)):
        reports.append(check_report(record, pair=code, role="employee", opener="employee", opening=74_000,
                                    outcome="agreement", terms=terms, rounds=6, survey=[5, 5, 5, 5]))
    reports.append(check_report(record, pair="P3", role="manager", opener="manager", opening=65_000,
                                outcome="impasse", rounds=3, survey=[3, 3, 3, 3]))
    result = class_debrief(record, _numbered(reports)).against_frontier()
    first, second = result.deals
    mine = points[packages.index(haggled)]
    better = np.all(points >= mine, axis=1) & np.any(points > mine, axis=1)
    assert tuple(mine) == first.scores == (40, 72)    # below Dara's 61: Dara should have walked away
    assert first.left_on_table == points[better].sum(axis=1).max() - mine.sum() > 0
    theirs = points[packages.index(traded)]
    assert second.scores == tuple(theirs) and min(theirs - (61, 70)) >= 0   # better than both BATNAs
    assert second.on_frontier == (not np.any(np.all(points >= theirs, axis=1) & np.any(points > theirs, axis=1)))
    assert second.on_frontier and theirs.sum() - mine.sum() == 36   # the trades created 36 joint points
    assert result.impasses[0].zone   # P3 walked away from a zone
    flags = class_debrief(record, _numbered(reports)).flags()
    assert "Pair P1: the agreement is worse than a side's reservation value." in flags
