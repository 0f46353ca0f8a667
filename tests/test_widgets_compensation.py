"""The total-compensation comparer without a browser: its entries give the model's comparison (built here from
the typed numbers, not read from the view), bad input shows the model's sentence under its package and keeps
the last good result and figure, the figure is one figure updated in place, and "Save to my plan" writes the
comparison into the plan file, never over a damaged one."""

import html
import re

import numpy as np
import pytest

from negwidgets.model import CompensationPackage, compare_compensation, example_raise_or_move, load_plan, save_plan
from negwidgets.plots.compensation import bar_rectangles
from negwidgets.widgets import CompensationComparer
from negwidgets.widgets.compensation import ENTRIES, SOURCE

OFFER_B = dict(name="Bigco", salary=95_000, bonus_target=0.10, bonus_chance=0.5, yearly_raise=0.02,
               equity_grant=0, equity_vesting=(0.25, 0.25, 0.25, 0.25), equity_chance=1.0, benefits=6_000,
               retirement_match=0.06, signing_bonus=5_000, one_off_costs=2_500)
TYPED_B = dict(name="Bigco", salary="$95,000", bonus_target="10%", bonus_chance="50%", yearly_raise="2 %",
               equity_grant="0", equity_vesting="25/25/25/25", equity_chance="1", benefits="6k",
               retirement_match="0.06", signing_bonus="5,000", one_off_costs="$2,500")


def same_comparison(shown, expected):
    for mine, theirs in ((shown.first, expected.first), (shown.second, expected.second)):
        assert mine.package == theirs.package
        np.testing.assert_allclose(mine.total, theirs.total)
    assert shown.years == expected.years and shown.discount_rate == expected.discount_rate
    assert shown.present_value_difference == pytest.approx(expected.present_value_difference)


def test_it_opens_on_the_courses_example():
    comparer = CompensationComparer()
    example = example_raise_or_move()
    same_comparison(comparer.result, compare_compensation(example.stay, example.offer, 4, 0.05))
    # Sam's offer: the top of her band, $80,000, a raise of $1,000 on $79,000 (1.3% as the name rounds it).
    assert comparer.entries["A"]["name"].value == f"Staying with a {round(1_000 / 79_000 * 100, 1):g}% raise"
    assert comparer.entries["A"]["salary"].value == "$80,000"
    assert comparer.entries["B"]["equity_vesting"].value == "25/25/25/25"
    assert comparer.entries["B"]["equity_chance"].value == "30%"
    assert comparer.result_text == comparer.result.describe() and comparer.error_text == ""
    shown = html.unescape(re.sub(r"<[^>]+>", "", comparer.summary.value.split("<table")[0]))
    assert shown == comparer.result_text
    # At $80,000 the offer is ahead from year 1: no crossing to mark.
    assert comparer.caption_text == comparer.image.caption and "ahead from year" not in comparer.caption_text
    assert comparer.chart.title.get_text().replace("\n", " ") == (
        "On average B (the start-up's offer) is worth more over 4 years, in today's dollars")
    # With a 10% chance for the equity, staying leads in year 1 and the offer from year 2.
    comparer.entries["B"]["equity_chance"].value = "10%"
    assert comparer.result.break_even_year == 2
    assert comparer.caption_text == comparer.image.caption and "B is ahead from year 2 on" in comparer.caption_text
    assert comparer.chart.title.get_text().replace("\n", " ") == (
        "On average B (the start-up's offer) is worth more over 4 years, in today's dollars; A leads in year 1, B "
        "from year 2")


def test_every_control_is_labelled_and_each_entry_names_its_package():
    comparer = CompensationComparer()
    labels = [box.description for fields in comparer.entries.values() for box in fields.values()]
    assert len(labels) == len(set(labels)) == 2 * len(ENTRIES)
    assert all(label.endswith((" (A)", " (B)")) and "$" not in label for label in labels)
    assert comparer.years.description == "Years compared"
    assert comparer.discount_rate.description.startswith("Discount rate")
    assert comparer.plan_saver.button.description == "Save to my plan"


def test_typed_entries_give_the_models_comparison_and_the_figure_is_updated_in_place():
    comparer = CompensationComparer()
    figure, image, axes = comparer.chart.figure, comparer.image, list(comparer.chart.figure.axes)
    pictures = {image.value}
    for key, text in TYPED_B.items():
        comparer.entries["B"][key].value = text
        assert comparer.error_text == "", (key, comparer.error_text)
        pictures.add(image.value)
    stay = example_raise_or_move().stay
    expected = compare_compensation(stay, CompensationPackage(**OFFER_B), 4, 0.05)
    same_comparison(comparer.result, expected)
    assert comparer.result_text == expected.describe()
    comparer.years.value = 7
    comparer.discount_rate.value = 0.03
    same_comparison(comparer.result, compare_compensation(stay, CompensationPackage(**OFFER_B), 7, 0.03))
    x, running = comparer.chart.running.get_data()
    np.testing.assert_array_equal(x, np.arange(1, 8))
    np.testing.assert_allclose(running, comparer.result.cumulative_difference)
    assert len(pictures) > 5
    assert comparer.chart.figure is figure and comparer.image is image and figure.axes == axes


