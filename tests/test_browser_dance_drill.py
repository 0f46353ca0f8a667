"""Lesson 08's "read the dance" drill in Voila, in headless Chromium: one counterpart read with the radio
buttons and the text box, the reveal read from the page as rendered, axe-core's rules on the drill, and its
layout on a phone.

Screenshots at laptop and phone widths go to a temporary folder (or to ``$NEGWIDGETS_SHOTS`` when set)."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import NOTEBOOKS
from .page_checks import LAPTOP, PHONE, axe_violations, settle
from .pages import open_widget
from .servers import chromium, shots_folder, voila

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSON = NOTEBOOKS / "08_negotiation_dance.ipynb"


def lesson_seed() -> int:
    source = (NOTEBOOKS / "sources" / "08_negotiation_dance.md").read_text()
    return int(re.search(r"ReadTheDance\(seed=(\d+)\)", source)[1])


def test_voila_drill_reads_one_counterpart_and_shows_the_reveal(tmp_path):
    from negwidgets.model import DanceDrill, money

    model = DanceDrill(seed=lesson_seed())
    first = model.current
    typed = f"{(first.reservation - 600) / 1000:g}k"  # a near miss, typed as people type it
    read = model.answer(first.family, typed)
    assert read.tactic_right and read.error == 600
    score = model.describe()
    second = model.next()

    shots = shots_folder(tmp_path)
    with voila(LESSON, tmp_path) as url, chromium(tmp_path) as page:
        box = open_widget(page, url, ".nw-dance-drill", LAPTOP)
        box.scroll_into_view_if_needed()
        expect(box).to_contain_text("Counterpart 1 of 4.")
        expect(box).to_contain_text(first.setting())
        offers = box.get_by_role("list", name=re.compile(r"(Its offers|Their asks) so far"))
        expect(offers.locator("li")).to_have_count(first.shown)
        expect(offers.locator("li").last).to_have_text(
            f"{first.shown}. {money(first.visible[-1])} (+{money(first.visible[-1] - first.visible[-2])})")
        figure = box.locator("img").first
        expect(figure).to_have_attribute("alt", re.compile(re.escape(f"first {first.shown} of {len(first.offers)}")))
        page.screenshot(path=shots / "dance-drill-start-laptop.png")

        # A read without a tactic is refused beside the controls.
        box.get_by_role("button", name="Check my read").click()
        expect(box.get_by_role("alert")).to_contain_text("Choose the tactic you read", timeout=30_000)

        box.get_by_role("radio", name=first.family, exact=True).check()
        box.get_by_label("Their limit (your estimate)").fill(typed)
        box.get_by_role("button", name="Check my read").click()
        reveal = box.locator(".nw-read")
        expect(reveal).to_be_visible(timeout=30_000)
        shown = reveal.inner_text()
        for part in (read.headline, first.tell(), read.limit_text(), read.points_text()):
            assert part in shown, f"{part!r} is not on the page: {shown!r}"
        assert f"was {money(600)} off" in shown
        expect(box.get_by_role("alert")).to_have_count(0)
        expect(offers).to_have_count(0)  # the list is now the whole dance
        expect(box.get_by_role("list", name=re.compile(r"^(Its offers|Their asks)$")).locator("li")) \
            .to_have_count(len(first.offers))
        expect(figure).to_have_attribute("alt", re.compile("as a red line"))
        expect(box.get_by_role("status").last).to_have_text("✓ " + score)
        expect(box.get_by_role("button", name="Check my read")).to_be_disabled()
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error displaying widget" not in body
        assert "ReadTheDance(" not in body  # no code on the page
        settle(page, quiet_ms=300)
        violations = axe_violations(page, context=".nw-dance-drill")
        assert violations == [], "\n".join(n for v in violations for n in v["nodes"])
        reveal.scroll_into_view_if_needed()
        page.screenshot(path=shots / "dance-drill-reveal-laptop.png")
        figure.scroll_into_view_if_needed()
        page.screenshot(path=shots / "dance-drill-figure-laptop.png")

        page.set_viewport_size(PHONE)
        settle(page, quiet_ms=300)
        box.get_by_role("button", name="Check my read").scroll_into_view_if_needed()
        page.screenshot(path=shots / "dance-drill-controls-phone.png")
        reveal.scroll_into_view_if_needed()
        page.screenshot(path=shots / "dance-drill-reveal-phone.png")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"the page scrolls sideways by {overflow} px on a phone"

        box.get_by_role("button", name="Next counterpart").click()
        expect(box).to_contain_text("Counterpart 2 of 4.", timeout=30_000)
        expect(box).to_contain_text(second.setting())
        expect(box.locator(".nw-read")).to_have_count(0)
        for name in ("Boulware", "Linear", "Conceder", "Hardliner"):
            expect(box.get_by_role("radio", name=name, exact=True)).not_to_be_checked()
        expect(box.get_by_label("Their limit (your estimate)")).to_have_value("")
        box.scroll_into_view_if_needed()
        page.screenshot(path=shots / "dance-drill-next-phone.png")
