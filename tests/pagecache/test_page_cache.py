"""The public page cache: stored pages for anonymous readers, out of date at once on change.

Every test reads a page once (storing it), changes the content the way the newsroom does,
and reads the page again as another anonymous reader.
"""

import datetime
import time
from unittest import mock

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils.http import http_date
from reversion.models import Version
from taggit.models import Tag

from pressreview import routers
from reviews.demo.generator import generate_content
from reviews.models import Review
from reviews.pagecache import invalidation
from reviews.pagecache.middleware import CACHE_STATUS_HEADER
from reviews.publishing import workflow
from reviews.vocabulary import moderation
from tests.support.admin_forms import form_as_rendered, review_form_data
from tests.support.factories import CitationFactory, ExpertFactory, ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 3, 3, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def reader():
    """An anonymous reader with a browser of their own."""
    return Client()


@pytest.fixture
def review():
    review = ReviewFactory(title="Press review: Harbour strike spreads north")
    CitationFactory(
        story__review=review,
        story__position=1,
        story__headline="Dockers walk out at dawn",
        story__tags=["ports"],
        expert__name="Rui Costa",
        expert__slug="rui-costa",
    )
    return review


def draft_ready_to_publish(title: str) -> Review:
    draft = ReviewFactory(draft=True, title=title)
    StoryFactory(review=draft, position=1, headline=f"{title}, the story")
    return draft


def cache_status(response) -> str:
    return response.headers.get(CACHE_STATUS_HEADER, "")


PUBLIC_PAGES = {
    "home": lambda review: reverse("reviews:home"),
    "review list": lambda review: reverse("reviews:review-list"),
    "filtered review list": lambda review: reverse("reviews:review-list") + "?tag=ports",
    "review": lambda review: review.get_absolute_url(),
    "story list": lambda review: reverse("reviews:story-list"),
    "outlets": lambda review: reverse("reviews:outlet-list"),
    "experts": lambda review: reverse("reviews:expert-list"),
    "outlet": lambda review: review.stories.get().outlet.get_absolute_url(),
    "expert": lambda review: reverse("reviews:expert-detail", args=["rui-costa"]),
    "tags": lambda review: reverse("reviews:tag-list"),
    "tag": lambda review: reverse("reviews:tag-detail", args=["ports"]),
    "search": lambda review: reverse("reviews:search") + "?q=dockers",
    "year archive": lambda review: reverse("reviews:review-year", args=[review.review_date.year]),
    "rss": lambda review: reverse("reviews:review-feed-rss"),
    "atom": lambda review: reverse("reviews:review-feed-atom"),
    "tag feed": lambda review: reverse("reviews:tag-feed", args=["ports"]),
    "sitemap": lambda review: reverse("sitemap"),
    "sitemap of reviews": lambda review: reverse("sitemap-section", args=["reviews"]),
    "robots.txt": lambda review: reverse("robots"),
    # The newsletter's page and its sign-up form (on the outlet, expert and tag pages too).
    "newsletter": lambda review: reverse("newsletter:signup"),
}


# Serving from the cache


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_second_anonymous_request_is_served_from_the_cache_without_queries(
    reader, review, page, django_assert_num_queries
):
    url = PUBLIC_PAGES[page](review)
    first = reader.get(url)
    assert first.status_code == 200
    assert cache_status(first) == "miss"
    with django_assert_num_queries(0):
        second = reader.get(url)
    assert cache_status(second) == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_public_pages_set_no_cookie_and_do_not_vary_on_cookie(reader, review, page):
    """So that a shared cache or a CDN may serve them to everyone."""
    url = PUBLIC_PAGES[page](review)
    for response in (reader.get(url), reader.get(url)):
        assert response.cookies == {}
        assert "cookie" not in response.get("Vary", "").lower()
        assert "public" in response["Cache-Control"]


def test_stored_page_keeps_the_security_headers(reader, review):
    first, second = reader.get(review.get_absolute_url()), reader.get(review.get_absolute_url())
    assert cache_status(second) == "hit"
    for header in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options"):
        assert second[header] == first[header]


def test_head_request_gets_the_stored_pages_headers_without_a_body(reader, review):
    url = review.get_absolute_url()
    page = reader.get(url)
    head = reader.head(url)
    assert cache_status(head) == "hit"
    assert head.content == b""
    assert head["ETag"] == page["ETag"]
    assert head["Content-Length"] == str(len(page.content))


