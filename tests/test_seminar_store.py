"""The results store on SQLite and on a real PostgreSQL server, access codes, CSV import, and a class of 60
submitting at once from parallel processes."""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest

from negwidgets.seminar.access import FREE_TRIES, MAX_WAIT, PACK_FREE, REFUSED, AccessGate, AccessRefused, wait_after
from negwidgets.seminar.imports import csv_template, import_csv
from negwidgets.seminar.packs import make_pack
from negwidgets.seminar.results import ReportError, check_report
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


@pytest.mark.parametrize("url", [
    "seminar:hunter2@127.0.0.1/negotiation",                                   # the scheme left out
    "postgresql+psycopg://seminar:hunter2@127.0.0.1:port/negotiation",         # a port that is not a number
    "postgresql+psycopg://seminar@127.0.0.1:1/negotiation?password=hunter2",   # the password as a parameter
    "postgresql+psycopg://seminar:hunter2@127.0.0.1:1/negotiation?connect_timeout=x",
])
def test_no_message_about_a_bad_database_url_shows_its_password(url):
    """Issue 17.5: the instructor's view shows where the store is, never the password; participants see
    neither (``public``)."""
    with pytest.raises(StoreError) as caught:
        ResultsStore(url)
    assert "hunter2" not in str(caught.value) and "hunter2" not in caught.value.public
    assert "127.0.0.1" not in caught.value.public and "seminar" not in caught.value.public


def test_a_results_file_deleted_while_the_apps_run_is_noticed_before_and_after_a_write(tmp_path):
    """Issue 17.6: an open SQLite connection keeps writing to a deleted file, and every result is lost."""
    path = tmp_path / "results.sqlite"
    record = make_pack("used_car", 2, seed=1).record()
    with ResultsStore(f"sqlite:///{path}") as store:
        store.publish(record)
        assert store.submit(_report(record))
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        for action in (lambda: store.submit(_report(record, "P2")), lambda: store.reports(record.pack_id),
                       lambda: AccessGate(store, record).open_sheet("P1", "AAAA-AAAA")):
            with pytest.raises(StoreError, match="was deleted or replaced while the apps were running") as caught:
                action()
            assert "not saved" in caught.value.public and str(path) not in caught.value.public
    with ResultsStore(f"sqlite:///{path}") as other:   # a new file in its place: the old store still refuses
        other.publish(record)
        with ResultsStore(f"sqlite:///{path}") as store:
            path.unlink()
            ResultsStore(f"sqlite:///{path}").close()
            with pytest.raises(StoreError, match="deleted or replaced"):
                store.submit(_report(record))


