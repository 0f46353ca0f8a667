"""The course's arithmetic: pure functions and dataclasses, no ipywidgets, no matplotlib.

Every function checks its input and raises ``ValueError`` with a sentence a learner understands;
every result has a ``describe()`` that says what it means in plain words.
"""

from .cases import running_example, running_example_criteria, salary_benchmarks
from .anchoring import META_ANALYSIS_R, AnchoringSimulation, calibrate_anchoring, check_anchoring, simulate_anchoring
from .engine import (
    ABSOLUTE_TFT,
    BOULWARE,
    CONCEDER,
    HARDLINER,
    LINEAR,
    MIXED,
    RELATIVE_TFT,
    TACTICS,
    Dance,
    Negotiations,
    Tactic,
    Tournament,
    Trace,
    negotiate,
    next_offer,
    tactic,
    tournament,
)
from .theory import (ConcessionSchedule, NashSolution, RubinsteinSplit, concession_offer, concession_schedule,
                     nash_bargaining, rubinstein_share, rubinstein_split, time_dependent_concession)
from .practice import DIFFICULTIES, Debrief, Difficulty, Move, PracticeGame, PracticeHistory
from .criteria import DEFENSIBLE, STRENGTHS, CriteriaLadderResult, Criterion, Rung, criteria_ladder
from .first_offer import FirstOfferAnalysis, first_offer_analysis
from .offer_forms import OfferForm, offer_forms
from .aspiration import AspirationPlan, aspiration_from_benchmarks, unclaimed_value
from .batna import (
    MAX_CAUTION,
    MAX_RISK_AVERSION,
    Alternative,
    BatnaValuation,
    certainty_equivalent,
    expected_value,
    risk_aversion_for_caution,
    value_batna,
)
from .checks import finite_number, parse_money, parse_probability
from .quiz import ChoiceQuestion, Feedback, NumberQuestion, Option, load_questions, question
from .money import money, money_short, percent
from .uncertainty import NormalBelief, UniformBelief, ZoneOutlook, zone_under_uncertainty
from .zone import BargainingZone, Party, ZoneAnalysis, analyse_zone, bargaining_zone

__all__ = [
    "RubinsteinSplit",
    "rubinstein_split",
    "Dance",
    "ConcessionSchedule",
    "concession_schedule",
    "DIFFICULTIES",
    "Debrief",
    "Difficulty",
    "Move",
    "PracticeGame",
    "PracticeHistory",
    "next_offer",
    "ABSOLUTE_TFT",
    "BOULWARE",
    "CONCEDER",
    "HARDLINER",
    "LINEAR",
    "MIXED",
    "RELATIVE_TFT",
    "TACTICS",
    "NashSolution",
    "Negotiations",
    "Tactic",
    "Tournament",
    "Trace",
    "concession_offer",
    "nash_bargaining",
    "negotiate",
    "rubinstein_share",
    "tactic",
    "time_dependent_concession",
    "tournament",
    "CriteriaLadderResult",
    "Criterion",
    "DEFENSIBLE",
    "Rung",
    "STRENGTHS",
    "criteria_ladder",
    "AnchoringSimulation",
    "FirstOfferAnalysis",
    "META_ANALYSIS_R",
    "OfferForm",
    "calibrate_anchoring",
    "check_anchoring",
    "first_offer_analysis",
    "offer_forms",
    "simulate_anchoring",
    "ChoiceQuestion",
    "Feedback",
    "NumberQuestion",
    "Option",
    "load_questions",
    "question",
    "risk_aversion_for_caution",
    "Alternative",
    "AspirationPlan",
    "BargainingZone",
    "BatnaValuation",
    "MAX_CAUTION",
    "MAX_RISK_AVERSION",
    "NormalBelief",
    "Party",
    "UniformBelief",
    "ZoneAnalysis",
    "ZoneOutlook",
    "analyse_zone",
    "aspiration_from_benchmarks",
    "bargaining_zone",
    "certainty_equivalent",
    "expected_value",
    "finite_number",
    "money",
    "money_short",
    "parse_money",
    "parse_probability",
    "percent",
    "running_example",
    "running_example_criteria",
    "salary_benchmarks",
    "unclaimed_value",
    "value_batna",
    "zone_under_uncertainty",
]
