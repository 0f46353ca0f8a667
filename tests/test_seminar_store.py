"""The results store on SQLite and on a real PostgreSQL server, access codes, CSV import, and a class of 60
submitting at once from parallel processes."""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest

from negwidgets.seminar.access import FREE_TRIES, REFUSED, AccessGate, AccessRefused, wait_after
from negwidgets.seminar.imports import csv_template, import_csv
from negwidgets.seminar.packs import make_pack
from negwidgets.seminar.results import check_report
from negwidgets.seminar.store import ResultsStore, StoreError

from .servers import postgresql


@pytest.fixture(scope="module")
def postgres_server():
    with postgresql() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'results.sqlite'}"
    return request.getfixturevalue("postgres_server").new_database()


@pytest.fixture
def store(store_url):
    with ResultsStore(store_url) as store:
        yield store


def _report(record, pair="P1", role=None, **changes):
    case = record.case
    role = role or case.role_keys[1]
    fields = dict(pair=pair, role=role, opener=case.role_keys[0], opening=case.number.allowed[1] * 0.5,
                  outcome="agreement", rounds=4, survey=[5, 5, 6, 4], comment="")
    if case.scoring is None:
        fields["agreement"] = case.number.allowed[1] * 0.45
    else:
        fields["terms"] = {issue.name: issue.options[0] for issue in case.scoring.issues}
    fields.update(changes)
    return check_report(record, **fields)


# -- the store ------------------------------------------------------------------------------------------

def test_a_published_pack_is_found_again_and_publishing_twice_adds_nothing(store):
    old, new = make_pack("salary", 2, seed=1), make_pack("job_offer", 3, seed=2)
    store.publish(old.record())
    store.publish(new.record())
    store.publish(new.record())
    assert store.pack_ids() == [old.pack_id, new.pack_id]
    assert store.load_pack().pack_id == new.pack_id
    loaded = store.load_pack(old.pack_id)
    assert loaded.pairs == old.record().pairs
    first = old.participants[0]
    assert loaded.participant(first.pair, first.access_code) == (first.pair, first.role)
    with pytest.raises(StoreError, match="no pack"):
        store.load_pack("nope")


def test_an_empty_store_says_to_make_a_pack_first(store):
    with pytest.raises(StoreError, match="make one in the instructor's notebook"):
        store.load_pack()


def test_a_correction_is_a_new_row_and_the_latest_counts(store):
    record = make_pack("used_car", 3, seed=1).record()
    store.publish(record)
    assert store.submit(_report(record, agreement=10_000))
    assert store.submit(_report(record, "P2", agreement=9_800))
    assert store.submit(_report(record, agreement=10_100, comment="typo fixed"))
    latest = store.reports(record.pack_id)
    assert [(r.pair, r.agreement) for r in latest] == [("P2", 9_800.0), ("P1", 10_100.0)]
    everything = store.reports(record.pack_id, latest=False)
    assert [r.agreement for r in everything] == [10_000.0, 9_800.0, 10_100.0]
    assert store.count(record.pack_id) == 3
    assert everything[0].submitted_at < everything[2].submitted_at


def test_a_report_comes_back_exactly_as_it_went_in(store):
    record = make_pack("research_collaboration", 2, seed=3).record()
    report = _report(record, comment="Ünïcode ✓ and 'quotes'; DROP TABLE x;--")
    store.submit(report)
    assert store.reports(record.pack_id) == [report]
    impasse = _report(record, "P2", opener="nobody", opening="", outcome="impasse", terms=None, rounds=0, survey=None)
    store.submit(impasse)
    assert store.reports(record.pack_id)[-1] == impasse


def test_the_same_submission_key_twice_adds_nothing(store):
    record = make_pack("salary", 1, seed=1).record()
    report = _report(record)
    assert store.submit(report, source_key="abc") is True
    assert store.submit(report, source_key="abc") is False
    assert store.count(record.pack_id) == 1


def test_sqlite_runs_in_wal_mode_with_full_sync(tmp_path):
    path = tmp_path / "results.sqlite"
    with ResultsStore(f"sqlite:///{path}") as store:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_damaged_results_file_is_reported_and_left_as_it_is(tmp_path):
    path = tmp_path / "results.sqlite"
    damaged = b"this is not a database\x00" * 200
    path.write_bytes(damaged)
    with pytest.raises(StoreError, match="damaged or is not a results database; I left it as it is"):
        ResultsStore(f"sqlite:///{path}")
    assert path.read_bytes() == damaged


