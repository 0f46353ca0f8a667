"""Seminar cases, role-play packs, confidential sheets and the report checks (no database here)."""

from __future__ import annotations

import itertools
import json
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.model import job_offer_case
from negwidgets.model.money import DOLLAR_MARKUP
from negwidgets.seminar.cases import CASE_KEYS, case_catalogue, case_from_dict, load_case
from negwidgets.seminar.packs import CODE_ALPHABET, MAX_PAIRS, PackRecord, make_pack, normalise_code
from negwidgets.seminar.results import MAX_COMMENT, ReportError, check_report
from negwidgets.seminar.sheets import (access_slips, confidential_sheet, instructor_key, sheet_html, sheet_markdown,
                                       write_pack)

CODE = re.compile(rf"^[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}$")


# -- cases ----------------------------------------------------------------------------------------------

def test_the_course_ships_the_four_cases_the_issue_asks_for_and_the_raise_of_lesson_15():
    cases = {case.key: case for case in case_catalogue()}
    assert set(cases) == {"salary", "research_collaboration", "used_car", "job_offer", "raise"}
    assert cases["salary"].kind == cases["used_car"].kind == "single-issue"
    assert cases["research_collaboration"].kind == cases["job_offer"].kind == cases["raise"].kind == "multi-issue"
    research = cases["research_collaboration"]
    issues = " ".join(issue.name.lower() for issue in research.scoring.issues)
    for word in ("budget", "author", "maintenance", "licence"):
        assert word in issues
    licence = next(i for i in research.scoring.issues if "licence" in i.name.lower())
    assert any("free software" in option.lower() for option in licence.options)


def test_the_job_offer_role_play_scores_packages_exactly_as_lesson_09():
    role_play, lesson = load_case("job_offer").scoring, job_offer_case()
    assert [i.name for i in role_play.issues] == [i.name for i in lesson.issues]
    assert [i.points for i in role_play.issues] == [i.points for i in lesson.issues]
    assert load_case("job_offer").lead_issue == "Salary"


@pytest.mark.parametrize("key", CASE_KEYS)
def test_every_case_allows_pairs_with_and_without_a_zone_and_its_typical_pair_has_one(key):
    case = load_case(key)
    grids = [role.reservation.grid() for role in case.roles]
    zones = [case.zone(pair) is not None for pair in itertools.product(*grids)]
    assert any(zones) and not all(zones)
    assert case.zone([role.reservation.typical for role in case.roles]) is not None
    for role, grid in zip(case.roles, grids):
        assert grid[0] == role.reservation.low and grid[-1] == role.reservation.high


@pytest.mark.parametrize("key", ["research_collaboration", "job_offer"])
def test_a_multi_issue_zone_matches_a_search_of_every_package(key):
    case = load_case(key)
    scores = case.scoring.all_scores()
    rng = np.random.default_rng(0)
    for _ in range(40):
        first, second = (float(rng.choice(role.reservation.grid())) for role in case.roles)
        fine = scores[(scores[:, 0] >= first) & (scores[:, 1] >= second)]
        expected = None if not len(fine) else (first, float(fine[:, 0].max()))
        assert case.zone((first, second)) == expected


def test_a_single_issue_zone_runs_from_the_sellers_reservation_to_the_buyers():
    case = load_case("salary")
    assert case.zone((70_000, 80_000)) == (70_000, 80_000)
    assert case.zone((75_000, 75_000)) == (75_000, 75_000)
    assert case.zone((80_000, 70_000)) is None
    assert case.zone_share(0, (70_000, 80_000), 75_000) == pytest.approx(0.5)
    assert case.zone_share(1, (70_000, 80_000), 78_000) == pytest.approx(0.2)


