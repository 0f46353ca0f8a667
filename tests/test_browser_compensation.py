"""The total-compensation comparer in Voila, in headless Chromium: the course's example read from the page, an
entry typed by its label and the new comparison shown, a refused entry explained under its package, the
comparison saved to the plan file, axe-core's rules, and the layout on a phone. No lesson shows it yet, so the
test writes a one-cell notebook.

Screenshots at laptop and phone widths go to a temporary folder (or to ``$NEGWIDGETS_SHOTS`` when set)."""

import pytest
from playwright.sync_api import expect

from negwidgets.model import compare_compensation, example_raise_or_move, load_plan
from negwidgets.widgets.compensation import SOURCE

from .page_checks import LAPTOP, PHONE, axe_violations, phone_problems, settle
from .pages import open_widget
from .servers import chromium, one_cell_notebook, shots_folder, voila

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CELL = """from negwidgets.widgets import CompensationComparer
CompensationComparer(path="plan.json")"""


def test_voila_compensation_comparer_is_read_typed_into_and_saved(tmp_path):
    shots = shots_folder(tmp_path)
    notebook = one_cell_notebook(tmp_path, "compensation", CELL)
    folder = notebook.parent
    example = example_raise_or_move()
    with voila(notebook, tmp_path) as url, chromium(tmp_path) as page:
        box = open_widget(page, url, ".nw-compensation", LAPTOP)
        # The example as shown: the model's sentences, money as written, and the figure's caption.
        first = compare_compensation(example.stay, example.offer, 4, 0.05)
        expect(box).to_contain_text(first.describe())
        expect(box).to_contain_text("the start-up's offer is worth $12,519 more than staying with a 1.3% raise")
        expect(box.locator("figcaption")).to_contain_text("B (The start-up's offer) from $94.7k in year 1")
        expect(box.locator("figcaption")).not_to_contain_text("ahead from year")   # the offer leads from year 1
        # Sam's offer, the top of her band, as typed into package A.
        expect(box.get_by_label("Salary, year 1 (A)", exact=True)).to_have_value("$80,000")
        page.screenshot(path=shots / "compensation-laptop.png", full_page=True)
        box.locator("figure").scroll_into_view_if_needed()
        page.screenshot(path=shots / "compensation-figure-laptop.png")
        assert axe_violations(page, context=".nw-compensation") == []

        # An entry typed by its label: the chance for the offer's equity; the page shows the model's new comparison.
        chance = box.get_by_label("Chance the equity is worth that (B)", exact=True)
        chance.fill("10%")
        chance.press("Tab")
        typed = compare_compensation(example.stay, example.offer.replace(equity_chance=0.10), 4, 0.05)
        expect(box).to_contain_text(typed.describe())
        expect(box.locator("figcaption")).to_contain_text("B is ahead from year 2 on")
        assert typed.break_even_year == 2 and typed.leader is typed.second   # staying leads in year 1 only

        # A chance above 100% is refused under its package; the last comparison stays on screen.
        chance.fill("130%")
        chance.press("Tab")
        alert = box.get_by_role("alert")
        expect(alert).to_have_count(1)
        expect(alert).to_contain_text("The chance that the equity of the start-up's offer is worth its grant value "
                                      "runs from 0% to 100%; 130% is outside.")
        expect(box).to_contain_text(typed.describe())
        alert.scroll_into_view_if_needed()
        page.screenshot(path=shots / "compensation-error-laptop.png")
        chance.fill("10%")
        chance.press("Tab")
        expect(box.get_by_role("alert")).to_have_count(0)

        box.get_by_role("button", name="Save to my plan").click()
        expect(box.get_by_role("status")).to_contain_text("Saved to plan.json as a note from this calculator.")
        notes = dict(load_plan(folder / "plan.json").calculator_notes)
        assert notes == {SOURCE: typed.describe()}

        page.set_viewport_size(PHONE)
        settle(page)
        box.get_by_label("Name (B)", exact=True).scroll_into_view_if_needed()
        page.screenshot(path=shots / "compensation-phone.png")
        box.locator("figure").scroll_into_view_if_needed()
        page.screenshot(path=shots / "compensation-phone-figure.png")
        assert phone_problems(page) == []
