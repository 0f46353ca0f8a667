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
