"""The participant app and the debrief dashboard, driven without a browser."""

from __future__ import annotations

import base64
import csv
import io
import re
import time
from datetime import datetime, timezone

import pytest

from negwidgets.seminar import ResultsStore, make_pack
from negwidgets.seminar.access import REFUSED
from negwidgets.widgets import DebriefDashboard, ParticipantApp


@pytest.fixture
def store(tmp_path):
    with ResultsStore(f"sqlite:///{tmp_path / 'results.sqlite'}") as store:
        yield store


@pytest.fixture
def car(store):
    pack = make_pack("used_car", 4, seed=11, no_zone_share=0.25)
    store.publish(pack.record())
    return pack


def _logged_in(store, pack, pair="P1", role="buyer"):
    app = ParticipantApp(store)
    participant = pack.participant(pair, role)
    app.pair_code.value, app.access_code.value = participant.pair, participant.access_code
    app.open_sheet()
    return app


def _fill(app, **values):
    defaults = dict(opener="seller", opening="$11,900", outcome="agreement", agreement="10,300", rounds=5)
    for name, value in {**defaults, **values}.items():
        getattr(app, name).value = value


def test_without_a_published_pack_the_app_says_so_instead_of_failing(store):
    app = ParticipantApp(store)
    assert "No role-play pack has been published" in app.status_text
    assert "role='alert'" in app.status.value


def test_a_bad_database_url_is_a_sentence_on_the_page():
    app = ParticipantApp("not a url")
    assert "is not a database URL" in app.status_text
    dashboard = DebriefDashboard("not a url")
    assert "is not a database URL" in dashboard.status_text


def test_the_right_codes_open_only_that_participants_sheet(store, car):
    app = ParticipantApp(store)
    buyer, seller = car.participant("P1", "buyer"), car.participant("P1", "seller")
    app.pair_code.value, app.access_code.value = "P1", seller.access_code.replace("-", "")[::-1]
    app.open_sheet()
    assert app.status_text == REFUSED and app.sheet.value == "" and app.form.layout.display == "none"
    app.pair_code.value, app.access_code.value = "p1", buyer.access_code.lower()
    app.open_sheet()
    assert app.participant == ("P1", "buyer")
    pair = car.pair("P1")
    assert "$" + f"{pair.reservations[1]:,.0f}" in app.sheet.value
    assert "$" + f"{pair.reservations[0]:,.0f}" not in app.sheet.value
    assert buyer.access_code not in app.sheet.value and seller.access_code not in app.sheet.value
    assert app.access_code.value == ""          # the code does not stay on the screen
    assert app.login.layout.display == "none" and app.form.layout.display is None


def test_a_bad_field_is_explained_beside_it_and_nothing_is_sent_or_lost(store, car):
    app = _logged_in(store, car)
    _fill(app, opening="1,000,000")
    app.submit()
    assert "looks like a typo" in app.errors["opening"].value and "role='alert'" in app.errors["opening"].value
    assert "not sent yet" in app.status_text
    assert store.count(car.pack_id) == 0
    assert app.opening.value == "1,000,000" and app.agreement.value == "10,300"
    app.survey[0].value = "6"
    app.opening.value = "11,900"
    app.submit()
    assert "question 2 has no answer" in app.errors["survey"].value and app.errors["opening"].value == ""


def test_a_result_is_stored_and_a_correction_is_a_new_row_that_counts(store, car):
    app = _logged_in(store, car)
    _fill(app)
    for buttons, value in zip(app.survey, "6547"):
        buttons.value = value
    app.submit()
    assert app.status_text.startswith("Thank you: your result is in.")
    (report,) = store.reports(car.pack_id)
    assert (report.pair, report.role, report.opening, report.agreement, report.survey) == (
        "P1", "buyer", 11_900.0, 10_300.0, (6, 5, 4, 7))
    app.agreement.value = "10,350"
    app.submit()
    assert [r.agreement for r in store.reports(car.pack_id)] == [10_350.0]
    assert store.count(car.pack_id) == 2


def test_an_impasse_hides_and_ignores_the_agreement_and_nobody_opening_hides_the_number(store, car):
    app = _logged_in(store, car, "P2", "seller")
    _fill(app, outcome="impasse", opener="nobody", rounds=0)
    assert app.agreement_box.layout.display == "none" and app.opening.layout.display == "none"
    app.submit()
    (report,) = store.reports(car.pack_id)
    assert (report.agreed, report.agreement, report.opening, report.opener) == (False, None, None, "nobody")


def test_a_multi_issue_case_reports_an_option_for_every_issue(store):
    pack = make_pack("research_collaboration", 2, seed=1)
    store.publish(pack.record())
    app = _logged_in(store, pack, "P2", "company")
    app.opener.value, app.opening.value, app.rounds.value = "lab", "180000", 7
    app.submit()
    assert "Choose the agreed option" in app.errors["agreement"].value
    for dropdown in app.terms.values():
        dropdown.value = dropdown.options[-1][1]
    app.submit()
    (report,) = store.reports(pack.pack_id)
    assert report.terms == {issue.name: issue.options[-1] for issue in pack.case.scoring.issues}
    assert report.agreement == 180_000.0


def test_a_database_that_goes_away_keeps_the_form_and_says_so(store, car, monkeypatch):
    app = _logged_in(store, car)
    _fill(app)

    def broken(*_args, **_kwargs):
        raise ConnectionError("the server went away")

    monkeypatch.setattr(store, "submit", broken)
    app.submit()
    assert "could not save your result just now" in app.status_text and app.agreement.value == "10,300"


