"""negwidgets: the calculators, simulators and games of Negotiation Lab.

Importing the package is cheap: the model layer (pure Python) loads on first use, and matplotlib
and ipywidgets load only when a plot or a widget is used.

>>> from negwidgets.model import bargaining_zone
>>> bargaining_zone(70_000, 80_000).describe()
'ZOPA: $70,000 to $80,000 (surplus $10,000)'
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
