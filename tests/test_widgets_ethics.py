"""The ethics sorter without a browser: a card and a labelled verdict per statement, a check that scores the
verdicts and shows the reasoning, statements without a verdict named beside the button, nothing lost."""

import html

import pytest

from negwidgets.data import load
from negwidgets.model import ethics_statements
from negwidgets.widgets import EthicsSorter
from negwidgets.widgets.controls import Choice

ALL = ethics_statements()
TRUTH = {s.id: s.verdict for s in ALL}
WRONG = {"honest": "lie", "misleading": "honest", "lie": "misleading"}   # one wrong verdict for each


def test_every_statement_has_a_card_and_a_labelled_verdict():
    sorter = EthicsSorter()
    assert len(sorter.verdicts) == len(ALL) == len(sorter.feedback)
    for number, (item, verdict) in enumerate(zip(ALL, sorter.verdicts), 1):
        assert isinstance(verdict, Choice)   # the course's accessible radio group, not ipywidgets' toggle buttons
        assert verdict.description == f"Verdict {number}"
        assert verdict.options == [("Honest", "honest"), ("Misleading", "misleading"), ("Lie", "lie")]
        assert verdict.value is None   # nothing chosen for the learner
    assert sorter.check_button.description == "Check my answers"
    assert sorter.result is None and sorter.result_text == "" and sorter.error_text == ""
    assert "nw-ethics" in sorter._dom_classes and "nw-root" in sorter._dom_classes
    # The cards show the situation and the words, escaped for HTML; nothing of the verdict before a check.
    page = "".join(child.value for card in sorter.children[1:1 + len(ALL)] for child in card.children
                   if hasattr(child, "value") and isinstance(child.value, str))
    for item in ALL:
        assert html.escape(item.situation) in page and html.escape(item.statement) in page
        assert html.escape(item.reasoning) not in page
    intro = sorter.children[0].value
    for category in load("ethics")["categories"]:
        assert html.escape(" ".join(category["definition"].split())) in intro


def test_a_check_with_statements_missing_names_them_and_keeps_every_answer():
    ids = ["invented-offer", "standard-template", "board-policy", "false-floor", "true-batna"]
    sorter = EthicsSorter(ids)
    assert [s.id for s in sorter.statements] == ids
    sorter.verdicts[0].value = "lie"          # right
    sorter.verdicts[1].value = "honest"       # wrong: it is misleading
    sorter.verdicts[3].value = "lie"          # right
    sorter.check()
    assert sorter.error_text == "Statements 3 and 5 have no verdict yet."
    assert "role='alert'" in sorter.error.value and "Statements 3 and 5 have no verdict yet." in sorter.error.value
    assert (sorter.result.right, sorter.result.wrong, sorter.result.unanswered) == (2, 1, 2)
    assert sorter.result_text.startswith("2 of 5 right so far; 2 have no verdict yet.")
    assert html.escape(sorter.result_text) in sorter.summary.value
    assert [v.value for v in sorter.verdicts] == ["lie", "honest", None, "lie", None]   # nothing lost

    first, second, third = (f.value for f in sorter.feedback[:3])
    kwame, sofia = ALL[0], ALL[1]
    assert "Right: this is a lie." in first and html.escape(kwame.reasoning) in first
    assert html.escape(kwame.rewrite) in first and "To revisit: lesson 03, Aspiration value." in first
    assert "Not quite: you said honest, but this is misleading." in second and html.escape(sofia.rewrite) in second
    # A statement without a verdict gives nothing away.
    assert "No verdict yet" in third and html.escape(ethics_statements(["board-policy"])[0].reasoning) not in third

    # Choosing a missing verdict updates the sentence beside the button; the last one clears it.
    sorter.verdicts[2].value = "honest"
    assert sorter.error_text == "Statement 5 has no verdict yet."
    sorter.verdicts[4].value = "honest"
    assert sorter.error_text == "" and sorter.error.value == ""
    sorter.check()
    assert sorter.result_text.startswith("4 of 5 right.") and sorter.result.complete


def test_all_right_and_all_wrong():
    sorter = EthicsSorter()
    for item, verdict in zip(ALL, sorter.verdicts):
        verdict.value = TRUTH[item.id]
    sorter.check()
    assert sorter.error_text == ""
    assert sorter.result_text.startswith(f"{len(ALL)} of {len(ALL)} right.")
    assert all("Right: this is" in f.value for f in sorter.feedback)
    for item, verdict in zip(ALL, sorter.verdicts):
        verdict.value = WRONG[TRUTH[item.id]]
    sorter.check()
    assert sorter.result_text.startswith(f"0 of {len(ALL)} right.")
    assert sorter.result.wrong == len(ALL) and all("Not quite" in f.value for f in sorter.feedback)


def test_a_verdict_changed_after_a_check_asks_for_another_check():
    sorter = EthicsSorter(["invented-offer", "board-policy"])
    sorter.verdicts[0].value, sorter.verdicts[1].value = "lie", "honest"
    sorter.check()
    sorter.verdicts[0].value = "misleading"
    assert "Changed since your last check" in sorter.feedback[0].value
    assert "Right: this is honest." in sorter.feedback[1].value   # the other card keeps its feedback
    sorter.verdicts[0].value = "lie"   # back to the verdict that was checked: its feedback returns
    assert "Right: this is a lie." in sorter.feedback[0].value
    sorter.verdicts[0].value = "honest"
    sorter.check()
    assert "Not quite: you said honest, but this is a lie." in sorter.feedback[0].value
    assert sorter.result.right == 1


def test_a_subset_with_an_unknown_id_is_refused_with_a_sentence():
    with pytest.raises(ValueError, match="There is no statement called 'bluff' in the ethics sorter"):
        EthicsSorter(["invented-offer", "bluff"])
