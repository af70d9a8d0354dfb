"""An edition's state is its own: the Russian draft of a published English review shows on
no surface (the English page's switcher and hreflang, the lists, search, feeds, sitemap, the
API), until it is published itself, and not again once withdrawn, page cache and all."""

import re

import pytest

from reviews.models import Review
from reviews.publishing import workflow
from reviews.publishing.editions import edition_create
from tests.support.factories import ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

SECRET = "zqxedition"
# Phrases of the Russian edition's own text: a search for the secret word echoes the word.
PHRASES = [f"{SECRET} title", f"{SECRET} lede", f"{SECRET} headline", f"{SECRET} body"]


def surfaces(english: Review) -> list[str]:
    return [
        english.get_absolute_url(),
        "/",
        "/reviews/",
        "/stories/",
        f"/search/?q={SECRET}",
        "/feeds/reviews/rss/",
        "/ru/",
        "/ru/reviews/",
        "/ru/stories/",
        f"/ru/search/?q={SECRET}",
        "/ru/feeds/reviews/rss/",
        "/sitemap-reviews.xml",
        "/sitemap-reviews-ru.xml",
        "/api/v1/reviews",
        "/api/v1/stories",
    ]


def shown(client, english: Review, russian: Review) -> list[str]:
    """The surfaces that show anything of the Russian edition: its words or its address."""
    address = f"{russian.review_date:%Y/%m/%d}/{russian.slug}"
    found = []
    for url in surfaces(english):
        response = client.get(url)
        assert response.status_code == 200, url
        # Highlighting marks the word apart from the next: the phrases are read untagged.
        raw = response.content.decode()
        text = re.sub(r"<[^>]+>", "", raw)
        if any(phrase in text for phrase in PHRASES) or address in raw:
            found.append(url)
    return found


def test_a_russian_draft_never_shows_beside_its_published_english_edition(client, editor):
    english = ReviewFactory(title="Press review: Ferries resume", slug="ferries-resume")
    StoryFactory(review=english, position=1, headline="Ferries resume")
    draft = edition_create(source=english, language="ru", by=editor)
    Review.objects.filter(pk=draft.pk).update(
        title=f"Обзор прессы: {SECRET} title", lede=f"Паромы: {SECRET} lede."
    )
    draft.stories.update(headline=f"{SECRET} headline", body=f"Текст, {SECRET} body.")
    english = Review.objects.get(pk=english.pk)
    russian = Review.objects.get(pk=draft.pk)

    assert shown(client, english, russian) == []
    assert client.get(russian.get_absolute_url()).status_code == 404

    # The control: published, it shows where a Russian review shows (and pages stored
    # before are stale).
    workflow.review_publish(review=russian, by=editor)
    assert set(shown(client, english, russian)) >= {
        english.get_absolute_url(),
        "/ru/",
        "/ru/reviews/",
        f"/ru/search/?q={SECRET}",
        "/ru/feeds/reviews/rss/",
        "/sitemap-reviews.xml",
        "/sitemap-reviews-ru.xml",
    }

    workflow.review_withdraw(review=Review.objects.get(pk=russian.pk), by=editor)
    assert shown(client, english, russian) == []
