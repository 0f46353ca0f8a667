"""The raise case: the ask (an amount, or read off the market by lesson 03's aspiration_from_benchmarks), where it
and the salary sit, the email draft and the answers to the hard questions. Every number they show is an input or
computed from the inputs; nothing mentions an offer the learner does not have, a deadline or a commitment; bad
input gets a sentence that names the part of the case it is about."""

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.data import load
from negwidgets.model import (aspiration_from_benchmarks, bargaining_zone, running_example, running_example_criteria,
                              salary_benchmarks)
from negwidgets.model.raise_case import (MAX_EVIDENCE, MAX_PERCENTILES, OUTSIDE_OPTIONS, Evidence, Fallback,
                                         RaiseCase, RaiseCaseError, email_draft, example_raise_case, fallback_kinds,
                                         justification, market_position, parse_percentile, prepared_questions,
                                         questions_to_prepare, raise_case, raise_case_text, raise_percent)

MARKET = {25: 64_000, 50: 72_000, 75: 83_000, 90: 89_000}


# Independent formatting: the course writes $78,000, 6.4% and 75th (checked here without the package's helpers).
def dollars(amount: float) -> str:
    return f"{'-' if round(amount) < 0 else ''}${abs(round(amount)):,}"


def rate(fraction: float) -> str:
    return f"{round(fraction * 100, 1):g}%"


def ordinal(n: float) -> str:
    if not float(n).is_integer():
        return f"{n:g}th"
    n = int(n)
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def assert_a_sentence(message):
    assert message[:1].isupper() and message.rstrip().endswith((".", "?")), message
    assert "Traceback" not in message and "Error" not in message


# -- Ana's example ---------------------------------------------------------------------------------------------

def test_anas_case_is_the_course_data_and_fits_the_running_example():
    ana = example_raise_case()
    data = load("raise_example")
    table = salary_benchmarks("Data analyst")
    assert dict(ana.market) == {float(p): table[p] for p in (25.0, 50.0, 75.0, 90.0)}
    # One year after the job offer of lessons 02-12, her salary lies inside that negotiation's zone.
    candidate, employer = running_example()
    zone = bargaining_zone(candidate.reservation, employer.reservation)
    # One story: the salary the total-compensation example starts from (tests/test_one_story.py ties both to
    # lesson 12's close).
    from negwidgets.model import example_raise_or_move
    agreed = example_raise_or_move().current.salary
    assert ana.current_salary == data["current_salary"] == agreed
    assert zone.low <= ana.current_salary <= zone.high
    # Her ask is lesson 03's reading of the survey at the 75th percentile: her strongest standard in lesson 06.
    assert ana.target_percentile == 75 and ana.ask_amount is None
    assert ana.ask == aspiration_from_benchmarks(MARKET, 75).aspiration == 83_000
    survey = next(c for c in running_example_criteria() if c.name.startswith("Salary survey, 75th"))
    assert survey.value == ana.ask
    assert ana.raise_amount == 83_000 - agreed and ana.raise_percent == pytest.approx((83_000 - agreed) / agreed)
    assert ana.outside_option == "offer" and ana.warnings == () and ana.suggestions == ()
    assert all(item.has_number for item in ana.evidence)


def test_anas_email_cites_her_figures_results_ask_and_fallbacks():
    ana = example_raise_case()
    draft = email_draft(ana)
    assert "\n" not in draft and draft.startswith("Hi Sam, I'd like to talk with you about my salary before this "
                                                  "year's reviews.")
    assert ("According to this year's salary survey for data analysts in our region, the 50th percentile is $72,000 "
            "and the 75th is $83,000; my salary is $79,000.") in draft
    assert "automated the monthly report (saves the team 2 days a month)" in draft
    salary = example_raise_case().current_salary
    assert (f"I'd like to ask for $83,000, a raise of {dollars(83_000 - salary)} ({rate((83_000 - salary) / salary)}) that "
            f"brings me to the 75th percentile.") in draft
    assert ("If the budget is fixed this cycle, I'd like to discuss leading the reporting for the new product line, "
            "the title Senior data analyst and a salary review in six months.") in draft
    assert draft.endswith("When would be a good time for you to talk? Thank you.")
    assert justification(ana).startswith("I'm asking for $83,000 because it's the 75th percentile in this year's")


