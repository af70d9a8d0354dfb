"""Review pages stored by what they show: a change makes stale the pages that show what it
changed, and the lists, and leaves the other review pages stored (docs/PERFORMANCE.md, "What
a change makes stale")."""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reviews.models import Review
from reviews.pagecache import dependencies
from reviews.pagecache.middleware import CACHE_STATUS_HEADER
from reviews.publishing import workflow
from reviews.publishing.editing import bump_version
from reviews.vocabulary import moderation
from tests.support.admin_forms import review_form_data
from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 3)
# Stories this many ids apart share no tagging band, nor any related reviews' window.
FAR = 10 * dependencies.TAGGING_BAND


def old_review(days_ago: int, *, story_pk=None, tags=("ports",), **fields) -> Review:
    """A review published long ago, with one story (of id `story_pk`, when given)."""
    day = TODAY - datetime.timedelta(days=days_ago)
    review = ReviewFactory(
        review_date=day,
        publish_at=datetime.datetime.combine(day, datetime.time(7), tzinfo=datetime.UTC),
        **fields,
    )
    story = StoryFactory(
        review=review, position=1, tags=list(tags), **({"pk": story_pk} if story_pk else {})
    )
    CitationFactory(story=story)
    return review


def status(response) -> str:
    return response.headers[CACHE_STATUS_HEADER]


def stored(reader, *urls) -> None:
    for url in urls:
        reader.get(url)
        assert status(reader.get(url)) == "hit", url


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def far_apart():
    """Two reviews of two years ago, their stories far apart (as an archive's are)."""
    return (
        old_review(730, story_pk=10 * FAR, title="Press review: Cranes of long ago"),
        old_review(700, story_pk=20 * FAR, title="Press review: Rails of long ago"),
    )


def test_a_story_edit_leaves_other_review_pages_stored(reader, far_apart):
    """The edited review's page and the lists are fresh; another old review's page is a hit,
    even the one that links to it as its previous review."""
    edited, other = far_apart
    home, review_list = reverse("reviews:home"), reverse("reviews:review-list")
    stored(reader, edited.get_absolute_url(), other.get_absolute_url(), home, review_list)

    story = edited.stories.get()
    story.headline = "Cranes rust where they stood"
    story.body = "The paper revisits the harbour."
    story.save()
    bump_version(review_ids=[edited.pk])

    page = reader.get(edited.get_absolute_url())
    assert status(page) == "miss"
    assert "Cranes rust where they stood" in page.text
    assert status(reader.get(other.get_absolute_url())) == "hit"
    assert status(reader.get(home)) == "miss"
    assert status(reader.get(review_list)) == "miss"


def test_an_edit_in_the_admin_leaves_other_review_pages_stored(client, reader, editor, far_apart):
    """The newsroom's own path: one save of the whole review in the admin."""
    edited, other = far_apart
    stored(reader, edited.get_absolute_url(), other.get_absolute_url())
    client.force_login(editor)
    data = review_form_data(edited)
    data["stories-0-headline"] = "Cranes rust where they stood"
    url = reverse("admin:reviews_review_change", args=[edited.pk])
    assert client.post(url, data).status_code == 302

    page = reader.get(edited.get_absolute_url())
    assert "Cranes rust where they stood" in page.text
    assert status(reader.get(other.get_absolute_url())) == "hit"


@pytest.mark.parametrize("subject", ["outlet", "expert", "tag"])
def test_renaming_a_subject_refreshes_every_page_that_shows_it(reader, moderator, subject):
    showing = [old_review(730, story_pk=10 * FAR), old_review(700, story_pk=20 * FAR)]
    other = old_review(600, story_pk=30 * FAR, tags=["rail"])
    first = showing[0].stories.get()
    second = showing[1].stories.get()
    second.outlet = first.outlet
    second.save()
    second.citations.update(expert=first.citations.get().expert)
    bump_version(review_ids=[showing[1].pk])
    urls = [review.get_absolute_url() for review in [*showing, other]]
    stored(reader, *urls)

    if subject == "tag":
        moderation.tag_rename(tag=first.tags.get(), name="Harbours and docks", by=moderator)
        new_name = "Harbours and docks"
    else:
        renamed = first.outlet if subject == "outlet" else first.citations.get().expert
        renamed.name = new_name = f"Renamed {subject}"
        renamed.save()

    for url in urls[:2]:
        page = reader.get(url)
        assert status(page) == "miss", url
        assert new_name in page.text, url
    assert status(reader.get(urls[2])) == "hit"


@pytest.fixture
def row():
    """Three reviews on three days, sharing a tag: the middle one is previous and next of
    the others, and related to each; a fourth, far away, shares nothing with them."""
    far = old_review(400, story_pk=30 * FAR, tags=["rail"], title="Press review: Elsewhere")
    older, middle, newer = (
        old_review(days, story_pk=NEAR - days, title=f"Press review: Day {days}")
        for days in (32, 31, 30)
    )
    return older, middle, newer, far


# Where the stories of the row above end: a story given an id from here on is near theirs.
NEAR = 60 * FAR


