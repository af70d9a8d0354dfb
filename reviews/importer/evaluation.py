"""How well the parser reads the invented reviews in tests/data/import/: precision and recall of
stories, outlets, experts and citations, and headline boundaries. See docs/IMPORTING.md, "How
it is scored".
"""

from __future__ import annotations

import datetime
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reviews.importer.catalogue import Catalogue, key
from reviews.importer.parser import ReviewProposal, parse_review
from reviews.importer.sample_pages import page_of

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "tests" / "data" / "import"
METRICS = ("stories", "outlets", "experts", "citations")


class CasesError(ValueError):
    """The folder does not hold cases as tests/data/import/README.md describes them."""


@dataclass
class Case:
    name: str
    text: str
    expected: dict

    @property
    def today(self) -> datetime.date:
        return datetime.date.fromisoformat(self.expected["today"])


# The fields the evaluation reads, with their types; the others are optional.
CASE_FIELDS = {"today": str, "stories": list, "not_experts": list}
STORY_FIELDS = {"outlet": str, "headline": str, "new_outlet": bool, "citations": list}
CITATION_FIELDS = {"expert": str, "new_expert": bool}
CATALOGUE_FIELDS = {"outlets": list, "experts": list, "sections": list}


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CasesError(f"{path} is missing") from None
    except OSError as error:
        raise CasesError(f"cannot read {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise CasesError(f"{path} is not UTF-8 text") from None


def read_json(path: Path):
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise CasesError(f"{path} is not JSON ({error})") from None


def require(path: Path, record, fields: dict[str, type]) -> None:
    """CasesError unless `record` is a JSON object holding each of `fields` with its type."""
    if not isinstance(record, dict):
        record = {}
    wrong = [name for name, kind in fields.items() if not isinstance(record.get(name), kind)]
    if wrong:
        names = ", ".join(wrong)
        raise CasesError(
            f"{path}: {names} missing or of the wrong type (tests/data/import/README.md)"
        )


def load_catalogue(folder: Path = DEFAULT_FOLDER) -> Catalogue:
    if not folder.is_dir():
        raise CasesError(f"{folder} is not a folder")
    path = folder / "catalogue.json"
    data = read_json(path)
    require(path, data, CATALOGUE_FIELDS)
    for row in data["outlets"] + data["experts"]:
        require(path, row, {"name": str})
    return Catalogue.from_records(
        outlets=data["outlets"], experts=data["experts"], sections=data["sections"]
    )


def load_case(path: Path) -> Case:
    """The case of a `.txt` and its `.json`, or CasesError if either is unreadable or the
    `.json` lacks what the evaluation reads."""
    text = read_text(path)
    json_path = path.with_suffix(".json")
    expected = read_json(json_path)
    require(json_path, expected, CASE_FIELDS)
    for story in expected["stories"]:
        require(json_path, story, STORY_FIELDS)
        for citation in story["citations"]:
            require(json_path, citation, CITATION_FIELDS)
    try:
        datetime.date.fromisoformat(expected["today"])
    except ValueError:
        raise CasesError(f"{json_path}: today is not a date (YYYY-MM-DD)") from None
    return Case(path.stem, text, expected)


def load_cases(folder: Path = DEFAULT_FOLDER) -> list[Case]:
    return [load_case(path) for path in sorted(folder.glob("*.txt"))]


def headline_key(headline: str) -> str:
    return re.sub(r"[\s.]+$", "", " ".join(key(headline).split()))


def story_key(outlet: str, headline: str) -> tuple[str, str]:
    return key(outlet).removeprefix("the "), headline_key(headline)


def proposed_items(proposal: ReviewProposal) -> dict[str, Counter]:
    stories = [story_key(s.outlet.name, s.headline) for s in proposal.stories]
    return {
        "stories": Counter(stories),
        "outlets": Counter(
            {(k[0], s.outlet.is_new) for k, s in zip(stories, proposal.stories, strict=True)}
        ),
        "experts": Counter(
            {(key(c.name), c.is_new) for s in proposal.stories for c in s.citations}
        ),
        "citations": Counter(
            (k, key(c.name))
            for k, s in zip(stories, proposal.stories, strict=True)
            for c in s.citations
        ),
    }


def expected_items(expected: dict) -> dict[str, Counter]:
    stories = [story_key(s["outlet"], s["headline"]) for s in expected["stories"]]
    return {
        "stories": Counter(stories),
        "outlets": Counter(
            {(k[0], s["new_outlet"]) for k, s in zip(stories, expected["stories"], strict=True)}
        ),
        "experts": Counter(
            {
                (key(c["expert"]), c["new_expert"])
                for s in expected["stories"]
                for c in s["citations"]
            }
        ),
        "citations": Counter(
            (k, key(c["expert"]))
            for k, s in zip(stories, expected["stories"], strict=True)
            for c in s["citations"]
        ),
    }


@dataclass
class Score:
    right: int = 0
    proposed: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    def add(self, proposed: Counter, expected: Counter) -> None:
        self.right += sum((proposed & expected).values())
        self.proposed += sum(proposed.values())
        self.expected += sum(expected.values())


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0


def headlines_right(proposal: ReviewProposal, expected: dict) -> tuple[int, int]:
    """(right, expected): each expected story paired with the next proposed story of its
    outlet, right when the headlines are the same."""
    remaining = [(story_key(s.outlet.name, "")[0], s.headline) for s in proposal.stories]
    right = 0
    for wanted in expected["stories"]:
        outlet = story_key(wanted["outlet"], "")[0]
        match = next((item for item in remaining if item[0] == outlet), None)
        if match is None:
            continue
        remaining.remove(match)
        right += headline_key(match[1]) == headline_key(wanted["headline"])
    return right, len(expected["stories"])


@dataclass
class Evaluation:
    totals: dict[str, Score] = field(default_factory=lambda: {m: Score() for m in METRICS})
    per_case: dict[str, dict[str, Score]] = field(default_factory=dict)
    # Headline boundaries: "all" and each layout named in the cases.
    headlines: dict[str, Accuracy] = field(default_factory=lambda: {"all": Accuracy()})


def layout_of(expected: dict) -> str | None:
    """A case's layout: its `layout` ("outlet_headings" and "outlet-headings" alike), or
    "flattened" for a case marked `"flattened": true` (the frozen set's way of saying it)."""
    if layout := expected.get("layout"):
        return layout.replace("_", "-")
    return "flattened" if expected.get("flattened") else None


def evaluate(folder: Path = DEFAULT_FOLDER, *, page_style: str = "") -> Evaluation:
    """Score the parser on the folder's cases, each given as its text or, with `page_style`,
    as an invented web page of that style around it (`sample_pages.STYLES`)."""
    catalogue = load_catalogue(folder)
    evaluation = Evaluation()
    for case in load_cases(folder):
        text = page_of(case.text, page_style) if page_style else case.text
        proposal = parse_review(text, catalogue=catalogue, today=case.today)
        proposed, expected = proposed_items(proposal), expected_items(case.expected)
        scores = {}
        for metric in METRICS:
            scores[metric] = Score()
            scores[metric].add(proposed[metric], expected[metric])
            evaluation.totals[metric].add(proposed[metric], expected[metric])
        evaluation.per_case[case.name] = scores
        right, total = headlines_right(proposal, case.expected)
        for layout in ("all", layout_of(case.expected)):
            if layout:
                accuracy = evaluation.headlines.setdefault(layout, Accuracy())
                accuracy.right += right
                accuracy.total += total
    return evaluation


# What precision and recall do not show: mistakes an editor has to catch by hand.

SLIPS = (
    "newsmakers proposed as experts",
    "country or language guessed for a new outlet",
    "masked positions or organisations",
    "page references left in a body",
)


@dataclass
class Slips:
    """Headline boundaries where the text runs a headline into its body, and counted slips."""

    boundaries_right: int = 0
    boundaries_expected: int = 0
    counts: Counter = field(default_factory=Counter)
    most_newsmakers_in_a_review: int = 0

    @property
    def boundary_accuracy(self) -> float:
        return self.boundaries_right / self.boundaries_expected if self.boundaries_expected else 1.0


def runs_into_body(story: dict, text: str) -> bool:
    """True when the text gives nothing but a space between the headline and the body."""
    return "body_starts" in story and f"{story['headline']} {story['body_starts']}" in text


def count_slips(folder: Path = DEFAULT_FOLDER) -> Slips:
    """Parse every case of the folder and count boundaries found and slips made.

    A boundary is right when a proposed story has the expected outlet and headline and its
    body starts with the expected `body_starts`. Slips use the optional fields described in
    tests/data/import/frozen/README.md: `not_experts`, `outlet_country`/`outlet_language` and
    `body_excludes`.
    """
    catalogue = load_catalogue(folder)
    slips = Slips()
    for case in load_cases(folder):
        proposal = parse_review(case.text, catalogue=catalogue, today=case.today)
        stories = case.expected["stories"]
        found = [(story_key(s.outlet.name, s.headline), s.body) for s in proposal.stories]
        for wanted in (s for s in stories if runs_into_body(s, case.text)):
            slips.boundaries_expected += 1
            slips.boundaries_right += any(
                k == story_key(wanted["outlet"], wanted["headline"])
                and body.startswith(wanted["body_starts"])
                for k, body in found
            )
        cited = {key(c.name) for s in proposal.stories for c in s.citations}
        newsmakers = sum(key(name) in cited for name in case.expected["not_experts"])
        slips.counts[SLIPS[0]] += newsmakers
        slips.most_newsmakers_in_a_review = max(slips.most_newsmakers_in_a_review, newsmakers)
        silent = {key(s["outlet"]) for s in stories if s["new_outlet"] and "outlet_country" in s}
        slips.counts[SLIPS[1]] += sum(
            bool(s.outlet.country or s.outlet.language)
            for s in proposal.stories
            if s.outlet.outlet_id is None and key(s.outlet.name) in silent
        )
        slips.counts[SLIPS[2]] += sum(
            "~" in f"{c.position}{c.organisation}" for s in proposal.stories for c in s.citations
        )
        excluded = [text for s in stories for text in s.get("body_excludes", [])]
        slips.counts[SLIPS[3]] += sum(
            any(text in s.body for s in proposal.stories) for text in excluded
        )
    return slips
