"""The class's results store: SQLite by default, any database SQLAlchemy reaches with one URL.

Nothing is ever overwritten: every submission is a new row written in its own transaction, a correction is
simply a later row, and the latest row of each participant counts (up to ``MAX_REPORTS`` rows each from the
participant app, so no one can fill the store). A room with one server uses the default
SQLite file (WAL mode, so readers never block the writer); a large course on JupyterHub, where each user's
server runs on another machine, points every server at one PostgreSQL database::

    export NEGWIDGETS_RESULTS_URL=postgresql+psycopg://seminar:password@db.example.org/negotiation

>>> import tempfile, pathlib
>>> from negwidgets.seminar.packs import make_pack
>>> from negwidgets.seminar.results import check_report
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> store = ResultsStore(f"sqlite:///{folder / 'results.sqlite'}")
>>> record = make_pack("used_car", n_pairs=2, seed=1).record()
>>> store.publish(record)
>>> report = check_report(record, pair="P1", role="buyer", opener="seller", opening=11500,
...                       outcome="agreement", agreement=10400, rounds=5)
>>> store.submit(report), store.submit(report.__class__(**{**report.__dict__, "agreement": 10300.0}))
(True, True)
>>> [r.agreement for r in store.reports(record.pack_id)], len(store.reports(record.pack_id, latest=False))
([10300.0], 2)
>>> store.close()

Every ``StoreError`` has two sentences: its message, for the instructor (where the store is, never its
password), and ``public``, for participants (what to do, never where the store is).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path

from .packs import Pack, PackRecord
from .results import Report

__all__ = ["MAX_GUESSERS", "MAX_REPORTS", "RESULTS_URL_VARIABLE", "ResultsStore", "StoreError", "default_results_url",
           "redact"]

RESULTS_URL_VARIABLE = "NEGWIDGETS_RESULTS_URL"
DEFAULT_FILE = "class_results.sqlite"
_BUSY_TIMEOUT_MS = 30_000   # a writer waits this long for another before giving up (60 at once is fine)
MAX_REPORTS = 20      # reports (a first one and its corrections) one participant may send from the app
MAX_GUESSERS = 1000   # wrong-try counters kept per pack; past it the least recent is dropped

# What participants read when the store fails: never where it is (its address can hold a password).
UNAVAILABLE = "The class's results store cannot be used at the moment: tell your instructor."
READ_ONLY = ("The class's results store cannot take logins or reports at the moment: tell your instructor "
             "(trying once more will not help).")
DAMAGED = "The class's results store is damaged: tell your instructor."
GONE = ("The class's results file was removed while the apps were running: anything sent now is not saved. "
        "Tell your instructor.")


class StoreError(ValueError):
    """The store cannot be opened or used; the message says why (for the instructor), ``public`` what a
    participant should do, and nothing was changed."""

    def __init__(self, message: str, public: str = UNAVAILABLE) -> None:
        super().__init__(message)
        self.public = public


def redact(text: str, *secrets_: str | None) -> str:
    """``text`` with every password of a database URL in it replaced by ``***``.

    >>> redact("could not open postgresql://seminar:hunter2@db/x?password=hunter2")
    'could not open postgresql://seminar:***@db/x?password=***'
    """
    text = re.sub(r"(?<=:)[^:@/\s'\"]+(?=@)", "***", text)        # user:password@host
    text = re.sub(r"(?i)(password=)[^&\s'\"]*", r"\1***", text)   # ?password=... and key=value strings
    for secret in secrets_:
        if secret:
            text = text.replace(secret, "***")
    return text


def default_results_url() -> str:
    """``$NEGWIDGETS_RESULTS_URL``, or the SQLite file ``class_results.sqlite`` in the current folder."""
    return os.environ.get(RESULTS_URL_VARIABLE) or f"sqlite:///{Path.cwd() / DEFAULT_FILE}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _tables(metadata):
    from sqlalchemy import Boolean, Column, Float, Index, Integer, String, Table, Text

    packs = Table("negotiation_lab_packs", metadata,
                  Column("pack_id", String(32), primary_key=True),
                  Column("case_key", String(64), nullable=False),
                  Column("published_at", String(40), nullable=False),
                  Column("record", Text, nullable=False))
    reports = Table("negotiation_lab_reports", metadata,
                    Column("id", Integer, primary_key=True, autoincrement=True),
                    Column("pack_id", String(32), nullable=False),
                    Column("pair", String(16), nullable=False),
                    Column("role", String(64), nullable=False),
                    Column("submitted_at", String(40), nullable=False),
                    Column("source", String(16), nullable=False),
                    # A submission's own key: the same key twice is the same submission (a re-imported CSV
                    # row, a double click), so the second adds nothing.
                    Column("source_key", String(64), nullable=False, unique=True),
                    Column("opener", String(64), nullable=False),
                    Column("opening", Float),
                    Column("agreed", Boolean, nullable=False),
                    Column("agreement", Float),
                    Column("terms", Text),
                    Column("rounds", Integer, nullable=False),
                    Column("survey", Text),
                    Column("comment", Text, nullable=False),
                    Index("negotiation_lab_reports_by_pair", "pack_id", "pair", "role"))
    guesses = Table("negotiation_lab_guesses", metadata,
                    Column("pack_id", String(32), primary_key=True),
                    Column("counter", String(100), primary_key=True),
                    Column("failures", Integer, nullable=False),
                    Column("last_at", Float, nullable=False),
                    Index("negotiation_lab_guesses_by_time", "pack_id", "last_at"))
    return packs, reports, guesses


class ResultsStore:
    """Packs, reports and counts of wrong tries of one class (or several), in one database."""

    def __init__(self, url: str | None = None) -> None:
        from sqlalchemy import MetaData, create_engine, event
        from sqlalchemy.exc import SQLAlchemyError

        self.url = url or default_results_url()
        self._sqlite = self.url.startswith("sqlite")
        self._password = None
        self._where = self._describe_url()
        self._path: Path | None = None
        self._file_id: tuple[int, int] | None = None
        if self._sqlite:
            path = self.url.split("///", 1)[-1].split("?", 1)[0]
            if path and path != ":memory:":
                self._path = Path(path)
                folder = self._path.parent
                if not folder.is_dir():
                    raise StoreError(f"The folder for the results file, {folder}, does not exist.")
            self.engine = create_engine(self.url, connect_args={"timeout": _BUSY_TIMEOUT_MS / 1000})

            @event.listens_for(self.engine, "connect")
            def _sqlite_connect(dbapi_connection, _record):
                # Let SQLAlchemy, not the sqlite3 module, decide where transactions start and end.
                dbapi_connection.isolation_level = None
                cursor = dbapi_connection.cursor()
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=FULL")
                cursor.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
                cursor.close()

            @event.listens_for(self.engine, "begin")
            def _sqlite_begin(connection):
                # Take the write lock at the start: two writers never deadlock upgrading a read lock.
                connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            try:
                self.engine = create_engine(self.url, pool_pre_ping=True)
            except (SQLAlchemyError, ImportError, ValueError, TypeError) as error:
                raise StoreError(f"I could not use the results database {self._where}: {self._reason(error)}") from None
        self.metadata = MetaData()
        self.packs, self.table, self.guesses = _tables(self.metadata)
        self._create()
        if self._path is not None:
            # Which file this is: a file deleted (or replaced) under running apps is noticed, not written blind.
            stat = self._path.stat()
            self._file_id = (stat.st_dev, stat.st_ino)

    def _describe_url(self) -> str:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(self.url)
            self._password = url.password
            return repr(redact(url.render_as_string(hide_password=True)))
        except (ArgumentError, ValueError, TypeError):
            raise StoreError(f"{redact(self.url[:80])!r} is not a database URL; it looks like "
                             "sqlite:///class_results.sqlite or postgresql+psycopg://user:password@host/database.",
                             "The class's results store cannot be opened: tell your instructor.") from None

    def _reason(self, error: Exception) -> str:
        from urllib.parse import unquote

        return redact(_reason(error), self._password, unquote(self._password or "") or None)

    def _create(self) -> None:
        from sqlalchemy.exc import DBAPIError, SQLAlchemyError

        for attempt in range(5):
            try:
                self.metadata.create_all(self.engine, checkfirst=True)
                with self.engine.connect() as connection:   # proves the tables are ours and readable
                    connection.execute(self.table.select().limit(1)).all()
                return
            except DBAPIError as error:
                if self._sqlite and "not a database" in str(error.orig):
                    raise StoreError(f"The results file {self._where} is damaged or is not a results database; "
                                     "I left it as it is. Move it aside to start a new one, or point "
                                     f"{RESULTS_URL_VARIABLE} at the right file.", DAMAGED) from None
                if _kind(error) == "read-only":
                    raise self._read_only(error) from None
                # Several servers creating the tables at the same moment can collide once: try again.
                if attempt == 4:
                    raise StoreError(f"I could not open the results database {self._where}: "
                                     f"{self._reason(error)}") from None
                time.sleep(0.2 * (attempt + 1))
            except (SQLAlchemyError, ValueError, TypeError) as error:
                raise StoreError(f"I could not open the results database {self._where}: "
                                 f"{self._reason(error)}") from None

    # -- what can go wrong under running apps -------------------------------------------------------------

    def _check_file(self) -> None:
        if self._file_id is None:
            return
        try:
            stat = self._path.stat()
            same = (stat.st_dev, stat.st_ino) == self._file_id
        except OSError:
            same = False
        if not same:
            # SQLite would go on writing to the deleted file, and every result sent would be lost with it.
            raise StoreError(f"The results file {self._where} was deleted or replaced while the apps were running, "
                             "so nothing sent to it now is kept. Put the file back if you can, then reload the "
                             "participant app and the dashboard (or publish the pack again and reload them).", GONE)

    def _read_only(self, error: Exception) -> StoreError:
        where = (f"the file {self._where} (or its folder, where SQLite keeps its journal)" if self._sqlite
                 else f"the database {self._where}")
        return StoreError(f"The results store is read-only, so participants can neither log in nor report: make "
                          f"{where} writable by the user who runs Voila, then reload the apps ({self._reason(error)}).",
                          READ_ONLY)

    def _problem(self, error: Exception) -> StoreError | None:
        """A database error that waiting will not cure, as a ``StoreError``; ``None`` for one that may."""
        kind = _kind(error)
        if kind == "read-only":
            return self._read_only(error)
        if kind == "damaged":
            return StoreError(f"The results store {self._where} is damaged ({self._reason(error)}); I left it as it "
                              "is. Keep a copy, then restore it from a backup or start a new one.", DAMAGED)
        if kind == "missing":
            return StoreError(f"The results store {self._where} has lost its tables ({self._reason(error)}): "
                              "something removed them while the apps were running. Reload the apps after "
                              "restoring them.", UNAVAILABLE)
        return None

    @contextlib.contextmanager
    def _using(self, write: bool = False):
        """Around every use: the file is still this store's, and lasting failures become ``StoreError``s
        (a passing one, such as a server restarting, is raised as it is, and the apps say to try again)."""
        from sqlalchemy.exc import DBAPIError

        self._check_file()
        try:
            yield
        except DBAPIError as error:
            problem = self._problem(error)
            if problem is None:
                raise
            raise problem from None
        if write:
            self._check_file()   # deleted during the write: what was written went with it

    def check_writable(self) -> None:
        """Raise ``StoreError`` when the store can be read but not written (a read-only file or database)."""
        from sqlalchemy import false

        with self._using():
            with self.engine.connect() as connection:
                with connection.begin() as transaction:
                    connection.execute(self.guesses.delete().where(false()))   # writes nothing, needs write access
                    transaction.rollback()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> ResultsStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- packs ----------------------------------------------------------------------------------------

    def publish(self, record: PackRecord | Pack) -> None:
        """Keep a pack's record (a ``Pack`` is published as its record), so the participant app and the
        dashboard can find it; publishing the same pack again changes nothing."""
        from sqlalchemy.exc import IntegrityError

        record = record.record() if isinstance(record, Pack) else record
        try:
            with self._using(write=True), self.engine.begin() as connection:
                exists = connection.execute(self.packs.select().where(self.packs.c.pack_id == record.pack_id)).first()
                if exists is None:
                    connection.execute(self.packs.insert().values(
                        pack_id=record.pack_id, case_key=record.case_key, published_at=_now(), record=record.to_json()))
        except IntegrityError:
            pass  # published at the same moment by another process: it is there

    def pack_ids(self) -> list[str]:
        """Every published pack, the newest last."""
        with self._using(), self.engine.connect() as connection:
            rows = connection.execute(self.packs.select().order_by(self.packs.c.published_at)).all()
        return [row.pack_id for row in rows]

    def load_pack(self, pack_id: str | None = None) -> PackRecord:
        """A published pack (the newest when ``pack_id`` is None)."""
        with self._using(), self.engine.connect() as connection:
            query = self.packs.select()
            query = (query.where(self.packs.c.pack_id == pack_id) if pack_id is not None
                     else query.order_by(self.packs.c.published_at.desc()).limit(1))
            row = connection.execute(query).first()
        if row is None:
            message = ("No role-play pack has been published to this store yet: make one in the instructor's "
                       "notebook first." if pack_id is None
                       else f"There is no pack {str(pack_id)[:40]!r} in this store.")
            raise StoreError(message, message)
        try:
            record = PackRecord.from_json(row.record)
            record.case   # a pack of a case this version does not know is as unusable as a damaged one
        except ValueError as error:
            raise StoreError(f"The pack {str(row.pack_id)[:40]!r} in {self._where} is damaged: {error}",
                             DAMAGED) from None
        return record

    # -- reports --------------------------------------------------------------------------------------

    def submit(self, report: Report, source: str = "app", source_key: str | None = None) -> bool:
        """Add a report in one transaction; ``False`` when a submission with the same ``source_key`` is
        already there (nothing is added twice). From the app, a participant's ``MAX_REPORTS``-th report is
        their last: another raises ``StoreError``."""
        return self.submit_many([(report, source_key)], source)[0]

    def submit_many(self, reports: Iterable[tuple[Report, str | None]], source: str) -> list[bool]:
        """Add several reports, each in its own transaction (one bad row never loses the others)."""
        from sqlalchemy import func, select
        from sqlalchemy.exc import IntegrityError

        added = []
        for report, key in reports:
            key = key or secrets.token_hex(16)
            row = dict(pack_id=report.pack_id, pair=report.pair, role=report.role, submitted_at=_now(), source=source,
                       source_key=key, opener=report.opener, opening=report.opening, agreed=report.agreed,
                       agreement=report.agreement, terms=json.dumps(dict(report.terms)) if report.terms else None,
                       rounds=report.rounds, survey=json.dumps(list(report.survey)) if report.survey else None,
                       comment=report.comment)
            if source == "app":
                self._lock_row(report.pack_id, "reports:*")
            try:
                with self._using(write=True), self.engine.begin() as connection:
                    if source == "app":
                        # Counted and written under one lock: thirty at once cannot all pass the count.
                        self._lock(connection, report.pack_id, "reports:*")
                        sent = connection.execute(select(func.count()).select_from(self.table).where(
                            (self.table.c.pack_id == report.pack_id) & (self.table.c.pair == report.pair)
                            & (self.table.c.role == report.role))).scalar_one()
                        if sent >= MAX_REPORTS:
                            message = (f"You have already sent {MAX_REPORTS} reports, the most one person may "
                                       "send: tell your instructor what to correct.")
                            raise StoreError(message, message)
                    duplicate = connection.execute(
                        self.table.select().where(self.table.c.source_key == key)).first()
                    if duplicate is None:
                        connection.execute(self.table.insert().values(**row))
                added.append(duplicate is None)
            except IntegrityError:
                added.append(False)  # the same key, written by another process a moment ago
        return added

    def reports(self, pack_id: str, latest: bool = True) -> list[Report]:
        """The pack's reports in the order they arrived; with ``latest``, only each participant's last."""
        with self._using(), self.engine.connect() as connection:
            rows = connection.execute(self.table.select().where(self.table.c.pack_id == pack_id)
                                      .order_by(self.table.c.id)).all()
        reports = [_report(row) for row in rows]
        if not latest:
            return reports
        last = {}
        for report in reports:
            last[(report.pair, report.role)] = report
        return sorted(last.values(), key=lambda r: r.row_id)

    def count(self, pack_id: str) -> int:
        """How many rows (every submission and correction) the pack has."""
        from sqlalchemy import func, select

        with self._using(), self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(self.table)
                                      .where(self.table.c.pack_id == pack_id)).scalar_one()

    # -- wrong tries ----------------------------------------------------------------------------------

    def _lock_row(self, pack_id: str, name: str) -> None:
        """Make sure the row ``_lock`` takes exists (in a transaction of its own: creating it races)."""
        from sqlalchemy.exc import IntegrityError

        with self._using(write=True):
            try:
                with self.engine.begin() as connection:
                    exists = connection.execute(self.guesses.select().where(
                        (self.guesses.c.pack_id == pack_id) & (self.guesses.c.counter == name))).first()
                    if exists is None:
                        connection.execute(self.guesses.insert().values(pack_id=pack_id, counter=name, failures=0,
                                                                        last_at=0.0))
            except IntegrityError:
                pass   # made by another process a moment ago

    def _lock(self, connection, pack_id: str, name: str):
        """Lock the row ``name`` of the pack until the transaction ends (SQLite's ``BEGIN IMMEDIATE`` has
        already locked the whole file) and return it."""
        return connection.execute(self.guesses.select().where(
            (self.guesses.c.pack_id == pack_id) & (self.guesses.c.counter == name)).with_for_update()).first()

    def count_try(self, pack_id: str, guesser: str, pool: str, now: float, since: float,
                  wait: Callable[[int, int], float]) -> float:
        """One try by ``guesser``, counted in one transaction with its check (so tries sent at once cannot
        all pass): ``wait(own, pool)`` gives the seconds the guesser must wait after its last wrong try,
        from its own wrong tries and those of the whole ``pool`` since ``since``. Returns the seconds still
        to wait (nothing is counted), or 0 after counting the try as wrong until ``uncount_try``."""
        from sqlalchemy import delete, func, select

        guesser, pool = guesser[:100], pool[:100]
        self._lock_row(pack_id, pool)
        with self._using(write=True), self.engine.begin() as connection:
            pooled = self._lock(connection, pack_id, pool)
            mine = connection.execute(self.guesses.select().where(
                (self.guesses.c.pack_id == pack_id) & (self.guesses.c.counter == guesser))).first()
            own = mine.failures if mine is not None and mine.last_at >= since else 0
            everyone = pooled.failures if pooled.last_at >= since else 0
            remaining = mine.last_at + wait(own, everyone) - now if own else 0.0
            if remaining > 0:
                return remaining
            table = self.guesses
            if mine is not None:
                connection.execute(table.update().where((table.c.pack_id == pack_id) & (table.c.counter == guesser))
                                   .values(failures=own + 1, last_at=now))
            else:
                counters = (table.c.pack_id == pack_id) & ~table.c.counter.like("%*")
                connection.execute(delete(table).where(counters & (table.c.last_at < since)))
                kept = connection.execute(select(func.count()).select_from(table).where(counters)).scalar_one()
                if kept >= MAX_GUESSERS:
                    # The least recent guesser is forgotten: the pool still counts its tries.
                    oldest = connection.execute(select(table.c.counter).where(counters).order_by(table.c.last_at)
                                                .limit(kept - MAX_GUESSERS + 1)).scalars().all()
                    connection.execute(delete(table).where(counters & table.c.counter.in_(oldest)))
                connection.execute(table.insert().values(pack_id=pack_id, counter=guesser, failures=1, last_at=now))
            connection.execute(table.update().where((table.c.pack_id == pack_id) & (table.c.counter == pool))
                               .values(failures=everyone + 1, last_at=now))
        return 0.0

    def uncount_try(self, pack_id: str, guesser: str, pool: str) -> None:
        """The try ``count_try`` counted was right after all: take it back."""
        from sqlalchemy import case

        table = self.guesses
        with self._using(write=True), self.engine.begin() as connection:
            self._lock(connection, pack_id, pool[:100])
            connection.execute(table.update().where(
                (table.c.pack_id == pack_id) & table.c.counter.in_([guesser[:100], pool[:100]]))
                .values(failures=case((table.c.failures > 0, table.c.failures - 1), else_=0)))


def _report(row) -> Report:
    return Report(row.pack_id, row.pair, row.role, row.opener, row.opening, bool(row.agreed), row.agreement,
                  json.loads(row.terms) if row.terms else None, row.rounds,
                  tuple(json.loads(row.survey)) if row.survey else None, row.comment, row.submitted_at, row.id)


def _reason(error: Exception) -> str:
    text = str(getattr(error, "orig", None) or error).strip().splitlines()
    return redact((text[0] if text else type(error).__name__)[:200])


def _kind(error: Exception) -> str | None:
    """What a database error means for the apps: "read-only", "damaged", "missing" (tables), or ``None``
    (perhaps passing: a server restarting, a lock held too long)."""
    original = getattr(error, "orig", None) or error
    text = str(original).lower()
    state = getattr(original, "sqlstate", None)
    if "readonly database" in text or state in ("25006", "42501") or "read-only transaction" in text:
        return "read-only"
    if "malformed" in text or "not a database" in text:
        return "damaged"
    if "no such table" in text or state == "42P01":
        return "missing"
    return None
