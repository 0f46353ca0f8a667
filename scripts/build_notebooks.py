"""Build the lesson notebooks from their MyST markdown sources, with their reference outputs.

    python scripts/build_notebooks.py            # every notebooks/**/*.md
    python scripts/build_notebooks.py 02_batna   # one lesson

Each source is converted by jupytext, executed top to bottom on a fresh kernel, and written next to
it as .ipynb. Only text outputs are kept: those are the lesson's numbers, and nbval compares them on
every test run. Cells that show a widget or an image are stored unrun and without outputs (nbval then
checks only that they run without an error), and no widget state is saved in the notebook.
A cell that writes to stderr (a warning) stops the build: learners never see warnings.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TEXT_ONLY = {"text/plain"}


def sources(names: list[str]) -> list[Path]:
    found = sorted(p for p in NOTEBOOKS.rglob("*.md") if ".ipynb_checkpoints" not in p.parts
                   and jupytext.read(p).metadata.get("kernelspec"))
    if names:
        found = [p for p in found if p.stem in names or str(p.relative_to(NOTEBOOKS)) in names]
    return found


def keep_text_outputs(notebook: nbformat.NotebookNode, path: Path) -> None:
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"{path.stem.replace('_', '-')}-{index:02d}"
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            if output.get("name") == "stderr":
                raise SystemExit(f"{path.name}, cell {index}: writes to stderr:\n{output.get('text')}")
        shows_widget_or_image = any(
            set(output.get("data", {})) - TEXT_ONLY for output in cell.outputs if output.output_type != "stream"
        )
        if shows_widget_or_image or not cell.outputs:
            cell.outputs = []
            cell.execution_count = None
        for output in cell.outputs:
            output.pop("metadata", None) if output.output_type == "stream" else output.update(metadata={})
    notebook.metadata.pop("widgets", None)


def build(path: Path) -> Path:
    notebook = jupytext.read(path)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    keep_text_outputs(notebook, path)
    target = path.with_suffix(".ipynb")
    nbformat.validate(notebook)
    nbformat.write(notebook, target)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="lesson file stems (default: all)")
    args = parser.parse_args()
    paths = sources(args.names)
    if not paths:
        print("No lesson sources matched.", file=sys.stderr)
        return 1
    for path in paths:
        print(f"built {build(path).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
