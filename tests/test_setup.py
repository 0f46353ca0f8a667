"""The repository's set-up: the two README commands, CI, conda and Binder configuration, light imports."""

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, as the test extra's tomli
    import tomli as tomllib

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
README = (ROOT / "README.md").read_text()


# PyPI names that conda-forge spells differently.
CONDA_SPELLING = {"isal": "python-isal"}


def requirement_names(requirements):
    """The requirements' names, as conda-forge spells them."""
    names = {re.split(r"[<>=!~ \[;]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}
    return {CONDA_SPELLING.get(name, name) for name in names}


def conda_names(environment):
    names = set()
    for dependency in environment["dependencies"]:
        if isinstance(dependency, str):
            names.add(re.split(r"[<>=! ]", dependency, maxsplit=1)[0].lower())
    return names


def readme_commands():
    two_commands = README.split("\n## Two commands\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(bash scripts/[^\n]+)\n```", two_commands)


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
    assert "--LabApp.default_url=/lab/tree/00_start_here.ipynb" in script  # the address JupyterLab prints
    assert (ROOT / "notebooks/00_start_here.ipynb").is_file()


def test_run_tests_installs_debian_chromium_and_never_downloads_a_browser():
    script = (ROOT / "scripts/run-tests.sh").read_text()
    assert 'DEBIAN_PACKAGES="chromium chromium-driver postgresql npm"' in script
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


# --- the commands as a newcomer meets them ----------------------------------------------------------

def _fake_commands(folder, **scripts):
    """A folder of tiny shell scripts standing in for commands (put first on the PATH)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in scripts.items():
        path = folder / name
        path.write_text(f"#!/bin/sh\n{body}\n")
        path.chmod(0o755)
    return folder


@pytest.mark.parametrize("script", ["run-tests.sh", "open-course.sh", "slides.sh"])
def test_without_root_a_missing_debian_package_stops_the_set_up_with_the_readmes_install_line(script, tmp_path):
    """As another user than root, with every Debian package missing (and Debian's Python without
    python3-venv), the script installs nothing and prints the one `sudo apt-get install` line the README gives."""
    copy = tmp_path / "repo"
    (copy / "scripts").mkdir(parents=True)
    for name in (script, "_setup.sh"):
        shutil.copy(ROOT / "scripts" / name, copy / "scripts" / name)
    fake = _fake_commands(tmp_path / "bin", id="echo 1000", **{"dpkg-query": "exit 1"})
    python = _fake_commands(tmp_path / "python", python3=(
        'case "$1" in --version) echo "Python 3.11.2";; -c) exit 0;; *) echo "no ensurepip" >&2; exit 1;; esac'))
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}", "PYTHON": str(python / "python3")}
    result = subprocess.run(["bash", str(copy / "scripts" / script)], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1, result.stdout + result.stderr
    assert not (copy / ".venv").exists()
    message, command = result.stderr.strip().splitlines()[-2:]
    assert message.startswith("Negotiation Lab needs Debian packages that are missing here (python3-venv")
    assert message.endswith("Install them first, then run this again:")
    assert command.strip().startswith("sudo apt-get install python3-venv")
    assert f"\n{command.strip()}\n" in README or f"`{command.strip()}`" in README, command


@functools.cache
def pythons() -> dict[tuple[int, int], tuple[str, str]]:
    """Every Python on this machine, one per minor version: python3.X on the PATH, then pyenv's versions.

    Returns {(3, 10): ("3.10.13", "/root/.pyenv/versions/3.10.13/bin/python3"), ...}; a command that does not
    run (such as a pyenv shim for a version that is not selected) is left out."""
    candidates = [shutil.which(f"python3.{minor}") for minor in range(6, 20)]
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates += sorted(str(p) for p in pyenv.glob("versions/*/bin/python")) if pyenv.is_dir() else []
    found = {}
    for command in filter(None, candidates):
        try:
            shown = subprocess.run([command, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3]); "
                                    "print(sys.executable)"], capture_output=True, text=True, timeout=30)
        except OSError:
            continue
        if shown.returncode == 0 and len(shown.stdout.split()) == 2:
            version, executable = shown.stdout.split()
            found.setdefault(tuple(int(n) for n in version.split(".")[:2]), (version, executable))
    return dict(sorted(found.items()))


def test_the_set_up_refuses_a_python_older_than_3_10_with_a_sentence(tmp_path):
    copy = tmp_path / "repo" / "scripts"
    copy.mkdir(parents=True)
    shutil.copy(ROOT / "scripts/_setup.sh", copy)
    old = [(version, executable) for minor, (version, executable) in pythons().items() if minor < (3, 10)]
    for minor in range(6, 10):  # also by the name the README's reader would type, where it runs
        named = subprocess.run(f"python3.{minor} --version", shell=True, capture_output=True, text=True)
        if named.returncode == 0:
            old.append((named.stdout.split()[-1], f"python3.{minor}"))
    if not old:  # no old Python here: a stand-in that answers as Python 3.9 does
        stand_in = _fake_commands(tmp_path / "bin", python3=(
            'case "$1" in --version) echo "Python 3.9.18";; *) exit 1;; esac')) / "python3"
        old = [("3.9.18", str(stand_in))]
    for version, python in old:
        result = subprocess.run(["bash", str(copy / "_setup.sh"), "course"], env={**os.environ, "PYTHON": python},
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 1, result.stdout
        assert result.stderr == f"Negotiation Lab needs Python 3.10 or newer; {python} is Python {version}.\n"
        assert not (tmp_path / "repo/.venv").exists()


def test_the_first_set_up_says_what_it_does_and_later_runs_stay_quiet(tmp_path):
    """The first run prints a line per step and lets pip show its progress; a later run prints nothing.
    (A stand-in Python makes the venv and records the pip commands it is given.)"""
    copy = tmp_path / "repo"
    (copy / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts/_setup.sh", copy / "scripts")
    log = tmp_path / "pip.log"
    venv_python = _fake_commands(tmp_path / "venv-bin", python=f'echo "$*" >> {log}') / "python"
    python = _fake_commands(tmp_path / "bin", python3=(
        'case "$1" in --version) echo "Python 3.11.2";; -c) exit 0;; '
        f'-m) mkdir -p "$3/bin" && cp {venv_python} "$3/bin/python";; esac'))
    env = {**os.environ, "PYTHON": str(python / "python3")}

    def set_up():
        log.write_text("")
        result = subprocess.run(["bash", str(copy / "scripts/_setup.sh"), "course"], env=env, capture_output=True,
                                text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        return result.stdout, log.read_text().splitlines()

    shown, pip = set_up()
    assert shown.splitlines() == [
        "Creating the virtual environment in .venv ...",
        "Installing the course's packages (first time: about 2 minutes)...",
        "Installed. Running this again is quick: it only adds what is missing.",
    ]
    assert pip == ["-m pip install --disable-pip-version-check --upgrade pip",
                   "-m pip install --disable-pip-version-check -e .[course]"]   # not --quiet: pip's progress shows
    shown, pip = set_up()
    assert shown == ""
    assert pip == ["-m pip install --disable-pip-version-check --quiet --upgrade pip",
                   "-m pip install --disable-pip-version-check --quiet -e .[course]"]


@pytest.mark.slow
def test_open_course_prints_the_address_of_lesson_00_and_that_address_opens_it(tmp_path):
    import queue
    import signal
    import threading
    import urllib.error
    import urllib.request

    from .servers import free_port, isolated_env

    port = free_port()
    env = isolated_env(tmp_path)
    env["PIP_CACHE_DIR"] = str(Path.home() / ".cache/pip")  # the set-up's quick check may build the package
    process = subprocess.Popen(["bash", "scripts/open-course.sh", "--no-browser", "--port", str(port),
                                "--ServerApp.ip=127.0.0.1"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    printed, address = [], None
    pattern = re.compile(rf"http://(?:127\.0\.0\.1|localhost):{port}/lab/tree/00_start_here\.ipynb\?token=\w+")
    try:
        deadline = time.monotonic() + 240
        while address is None and time.monotonic() < deadline and process.poll() is None:
            try:
                printed.append(lines.get(timeout=1))
            except queue.Empty:
                continue
            found = pattern.search(printed[-1])
            address = found[0] if found else None
        assert address, "".join(printed)[-3000:]
        assert any("/lab/tree/00_start_here.ipynb?token=..." in line for line in printed)  # the script's own hint
        for _ in range(60):  # JupyterLab prints the address as it starts to listen
            try:
                with urllib.request.urlopen(address, timeout=30) as response:
                    page = response.read().decode()
                break
            except urllib.error.URLError:
                assert process.poll() is None, "".join(printed)[-3000:]
                time.sleep(0.5)
        else:
            raise AssertionError(f"nothing answers at {address}")
        assert "JupyterLab" in page
        contents = address.replace("/lab/tree/", "/api/contents/")  # the lesson is there, under that name
        with urllib.request.urlopen(contents, timeout=30) as response:
            assert json.load(response)["name"] == "00_start_here.ipynb"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# --- every Python from 3.10 -------------------------------------------------------------------------

MODEL_SUITE_INI = """[pytest]
addopts = -p no:cacheprovider --doctest-modules
markers =
    slow: starts servers or external tools
    browser: drives a real headless Chromium
"""

MODEL_SUITE_CONFTEST = """from hypothesis import settings

# Here the model's tests check that the package runs on this Python, two interpreters at a time: timing is not
# the question (no deadlines), and the main suite already searches with the full number of examples.
settings.register_profile("every-python", deadline=None, max_examples=30)
settings.load_profile("every-python")
"""

SYNTAX_CHECK = """import ast, pathlib, sys
for folder in sys.argv[1:]:
    for path in sorted(pathlib.Path(folder).rglob("*.py")):
        ast.parse(path.read_text(encoding="utf-8"), str(path))
"""

IMPORT_EVERYTHING = """import importlib, pkgutil, negwidgets
names = [m.name for m in pkgutil.walk_packages(negwidgets.__path__, "negwidgets.")]
for name in names:
    importlib.import_module(name)
print(negwidgets.__file__, len(names))
"""


def _check_on(python: str, wheel: Path, folder: Path, untested: str = "") -> str:
    """A fresh venv with the package (and its runtime dependencies) from the wheel, pytest and hypothesis; then
    every source file parsed, every module imported, and the model's doctests and tests run, unless ``untested``
    says why not. Returns a summary."""
    def run(*command, cwd=folder, timeout=900):
        started = time.monotonic()
        result = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                                env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "MPLBACKEND": "Agg"})
        assert result.returncode == 0, f"{python}: {' '.join(map(str, command))}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        seconds.append(time.monotonic() - started)
        return result.stdout

    seconds: list[float] = []

    folder.mkdir(parents=True)
    run(python, "-m", "venv", folder / "venv")
    venv_python = folder / "venv/bin/python"
    run(venv_python, "-m", "pip", "install", "--quiet", "--no-compile", wheel, "pytest", "hypothesis")
    run(venv_python, "-c", SYNTAX_CHECK, *(ROOT / d for d in ("negwidgets", "tests", "scripts", "benchmarks")))
    location, modules = run(venv_python, "-c", IMPORT_EVERYTHING).split()
    assert location.startswith(str(folder / "venv")), location  # the installed package, not the checkout
    if untested:
        steps = "venv {:.0f} s, install {:.0f} s, parse {:.0f} s, import {:.0f} s".format(*seconds)
        return f"{modules} modules imported; {untested} ({steps})"
    suite = folder / "suite"
    (suite / "tests").mkdir(parents=True)
    for path in [ROOT / "tests/__init__.py", ROOT / "tests/conftest.py", *sorted((ROOT / "tests").glob("test_model_*.py"))]:
        shutil.copy(path, suite / "tests")
    # test_model_multi_issue_batch checks the outcomes on the benchmark's own domains (NegMAS is imported lazily)
    (suite / "benchmarks").mkdir()
    shutil.copy(ROOT / "benchmarks/multi_issue_peer.py", suite / "benchmarks")
    (suite / "pytest.ini").write_text(MODEL_SUITE_INI)
    (suite / "conftest.py").write_text(MODEL_SUITE_CONFTEST)
    output = run(venv_python, "-m", "pytest", "-q", "--pyargs", "negwidgets.model", "tests", cwd=suite)
    summary = output.strip().splitlines()[-1]
    assert re.match(r"\d+ passed in ", summary) and int(summary.split()[0]) > 300, summary
    steps = "venv {:.0f} s, install {:.0f} s, parse {:.0f} s, import {:.0f} s, tests {:.0f} s".format(*seconds)
    return f"{modules} modules imported, {summary} ({steps})"


@pytest.mark.slow
def test_the_package_installs_on_every_python_from_3_10_and_its_model_tests_pass_on_the_oldest_and_newest(tmp_path, capsys):
    """For each Python 3.10+ found on the PATH or under pyenv, two at a time: see ``_check_on``. The model
    tests run on the oldest and the newest of them; every one installs the wheel and imports every module."""
    from concurrent.futures import ThreadPoolExecutor

    modern = {minor: found for minor, found in pythons().items() if minor >= (3, 10)}
    assert sys.version_info[:2] in modern, f"not even the Python running the suite was found: {pythons()}"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--disable-pip-version-check",
                            "-w", str(tmp_path / "wheel"), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "wheel").glob("negwidgets-*.whl")
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:
        # Installed and imported on every one; the model tests run on the oldest and the newest (the suite's own
        # Python runs them on the checkout), which bound what the versions between them may do.
        tested = {min(modern), max(modern)} - {sys.version_info[:2]}
        why = {minor: "" if minor in tested else "its model tests are this suite's own" if minor == sys.version_info[:2]
               else "model tests run on the oldest and the newest" for minor in modern}
        jobs = {version: pool.submit(_check_on, executable, wheel, tmp_path / f"python{version}", why[minor])
                for minor, (version, executable) in sorted(modern.items(), key=lambda item: item[0] not in tested)}
        results = {version: job.result() for version, job in jobs.items()}
    with capsys.disabled():
        print(f"\nPythons found: {', '.join(f'{v} ({e})' for v, e in pythons().values())}; "
              f"checked in {time.monotonic() - started:.0f} s:")
        for version, summary in results.items():
            print(f"  Python {version}: {summary}")
