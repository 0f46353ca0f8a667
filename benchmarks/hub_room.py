"""The participant app as a JupyterHub service: its memory per connected participant, measured.

Runs the instructor's guide's ``jupyterhub_config.py`` lines in a real JupyterHub (as tests/test_hub.py
does) on a throwaway PostgreSQL holding a 30-pair pack, signs in through the hub in Debian's headless
Chromium, and connects participants one page at a time; each page opens its own sheet with its pair's
codes. At each step (1, 5, 10, 20 participants by default) it prints the memory of the Voila server and its
kernels (PSS, each shared page counted once across them, and RSS), and from the growth between steps the
memory one more participant costs. It also prints the machine's load, as the figures vary with it.

    python benchmarks/hub_room.py [--steps 1 5 10 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from negwidgets.seminar import ResultsStore, make_pack  # noqa: E402
from tests.servers import HUB_PASSWORD, chromium, guide_hub_config, jupyterhub, postgresql  # noqa: E402
from tests.test_instructor_guide import hub_config_snippet  # noqa: E402

MB = 1024 * 1024


def _memory(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in bytes, from /proc/PID/smaps_rollup."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, amount = line.split(":", 1)
        values[name] = int(amount.split()[0]) * 1024
    return values.get("Pss", 0), values.get("Rss", 0)


def _descendants(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in map(int, (task / "children").read_text().split()):
            found += [child, *_descendants(child)]
    return found


def _voila_server() -> int:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                arguments = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"--Voila.base_url=/services/roleplay/" in arguments:
                return int(entry.name)
    raise RuntimeError("the hub did not start the participant app's Voila server")


def _machine() -> str:
    info = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines())
    total, available = (int(info[k].split()[0]) * 1024 / 2 ** 30 for k in ("MemTotal", "MemAvailable"))
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} cores, {total:.1f} GiB memory ({available:.1f} GiB available), load average {load}"


def measure(server: int) -> dict:
    kernels = [pid for pid in _descendants(server) if b"ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes()]
    server_pss, server_rss = _memory(server)
    kernel_memory = [_memory(pid) for pid in kernels]
    return {"kernels": len(kernels), "server_pss": server_pss, "server_rss": server_rss,
            "pss": server_pss + sum(p for p, _ in kernel_memory), "rss": server_rss + sum(r for _, r in kernel_memory),
            "kernel_pss": statistics.median(p for p, _ in kernel_memory) if kernels else 0,
            "kernel_rss": statistics.median(r for _, r in kernel_memory) if kernels else 0}


def settle(server: int, seconds: float = 3) -> dict:
    """Measure once the kernels have finished starting: wait, then take the figures."""
    time.sleep(seconds)
    return measure(server)


def main(steps: list[int] = (1, 5, 10, 20)) -> None:
    print(f"Machine before: {_machine()}")
    pack = make_pack("salary", 30, seed=1)
    codes = [(p.pair, p.access_code) for p in pack.participants][:max(steps)]
    with tempfile.TemporaryDirectory() as home_dir, postgresql() as database:
        home = Path(home_dir)
        results_url = database.new_database()
        with ResultsStore(results_url) as store:
            store.publish(pack.record())
        config = guide_hub_config(hub_config_snippet(), results_url, home)
        with jupyterhub(config, home) as hub, chromium(home) as first:
            service = f"{hub}services/roleplay/"
            # Sign in on the hub's own pages, so that no participant's page is open yet at the first measure.
            first.goto(f"{hub}hub/login?next=/hub/home", timeout=60_000)
            first.get_by_label("Username").fill("participant")
            first.get_by_label("Password").fill(HUB_PASSWORD)
            first.get_by_role("button", name="Sign in").click()
            first.wait_for_url(f"{hub}hub/home", timeout=60_000)
            server = _voila_server()
            rows = [(0, settle(server, 10), 0.0)]
            pages, shown = [], []
            for step in steps:
                while len(pages) < step:
                    page = first if not pages else first.context.new_page()
                    code, access_code = codes[len(pages)]
                    started = time.perf_counter()
                    page.goto(service, timeout=120_000)
                    app = page.locator(".negwidgets").first
                    app.wait_for(timeout=120_000)
                    for label, text in (("Pair code", code), ("Personal access code", access_code)):
                        field = app.locator(".widget-text").filter(has_text=label).locator("input").first
                        field.fill(text)
                        field.press("Tab")
                    app.get_by_role("button", name="Open my sheet").click()
                    app.get_by_text("Confidential:").first.wait_for(timeout=60_000)
                    shown.append(time.perf_counter() - started)
                    pages.append(page)
                rows.append((step, settle(server), statistics.median(shown[-(step - rows[-1][0]):])))
            print(f"Machine after {max(steps)} participants: {_machine()}")
    print("\nThe participant app as a JupyterHub service (Voila server and its kernels), each participant's page "
          "with its sheet open in headless Chromium:")
    print(f"{'participants':>12} {'kernels':>7} {'server PSS':>10} {'total PSS':>9} {'total RSS':>9} "
          f"{'per participant PSS':>19} {'kernel PSS':>10} {'kernel RSS':>10} {'sheet shown':>11}")
    base = rows[0][1]
    for participants, row, seconds in rows:
        per = (row["pss"] - base["pss"]) / participants / MB if participants else 0
        print(f"{participants:>12} {row['kernels']:>7} {row['server_pss'] / MB:>8.0f}MB {row['pss'] / MB:>7.0f}MB "
              f"{row['rss'] / MB:>7.0f}MB {per:>17.0f}MB {row['kernel_pss'] / MB:>8.0f}MB {row['kernel_rss'] / MB:>8.0f}MB "
              f"{seconds:>10.1f}s")
    last, top = rows[-1][1], rows[-1][0]
    per_participant = (last["pss"] - base["pss"]) / top
    print(f"\nWith no participant: {base['pss'] / MB:.0f} MB (PSS). Each participant adds {per_participant / MB:.0f} MB "
          f"(PSS, from 0 to {top} participants).")
    for gib in (4, 8, 16):
        fits = int((gib * 2 ** 30 - base["pss"]) // per_participant)
        print(f"  {gib} GiB free for the app holds about {fits} participants")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, nargs="+", default=[1, 5, 10, 20])
    main(sorted(parser.parse_args().steps))
