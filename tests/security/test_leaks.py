"""Nothing unpublished leaks: not a word of it on any public URL.

For each hidden state (draft, in review, withdrawn, scheduled for tomorrow) a review is
built with a unique word in its title, lede, story headline and body, and with a section, an outlet,
an expert and a tag that only it uses. It shares one more story's outlet, expert and tag
with a published review, so that counts and subject pages are exercised too.
"""

import datetime

import pytest
from django.urls import reverse

from reviews.publishing import workflow
from reviews.site.sitemaps import sitemaps
from tests.support.factories import StoryFactory
from tests.support.leaks import HIDDEN_STATES, build_hidden, secret_phrases

pytestmark = pytest.mark.django_db


def public_urls(review, citation, secret):
    day = review.review_date
    outlet, expert = citation.story.outlet, citation.expert
    return [
        reverse("reviews:home"),
        reverse("reviews:review-list"),
        reverse("reviews:review-list") + f"?q={secret}",
        reverse("reviews:review-list") + "?tag=harbours",
        reverse("reviews:story-list"),
        reverse("reviews:story-list") + f"?q={secret}",
        reverse("reviews:story-list") + "?outlet=public-gazette",
        reverse("reviews:review-year", args=[day.year]),
        reverse("reviews:review-month", args=[day.year, day.month]),
        reverse("reviews:review-day", args=[day.year, day.month, day.day]),
        reverse("reviews:outlet-list"),
        reverse("reviews:expert-list"),
        reverse("reviews:tag-list"),
        reverse("reviews:outlet-detail", args=["public-gazette"]),
        reverse("reviews:expert-detail", args=["public-expert"]),
        reverse("reviews:tag-detail", args=["harbours"]),
        reverse("reviews:search") + f"?q={secret}",
        reverse("reviews:review-feed-rss"),
        reverse("reviews:review-feed-atom"),
        reverse("reviews:outlet-feed", args=["public-gazette"]),
        reverse("reviews:expert-feed", args=["public-expert"]),
        reverse("reviews:tag-feed", args=["harbours"]),
        reverse("sitemap"),
        *(reverse("sitemap-section", args=[section]) for section in sitemaps),
        reverse("robots"),
    ], [
        review.get_absolute_url(),
        outlet.get_absolute_url(),
        expert.get_absolute_url(),
        reverse("reviews:tag-detail", args=[f"{secret}-tag"]),
        reverse("reviews:outlet-feed", args=[outlet.slug]),
        reverse("reviews:expert-feed", args=[expert.slug]),
        reverse("reviews:tag-feed", args=[f"{secret}-tag"]),
    ]


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_unpublished_review_leaks_nowhere(client, public, state):
    """A hidden review's words, outlet, expert and tag appear on no public URL."""
    _, public_citation = public
    secret, review, citation = build_hidden(state, public_citation)
    visible_urls, hidden_urls = public_urls(review, citation, secret)

    for url in visible_urls:
        response = client.get(url)
        assert response.status_code in (200, 400), url
        page = response.content.decode().lower()
        for phrase in secret_phrases(secret):
            assert phrase not in page, (url, phrase)
    for url in hidden_urls:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_counts_on_public_pages_ignore_unpublished_stories(client, public, state):
    _, public_citation = public
    build_hidden(state, public_citation)
    outlets = client.get(reverse("reviews:outlet-list")).text
    assert "1 story" in outlets and "2 stories" not in outlets
    experts = client.get(reverse("reviews:expert-list")).text
    assert "quoted 1 time" in experts
    tags = client.get(reverse("reviews:tag-list")).text
    assert "harbours" in tags and "1 story" in tags


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_filtering_by_a_hidden_subject_is_as_unknown_as_a_missing_one(client, public, state):
    _, public_citation = public
    secret, _, _ = build_hidden(state, public_citation)
    for parameter, value in [
        ("outlet", f"{secret}-gazette"),
        ("expert", f"{secret}-expert"),
        ("tag", f"{secret}-tag"),
        ("section", f"{secret}-desk"),
    ]:
        for list_name in ["reviews:review-list", "reviews:story-list"]:
            hidden = client.get(reverse(list_name), {parameter: value})
            missing = client.get(reverse(list_name), {parameter: "no-such-thing"})
            assert hidden.status_code == missing.status_code == 400, (list_name, parameter)
            for name in ["gazette", "expert", "desk"]:
                assert f"{secret} {name}" not in hidden.text.lower()


def test_a_withdrawn_neighbour_leaves_every_review_page_at_once(client, editor):
    """Its card was kept (fragments outlive generations) while it was related, previous and
    next: once withdrawn it is none of them on any page."""
    titles = {1: "Older ferries", 2: "Zqneighbour ferries", 3: "Newer ferries"}
    older, hidden, newer = (
        StoryFactory(
            review__review_date=datetime.date(2026, 3, day), review__title=title, tags=["ferries"]
        ).review
        for day, title in titles.items()
    )
    pages = [older.get_absolute_url(), newer.get_absolute_url()]
    for path in pages:
        assert "Zqneighbour" in client.get(path).text
    workflow.review_withdraw(review=hidden, by=editor)
    for path in pages:
        page = client.get(path).text
        assert "Zqneighbour" not in page
        assert hidden.get_absolute_url() not in page
    assert f'rel="next" href="{newer.get_absolute_url()}"' in client.get(pages[0]).text


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_search_with_any_operator_finds_only_the_published(client, public, state):
    """Phrases, `or` and `-word` reach no hidden review, on the search page, the lists and
    the API, whichever database's full-text search answers."""
    public_review, public_citation = public
    secret, hidden, _ = build_hidden(state, public_citation)
    searches = {
        secret: 0,
        f'"{secret} headline"': 0,
        f"{secret} or calm": 1,
        f"calm -{secret}": 1,
        f"harbour -calm or {secret}": 0,
        f'"{secret} shared" or "harbour calm"': 1,
    }
    for q, public_matches in searches.items():
        response = client.get(reverse("reviews:search"), {"q": q})
        assert [story.review for story in response.context["stories"]] == [
            public_review
        ] * public_matches, q
        assert {review.pk for review in response.context["reviews"]} <= {public_review.pk}, q
        assert hidden.get_absolute_url() not in response.text, q
        for list_name in ["reviews:review-list", "reviews:story-list"]:
            listed = client.get(reverse(list_name), {"q": q})
            assert hidden.get_absolute_url() not in listed.text, (list_name, q)
        for endpoint in ["reviews", "stories"]:
            answer = client.get(f"/api/v1/{endpoint}", {"q": q}).json()
            assert hidden.get_absolute_url() not in str(answer), (endpoint, q)
            assert len(answer["results"]) == public_matches, (endpoint, q)
