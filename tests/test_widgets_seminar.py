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
    assert "tell your instructor" in app.status_text   # participants are not told where the store is
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


def test_a_multi_issue_dashboard_adds_the_frontier_chart_which_waits_for_every_pair_or_the_reveal(store, car):
    from negwidgets.seminar import check_report
    from negwidgets.seminar.charts import FrontierChart

    assert not any(isinstance(chart, FrontierChart) for chart in DebriefDashboard(store, refresh_seconds=0).charts)
    record = make_pack("research_collaboration", 2, seed=1).record()
    store.publish(record)
    last = {issue.name: issue.options[-1] for issue in record.case.scoring.issues}
    store.submit(check_report(record, pair="P1", role="lab", opener="lab", opening=180_000, outcome="agreement",
                              terms=last, rounds=4))
    dashboard = DebriefDashboard(store, refresh_seconds=0)
    assert isinstance(dashboard.charts[2], FrontierChart) and len(dashboard.charts) == 7
    frontier = dashboard.images[2]
    assert "wait until every pair has reported" in frontier.caption and "P1" not in frontier.caption
    assert "once every pair has reported" in dashboard.pair_table.value   # P1's points left, not yet
    dashboard.reveal()
    expected = dashboard.debrief.against_frontier()
    assert f"up): {expected.describe()} The dotted lines are the BATNAs" in frontier.caption
    assert "1 pair not reported yet" in frontier.caption
    left = expected.deals[0].left_on_table
    assert f"<td>{left:g}</td>" in dashboard.pair_table.value


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
    monkeypatch.setattr(store, "count_try", broken)
    monkeypatch.setattr(store, "reports", broken)
    app.open_sheet()
    assert "could not check your codes just now" in app.status_text and app.pair_code.value == "P1"
    dashboard.refresh(force=True)
    assert "could not read the results just now" in dashboard.status_text
    assert [image.value for image in dashboard.images] == charts
    dashboard.secret.value = car.instructor_secret
    dashboard.unlock()
    assert "could not check the secret just now" in dashboard.status_text and not dashboard.unlocked


# -- issue 17: what the room sees, and a store that breaks under the apps --------------------------------

from .test_seminar_store import _corrupt_the_packs_table, _damage_the_pack_record, _make_read_only  # noqa: E402
from .test_seminar_store import postgres_server, store_url  # noqa: E402,F401  (fixtures: SQLite and PostgreSQL)


@pytest.fixture
def any_store(store_url):
    with ResultsStore(store_url) as store:
        yield store


def _words(widget) -> str:
    """Every word a widget tree sends to the page: HTML and text values, captions (the charts' text
    alternatives), descriptions, tooltips, placeholders and options."""
    found = []
    for name in ("value", "caption", "description", "tooltip", "placeholder", "before"):
        value = getattr(widget, name, None)
        if isinstance(value, str):
            found.append(value)
    found += [str(option) for option in getattr(widget, "options", ()) or ()]
    for child in getattr(widget, "children", ()):
        found.append(_words(child))
    return "\n".join(found)


def _with_values(record, values, pack_id):
    """The same pack with other private values for some pairs (and its own id)."""
    import dataclasses

    pairs = tuple(dataclasses.replace(p, reservations=values[p.code], zone=record.case.zone(values[p.code]))
                  if p.code in values else p for p in record.pairs)
    return dataclasses.replace(record, pack_id=pack_id, pairs=pairs)


def _texts(value: float) -> list[str]:
    return [f"{value:,.0f}", f"{value:.0f}"]


