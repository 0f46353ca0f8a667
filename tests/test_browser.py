"""The course in a real headless Chromium: lesson 04 served by Voila, and opened in JupyterLab.

A missing browser is a failure, never a skip: `bash scripts/run-tests.sh` installs it.
"""

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import NOTEBOOKS
from .servers import chromium, jupyterlab, voila

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ZONE_TEXT = re.compile(r"ZOPA: \$[\d,]+ to \$[\d,]+ \(surplus \$[\d,]+\)")


def zopa_explorer(page):
    """The ZOPA explorer's box: the one that holds the employer's reservation slider."""
    return page.locator(".negwidgets").filter(has=page.get_by_text("Employer's reservation value")).first


def test_voila_zopa_explorer_responds_to_the_keyboard(tmp_path):
    with voila(NOTEBOOKS / "04_zopa.ipynb", tmp_path) as url, chromium(tmp_path) as page:
        page.goto(url, timeout=120_000)
        explorer = zopa_explorer(page)
        explorer.wait_for(timeout=120_000)
        summary = explorer.get_by_text(ZONE_TEXT)
        expect(summary).to_contain_text("ZOPA: $70,000 to $80,000 (surplus $10,000)")
        image = explorer.locator("img").first
        before = image.get_attribute("src")
        assert before

        # The slider is a native range input named by its visible label; it says its value as money.
        slider = explorer.get_by_role("slider", name="Employer's reservation value")
        expect(slider).to_have_attribute("aria-valuetext", "$80,000")
        slider.focus()
        for _ in range(3):
            slider.press("ArrowLeft")
        expect(slider).to_have_attribute("aria-valuetext", "$77,000")
        expect(explorer.locator(".nw-readout").nth(2)).to_have_text("$77,000")
        # The widget replaces its HTML on each update: locators (not element handles) follow it.
        expect(summary).to_contain_text("ZOPA: $70,000 to $77,000 (surplus $7,000)", timeout=30_000)
        expect(image).not_to_have_attribute("src", before, timeout=30_000)
        expect(image).to_have_attribute("alt", re.compile(r"zone of possible agreement runs from \$70k"))
        # No code, no tracebacks, no widget errors in the app.
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error displaying widget" not in body
        assert "from negwidgets" not in body and "ZopaExplorer()" not in body  # no code on the page


