"""The ethics sorter's model: its statements load and cover what lesson 14 needs; scoring counts right, wrong and
unanswered; bad answers and damaged data are refused with a sentence that names the entry."""

import copy
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.data import load
from negwidgets.model import (VERDICTS, EthicsStatement, ethics_categories, ethics_statement, ethics_statements,
                              sort_statements, validate_ethics_data)

STATEMENTS = ethics_statements()
IDS = [s.id for s in STATEMENTS]
TRUTH = {s.id: s.verdict for s in STATEMENTS}

# What lesson 14's brief asks the sorter to cover, and the verdict each must carry (written here from the
# brief, not read from the data).
REQUIRED = {
    "invented-offer": "lie",          # "I have another offer", with none
    "standard-template": "misleading",  # "standard contract" for a template they routinely change
    "board-policy": "honest",         # ... when it truly is non-negotiable policy
    "silent-weakness": "honest",      # silence about a weakness nobody asked about
    "busy-dodge": "misleading",       # a direct question answered with a dodge that implies a falsehood
    "false-floor": "lie",             # "I can't go below X" when you can
    "inflated-salary": "lie",         # current salary inflated
    "declined-salary": "honest",      # ... or declined
    "one-high-rate": "misleading",    # a rate one client once paid, offered as the norm
    "real-deadline": "honest",        # "answer by Friday" with a real reason
    "invented-deadline": "lie",       # ... with an invented one
    "very-interested": "honest",      # "we're very interested", and they are
    "hoped-funding": "lie",           # "my university will cover the licence", only hoped
    "cheaper-model": "misleading",    # "seen it cheaper", for a worse model
    "true-batna": "honest",           # a true BATNA revealed strategically
}


def assert_a_sentence(message):
    # A sentence may open with the learner's own word, quoted ("'maybe' is not one of ...").
    assert (message[:1].isupper() or message[:1] == "'") and message.rstrip().endswith("."), message
    assert "Traceback" not in message and "KeyError" not in message


def damaged(**changes):
    """The package's data, deep-copied (the loaded file is cached and must not change), with the first
    statement's fields changed (``None`` removes a field)."""
    data = copy.deepcopy(load("ethics"))
    entry = data["statements"][0]
    for key, value in changes.items():
        if value is None:
            entry.pop(key, None)
        else:
            entry[key] = value
    return data


# -- the data ------------------------------------------------------------------------------------------------------

def test_the_three_categories_are_defined_in_order():
    categories = ethics_categories()
    assert [c.key for c in categories] == ["honest", "misleading", "lie"] == list(VERDICTS)
    assert [c.name for c in categories] == ["Honest", "Misleading", "Lie"]
    for category in categories:
        assert category.definition.endswith(".") and len(category.definition) > 80
    # Each definition draws the line the statements need: withholding is honest, true words can mislead, and
    # a lie includes statements about yourself and hopes stated as settled.
    honest, misleading, lie = (c.definition for c in categories)
    assert "Keeping information to yourself" in honest
    assert "paltering" in misleading and "dodge" in misleading
    assert "not settled" in lie and "your limit" in lie


def test_the_statements_cover_the_lesson_with_the_verdicts_it_asks_for():
    assert 12 <= len(STATEMENTS) <= 16
    assert {sid: TRUTH[sid] for sid in REQUIRED} == REQUIRED
    assert len(set(IDS)) == len(IDS)
    counts = {v: list(TRUTH.values()).count(v) for v in VERDICTS}
    assert min(counts.values()) >= 4, counts   # no verdict is so rare that guessing the others pays


