"""Lessons 11-12's widgets without a browser: the tactic browser and quiz, the exploding-offer calculator,
the plan builder, and the "Save to my plan" action of the earlier calculators."""

import base64
import re

import pytest

from negwidgets.model import (NegotiationPlan, running_example_opening, example_exploding_offer, exploding_offer, find_tactics, load_plan, plan_markdown, save_plan,
                              tactic_catalogue, tactic_scenarios)
from negwidgets.model.plan_file import backup_path
from negwidgets.widgets import (BatnaCalculator, CriteriaLadder, ExplodingOfferCalculator, FirstOfferAdvisor,
                                PlanBuilder, TacticBrowser, ZopaExplorer, tactic_quiz)


# -- tactic browser and quiz ---------------------------------------------------------------------------------

def test_the_browser_searches_and_filters_the_catalogue():
    browser = TacticBrowser()
    assert browser.matches == list(tactic_catalogue())
    assert f"{len(tactic_catalogue())} of {len(tactic_catalogue())} tactics" in browser.count.value
    browser.search.value = "final offer"
    assert browser.matches == find_tactics("final offer")
    assert browser.listing.value.count("<details") == len(browser.matches)
    browser.situation.value = "collaboration"
    assert browser.matches == find_tactics("final offer", "collaboration")
    browser.search.value = "wedding cake"
    assert browser.matches == [] and "No tactic matches" in browser.count.value


def test_the_browser_shows_every_part_of_a_tactic_escaped():
    browser = TacticBrowser("nibble")
    nibble = browser.matches[0]
    page = browser.listing.value
    for text in (*nibble.recognise, nibble.why_it_works, *nibble.responses):
        assert text.replace("'", "&#x27;").replace('"', "&quot;") in page


def test_a_bad_search_gets_a_sentence_and_keeps_the_last_list():
    browser = TacticBrowser("silence")
    browser.search.value = "x" * 250
    assert "at most 200 characters" in browser.error_text and "role='alert'" in browser.error.value
    assert [t.id for t in browser.matches] == ["silence"]
    browser.search.value = "silence"
    assert browser.error_text == "" and browser.error.value == ""


def test_the_quiz_gives_feedback_per_answer_and_a_score():
    quiz = tactic_quiz(seed=5)
    scenarios = {f"tactic-{s.id}": s for s in tactic_scenarios()}
    first, second = quiz.checks[:2]
    first.answer.value = scenarios[first.question.id].tactic.name
    assert first.feedback.correct and scenarios[first.question.id].clue in first.response.value.replace("&#x27;", "'")
    wrong = scenarios[second.question.id].confused_with[0]
    second.answer.value = wrong.name
    assert not second.feedback.correct and wrong.name in second.feedback.message
    assert quiz.score_text.startswith("Score: 1 of 14 right so far")


# -- exploding-offer calculator ------------------------------------------------------------------------------

def test_the_calculator_follows_the_model_as_controls_move():
    calculator = ExplodingOfferCalculator()
    assert calculator.result == example_exploding_offer()  # lesson 11's case
    processes = [("The employer", 0.6, 78_000, 10), ("Firm C", 0.3, 74_000, 5)]
    assert calculator.result == exploding_offer(72_000, 3, processes, 58_000, extension_days=7, granted=0.7,
                                                withdrawn=0.05)
    png = calculator.image.value
    calculator.deadline.value = 10
    assert calculator.result.at_deadline == pytest.approx(exploding_offer(72_000, 10, processes, 58_000).at_deadline)
    assert calculator.image.value != png and "deadline is day 10" in calculator.caption_text
    calculator.table.add_row("Firm D", "50%", "90k", "4")
    assert len(calculator.result.processes) == 3 and calculator.result.processes[2].value == 90_000
    assert "<b>" + calculator.result.best in calculator.summary.value


