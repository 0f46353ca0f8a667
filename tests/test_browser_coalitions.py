"""The coalition explorer in Voila, in headless Chromium: the website bid read from the page, a group's value and a
share changed by their labels, a bad entry's sentence beside it, axe-core, and the layout on a laptop and a phone.
No lesson shows it yet, so the test writes a one-cell notebook.

Screenshots at laptop and phone widths go to a temporary folder (or to ``$NEGWIDGETS_SHOTS`` when set)."""

import pytest
from playwright.sync_api import expect

from negwidgets.model import CoalitionGame, coalition_example

from .page_checks import LAPTOP, PHONE, axe_violations, phone_problems, settle
from .pages import open_widget
from .servers import chromium, one_cell_notebook, shots_folder, voila

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CELL = """from negwidgets.widgets import CoalitionExplorer
CoalitionExplorer()"""


def test_voila_coalition_explorer_is_read_and_changed_by_label(tmp_path):
    shots = shots_folder(tmp_path)
    notebook = one_cell_notebook(tmp_path, "coalitions", CELL)
    game = coalition_example().game
    # Bruno and Chen can make $75,000 without Amara: with Amara's $20,000 alone that is more than $90,000.
    changed = CoalitionGame(**{**{k: getattr(game, k) for k in ("a", "b", "c", "ab", "ac", "abc")}, "bc": 75_000},
                            names=game.names)
    with voila(notebook, tmp_path) as url, chromium(tmp_path) as page:
        box = open_widget(page, url, ".nw-coalitions", LAPTOP)
        # The page as shown: the equal split's verdict, the core, the Shapley split and its table, the figure.
        expect(box).to_contain_text(game.check_split(game.equal_split).describe())
        expect(box).to_contain_text(game.core().describe())
        expect(box).to_contain_text(game.shapley().describe())
        expect(box.get_by_role("row", name="Amara, then Bruno, then Chen $20,000 $45,000 $25,000")).to_have_count(1)
        expect(box.get_by_role("row", name="Average: the Shapley split $32,500 $40,000 $17,500")).to_have_count(1)
        expect(box.get_by_role("img")).to_have_attribute("alt", "A triangle of every way to split $90k among Amara, "
                                                         "Bruno and Chen; each corner is one of them getting it all. "
                                                         "The shaded core holds the splits no pair or single party "
                                                         "can beat on its own: Amara $20k to $45k, Bruno $30k to "
                                                         "$50k, Chen $10k to $25k. Dashed lines are the pairs' "
                                                         "blocking lines; the Shapley split (star) is inside it; the "
                                                         "equal split (circle) is outside it, blocked by Amara and "
                                                         "Bruno; your split (diamond) is outside it, blocked by Amara "
                                                         "and Bruno.")
        whole_view(page, box, LAPTOP, shots / "coalitions-laptop.png")
        assert axe_violations(page, context=".nw-coalitions") == []

        # A proposed split in the core, typed by the shares' labels.
        for name, share in zip(game.names, ("$35,000", "$40,000", "$15,000")):
            entry = box.get_by_label(f"{name}'s share", exact=True)
            entry.fill(share)
            entry.press("Enter")
        expect(box).to_contain_text("The split Amara $35,000, Bruno $40,000 and Chen $15,000 is in the core: no pair "
                                    "or single party can do better on its own.")

        # Bruno and Chen could make $75,000 without Amara: the core is empty, and the page says why.
        pair = box.get_by_label("Bruno and Chen together", exact=True)
        pair.fill("75k")
        pair.press("Enter")
        expect(box).to_contain_text(changed.core().describe())
        expect(box).to_contain_text(changed.check_split([35_000, 40_000, 15_000]).describe())
        expect(box.get_by_role("img")).to_have_attribute("alt", _alt_of(changed, [35_000, 40_000, 15_000]))
        whole_view(page, box, LAPTOP, shots / "coalitions-empty-core-laptop.png")

        # A bad entry: its sentence beside it, and the last good result stays.
        alone = box.get_by_label("Alone: Chen", exact=True)
        alone.fill("ten thousand")
        alone.press("Enter")
        alert = box.get_by_role("alert")
        expect(alert).to_have_count(1)
        expect(alert).to_contain_text("I could not read 'ten thousand' as what Chen can secure alone")
        expect(alert).to_contain_text("The result below is for the last numbers that worked.")
        expect(box).to_contain_text(changed.core().describe())
        below = alone.bounding_box()["y"] + alone.bounding_box()["height"]
        assert 0 <= alert.bounding_box()["y"] - below < 40, "the sentence is not beside the entry it is about"
        alone.scroll_into_view_if_needed()
        page.screenshot(path=shots / "coalitions-bad-entry-laptop.png")
        alone.fill("$10,000")
        alone.press("Enter")
        expect(box.get_by_role("alert")).to_have_count(0)

        # Shares that no longer add up: the sentence beside the shares, while the core follows the values.
        total = box.get_by_label("All three together", exact=True)
        total.fill("100000")
        total.press("Enter")
        expect(box.get_by_role("alert")).to_contain_text("The shares add up to $90,000, but all three together make "
                                                         "$100,000")
        assert axe_violations(page, context=".nw-coalitions") == []

        page.set_viewport_size(PHONE)
        settle(page)
        whole_view(page, box, PHONE, shots / "coalitions-phone.png")
        box.get_by_role("img").scroll_into_view_if_needed()
        page.screenshot(path=shots / "coalitions-phone-figure.png")
        assert phone_problems(page) == []


def whole_view(page, box, screen, path):
    """A screenshot of the whole view at a screen's width: the page is made tall enough to paint all of it (Voila
    scrolls inside its own box, and Chromium leaves what lies below the screen unpainted), then set back."""
    height = int(box.bounding_box()["height"]) + 200
    page.set_viewport_size({"width": screen["width"], "height": max(height, screen["height"])})
    settle(page)
    box.screenshot(path=path)
    page.set_viewport_size(screen)
    settle(page)


def _alt_of(game, shares):
    """The figure's text alternative for a game and a split, from the chart itself (drawn here, not in the page)."""
    from negwidgets.plots import CoalitionChart

    return CoalitionChart().update(game.analyse(shares))
