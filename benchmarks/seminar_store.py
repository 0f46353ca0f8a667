"""The seminar kit under a class's load: making a pack, one submission, a class of 60 at once, a refresh.

On SQLite (a file, WAL) and on a throwaway PostgreSQL cluster (Debian's), in one run so the figures
compare as ratios:
- making a 30-pair pack (values, 60 access codes, the stored record) and writing all its files;
- one report submitted (its own transaction), median of 50;
- 60 participants submitting from 60 processes released at the same instant: wall time until all are in;
- the dashboard's refresh with 60 reports in: reading them, the debrief, and drawing the six charts.

    python benchmarks/seminar_store.py
"""

from __future__ import annotations

import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from negwidgets.seminar import ResultsStore, check_report, make_pack, write_pack  # noqa: E402
from tests.servers import postgresql  # noqa: E402

SUBMISSIONS = 50


def _report(record, pair, role, rounds=4):
    return check_report(record, pair=pair, role=role, opener="candidate", opening=85_000, outcome="agreement",
                        agreement=75_000, rounds=rounds, survey=[5, 6, 5, 4])


def _child(url, record_json, pair, role, start, done):
    from negwidgets.seminar.packs import PackRecord

    record = PackRecord.from_json(record_json)
    store = ResultsStore(url)
    start.wait(60)
    store.submit(_report(record, pair, role))
    store.close()
    done.put(time.perf_counter())


def measure(name: str, url: str) -> None:
    pack = make_pack("salary", 30, seed=1)
    record = pack.record()
    with ResultsStore(url) as store:
        store.publish(record)
        times = []
        for i in range(SUBMISSIONS):
            report = _report(record, "P01", "candidate", rounds=1 + i % 100)
            started = time.perf_counter()
            store.submit(report)
            times.append(time.perf_counter() - started)
    print(f"  {name}: one submission, median of {SUBMISSIONS}: {statistics.median(times) * 1000:.1f} ms")

    class_pack = make_pack("salary", 30, seed=2)
    class_record = class_pack.record()
    with ResultsStore(url) as store:
        store.publish(class_record)
    context = multiprocessing.get_context("fork")
    start, done = context.Event(), context.Queue()
    processes = [context.Process(target=_child, args=(url, class_record.to_json(), p.pair, p.role, start, done))
                 for p in class_pack.participants]
    for process in processes:
        process.start()
    time.sleep(2)   # every process has opened its store and waits at the start line
    released = time.perf_counter()
    start.set()
    finished = max(done.get(timeout=120) for _ in processes)
    for process in processes:
        process.join(30)
    with ResultsStore(url) as store:
        stored = len(store.reports(class_record.pack_id))
    print(f"  {name}: 60 participants at once: all in after {(finished - released) * 1000:.0f} ms "
          f"({stored} of 60 stored)")

    from negwidgets.widgets import DebriefDashboard

    with ResultsStore(url) as store:
        dashboard = DebriefDashboard(store, class_record.pack_id, refresh_seconds=0)
        refreshes = []
        for _ in range(5):
            started = time.perf_counter()
            dashboard.refresh(force=True)
            refreshes.append(time.perf_counter() - started)
        quiet = []
        for _ in range(20):
            started = time.perf_counter()
            dashboard.refresh()   # nothing new: only the read
            quiet.append(time.perf_counter() - started)
    print(f"  {name}: dashboard refresh with 60 reports: {statistics.median(refreshes) * 1000:.0f} ms drawn, "
          f"{statistics.median(quiet) * 1000:.1f} ms when nothing is new")


def main() -> None:
    print("Seminar kit")
    started = time.perf_counter()
    pack = make_pack("salary", 30, seed=1)
    pack.record()
    made = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        files = write_pack(pack, folder)
        written = time.perf_counter() - started
    print(f"  making a 30-pair pack and its record: {made * 1000:.0f} ms; writing its {len(files)} files: "
          f"{written * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as folder:
        measure("SQLite (WAL)", f"sqlite:///{Path(folder) / 'results.sqlite'}")
    with postgresql() as server:
        measure("PostgreSQL", server.new_database())


if __name__ == "__main__":
    main()