@pytest.mark.parametrize("column, text, message", [
    ("chance", "lots", "I could not read 'lots' as the chance of an offer from Firm C"),
    ("chance", "140%", "runs from 0% to 100%; 140% is outside"),
    ("value", "", "The likely offer from Firm C is empty"),
    ("day", "next week", "as the day you will hear from Firm C"),
    ("day", "0", "above 0 and at most 365"),
])
def test_bad_process_input_is_explained_and_the_last_result_stays(column, text, message):
    calculator = ExplodingOfferCalculator()
    good, png = calculator.result, calculator.image.value
    getattr(calculator.rows[1], column).value = text
    assert message in calculator.error_text and "last numbers that worked" in calculator.error.value
    assert calculator.result is good and calculator.image.value == png


def test_a_deadline_beyond_the_slider_is_explained_not_clamped_silently():
    calculator = ExplodingOfferCalculator(deadline=45)
    assert "runs from 0 to 30 days here, not 45" in calculator.error_text
    assert "The slider is set to 30 instead" in calculator.error_text


def test_a_withdrawal_chance_too_large_for_the_grant_chance_gets_a_sentence():
    calculator = ExplodingOfferCalculator()
    calculator.withdrawn.value = 0.5
    assert "more than 100% of the time together" in calculator.error_text


# -- "Save to my plan" in the earlier lessons' calculators ---------------------------------------------------

@pytest.mark.parametrize("make, expected", [
    (lambda path: BatnaCalculator([("Offer from Firm B", 72_000, 0.5), ("Stay", 58_000, 0.5)], plan_path=path),
     {"batna_value": 65_000, "reservation": 65_000}),
    (lambda path: ZopaExplorer(plan_path=path),
     {"reservation": 70_000, "aspiration": 85_000, "their_reservation": 80_000, "their_aspiration": 60_000}),
    (lambda path: CriteriaLadder(plan_path=path), {"reservation": 70_000, "their_reservation": 80_000}),
])
def test_save_to_my_plan_writes_the_calculators_numbers(tmp_path, make, expected):
    path = tmp_path / "plan.json"
    view = make(path)
    view.plan_saver.button.click()
    plan = load_plan(path)
    assert {key: getattr(plan, key) for key in expected} == expected
    assert plan.calculator_notes[-1][1] == view.result_text
    assert "Saved to plan.json" in view.plan_saver.status_text


def test_the_first_offer_advisor_and_the_criteria_ladder_add_their_parts_to_the_same_plan(tmp_path):
    path = tmp_path / "plan.json"
    advisor = FirstOfferAdvisor(plan_path=path)
    advisor.plan_saver.button.click()
    ladder = CriteriaLadder(plan_path=path)
    ladder.plan_saver.button.click()
    plan = load_plan(path)
    assert plan.opening == round(advisor.result.best_opening, -2) == running_example_opening().opening
    assert plan.their_spread == 6_000  # "a rough idea", kept so the plan weighs the opening as lesson 05 did
    assert plan.justification == ladder.result.sentence and len(plan.criteria) == len(ladder.rows)
    assert [source for source, _ in plan.calculator_notes] == ["First-offer advisor (lesson 05)",
                                                               "Criteria ladder (lesson 06)"]


def test_save_to_my_plan_refuses_bad_input_and_never_overwrites_a_damaged_plan(tmp_path):
    path = tmp_path / "plan.json"
    explorer = ZopaExplorer(plan_path=path)
    explorer.seller_aspiration.value = 60_000  # below her reservation value: an error
    explorer.plan_saver.button.click()
    assert "Fix the input above first" in explorer.plan_saver.status_text and not path.exists()
    explorer.seller_aspiration.value = 85_000
    path.write_text("{ half a plan")
    explorer.plan_saver.button.click()
    assert "damaged" in explorer.plan_saver.status_text and "role='alert'" in explorer.plan_saver.status.value
    assert path.read_text() == "{ half a plan"


# -- plan builder --------------------------------------------------------------------------------------------