def test_every_statement_is_complete_and_has_a_truthful_rewrite():
    for item in STATEMENTS:
        for field in ("speaker", "situation", "statement", "reasoning", "rewrite"):
            assert getattr(item, field).strip(), (item.id, field)
        assert item.speaker in item.situation, item.id   # the situation says whose truth it describes
        assert len(item.reasoning) > 150, item.id       # why it tempts, why the verdict, where the line lies
        if item.verdict != "honest":
            assert item.rewrite != item.statement, item.id
    # A rewrite keeps to what the situation makes true: it never claims another offer unless the speaker has one.
    for item in STATEMENTS:
        if "offer" in item.rewrite.lower() and item.id != "true-batna":
            assert "don't have another offer" in item.rewrite, item.id


def test_speakers_are_varied():
    speakers = {s.speaker for s in STATEMENTS}
    assert len(speakers) >= len(STATEMENTS) - 2


def test_the_reservation_value_statement_explains_the_grey_area_and_the_course_standard():
    floor = ethics_statement("false-floor")
    assert "puffery" in floor.reasoning and "grey area" in floor.reasoning
    assert "The course treats it as a lie." in floor.reasoning
    assert floor.rewrite.startswith("My price is $40,000")
    weakness = ethics_statement("silent-weakness")
    assert "Withholding is not lying." in weakness.reasoning
    assert "in many places the law requires" in weakness.reasoning


def test_money_is_written_as_the_course_writes_it():
    money = re.compile(r"\$(\d+)")
    for item in STATEMENTS:
        for text in (item.situation, item.statement, item.reasoning, item.rewrite):
            for match in re.finditer(r"\$[\d.,]+[kKmM]?", text):
                amount = match.group(0).rstrip(".,")
                digits = money.match(amount).group(1)
                expected = f"${int(amount[1:].replace(',', '')):,}"
                assert amount == expected and (len(digits) <= 3), (item.id, amount)


def test_a_lesson_to_revisit_is_a_lesson_of_the_course():
    titles = {lesson["number"]: lesson["title"] for lesson in load("course")["lessons"]}
    for item in STATEMENTS:
        if item.lesson is not None:
            assert item.revisit() == f"To revisit: lesson {item.lesson}, {titles[item.lesson]}."
    assert EthicsStatement("x", "A", "A is.", "Hi.", "honest", "Why.", "Hi.").revisit() == ""


def test_a_subset_is_returned_in_the_order_asked():
    assert [s.id for s in ethics_statements(["true-batna", "invented-offer"])] == ["true-batna", "invented-offer"]
    assert ethics_statement("hoped-funding").speaker == "Priya"


# -- scoring -------------------------------------------------------------------------------------------------------

def test_scoring_counts_right_wrong_and_unanswered():
    ids = ["invented-offer", "standard-template", "board-policy", "false-floor"]
    sorting = sort_statements({"invented-offer": "lie", "standard-template": "honest", "false-floor": "Lie "},
                              statements=ids)
    assert [r.status for r in sorting.results] == ["right", "wrong", "unanswered", "right"]
    assert [r.number for r in sorting.results] == [1, 2, 3, 4]
    assert (sorting.right, sorting.wrong, sorting.unanswered, sorting.total) == (2, 1, 1, 4)
    assert sorting.results[3].answer == "lie"   # read in any case, spaces trimmed
    assert sorting.missing_text == "Statement 3 has no verdict yet."
    assert sorting.describe().startswith("2 of 4 right so far; 1 has no verdict yet. ")
    assert sorting.results[1].feedback() == "Not quite: you said honest, but this is misleading."
    assert sorting.results[2].feedback() == "No verdict yet: choose honest, misleading or lie."


def test_a_perfect_set_and_the_sentence_for_each_kind_of_mistake():
    perfect = sort_statements(dict(TRUTH))
    assert (perfect.right, perfect.wrong, perfect.unanswered) == (len(IDS), 0, 0)
    assert perfect.describe().startswith(f"{len(IDS)} of {len(IDS)} right. ")
    assert perfect.mistake_notes == ()
    mistakes = load("ethics")["mistakes"]
    for truth in VERDICTS:
        for answer in VERDICTS:
            if truth == answer:
                continue
            wrong = [sid for sid in IDS if TRUTH[sid] == truth][:2]
            sorting = sort_statements({sid: answer for sid in wrong}, statements=wrong)
            # The same kind of mistake twice gives its sentence once.
            assert sorting.mistake_notes == (" ".join(mistakes[f"{truth}-as-{answer}"].split()),)
            assert sorting.describe() == f"0 of 2 right. {sorting.mistake_notes[0]}"


