"""The interest map's builder in Voila, in headless Chromium: Ana's map read from the page, a row added by
label (the kind's suggested question shown as the placeholder), an error beside the rows, and the map saved
to the plan file. No lesson shows it yet, so the test writes a one-cell notebook.

Screenshots at laptop and phone widths go to a temporary folder (or to ``$NEGWIDGETS_SHOTS`` when set)."""

import json

import pytest
from playwright.sync_api import expect

from negwidgets.model import load_plan
from negwidgets.model.interests import example_interest_map, suggested_question

from .page_checks import LAPTOP, PHONE, axe_violations, phone_problems, settle
from .pages import open_widget
from .servers import chromium, one_cell_notebook, shots_folder, voila

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CELL = """from negwidgets.model.interests import example_interest_map
from negwidgets.widgets import InterestMapBuilder
InterestMapBuilder(example_interest_map(), path="plan.json")"""


def test_voila_interest_map_is_read_edited_and_saved(tmp_path):
    shots = shots_folder(tmp_path)
    notebook = one_cell_notebook(tmp_path, "interest_map", CELL)
    folder = notebook.parent
    with voila(notebook, tmp_path) as url, chromium(tmp_path) as page:
        box = open_widget(page, url, ".nw-interest-map", LAPTOP)
        # The map as shown: each position's sentence, as the model writes it.
        for line in example_interest_map().lines():
            expect(box).to_contain_text(line)
        page.screenshot(path=shots / "interest-map-laptop.png", full_page=True)
        assert axe_violations(page, context=".nw-interest-map") == []

        # A new row, filled by its labels; the kind's open question appears as the question's placeholder.
        box.get_by_role("button", name="Add a row").click()
        why = box.get_by_label("Why 5", exact=True)
        why.fill("They are busy")
        why.press("Enter")
        expect(box.get_by_role("alert")).to_contain_text("Row 5 has no position")
        box.get_by_label("Position 5", exact=True).fill("A decision by Friday")
        box.get_by_label("Interest 5", exact=True).select_option(label="Their constraints and their boss")
        question = box.get_by_label("Question 5", exact=True)
        expect(question).to_have_attribute("placeholder", suggested_question("constraints"))
        expect(box.get_by_role("alert")).to_have_count(0)
        expect(box).to_contain_text("They ask for: A decision by Friday. Perhaps their constraints and their boss "
                                    "(They are busy).")
        box.get_by_role("button", name="Save to my plan").click()
        expect(box.get_by_role("status")).to_contain_text("Saved to plan.json: 4 positions")
        box.get_by_role("status").scroll_into_view_if_needed()
        page.screenshot(path=shots / "interest-map-saved-laptop.png")
        saved = load_plan(folder / "plan.json").interest_map
        assert saved.positions[:3] == example_interest_map().positions
        assert saved.positions[3].text == "A decision by Friday"
        assert json.loads((folder / "plan.json").read_text())["format"] == "negwidgets-plan"

        page.set_viewport_size(PHONE)
        settle(page)
        box.get_by_label("Interest 5", exact=True).scroll_into_view_if_needed()
        page.screenshot(path=shots / "interest-map-phone.png")
        height = box.get_by_label("Interest 5", exact=True).bounding_box()["height"]
        assert height >= 24, f"the dropdown is {height} px tall on a phone"
        assert phone_problems(page) == []
