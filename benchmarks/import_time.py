"""`import negwidgets` must stay light: no matplotlib or ipywidgets, at most 0.2 s.

Each measurement runs in a fresh interpreter (nothing cached in memory but the OS file cache).

    python benchmarks/import_time.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys

RUNS = 15
PROBE = ("import sys, time; t = time.perf_counter(); import negwidgets; t = time.perf_counter() - t; "
         "heavy = [m for m in ('matplotlib', 'ipywidgets', 'numpy', 'yaml') if m in sys.modules]; "
         "print(t, ','.join(heavy) or '-')")
MODEL_PROBE = PROBE.replace("import negwidgets;", "import negwidgets.model;")


def measure(probe: str) -> tuple[list[float], str]:
    times, heavy = [], ""
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
        times.append(float(out[0]))
        heavy = out[1]
    return sorted(times), heavy


def main() -> dict:
    results = {}
    print(f"Import time in a fresh interpreter, {RUNS} runs (target: import negwidgets <= 0.2 s, nothing heavy)")
    for name, probe in (("import negwidgets", PROBE), ("import negwidgets.model", MODEL_PROBE)):
        times, heavy = measure(probe)
        results[name] = {"median_s": statistics.median(times), "heavy_modules": heavy}
        print(f"  {name:26s} median {statistics.median(times) * 1000:7.2f} ms   max {times[-1] * 1000:7.2f} ms   "
              f"heavy modules loaded: {heavy}")
    return results


if __name__ == "__main__":
    main()