def test_logged_in_staff_bypass_the_cache_and_their_pages_are_private(client, editor, review):
    client.force_login(editor)
    client.get(review.get_absolute_url())
    response = client.get(review.get_absolute_url())
    assert cache_status(response) == "bypass"
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    "cookie",
    [
        {"sessionid": "garbage"},
        {"sessionid": "a" * 32},
        {"pressreview_primary": "1"},
        {"pressreview_primary": "1:forged:signature"},
    ],
)
def test_a_made_up_session_or_pin_cookie_does_not_skip_the_cache(reader, review, cookie):
    """Otherwise anyone could make every request a render, and a load attack cheap."""
    url = review.get_absolute_url()
    reader.get(url)
    for name, value in cookie.items():
        reader.cookies[name] = value
    response = reader.get(url)
    assert cache_status(response) == "hit"
    assert "public" in response["Cache-Control"]


def test_an_anonymous_session_does_not_skip_the_cache(reader, review):
    """A session that exists but holds no signed-in user is a reader's."""
    session = SessionStore()
    session["seen"] = True
    session.save()
    url = review.get_absolute_url()
    reader.get(url)
    reader.cookies["sessionid"] = session.session_key
    assert cache_status(reader.get(url)) == "hit"


def test_a_pin_cookie_the_site_signed_skips_the_cache_until_it_expires(
    reader, review, settings, time_machine
):
    """The answer to a write pins the writer to the primary (with a read replica)."""
    now = datetime.datetime.now(tz=datetime.UTC)
    time_machine.move_to(now, tick=False)
    settings.PRESSREVIEW_READ_REPLICA = "replica"
    write = RequestFactory().post("/admin/")
    pinned = routers.PrimaryPinningMiddleware(lambda request: HttpResponse())(write)
    url = review.get_absolute_url()
    reader.get(url)
    reader.cookies[routers.pin_cookie_name()] = pinned.cookies[routers.pin_cookie_name()].value

    assert cache_status(reader.get(url)) == "bypass"
    time_machine.move_to(now + datetime.timedelta(seconds=routers.pin_seconds() + 1))
    assert cache_status(reader.get(url)) == "hit"


def test_errors_and_invalid_filters_are_not_stored(reader, review):
    for url in (reverse("reviews:review-list") + "?date_after=yesterday", "/reviews/2026/13/"):
        reader.get(url)
        response = reader.get(url)
        assert response.status_code in (400, 404)
        assert CACHE_STATUS_HEADER not in response


def test_admin_and_preview_pages_are_never_stored(client, editor, review):
    client.force_login(editor)
    response = client.get(reverse("admin:reviews_review_changelist"))
    assert CACHE_STATUS_HEADER not in response


def test_pages_are_stored_per_host(reader, review, settings):
    settings.ALLOWED_HOSTS = ["press.example.org", "testserver"]
    reader.get(reverse("reviews:home"))
    other_host = reader.get(reverse("reviews:home"), HTTP_HOST="press.example.org")
    assert cache_status(other_host) == "miss"
    assert "http://press.example.org/" in other_host.text


def test_a_failing_cache_serves_pages_from_the_database(reader, review):
    with mock.patch.object(invalidation.cache, "get", side_effect=ConnectionError("Redis is down")):
        response = reader.get(review.get_absolute_url())
    assert response.status_code == 200
    assert review.title in response.text


def test_page_cache_can_be_turned_off(reader, review, settings):
    settings.PRESSREVIEW_PAGE_CACHE_SECONDS = 0
    reader.get(review.get_absolute_url())
    response = reader.get(review.get_absolute_url())
    assert cache_status(response) == "off"
    assert "ETag" in response


# Conditional GET


@pytest.mark.parametrize("page", ["home", "review", "rss", "tag feed", "sitemap"])
def test_a_matching_etag_gets_304_not_modified(reader, review, page):
    url = PUBLIC_PAGES[page](review)
    first = reader.get(url)
    assert first["ETag"]
    not_modified = reader.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == first["ETag"]


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_pages_and_feeds_carry_no_last_modified(reader, review, page):
    """A whole-second date cannot be honest about a change (docs/SECURITY.md): the ETag is
    the only validator, stored pages included."""
    url = PUBLIC_PAGES[page](review)
    for response in (reader.get(url), reader.get(url)):
        assert "Last-Modified" not in response
        assert response["ETag"]


