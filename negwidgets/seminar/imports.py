"""Results gathered elsewhere (an online form, a paper tally typed into a spreadsheet), imported from CSV.

Every row is checked like a report from the app. Good rows are kept; every bad row is reported with its
line number and the reason, and nothing is dropped silently (an unknown column is reported too). A row
already in the store (the same file imported twice, or the same result typed twice) adds nothing.

The columns, in any order and any case: ``pair, role, opener, opening, outcome, agreement, rounds`` and
optionally ``q1`` to ``q4`` (the survey, 1 to 7) and ``comment``. In a multi-issue case, give one column per
issue, named as the issue, instead of ``agreement``. ``csv_template(case)`` writes the header.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .cases import RolePlayCase
from .packs import PackRecord
from .results import SURVEY_ITEMS, ReportError, check_report
from .store import ResultsStore

__all__ = ["MAX_CSV_BYTES", "ImportResult", "csv_template", "import_csv"]

MAX_CSV_BYTES = 5_000_000
_BASE = ("pair", "role", "opener", "opening", "outcome", "rounds")
_SURVEY = tuple(f"q{n}" for n in range(1, len(SURVEY_ITEMS) + 1))


@dataclass
class ImportResult:
    """What an import did: rows added, rows already in the store, and every problem by line number."""

    added: int = 0
    already: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)

    def describe(self) -> str:
        text = (f"Added {self.added} result{'s' if self.added != 1 else ''}; {self.already} "
                f"{'were' if self.already != 1 else 'was'} already in the store.")
        if self.problems:
            text += f" {len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}: " + " ".join(
                f"Line {line}: {message}" for line, message in self.problems)
        return text


def _key(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def _issue_columns(case: RolePlayCase) -> tuple[str, ...]:
    return tuple(issue.name for issue in case.scoring.issues) if case.scoring is not None else ("agreement",)


def csv_template(case: RolePlayCase) -> str:
    """The header line (and one example row) of a CSV file the import reads for this case."""
    columns = [*_BASE, *_issue_columns(case), *_SURVEY, "comment"]
    example = {"pair": "P1", "role": case.role_keys[1], "opener": case.role_keys[0], "outcome": "agreement",
               "rounds": "4", **{q: "5" for q in _SURVEY}, "comment": ""}
    low, high = (role.reservation.typical for role in case.roles)
    if case.scoring is None:
        example["opening"] = f"{max(low, high) * 1.1:.0f}" if case.roles[0].wants == "more" else f"{low:.0f}"
        example["agreement"] = f"{(low + high) / 2:.0f}"
    else:
        lead = case.scoring.issues[[i.name for i in case.scoring.issues].index(case.lead_issue)]
        example["opening"] = f"{case.lead_value({lead.name: lead.options[-1]}):.0f}"
        for issue in case.scoring.issues:
            example[issue.name] = issue.options[len(issue.options) // 2]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerow(example)
    return buffer.getvalue()


def _read(source: str | Path | bytes) -> str:
    if isinstance(source, str) and "\n" not in source and source.strip().lower().endswith(".csv"):
        source = Path(source.strip())   # a file name, not the file's text
    if isinstance(source, Path):
        path = source
        try:
            if path.stat().st_size > MAX_CSV_BYTES:
                raise ValueError(f"{path.name} is larger than {MAX_CSV_BYTES // 1_000_000} MB; a class's results "
                                 "are far smaller, so this is probably the wrong file.")
            source = path.read_bytes()
        except OSError as error:
            raise ValueError(f"I could not read {path.name}: {error.strerror}.") from None
    if isinstance(source, bytes):
        try:
            return source.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValueError("The file is not UTF-8 text: save it from your spreadsheet as 'CSV UTF-8' and "
                             "import it again.") from None
    return source


def import_csv(store: ResultsStore, record: PackRecord, source: str | Path | bytes) -> ImportResult:
    """Import CSV results for the pack ``record``: ``source`` is a path (a ``Path``, or a one-line string
    ending in ``.csv``), the file's bytes (as an upload gives them) or its text."""
    case = record.case
    text = _read(source)
    if len(text) > MAX_CSV_BYTES:
        raise ValueError("This text is larger than a class's results could be; check it is the right file.")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ValueError("The file is empty: it needs a header line naming its columns.") from None
    except csv.Error as error:
        raise ValueError(f"Line 1 cannot be read as CSV: {error}.") from None
    columns = [_key(name) for name in header]
    wanted = {_key(c): c for c in (*_BASE, *_issue_columns(case), *_SURVEY, "comment")}
    missing = [name for key, name in wanted.items() if key not in columns and name not in (*_SURVEY, "comment")]
    if missing:
        raise ValueError(f"The file has no column for: {', '.join(missing)}. The first line must name the "
                         f"columns; see csv_template() for the full list.")
    result = ImportResult()
    for position, key in enumerate(columns):
        if key not in wanted:
            result.problems.append((1, f"the column {header[position][:40]!r} is not one I read, so its values "
                                       "were not imported."))
        elif columns.index(key) != position:
            result.problems.append((1, f"the column {header[position][:40]!r} appears twice; I read the first."))
    rows = []
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            result.problems.append((reader.line_num, f"cannot be read as CSV ({error})."))
            continue
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue  # a blank line is not a result
        if len(values) != len(columns):
            result.problems.append((line, f"has {len(values)} fields but the header has {len(columns)}; "
                                          "check for a stray comma or a missing value."))
            continue
        row = {}
        for key, value in zip(columns, values):
            row.setdefault(key, value)
        try:
            report = check_report(
                record, pair=row["pair"], role=row["role"], opener=row["opener"], opening=row["opening"],
                outcome=row["outcome"], agreement=row.get("agreement") if case.scoring is None else None,
                terms=({issue.name: row[_key(issue.name)] for issue in case.scoring.issues}
                       if case.scoring is not None else None),
                rounds=row["rounds"], survey=[row.get(q, "") for q in _SURVEY], comment=row.get("comment", ""))
        except ReportError as error:
            result.problems.append((line, str(error)))
            continue
        rows.append((line, report))
    outcomes = store.submit_many([(report, report.fingerprint()) for _, report in rows], source="csv")
    for added in outcomes:
        if added:
            result.added += 1
        else:
            result.already += 1
    return result
