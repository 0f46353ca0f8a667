"""The value-of-information and repeated-deals explorers in Voila, in headless Chromium: controls moved by their
labels, the text and the figure's description read from the page against independent model calls, a bad
combination explained beside the controls, axe-core's rules, and the layout on a phone (360 px and 390 px) and
a projector. No lesson shows them yet, so each test writes a one-cell notebook.

Screenshots at laptop, phone and projector widths go to a temporary folder (or to ``$NEGWIDGETS_SHOTS``)."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from negwidgets.model import job_offer_case, repeated_negotiation, value_of_information
from negwidgets.model.money import money_short
from negwidgets.model.scoring import points_text

from .page_checks import LAPTOP, PHONE, PROJECTOR, axe_violations, phone_problems, projector_problems, settle
from .pages import open_widget
from .servers import chromium, one_cell_notebook, shots_folder, voila

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NARROW_PHONE = {"width": 360, "height": 780}


def check_layouts(page, box, shots: Path, name: str) -> None:
    """Phone (the course's 390 px and a narrower 360 px) and projector: screenshots and the course's checks."""
    for size, label in ((PHONE, "phone"), (NARROW_PHONE, "phone-360")):
        page.set_viewport_size(size)
        settle(page, quiet_ms=300)
        box.evaluate("element => element.scrollIntoView({block: 'start'})")   # the controls, at the top
        page.screenshot(path=shots / f"{name}-{label}.png")
        box.locator("img").scroll_into_view_if_needed()
        page.screenshot(path=shots / f"{name}-{label}-figure.png")
        assert phone_problems(page) == [], label
    page.set_viewport_size(PROJECTOR)
    settle(page, quiet_ms=300)
    box.locator("img").scroll_into_view_if_needed()
    page.screenshot(path=shots / f"{name}-projector.png")
    assert projector_problems(page) == []


def test_voila_information_explorer_moves_by_label_and_shows_the_models_proposals(tmp_path):
    shots = shots_folder(tmp_path)
    case = job_offer_case()
    notebook = one_cell_notebook(tmp_path, "information", "from negwidgets.widgets import InformationExplorer\n"
                                                          "InformationExplorer()")
    with voila(notebook, tmp_path) as url, chromium(tmp_path) as page:
        box = open_widget(page, url, ".nw-information", LAPTOP)
        figure = box.locator("img").first

        def shows(side: int, aim: float) -> None:
            """The page shows the model's proposals for this side and aim, in its text and its figure's text."""
            expected = value_of_information(case, side, aim)
            you, them = case.parties[side], case.parties[1 - side]
            for proposal in expected.proposals:
                expect(box).to_contain_text(proposal.describe())
            # The caption comes in its own message: wait for this aim's before reading it.
            expect(figure).to_have_attribute("alt", re.compile(re.escape(f"{you} proposes aiming for at least "
                                                                         f"{points_text(aim)} points")))
            alt = figure.get_attribute("alt")
            for p in expected.proposals:
                assert (f"{you} {points_text(p.your_points)}, {them} {points_text(p.their_points)}, left on the "
                        f"table {points_text(p.left_on_table)}") in alt
            expect(box.locator("figcaption")).to_have_text(f"Figure: {alt}")

        slider = box.get_by_role("slider", name="Your aim (points)")
        expect(slider).to_have_attribute("aria-valuetext", "65")
        shows(0, 65)
        page.screenshot(path=shots / "information-laptop.png", full_page=True)
        assert axe_violations(page, context=".nw-information") == []

        # The aim moved with the keyboard, by the slider's label.
        slider.focus()
        for _ in range(5):
            slider.press("ArrowRight")
        expect(slider).to_have_attribute("aria-valuetext", "70")
        expect(box).to_contain_text(value_of_information(case, 0, 70).proposals[-1].describe())
        shows(0, 70)

        # The other party: the aim re-ranged to the employer's halfway point, the text and figure its own.
        box.get_by_label("You are", exact=True).select_option(label="The employer")
        expect(slider).to_have_attribute("aria-valuetext", "63")
        expect(slider).to_have_attribute("min", "26")
        expect(box).to_contain_text(value_of_information(case, 1, 63).proposals[0].describe())
        shows(1, 63)
        expect(box.get_by_role("alert")).to_have_count(0)
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error displaying widget" not in body
        figure.scroll_into_view_if_needed()
        page.screenshot(path=shots / "information-employer-laptop.png")
        assert axe_violations(page, context=".nw-information") == []
        check_layouts(page, box, shots, "information")


def test_voila_reputation_explorer_moves_by_label_and_explains_a_bad_combination(tmp_path):
    shots = shots_folder(tmp_path)
    notebook = one_cell_notebook(tmp_path, "reputation", "from negwidgets.widgets import ReputationExplorer\n"
                                                         "ReputationExplorer()")
    with voila(notebook, tmp_path) as url, chromium(tmp_path) as page:
        box = open_widget(page, url, ".nw-reputation", LAPTOP)
        figure = box.locator("img").first

        def shows(**assumptions) -> None:
            expected = repeated_negotiation(**assumptions)
            findings = expected.describe()[:-len(expected.assumptions)].strip()
            expect(box).to_contain_text(findings)
            expect(box).to_contain_text(expected.assumptions)
            expect(figure).to_have_attribute("alt", re.compile(
                re.escape(f"always honest ends at {money_short(expected.honest_total)}, the hard tactic at "
                          f"{money_short(expected.hard_total)}")))

        shows()
        expect(figure).to_have_attribute("alt", re.compile("the break-even, at the 6th deal, is marked"))
        page.screenshot(path=shots / "reputation-laptop.png", full_page=True)
        assert axe_violations(page, context=".nw-reputation") == []

        # Your share once caught, moved by its label past your share while trusted (50%).
        share = box.get_by_role("slider", name="Your share of a deal if caught")
        share.focus()
        share.press("ArrowRight")
        expect(share).to_have_attribute("aria-valuetext", "45%")
        shows(share_distrusted=0.45)
        share.press("ArrowRight")
        expect(share).to_have_attribute("aria-valuetext", "50%")
        shows(share_distrusted=0.5)
        good_alt = figure.get_attribute("alt")
        share.press("ArrowRight")
        expect(share).to_have_attribute("aria-valuetext", "55%")
        with pytest.raises(ValueError) as raised:
            repeated_negotiation(share_distrusted=0.55)
        alert = box.get_by_role("alert")
        expect(alert).to_contain_text(str(raised.value))
        expect(alert).to_contain_text("The result below is for the last numbers that worked.")
        expect(figure).to_have_attribute("alt", good_alt)   # the last good figure stays
        alert.scroll_into_view_if_needed()
        page.screenshot(path=shots / "reputation-error-laptop.png")
        share.press("ArrowLeft")
        expect(alert).to_have_count(0)
        shows(share_distrusted=0.5)

        # The chance of being caught, and the deals shown, moved by their labels.
        caught = box.get_by_role("slider", name="Chance the tactic is caught")
        caught.focus()
        for _ in range(5):
            caught.press("ArrowLeft")
        expect(caught).to_have_attribute("aria-valuetext", "0%")
        shows(share_distrusted=0.5, detection=0)
        expect(figure).to_have_attribute("alt", re.compile("honesty never catches up"))
        deals = box.get_by_role("slider", name="Number of deals shown")
        deals.focus()
        deals.press("End")
        expect(deals).to_have_attribute("aria-valuetext", "100")
        shows(share_distrusted=0.5, detection=0, encounters=100)
        caught.focus()
        caught.press("ArrowRight")
        expect(caught).to_have_attribute("aria-valuetext", "5%")
        shows(share_distrusted=0.5, detection=0.05, encounters=100)
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error displaying widget" not in body
        figure.scroll_into_view_if_needed()
        page.screenshot(path=shots / "reputation-100-deals-laptop.png")
        assert axe_violations(page, context=".nw-reputation") == []
        check_layouts(page, box, shots, "reputation")
