"""Lesson 12's plan: every field survives save and load, a crash mid-save never damages the plan, a file
that is not a readable plan is reported and left as it was, and the checks say what is wrong."""

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negwidgets.model import (Alternative, Criterion, NegotiationPlan, PlanFileError, backup_path, export_plan,
                              load_plan, plan_html, plan_markdown, plan_to_json, save_plan, tactic_catalogue,
                              update_plan)
from negwidgets.model.plan import MAX_LINES, MAX_TEXT, PLAN_FIELDS
from negwidgets.model import money, percent, rough_belief
from negwidgets.model import InterestMap, example_collaboration, example_interest_map
from negwidgets.model.plan_file import lock_path
from negwidgets.model.confidence import SKILLS
from negwidgets.model.checks import MAX_AMOUNT
from negwidgets.model.money import DOLLAR_MARKUP

text = st.text(max_size=60)
lines = st.lists(text, max_size=4).map(tuple)
amounts = st.none() | st.floats(min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT)   # beyond it: a sentence
plans = st.builds(
    NegotiationPlan,
    title=text, counterpart=text, wants=st.sampled_from(["more", "less"]), issues=lines, batna=text,
    batna_value=amounts, reservation=amounts, aspiration=amounts, their_reservation=amounts,
    their_aspiration=amounts, opening=amounts, risk_aversion=st.floats(-1e-3, 1e-3),
    alternatives=st.lists(st.builds(Alternative, name=text, value=st.floats(-1e7, 1e7), probability=st.floats(0, 1),
                                    adjustment=st.floats(-1e5, 1e5)), max_size=3).map(tuple),
    criteria=st.lists(st.builds(Criterion, name=text, value=st.floats(0, 1e6), strength=st.integers(1, 5),
                                reason=text), max_size=3).map(tuple),
    their_interests=lines, focal_points=lines, justification=text, opening_plan=text, questions=lines,
    concessions=lines, tactics=st.lists(st.sampled_from([t.id for t in tactic_catalogue()]), max_size=3).map(tuple),
    tactic_notes=lines, walk_away=text, closing=text,
    calculator_notes=st.lists(st.tuples(text, text), max_size=2).map(tuple),
    interest_map=st.sampled_from([InterestMap(), example_interest_map()]),
    collaboration=st.sampled_from([None, example_collaboration()]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=plans)
def test_every_field_survives_save_and_load(tmp_path, plan):
    path = tmp_path / "plan.json"
    save_plan(plan, path)
    loaded = load_plan(path)
    assert loaded == plan
    for spec in PLAN_FIELDS:  # equal field by field, with the same types (not just equal numbers)
        assert repr(getattr(loaded, spec.key)) == repr(getattr(plan, spec.key))
    # Exports never fail and carry the title.
    assert plan_markdown(plan).startswith("# My negotiation plan")
    assert plan_html(plan).startswith("<!DOCTYPE html>")


def test_a_save_keeps_the_previous_version_as_a_backup(tmp_path):
    path = tmp_path / "plan.json"
    first, second, third = (NegotiationPlan(title=name) for name in ("first", "second", "third"))
    save_plan(first, path)
    assert not backup_path(path).exists()
    save_plan(second, path)
    assert load_plan(path) == second and load_plan(backup_path(path)) == first
    save_plan(third, path)
    assert load_plan(path) == third and load_plan(backup_path(path)) == second
    # No temporary files left; the saves took turns on the hidden lock file.
    assert sorted(p.name for p in tmp_path.iterdir()) == [lock_path(path).name, "plan.json", "plan.json.bak"]


CRASHING_SAVE = textwrap.dedent("""
    import os, sys
    from negwidgets.model import NegotiationPlan, save_plan
    crash_at, calls = sys.argv[2], {"fsync": 0, "replace": 0}
    real_fsync, real_replace = os.fsync, os.replace

    def counted(name, real):
        def call(*args):
            calls[name] += 1
            if f"{name}{calls[name]}" == crash_at:
                os._exit(9)  # the process dies here: no cleanup, no flush
            return real(*args)
        return call

    os.fsync, os.replace = counted("fsync", real_fsync), counted("replace", real_replace)
    save_plan(NegotiationPlan(title="new", issues=("x" * 1500,) * 30), sys.argv[1])
""")


# The save's steps: fsync1 (backup written), replace1 (backup in place), fsync2 (the backup's folder),
# fsync3 (new plan written), replace2 (new plan in place), fsync4 (the plan's folder).
@pytest.mark.parametrize("crash_at, survivor", [("fsync1", "old"), ("replace1", "old"), ("fsync2", "old"), ("fsync3", "old"),
                                                ("replace2", "old"), ("fsync4", "new")])
def test_a_crash_during_a_save_leaves_a_whole_plan(tmp_path, crash_at, survivor):
    path = tmp_path / "plan.json"
    save_plan(NegotiationPlan(title="old"), path)
    run = subprocess.run([sys.executable, "-c", CRASHING_SAVE, str(path), crash_at], capture_output=True, text=True)
    assert run.returncode == 9, run.stderr
    assert load_plan(path).title == survivor
    # The next save works and tidies nothing it should not: the plan is replaced, the backup kept.
    save_plan(NegotiationPlan(title="after"), path)
    assert load_plan(path).title == "after" and load_plan(backup_path(path)).title == survivor


SAVING_FOREVER = textwrap.dedent("""
    import sys
    from negwidgets.model import NegotiationPlan, save_plan
    plans = [NegotiationPlan(title=str(i), issues=(str(i) * 1900,) * 40) for i in range(2)]
    print("ready", flush=True)
    i = 0
    while True:
        save_plan(plans[i % 2], sys.argv[1])
        i += 1
""")


def test_killing_the_process_while_it_saves_never_leaves_a_damaged_plan(tmp_path):
    path = tmp_path / "plan.json"
    save_plan(NegotiationPlan(title="0", issues=("0" * 1900,) * 40), path)
    for attempt in range(12):
        process = subprocess.Popen([sys.executable, "-c", SAVING_FOREVER, str(path)], stdout=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "ready"
        time.sleep(0.005 * (attempt % 6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        plan = load_plan(path)
        assert plan.title in ("0", "1") and plan.issues == ((plan.title * 1900),) * 40


@pytest.mark.parametrize("content, message", [
    (b'{"format": "negwidgets-plan", "version": 1, "plan": {"title": "x"', "damaged and cannot be read"),
    (b"", "damaged and cannot be read"),
    (b'{"name": "my shopping list"}', "not a Negotiation Lab plan"),
    (b"[1, 2, 3]", "not a Negotiation Lab plan"),
    (b'{"format": "negwidgets-plan", "version": 7, "plan": {}}', "newer version of negwidgets"),
    (b'{"format": "negwidgets-plan", "plan": {}}', "does not say which version"),
    (b'{"format": "negwidgets-plan", "version": 1, "plan": {"reservation": "lots"}}', "must be a number"),
    (b'{"format": "negwidgets-plan", "version": 1, "plan": {"colour": "red"}}', "does not know \\('colour'\\)"),
    (b'{"format": "negwidgets-plan", "version": 1, "plan": {"criteria": [{"name": "x"}]}}', "has no 'value'"),
    (b"\xff\xfe\x00binary", "not a text file"),
])
def test_a_corrupt_or_foreign_file_is_reported_and_never_overwritten(tmp_path, content, message):
    path = tmp_path / "plan.json"
    path.write_bytes(content)
    with pytest.raises(PlanFileError, match=message) as loading:
        load_plan(path)
    assert "I left it as it is" in str(loading.value)
    with pytest.raises(PlanFileError, match="I did not save over it"):
        save_plan(NegotiationPlan(title="new"), path)
    with pytest.raises(PlanFileError, match=message):
        update_plan("BATNA calculator", "note", path, reservation=70_000)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == [lock_path(path).name, "plan.json"]  # no backup, no temporary


def test_a_damaged_plan_points_to_its_backup(tmp_path):
    path = tmp_path / "plan.json"
    save_plan(NegotiationPlan(title="one"), path)
    save_plan(NegotiationPlan(title="two"), path)
    path.write_text(path.read_text()[:40])
    with pytest.raises(PlanFileError, match="The previous version is in plan.json.bak"):
        load_plan(path)


def test_missing_files_and_folders_get_a_sentence(tmp_path):
    with pytest.raises(PlanFileError, match="no plan saved at nothing.json yet"):
        load_plan(tmp_path / "nothing.json")
    with pytest.raises(PlanFileError, match="does not exist"):
        save_plan(NegotiationPlan(), tmp_path / "no-folder" / "plan.json")
    with pytest.raises(PlanFileError, match="is a folder"):
        load_plan(tmp_path)


def test_calculators_fill_the_plan_one_section_at_a_time(tmp_path):
    path = tmp_path / "plan.json"
    update_plan("BATNA calculator (lesson 02)", "Worth $70,000.", path, batna_value=70_000, reservation=70_000)
    update_plan("ZOPA explorer (lesson 04)", "Zone $70,000 to $80,000.", path, aspiration=85_000,
                their_reservation=80_000)
    plan = update_plan("BATNA calculator (lesson 02)", "Worth $71,000.", path, batna_value=71_000)
    assert load_plan(path) == plan
    assert (plan.batna_value, plan.reservation, plan.aspiration, plan.their_reservation) == (71_000, 70_000, 85_000, 80_000)
    assert plan.calculator_notes == (("ZOPA explorer (lesson 04)", "Zone $70,000 to $80,000."),
                                     ("BATNA calculator (lesson 02)", "Worth $71,000."))
    with pytest.raises(ValueError, match="no field called 'salary'"):
        update_plan("x", "y", path, salary=1)


def test_the_default_file_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NEGWIDGETS_PLAN_FILE", str(tmp_path / "mine.json"))
    save_plan(NegotiationPlan(title="default"))
    assert load_plan().title == "default" and (tmp_path / "mine.json").exists()


def test_exports_are_one_page_documents_with_every_word_escaped(tmp_path):
    plan = NegotiationPlan(title="<script>alert(1)</script>", issues=("*salary* | [start] #1",),
                           tactics=("nibble", "not-in-the-catalogue"), reservation=70_000)
    page = export_plan(plan, tmp_path / "plan.html", "html").read_text()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "@media print" in page and "The nibble" in page and "not-in-the-catalogue" in page
    markdown = export_plan(plan, tmp_path / "plan.md").read_text()
    assert "\\*salary\\* \\| \\[start\\] \\#1" in markdown
    assert "## To fix before the meeting" in markdown
    # Dollar signs in the form every Markdown viewer with math shows as written (tested in the browser).
    assert f"{DOLLAR_MARKUP}70,000" in markdown and "$" not in markdown
    with pytest.raises(ValueError, match="'markdown' or 'html'"):
        export_plan(plan, tmp_path / "plan.pdf", "pdf")


def test_the_file_is_plain_json_with_its_format_named(tmp_path):
    path = save_plan(NegotiationPlan(title="Gehalt für Zoë"), tmp_path / "plan.json")
    document = json.loads(path.read_text(encoding="ascii"))
    assert (document["format"], document["version"], document["plan"]["title"]) == ("negwidgets-plan", 1, "Gehalt für Zoë")
    assert plan_to_json(NegotiationPlan()).endswith("\n")
    pasted = NegotiationPlan(title="half an emoji \ud83d")  # a lone surrogate, as a bad paste can leave
    assert load_plan(save_plan(pasted, tmp_path / "pasted.json")) == pasted


# -- consistency ---------------------------------------------------------------------------------------------

GOOD = dict(batna="A competing offer", batna_value=70_000, reservation=70_000, aspiration=85_000, opening=81_600,
            their_reservation=80_000, their_spread=6_000, walk_away="Thank you; I will take the other offer.")


def mirrored(**values):
    """The same plan for a side that pays: every amount reflected around $100,000 (a spread stays a spread)."""
    return {k: (200_000 - v if isinstance(v, (int, float)) and k != "their_spread" else v) for k, v in values.items()}


@pytest.mark.parametrize("change, message", [
    (dict(batna="", batna_value=None), "Your BATNA is missing"),
    (dict(reservation=None), "Your reservation value is missing"),
    (dict(reservation=65_000, aspiration=85_000), "below what your BATNA is worth"),
    (dict(aspiration=68_000, opening=90_000), "target \\(\\$[\\d,]+\\) is below your reservation value"),
    (dict(opening=69_000), "you would open with a deal you would refuse"),
    (dict(opening=75_000), "short of both your target .* you give away"),
    (dict(opening=100_000), "ends the talk \\d+% of the time in lesson 05's model"),
    (dict(their_reservation=65_000, aspiration=72_000, opening=74_000), "there is no zone of possible agreement"),
    (dict(walk_away=" "), "walk-away line is missing"),
])
def test_each_inconsistency_is_said_in_plain_words_for_either_side(change, message):
    assert NegotiationPlan(**GOOD).check() == []
    problems = NegotiationPlan(**{**GOOD, **change}).check()
    assert len(problems) == 1 and re.search(message, problems[0])
    paying = NegotiationPlan(wants="less", **mirrored(**{**GOOD, **change})).check()
    flipped = message.replace("below", "above").replace("above their likely limit", "below their likely limit")
    assert len(paying) == 1 and re.search(flipped, paying[0])


@pytest.mark.parametrize("values, message", [
    (dict(title="x" * (MAX_TEXT + 1)), "keep it under 2,000"),
    (dict(issues=("a",) * (MAX_LINES + 1)), "41 entries"),
    (dict(issues="salary"), "must be a list of entries"),
    (dict(reservation=float("inf")), "is infinite"),
    (dict(wants="most"), "either 'more'"),
    (dict(risk_aversion=-1), "attitude to risk must lie between"),
    (dict(alternatives=[("Offer", 70_000, 1.5)]), "above 1"),
    (dict(criteria=[("Survey", None)]), "has no number"),
])
def test_bad_plan_values_get_a_sentence(values, message):
    with pytest.raises(ValueError, match=message):
        NegotiationPlan(**values)


def test_the_opening_check_reports_lesson_05s_chance_of_no_deal():
    """The check and the page take the chance of no deal from lesson 05's model, not from a rule of thumb."""
    from negwidgets.model import expected_outcome, running_example_opening
    from negwidgets.model.zone import Party

    plan = NegotiationPlan(**{**GOOD, "opening": 86_500})
    impasse, _gain = expected_outcome(Party("You", 70_000, 85_000), rough_belief(80_000, 6_000), 86_500)
    assert f"ends the talk {percent(impasse)} of the time" in plan.check()[0]
    assert percent(impasse) == "53%"
    advice = running_example_opening()
    assert plan.opening_advice().opening == advice.opening
    assert f"the opening it recommends is {money(advice.opening)}" in plan.opening_outlook()
    assert "What lesson 05's model says" in plan_markdown(plan)
    # Without a spread, a rough idea: 7.5% of their limit, as lesson 05's "A rough idea".
    assert NegotiationPlan(**{**GOOD, "their_spread": None}).opening_advice().belief == rough_belief(80_000, 6_000)


def test_an_opening_short_of_the_target_is_fine_when_the_risk_of_no_deal_bounds_it():
    """Ana's target lies beyond her belief about their limit: opening below it is the model's advice."""
    assert NegotiationPlan(**GOOD).check() == []
    assert NegotiationPlan(**{**GOOD, "their_reservation": 95_000, "opening": 80_000}).check()[0].startswith(
        "Your opening ($80,000) is short of both your target")


@pytest.mark.parametrize("spread", [0, -5])
def test_a_spread_of_their_limit_must_be_above_zero(spread):
    with pytest.raises(ValueError, match="give-or-take above zero"):
        NegotiationPlan(**{**GOOD, "their_spread": spread})


def test_a_plan_saved_with_the_old_caution_scale_still_opens():
    """Before lesson 02 asked for a sure amount, plans held a 0-10 "caution" (1e-5 per dollar a step)."""
    from negwidgets.model.plan_file import plan_from_dict

    plan = plan_from_dict({"title": "Old plan", "caution": 4})
    assert plan.risk_aversion == pytest.approx(4e-5) and plan.title == "Old plan"
# -- any file at all: a plan or a sentence, never a traceback or a hang (issue 17, item 12) --------------------

def plan_document(plan) -> str:
    return json.dumps({"format": "negwidgets-plan", "version": 1, "plan": plan})


def criterion(**change):
    return {"criteria": [{"name": "Survey", "value": 83_000, "strength": 3, "reason": "", **change}]}


NESTED = "[" * 100_000 + "]" * 100_000
WRONG_TYPES = {
    "a non-text name of an alternative": plan_document(
        {"alternatives": [{"name": 5, "value": 1, "probability": 1, "adjustment": 0}]}),
    "a non-text name of a standard": plan_document(criterion(name=["Survey"])),
    "a list as strength": plan_document(criterion(strength=[3])),
    "a dict as strength": plan_document(criterion(strength={"3": 3})),
    "true as strength": plan_document(criterion(strength=True)),
    "a 400-digit strength": plan_document(criterion(strength=10 ** 400)),
    "a 400-digit amount": plan_document({"reservation": 10 ** 400}),
    "a 5,000-digit amount": plan_document({"reservation": 0}).replace('"reservation": 0', '"reservation": ' + "9" * 5000),
    "a number as reason": plan_document(criterion(reason=7)),
    "deeply nested JSON": NESTED,
    "deeply nested JSON in a field": plan_document({"title": 0}).replace('"title": 0', f'"title": {NESTED}'),
}


def assert_a_sentence(message: str) -> None:
    assert re.fullmatch(r"[A-Z].{20,600}[.)]", message, re.S), message
    assert "Traceback" not in message and "sys.set_int_max_str_digits" not in message


@pytest.mark.parametrize("content", WRONG_TYPES.values(), ids=list(WRONG_TYPES))
def test_a_plan_file_with_wrong_types_gets_a_sentence_and_is_left_alone(tmp_path, content):
    path = tmp_path / "plan.json"
    path.write_text(content)
    with pytest.raises(PlanFileError) as loading:
        load_plan(path)
    assert_a_sentence(str(loading.value))
    assert "I left it as it is" in str(loading.value)
    with pytest.raises(PlanFileError, match="I did not save over it"):
        save_plan(NegotiationPlan(title="new"), path)
    with pytest.raises(PlanFileError):
        update_plan("BATNA calculator", "note", path, reservation=70_000)
    assert path.read_text() == content


def test_a_plan_built_by_hand_with_wrong_shapes_gets_a_sentence():
    for values in (dict(alternatives=5), dict(alternatives=[("Offer",)]), dict(criteria=[5]),
                   dict(criteria=[("Survey", 1, [3])]), dict(calculator_notes=[("only a source",)]),
                   dict(calculator_notes=5)):
        with pytest.raises(ValueError) as error:
            NegotiationPlan(**values)
        assert_a_sentence(str(error.value))


# Any JSON value, including numbers far beyond a float and NaN (Python's json writes and reads it).
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10 ** 400, 10 ** 400) | st.floats() | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)
good = {"text": st.text(max_size=8), "money": st.none() | st.integers(-10 ** 6, 10 ** 6),
        "number": st.floats(-1e-3, 1e-3), "lines": st.lists(st.text(max_size=5), max_size=2),
        "ratings": st.just([]) | st.just([[skill.key, 4] for skill in SKILLS]), "practice": st.just([]),
        "interests": st.just({"positions": []}) | st.just(example_interest_map().as_dict()),
        "collaboration": st.none() | st.just(example_collaboration().as_dict()),
        "choice": st.sampled_from(["more", "less"]),
        "tactics": st.lists(st.sampled_from([t.id for t in tactic_catalogue()]), max_size=2)}
ENTRIES = {"alternatives": {"name": good["text"], "value": good["money"], "probability": st.floats(0, 1),
                            "adjustment": good["money"]},
           "criteria": {"name": good["text"], "value": good["money"], "strength": st.integers(1, 5),
                        "reason": good["text"]},
           "notes": {"source": good["text"], "text": good["text"]}}


def field_values(kind):
    """A field's value: one of the right kind, or any JSON value; a list's entries likewise."""
    if kind in ENTRIES:
        entry = st.fixed_dictionaries({key: value | json_values for key, value in ENTRIES[kind].items()})
        return st.lists(entry, max_size=3) | json_values
    return good[kind] | json_values


plan_bodies = st.fixed_dictionaries({}, optional={spec.key: field_values(spec.kind) for spec in PLAN_FIELDS})
documents = json_values | st.fixed_dictionaries({
    "format": st.just("negwidgets-plan") | json_values, "version": st.just(1) | json_values,
    "plan": plan_bodies | json_values,
})


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(document=documents)
def test_any_json_document_as_a_plan_file_gives_a_plan_or_a_sentence(tmp_path, document):
    path = tmp_path / "plan.json"
    content = json.dumps(document)
    path.write_text(content)
    try:
        plan = load_plan(path)
    except PlanFileError as error:  # any other exception fails the test
        assert_a_sentence(str(error))
        assert "I left it as it is" in str(error)
        with pytest.raises(PlanFileError, match="I did not save over it"):
            save_plan(NegotiationPlan(), path)
        assert path.read_text() == content
        return
    # A plan that loads can be shown, checked, saved and loaded again.
    plan.check()
    assert plan_markdown(plan).startswith("# My negotiation plan") and plan_html(plan).startswith("<!DOCTYPE")
    assert load_plan(save_plan(plan, tmp_path / "again.json")) == plan


REFUSE_SPECIAL = textwrap.dedent("""
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))  # reading /dev/zero whole fails here, not the machine
    from negwidgets.model import NegotiationPlan, load_plan, save_plan, update_plan
    for action in (lambda: load_plan(sys.argv[1]), lambda: save_plan(NegotiationPlan(), sys.argv[1]),
                   lambda: update_plan("BATNA calculator", "note", sys.argv[1], reservation=1)):
        try:
            action()
        except ValueError as error:
            print(error)
        else:
            print("no error")
""")


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "link to /dev/zero"])
def test_a_fifo_or_a_device_as_the_plan_file_is_refused_at_once(tmp_path, kind):
    path = tmp_path / "plan.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "link to /dev/zero":
        path.symlink_to("/dev/zero")
    else:
        path = Path("/dev/zero")
    # A generous limit: the refusal takes well under a second, and an old hang must not stop the suite.
    run = subprocess.run([sys.executable, "-c", REFUSE_SPECIAL, str(path)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    load, save, update = run.stdout.splitlines()
    for message in (load, save, update):
        assert_a_sentence(message)
        assert "not a regular file" in message
    assert "I did not save over it" in save
    assert path.exists() and not path.is_file()  # still the pipe or the device


UPDATING = textwrap.dedent("""
    import sys, time
    from negwidgets.model import update_plan
    path, worker, count, start = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    while time.time() < start:  # every worker starts its updates at the same moment
        time.sleep(0.001)
    for i in range(count):
        update_plan(f"worker {worker}, update {i}", "kept", path)
""")


def test_simultaneous_updates_from_several_processes_are_all_kept(tmp_path):
    path = tmp_path / "plan.json"
    save_plan(NegotiationPlan(title="shared"), path)
    workers, count = 4, 25
    start = time.time() + 3  # after every worker has imported negwidgets
    processes = [subprocess.Popen([sys.executable, "-c", UPDATING, str(path), str(w), str(count), str(start)],
                                  stderr=subprocess.PIPE, text=True) for w in range(workers)]
    for process in processes:
        assert process.wait(timeout=300) == 0, process.stderr.read()
    plan = load_plan(path)
    kept = {source for source, _ in plan.calculator_notes}
    assert kept == {f"worker {w}, update {i}" for w in range(workers) for i in range(count)}
    assert plan.title == "shared" and len(load_plan(backup_path(path)).calculator_notes) == workers * count - 1
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("amounts", [
    dict(reservation=-9e14, aspiration=0.0, their_reservation=1e15, opening=1e15),    # the expected gain too large
    dict(reservation=-1e15, aspiration=0.0, their_reservation=1e15, opening=-1e15),   # the gain given up too large
    dict(reservation=9e14, aspiration=0.0, their_reservation=-9e14, opening=7e14, wants="less"),
])
def test_a_plan_whose_amounts_are_too_far_apart_for_the_model_still_checks_and_exports(amounts):
    # Each amount within range, their gaps not: the plan goes without lesson 05's advice rather than failing.
    plan = NegotiationPlan(**amounts)
    assert plan.opening_advice() is None and plan.opening_outlook() == ""
    plan.check()
    assert plan_markdown(plan).startswith("# My negotiation plan")
    assert plan_html(plan).startswith("<!DOCTYPE html>")
