"""The raise case builder without a browser: Ana's case shown as the model gives it, edits by control, errors
beside the part of the form they are about (the last good draft kept, nothing typed changed), the download, and
Save to my plan."""

import base64
import html
import re

import ipywidgets as widgets
import pytest

from negwidgets.model import load_plan
from negwidgets.model.raise_case import (MAX_EVIDENCE, email_draft, example_raise_case, justification,
                                         prepared_questions, raise_case, raise_case_text)
from negwidgets.widgets import RaiseCaseBuilder

MARKET = {25: 64_000, 50: 72_000, 75: 83_000, 90: 89_000}


def shown(html_text: str) -> str:
    """An HTML widget's text as a reader sees it (tags dropped, entities read)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", html_text))


def alerts(builder) -> dict[str, str]:
    return {name: box.value for name, box in builder.errors.items() if box.value}


@pytest.fixture
def builder(tmp_path):
    return RaiseCaseBuilder(path=tmp_path / "plan.json")


def test_it_starts_on_anas_case_and_shows_what_the_model_gives(builder):
    ana = example_raise_case()
    assert builder.result == ana and builder.error_text == "" and alerts(builder) == {}
    assert builder.result_text == ana.describe()
    assert builder.draft_text == email_draft(ana)
    assert html.escape(email_draft(ana)) in builder.email.value
    answers = shown(builder.answers.value)
    for question in prepared_questions(ana):
        assert question.question in answers and question.answer in " ".join(answers.split())
    assert "(ask it yourself)" in answers
    summary = shown(builder.summary.value)
    assert ana.describe() in summary
    assert "To make your case stronger" not in summary
    # The download holds the draft and the questions as plain text.
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", builder.download.value).group(1)
    assert base64.b64decode(data).decode("utf-8") == raise_case_text(ana)
    assert "download='my_raise_case.txt'" in builder.download.value


def test_every_control_has_a_label(builder):
    unlabelled = [type(w).__name__ for w in walk(builder)
                  if isinstance(w, (widgets.Text, widgets.Checkbox, widgets.Button)) and not w.description.strip()]
    assert unlabelled == []
    labels = [row.fields[key].description for row in builder.market.rows for key in ("percentile", "salary")]
    assert labels[:4] == ["Percentile 1", "Salary 1", "Percentile 2", "Salary 2"]
    assert builder.outside_option.description and builder.ask_from.description


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def test_the_ask_follows_the_method_chosen_and_keeps_what_was_typed(builder):
    def hidden(control):
        return control.layout.display == "none"

    assert hidden(builder.ask_amount) and not hidden(builder.target_percentile)
    builder.target_percentile.value = "80th"
    assert builder.result.ask == 85_000 and "about the 80th percentile" in builder.draft_text
    builder.ask_from.value = "amount"
    assert hidden(builder.target_percentile) and not hidden(builder.ask_amount)
    assert builder.result.ask == 83_000 and builder.result.target_percentile is None   # the amount box's value
    builder.ask_amount.value = "84.5k"
    assert builder.result.ask == 84_500 and "between the 75th and 90th percentiles" in builder.draft_text
    builder.ask_from.value = "percentile"
    assert builder.result.ask == 85_000 and builder.ask_amount.value == "84.5k"


def test_bad_input_is_explained_beside_its_part_and_the_last_draft_kept(builder):
    good, draft = builder.result, builder.email.value
    builder.current_salary.value = "seventy-eight"
    assert builder.error_field == "current_salary" and "could not read 'seventy-eight'" in builder.error_text
    assert list(alerts(builder)) == ["current_salary"] and "role='alert'" in builder.errors["current_salary"].value
    assert builder.result is good and builder.email.value == draft and "last input that worked" in builder.stale.value
    assert builder.current_salary.value == "seventy-eight"   # nothing typed is changed
    builder.current_salary.value = "$84,000"
    assert builder.error_field == "ask" and "below your current salary ($84,000)" in builder.error_text
    assert builder.result is good
    builder.current_salary.value = "79000"
    assert builder.error_text == "" and alerts(builder) == {} and builder.stale.value == ""
    assert builder.result == good


def test_market_rows_are_added_read_and_explained_by_row(builder):
    builder.market.add_button.click()
    assert builder.error_text == "" and len(builder.market.rows) == 5   # an empty row waits
    row = builder.market.rows[4]
    row.percentile.value = "10"
    assert builder.error_field == "market" and "salary in row 5 of the market figures is empty" in builder.error_text
    row.salary.value = "$58,000"
    assert builder.error_text == "" and builder.result.market[0] == (10.0, 58_000.0)
    builder.market.rows[1].salary.value = "$90,000"   # the 50th above the 75th
    assert "a higher percentile never pays less" in builder.error_text and list(alerts(builder)) == ["market"]
    builder.market.remove_row(builder.market.rows[1])
    assert builder.error_text == "" and [r.percentile.description for r in builder.market.rows] == [
        "Percentile 1", "Percentile 2", "Percentile 3", "Percentile 4"]
    assert builder.result.cited_figures() == ((25.0, 64_000.0), (75.0, 83_000.0))


def test_results_can_be_emptied_and_the_draft_still_works(builder):
    for row in list(builder.evidence.rows):
        builder.evidence.remove_row(row)
    assert builder.error_text == "" and builder.result.evidence == ()
    assert "What I've delivered" not in builder.draft_text and "I'd like to ask for $83,000" in builder.draft_text
    assert "Add one result with a number" in shown(builder.summary.value)
    builder.evidence.add_button.click()
    builder.evidence.rows[0].result.value = "saves a day a week"
    assert builder.error_field == "evidence" and "'What you did 1' is empty" in builder.error_text
    builder.evidence.rows[0].what.value = "Cleaned the customer table"
    assert "cleaned the customer table (saves a day a week)" in builder.draft_text
    while not builder.evidence.add_button.disabled:
        builder.evidence.add_button.click()
    assert len(builder.evidence.rows) == MAX_EVIDENCE


def test_fallbacks_are_ticked_and_said_in_the_learners_words(builder):
    for choice in builder.fallbacks:
        choice.chosen.value = False
    assert "If the budget is fixed" not in builder.draft_text
    workload = next(c for c in builder.fallbacks if c.kind.key == "workload")
    workload.chosen.value = True
    assert "If the budget is fixed this cycle, I'd like to discuss a lighter workload." in builder.draft_text
    workload.detail.value = "handing the weekly export to the new hire"
    assert "I'd like to discuss handing the weekly export to the new hire." in builder.draft_text
    workload.detail.value = "x" * 200
    assert builder.error_field == "fallbacks" and "under 'Less work'" in builder.error_text
    workload.chosen.value = False   # unticked, its words are kept but not used
    assert builder.error_text == "" and workload.detail.value == "x" * 200


def test_the_outside_option_changes_only_the_answer_to_looking_elsewhere(builder):
    draft = builder.draft_text
    builder.outside_option.value = "offer"
    assert builder.draft_text == draft and "offer" not in draft
    elsewhere = builder.questions[-1]
    assert elsewhere.answer.startswith("Yes, I have an offer from another employer.")
    builder.outside_option.value = "looking"
    assert "I don't have an offer" in builder.questions[-1].answer


def test_a_given_case_starts_the_form(tmp_path):
    case = raise_case(61_000, {25: 52_000, 50: 56_000, 75: 61_000, 90: 66_000}, ask=64_000,
                      manager_name="Dr. Okafor", market_source="the university's postdoc salary scale")
    builder = RaiseCaseBuilder(case, path=tmp_path / "plan.json")
    assert builder.ask_from.value == "amount" and builder.result == case
    assert builder.current_salary.value == "$61,000" and builder.ask_amount.value == "$64,000"
    assert "Hi Dr. Okafor," in builder.draft_text
    assert len(builder.evidence.rows) == 1 and builder.evidence.rows[0].what.value == ""


def test_save_to_my_plan_writes_the_ask_its_reason_the_draft_and_the_issues(builder, tmp_path):
    builder.current_salary.value = "oops"
    builder.plan_saver.save()
    assert "Fix the input above first" in builder.plan_saver.status_text and not (tmp_path / "plan.json").exists()
    builder.current_salary.value = "$79,000"
    builder.plan_saver.save()
    assert builder.plan_saver.status_text.startswith("Saved to plan.json: your target (aspiration value): $83,000")
    plan = load_plan(tmp_path / "plan.json")
    ana = example_raise_case()
    assert plan.aspiration == 83_000 and plan.wants == "more" and plan.counterpart == "Sam"
    assert plan.opening_plan == email_draft(ana) and plan.justification == justification(ana)
    assert plan.issues == ("Salary", "Scope: leading the reporting for the new product line",
                           "Title: the title Senior data analyst", "Review date: a salary review in six months")
    assert plan.calculator_notes == (("Raise case builder", ana.describe()),)
