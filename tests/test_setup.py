"""The repository's set-up: the two README commands, CI, conda and Binder configuration, light imports."""

import os
import re
import shutil
import subprocess
import sys
import tomllib
import venv

import pytest
import yaml

from .conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
README = (ROOT / "README.md").read_text()


def requirement_names(requirements):
    return {re.split(r"[<>=!~ \[;]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def conda_names(environment):
    names = set()
    for dependency in environment["dependencies"]:
        if isinstance(dependency, str):
            names.add(re.split(r"[<>=! ]", dependency, maxsplit=1)[0].lower())
    return names


def readme_commands():
    return re.findall(r"```bash\n(bash scripts/[^\n]+)\n```", README)


def test_readme_has_two_set_up_commands_and_ci_runs_the_test_one():
    commands = readme_commands()
    assert commands == ["bash scripts/open-course.sh", "bash scripts/run-tests.sh"]
    ci = [line for line in (ROOT / ".ci/run").read_text().splitlines() if line and not line.startswith("#")]
    assert ci[-1] == commands[1]
    for command in commands:
        assert (ROOT / command.split()[1]).is_file()


def test_open_course_opens_jupyterlab_on_lesson_00():
    script = (ROOT / "scripts/open-course.sh").read_text()
    assert "jupyter lab" in script and "notebooks/00_start_here.ipynb" in script
    assert (ROOT / "notebooks/00_start_here.ipynb").is_file()


def test_run_tests_installs_debian_chromium_and_never_downloads_a_browser():
    script = (ROOT / "scripts/run-tests.sh").read_text()
    assert "apt_install chromium chromium-driver" in script
    everything = script + (ROOT / "scripts/_setup.sh").read_text() + (ROOT / ".ci/run").read_text()
    assert "playwright install" not in everything


def test_environment_yml_lists_what_pyproject_needs():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    needed = requirement_names(PYPROJECT["project"]["dependencies"] + PYPROJECT["project"]["optional-dependencies"]["course"])
    assert needed <= conda_names(environment), needed - conda_names(environment)
    pip_section = next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section  # the course's own package


def test_binder_environment_pins_the_course_stack_and_covers_the_runtime():
    environment = yaml.safe_load((ROOT / "binder/environment.yml").read_text())
    deps = environment["dependencies"]
    assert "python=3.11" in deps
    assert any(d.startswith("ipywidgets>=8") for d in deps) and any(d.startswith("jupyterlab>=4") for d in deps)
    assert {"jupytext", "voila", "matplotlib"} <= conda_names(environment)
    # postBuild installs negwidgets with --no-deps, so Binder's environment must hold its runtime needs.
    assert requirement_names(PYPROJECT["project"]["dependencies"]) <= conda_names(environment)


def test_binder_postbuild_starts_with_set_e_and_installs_the_package():
    lines = [line for line in (ROOT / "binder/postBuild").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines[0] == "set -e"
    assert any(re.search(r"pip install .*\s\.$", line) for line in lines)
    assert os.access(ROOT / "binder/postBuild", os.X_OK)


def test_binder_badge_opens_jupyterlab_on_lesson_00():
    link = re.search(r"\(https://mybinder\.org/v2/gh/[^)]+\)", README)[0]
    assert "urlpath=lab/tree/notebooks/00_start_here.ipynb" in link


@pytest.mark.slow
def test_repo2docker_generates_a_build_that_runs_postbuild_on_the_binder_environment():
    repo2docker = shutil.which("repo2docker", path=os.path.dirname(sys.executable)) or shutil.which("repo2docker")
    assert repo2docker, "jupyter-repo2docker is a test dependency"
    result = subprocess.run([repo2docker, "--no-build", "--no-run", "--debug", str(ROOT)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    dockerfile = result.stdout + result.stderr
    assert "python=3.11" in dockerfile
    assert '--file "binder/environment.yml"' in dockerfile
    assert "RUN ./binder/postBuild" in dockerfile


@pytest.mark.slow
def test_postbuild_really_installs_the_package_with_its_data(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info", ".test-home"))
    env_dir = tmp_path / "binder-env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    env = {**os.environ, "PATH": f"{env_dir / 'bin'}:{os.environ['PATH']}", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("PYTHONPATH", None)
    result = subprocess.run(["./binder/postBuild"], cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    probe = ("import importlib.resources as r, negwidgets; "
             "print(negwidgets.__file__); "
             "print(sorted(p.name for p in r.files('negwidgets.data').joinpath('checks').iterdir())); "
             "print(sorted(p.name for p in r.files('negwidgets.data').joinpath('seminar').iterdir()))")
    shown = subprocess.run([str(env_dir / "bin/python"), "-c", probe], cwd=tmp_path, capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    installed, checks, cases = shown.stdout.splitlines()
    assert str(env_dir) in installed  # installed into the environment, not imported from the checkout
    assert "lesson01.yaml" in checks
    assert "research_collaboration.yaml" in cases


def test_import_negwidgets_is_light():
    code = ("import sys, negwidgets; "
            "heavy = [m for m in ('matplotlib', 'ipywidgets', 'numpy', 'yaml') if m in sys.modules]; "
            "print(','.join(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_seminar_kit_imports_no_database_driver_or_widgets_until_used():
    code = ("import sys, negwidgets.seminar; "
            "print(','.join(m for m in ('sqlalchemy', 'matplotlib', 'ipywidgets') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_model_layer_never_imports_ipywidgets_or_matplotlib():
    code = ("import sys, negwidgets.model, negwidgets.data; "
            "print(','.join(m for m in ('matplotlib', 'ipywidgets') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
    for path in (ROOT / "negwidgets/model").glob("*.py"):
        assert not re.search(r"^\s*(import|from)\s+(ipywidgets|matplotlib)", path.read_text(), re.M), path.name


def test_plots_layer_never_imports_ipywidgets():
    for path in (ROOT / "negwidgets/plots").glob("*.py"):
        assert not re.search(r"^\s*(import|from)\s+ipywidgets", path.read_text(), re.M), path.name


def test_widgets_layer_does_no_arithmetic_on_money():
    """Widgets call the model; they never compute results themselves (a crude but useful guard)."""
    for path in (ROOT / "negwidgets/widgets").glob("*.py"):
        source = path.read_text()
        assert not re.search(r"\.(reservation|aspiration|value)\s*[-+*/]\s*\w", source), path.name
