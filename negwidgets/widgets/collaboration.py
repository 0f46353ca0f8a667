"""The collaboration agreement builder (lesson 16): the partners, who does and brings what, authorship and credit,
the data and the code, and how the partners decide, revisit the terms and part; what is still unsaid and the
written summary to send follow every change, and the terms are kept in the plan file."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets

from ..model.collaboration import (CREDIT_ROLES, FIELDS, ICMJE_CRITERIA, MAX_CONTRIBUTIONS, MAX_PARTNERS,
                                   CollaborationError, CollaborationTerms, Contribution, Partner, agreement_gaps,
                                   example_collaboration, load_collaboration, terms_summary)
from .base import course_root, labelled, show_field_error
from .controls import Checklist
from .plan import _download
from .saving import PlanSaver
from .table import Column, EditableTable, text_column

__all__ = ["CollaborationAgreementBuilder"]

_PROSE = "line-height:1.45;max-width:46em"
_NOTE_STYLE = "color:#444;font-size:0.92em;margin:2px 0 6px 0;line-height:1.45;max-width:52em"
_SUMMARY_STYLE = ("box-sizing:border-box;max-width:46em;margin:4px 0;padding:8px 12px;border:1px solid #c4c4c4;"
                  "border-left:4px solid #1f5fa8;background:#f7f9fc;line-height:1.5;white-space:pre-wrap;"
                  "overflow-wrap:anywhere")
_GAP_STYLE = f"color:#7c2d12;background:#fff4e5;border-left:4px solid #ff7f0e;padding:4px 10px;margin:4px 0;{_PROSE}"
_DONE_STYLE = f"color:#14532d;background:#e8f5e9;border-left:4px solid #2ca02c;padding:4px 10px;margin:4px 0;{_PROSE}"
# No fixed height: on a phone the label goes above the box, and a fixed height would let the box spill over the
# next control. Four rows show a term of about 300 characters whole on a laptop.
_TEXT_AREA = {"width": "600px", "max_width": "100%"}

# Each label ends in the row's number, which _renumber keeps in step with the rows' order.
PARTNER_COLUMNS = [
    text_column("name", "Name", "300px", "60px", "e.g. Rosa Nwosu", numbered=True),
    text_column("affiliation", "Where they work", "360px", "130px", "e.g. Harbourside University (optional)",
                numbered=True),
]


def _resource_column() -> Column:
    def make(value, number: int) -> widgets.Checkbox:
        return widgets.Checkbox(value=bool(value), description=f"A resource they bring {number}", indent=False,
                                layout=widgets.Layout(width="auto"))
    return Column("resource", make)


CONTRIBUTION_COLUMNS = [
    text_column("partner", "Who", "600px", "110px", "A partner's name (empty: nobody yet)", numbered=True),
    text_column("what", "Does or brings", "600px", "110px",
                "e.g. Runs the field survey, or: A licence for the analysis software", numbered=True),
    text_column("when", "By when", "600px", "110px", "e.g. by 31 August (optional)", numbered=True),
    _resource_column(),
]


def _heading(text: str) -> widgets.HTML:
    return widgets.HTML(f"<h4 style='margin:14px 0 4px 0'>{html.escape(text)}</h4>")


def _note(text: str) -> widgets.HTML:
    return widgets.HTML(f"<p style='{_NOTE_STYLE}'>{html.escape(text)}</p>")


def _term(description: str, value: str, placeholder: str) -> widgets.Textarea:
    return labelled(widgets.Textarea, description, value=value, placeholder=placeholder, rows=4,
                    layout=widgets.Layout(**_TEXT_AREA))


class CollaborationAgreementBuilder(widgets.VBox):
    """Write down the terms of a collaboration before the work starts: what is still unsaid and the summary to
    send to your partners follow every change, and **Save to my plan** keeps the terms in the plan file
    (``path``, default the plan lesson 12 opens).

    It starts from ``terms`` when given (a lesson may pass :func:`~negwidgets.model.collaboration.example_collaboration`),
    else from the terms saved in the plan file, else from the course's example. Bad input is explained beside the
    part of the form it is about, and the summary shown stays the last one that worked; nothing typed is changed.
    Attributes for tests: ``result`` (the last good :class:`~negwidgets.model.collaboration.CollaborationTerms`),
    ``result_text``, ``error_text``, ``error_field``, ``summary_text``, ``gaps``, ``plan_saver``.

    >>> builder = CollaborationAgreementBuilder(path="/nonexistent/plan.json")
    >>> builder.result == example_collaboration(), builder.error_text, builder.gaps
    (True, '', ())
    """

    def __init__(self, terms: CollaborationTerms | None = None, path: Path | str | None = None):
        self.result: CollaborationTerms | None = None
        self.error_text = self.error_field = ""
        self.summary_text = ""
        self.gaps: tuple = ()
        self._quiet = True   # no refresh while the form is built
        self.errors = {name: widgets.HTML("") for name in FIELDS}
        self.plan_saver = PlanSaver(self, "Collaboration agreement builder", path)
        if terms is None:
            terms = self._saved(path) or example_collaboration()

        self.project = labelled(widgets.Text, "The project", value=terms.project,
                                placeholder="e.g. Street trees and pavement heat")
        self.partners = EditableTable(PARTNER_COLUMNS, [(p.name, p.affiliation) for p in terms.partners],
                                      self.refresh, add_label="Add a partner", row_label="partner")
        self.contributions = EditableTable(
            CONTRIBUTION_COLUMNS, [(c.partner, c.what, c.when, c.is_resource) for c in terms.contributions] or [()],
            self.refresh, add_label="Add a row", row_label="row", stacked=True)

        self.first_author = labelled(widgets.Text, "First author", value=terms.first_author,
                                     placeholder="A partner's name (empty: not agreed yet)")
        self.last_author = labelled(widgets.Text, "Last author", value=terms.last_author,
                                    placeholder="A partner's name (empty: not agreed yet)")
        self.corresponding_author = labelled(widgets.Text, "Corresponding author", value=terms.corresponding_author,
                                             placeholder="A partner's name (empty: not agreed yet)")
        self.order_rule = _term("The rest of the author order", terms.order_rule,
                                "e.g. in order of contribution; anyone who joins later goes before the last author")
        self.icmje = widgets.Checkbox(value=terms.icmje, indent=False, layout=widgets.Layout(width="auto"),
                                      description="Authors meet the ICMJE criteria")
        # One checklist of CRediT roles per partner row, kept on the row (so renaming a partner keeps the roles).
        self._initial_roles = dict(terms.credit_roles)
        self.roles = widgets.VBox()

        self.data_owner = _term("Who owns and keeps the data", terms.data_owner,
                                "e.g. The lab keeps the raw data on the university's research data store")
        self.data_after = _term("Who may use the data after the project, and for what", terms.data_after,
                                "e.g. Each of us for teaching and follow-up papers, after telling the others")
        self.code_licence = _term("Licence of the code", terms.code_licence,
                                  "e.g. MIT licence, published with the paper (empty if there is no code)")
        self.decisions = _term("How you decide and settle disagreements", terms.decisions,
                               "e.g. A call every second Monday; whoever runs a task decides how it is done")
        self.revisit = _term("When you revisit these terms", terms.revisit,
                             "e.g. At the end of data collection, and before the first draft")
        self.leaving = _term("If a partner leaves", terms.leaving,
                             "e.g. They keep the credit for what they did; we agree in writing who takes over")

        self.stale = widgets.HTML("")
        self.overview = widgets.HTML("")
        self.gap_list = widgets.HTML("")
        self.summary = widgets.HTML("")
        self.download = widgets.HTML("")

        for control in (self.project, self.first_author, self.last_author, self.corresponding_author,
                        self.order_rule, self.icmje, self.data_owner, self.data_after, self.code_licence,
                        self.decisions, self.revisit, self.leaving):
            control.observe(self.refresh, names="value")

        criteria = "".join(f"<li>{html.escape(c)}</li>" for c in ICMJE_CRITERIA)
        super().__init__([
            _heading("The project and its partners"),
            self.project, self.errors["project"],
            _note(f"Everyone taking part, yourself included: {MAX_PARTNERS} at most."),
            self.partners, self.errors["partners"],
            _heading("Who does and brings what"),
            _note("One row for each task and each resource a partner brings: data, money, equipment, lab time, a "
                  "software licence. Leave 'Who' empty where nobody is named yet."),
            self.contributions, self.errors["contributions"],
            _heading("Authorship and credit"),
            self.first_author, self.last_author, self.corresponding_author, self.order_rule,
            self.icmje,
            widgets.HTML(f"<div style='{_NOTE_STYLE}'>Tick it if every author will meet all four criteria of the "
                         f"ICMJE recommendations, which many journals follow: "
                         f"<ol style='margin:2px 0;padding-left:1.6em'>{criteria}</ol>"
                         f"Whoever helps without meeting all four is thanked in the acknowledgements.</div>"),
            _note("Each partner's contributor roles, from the 14 of the CRediT taxonomy: they record who did what "
                  "(the author order is agreed above)."),
            self.roles, self.errors["authorship"],
            _heading("Data and code"),
            self.data_owner, self.data_after, self.code_licence, self.errors["data"],
            _heading("How you work together"),
            self.decisions, self.revisit, self.leaving, self.errors["process"],
            self.stale,
            _heading("What is still unsaid"), self.overview, self.gap_list,
            _heading("Your summary to send"),
            _note("Send it to every partner: it states what the form says, and asks them to reply if their "
                  "understanding differs."),
            self.summary, self.download,
            self.plan_saver,
        ])
        course_root(self, "negwidgets", "nw-collaboration")
        self._quiet = False
        self.refresh()

    def _saved(self, path) -> CollaborationTerms | None:
        try:
            return load_collaboration(path)
        except ValueError as error:   # a plan file that cannot be read: say so, and leave it alone
            self.plan_saver._say(str(error), error=True)
            return None

    # -- reading the form ------------------------------------------------------------------------------------

    def _role_list(self, row) -> Checklist:
        """The checklist of CRediT roles of a partner row, kept on the row (made on first sight, from the starting
        terms)."""
        roles = getattr(row, "credit_roles", None)
        if roles is None:
            roles = Checklist(CREDIT_ROLES, self._initial_roles.pop(row.name.value.strip(), ()))
            roles.observe(self.refresh, names="value")
            row.credit_roles = roles
        return roles

    def _partner_rows(self) -> list:
        return [row for row in self.partners.rows if row.name.value.strip() or row.affiliation.value.strip()]

    def _contribution_rows(self) -> list[Contribution]:
        items = []
        for number, row in enumerate(self.contributions.rows, 1):
            partner, what, when = row.partner.value, row.what.value, row.when.value
            if not (partner.strip() or what.strip() or when.strip()):
                continue   # an empty row waits to be filled
            try:
                items.append(Contribution(partner, what, when, "resource" if row.resource.value else "task"))
            except ValueError as error:
                message = str(error)
                raise CollaborationError(f"Row {number} of who does what: {message[:1].lower()}{message[1:]}",
                                         "contributions") from None
        return items

    def _read(self) -> CollaborationTerms:
        try:
            partners = [Partner(row.name.value, row.affiliation.value) for row in self._partner_rows()]
        except ValueError as error:
            raise CollaborationError(str(error), "partners") from None
        contributions = self._contribution_rows()
        roles = [(row.name.value, self._role_list(row).value) for row in self._partner_rows()
                 if row.name.value.strip()]
        return CollaborationTerms(self.project.value, tuple(partners), tuple(contributions),
                                  self.first_author.value, self.last_author.value, self.corresponding_author.value,
                                  self.order_rule.value, self.icmje.value, tuple(roles), self.data_owner.value,
                                  self.data_after.value, self.code_licence.value, self.decisions.value,
                                  self.revisit.value, self.leaving.value)

    # -- showing it ------------------------------------------------------------------------------------------

    @property
    def result_text(self) -> str:
        return "" if self.result is None else self.result.describe()

    def refresh(self, change=None) -> None:
        if self._quiet:
            return
        self._renumber()
        try:
            terms = self._read()
        except CollaborationError as error:
            self._show_error(str(error), error.field)
            return
        self.result = terms
        self._show_error("", "")
        self.gaps = agreement_gaps(terms)
        self.summary_text = terms_summary(terms)
        self.overview.value = f"<p style='margin:4px 0;{_PROSE}'><b>{html.escape(terms.describe())}</b></p>"
        self.gap_list.value = (
            "".join(f"<div class='nw-collab-gap' style='{_GAP_STYLE}'>{html.escape(gap.text)}</div>"
                    for gap in self.gaps)
            or f"<div style='{_DONE_STYLE}'>Every part that collaborations commonly leave unsaid has an answer. "
               f"Send the summary, and revisit it when you agreed to.</div>")
        self.summary.value = (f"<div class='nw-collab-summary' style='{_SUMMARY_STYLE}'>"
                              f"{html.escape(self.summary_text)}</div>")
        self.download.value = (
            f"<p style='{_NOTE_STYLE}'>To copy it, select the text above; or download it as a text file.</p>"
            + _download(self.summary_text, "collaboration_terms.txt", "text/plain", "Download the summary"))

    def _renumber(self) -> None:
        """Labels follow the rows' order; each partner row has its roles, named after the partner; the Add buttons
        stop at the limits."""
        for table in (self.partners, self.contributions):
            for number, row in enumerate(table.rows, 1):
                for key, control in row.fields.items():
                    base = control.description.rsplit(" ", 1)[0]
                    control.description = f"{base} {number}"
                row.remove.tooltip = f"Remove {table.row_label} {number}"
        lists = []
        for number, row in enumerate(self.partners.rows, 1):
            roles = self._role_list(row)
            name = " ".join(row.name.value.split())
            description = f"{name}'s contributor roles" if name else f"Partner {number}'s contributor roles"
            if roles.description != description:
                roles.description = description
            lists.append(roles)
        if list(self.roles.children) != lists:
            self.roles.children = lists
        self.partners.add_button.disabled = len(self.partners.rows) >= MAX_PARTNERS
        self.contributions.add_button.disabled = len(self.contributions.rows) >= MAX_CONTRIBUTIONS

    def _show_error(self, message: str, field: str) -> None:
        show_field_error(self, message, field, "What is still unsaid and the summary below are")

    # -- the plan ------------------------------------------------------------------------------------------

    def plan_changes(self) -> dict:
        """What "Save to my plan" writes: the terms, as the plan's collaboration agreement (the plan's own
        negotiation, its numbers and its issues are left as they are)."""
        return {"collaboration": self.result}
