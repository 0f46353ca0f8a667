"""Widget update latency inside a real Jupyter kernel.

For each widget, a kernel builds it, then 50 times sets a control and waits until the figure's
widget has been given the new PNG (the update is synchronous, so "set" returns once the image
is updated, including the comm message that carries it to the front end). Prints the median and the 90th percentile,
in milliseconds and as a ratio to a fixed reference render timed in the same kernel just before and just after
that control's series (a 7 x 2.8 inch figure at the charts' resolution, a line, a legend and labelled axes, drawn
in full and its rows deflated by the standard zlib at level 1, as the package's encoder did before it used ISA-L:
fixed, so that a faster encoder in the package shows in the ratios): on a shared machine the milliseconds move with its load, the
ratios much less, so ratios compare across runs. The machine's load is printed before and after. Then every other control of every calculator
(each slider, choice and text box, 6 changes each) in a shorter table.
Target: median at most 30 ms and 90th percentile at most 50 ms, typed entries and game moves included.

    python benchmarks/widget_latency.py
    python benchmarks/widget_latency.py --only Practice "MultiIssue"   # only the rows whose name holds a word
"""

from __future__ import annotations

import json
import os
import sys

from jupyter_client.manager import start_new_kernel

CHANGES = 50

PROBE = r"""
import json, statistics, tempfile, time, zlib
from pathlib import Path
from negwidgets.widgets import (AnchoringSimulator, AspirationPlanner, BatnaCalculator, CoalitionExplorer,
                                CollaborationAgreementBuilder, CompensationComparer, ConcessionCurves,
                                CriteriaLadder, ExplodingOfferCalculator, FirstOfferAdvisor, InformationExplorer,
                                LifetimeEarnings, MesoBuilder, MultiIssueNegotiation, NegotiationDance, PlanBuilder,
                                PracticeNegotiation, RaiseCaseBuilder, ReputationExplorer, ScoringTable, StartupPackageBuilder,
                                SubjectiveValueInventory,
                                TacticBrowser, WaitOrAccept, ZopaExplorer, ZopaUnderUncertainty)
from negwidgets.model import example_plan

import numpy as np
import ipywidgets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure as MplFigure
from negwidgets.widgets.base import ModelView
from negwidgets.widgets.controls import Choice, _Slider

_reference = MplFigure(figsize=(7.0, 2.8), dpi=200)
_reference_canvas = FigureCanvasAgg(_reference)
_ax = _reference.add_subplot()
_ax.plot(np.arange(50), np.sin(np.arange(50) / 5) * 10_000 + 70_000, label="A fixed line")
_ax.axhline(72_000, linestyle="--", label="A fixed level")
_ax.set_xlabel("Days"); _ax.set_ylabel("Dollars"); _ax.legend(loc="lower right", fontsize=8)
_reference.suptitle("The benchmark's fixed reference render", x=0.02, ha="left", fontsize=11)
reference_times = []

def _reference_deflate(pixels):
    # Unfiltered rows deflated by zlib at level 1: the package's PNG encoding before ISA-L, kept fixed here.
    height, width = pixels.shape[:2]
    rows = np.empty((height, 1 + 4 * width), np.uint8)
    rows[:, 0] = 0
    rows[:, 1:] = pixels.reshape(height, 4 * width)
    return zlib.compress(rows, 1)

def reference(samples=5):
    # The fixed reference: the whole figure drawn again (no cache) and its pixels deflated.
    for _ in range(samples):
        start = time.perf_counter()
        _reference_canvas.draw()
        _reference_deflate(np.asarray(_reference_canvas.buffer_rgba()))
        reference_times.append((time.perf_counter() - start) * 1000)

def summary(times):
    # The reference is sampled between the series: each series is compared with the samples just before and just
    # after it (the load moves during a run), and the run's reference is the median of them all.
    global around
    before = around
    reference()
    around = reference_times[-5:]
    times = sorted(times)
    return {"median_ms": statistics.median(times), "p90_ms": times[int(0.9 * len(times))],
            "reference_ms": statistics.median(before + around)}

reference()
around = reference_times[-5:]

def measure(widget, control, values, state="result"):
    times = []
    for i in range(%(n)d):
        before = getattr(widget, state)
        start = time.perf_counter()
        control.value = values[i %% len(values)]
        elapsed = time.perf_counter() - start
        # A new result means the model ran and the figure was rendered and sent (the PNG may be
        # identical when the change is below the figure's rounding).
        assert getattr(widget, state) is not before and not getattr(widget, "field_errors", None), widget.error_text
        assert getattr(widget, "error_text", "") == "", widget.error_text
        times.append(elapsed * 1000)
    return summary(times)

def measure_plan_saves(builder):
    # "Save plan" clicked: the backup and the new plan each written to a temporary file, flushed to disk, renamed.
    times = []
    for i in range(%(n)d):
        builder.fields["title"].value = f"Version {i}"
        start = time.perf_counter()
        builder.save_button.click()
        elapsed = time.perf_counter() - start
        assert builder.status_text.startswith("Saved to"), builder.status_text
        times.append(elapsed * 1000)
    return summary(times)

def measure_practice_moves():
    # An offer typed and sent, until the counter-offer (or the deal and its debrief figures) is shown.
    times = []
    for seed in range(%(n)d):
        game = PracticeNegotiation(difficulty="Realistic", seed=seed, plan_path=Path(tempfile.mkdtemp()) / "plan.json")
        game.offer_box.value = "79k"
        start = time.perf_counter()
        game.make_offer.click()
        elapsed = time.perf_counter() - start
        assert game.error_text == "" and len(game.game.moves) >= 2, game.error_text
        times.append(elapsed * 1000)
    return summary(times)

def measure_practice_endings():
    # The move that ends the game (their acceptance of an offer, your acceptance of theirs, or a walk-out), until the
    # coached debrief, the dance and progress figures are shown and the games are saved with the plan.
    times = []
    for seed in range(%(n)d):
        game = PracticeNegotiation(difficulty=("Realistic", "Friendly", "Tough")[seed %% 3], seed=seed,
                                   plan_path=Path(tempfile.mkdtemp()) / "plan.json")
        for step, offer in enumerate(["88k", "84k", "81k", "79k", "77k", "75k", "73k", None]):
            standing = game.game.standing_offer
            if step >= 2 and standing is not None and standing >= game.game.you.reservation:
                action = game.accept.click
            elif offer is None or game.game.at_deadline:
                action = game.walk.click
            else:
                game.offer_box.value = offer
                action = game.make_offer.click
            start = time.perf_counter()
            action()
            elapsed = time.perf_counter() - start
            assert game.error_text == "", game.error_text
            if game.game.finished:
                times.append(elapsed * 1000)
                break
        assert game.game.finished and game.debrief_text, game.transcript_text
    return summary(times)

def measure_party_switches(explorer):
    # The value-of-information explorer's "You are" dropdown: the aim re-ranged, then one model call and figure.
    times = []
    for i in range(%(n)d):
        before = explorer.result
        start = time.perf_counter()
        explorer.party.value = 1 - explorer.party.value
        elapsed = time.perf_counter() - start
        assert explorer.result is not before and explorer.error_text == "", explorer.error_text
        times.append(elapsed * 1000)
    return summary(times)

multi_issue_endings = []

def measure_multi_issue_turns():
    # Lesson 09's multi-issue game: a package proposed, until their reply (or the deal, the debrief and the
    # Pareto figure) is drawn; every turn of %(n)d games, giving way a step on salary and the start date each time.
    times = []
    for seed in range(%(n)d):
        game = MultiIssueNegotiation(level="Tough" if seed %% 2 else "Friendly", seed=seed)
        for step in range(8):
            if game.game.finished or game.game.at_deadline:
                break
            game.options["Salary"].value = max(4 - step, 1)
            game.options["Start date"].value = max(3 - step, 0)
            start = time.perf_counter()
            game.propose.click()
            elapsed = time.perf_counter() - start
            assert game.error_text == "", game.error_text
            times.append(elapsed * 1000)
            if game.game.finished:
                multi_issue_endings.append(elapsed * 1000)
    return summary(times)

zopa = ZopaExplorer()
batna = BatnaCalculator([("Offer from Firm B", 72_000, 0.5), ("Offer from Firm C", 65_000, 0.3), ("Stay", 58_000, 0.2)])
uncertain = ZopaUnderUncertainty()
planner = AspirationPlanner()
advisor = FirstOfferAdvisor()
simulator = AnchoringSimulator()
ladder = CriteriaLadder()
curves = ConcessionCurves()
dance = NegotiationDance()
scoring = ScoringTable()
mesos = MesoBuilder()
svi = SubjectiveValueInventory()
earnings = LifetimeEarnings()
waiting = WaitOrAccept()
exploding = ExplodingOfferCalculator()
browser = TacticBrowser()
information = InformationExplorer()
reputation = ReputationExplorer()
coalitions = CoalitionExplorer()
compensation = CompensationComparer(path=Path(tempfile.mkdtemp()) / "plan.json")
builder = PlanBuilder(Path(tempfile.mkdtemp()) / "plan.json", plan=example_plan())
raise_case = RaiseCaseBuilder(path=Path(tempfile.mkdtemp()) / "plan.json")
collaboration = CollaborationAgreementBuilder(path=Path(tempfile.mkdtemp()) / "plan.json")
startup = StartupPackageBuilder()
_series = {
    "ZopaExplorer (slider)": lambda: measure(zopa, zopa.seller_reservation, [65_000 + 500 * k for k in range(21)]),
    "BatnaCalculator (sure-amount slider)": lambda: measure(batna, batna.sure, [60_000 + 500 * k for k in range(1, 21)]),
    "BatnaCalculator (typing a value)": lambda: measure(batna, batna.rows[0].value, [f"{70 + k}k" for k in range(9)]),
    "ZopaUnderUncertainty (slider)": lambda: measure(uncertain, uncertain.reservation, [65_000 + 500 * k for k in range(21)]),
    "AspirationPlanner (slider)": lambda: measure(planner, planner.percentile, list(range(50, 90))),
    "FirstOfferAdvisor (anchoring slider)": lambda: measure(advisor, advisor.anchoring, [0.05 * k for k in range(1, 20)]),
    "FirstOfferAdvisor (reservation slider)": lambda: measure(advisor, advisor.reservation, [65_000 + 500 * k for k in range(21)]),
    "AnchoringSimulator (slider)": lambda: measure(simulator, simulator.anchoring, [0.05 * k for k in range(1, 20)]),
    "CriteriaLadder (their-limit slider)": lambda: measure(ladder, ladder.their_limit, [75_000 + 500 * k for k in range(21)]),
    "CriteriaLadder (typing a number)": lambda: measure(ladder, ladder.rows[0].value, [f"{80 + k}k" for k in range(9)]),
    "ConcessionCurves (beta slider)": lambda: measure(curves, curves.beta, [0.1 * 1.1 ** k for k in range(40)]),
    "NegotiationDance (offers slider)": lambda: measure(dance, dance.rounds, list(range(4, 40))),
    "PracticeNegotiation (an offer sent)": lambda: measure_practice_moves(),
    "PracticeNegotiation (the ending move)": lambda: measure_practice_endings(),
    "MultiIssueNegotiation (a package proposed)": lambda: measure_multi_issue_turns(),
    "MultiIssueNegotiation (the ending package)": lambda: summary(multi_issue_endings or (measure_multi_issue_turns() and multi_issue_endings)),
    "ScoringTable (an issue's option)": lambda: measure(scoring, scoring.choices["Salary"], [0, 1, 2, 3, 4]),
    "MesoBuilder (target slider)": lambda: measure(mesos, mesos.target, list(range(40, 80))),
    "SubjectiveValueInventory (an answer)": lambda: measure(svi, svi.answers[0], [1, 2, 3, 4, 5, 6, 7]),
    "LifetimeEarnings (career slider)": lambda: measure(earnings, earnings.years, list(range(5, 50))),
    "WaitOrAccept (weekly cost slider)": lambda: measure(waiting, waiting.weekly_cost, [500 + 50 * k for k in range(40)]),
    "ExplodingOfferCalculator (deadline slider)": lambda: measure(exploding, exploding.deadline, list(range(1, 21))),
    "ExplodingOfferCalculator (typing a chance)": lambda: measure(exploding, exploding.rows[0].chance,
                                                          [f"{40 + 2 * k}%%" for k in range(20)]),
    "InformationExplorer (aim slider)": lambda: measure(information, information.aim, list(range(31, 101, 3))),
    "InformationExplorer (You are dropdown)": lambda: measure_party_switches(information),
    "ReputationExplorer (caught slider)": lambda: measure(reputation, reputation.detection, [0.05 * k for k in range(21)]),
    "ReputationExplorer (gain slider)": lambda: measure(reputation, reputation.gain, [250 * k for k in range(1, 21)]),
    "ReputationExplorer (repeat slider)": lambda: measure(reputation, reputation.repeat, [0.6 + 0.02 * k for k in range(1, 21)]),
    "ReputationExplorer (repeat once caught slider)": lambda: measure(reputation, reputation.repeat_distrusted,
                                                              [0.05 * k for k in range(13)]),
    "ReputationExplorer (share once caught slider)": lambda: measure(reputation, reputation.share_distrusted,
                                                             [0.05 * k for k in range(11)]),
    "ReputationExplorer (deals shown slider)": lambda: measure(reputation, reputation.encounters, list(range(5, 100, 4))),
    "CoalitionExplorer (typing a pair's value)": lambda: measure(coalitions, coalitions.values["AB"],
                                                         [f"${50 + k},000" for k in range(20)]),
    "CompensationComparer (typing a salary)": lambda: measure(compensation, compensation.entries["B"]["salary"],
                                                      [f"${86 + k},000" for k in range(20)]),
    "CompensationComparer (typing a chance)": lambda: measure(compensation, compensation.entries["B"]["equity_chance"],
                                                      [f"{10 + 4 * k}%%" for k in range(20)]),
    "CompensationComparer (years slider)": lambda: measure(compensation, compensation.years, list(range(1, 11))),
    "TacticBrowser (typing a search)": lambda: measure(browser, browser.search, ["d", "de", "dead", "deadline", "", "final",
                                                                          "final offer", "nibble"], state="matches"),
    "PlanBuilder (typing an amount)": lambda: measure(builder, builder.fields["opening"], [f"${86 + k},500" for k in range(20)],
                                              state="plan"),
    "PlanBuilder (Save plan clicked)": lambda: measure_plan_saves(builder),
    "RaiseCaseBuilder (typing a salary)": lambda: measure(raise_case, raise_case.current_salary, [f"{70 + k}k" for k in range(9)]),
    "CollaborationAgreementBuilder (typing a term)": lambda: measure(collaboration, collaboration.revisit,
                                                             [f"At the end of month {k}" for k in range(1, 13)]),
    "CollaborationAgreementBuilder (a role ticked)": lambda: measure(collaboration, collaboration.roles.children[0],
                                                             [("Software",), ("Software", "Validation"), ()]),
    "StartupPackageBuilder (an importance slider)": lambda: measure(startup, startup.weights["Summer salary"], list(range(11))),
    "StartupPackageBuilder (target slider)": lambda: measure(startup, startup.target, list(range(30, 71, 2))),
}
ONLY = %(only)r
def selected(name):
    return not ONLY or any(word.lower() in name.lower() for word in ONLY)
results = {name: series() for name, series in _series.items() if selected(name)}

def nearby(control):
    # Values a learner would reach from the current one: a step or a few either side, within the control's range.
    if isinstance(control, _Slider):
        value, step, low, high = control.value, control.step, control.min, control.max
        if isinstance(value, (tuple, list)):
            return [(max(low, value[0] - k * step), value[1]) for k in (1, 2, 3, 0)]
        return [min(max(value + k * step, low), high) for k in (1, 3, -1, -3, 0)]
    if isinstance(control, (Choice, ipywidgets.Dropdown)):
        values = [option[1] if isinstance(option, tuple) else option for option in control.options]
        return values[:6] if control.value in values[:6] else [*values[:5], control.value]
    if isinstance(control, ipywidgets.Text) and any(c.isdigit() for c in control.value):
        # A typed number nudged in its last digit and back (e.g. "72,000" -> "72,001").
        text = control.value
        i = max(i for i, c in enumerate(text) if c.isdigit())
        return [text[:i] + str((int(text[i]) + k) %% 10) + text[i + 1:] for k in (1, 2, 0)]
    return []

def every_control(widget):
    found = []
    def visit(node):
        if isinstance(node, (_Slider, Choice, ipywidgets.Dropdown, ipywidgets.Text)) and not node.disabled:
            found.append(node)
        for child in getattr(node, "children", ()):
            visit(child)
    visit(widget)
    return found

measured = {id(c) for c in (zopa.seller_reservation, batna.sure, batna.rows[0].value, uncertain.reservation,
                            planner.percentile, advisor.anchoring, advisor.reservation, simulator.anchoring,
                            ladder.their_limit, ladder.rows[0].value, curves.beta, dance.rounds, mesos.target,
                            earnings.years, waiting.weekly_cost, exploding.deadline, exploding.rows[0].chance,
                            information.aim, information.party, reputation.detection, reputation.gain,
                            reputation.repeat, reputation.repeat_distrusted, reputation.share_distrusted,
                            reputation.encounters, coalitions.values["AB"], compensation.years,
                            compensation.entries["B"]["salary"], compensation.entries["B"]["equity_chance"],
                            startup.target)}
from negwidgets.widgets import OfferForms
others = {}
for view in (zopa, batna, uncertain, planner, advisor, simulator, ladder, curves, dance, scoring, mesos, svi, earnings,
             waiting, exploding, information, reputation, coalitions, compensation, startup, OfferForms()):
    for control in every_control(view):
        values = nearby(control)
        name = f"{type(view).__name__} ({getattr(control, 'description', '') or type(control).__name__})"
        if id(control) in measured or len(values) < 2 or not selected(name):
            continue
        times, refused = [], ""
        for i in range(6):
            start = time.perf_counter()
            control.value = values[i %% len(values)]
            times.append((time.perf_counter() - start) * 1000)
            refused = refused or getattr(view, "error_text", "")
        control.value = values[-1]
        while name in others:
            name += "'"
        others[name] = summary(times) | ({"refused": refused[:60]} if refused else {})

print("RESULTS " + json.dumps({"results": results, "others": others,
                               "reference_ms": statistics.median(reference_times)}))
"""


