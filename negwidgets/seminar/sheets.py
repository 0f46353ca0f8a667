"""Confidential sheets, access slips and the instructor's key, as Markdown and as printable HTML.

Each document is built once as a list of blocks and written out in both forms, so the two never differ.
Every word from a case file or a pack is escaped.

>>> from negwidgets.seminar.packs import make_pack
>>> pack = make_pack("salary", n_pairs=2, seed=1)
>>> sheet = confidential_sheet(pack.case, pack.pairs[0], "candidate", pack.participants[0].access_code)
>>> print(sheet_markdown(sheet).splitlines()[0])
# Confidential: The candidate, pair P1
>>> "<script>" in sheet_html(confidential_sheet(pack.case, pack.pairs[0], "employer", "<script>"))
False
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model.plan import PAGE_STYLE, markdown_escape
from ..model.plan_file import write_atomically
from ..model.scoring import points_text
from .cases import RolePlayCase
from .packs import Pack, PairValues, pairs_table

__all__ = ["PACK_FOLDER_VARIABLE", "Document", "access_slips", "confidential_sheet", "default_pack_folder",
           "instructor_key", "sheet_html", "sheet_markdown", "write_pack"]

PACK_FOLDER_VARIABLE = "NEGWIDGETS_PACK_FOLDER"


def default_pack_folder() -> Path:
    """Where packs are written: ``$NEGWIDGETS_PACK_FOLDER``, or ``role_play_packs`` in the current folder."""
    return Path(os.environ.get(PACK_FOLDER_VARIABLE) or Path.cwd() / "role_play_packs")


@dataclass(frozen=True)
class Document:
    """A page: a title, a line under it, and blocks ``(kind, content)``; kinds are ``"h2"`` (a heading),
    ``"p"`` (a paragraph), ``"ul"`` (a list of strings), ``"table"`` (``(header, rows)``), ``"box"`` (lines
    to fill in by hand), ``"page"`` (a page break when printed)."""

    title: str
    subtitle: str
    blocks: tuple[tuple[str, object], ...]


def _paragraphs(text: str) -> list[tuple[str, object]]:
    return [("p", " ".join(part.split())) for part in text.split("\n\n") if part.strip()]


def confidential_sheet(case: RolePlayCase, pair: PairValues, role_key: str, access_code: str | None) -> Document:
    """One participant's confidential sheet: the public facts, their role, their numbers, a planning box and
    how to report. ``access_code`` is printed on the sheet (``None`` leaves it out, as in the app)."""
    role = case.role(role_key)
    index = case.role_index(role_key)
    value = pair.reservations[index]
    reservation = case.value_text(value)
    batna = role.batna_text(value, reservation)
    subtitle = f"{case.title} · pair {pair.code}" + (f" · access code {access_code}" if access_code else "")
    blocks: list[tuple[str, object]] = [
        ("p", "Keep this sheet to yourself: the other side has a sheet of its own with different facts."),
        ("h2", "The situation (both sides know this)"), *_paragraphs(case.public),
        ("h2", "Your role (only you know this)"), *_paragraphs(role.brief_text(value, reservation)),
        ("h2", "Your numbers"),
    ]
    if case.scoring is None:
        direction = "less" if role.wants == "more" else "more"
        blocks.append(("ul", [f"Your BATNA: {batna}.",
                              f"Your reservation value: {reservation}. Walk away rather than agree to "
                              f"{direction} than that for {case.number.what}."]))
    else:
        blocks.append(("ul", [f"Your BATNA: {batna}.",
                              f"Your reservation value: {reservation}. Walk away from any package worth less "
                              "to you than that.",
                              "Each issue's options and what each is worth to you (your own points; the other "
                              "side scores them differently and will not show you its table):"]))
        rows = []
        for issue in case.scoring.issues:
            options = "; ".join(f"{label}: {points_text(points[index])}"
                                for label, points in zip(issue.options, issue.points))
            rows.append((issue.name, options))
        blocks.append(("table", (("Issue", "Options: your points"), rows)))
        if case.lead_issue:
            blocks.append(("p", f"An opening names a number for '{case.lead_issue}' ({case.number.what}), "
                                "with or without the other issues; an agreement settles every issue on one of "
                                "its listed options."))
    blocks += [
        ("h2", "Prepare (five minutes, on your own)"),
        ("box", ["My aspiration:", "My opening:", "Standards I can cite:", "Questions I will ask:"]),
        ("h2", "When you have finished"),
        ("p", f"Report the result in the class app with pair code {pair.code} and your personal access code: "
              "who opened and with what number, the agreement or an impasse, the number of rounds, and four "
              "questions about how you feel. If you walk away, report that too: an impasse is a result."),
    ]
    return Document(f"Confidential: {role.name}, pair {pair.code}", subtitle, tuple(blocks))


def access_slips(pack: Pack, app_address: str = "") -> Document:
    """One slip per participant with the pair code, role and access code, to cut out and hand round."""
    where = f" at {app_address}" if app_address else ""
    rows = [(p.pair, pack.case.role(p.role).name, p.access_code) for p in pack.participants]
    return Document(f"Access slips: {pack.case.title}", f"Pack {pack.pack_id} · open the class app{where}",
                    (("table", (("Pair", "Role", "Access code"), rows)),))


def instructor_key(pack: Pack) -> Document:
    """The instructor's key: every pair's values and zone, every access code, and the instructor's secret."""
    case = pack.case
    table = pairs_table(pack)
    header = ("Pair", *(role.name for role in case.roles), "Zone of agreement")
    rows = [(row["pair"], *(row[key] for key in case.role_keys), row["zone"]) for row in table]
    codes = [(p.pair, case.role(p.role).name, p.access_code) for p in pack.participants]
    return Document(f"Instructor's key: {case.title}", f"Pack {pack.pack_id} · keep this to yourself", (
        ("p", pack.describe()),
        ("ul", [f"Instructor's secret (the dashboard's raw data asks for it): {pack.instructor_secret}",
                f"Made {pack.created}; the same seed ({pack.seed}) and settings give the same numbers, "
                "with new access codes."]),
        ("h2", "Every pair's reservation values"),
        ("table", (header, rows)),
        ("h2", "Access codes"),
        ("table", (("Pair", "Role", "Access code"), codes)),
    ))


