"""Nothing unpublished leaks through the API: not in a list, a count, a nested field or a 404.

The same hidden reviews as tests/security/test_leaks.py (tests/support/leaks.py: draft, in
review, withdrawn, scheduled), each with an outlet, an expert, a tag and a section that only it
uses, and a second story sharing the public review's outlet, expert and tag.
"""

import json

import pytest
from django.urls import reverse

from tests.support.leaks import HIDDEN_STATES, build_hidden, secret_phrases

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def unlimited(settings):
    settings.PRESSREVIEW_API_RATE_LIMIT = "0"


def api(name, **kwargs):
    return reverse(f"api-v1:{name}", kwargs=kwargs or None)


def visible_urls(secret, public_review):
    lists = ["reviews", "stories", "outlets", "experts", "tags", "sections"]
    return [
        api("index"),
        *(f"{api(name)}?page_size=100" for name in lists),
        f"{api('reviews')}?q={secret}",
        f"{api('stories')}?q={secret}",
        f"{api('reviews')}?tag=harbours",
        f"{api('stories')}?tag=harbours",
        f"{api('stories')}?outlet=public-gazette",
        f"{api('stories')}?expert=public-expert",
        f"{api('reviews')}?expert=public-expert&ordering=date",
        api("review-detail", review_id=public_review.pk),
        api("outlet-detail", slug="public-gazette"),
        api("expert-detail", slug="public-expert"),
        api("tag-detail", slug="harbours"),
        api("section-detail", slug=public_review.section.slug),
        api("openapi-json"),
    ]


def hidden_urls(review, citation, secret):
    story = citation.story
    day = review.review_date
    return [
        api("review-detail", review_id=review.pk),
        api("review-by-date", year=day.year, month=day.month, day=day.day, slug=review.slug),
        api("story-detail", story_id=story.pk),
        api("outlet-detail", slug=story.outlet.slug),
        api("expert-detail", slug=citation.expert.slug),
        api("tag-detail", slug=f"{secret}-tag"),
        api("section-detail", slug=review.section.slug),
    ]


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_unpublished_review_leaks_nowhere_in_the_api(client, public, state):
    public_review, public_citation = public
    secret, review, citation = build_hidden(state, public_citation)
    secret_values = secret_phrases(secret)
    hidden_ids = {review.pk} | set(review.stories.values_list("pk", flat=True))

    for url in visible_urls(secret, public_review):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode().lower()
        for value in secret_values:
            assert value not in text, (url, value)
        for item in response.json().get("results", []):
            assert item.get("id") not in hidden_ids, url
            for story in item.get("stories", []):
                assert story["id"] not in hidden_ids, url

    for url in hidden_urls(review, citation, secret):
        response = client.get(url)
        assert response.status_code == 404, url
        assert secret not in response.content.decode().lower()


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_api_counts_ignore_unpublished_stories(client, public, state):
    _, public_citation = public
    build_hidden(state, public_citation)

    def counts(name, field):
        results = client.get(api(name)).json()["results"]
        return {item["slug"]: item[field] for item in results}

    assert counts("outlets", "story_count") == {"public-gazette": 1}
    assert counts("experts", "citation_count") == {"public-expert": 1}
    assert counts("tags", "story_count") == {"harbours": 1}
    assert list(counts("sections", "review_count").values()) == [1]
    for kind, slug, field in [
        ("outlet", "public-gazette", "story_count"),
        ("expert", "public-expert", "citation_count"),
        ("tag", "harbours", "story_count"),
    ]:
        assert client.get(api(f"{kind}-detail", slug=slug)).json()[field] == 1


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_api_filter_by_a_hidden_subject_is_as_unknown_as_a_missing_one(
    client,
    public,
    state,
):
    _, public_citation = public
    secret, _, _ = build_hidden(state, public_citation)
    for endpoint in ["reviews", "stories"]:
        for parameter, value in [
            ("outlet", f"{secret}-gazette"),
            ("expert", f"{secret}-expert"),
            ("tag", f"{secret}-tag"),
            ("section", f"{secret}-desk"),
        ]:
            hidden = client.get(api(endpoint), {parameter: value})
            missing = client.get(api(endpoint), {parameter: "no-such-thing"})
            assert hidden.status_code == missing.status_code == 400
            assert json.dumps(hidden.json()).replace(value, "no-such-thing") == json.dumps(
                missing.json()
            )
