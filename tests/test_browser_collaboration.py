"""The collaboration agreement builder in Voila, in headless Chromium: the example's summary read from the page as
shown, the form changed by label (the project, a term, a role ticked in a partner's group, a new partner), an error
beside the rows with the last good summary kept, the terms saved to the plan file, axe-core's rules, and the layout
on a laptop and a phone. Lesson 16 is written separately, so the test writes a one-cell notebook.

Screenshots at laptop and phone widths go to a temporary folder (or to ``$NEGWIDGETS_SHOTS`` when set)."""

import dataclasses

import pytest
from playwright.sync_api import expect

from negwidgets.model import load_plan
from negwidgets.model.collaboration import Contribution, Partner, example_collaboration, terms_summary

from .page_checks import LAPTOP, PHONE, axe_violations, phone_problems, settle
from .pages import open_widget
from .servers import chromium, one_cell_notebook, shots_folder, voila

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CELL = """from negwidgets.widgets import CollaborationAgreementBuilder
CollaborationAgreementBuilder(path="plan.json")"""


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


def shown_text(locator) -> str:
    """The summary as the page shows it (the browser's line breaks; no trailing spaces)."""
    return "\n".join(line.rstrip() for line in locator.inner_text().strip("\n").splitlines())


def test_voila_collaboration_builder_is_read_edited_and_saved(tmp_path):
    shots = shots_folder(tmp_path)
    notebook = one_cell_notebook(tmp_path, "collaboration", CELL)
    folder = notebook.parent
    example = example_collaboration()
    with voila(notebook, tmp_path) as url, chromium(tmp_path) as page:
        box = open_widget(page, url, ".nw-collaboration", LAPTOP)
        summary = box.locator(".nw-collab-summary")
        # The summary as shown: the model's text, line by line.
        assert shown_text(summary) == terms_summary(example)
        expect(box).to_contain_text("Every part that collaborations commonly leave unsaid has an answer")
        whole_form(page, box, LAPTOP["width"], shots / "collaboration-laptop.png")
        assert axe_violations(page, context=".nw-collaboration") == []

        # A new project name, typed by its label: the summary follows.
        project = box.get_by_label("The project", exact=True)
        project.fill("Shade and surface heat")
        expect(summary).to_contain_text("Subject: What we agreed for Shade and surface heat")
        renamed = dataclasses.replace(example, project="Shade and surface heat")
        expect(summary).to_have_text(terms_summary(renamed))

        # A term emptied: its gap appears, and the summary says it is not agreed yet.
        revisit = box.get_by_label("When you revisit these terms", exact=True)
        revisit.fill("")
        expect(box.locator(".nw-collab-gap")).to_have_count(1)
        expect(box.locator(".nw-collab-gap")).to_contain_text("There is no date to revisit these terms")
        expect(summary).to_contain_text("- When we revisit these terms: not agreed yet")
        revisit.fill("When the cameras go back, in September")
        expect(box.locator(".nw-collab-gap")).to_have_count(0)

        # A role ticked in Rosa's group of checkboxes (found by the group's name, as a screen reader finds it).
        rosa = box.get_by_role("group", name="Rosa Nwosu's contributor roles")
        rosa.get_by_label("Validation", exact=True).check()
        expect(summary).to_contain_text("- Rosa Nwosu's roles (CRediT): Formal analysis, Methodology, Resources, "
                                        "Software, Validation, Visualization, Writing \u2013 review & editing")

        # A row given to someone who is not a partner: the sentence beside the rows, the last summary kept.
        before = shown_text(summary)
        who = box.get_by_label("Who 4", exact=True)
        who.fill("Rosa N.")
        alert = box.get_by_role("alert").first
        expect(alert).to_contain_text("is given to 'Rosa N.', who is not among the partners")
        expect(box.get_by_role("alert")).to_have_count(2)   # the sentence, and the note that the summary is older
        assert shown_text(summary) == before
        expect(who).to_have_value("Rosa N.")
        alert.scroll_into_view_if_needed()
        page.screenshot(path=shots / "collaboration-error-laptop.png")
        who.fill("Rosa")
        expect(box.get_by_role("alert")).to_have_count(0)

        # A new partner, with a row and a role: the summary names them.
        box.get_by_role("button", name="Add a partner").click()
        box.get_by_label("Name 4", exact=True).fill("Kofi Mensah")
        expect(box.locator(".nw-collab-gap")).to_have_count(2)   # nothing to do yet, no roles yet
        box.get_by_role("button", name="Add a row").click()
        box.get_by_label("Who 8", exact=True).fill("Kofi")
        box.get_by_label("Does or brings 8", exact=True).fill("Lends the drone for aerial photos")
        box.get_by_label("A resource they bring 8", exact=True).check()
        kofi = box.get_by_role("group", name="Kofi Mensah's contributor roles")
        kofi.get_by_label("Resources", exact=True).check()
        kofi.get_by_label("Writing \u2013 review & editing", exact=True).check()
        expect(box.locator(".nw-collab-gap")).to_have_count(0)
        rosa_roles = (*example.roles_of("Rosa Nwosu"), "Validation")
        expected = dataclasses.replace(
            renamed, revisit="When the cameras go back, in September",
            partners=(*example.partners, Partner("Kofi Mensah")),
            contributions=(*example.contributions, Contribution("Kofi Mensah", "Lends the drone for aerial photos",
                                                                kind="resource")),
            credit_roles=(*((n, r) for n, r in example.credit_roles if n != "Rosa Nwosu"),
                          ("Rosa Nwosu", rosa_roles), ("Kofi Mensah", ("Resources", "Writing - review & editing"))))
        expect(summary).to_have_text(terms_summary(expected))
        expect(summary).to_contain_text("- Kofi Mensah brings: Lends the drone for aerial photos")

        box.get_by_role("button", name="Save to my plan").click()
        expect(box.get_by_role("status")).to_contain_text(
            "Saved to plan.json: your collaboration agreement (lesson 16): Shade and surface heat")
        assert load_plan(folder / "plan.json").collaboration == expected

        whole_form(page, box, PHONE["width"], shots / "collaboration-phone.png")
        rosa.scroll_into_view_if_needed()
        page.screenshot(path=shots / "collaboration-roles-phone.png")
        summary.scroll_into_view_if_needed()
        page.screenshot(path=shots / "collaboration-summary-phone.png")
        assert phone_problems(page) == []
        assert axe_violations(page, context=".nw-collaboration") == []