# -- writing documents ----------------------------------------------------------------------------------

def _cell(text: object) -> str:
    return markdown_escape(str(text))


def sheet_markdown(document: Document) -> str:
    """The document as Markdown."""
    lines = [f"# {markdown_escape(document.title)}", "", f"*{markdown_escape(document.subtitle)}*", ""]
    for kind, content in document.blocks:
        if kind == "h2":
            lines += [f"## {markdown_escape(content)}", ""]
        elif kind == "p":
            lines += [markdown_escape(content), ""]
        elif kind == "ul":
            lines += [*(f"- {markdown_escape(item)}" for item in content), ""]
        elif kind == "box":
            lines += [*(f"- {markdown_escape(label)} ____________________" for label in content), ""]
        elif kind == "table":
            header, rows = content
            lines.append("| " + " | ".join(_cell(h) for h in header) + " |")
            lines.append("|" + "---|" * len(header))
            lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
            lines.append("")
        elif kind == "page":
            lines += ["---", ""]
    return "\n".join(lines)


_SHEET_STYLE = PAGE_STYLE + """
.subtitle { color: #555; margin-top: -.6em; }
table { border-collapse: collapse; width: 100%; margin: .3em 0; font-size: .95em; }
th, td { border: 1px solid #bbb; padding: .2em .4em; text-align: left; vertical-align: top; }
.box div { border-bottom: 1px solid #999; height: 1.9em; }
.page { break-after: page; }
@page { size: A4; margin: 14mm; }
"""


def _html_body(document: Document) -> str:
    parts = [f"<h1>{html.escape(document.title)}</h1>",
             f"<p class='subtitle'>{html.escape(document.subtitle)}</p>"]
    for kind, content in document.blocks:
        if kind == "h2":
            parts.append(f"<h2>{html.escape(content)}</h2>")
        elif kind == "p":
            parts.append(f"<p>{html.escape(content)}</p>")
        elif kind == "ul":
            parts.append("<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in content) + "</ul>")
        elif kind == "box":
            parts.append("<div class='box'>" + "".join(f"<div>{html.escape(label)}</div>" for label in content)
                         + "</div>")
        elif kind == "table":
            header, rows = content
            head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
            body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>"
                           for row in rows)
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    return "".join(parts)


# Inside an app the page's own styles apply: only the sheet's frame, tables and boxes are set, scoped to it.
_FRAGMENT_STYLE = ("<style>.negwidgets-sheet{max-width:46em;border:1px solid #ccc;padding:4px 16px;margin:8px 0;"
                   "background:#fffdf5}.negwidgets-sheet table{border-collapse:collapse}"
                   ".negwidgets-sheet td,.negwidgets-sheet th{border:1px solid #bbb;padding:2px 6px;text-align:left}"
                   # Whole words: on a phone the course's stylesheet lets a result table's words break anywhere
                   # (.nw-root .widget-html-content td), which cut a sheet's "Salary" into "Salar" and "y".
                   ".nw-root .widget-html-content .negwidgets-sheet :is(td,th){overflow-wrap:normal}"
                   ".negwidgets-sheet .box div{border-bottom:1px solid #999;height:1.6em}</style>")


def sheet_fragment(document: Document) -> str:
    """The document as a styled HTML fragment (for showing inside the participant app)."""
    return f"{_FRAGMENT_STYLE}<div class='negwidgets-sheet'>{_html_body(document)}</div>"


def sheet_html(document: Document | Sequence[Document]) -> str:
    """One or more documents as a standalone printable HTML page (each document on its own page)."""
    documents = [document] if isinstance(document, Document) else list(document)
    title = html.escape(documents[0].title if len(documents) == 1 else "Confidential sheets")
    body = "".join(f"<section class='page'>{_html_body(d)}</section>" for d in documents)
    return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{title}</title>"
            f"<style>{_SHEET_STYLE}</style></head><body>{body}</body></html>\n")


def write_pack(pack: Pack, folder: str | Path | None = None, app_address: str = "") -> list[Path]:
    """Write every sheet (HTML and Markdown), all sheets in one printable file, the access slips and the
    instructor's key into ``folder/<case>-<pack id>/`` (``folder`` defaults to ``default_pack_folder()``);
    each file is written atomically."""
    target = Path(folder if folder is not None else default_pack_folder()) / f"{pack.case.key}-{pack.pack_id}"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    sheets = []
    for participant in pack.participants:
        sheet = confidential_sheet(pack.case, pack.pair(participant.pair), participant.role,
                                   participant.access_code)
        sheets.append(sheet)
        stem = f"sheet-{participant.pair}-{participant.role}"
        for suffix, text in ((".html", sheet_html(sheet)), (".md", sheet_markdown(sheet))):
            write_atomically(target / (stem + suffix), text)
            written.append(target / (stem + suffix))
    for name, text in (("all-sheets.html", sheet_html(sheets)),
                       ("access-slips.html", sheet_html(access_slips(pack, app_address))),
                       ("instructor-key.html", sheet_html(instructor_key(pack))),
                       ("instructor-key.md", sheet_markdown(instructor_key(pack)))):
        write_atomically(target / name, text)
        written.append(target / name)
    return written

