"""The newsroom's own work, week by week, for the desk's charts: reviews published, how long
they took from first draft to publication, and the stories still waiting for their tags.

A fixed number of queries (two), each reading only the last `WEEKS` weeks.
"""

import datetime
import statistics
from dataclasses import dataclass

from django.utils import timezone

from reviews.models import Review
from reviews.newsroom.notifications import untagged_stories

WEEKS = 12


@dataclass
class Week:
    monday: datetime.date
    published: int = 0
    median_hours: int = 0  # from creation to publication, of the reviews published that week
    waiting_for_tags: int = 0  # stories of that week's reviews (by review date) with no tag


def weekly_output(*, now=None) -> list[Week]:
    """The last `WEEKS` weeks (Monday to Sunday, this one included), oldest first."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    this_monday = today - datetime.timedelta(days=today.weekday())
    weeks = [
        Week(this_monday - datetime.timedelta(weeks=back)) for back in range(WEEKS - 1, -1, -1)
    ]
    first = weeks[0].monday
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))

    def week_of(day: datetime.date) -> Week | None:
        index = (day - first).days // 7
        return weeks[index] if 0 <= index < WEEKS else None

    hours = {week.monday: [] for week in weeks}
    published = Review.objects.published(now=now).filter(publish_at__gte=start)
    for publish_at, created_at in published.values_list("publish_at", "created_at"):
        if week := week_of(timezone.localdate(publish_at)):
            week.published += 1
            hours[week.monday].append(max((publish_at - created_at).total_seconds(), 0) / 3600)
    for week in weeks:
        week.median_hours = (
            round(statistics.median(hours[week.monday])) if hours[week.monday] else 0
        )
    waiting = untagged_stories().filter(
        review__review_date__gte=first, review__review_date__lte=today
    )
    for review_date in waiting.values_list("review__review_date", flat=True):
        if week := week_of(review_date):
            week.waiting_for_tags += 1
    return weeks
