"""Every notebook of the course in Voila, in headless Chromium (every lesson, both seminar apps and the
instructor's notebooks): the text as shown (every dollar amount of the prose and of the checks as written,
no math, no traceback), no critical or serious axe-core violation, every control reachable by the keyboard
with a visible focus ring, and the screen measurements of a phone (390x844) and, for the debrief
dashboard, of a projector (1920x1080).

One Voila server serves the notebooks folder; each page is rendered once and every check runs on it (the
viewport is resized between checks). Screenshots at each size go to a temporary folder whose name a
failing test prints. A missing browser is a failure, never a skip: `bash scripts/run-tests.sh` installs it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from negwidgets.model import money
from negwidgets.seminar import ResultsStore, make_pack
from negwidgets.seminar.results import check_report
from negwidgets.widgets.controls import readout

from .conftest import NOTEBOOKS
from .page_checks import (LAPTOP, PHONE, PROJECTOR, axe_violations, focus_problems, phone_problems,
                          projector_problems, settle)
from .pages import broken_images, money_and_math_problems, shut_down_voila_kernel
from .servers import chromium, voila_folder

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = sorted(p.relative_to(NOTEBOOKS).as_posix() for p in NOTEBOOKS.rglob("*.ipynb")
               if ".ipynb_checkpoints" not in p.parts)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """One Voila server on the notebooks folder, one browser page, and a results store with a published pack
    and four pairs' reports (so that the dashboard draws every chart)."""
    home = tmp_path_factory.mktemp("a11y")
    shots = tmp_path_factory.mktemp("a11y-screenshots")
    url = f"sqlite:///{home / 'class_results.sqlite'}"
    pack = make_pack("used_car", 6, seed=5)
    with ResultsStore(url) as store:
        store.publish(pack.record())
        record = store.load_pack(pack.pack_id)
        for rounds, pair in enumerate(pack.pairs[:4], start=3):
            price = f"{sum(pair.reservations) / 2:.0f}" if pair.zone is not None else ""
            for role in ("buyer", "seller"):
                store.submit(check_report(record, pair=pair.code, role=role, opener="seller", opening="12,000",
                                          outcome="agreement" if price else "impasse", agreement=price, terms=None,
                                          rounds=rounds, survey=[5, 6, 4, 5], comment=""))
    saved = {k: os.environ.get(k) for k in ("NEGWIDGETS_RESULTS_URL", "NEGWIDGETS_PLAN_FILE")}
    os.environ["NEGWIDGETS_RESULTS_URL"] = url   # the Voila kernels inherit both
    os.environ["NEGWIDGETS_PLAN_FILE"] = str(home / "plan" / "my_plan.json")
    try:
        with voila_folder(NOTEBOOKS, home) as base, chromium(home) as page:
            yield {"base": base, "page": page, "pack": pack, "shots": shots}
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _open_participant_sheet(page, pack) -> None:
    """Open the buyer of pair P1's sheet with the keyboard alone: type, Tab, type, Tab, Enter.

    At a person's pace: ipywidgets sends a button's click at once but may hold a text box's last change
    until the kernel has answered the one before, so a click a few milliseconds after the last key can
    reach the kernel first."""
    participant = pack.participant("P1", "buyer")
    page.get_by_label("Pair code").focus()
    page.keyboard.type("P1", delay=40)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Personal access code")).to_be_focused()
    page.keyboard.type(participant.access_code, delay=40)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Open my sheet")).to_be_focused()
    page.wait_for_timeout(500)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Confidential: The buyer, pair P1")).to_be_visible(timeout=30_000)


@pytest.fixture
def kernel_ended(course):
    """After the test, end the kernel of the page it rendered (Voila refuses a page's own shutdown request
    without an _xsrf token, so nineteen pages would otherwise leave nineteen kernels running)."""
    yield
    shut_down_voila_kernel(course["page"], course["base"])


