"""Comments are the newsroom's own: not a word of them on any public surface, ever.

The leak matrix's world (tests/security/test_leak_matrix.py), both of its reviews published,
gets comments on each review and on their stories (threads, replies, a resolved thread, a
mention), each carrying a marker word. Every surface of the matrix (pages, filters, search,
feeds, sitemap, JSON-LD, the API), the share-link preview of a draft with comments, a search
for the marker itself and the same pages seen by a signed-in editor must show the marker
nowhere: 0 leaks.
"""

import pytest
from django.test import Client
from django.urls import reverse

from reviews.models import Review
from reviews.newsroom import comments
from reviews.publishing.sharing import ensure_preview_key, make_share_token
from tests.security.test_leak_matrix import (  # noqa: F401 (fixtures: unlimited_api, world)
    SURFACES,
    unlimited_api,
    visible_text,
    world,
)
from tests.support.factories import ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

MARKER = "zqcommentmarker"
# A search for the marker echoes it: there, the words around it are what must not show.
PHRASES = [f"{MARKER} on the review", f"{MARKER} replied", f"{MARKER} on the story"]


def comment_on(review: Review, by) -> None:
    """A thread on the review, one on its first story with a reply, one resolved."""
    story = review.stories.order_by("position").first()
    on_review = comments.comment_post(review=review, by=by, body=f"{MARKER} on the review")
    comments.comment_reply(review=review, parent=on_review, by=by, body=f"{MARKER} replied @edna")
    on_story = comments.comment_post(
        review=review, story=story, by=by, body=f"{MARKER} on the story <b>bold</b>"
    )
    comments.comment_resolve(comment=on_story, by=by)


def leaks(client: Client, urls: list[str]) -> list[str]:
    """The addresses whose answer contains a comment, in its markup or its text."""
    found = []
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        text = visible_text(response.content.decode())
        shown = PHRASES if MARKER in url else [MARKER]
        if any(phrase in text for phrase in shown):
            found.append(url)
    return found


def every_public_url(site) -> list[str]:
    urls = []
    for surface in SURFACES.values():
        urls += surface.urls(site) + surface.gone(site)
    hidden_story = site.hidden.stories.order_by("position").first()
    urls += [
        reverse("reviews:search") + f"?q={MARKER}",
        reverse("reviews:review-list") + f"?q={MARKER}",
        reverse("reviews:story-list") + f"?q={MARKER}",
        reverse("api-v1:reviews") + f"?q={MARKER}",
        reverse("api-v1:stories") + f"?q={MARKER}",
        reverse("api-v1:review-detail", args=[site.hidden.pk]),
        reverse("api-v1:story-detail", args=[hidden_story.pk]),
        reverse("api-v1:openapi-json"),
    ]
    return list(dict.fromkeys(urls))


@pytest.fixture
def commented(world, editor):  # noqa: F811
    comment_on(world.hidden, editor)
    comment_on(world.public, editor)
    return world


def test_comments_leak_to_no_public_surface(client, commented):
    """Both reviews are public and commented on; no public address shows a comment."""
    urls = every_public_url(commented)
    assert client.get(commented.hidden_url).status_code == 200, "control: the page is public"

    assert leaks(client, urls) == []


def test_comments_stay_out_of_public_pages_seen_by_signed_in_staff(client, commented, editor):
    """Staff bypass the page cache and see the site as it is rendered fresh: still none."""
    client.force_login(editor)
    site = [url for url in every_public_url(commented) if not url.startswith("/api/")]
    back_office = reverse("admin:reviews_review_change", args=[commented.hidden.pk])
    assert leaks(client, [back_office]) == [back_office], "control: the back office shows them"

    assert leaks(client, site) == []


def test_comments_stay_out_of_the_share_link_preview(client, editor):
    """The preview a share link opens shows the draft, never what the newsroom says of it."""
    draft = ReviewFactory(draft=True, title="Press review: Ferry fares under review")
    StoryFactory(review=draft, position=1, headline="Ferry fares rise in spring")
    comment_on(draft, editor)
    ensure_preview_key(draft)
    preview = reverse("reviews:review-share-preview", args=[make_share_token(draft)])

    response = client.get(preview)

    assert response.status_code == 200
    assert "Ferry fares rise in spring" in response.text, "control: the preview shows the draft"
    assert leaks(client, [preview]) == []
