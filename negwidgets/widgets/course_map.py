"""The course map of lesson 00: choose what brings you here, get a route through the lessons."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..data import load
from .controls import course_root

__all__ = ["CourseMap"]


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
