"""Notebook execution time: each lesson run top to bottom on a fresh kernel, as nbval and Voila do.

Target: lessons 00-04 together at most 30 s.

    python benchmarks/notebook_execution.py
"""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def main() -> dict[str, float]:
    results = {}
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(notebook, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        results[path.stem] = time.perf_counter() - start
    print("Notebook execution on a fresh kernel, kernel start included (target: 00-04 together <= 30 s)")
    for name, seconds in results.items():
        print(f"  {name:24s} {seconds:6.2f} s")
    first_five = sum(seconds for name, seconds in results.items() if name[:2] in {"00", "01", "02", "03", "04"})
    print(f"  {'lessons 00-04 together':24s} {first_five:6.2f} s")
    return results


if __name__ == "__main__":
    main()