@pytest.mark.parametrize("url, words", [
    ("not a url", "is not a database URL"),
    ("sqlite:////no/such/folder/results.sqlite", "does not exist"),
    ("nosuchdb://x/y", "could not use the results database"),
])
def test_a_bad_database_url_is_explained(url, words):
    with pytest.raises(StoreError, match=words):
        ResultsStore(url)


def test_an_unreachable_server_is_explained_without_its_password():
    with pytest.raises(StoreError, match="could not open") as caught:
        ResultsStore("postgresql+psycopg://seminar:hunter2@127.0.0.1:1/nothing")
    assert "hunter2" not in str(caught.value) and "***" in str(caught.value)


# -- access ---------------------------------------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_wrong_codes_are_refused_alike_and_repeated_ones_are_slowed(store):
    pack = make_pack("salary", 3, seed=1)
    store.publish(pack.record())
    clock = Clock()
    gate = AccessGate(store, pack.record(), clock)
    mine, other = pack.participant("P2", "employer"), pack.participant("P3", "candidate")
    for pair, code in (("P2", other.access_code), ("P9", mine.access_code), ("P2", "")):
        with pytest.raises(AccessRefused) as caught:
            gate.open_sheet(pair, code)
        assert str(caught.value) == REFUSED and caught.value.wait == 0
    # Two wrong tries on P2 so far (one was on P9): two more are checked at once, then each must wait.
    for code in ("AAAA-AAAA", "CCCC-CCCC"):
        with pytest.raises(AccessRefused, match="do not open"):
            gate.open_sheet("P2", code)
    waits = []
    for _ in range(4):
        with pytest.raises(AccessRefused, match="Too many wrong tries") as caught:
            gate.open_sheet("P2", mine.access_code)   # even the right code waits its turn
        waits.append(caught.value.wait)
        clock.now += caught.value.wait
        with pytest.raises(AccessRefused, match="do not open"):
            gate.open_sheet("P2", "AAAA-AAAA")
    assert waits == [wait_after(n) for n in range(FREE_TRIES + 1, FREE_TRIES + 5)] == [1, 2, 4, 8]
    # A new kernel (a new gate) on the same store is slowed just the same.
    with pytest.raises(AccessRefused, match="wait 16 seconds"):
        AccessGate(store, store.load_pack(pack.pack_id), clock).open_sheet("P2", mine.access_code)
    # Other pairs are not held up, and after the wait the right code opens the right sheet only.
    assert gate.open_sheet("P3", other.access_code) == ("P3", "candidate")
    clock.now += 16
    assert gate.open_sheet("p2", mine.access_code.lower()) == ("P2", "employer")
    with pytest.raises(AccessRefused, match="do not open"):   # a success starts the count again
        gate.open_sheet("P2", "AAAA-AAAA")


def test_the_instructors_secret_is_checked_and_guesses_are_slowed(store):
    pack = make_pack("salary", 1, seed=1)
    store.publish(pack.record())
    clock = Clock()
    gate = AccessGate(store, pack.record(), clock)
    gate.check_secret(pack.instructor_secret)
    for _ in range(FREE_TRIES + 1):
        with pytest.raises(AccessRefused, match="not the instructor's secret"):
            gate.check_secret("password")
    with pytest.raises(AccessRefused, match="Too many wrong tries"):
        gate.check_secret(pack.instructor_secret)


# -- CSV import -----------------------------------------------------------------------------------------

CAR_CSV = """pair,role,opener,opening,outcome,agreement,rounds,q1,q2,q3,q4,comment
P1,buyer,seller,"$11,900",agreement,"10,250",6,6,5,7,4,fine
P1,seller,seller,11900,agreement,10250,6,5,5,5,5,"a comment
over two lines"
P2,buyer,buyer,9000,agreement,999999,5,,,,,
P2,seller,nobody,,impasse,,0,,,,,walked away
P7,buyer,seller,10000,agreement,10000,3,,,,,

P3,Buyer,SELLER,10500,Agreement,10400,2,4,4,4,,
P3,seller,seller,10500,agreement,10400,2,4,4,4,4,extra,field
"""