def test_anas_questions_are_the_five_hard_ones_with_answers_from_her_case():
    ana = example_raise_case()
    questions = prepared_questions(ana)
    assert [q.question for q in questions] == [
        "Why $83,000?", "What are you earning compared with your peers?", "Is there a budget this cycle?",
        "What if we can't move on salary until next year?", "Are you looking elsewhere?"]
    why, peers, budget, next_year, elsewhere = questions
    assert why.answer.startswith("It's the 75th percentile in this year's salary survey")
    assert all(dollars(v) in peers.answer for v in MARKET.values()) and "my salary is $79,000" in peers.answer
    assert budget.you_ask and not any(q.you_ask for q in questions if q is not budget)
    for answer in (budget.answer, next_year.answer):
        assert all(f.detail in answer for f in ana.fallbacks)
    assert elsewhere.answer.startswith("Yes, I have an offer from another employer.")   # the start-up's
    assert "offer" not in email_draft(ana)   # the email never raises it
    lines = questions_to_prepare(ana)
    assert lines == [str(q) for q in questions] and all(q.answer in line for q, line in zip(questions, lines))
    text = raise_case_text(ana)
    assert text.startswith(email_draft(ana)) and all(q.answer in text and q.note in text for q in questions)


# -- the ask -----------------------------------------------------------------------------------------------------

increasing_market = st.lists(st.integers(1, 99), min_size=2, max_size=6, unique=True).flatmap(
    lambda percentiles: st.lists(st.integers(20_000, 300_000), min_size=len(percentiles), max_size=len(percentiles))
    .map(lambda salaries: dict(zip(sorted(percentiles), sorted(salaries)))))


@given(increasing_market, st.floats(0, 1), st.floats(0.05, 0.99))
def test_an_ask_from_a_percentile_is_lesson_03s_reading_of_the_market(market, where, below):
    low, high = min(market), max(market)
    percentile = round(low + (high - low) * where, 1)
    expected = aspiration_from_benchmarks(market, percentile).aspiration
    current = expected * below
    case = raise_case(current, market, target_percentile=percentile)
    assert case.ask == expected and case.target_percentile == percentile
    assert case.raise_percent == pytest.approx((expected - current) / current)
    draft = email_draft(case)
    about = "" if percentile in market else "about "
    assert f"that brings me to {about}the {ordinal(percentile)} percentile." in draft


def test_the_ask_is_placed_among_the_figures_in_their_own_percentiles():
    def place(ask):
        return email_draft(raise_case(60_000, MARKET, ask=ask)).split(" that ", 1)[1].split(".")[0]

    assert place(83_000) == "brings me to the 75th percentile"
    assert place(85_000) == "brings me between the 75th and 90th percentiles"
    assert place(95_000) == "takes me above the 90th percentile"
    assert place(62_000) == "still leaves me below the 25th percentile"
    assert market_position(MARKET, 78_000).describe() == "between the 50th ($72,000) and 75th ($83,000) percentiles"
    assert market_position(MARKET, 64_000).exact and market_position(MARKET, 50_000).below is None
    assert raise_percent(78_000, 83_000) == pytest.approx(5 / 78)


def test_the_email_cites_the_figures_from_the_salary_to_the_ask():
    cited = raise_case(78_000, MARKET, ask=85_000).cited_figures()
    assert [p for p, _ in cited] == [50, 75, 90]
    assert [p for p, _ in raise_case(60_000, MARKET, ask=63_000).cited_figures()] == [25]
    assert [p for p, _ in raise_case(95_000, MARKET, ask=99_000).cited_figures()] == [90]


