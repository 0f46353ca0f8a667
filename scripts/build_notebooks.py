"""Build the lesson notebooks from their MyST markdown sources, with their reference outputs.

    python scripts/build_notebooks.py            # every notebooks/**/sources/*.md
    python scripts/build_notebooks.py 02_batna   # one lesson

Each source (notebooks/sources/02_batna.md) is converted by jupytext, executed top to bottom on a fresh
kernel, and written as the notebook it is paired with, one folder up (notebooks/02_batna.ipynb). Only
text outputs are kept: those are the lesson's numbers, and nbval compares them on every test run. Cells that show a widget or an image are stored unrun and without outputs (nbval then
checks only that they run without an error), and no widget state is saved in the notebook.
A cell that writes to stderr (a warning) stops the build: learners never see warnings.

Dollar signs: JupyterLab, Voila, the slides and GitHub typeset two dollar signs in one paragraph as
LaTeX, and the ``\\$`` escape does not survive their markdown renderers. So before building, every
dollar sign in a source's markdown prose (``$70,000`` or ``\\$70,000``) is rewritten in the source as
``<span>&#36;</span>70,000``: an entity the math finders never see, alone in its element, which every
renderer shows as ``$70,000``. Code spans, code cells and markdown cells tagged ``math`` are left alone.

Navigation: every lesson on the course map (negwidgets/data/course.yaml) ends with links to the
previous and next ready lessons and to the course map in lesson 00; the build writes (or rewrites) that
last cell, tagged ``navigation``, from the course map, so adding a lesson updates its neighbours.

Sources: a lesson's "Sources and further reading" section is written from the sources register
(negwidgets/data/sources.yaml): the works its prose cites, then those its ``<!-- further reading: ... -->``
line names, each with the claims the course takes from it. A citation the register lacks stops the build.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
# Text outputs are the lesson's numbers: stored, and compared by nbval on every test run.
TEXT_ONLY = {"text/plain", "text/markdown"}
sys.path.insert(0, str(ROOT))
from negwidgets.model.money import DOLLAR_MARKUP, markdown_money  # noqa: E402  (the package beside this script)
from negwidgets.model.sources import sources_section  # noqa: E402


def source_with_money_markup(text: str) -> str:
    """A MyST lesson source whose prose dollar signs render as written (:func:`markdown_money`), except in
    the markdown cells tagged ``math``."""
    notebook = jupytext.reads(text, fmt="md:myst")
    math = [cell.source for cell in notebook.cells
            if cell.cell_type == "markdown" and "math" in cell.metadata.get("tags", [])]
    if not math:
        return markdown_money(text)
    parts = re.split("(" + "|".join(map(re.escape, math)) + ")", text)
    parts[::2] = [markdown_money(part) for part in parts[::2]]
    return "".join(parts)


NAVIGATION_HEADER = '+++ {"slideshow": {"slide_type": "skip"}, "tags": ["navigation"]}'
_NAVIGATION = re.compile(r"\n*^\+\+\+ [^\n]*\"navigation\"[^\n]*$.*\Z", re.M | re.S)
COURSE_MAP_LINK = "00_start_here.ipynb#The-course-map"


def navigation_markdown(stem: str) -> str | None:
    """The links that end lesson ``stem``: previous and next ready lessons, and the course map."""
    from negwidgets.data import load

    lessons = [lesson for lesson in load("course")["lessons"] if lesson["status"] == "ready"]
    files = [lesson["file"] for lesson in lessons]
    if stem not in files:
        return None
    at = files.index(stem)
    links = [f"**{label}:** [{lesson['number']} {lesson['title']}]({lesson['file']}.ipynb)"
             for label, lesson in (("Previous", lessons[at - 1] if at else None),
                                   ("Next", lessons[at + 1] if at + 1 < len(lessons) else None)) if lesson]
    return " · ".join([*links, f"**All lessons:** [the course map]({COURSE_MAP_LINK})"])


def source_with_navigation(text: str, stem: str) -> str:
    """A lesson source whose last cell is its navigation (see :func:`navigation_markdown`)."""
    links = navigation_markdown(stem)
    if links is None:
        return text
    return f"{_NAVIGATION.sub('', text).rstrip()}\n\n{NAVIGATION_HEADER}\n\n{links}\n"


SOURCES_HEADING = "## Sources and further reading"
_FURTHER = re.compile(r"<!-- further reading:([^>]*)-->")
_FENCED = re.compile(r"```.*?```", re.S)


def source_with_sources(text: str, stem: str) -> str:
    """A lesson source whose "Sources and further reading" section is written from the sources register:
    the works its prose cites (author-year), then those its ``<!-- further reading: id id -->`` line names."""
    if SOURCES_HEADING not in text:
        return text
    before, rest = text.split(SOURCES_HEADING, 1)
    end = re.search(r"^\+\+\+", rest, re.M)
    section, after = (rest[:end.start()], rest[end.start():]) if end else (rest, "")
    marker = _FURTHER.search(section)
    further = tuple(marker.group(1).split()) if marker else ()
    lesson = stem[:2] if stem[:2].isdigit() else stem
    listing = sources_section(_FENCED.sub("", before), lesson, further)
    line = f"<!-- further reading: {' '.join(further)} -->\n" if further else ""
    return f"{before}{SOURCES_HEADING}\n\n{line}{listing}\n\n{after}"


def source_as_built(text: str, stem: str) -> str:
    """What the build makes of a lesson source before running it: its sources section from the register,
    dollar signs that render as written, and its navigation."""
    return source_with_navigation(source_with_money_markup(source_with_sources(text, stem)), stem)


def notebook_of(source: Path) -> Path:
    """The notebook a source is paired with (notebooks/jupytext.toml): sources/x.md -> x.ipynb."""
    return source.parent.parent / f"{source.stem}.ipynb"


def sources(names: list[str]) -> list[Path]:
    found = sorted(p for p in NOTEBOOKS.rglob("sources/*.md") if ".ipynb_checkpoints" not in p.parts
                   and jupytext.read(p).metadata.get("kernelspec"))
    if names:
        found = [p for p in found if p.stem in names or notebook_of(p).relative_to(NOTEBOOKS).with_suffix("").as_posix()
                 in names]
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
        cell.metadata.pop("execution", None)   # run times would change the file on every build
    notebook.metadata.pop("widgets", None)


def build(path: Path) -> Path:
    text = path.read_text(encoding="utf-8")
    if (rewritten := source_as_built(text, path.stem)) != text:
        path.write_text(rewritten, encoding="utf-8")
        print(f"rewrote {path.relative_to(ROOT)}: its sources from the register, dollar signs as {DOLLAR_MARKUP}, "
              "navigation from the course map")
    notebook = jupytext.read(path)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    keep_text_outputs(notebook, path)
    target = notebook_of(path)
    nbformat.validate(notebook)
    nbformat.write(notebook, target)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="lesson file stems (default: all)")
    args = parser.parse_args()
    # What the lessons save (a plan, role-play packs, class results) goes to a scratch folder, not the course.
    scratch = Path(tempfile.mkdtemp(prefix="negwidgets-build-"))
    os.environ.update(NEGWIDGETS_PLAN_FILE=str(scratch / "plan.json"), NEGWIDGETS_PACK_FOLDER=str(scratch / "packs"),
                      NEGWIDGETS_RESULTS_URL=f"sqlite:///{scratch / 'results.sqlite'}")
    paths = sources(args.names)
    if not paths:
        print("No lesson sources matched.", file=sys.stderr)
        return 1
    for path in paths:
        print(f"built {build(path).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
