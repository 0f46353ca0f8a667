"""The seminar's two apps: the participant app (open your sheet, report your result) and the debrief
dashboard (the class's results for the big screen, raw data behind the instructor's secret).

Both are thin views: codes are checked by ``AccessGate``, reports by ``check_report``, results kept by
``ResultsStore`` and summarised by ``class_debrief``. A missing or damaged pack, an unreachable, read-only
or deleted store or a bad field is a sentence on the page, never a traceback, and nothing typed is lost.
Participants read a store's failure as ``StoreError.public`` (what to do); only the dashboard, the
instructor's view, says where the store is (never its password).
"""

from __future__ import annotations

import base64
import html
import threading
import time
from collections.abc import Callable

import ipywidgets as widgets

from ..model.scoring import points_text
from ..seminar.access import AccessGate, AccessRefused
from ..seminar.cases import in_sentence
from ..seminar.charts import debrief_charts
from ..seminar.debrief import class_debrief
from ..seminar.imports import import_csv
from ..seminar.results import MAX_COMMENT, NOBODY, ReportError, check_report, survey_questions
from ..seminar.sheets import confidential_sheet, sheet_fragment
from ..seminar.store import ResultsStore, StoreError
from .base import alert_html, choice, course_root, figure, labelled, status_html
from .controls import Choice

__all__ = ["DebriefDashboard", "ParticipantApp"]

_HIDDEN = "none"


def _open_store(store: ResultsStore | str | None) -> ResultsStore:
    return store if isinstance(store, ResultsStore) else ResultsStore(store)


def _show(widget: widgets.Widget, visible: bool) -> None:
    widget.layout.display = None if visible else _HIDDEN


class _SeminarApp(widgets.VBox):
    """What both apps share: a status line, and the pack with its access gate read from the store. When the
    store or the pack cannot be read, the app is only that sentence (``record`` stays ``None``)."""

    _quiet = False   # a non-error status in small grey type rather than as a confirmation
    _for_instructor = False   # whether a store's failure is told in full (where it is) or as ``public``

    def __init__(self, store: ResultsStore | str | None, pack_id: str | None, clock: Callable[[], float],
                 **layout) -> None:
        self.status = widgets.HTML("")
        self.status_text = ""
        self.record = None
        super().__init__([self.status], layout=widgets.Layout(**layout))
        course_root(self, "negwidgets")
        self._stylesheet = self.children[-1]
        try:
            self.store = _open_store(store)
            record = self.store.load_pack(pack_id)
            self.case = record.case
        except StoreError as error:
            self._say(self._told(error), error=True)
            return
        except Exception as error:  # noqa: BLE001 - whatever else went wrong, a sentence rather than a traceback
            self._say(self._told(StoreError(f"I could not read the class's pack ({type(error).__name__}).")),
                      error=True)
            return
        self.record = record
        self.gate = AccessGate(self.store, self.record, clock)

    def _told(self, error: StoreError) -> str:
        return str(error) if self._for_instructor else error.public

    def _writable(self) -> StoreError | None:
        """Why the store cannot take logins and reports (read-only), or ``None``."""
        try:
            self.store.check_writable()
        except StoreError as error:
            return error
        except Exception:  # noqa: BLE001 - a passing failure: the login or report itself will say so
            return None
        return None

    def _say(self, message: str, error: bool = False) -> None:
        self.status_text = message
        if error:
            self.status.value = alert_html(message)
        elif self._quiet:
            self.status.value = f"<div style='color:#555;font-size:0.85em'>{html.escape(message)}</div>"
        else:
            self.status.value = status_html(message)


