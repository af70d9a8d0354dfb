"""The minimal reader site: home and review detail show published content only."""

import datetime

import pytest
from django.urls import reverse

from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

HIDDEN_STATES = {
    "draft": {"draft": True},
    "in_review": {"in_review": True},
    "withdrawn": {"withdrawn": True},
    "scheduled": {"scheduled": True},
}


@pytest.fixture
def published():
    review = ReviewFactory(title="Press review: Published tide turns")
    citation = CitationFactory(story__review=review, story__tags=["harbours"])
    return review, citation


def make_hidden(state):
    review = ReviewFactory(title=f"Press review: Secret {state} words", **HIDDEN_STATES[state])
    citation = CitationFactory(
        story__review=review,
        story__headline=f"Secret {state} headline",
        story__outlet__name=f"Hidden {state} Gazette",
        expert__name=f"Hidden {state} Expert",
        story__tags=[f"hidden-{state}"],
    )
    return review, citation


def test_home_lists_published_reviews_linking_to_their_pages(client, published):
    review, _ = published
    response = client.get(reverse("reviews:home"))
    assert response.status_code == 200
    assert review.title in response.text
    assert review.get_absolute_url() in response.text


def test_review_detail_shows_lede_stories_experts_tags_and_disclaimer(client, published):
    review, citation = published
    response = client.get(review.get_absolute_url())
    assert response.status_code == 200
    page = response.text
    story = citation.story
    assert review.dateline in page
    assert review.lede in page
    assert f"{story.outlet.name}</a>: {story.headline}" in page
    assert citation.expert.get_absolute_url() in page
    assert reverse("reviews:tag-detail", args=["harbours"]) in page
    assert review.effective_disclaimer in page


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_unpublished_review_appears_nowhere_public(client, published, state):
    """A draft, in-review, withdrawn or scheduled review and what only it uses stay hidden."""
    review, citation = make_hidden(state)
    for url in [reverse("reviews:home"), reverse("reviews:review-list")]:
        page = client.get(url).text
        assert "Secret" not in page and "Hidden" not in page
    assert client.get(review.get_absolute_url()).status_code == 404
    assert client.get(citation.story.outlet.get_absolute_url()).status_code == 404
    assert client.get(citation.expert.get_absolute_url()).status_code == 404
    assert client.get(reverse("reviews:tag-detail", args=[f"hidden-{state}"])).status_code == 404


def test_outlet_expert_and_tag_pages_list_only_published_stories(client, published):
    _, citation = published
    outlet, expert = citation.story.outlet, citation.expert
    hidden = ReviewFactory(draft=True)
    CitationFactory(
        story__review=hidden,
        story__outlet=outlet,
        story__headline="Unpublished scoop",
        story__tags=["harbours"],
        expert=expert,
    )
    for url in [
        outlet.get_absolute_url(),
        expert.get_absolute_url(),
        reverse("reviews:tag-detail", args=["harbours"]),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert citation.story.headline in response.text
        assert "Unpublished scoop" not in response.text


def test_expert_page_shows_the_position_held_at_each_citation(client):
    old = CitationFactory(position="junior analyst", organisation="Harbour Bank")
    CitationFactory(expert=old.expert, position="chief economist", organisation="Harbour Bank")
    page = client.get(old.expert.get_absolute_url()).text
    assert "then junior analyst at Harbour Bank" in page
    assert "then chief economist at Harbour Bank" in page


@pytest.mark.parametrize(
    "path",
    [
        "/reviews/2026/02/30/anything/",
        "/reviews/2026/13/01/anything/",
        "/reviews/0000/01/01/anything/",
        "/reviews/2026/3/3/anything/",
    ],
)
def test_impossible_dates_answer_404(client, path):
    assert client.get(path).status_code == 404


def test_review_detail_needs_the_review_date_not_another_date(client, published):
    review, _ = published
    url = reverse(
        "reviews:review-detail",
        kwargs={"year": 1999, "month": 1, "day": 1, "slug": review.slug},
    )
    assert client.get(url).status_code == 404


def test_previous_and_next_skip_unpublished_reviews(client):
    older = ReviewFactory(review_date=datetime.date(2026, 3, 1), title="Press review: Older")
    ReviewFactory(review_date=datetime.date(2026, 3, 2), title="Press review: Draft", draft=True)
    middle = ReviewFactory(review_date=datetime.date(2026, 3, 3), title="Press review: Middle")
    ReviewFactory(
        review_date=datetime.date(2026, 3, 4), title="Press review: Later", scheduled=True
    )
    newer = ReviewFactory(review_date=datetime.date(2026, 3, 5), title="Press review: Newer")

    response = client.get(middle.get_absolute_url())

    assert response.context["previous_review"] == older
    assert response.context["next_review"] == newer
    assert f'rel="prev" href="{older.get_absolute_url()}"' in response.text
    assert "Draft" not in response.text and "Later" not in response.text


def test_related_reviews_share_the_most_tags_and_are_published(client):
    review = StoryFactory(tags=["ports", "labour", "strikes"]).review
    two_shared = StoryFactory(tags=["ports", "labour"], review__title="Press review: Two").review
    one_shared = StoryFactory(tags=["strikes"], review__title="Press review: One").review
    StoryFactory(tags=["ports", "labour", "strikes"], review__draft=True)
    StoryFactory(tags=["weather"], review__title="Press review: Unrelated")

    related = client.get(review.get_absolute_url()).context["related_reviews"]

    assert related == [two_shared, one_shared]


def test_review_page_describes_itself_to_search_engines_and_social_sites(client):
    review = ReviewFactory(title="Press review: Quays </script><script>alert(1)</script>")
    StoryFactory(review=review, tags=["ports"])
    page = client.get(review.get_absolute_url()).text
    absolute = f"http://testserver{review.get_absolute_url()}"

    assert f'<link rel="canonical" href="{absolute}">' in page
    assert '<meta property="og:type" content="article">' in page
    assert '"@type": "NewsArticle"' in page
    assert '"@type": "BreadcrumbList"' in page
    assert "</script><script>alert(1)" not in page
    assert "\\u003C/script\\u003E" in page
    assert 'type="application/rss+xml"' in page


def structured_headline(client, review) -> str:
    return client.get(review.get_absolute_url()).context["structured_data"][0]["headline"]


def test_a_long_title_is_cut_at_a_word_boundary_for_search_engines(client):
    """schema.org allows a headline of 110 characters: a longer one ends on a whole word."""
    title = (
        "Press review: Harbour pilots walk out over night shifts as the regional council "
        "weighs an emergency session called in Aragon"
    )
    review = ReviewFactory(title=title)

    headline = structured_headline(client, review)

    assert headline == (
        "Press review: Harbour pilots walk out over night shifts as the regional council "
        "weighs an emergency session…"
    )
    assert len(headline) <= 110


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Press review: " + "w" * 96, "Press review: " + "w" * 96),  # exactly 110: kept whole
        ("Press review: " + "w" * 95 + " x", "Press review: " + "w" * 95 + "…"),
        ("Press review: " + "w" * 120, "Press review…"),  # no dangling colon
        ("W" * 130, "W" * 109 + "…"),  # no word boundary at all: cut all the same
    ],
)
def test_a_headline_never_exceeds_110_characters(client, title, headline):
    review = ReviewFactory(title=title)

    assert structured_headline(client, review) == headline
    assert len(headline) <= 110