def test_a_multi_issue_zone_share_is_zero_at_the_reservation_and_one_at_the_best_acceptable_package():
    case = load_case("research_collaboration")
    reservations = (40.0, 40.0)
    scores = case.scoring.all_scores()
    fine = np.flatnonzero((scores[:, 0] >= 40) & (scores[:, 1] >= 40))
    best = fine[np.argmax(scores[fine, 0])]
    sizes = [len(i.options) for i in case.scoring.issues]
    choice = np.unravel_index(best, sizes)
    terms = {issue.name: issue.options[c] for issue, c in zip(case.scoring.issues, choice)}
    assert case.zone_share(0, reservations, terms) == pytest.approx(1.0)


@pytest.mark.parametrize("change, words", [
    (lambda d: d.pop("roles"), "missing a part"),
    (lambda d: d["roles"].reverse(), "first role must want more"),
    (lambda d: d["roles"][0]["reservation"].update(typical=1), "must lie in its range"),
    (lambda d: d["roles"][0]["reservation"].update(range=[9, 1]), "give the low end first"),
    (lambda d: d["roles"][1].update(key=d["roles"][0]["key"]), "two roles with different keys"),
])
def test_a_broken_case_file_is_explained(change, words):
    from negwidgets.data import load

    data = json.loads(json.dumps(load("seminar/used_car")))
    change(data)
    with pytest.raises(ValueError, match=words):
        case_from_dict("mine", data)


def test_an_unknown_case_names_the_cases_there_are():
    with pytest.raises(ValueError, match="salary, used_car"):
        load_case("poker")


# -- packs ----------------------------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(key=st.sampled_from(CASE_KEYS), n_pairs=st.integers(1, 30), share=st.floats(0, 1),
       seed=st.integers(0, 2**31 - 1), same=st.booleans())
def test_a_pack_has_exactly_the_pairs_without_a_zone_asked_for_and_values_from_the_ranges(key, n_pairs, share,
                                                                                         seed, same):
    case = load_case(key)
    pack = make_pack(key, n_pairs, seed, same_numbers=same, no_zone_share=share)
    assert len(pack.pairs) == n_pairs and len(pack.participants) == 2 * n_pairs
    assert sum(pair.zone is None for pair in pack.pairs) == round(share * n_pairs)
    for pair in pack.pairs:
        assert pair.zone == case.zone(pair.reservations)
        for role, value in zip(case.roles, pair.reservations):
            assert value in role.reservation.grid()
    if same:
        typical = tuple(role.reservation.typical for role in case.roles)
        assert {p.reservations for p in pack.pairs if p.zone is not None} <= {typical}
        assert len({p.reservations for p in pack.pairs if p.zone is None}) <= 1
    again = make_pack(key, n_pairs, seed, same_numbers=same, no_zone_share=share)
    assert [p.reservations for p in again.pairs] == [p.reservations for p in pack.pairs]


def test_varied_numbers_really_vary_and_spread_over_the_ranges():
    pack = make_pack("used_car", 60, seed=3)
    sellers = [pair.reservations[0] for pair in pack.pairs]
    assert len(set(sellers)) > 10
    case = pack.case
    assert min(sellers) < case.roles[0].reservation.typical < max(sellers)


def test_access_codes_are_random_unique_and_not_derived_from_the_seed_or_the_pair():
    first, second = make_pack("salary", 40, seed=1), make_pack("salary", 40, seed=1)
    codes = [p.access_code for p in first.participants]
    assert all(CODE.match(code) for code in codes)
    assert len(set(codes)) == len(codes)
    assert not set(codes) & {p.access_code for p in second.participants}
    assert first.instructor_secret != second.instructor_secret and first.pack_id != second.pack_id
    assert re.match(rf"^([{CODE_ALPHABET}]{{4}}-){{2}}[{CODE_ALPHABET}]{{4}}$", first.instructor_secret)
    assert [p.reservations for p in first.pairs] == [p.reservations for p in second.pairs]


def test_no_seed_chooses_one_and_records_it_so_the_numbers_can_be_made_again():
    pack = make_pack("salary", 5)
    again = make_pack("salary", 5, seed=pack.seed)
    assert [p.reservations for p in again.pairs] == [p.reservations for p in pack.pairs]
    assert str(pack.seed) in pack.describe()