class ParticipantApp(_SeminarApp):
    """Enter your pair code and access code, read your own confidential sheet, report your result.

    ``store`` is a ``ResultsStore`` or a database URL (default: ``$NEGWIDGETS_RESULTS_URL`` or
    ``class_results.sqlite`` here); ``pack_id`` picks a pack (default: the newest published).
    """

    def __init__(self, store: ResultsStore | str | None = None, pack_id: str | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.participant: tuple[str, str] | None = None
        super().__init__(store, pack_id, clock, max_width="900px")
        if self.record is None:
            return
        problem = self._writable()
        if problem is not None:   # no login that could never work: say so at once
            self.record = None
            self._say(self._told(problem), error=True)
            return
        self._build_login()
        self._build_form()
        self.children = [widgets.HTML(f"<h3>{html.escape(self.case.title)}: your sheet and your result</h3>"),
                         self.login, self.sheet, self.form, self.status, self._stylesheet]

    # -- opening the sheet ----------------------------------------------------------------------------

    def _build_login(self) -> None:
        self.pair_code = labelled(widgets.Text, "Pair code", placeholder="as on your slip, e.g. P07")
        self.access_code = labelled(widgets.Password, "Personal access code", placeholder="e.g. K7QF-M3XD")
        self.open_button = widgets.Button(description="Open my sheet", button_style="primary",
                                          tooltip="Show your own confidential sheet and the report form")
        self.open_button.on_click(self.open_sheet)
        self.login = widgets.VBox([widgets.HTML("Type the pair code and the personal access code from your slip."),
                                   self.pair_code, self.access_code, self.open_button])
        self.sheet = widgets.HTML("")

    def open_sheet(self, _button=None) -> None:
        try:
            pair, role = self.gate.open_sheet(self.pair_code.value, self.access_code.value)
        except AccessRefused as error:
            self._say(str(error), error=True)
            return
        except StoreError as error:   # one that waiting will not cure: read-only, deleted, damaged
            self._say(self._told(error), error=True)
            return
        except Exception as error:  # the database went away: say so, keep what was typed
            self._say(_unavailable("check your codes", error), error=True)
            return
        self.participant = (pair, role)
        self.access_code.value = ""
        document = confidential_sheet(self.case, self.record.pair(pair), role, None)
        self.sheet.value = sheet_fragment(document)
        _show(self.login, False)
        _show(self.form, True)
        self._say(f"Welcome, {in_sentence(self.case.role(role).name)} of pair {pair}. Your sheet is below; "
                  "report your result when you have finished.")

    # -- the report form ------------------------------------------------------------------------------

    def _build_form(self) -> None:
        case = self.case
        number = case.number.name.lower()
        self.opener = labelled(widgets.Dropdown, "Who named the first number",
                               options=[(r.name, r.key) for r in case.roles] + [("Nobody named a number", NOBODY)])
        self.opening = labelled(widgets.Text, f"The first number ({number})", placeholder="e.g. 75,000")
        self.outcome = choice("The outcome", [("Agreement", "agreement"), ("Impasse: we walked away", "impasse")])
        if case.scoring is None:
            self.agreement = labelled(widgets.Text, f"The agreed {number}", placeholder="e.g. 76,500")
            self.terms = {}
            agreement_controls = [self.agreement]
        else:
            self.agreement = None
            self.terms = {issue.name: labelled(widgets.Dropdown, issue.name, options=[("choose", "")] + [
                (o, o) for o in issue.options]) for issue in case.scoring.issues}
            agreement_controls = [widgets.HTML("The agreed option for every issue:"), *self.terms.values()]
        self.agreement_box = widgets.VBox(agreement_controls)
        self.rounds = labelled(widgets.BoundedIntText, "Rounds of offers", value=1, min=0, max=200)
        self.survey = []
        survey_rows = [widgets.HTML("<b>How do you feel?</b> Four questions, 1 (low) to 7 (high); you may skip them all.")]
        for number_, item in enumerate(survey_questions(), start=1):
            # A radio group named by its question; the ends of the scale say what they mean.
            scale = [str(v) for v in range(1, 8)]
            names = [f"1 ({item.low.lower()})", *scale[1:6], f"7 ({item.high.lower()})"]
            buttons = Choice(scale, value=None, description=f"{number_}. {item.text}", names=names,
                             tooltips=[item.low] + [""] * 5 + [item.high],
                             help=f"1 = {item.low}, 7 = {item.high}")
            buttons.add_class("nw-stacked")
            self.survey.append(buttons)
            survey_rows.append(buttons)
        self.comment = labelled(widgets.Textarea, "Anything to add (optional)",
                                placeholder=f"up to {MAX_COMMENT} characters")
        self.submit_button = widgets.Button(description="Submit my result", button_style="success",
                                            tooltip="Send your report; you can correct it later, the latest counts")
        self.submit_button.on_click(self.submit)
        self.errors = {name: widgets.HTML("") for name in ("opener", "opening", "outcome", "agreement", "rounds",
                                                            "survey")}
        self.outcome.observe(self._outcome_changed, "value")
        self.opener.observe(self._opener_changed, "value")
        self.form = widgets.VBox([
            widgets.HTML("<h4>Report your result</h4>"),
            self.opener, self.errors["opener"], self.opening, self.errors["opening"],
            self.outcome, self.errors["outcome"], self.agreement_box, self.errors["agreement"],
            self.rounds, self.errors["rounds"], *survey_rows, self.errors["survey"], self.comment,
            self.submit_button,
        ])
        _show(self.form, False)

    def _outcome_changed(self, change) -> None:
        _show(self.agreement_box, change["new"] == "agreement")

    def _opener_changed(self, change) -> None:
        _show(self.opening, change["new"] != NOBODY)

    def fields(self) -> dict:
        """What the form holds, as ``check_report`` takes it."""
        agreed = self.outcome.value == "agreement"
        return dict(
            opener=self.opener.value, opening=self.opening.value if self.opener.value != NOBODY else "",
            outcome=self.outcome.value,
            agreement=(self.agreement.value if agreed else "") if self.agreement is not None else None,
            terms={name: (d.value if agreed else "") for name, d in self.terms.items()} or None,
            rounds=self.rounds.value, survey=[b.value for b in self.survey], comment=self.comment.value)

    def submit(self, _button=None) -> None:
        for error in self.errors.values():
            error.value = ""
        if self.participant is None:
            self._say("Open your sheet with your codes first.", error=True)
            return
        pair, role = self.participant
        try:
            report = check_report(self.record, pair=pair, role=role, **self.fields())
        except ReportError as error:
            self.errors.get(error.field, self.errors["outcome"]).value = alert_html(str(error))
            self._say("Your result was not sent yet: fix the line marked above.", error=True)
            return
        try:
            self.store.submit(report)
        except StoreError as error:
            self._say(self._told(error) + " Your answers are still in the form.", error=True)
            return
        except Exception as error:  # a database that went away: keep the form, say so
            self._say(_unavailable("save your result", error) + " Your answers are still in the form.", error=True)
            return
        self._say(f"Thank you: your result is in. {report.describe(self.case)} If something is wrong, correct it "
                  "and submit again: the latest counts.")


class DebriefDashboard(_SeminarApp):
    """The class's results for the big screen, refreshed from the store on a timer or on a click.

    Pairs appear by code only. The raw data and the CSV import sit behind the instructor's secret.
    """

    _quiet = True
    _for_instructor = True

    def __init__(self, store: ResultsStore | str | None = None, pack_id: str | None = None,
                 refresh_seconds: float = 15, clock: Callable[[], float] = time.time) -> None:
        self.debrief = None
        self.unlocked = False
        self.revealed = False
        self._seen = None
        self._problem = ""
        super().__init__(store, pack_id, clock)
        if self.record is None:
            return
        problem = self._writable()
        if problem is not None:   # the results can still be shown, but the room cannot log in: say why
            self._problem = str(problem)
        self.summary = widgets.HTML("")
        self.refresh_button = widgets.Button(description="Refresh now", tooltip="Read the latest results")
        self.refresh_button.on_click(lambda _b: self.refresh(force=True))
        # The room sees this screen while pairs negotiate: their values stay hidden until they report, or
        # until the instructor shows them all for the debrief with this one click.
        self.reveal_button = widgets.Button(description=_REVEAL, icon="eye", layout=widgets.Layout(width="auto"),
                                            tooltip="For the debrief: show the private values of the pairs still "
                                                    "negotiating, on every chart and in the table")
        self.reveal_button.on_click(lambda _b: self.reveal(not self.revealed))
        # The kernel refreshes on a timer thread of its own: results arrive whether or not anyone clicks,
        # in JupyterLab and in Voila alike. A lock keeps a click and a tick from drawing at once.
        self.refresh_seconds = float(refresh_seconds)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.auto = widgets.Checkbox(value=self.refresh_seconds > 0, disabled=self.refresh_seconds <= 0,
                                     description=f"Refresh every {self.refresh_seconds:g} s"
                                     if self.refresh_seconds > 0 else "Refresh on a timer (off)")
        self.auto.observe(lambda change: self.start() if change["new"] else self.stop(), "value")
        self.charts = debrief_charts(self.case, len(self.record.pairs))   # a multi-issue case adds the frontier
        # For the big screen: each chart fills its cell of a grid (three across on a 1920-px projector) and
        # grows with it, so its text stays large; on a phone the cells stack.
        self.images = [figure(chart) for chart in self.charts]
        for image in self.images:
            image.fill = True
        grid = widgets.Box(self.images, layout=widgets.Layout(
            display="grid", grid_template_columns="repeat(auto-fill, minmax(min(100%, 560px), 1fr))",
            grid_gap="4px 16px", width="100%"))
        self.pair_table = widgets.HTML("")
        self._build_instructor()
        self.children = [
            widgets.HTML(f"<h3>Debrief: {html.escape(self.case.title)} (pack {html.escape(self.record.pack_id)})</h3>"),
            widgets.HBox([self.refresh_button, self.auto, self.reveal_button],
                         layout=widgets.Layout(flex_flow="row wrap")),
            self.summary, self.status, grid, self.pair_table, self.instructor, self._stylesheet,
        ]
        self.refresh(force=True)
        if self.auto.value:
            self.start()

    def start(self) -> None:
        """Refresh every ``refresh_seconds`` until ``stop()`` (or ``close()``)."""
        if self.refresh_seconds <= 0 or (self._thread is not None and self._thread.is_alive()):
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._tick, name="negwidgets-debrief-refresh", daemon=True)
        self._thread.start()

    def _tick(self) -> None:
        while not self._stop.wait(self.refresh_seconds):
            self.refresh()

    def stop(self) -> None:
        self._stop.set()

    def close(self) -> None:
        if self.record is not None:
            self.stop()
        super().close()

    def reveal(self, show: bool = True) -> None:
        """Show (or hide again) the private values of the pairs that have not reported."""
        self.revealed = bool(show)
        self.reveal_button.description = _HIDE if self.revealed else _REVEAL
        self.reveal_button.icon = "eye-slash" if self.revealed else "eye"
        self.refresh(force=True)

    # -- refreshing -----------------------------------------------------------------------------------

    def refresh(self, force: bool = False) -> None:
        """Read the store; redraw only when something new arrived (or when ``force``)."""
        if self.record is None:
            return
        with self._lock:
            self._refresh(force)

    def _refresh(self, force: bool) -> None:
        try:
            reports = self.store.reports(self.record.pack_id)
        except StoreError as error:
            self._say(str(error) + " The charts show the last results read.", error=True)
            return
        except Exception as error:  # the database went away: keep the last charts, say so
            self._say(_unavailable("read the results", error) + " The charts show the last results read.", error=True)
            return
        seen = tuple(r.row_id for r in reports)
        if seen == self._seen and not force:
            return
        self._seen = seen
        self.debrief = class_debrief(self.record, reports, reveal=self.revealed)
        flags = self.debrief.flags()
        self.summary.value = (f"<p style='font-size:1.2em'>{html.escape(self.debrief.describe())}</p>"
                              + ("<ul>" + "".join(f"<li>{html.escape(f)}</li>" for f in flags) + "</ul>" if flags else ""))
        for chart, image in zip(self.charts, self.images):
            caption = chart.update(self.debrief)
            image.show(chart.png(), caption)
        self.pair_table.value = _pair_table(self.debrief)
        updated = f"Updated at {time.strftime('%H:%M:%S')}: {len(reports)} reports."
        self._say(f"{updated} {self._problem}" if self._problem else updated, error=bool(self._problem))

    # -- the instructor's part ------------------------------------------------------------------------

    def _build_instructor(self) -> None:
        self.secret = labelled(widgets.Password, "Instructor's secret", placeholder="from the instructor's key")
        self.unlock_button = widgets.Button(description="Show raw data", tooltip="Needs the instructor's secret")
        self.unlock_button.on_click(self.unlock)
        self.raw = widgets.HTML("")
        self.download = widgets.HTML("")
        self.upload = widgets.FileUpload(accept=".csv", multiple=False, description="Import CSV")
        self.upload.observe(self._uploaded, "value")
        self.import_status = widgets.HTML("")
        self.private = widgets.VBox([self.download, self.upload, self.import_status, self.raw])
        _show(self.private, False)
        self.instructor = widgets.VBox([widgets.HTML("<h4>For the instructor</h4>"),
                                        widgets.HBox([self.secret, self.unlock_button]), self.private])

    def unlock(self, _button=None) -> None:
        try:
            self.gate.check_secret(self.secret.value)
        except AccessRefused as error:
            self._say(str(error), error=True)
            return
        except StoreError as error:
            self._say(str(error), error=True)
            return
        except Exception as error:
            self._say(_unavailable("check the secret", error), error=True)
            return
        self.secret.value = ""
        self.unlocked = True
        _show(self.private, True)
        self.show_raw()

    def show_raw(self) -> None:
        """Every submission (corrections included, oldest first), escaped, and a CSV download link."""
        if not self.unlocked:
            return
        try:
            rows = self.store.reports(self.record.pack_id, latest=False)
        except StoreError as error:
            self._say(str(error), error=True)
            return
        except Exception as error:
            self._say(_unavailable("read the raw data", error), error=True)
            return
        header = ("#", "time (UTC)", "pair", "role", "opener", "opening", "outcome", "agreement", "rounds", "survey",
                  "comment")
        body = []
        for r in rows:
            cells = _row_cells(r)
            cells[1] = cells[1][:19]   # the time to the second on screen; the CSV keeps all of it
            body.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        self.raw.value = ("<table style='border-collapse:collapse;font-size:0.85em'><thead><tr>"
                          + "".join(f"<th style='text-align:left'>{h}</th>" for h in header) + "</tr></thead><tbody>"
                          + "".join(body) + "</tbody></table>")
        csv_text = _rows_csv(header, rows)
        link = "data:text/csv;base64," + base64.b64encode(csv_text.encode("utf-8")).decode("ascii")
        self.download.value = (f"<a download='results-{html.escape(self.record.pack_id)}.csv' href='{link}'>"
                               f"Download every submission as CSV ({len(rows)} rows)</a>")

    def _uploaded(self, change) -> None:
        if not self.unlocked or not change["new"]:
            return
        upload = change["new"][0]
        self.import_file(bytes(upload["content"]))

    def import_file(self, content: bytes) -> None:
        """Import a CSV of results (the upload calls this); problems are listed line by line."""
        if not self.unlocked:
            self.import_status.value = alert_html("Unlock with the instructor's secret first.")
            return
        try:
            result = import_csv(self.store, self.record, content)
        except ValueError as error:
            self.import_status.value = alert_html(str(error))
            return
        except Exception as error:  # rows already added stay added; importing again adds only the rest
            self.import_status.value = alert_html(_unavailable("finish the import", error) +
                                                  " Import the file again later: rows already in are not added twice.")
            return
        problems = "".join(f"<li>Line {line}: {html.escape(message)}</li>" for line, message in result.problems)
        self.import_status.value = (status_html(f"Added {result.added}; {result.already} already in the store; "
                                                f"{len(result.problems)} problems.")
                                    + (f"<ul>{problems}</ul>" if problems else ""))
        self.refresh(force=True)
        self.show_raw()


