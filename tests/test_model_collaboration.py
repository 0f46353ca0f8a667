"""The terms of a collaboration (lesson 16): the CRediT roles under their official names, every bad input refused
with a sentence naming its part of the form, the gaps that appear and disappear for the right reasons, a summary
that states exactly what the terms say (and any valid terms' summary names every partner and every row), the
example's story, and the terms kept in the plan file (old plan files still load, damaged ones are left alone)."""

import dataclasses
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negwidgets.model import NegotiationPlan, PlanFileError, load_plan, plan_markdown, save_plan
from negwidgets.model.collaboration import (CREDIT_ROLES, FIELDS, ICMJE_CRITERIA, MAX_AFFILIATION, MAX_CONTRIBUTIONS,
                                            MAX_NAME, MAX_PARTNERS, MAX_PROJECT, MAX_TERM, MAX_WHAT, MAX_WHEN,
                                            CollaborationError, CollaborationTerms, Contribution, Partner,
                                            agreement_gaps, collaboration_terms, credit_role, example_collaboration,
                                            load_collaboration, terms_summary)

# Written out here from NISO's list (credit.niso.org; ANSI/NISO Z39.104-2022), not read from the package.
OFFICIAL_ROLES = ["Conceptualization", "Data curation", "Formal analysis", "Funding acquisition", "Investigation",
                  "Methodology", "Project administration", "Resources", "Software", "Supervision", "Validation",
                  "Visualization", "Writing \u2013 original draft", "Writing \u2013 review & editing"]
WRITING = {"Writing \u2013 original draft", "Writing \u2013 review & editing"}
TERM_FIELDS = ("data_owner", "data_after", "decisions", "revisit", "leaving")


def two(**changes):
    """Two partners and one row each, everything else as given."""
    values = dict(project="Tree survey", partners=("Joon-ho Park", "Rosa Nwosu"),
                  contributions=(("Joon-ho Park", "Runs the survey"), ("Rosa Nwosu", "Analyses the images")))
    values.update(changes)
    return collaboration_terms(values.pop("project"), values.pop("partners"), values.pop("contributions"), **values)


def keys(terms):
    return [gap.key for gap in agreement_gaps(terms)]


def assert_a_sentence(text: str) -> None:
    assert text[:1].isupper() and text.rstrip().endswith((".", ")")), text
    assert "Traceback" not in text and "<" not in text and "object at" not in text, text


# -- the roles -------------------------------------------------------------------------------------------------

def test_the_fourteen_credit_roles_keep_their_official_names_and_order():
    assert list(CREDIT_ROLES) == OFFICIAL_ROLES and len(set(CREDIT_ROLES)) == 14
    assert len(ICMJE_CRITERIA) == 4
    assert "final approval" in ICMJE_CRITERIA[2] and "accountable" in ICMJE_CRITERIA[3]


@pytest.mark.parametrize("typed, official", [
    ("conceptualisation", "Conceptualization"), ("VISUALIZATION", "Visualization"),
    ("Writing - original draft", "Writing \u2013 original draft"),
    ("writing: review and editing", "Writing \u2013 review & editing"),
    ("  data   curation ", "Data curation"),
])
def test_a_role_is_read_the_way_people_type_it(typed, official):
    assert credit_role(typed) == official


def test_roles_are_kept_in_credits_order_whatever_order_they_are_given():
    terms = two(credit_roles={"Rosa": ["Writing - review & editing", "Software", "formal analysis", "Software"]})
    assert terms.roles_of("Rosa Nwosu") == ("Formal analysis", "Software", "Writing \u2013 review & editing")
    assert terms.roles_of("Joon-ho Park") == ()
    assert [name for name, _ in terms.credit_roles] == ["Joon-ho Park", "Rosa Nwosu"]


# -- validation ------------------------------------------------------------------------------------------------