def test_withdrawing_a_review_removes_it_from_every_page_that_showed_it(reader, editor, row):
    older, middle, newer, far = row
    pages = [
        older.get_absolute_url(),
        newer.get_absolute_url(),
        reverse("reviews:home"),
        reverse("reviews:review-list"),
        reverse("reviews:tag-detail", args=["ports"]),
        reverse("reviews:review-feed-rss"),
        reverse("sitemap-section", args=["reviews"]),
    ]
    stored(reader, *pages, far.get_absolute_url())
    for url in pages:
        assert middle.get_absolute_url() in reader.get(url).text, url

    workflow.review_withdraw(review=middle, by=editor)

    for url in pages:
        assert middle.get_absolute_url() not in reader.get(url).text, url
    assert reader.get(middle.get_absolute_url()).status_code == 404
    # Previous and next close the gap.
    assert newer.get_absolute_url() in reader.get(older.get_absolute_url()).text
    assert status(reader.get(far.get_absolute_url())) == "hit"


def test_deleting_a_story_removes_it_from_its_review_page(reader, row):
    _older, middle, _newer, far = row
    story = middle.stories.get()
    StoryFactory(review=middle, position=2, headline="Rail tender reopens", pk=NEAR)
    stored(reader, middle.get_absolute_url(), far.get_absolute_url())
    assert story.headline in reader.get(middle.get_absolute_url()).text

    story.delete()
    bump_version(review_ids=[middle.pk])

    assert story.headline not in reader.get(middle.get_absolute_url()).text
    assert status(reader.get(far.get_absolute_url())) == "hit"


def test_publishing_refreshes_the_lists_and_the_neighbours_that_link_to_it(reader, editor, row):
    _older, middle, newer, far = row
    draft = ReviewFactory(
        draft=True, review_date=newer.review_date, title="Press review: Out this morning"
    )
    StoryFactory(review=draft, position=1, tags=["ports"], pk=NEAR)
    CitationFactory(story=draft.stories.get())
    lists = [
        reverse("reviews:home"),
        reverse("reviews:review-list"),
        reverse("reviews:review-feed-rss"),
        reverse("sitemap-section", args=["reviews"]),
    ]
    stored(reader, *lists, newer.get_absolute_url(), middle.get_absolute_url())
    stored(reader, far.get_absolute_url())

    workflow.review_publish(review=draft, by=editor)

    url = draft.get_absolute_url()
    for each in lists:
        assert url in reader.get(each).text, each
    # The newest review before it now has it as its next, and it is related to the others.
    assert url in reader.get(newer.get_absolute_url()).text
    assert url in reader.get(middle.get_absolute_url()).text
    assert status(reader.get(far.get_absolute_url())) == "hit"


def test_a_scheduled_review_appears_next_to_its_neighbour_when_its_time_comes(
    reader, editor, row, time_machine
):
    """No write publishes it: the clock makes every review page stale, as it did before."""
    _older, _middle, newer, _far = row
    time_machine.move_to(timezone.now(), tick=False)
    scheduled = ReviewFactory(draft=True, review_date=TODAY, title="Press review: At nine")
    StoryFactory(review=scheduled, position=1)
    workflow.review_schedule(
        review=scheduled, by=editor, at=timezone.now() + datetime.timedelta(hours=1)
    )
    stored(reader, newer.get_absolute_url())
    assert scheduled.get_absolute_url() not in reader.get(newer.get_absolute_url()).text

    time_machine.move_to(timezone.now() + datetime.timedelta(hours=1, seconds=1), tick=False)

    assert scheduled.get_absolute_url() in reader.get(newer.get_absolute_url()).text


def test_a_story_moved_to_another_review_leaves_both_pages(reader, row):
    older, middle, _newer, _far = row
    story = middle.stories.get()
    stored(reader, older.get_absolute_url(), middle.get_absolute_url())

    story.review = older
    story.position = 2
    story.save()

    assert story.headline in reader.get(older.get_absolute_url()).text
    assert story.headline not in reader.get(middle.get_absolute_url()).text


def test_a_write_that_does_not_say_what_it_changed_makes_every_page_stale(reader, row):
    older, _middle, _newer, far = row
    stored(reader, older.get_absolute_url(), far.get_absolute_url())
    Review.objects.filter(pk=far.pk).update(title="Press review: Changed without a signal")
    from reviews.pagecache.invalidation import content_changed

    content_changed()

    assert status(reader.get(older.get_absolute_url())) == "miss"
    assert "Changed without a signal" in reader.get(far.get_absolute_url()).text


def test_a_cache_failing_when_the_versions_are_read_serves_the_page_from_the_database(
    reader, far_apart
):
    edited, other = far_apart
    stored(reader, other.get_absolute_url())
    bump_version(review_ids=[edited.pk])  # a new generation: the versions must be read
    real = cache.get_many

    def failing(keys, *args, **kwargs):
        if any(":depends:" in key for key in keys):
            raise ConnectionError("Redis is down")
        return real(keys, *args, **kwargs)

    with mock.patch.object(cache, "get_many", side_effect=failing):
        page = reader.get(other.get_absolute_url())
    assert page.status_code == 200
    assert other.title in page.text
