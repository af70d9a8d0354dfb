"""Invented demo content for Pressreview, read once from the JSON files in `DATA_FOLDER`.

All of it is fiction. Story paragraphs hold ``{expert0}``, ``{expert1}`` for the story's
experts; lede templates hold ``{outlets}`` and ``{topics}``. The folder's README.md explains
these conventions. Pure data, no Django imports.
"""

import json
from pathlib import Path

DATA_FOLDER = Path(__file__).resolve().parent / "json"


def _load(name: str):
    with (DATA_FOLDER / name).open(encoding="utf-8") as file:
        return json.load(file)


SECTIONS: list[dict[str, str]] = _load("sections.json")
OUTLETS: list[dict[str, str]] = _load("outlets.json")
EXPERTS: list[dict[str, str]] = _load("experts.json")
STORIES: list[dict] = _load("stories.json")
# The stories' tags in other languages: {tag: {"ru": {"name": …}}} (reviews.translations).
TAG_TRANSLATIONS: dict[str, dict] = _load("tags.json")

_datelines_and_ledes = _load("datelines_and_ledes.json")
REVIEW_CITIES: list[str] = _datelines_and_ledes["review_cities"]
REVIEW_CITIES_IN_RUSSIAN: dict[str, str] = _datelines_and_ledes["review_cities_in_russian"]
LEDE_TEMPLATES: list[str] = _datelines_and_ledes["lede_templates"]
