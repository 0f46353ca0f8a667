"""The course map of lesson 00: choose what brings you here, get a route through the lessons."""

from __future__ import annotations

import html
import os

import ipywidgets as widgets

from ..data import load
from .controls import course_root

__all__ = ["CourseMap", "how_to_use_this_page", "running_in_voila"]

_IN_A_NOTEBOOK = (
    "You are reading this lesson as a notebook (in JupyterLab, on Binder or on your machine). The grey "
    "boxes are code cells: run the whole lesson once from the menu, Run > Run All Cells, or run one cell "
    "with Shift + Enter. Each is one to three lines that call the course's own package, negwidgets."
)
_IN_AN_APP = (
    "You are reading this lesson as an app (Voila): its code has already run and is hidden, so there is "
    "nothing to run. Use the widgets as you meet them; to start a page afresh, reload it in your browser."
)


def running_in_voila() -> bool:
    """True in a kernel that Voila started (it tells its kernels their page's address)."""
    return "VOILA_BASE_URL" in os.environ


def how_to_use_this_page() -> None:
    """Print how to work through a lesson, for where it is open: as an app (Voila) or as a notebook.

    >>> how_to_use_this_page()   # doctest: +ELLIPSIS
    You are reading this lesson as a notebook (in JupyterLab, on Binder or on your machine)...
    """
    print(_IN_AN_APP if running_in_voila() else _IN_A_NOTEBOOK)


class CourseMap(widgets.VBox):
    """A route through the course for the learner's goal, with a link to each lesson.

    >>> CourseMap().route_numbers[:2]
    ['00', '01']
    """

    def __init__(self, goal: str | None = None):
        course = load("course")
        self.lessons = {lesson["number"]: lesson for lesson in course["lessons"]}
        self.paths = {path["name"]: path for path in course["paths"]}
        names = list(self.paths)
        self.goal = widgets.Dropdown(options=names, value=goal if goal in self.paths else names[1],
                                     description="What brings you here?", style={"description_width": "170px"},
                                     layout=widgets.Layout(width="600px", max_width="100%"))
        self.route = widgets.HTML()
        self.goal.observe(self._show, names="value")
        super().__init__([self.goal, self.route])
        course_root(self, "negwidgets")
        self._show()

    @property
    def route_numbers(self) -> list[str]:
        return list(self.paths[self.goal.value]["lessons"])

    def _show(self, change=None) -> None:
        path = self.paths[self.goal.value]
        items = []
        for number in path["lessons"]:
            lesson = self.lessons[number]
            title = html.escape(f"{number} {lesson['title']}")
            if lesson["status"] == "ready":
                link = f"<a href='{lesson['file']}.ipynb' style='color:#1f5fa8;text-decoration:underline'>{title}</a>"
                items.append(f"<li>{link}: {html.escape(lesson['goal'])} (about {lesson['minutes']} minutes)</li>")
            else:
                items.append(f"<li>{title}: {html.escape(lesson['goal'])} <i>(coming soon)</i></li>")
        ready = sum(self.lessons[n]["status"] == "ready" for n in path["lessons"])
        self.route.value = (
            f"<p>{html.escape(path['advice'])}</p><ol style='margin-top:0'>{''.join(items)}</ol>"
            f"<p><i>{ready} of {len(path['lessons'])} lessons on this route are ready.</i></p>"
        )