LONG = "x" * 400
BAD = [
    (dict(project="   "), "project", "Give the project a name"),
    (dict(project="p" * (MAX_PROJECT + 1)), "project", f"keep it under {MAX_PROJECT}"),
    (dict(partners=("Joon-ho Park",), contributions=()), "partners", "at least 2 partners"),
    (dict(partners=tuple(f"Partner {c}" for c in "ABCDEFG"), contributions=()), "partners",
     f"You listed 7 partners; this builder takes up to {MAX_PARTNERS}"),
    (dict(partners=("Joon-ho Park", "joon-ho  park")), "partners", "names Joon-ho Park twice"),
    (dict(partners=("Joon-ho Park", "  ")), "partners", "A partner needs a name"),
    (dict(partners=("Joon-ho Park", "n" * (MAX_NAME + 1))), "partners", f"keep it under {MAX_NAME}"),
    (dict(partners=("Joon-ho Park", ("Rosa Nwosu", "a" * (MAX_AFFILIATION + 1)))), "partners", "where Rosa Nwosu works"),
    (dict(contributions=(("Lucía", "Reviews the drafts"),)), "contributions",
     "'Reviews the drafts' is given to 'Lucía', who is not among the partners (Joon-ho Park and Rosa Nwosu)"),
    (dict(contributions=(("Joon-ho Park", "  "),)), "contributions", "Row 1 of who does what: write what is done"),
    (dict(contributions=(("Joon-ho Park", "w" * (MAX_WHAT + 1)),)), "contributions", f"keep it under {MAX_WHAT}"),
    (dict(contributions=(("Joon-ho Park", "Runs it", "w" * (MAX_WHEN + 1)),)), "contributions", "by when for 'Runs it'"),
    (dict(contributions=(("Joon-ho Park", "Runs it", "", "gift"),)), "contributions", "a task or a resource"),
    (dict(contributions=[("", f"Task {n}") for n in range(MAX_CONTRIBUTIONS + 1)]), "contributions",
     f"keep it to {MAX_CONTRIBUTIONS}"),
    (dict(first_author="Lucía"), "authorship", "The first author, 'Lucía', is not among the partners"),
    (dict(corresponding_author="Kofi"), "authorship", "The corresponding author, 'Kofi'"),
    (dict(first_author="Rosa", last_author="rosa nwosu"), "authorship",
     "cannot be the same partner (Rosa Nwosu)"),
    (dict(credit_roles={"Rosa": ["Coding"]}), "authorship", "The role 'Coding' is not one of the 14 CRediT roles"),
    (dict(credit_roles={"Kofi": ["Software"]}), "authorship", "Contributor roles are given for 'Kofi'"),
    (dict(credit_roles=[("Rosa", ["Software"]), ("Rosa Nwosu", ["Methodology"])]), "authorship",
     "roles of Rosa Nwosu are given twice"),
    (dict(credit_roles={"Rosa": "Software"}), "authorship", "a list of CRediT roles"),
    (dict(icmje="yes"), "authorship", "yes or no"),
    (dict(order_rule=LONG), "authorship", f"keep it under {MAX_TERM}"),
    (dict(data_after=LONG), "data", "who may use the data after the project is 400 characters long"),
    (dict(code_licence=5), "data", "must be text"),
    (dict(revisit=LONG), "process", "when you revisit the terms is 400 characters"),
    (dict(leaving=["x"]), "process", "must be text"),
]


@pytest.mark.parametrize("changes, field, words", BAD)
def test_bad_input_is_refused_with_a_sentence_naming_its_part(changes, field, words):
    with pytest.raises(CollaborationError) as error:
        two(**changes)
    assert error.value.field == field and field in FIELDS
    assert words.lower() in str(error.value).lower(), str(error.value)
    assert_a_sentence(str(error.value))
    assert isinstance(error.value, ValueError)


def test_the_limits_themselves_are_allowed():
    terms = two(partners=tuple(f"Partner {c}" for c in "ABCDEF"),
                contributions=[("Partner A", "w" * MAX_WHAT, "t" * MAX_WHEN)] + [("", f"Task {n}") for n in range(19)],
                project="p" * MAX_PROJECT, data_after="d" * MAX_TERM)
    assert len(terms.partners) == MAX_PARTNERS and len(terms.contributions) == MAX_CONTRIBUTIONS


def test_names_are_matched_by_full_name_in_any_case_or_a_first_name_only_one_partner_has():
    terms = two(partners=("Joon-ho Park", "Rosa Nwosu", "Rosa Diallo"),
                contributions=(("JOON-HO", "Runs the survey"), ("rosa diallo", "Books the van")),
                first_author="joon-ho park", corresponding_author="Joon-ho")
    assert [c.partner for c in terms.contributions] == ["Joon-ho Park", "Rosa Diallo"]
    assert terms.first_author == terms.corresponding_author == "Joon-ho Park"
    with pytest.raises(CollaborationError, match="'Rosa', who is not among the partners"):
        two(partners=("Joon-ho Park", "Rosa Nwosu", "Rosa Diallo"), contributions=(("Rosa", "Analyses"),))


