"""Local Jupyter servers and Debian's headless Chromium, for the browser tests and the benchmarks.

Everything Jupyter, matplotlib and Chromium write goes to a temporary home, never to the user's.
Chromium may only talk to this machine: every other request is aborted (Voila asks a CDN for fonts).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
BIN = Path(sys.executable).parent


def isolated_env(home: Path) -> dict[str, str]:
    """An environment whose Jupyter, IPython, matplotlib and browser files live under ``home``."""
    dirs = {name: home / sub for name, sub in [
        ("HOME", "."), ("JUPYTER_CONFIG_DIR", "jupyter-config"), ("JUPYTER_DATA_DIR", "jupyter-data"),
        ("JUPYTER_RUNTIME_DIR", "jupyter-runtime"), ("IPYTHONDIR", "ipython"), ("MPLCONFIGDIR", "matplotlib"),
        ("XDG_CONFIG_HOME", "xdg-config"), ("XDG_CACHE_HOME", "xdg-cache"),
    ]}
    for path in dirs.values():
        path.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **{k: str(v) for k, v in dirs.items()}}
    env["PATH"] = f"{BIN}:{env['PATH']}"
    env.pop("JPY_SESSION_NAME", None)
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError(f"server did not answer {url} within {timeout} s:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def running(command: list[str], url: str, env: dict[str, str], cwd: Path, log: Path):
    with open(log, "w") as out:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for_http(url, process, log)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# Voila's kernels talk over local sockets, not TCP ports: a port picked for a kernel can be taken by another
# process before the kernel binds it (seen on this shared machine), and Voila then waits forever for it.
_LOCAL_KERNELS = ["--show_tracebacks=True", "--KernelManager.transport=ipc"]


@contextlib.contextmanager
def _short_runtime_dir():
    """A runtime folder with a short path: a kernel's sockets are files there, and a socket's path may not
    exceed 107 characters (a pytest temporary folder's may)."""
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="nw-rt-")
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def voila(notebook: Path, home: Path):
    """Serve one notebook with Voila on a free local port; yield its URL."""
    port = free_port()
    command = [str(BIN / "voila"), str(notebook), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
               *_LOCAL_KERNELS]
    url = f"http://127.0.0.1:{port}/"
    with _short_runtime_dir() as runtime:
        with running(command, url, {**isolated_env(home), "JUPYTER_RUNTIME_DIR": runtime}, notebook.parent,
                     home / "voila.log"):
            yield url


@contextlib.contextmanager
def voila_folder(folder: Path, home: Path):
    """Serve every notebook under ``folder`` with one Voila server; yield its base URL (a notebook is at
    ``f"{url}voila/render/{path relative to folder}"``, its kernel started in the notebook's own folder)."""
    port = free_port()
    command = [str(BIN / "voila"), str(folder), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
               *_LOCAL_KERNELS]
    url = f"http://127.0.0.1:{port}/"
    with _short_runtime_dir() as runtime:
        with running(command, url, {**isolated_env(home), "JUPYTER_RUNTIME_DIR": runtime}, folder, home / "voila.log"):
            yield url


@contextlib.contextmanager
def jupyterlab(root: Path, home: Path):
    """JupyterLab on ``root`` with a token, the news prompt off and settings kept under ``home``."""
    port, token = free_port(), "negotiation-lab-test"
    overrides = {
        "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        # Keep every cell in the page: with windowing, off-screen cells have no text to check.
        "notebook-extension/tracker": {"windowingMode": "none"},
    }
    for name, values in overrides.items():
        path = home / "lab-settings" / "@jupyterlab" / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    command = [str(BIN / "jupyter"), "lab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
               f"--LabApp.user_settings_dir={home / 'lab-settings'}", f"--LabApp.workspaces_dir={home / 'workspaces'}",
               # window.jupyterapp: tests open one notebook after another in the page already loaded (pages.open_in_lab)
               "--LabApp.expose_app_in_browser=True"]
    if os.geteuid() == 0:  # CI machines run as root
        command.append("--allow-root")
    base = f"http://127.0.0.1:{port}"
    with running(command, f"{base}/api/status?token={token}", isolated_env(home), root, home / "lab.log"):
        yield base, token


