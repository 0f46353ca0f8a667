"""One Voila server for a room: what each participant's page costs the instructor's machine.

Serves the participant app with Voila on a store holding a published pack, opens it in Debian's headless
Chromium as a class would (one page per participant, ten by default), and prints how long each page takes
to show the code fields, and the memory of the Voila server and of each participant's kernel (Voila
starts one kernel per open page), from which the memory a room needs follows.

    python benchmarks/voila_room.py [--participants 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from negwidgets.seminar import ResultsStore, make_pack  # noqa: E402
from tests.servers import chromium, only_localhost, voila  # noqa: E402

MB = 1024 * 1024


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        for child in map(int, children):
            found += [child, *_children(child)]
    return found


def _process_with_argument(argument: str) -> int:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and argument.encode() in (entry / "cmdline").read_bytes().split(b"\0"):
            return int(entry.name)
    raise RuntimeError(f"no process runs with {argument}")


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def main(participants: int = 10) -> None:
    with tempfile.TemporaryDirectory() as home_dir:
        home = Path(home_dir)
        os.environ["NEGWIDGETS_RESULTS_URL"] = f"sqlite:///{home / 'class_results.sqlite'}"
        with ResultsStore() as store:
            store.publish(make_pack("salary", 30, seed=1))
        with voila(ROOT / "notebooks/seminar/participant_app.ipynb", home) as url, chromium(home) as first_page:
            context = first_page.context
            context.route("**/*", only_localhost)
            shown = []
            pages = [first_page] + [context.new_page() for _ in range(participants - 1)]
            for page in pages:
                started = time.perf_counter()
                page.goto(url, timeout=120_000)
                page.get_by_placeholder("as on your slip, e.g. P07").wait_for(timeout=120_000)
                shown.append(time.perf_counter() - started)
            server = _process_with_argument(f"--port={urlparse(url).port}")
            kernels = [pid for pid in _children(server)
                       if b"ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes()]
            per_kernel = statistics.median(_rss(pid) for pid in kernels)
            server_rss = _rss(server)
    print(f"Participant app on one Voila server, {participants} participants' pages in headless Chromium")
    print(f"  page shows the code fields: median {statistics.median(shown):.1f} s, first {shown[0]:.1f} s, "
          f"slowest {max(shown):.1f} s")
    print(f"  memory: Voila server {server_rss / MB:.0f} MB; each participant's kernel {per_kernel / MB:.0f} MB "
          f"(median of {len(kernels)})")
    print(f"  a room of 30: about {(server_rss + 30 * per_kernel) / MB / 1024:.1f} GB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=10)
    main(parser.parse_args().participants)
