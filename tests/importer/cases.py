"""The invented reviews in tests/data/import/ and the records they expect to find."""

import datetime
import json
from pathlib import Path

from reviews.names import slug_for_name
from tests.support.factories import ExpertFactory, OutletFactory, SectionFactory

FOLDER = Path(__file__).resolve().parents[1] / "data" / "import"


def text_of(name: str) -> str:
    return (FOLDER / f"{name}.txt").read_text(encoding="utf-8")


def expected_of(name: str) -> dict:
    return json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))


def case_names() -> list[str]:
    return [path.stem for path in sorted(FOLDER.glob("*.txt"))]


def assert_reads_as_expected(proposal, expected: dict) -> None:
    """Title, dateline, lede, stories, outlets, citations and disclaimer as `expected` (a
    case's .json) has them; newsmakers and page clutter nowhere."""
    assert proposal.title == expected["title"]
    assert proposal.dateline_city == expected["dateline_city"]
    assert proposal.review_date.isoformat() == expected["review_date"]
    assert proposal.section_name == (expected["section"] or "")
    assert proposal.lede.startswith(expected["lede_starts"])
    assert proposal.disclaimer == expected["disclaimer"]
    assert len(proposal.stories) == len(expected["stories"])
    for story, wanted in zip(proposal.stories, expected["stories"], strict=True):
        assert story.outlet.name == wanted["outlet"]
        assert story.outlet.is_new == wanted["new_outlet"]
        assert story.headline == wanted["headline"]
        assert story.body.startswith(wanted.get("body_starts", ""))
        assert story.body
        cited = [(c.name, c.is_new, c.position, c.organisation) for c in story.citations]
        assert cited == [
            (c["expert"], c["new_expert"], c["position"], c["organisation"])
            for c in wanted["citations"]
        ]
        for citation, wanted_citation in zip(story.citations, wanted["citations"], strict=True):
            if wanted_citation["quote_contains"]:
                assert wanted_citation["quote_contains"] in citation.quote
            else:
                assert citation.quote == ""
        if story.outlet.is_new:  # nothing in the text says where a new outlet is from
            assert (story.outlet.country, story.outlet.language) == ("", "")
    quoted = {c.name for story in proposal.stories for c in story.citations}
    for newsmaker in expected["not_experts"]:
        assert newsmaker not in quoted
        assert newsmaker in proposal.mentioned_people
    for not_a_person in expected.get("not_people", []):
        assert not_a_person not in quoted
        assert not_a_person not in proposal.mentioned_people
    everything = " ".join(
        [proposal.title, proposal.lede, proposal.disclaimer]
        + [f"{s.headline} {s.body}" for s in proposal.stories]
    )
    for clutter in expected["absent"]:
        assert clutter not in everything


def create_catalogue() -> None:
    """Create the sections, outlets and experts of catalogue.json in the database."""
    data = json.loads((FOLDER / "catalogue.json").read_text(encoding="utf-8"))
    for name in data["sections"]:
        SectionFactory(name=name, slug=slug_for_name(name, fallback="section"))
    for outlet in data["outlets"]:
        OutletFactory(
            name=outlet["name"],
            slug=slug_for_name(outlet["name"], fallback="outlet"),
            aliases="\n".join(outlet["aliases"]),
            country=outlet["country"],
            language=outlet["language"],
        )
    for expert in data["experts"]:
        ExpertFactory(
            name=expert["name"],
            slug=slug_for_name(expert["name"], fallback="expert"),
            aliases="\n".join(expert["aliases"]),
            position=expert["position"],
            organisation=expert["organisation"],
        )


def form_data(forms) -> dict:
    """The POST data of the proposal page as shown, for the test to change and submit."""
    data = {}
    formsets = [forms.stories, *forms.citations]
    for form in [forms.review, *(f.management_form for f in formsets)] + [
        form for formset in formsets for form in formset.forms
    ]:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            if isinstance(value, datetime.date):
                value = value.isoformat()
            data[field.html_name] = value
    return data
