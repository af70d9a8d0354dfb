"""Published stories and citations counted over time: per month, per week, per subject.

What the charts (reviews/site/charts.py), the trends page and the API draw from. The monthly
tallies read the counts kept per subject and month (reviews.monthly_counts), less what is
not public yet, so that their cost follows the number of months and subjects shown, not
the number of stories; the rest (weeks, positions held) count a bounded period of review
dates from `published()` content.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import connections
from django.db.models import Count, F, Max, Min, Q, QuerySet
from django.utils import timezone

from reviews import monthly_counts
from reviews.models import Citation, Story, TaggedStory, join_position
from reviews.monthly_counts import as_date

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
# field naming the subject on the use (for what is still counted from the content).
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


def sums(
    kind: str,
    period: Period,
    *,
    by: tuple[str, ...],
    named: tuple[str, ...] = (),
    then: str = "",
    then_params: tuple = (),
    **only,
) -> list[tuple]:
    """The published uses of `kind` (reviews.monthly_counts.KINDS) in the period, summed by
    `by` ("subject_id", "other_id", "month"), groups without any left out: one query over
    the kept monthly counts. Each column in `named` comes as the subject's name and slug
    (under the aliases "subject" and "other"); `then` orders or limits; `only` (subject,
    other, subjects) says whose uses."""
    found = monthly_counts.KINDS[kind]
    counted, params, using = monthly_counts.counted(
        kind, period.start, period.end, now=timezone.now(), **only
    )
    grouped = ", ".join(by)
    columns, joins = [], []
    for column in by:
        if column in named:
            alias = column.removesuffix("_id")
            model = found.subject_model if alias == "subject" else found.other_model
            joins.append(f"JOIN {model._meta.db_table} {alias} ON {alias}.id = summed.{column}")
            columns += [f"{alias}.name", f"{alias}.slug"]
        else:
            columns.append(f"summed.{column}")
    sql = (
        f"SELECT {', '.join(columns)}, summed.uses FROM (SELECT {grouped}, SUM(uses) AS uses "
        f"FROM ({counted}) counted GROUP BY {grouped} HAVING SUM(uses) > 0) summed "
        f"{' '.join(joins)} {then}"
    )
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [*params, *then_params])
        return cursor.fetchall()


def per_month(kind: str, subject_id: int, period: Period) -> list[tuple[datetime.date, int]]:
    """(first day of the month, the subject's uses) for every month of the period, zeros
    included: an outlet's or a tag's stories, an expert's citations."""
    found = {
        as_date(month): uses
        for month, uses in sums(kind, period, by=("month",), subject=subject_id)
    }
    return [(month, found.get(month, 0)) for month in period.months()]


def monthly_by_subject(kind: str, ids, period: Period) -> dict[int, list[int]]:
    """For each of the subjects `ids` of `kind`, its uses in each month of the period (the
    sparklines of an index), in one query."""
    ids = list(ids)
    months = {month: index for index, month in enumerate(period.months())}
    series = defaultdict(lambda: [0] * len(months))
    if ids:
        for subject_id, month, uses in sums(kind, period, by=("subject_id", "month"), subjects=ids):
            series[subject_id][months[as_date(month)]] = uses
    return {subject_id: series[subject_id] for subject_id in ids}


@dataclass(frozen=True)
class Ranked:
    """A subject with its number of uses: `slug` to link it, `name` to show it."""

    name: str
    slug: str
    uses: int


def ranked(
    kind: str, period: Period, limit: int, *, subject: int | None = None, other: int | None = None
) -> list[Ranked]:
    """The `limit` subjects most used in the period, most first, then by name: of a pair
    kind, the second subjects paired with `subject` or the first paired with `other` (the
    experts an outlet quoted, the outlets that covered a tag); of a kind of one subject,
    every subject (the most quoted experts)."""
    side = "other_id" if subject is not None else "subject_id"
    alias = side.removesuffix("_id")
    rows = sums(
        kind,
        period,
        by=(side,),
        named=(side,),
        then=f"ORDER BY summed.uses DESC, {alias}.name LIMIT %s",
        then_params=(limit,),
        subject=subject,
        other=other,
    )
    return [Ranked(*row) for row in rows]


# What a subject's page shows.


def citations_by_month_and_outlet(
    expert, period: Period
) -> list[tuple[datetime.date, list[Ranked]]]:
    """The expert's citations in each month of the period, by outlet (most first), in one
    query: every month of the period, those without citations too."""
    rows = sums(
        "outlet-expert", period, by=("month", "subject_id"), named=("subject_id",), other=expert.pk
    )
    found = defaultdict(list)
    for month, *outlet in rows:
        found[as_date(month)].append(Ranked(*outlet))
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
        .values(name=F("tag__name"), slug=F("tag__slug"))
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
    rows = sums(
        "outlet-expert", period, by=("subject_id", "other_id"), named=("subject_id", "other_id")
    )  # (outlet name, outlet slug, expert name, expert slug, citations)

    def leading(at: int, limit: int) -> list[Ranked]:
        """The `limit` subjects named in columns `at` and `at` + 1 with the most citations."""
        totals, names = defaultdict(int), {}
        for row in rows:
            totals[row[at + 1]] += row[-1]
            names[row[at + 1]] = row[at]
        chosen = sorted(totals, key=lambda slug: (-totals[slug], names[slug]))[:limit]
        return [Ranked(names[slug], slug, totals[slug]) for slug in chosen]

    shown_outlets, shown_experts = leading(0, outlets), leading(2, experts)
    cells = {(outlet, expert): uses for _, outlet, _, expert, uses in rows}
    return Matrix(
        shown_outlets,
        shown_experts,
        [
            [cells.get((outlet.slug, expert.slug), 0) for expert in shown_experts]
            for outlet in shown_outlets
        ],
    )