def test_jupyterlab_restart_and_run_all_renders_the_explorer_without_errors(tmp_path):
    course = tmp_path / "course"
    shutil.copytree(NOTEBOOKS, course, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    with jupyterlab(course, tmp_path / "home") as (base, token), chromium(tmp_path / "home") as page:
        page.goto(f"{base}/lab/tree/04_zopa.ipynb?token={token}", timeout=120_000)
        idle = page.locator("#jp-main-statusbar").get_by_text(re.compile(r"\|\s*Idle"))
        idle.wait_for(timeout=120_000)

        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Kernel$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Restart Kernel and Run All Cells")).click()
        page.locator(".jp-Dialog-button.jp-mod-accept").click()

        explorer = zopa_explorer(page)
        explorer.wait_for(timeout=120_000)
        expect(explorer).to_contain_text("ZOPA: $70,000 to $80,000 (surplus $10,000)", timeout=30_000)
        # Every code cell ran: the last one's widget is on the page and the kernel is idle again.
        page.locator(".negwidgets").filter(has_text="Their limit is at least").last.wait_for(timeout=120_000)
        idle.wait_for(timeout=120_000)
        errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
        assert errors.count() == 0, errors.first.text_content()
        # The arrow keys move the slider, not the notebook's cell selection (JupyterLab takes them otherwise).
        slider = explorer.get_by_role("slider", name="Employer's reservation value")
        slider.focus()
        for key in ("ArrowLeft", "ArrowLeft", "ArrowDown", "ArrowUp", "ArrowLeft"):
            slider.press(key)
        expect(slider).to_be_focused()
        expect(slider).to_have_attribute("aria-valuetext", "$77,000")
        expect(explorer).to_contain_text("ZOPA: $70,000 to $77,000 (surplus $7,000)", timeout=30_000)
        text = page.locator(".jp-Notebook").text_content()
        assert "Traceback" not in text and "Error displaying widget" not in text and "Failed to load" not in text


def test_voila_first_offer_advisor_reacts_to_what_you_know(tmp_path):
    with voila(NOTEBOOKS / "05_first_offers.ipynb", tmp_path) as url, chromium(tmp_path) as page:
        page.goto(url, timeout=120_000)
        advisor = page.locator(".negwidgets").filter(has=page.get_by_text("What you know of their limit")).first
        advisor.wait_for(timeout=120_000)
        from negwidgets.model import NormalBelief, first_offer_analysis, money, running_example
        from negwidgets.model.money import a_percent

        rough, informed = (first_offer_analysis(running_example()[0], NormalBelief(80_000, spread), their_room=0.25)
                           for spread in (6_000, 2_000))
        expect(advisor).to_contain_text(f"Open at {money(rough.best_opening)}", timeout=30_000)  # as in the lesson
        image = advisor.locator("img").first
        before = image.get_attribute("src")
        known = advisor.get_by_role("radiogroup", name="What you know of their limit")
        expect(known.get_by_role("radio", name="A rough idea")).to_be_checked()
        known.get_by_role("radio", name="Well informed").click()
        expect(known.get_by_role("radio", name="Well informed")).to_be_checked()
        expect(advisor).to_contain_text(f"with {a_percent(informed.best_impasse)} chance of no deal", timeout=30_000)
        expect(image).not_to_have_attribute("src", before, timeout=30_000)
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error displaying widget" not in body


def test_voila_practice_game_is_played_to_the_coached_debrief_and_a_rematch(tmp_path, monkeypatch):
    """Lesson 08's first practice game in Voila: the walk-away point and target set, an offer typed and sent, a
    counter-offer, a deal, the coached debrief's top three tips on the page, then the rematch; the debrief is
    photographed at laptop and phone width (kept in ``$NEGWIDGETS_SCREENSHOTS`` when it is set)."""
    import os

    from negwidgets.model import PracticeGame, coach, load_plan, money

    plan_file = tmp_path / "learner" / "plan.json"
    plan_file.parent.mkdir()
    monkeypatch.setenv("NEGWIDGETS_PLAN_FILE", str(plan_file))  # the Voila kernel inherits it
    shots = Path(os.environ.get("NEGWIDGETS_SCREENSHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)

    # The same game in the model (the lesson's seed) says what the page must show.
    model = PracticeGame("candidate", "Friendly", seed=7)
    model.set_limits(72_000, 85_000)
    answer = model.offer(79_000)
    if not model.finished:
        model.accept()
    debrief = model.debrief().describe()
    tips = coach(model.record()).tips()
    assert len(tips) == 3
    rematch = model.rematch(10_000 + 7)  # the widget's first rematch of seed 7

    with voila(NOTEBOOKS / "08_negotiation_dance.ipynb", tmp_path) as url, chromium(tmp_path) as page:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(url, timeout=120_000)
        game = page.locator(".negwidgets").filter(has_text="The employer is friendly").first
        game.wait_for(timeout=120_000)

        def type_into(label: str, text: str) -> None:
            field = game.locator(".widget-text").filter(has_text=label).locator("input")
            field.fill(text)
            field.press("Tab")  # the fields send their value when they lose focus

        expect(game).to_contain_text("Before you play:")
        type_into("Your walk-away point", "72k")
        type_into("Your target", "85k")
        game.get_by_role("button", name="Set them").click()
        expect(game).to_contain_text("Noted: your walk-away point is $72,000 and your target $85,000.",
                                     timeout=30_000)
        type_into("Your offer", "79k")
        game.get_by_role("button", name="Make offer").click()
        expect(game).to_contain_text("You: $79,000.", timeout=30_000)
        expect(game).to_contain_text(answer.text, timeout=30_000)
        if answer.kind == "offer":
            expect(game).to_contain_text(f"Their offer on the table: {money(answer.amount)}.")
            game.get_by_role("button", name="Accept their offer").click()
        expect(game).to_contain_text("Coached debrief.", timeout=30_000)
        expect(game).to_contain_text("Your top three tips")
        shown = game.locator("li.nw-tip")
        expect(shown).to_have_count(3)
        for item, tip in zip(shown.all(), tips):
            text = item.inner_text()
            assert text.startswith(tip.name) and tip.happened in text and tip.rule in text, text
        expect(game).to_contain_text(debrief)
        expect(game.get_by_role("button", name="Make offer")).to_be_disabled()
        expect(game).to_contain_text("Saved 1 game with your plan in plan.json", timeout=30_000)
        assert len(load_plan(plan_file).practice_games) == 1
        coached = game.locator(".nw-coach")
        coached.scroll_into_view_if_needed()
        coached.screenshot(path=str(shots / "debrief-laptop.png"))
        page.set_viewport_size({"width": 390, "height": 844})
        page.wait_for_timeout(500)
        coached.evaluate("element => element.scrollIntoView()")
        page.screenshot(path=str(shots / "debrief-phone.png"))
        box = coached.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1  # no sideways scroll
        game.get_by_role("button", name="Confirm the terms in writing").click()
        expect(game).to_contain_text("To confirm what we agreed", timeout=30_000)
        page.set_viewport_size({"width": 1280, "height": 900})
        figure_box = game.locator("figure").last
        figure_box.scroll_into_view_if_needed()
        figure_box.screenshot(path=str(shots / "progress-laptop.png"))

        game.get_by_role("button", name="Play again with fresh numbers").click()
        expect(game).to_contain_text("This is a rematch", timeout=30_000)
        expect(game).to_contain_text(rematch.brief())
        expect(game).not_to_contain_text("Coached debrief.")
        expect(game.get_by_role("button", name="Make offer")).to_be_enabled()
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error displaying widget" not in body
        assert "PracticeNegotiation(" not in body  # no code on the page


def test_voila_scoring_table_trades_to_the_frontier(tmp_path):
    """Lesson 09's scoring table in Voila: two trades reach the frontier, then a dropdown leaves it."""
    from negwidgets.model import job_offer_case

    # The model says what the page must show.
    case = job_offer_case()
    start = case.analyse(case.split_difference())
    traded = case.analyse(case.analyse(start.logrolls[0].package).logrolls[0].package)
    assert traded.on_frontier and not traded.logrolls
    choices = list(traded.package.choices)
    choices[-1] = 0  # no training budget: a compatible issue settled badly
    worse = case.analyse(choices)

    with voila(NOTEBOOKS / "09_creating_value.ipynb", tmp_path) as url, chromium(tmp_path) as page:
        page.goto(url, timeout=120_000)
        table = page.locator(".negwidgets").filter(has=page.get_by_role("button", name="Make the best trade")).first
        table.wait_for(timeout=120_000)
        expect(table).to_contain_text(start.describe(), timeout=30_000)
        image = table.locator("img").first
        before = image.get_attribute("src")
        assert before
        for _ in range(2):
            table.get_by_role("button", name="Make the best trade").click()
        expect(table).to_contain_text(traded.describe(), timeout=30_000)
        expect(table).to_contain_text("No single trade of two issues helps both sides from here.")
        expect(image).not_to_have_attribute("src", before, timeout=30_000)
        table.locator(".widget-dropdown").filter(has_text="Training budget").locator("select").select_option(index=0)
        expect(table).to_contain_text(worse.describe(), timeout=30_000)
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error displaying widget" not in body
        assert "ScoringTable(" not in body  # no code on the page


def test_voila_plan_builder_is_filled_in_saved_and_its_markdown_downloaded(tmp_path, monkeypatch):
    """Lesson 12 in Voila: the learner's plan builder is filled in, checked, saved, exported, downloaded."""
    from negwidgets.model import load_plan, plan_markdown

    plan_file = tmp_path / "learner" / "my_plan.json"
    plan_file.parent.mkdir()
    monkeypatch.setenv("NEGWIDGETS_PLAN_FILE", str(plan_file))  # the Voila kernel inherits it

    with voila(NOTEBOOKS / "12_closing_and_your_plan.ipynb", tmp_path) as url, chromium(tmp_path) as page:
        page.goto(url, timeout=120_000)
        # The learner's builder is the second one on the page (the first works on Ana's example).
        builder = page.locator(".negwidgets").filter(has=page.get_by_role("button", name="Save plan", exact=True)).nth(1)
        builder.wait_for(timeout=120_000)
        expect(builder).to_contain_text("Your BATNA is missing", timeout=30_000)

        def type_into(label: str, text: str, kind: str = "text") -> None:
            field = builder.locator(f".widget-{kind}").filter(has_text=label).locator("input, textarea").first
            field.fill(text)
            field.press("Tab")  # the fields send their value when they lose focus

        type_into("What I am negotiating", "Salary at Northwind")
        type_into("My BATNA (what I do if there is no deal)", "The competing offer")
        type_into("My reservation value", "72k")
        type_into("My target", "$70,000")
        expect(builder).to_contain_text("Your target ($70,000) is below your reservation value ($72,000)",
                                        timeout=30_000)
        type_into("My target", "$88,000")
        type_into("Their likely limit", "85,000")
        type_into("My opening", "$90,500")   # too far: lesson 05's model weighs it
        expect(builder).to_contain_text("Your opening ($90,500) ends the talk 46% of the time", timeout=30_000)
        type_into("My opening", "$87,000")
        type_into("Questions to ask", "What does the budget cover?\nWhen is the first review?", kind="textarea")
        type_into("My walk-away line", "Thank you; I will take the other offer.", kind="textarea")
        expect(builder).to_contain_text("The plan hangs together", timeout=30_000)

        builder.get_by_role("button", name="Save plan", exact=True).click()
        expect(builder).to_contain_text("Saved to my_plan.json", timeout=30_000)
        saved = load_plan(plan_file)
        assert (saved.title, saved.reservation, saved.aspiration, saved.opening, saved.their_reservation) == (
            "Salary at Northwind", 72_000, 88_000, 87_000, 85_000)
        assert saved.questions == ("What does the budget cover?", "When is the first review?")

        builder.get_by_role("button", name="Export Markdown").click()
        expect(builder).to_contain_text("Wrote my_plan.md next to your plan file", timeout=30_000)
        assert (plan_file.parent / "my_plan.md").read_text() == plan_markdown(saved)

        with page.expect_download(timeout=30_000) as download:
            builder.get_by_role("link", name="Download Markdown").click()
        assert download.value.suggested_filename == "my_plan.md"
        assert open(download.value.path(), encoding="utf-8").read() == plan_markdown(saved)

        body = page.inner_text("body")
        assert "Traceback" not in body and "Error displaying widget" not in body
        assert "PlanBuilder(" not in body  # no code on the page


def test_a_participant_reports_through_voila_and_the_dashboard_shows_the_new_point(tmp_path, monkeypatch):
    """The seminar's two apps in Voila on one results store: a participant opens their sheet with their
    codes and reports; the dashboard, on the big screen, picks the result up on its own timer."""
    from negwidgets.seminar import ResultsStore, make_pack

    from .servers import only_localhost

    url = f"sqlite:///{tmp_path / 'class_results.sqlite'}"
    monkeypatch.setenv("NEGWIDGETS_RESULTS_URL", url)   # both Voila kernels inherit it
    pack = make_pack("used_car", 3, seed=5)
    with ResultsStore(url) as store:
        store.publish(pack.record())
    pair = pack.pair("P1")
    buyer = pack.participant("P1", "buyer")
    price = pair.reservations[0] + 100   # inside the zone
    seminar = NOTEBOOKS / "seminar"
    with voila(seminar / "debrief_dashboard.ipynb", tmp_path / "dashboard") as dashboard_url, \
            voila(seminar / "participant_app.ipynb", tmp_path / "participant") as app_url, \
            chromium(tmp_path) as screen:
        screen.goto(dashboard_url, timeout=120_000)
        dashboard = screen.locator(".negwidgets").first
        dashboard.wait_for(timeout=120_000)
        expect(dashboard).to_contain_text("No results yet: 3 pairs are negotiating.", timeout=60_000)
        outcome_chart = dashboard.locator("img").nth(1)
        before = outcome_chart.get_attribute("src")

        phone = screen.context.new_page()
        phone.route("**/*", only_localhost)
        phone.goto(app_url, timeout=120_000)
        app = phone.locator(".negwidgets").first
        app.wait_for(timeout=120_000)

        def type_into(label: str, text: str, kind: str = "text") -> None:
            field = app.locator(f".widget-{kind}").filter(has_text=label).locator("input, textarea").first
            field.fill(text)
            field.press("Tab")

        type_into("Pair code", "P1")
        type_into("Personal access code", "AAAA-AAAA")
        app.get_by_role("button", name="Open my sheet").click()
        expect(app).to_contain_text("do not open a sheet of this class", timeout=30_000)
        type_into("Personal access code", buyer.access_code.lower())
        app.get_by_role("button", name="Open my sheet").click()
        expect(app).to_contain_text("Confidential: The buyer, pair P1", timeout=30_000)
        expect(app).to_contain_text(f"${pair.reservations[1]:,.0f}")
        expect(app).not_to_contain_text(f"${pair.reservations[0]:,.0f}.")   # the seller's number stays hidden

        app.locator(".widget-dropdown").filter(has_text="Who named the first number").locator("select") \
            .select_option(label="The seller")
        type_into("The first number", "$11,900")
        type_into("The agreed price", f"{price:,.0f}")
        type_into("Rounds of offers", "5")
        for question, answer in zip(range(1, 5), "6547"):
            scale = app.get_by_role("radiogroup", name=re.compile(rf"^{question}\. "))
            option = scale.get_by_role("radio", name=re.compile(rf"^{answer}( \(|$)"))   # "7 (very much)"
            option.click()
            expect(option).to_be_checked()
        # The ends of each scale say what they mean.
        expect(app.get_by_role("radio", name=re.compile(r"^1 \(not at all satisfied\)$"))).to_have_count(1)
        app.get_by_role("button", name="Submit my result").click()
        expect(app).to_contain_text("Thank you: your result is in.", timeout=30_000)
        with ResultsStore(url) as store:
            (report,) = store.reports(pack.pack_id)
        assert (report.pair, report.role, report.opening, report.agreement, report.survey) == (
            "P1", "buyer", 11_900, price, (6, 5, 4, 7))

        # The big screen refreshes on its own (every 15 seconds): no click needed.
        expect(dashboard).to_contain_text("1 of 3 pairs has reported; 1 agreed (100%).", timeout=60_000)
        expect(dashboard).to_contain_text("1 agreement, 1 inside the pair's zone")
        expect(outcome_chart).not_to_have_attribute("src", before, timeout=30_000)
        for page in (screen, phone):
            body = page.inner_text("body")
            assert "Traceback" not in body and "Error displaying widget" not in body
            assert "from negwidgets" not in body   # no code on either page
        # Voila serves images from the notebook's folder, nothing else: not the notebooks, not the sheets.
        for name in ("sources/run_a_role_play.md", "run_a_role_play.ipynb", "participant_app.ipynb"):
            assert phone.request.get(f"{app_url}voila/files/{name}").status in (403, 404)