def test_a_csv_import_keeps_good_rows_reports_each_bad_one_by_line_and_adds_nothing_twice(store):
    record = make_pack("used_car", 3, seed=1).record()
    store.publish(record)
    result = import_csv(store, record, CAR_CSV)
    assert (result.added, result.already) == (3, 0)
    lines = [line for line, _ in result.problems]
    assert lines == [5, 7, 9, 10]   # the quoted comment runs over lines 3 and 4
    reasons = dict(result.problems)
    assert "typo" in reasons[5] and "no pair 'P7'" in reasons[7]
    assert "question 4 has no answer" in reasons[9] and "has 13 fields" in reasons[10]
    assert {(r.pair, r.role) for r in store.reports(record.pack_id)} == {("P1", "buyer"), ("P1", "seller"),
                                                                         ("P2", "seller")}
    assert store.reports(record.pack_id)[1].comment == "a comment over two lines"
    again = import_csv(store, record, CAR_CSV.encode("utf-8"))
    assert (again.added, again.already, again.problems) == (0, 3, result.problems)
    assert store.count(record.pack_id) == 3
    assert "Line 5:" in result.describe() and "Added 3 results" in result.describe()


def test_a_corrected_row_in_a_later_file_is_added_and_counts(store, tmp_path):
    record = make_pack("used_car", 1, seed=1).record()
    first = "pair,role,opener,opening,outcome,agreement,rounds\nP1,buyer,seller,11000,agreement,10000,4\n"
    second = first.replace("10000,4", "10100,4")
    path = tmp_path / "second.csv"
    path.write_text(second)
    assert import_csv(store, record, first).added == 1
    assert import_csv(store, record, path).added == 1
    assert import_csv(store, record, str(path)).already == 1   # a file name as a string is read as a file
    assert [r.agreement for r in store.reports(record.pack_id)] == [10_100.0]


def test_a_csv_names_every_column_it_lacks_and_every_column_it_does_not_read(store):
    record = make_pack("used_car", 1, seed=1).record()
    with pytest.raises(ValueError, match="no column for: opening, rounds"):
        import_csv(store, record, "pair,role,opener,outcome,agreement\n")
    result = import_csv(store, record, "pair,role,opener,opening,outcome,agreement,rounds,email\n"
                                       "P1,buyer,seller,11000,agreement,10000,4,ana@example.org\n")
    assert result.added == 1 and result.problems == [(1, "the column 'email' is not one I read, so its values "
                                                          "were not imported.")]
    for text, words in [("", "empty"), (b"\xff\xfe\x00bad", "not UTF-8")]:
        with pytest.raises(ValueError, match=words):
            import_csv(store, record, text)


@pytest.mark.parametrize("key", ["salary", "used_car", "research_collaboration", "job_offer"])
def test_every_cases_csv_template_imports(key, tmp_path):
    record = make_pack(key, 2, seed=1).record()
    with ResultsStore(f"sqlite:///{tmp_path / 'r.sqlite'}") as store:
        result = import_csv(store, record, csv_template(record.case))
        assert (result.added, result.problems) == (1, [])
        (report,) = store.reports(record.pack_id)
        assert report.agreed and report.survey == (5, 5, 5, 5)


# -- a class of 60 at once ------------------------------------------------------------------------------

def _submit_from_another_process(url: str, record_json: str, pair: str, role: str, start, results) -> None:
    from negwidgets.seminar.packs import PackRecord

    record = PackRecord.from_json(record_json)
    store = ResultsStore(url)
    start.wait(60)
    try:
        results.put((pair, role, store.submit(_report(record, pair, role, rounds=int(pair[1:])))))
    except Exception as error:  # reported to the test rather than lost in a child's stderr
        results.put((pair, role, repr(error)))
    finally:
        store.close()


def test_sixty_participants_submitting_at_the_same_moment_are_all_stored(store_url):
    pack = make_pack("salary", 30, seed=8)
    record = pack.record()
    with ResultsStore(store_url) as store:
        store.publish(record)
    context = multiprocessing.get_context("fork")
    start, results = context.Event(), context.Queue()
    processes = [context.Process(target=_submit_from_another_process,
                                 args=(store_url, record.to_json(), p.pair, p.role, start, results))
                 for p in pack.participants]
    for process in processes:
        process.start()
    start.set()
    outcomes = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(60)
    assert sorted(outcomes) == sorted((p.pair, p.role, True) for p in pack.participants)
    with ResultsStore(store_url) as store:
        stored = store.reports(record.pack_id)
        assert len(stored) == 60 and store.count(record.pack_id) == 60
        assert {(r.pair, r.role, r.rounds) for r in stored} == {(p.pair, p.role, int(p.pair[1:]))
                                                               for p in pack.participants}