def test_the_dashboard_shows_a_pairs_values_only_after_it_reports_or_the_instructor_reveals_them(store):
    """Issue 17.1: two classes that differ only in the values of pairs still negotiating must look the same
    on the big screen, pixel for pixel and word for word, until those pairs report or the instructor
    reveals every pair's values with one click."""
    from negwidgets.seminar import check_report

    base = make_pack("used_car", 3, seed=5).record()
    one = _with_values(base, {"P2": (9_650, 11_350), "P3": (12_150, 10_850)}, "aaaa0001")
    other = _with_values(base, {"P2": (8_950, 10_450), "P3": (9_450, 12_650)}, "aaaa0002")
    low, high = base.pair("P1").reservations
    for record in (one, other):
        store.publish(record)
        store.submit(check_report(record, pair="P1", role="buyer", opener="seller", opening=11_900,
                                  outcome="agreement", agreement=(low + high) // 2, rounds=4))
    shown, hidden = DebriefDashboard(store, one.pack_id, refresh_seconds=0), \
        DebriefDashboard(store, other.pack_id, refresh_seconds=0)

    def pictures(dashboard):
        return [image.value for image in dashboard.images]

    def secret_words(record, *pairs, shown=False):
        """A pair's values as the page could write them (as it does write them: "$9,650")."""
        return [t for code in pairs for v in record.pair(code).reservations for t in _texts(v)[:1 if shown else 2]]

    assert pictures(shown) == pictures(hidden)
    assert [i.caption for i in shown.images] == [i.caption for i in hidden.images]
    words = _words(shown)
    assert not [t for t in secret_words(one, "P2", "P3") if t in words]
    assert all(t in words for t in secret_words(one, "P1", shown=True))   # a reported pair's values are shown
    assert "still negotiating" in words
    # The instructor's deliberate click shows every pair's values; a second click hides them again.
    shown.reveal_button.click()
    words = _words(shown)
    assert all(t in words for t in secret_words(one, "P2", "P3", shown=True))
    assert pictures(shown)[1] != pictures(hidden)[1]
    shown.reveal_button.click()
    assert pictures(shown) == pictures(hidden)
    # P2 reports (the same impasse in both classes): its values appear, P3's still do not.
    for record in (one, other):
        store.submit(check_report(record, pair="P2", role="seller", opener="nobody", opening="",
                                  outcome="impasse", rounds=0))
    shown.refresh(), hidden.refresh()
    words = _words(shown)
    assert all(t in words for t in secret_words(one, "P2", shown=True))
    assert not [t for t in secret_words(one, "P3") if t in words]
    assert pictures(shown)[1] != pictures(hidden)[1]


def test_a_participant_past_the_bound_on_reports_is_told_and_keeps_the_form(store, car, monkeypatch):
    import negwidgets.seminar.store as store_module

    monkeypatch.setattr(store_module, "MAX_REPORTS", 2, raising=False)
    app = _logged_in(store, car)
    _fill(app)
    app.submit(), app.submit()
    app.agreement.value = "10,400"
    app.submit()
    assert "already sent 2 reports" in app.status_text and "Thank you" not in app.status_text
    assert app.agreement.value == "10,400" and store.count(car.pack_id) == 2


@pytest.mark.parametrize("url, secret_words", [
    ("postgresql+psycopg://seminar:hunter2@127.0.0.1:1/negotiation", ["hunter2", "127.0.0.1", "seminar"]),
    ("postgresql+psycopg://seminar:hunter2@127.0.0.1:port/negotiation", ["hunter2", "127.0.0.1", "seminar"]),
    ("seminar:hunter2@db.example.org/negotiation", ["hunter2", "db.example.org", "seminar"]),
    ("damaged-file", []),
])
def test_participants_never_see_the_database_address_and_nobody_sees_its_password(url, secret_words, tmp_path):
    """Issue 17.5: the participant app showed the store's address (with the password of a malformed URL)."""
    if url == "damaged-file":
        path = tmp_path / "results.sqlite"
        path.write_bytes(b"this is not a database\x00" * 200)
        url, secret_words = f"sqlite:///{path}", [str(path), "results.sqlite"]
    app = ParticipantApp(url)
    assert "tell your instructor" in app.status_text
    assert not [w for w in secret_words if w in _words(app)]
    dashboard = DebriefDashboard(url)   # the instructor's view says where the store is, never its password
    assert "hunter2" not in _words(dashboard) and dashboard.status_text


def test_a_results_file_deleted_under_the_apps_is_said_and_the_form_kept(store, car):
    """Issue 17.6: the app said "your result is in" while writing to the deleted file."""
    app = _logged_in(store, car)
    _fill(app)
    dashboard = DebriefDashboard(store, refresh_seconds=0)
    path = store.url.split("///", 1)[1]
    import os

    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    app.submit()
    assert "not saved" in app.status_text and "Thank you" not in app.status_text and path not in app.status_text
    assert app.agreement.value == "10,300" and app.opening.value == "$11,900"
    dashboard.refresh(force=True)
    assert "deleted or replaced" in dashboard.status_text


def test_a_store_whose_tables_were_dropped_under_the_apps_keeps_the_form(any_store):
    pack = make_pack("used_car", 2, seed=1)
    any_store.publish(pack)
    app = _logged_in(any_store, pack)
    _fill(app)
    with any_store.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE negotiation_lab_reports")
    app.submit()
    assert "Thank you" not in app.status_text and "tell your instructor" in app.status_text
    assert app.agreement.value == "10,300"


_READ_ONLY_SCRIPT = """
import json, sys
from negwidgets.widgets import DebriefDashboard, ParticipantApp
url = sys.argv[1]
app = ParticipantApp(url)
seen = {"opened": app.status_text}
if getattr(app, "pair_code", None) is not None:
    app.pair_code.value, app.access_code.value = "P1", sys.argv[2]
    app.open_sheet()
seen["participant"] = app.status_text
seen["dashboard"] = DebriefDashboard(url, refresh_seconds=0).status_text
print(json.dumps(seen))
"""


def test_a_read_only_results_file_gives_participants_no_false_hope_and_the_instructor_the_reason(tmp_path):
    """Issue 17.7: every login said "did not answer... Try again", which could never work. The file is
    made read-only; root writes anyway, so the apps run without root's override of file permissions."""
    import json
    import os
    import subprocess
    import sys

    folder = tmp_path / "class"
    folder.mkdir()
    path = folder / "results.sqlite"
    pack = make_pack("used_car", 2, seed=1)
    with ResultsStore(f"sqlite:///{path}") as store:
        store.publish(pack)
    path.chmod(0o444)
    prefix = (["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"] if os.geteuid() == 0 else [])
    result = subprocess.run([*prefix, sys.executable, "-c", _READ_ONLY_SCRIPT, f"sqlite:///{path}",
                             pack.participant("P1", "buyer").access_code], capture_output=True, text=True,
                            env={**os.environ, "MPLCONFIGDIR": str(tmp_path)}, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    _check_read_only(seen)


def _check_read_only(seen):
    assert "tell your instructor" in seen["participant"] and "again" not in seen["participant"]
    assert "read-only" in seen["dashboard"]


def test_a_read_only_postgresql_store_is_explained_the_same_way(postgres_server):
    url = postgres_server.new_database()
    pack = make_pack("used_car", 2, seed=1)
    with ResultsStore(url) as store:
        store.publish(pack)
    _make_read_only(url)
    app = ParticipantApp(url)
    if getattr(app, "pair_code", None) is not None:
        app.pair_code.value, app.access_code.value = "P1", pack.participant("P1", "buyer").access_code
        app.open_sheet()
    _check_read_only({"participant": app.status_text,
                      "dashboard": DebriefDashboard(url, refresh_seconds=0).status_text})


@pytest.mark.parametrize("damage", ["record", "case"])
def test_a_damaged_pack_is_a_sentence_in_both_apps(damage, store_url):
    """Issue 17.8: a damaged pack record crashed both apps with a traceback."""
    pack = make_pack("used_car", 2, seed=1)
    with ResultsStore(store_url) as store:
        store.publish(pack)
        if damage == "record":
            _damage_the_pack_record(store, '{"format": "negotiation-lab-pack", "version": 1, "pairs": []}')
        else:
            _damage_the_pack_record(store, pack.record().to_json().replace('"used_car"', '"nothing"'))
    _check_damaged(store_url)


def test_a_corrupted_packs_page_is_a_sentence_in_both_apps(tmp_path):
    """Issue 17.8: a corrupted packs-table page of the SQLite file, likewise."""
    path = tmp_path / "results.sqlite"
    with ResultsStore(f"sqlite:///{path}") as store:
        store.publish(make_pack("used_car", 2, seed=1))
    _corrupt_the_packs_table(path)
    _check_damaged(f"sqlite:///{path}")


def _check_damaged(url):
    app = ParticipantApp(url)
    assert "tell your instructor" in app.status_text and "role='alert'" in app.status.value
    dashboard = DebriefDashboard(url, refresh_seconds=0)
    assert "damaged" in dashboard.status_text


def test_an_import_with_inf_and_1e400_lists_those_lines_and_keeps_the_rest(any_store):
    """Issue 17.9: the import stopped at the first such row, and the dashboard blamed the store."""
    pack = make_pack("used_car", 2, seed=1)
    any_store.publish(pack)
    dashboard = DebriefDashboard(any_store, refresh_seconds=0)
    dashboard.secret.value = pack.instructor_secret
    dashboard.unlock()
    dashboard.import_file(b"pair,role,opener,opening,outcome,agreement,rounds\n"
                          b"P1,buyer,seller,11000,agreement,10000,4\n"
                          b"P1,seller,seller,11000,agreement,10000,inf\n"
                          b"P2,buyer,seller,1e400,agreement,10000,4\n")
    status = dashboard.import_status.value
    assert "Added 1; 0 already in the store; 2 problems." in status and "Line 3:" in status and "Line 4:" in status
    assert "did not answer" not in status and any_store.count(pack.pack_id) == 1


def test_the_raise_dashboard_shows_no_pair_still_negotiating_and_never_which_alternative_a_pair_drew(store):
    """Lesson 15's role-play: Dara's BATNA (no offer, or which offer) differs from pair to pair. Until a
    pair reports, two classes that differ only in its values look the same; the big screen never names an
    alternative (the instructor's key does)."""
    from negwidgets.seminar import check_report

    base = make_pack("raise", 3, seed=4).record()
    one = _with_values(base, {"P2": (10.0, 85.0), "P3": (75.0, 90.0)}, "bbbb0001")
    other = _with_values(base, {"P2": (47.0, 50.0), "P3": (61.0, 55.0)}, "bbbb0002")
    terms = {issue.name: issue.options[2] for issue in base.case.scoring.issues}
    for record in (one, other):
        store.publish(record)
        store.submit(check_report(record, pair="P1", role="employee", opener="employee", opening=72_000,
                                  outcome="agreement", terms=terms, rounds=5))
    shown, hidden = (DebriefDashboard(store, record.pack_id, refresh_seconds=0) for record in (one, other))
    assert [image.value for image in shown.images] == [image.value for image in hidden.images]
    assert [image.caption for image in shown.images] == [image.caption for image in hidden.images]
    labels = [alternative.label for alternative in base.case.role("employee").alternatives]
    words = _words(shown)
    assert not [f"{v:g} points" for code in ("P2", "P3") for v in one.pair(code).reservations
                if f"{v:g} points" in words]
    assert "still negotiating" in words
    shown.reveal_button.click()
    words = _words(shown)
    assert all(f"{v:g} points" in words for code in ("P2", "P3") for v in one.pair(code).reservations)
    assert not [label for label in labels if label in words] and "Coastline" not in words


def test_a_raise_agreement_is_reported_with_the_salary_of_its_level(store):
    pack = make_pack("raise", 2, seed=3)
    store.publish(pack.record())
    app = _logged_in(store, pack, "P1", "manager")
    app.opener.value, app.opening.value, app.rounds.value = "manager", "65,000", 6
    for name, dropdown in app.terms.items():
        dropdown.value = "$68,000 as Senior planner" if name == "Salary and level" else dropdown.options[1][1]
    app.submit()
    (report,) = store.reports(pack.pack_id)
    assert report.agreement == 68_000.0 and report.terms["Salary and level"] == "$68,000 as Senior planner"
