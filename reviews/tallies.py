"""Published stories and citations counted over time: per month, per week, per subject.

What the charts (reviews/site/charts.py), the trends page and the API draw from. Every tally
starts from a `published()` method and is bounded by a period of review dates, so that its
cost follows the period (an index range of review dates), not the archive's size.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, Max, Min, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from reviews.models import Citation, Story, TaggedStory, join_position
from reviews.translations import name_in_language

# How far back a subject's page and an index's sparklines look, in months.
SUBJECT_MONTHS = 24
SPARKLINE_MONTHS = 12
# Rising topics: this week against the average of this many weeks before it.
WEEKS_COMPARED = 4
# The longest period a reader may ask the trends page for, in days.
LONGEST_PERIOD = 366


@dataclass(frozen=True)
class Period:
    """Review dates from `start` to `end`, both included."""

    start: datetime.date
    end: datetime.date

    def q(self, prefix: str) -> Q:
        """The condition "the review date (`prefix`review_date) is in the period"."""
        return Q(**{f"{prefix}review_date__gte": self.start, f"{prefix}review_date__lte": self.end})

    def months(self) -> list[datetime.date]:
        """The first day of every month the period touches, in order."""
        month, months = self.start.replace(day=1), []
        while month <= self.end:
            months.append(month)
            month = (month + datetime.timedelta(days=32)).replace(day=1)
        return months

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def last_months(count: int, *, today: datetime.date | None = None) -> Period:
    """The `count` calendar months up to today, this one included."""
    end = today or timezone.localdate()
    start = end.replace(day=1)
    for _ in range(count - 1):
        start = (start - datetime.timedelta(days=1)).replace(day=1)
    return Period(start, end)


# Each kind of subject: its published uses, the path from a use to its review, and the
# field naming the subject on the use.
USES = {
    "outlet": (Story.objects.published, "review__", "outlet_id"),
    "tag": (TaggedStory.objects.published, "content_object__review__", "tag_id"),
    "expert": (Citation.objects.published, "story__review__", "expert_id"),
}


def uses_in(kind: str, period: Period) -> QuerySet:
    """The published uses of outlets (stories), tags (tag links) or experts (citations)
    whose review date is in the period."""
    published, prefix, _ = USES[kind]
    return published().filter(period.q(prefix))


def per_month(uses: QuerySet, review: str, period: Period) -> list[tuple[datetime.date, int]]:
    """(first day of the month, number of `uses`) for every month of the period, zeros
    included: one GROUP BY over the period's rows."""
    found = dict(
        uses.filter(period.q(review))
        .annotate(month=TruncMonth(f"{review}review_date"))
        .order_by()
        .values("month")
        .annotate(uses=Count("pk"))
        .values_list("month", "uses")
    )
    return [(month, found.get(month, 0)) for month in period.months()]


def monthly_by_subject(kind: str, ids, period: Period) -> dict[int, list[int]]:
    """For each of the subjects `ids` of `kind`, its uses in each month of the period (the
    sparklines of an index), in one query."""
    _, prefix, subject = USES[kind]
    rows = (
        uses_in(kind, period)
        .filter(**{f"{subject}__in": list(ids)})
        .annotate(month=TruncMonth(f"{prefix}review_date"))
        .order_by()
        .values(subject, "month")
        .annotate(uses=Count("pk"))
        .values_list(subject, "month", "uses")
    )
    months = {month: index for index, month in enumerate(period.months())}
    series = defaultdict(lambda: [0] * len(months))
    for subject_id, month, uses in rows:
        series[subject_id][months[month]] = uses
    return {subject_id: series[subject_id] for subject_id in ids}


@dataclass(frozen=True)
class Ranked:
    """A subject with its number of uses: `slug` to link it, `name` to show it."""

    name: str
    slug: str
    uses: int


def ranked(uses: QuerySet, subject: str, limit: int) -> list[Ranked]:
    """The `limit` subjects (`subject`: the path to an outlet, expert or tag) most used by
    `uses`, most first, then by name."""
    rows = (
        uses.order_by()
        .values(name=name_in_language(subject), slug=F(f"{subject}__slug"))
        .annotate(uses=Count("pk"))
        .order_by("-uses", "name")[:limit]
    )
    return [Ranked(**row) for row in rows]


# What a subject's page shows.


def citations_by_month_and_outlet(
    expert, period: Period
) -> list[tuple[datetime.date, list[Ranked]]]:
    """The expert's citations in each month of the period, by outlet (most first), in one
    query: every month of the period, those without citations too."""
    rows = (
        Citation.objects.published()
        .filter(period.q("story__review__"), expert=expert)
        .annotate(month=TruncMonth("story__review__review_date"))
        .order_by()
        .values("month", name=name_in_language("story__outlet"), slug=F("story__outlet__slug"))
        .annotate(uses=Count("pk"))
    )
    found = defaultdict(list)
    for row in rows:
        found[row.pop("month")].append(Ranked(**row))
    return [
        (month, sorted(found[month], key=lambda outlet: (-outlet.uses, outlet.name)))
        for month in period.months()
    ]


