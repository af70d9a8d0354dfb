"""The frozen evaluation set in tests/data/import/frozen/ says only what its texts hold.

These tests check the data, not the parser: every expected value must be readable in the text
it belongs to, so that a score against the set measures the parser and not a typing mistake.
"""

import json

import pytest

from tests.importer.cases import FOLDER

FROZEN = FOLDER / "frozen"
CATALOGUE = json.loads((FROZEN / "catalogue.json").read_text(encoding="utf-8"))
NAMES = [path.stem for path in sorted(FROZEN.glob("*.txt"))]


def load(name: str) -> tuple[str, dict]:
    text = (FROZEN / f"{name}.txt").read_text(encoding="utf-8")
    return text, json.loads((FROZEN / f"{name}.json").read_text(encoding="utf-8"))


def written_names(records: list[dict]) -> dict[str, list[str]]:
    return {record["name"]: [record["name"], *record["aliases"]] for record in records}


def test_the_frozen_set_holds_enough_cases_in_each_layout():
    """Issue 16: at least 13 cases, 5 of them flattened, and some with outlet headings."""
    cases = [load(name)[1] for name in NAMES]
    assert len(cases) >= 13
    assert sum(case.get("flattened", False) for case in cases) >= 5
    assert sum(case.get("layout") == "outlet_headings" for case in cases) >= 2
    assert sorted(path.stem for path in FROZEN.glob("*.json")) == sorted([*NAMES, "catalogue"])


@pytest.mark.parametrize("name", NAMES)
def test_every_expected_value_is_in_the_text(name):
    text, expected = load(name)
    folded = text.casefold()
    outlets = written_names(CATALOGUE["outlets"])
    experts = written_names(CATALOGUE["experts"])
    assert expected["title"] in text
    assert expected["lede_starts"] in text
    assert expected["disclaimer"] in text
    for clutter in expected["absent"]:
        assert clutter in text
    cited = set()
    for story in expected["stories"]:
        assert (story["outlet"] in outlets) != story["new_outlet"]
        assert story["outlet"].casefold() in folded
        assert story["headline"] in text
        assert story["body_starts"] in text
        if expected.get("flattened"):
            assert f"{story['headline']} {story['body_starts']}" in text
        if story.get("headline_from") == "first_sentence":
            assert story["body_starts"] in story["headline"]
            assert f"{story['headline']}." in text
        for excluded in story.get("body_excludes", []):
            assert excluded in text
        if "pages" in story:
            assert f"({story['pages']})" in story.get("body_excludes", [])
        for other in story.get("also_covered_by", []):
            assert other in outlets and other in text
        if story["new_outlet"]:
            assert story.get("outlet_country", "") == story.get("outlet_language", "") == ""
        for citation in story["citations"]:
            assert (citation["expert"] in experts) != citation["new_expert"]
            spellings = experts.get(citation["expert"], [citation["expert"]])
            assert any(spelling in text for spelling in spellings)
            for cited_as in ("position", "organisation", "quote_contains"):
                assert citation[cited_as].casefold() in folded
            cited.add(citation["expert"])
    for newsmaker in expected["not_experts"]:
        assert newsmaker in text and newsmaker not in cited