def test_hand_computed_numbers_through_the_entries():
    a = CompensationPackage("Here", 80_000, yearly_raise=0)
    b = CompensationPackage("There", 84_000, yearly_raise=0, one_off_costs=6_000)
    comparer = CompensationComparer(a, b, years=3, discount_rate=0)
    assert comparer.result.difference.tolist() == [-2_000, 4_000, 4_000]
    assert comparer.result.break_even_year == 2 and comparer.result.present_value_difference == 6_000
    assert "Total</th><td style='text-align:right;padding:2px 8px'><b>$240,000</b>" in comparer.summary.value
    assert "+$6,000" in comparer.summary.value
    assert comparer.chart.lead_lines[0].get_visible() and not comparer.chart.lead_lines[1].get_visible()
    # The running total (-2,000 then +2,000) crosses zero halfway between years 1 and 2.
    assert comparer.chart.lead_lines[0].get_xdata()[0] == pytest.approx(1.5)


@pytest.mark.parametrize("letter, key, text, sentence", [
    ("A", "salary", "abc", "I could not read 'abc' as the salary of package A: type a number such as 70000"),
    ("B", "salary", "-5000", "The salary of the start-up's offer is an amount of money: $0 or more, not -$5,000."),
    ("B", "equity_chance", "130%", "The chance that the equity of the start-up's offer is worth its grant value "
                                   "runs from 0% to 100%; 130% is outside."),
    ("B", "equity_vesting", "25/25/25", "The yearly shares of the equity of the start-up's offer that vest add up "
                                        "to 75%, not 100%"),
    ("A", "yearly_raise", "3", "The yearly raise of staying with a 1.3% raise runs from 0% to 50%; 300% is outside: "
                               "type it as a percentage, such as 3%."),
    ("A", "bonus_target", "five", "I could not read 'five' as the bonus target of package A: type a percentage"),
    ("A", "name", "x" * 70, "Keep a package's name under 60 characters"),
])
def test_bad_input_shows_the_models_sentence_under_its_package_and_keeps_the_last_result(letter, key, text, sentence):
    comparer = CompensationComparer()
    result, picture, caption = comparer.result, comparer.image.value, comparer.caption_text
    comparer.entries[letter][key].value = text
    assert comparer.error_text.startswith(sentence)
    other = "B" if letter == "A" else "A"
    assert "role='alert'" in comparer.column_errors[letter].value
    assert html.escape(sentence) in comparer.column_errors[letter].value
    assert "The result below is for the last numbers that worked." in comparer.column_errors[letter].value
    assert comparer.column_errors[other].value == "" and comparer.error.value == ""
    assert comparer.result is result and comparer.image.value == picture and comparer.caption_text == caption
    comparer.entries[letter][key].value = {"name": "Fixed", "salary": "$80,000", "equity_vesting": "25/25/25/25"}.get(key, "1%")
    assert comparer.error_text == "" and comparer.column_errors[letter].value == ""
    assert comparer.result is not result


def test_an_empty_entry_counts_as_nothing_and_an_empty_name_as_the_packages_letter():
    comparer = CompensationComparer()
    comparer.entries["B"]["benefits"].value = ""
    comparer.entries["B"]["name"].value = " "
    assert comparer.error_text == ""
    assert comparer.result.second.package.benefits == 0 and comparer.result.second.name == "Package B"


def test_numbers_outside_the_sliders_are_explained():
    comparer = CompensationComparer(years=12)
    assert comparer.years.value == 10
    assert comparer.error_text == "Compare over a whole number of years from 1 to 10, not 12. The slider is set to 10 instead."
    rate = CompensationComparer(discount_rate=0.3)
    assert rate.discount_rate.value == pytest.approx(0.2)
    assert rate.error_text.startswith("The discount rate runs from 0% to 20%; 30% is outside")


def test_save_to_my_plan_writes_the_comparison_and_reads_back(tmp_path):
    path = tmp_path / "plan.json"
    comparer = CompensationComparer(path=path)
    comparer.plan_saver.button.click()
    assert comparer.plan_saver.status_text == ("Saved to plan.json as a note from this calculator. Lesson 12 shows your "
                                               "whole plan.")
    assert "role='status'" in comparer.plan_saver.status.value
    notes = dict(load_plan(path).calculator_notes)
    assert notes == {SOURCE: comparer.result_text}
    assert notes[SOURCE].startswith("Over 4 years, in today's dollars (a 5% discount rate), the start-up's offer is "
                                    "worth $12,519 more")
    # A second save replaces the note (one note per calculator) and keeps the plan's other fields.
    save_plan(load_plan(path).replace(title="My raise", reservation=83_000), path)
    comparer.entries["B"]["salary"].value = "$90,000"
    comparer.plan_saver.button.click()
    plan = load_plan(path)
    assert dict(plan.calculator_notes) == {SOURCE: comparer.result_text}
    assert (plan.title, plan.reservation) == ("My raise", 83_000)
    assert comparer.result.second.package.salary == 90_000