def expert_months_by_outlet(
    expert, period: Period, *, outlets: int = 4
) -> tuple[list[str], list[tuple[datetime.date, list[int]]]]:
    """The expert's citations per month, split by outlet: the `outlets` outlets quoting them
    most in the period by name, the others together last. (names, [(month, [uses, ...])])."""
    months = citations_by_month_and_outlet(expert, period)
    totals = defaultdict(int)
    for _, found in months:
        for outlet in found:
            totals[outlet.name] += outlet.uses
    leading = sorted(totals, key=lambda name: (-totals[name], name))
    names = leading[:outlets] + ([OTHERS] if len(leading) > outlets else [])
    column = {name: min(index, outlets) for index, name in enumerate(leading)}
    series = []
    for month, found in months:
        uses = [0] * len(names)
        for outlet in found:
            uses[column[outlet.name]] += outlet.uses
        series.append((month, uses))
    return names, series


OTHERS = "…"  # the outlets beyond those named; the chart's legend translates it


@dataclass(frozen=True)
class PositionHeld:
    title: str
    first: datetime.date
    last: datetime.date
    uses: int


def positions_held(expert, period: Period) -> list[PositionHeld]:
    """Each position and organisation the expert was cited with in the period, first cited
    first. (Over the whole archive it would read every citation of a much-quoted expert.)"""
    rows = (
        Citation.objects.published()
        .filter(period.q("story__review__"), expert=expert)
        .order_by()
        .values("position", "organisation")
        .annotate(
            first=Min("story__review__review_date"),
            last=Max("story__review__review_date"),
            uses=Count("pk"),
        )
        .order_by("first", "position")
    )
    return [
        PositionHeld(
            join_position(row["position"], row["organisation"]),
            row["first"],
            row["last"],
            row["uses"],
        )
        for row in rows
        if row["position"] or row["organisation"]
    ]


# What the trends page shows.


@dataclass(frozen=True)
class RisingTopic:
    name: str
    slug: str
    this_week: int
    weekly_before: float  # the average of the weeks compared

    @property
    def rise(self) -> float:
        return self.this_week - self.weekly_before


def rising_topics(end: datetime.date, *, limit: int = 10) -> list[RisingTopic]:
    """Topics with more stories in the week ending `end` than in an average week of the
    `WEEKS_COMPARED` weeks before, the steepest rise first."""
    week_start = end - datetime.timedelta(days=6)
    period = Period(week_start - datetime.timedelta(weeks=WEEKS_COMPARED), end)
    this_week = Q(content_object__review__review_date__gte=week_start)
    rows = (
        uses_in("tag", period)
        .order_by()
        .values(name=name_in_language("tag"), slug=F("tag__slug"))
        .annotate(this_week=Count("pk", filter=this_week), before=Count("pk", filter=~this_week))
    )
    topics = [
        RisingTopic(row["name"], row["slug"], row["this_week"], row["before"] / WEEKS_COMPARED)
        for row in rows
    ]
    rising = [topic for topic in topics if topic.rise > 0]
    return sorted(rising, key=lambda topic: (-topic.rise, -topic.this_week, topic.name))[:limit]


@dataclass
class Matrix:
    """Who quotes whom: `counts[i][j]` citations of `experts[j]` by `outlets[i]`."""

    outlets: list[Ranked]
    experts: list[Ranked]
    counts: list[list[int]]

    @property
    def largest(self) -> int:
        return max((count for row in self.counts for count in row), default=0)


def who_quotes_whom(period: Period, *, outlets: int = 8, experts: int = 8) -> Matrix:
    """The `experts` most quoted experts of the period against the `outlets` outlets that
    quoted the most, each cell the citations of that expert by that outlet: one query."""
    rows = list(
        uses_in("expert", period)
        .order_by()
        .values(
            outlet_name=name_in_language("story__outlet"),
            outlet_slug=F("story__outlet__slug"),
            expert_name=name_in_language("expert"),
            expert_slug=F("expert__slug"),
        )
        .annotate(uses=Count("pk"))
    )

    def leading(role: str, limit: int) -> list[Ranked]:
        totals, names = defaultdict(int), {}
        for row in rows:
            totals[row[f"{role}_slug"]] += row["uses"]
            names[row[f"{role}_slug"]] = row[f"{role}_name"]
        chosen = sorted(totals, key=lambda slug: (-totals[slug], names[slug]))[:limit]
        return [Ranked(names[slug], slug, totals[slug]) for slug in chosen]

    shown_outlets, shown_experts = leading("outlet", outlets), leading("expert", experts)
    cells = {(row["outlet_slug"], row["expert_slug"]): row["uses"] for row in rows}
    return Matrix(
        shown_outlets,
        shown_experts,
        [
            [cells.get((outlet.slug, expert.slug), 0) for expert in shown_experts]
            for outlet in shown_outlets
        ],
    )
