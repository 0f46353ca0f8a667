"""The charts' PNG encoder on the course's own charts, in one run: Pillow at zlib's level 1 (what
``Figure.savefig`` would use, at its fastest), the package's encoder with the standard zlib, and the package's
encoder with ISA-L (its default when ``isal`` is installed). Each encoder encodes the same pixels; the median
of 30 encodings of each chart is printed in milliseconds with the file's size, every PNG decoded back by
Pillow to the same pixels, and the machine's load beside the run.

    python benchmarks/png_encoder.py
"""

from __future__ import annotations

import io
import os
import statistics
import tempfile
import time
import zlib
from pathlib import Path

import numpy as np
from PIL import Image

from negwidgets.plots import base

REPEATS = 30


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def charts():
    """A small chart (7 x 2.8 inches) and the tallest (7 x 5), as a learner first sees them."""
    from negwidgets.widgets import CompensationComparer, NegotiationDance, ZopaExplorer

    yield "ZopaExplorer", ZopaExplorer().chart
    yield "NegotiationDance", NegotiationDance().chart
    yield "CompensationComparer", CompensationComparer(path=Path(tempfile.mkdtemp()) / "plan.json").chart


def pillow(pixels: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(pixels, "RGBA").save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def with_deflate(deflate):
    def encode(pixels: np.ndarray) -> bytes:
        kept, base._deflate = base._deflate, deflate
        try:
            return base.png_rgba(pixels)
        finally:
            base._deflate = kept
    return encode


def median_ms(encode, pixels: np.ndarray) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        encode(pixels)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> dict:
    try:
        from isal.isal_zlib import compress as isal_compress
    except ImportError:
        isal_compress = None
    encoders = {"Pillow, level 1": pillow, "ours, zlib level 1": with_deflate(zlib.compress)}
    if isal_compress is not None:
        encoders["ours, ISA-L level 1"] = with_deflate(isal_compress)
    print(f"PNG encoding, median of {REPEATS} ({load()}); the package encodes with "
          f"{'ISA-L' if base._deflate is not zlib.compress else 'zlib'}")
    print(f"  {'chart':22s} {'pixels':>11s}  " + "  ".join(f"{name:>22s}" for name in encoders) + "   (ms, kB)")
    report = {}
    # The encoders take turns on each chart, so that a change in the machine's load falls on all of them.
    for name, chart in charts():
        pixels = np.array(chart.render())
        row = {}
        for encoder_name, encode in encoders.items():
            data = encode(pixels)
            assert np.array_equal(np.asarray(Image.open(io.BytesIO(data))), pixels), encoder_name
            row[encoder_name] = (median_ms(encode, pixels), len(data) / 1000)
        report[name] = row
        shape = f"{pixels.shape[1]} x {pixels.shape[0]}"
        print(f"  {name:22s} {shape:>11s}  " + "  ".join(f"{ms:9.2f} ms {kb:6.1f} kB" for ms, kb in row.values()))
    if isal_compress is not None:
        for name, row in report.items():
            isal_ms = row["ours, ISA-L level 1"][0]
            print(f"  {name}: ISA-L is {row['Pillow, level 1'][0] / isal_ms:.1f}x Pillow's speed, "
                  f"{row['ours, zlib level 1'][0] / isal_ms:.1f}x zlib's")
    print(f"  after: {load()}")
    return report


if __name__ == "__main__":
    main()
