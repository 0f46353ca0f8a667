"""The ethics sorter in Voila, in headless Chromium: statements read as shown, verdicts chosen by their labels, a
check with statements missing (the sentence beside the button, every answer kept), the reasoning and the truthful
rewrite as shown, axe-core's rules, focus rings, and the layout at laptop and phone widths. No lesson shows it
yet, so the test writes a one-cell notebook.

Screenshots at laptop and phone widths go to a temporary folder (or to ``$NEGWIDGETS_SHOTS`` when set)."""


import pytest
from playwright.sync_api import expect

from negwidgets.model import ethics_categories, ethics_statements

from .page_checks import LAPTOP, PHONE, axe_violations, focus_problems, phone_problems, settle
from .pages import open_widget
from .servers import chromium, one_cell_notebook, shots_folder, voila

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CELL = """from negwidgets.widgets import EthicsSorter
EthicsSorter()"""
NARROW_PHONE = {"width": 360, "height": 780}   # the narrowest phones still common
STATEMENTS = ethics_statements()
NAMES = {c.key: c.name for c in ethics_categories()}


def verdict(box, number: int, key: str):
    """The radio button of one verdict ("Lie") in the group labelled "Verdict <number>" (exactly: not "Verdict 12")."""
    return box.get_by_role("radiogroup", name=f"Verdict {number}", exact=True).get_by_role("radio", name=NAMES[key],
                                                                                           exact=True)


def test_voila_ethics_sorter_is_answered_checked_and_explained(tmp_path):
    shots = shots_folder(tmp_path)
    notebook = one_cell_notebook(tmp_path, "ethics", CELL)
    folder = notebook.parent
    with voila(notebook, tmp_path) as url, chromium(tmp_path) as page:
        box = open_widget(page, url, ".nw-ethics", LAPTOP)
        cards = box.locator(".nw-ethics-card")
        expect(cards).to_have_count(len(STATEMENTS))
        # Each card as shown: its situation and the speaker's words, money as written (never typeset).
        for card, item in zip(cards.all(), STATEMENTS):
            expect(card).to_contain_text(item.situation)
            expect(card).to_contain_text(f"{item.speaker}: \u201c{item.statement}\u201d")
        expect(box).to_contain_text("I have another offer at $78,000, so you'd need to match it.")
        assert page.locator(".nw-ethics mjx-container, .nw-ethics .MathJax").count() == 0
        page.screenshot(path=shots / "ethics-laptop.png", full_page=True)
        assert axe_violations(page, context=".nw-ethics") == []

        # Verdicts by their labels: the first right, the second wrong, the rest left for now.
        kwame, sofia = STATEMENTS[0], STATEMENTS[1]
        wrong_for_sofia = "honest" if sofia.verdict != "honest" else "lie"
        verdict(box, 1, kwame.verdict).check()
        verdict(box, 2, wrong_for_sofia).check()
        button = box.get_by_role("button", name="Check my answers")
        button.click()
        missing = list(range(3, len(STATEMENTS) + 1))
        expected_missing = f"Statements {', '.join(map(str, missing[:-1]))} and {missing[-1]} have no verdict yet."
        alert = box.get_by_role("alert")
        expect(alert).to_have_text(f"\u26a0 {expected_missing}")
        # Beside the button on a laptop: the alert starts to its right, on the same line.
        button_box, alert_box = button.bounding_box(), alert.bounding_box()
        assert alert_box["x"] >= button_box["x"] + button_box["width"] - 1
        assert alert_box["y"] < button_box["y"] + button_box["height"] and \
            button_box["y"] < alert_box["y"] + alert_box["height"]
        # Nothing lost: the verdicts chosen are still chosen.
        expect(verdict(box, 1, kwame.verdict)).to_be_checked()
        # The reasoning and the truthful rewrite, as shown in the first two cards; the third gives nothing away.
        expect(cards.nth(0)).to_contain_text("\u2713 Right: this is a lie.")
        expect(cards.nth(0)).to_contain_text(f"Why: {kwame.reasoning}")
        expect(cards.nth(0)).to_contain_text(f"A truthful way to say it: \u201c{kwame.rewrite}\u201d")
        expect(cards.nth(1)).to_contain_text(f"\u2717 Not quite: you said {wrong_for_sofia}, but this is "
                                             f"{sofia.verdict}.")
        expect(cards.nth(1)).to_contain_text(sofia.reasoning)
        expect(cards.nth(2)).to_contain_text("No verdict yet")
        expect(cards.nth(2)).not_to_contain_text(STATEMENTS[2].reasoning)
        expect(box.get_by_role("status")).to_contain_text(f"1 of {len(STATEMENTS)} right so far")
        button.scroll_into_view_if_needed()
        page.screenshot(path=shots / "ethics-missing-laptop.png")
        page.set_viewport_size(NARROW_PHONE)   # on a phone the sentence goes under the button, still in view
        settle(page)
        button.scroll_into_view_if_needed()
        alert_box, button_box = alert.bounding_box(), button.bounding_box()
        assert button_box["y"] + button_box["height"] <= alert_box["y"] + 1 and alert_box["x"] >= 0
        assert alert_box["x"] + alert_box["width"] <= NARROW_PHONE["width"]
        page.screenshot(path=shots / "ethics-missing-narrow-phone.png")
        page.set_viewport_size(LAPTOP)
        settle(page)

        # The rest answered right: the alert goes, and the score counts the one mistake.
        for number, item in enumerate(STATEMENTS[2:], 3):
            verdict(box, number, item.verdict).check()
        expect(alert).to_have_count(0)
        button.click()
        expect(box.get_by_role("status")).to_contain_text(f"{len(STATEMENTS) - 1} of {len(STATEMENTS)} right.")
        expect(cards.nth(len(STATEMENTS) - 1)).to_contain_text(STATEMENTS[-1].rewrite)
        settle(page)
        assert axe_violations(page, context=".nw-ethics") == []   # the feedback's colours too
        cards.nth(1).scroll_into_view_if_needed()
        page.screenshot(path=shots / "ethics-checked-laptop.png")
        assert focus_problems(page, presses=200) == []

        for name, size in (("phone", PHONE), ("narrow-phone", NARROW_PHONE)):
            page.set_viewport_size(size)
            settle(page)
            cards.nth(1).scroll_into_view_if_needed()
            page.screenshot(path=shots / f"ethics-{name}.png")
            assert phone_problems(page) == [], name
            radio = verdict(box, 2, "misleading")
            assert radio.bounding_box()["height"] >= 24, f"a verdict button is too small to tap on a {name}"