_REVEAL = "Reveal every pair's values"
_HIDE = "Hide the values of pairs still negotiating"


def _pair_table(debrief) -> str:
    """Every pair's values and outcome as a table (the zone chart's data, for anyone who cannot read the
    chart), folded away; a hidden pair's values are not in it, only that it is still negotiating."""
    case = debrief.case
    header = ["pair", *(in_sentence(role.name) for role in case.roles), "zone of agreement", "outcome"]
    left = None   # a multi-issue case: each deal's joint points left on the table, as the frontier chart has them
    if case.scoring is not None:
        header.append("joint points left on the table")
        frontier = debrief.against_frontier()
        left = {d.pair: points_text(d.left_on_table) for d in frontier.deals}
        waiting = "shown once every pair has reported" if frontier.withheld else ""
    rows = []
    for o in debrief.outcomes:
        if o.hidden:
            cells = [o.pair.code, "hidden", "hidden", "hidden until the pair reports", "still negotiating"]
        else:
            zone = ("none" if o.pair.zone is None else f"{case.value_text(o.pair.zone[0])} to "
                    f"{case.value_text(o.pair.zone[1])}" + (f" (for {in_sentence(case.roles[0].name)})"
                                                            if case.scoring is not None else ""))
            if o.used is None:
                outcome = "not reported yet"
            elif not o.used.agreed:
                outcome = "impasse"
            elif o.used.terms is not None:
                outcome = "agreement: " + "; ".join(f"{k}: {v}" for k, v in o.used.terms.items())
            else:
                outcome = f"agreement at {case.number.text(o.used.agreement)}"
            cells = [o.pair.code, *(case.value_text(v) for v in o.pair.reservations), zone, outcome]
        if left is not None:
            cells.append(left.get(o.pair.code, waiting if o.status == "agreement" else ""))
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    summary = "Each pair's values and outcome, as a table" + (
        f" ({debrief.hidden} still negotiating: their values are hidden until they report)" if debrief.hidden else "")
    return (f"<details><summary>{html.escape(summary)}</summary><table style='border-collapse:collapse'><thead><tr>"
            + "".join(f"<th style='text-align:left;padding-right:1em'>{html.escape(h)}</th>" for h in header)
            + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table></details>")


def _unavailable(what: str, error: Exception) -> str:
    return f"I could not {what} just now: the results store did not answer ({type(error).__name__}). Try again in a moment."


def _row_cells(r) -> list[str]:
    """One submission as the raw-data table and its CSV show it."""
    agreement = ("; ".join(f"{k}: {v}" for k, v in r.terms.items()) if r.terms
                 else ("" if r.agreement is None else f"{r.agreement:g}"))
    return [str(r.row_id), r.submitted_at, r.pair, r.role, r.opener, "" if r.opening is None else f"{r.opening:g}",
            "agreement" if r.agreed else "impasse", agreement, str(r.rounds),
            " ".join(map(str, r.survey)) if r.survey else "", r.comment]


def _rows_csv(header, rows) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for r in rows:
        cells = _row_cells(r)
        cells[-1] = _csv_safe(cells[-1])
        writer.writerow(cells)
    return buffer.getvalue()


def _csv_safe(text: str) -> str:
    # A comment starting with = + - @ would run as a formula when the CSV is opened in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
