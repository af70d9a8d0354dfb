"""How many published stories each outlet, tag or expert has, without reading the archive.

Counting what is public the direct way joins every story to its review: at six hundred
thousand stories (and two million story tags) that is seconds per page. Nearly everything
in an archive is published, so the count is taken the other way round: every use of each
subject (read from an index alone, no join), minus the uses in the few reviews that are not
public (found through the status index). Both in one query.
"""

from collections import defaultdict

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from .models import ReviewQuerySet


def published_counts(uses: QuerySet, subject: str, *, review: str, now=None) -> dict[int, int]:
    """{subject id: number of `uses` in published reviews}, for the subjects that have any.

    `uses` are rows naming a subject (e.g. stories by `outlet_id`); `review` is the path
    from them to their review (e.g. "review__").
    """
    everything = uses.order_by().values(subject).annotate(uses=Count("*"))
    hidden = (
        uses.filter(ReviewQuerySet.unpublished_q(prefix=review, now=now))
        .order_by()
        .values(subject)
        .annotate(uses=Count("*") * -1)
    )
    counts: dict[int, int] = defaultdict(int)
    for row in everything.union(hidden, all=True):
        counts[row[subject]] += row["uses"]
    return {pk: count for pk, count in counts.items() if count > 0}


def count_per_row(uses: QuerySet, link: str) -> Coalesce:
    """A count of `uses` whose `link` is the outer row, as a correlated subquery.

    For admin lists: computed for the hundred rows shown only, where `Count()` over a join
    would aggregate every row of the table before the first page could be shown.
    """
    counted = (
        uses.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(uses=Count("*"))
        .values("uses")
    )
    return Coalesce(Subquery(counted), 0)