@pytest.mark.parametrize("notebook", PAGES)
def test_page_shows_money_as_written_is_accessible_and_fits_a_phone(course, notebook, kernel_ended):
    page, shots = course["page"], course["shots"]
    stem = Path(notebook).stem
    page.set_viewport_size(LAPTOP)
    page.goto(f"{course['base']}voila/render/{notebook}", timeout=180_000)
    page.bring_to_front()   # keyboard focus in this page (the previous walk may have tabbed out of it)
    settle(page)
    body = page.inner_text("body")
    assert "Traceback" not in body and "Error displaying widget" not in body, body[:2000]
    assert "There was an error when executing cell" not in body, body[:2000]
    if stem == "participant_app":
        _open_participant_sheet(page, course["pack"])
        settle(page)

    problems = {"text as shown": money_and_math_problems(page, "body", notebook, checks=True),
                "broken images": broken_images(page)}
    problems["axe (critical or serious)"] = axe_violations(page)
    problems["focus (Tab through every control)"] = focus_problems(page)
    page.screenshot(path=shots / f"{stem}-laptop.png")

    page.set_viewport_size(PHONE)
    settle(page, quiet_ms=300)
    problems["phone 390x844"] = phone_problems(page)
    page.screenshot(path=shots / f"{stem}-phone.png")

    if stem == "debrief_dashboard":
        page.set_viewport_size(PROJECTOR)
        settle(page, quiet_ms=300)
        problems["projector 1920x1080"] = projector_problems(page)
        page.screenshot(path=shots / f"{stem}-projector.png")

    assert {k: v for k, v in problems.items() if v} == {}, f"screenshots in {shots}"


def test_the_browser_writes_numbers_as_the_kernel_does(course):
    """The sliders format their readout in the browser: it must match the course's money() and the
    kernel's readout() to the character."""
    page = course["page"]
    page.goto(f"{course['base']}voila/render/04_zopa.ipynb", timeout=180_000)
    settle(page)
    source = (Path(__file__).parent.parent / "negwidgets/widgets/static/slider.js").read_text()
    page.add_script_tag(type="module", content=source + "\nwindow.__format = format;")
    page.wait_for_function("typeof window.__format === 'function'")
    cases = [(v, "money", 0) for v in (0, 999, 1_000, 70_000, 72_500, 1_250_000, -2_500.4, 70_500.5, 70_501.5)]
    cases += [(v, "percent", d) for v, d in ((0.35, 0), (0.03, 2), (0.0325, 2), (0.005, 1), (1, 0), (0.07, 2))]
    cases += [(v, "number", d) for v, d in ((0, 0), (35, 0), (1.5, 1), (0.25, 2), (2.0, 1), (12_000, 0))]
    browser = page.evaluate("(cases) => cases.map(([v, kind, d]) => window.__format(v, kind, d))", cases)
    assert browser == [readout(v, kind, d) for v, kind, d in cases]
    assert browser[3] == money(70_000) == "$70,000"


def test_a_slider_is_named_read_as_money_and_moved_by_the_keyboard(course):
    """Lesson 04's explorer: Tab reaches the slider, its name is its label, arrow keys move it by a step,
    and screen readers hear the amount as money."""
    page = course["page"]
    page.set_viewport_size(LAPTOP)
    page.goto(f"{course['base']}voila/render/04_zopa.ipynb", timeout=180_000)
    settle(page)
    explorer = page.locator(".negwidgets").filter(has=page.get_by_text("Employer's reservation value")).first
    first = explorer.get_by_role("slider", name="Candidate's reservation value")
    second = explorer.get_by_role("slider", name="Candidate's aspiration value")
    first.focus()
    page.keyboard.press("Tab")
    expect(second).to_be_focused()
    expect(second).to_have_attribute("aria-valuetext", "$85,000")
    page.keyboard.press("ArrowRight")
    expect(second).to_have_attribute("aria-valuetext", "$86,000")
    page.keyboard.press("PageDown")   # a larger step, native to the range input
    expect(second).not_to_have_attribute("aria-valuetext", "$86,000")
    page.keyboard.press("End")
    expect(second).to_have_attribute("aria-valuetext", "$120,000")
    expect(explorer.locator(".nw-slider").nth(1).locator(".nw-readout")).to_have_text("$120,000")
    # The kernel heard every step: the model's result follows the slider.
    expect(explorer).to_contain_text("ZOPA: $70,000 to $80,000", timeout=30_000)
