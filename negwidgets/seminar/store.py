"""The class's results store: SQLite by default, any database SQLAlchemy reaches with one URL.

Nothing is ever overwritten: every submission is a new row written in its own transaction, a correction is
simply a later row, and the latest row of each participant counts. A room with one server uses the default
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
"""

from __future__ import annotations

import json
import os
import secrets
import time
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from .packs import Pack, PackRecord
from .results import Report

__all__ = ["RESULTS_URL_VARIABLE", "ResultsStore", "StoreError", "default_results_url"]

RESULTS_URL_VARIABLE = "NEGWIDGETS_RESULTS_URL"
DEFAULT_FILE = "class_results.sqlite"
_BUSY_TIMEOUT_MS = 30_000   # a writer waits this long for another before giving up (60 at once is fine)


class StoreError(ValueError):
    """The store cannot be opened or used; the message says why, and nothing was changed."""


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
    attempts = Table("negotiation_lab_access", metadata,
                     Column("id", Integer, primary_key=True, autoincrement=True),
                     Column("pack_id", String(32), nullable=False),
                     Column("key", String(64), nullable=False),
                     Column("at", Float, nullable=False),
                     Column("ok", Boolean, nullable=False),
                     Index("negotiation_lab_access_by_key", "pack_id", "key", "at"))
    return packs, reports, attempts


class ResultsStore:
    """Packs, reports and access attempts of one class (or several), in one database."""

    def __init__(self, url: str | None = None) -> None:
        from sqlalchemy import MetaData, create_engine, event
        from sqlalchemy.exc import SQLAlchemyError

        self.url = url or default_results_url()
        self._sqlite = self.url.startswith("sqlite")
        self._where = self._describe_url()
        if self._sqlite:
            path = self.url.split("///", 1)[-1]
            if path and path != ":memory:":
                folder = Path(path).parent
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
            except (SQLAlchemyError, ImportError) as error:
                raise StoreError(f"I could not use the results database {self._where}: {_reason(error)}") from None
        self.metadata = MetaData()
        self.packs, self.table, self.attempts = _tables(self.metadata)
        self._create()

    def _describe_url(self) -> str:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            return repr(make_url(self.url).render_as_string(hide_password=True))
        except ArgumentError:
            raise StoreError(f"{self.url[:80]!r} is not a database URL; it looks like sqlite:///class_results.sqlite "
                             "or postgresql+psycopg://user:password@host/database.") from None

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
                                     f"{RESULTS_URL_VARIABLE} at the right file.") from None
                # Several servers creating the tables at the same moment can collide once: try again.
                if attempt == 4:
                    raise StoreError(f"I could not open the results database {self._where}: {_reason(error)}") from None
                time.sleep(0.2 * (attempt + 1))
            except SQLAlchemyError as error:
                raise StoreError(f"I could not open the results database {self._where}: {_reason(error)}") from None

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
            with self.engine.begin() as connection:
                exists = connection.execute(self.packs.select().where(self.packs.c.pack_id == record.pack_id)).first()
                if exists is None:
                    connection.execute(self.packs.insert().values(
                        pack_id=record.pack_id, case_key=record.case_key, published_at=_now(), record=record.to_json()))
        except IntegrityError:
            pass  # published at the same moment by another process: it is there

    def pack_ids(self) -> list[str]:
        """Every published pack, the newest last."""
        with self.engine.connect() as connection:
            rows = connection.execute(self.packs.select().order_by(self.packs.c.published_at)).all()
        return [row.pack_id for row in rows]

    def load_pack(self, pack_id: str | None = None) -> PackRecord:
        """A published pack (the newest when ``pack_id`` is None)."""
        with self.engine.connect() as connection:
            query = self.packs.select()
            query = (query.where(self.packs.c.pack_id == pack_id) if pack_id is not None
                     else query.order_by(self.packs.c.published_at.desc()).limit(1))
            row = connection.execute(query).first()
        if row is None:
            raise StoreError("No role-play pack has been published to this store yet: make one in the instructor's "
                             "notebook first." if pack_id is None else
                             f"There is no pack {str(pack_id)[:40]!r} in this store.")
        return PackRecord.from_json(row.record)

    # -- reports --------------------------------------------------------------------------------------

    def submit(self, report: Report, source: str = "app", source_key: str | None = None) -> bool:
        """Add a report in one transaction; ``False`` when a submission with the same ``source_key`` is
        already there (nothing is added twice)."""
        return self.submit_many([(report, source_key)], source)[0]

    def submit_many(self, reports: Iterable[tuple[Report, str | None]], source: str) -> list[bool]:
        """Add several reports, each in its own transaction (one bad row never loses the others)."""
        from sqlalchemy.exc import IntegrityError

        added = []
        for report, key in reports:
            key = key or secrets.token_hex(16)
            row = dict(pack_id=report.pack_id, pair=report.pair, role=report.role, submitted_at=_now(), source=source,
                       source_key=key, opener=report.opener, opening=report.opening, agreed=report.agreed,
                       agreement=report.agreement, terms=json.dumps(dict(report.terms)) if report.terms else None,
                       rounds=report.rounds, survey=json.dumps(list(report.survey)) if report.survey else None,
                       comment=report.comment)
            try:
                with self.engine.begin() as connection:
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
        with self.engine.connect() as connection:
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

        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(self.table)
                                      .where(self.table.c.pack_id == pack_id)).scalar_one()

    # -- access attempts ------------------------------------------------------------------------------

    def record_attempt(self, pack_id: str, key: str, ok: bool, at: float) -> None:
        with self.engine.begin() as connection:
            connection.execute(self.attempts.insert().values(pack_id=pack_id, key=key[:64], at=at, ok=ok))

    def attempts_since(self, pack_id: str, key: str, since: float) -> list[tuple[float, bool]]:
        """``(time, ok)`` of every attempt on ``key`` since ``since``, oldest first."""
        with self.engine.connect() as connection:
            rows = connection.execute(self.attempts.select().where(
                (self.attempts.c.pack_id == pack_id) & (self.attempts.c.key == key[:64])
                & (self.attempts.c.at >= since)).order_by(self.attempts.c.at)).all()
        return [(row.at, bool(row.ok)) for row in rows]


def _report(row) -> Report:
    return Report(row.pack_id, row.pair, row.role, row.opener, row.opening, bool(row.agreed), row.agreement,
                  json.loads(row.terms) if row.terms else None, row.rounds,
                  tuple(json.loads(row.survey)) if row.survey else None, row.comment, row.submitted_at, row.id)


def _reason(error: Exception) -> str:
    text = str(getattr(error, "orig", None) or error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:200]