def _make_read_only(store_url: str) -> None:
    """PostgreSQL: every new connection to the database is read-only (what a read-only replica or a
    user without write access gives)."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = make_url(store_url).database
    engine = create_engine(store_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f"ALTER DATABASE {name} SET default_transaction_read_only = on")
    engine.dispose()


def test_a_read_only_postgresql_store_says_so_instead_of_try_again(postgres_server):
    """Issue 17.7 on PostgreSQL (the SQLite file's case runs in a process without root's override of file
    permissions: tests/test_widgets_seminar.py)."""
    url = postgres_server.new_database()
    pack = make_pack("used_car", 2, seed=1)
    with ResultsStore(url) as store:
        store.publish(pack.record())
    _make_read_only(url)
    with ResultsStore(url) as store:
        assert [p.pack_id for p in map(store.load_pack, store.pack_ids())] == [pack.pack_id]   # still readable
        with pytest.raises(StoreError, match="read-only") as caught:
            store.check_writable()
        assert "tell your instructor" in caught.value.public and "again" not in caught.value.public
        owner = pack.participant("P1", "buyer")
        for action in (lambda: store.submit(_report(pack.record())),
                       lambda: AccessGate(store, pack.record()).open_sheet("P1", owner.access_code)):
            with pytest.raises(StoreError, match="read-only"):
                action()


def _damage_the_pack_record(store, record_text: str) -> None:
    from sqlalchemy import update

    with store.engine.begin() as connection:
        connection.execute(update(store.packs).values(record=record_text))


@pytest.mark.parametrize("record_text", [
    "{not json",
    '{"format": "negotiation-lab-pack", "version": 1, "pairs": [{"code": "P1"}]}',
    '"a string"',
    "null",
])
def test_a_damaged_pack_record_is_a_store_error_with_a_sentence(store, record_text):
    """Issue 17.8: a damaged record raised a bare ValueError (or worse) that both apps let through."""
    pack = make_pack("used_car", 2, seed=1)
    store.publish(pack)
    _damage_the_pack_record(store, record_text)
    for load in (store.load_pack, lambda: store.load_pack(pack.pack_id)):
        with pytest.raises(StoreError, match="damaged") as caught:
            load()
        assert "tell your instructor" in caught.value.public


def test_a_pack_of_an_unknown_case_is_a_store_error(store):
    pack = make_pack("used_car", 2, seed=1)
    store.publish(pack)
    _damage_the_pack_record(store, pack.record().to_json().replace('"case": "used_car"', '"case": "no_such_case"'))
    with pytest.raises(StoreError, match="damaged"):
        store.load_pack()


def _corrupt_the_packs_table(path) -> None:
    """Overwrite the packs table's first page with noise, as a failing disk or a bad copy would."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    (root,) = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'negotiation_lab_packs'").fetchone()
    connection.close()
    with open(path, "r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(bytes(range(256)) * (page_size // 256))


def test_a_corrupted_packs_page_is_a_store_error_and_the_file_is_left_as_it_is(tmp_path):
    path = tmp_path / "results.sqlite"
    with ResultsStore(f"sqlite:///{path}") as store:
        store.publish(make_pack("used_car", 2, seed=1))
    _corrupt_the_packs_table(path)
    damaged = path.read_bytes()
    with ResultsStore(f"sqlite:///{path}") as store:
        with pytest.raises(StoreError, match="damaged") as caught:
            store.load_pack()
        assert str(path) not in caught.value.public
    assert path.read_bytes() == damaged


# -- access ---------------------------------------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def _tab(monkeypatch, store, record, clock, name):
    """The gate as the participant app in one browser tab builds it: Voila gives each tab's kernel its id."""
    monkeypatch.setenv("VOILA_KERNEL_ID", name)
    return AccessGate(store, record, clock)


def _try(gate, pair, code):
    """What one try got: "opened", "checked" (refused at once) or "waited" (not even checked)."""
    try:
        gate.open_sheet(pair, code)
        return "opened"
    except AccessRefused as refused:
        return "waited" if refused.wait else "checked"


def test_wrong_codes_are_refused_alike_and_repeated_ones_are_slowed(store, monkeypatch):
    pack = make_pack("salary", 3, seed=1)
    store.publish(pack.record())
    clock = Clock()
    gate = _tab(monkeypatch, store, pack.record(), clock, "tab-1")
    mine, other = pack.participant("P2", "employer"), pack.participant("P3", "candidate")
    for pair, code in (("P2", other.access_code), ("P9", mine.access_code), ("P2", "")):
        with pytest.raises(AccessRefused) as caught:
            gate.open_sheet(pair, code)
        assert str(caught.value) == REFUSED and caught.value.wait == 0
    # Three wrong tries from this tab, on any pair: each further try from it must wait, doubling.
    waits = []
    for _ in range(4):
        with pytest.raises(AccessRefused, match="Too many wrong tries") as caught:
            gate.open_sheet("P2", mine.access_code)   # this tab's next try waits, whatever it is
        waits.append(caught.value.wait)
        clock.now += caught.value.wait
        with pytest.raises(AccessRefused, match="do not open"):
            gate.open_sheet("P2", "AAAA-AAAA")
    assert waits == [wait_after(n) for n in range(FREE_TRIES, FREE_TRIES + 4)] == [1, 2, 4, 8]
    # The same kernel building a new gate (the cell run again) is slowed just the same.
    with pytest.raises(AccessRefused, match="wait 16 seconds"):
        _tab(monkeypatch, store, store.load_pack(pack.pack_id), clock, "tab-1").open_sheet("P2", mine.access_code)
    clock.now += 16
    assert gate.open_sheet("p2", mine.access_code.lower()) == ("P2", "employer")


def test_a_strangers_wrong_tries_never_keep_a_participant_or_the_instructor_out(store, monkeypatch):
    """Issue 17.2: pair codes are printed on every slip, so anyone can guess at P2; that must slow the
    guesser only. The owner, in a tab of their own, is let in at once, and so is the instructor."""
    pack = make_pack("salary", 3, seed=1)
    record = pack.record()
    store.publish(record)
    clock = Clock()
    stranger = _tab(monkeypatch, store, record, clock, "stranger")
    outcomes = []
    for _ in range(12):   # one wrong try each time the wait ends
        outcomes.append(_try(stranger, "P2", "AAAA-AAAA"))
        if outcomes[-1] == "waited":
            clock.now += 60
    owner = pack.participant("P2", "employer")
    assert _tab(monkeypatch, store, record, clock, "owner").open_sheet("P2", owner.access_code) == ("P2", "employer")
    for _ in range(FREE_TRIES + 1):
        with pytest.raises(AccessRefused):
            stranger.check_secret("PASSWORD")
    _tab(monkeypatch, store, record, clock, "instructor").check_secret(pack.instructor_secret)
    assert outcomes[:FREE_TRIES + 1] == ["checked"] * FREE_TRIES + ["waited"]   # the guesser is slowed


def test_many_tabs_get_one_quick_try_each_once_the_pack_has_had_many_wrong_ones(store, monkeypatch):
    """The global bound: a guesser who opens a new tab for every few tries is still slowed, while a tab
    that has not failed (a participant with the right codes) is always checked at once."""
    pack = make_pack("salary", 3, seed=1)
    record = pack.record()
    store.publish(record)
    clock = Clock()
    for n in range(PACK_FREE):   # a new tab for every try: each is checked, and counts for the pack
        assert _try(_tab(monkeypatch, store, record, clock, f"stranger-{n}"), "P3", "AAAA-AAAA") == "checked"
    late = _tab(monkeypatch, store, record, clock, "stranger-late")
    assert [_try(late, "P3", "AAAA-AAAA") for _ in range(2)] == ["checked", "waited"]
    owner = pack.participant("P3", "candidate")
    assert _tab(monkeypatch, store, record, clock, "owner").open_sheet("P3", owner.access_code) == ("P3", "candidate")


def test_logging_in_between_guesses_does_not_give_the_guesser_more_quick_tries(store, monkeypatch):
    """Issue 17.3: a success used to reset the count, so one's own login between guesses at the other
    role's code gave unlimited quick tries."""
    pack = make_pack("salary", 2, seed=1)
    record = pack.record()
    store.publish(record)
    clock = Clock()
    me = pack.participant("P1", "candidate")
    tab = _tab(monkeypatch, store, record, clock, "me")
    guesses = []
    for _ in range(8):
        _try(tab, "P1", me.access_code)
        guesses.append(_try(tab, "P1", "AAAA-AAAA"))   # the employer's code, guessed
    assert guesses[:FREE_TRIES] == ["checked"] * FREE_TRIES and set(guesses[FREE_TRIES:]) == {"waited"}


def test_a_guesser_who_keeps_going_waits_a_minute_per_try_for_ever():
    """Found measuring 3,000 tries from one tab: 2.0 ** 1,100 overflowed, a traceback instead of a wait."""
    assert wait_after(1_100) == wait_after(10**9) == wait_after(10**9, free=1) == MAX_WAIT


def test_the_instructors_secret_is_checked_and_guesses_are_slowed(store, monkeypatch):
    pack = make_pack("salary", 1, seed=1)
    store.publish(pack.record())
    clock = Clock()
    gate = _tab(monkeypatch, store, pack.record(), clock, "dashboard")
    gate.check_secret(pack.instructor_secret)
    for _ in range(FREE_TRIES):
        with pytest.raises(AccessRefused, match="not the instructor's secret"):
            gate.check_secret("password")
    with pytest.raises(AccessRefused, match="Too many wrong tries"):
        gate.check_secret(pack.instructor_secret)


def _guess_from_another_process(url: str, record_json: str, start, results) -> None:
    import os

    from negwidgets.seminar.packs import PackRecord

    os.environ["VOILA_KERNEL_ID"] = "one-guesser"   # one tab, its clicks sent all at once
    record = PackRecord.from_json(record_json)
    store = ResultsStore(url)
    gate = AccessGate(store, record, clock=lambda: 1_000_000.0)   # one instant: no wait ever ends
    start.wait(60)
    try:
        results.put(_try(gate, "P1", "AAAA-AAAA"))
    except Exception as error:
        results.put(repr(error))
    finally:
        store.close()


def test_fifty_simultaneous_wrong_tries_let_through_only_the_free_ones(store_url):
    """Issue 17.4: the wait was checked and the try recorded in two steps, so 50 tries at once let 8-11
    through where 3 are allowed. Each try is now counted in the same transaction as its check."""
    record = make_pack("salary", 2, seed=1).record()
    with ResultsStore(store_url) as store:
        store.publish(record)
    context = multiprocessing.get_context("fork")
    start, results = context.Event(), context.Queue()
    processes = [context.Process(target=_guess_from_another_process,
                                 args=(store_url, record.to_json(), start, results)) for _ in range(50)]
    for process in processes:
        process.start()
    start.set()
    outcomes = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(60)
    counts = {outcome: outcomes.count(outcome) for outcome in set(outcomes)}
    assert counts == {"checked": FREE_TRIES, "waited": 50 - FREE_TRIES}, counts


def _access_rows(store) -> int:
    """Rows in every table but the packs and the reports: what the gate keeps."""
    from sqlalchemy import inspect, text

    names = [n for n in inspect(store.engine).get_table_names()
             if n not in ("negotiation_lab_packs", "negotiation_lab_reports")]
    with store.engine.connect() as connection:
        return sum(connection.execute(text(f"SELECT COUNT(*) FROM {name}")).scalar_one() for name in names)


def test_wrong_tries_on_made_up_pair_codes_are_kept_in_a_bounded_number_of_rows(store, monkeypatch):
    """Issue 17.4: every wrong try on a made-up pair code was a new row (3,000 tries, 3,000 rows)."""
    import negwidgets.seminar.store as store_module

    monkeypatch.setattr(store_module, "MAX_GUESSERS", 100, raising=False)
    record = make_pack("salary", 2, seed=1).record()
    store.publish(record)
    clock = Clock()
    for tab in range(300):
        gate = _tab(monkeypatch, store, record, clock, f"tab-{tab}")
        for n in range(10):
            _try(gate, f"X{tab}-{n}", "AAAA-AAAA")
    assert _access_rows(store) <= 100 + 2


def test_a_participant_can_send_only_so_many_reports(store, monkeypatch):
    """Issue 17.4: every correction is a row, so one participant could fill the store."""
    import negwidgets.seminar.store as store_module

    monkeypatch.setattr(store_module, "MAX_REPORTS", 5, raising=False)
    record = make_pack("used_car", 2, seed=1).record()
    store.publish(record)
    for rounds in range(1, 6):
        assert store.submit(_report(record, rounds=rounds))
    with pytest.raises(StoreError, match="already sent 5 reports") as caught:
        store.submit(_report(record, rounds=6))
    assert "tell your instructor" in caught.value.public
    assert store.count(record.pack_id) == 5 and store.reports(record.pack_id)[0].rounds == 5
    assert store.submit(_report(record, "P2"))   # the others are not held up
    # An instructor's import is not capped: it is behind the secret, and each row is checked.
    assert store.submit(_report(record, rounds=7), source="csv")


def _submit_again_from_another_process(url: str, record_json: str, rounds: int, start, results) -> None:
    from negwidgets.seminar.packs import PackRecord

    record = PackRecord.from_json(record_json)
    store = ResultsStore(url)
    start.wait(60)
    try:
        results.put(store.submit(_report(record, rounds=rounds)))
    except StoreError:
        results.put("refused")
    except Exception as error:
        results.put(repr(error))
    finally:
        store.close()


def test_thirty_reports_sent_at_once_by_one_participant_store_no_more_than_the_bound(store_url, monkeypatch):
    import negwidgets.seminar.store as store_module

    monkeypatch.setattr(store_module, "MAX_REPORTS", 5, raising=False)   # forked children inherit it
    record = make_pack("used_car", 1, seed=1).record()
    with ResultsStore(store_url) as store:
        store.publish(record)
    context = multiprocessing.get_context("fork")
    start, results = context.Event(), context.Queue()
    processes = [context.Process(target=_submit_again_from_another_process,
                                 args=(store_url, record.to_json(), rounds, start, results))
                 for rounds in range(1, 31)]
    for process in processes:
        process.start()
    start.set()
    outcomes = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(60)
    assert sorted(map(str, outcomes)) == sorted(["True"] * 5 + ["refused"] * 25), outcomes
    with ResultsStore(store_url) as store:
        assert store.count(record.pack_id) == 5


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


@pytest.mark.parametrize("field, value", [
    ("rounds", float("inf")), ("rounds", "inf"), ("rounds", "Infinity"), ("rounds", "1e400"), ("rounds", 10**400),
    ("rounds", float("nan")), ("rounds", "-inf"), ("opening", "1e400"), ("opening", "inf"), ("agreement", "Infinity"),
    ("survey", ["inf", 5, 5, 5]), ("survey", [5, 5, "1e400", 5]), ("survey", [5, float("-inf"), 5, 5]),
])
def test_an_infinite_or_huge_number_is_a_report_error_naming_its_field(field, value):
    """Issue 17.9: ``check_report(rounds=float('inf'))`` raised OverflowError."""
    record = make_pack("used_car", 1, seed=1).record()
    with pytest.raises(ReportError) as caught:
        _report(record, **{field: value})
    assert caught.value.field == field


def test_a_csv_row_with_inf_or_1e400_is_refused_by_line_and_the_good_rows_imported(store):
    """Issue 17.9: one such row cancelled the whole import."""
    record = make_pack("used_car", 3, seed=1).record()
    text = ("pair,role,opener,opening,outcome,agreement,rounds,q1,q2,q3,q4\n"
            "P1,buyer,seller,11000,agreement,10000,4,5,5,5,5\n"
            "P1,seller,seller,11000,agreement,10000,inf,5,5,5,5\n"
            "P2,buyer,seller,Infinity,agreement,10000,4,,,,\n"
            "P2,seller,seller,11000,agreement,10000,1e400,,,,\n"
            "P3,buyer,seller,11000,agreement,10000,3,5,inf,5,5\n"
            "P3,seller,seller,11000,agreement,1e400,3,,,,\n"
            "P2,buyer,seller,11000,impasse,,2,,,,\n")
    result = import_csv(store, record, text)
    assert (result.added, [line for line, _ in result.problems]) == (2, [3, 4, 5, 6, 7])
    assert "rounds" in dict(result.problems)[3] and "survey question 2" in dict(result.problems)[6]
    assert {(r.pair, r.role) for r in store.reports(record.pack_id)} == {("P1", "buyer"), ("P2", "buyer")}


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