def test_the_dashboard_shows_a_new_result_after_a_refresh_and_redraws_only_when_something_arrived(store, car):
    dashboard = DebriefDashboard(store, refresh_seconds=0)
    assert "No results yet" in dashboard.summary.value
    assert dashboard.auto.value is False and dashboard.auto.disabled
    before = [image.value for image in dashboard.images]
    versions = [chart._version for chart in dashboard.charts]
    dashboard.refresh()
    assert [chart._version for chart in dashboard.charts] == versions   # nothing new: nothing redrawn
    pair = next(p for p in car.pairs if p.zone is not None)
    with ResultsStore(store.url) as elsewhere:   # another participant's kernel
        app = _logged_in(elsewhere, car, pair.code)
        _fill(app, agreement=str(pair.reservations[0] + 100))
        app.submit()
    dashboard.refresh_button.click()
    assert "1 of 4 pairs has reported; 1 agreed (100%)" in dashboard.summary.value
    assert "Agreement rate: 100% (1 of 1 reported pairs)" in dashboard.images[0].caption
    assert "1 agreement, 1 inside the pair's zone" in dashboard.images[1].caption
    assert all(a != b for a, b in zip(before[:2], [image.value for image in dashboard.images[:2]]))
    assert dashboard.charts[0].figure is dashboard.charts[0].figure   # the same figures, redrawn


def test_raw_data_and_import_need_the_instructors_secret_and_show_every_word_escaped(store, car):
    app = _logged_in(store, car)
    _fill(app)
    app.comment.value = "<script>alert('x')</script> =HYPERLINK(\"http://evil\")"
    app.submit()
    dashboard = DebriefDashboard(store, refresh_seconds=0)
    assert dashboard.private.layout.display == "none" and dashboard.raw.value == ""
    dashboard.import_file(b"pair,role\n")
    assert "Unlock with the instructor&#x27;s secret first" in dashboard.import_status.value
    dashboard.secret.value = "guess"
    dashboard.unlock()
    assert "not the instructor's secret" in dashboard.status_text and dashboard.raw.value == ""
    dashboard.secret.value = car.instructor_secret
    dashboard.unlock()
    assert dashboard.unlocked and dashboard.secret.value == ""
    assert "<script>" not in dashboard.raw.value and "&lt;script&gt;" in dashboard.raw.value
    link = re.search(r"href='data:text/csv;base64,([^']+)'", dashboard.download.value)[1]
    rows = list(csv.reader(io.StringIO(base64.b64decode(link).decode("utf-8"))))
    assert rows[1][2:4] == ["P1", "buyer"] and rows[1][-1].startswith("<script>")
    app.comment.value = "=HYPERLINK(\"http://evil\")"
    app.submit()
    dashboard.show_raw()
    rows = list(csv.reader(io.StringIO(base64.b64decode(
        re.search(r"base64,([^']+)'", dashboard.download.value)[1]).decode("utf-8"))))
    assert rows[-1][-1].startswith("'=")   # a spreadsheet shows it as text, never runs it
    text = "pair,role,opener,opening,outcome,agreement,rounds\nP3,seller,buyer,9000,agreement,99,2\nP3,buyer,buyer,9000,agreement,9500,2\n"
    dashboard.import_file(text.encode("utf-8"))
    assert "Added 1; 0 already in the store; 1 problems." in dashboard.import_status.value
    assert "Line 2:" in dashboard.import_status.value
    dashboard.upload.value = ({"name": "r.csv", "type": "text/csv", "size": len(text), "content": memoryview(text.encode()),
                               "last_modified": datetime.now(timezone.utc)},)
    assert "Added 0; 1 already in the store" in dashboard.import_status.value


def test_the_dashboard_refreshes_itself_on_its_timer_until_stopped(store, car):
    dashboard = DebriefDashboard(store, refresh_seconds=0.05)
    try:
        assert dashboard.auto.value is True and "Refresh every 0.05 s" == dashboard.auto.description
        app = _logged_in(store, car, "P3", "seller")
        _fill(app, outcome="impasse", opener="nobody", rounds=0)
        app.submit()
        deadline = time.monotonic() + 20
        while "1 of 4 pairs has reported" not in dashboard.summary.value and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "1 of 4 pairs has reported; 0 agreed (0%)" in dashboard.summary.value
        dashboard.auto.value = False          # unticking stops the timer
        dashboard._thread.join(5)
        assert not dashboard._thread.is_alive()
        dashboard.auto.value = True
        assert dashboard._thread.is_alive()
    finally:
        dashboard.close()
    dashboard._thread.join(5)
    assert not dashboard._thread.is_alive()


def test_a_store_that_stops_answering_is_a_sentence_in_either_app_and_the_last_charts_stay(store, car, monkeypatch):
    def broken(*_args, **_kwargs):
        raise ConnectionError("the server went away")

    app = ParticipantApp(store)
    app.pair_code.value, app.access_code.value = "P1", car.participant("P1", "buyer").access_code
    dashboard = DebriefDashboard(store, refresh_seconds=0)
    charts = [image.value for image in dashboard.images]
    monkeypatch.setattr(store, "attempts_since", broken)
    monkeypatch.setattr(store, "reports", broken)
    app.open_sheet()
    assert "could not check your codes just now" in app.status_text and app.pair_code.value == "P1"
    dashboard.refresh(force=True)
    assert "could not read the results just now" in dashboard.status_text
    assert [image.value for image in dashboard.images] == charts
    dashboard.secret.value = car.instructor_secret
    dashboard.unlock()
    assert "could not check the secret just now" in dashboard.status_text and not dashboard.unlocked
