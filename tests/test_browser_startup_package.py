"""The start-up package builder in Voila, in headless Chromium: Farida's trades and offers read from the page against
model calls made here, an importance slider moved with the keyboard and the rendered trades changing, a target no
package reaches explained beside the target with the last result kept, axe-core's rules, and the layout on a
phone. No lesson shows it yet, so the test writes a one-cell notebook.

Screenshots at laptop and phone widths go to a temporary folder (or to ``$NEGWIDGETS_SHOTS`` when set)."""

import re

import pytest
from playwright.sync_api import expect

from negwidgets.model import StartupPackageError, example_startup_weights
from negwidgets.model.startup_package import startup_package

from .page_checks import LAPTOP, PHONE, axe_violations, phone_problems, settle
from .pages import open_widget
from .servers import chromium, one_cell_notebook, shots_folder, voila

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CELL = """from negwidgets.widgets import StartupPackageBuilder
StartupPackageBuilder()"""


def whole_view(page, box, width: int, path) -> None:
    """A screenshot of the whole view: Voila scrolls inside its page, so the window is made as tall as the view for
    the picture (and set back after it)."""
    page.set_viewport_size({"width": width, "height": 1000})
    box.evaluate("(e) => e.scrollIntoView({block: 'start'})")
    settle(page, quiet_ms=300)
    bottom = box.bounding_box()
    page.set_viewport_size({"width": width, "height": int(bottom["y"] + bottom["height"] + 40)})
    settle(page, quiet_ms=300)
    page.screenshot(path=path)
    page.set_viewport_size({"width": width, "height": 1000 if width > 500 else PHONE["height"]})
    settle(page, quiet_ms=300)


def test_voila_startup_package_builder_moves_by_keyboard_and_shows_the_models_trades(tmp_path):
    shots = shots_folder(tmp_path)
    notebook = one_cell_notebook(tmp_path, "startup_package", CELL)
    weights = example_startup_weights()
    first = startup_package(weights)
    target = first.target
    with voila(notebook, tmp_path) as url, chromium(tmp_path) as page:
        box = open_widget(page, url, ".nw-startup-package", LAPTOP)
        trades = box.locator(".nw-startup-trades")
        email = box.locator(".nw-startup-email")
        # Farida's example as shown: the model's first offer, trades and offers, money written as the course does.
        expect(box).to_contain_text(first.first_offer_text())
        expect(trades.locator("li")).to_have_count(len(first.trades))
        for item, trade in zip(trades.locator("li").all(), first.trades):
            expect(item).to_have_text(trade.describe())
        expect(trades).to_contain_text("Ask for two course releases and accept $450,000 of start-up funds instead "
                                       "of $550,000")
        expect(email).to_have_text(re.compile(r"\s*".join(map(re.escape, first.email_text().split()))))
        expect(box.locator("figcaption")).to_contain_text("the first offer at 38.9 and 66 lies inside it")
        target_slider = box.get_by_role("slider", name="Target for your offers (points)")
        expect(target_slider).to_have_attribute("aria-valuetext", f"{target:g}")
        whole_view(page, box, LAPTOP["width"], shots / "startup-package-laptop.png")
        box.locator("figure").scroll_into_view_if_needed()
        page.screenshot(path=shots / "startup-package-figure-laptop.png")
        assert axe_violations(page, context=".nw-startup-package") == []

        # Teaching stops mattering: moved to 0 with the keyboard, by its label; the trades on it go.
        teaching = box.get_by_role("slider", name="Teaching in the first two years")
        expect(teaching).to_have_attribute("aria-valuetext", f"{weights['Teaching in the first two years']:g}")
        teaching.focus()
        teaching.press("Home")
        expect(teaching).to_have_attribute("aria-valuetext", "0")
        without = startup_package({**weights, "Teaching in the first two years": 0}, target=target)
        expect(trades.locator("li").first).to_have_text(without.trades[0].describe())
        expect(trades).not_to_contain_text("course release")
        expect(email).to_have_text(re.compile(r"\s*".join(map(re.escape, without.email_text().split()))))
        # One step back up with the arrow key: one step of the model.
        teaching.press("ArrowRight")
        expect(teaching).to_have_attribute("aria-valuetext", "1")
        one = startup_package({**weights, "Teaching in the first two years": 1}, target=target)
        expect(trades.locator("li").first).to_have_text(one.trades[0].describe())
        expect(box.get_by_role("alert")).to_have_count(0)

        # A target no three packages reach: the sentence beside the target, the last trades kept.
        target_slider.focus()
        target_slider.press("End")
        expect(target_slider).to_have_attribute("aria-valuetext", "100")
        with pytest.raises(StartupPackageError) as caught:
            startup_package({**weights, "Teaching in the first two years": 1}, target=100)
        alert = box.get_by_role("alert")
        expect(alert).to_have_count(1)
        expect(alert).to_contain_text(str(caught.value))
        expect(trades.locator("li").first).to_have_text(one.trades[0].describe())
        # The alert sits right under the target slider.
        slider_box, alert_box = target_slider.bounding_box(), alert.bounding_box()
        assert 0 <= alert_box["y"] - (slider_box["y"] + slider_box["height"]) < 60
        alert.scroll_into_view_if_needed()
        page.screenshot(path=shots / "startup-package-error-laptop.png")
        assert axe_violations(page, context=".nw-startup-package") == []
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error displaying widget" not in body

        for _ in range(40):
            target_slider.press("ArrowLeft")
        expect(target_slider).to_have_attribute("aria-valuetext", "60")
        expect(box.get_by_role("alert")).to_have_count(0)
        sixty = startup_package({**weights, "Teaching in the first two years": 1}, target=60)
        expect(email).to_have_text(re.compile(r"\s*".join(map(re.escape, sixty.email_text().split()))))

        whole_view(page, box, PHONE["width"], shots / "startup-package-phone.png")
        box.locator(".nw-startup-offers").scroll_into_view_if_needed()
        page.screenshot(path=shots / "startup-package-offers-phone.png")
        box.locator("figure").scroll_into_view_if_needed()
        page.screenshot(path=shots / "startup-package-figure-phone.png")
        assert phone_problems(page) == []
        assert axe_violations(page, context=".nw-startup-package") == []
