"""Widget text that a renderer typesets: no ipywidgets description may hold two dollar signs.

JupyterLab and Voila run MathJax over an ipywidgets control's description (and a Label's value), so two
"$" there turn the text between them into math; an HTML widget is not typeset, nor are the course's own
anywidget controls, which write their labels as plain text. The browser tests check the pages as
rendered; this test checks every widget the package builds, in every state it starts in, without one.
"""

from __future__ import annotations

import inspect

import anywidget
import ipywidgets as widgets
from ipywidgets.widgets.widget import _instances

import negwidgets.widgets as views
from negwidgets.data import load
from negwidgets.seminar import CASE_KEYS, ResultsStore, make_pack


def typeset_texts() -> list[tuple[str, str]]:
    texts = []
    for widget in list(_instances.values()):
        if isinstance(widget, anywidget.AnyWidget):
            continue
        description = getattr(widget, "description", "")
        if isinstance(description, str) and description:
            texts.append((type(widget).__name__, description))
        if isinstance(widget, widgets.Label):
            texts.append(("Label", widget.value))
    return texts


def no_argument_views():
    for name in views.__all__:
        view = getattr(views, name)
        # The seminar apps show their controls once a pack is published: the test below builds them.
        if inspect.isclass(view) and issubclass(view, widgets.Widget) and view.__module__ != "negwidgets.widgets.seminar":
            required = [p for p in inspect.signature(view).parameters.values()
                        if p.default is inspect.Parameter.empty and p.kind is p.POSITIONAL_OR_KEYWORD]
            if not required:
                yield name, view


def test_no_description_of_a_view_holds_two_dollar_signs():
    _instances.clear()
    for _name, view in no_argument_views():
        view()
    texts = typeset_texts()
    assert len(texts) > 20   # text boxes, dropdowns and buttons of ipywidgets remain, with descriptions
    assert not [(kind, text) for kind, text in texts if text.count("$") >= 2], texts


def test_no_check_or_seminar_app_description_holds_two_dollar_signs(tmp_path):
    _instances.clear()
    for lesson in load("course")["lessons"]:
        if lesson["status"] == "ready":   # a lesson still coming has no checks yet
            views.quiz(f"lesson{lesson['number']}")
    with ResultsStore(f"sqlite:///{tmp_path / 'results.sqlite'}") as store:
        for case in CASE_KEYS:
            pack = make_pack(case, 2, seed=1)
            store.publish(pack.record())
            for participant in pack.participants:
                app = views.ParticipantApp(store)
                app.pair_code.value, app.access_code.value = participant.pair, participant.access_code
                app.open_sheet()
        views.DebriefDashboard(store)
    texts = typeset_texts()
    assert len(texts) > 50
    assert not [(kind, text) for kind, text in texts if text.count("$") >= 2]
