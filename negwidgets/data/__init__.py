"""Course data shipped with the package: the course map, quiz banks, illustrative benchmark tables.

Files are YAML, read with ``yaml.safe_load`` (never the unsafe loader) and cached.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["load"]


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Load ``negwidgets/data/<name>.yaml``.

    >>> load("course")["lessons"][0]["number"]
    '00'
    """
    import yaml  # deferred: importing negwidgets stays cheap

    path = resources.files(__name__).joinpath(f"{name}.yaml")
    if not path.is_file():
        raise ValueError(f"There is no course data file called {name!r}.")
    return yaml.safe_load(path.read_text(encoding="utf-8"))
