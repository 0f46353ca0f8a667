"""Shared paths and fixtures."""

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def notebook_of(source: Path) -> Path:
    """The notebook a lesson source is paired with (notebooks/jupytext.toml): sources/x.md -> x.ipynb."""
    return source.parent.parent / f"{source.stem}.ipynb"

# A "Save to my plan" click in any test (or kernel it starts) writes here, never into the repository.
os.environ["NEGWIDGETS_PLAN_FILE"] = str(Path(tempfile.mkdtemp(prefix="negwidgets-plan-")) / "plan.json")
# Likewise the seminar's results store: the notebooks' default SQLite file goes to a temporary folder.
os.environ["NEGWIDGETS_PACK_FOLDER"] = tempfile.mkdtemp(prefix="negwidgets-packs-")
os.environ["NEGWIDGETS_RESULTS_URL"] = f"sqlite:///{Path(tempfile.mkdtemp(prefix='negwidgets-results-')) / 'results.sqlite'}"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
