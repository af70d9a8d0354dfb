"""The charts read counts kept per subject and month (reviews.monthly_counts): after every kind
of write, each tally gives exactly what counting the content directly gives
(tests/support/direct_tallies.py, the queries the charts ran before), and the table is what
a rebuild from the content makes.

The archive, published unless said (the month of its review date matters, and mid-month
periods cut January and March):

    2026-01-10  Courier "ports"            Ana
                Herald  "ports", "rates"   Ana, Rui
    2026-02-20  Post    "rates"            Rui
    2026-03-05  Courier "rates"            Ana
    2026-03-25  Post    "ports"            Rui          (after the mid-month periods)
    2026-02-10  Courier "ports"            Rui          a draft
"""

import datetime
from types import SimpleNamespace

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from taggit.models import Tag

from reviews import tallies
from reviews.counts import recount
from reviews.models import Citation, Expert, MonthlyCount, Review, Story
from reviews.monthly_counts import KINDS
from reviews.publishing import workflow
from reviews.tallies import Period, Ranked
from reviews.vocabulary import moderation
from tests.support import direct_tallies as direct
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    OutletFactory,
    ReviewFactory,
    StoryFactory,
)

pytestmark = pytest.mark.django_db

PERIODS = [
    tallies.last_months(24),  # whole months up to today: the subject pages' period
    # Cut inside the months at both ends (as /trends/ and the API may be asked).
    Period(datetime.date(2026, 1, 15), datetime.date(2026, 3, 20)),
    Period(datetime.date(2026, 1, 5), datetime.date(2026, 1, 12)),
]
Q1 = Period(datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
MODELS = ("outlet", "tag", "expert")


def used_subjects() -> dict[str, list[int]]:
    """The outlets, tags and experts of any story, published or not."""
    stories = Story.objects.all()
    return {
        "outlet": list(stories.values_list("outlet", flat=True).distinct()),
        "tag": list(stories.values_list("tagged__tag", flat=True).exclude(tagged=None).distinct()),
        "expert": list(Citation.objects.values_list("expert", flat=True).distinct()),
    }


def assert_same_as_counted_directly(*, each_subject: bool = True, periods=PERIODS) -> None:
    """Every tally of every subject used, over every period, is what the content gives
    (with `each_subject`; else those that count every subject at once)."""
    ids = used_subjects()
    for period in periods:
        for kind in MODELS:
            assert tallies.monthly_by_subject(kind, ids[kind], period) == (
                direct.monthly_by_subject(kind, ids[kind], period)
            ), (kind, period)
            assert tallies.ranked(kind, period, 2) == direct.ranked(kind, period, 2)
        assert tallies.who_quotes_whom(period) == direct.who_quotes_whom(period)
        assert tallies.who_quotes_whom(period, outlets=1, experts=1) == (
            direct.who_quotes_whom(period, outlets=1, experts=1)
        )
        if not each_subject:
            continue
        for kind in MODELS:
            for pk in ids[kind]:
                assert tallies.per_month(kind, pk, period) == direct.per_month(kind, pk, period)
        for kind, found in KINDS.items():
            if found.other_model is None:
                continue
            first, second = kind.split("-")
            for pk in ids[first]:
                assert tallies.ranked(kind, period, 8, subject=pk) == (
                    direct.ranked(kind, period, 8, subject=pk)
                ), (kind, period, pk)
            for pk in ids[second]:
                assert tallies.ranked(kind, period, 8, other=pk) == (
                    direct.ranked(kind, period, 8, other=pk)
                ), (kind, period, pk)
        for expert in Expert.objects.filter(pk__in=ids["expert"]):
            assert tallies.citations_by_month_and_outlet(expert, period) == (
                direct.citations_by_month_and_outlet(expert, period)
            )


def kept() -> list[tuple]:
    return sorted(
        MonthlyCount.objects.exclude(uses=0).values_list(
            "kind", "subject_id", "other_id", "month", "uses"
        )
    )


def assert_kept_as_rebuilt() -> None:
    """The triggers kept what a rebuild from the content makes."""
    before = kept()
    recount()
    assert kept() == before


def assert_kept_right(**reading) -> None:
    """The table is what a rebuild makes, and the tallies read from it are right."""
    assert_kept_as_rebuilt()
    assert_same_as_counted_directly(**reading)


@pytest.fixture
def archive():
    courier, herald, post = (OutletFactory(name=name) for name in ("Courier", "Herald", "Post"))
    ana, rui = ExpertFactory(name="Ana Ribeiro"), ExpertFactory(name="Rui Costa")

    def review(day, *stories, **state):
        made = ReviewFactory(review_date=datetime.date(2026, *day), **state)
        for position, (outlet, tags, experts) in enumerate(stories, start=1):
            story = StoryFactory(review=made, outlet=outlet, position=position, tags=tags)
            for expert in experts:
                CitationFactory(story=story, expert=expert)
        return made

    return SimpleNamespace(
        courier=courier,
        herald=herald,
        post=post,
        ana=ana,
        rui=rui,
        january=review(
            (1, 10),
            (courier, ["ports"], [ana]),
            (herald, ["ports", "rates"], [ana, rui]),
        ),
        february=review((2, 20), (post, ["rates"], [rui])),
        march=review((3, 5), (courier, ["rates"], [ana])),
        late_march=review((3, 25), (post, ["ports"], [rui])),
        draft=review((2, 10), (courier, ["ports"], [rui]), draft=True),
    )


@pytest.mark.once
def test_each_kind_of_the_model_is_defined_in_sql():
    assert set(KINDS) == set(MonthlyCount.Kind.values)


def test_the_kept_counts_of_an_archive(archive):
    """By hand: Courier's stories are one in January and one in March; Post quoted Rui once
    in February and once in March."""
    assert tallies.per_month("outlet", archive.courier.pk, Q1) == [
        (datetime.date(2026, 1, 1), 1),
        (datetime.date(2026, 2, 1), 0),
        (datetime.date(2026, 3, 1), 1),
    ]
    post_quoting_rui = MonthlyCount.objects.filter(
        kind="outlet-expert", subject_id=archive.post.pk, other_id=archive.rui.pk
    )
    assert sorted(post_quoting_rui.values_list("month", "uses")) == [
        (datetime.date(2026, 2, 1), 1),
        (datetime.date(2026, 3, 1), 1),
    ]
    assert_kept_right()


def test_publishing_withdrawing_and_unpublishing(archive, superuser):
    workflow.review_publish(review=archive.draft, by=superuser)
    assert tallies.per_month("outlet", archive.courier.pk, Q1)[1][1] == 1
    assert_kept_as_rebuilt()
    workflow.review_withdraw(review=archive.january, by=superuser)
    assert tallies.ranked("outlet-tag", Q1, 8, other=Tag.objects.get(name="ports").pk) == [
        Ranked("Courier", archive.courier.slug, 1),
        Ranked("Post", archive.post.slug, 1),
    ]
    assert_kept_right()
    workflow.review_to_draft(review=archive.january, by=superuser)
    assert_kept_as_rebuilt()


def test_a_scheduled_review_counts_from_its_time_without_any_write(archive, superuser):
    at = timezone.now() + datetime.timedelta(hours=2)
    workflow.review_schedule(review=archive.draft, by=superuser, at=at)
    february = tallies.per_month("expert", archive.rui.pk, Q1)[1]
    assert february == (datetime.date(2026, 2, 1), 1)
    assert_same_as_counted_directly()
    with time_machine.travel(at + datetime.timedelta(seconds=1), tick=False):
        february = tallies.per_month("expert", archive.rui.pk, Q1)[1]
        assert february == (datetime.date(2026, 2, 1), 2)
        assert_kept_right()


def test_a_review_dated_after_today_in_this_month_is_not_in_the_last_months(archive):
    """The subject pages' period ends today: a review dated later this month is left out,
    though its month's count holds it."""
    today = timezone.localdate()
    later = today + datetime.timedelta(days=1)
    if later.month != today.month:
        later = today
        today -= datetime.timedelta(days=1)
    CitationFactory(
        story__review__review_date=later, story__outlet=archive.post, expert=archive.ana
    )
    until_today, until_later = (tallies.last_months(24, today=day) for day in (today, later))
    assert tallies.per_month("outlet", archive.post.pk, until_today)[-1][1] == 0
    assert tallies.per_month("outlet", archive.post.pk, until_later)[-1][1] == 1
    assert_kept_right(periods=[until_today, until_later])


def test_retagging_moves_the_counts(archive, superuser):
    story = archive.january.stories.get(outlet=archive.courier)
    moderation.story_set_tags(story=story, names=["rates", "unions"], by=superuser)
    assert_kept_as_rebuilt()
    stories = list(Story.objects.all())
    moderation.stories_add_tag(stories=stories, name="unions", by=superuser)
    assert_kept_as_rebuilt()
    moderation.stories_remove_tag(
        stories=stories[:3], tag=moderation.find_tag("ports"), by=superuser
    )
    assert_kept_right()


def test_merging_tags_and_experts_moves_the_counts(archive, superuser):
    moderation.tags_merge(
        tags=[moderation.find_tag("rates")], into=moderation.find_tag("ports"), by=superuser
    )
    assert_kept_as_rebuilt()
    moderation.experts_merge(experts=[archive.rui], into=archive.ana, by=superuser)
    assert tallies.per_month("expert", archive.ana.pk, Q1) == [
        (datetime.date(2026, 1, 1), 2),  # Herald's story had cited both: one citation is left
        (datetime.date(2026, 2, 1), 1),
        (datetime.date(2026, 3, 1), 2),
    ]
    assert_kept_right()


def test_moving_redating_and_deleting_keeps_the_counts_right(archive):
    story = archive.january.stories.get(outlet=archive.courier)
    story.outlet = archive.post
    story.save()
    assert_kept_as_rebuilt()
    Story.objects.filter(pk=story.pk).update(review=archive.march, position=99)
    assert_kept_as_rebuilt()
    Citation.objects.filter(expert=archive.ana, story__review=archive.march).update(
        expert=archive.rui
    )
    assert_kept_as_rebuilt()
    archive.february.review_date = datetime.date(2026, 1, 20)
    archive.february.save()
    assert_kept_right()
    archive.late_march.stories.get().delete()
    assert_kept_as_rebuilt()
    archive.january.delete()
    assert_kept_right()
    Review.objects.all().delete()
    assert_kept_as_rebuilt()
    assert not kept()


def test_a_generated_archive_is_counted():
    """Bulk inserts (the generator) send no signal: the triggers count them anyway."""
    call_command("generate_content", reviews=8, seed=5, per_day=2, verbosity=0)
    assert MonthlyCount.objects.filter(kind="tag-expert").exists()
    assert_kept_right(each_subject=False)