@pytest.mark.parametrize("arguments, words", [
    (dict(n_pairs=0), "from 1 to"), (dict(n_pairs=MAX_PAIRS + 1), "from 1 to"), (dict(n_pairs=2.5), "whole number"),
    (dict(n_pairs=True), "whole number"), (dict(n_pairs=4, no_zone_share=1.5), "between 0 and 1"),
    (dict(n_pairs=4, no_zone_share=float("nan")), "not a number"), (dict(n_pairs=4, seed=-1), "zero or more"),
    (dict(n_pairs=4, seed="x"), "whole number"),
])
def test_bad_pack_settings_are_explained(arguments, words):
    with pytest.raises(ValueError, match=words):
        make_pack("salary", **arguments)


def test_a_participants_codes_open_their_own_sheet_and_nothing_else():
    pack = make_pack("salary", 6, seed=2)
    record = pack.record()
    for participant in pack.participants:
        assert record.participant(participant.pair, participant.access_code) == (participant.pair, participant.role)
        typed = " " + participant.access_code.lower().replace("-", " ") + " "
        assert record.participant(participant.pair.lower(), typed) == (participant.pair, participant.role)
    for one, other in itertools.permutations(pack.participants, 2):
        if one.pair != other.pair:
            assert record.participant(one.pair, other.access_code) is None
    assert record.participant("P1", "") is None and record.participant("", "") is None


def test_the_stored_record_holds_no_code_and_no_secret_and_survives_its_json():
    pack = make_pack("job_offer", 5, seed=4, no_zone_share=0.4)
    record = pack.record()
    text = record.to_json()
    for participant in pack.participants:
        assert normalise_code(participant.access_code) not in text.upper().replace("-", "")
        assert participant.access_code not in text
    assert pack.instructor_secret not in text
    again = PackRecord.from_json(text)
    assert again.pairs == record.pairs and again.code_digests == record.code_digests
    first = pack.participants[0]
    assert again.participant(first.pair, first.access_code) == (first.pair, first.role)
    assert again.check_secret(pack.instructor_secret) and not again.check_secret("guess")
    assert again.check_secret(" " + pack.instructor_secret.lower().replace("-", " "))   # typed as people type
    with pytest.raises(ValueError, match="damaged"):
        PackRecord.from_json(text.replace('"version": 1', '"version": 9'))
    with pytest.raises(ValueError, match="damaged"):
        PackRecord.from_json("{not json")


# -- sheets ---------------------------------------------------------------------------------------------

def test_a_sheet_shows_its_own_reservation_value_and_never_the_other_sides():
    pack = make_pack("used_car", 10, seed=5)
    case = pack.case
    for participant in pack.participants:
        pair = pack.pair(participant.pair)
        own, other = (0, 1) if participant.role == case.role_keys[0] else (1, 0)
        if pair.reservations[0] == pair.reservations[1]:
            continue
        sheet = confidential_sheet(case, pair, participant.role, participant.access_code)
        # The Markdown writes each dollar sign in the form Markdown viewers with math show as written.
        for text in (sheet_markdown(sheet).replace(DOLLAR_MARKUP, "$"), sheet_html(sheet)):
            assert case.value_text(pair.reservations[own]) in text
            assert case.value_text(pair.reservations[other]) not in text
            assert participant.access_code in text and participant.pair in text


def test_a_multi_issue_sheet_lists_only_its_own_points():
    pack = make_pack("research_collaboration", 1, seed=1)
    case = pack.case
    for index, role in enumerate(case.role_keys):
        text = sheet_markdown(confidential_sheet(case, pack.pairs[0], role, None)).replace(DOLLAR_MARKUP, "$")
        for issue in case.scoring.issues:
            own = "; ".join(f"{label}: {points[index]:g}" for label, points in zip(issue.options, issue.points))
            theirs = "; ".join(f"{label}: {points[1 - index]:g}" for label, points in zip(issue.options, issue.points))
            assert own in text
            assert theirs not in text or theirs == own


