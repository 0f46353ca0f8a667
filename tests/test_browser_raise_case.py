"""The raise case builder in Voila, in headless Chromium: Ana's email draft read from the page as shown, the form
changed by label (salary, ask, a fallback, the outside option), an error beside the ask with the last good draft
kept, the case saved to the plan file, axe-core's rules, and the layout on a laptop and a phone. The lesson is
written separately, so the test writes a one-cell notebook.

Screenshots at laptop and phone widths go to a temporary folder (or to ``$NEGWIDGETS_SHOTS`` when set)."""

import dataclasses

import pytest
from playwright.sync_api import expect

from negwidgets.model import load_plan
from negwidgets.model.raise_case import (Fallback, email_draft, example_raise_case, fallback_kinds,
                                         prepared_questions)

from .page_checks import LAPTOP, PHONE, axe_violations, phone_problems, settle
from .pages import open_widget
from .servers import chromium, one_cell_notebook, shots_folder, voila

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CELL = """from negwidgets.widgets import RaiseCaseBuilder
RaiseCaseBuilder(path="plan.json")"""


def whole_form(page, box, width: int, path) -> None:
    """A screenshot of the whole form: Voila scrolls inside its page, so the window is made as tall as the form
    for the picture (and set back after it)."""
    page.set_viewport_size({"width": width, "height": 1000})
    box.evaluate("(e) => e.scrollIntoView({block: 'start'})")
    settle(page)
    bottom = box.bounding_box()
    page.set_viewport_size({"width": width, "height": int(bottom["y"] + bottom["height"] + 40)})
    settle(page)
    page.screenshot(path=path)
    page.set_viewport_size({"width": width, "height": 1000 if width > 500 else PHONE["height"]})
    settle(page)


def test_voila_raise_case_is_read_edited_and_saved(tmp_path):
    shots = shots_folder(tmp_path)
    notebook = one_cell_notebook(tmp_path, "raise_case", CELL)
    folder = notebook.parent
    ana = example_raise_case()
    with voila(notebook, tmp_path) as url, chromium(tmp_path) as page:
        box = open_widget(page, url, ".nw-raise-case", LAPTOP)
        email = box.locator(".nw-raise-email")
        # The draft as shown: the model's paragraph, every amount written as the course writes it.
        assert email.inner_text().strip() == email_draft(ana)
        for question in prepared_questions(ana):
            expect(box).to_contain_text(question.question)
        whole_form(page, box, LAPTOP["width"], shots / "raise-case-laptop.png")
        assert axe_violations(page, context=".nw-raise-case") == []

        # A new salary, typed by its label: the draft follows.
        salary = box.get_by_label("Your current salary (a year)", exact=True)
        salary.fill("$80,000")
        salary.press("Enter")
        earning_more = dataclasses.replace(ana, current_salary=80_000)
        expect(email).to_have_text(email_draft(earning_more))
        expect(email).to_contain_text("a raise of $3,000 (3.8%)")

        # A salary above the ask: the sentence beside the ask, the last good draft kept, the typed value kept.
        salary.fill("$90,000")
        salary.press("Enter")
        expect(box.get_by_role("alert").first).to_contain_text("below your current salary ($90,000)")
        expect(email).to_have_text(email_draft(earning_more))
        expect(salary).to_have_value("$90,000")
        box.get_by_role("alert").first.scroll_into_view_if_needed()
        page.screenshot(path=shots / "raise-case-error-laptop.png")

        # The ask as an amount above the top figure: no error, a warning, and the draft says where it sits.
        salary.fill(f"${ana.current_salary:,.0f}")   # back to hers
        salary.press("Enter")
        box.get_by_role("radio", name="An amount").check()
        ask = box.get_by_label("Your ask (a year)", exact=True)
        ask.fill("$95,000")
        ask.press("Enter")
        expect(box.get_by_role("alert")).to_have_count(0)
        rise = 95_000 - ana.current_salary   # written out here, not by the package's formatting
        expect(email).to_contain_text(f"a raise of ${rise:,.0f} ({100 * rise / ana.current_salary:.1f}%) that takes me "
                                      "above the 90th percentile.")
        expect(box).to_contain_text("is above the highest market figure you gave (the 90th percentile, $89,000)")

        # A fallback ticked by its label, and the learner's outside option: only the answer changes.
        box.get_by_label("Remote days", exact=True).check()
        expect(email).to_contain_text("the title Senior data analyst, more days working from home and a salary review in six months.")
        box.get_by_role("radio", name="An offer from another employer").check()
        expect(box).to_contain_text("Yes, I have an offer from another employer.")
        # The form lists the fallbacks in the course's order of kinds.
        order = [kind.key for kind in fallback_kinds()]
        fallbacks = sorted((*ana.fallbacks, Fallback("remote_days")), key=lambda f: order.index(f.kind))
        expected = dataclasses.replace(ana, ask_amount=95_000, target_percentile=None, outside_option="offer",
                                       fallbacks=tuple(fallbacks))
        expect(email).to_have_text(email_draft(expected))

        box.get_by_role("button", name="Save to my plan").click()
        expect(box.get_by_role("status")).to_contain_text("Saved to plan.json: your target (aspiration value): $95,000")
        plan = load_plan(folder / "plan.json")
        assert plan.opening_plan == email_draft(expected) and plan.aspiration == 95_000
        assert "Remote days: more days working from home" in plan.issues

        whole_form(page, box, PHONE["width"], shots / "raise-case-phone.png")
        email.scroll_into_view_if_needed()
        page.screenshot(path=shots / "raise-case-email-phone.png")
        assert phone_problems(page) == []
        assert axe_violations(page, context=".nw-raise-case") == []
