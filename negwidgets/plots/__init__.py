"""Matplotlib drawing of model results: one figure per chart, updated in place, rendered to PNG.

Charts never use pyplot, so no figure is ever registered with (or displayed by) the notebook's
inline backend: a widget shows the PNG bytes in an ``Image`` widget and only those change.
"""

from .base import Chart, label
from .dance import ConcessionChart, DanceChart, ProgressChart, ReadTheDanceChart
from .exploding import ExplodingOfferChart
from .information import InformationChart
from .reputation import ReputationChart
from .coalitions import CoalitionChart
from .compensation import CompensationChart
from .deals import EarningsChart, ParetoChart, SubjectiveValueChart, WaitChart
from .multi_issue import GameParetoChart
from .startup_package import StartupPackageChart
from .charts import (AnchoringChart, AspirationChart, DecisionTreeChart, FirstOfferChart, LadderChart, UncertaintyChart,
                     ZoneChart)

__all__ = ["CoalitionChart", "CompensationChart", "GameParetoChart", "StartupPackageChart", "InformationChart", "ReputationChart", "ExplodingOfferChart", "EarningsChart", "ParetoChart", "SubjectiveValueChart", "WaitChart", "AnchoringChart", "AspirationChart", "Chart", "ConcessionChart", "DanceChart", "ProgressChart", "ReadTheDanceChart", "DecisionTreeChart", "FirstOfferChart", "LadderChart", "UncertaintyChart",
           "ZoneChart", "label"]
