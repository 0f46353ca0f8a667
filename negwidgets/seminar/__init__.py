"""The seminar kit: role-play packs, the class's results store, and the debrief.

An instructor makes a pack for a case (``make_pack``), prints or shares the confidential sheets
(``write_pack``), publishes the pack to a results store (``ResultsStore``), and lets participants report
through the participant app; results gathered elsewhere come in with ``import_csv``.

SQLAlchemy is imported only when a store is opened, so ``import negwidgets.seminar`` stays light.
"""

from .access import AccessGate, AccessRefused
from .cases import CASE_KEYS, RolePlayCase, case_catalogue, load_case
from .imports import ImportResult, csv_template, import_csv
from .packs import Pack, PackRecord, PairValues, Participant, make_pack, pairs_table, pairs_text
from .plans import SESSION_PLAN_KEYS, SessionPlan, session_plan
from .results import SURVEY_ITEMS, Report, ReportError, check_report, survey_questions
from .sheets import (access_slips, confidential_sheet, default_pack_folder, instructor_key, sheet_html, sheet_markdown,
                     write_pack)
from .store import ResultsStore, StoreError, default_results_url

__all__ = [
    "CASE_KEYS", "SESSION_PLAN_KEYS", "SURVEY_ITEMS", "AccessGate", "AccessRefused", "ImportResult", "Pack",
    "PackRecord", "PairValues", "Participant", "Report", "ReportError", "ResultsStore", "RolePlayCase", "SessionPlan",
    "StoreError", "access_slips", "case_catalogue", "check_report", "confidential_sheet", "csv_template",
    "default_pack_folder", "default_results_url", "import_csv", "instructor_key", "load_case", "make_pack",
    "pairs_table", "pairs_text", "session_plan", "sheet_html", "sheet_markdown", "survey_questions", "write_pack",
]
