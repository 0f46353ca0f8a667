"""ipywidgets views over the model: controls, a result line, one figure updated in place."""

from .aspiration import AspirationPlanner
from .batna import BatnaCalculator
from .check import Check, Quiz, check, quiz
from .coalitions import CoalitionExplorer
from .collaboration import CollaborationAgreementBuilder
from .compensation import CompensationComparer
from .confidence import ConfidenceBaseline, ConfidenceRevisit
from .course_map import CourseMap, how_to_use_this_page
from .criteria import CriteriaLadder
from .dance_drill import ReadTheDance
from .ethics import EthicsSorter
from .information import InformationExplorer
from .interests import InterestMapBuilder
from .deals import MesoBuilder, ScoringTable, SubjectiveValueInventory
from .multi_issue import MultiIssueNegotiation
from .scarcity import LifetimeEarnings, WaitOrAccept
from .tactics import ExplodingOfferCalculator, TacticBrowser, tactic_quiz
from .plan import PlanBuilder
from .raise_case import RaiseCaseBuilder
from .saving import PlanSaver
from .startup_package import StartupPackageBuilder
from .seminar import DebriefDashboard, ParticipantApp
from .practice import ConcessionCurves, NegotiationDance, PracticeNegotiation
from .reputation import ReputationExplorer
from .first_offer import AnchoringSimulator, FirstOfferAdvisor, OfferForms
from .zone import ZopaExplorer, ZopaUnderUncertainty

__all__ = [
    "CoalitionExplorer",
    "CollaborationAgreementBuilder",
    "CompensationComparer",
    "DebriefDashboard",
    "ParticipantApp",
    "EthicsSorter",
    "ExplodingOfferCalculator",
    "PlanBuilder",
    "RaiseCaseBuilder",
    "InformationExplorer",
    "InterestMapBuilder",
    "ReputationExplorer",
    "PlanSaver",
    "TacticBrowser",
    "tactic_quiz",
    "LifetimeEarnings",
    "MesoBuilder",
    "MultiIssueNegotiation",
    "ScoringTable",
    "StartupPackageBuilder",
    "SubjectiveValueInventory",
    "WaitOrAccept",
    "ConcessionCurves",
    "NegotiationDance",
    "PracticeNegotiation",
    "ReadTheDance",
    "AnchoringSimulator",
    "AspirationPlanner",
    "BatnaCalculator",
    "Check",
    "ConfidenceBaseline",
    "ConfidenceRevisit",
    "CourseMap",
    "how_to_use_this_page",
    "CriteriaLadder",
    "FirstOfferAdvisor",
    "OfferForms",
    "Quiz",
    "ZopaExplorer",
    "ZopaUnderUncertainty",
    "check",
    "quiz",
]
