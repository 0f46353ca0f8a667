"""Lesson 09's multi-issue practice game in Voila, in headless Chromium: a question asked, packages
proposed with the dropdowns, a deal, and the debrief with the Pareto figure read from the page.

Screenshots of the game and its debrief at laptop and phone widths go to a temporary folder (or to
``$NEGWIDGETS_SHOTS`` when set)."""


import pytest
from playwright.sync_api import expect

from .conftest import NOTEBOOKS
from .page_checks import LAPTOP, PHONE, settle
from .pages import open_widget
from .servers import chromium, shots_folder, voila

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Ana's moves: ask, then propose (start in 2 weeks, keep four remote days), giving way a step on salary.
PROPOSALS = [{"Start date": "In 2 weeks (0 points for you)", "Vacation days": "25 (6 points for you)"},
             {"Salary": "$78,000 (24 points for you)"},
             {"Vacation days": "15 (0 points for you)"},
             {"Salary": "$76,000 (16 points for you)"},
             {"Salary": "$74,000 (8 points for you)"}]


def model_game():
    """The lesson's game (seed 9) played in the model with the same moves: what the page must show."""
    from negwidgets.model import MultiIssueGame, job_offer_case

    case = job_offer_case()
    game = MultiIssueGame(level="Friendly", seed=9)
    game.ask_priorities()
    package = {i.name: max(range(len(i.options)), key=lambda o: i.points[o][0]) for i in case.issues}
    played = 0
    for change in PROPOSALS:
        if game.finished:
            break
        for issue, label in change.items():
            package[issue] = next(i for i, o in enumerate(case.issues[[x.name for x in case.issues].index(issue)].options)
                                  if label.startswith(o + " "))
        game.propose([package[i.name] for i in case.issues])
        played += 1
    if not game.finished:
        game.accept()
    return game, played


def test_voila_multi_issue_game_is_played_to_a_deal_and_the_debrief_is_read(tmp_path):
    game, played = model_game()
    debrief = game.debrief().describe()
    shots = shots_folder(tmp_path)
    with voila(NOTEBOOKS / "09_creating_value.ipynb", tmp_path) as url, chromium(tmp_path) as page:
        box = open_widget(page, url, ".nw-multi-issue", LAPTOP)
        box.scroll_into_view_if_needed()
        page.screenshot(path=shots / "multi-issue-start-laptop.png")
        box.get_by_role("button", name="Ask what matters most to them").click()
        expect(box).to_contain_text("Salary matters most to us, then Start date and Training budget.", timeout=30_000)
        for change in PROPOSALS[:played]:
            for issue, label in change.items():
                box.get_by_label(issue, exact=True).select_option(label=label)
            count = box.locator("[role=log] div").count()
            box.get_by_role("button", name="Propose this package").click()
            expect(box.locator("[role=log] div")).to_have_count(count + 2, timeout=30_000)
            if count == 3:  # after the second proposal: their package in full, on request
                box.get_by_text("Their package on the table, in full").click()
                expect(box.locator("details li")).to_have_count(len(game.system.issues))
                box.locator("[role=log]").scroll_into_view_if_needed()
                page.screenshot(path=shots / "multi-issue-transcript-laptop.png")
        # The transcript as shown: the model's lines, each saying only what moved, and their package in full on request.
        log = box.locator("[role=log]").inner_text()
        for move in game.moves[:len(box.locator("[role=log] div").all())]:
            assert move.text in log
        assert "everything else as" in log
        if game.moves[-1].kind != "accept" or game.moves[-2].who != "you" or game.moves[-2].kind != "propose":
            box.get_by_role("button", name="Accept their package").click()
        expect(box).to_contain_text("Debrief.", timeout=30_000)
        expect(box).to_contain_text(debrief.split(" What was hidden")[0])
        expect(box).to_contain_text("What was hidden: " + debrief.split(" What was hidden: ")[1].split(" After the deal")[0])
        figure = box.locator("img").first
        expect(figure).to_be_visible()
        expect(figure).to_have_attribute("alt", __import__("re").compile("Pareto frontier"))
        expect(box.get_by_role("button", name="Propose this package")).to_be_disabled()
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error displaying widget" not in body
        assert "MultiIssueNegotiation(" not in body  # no code on the page
        debrief_box = box.get_by_text("Debrief.").first
        debrief_box.scroll_into_view_if_needed()
        page.screenshot(path=shots / "multi-issue-debrief-laptop.png")
        figure.scroll_into_view_if_needed()
        page.screenshot(path=shots / "multi-issue-figure-laptop.png")
        page.set_viewport_size(PHONE)
        settle(page, quiet_ms=300)
        box.get_by_role("button", name="Propose this package").scroll_into_view_if_needed()
        page.screenshot(path=shots / "multi-issue-controls-phone.png")
        debrief_box.scroll_into_view_if_needed()
        page.screenshot(path=shots / "multi-issue-debrief-phone.png")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"the page scrolls sideways by {overflow} px on a phone"
