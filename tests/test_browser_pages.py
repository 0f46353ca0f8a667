"""The course as a learner moves through it, in Chromium: every notebook opened in JupyterLab shows its
money as written and no math, each lesson's closing links lead on in Voila and in JupyterLab, and Lab's
file browser lists each lesson once. (Each notebook rendered by Voila is checked in
tests/test_browser_voila_pages.py.) A missing browser is a failure, never a skip.
"""

import json
import re
import shutil
import urllib.request

import pytest
from playwright.sync_api import expect

from .conftest import NOTEBOOKS
from .pages import money_and_math_problems, open_in_lab, render_in_voila, shut_down_voila_kernel
from .servers import chromium, jupyterlab, only_localhost, voila_folder

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LAB_NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"   # the notebook open in JupyterLab
PAGES = sorted(p.relative_to(NOTEBOOKS).as_posix() for p in NOTEBOOKS.rglob("*.ipynb")
               if ".ipynb_checkpoints" not in p.parts)


def fresh_page(context):
    page = context.new_page()
    page.route("**/*", only_localhost)
    return page


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One Chromium for the module (Playwright's sync API allows one at a time)."""
    home = tmp_path_factory.mktemp("chromium")
    with chromium(home) as page:
        yield page.context.browser


@pytest.fixture(scope="module")
def voila_course(browser, tmp_path_factory):
    """One Voila server on the notebooks folder, as the README's `voila notebooks/` serves the course."""
    with voila_folder(NOTEBOOKS, tmp_path_factory.mktemp("voila-course")) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        yield base, context
        context.close()


@pytest.fixture(scope="module")
def lab_course(browser, tmp_path_factory):
    """JupyterLab on a copy of the notebooks folder (Lab writes checkpoints next to what it opens)."""
    home = tmp_path_factory.mktemp("lab-course")
    course = home / "course"
    shutil.copytree(NOTEBOOKS, course, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    with jupyterlab(course, home / "home") as (base, token):
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        yield base, token, fresh_page(context)
        context.close()


def lab_sessions_closed(base: str, token: str) -> None:
    """Shut every kernel JupyterLab started for the notebooks opened so far."""
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=30) as response:
        sessions = json.load(response)
    for session in sessions:
        request = urllib.request.Request(f"{base}/api/sessions/{session['id']}?token={token}", method="DELETE")
        urllib.request.urlopen(request, timeout=30).close()


@pytest.mark.parametrize("notebook", PAGES)
def test_jupyterlab_shows_every_amount_as_written_and_no_math(lab_course, notebook):
    """The notebook as opened in JupyterLab, before anything runs: its prose and stored outputs."""
    base, token, page = lab_course
    try:
        open_in_lab(page, base, token, notebook)
        assert money_and_math_problems(page, LAB_NOTEBOOK, notebook, checks=False) == []
    finally:
        lab_sessions_closed(base, token)


NAVIGATION = re.compile(r"^(Previous|Next|All lessons):")


def navigation_links(page, root: str = "body") -> dict[str, str]:
    """The lesson's closing navigation, as the page resolved it: {"Next": absolute address, ...}."""
    return page.evaluate(r"""(rootSel) => {
      const links = {};
      for (const a of document.querySelectorAll(`${rootSel} a`)) {
        const label = (a.previousElementSibling && a.previousElementSibling.tagName === 'STRONG')
          ? a.previousElementSibling.textContent.replace(/:$/, '') : null;
        if (label && ['Previous', 'Next', 'All lessons'].includes(label)) links[label] = a.href;
      }
      return links;
    }""", root)


def test_voila_navigation_leads_from_lesson_to_lesson_and_to_the_course_map(voila_course):
    """Every lesson's links point at the lessons the course map puts before and after it, in the
    course as Voila serves it; following "Next" from lesson 00 opens lesson 01, and the course map's
    anchor is on lesson 00's page."""
    from negwidgets.data import load

    base, context = voila_course
    ready = [lesson["file"] for lesson in load("course")["lessons"] if lesson["status"] == "ready"]
    page = fresh_page(context)
    try:
        render_in_voila(page, base, "00_start_here.ipynb")
        assert page.locator("#The-course-map").count() == 1, "the course map's anchor"
        links = navigation_links(page)
        assert links == {"Next": f"{base}voila/render/{ready[1]}.ipynb",
                         "All lessons": f"{base}voila/render/00_start_here.ipynb#The-course-map"}
        page.get_by_role("link", name=re.compile(r"^01 ")).last.click()
        page.wait_for_url(f"{base}voila/render/{ready[1]}.ipynb", timeout=120_000)
        expect(page.get_by_role("heading", name=re.compile(r"^01 ")).first).to_be_visible(timeout=120_000)
        page.wait_for_load_state("load", timeout=180_000)
        links = navigation_links(page)
        assert links["Previous"] == f"{base}voila/render/{ready[0]}.ipynb"
        assert links["Next"] == f"{base}voila/render/{ready[2]}.ipynb"
    finally:
        shut_down_voila_kernel(page, base)
        page.close()


def test_jupyterlab_navigation_opens_the_next_lesson_and_the_course_map(lab_course):
    """In JupyterLab a lesson link opens the lesson in a new tab (Lab's link handler, not the browser)."""
    base, token, page = lab_course
    try:
        open_in_lab(page, base, token, "04_zopa.ipynb")
        notebook = page.locator(LAB_NOTEBOOK)
        notebook.get_by_role("link", name="05 First offers and anchoring").click()
        page.locator(".lm-TabBar-tab.lm-mod-current", has_text="05_first_offers.ipynb").wait_for(timeout=60_000)
        shown = page.locator(LAB_NOTEBOOK)
        shown.get_by_role("heading", name=re.compile(r"^05 First offers")).first.wait_for(timeout=60_000)
        shown.get_by_role("link", name="the course map").click()
        page.locator(".lm-TabBar-tab.lm-mod-current", has_text="00_start_here.ipynb").wait_for(timeout=60_000)
        # Lab keeps a heading's anchor as data-jupyter-id (its sanitizer drops ids). It opens lesson 00 but,
        # in JupyterLab 4.6, does not scroll to the fragment of a notebook it has just opened.
        page.locator(f'{LAB_NOTEBOOK} [data-jupyter-id="The-course-map"]').wait_for(timeout=60_000)
    finally:
        lab_sessions_closed(base, token)


def test_jupyterlab_file_browser_lists_each_lesson_once(lab_course):
    """The sources live in notebooks/sources/, so the course's folder shows one entry per lesson."""
    base, token, page = lab_course
    try:
        open_in_lab(page, base, token, "00_start_here.ipynb")
        listing = page.locator(".jp-DirListing-content .jp-DirListing-itemText")
        listing.first.wait_for(timeout=60_000)
        names = [name.strip() for name in listing.all_text_contents()]
        lessons = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
        for stem in lessons:
            assert [n for n in names if n.startswith(stem)] == [f"{stem}.ipynb"], names
        assert "sources" in names and "seminar" in names
    finally:
        lab_sessions_closed(base, token)