FULL = NegotiationPlan(
    title="Salary for the analyst role", counterpart="Sam Lee, hiring manager", issues=("salary", "start date"),
    batna="The offer from Firm B", batna_value=70_000, reservation=70_000.5, aspiration=85_000,
    alternatives=(("Offer from Firm B", 72_000, 0.5, 0), ("Stay", 58_000, 0.5, -1_000)), risk_aversion=1.5e-5,
    their_reservation=80_000, their_aspiration=60_000, their_interests=("a quick start",),
    focal_points=("my portfolio", "their budget cycle"), criteria=(("Survey", 83_000, 5, "analysts earn that"),),
    justification="I'm asking for $83,000 because analysts earn that.", opening=81_600, opening_plan="I open.",
    questions=("What does the budget cover?",), concessions=("start date for salary",), tactics=("nibble", "silence"),
    tactic_notes=("Stay calm.",), walk_away="Thank you; I will take the other offer.", closing="Summarise.",
    calculator_notes=(("ZOPA explorer (lesson 04)", "ZOPA: $70,000 to $80,000."),),
)


def test_the_form_shows_a_plan_and_reads_it_back_exactly(tmp_path):
    builder = PlanBuilder(tmp_path / "plan.json", plan=FULL)
    assert builder.plan == FULL and builder.field_errors == {}
    assert builder.fields["reservation"].value == "$70,000.50"
    assert builder.problems == []
    assert "hangs together" in builder.checks.value


def test_typing_updates_the_plan_and_its_checks(tmp_path):
    builder = PlanBuilder(tmp_path / "plan.json")
    assert "Your BATNA is missing" in builder.problems[0]
    builder.fields["reservation"].value = "70k"
    builder.fields["aspiration"].value = "$65,000"
    builder.fields["issues"].value = "salary\n\n  start date  \n"
    assert builder.plan.issues == ("salary", "start date")
    assert any("target ($65,000) is below" in p for p in builder.problems)
    assert "target ($65,000) is below" in builder.checks.value
    builder.fields["wants"].value = "less"
    assert not any("Your target" in p for p in builder.problems)


def test_a_field_that_cannot_be_read_is_marked_beside_it_and_nothing_is_saved(tmp_path):
    path = tmp_path / "plan.json"
    builder = PlanBuilder(path, plan=FULL)
    builder.fields["opening"].value = "a lot"
    assert "I could not read 'a lot' as my opening" in builder.field_errors["opening"]
    assert "role='alert'" in builder.errors["opening"].value
    assert builder.plan == FULL  # the last plan that could be read
    builder.save()
    assert "fix them first. Nothing was saved" in builder.status_text and not path.exists()


def test_save_load_and_backup_through_the_form(tmp_path):
    path = tmp_path / "plan.json"
    builder = PlanBuilder(path, plan=FULL)
    builder.save()
    assert load_plan(path) == FULL and "Saved to plan.json" in builder.status_text
    builder.fields["title"].value = "Second version"
    builder.save()
    assert load_plan(path).title == "Second version" and load_plan(backup_path(path)) == FULL
    assert "kept as plan.json.bak" in builder.status_text
    reopened = PlanBuilder(path)  # a new session opens the saved plan
    assert reopened.plan.title == "Second version" and reopened.plan.opening == FULL.opening
    reopened.fields["title"].value = "unsaved edit"
    reopened.load()
    assert reopened.fields["title"].value == "Second version"


