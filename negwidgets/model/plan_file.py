"""Saving and loading the plan: JSON, written atomically, with a backup, and never over a file it cannot read.

* **Atomic**: the new plan is written to a temporary file in the same folder, flushed to disk, then
  renamed over the old one (``os.replace``), so a crash at any moment leaves either the old plan or the
  new one, never half a file.
* **Backup**: before a save replaces a plan, the previous version is kept as ``<name>.bak`` (written the
  same way).
* **Never overwritten**: a file that is damaged, or is not a plan, is reported in a sentence and left
  exactly as it was; saving over it is refused. Whatever a file holds (wrong types, huge numbers, deep
  nesting) gives a plan or a :class:`PlanFileError`, and a pipe or a device is refused without reading it.
* **One writer at a time**: a save and an update (read, change, write) hold an exclusive lock on
  ``.<name>.lock`` beside the plan, so two calculators saving at once (two kernels, two tabs) both land.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from collections.abc import Callable
from typing import Any

from .batna import Alternative
from .checks import shown
from .criteria import Criterion
from .plan import PLAN_FIELDS, NegotiationPlan, plan_html, plan_markdown

try:
    import fcntl
except ImportError:  # Windows: no fcntl; the in-process lock below still orders one kernel's saves
    fcntl = None

__all__ = ["PLAN_FORMAT", "PLAN_VERSION", "PlanFileError", "backup_path", "change_plan", "default_plan_path", "export_plan",
           "load_plan", "lock_path", "plan_from_dict", "plan_from_json", "plan_to_json", "save_plan", "update_plan", "write_atomically"]

PLAN_FORMAT = "negwidgets-plan"
PLAN_VERSION = 1
PLAN_FILE_ENV = "NEGWIDGETS_PLAN_FILE"
DEFAULT_NAME = "my_negotiation_plan.json"
MAX_FILE_BYTES = 2_000_000  # far above any plan; a bigger file is not one of ours
LOCK_WAIT = 30.0  # seconds to wait for another save: each takes milliseconds, so longer means a stuck writer
_IN_PROCESS = threading.Lock()  # flock may not exclude two threads of one process (NFS emulates it per process)


class PlanFileError(ValueError):
    """A plan file that cannot be read or written, explained in a sentence."""


def default_plan_path() -> Path:
    """Where plans are saved unless you say otherwise: ``$NEGWIDGETS_PLAN_FILE``, or
    ``my_negotiation_plan.json`` in the folder the notebook runs in."""
    return Path(os.environ.get(PLAN_FILE_ENV) or DEFAULT_NAME).expanduser().absolute()


def backup_path(path: Path | str) -> Path:
    """The backup kept beside a plan: ``plan.json`` -> ``plan.json.bak``."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


def lock_path(path: Path | str) -> Path:
    """The lock file that saves of a plan take turns on: ``plan.json`` -> ``.plan.json.lock`` (hidden, as
    JupyterLab's file browser hides dot files)."""
    path = Path(path)
    return path.with_name(f".{path.name}.lock")


def _as_dict(plan: NegotiationPlan) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for spec in PLAN_FIELDS:
        value = getattr(plan, spec.key)
        if spec.kind == "alternatives":
            value = [{"name": a.name, "value": a.value, "probability": a.probability, "adjustment": a.adjustment}
                     for a in value]
        elif spec.kind == "criteria":
            value = [{"name": c.name, "value": c.value, "strength": c.strength, "reason": c.reason} for c in value]
        elif spec.kind == "notes":
            value = [{"source": source, "text": text} for source, text in value]
        elif spec.kind == "practice":  # lesson 08's games; read back by NegotiationPlan itself
            value = [game.as_dict() for game in value]
        elif spec.kind == "interests":  # the interest map; read back by NegotiationPlan itself
            value = value.as_dict()
        elif spec.kind == "collaboration":  # lesson 16's terms (or None); read back by NegotiationPlan itself
            value = None if value is None else value.as_dict()
        elif isinstance(value, tuple):
            value = list(value)
        data[spec.key] = value
    return data