def test_statements_without_a_verdict_are_named_in_order():
    ids = IDS[:7]
    sorting = sort_statements({ids[0]: TRUTH[ids[0]], ids[3]: None, ids[5]: "honest"}, statements=ids)
    assert sorting.unanswered_numbers == (2, 3, 4, 5, 7)
    assert sorting.missing_text == "Statements 2, 3, 4, 5 and 7 have no verdict yet."
    two = sort_statements({}, statements=ids[:2])
    assert two.missing_text == "Statements 1 and 2 have no verdict yet." and two.right == 0


answer_sets = st.lists(st.sampled_from(VERDICTS), min_size=len(IDS), max_size=len(IDS))


@settings(max_examples=200, deadline=None)
@given(verdicts=answer_sets)
def test_any_complete_answer_set_is_scored_in_full(verdicts):
    answers = dict(zip(IDS, verdicts))
    sorting = sort_statements(answers)
    assert sorting.complete and sorting.unanswered == 0 and sorting.missing_text == ""
    assert sorting.right + sorting.wrong == sorting.total == len(IDS)
    assert sorting.right == sum(answers[sid] == TRUTH[sid] for sid in IDS)
    assert sorting.describe().startswith(f"{sorting.right} of {len(IDS)} right.")
    # One sentence for each kind of mistake made, none for a kind not made.
    kinds = {(TRUTH[sid], answers[sid]) for sid in IDS if answers[sid] != TRUTH[sid]}
    assert len(sorting.mistake_notes) == len(kinds)


@settings(max_examples=200, deadline=None)
@given(chosen=st.lists(st.sampled_from(IDS), min_size=1, unique=True),
       verdicts=st.lists(st.sampled_from((*VERDICTS, None)), min_size=16, max_size=16))
def test_any_partial_answer_set_adds_up(chosen, verdicts):
    answers = {sid: verdict for sid, verdict in zip(chosen, verdicts)}
    sorting = sort_statements(answers, statements=chosen)
    assert [r.statement.id for r in sorting.results] == chosen
    assert sorting.right + sorting.wrong + sorting.unanswered == len(chosen)
    missing = [n for n, sid in enumerate(chosen, 1) if answers.get(sid) is None]
    assert list(sorting.unanswered_numbers) == missing
    assert (sorting.missing_text == "") == (not missing)


# -- bad input -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("answers, statements, message", [
    ({"invented-offer": "maybe"}, None, "'maybe' is not one of the three verdicts: honest, misleading or lie."),
    ({"invented-offer": 1}, None, "The verdict for 'invented-offer' must be one of the three verdicts: honest, "
                                  "misleading or lie, not 1."),
    ({"bluff": "lie"}, None, "There is no statement called 'bluff' in the ethics sorter, so it cannot have a verdict."),
    ({"true-batna": "honest"}, ["invented-offer"], "The statement 'true-batna' is not among the statements being "
                                                   "sorted here."),
    (["lie"], None, "Give the answers as a mapping from statement id to verdict, such as {'invented-offer': 'lie'}, "
                    "not ['lie']."),
    ({}, ["invented-offer", "invented-offer"], "The statement 'invented-offer' is chosen twice: name each statement "
                                               "once."),
    ({}, "invented-offer", "Name the statements as a list of ids, such as ['invented-offer', 'true-batna'], not "
                           "'invented-offer'."),
    ({}, [], "Choose at least one statement for the sorter."),
])
def test_bad_answers_are_refused_with_a_sentence(answers, statements, message):
    with pytest.raises(ValueError) as error:
        sort_statements(answers, statements=statements)
    assert str(error.value) == message
    assert_a_sentence(str(error.value))