def test_every_word_from_a_case_is_escaped_in_sheets():
    from negwidgets.data import load

    data = json.loads(json.dumps(load("seminar/used_car")))
    data["public"] = "<script>alert(1)</script> | *bold* [link](x)"
    data["roles"][0]["brief"] = "<img src=x onerror=alert(1)> costs {reservation}"
    case = case_from_dict("evil", data)
    pack = make_pack(case, 1, seed=1)
    sheet = confidential_sheet(case, pack.pairs[0], "seller", "<b>")
    page = sheet_html(sheet)
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page
    markdown = sheet_markdown(sheet)
    assert "\\<script\\>" in markdown and "\\|" in markdown and "\\*bold\\*" in markdown


def test_writing_a_pack_gives_every_participant_a_sheet_and_the_instructor_the_key(tmp_path):
    pack = make_pack("salary", 3, seed=6, no_zone_share=0.34)
    files = write_pack(pack, tmp_path, app_address="http://seminar.example:8866")
    folder = tmp_path / f"salary-{pack.pack_id}"
    names = {path.name for path in files}
    assert names >= {"all-sheets.html", "access-slips.html", "instructor-key.html", "instructor-key.md"}
    for participant in pack.participants:
        for suffix in ("html", "md"):
            text = (folder / f"sheet-{participant.pair}-{participant.role}.{suffix}").read_text()
            others = [p.access_code for p in pack.participants if p != participant]
            assert participant.access_code in text and not any(code in text for code in others)
    key = (folder / "instructor-key.md").read_text()
    assert pack.instructor_secret in key
    assert all(p.access_code in key for p in pack.participants)
    assert key.count("| none |") == 1
    slips = (folder / "access-slips.html").read_text()
    assert "seminar.example:8866" in slips and pack.instructor_secret not in slips
    assert not list(folder.glob("*.tmp")) and not list(folder.glob(".*"))


def test_the_key_and_slips_are_documents_in_both_forms():
    pack = make_pack("job_offer", 2, seed=1)
    for document in (instructor_key(pack), access_slips(pack)):
        assert sheet_markdown(document).startswith("# ")
        assert sheet_html(document).startswith("<!DOCTYPE html>")


# -- reports --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def car():
    return make_pack("used_car", 3, seed=1).record()


@pytest.fixture(scope="module")
def research():
    return make_pack("research_collaboration", 3, seed=1).record()


GOOD = dict(pair="P1", role="buyer", opener="seller", opening="$11,900", outcome="agreement", agreement="10,250",
            rounds="6", survey=["6", "5", 7, 4], comment="  Went well.\n")


def test_a_good_report_is_read_as_people_type_it(car):
    report = check_report(car, **GOOD)
    assert (report.pair, report.role, report.opener, report.opening, report.agreement, report.rounds) == (
        "P1", "buyer", "seller", 11_900.0, 10_250.0, 6)
    assert report.survey == (6, 5, 7, 4) and report.subjective_value == pytest.approx(5.5)
    assert report.comment == "Went well."
    assert check_report(car, **{**GOOD, "survey": None}).survey is None
    assert check_report(car, **{**GOOD, "survey": ["", "", "", ""]}).survey is None


