"""The desk on the admin's index: what waits for each editor and moderator, counted the same
way as the filtered lists it links to, in a fixed number of queries."""

import datetime

import pytest

from reviews.models import Review
from reviews.newsroom import comments
from reviews.newsroom.desk import desk_for
from tests.support.factories import ReviewFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 3, 3, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def newsroom(time_machine, author, chief):
    """A morning's work: Ana's drafts (one sent back), Paulo's draft, reviews waiting, one
    scheduled, two published this morning and one yesterday, stories with and without tags,
    a mention of Ana in an open thread, and threads that are not hers to answer."""
    time_machine.move_to(NOON, tick=False)
    ReviewFactory(draft=True, author=author, title="Ana's first draft")
    ReviewFactory(
        draft=True, author=author, title="Ana's returned draft", sent_back_reason="Too long."
    )
    ReviewFactory(draft=True, author=chief, title="Paulo's draft")
    for number in range(3):
        ReviewFactory(in_review=True, author=chief, title=f"Waiting {number}")
    ReviewFactory(author=author, title="Evening review", publish_at=NOON + 3 * HOUR)
    morning = [
        ReviewFactory(title=f"Morning review {number}", publish_at=NOON - (number + 1) * HOUR)
        for number in range(2)
    ]
    ReviewFactory(title="Yesterday's review", publish_at=NOON - 24 * HOUR)
    ReviewFactory(withdrawn=True, title="Withdrawn review", publish_at=NOON - 2 * HOUR)
    StoryFactory(review=morning[0], headline="Untagged: ferry cuts")
    StoryFactory(review=morning[0], headline="Untagged: rail fares")
    StoryFactory(review=morning[1], tags=["harbours"])
    waiting = Review.objects.get(title="Waiting 1")
    comments.comment_post(review=waiting, by=chief, body="@ana could you check the dateline?")
    returned = Review.objects.get(title="Ana's returned draft")
    settled = comments.comment_post(review=returned, by=chief, body="Shorter, please.")
    comments.comment_resolve(comment=settled, by=chief)
    comments.comment_post(review=returned, by=author, body="A note to myself.")


def counts(user) -> dict[str, int]:
    return {panel.key: panel.count for panel in desk_for(user)}


def test_an_editor_sees_their_work_and_the_newsroom_s(newsroom, author):
    assert counts(author) == {
        "my_drafts": 2,
        "sent_back": 1,
        "waiting": 3,
        "scheduled": 1,
        "published_today": 2,
        "out_of_date": 0,
        "untagged": 2,
        "conversation": 1,
        "newsletter": 0,
    }


def test_drafts_and_returns_are_each_editor_s_own(newsroom, chief):
    mine = counts(chief)
    assert (mine["my_drafts"], mine["sent_back"], mine["conversation"]) == (1, 0, 0)


def test_a_moderator_sees_what_is_going_out_and_what_to_tag(newsroom, moderator):
    assert counts(moderator) == {
        "scheduled": 1,
        "published_today": 2,
        "untagged": 2,
        "conversation": 0,
    }


def test_staff_without_editorial_permissions_see_no_panel(newsroom):
    assert counts(UserFactory(username="intern")) == {}


def test_the_panels_name_what_waits_and_how_long_until_it_goes_out(newsroom, author):
    panels = {panel.key: panel for panel in desk_for(author)}

    [scheduled] = panels["scheduled"].items
    assert (scheduled.label, scheduled.note) == ("Evening review", "in 3\xa0hours")
    assert [item.label for item in panels["published_today"].items] == [
        "Morning review 0",
        "Morning review 1",
    ]
    assert [item.note for item in panels["sent_back"].items] == ["Too long."]
    [comment] = panels["conversation"].items
    assert comment.label == "@ana could you check the dateline?"
    assert comment.note == "Paulo Reis on “Waiting 1”"
    assert {item.label for item in panels["untagged"].items} == {
        "Untagged: ferry cuts",
        "Untagged: rail fares",
    }


@pytest.mark.parametrize("role", ["author", "moderator"])
def test_each_panel_links_to_a_list_with_as_many_rows_as_it_counts(newsroom, client, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)

    for panel in desk_for(user):
        response = client.get(panel.link)
        assert response.status_code == 200, panel.link
        assert "e=1" not in response.get("Location", ""), panel.link
        assert response.context["cl"].result_count == panel.count, panel.link


def test_the_review_list_filters_by_status_as_written_by_hand(newsroom, client, author):
    client.force_login(author)

    response = client.get("/admin/reviews/review/", {"status__exact": "in_review"})

    assert response.status_code == 200
    assert response.context["cl"].result_count == 3


def test_the_index_shows_the_desk_above_the_models(newsroom, client, author):
    client.force_login(author)

    html = client.get("/admin/").content.decode()

    assert html.index('id="desk"') < html.index('id="content-main"')
    assert '<span class="desk-title">Sent back to me</span> <span class="desk-count">1</span>' in (
        html
    )
    assert 'href="/admin/reviews/review/?publication=draft&amp;whose=mine"' in html
    assert 'href="/admin/reviews/storytotag/?tagged=no"' in html
    assert "in 3\xa0hours" in html


def test_the_index_costs_the_same_few_queries_however_much_there_is(
    newsroom, client, author, django_assert_max_num_queries
):
    client.force_login(author)
    client.get("/admin/")  # the session and permissions, as on any page

    with django_assert_max_num_queries(20) as few:
        client.get("/admin/")
    for number in range(20):
        review = ReviewFactory(draft=True, author=author, title=f"More {number}")
        StoryFactory(review=review)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/admin/")


def test_the_desk_itself_takes_at_most_twelve_queries(
    newsroom, author, django_assert_max_num_queries
):
    author.has_perm("reviews.add_review")  # permissions are loaded once per request anyway
    with django_assert_max_num_queries(12):
        desk_for(author)


def test_a_desk_item_opens_its_review(newsroom, author, client):
    [item] = next(panel for panel in desk_for(author) if panel.key == "scheduled").items
    client.force_login(author)

    response = client.get(item.link)

    assert response.status_code == 200
    assert response.context["original"].title == "Evening review"
