"""The instructor's guide: its parts, its figures from the seminar code, and the commands it gives."""

from __future__ import annotations

import re

import nbformat
import pytest
from playwright.sync_api import expect
from traitlets.config import Config

from negwidgets.data import load
from negwidgets.seminar import check_report, make_pack, session_plan
from negwidgets.seminar.charts import debrief_charts
from negwidgets.seminar.debrief import class_debrief, class_r_range

from .conftest import NOTEBOOKS, ROOT, SLIDES_COMMAND
from .servers import BIN, chromium, free_port, isolated_env, running
from .test_notebooks import outputs_text

GUIDE = NOTEBOOKS / "seminar/sources/instructor_guide.md"
TEXT = GUIDE.read_text()


def section(title: str) -> str:
    """The text of the ``## title`` section."""
    return TEXT.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_guide_has_every_part_an_instructor_needs():
    headings = re.findall(r"^## (.*)", TEXT, re.M)
    assert headings == [
        "Learning objectives", "The 90-minute class", "The half-day workshop", "A class on raises and promotions",
        "Lessons to assign before and after",
        "Discussion questions, lesson by lesson", "Debrief questions for each chart",
        "Running the apps for a room: one machine with Voila", "Running the apps for a large course: JupyterHub",
        "Presenting a lesson as slides", "Sources and further reading",
    ]
    assert 3 <= section("Learning objectives").count("\n- ") <= 6


def test_every_lesson_on_the_course_map_has_two_discussion_questions():
    questions = section("Discussion questions, lesson by lesson")
    for lesson in load("course")["lessons"]:
        heading = f"### {lesson['number']} {lesson['title']}\n"
        assert heading in questions, heading
        block = questions.split(heading, 1)[1].split("\n### ", 1)[0]
        assert re.findall(r"^\d\. ", block, re.M) == ["1. ", "2. "], lesson["number"]


def test_every_debrief_chart_has_its_questions_under_its_own_title():
    # A multi-issue case: every chart of a single-issue case, and the Pareto frontier after the zone chart.
    record = make_pack("job_offer", 4, seed=3, same_numbers=True).record()
    issues = record.case.scoring.issues
    reports = [check_report(record, pair=f"P{i}", role="candidate", opener="candidate", opening=80_000,
                            outcome="agreement", terms={issue.name: issue.options[i % 2] for issue in issues},
                            rounds=3, survey=[5, 5, 5, 5])
               for i in range(1, 5)]
    debrief = class_debrief(record, reports)
    titles = []
    for chart in debrief_charts(record.case, len(record.pairs)):
        chart.update(debrief)
        titles.append(re.split(r"[:(]", chart.title.get_text())[0].strip())
    debrief_part = section("Debrief questions for each chart")
    headings = re.findall(r"^### (.*)", debrief_part, re.M)
    assert [" ".join(h.split()[:4]) for h in headings] == [" ".join(t.split()[:4]) for t in titles]
    for heading in headings:
        block = debrief_part.split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0]
        assert block.count("\n- ") >= 2, heading


def test_the_guides_schedules_readings_and_r_range_are_the_seminar_codes():
    texts = outputs_text(nbformat.read(NOTEBOOKS / "seminar/instructor_guide.ipynb", as_version=4))
    ninety, half_day, raises = (session_plan(key) for key in ("ninety_minutes", "half_day", "current_employer"))
    assert ninety.describe(start="14:00") + "\n" in texts
    assert half_day.describe(start="09:00") + "\n" in texts
    assert raises.describe(start="14:00") + "\n" in texts and raises.cases == ("raise",)
    for plan in (ninety, half_day, raises):
        assert f"{plan.reading('before')}\n{plan.reading('after')}\n" in texts
    low, high = class_r_range(12)
    assert f"12 agreements: r between {low:.2f} and {high:.2f} in 19 classes of 20 when the true r is 0.62\n" in texts


