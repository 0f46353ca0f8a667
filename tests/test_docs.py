"""The repository explains itself: its guides exist, say what the code does, and every link resolves."""

import re

import pytest

from .conftest import NOTEBOOKS, ROOT

DOCS = [ROOT / "README.md", ROOT / "docs" / "authoring.md", ROOT / "docs" / "architecture.md",
        ROOT / "benchmarks" / "README.md"]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_in_the_guides_resolves(doc):
    for target in LINK.findall(doc.read_text()):
        if not re.match(r"[a-z]+:", target):
            assert (doc.parent / target).exists(), f"{doc.name} links to {target}, which is missing"


def test_the_readme_points_to_both_guides_and_nothing_outside_the_repository():
    readme = (ROOT / "README.md").read_text()
    assert "](docs/authoring.md)" in readme and "](docs/architecture.md)" in readme
    for path in ROOT.rglob("*"):
        if path.suffix in {".py", ".md", ".yaml", ".toml", ".sh"} and not {".venv", ".git"} & set(path.parts) \
                and path.name != "test_docs.py":
            text = path.read_text(errors="replace")
            assert "LESSON-GUIDE" not in text and "DESIGN.md" not in text, f"{path} cites a file not in the repository"


def test_the_authoring_guide_describes_the_shape_the_tests_check():
    """The guide's lesson shape and the notebook tests ask for the same headings."""
    guide = (ROOT / "docs" / "authoring.md").read_text()
    for part in ("**You will learn to**", "**Time:** about", "**Before this:**", "summary", "In a real negotiation",
                 "Sources and further reading", "exercise", "<details><summary>"):
        assert part.lower() in guide.lower(), part
    tests = (ROOT / "tests" / "test_notebooks.py").read_text()
    for heading in ("## Summary", "## In a real negotiation", "## Sources and further reading", "## Exercise"):
        assert heading in tests


def test_the_architecture_notes_name_every_package_layer_and_the_sources_folder():
    notes = (ROOT / "docs" / "architecture.md").read_text()
    layers = [p.name for p in (ROOT / "negwidgets").iterdir() if p.is_dir() and (p / "__init__.py").exists()]
    assert layers and all(f"negwidgets/{layer}/" in notes for layer in layers)
    assert "notebooks/sources/" in notes and (NOTEBOOKS / "sources").is_dir()
    assert "<span>&#36;</span>" in notes   # the dollar-sign rule, and why