def test_an_unknown_statement_id_names_the_ones_there_are():
    with pytest.raises(ValueError, match="There is no statement called 'bluff'") as error:
        ethics_statement("bluff")
    assert all(sid in str(error.value) for sid in IDS)
    with pytest.raises(ValueError, match="There is no statement called 3"):
        ethics_statements([3])


# -- damaged data --------------------------------------------------------------------------------------------------

def test_the_package_data_passes_its_own_check():
    bank = validate_ethics_data(copy.deepcopy(load("ethics")))
    assert bank.statements == STATEMENTS and bank.categories == ethics_categories()


FIRST = load("ethics")["statements"][0]["id"]


@pytest.mark.parametrize("changes, message", [
    ({"verdict": "maybe"}, f"Statement '{FIRST}' has the verdict 'maybe', which is not one of the three verdicts: "
                           "honest, misleading or lie."),
    ({"rewrite": None}, f"Statement '{FIRST}' has no rewrite."),
    ({"reasoning": "   "}, f"Statement '{FIRST}' has no reasoning."),
    ({"situation": ["a", "list"]}, f"Statement '{FIRST}': its situation must be text, not ['a', 'list']."),
    ({"verdit": "lie"}, f"Statement '{FIRST}' has a field the sorter does not know: 'verdit'."),
    ({"lesson": "99"}, f"Statement '{FIRST}' points to lesson '99', which the course does not have: write its number "
                       "as text, such as \"02\"."),
    ({"lesson": 2}, f"Statement '{FIRST}' points to lesson 2, which the course does not have: write its number as "
                    "text, such as \"02\"."),
    ({"lesson": ["02"]}, f"Statement '{FIRST}' points to lesson ['02'], which the course does not have: write its "
                         "number as text, such as \"02\"."),
    ({"id": None}, "Statement 1 of the sorter's data has no id."),
])
def test_a_damaged_statement_is_reported_by_its_id(changes, message):
    with pytest.raises(ValueError) as error:
        validate_ethics_data(damaged(**changes))
    assert str(error.value) == message
    assert_a_sentence(str(error.value))
    assert ethics_statements()[0].id == FIRST and load("ethics")["statements"][0].get("rewrite")   # cache untouched


def test_damaged_lists_and_categories_are_reported():
    data = damaged()
    data["statements"].append(copy.deepcopy(data["statements"][0]))
    with pytest.raises(ValueError, match=f"Two statements are called '{FIRST}': each needs its own id."):
        validate_ethics_data(data)
    data = damaged()
    data["statements"][2] = "just words"
    with pytest.raises(ValueError, match="Statement 3 of the sorter's data is not an entry"):
        validate_ethics_data(data)
    data = damaged()
    data["categories"] = data["categories"][:2]
    with pytest.raises(ValueError, match="must be honest, misleading and lie, in that order, not honest, misleading"):
        validate_ethics_data(data)
    data = damaged()
    del data["categories"][1]["definition"]
    with pytest.raises(ValueError, match="Category 'misleading' has no definition."):
        validate_ethics_data(data)
    data = damaged()
    del data["mistakes"]["lie-as-honest"]
    with pytest.raises(ValueError, match="has no sentence for the mistake 'lie-as-honest': each kind of mistake"):
        validate_ethics_data(data)
    data = damaged()
    data["mistakes"]["lie-as-lie"] = "Nothing."
    with pytest.raises(ValueError, match="mistake sentence for 'lie-as-lie', which is not a kind of mistake"):
        validate_ethics_data(data)
    for broken in ([], {"categories": [], "statements": []}, {**damaged(), "statements": []}):
        with pytest.raises(ValueError) as error:
            validate_ethics_data(broken)
        assert_a_sentence(str(error.value))