def plan_to_json(plan: NegotiationPlan, saved: datetime | None = None) -> str:
    """The plan as the JSON text of a plan file.

    >>> plan_from_json(plan_to_json(NegotiationPlan(title="Salary", reservation=70_000))).reservation
    70000.0
    """
    stamp = (saved or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    document = {"format": PLAN_FORMAT, "version": PLAN_VERSION, "saved": stamp, "plan": _as_dict(plan)}
    # ASCII escapes keep any text the learner typed (even a lone surrogate from a paste) exact and writable.
    return json.dumps(document, ensure_ascii=True, indent=2, allow_nan=False) + "\n"


def _records(value: Any, key: str, fields: tuple[str, ...], where: str) -> list[tuple]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise PlanFileError(f"In {where}, '{key}' should be a list of entries; the file may have been edited by hand.")
    rows = []
    for item in value:
        missing = [name for name in fields if name not in item]
        if missing:
            raise PlanFileError(f"In {where}, an entry of '{key}' has no '{missing[0]}'.")
        rows.append(tuple(item[name] for name in fields))
    return rows


def plan_from_dict(data: Any, where: str = "The plan") -> NegotiationPlan:
    """A plan from the ``plan`` part of a plan file (a dict of fields), checked field by field."""
    if not isinstance(data, dict):
        raise PlanFileError(f"{where} has no plan inside it.")
    if "caution" in data and "risk_aversion" not in data:
        # Plans saved before lesson 02 asked for a sure amount held a 0-10 "caution": 1e-5 per dollar a step.
        data = {("risk_aversion" if k == "caution" else k): v for k, v in data.items()}
        if isinstance(data["risk_aversion"], (int, float)) and not isinstance(data["risk_aversion"], bool):
            data["risk_aversion"] = data["risk_aversion"] * 1e-5
    known = {spec.key: spec for spec in PLAN_FIELDS}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise PlanFileError(f"{where} has a field this version of the course does not know ({shown(unknown[0])}); "
                            f"it may come from a newer version of negwidgets.")
    values: dict[str, Any] = {}
    try:  # every entry and field is checked by the model, whose ValueError is the sentence to pass on
        for key, value in data.items():
            kind = known[key].kind
            if kind == "alternatives":
                value = [Alternative(*row) for row in _records(value, key, ("name", "value", "probability", "adjustment"), where)]
            elif kind == "criteria":
                value = [Criterion(*row) for row in _records(value, key, ("name", "value", "strength", "reason"), where)]
            elif kind == "notes":
                value = _records(value, key, ("source", "text"), where)
            if isinstance(value, list):
                value = tuple(value)
            values[key] = value
        return NegotiationPlan(**values)
    except PlanFileError:
        raise
    except ValueError as error:
        raise PlanFileError(f"{where} holds a value the plan cannot take: {error}") from None


def plan_from_json(text: str, where: str = "The plan file") -> NegotiationPlan:
    """Read the JSON text of a plan file, or explain in a sentence why it is not one."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise PlanFileError(f"{where} is damaged and cannot be read (line {error.lineno}, column {error.colno}: "
                            f"{error.msg.lower()}).") from None
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        raise PlanFileError(f"{where} holds a number thousands of digits long: it is not a plan.") from None
    except RecursionError:
        raise PlanFileError(f"{where} is nested too deeply to be a plan.") from None
    if not isinstance(document, dict) or document.get("format") != PLAN_FORMAT:
        raise PlanFileError(f"{where} is not a Negotiation Lab plan: it is some other JSON file.")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PlanFileError(f"{where} does not say which version of the plan format it uses.")
    if version > PLAN_VERSION:
        raise PlanFileError(f"{where} was saved by a newer version of negwidgets (plan format {shown(version)}); "
                            f"update negwidgets to open it.")
    return plan_from_dict(document.get("plan"), where)


_KINDS = [(stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket")]


def _refuse_special(mode: int, where: str) -> None:
    """Refuse anything but a regular file: reading a pipe waits for a writer forever, and /dev/zero never ends."""
    if stat.S_ISDIR(mode):
        raise PlanFileError(f"{where} is a folder, not a file: choose a file name such as {DEFAULT_NAME}.")
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "something special")
        raise PlanFileError(f"{where} is not a regular file (it is {kind}): choose a file name such as {DEFAULT_NAME}.")


def _read_text(path: Path, where: str) -> str:
    try:
        _refuse_special(os.stat(path).st_mode, where)
        # O_NONBLOCK: should a pipe replace the file after the check, opening it still returns at once.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise PlanFileError(f"There is no plan saved at {path.name} yet: fill in the plan and save it first.") from None
    except OSError as error:
        raise PlanFileError(f"{where} cannot be read ({error.strerror}).") from None
    with os.fdopen(handle, "rb") as stream:
        _refuse_special(os.fstat(stream.fileno()).st_mode, where)  # what was opened, not what was checked
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise PlanFileError(f"{where} is far too large to be a plan (over {MAX_FILE_BYTES:,} bytes).")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise PlanFileError(f"{where} is not a text file: it cannot be a plan.") from None


def _describe(path: Path) -> str:
    return f"The file {path.name}"


def load_plan(path: Path | str | None = None) -> NegotiationPlan:
    """Load a plan saved with :func:`save_plan` (default: :func:`default_plan_path`)."""
    target = Path(path) if path is not None else default_plan_path()
    if not target.exists():
        raise PlanFileError(f"There is no plan saved at {target.name} yet: fill in the plan and save it first.")
    where = _describe(target)
    try:
        return plan_from_json(_read_text(target, where), where)
    except PlanFileError as error:
        backup = backup_path(target)
        hint = f" The previous version is in {backup.name}." if backup.exists() else ""
        raise PlanFileError(f"{error} I left it as it is.{hint}") from None


def write_atomically(path: Path | str, text: str) -> None:
    """Write ``text`` to ``path`` so that a crash leaves the old file or the new one, never a mix."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        directory = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def _writable_folder(target: Path) -> None:
    if not target.parent.is_dir():
        raise PlanFileError(f"The folder {target.parent} does not exist: choose a file in an existing folder.")


def _refuse_special_before_locking(target: Path, refusal: str) -> None:
    """A pipe or a device is refused before a lock file is made beside it (in /dev, say)."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return  # missing or unreadable: said under the lock, where it is read
    try:
        _refuse_special(mode, _describe(target))
    except PlanFileError as error:
        raise PlanFileError(f"{error}{refusal}") from None


@contextlib.contextmanager
def _locked(target: Path):
    """Hold the plan's lock file exclusively, so that one read-change-write at a time touches the plan."""
    with _IN_PROCESS:
        try:
            handle = os.open(lock_path(target), os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as error:
            raise PlanFileError(f"I could not save the plan to {target.name} ({error.strerror}).") from None
        try:
            deadline = time.monotonic() + LOCK_WAIT
            while fcntl is not None:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:  # a stuck writer: say so rather than wait for ever
                        raise PlanFileError(f"Another program has been saving {target.name} for {LOCK_WAIT:.0f} "
                                            f"seconds: close it, or try again.") from None
                    time.sleep(0.005)
            yield
        finally:
            os.close(handle)  # closing releases the lock; the file stays, as removing it would race the next writer


def save_plan(plan: NegotiationPlan, path: Path | str | None = None) -> Path:
    """Save ``plan`` as JSON at ``path`` (default: :func:`default_plan_path`) and return the path.

    The previous version is kept as ``<name>.bak``. A file at ``path`` that is not a readable plan is
    never overwritten: :class:`PlanFileError` says so and the file stays as it was.
    """
    target = Path(path) if path is not None else default_plan_path()
    _writable_folder(target)
    _refuse_special_before_locking(target, _NOT_SAVED)
    with _locked(target):
        return _save(plan, target)


_NOT_SAVED = " I did not save over it: move it away or choose another file name."


def _save(plan: NegotiationPlan, target: Path) -> Path:
    """Save under the lock (which :func:`save_plan` and :func:`update_plan` hold)."""
    text = plan_to_json(plan)
    if target.exists():
        where = _describe(target)
        try:
            previous = _read_text(target, where)
            plan_from_json(previous, where)
        except PlanFileError as error:
            raise PlanFileError(f"{error}{_NOT_SAVED}") from None
        try:
            write_atomically(backup_path(target), previous)
        except OSError as error:
            raise PlanFileError(f"I could not keep a backup of {target.name} ({error.strerror}), so I did not save.") from None
    try:
        write_atomically(target, text)
    except OSError as error:
        raise PlanFileError(f"I could not save the plan to {target.name} ({error.strerror}).") from None
    return target


def change_plan(change: Callable[[NegotiationPlan], NegotiationPlan], path: Path | str | None = None) -> NegotiationPlan:
    """Load the plan file (or start a new plan), apply ``change`` to the plan and save the result, all under
    the plan's lock, and return it. A file that cannot be read is left alone (:class:`PlanFileError`)."""
    target = Path(path) if path is not None else default_plan_path()
    _writable_folder(target)
    _refuse_special_before_locking(target, " I left it as it is.")
    # The lock spans the read and the write: two updates at once would otherwise both read the old plan,
    # and the second save would drop the first's change.
    with _locked(target):
        plan = load_plan(target) if target.exists() else NegotiationPlan()
        updated = change(plan)
        _save(updated, target)
    return updated


def update_plan(source: str, note: str, path: Path | str | None = None, **changes: Any) -> NegotiationPlan:
    """Write a calculator's result into the plan file: load it (or start a new plan), change ``changes``,
    remember ``note`` as the latest from ``source``, save. A file that cannot be read is left alone."""
    return change_plan(lambda plan: plan.replace(**changes).with_note(source, note), path)


def export_plan(plan: NegotiationPlan, path: Path | str, kind: str = "markdown") -> Path:
    """Write the plan's page as Markdown (``kind="markdown"``) or standalone HTML (``"html"``)."""
    target = Path(path)
    render = {"markdown": plan_markdown, "html": plan_html}.get(kind)
    if render is None:
        raise ValueError(f"Export a plan as 'markdown' or 'html', not {kind!r}.")
    _writable_folder(target)
    try:
        write_atomically(target, render(plan))
    except OSError as error:
        raise PlanFileError(f"I could not write {target.name} ({error.strerror}).") from None
    return target