def shows(response, review) -> bool:
    """Whether a feed lists the review (the site's feeds) or its story (a tag's feed)."""
    return review.title in response.text or "Cranes fall silent" in response.text


@pytest.mark.parametrize("page", ["rss", "atom", "tag feed"])
def test_a_feed_does_not_confirm_a_withdrawn_item_to_if_modified_since(
    reader, review, editor, page
):
    """Withdrawing the newest item makes a feed's newest date older, not newer."""
    newest = ReviewFactory(
        title="Press review: Withdrawn from the feed",
        review_date=review.review_date + datetime.timedelta(days=1),
    )
    StoryFactory(review=newest, position=1, headline="Cranes fall silent", tags=["ports"])
    url = PUBLIC_PAGES[page](review)
    assert shows(reader.get(url), newest)
    read_at = http_date(time.time())

    workflow.review_withdraw(review=newest, by=editor)

    response = reader.get(url, HTTP_IF_MODIFIED_SINCE=read_at)
    assert response.status_code == 200
    assert not shows(response, newest)


@pytest.mark.parametrize("page", ["filtered review list", "sitemap of reviews", "home"])
def test_a_page_read_in_the_second_of_a_withdrawal_is_not_confirmed_later(
    reader, review, editor, page, time_machine
):
    """The read, the withdrawal and the next request all fall within one second."""
    now = datetime.datetime.now(tz=datetime.UTC).replace(microsecond=0)
    time_machine.move_to(now, tick=False)
    url = PUBLIC_PAGES[page](review)
    assert review.get_absolute_url() in reader.get(url).text

    workflow.review_withdraw(review=review, by=editor)

    response = reader.get(url, HTTP_IF_MODIFIED_SINCE=http_date(now.timestamp()))
    assert response.status_code != 304
    assert review.get_absolute_url() not in response.text


def test_a_page_unchanged_by_an_unrelated_edit_still_answers_304(reader, review):
    """The ETag is the page's digest: a change elsewhere leaves it as it was."""
    url = reverse("reviews:outlet-list")
    etag = reader.get(url)["ETag"]
    ExpertFactory(name="Nobody Cited Yet")
    response = reader.get(url, HTTP_IF_NONE_MATCH=etag)
    assert cache_status(response) == "miss"
    assert response.status_code == 304


