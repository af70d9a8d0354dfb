"""The filter panel's "Outlets" and "Tags" open and close as disclosure widgets (<details>),
which browsers announce as expandable and let the keyboard toggle."""

import re

import pytest
from django.urls import reverse

from tests.support.factories import OutletFactory, StoryFactory

pytestmark = pytest.mark.django_db

STORIES = reverse("reviews:story-list")


def toggles(page: str) -> list[str]:
    return re.findall(r"<details[^>]*>\s*<summary>.*?</summary>", page, re.DOTALL)


@pytest.fixture
def choices():
    StoryFactory(outlet=OutletFactory(name="Courier", slug="courier"), tags=["ports", "labour"])


def test_the_outlet_and_tag_lists_are_closed_toggles_at_first(client, choices):
    outlets, tags = toggles(client.get(STORIES).text)

    closed = '<details class="field" >'
    assert outlets.startswith(closed) and "<summary>Outlets</summary>" in outlets
    assert tags.startswith(closed) and "<summary>Tags</summary>" in tags


def test_a_toggle_with_choices_made_is_open_and_says_how_many(client, choices):
    outlets, tags = toggles(client.get(STORIES, {"tag": ["ports", "labour"]}).text)

    assert " open>" not in outlets and "chosen" not in outlets
    assert tags.startswith('<details class="field" open>')
    assert '<span class="filters__chosen">2 chosen</span>' in tags


def test_the_toggles_show_an_indicator_instead_of_no_marker_at_all(client):
    """The stylesheet once set `display: block` on summaries, which hid the marker."""
    from django.contrib.staticfiles import finders

    with open(finders.find("css/site.css"), encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    assert ".filters summary::after" in css
    assert ".filters details[open] > summary::after" in css
