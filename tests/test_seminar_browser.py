"""The debrief dashboard on the big screen, in Voila and Chromium, while pairs are still negotiating.

A missing browser is a failure, never a skip: `bash scripts/run-tests.sh` installs it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from negwidgets.seminar import ResultsStore, check_report, make_pack

from .conftest import NOTEBOOKS
from .servers import chromium, only_localhost, voila
from .test_widgets_seminar import _texts, _with_values

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Screenshots for a person to look at; nothing reads them back.
SHOTS = Path(os.environ.get("NEGWIDGETS_SHOTS", "/tmp/wt-seminar-shots"))

# Every word the dashboard puts on the page: its text as shown and as kept (a closed <details> too), and
# the attributes a screen reader reads (the charts' alt text).
WORDS = """() => {
  const parts = [document.body.innerText];
  for (const root of document.querySelectorAll('.negwidgets')) parts.push(root.textContent);
  for (const el of document.querySelectorAll('.negwidgets *'))
    for (const name of ['alt', 'title', 'aria-label', 'aria-valuetext', 'value'])
      if (el.getAttribute(name)) parts.push(el.getAttribute(name));
  return parts.join('\\n');
}"""
# Each chart's picture as the page holds it (its PNG bytes), as a digest.
PICTURES = """async () => {
  const out = [];
  for (const img of document.querySelectorAll('.negwidgets figure img')) {
    const bytes = await (await fetch(img.src)).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    out.push(Array.from(digest, b => b.toString(16).padStart(2, '0')).join(''));
  }
  return out;
}"""


def test_the_big_screen_shows_no_private_value_of_a_pair_still_negotiating(tmp_path, monkeypatch):
    """Issue 17.1, in the browser: two classes that differ only in the values of the pairs still
    negotiating show the same words and the same chart pictures, until a pair reports (its values appear)
    or the instructor reveals every pair's values with one click."""
    url = f"sqlite:///{tmp_path / 'class_results.sqlite'}"
    monkeypatch.setenv("NEGWIDGETS_RESULTS_URL", url)   # the Voila kernels inherit it
    base = make_pack("used_car", 3, seed=5).record()
    one = _with_values(base, {"P2": (9_650, 11_350), "P3": (12_150, 10_850)}, "aaaa0001")
    other = _with_values(base, {"P2": (8_950, 10_450), "P3": (9_450, 12_650)}, "aaaa0002")
    low, high = base.pair("P1").reservations

    def publish(record):
        with ResultsStore(url) as store:
            store.publish(record)
            store.submit(check_report(record, pair="P1", role="buyer", opener="seller", opening=11_900,
                                      outcome="agreement", agreement=(low + high) // 2, rounds=4))

    def secret_words(code, shown=False):
        """A pair's values as the page could write them (as it does write them: "$9,650")."""
        return [t for v in one.pair(code).reservations for t in _texts(v)[:1 if shown else 2]]

    def settled(dashboard, hidden):
        """Wait for a refresh to finish: the table of pairs is written after every chart."""
        words = f" ({hidden} still negotiating: their values are hidden until they report)" if hidden else ""
        expect(dashboard.locator("details summary")).to_have_text(
            f"Each pair's values and outcome, as a table{words}", timeout=60_000)

    SHOTS.mkdir(parents=True, exist_ok=True)
    with voila(NOTEBOOKS / "seminar" / "debrief_dashboard.ipynb", tmp_path / "voila") as page_url, \
            chromium(tmp_path) as screen:
        tabs = {}
        for record in (one, other):   # each tab opens the newest pack when its kernel starts
            publish(record)
            page = screen if not tabs else screen.context.new_page()
            if tabs:
                page.route("**/*", only_localhost)
            page.set_viewport_size({"width": 1920, "height": 1080})   # the projector
            page.goto(page_url, timeout=120_000)
            dashboard = page.locator(".negwidgets").first
            dashboard.wait_for(timeout=120_000)
            expect(dashboard).to_contain_text(f"pack {record.pack_id}", timeout=60_000)
            expect(dashboard).to_contain_text("1 of 3 pairs has reported", timeout=60_000)
            settled(dashboard, 2)
            tabs[record.pack_id] = (page, dashboard)
        (page, dashboard), (other_page, other_dashboard) = tabs.values()
        zone_chart = dashboard.locator("figure img").nth(1)

        assert page.evaluate(PICTURES) == other_page.evaluate(PICTURES)
        words = page.evaluate(WORDS)
        assert not [t for t in secret_words("P2") + secret_words("P3") if t in words]
        assert all(t in words for t in [f"{v:,.0f}" for v in one.pair("P1").reservations])   # P1 reported
        page.screenshot(path=SHOTS / "dashboard-1-negotiating.png", full_page=True)

        # The instructor's deliberate click: every pair's values, on every chart and in the table.
        before = zone_chart.get_attribute("src")
        dashboard.get_by_role("button", name="Reveal every pair's values").click()
        expect(zone_chart).not_to_have_attribute("src", before, timeout=30_000)
        settled(dashboard, 0)
        expect(dashboard.get_by_role("button", name="Hide the values of pairs still negotiating")).to_be_visible()
        dashboard.locator("details summary").first.click()
        words = page.evaluate(WORDS)
        assert all(t in words for t in secret_words("P2", shown=True) + secret_words("P3", shown=True))
        assert page.evaluate(PICTURES)[1] != other_page.evaluate(PICTURES)[1]
        page.screenshot(path=SHOTS / "dashboard-2-revealed.png", full_page=True)
        revealed = zone_chart.get_attribute("src")
        dashboard.get_by_role("button", name="Hide the values of pairs still negotiating").click()
        expect(zone_chart).not_to_have_attribute("src", revealed, timeout=30_000)
        settled(dashboard, 2)
        assert page.evaluate(PICTURES) == other_page.evaluate(PICTURES)
        assert not [t for t in secret_words("P2") + secret_words("P3") if t in page.evaluate(WORDS)]

        # P2 reports the same impasse in both classes: its values appear, P3's still do not.
        for record in (one, other):
            with ResultsStore(url) as store:
                store.submit(check_report(record, pair="P2", role="seller", opener="nobody", opening="",
                                          outcome="impasse", rounds=0))
        for tab_page, tab in tabs.values():
            tab.get_by_role("button", name="Refresh now").click()
            expect(tab).to_contain_text("2 of 3 pairs have reported", timeout=60_000)
            settled(tab, 1)
        words = page.evaluate(WORDS)
        assert all(t in words for t in secret_words("P2", shown=True))
        assert not [t for t in secret_words("P3") if t in words]
        assert page.evaluate(PICTURES)[1] != other_page.evaluate(PICTURES)[1]
        page.screenshot(path=SHOTS / "dashboard-3-p2-reported.png", full_page=True)
        for tab_page, _ in tabs.values():
            body = tab_page.inner_text("body")
            assert "Traceback" not in body and "Error displaying widget" not in body


def test_a_multi_issue_dashboard_shows_the_frontier_only_once_every_pair_has_reported_or_is_revealed(tmp_path,
                                                                                                    monkeypatch):
    """The frontier chart of a multi-issue case, as the page shows it: while a pair negotiates its caption
    says why it waits (no pair, no points); revealed, it says what the class left on the table, exactly as
    the debrief computes it; and once the last pair reports it is shown without the reveal."""
    from negwidgets.seminar.charts import FrontierChart
    from negwidgets.seminar.debrief import class_debrief

    from .page_checks import LAPTOP, PHONE, PROJECTOR, projector_problems, settle

    url = f"sqlite:///{tmp_path / 'class_results.sqlite'}"
    monkeypatch.setenv("NEGWIDGETS_RESULTS_URL", url)
    record = make_pack("job_offer", 3, seed=2).record()
    system = record.case.scoring
    on_frontier = dict(zip((i.name for i in system.issues), system.frontier().choices[12][0]))
    deals = {"P1": {i.name: i.options[on_frontier[i.name]] for i in system.issues},
             "P2": {i.name: i.options[1] for i in system.issues}}   # far inside the frontier
    with ResultsStore(url) as store:
        store.publish(record)
        for code, terms in deals.items():
            store.submit(check_report(record, pair=code, role="candidate", opener="employer", opening=74_000,
                                      outcome="agreement", terms=terms, rounds=5))

    def expected(reveal=False):
        with ResultsStore(url) as store:
            return "Figure: " + FrontierChart().update(class_debrief(record, store.reports(record.pack_id), reveal))

    SHOTS.mkdir(parents=True, exist_ok=True)
    with voila(NOTEBOOKS / "seminar" / "debrief_dashboard.ipynb", tmp_path / "voila") as page_url, \
            chromium(tmp_path) as page:
        page.set_viewport_size(PROJECTOR)
        page.goto(page_url, timeout=120_000)
        dashboard = page.locator(".negwidgets").first
        dashboard.wait_for(timeout=120_000)
        expect(dashboard).to_contain_text("2 of 3 pairs have reported", timeout=60_000)
        caption = dashboard.locator("figure").nth(2).locator("figcaption")
        waiting = expected()
        assert "still negotiating" in waiting and "P1" not in waiting
        expect(caption).to_have_text(waiting, timeout=60_000)
        words = page.evaluate(WORDS)
        assert "joint points on the table" not in words and "on the frontier." not in words
        settle(page)
        page.screenshot(path=SHOTS / "frontier-1-negotiating-1920.png", full_page=True)

        dashboard.get_by_role("button", name="Reveal every pair's values").click()
        revealed = expected(reveal=True)
        assert "2 deals left" in revealed and "1 pair not reported yet" in revealed
        expect(caption).to_have_text(revealed, timeout=60_000)
        settle(page)
        assert projector_problems(page) == []
        page.screenshot(path=SHOTS / "frontier-2-revealed-1920.png", full_page=True)
        frontier = dashboard.locator("figure").nth(2)
        frontier.screenshot(path=SHOTS / "frontier-chart-1920.png")
        for name, size in (("laptop", LAPTOP), ("phone", PHONE)):
            page.set_viewport_size(size)
            settle(page)
            page.screenshot(path=SHOTS / f"frontier-2-revealed-{name}.png", full_page=True)
            frontier.screenshot(path=SHOTS / f"frontier-chart-{name}.png")
        page.set_viewport_size(PROJECTOR)

        # Hidden again, then the last pair reports an impasse: every pair has reported, so the chart shows.
        dashboard.get_by_role("button", name="Hide the values of pairs still negotiating").click()
        expect(caption).to_have_text(waiting, timeout=60_000)
        with ResultsStore(url) as store:
            store.submit(check_report(record, pair="P3", role="employer", opener="nobody", opening="",
                                      outcome="impasse", rounds=0))
        dashboard.get_by_role("button", name="Refresh now").click()
        reported = expected()
        assert "1 impasse" in reported and "not reported" not in reported
        expect(caption).to_have_text(reported, timeout=60_000)
        settle(page)
        page.screenshot(path=SHOTS / "frontier-3-all-reported-1920.png", full_page=True)
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error displaying widget" not in body


def test_a_raise_sheet_opens_in_the_participant_app_fits_a_phone_and_reports_its_salary(tmp_path, monkeypatch):
    """Lesson 15's role-play in Voila: Dara, in a pair without an outside offer, opens the sheet on a phone
    (its own values, none of Robin's facts, nothing that would invent an offer) and reports a deal, whose
    salary is read from the option of the salary and level."""
    import re

    url = f"sqlite:///{tmp_path / 'class_results.sqlite'}"
    monkeypatch.setenv("NEGWIDGETS_RESULTS_URL", url)
    pack = make_pack("raise", 6, seed=3)
    with ResultsStore(url) as store:
        store.publish(pack.record())
    pair = next(p for p in pack.pairs if p.reservations[0] == 10)   # no outside offer
    dara = pack.participant(pair.code, "employee")
    terms = {"Salary and level": "$68,000 as Senior planner", "Remote days": "One day a week",
             "Training budget": "$3,000", "Salary review": "In 6 months, against goals written down now"}
    SHOTS.mkdir(parents=True, exist_ok=True)
    with voila(NOTEBOOKS / "seminar" / "participant_app.ipynb", tmp_path / "participant") as app_url, \
            chromium(tmp_path) as page:
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(app_url, timeout=120_000)
        app = page.locator(".negwidgets").first
        app.wait_for(timeout=120_000)
        for label, text in (("Pair code", pair.code), ("Personal access code", dara.access_code)):
            field = app.locator(".widget-text").filter(has_text=label).locator("input").first
            field.fill(text)
            field.press("Tab")
        app.get_by_role("button", name="Open my sheet").click()
        expect(app).to_contain_text(f"Confidential: Dara, pair {pair.code}", timeout=30_000)
        text = app.inner_text()
        assert "You have no other offer" in text and "Your reservation value: 10 points." in text
        assert f"{pair.reservations[1]:g} points" not in text
        for secret in ("$9,600", "$69,300", "promotion fund", "Coastline", "Friday next week"):
            assert secret not in text, secret
        sheet = app.locator(".negwidgets-sheet")
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        assert sheet.evaluate("e => e.scrollWidth <= e.clientWidth + 1")   # its table wraps, nothing hidden
        # Voila's page scrolls inside itself, so a screenshot of the whole sheet needs a window as tall as it.
        for width, name in ((390, "phone"), (1280, "laptop")):
            page.set_viewport_size({"width": width, "height": 900})
            tall = app.evaluate("e => e.scrollHeight")
            page.set_viewport_size({"width": width, "height": tall + 200})
            sheet.screenshot(path=SHOTS / f"raise-sheet-{name}.png")
        page.set_viewport_size({"width": 1280, "height": 900})

        app.locator(".widget-dropdown").filter(has_text="Who named the first number").locator("select") \
            .select_option(label="Robin")
        field = app.locator(".widget-text").filter(has_text="The first number").locator("input").first
        field.fill("65,000")
        field.press("Tab")
        for issue, option in terms.items():
            app.locator(".widget-dropdown").filter(has_text=re.compile(rf"^{issue}")).locator("select") \
                .select_option(label=option)
        app.get_by_role("button", name="Submit my result").click()
        expect(app).to_contain_text("Thank you: your result is in.", timeout=30_000)
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error displaying widget" not in body
    with ResultsStore(url) as store:
        (report,) = store.reports(pack.pack_id)
    assert (report.pair, report.role, report.opening, report.agreement, report.terms) == (
        pair.code, "employee", 65_000, 68_000, terms)
