"""ipywidgets views over the model: controls, a result line, one figure updated in place."""

from .aspiration import AspirationPlanner
from .batna import BatnaCalculator
from .check import Check, Quiz, check, quiz
from .course_map import CourseMap
from .zone import ZopaExplorer, ZopaUnderUncertainty

__all__ = [
    "AspirationPlanner",
    "BatnaCalculator",
    "Check",
    "CourseMap",
    "Quiz",
    "ZopaExplorer",
    "ZopaUnderUncertainty",
    "check",
    "quiz",
]