def test_bad_input_is_never_saved(tmp_path):
    path = tmp_path / "plan.json"
    comparer = CompensationComparer(path=path)
    comparer.entries["A"]["salary"].value = "lots"
    comparer.plan_saver.button.click()
    assert comparer.plan_saver.status_text.startswith("Fix the input above first") and not path.exists()


def test_a_damaged_plan_file_is_reported_and_left_untouched(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text('{"format": "negwidgets-plan", "version": 1, "plan": {"title": ')
    before = path.read_bytes()
    comparer = CompensationComparer(path=path)
    comparer.plan_saver.button.click()
    assert comparer.plan_saver.status_text.startswith("The file plan.json is damaged and cannot be read")
    assert comparer.plan_saver.status_text.endswith("I left it as it is.")
    assert "role='alert'" in comparer.plan_saver.status.value
    assert path.read_bytes() == before
    assert comparer.error_text == "" and comparer.result is not None


def test_the_bars_add_up_to_each_years_totals_and_difference():
    comparer = CompensationComparer()
    comparer.entries["B"]["signing_bonus"].value = "$9,000"   # a one-off part above zero in year 1 as well
    comparison, chart = comparer.result, comparer.chart
    for key, value in (("A", comparison.first), ("B", comparison.second)):
        bars = bar_rectangles(chart.total_bars[key])
        np.testing.assert_allclose([height for _, _, _, height in bars], value.total)
        # One bar a year, A's left of the year's tick and B's right of it.
        centres = [left + width / 2 for left, _, width, _ in bars]
        np.testing.assert_allclose(np.round(centres), np.arange(1, comparison.years + 1))
        assert all((centre < round(centre)) == (key == "A") for centre in centres)
    net = np.zeros(comparison.years)
    for patch in chart.part_bars:
        for left, bottom, width, height in bar_rectangles(patch):
            year = round(left + width / 2)
            assert 1 <= year <= comparison.years
            net[year - 1] += height if bottom >= 0 else -height
    # B minus A, written out from the two packages' totals.
    np.testing.assert_allclose(net, comparison.second.total - comparison.first.total, atol=1e-6)


def test_the_parts_stack_away_from_zero_without_overlapping():
    comparer = CompensationComparer()
    comparer.entries["B"]["signing_bonus"].value = "$9,000"
    comparer.entries["B"]["benefits"].value = "$1,000"   # B pays less for benefits: a part below zero
    spans = {}
    for patch in comparer.chart.part_bars:
        for left, bottom, width, height in bar_rectangles(patch):
            spans.setdefault(round(left + width / 2), []).append((bottom, bottom + height))
    for year, parts in spans.items():
        above = sorted(span for span in parts if span[0] >= 0)
        below = sorted((span for span in parts if span[0] < 0), reverse=True)
        assert not above or above[0][0] == 0
        assert not below or below[0][1] == pytest.approx(0)
        for lower, upper in zip(above, above[1:]):
            assert upper[0] == pytest.approx(lower[1]), year
        for upper, lower in zip(below, below[1:]):
            assert lower[1] == pytest.approx(upper[0]), year


def test_moving_the_years_shows_the_picture_a_fresh_comparer_draws():
    """The years' labels, the title and the money axes are kept for each number of years and pasted again: after
    each move the picture is the one a comparer made at that number of years draws (one kept for another number
    would show old labels)."""
    comparer = CompensationComparer(years=4)
    for years in (1, 2, 3, 4, 2, 1, 3, 10, 6, 1):
        comparer.years.value = years
        assert comparer.image.value == CompensationComparer(years=years).image.value, years


def test_a_kept_stamp_is_pasted_only_over_the_pixels_it_was_drawn_over():
    chart = CompensationComparer().chart
    chart.render()
    stamp = chart._title
    pixels = np.asarray(chart.canvas.buffer_rgba())
    rows, columns, _, kept = stamp._kept[chart.title.get_text()]
    pixels[rows, columns] = 128   # something else under the title now
    stamp.draw(chart)
    drawn_again = pixels[rows, columns].copy()
    assert not np.array_equal(drawn_again, kept) and (drawn_again == 128).any()
    pixels[rows, columns] = 128
    stamp.draw(chart)   # kept now for that grey: pasted
    assert np.array_equal(pixels[rows, columns], drawn_again)
