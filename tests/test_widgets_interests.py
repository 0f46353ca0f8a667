"""The interest map's builder without a browser: rows, suggested questions, errors beside the rows, saving to
the plan file (and refusing to save over a damaged one), and the plan builder keeping the map."""

from negwidgets.model import NegotiationPlan, load_plan, plan_markdown, save_plan
from negwidgets.model.interests import MAX_ROWS, InterestMap, example_interest_map, suggested_question
from negwidgets.widgets import InterestMapBuilder, PlanBuilder


def fill(row, position="", kind="", why="", question="", options=""):
    row.position.value, row.kind.value, row.why.value = position, kind, why
    row.question.value, row.options.value = question, options


def test_rows_make_the_map_and_the_kind_suggests_a_question(tmp_path):
    builder = InterestMapBuilder(path=tmp_path / "plan.json")
    assert len(builder.table.rows) == 1 and builder.interest_map == InterestMap() and builder.error_text == ""
    assert "No positions yet" in builder.result_text
    row = builder.table.rows[0]
    assert row.question.placeholder.startswith("Choose a kind")
    fill(row, "Start in 2 weeks", "time", "A project deadline", "", "Start part-time earlier; start remote")
    assert row.question.placeholder == suggested_question("time") == "What happens if the start date moves?"
    (position,) = builder.interest_map.positions
    assert position.text == "Start in 2 weeks"
    assert position.interests[0].options == ("Start part-time earlier", "start remote")
    assert "Ask: \u201cWhat happens if the start date moves?\u201d" in builder.result_text
    assert "What happens if the start date moves?" in builder.result.value
    # A position may wait for its interest: "Not sure yet" is no kind, and the map says so.
    fill(builder.table.add_row(), "Three days a week in the office")
    assert builder.interest_map.positions[1].interests == ()
    assert "Three days a week in the office. Interest behind it: not guessed yet." in builder.result_text
    # Every control is labelled, and numbered by its row.
    labels = [control.description for control in row.fields.values()]
    assert labels == ["Position 1", "Interest 1", "Why 1", "Question 1", "Options 1"]


def test_a_bad_row_is_explained_beside_the_rows_and_the_last_map_kept(tmp_path):
    builder = InterestMapBuilder(example_interest_map(), path=tmp_path / "plan.json")
    good = builder.interest_map
    row = builder.table.add_row()
    fill(row, why="They are busy")
    assert builder.error_text.startswith("Row 5 has no position") and "role='alert'" in builder.error.value
    assert builder.interest_map == good
    row.position.value = "Start in 2 weeks"
    assert "needs a kind of interest" in builder.error_text
    row.kind.value = "time"
    assert "'Time' twice" in builder.error_text
    builder.save()
    assert "Fix the map above first" in builder.status_text and not (tmp_path / "plan.json").exists()
    row.kind.value = "autonomy"
    assert builder.error_text == "" and len(builder.interest_map.positions[0].interests) == 2
    builder.table.remove_row(row)
    assert builder.interest_map == good
    # After a row goes, the labels are renumbered, so an error's row number names the row as labelled.
    builder.table.remove_row(builder.table.rows[0])
    assert builder.table.rows[0].position.description == "Position 1"
    builder.table.rows[2].position.value = ""
    assert builder.error_text.startswith("Row 3 has no position") and builder.table.rows[2].why.description == "Why 3"


def test_rows_stop_at_the_limit(tmp_path):
    builder = InterestMapBuilder(path=tmp_path / "plan.json")
    for _ in range(MAX_ROWS - 1):
        builder.table.add_row()
    assert builder.table.add_button.disabled
    builder.table.remove_row(builder.table.rows[-1])
    assert not builder.table.add_button.disabled


def test_saving_keeps_the_rest_of_the_plan_and_a_new_builder_reopens_the_map(tmp_path):
    path = tmp_path / "plan.json"
    save_plan(NegotiationPlan(title="My salary", reservation=70_000), path)
    builder = InterestMapBuilder(example_interest_map(), path=path)
    builder.save()
    assert builder.status_text.startswith("Saved to plan.json: 3 positions")
    plan = load_plan(path)
    assert plan.title == "My salary" and plan.interest_map == example_interest_map()
    again = InterestMapBuilder(path=path)
    assert again.interest_map == example_interest_map() and len(again.table.rows) == 4
    # The plan builder shows the map on the page and keeps it when it saves.
    planner = PlanBuilder(path)
    planner.fields["title"].value = "My salary at Northwind"
    planner.save()
    assert load_plan(path).interest_map == example_interest_map()
    assert "They ask for: Start in 2 weeks." in plan_markdown(load_plan(path))


def test_a_damaged_plan_file_is_reported_and_never_saved_over(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text('{"format": "negwidgets-plan", "version": 1, "plan": {"interest_map": {"positions": 5}}}')
    content = path.read_text()
    builder = InterestMapBuilder(path=path)
    assert "cannot take" in builder.status_text and "role='alert'" in builder.status.value
    assert builder.interest_map == InterestMap()
    fill(builder.table.rows[0], "Start in 2 weeks", "time")
    builder.save()
    assert "I left it as it is" in builder.status_text and "Nothing was saved" in builder.status_text
    assert path.read_text() == content