@pytest.mark.parametrize("change, field, words", [
    (dict(pair="P9"), "pair", "no pair"), (dict(pair="<b>"), "pair", "no pair"),
    (dict(role="dealer"), "role", "seller, buyer"), (dict(opener="me"), "opener", "seller, buyer, nobody"),
    (dict(opening=""), "opening", "first number"), (dict(opening="lots"), "opening", "could not read"),
    (dict(opening="1,000,000"), "opening", "looks like a typo"), (dict(outcome="deal"), "outcome", "agreement, impasse"),
    (dict(agreement=""), "agreement", "or report an impasse"), (dict(agreement="99"), "agreement", "typo"),
    (dict(outcome="impasse"), "agreement", "has no agreed terms"),
    (dict(opener="nobody", opening=""), "opener", "needs a number on the table"),
    (dict(rounds="0"), "rounds", "from 1 to 200"), (dict(rounds="201"), "rounds", "from 1 to 200"),
    (dict(rounds="2.5"), "rounds", "whole number"), (dict(rounds="many"), "rounds", "whole number"),
    (dict(rounds=float("nan")), "rounds", "whole number"),
    (dict(survey=[6, 5, 7]), "survey", "all 4"), (dict(survey=[6, 5, "", 7]), "survey", "question 3 has no answer"),
    (dict(survey=[6, 5, 8, 7]), "survey", "from 1 to 7"), (dict(survey="6574"), "survey", "all 4"),
])
def test_every_bad_field_is_named_and_explained(car, change, field, words):
    with pytest.raises(ReportError, match=words) as caught:
        check_report(car, **{**GOOD, **change})
    assert caught.value.field == field


def test_an_impasse_with_nobody_opening_has_no_numbers(car):
    report = check_report(car, **{**GOOD, "opener": "nobody", "opening": "", "outcome": "impasse", "agreement": "",
                                  "rounds": 0})
    assert (report.agreed, report.opening, report.agreement, report.rounds) == (False, None, None, 0)


def test_comments_are_trimmed_limited_and_stripped_of_control_characters(car):
    report = check_report(car, **{**GOOD, "comment": "a\x00b\x1b[31mc\u202e " + "x" * 2 * MAX_COMMENT})
    assert len(report.comment) == MAX_COMMENT
    assert "\x00" not in report.comment and "\x1b" not in report.comment and "\u202e" not in report.comment


def test_a_multi_issue_agreement_names_an_option_for_every_issue(research):
    case = research.case
    terms = {issue.name: issue.options[0] for issue in case.scoring.issues}
    report = check_report(research, pair="P2", role="lab", opener="company", opening="150000",
                          outcome="agreement", terms={k: v.upper() for k, v in terms.items()}, rounds=3)
    assert report.terms == terms and report.agreement == 120_000.0
    for bad, words in [({**terms, "Budget for the lab": "$1"}, "not an option"),
                       ({k: v for k, v in list(terms.items())[1:]}, "Choose the agreed option"),
                       ({**terms, "Parking": "Yes"}, "no issue called")]:
        with pytest.raises(ReportError, match=words):
            check_report(research, pair="P2", role="lab", opener="company", opening="150000",
                         outcome="agreement", terms=bad, rounds=3)


# -- the raise (lesson 15's role-play) ------------------------------------------------------------------

def _raw_raise():
    """The raise case's file as YAML gives it, for sums done here rather than by the scoring code."""
    from negwidgets.data import load

    return json.loads(json.dumps(load("seminar/raise")))


def _points(raw, side, package):
    """A package's points for one side (0 Dara, 1 Robin), added up from the file's own table."""
    total = 0
    for issue in raw["issues"]:
        (option,) = [o for o in issue["options"] if o["label"] == package[issue["name"]]]
        total += option["points"][side]
    return total


def _money(text):
    return {int(amount.replace(",", "")) for amount in re.findall(r"\$(\d[\d,]*)", text)}


STANDARD = {"Salary and level": "$65,000 as Planner", "Remote days": "None", "Training budget": "None",
            "Salary review": "In 12 months (the usual cycle)"}


@pytest.mark.parametrize("key", CASE_KEYS)
def test_every_case_names_lessons_that_are_on_the_course_map(key):
    from negwidgets.data import load

    stems = {lesson["file"] for lesson in load("course")["lessons"]}
    lessons = load_case(key).lessons
    assert lessons and set(lessons) <= stems
    if key == "raise":
        assert lessons[0] == "15_current_employer"


