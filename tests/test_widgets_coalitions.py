"""The coalition explorer without a browser: it starts on the lesson's website bid with the equal split, every
typed value and share gives the model's result (verdict, core, Shapley split and its table, figure), bad entries
get the model's sentence beside them and keep the last good figure, shares that do not add up are explained
beside the shares while the core follows the values, and the figure is one figure updated in place."""

import html

import pytest

from negwidgets.model import CoalitionGame, coalition_example, parse_money
from negwidgets.plots import CoalitionChart
from negwidgets.widgets import CoalitionExplorer

KEYS = ("A", "B", "C", "AB", "AC", "BC", "ABC")


def model_call(explorer):
    """The model called on the entries' text, read here rather than taken from the view."""
    game = CoalitionGame(**{key.lower(): parse_money(explorer.values[key].value) for key in KEYS},
                         names=explorer.game.names)
    return game.analyse([parse_money(explorer.shares[name].value) for name in game.names])


def type_into(entry, text):
    entry.value = text


def assert_shows(explorer, expected):
    assert explorer.result == expected
    assert explorer.result_text == expected.describe()
    summary = html.unescape(explorer.summary.value)
    if expected.split is not None:
        assert expected.split.describe() in summary
    assert expected.core.describe() in summary and expected.shapley.describe() in summary
    chart = CoalitionChart()
    assert explorer.caption_text == chart.update(expected) == explorer.image.caption
    assert explorer.chart.title.get_text() == chart.title.get_text()


def test_it_starts_on_the_website_bid_with_the_equal_split():
    explorer = CoalitionExplorer()
    game = coalition_example().game
    assert explorer.error_text == ""
    assert_shows(explorer, game.analyse(game.equal_split))
    assert [explorer.values[key].value for key in KEYS] == ["$20,000", "$30,000", "$10,000", "$65,000", "$40,000",
                                                            "$45,000", "$90,000"]
    assert [entry.value for entry in explorer.shares.values()] == ["$30,000"] * 3
    assert [explorer.values[key].description for key in KEYS] == [
        "Alone: Amara", "Alone: Bruno", "Alone: Chen", "Amara and Bruno together", "Amara and Chen together",
        "Bruno and Chen together", "All three together"]
    assert [entry.description for entry in explorer.shares.values()] == ["Amara's share", "Bruno's share",
                                                                        "Chen's share"]
    # The equal split is blocked by Amara and Bruno ($60,000 between them, $65,000 as a pair).
    assert explorer.result.split.describe().startswith("The split Amara $30,000, Bruno $30,000 and Chen $30,000 is not "
                                                       "in the core: Amara and Bruno, who get $60,000")
    assert explorer.chart.title.get_text() == "The Shapley split lies in the core: no one can do better alone"
    assert "the Shapley split (star) is inside it; the equal split (circle) is outside it, blocked by Amara and " \
           "Bruno" in explorer.caption_text


def test_the_shapley_table_shows_the_six_orders_and_their_average():
    explorer = CoalitionExplorer()
    table = explorer.shapley_table.value
    # By hand, in the order Amara, Bruno, Chen: Amara adds v(A) = $20,000, Bruno v(AB) - v(A) = $45,000, Chen
    # v(ABC) - v(AB) = $25,000; the average over the six orders is the Shapley split.
    assert ("Amara, then Bruno, then Chen</th><td style='padding:3px 8px;border-bottom:1px solid #ddd;"
            "text-align:right;white-space:nowrap'>$20,000</td>") in table
    assert table.count("<tr>") == 8   # the header, six orders and the average
    for amount in ("$32,500", "$40,000", "$17,500"):
        assert f"font-weight:bold'>{amount}</td>" in table
    assert "<th scope='col'" in table and "<caption" in table


def test_every_entry_follows_the_model_and_the_figure_is_updated_in_place():
    explorer = CoalitionExplorer()
    figure, image, ax = explorer.chart.figure, explorer.image, explorer.chart.ax
    lines = len(ax.lines)
    pictures = {image.value}
    moves = [(explorer.shares["Amara"], "$35,000"), (explorer.shares["Chen"], "25k"),   # shares: $35k, $30k, $25k
             (explorer.values["AB"], "70000"), (explorer.values["BC"], "$75k"), (explorer.values["BC"], "50,000"),
             (explorer.values["A"], "25k"), (explorer.shares["Chen"], "$15,000"), (explorer.shares["Bruno"], "40k")]
    for entry, text in moves:
        type_into(entry, text)
        if explorer.error_text:   # shares that do not add up for a moment: the core still follows the values
            assert explorer.result.split is None
        assert_shows(explorer, model_call(explorer) if not explorer.error_text else
                     model_call_without_split(explorer))
        pictures.add(image.value)
    assert explorer.error_text == ""
    assert explorer.result.split.shares == (35_000, 40_000, 15_000)
    assert len(pictures) == len(moves) + 1
    assert explorer.chart.figure is figure and explorer.image is image and figure.axes == [ax]
    assert len(ax.lines) == lines   # nothing drawn twice


def model_call_without_split(explorer):
    game = CoalitionGame(**{key.lower(): parse_money(explorer.values[key].value) for key in KEYS},
                         names=explorer.game.names)
    return game.analyse(None)


