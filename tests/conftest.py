"""Shared paths and fixtures."""

import functools
import os
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


@functools.lru_cache(maxsize=1)
def build_script():
    """scripts/build_notebooks.py as a module (it is a script, not part of the package). Loaded on first
    use: the model tests also run from a bare copy of the package and tests, without scripts or jupytext."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "scripts" / "build_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def notebook_of(source: Path) -> Path:
    """The notebook a lesson source is paired with: the build's rule (sources/x.md -> x.ipynb)."""
    return build_script().notebook_of(source)

# A "Save to my plan" click in any test (or kernel it starts) writes here, never into the repository.
os.environ["NEGWIDGETS_PLAN_FILE"] = str(Path(tempfile.mkdtemp(prefix="negwidgets-plan-")) / "plan.json")
# Likewise the seminar's results store: the notebooks' default SQLite file goes to a temporary folder.
os.environ["NEGWIDGETS_PACK_FOLDER"] = tempfile.mkdtemp(prefix="negwidgets-packs-")
os.environ["NEGWIDGETS_RESULTS_URL"] = f"sqlite:///{Path(tempfile.mkdtemp(prefix='negwidgets-results-')) / 'results.sqlite'}"


# The longest test files, longest first (seconds each, run alone on a loaded two-core machine, 2026-12-02):
# every Python's install 400, the Voila page sweep 180, the browser tests 134, the JupyterLab page sweep 106,
# the slides 86, the notebooks' key figures 81, the results store 80.
LONGEST_FIRST = ("test_setup.py", "test_browser_voila_pages.py", "test_browser.py", "test_browser_pages.py",
                 "test_slides.py", "test_notebooks.py", "test_seminar_store.py")


def pytest_collection_modifyitems(config, items):
    """Run the longest test files first, then the others that start servers or browsers (marked slow), then the
    rest: with one worker per core (scripts/run-tests.sh, each file in one worker, files handed out in this order)
    the suite then never ends waiting for one long file that started last. Each file's tests keep their order."""
    slow = {item.path for item in items if item.get_closest_marker("slow")}

    def rank(item):
        name = item.path.name
        return (LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST), item.path not in slow)

    items.sort(key=rank)  # stable: a file's tests stay together and in order


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


# The README's command for a lesson as slides; tests run it with other lessons and an output folder.
SLIDES_COMMAND = "bash scripts/slides.sh"


@pytest.fixture(scope="session")
def readme_decks(tmp_path_factory) -> Path:
    """The README's slides command run on every lesson at once (one set-up check, one nbconvert): the folder of decks."""
    readme = (ROOT / "README.md").read_text()
    assert re.search(rf"^{re.escape(SLIDES_COMMAND)} notebooks/04_zopa\.ipynb$", readme, re.M), "README: slides command"
    out = tmp_path_factory.mktemp("slides")
    lessons = sorted(str(p.relative_to(ROOT)) for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    result = subprocess.run([*SLIDES_COMMAND.split(), *lessons, "--output-dir", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    return out