def test_each_of_daras_alternatives_is_worth_the_package_it_names_on_daras_own_table():
    raw = _raw_raise()
    employee = raw["roles"][0]
    alternatives = employee["reservation"]["alternatives"]
    case = load_case("raise")
    role = case.role("employee")
    assert [a.value for a in role.alternatives] == [a["value"] for a in alternatives]
    assert sorted(role.reservation.grid()) == sorted(a["value"] for a in alternatives)
    offers = 0
    for alternative in alternatives:
        worth = _points(raw, 0, alternative["equivalent"]) + alternative["adjust"]
        assert worth == alternative["value"], alternative["label"]
        brief = " ".join(alternative["brief"].split())
        if alternative["equivalent"] == STANDARD:
            # No offer: staying with the standard raise (0 points) and a search counted at the adjustment.
            assert "no other offer" in brief and f"worth {alternative['adjust']} points more" in brief
            assert "Coastline" not in brief and "Friday" not in brief
        else:
            offers += 1
            salary = int(alternative["equivalent"]["Salary and level"].split(" ")[0].strip("$").replace(",", ""))
            training = int(alternative["equivalent"]["Training budget"].strip("$").replace(",", ""))
            assert _money(brief) == {salary, training} and f"${salary:,}" in alternative["label"]
            remote = {"One day a week": "one remote day a week", "Two days a week": "two remote days a week"}
            assert remote[alternative["equivalent"]["Remote days"]] in brief
            assert f"less {-alternative['adjust']} points" in brief and "pay reviewed once a year" in brief
    assert offers == 3 and "no outside offer" in [a["label"] for a in alternatives]


def test_an_alternative_whose_value_disagrees_with_its_package_is_refused():
    raw = _raw_raise()
    raw["roles"][0]["reservation"]["alternatives"][1]["value"] += 1
    with pytest.raises(ValueError, match="is worth 47 points by its equivalent package"):
        case_from_dict("mine", raw)
    raw = _raw_raise()
    raw["roles"][0]["brief"] = raw["roles"][0]["brief"].replace("{alternative}", "")
    with pytest.raises(ValueError, match="with {alternative}"):
        case_from_dict("mine", raw)


def test_the_raise_briefs_numbers_agree_with_the_options_and_with_each_other():
    raw = _raw_raise()
    public = " ".join(raw["public"].split())
    robin = " ".join(raw["roles"][1]["brief"].split())
    dara = " ".join(raw["roles"][0]["brief"].split())
    salaries = {o["label"]: int(o["label"].split(" ")[0].strip("$").replace(",", "")) for o in raw["issues"][0]["options"]}
    planner = max(v for label, v in salaries.items() if label.endswith("as Planner"))
    senior = max(v for label, v in salaries.items() if label.endswith("as Senior planner"))
    current = 63_000
    assert f"earns ${current:,} a year" in public
    standard = salaries[STANDARD["Salary and level"]]
    assert f"standard raise of ${standard - current:,}, to ${standard:,} (about {round(100 * (standard / current - 1))}%)" in public
    # Robin's sheet: the band tops are the options' tops; the budget, the cap and the costs add up.
    assert f"a Planner is paid from $52,000 to ${planner:,}" in robin and f"Senior planner from $62,000 to ${senior:,}" in robin
    assert f"payroll of $320,000: ${round(0.03 * 320_000):,} to share" in robin
    assert f"The plan gives Dara ${standard - current:,} of it" in robin
    cap = round(current * 1.10)
    assert f"above 10%, to more than ${cap:,}" in robin
    points = {label: points for label, points in ((o["label"], o["points"]) for o in raw["issues"][0]["options"])}
    over, under = ([points[label][1] for label, v in salaries.items() if (v > cap) == side] for side in (True, False))
    assert max(over) < min(under)   # above the cap is worse for Robin than anything below it
    assert f"about ${round(0.2 * standard):,} (20% of the salary)" in robin
    training = [int(o["label"].strip("$").replace(",", "")) for o in raw["issues"][2]["options"] if o["label"] != "None"]
    assert "$4,000 unspent" in robin and max(training) <= 4_000
    assert f"costs ${max(training):,} with its exams" in dara
    # The standard raise is both sides' no-agreement outcome: 0 points for Dara, 100 for Robin, as both say.
    assert (_points(raw, 0, STANDARD), _points(raw, 1, STANDARD)) == (0, 100)
    assert "(the package worth 100 points on your table)" in robin
    assert "standard raise to $65,000 (0 points on your table)" in " ".join(
        raw["roles"][0]["reservation"]["alternatives"][0]["brief"].split())
    # Robin counts no agreement below the standard raise (Dara may leave), and each side's table tops at 100.
    assert raw["roles"][1]["reservation"]["range"][1] < 100
    for side in (0, 1):
        assert sum(max(o["points"][side] for o in issue["options"]) for issue in raw["issues"]) == 100
    # A Planner's salary stops at the band's top: every option above it is a promotion.
    assert all(label.endswith("as Senior planner") for label, v in salaries.items() if v > planner)