def test_a_damaged_plan_file_is_reported_left_alone_and_the_form_kept(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text('{"format": "something else"}')
    builder = PlanBuilder(path)
    assert "not a Negotiation Lab plan" in builder.status_text and "role='alert'" in builder.status.value
    builder.fields["title"].value = "My plan"
    builder.load()
    assert builder.fields["title"].value == "My plan" and "The form below was not changed" in builder.status_text
    builder.save()
    assert "I did not save over it" in builder.status_text
    assert path.read_text() == '{"format": "something else"}'


def test_exports_and_downloads_carry_the_plan(tmp_path):
    path = tmp_path / "plan.json"
    builder = PlanBuilder(path, plan=FULL)
    builder.export("markdown")
    builder.export("html")
    assert (tmp_path / "plan.md").read_text() == plan_markdown(FULL)
    assert "<title>My negotiation plan: Salary for the analyst role</title>" in (tmp_path / "plan.html").read_text()
    assert "Wrote plan.html next to your plan file" in builder.status_text
    links = dict(re.findall(r"download='([^']+)' href='data:[^;]+;charset=utf-8;base64,([^']+)'", builder.downloads.value))
    assert sorted(links) == ["plan.html", "plan.json", "plan.md"]
    assert base64.b64decode(links["plan.md"]).decode() == plan_markdown(FULL)
    builder.fields["title"].value = "Changed"
    assert "Changed" in base64.b64decode(re.search(r"download='plan.md' href='[^,]+,([^']+)'",
                                                    builder.downloads.value)[1]).decode()


def test_a_plan_file_name_must_end_in_json(tmp_path):
    builder = PlanBuilder(tmp_path / "plan.json", plan=FULL)
    builder.path.value = str(tmp_path / "plan.txt")
    assert "ending in .json" in builder.field_errors["path"]
    builder.save()
    assert "nothing was saved" in builder.status_text and list(tmp_path.iterdir()) == []


def test_the_inline_batna_calculator_fills_the_batna(tmp_path):
    builder = PlanBuilder(tmp_path / "plan.json")
    rows = builder.batna_calculator.rows
    rows[0].name.value, rows[0].value.value = "Offer from Firm B", "72,000"
    builder.batna_calculator.add_button.click()
    rows = builder.batna_calculator.rows
    rows[0].probability.value = "50%"
    rows[1].name.value, rows[1].value.value, rows[1].probability.value = "Stay", "58k", "50%"
    builder.use_calculator()
    assert builder.plan.batna_value == 65_000 and builder.plan.reservation == 65_000
    assert builder.plan.batna == "Offer from Firm B; Stay" and len(builder.plan.alternatives) == 2
    rows[1].probability.value = "lots"
    builder.use_calculator()
    assert "Fix the BATNA calculator's input first" in builder.status_text


def test_saved_calculator_notes_appear_in_the_builder(tmp_path):
    path = tmp_path / "plan.json"
    ZopaExplorer(plan_path=path).plan_saver.button.click()
    builder = PlanBuilder(path)
    assert "ZOPA explorer (lesson 04)" in builder.notes.value
    assert builder.fields["their_reservation"].value == "$80,000"
    save_plan(builder.plan, path)
    assert load_plan(path) == builder.plan


# A plan file of any content, or a pipe, shows a sentence beside the buttons (issue 17, item 12).
from .test_model_plan import WRONG_TYPES  # noqa: E402


@pytest.mark.parametrize("content", WRONG_TYPES.values(), ids=list(WRONG_TYPES))
def test_a_plan_file_with_wrong_types_is_a_sentence_in_the_builder_and_the_calculators(tmp_path, content):
    path = tmp_path / "plan.json"
    path.write_text(content)
    builder = PlanBuilder(path)  # opening the file loads it: this raised TypeError or RecursionError
    assert "I left it as it is" in builder.status_text and "role='alert'" in builder.status.value
    builder.fields["title"].value = "My plan"
    builder.save()
    assert "I did not save over it" in builder.status_text
    explorer = ZopaExplorer(plan_path=path)
    explorer.plan_saver.button.click()
    assert "I left it as it is" in explorer.plan_saver.status_text
    assert path.read_text() == content


def test_a_pipe_as_the_plan_file_is_a_sentence_not_a_frozen_kernel(tmp_path):
    import os
    import threading

    path = tmp_path / "plan.json"
    os.mkfifo(path)
    opened = []
    # In a thread with a generous limit: before the fix, opening the builder waited for ever for a writer.
    worker = threading.Thread(target=lambda: opened.append(PlanBuilder(path)), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert opened, "the builder hung reading the pipe"
    assert "not a regular file (it is a named pipe)" in opened[0].status_text