def test_text_is_tidied_but_never_changed_in_meaning():
    terms = two(partners=("  Joon-ho   Park ", ("Rosa N.", " Harbourside  Labs Inc. ")),
                contributions=(("Joon-ho Park", " Runs the survey. ", " by 31 August "),),
                revisit="At the first draft.", first_author="rosa n.")
    # A name's full stop is its own (an initial, "Inc."); a sentence's is the summary's to write.
    assert terms.partners == (Partner("Joon-ho Park"), Partner("Rosa N.", "Harbourside Labs Inc."))
    assert terms.first_author == "Rosa N."
    assert terms.contributions == (Contribution("Joon-ho Park", "Runs the survey", "by 31 August"),)
    assert terms.revisit == "At the first draft"


# -- the gaps --------------------------------------------------------------------------------------------------

def test_the_example_leaves_nothing_unsaid_and_each_blank_brings_back_its_own_gap():
    example = example_collaboration()
    assert agreement_gaps(example) == () and example.gaps == ()
    for name, key in zip(TERM_FIELDS, ("no_data_owner", "no_data_after", "no_decisions", "no_revisit", "no_leaving")):
        blanked = dataclasses.replace(example, **{name: ""})
        assert keys(blanked) == [key], name
    # The code's licence is optional: a project may have no code.
    assert keys(dataclasses.replace(example, code_licence="")) == []


def test_the_author_order_gap_needs_all_three_of_first_last_and_rule_empty():
    example = example_collaboration()
    assert keys(dataclasses.replace(example, first_author="", last_author="")) == []   # the rule still stands
    assert keys(dataclasses.replace(example, first_author="", order_rule="")) == []    # the last author stands
    none = dataclasses.replace(example, first_author="", last_author="", order_rule="")
    assert keys(none) == ["no_author_order"]
    assert "author order is not agreed" in agreement_gaps(none)[0].text


def test_a_row_nobody_is_named_for_and_a_partner_with_nothing_to_do_are_named():
    terms = two(contributions=(("Joon-ho Park", "Runs the survey"), ("", "Books the van"),
                               ("", "Lab time on the thermal rig", "", "resource")),
                credit_roles={"Joon-ho": ["Investigation", "Writing - original draft"],
                              "Rosa": ["Software", "Writing - review & editing"]},
                first_author="Joon-ho", **{name: "Agreed" for name in TERM_FIELDS})
    gaps = agreement_gaps(terms)
    assert [(g.key, g.partner) for g in gaps] == [("unassigned", ""), ("unassigned", ""),
                                                  ("no_contribution", "Rosa Nwosu")]
    assert "'Books the van'" in gaps[0].text and "does it" in gaps[0].text
    assert "'Lab time on the thermal rig'" in gaps[1].text and "brings it" in gaps[1].text
    assert "Rosa Nwosu" in gaps[2].text and all(g.field == "contributions" for g in gaps)
    # Rosa takes the van: both of those gaps go, the other row stays unassigned.
    fixed = dataclasses.replace(terms, contributions=(terms.contributions[0],
                                                      Contribution("Rosa Nwosu", "Books the van"),
                                                      terms.contributions[2]))
    assert keys(fixed) == ["unassigned"]


def test_roles_gaps_follow_the_writing_roles():
    base = two(first_author="Joon-ho", **{name: "Agreed" for name in TERM_FIELDS},
               credit_roles={"Joon-ho": ["Investigation", "Writing - original draft"], "Rosa": ["Software"]})
    gaps = agreement_gaps(base)
    assert [(g.key, g.partner) for g in gaps] == [("no_writing_role", "Rosa Nwosu")]
    assert "ICMJE" in gaps[0].text and "acknowledgements" in gaps[0].text
    for writing in WRITING:
        assert keys(dataclasses.replace(base, credit_roles={"Joon-ho": ["Investigation"], "Rosa": ["Software", writing]}
                                        )) == ["no_writing_role"]   # now Joon-ho lacks one, Rosa has one
    both = dataclasses.replace(base, credit_roles={"Joon-ho": ["Writing - original draft"],
                                                   "Rosa": ["Software", "Writing - review & editing"]})
    assert keys(both) == []
    assert keys(dataclasses.replace(base, credit_roles={"Joon-ho": ["Writing - original draft"]})) == ["no_roles"]


