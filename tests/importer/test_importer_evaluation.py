"""The importer's evaluation: any folder of cases, headline boundaries and slips counted."""

import io
import json
from types import SimpleNamespace

from django.core.management import call_command

from reviews.importer import evaluation
from reviews.importer.evaluation import SLIPS, count_slips
from tests.importer.cases import FOLDER

FROZEN = FOLDER / "frozen"

TEXT = (
    "Press review: Ports LISBON, March 3 /Pressreview/. The papers lead with ports. "
    "Gazeta Norte: Ports reopen after the strike The ports reopened on Monday, the paper "
    "writes. Minister Rui Lopes said at a news conference that all was well. "
    "The Weekly Tide: Fishermen go back to sea Fishermen sailed at dawn, the weekly writes. (p. 2)"
)
EXPECTED = {
    "today": "2026-03-04",
    "not_experts": ["Rui Lopes"],
    "stories": [
        {
            "outlet": "Gazeta Norte",
            "new_outlet": False,
            "headline": "Ports reopen after the strike",
            "body_starts": "The ports reopened on Monday",
            "citations": [],
        },
        {
            "outlet": "The Weekly Tide",
            "new_outlet": True,
            "outlet_country": "",
            "outlet_language": "",
            "headline": "Fishermen go back to sea",
            "body_starts": "Fishermen sailed at dawn",
            "body_excludes": ["(p. 2)"],
            "citations": [],
        },
    ],
}


def story(outlet, headline, body, *, known=True, country="", citations=()):
    return SimpleNamespace(
        outlet=SimpleNamespace(
            name=outlet, outlet_id=1 if known else None, country=country, language=""
        ),
        headline=headline,
        body=body,
        citations=list(citations),
    )


def citation(name, position):
    return SimpleNamespace(name=name, position=position, organisation="")


def write_case(folder):
    (folder / "catalogue.json").write_text(
        json.dumps({"sections": [], "outlets": [], "experts": []}), encoding="utf-8"
    )
    (folder / "01_case.txt").write_text(TEXT, encoding="utf-8")
    (folder / "01_case.json").write_text(json.dumps(EXPECTED), encoding="utf-8")


def test_slips_count_what_the_editor_would_have_to_fix(tmp_path, monkeypatch):
    """One boundary right, one run into the body; a newsmaker cited, a guessed country,
    a masked position and a page reference left in a body are each counted once."""
    write_case(tmp_path)
    proposal = SimpleNamespace(
        stories=[
            story(
                "Gazeta Norte",
                "Ports reopen after the strike",
                "The ports reopened on Monday, the paper writes.",
                citations=[citation("Rui Lopes", "~~~~ minister")],
            ),
            story(
                "The Weekly Tide",
                "Fishermen go back to sea Fishermen sailed at dawn,",
                "the weekly writes. (p. 2)",
                known=False,
                country="Portugal",
            ),
        ]
    )
    monkeypatch.setattr(evaluation, "parse_review", lambda *args, **kwargs: proposal)

    slips = count_slips(tmp_path)

    assert (slips.boundaries_right, slips.boundaries_expected) == (1, 2)
    assert slips.boundary_accuracy == 0.5
    assert dict(slips.counts) == dict.fromkeys(SLIPS, 1)
    assert slips.most_newsmakers_in_a_review == 1


def test_a_clean_proposal_has_every_boundary_right_and_no_slip(tmp_path, monkeypatch):
    write_case(tmp_path)
    proposal = SimpleNamespace(
        stories=[
            story("Gazeta Norte", "Ports reopen after the strike", "The ports reopened on Monday."),
            story(
                "The Weekly Tide",
                "Fishermen go back to sea",
                "Fishermen sailed at dawn, the weekly writes.",
                known=False,
            ),
        ]
    )
    monkeypatch.setattr(evaluation, "parse_review", lambda *args, **kwargs: proposal)

    slips = count_slips(tmp_path)

    assert slips.boundary_accuracy == 1.0
    assert sum(slips.counts.values()) == 0


def test_evaluate_importer_scores_the_folder_it_is_given():
    """The frozen half is scored on its own, with its own catalogue, boundaries included."""
    out = io.StringIO()
    call_command("evaluate_importer", "--folder", str(FROZEN), stdout=out)
    printed = out.getvalue()
    flattened_stories = sum(
        len(json.loads(path.read_text(encoding="utf-8"))["stories"])
        for path in FROZEN.glob("[0-9]*.json")
        if json.loads(path.read_text(encoding="utf-8")).get("flattened")
    )
    assert f"{len(list(FROZEN.glob('*.txt')))} reviews in {FROZEN}" in printed
    assert "headline boundaries" in printed
    assert f"/{flattened_stories}\n" in printed
    for slip in SLIPS:
        assert slip in printed
