"""The instructor's guide's JupyterHub set-up, run for real: a JupyterHub (from PyPI) behind
configurable-http-proxy (from npm) runs the guide's own ``jupyterhub_config.py`` lines, so the participant
app is its service on a throwaway PostgreSQL; a participant logs in to the hub in Chromium, reports through
the service, and the dashboard reads the report from the same database."""

from __future__ import annotations

import re
import urllib.request

import pytest
from playwright.sync_api import expect

from .servers import HUB_PASSWORD, chromium, guide_hub_config, jupyterhub, postgresql
from .test_instructor_guide import hub_config_snippet

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_a_participant_logged_in_to_the_hub_reports_through_its_service_and_the_dashboard_reads_it(tmp_path):
    from negwidgets.seminar import ResultsStore, make_pack
    from negwidgets.widgets import DebriefDashboard

    pack = make_pack("used_car", 3, seed=5)
    pair, buyer = pack.pair("P1"), pack.participant("P1", "buyer")
    price = pair.reservations[0] + 100  # inside the zone
    with postgresql() as server:
        results_url = server.new_database()
        with ResultsStore(results_url) as store:
            store.publish(pack.record())
        with jupyterhub(guide_hub_config(hub_config_snippet(), results_url, tmp_path), tmp_path) as hub, chromium(tmp_path) as page:
            service = f"{hub}services/roleplay/"
            # The hub's login page, then on to the service, as a participant who follows the course's link.
            page.goto(f"{hub}hub/login?next=/services/roleplay/", timeout=60_000)
            page.get_by_label("Username").fill("participant1")
            page.get_by_label("Password").fill(HUB_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(service, timeout=60_000)
            app = page.locator(".negwidgets").first
            app.wait_for(timeout=90_000)

            def type_into(label: str, text: str) -> None:
                field = app.locator(".widget-text").filter(has_text=label).locator("input").first
                field.fill(text)
                field.press("Tab")

            type_into("Pair code", "P1")
            type_into("Personal access code", buyer.access_code)
            app.get_by_role("button", name="Open my sheet").click()
            expect(app).to_contain_text("Confidential: The buyer, pair P1", timeout=30_000)
            app.locator(".widget-dropdown").filter(has_text="Who named the first number").locator("select") \
                .select_option(label="The seller")
            type_into("The first number", "$11,900")
            type_into("The agreed price", f"{price:,.0f}")
            type_into("Rounds of offers", "4")
            for question in range(1, 5):
                app.get_by_role("radiogroup", name=re.compile(rf"^{question}\. ")) \
                    .get_by_role("radio", name=re.compile(r"^6( \(|$)")).click()
            app.get_by_role("button", name="Submit my result").click()
            expect(app).to_contain_text("Thank you: your result is in.", timeout=30_000)
            body = page.inner_text("body")
            assert "Traceback" not in body and "Error displaying widget" not in body

            # The hub's login does not guard the service (the guide says so): the access codes do.
            with urllib.request.urlopen(service, timeout=30) as response:
                assert response.status == 200 and response.url == service

        # The dashboard, as an instructor runs it with the course's database URL, shows the report.
        dashboard = DebriefDashboard(results_url, refresh_seconds=0)
        assert "1 of 3 pairs has reported; 1 agreed (100%)" in dashboard.summary.value
        with ResultsStore(results_url) as store:
            (report,) = store.reports(pack.pack_id)
        assert (report.pair, report.role, report.opening, report.agreement, report.survey) == (
            "P1", "buyer", 11_900, price, (6, 6, 6, 6))
