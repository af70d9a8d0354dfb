"""Nothing unpublished leaks: not a word of it on any public URL.

For each hidden state (draft, in review, withdrawn, scheduled for tomorrow) a review is
built with a unique word in its title, lede, story headline and body, and with a section, an outlet,
an expert and a tag that only it uses. It shares one more story's outlet, expert and tag
with a published review, so that counts and subject pages are exercised too.
"""

import pytest
from django.urls import reverse

from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

HIDDEN_STATES = {
    "draft": {"draft": True},
    "inreview": {"in_review": True},
    "withdrawn": {"withdrawn": True},
    "scheduled": {"scheduled": True},
}


@pytest.fixture
def public():
    review = ReviewFactory(title="Press review: Harbour calm returns")
    citation = CitationFactory(
        story__review=review,
        story__headline="Harbour calm returns",
        story__tags=["harbours"],
        expert__name="Public Expert",
        expert__slug="public-expert",
        story__outlet__name="Public Gazette",
        story__outlet__slug="public-gazette",
    )
    return review, citation


def build_hidden(state, public_citation):
    secret = f"zq{state}secret"
    review = ReviewFactory(
        title=f"Press review: {secret} title",
        slug=f"{secret}-review",
        lede=f"The {secret} lede.",
        section__name=f"{secret} Desk",
        section__slug=f"{secret}-desk",
        **HIDDEN_STATES[state],
    )
    citation = CitationFactory(
        story__review=review,
        story__position=1,
        story__headline=f"{secret} headline",
        story__body=f"The {secret} body.",
        story__outlet__name=f"{secret} Gazette",
        story__outlet__slug=f"{secret}-gazette",
        story__tags=[f"{secret}-tag"],
        expert__name=f"{secret} Expert",
        expert__slug=f"{secret}-expert",
        quote=f"A {secret} quote.",
    )
    # A second hidden story by the public outlet, quoting the public expert, public tag.
    shared = StoryFactory(
        review=review,
        position=2,
        outlet=public_citation.story.outlet,
        headline=f"{secret} shared headline",
        tags=["harbours"],
    )
    CitationFactory(story=shared, expert=public_citation.expert, quote=f"{secret} said.")
    return secret, review, citation


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

    # A search for the secret word echoes the word itself; what must never show is the
    # content around it.
    secret_phrases = [
        f"{secret} title",
        f"{secret} lede",
        f"{secret} headline",
        f"{secret} body",
        f"{secret} gazette",
        f"{secret} expert",
        f"{secret}-tag",
        f"{secret} quote",
        f"{secret} said",
        f"{secret}-review",
        f"{secret} desk",
        f"{secret}-desk",
    ]
    for url in visible_urls:
        response = client.get(url)
        assert response.status_code in (200, 400), url
        page = response.content.decode().lower()
        for phrase in secret_phrases:
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