def test_a_raise_class_mixes_pairs_without_an_offer_and_with_each_offer_and_the_key_says_which():
    pack = make_pack("raise", 40, seed=15, no_zone_share=0.2)
    case = pack.case
    labels = {a.value: a.label for a in case.role("employee").alternatives}
    drawn = {pair.reservations[0] for pair in pack.pairs}
    assert drawn == set(labels)   # 40 pairs draw every alternative
    low, high = case.role("manager").reservation.low, case.role("manager").reservation.high
    assert all(low <= pair.reservations[1] <= high and pair.reservations[1] % 5 == 0 for pair in pack.pairs)
    # Without an offer there is always a zone: the standard raise is worth 100 to Robin, above any BATNA.
    assert all(pair.zone is not None for pair in pack.pairs if pair.reservations[0] == 10)
    key = sheet_markdown(instructor_key(pack)).replace(DOLLAR_MARKUP, "$")
    for pair in pack.pairs:
        assert f"| {pair.code} | {pair.reservations[0]:g} points ({labels[pair.reservations[0]]}) |" in key


def test_a_raise_sheet_holds_its_own_sides_secrets_only():
    pack = make_pack("raise", 24, seed=9, no_zone_share=0.25)
    case = pack.case
    robin_only = ["$9,600", "$69,300", "promotion fund", "$13,000", "$4,000 unspent", "$52,000"]
    offer_words = ["Coastline", "Friday next week", "a year as Senior planner"]
    for pair in pack.pairs:
        dara_value, robin_value = pair.reservations
        dara, robin = (sheet_markdown(confidential_sheet(case, pair, role, None)).replace(DOLLAR_MARKUP, "$")
                       for role in case.role_keys)
        alternative = case.role("employee").alternative(dara_value)
        first = " ".join(alternative.brief.split()).split(". ")[0]
        assert first in dara and first not in robin
        assert f"Your reservation value: {dara_value:g} points." in dara
        assert f"Your reservation value: {robin_value:g} points." in robin
        if dara_value != robin_value:
            assert f"{robin_value:g} points" not in dara and f"{dara_value:g} points" not in robin
        assert not [word for word in robin_only if word in dara]
        assert not [word for word in offer_words if word in robin]
        assert "no other offer" not in robin
        if dara_value == 10:
            # No offer, no deadline: the sheet gives no sentence that would invent one.
            assert not [word for word in offer_words if word in dara]
            assert "no other offer" in dara and "What you cannot say: anything that suggests another offer" in dara
        else:
            assert f"${alternative.label.split('$')[1]} a year as Senior planner" in dara
            assert "no other offer" not in dara


def test_a_raise_agreement_is_read_as_its_salary_and_the_import_template_opens_on_one():
    from negwidgets.seminar.imports import csv_template

    record = make_pack("raise", 2, seed=1).record()
    terms = {**STANDARD, "Salary and level": "$68,000 as Senior planner"}
    report = check_report(record, pair="P1", role="employee", opener="manager", opening="65000",
                          outcome="agreement", terms=terms, rounds=4)
    assert report.agreement == 68_000.0 and report.terms == terms
    example = dict(zip(*(line.split(",") for line in csv_template(record.case).splitlines()[:2])))
    assert example["opening"] == "72000"