# -- honest words ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("option", list(OUTSIDE_OPTIONS))
def test_no_draft_mentions_an_offer_a_deadline_or_a_threat(option):
    case = raise_case(78_000, MARKET, [("Automated the monthly report", "saves the team 2 days a month")],
                      ask=83_000, fallbacks=[("remote_days", ""), ("training", "")], outside_option=option)
    draft = email_draft(case).lower()
    for word in ("offer", "deadline", "elsewhere", "otherwise", "or else", "leave", "resign", "by friday",
                 "end of", "must", "need an answer", "promise", "will stay", "competing"):
        assert word not in draft, word
    assert "if the budget is fixed this cycle, i'd like to discuss more days working from home and a training budget." in draft
    assert draft.endswith("when would be a good time for you to talk? thank you.")


def test_only_the_learner_with_an_offer_says_they_have_one():
    answers = {option: {q.question: q.answer for q in prepared_questions(raise_case(78_000, MARKET, ask=83_000,
                                                                                    outside_option=option))}
               for option in OUTSIDE_OPTIONS}
    elsewhere = {option: qa.pop("Are you looking elsewhere?") for option, qa in answers.items()}
    assert elsewhere["none"].startswith("No, I'm not looking elsewhere.") and "offer" not in elsewhere["none"]
    assert "I don't have an offer" in elsewhere["looking"] and "not looking" not in elsewhere["looking"]
    assert elsewhere["offer"].startswith("Yes, I have an offer from another employer.")
    # The other answers do not depend on it, and none of them mentions an offer.
    assert answers["none"] == answers["looking"] == answers["offer"]
    assert not [a for a in answers["offer"].values() if "offer" in a.lower()]


def test_without_results_the_draft_rests_on_the_market_and_the_case_asks_for_one():
    case = raise_case(78_000, MARKET, ask=83_000)
    draft = email_draft(case)
    assert "What I've delivered" not in draft and "Given these results" not in draft and "results" not in draft
    assert "I'd like to ask for $83,000, a raise of $5,000" in draft
    assert "If the budget is fixed" not in draft and "Hello, I'd like to talk with you about my salary." in draft
    assert "According to the salary figures I found," in draft
    assert case.suggestions[0].startswith("Add one result with a number")
    assert any("where your market figures come from" in s for s in case.suggestions)
    assert any("if the budget is fixed" in s for s in case.suggestions)
    answers = {q.question: q.answer for q in prepared_questions(case)}
    assert answers["Why $83,000?"] == "It's the 75th percentile in the salary figures I found."
    assert "results" not in answers["Are you looking elsewhere?"]
    # With no fallback chosen, the answers still ask for a date to look at salary again.
    assert "a date to review my salary again" in answers["What if we can't move on salary until next year?"]


def test_a_result_without_a_number_is_flagged_and_a_number_in_words_counts():
    case = raise_case(78_000, MARKET, [("Trained the new analysts", "they work on their own"),
                                       ("Cut report errors", "by half"), ("Ran the Q3 audit", "")], ask=83_000,
                      market_source="A survey")
    assert [s for s in case.suggestions if s.startswith("Give")] == [
        "Give 'Trained the new analysts' a number: the hours, the money or the people it changed."]
    assert "ran the Q3 audit;" not in email_draft(case) and "ran the Q3 audit." in email_draft(case)


def test_an_ask_above_the_top_figure_is_a_warning_and_the_draft_says_so():
    bare = raise_case(78_000, MARKET, ask=95_000)
    assert "you have listed no results" in bare.warnings[0] and "$89,000" in bare.warnings[0]
    backed = raise_case(78_000, MARKET, [("Led the data platform migration", "3 teams moved in 6 weeks")], ask=95_000)
    assert "your results must" in backed.warnings[0]
    assert "that takes me above the 90th percentile." in email_draft(backed)
    why = prepared_questions(backed)[0]
    assert why.answer.startswith("It's above the 90th percentile ($89,000)") and why.note == backed.warnings[0]
    assert raise_case(78_000, MARKET, ask=89_000).warnings == ()


def test_fallback_kinds_are_the_courses_with_one_line_each():
    kinds = fallback_kinds()
    assert [k.key for k in kinds] == ["scope", "title", "remote_days", "training", "workload", "review_date"]
    for kind in kinds:
        assert kind.name and "\n" not in kind.description and kind.description.endswith(".")
        assert kind.phrase[:1].islower() and not kind.phrase.endswith(".")
    assert Fallback("workload").phrase() == "a lighter workload"
    assert Fallback("title", "  the title   Senior analyst. ").phrase() == "the title Senior analyst"