def test_gaps_are_advice_in_sentences():
    bare = two(contributions=(("", "Books the van"),))
    gaps = agreement_gaps(bare)
    assert len({g.key for g in gaps}) >= 8
    for gap in gaps:
        assert_a_sentence(gap.text) and gap.field in FIELDS
        assert str(gap) == gap.text
        assert not re.search(r"\b(you failed|you forgot|your fault|mistake)\b", gap.text, re.IGNORECASE)
    # a row nobody is named for, two partners with nothing to do, no author order, two without roles, five terms
    assert len(gaps) == 1 + 2 + 1 + 2 + 5
    assert f"{1 + 2 + 1 + 2 + 5} things commonly left unsaid are missing" in bare.describe()


# -- the summary ------------------------------------------------------------------------------------------------

def test_the_summary_states_exactly_the_terms():
    example = example_collaboration()
    summary = terms_summary(example)
    lines = summary.splitlines()
    assert lines[0] == f"Subject: What we agreed for {example.project}"
    assert lines[-1] == "Please reply if anything is different from your understanding."
    for partner in example.partners:
        assert f"{partner.name} ({partner.affiliation})" in summary
    for row in example.contributions:   # one line each, with its partner, its words and its date
        matches = [line for line in lines if line.startswith("- ") and row.what in line]
        assert len(matches) == 1 and row.partner in matches[0] and row.when in matches[0]
        assert ("brings" in matches[0]) == row.is_resource
    for name in ("first_author", "last_author", "corresponding_author", "order_rule", *TERM_FIELDS, "code_licence"):
        assert getattr(example, name) in summary, name
    for name, roles in example.credit_roles:
        assert f"- {name}'s roles (CRediT): {', '.join(roles)}" in lines
    assert all(criterion in summary for criterion in ICMJE_CRITERIA)
    assert "not agreed yet" not in summary


def test_the_summary_says_not_agreed_where_the_terms_say_nothing_and_adds_nothing():
    summary = terms_summary(two())
    assert summary.count("not agreed yet") == 6   # the author order and the five written terms
    for absent in ("ICMJE", "CRediT", "Licence of the code", "Corresponding author", " brings:", "Not assigned"):
        assert absent not in summary
    # True whoever of the partners sends it: it speaks for "we" (and to "your understanding"), never as one of them.
    words = re.findall(r"[A-Za-z']+", summary)
    assert not {"I", "I'm", "I've", "my", "me", "mine"} & set(words) and "we" in words
    assert summary.count("Joon-ho Park") == 2 and summary.count("Rosa Nwosu") == 2   # partners, and their row


def test_the_summary_follows_every_change_of_the_terms():
    before = two(revisit="At the first draft")
    after = dataclasses.replace(before, revisit="When the field season ends")
    assert "At the first draft" in terms_summary(before) and "At the first draft" not in terms_summary(after)
    assert "When the field season ends" in terms_summary(after)
    icmje = dataclasses.replace(before, icmje=True)
    assert "ICMJE" in terms_summary(icmje) and "acknowledgements" in terms_summary(icmje)


names = st.lists(st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z][a-z]{1,10})?", fullmatch=True), min_size=2,
                 max_size=MAX_PARTNERS, unique_by=str.casefold)
words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40)
phrases = words.filter(lambda text: " ".join(text.split()).rstrip(".").strip() != "")


@st.composite
def valid_terms(draw):
    partners = draw(names)
    rows = draw(st.lists(st.tuples(st.sampled_from(["", *partners]), phrases, words,
                                   st.sampled_from(["task", "resource"])), max_size=8))
    roles = {name: draw(st.lists(st.sampled_from(CREDIT_ROLES), max_size=4)) for name in partners}
    order = draw(st.permutations(partners))
    return collaboration_terms(draw(phrases), partners, rows, first_author=draw(st.sampled_from(["", order[0]])),
                               last_author=draw(st.sampled_from(["", order[1]])), credit_roles=roles,
                               icmje=draw(st.booleans()), order_rule=draw(words), data_owner=draw(words),
                               data_after=draw(words), code_licence=draw(words), decisions=draw(words),
                               revisit=draw(words), leaving=draw(words))