def test_the_guide_gives_the_same_slides_command_as_the_readme_and_a_room_command_that_listens_widely():
    slides = section("Presenting a lesson as slides")
    assert f"\n{SLIDES_COMMAND} notebooks/" in slides
    room = section("Running the apps for a room: one machine with Voila")
    assert ".venv/bin/voila notebooks/seminar/participant_app.ipynb --port 8866 --Voila.ip=0.0.0.0" in room
    assert ".venv/bin/voila notebooks/seminar/debrief_dashboard.ipynb --port 8867\n" in room  # this machine only


def hub_config_snippet() -> str:
    """The guide's ``jupyterhub_config.py`` lines (tests/test_hub.py runs them in a real hub)."""
    return section("Running the apps for a large course: JupyterHub").split("```python\n", 1)[1].split("```", 1)[0]


def _hub_services() -> list[dict]:
    """Run the guide's ``jupyterhub_config.py`` lines against a JupyterHub-like config object."""
    config = Config()
    exec(compile(hub_config_snippet(), "jupyterhub_config.py", "exec"), {"c": config})
    return config.JupyterHub.services


def test_the_hub_service_keeps_the_database_url_in_the_service_and_serves_under_its_prefix():
    (service,) = _hub_services()
    assert service["name"] == "roleplay"
    assert "NEGWIDGETS_RESULTS_URL" in service["environment"]
    assert f"--Voila.base_url=/services/{service['name']}/" in service["command"]
    assert f"--port={service['url'].rsplit(':', 1)[1]}" in service["command"]
    assert "--Voila.ip=127.0.0.1" in service["command"]   # reached through the hub's proxy only


@pytest.mark.browser
@pytest.mark.slow
def test_the_hub_service_command_serves_the_participant_app_under_the_hubs_prefix(tmp_path, monkeypatch):
    """The guide's service command, run as the hub would run it (its port and paths made local)."""
    from negwidgets.seminar import ResultsStore

    (service,) = _hub_services()
    port = free_port()
    command = [str(BIN / "voila") if part.endswith("/bin/voila") else
               f"--port={port}" if part.startswith("--port=") else part for part in service["command"]]
    store_url = f"sqlite:///{tmp_path / 'class.sqlite'}"
    with ResultsStore(store_url) as store:
        store.publish(make_pack("used_car", 2, seed=1))
    env = {**isolated_env(tmp_path), "NEGWIDGETS_RESULTS_URL": store_url}
    prefix_url = f"http://127.0.0.1:{port}/services/{service['name']}/"
    with running(command, prefix_url, env, ROOT, tmp_path / "service.log"), chromium(tmp_path) as page:
        page.goto(prefix_url, timeout=120_000)
        app = page.locator(".negwidgets").first
        app.wait_for(timeout=120_000)
        expect(app).to_contain_text("Pair code")
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error displaying widget" not in body



def test_the_guide_gives_the_apps_own_limits_and_the_dashboards_own_button():
    """Issue 17: the guide tells the instructor how guessing is slowed and what the big screen hides, in
    the figures and words the code uses."""
    from negwidgets.seminar import access, store
    from negwidgets.widgets import seminar as apps

    room = section("Running the apps for a room: one machine with Voila")
    assert "each browser tab gets three quick wrong tries" in room and access.FREE_TRIES == 3
    assert f"up to {access.MAX_WAIT:.0f}\n  seconds" in room
    assert f"once the class has had {access.PACK_FREE} wrong tries" in room.lower()
    assert f"Each participant can send {store.MAX_REPORTS} reports" in room
    assert f"**{apps._REVEAL}**" in section("Debrief questions for each chart")
def test_the_guides_memory_figures_name_the_benchmark_that_measured_them():
    hub = section("Running the apps for a large course: JupyterHub")
    command = re.search(r"`\.venv/bin/python (benchmarks/\S+\.py) --steps ([\d ]+)`", hub)
    assert command and (ROOT / command[1]).is_file()
    steps = [int(n) for n in command[2].split()]
    rows = re.findall(r"^\| (\d+) \| [\d.]+ [MG]iB \| [\d.]+ [MG]iB \|$", hub, re.M)
    assert rows and {int(n) for n in rows} - {0} <= set(steps)   # every row was measured, none extrapolated
    assert f"holds {max(steps)} connected participants" in hub