# -- every number comes from the case --------------------------------------------------------------------------

NUMBER = re.compile(r"\$?\d[\d,]*(?:\.\d+)?(?:%|st|nd|rd|th)?")


def numbers_in(text: str) -> set[str]:
    return {token.rstrip(",") for token in NUMBER.findall(text)}


words = st.one_of(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8).filter(lambda w: w != "offer"),
                  st.integers(1, 999).map(str))
phrase = st.lists(words, min_size=1, max_size=5).map(" ".join)
maybe_phrase = st.one_of(st.just(""), phrase)


@st.composite
def cases(draw):
    market = draw(increasing_market)
    current = draw(st.integers(10_000, 400_000))
    low, high = min(market), max(market)
    if draw(st.booleans()):
        target = draw(st.integers(low, high))
        if aspiration_from_benchmarks(market, target).aspiration <= current:
            current = int(aspiration_from_benchmarks(market, target).aspiration * 0.9)
        ask = {"target_percentile": target}
    else:
        ask = {"ask": current + draw(st.integers(1, 100_000))}
    evidence = draw(st.lists(st.tuples(phrase.map(str.capitalize), maybe_phrase), max_size=3))
    kinds = draw(st.lists(st.sampled_from([k.key for k in fallback_kinds()]), unique=True, max_size=3))
    fallbacks = [(kind, draw(maybe_phrase)) for kind in kinds]
    texts = dict(manager_name=draw(maybe_phrase).title(), timing=draw(maybe_phrase), market_source=draw(maybe_phrase))
    option = draw(st.sampled_from(list(OUTSIDE_OPTIONS)))
    return raise_case(current, market, evidence, fallbacks=fallbacks, outside_option=option, **ask, **texts)


@settings(max_examples=150, deadline=None)
@given(cases())
def test_every_number_in_the_draft_and_the_answers_is_an_input_or_computed_from_them(case):
    computed = {dollars(case.current_salary), dollars(case.ask), dollars(case.raise_amount),
                rate((case.ask - case.current_salary) / case.current_salary)}
    computed |= {dollars(v) for _, v in case.market} | {ordinal(p) for p, _ in case.market}
    if case.target_percentile is not None:
        computed.add(ordinal(case.target_percentile))
    typed = " ".join([case.manager_name, case.timing, case.market_source,
                      *(f"{e.what} {e.result}" for e in case.evidence), *(f.detail for f in case.fallbacks)])
    allowed = computed | numbers_in(typed)
    draft = email_draft(case)
    assert numbers_in(draft) <= allowed, numbers_in(draft) - allowed
    for question in prepared_questions(case):
        shown = numbers_in(f"{question.question} {question.answer} {question.note}")
        assert shown <= allowed, (question.question, shown - allowed)
    # ... and the numbers that matter are there: the salary, the ask and the raise.
    assert {dollars(case.current_salary), dollars(case.ask), dollars(case.raise_amount)} <= numbers_in(draft)
    # The email never raises an outside offer: "offer" appears only where the learner typed it themselves.
    assert draft.lower().count("offer") <= typed.lower().count("offer")
    assert draft.endswith("Thank you.") and "\n" not in draft
    assert math.isfinite(case.raise_percent) and case.raise_percent > 0


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**20, 10**20)),
       st.dictionaries(st.floats(-10, 110), st.floats(allow_nan=True, allow_infinity=True), max_size=5),
       st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)))
def test_any_numbers_give_a_case_or_a_sentence(current, market, ask):
    try:
        case = raise_case(current, market, ask=ask, target_percentile=None if ask is not None else 50)
    except RaiseCaseError as error:
        assert_a_sentence(str(error))
        assert error.field in {"current_salary", "ask", "market"}
        return
    assert math.isfinite(case.raise_percent) and case.ask > case.current_salary > 0
    assert email_draft(case)


