"""The desk's charts: the newsroom's last weeks, counted by hand."""

import datetime

import pytest

from reviews.newsroom.output import WEEKS, weekly_output
from tests.support.factories import ReviewFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
NOW = datetime.datetime(2026, 3, 3, 12, tzinfo=UTC)  # a Tuesday


def written(time_machine, created: datetime.datetime, **fields):
    """A review first saved at `created`."""
    time_machine.move_to(created, tick=False)
    return ReviewFactory(**fields)


@pytest.fixture
def weeks(time_machine):
    """Week of 23 February: two reviews published, 26 and 2 hours after their first draft,
    one story without tags. Week of 2 March: one, 24 hours after. Never counted: a draft, a
    review scheduled for tomorrow, one withdrawn."""
    first = written(
        time_machine,
        datetime.datetime(2026, 2, 23, 8, tzinfo=UTC),
        review_date=datetime.date(2026, 2, 24),
        publish_at=datetime.datetime(2026, 2, 24, 10, tzinfo=UTC),
    )
    StoryFactory(review=first)
    written(
        time_machine,
        datetime.datetime(2026, 2, 25, 9, tzinfo=UTC),
        publish_at=datetime.datetime(2026, 2, 25, 11, tzinfo=UTC),
    )
    third = written(
        time_machine,
        datetime.datetime(2026, 3, 2, 7, tzinfo=UTC),
        review_date=datetime.date(2026, 3, 3),
        publish_at=datetime.datetime(2026, 3, 3, 7, tzinfo=UTC),
    )
    StoryFactory(review=third, tags=["ports"])
    written(time_machine, datetime.datetime(2026, 3, 1, tzinfo=UTC), draft=True)
    written(
        time_machine,
        datetime.datetime(2026, 3, 1, tzinfo=UTC),
        publish_at=datetime.datetime(2026, 3, 4, tzinfo=UTC),
    )
    written(
        time_machine,
        datetime.datetime(2026, 3, 1, tzinfo=UTC),
        withdrawn=True,
        publish_at=datetime.datetime(2026, 3, 2, tzinfo=UTC),
    )
    time_machine.move_to(NOW, tick=False)


def test_weeks_published_time_to_publish_and_stories_waiting_for_tags(weeks):
    found = weekly_output()
    assert len(found) == WEEKS
    assert found[0].monday == datetime.date(2025, 12, 15)
    assert [
        (week.monday, week.published, week.median_hours, week.waiting_for_tags)
        for week in found[-2:]
    ] == [
        (datetime.date(2026, 2, 23), 2, 14, 1),
        (datetime.date(2026, 3, 2), 1, 24, 0),
    ]
    assert sum(week.published for week in found[:-2]) == 0


def test_weekly_output_takes_two_queries(weeks, django_assert_num_queries):
    with django_assert_num_queries(2):
        weekly_output()


def test_editors_see_the_charts_on_the_desk_with_their_data(weeks, client, author):
    client.force_login(author)
    html = client.get("/admin/").content.decode()
    assert "Reviews published per week" in html
    assert "Hours from draft to publication (median of the week)" in html
    assert '<th scope="row">week of Feb. 23, 2026</th><td>2</td>' in html
    charts = html[html.index('class="module desk-charts"') : html.index('id="content-main"')]
    assert charts.count('role="img"') == 3  # and the stories waiting for tags: Ana may tag
    assert " style=" not in charts


def test_staff_without_editorial_permissions_see_no_chart(weeks, client):
    client.force_login(UserFactory(is_staff=True))
    assert "Reviews published per week" not in client.get("/admin/").content.decode()
