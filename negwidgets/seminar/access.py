"""Who may see what: a participant's codes open their own sheet only; the instructor's secret opens the key
and the raw data. Wrong codes are refused with one sentence that never says which part was wrong.

Repeated wrong codes slow down the guesser, never the owner. Pair codes are printed on every slip, so
counting wrong tries per pair code would let anyone keep a pair out; instead they are counted per guesser:
the browser tab, known by its kernel (Voila starts one kernel for each page and gives it its id, which the
browser cannot choose). A tab's first three wrong tries are checked at once, then each further try from
that tab waits 1, 2, 4 ... up to 60 seconds, and logging in does not start the count again. A tab that
has made no wrong try is always checked at once, so a participant with the right codes is never refused
because someone else guessed wrong. The global bound: once a pack has had ``PACK_FREE`` wrong tries in the
last quarter of an hour, every tab gets only one quick wrong try, so opening tab after tab still slows a
guesser. The counts are kept in the results store (each try is counted in the same transaction as its
check, so tries sent at once cannot slip through together), so a new gate in the same kernel is slowed too.

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

import os
import secrets
import time
from collections.abc import Callable

from .packs import PackRecord
from .store import ResultsStore

__all__ = ["FREE_TRIES", "MAX_WAIT", "PACK_FREE", "WINDOW", "AccessGate", "AccessRefused", "guesser_key",
           "wait_after"]

FREE_TRIES = 3        # wrong tries from one tab checked at once; each further try waits
MAX_WAIT = 60.0       # seconds: the longest wait between tries
WINDOW = 15 * 60.0    # seconds: wrong tries older than this no longer count
PACK_FREE = 50        # wrong tries on a pack, all tabs together, before each tab gets only one quick one

REFUSED = "That pair code and access code do not open a sheet of this class. Check both against your slip and try again."
REFUSED_SECRET = "That is not the instructor's secret for this class."

# Outside Voila (JupyterLab, a script) the kernel has no id from a server: one made here stands for it.
_THIS_PROCESS = secrets.token_hex(8)


class AccessRefused(ValueError):
    """Refused; ``wait`` is how many seconds to wait before the next try is even checked (0: try now)."""

    def __init__(self, message: str, wait: float = 0.0) -> None:
        super().__init__(message)
        self.wait = wait


def wait_after(failures: int, free: int = FREE_TRIES) -> float:
    """Seconds to wait after ``failures`` wrong tries: none until ``free`` of them, then 1, 2, 4 ... up to
    a minute.

    >>> [wait_after(n) for n in range(1, 9)]
    [0.0, 0.0, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0]
    >>> [wait_after(n, free=1) for n in range(1, 4)]
    [1.0, 2.0, 4.0]
    """
    # The power is capped before it is taken: 2.0 ** 1100 overflows, and 2 ** 10 is already past a minute.
    return 0.0 if failures < free else min(MAX_WAIT, 2.0 ** min(failures - free, 10))


def guesser_key() -> str:
    """Who is trying, as the server knows it: the Voila kernel of this browser tab.

    Not the client's network address: a room on one Wi-Fi often reaches a hub from one public address, so
    counting by address would let one guesser slow the whole room, the lockout this module prevents.
    """
    return "tab:" + (os.environ.get("VOILA_KERNEL_ID") or f"process-{_THIS_PROCESS}")[:80]


def _wait(own: int, pack: int) -> float:
    if own == 0:
        return 0.0   # a tab that has not failed is always checked: the owner is never kept out by others
    return wait_after(own, FREE_TRIES if pack < PACK_FREE else 1)


class AccessGate:
    """Checks codes against a pack, counting wrong tries per guesser (see the module's notes)."""

    def __init__(self, store: ResultsStore, record: PackRecord, clock: Callable[[], float] = time.time,
                 guesser: str | None = None) -> None:
        self.store = store
        self.record = record
        self.clock = clock
        self.guesser = guesser or guesser_key()

    def _checked(self, kind: str, check: Callable[[], object]) -> object:
        """``check()``'s answer (falsy: wrong), after making sure this guesser need not wait; the try counts
        as wrong from before the check, and is taken back when it was right."""
        now = self.clock()
        pool = f"{kind}:*"
        remaining = self.store.count_try(self.record.pack_id, f"{kind}:{self.guesser}", pool, now, now - WINDOW,
                                         _wait)
        if remaining > 0:
            raise AccessRefused(f"Too many wrong tries: wait {max(1, round(remaining))} seconds, then try again.",
                                remaining)
        found = check()
        if found:
            try:
                self.store.uncount_try(self.record.pack_id, f"{kind}:{self.guesser}", pool)
            except Exception:   # noqa: BLE001 - a count left one too high costs a right try nothing
                pass
        return found

    def open_sheet(self, pair: object, code: object) -> tuple[str, str]:
        """``(pair, role)`` for a matching pair code and access code; else ``AccessRefused``."""
        found = self._checked("sheet", lambda: self.record.participant(pair, code))
        if not found:
            raise AccessRefused(REFUSED)
        return found

    def check_secret(self, secret: object) -> None:
        """Return quietly for the instructor's secret; else ``AccessRefused``."""
        if not self._checked("secret", lambda: self.record.check_secret(secret)):
            raise AccessRefused(REFUSED_SECRET)
