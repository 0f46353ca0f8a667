"""The collaboration agreement builder without a browser: the example shown as the model gives it, edits by
control (partners, rows, roles, terms), errors beside the part of the form they are about (the last good summary
kept, nothing typed changed), the download, and Save to my plan (atomic, beside the rest of the plan, and never over
a damaged plan file)."""

import base64
import html
import json
import re

import ipywidgets as widgets
import pytest

from negwidgets.model import NegotiationPlan, load_plan, save_plan
from negwidgets.model.collaboration import (CREDIT_ROLES, FIELDS, MAX_PARTNERS, agreement_gaps,
                                            collaboration_terms, example_collaboration, terms_summary)
from negwidgets.model.plan_file import backup_path
from negwidgets.widgets import CollaborationAgreementBuilder, PlanBuilder
from negwidgets.widgets.controls import Checklist


def shown(html_text: str) -> str:
    """An HTML widget's text as a reader sees it (tags dropped, entities read, spaces tidied)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", html_text)).split())


def alerts(builder) -> dict[str, str]:
    return {name: box.value for name, box in builder.errors.items() if box.value}


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def roles_of(builder, name: str) -> Checklist:
    return next(c for c in builder.roles.children if c.description == f"{name}'s contributor roles")


@pytest.fixture
def builder(tmp_path):
    return CollaborationAgreementBuilder(path=tmp_path / "plan.json")


def test_it_starts_on_the_example_and_shows_what_the_model_gives(builder):
    example = example_collaboration()
    assert builder.result == example and builder.error_text == "" and alerts(builder) == {}
    assert builder.result_text == example.describe() and builder.gaps == ()
    assert builder.summary_text == terms_summary(example)
    assert html.escape(terms_summary(example)) in builder.summary.value
    assert "Every part that collaborations commonly leave unsaid has an answer" in shown(builder.gap_list.value)
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", builder.download.value).group(1)
    assert base64.b64decode(data).decode("utf-8") == terms_summary(example)
    assert "download='collaboration_terms.txt'" in builder.download.value
    # The form holds the example's words.
    assert [row.name.value for row in builder.partners.rows] == [p.name for p in example.partners]
    assert [row.what.value for row in builder.contributions.rows] == [c.what for c in example.contributions]
    assert [row.resource.value for row in builder.contributions.rows] == [c.is_resource for c in example.contributions]
    for name, roles in example.credit_roles:
        assert roles_of(builder, name).value == roles


def test_every_control_has_a_label(builder):
    unlabelled = [type(w).__name__ for w in walk(builder)
                  if isinstance(w, (widgets.Text, widgets.Textarea, widgets.Checkbox, widgets.Button, Checklist))
                  and not w.description.strip()]
    assert unlabelled == []
    labels = [row.fields[key].description for row in builder.contributions.rows[:2] for key in row.fields]
    assert labels == ["Who 1", "Does or brings 1", "By when 1", "A resource they bring 1",
                      "Who 2", "Does or brings 2", "By when 2", "A resource they bring 2"]
    assert all(list(c.options) == list(CREDIT_ROLES) for c in builder.roles.children)


def test_every_change_updates_the_gaps_and_the_summary(builder):
    builder.revisit.value = ""
    assert [g.key for g in builder.gaps] == ["no_revisit"]
    assert "There is no date to revisit these terms" in shown(builder.gap_list.value)
    assert "- When we revisit these terms: not agreed yet" in builder.summary_text
    builder.revisit.value = "When the cameras go back, in September"
    assert builder.gaps == () and "- When we revisit these terms: When the cameras go back, in September" in builder.summary_text
    builder.project.value = "Shade and surface heat"
    assert builder.summary_text.startswith("Subject: What we agreed for Shade and surface heat")
    builder.icmje.value = False
    assert "ICMJE" not in builder.summary_text


def test_roles_are_ticked_per_partner_and_follow_a_renamed_partner(builder):
    lucia = roles_of(builder, "Lucía Ferreira")
    lucia.value = tuple(r for r in lucia.value if not r.startswith("Writing"))
    assert [(g.key, g.partner) for g in builder.gaps] == [("no_writing_role", "Lucía Ferreira")]
    lucia.value = (*lucia.value, "Validation", "Writing \u2013 review & editing")
    assert builder.gaps == () and "Validation" in builder.result.roles_of("Lucía Ferreira")
    # Renamed, she keeps her roles; her rows must name her new way (the sentence says so, by the rows' words).
    builder.partners.rows[2].name.value = "Lucía Ferreira-Gómez"
    assert lucia.description == "Lucía Ferreira-Gómez's contributor roles"
    assert builder.error_field == "contributions" and "'Lucía Ferreira', who is not among the partners" in builder.error_text
    for row in builder.contributions.rows:
        if row.partner.value == "Lucía Ferreira":
            row.partner.value = "Lucía"   # her first name: only one partner has it
    builder.last_author.value = "Lucía"
    assert builder.error_text == "" and "Validation" in builder.result.roles_of("Lucía Ferreira-Gómez")


def test_a_new_partner_brings_their_roles_and_their_gaps(builder):
    builder.partners.add_button.click()
    assert builder.error_text == "" and len(builder.roles.children) == 4   # an empty row waits
    assert builder.roles.children[3].description == "Partner 4's contributor roles"
    builder.partners.rows[3].name.value = "Kofi Mensah"
    assert [(g.key, g.partner) for g in builder.gaps] == [("no_contribution", "Kofi Mensah"), ("no_roles", "Kofi Mensah")]
    builder.contributions.add_button.click()
    row = builder.contributions.rows[-1]
    row.what.value = "Lends the drone for aerial photos"
    assert [g.key for g in builder.gaps] == ["unassigned", "no_contribution", "no_roles"]
    row.partner.value = "Kofi"
    row.resource.value = True
    roles_of(builder, "Kofi Mensah").value = ("Resources", "Writing \u2013 review & editing")
    assert builder.gaps == ()
    assert "- Kofi Mensah brings: Lends the drone for aerial photos" in builder.summary_text
    while not builder.partners.add_button.disabled:
        builder.partners.add_button.click()
    assert len(builder.partners.rows) == MAX_PARTNERS


def test_bad_input_is_explained_beside_its_part_and_the_last_summary_kept(builder):
    good, summary = builder.result, builder.summary.value
    row = builder.contributions.rows[1]
    row.partner.value = "Joonho"
    assert builder.error_field == "contributions" and list(alerts(builder)) == ["contributions"]
    assert "'Joonho', who is not among the partners (Joon-ho Park, Rosa Nwosu and Lucía Ferreira)" in builder.error_text
    assert "role='alert'" in builder.errors["contributions"].value
    assert builder.result is good and builder.summary.value == summary and "last input that worked" in builder.stale.value
    assert row.partner.value == "Joonho"   # nothing typed is changed
    row.partner.value = "Joon-ho"
    assert builder.error_text == "" and alerts(builder) == {} and builder.stale.value == "" and builder.result == good

    first_what = builder.contributions.rows[0].what
    cases = [
        (builder.partners.rows[1].name, "joon-ho park", "partners", "names Joon-ho Park twice"),
        (builder.project, " ", "project", "Give the project a name"),
        (builder.first_author, "Kofi", "authorship", "The first author, 'Kofi'"),
        (builder.data_after, "x" * 301, "data", "keep it under 300"),
        (builder.leaving, "y" * 301, "process", "keep it under 300"),
        (first_what, "", "contributions", "Row 1 of who does what: write what is done or brought"),
    ]
    for control, bad, field, words in cases:
        typed = control.value
        control.value = bad
        assert builder.error_field == field and words in builder.error_text, (field, builder.error_text)
        assert list(alerts(builder)) == [field] and builder.summary.value == summary and builder.result == good
        assert control.value == bad
        control.value = typed
        assert builder.error_text == "" and builder.result == good


def test_an_empty_row_waits_and_a_row_with_only_a_date_is_explained(builder):
    builder.contributions.add_button.click()
    assert builder.error_text == "" and len(builder.result.contributions) == 7
    builder.contributions.rows[-1].when.value = "by May"
    assert builder.error_field == "contributions" and builder.error_text.startswith("Row 8 of who does what")
    builder.contributions.remove_row(builder.contributions.rows[-1])
    assert builder.error_text == "" and builder.result == example_collaboration()


def test_a_given_set_of_terms_starts_the_form(tmp_path):
    terms = collaboration_terms("Soil cores", [("Mei Lin", "Field station"), "Tomás Ruiz"],
                                [("Mei", "Takes the cores"), ("", "Pays for the lab analyses", "", "resource")])
    builder = CollaborationAgreementBuilder(terms, path=tmp_path / "plan.json")
    assert builder.result == terms and builder.gaps == agreement_gaps(terms)
    assert builder.contributions.rows[0].partner.value == "Mei Lin" and builder.contributions.rows[1].resource.value
    assert builder.first_author.value == "" and all(c.value == () for c in builder.roles.children)


def test_save_to_my_plan_keeps_the_terms_beside_the_rest_of_the_plan(builder, tmp_path):
    path = tmp_path / "plan.json"
    builder.project.value = ""
    builder.plan_saver.save()
    assert "Fix the input above first" in builder.plan_saver.status_text and not path.exists()
    builder.project.value = "Shade and surface heat"
    before = NegotiationPlan(title="My postdoc salary", reservation=61_000)
    save_plan(before, path)
    builder.plan_saver.save()
    assert builder.plan_saver.status_text.startswith(
        "Saved to plan.json: your collaboration agreement (lesson 16): Shade and surface heat")
    plan = load_plan(path)
    assert plan.collaboration == builder.result and plan.title == "My postdoc salary" and plan.reservation == 61_000
    assert plan.calculator_notes == (("Collaboration agreement builder", builder.result.describe()),)
    # Atomic: the previous plan kept as the backup, no temporary file left behind.
    assert load_plan(backup_path(path)) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".plan.json.lock", "plan.json", "plan.json.bak"]
    # A new builder on that plan file starts from the saved terms.
    again = CollaborationAgreementBuilder(path=path)
    assert again.result == builder.result and again.project.value == "Shade and surface heat"


def test_a_damaged_plan_file_is_reported_and_never_saved_over(tmp_path):
    path = tmp_path / "plan.json"
    content = '{"format": "negwidgets-plan", "version": 1, "plan": {"title": "My salary",'
    path.write_text(content)
    builder = CollaborationAgreementBuilder(path=path)
    assert builder.result == example_collaboration()   # the example, and the file's problem said
    assert "damaged" in builder.plan_saver.status_text and "I left it as it is" in builder.plan_saver.status_text
    builder.plan_saver.save()
    assert "damaged" in builder.plan_saver.status_text and "I left it as it is" in builder.plan_saver.status_text
    assert "role='alert'" in builder.plan_saver.status.value
    assert path.read_text() == content and not backup_path(path).exists()


def test_the_plan_builder_keeps_the_terms_when_it_saves_the_plan(tmp_path):
    path = tmp_path / "plan.json"
    save_plan(NegotiationPlan(title="My salary", collaboration=example_collaboration()), path)
    plan_builder = PlanBuilder(path=path)
    plan_builder.fields["counterpart"].value = "Sam Lee"
    plan_builder.save()
    saved = load_plan(path)
    assert saved.counterpart == "Sam Lee" and saved.collaboration == example_collaboration()
    assert json.loads(path.read_text())["plan"]["collaboration"]["project"] == example_collaboration().project


def test_the_errors_have_a_place_for_every_part_of_the_form(builder):
    assert set(builder.errors) == set(FIELDS)
    children = list(walk(builder))
    assert all(box in children for box in builder.errors.values())