def test_an_empty_core_is_said_in_the_title_and_the_text():
    explorer = CoalitionExplorer(coalition_example("portal").game, split=[30_000, 40_000, 20_000])
    assert explorer.error_text == ""
    assert explorer.result.core.empty
    assert explorer.chart.title.get_text() == "No split satisfies every pair: the core is empty"
    assert not explorer.chart.core.get_visible()
    assert "Here no split is: the core is empty." in html.unescape(explorer.summary.value)
    assert explorer.result.split.describe().endswith("No split can satisfy them all here: the core is empty.")
    # One value back below the pairs' limit: the core reappears, and the title follows.
    type_into(explorer.values["AB"], "55000")   # the pairs now add up to $175,000, less than twice $90,000
    assert not explorer.result.core.empty and not explorer.result.core.single_point
    assert explorer.chart.core.get_visible()


@pytest.mark.parametrize("key, text, sentence", [
    ("C", "ten thousand", "I could not read 'ten thousand' as what Chen can secure alone: type a number such as "
                          "70000, $70,000 or 70k."),
    ("AB", "-5000", "What Amara and Bruno can make together is $0 or more (doing nothing makes $0), not -$5,000."),
    ("ABC", "", "What all three can make together is empty: type a number such as 70000."),
    ("BC", "nan", "What Bruno and Chen can make together is not a number (NaN): type a number such as 70000."),
])
def test_a_bad_value_gets_its_sentence_beside_it_and_the_last_good_result_stays(key, text, sentence):
    explorer = CoalitionExplorer()
    before, picture = explorer.result, explorer.image.value
    type_into(explorer.values[key], text)
    assert explorer.error_text == sentence
    assert explorer.result is before and explorer.image.value == picture
    beside = html.unescape(explorer.value_notes[key].value)
    assert sentence in beside and "role='alert'" in beside
    assert "The result below is for the last numbers that worked." in beside
    others = [note.value for k, note in explorer.value_notes.items() if k != key]
    assert others == [""] * 6 and explorer.error.value == "" and explorer.split_note.value == ""
    # Put right, the sentence goes.
    type_into(explorer.values[key], {"C": "10000", "AB": "65k", "ABC": "$90,000", "BC": "45000"}[key])
    assert explorer.error_text == "" and explorer.value_notes[key].value == ""
    assert explorer.result == before


def test_shares_that_do_not_add_up_are_explained_beside_the_shares_while_the_core_follows():
    explorer = CoalitionExplorer()
    type_into(explorer.values["ABC"], "100000")
    assert explorer.error_text == ("The shares add up to $90,000, but all three together make $100,000: a split "
                                   "shares out exactly $100,000, so add $10,000.")
    assert explorer.error_text in html.unescape(explorer.split_note.value)
    assert "last numbers that worked" not in explorer.split_note.value   # the result shown is for these values
    assert explorer.result.game.total == 100_000 and explorer.result.split is None
    assert not explorer.chart.split_marker.get_visible()
    assert explorer.caption_text.endswith("your split is not marked until its shares add up.")
    type_into(explorer.shares["Amara"], "$40,000")
    assert explorer.error_text == "" and explorer.split_note.value == ""
    assert explorer.chart.split_marker.get_visible()


def test_a_bad_share_gets_its_sentence_beside_that_share():
    explorer = CoalitionExplorer()
    type_into(explorer.shares["Bruno"], "thirty")
    assert explorer.error_text == ("I could not read 'thirty' as Bruno's share: type a number such as 70000, $70,000 "
                                   "or 70k.")
    assert explorer.error_text in html.unescape(explorer.share_notes["Bruno"].value)
    type_into(explorer.shares["Bruno"], "-30000")
    assert explorer.error_text == ("Bruno's share is $0 or more: nobody joins a deal to pay into it, and -$30,000 is "
                                   "below $0.")


def test_a_game_that_is_not_superadditive_is_shown_and_said():
    explorer = CoalitionExplorer()
    type_into(explorer.values["AB"], "40000")   # less than Amara's $20,000 and Bruno's $30,000 apart
    assert explorer.error_text == ""
    assert not explorer.result.game.is_superadditive
    assert ("Note: This game is not superadditive (a group can make less than its parts): Amara and Bruno can make "
            "$40,000 together, less than the $50,000 that Amara and Bruno make apart.") in \
        html.unescape(explorer.summary.value).replace("<i>Note:</i>", "Note:")


def test_a_game_and_a_split_can_be_given():
    game = CoalitionGame(ab=100, ac=100, abc=100, names=("Left glove", "Right glove 1", "Right glove 2"))
    explorer = CoalitionExplorer(game, split={"Left glove": 100, "Right glove 1": 0, "Right glove 2": 0})
    assert explorer.result.split.in_core and explorer.result.core.single_point
    assert explorer.values["AB"].description == "Left glove and Right glove 1 together"
    assert explorer.chart.core_line.get_visible() and not explorer.chart.core.get_visible()
    assert explorer.chart.title.get_text() == ("The Shapley split lies outside the core: Left glove and Right glove 1 "
                                               "would block it")
    # A split that does not fit the game is shown as given, with the model's sentence beside it.
    explorer = CoalitionExplorer(game, split=[50, 50, 50])
    assert [entry.value for entry in explorer.shares.values()] == ["50", "50", "50"]
    assert explorer.error_text.startswith("The shares add up to $150, but all three together make $100")
    with pytest.raises(ValueError, match="CoalitionGame"):
        CoalitionExplorer({"ABC": 90_000})


def test_every_control_has_a_description():
    explorer = CoalitionExplorer()
    for entry in (*explorer.values.values(), *explorer.shares.values()):
        assert entry.description and entry.description.count("$") < 2
