"""The charts' counts (reviews.tallies), against a small archive counted by hand.

Published, in the first quarter of 2026 (and one review before it):

    2025-12-20  Courier "ports"          Ana (economist at Bank A)       before the period
    2026-01-10  Courier "ports"          Ana (economist at Bank A)
                Herald  "ports", "rates" Ana (economist at Bank A), Rui
    2026-02-20  Post    "ports"
    2026-02-21  Post    "ports"
    2026-03-05  Courier "rates"          Ana (chief economist at Bank A)
                Post    "ports"          Rui

and never counted: a draft (2026-02-10, Courier "ports", Ana) and a review scheduled for
tomorrow (2026-02-11, Herald "rates", Rui).
"""

import datetime
from types import SimpleNamespace

import pytest
from taggit.models import Tag

from reviews import tallies
from reviews.models import Citation, TaggedStory
from reviews.tallies import Period, Ranked
from tests.support.database import built_once
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    OutletFactory,
    ReviewFactory,
    StoryFactory,
)

pytestmark = pytest.mark.django_db

Q1 = Period(datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
JAN, FEB, MAR = (datetime.date(2026, month, 1) for month in (1, 2, 3))


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        courier, herald, post = (OutletFactory(name=name) for name in ("Courier", "Herald", "Post"))
        ana, rui = ExpertFactory(name="Ana Ribeiro"), ExpertFactory(name="Rui Costa")
        economist = {"position": "economist", "organisation": "Bank A"}

        def review(day, *stories, **state):
            made = ReviewFactory(review_date=datetime.date(*day), **state)
            for position, (outlet, tags, citations) in enumerate(stories, start=1):
                story = StoryFactory(review=made, outlet=outlet, position=position, tags=tags)
                for expert, fields in citations:
                    CitationFactory(story=story, expert=expert, **fields)

        review((2025, 12, 20), (courier, ["ports"], [(ana, economist)]))
        review(
            (2026, 1, 10),
            (courier, ["ports"], [(ana, economist)]),
            (herald, ["ports", "rates"], [(ana, economist), (rui, {})]),
        )
        review((2026, 2, 20), (post, ["ports"], []))
        review((2026, 2, 21), (post, ["ports"], []))
        review(
            (2026, 3, 5),
            (
                courier,
                ["rates"],
                [(ana, {"position": "chief economist", "organisation": "Bank A"})],
            ),
            (post, ["ports"], [(rui, {})]),
        )
        review((2026, 2, 10), (courier, ["ports"], [(ana, economist)]), draft=True)
        review((2026, 2, 11), (herald, ["rates"], [(rui, {})]), scheduled=True)
        yield SimpleNamespace(courier=courier, herald=herald, post=post, ana=ana, rui=rui)


def test_a_period_names_every_month_it_touches():
    period = Period(datetime.date(2025, 11, 20), datetime.date(2026, 2, 3))
    assert period.months() == [
        datetime.date(2025, 11, 1),
        datetime.date(2025, 12, 1),
        datetime.date(2026, 1, 1),
        datetime.date(2026, 2, 1),
    ]
    assert period.days == 76


def test_the_last_months_run_from_the_first_of_the_month_to_today():
    period = tallies.last_months(3, today=datetime.date(2026, 1, 15))
    assert period == Period(datetime.date(2025, 11, 1), datetime.date(2026, 1, 15))


def test_stories_per_month_count_published_stories_in_the_period_only(archive):
    assert tallies.per_month("outlet", archive.courier.pk, Q1) == [(JAN, 1), (FEB, 0), (MAR, 1)]


def test_a_tags_stories_per_month(archive):
    ports = Tag.objects.get(name="ports")
    assert tallies.per_month("tag", ports.pk, Q1) == [
        (JAN, 2),
        (FEB, 2),
        (MAR, 1),
    ]


@pytest.mark.parametrize(
    ("kind", "subjects", "expected"),
    [
        ("outlet", ("courier", "herald", "post"), [[1, 0, 1], [1, 0, 0], [0, 2, 1]]),
        ("expert", ("ana", "rui"), [[2, 0, 1], [1, 0, 1]]),
    ],
)
def test_sparklines_count_each_subject_per_month(archive, kind, subjects, expected):
    ids = [getattr(archive, name).pk for name in subjects]
    assert tallies.monthly_by_subject(kind, ids, Q1) == dict(zip(ids, expected, strict=True))


def test_a_tag_without_stories_in_the_period_has_a_flat_sparkline(archive):
    rates = TaggedStory.objects.get(tag__name="rates", content_object__outlet=archive.courier)
    december = Period(datetime.date(2025, 12, 1), datetime.date(2025, 12, 31))
    assert tallies.monthly_by_subject("tag", [rates.tag_id], december) == {rates.tag_id: [0]}


def test_the_most_quoted_experts_of_a_period(archive):
    assert tallies.ranked("expert", Q1, 5) == [
        Ranked("Ana Ribeiro", archive.ana.slug, 3),
        Ranked("Rui Costa", archive.rui.slug, 2),
    ]


def test_an_experts_citations_by_month_and_outlet(archive):
    assert tallies.citations_by_month_and_outlet(archive.ana, Q1) == [
        (
            JAN,
            [Ranked("Courier", archive.courier.slug, 1), Ranked("Herald", archive.herald.slug, 1)],
        ),
        (FEB, []),
        (MAR, [Ranked("Courier", archive.courier.slug, 1)]),
    ]


def test_outlets_beyond_those_named_are_counted_together(archive):
    names, months = tallies.expert_months_by_outlet(archive.ana, Q1, outlets=1)
    assert names == ["Courier", tallies.OTHERS]
    assert months == [(JAN, [1, 1]), (FEB, [0, 0]), (MAR, [1, 0])]


def test_positions_held_as_cited_in_the_period_first_cited_first(archive):
    assert [
        (held.title, held.first, held.last, held.uses)
        for held in tallies.positions_held(archive.ana, Q1)
    ] == [
        ("economist at Bank A", datetime.date(2026, 1, 10), datetime.date(2026, 1, 10), 2),
        ("chief economist at Bank A", datetime.date(2026, 3, 5), datetime.date(2026, 3, 5), 1),
    ]


def test_rising_topics_compare_the_last_week_with_an_average_week_before(archive):
    """Week of 1-7 March: "rates" 1 against 0 a week before, "ports" 1 against 2 in four
    weeks (0.5 a week)."""
    rising = tallies.rising_topics(datetime.date(2026, 3, 7))
    assert [(topic.name, topic.this_week, topic.weekly_before) for topic in rising] == [
        ("rates", 1, 0),
        ("ports", 1, 0.5),
    ]


def test_a_topic_falling_is_not_rising(archive):
    """Week of 22-28 February: nothing published; "ports" had two stories the week before."""
    assert tallies.rising_topics(datetime.date(2026, 2, 28)) == []


def test_who_quotes_whom(archive):
    matrix = tallies.who_quotes_whom(Q1)
    assert [outlet.name for outlet in matrix.outlets] == ["Courier", "Herald", "Post"]
    assert [expert.name for expert in matrix.experts] == ["Ana Ribeiro", "Rui Costa"]
    assert matrix.counts == [[2, 0], [1, 1], [0, 1]]
    assert matrix.largest == 2


def test_nothing_hidden_is_counted_in_any_tally(archive):
    """The draft and the scheduled review are in February: nothing there cites anyone."""
    february = Period(FEB, datetime.date(2026, 2, 28))
    assert tallies.ranked("expert", february, 5) == []
    assert Citation.objects.filter(story__review__review_date__month=2).count() == 2
    assert tallies.who_quotes_whom(february).counts == []