def test_a_changed_page_answers_200_to_its_old_etag(reader, review):
    etag = reader.get(review.get_absolute_url())["ETag"]
    review.title = "Press review: A new title"
    review.save()
    response = reader.get(review.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "A new title" in response.text


# Invalidation: every change is visible at once


def test_publish_is_visible_at_once(reader, review, editor):
    home = reverse("reviews:home")
    reader.get(home)
    draft = draft_ready_to_publish("Press review: Rail tender collapses")
    reader.get(home)
    assert "Rail tender collapses" not in reader.get(home).text

    workflow.review_publish(review=draft, by=editor)

    response = reader.get(home)
    assert cache_status(response) == "miss"
    assert "Rail tender collapses" in response.text
    assert reader.get(draft.get_absolute_url()).status_code == 200


def test_an_edit_in_the_admin_is_visible_at_once(client, reader, editor, review):
    url = review.get_absolute_url()
    assert "Harbour strike spreads north" in reader.get(url).text
    client.force_login(editor)
    response = client.post(
        reverse("admin:reviews_review_change", args=[review.pk]),
        review_form_data(review, title="Press review: Harbour strike ends"),
    )
    assert response.status_code == 302
    page = reader.get(url).text
    assert "Harbour strike ends" in page
    assert "Harbour strike spreads north" not in page


def test_a_story_edit_is_visible_at_once(reader, review):
    url = review.get_absolute_url()
    reader.get(url)
    story = review.stories.get()
    story.headline = "Dockers return to work"
    story.save()
    assert "Dockers return to work" in reader.get(url).text


def test_withdraw_is_visible_at_once(reader, review, editor):
    home, url = reverse("reviews:home"), review.get_absolute_url()
    assert review.title in reader.get(home).text
    assert reader.get(url).status_code == 200

    workflow.review_withdraw(review=review, by=editor)

    assert review.title not in reader.get(home).text
    assert reader.get(url).status_code == 404
    assert review.title not in reader.get(reverse("reviews:review-feed-rss")).text


def test_a_tag_change_is_visible_at_once(reader, review, moderator):
    url = review.get_absolute_url()
    reader.get(url)
    story = review.stories.get()
    moderation.story_set_tags(story=story, names=["ports", "automation"], by=moderator)
    assert reverse("reviews:tag-detail", args=["automation"]) in reader.get(url).text


def test_a_bulk_tag_is_visible_at_once(reader, review, moderator):
    """Bulk tagging writes rows without signals, and says so to the cache itself."""
    tag_list = reverse("reviews:tag-list")
    reader.get(tag_list)
    moderation.stories_add_tag(stories=list(review.stories.all()), name="Dockers", by=moderator)
    assert "Dockers" in reader.get(tag_list).text


def test_a_tag_merge_is_visible_at_once(reader, review, moderator):
    other = ReviewFactory(review_date=review.review_date - datetime.timedelta(days=1))
    StoryFactory(review=other, position=1, headline="Harbours reopen", tags=["harbours"])
    harbours_page = reverse("reviews:tag-detail", args=["harbours"])
    ports_page = reverse("reviews:tag-detail", args=["ports"])
    assert "Harbours reopen" not in reader.get(ports_page).text
    assert reader.get(harbours_page).status_code == 200

    moderation.tags_merge(
        tags=[Tag.objects.get(slug="harbours")], into=Tag.objects.get(slug="ports"), by=moderator
    )

    assert "Harbours reopen" in reader.get(ports_page).text
    assert reader.get(harbours_page).status_code == 301


def test_a_tag_rename_is_visible_at_once(reader, review, moderator):
    url = review.get_absolute_url()
    reader.get(url)
    moderation.tag_rename(tag=Tag.objects.get(slug="ports"), name="Seaports", by=moderator)
    page = reader.get(url).text
    assert "Seaports" in page
    assert reverse("reviews:tag-detail", args=["seaports"]) in page


def test_an_expert_merge_is_visible_at_once(reader, review, editor):
    other = ReviewFactory(review_date=review.review_date - datetime.timedelta(days=1))
    duplicate = CitationFactory(
        story__review=other, story__headline="Cranes stand idle", expert__name="R. Costa"
    ).expert
    kept_page = reverse("reviews:expert-detail", args=["rui-costa"])
    assert "Cranes stand idle" not in reader.get(kept_page).text

    moderation.experts_merge(
        experts=[duplicate], into=review.stories.get().citations.get().expert, by=editor
    )

    assert "Cranes stand idle" in reader.get(kept_page).text


def test_an_outlet_rename_is_visible_at_once(reader, review):
    url = reverse("reviews:outlet-list")
    reader.get(url)
    outlet = review.stories.get().outlet
    outlet.name = "The Renamed Courier"
    outlet.save()
    assert "The Renamed Courier" in reader.get(url).text


def test_a_deleted_review_is_gone_at_once(reader, review):
    url = review.get_absolute_url()
    reader.get(url)
    review.delete()
    assert reader.get(url).status_code == 404


def test_a_revert_is_visible_at_once_and_only_looking_at_it_changes_no_page(
    client, reader, editor, review
):
    """Opening the revert page restores the revision in a transaction rolled back: the
    stored page stays; saving it is a change like any other."""
    client.force_login(editor)
    change = reverse("admin:reviews_review_change", args=[review.pk])
    assert client.post(change, review_form_data(review)).status_code == 302
    review.refresh_from_db()
    data = review_form_data(review, title="Press review: Harbour strike ends")
    assert client.post(change, data).status_code == 302
    url = review.get_absolute_url()
    assert "Harbour strike ends" in reader.get(url).text
    oldest = Version.objects.get_for_object(review).order_by("pk").first()
    revert = reverse("admin:reviews_review_revision", args=[review.pk, oldest.pk])

    form = client.get(revert)

    assert cache_status(reader.get(url)) == "hit"
    assert client.post(revert, form_as_rendered(form)).status_code == 302
    page = reader.get(url)
    assert cache_status(page) == "miss"
    assert "Harbour strike spreads north" in page.text


@pytest.mark.django_db(transaction=True)
def test_pages_stored_before_a_flush_are_not_served_after_it(reader, review):
    """`manage.py flush` empties every table without a signal (committed, as from a shell)."""
    url = review.get_absolute_url()
    reader.get(url)
    call_command("flush", interactive=False, verbosity=0)
    assert reader.get(url).status_code == 404


# Scheduled reviews


def test_scheduled_review_appears_when_its_time_comes(reader, editor, time_machine):
    """No write happens at the publish time: the cache must know when to let go."""
    time_machine.move_to(NOON, tick=False)
    ReviewFactory(title="Press review: Already out", review_date=NOON.date())
    draft = draft_ready_to_publish("Press review: Embargoed budget")
    at = NOON + datetime.timedelta(minutes=5)
    workflow.review_schedule(review=draft, by=editor, at=at)
    home = reverse("reviews:home")

    assert "Embargoed budget" not in reader.get(home).text
    time_machine.move_to(at - datetime.timedelta(seconds=1), tick=False)
    hidden = reader.get(home)
    assert cache_status(hidden) == "hit"
    assert "Embargoed budget" not in hidden.text

    time_machine.move_to(at, tick=False)
    shown = reader.get(home)
    assert cache_status(shown) == "miss"
    assert "Embargoed budget" in shown.text
    assert reader.get(draft.get_absolute_url()).status_code == 200


def test_a_page_is_stored_no_longer_than_until_the_next_publish_time(reader, editor, review):
    draft = draft_ready_to_publish("Press review: Later today")
    workflow.review_schedule(
        review=draft, by=editor, at=review.publish_at + datetime.timedelta(hours=2)
    )
    with mock.patch.object(invalidation.cache, "set", wraps=invalidation.cache.set) as stored:
        reader.get(reverse("reviews:home"))
    [(_key, _page, timeout)] = [
        call.args for call in stored.call_args_list if call.args[0] != invalidation.generation_key()
    ]
    assert 0 < timeout <= 2 * 60 * 60


def test_the_next_publish_time_is_found_when_the_cache_was_emptied(reader, editor, time_machine):
    time_machine.move_to(NOON, tick=False)
    draft = draft_ready_to_publish("Press review: Found again")
    at = NOON + datetime.timedelta(hours=1)
    workflow.review_schedule(review=draft, by=editor, at=at)
    cache.delete(invalidation.generation_key())

    assert "Found again" not in reader.get(reverse("reviews:home")).text
    assert invalidation.current_generation().next_publish == at.timestamp()
    time_machine.move_to(at, tick=False)
    assert "Found again" in reader.get(reverse("reviews:home")).text


def test_generated_reviews_scheduled_ahead_appear_when_their_time_comes(
    reader, settings, time_machine
):
    """The generator writes in bulk, without signals: the next publish time is looked up
    again rather than kept from before."""
    settings.PRESSREVIEW_PAGE_CACHE_SECONDS = 24 * 60 * 60
    time_machine.move_to(NOON, tick=False)
    home = reverse("reviews:home")
    reader.get(home)
    generate_content(reviews=8, per_day=4, today=NOON.date())
    scheduled = Review.objects.scheduled().get()
    assert scheduled.get_absolute_url() not in reader.get(home).text

    time_machine.move_to(scheduled.publish_at, tick=False)

    assert scheduled.get_absolute_url() in reader.get(home).text


# Transactions


@pytest.mark.django_db(transaction=True)
def test_the_generation_changes_again_when_the_transaction_commits():
    """A page rendered between a change and its commit shows the old content: the
    generation it was stored under must not outlive the commit."""
    review = ReviewFactory()
    StoryFactory(review=review, position=1)
    before = invalidation.current_generation().token
    with mock.patch.object(
        invalidation._ToldAgainAtCommit,
        "__call__",
        autospec=True,
        side_effect=invalidation._ToldAgainAtCommit.__call__,
    ) as committed:
        with transaction.atomic():
            review.title = "Press review: Committed later"
            review.save()
            review.stories.get().save()
            during = invalidation.current_generation().token
            assert committed.call_count == 0
        assert committed.call_count == 1, "once per transaction, however many saves"
    assert before != during != invalidation.current_generation().token
