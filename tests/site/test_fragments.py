"""The story blocks and review cards a list repeats are kept in the cache by their content
(`{% include_each %}`): a change to anything they show shows at once, kept or not."""

import pytest
from django.template import Template, TemplateSyntaxError
from django.urls import reverse
from taggit.models import Tag

from reviews.models import Expert, Outlet, Section
from reviews.pagecache import fragments
from tests.support.factories import CitationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def citation():
    citation = CitationFactory(
        expert__name="Marta Quintela", story__headline="Cranes idle at the container quay"
    )
    citation.story.tags.set(["quayside"])
    return citation


def rename(model, pk, name):
    item = model.objects.get(pk=pk)
    item.name = name
    item.save()
    return name


def edit_headline(citation):
    story = citation.story
    story.headline = "Cranes back at work on the quay"
    story.save()
    return story.headline


CHANGES = {
    "a tag renamed": lambda c: rename(Tag, c.story.tags.get().pk, "waterfront"),
    "an expert renamed": lambda c: rename(Expert, c.expert_id, "Marta Quintela Reis"),
    "an outlet renamed": lambda c: rename(Outlet, c.story.outlet_id, "The Evening Ledger"),
    "a headline edited": edit_headline,
}
PAGES = {
    "story list": lambda c: reverse("reviews:story-list"),
    "review page": lambda c: c.story.review.get_absolute_url(),
    "outlet page": lambda c: c.story.outlet.get_absolute_url(),
}


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("page", PAGES)
def test_a_kept_story_block_shows_what_changed_at_once(client, citation, page, change):
    path = PAGES[page](citation)
    assert client.get(path).status_code == 200
    shown = CHANGES[change](citation)
    assert shown in client.get(path).text


def test_a_kept_review_card_follows_its_section_and_address(client, citation):
    review = citation.story.review
    assert review.title in client.get(reverse("reviews:review-list")).text
    rename(Section, review.section_id, "Harbour affairs")
    review.slug = "cranes-back-at-work"
    review.save()
    page = client.get(reverse("reviews:review-list")).text
    assert "Harbour affairs" in page
    assert review.get_absolute_url() in page


def test_the_same_card_keeps_each_page_s_heading_level(client, citation):
    """The home page's cards are h3 and the review list's h2: each kept on its own."""
    CitationFactory(story__review__title="Press review: A second day on the quay")
    home = client.get(reverse("reviews:home")).text
    listed = client.get(reverse("reviews:review-list")).text
    assert '<h3 class="card__title">' in home
    assert '<h2 class="card__title">' in listed


def test_an_unchanged_story_block_is_rendered_once(client, citation, monkeypatch):
    """Kept across generations: an edit elsewhere does not render it again."""
    rendered = []
    render = fragments.get_template("includes/_story_item.html").template.render
    monkeypatch.setattr(
        fragments.get_template("includes/_story_item.html").template,
        "render",
        lambda context: rendered.append(1) or render(context),
    )
    client.get(reverse("reviews:story-list"))
    CitationFactory(story__headline="Ferry timetable cut for the winter")
    page = client.get(reverse("reviews:story-list")).text
    assert "Ferry timetable cut" in page
    assert "Cranes idle at the container quay" in page
    assert len(rendered) == 2


def test_pages_render_when_the_cache_fails(client, citation, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("the cache is down")

    monkeypatch.setattr(fragments.cache, "get_many", broken)
    monkeypatch.setattr(fragments.cache, "set_many", broken)
    response = client.get(reverse("reviews:story-list"))
    assert response.status_code == 200
    assert "Cranes idle at the container quay" in response.text


def test_an_include_whose_parts_are_not_listed_is_refused():
    """Its key would not change with what it shows."""
    with pytest.raises(TemplateSyntaxError, match="not listed"):
        Template(
            '{% load reviews_extras %}{% include_each "includes/_pagination.html" for x in y %}'
        )
