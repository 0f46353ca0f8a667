"""The interest map: positions, the interests behind them, questions and options; refused input gets a sentence;
the map survives the plan file and a hand-edited map is refused without touching the file."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negwidgets.data import load
from negwidgets.model import NegotiationPlan, PlanFileError, load_plan, plan_html, plan_markdown, save_plan
from negwidgets.model.interests import (MAX_INTERESTS, MAX_OPTION, MAX_OPTIONS, MAX_POSITION, MAX_ROWS, Interest,
                                        InterestMap, Position, example_interest_map, interest_kinds,
                                        load_interest_map, save_interest_map, split_options, suggested_question)
from negwidgets.model.plan_file import backup_path


def assert_a_sentence(message):
    assert message[:1].isupper() and message.rstrip().endswith((".", "?")), message
    assert "Traceback" not in message and "KeyError" not in message


KINDS = [kind.key for kind in interest_kinds()]


def test_the_course_names_the_kinds_of_interest_with_open_questions():
    assert set(KINDS) == {"time", "money", "constraints", "security", "recognition", "growth", "autonomy"}
    for kind in interest_kinds():
        assert kind.name and kind.description.endswith(".")
        assert 1 <= len(kind.questions) <= 2
        for question in kind.questions:
            # Open questions: they ask for an explanation, never a yes or a no.
            assert question.endswith("?") and question.split()[0] in {"What", "How", "Who", "Which", "Where",
                                                                       "Besides", "When", "Why"}, question
        assert suggested_question(kind.key) == kind.questions[0]


def test_anas_example_map_is_the_course_data():
    ana = example_interest_map()
    start = ana.positions[0]
    assert start.text == "Start in 2 weeks"
    assert start.interests[0].kind == "time" and "short-staffed" in start.interests[0].why
    assert start.interests[0].question == "What happens if the start date moves?"
    assert {"Start part-time earlier", "Start remote for the first weeks"} <= set(start.interests[0].options)
    assert ana.as_dict() == load("interests")["example"]  # written exactly as the course data holds it
    assert "$" not in json.dumps(ana.as_dict())  # amounts live in running_example.yaml, not here
    text = ana.describe()
    assert "They ask for: Start in 2 weeks." in text and "\u201cWhat happens if the start date moves?\u201d" in text
    assert text.endswith("3 positions, 4 interests to test, 8 options for a package.")
    assert [q for _, _, q, suggested in ana.questions() if suggested] == []
    assert [(p, k) for p, k, _ in ana.options()][:2] == [("Start in 2 weeks", "Time"),
                                                         ("Salary at the pay band's midpoint",
                                                          "Their constraints and their boss")]


def test_without_your_own_question_the_course_suggests_a_starting_point():
    m = InterestMap((Position("Three days in the office", (Interest("security", "New hires settle in"),)),
                     Position("Start soon")))
    ((position, kind, question, suggested),) = m.questions()
    assert (position, kind, suggested) == ("Three days in the office", "Security", True)
    assert question == suggested_question("security")
    assert m.options() == []
    assert "Start soon. Interest behind it: not guessed yet." in m.describe()


@pytest.mark.parametrize("build, words", [
    (lambda: Position("   "), "position is empty"),
    (lambda: Position("x" * (MAX_POSITION + 1)), "characters long"),
    (lambda: Position(5), "must be text"),
    (lambda: Interest("luck"), "kind of interest the course knows"),
    (lambda: Interest(None), "kind of interest the course knows"),
    (lambda: Interest("time", why="x" * 1000), "characters long"),
    (lambda: Interest("time", options="Start remote"), "list of entries"),
    (lambda: Interest("time", options=("x" * (MAX_OPTION + 1),)), "characters long"),
    (lambda: Interest("time", options=tuple(str(i) for i in range(MAX_OPTIONS + 1))), "keep the best"),
    (lambda: Interest("time", options=("Start remote; part-time",)), "semicolon"),
    (lambda: Position("Start", tuple(Interest(k) for k in KINDS[:MAX_INTERESTS + 1])), "keep the"),
    (lambda: Position("Start", (Interest("time"), Interest("time", "again"))), "twice"),
    (lambda: InterestMap((Position("Start in 2 weeks"), Position("START in 2  weeks"))), "listed twice"),
    (lambda: InterestMap(tuple(Position(f"P{i}") for i in range(MAX_ROWS + 1))), "rows"),
    (lambda: InterestMap("Start"), "must be a list"),
    (lambda: InterestMap.from_rows([("", "time", "A deadline", "", "")]), "Row 1 has no position"),
    (lambda: InterestMap.from_rows([("Start", None, "A deadline", "", "")]), "needs a kind"),
    (lambda: InterestMap.from_rows([("Start", "time", "", "", ""), ("start", "time", "", "", "")]), "twice"),
    (lambda: InterestMap.from_rows([("Start", "time", "", "", ";".join("abcdef"))]), "Row 1"),
])
def test_bad_input_is_refused_with_a_sentence(build, words):
    with pytest.raises(ValueError, match=words) as error:
        build()
    assert_a_sentence(str(error.value))


def test_rows_group_by_position_and_read_back():
    rows = [("Start in 2 weeks", "time", "A deadline", "", "Start remote; start part-time"),
            ("", None, "", "", ""),
            ("Salary at the midpoint", None, "", "", ""),
            (" start in 2 weeks ", "security", "", "What has helped new people settle in?", "")]
    m = InterestMap.from_rows(rows)
    assert [p.text for p in m.positions] == ["Start in 2 weeks", "Salary at the midpoint"]
    assert [i.kind for i in m.positions[0].interests] == ["time", "security"]
    assert m.positions[0].interests[0].options == ("Start remote", "start part-time")
    assert InterestMap.from_rows(m.rows()) == m
    assert split_options(" ; \n ") == ()


# -- property: any valid map survives as_dict/from_dict, JSON and the plan file ------------------------------

texts = st.text(max_size=40)
interests = st.builds(Interest, kind=st.sampled_from(KINDS), why=texts, question=texts,
                      options=st.lists(st.text(max_size=20).filter(lambda o: ";" not in o), max_size=MAX_OPTIONS).map(tuple))
positions = st.builds(Position, text=st.text(min_size=1, max_size=40).filter(str.strip),
                      interests=st.lists(interests, max_size=MAX_INTERESTS, unique_by=lambda i: i.kind).map(tuple))
maps = st.lists(positions, max_size=4, unique_by=lambda p: p.text.casefold()).map(lambda ps: InterestMap(tuple(ps)))


@settings(max_examples=200, deadline=None)
@given(m=maps)
def test_any_map_survives_its_saved_form(m):
    data = json.loads(json.dumps(m.as_dict()))
    assert InterestMap.from_dict(data) == m
    assert InterestMap.from_rows(m.rows()) == m  # what the builder shows reads back as the same map
    assert m.describe() and len(m.questions()) == sum(len(p.interests) for p in m.positions)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(m=maps)
def test_any_map_survives_the_plan_file(tmp_path, m):
    path = tmp_path / "plan.json"
    save_plan(NegotiationPlan(title="Salary", interest_map=m), path)
    assert load_plan(path).interest_map == m
    assert plan_markdown(load_plan(path)).startswith("# My negotiation plan")


def test_saving_the_map_keeps_the_rest_of_the_plan(tmp_path):
    path = tmp_path / "plan.json"
    assert load_interest_map(path) == InterestMap()  # no plan yet: an empty map
    save_plan(NegotiationPlan(title="My salary", reservation=70_000), path)
    save_interest_map(example_interest_map(), path)
    plan = load_plan(path)
    assert plan.title == "My salary" and plan.reservation == 70_000
    assert plan.interest_map == example_interest_map() == load_interest_map(path)
    assert load_plan(backup_path(path)).interest_map == InterestMap()
    # The page shows the map, in the learner's words, escaped.
    assert "## Their positions and the interests behind them" in plan_markdown(plan)
    assert "They ask for: Start in 2 weeks." in plan_markdown(plan)
    assert "They ask for: Start in 2 weeks." in plan_html(plan)
    # A plan without a map shows no empty section.
    assert "Their positions" not in plan_markdown(NegotiationPlan())
    page = plan_html(NegotiationPlan(interest_map=InterestMap((Position("<script>"),))))
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_plans_saved_before_the_map_existed_still_load(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"format": "negwidgets-plan", "version": 1, "plan": {"title": "Old"}}))
    assert load_plan(path).interest_map == InterestMap()


@pytest.mark.parametrize("edit, words", [
    (lambda m: m.update(positions="Start in 2 weeks"), "must be a list"),
    (lambda m: m["positions"][0].update(text=""), "position is empty"),
    (lambda m: m["positions"][0].update(text=7), "must be text"),
    (lambda m: m["positions"][0].pop("interests"), "lacks 'interests'"),
    (lambda m: m["positions"][0].update(colour="red"), "does not know"),
    (lambda m: m["positions"][0]["interests"][0].update(kind="luck"), "kind of interest the course knows"),
    (lambda m: m["positions"][0]["interests"][0].update(options="remote"), "options must be a list"),
    (lambda m: m["positions"][0]["interests"][0].update(options=[1, 2]), "must be text"),
    (lambda m: m["positions"].append(dict(m["positions"][0])), "listed twice"),
    (lambda m: m["positions"].extend({"text": f"P{i}", "interests": []} for i in range(MAX_ROWS)), "rows"),
    (lambda m: m["positions"].__setitem__(0, ["Start"]), "named fields"),
])
def test_a_hand_edited_map_is_refused_and_the_file_left_alone(tmp_path, edit, words):
    path = tmp_path / "plan.json"
    save_plan(NegotiationPlan(title="Mine", interest_map=example_interest_map()), path)
    document = json.loads(path.read_text())
    edit(document["plan"]["interest_map"])
    content = json.dumps(document)
    path.write_text(content)
    with pytest.raises(PlanFileError, match=words) as loading:
        load_plan(path)
    assert_a_sentence(str(loading.value)) and "I left it as it is" in str(loading.value)
    with pytest.raises(PlanFileError, match="I left it as it is"):
        save_interest_map(InterestMap(), path)
    with pytest.raises(PlanFileError, match="I did not save over it"):
        save_plan(NegotiationPlan(), path)
    assert path.read_text() == content
    with pytest.raises(PlanFileError):
        load_interest_map(path)
    for value in (5, "a map", [1]):
        with pytest.raises(ValueError) as error:
            NegotiationPlan(interest_map=value)
        assert_a_sentence(str(error.value))