def only_localhost(route, *, blocked: list[str] | None = None) -> None:
    """Let requests to this machine through (localhost, files, data); abort the rest, noting each in ``blocked``.

    (``blocked`` is keyword-only: Playwright passes the request as a second positional argument to a handler
    that takes two.)"""
    host = urlparse(route.request.url).hostname
    if host in ("127.0.0.1", "localhost") or route.request.url.startswith(("data:", "blob:", "file:")):
        route.continue_()
    else:
        if blocked is not None:
            blocked.append(route.request.url)
        route.abort()


@contextlib.contextmanager
def chromium(home: Path, blocked: list[str] | None = None):
    """Debian's Chromium, headless, through Playwright; yields a new page limited to localhost.

    Every request to another host is aborted; give a list as ``blocked`` to collect their URLs."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run `bash scripts/run-tests.sh` as root to install it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS,
                                             env=isolated_env(home))
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 1000})
            page = context.new_page()
            page.route("**/*", lambda route: only_localhost(route, blocked=blocked))
            yield page
        finally:
            browser.close()


def _postgres_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: `bash scripts/run-tests.sh` installs Debian's postgresql.")
    return found[-1].parent


class PostgresServer:
    """A running throwaway cluster: ``new_database()`` gives the SQLAlchemy URL of a fresh, empty database."""

    def __init__(self, bin_dir: Path, port: int) -> None:
        self.bin_dir, self.port, self.created = bin_dir, port, 0

    def new_database(self) -> str:
        self.created += 1
        name = f"seminar{self.created}"
        subprocess.run([str(self.bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                        name], check=True, capture_output=True)
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"


@contextlib.contextmanager
def postgresql():
    """A throwaway PostgreSQL cluster on a free local port; yields a ``PostgresServer``.

    PostgreSQL refuses to run as root, so under root the cluster belongs to Debian's ``postgres`` user (and
    lives in a folder of its own under the system's temporary folder, which that user can reach)."""
    import pwd
    import shutil
    import tempfile

    bin_dir = _postgres_bin()
    base = Path(tempfile.mkdtemp(prefix="negwidgets-postgres-"))
    data = base / "pgdata"
    data.mkdir(parents=True)
    prefix: list[str] = []
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        for path in (base, data):
            os.chown(path, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    subprocess.run([*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                    "-E", "UTF8", "--no-instructions"], check=True, capture_output=True, env=env)
    port = free_port()
    log = base / "postgres.log"
    command = [*prefix, str(bin_dir / "postgres"), "-D", str(data), "-p", str(port), "-k", str(base),
               "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "logging_collector=off"]
    with open(log, "w") as out:
        if prefix:
            os.chown(log, pwd.getpwnam("postgres").pw_uid, -1)
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 60
        while subprocess.run([str(bin_dir / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)],
                             capture_output=True).returncode != 0:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield PostgresServer(bin_dir, port)
    finally:
        process.terminate()   # SIGTERM: PostgreSQL's "smart" shutdown
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(base, ignore_errors=True)


#: configurable-http-proxy, installed from npm into the virtual environment by `scripts/_setup.sh`.
HTTP_PROXY = Path(sys.prefix) / "share/negotiation-lab/configurable-http-proxy/node_modules/.bin/configurable-http-proxy"
HUB_PASSWORD = "negotiation-lab-test"


@contextlib.contextmanager
def jupyterhub(config: str, home: Path):
    """A real JupyterHub on a free local port, behind the set-up's configurable-http-proxy; yields its URL.

    ``config`` is the text of a ``jupyterhub_config.py`` (the services); this adds the ports, a hub database
    and cookie secret under ``home``, and JupyterHub's workshop authenticator: any user name, the shared password
    ``HUB_PASSWORD``."""
    if not HTTP_PROXY.exists():
        raise RuntimeError(f"{HTTP_PROXY} is missing: run `bash scripts/run-tests.sh`, which installs it from npm")
    port, hub_port, api_port = free_port(), free_port(), free_port()
    settings = {"port": port, "hub_port": hub_port, "api_port": api_port, "proxy": str(HTTP_PROXY),
                "home": str(home), "password": HUB_PASSWORD}
    (home / "jupyterhub_config.py").write_text(config + f"""
# -- this machine: local ports, files under a temporary folder, a test authenticator -----------------------
_local = {settings!r}
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = _local["port"]
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = _local["hub_port"]
c.ConfigurableHTTPProxy.command = [_local["proxy"]]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{{_local['api_port']}}"
c.ConfigurableHTTPProxy.pid_file = _local["home"] + "/proxy.pid"
c.JupyterHub.db_url = "sqlite:///" + _local["home"] + "/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = _local["home"] + "/jupyterhub_cookie_secret"
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = _local["password"]
c.Authenticator.allow_all = True
""")
    url = f"http://127.0.0.1:{port}/"
    command = [str(BIN / "jupyterhub"), "-f", str(home / "jupyterhub_config.py")]
    with running(command, f"{url}hub/health", isolated_env(home), home, home / "jupyterhub.log"):
        yield url


def guide_hub_config(snippet: str, results_url: str, home: Path) -> str:
    """The instructor's guide's ``jupyterhub_config.py`` lines verbatim, then this machine's stand-ins for
    its paths, port and database: the checkout, this environment's Voila, a free port, ``results_url``."""
    port = free_port()
    # The service sees only what the hub gives it (JupyterHub passes it no PATH or HOME): keep its Jupyter
    # and matplotlib files under ``home``, and this checkout's package first on its path when one is set.
    environment = {key: value for key, value in isolated_env(home).items()
                   if key.startswith(("JUPYTER", "IPYTHON", "MPL", "XDG")) or key == "HOME"}
    if os.environ.get("PYTHONPATH"):
        environment["PYTHONPATH"] = os.environ["PYTHONPATH"]
    root = Path(__file__).resolve().parent.parent
    local = {"root": str(root), "voila": str(BIN / "voila"), "port": port, "url": results_url, "env": environment}
    return snippet + f"""
# -- stand-ins for the guide's paths, port and database on this machine ---------------------------------------
_stand_ins = {local!r}
for _service in c.JupyterHub.services:
    _service["cwd"] = _stand_ins["root"]
    _service["url"] = f"http://127.0.0.1:{{_stand_ins['port']}}"
    _service["command"] = [_stand_ins["voila"] if part.endswith("/bin/voila") else
                           f"--port={{_stand_ins['port']}}" if part.startswith("--port=") else part
                           for part in _service["command"]]
    _service["environment"] = {{**_service["environment"], **_stand_ins["env"],
                                "NEGWIDGETS_RESULTS_URL": _stand_ins["url"]}}
"""


def one_cell_notebook(tmp_path: Path, name: str, cell: str) -> Path:
    """A notebook of one code cell, alone in its own folder (a file the widget saves lands beside it), for a
    widget that no lesson shows in that form."""
    import nbformat

    folder = tmp_path / "page"
    folder.mkdir()
    notebook = folder / f"{name}.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, notebook)
    return notebook


def shots_folder(tmp_path: Path) -> Path:
    """Where a browser test puts its screenshots: ``$NEGWIDGETS_SHOTS`` when set, else a temporary folder."""
    shots = Path(os.environ.get("NEGWIDGETS_SHOTS", tmp_path / "shots"))
    shots.mkdir(parents=True, exist_ok=True)
    return shots