@settings(max_examples=150, deadline=None)
@given(terms=valid_terms())
def test_any_valid_terms_give_a_summary_naming_every_partner_and_every_row(terms):
    summary = terms_summary(terms)
    lines = summary.splitlines()
    for partner in terms.partners:
        assert partner.name in summary
    for row in terms.contributions:
        assert any(line.startswith("- ") and row.what in line and row.partner in line and row.when in line
                   for line in lines), row
    assert lines[-1] == "Please reply if anything is different from your understanding."
    # The terms survive the plan file's form, and their gaps are sentences.
    assert CollaborationTerms.from_dict(json.loads(json.dumps(terms.as_dict()))) == terms
    for gap in agreement_gaps(terms):   # sentences, whatever the learner's words quoted in them
        assert gap.text[:1].isupper() and gap.text.endswith("."), gap.text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10 ** 6, 10 ** 6) | st.floats() | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=10)


@settings(max_examples=300, deadline=None)
@given(data=json_values | st.builds(lambda d, k, v: {**d, k: v}, st.just(example_collaboration().as_dict()),
                                    st.sampled_from(["project", "partners", "contributions", "authorship", "data",
                                                     "process"]), json_values))
def test_any_saved_form_gives_terms_or_a_sentence(data):
    try:
        terms = CollaborationTerms.from_dict(data)
    except CollaborationError as error:   # any other exception fails the test
        assert error.field in FIELDS
        assert str(error).strip()
        return
    assert terms_summary(terms).startswith("Subject:")


# -- the example -------------------------------------------------------------------------------------------------

def test_the_example_is_a_coherent_collaboration_with_a_free_software_licence():
    example = example_collaboration()
    names = [p.name for p in example.partners]
    assert 2 <= len(names) <= 3 and "Ana" not in " ".join(names)
    assert len({name.split()[0] for name in names}) == len(names)
    licence = [row for row in example.resources if "licence" in row.what.lower()]
    assert len(licence) == 1 and "free through" in licence[0].what and "University" in licence[0].what
    bringer = next(p for p in example.partners if p.name == licence[0].partner)
    assert "University" in bringer.affiliation
    assert all(example.contributions_of(name) for name in names)
    assert example.first_author in names and example.last_author in names and example.icmje
    assert all(WRITING & set(roles) for _, roles in example.credit_roles)
    assert "Resources" in example.roles_of(licence[0].partner)


# -- the plan file ---------------------------------------------------------------------------------------------

def test_the_terms_are_kept_in_the_plan_file_beside_the_plan(tmp_path):
    path = tmp_path / "plan.json"
    assert load_collaboration(path) is None
    plan = NegotiationPlan(title="My salary", reservation=70_000, collaboration=example_collaboration())
    save_plan(plan, path)
    assert load_plan(path) == plan and load_collaboration(path) == example_collaboration()
    page = plan_markdown(plan)
    assert f"## Collaboration agreement: {example_collaboration().project}" in page
    assert "Joon-ho Park's roles (CRediT)" in page


def test_a_plan_file_from_before_the_collaboration_section_still_loads(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"format": "negwidgets-plan", "version": 1, "saved": "2025-01-01T00:00:00+00:00",
                                "plan": {"title": "My salary", "reservation": 70000}}))
    plan = load_plan(path)
    assert plan.collaboration is None and plan.title == "My salary"
    assert load_collaboration(path) is None


def test_damaged_terms_in_a_plan_file_are_reported_and_the_file_left_alone(tmp_path):
    path = tmp_path / "plan.json"
    data = example_collaboration().as_dict()
    data["contributions"][0]["partner"] = "Somebody else"
    content = json.dumps({"format": "negwidgets-plan", "version": 1, "plan": {"collaboration": data}})
    path.write_text(content)
    with pytest.raises(PlanFileError) as error:
        load_collaboration(path)
    assert "'Somebody else', who is not among the partners" in str(error.value)
    assert "I left it as it is" in str(error.value)
    with pytest.raises(PlanFileError, match="I did not save over it"):
        save_plan(NegotiationPlan(), path)
    assert path.read_text() == content
