"""The charts' tallies counted from the content on every call, as reviews.tallies counted them
before the monthly counts (reviews.monthly_counts): the reference the kept counts are held to.

Same names and arguments as reviews.tallies; each is one GROUP BY over the published uses of
the period, through `published()`.
"""

import datetime
from collections import defaultdict

from django.db.models import Count, F
from django.db.models.functions import TruncMonth

from reviews.models import Citation, Story, TaggedStory
from reviews.tallies import Matrix, Period, Ranked

# kind: (its published uses, the path from a use to its review, to its subject, to the
# second subject of a pair)
USES = {
    "outlet": (Story.objects.published, "review__", "outlet", None),
    "tag": (TaggedStory.objects.published, "content_object__review__", "tag", None),
    "expert": (Citation.objects.published, "story__review__", "expert", None),
    "outlet-expert": (Citation.objects.published, "story__review__", "story__outlet", "expert"),
    "outlet-tag": (
        TaggedStory.objects.published,
        "content_object__review__",
        "content_object__outlet",
        "tag",
    ),
    "tag-expert": (Citation.objects.published, "story__review__", "story__tagged__tag", "expert"),
}


def uses_in(kind: str, period: Period, **only):
    published, review, _, _ = USES[kind]
    return published().filter(period.q(review), **only)


def per_month(kind: str, subject_id: int, period: Period) -> list[tuple[datetime.date, int]]:
    _, review, subject, _ = USES[kind]
    found = dict(
        uses_in(kind, period, **{subject: subject_id})
        .annotate(month=TruncMonth(f"{review}review_date"))
        .order_by()
        .values("month")
        .annotate(uses=Count("pk"))
        .values_list("month", "uses")
    )
    return [(month, found.get(month, 0)) for month in period.months()]


def monthly_by_subject(kind: str, ids, period: Period) -> dict[int, list[int]]:
    _, review, subject, _ = USES[kind]
    rows = (
        uses_in(kind, period, **{f"{subject}__in": list(ids)})
        .annotate(month=TruncMonth(f"{review}review_date"))
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


def ranked(kind: str, period: Period, limit: int, *, subject=None, other=None) -> list[Ranked]:
    _, _, first, second = USES[kind]
    uses = uses_in(kind, period)
    if subject is not None:
        uses, side = uses.filter(**{first: subject}), second
    else:
        side = first
    if other is not None:
        uses = uses.filter(**{second: other})
    rows = (
        uses.filter(**{f"{side}__isnull": False})  # (a story without tags has no tag side)
        .order_by()
        .values(name=F(f"{side}__name"), slug=F(f"{side}__slug"))
        .annotate(uses=Count("pk"))
        .order_by("-uses", "name")[:limit]
    )
    return [Ranked(**row) for row in rows]


def citations_by_month_and_outlet(
    expert, period: Period
) -> list[tuple[datetime.date, list[Ranked]]]:
    rows = (
        Citation.objects.published()
        .filter(period.q("story__review__"), expert=expert)
        .annotate(month=TruncMonth("story__review__review_date"))
        .order_by()
        .values("month", name=F("story__outlet__name"), slug=F("story__outlet__slug"))
        .annotate(uses=Count("pk"))
    )
    found = defaultdict(list)
    for row in rows:
        found[row.pop("month")].append(Ranked(**row))
    return [
        (month, sorted(found[month], key=lambda outlet: (-outlet.uses, outlet.name)))
        for month in period.months()
    ]


def who_quotes_whom(period: Period, *, outlets: int = 8, experts: int = 8) -> Matrix:
    rows = list(
        uses_in("expert", period)
        .order_by()
        .values(
            outlet_name=F("story__outlet__name"),
            outlet_slug=F("story__outlet__slug"),
            expert_name=F("expert__name"),
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