# -- bad input ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("make, field, words", [
    (lambda: raise_case(78_000, MARKET, ask=75_000), "ask", "below your current salary ($78,000)"),
    (lambda: raise_case(78_000, MARKET, ask=78_000), "ask", "is your current salary"),
    (lambda: raise_case(78_000, MARKET), "ask", "either as an amount or as the percentile"),
    (lambda: raise_case(78_000, MARKET, ask=83_000, target_percentile=75), "ask", "(one of the two)"),
    (lambda: raise_case(78_000, MARKET, target_percentile=95), "ask", "outside your data (25th to 90th)"),
    (lambda: raise_case(78_000, MARKET, target_percentile=50), "ask", "aim for a higher percentile"),
    (lambda: raise_case(78_000, MARKET, target_percentile="top"), "ask", "I could not read 'top'"),
    (lambda: raise_case(0, MARKET, ask=83_000), "current_salary", "type what you are paid a year"),
    (lambda: raise_case(float("nan"), MARKET, ask=83_000), "current_salary", "not a number"),
    (lambda: raise_case(78_000, {50: 72_000}, ask=83_000), "market", "at least two benchmark figures"),
    (lambda: raise_case(78_000, {50: 83_000, 75: 72_000}, ask=90_000), "market", "a higher percentile never pays less"),
    (lambda: raise_case(78_000, {0: 60_000, 50: 72_000}, ask=90_000), "market", "between 0 and 100"),
    (lambda: raise_case(78_000, [(50, 72_000), ("50th", 73_000)], ask=90_000), "market", "the 50th percentile twice"),
    (lambda: raise_case(78_000, {25: -5, 50: 72_000}, ask=90_000), "market", "a salary is above zero"),
    (lambda: raise_case(78_000, {p: 1_000 * p for p in range(1, MAX_PERCENTILES + 2)}, ask=200_000), "market",
     "are plenty"),
    (lambda: raise_case(78_000, MARKET, [("", "saves a day")], ask=83_000), "evidence", "needs what you did"),
    (lambda: raise_case(78_000, MARKET, [("Did it", "x" * 200)], ask=83_000), "evidence", "characters long"),
    (lambda: raise_case(78_000, MARKET, [("Did it", "")] * (MAX_EVIDENCE + 1), ask=83_000), "evidence", "your best"),
    (lambda: raise_case(78_000, MARKET, ["Did it"], ask=83_000), "evidence", "one or two parts"),
    (lambda: raise_case(78_000, MARKET, ask=83_000, fallbacks=[("bonus", "")]), "fallbacks", "the course knows"),
    (lambda: raise_case(78_000, MARKET, ask=83_000, fallbacks=[("title", "a"), ("title", "b")]), "fallbacks",
     "'Title' twice"),
    (lambda: raise_case(78_000, MARKET, ask=83_000, outside_option=True), "conversation", "another offer"),
    (lambda: raise_case(78_000, MARKET, ask=83_000, manager_name=5), "conversation", "must be text"),
])
def test_bad_input_gets_a_sentence_about_its_part_of_the_case(make, field, words):
    with pytest.raises(RaiseCaseError) as caught:
        make()
    assert words in str(caught.value) and caught.value.field == field
    assert_a_sentence(str(caught.value))


def test_typed_percentiles_are_read_as_people_write_them():
    assert [parse_percentile(t) for t in ("75", "75th", " 90 percentile", "62.5%", "1st")] == [75, 75, 90, 62.5, 1]
    for text, words in (("", "is empty"), ("100", "outside that range"), ("abc", "could not read 'abc'")):
        with pytest.raises(ValueError, match=words):
            parse_percentile(text)


def test_the_case_is_frozen_and_checked_when_made():
    ana = example_raise_case()
    with pytest.raises(AttributeError):
        ana.current_salary = 90_000
    assert RaiseCase(78_000, MARKET, target_percentile=75) == raise_case(78_000, MARKET, target_percentile=75)
    assert Evidence("Automated the report.", " saves\n2 days ") == Evidence("Automated the report", "saves 2 days")
