"""Who may see what: a participant's codes open their own sheet only; the instructor's secret opens the key
and the raw data. Wrong codes are refused with one sentence that never says which part was wrong, and
repeated wrong codes are slowed down: the attempts are kept in the results store, so opening a new browser
tab (a new kernel) does not reset the count.

>>> import tempfile, pathlib
>>> from negwidgets.seminar.packs import make_pack
>>> from negwidgets.seminar.store import ResultsStore
>>> pack = make_pack("salary", n_pairs=1, seed=1)
>>> store = ResultsStore(f"sqlite:///{pathlib.Path(tempfile.mkdtemp()) / 'r.sqlite'}")
>>> store.publish(pack.record())
>>> gate = AccessGate(store, pack.record(), clock=lambda: 1000.0)
>>> first = pack.participants[0]
>>> gate.open_sheet("P1", first.access_code)
('P1', 'candidate')
>>> gate.open_sheet("P1", "AAAA-AAAA")
Traceback (most recent call last):
...
negwidgets.seminar.access.AccessRefused: That pair code and access code do not open a sheet of this class. Check both against your slip and try again.
>>> store.close()
"""

from __future__ import annotations

import time
from collections.abc import Callable

from .packs import PackRecord, normalise_code
from .store import ResultsStore

__all__ = ["FREE_TRIES", "INSTRUCTOR_KEY", "MAX_WAIT", "WINDOW", "AccessGate", "AccessRefused", "wait_after"]

FREE_TRIES = 3        # wrong tries on one pair code before each further try must wait
MAX_WAIT = 60.0       # seconds: the longest wait between tries
WINDOW = 15 * 60.0    # seconds: wrong tries older than this no longer count
INSTRUCTOR_KEY = "instructor"   # attempts on the instructor's secret are counted under this key

REFUSED = "That pair code and access code do not open a sheet of this class. Check both against your slip and try again."
REFUSED_SECRET = "That is not the instructor's secret for this class."


class AccessRefused(ValueError):
    """Refused; ``wait`` is how many seconds to wait before the next try is even checked (0: try now)."""

    def __init__(self, message: str, wait: float = 0.0) -> None:
        super().__init__(message)
        self.wait = wait


def wait_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong tries in a row: none for the first three, then 1, 2, 4 ...
    up to a minute.

    >>> [wait_after(n) for n in range(1, 9)]
    [0.0, 0.0, 0.0, 1.0, 2.0, 4.0, 8.0, 16.0]
    """
    return 0.0 if failures <= FREE_TRIES else min(MAX_WAIT, 2.0 ** (failures - FREE_TRIES - 1))


class AccessGate:
    """Checks codes against a pack, counting wrong tries per pair code in the store."""

    def __init__(self, store: ResultsStore, record: PackRecord, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.record = record
        self.clock = clock

    def _check_wait(self, key: str, now: float) -> None:
        failures = 0
        last_failure = None
        for at, ok in self.store.attempts_since(self.record.pack_id, key, now - WINDOW):
            if ok:
                failures, last_failure = 0, None
            else:
                failures, last_failure = failures + 1, at
        if last_failure is not None:
            remaining = last_failure + wait_after(failures) - now
            if remaining > 0:
                raise AccessRefused(f"Too many wrong tries: wait {max(1, round(remaining))} seconds, then try again.",
                                    remaining)

    def open_sheet(self, pair: object, code: object) -> tuple[str, str]:
        """``(pair, role)`` for a matching pair code and access code; else ``AccessRefused``."""
        key = normalise_code(pair)[:16] or "?"
        now = self.clock()
        self._check_wait(key, now)
        found = self.record.participant(pair, code)
        self.store.record_attempt(self.record.pack_id, key, found is not None, now)
        if found is None:
            raise AccessRefused(REFUSED)
        return found

    def check_secret(self, secret: object) -> None:
        """Return quietly for the instructor's secret; else ``AccessRefused``."""
        now = self.clock()
        self._check_wait(INSTRUCTOR_KEY, now)
        ok = self.record.check_secret(secret)
        self.store.record_attempt(self.record.pack_id, INSTRUCTOR_KEY, ok, now)
        if not ok:
            raise AccessRefused(REFUSED_SECRET)