def run_in_kernel(code: str) -> str:
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        out = []

        def collect(message):
            if message["msg_type"] == "stream":
                out.append(message["content"]["text"])
            elif message["msg_type"] == "error":
                out.append("\n".join(message["content"]["traceback"]))

        reply = client.execute_interactive(code, output_hook=collect, timeout=600)
        if reply["content"]["status"] != "ok":
            raise RuntimeError("".join(out))
        return "".join(out)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def load() -> str:
    """The machine's load (1, 5 and 15 minutes): the figures mean little on a busy machine."""
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def main(argv: list[str] | None = None) -> dict:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", default=[], metavar="WORD",
                        help="measure only the rows whose name holds one of these words (case-insensitive)")
    options = parser.parse_args(argv)
    before = load()
    text = run_in_kernel(PROBE % {"n": CHANGES, "only": options.only})
    report = json.loads(text.split("RESULTS ", 1)[1])
    reference = report["reference_ms"]

    def row(name, figures):
        flag = " over" if figures["median_ms"] > 30 or figures["p90_ms"] > 50 else ""
        note = f"  (refused: {figures['refused']})" if "refused" in figures else ""
        local = figures["reference_ms"]
        print(f"  {name:58s} {figures['median_ms']:6.1f} {figures['p90_ms']:6.1f}   "
              f"{figures['median_ms'] / local:5.2f} {figures['p90_ms'] / local:5.2f}  {local:5.1f}{flag}{note}")

    print(f"Widget update latency in a kernel, {CHANGES} changes each (target: median <= 30 ms, p90 <= 50 ms)")
    print(f"  before: {before}; after: {load()}")
    print(f"  reference render (a fixed figure drawn in full and encoded): median {reference:.1f} ms over the run; "
          "each row's ratios are to the reference timed just before and after its series (last column, ms)")
    print(f"  {'control':58s} {'median':>6s} {'p90':>6s}   {'x ref':>5s} {'x ref':>5s}  {'ref':>5s}")
    for name, figures in report["results"].items():
        row(name, figures)
    print("Every other control, 6 changes each:")
    for name, figures in report["others"].items():
        row(name, figures)
    return report


if __name__ == "__main__":
    main()
    sys.exit(0)
