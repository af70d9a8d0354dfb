"""Time the charts' tallies (issue 19), in-process: counted from the content on each request
as before, against read from the monthly counts kept by triggers (reviews.monthly_counts).

    DATABASE_URL=postgres://... python bench/charts.py [--runs 7]

Against a database filled by `manage.py generate_content --reviews N`. "before" runs the
queries the charts ran until the monthly counts (tests/support/direct_tallies.py, the tests'
reference), "after" those of reviews.tallies; both must give the same answers. The subjects
are the most used outlet, tag and expert. Best of --runs runs each, page cache off: SQL time
and number of queries. Prints a Markdown table, then the pages as served now.
"""

import sys

import harness


def main() -> int:
    parser = harness.arguments(__doc__)
    parser.add_argument("--runs", type=harness.positive, default="7")
    args = parser.parse_args()
    harness.setup_django(PRESSREVIEW_PAGE_CACHE_SECONDS="0")
    harness.require_database()

    import datetime

    from django.test import Client
    from django.utils import timezone
    from taggit.models import Tag

    from reviews import tallies
    from reviews.counts import published_counts
    from reviews.models import Citation, Expert, Outlet, Review, Story
    from tests.support import direct_tallies as before

    def most_used(kind, model):
        counts = published_counts(kind)
        return model.objects.get(pk=max(counts, key=counts.get)), counts

    outlet, outlets = most_used("outlet", Outlet)
    tag, tags = most_used("tag", Tag)
    expert, _ = most_used("expert", Expert)
    first_experts = list(
        Expert.objects.published().order_by("sort_name", "pk").values_list("pk", flat=True)[:60]
    )
    subject_period = tallies.last_months(tallies.SUBJECT_MONTHS)
    sparkline_period = tallies.last_months(tallies.SPARKLINE_MONTHS)
    today = timezone.localdate()
    month, year = (
        tallies.Period(today - datetime.timedelta(days=days - 1), today) for days in (30, 365)
    )
    api_period = tallies.Period(today - datetime.timedelta(days=730), today)
    print(
        f"{Review.objects.count():,} reviews, {Story.objects.count():,} stories, "
        f"{Citation.objects.count():,} citations; "
        f"{Review.objects.published().filter(subject_period.q('')).count():,} published "
        f"reviews in the last {tallies.SUBJECT_MONTHS} months; load average "
        f"{harness.load_average():.1f}",
        flush=True,
    )

    def charts(way):
        """What each page charts, as tallies (the drawing aside), by `way` of counting."""
        return {
            f"outlet page ({outlet.name})": lambda: (
                way.per_month("outlet", outlet.pk, subject_period),
                way.ranked("outlet-expert", subject_period, 8, subject=outlet.pk),
                way.ranked("outlet-tag", subject_period, 8, subject=outlet.pk),
            ),
            f"tag page ({tag.name})": lambda: (
                way.per_month("tag", tag.pk, subject_period),
                way.ranked("outlet-tag", subject_period, 8, other=tag.pk),
                way.ranked("tag-expert", subject_period, 8, subject=tag.pk),
            ),
            f"expert page ({expert.name})": lambda: way.citations_by_month_and_outlet(
                expert, subject_period
            ),
            f"tag index ({len(tags)} sparklines)": lambda: way.monthly_by_subject(
                "tag", list(tags), sparkline_period
            ),
            f"outlet index ({len(outlets)} sparklines)": lambda: way.monthly_by_subject(
                "outlet", list(outlets), sparkline_period
            ),
            "expert index (60 sparklines)": lambda: way.monthly_by_subject(
                "expert", first_experts, sparkline_period
            ),
            "/trends/, 30 days": lambda: (
                way.ranked("expert", month, 10),
                way.who_quotes_whom(month),
            ),
            "/trends/, a year": lambda: (
                way.ranked("expert", year, 10),
                way.who_quotes_whom(year),
            ),
            "API, 2 years": lambda: way.citations_by_month_and_outlet(expert, api_period),
        }

    def best(function) -> harness.Sample:
        return harness.timed(function, runs=args.runs, warmup=1).best()

    table = harness.Table(("chart", 34), ("before", 26), ("after", 26))
    old, new = charts(before), charts(tallies)
    for name in old:
        if old[name]() != new[name]():
            harness.fail(f"{name}: the monthly counts give another answer than the content")
        was, now = best(old[name]), best(new[name])
        table.row(
            name,
            f"SQL {was.sql_ms:.1f} ms, {was.queries} q.",
            f"SQL {now.sql_ms:.1f} ms, {now.queries} q.",
        )
    unchanged = {
        "rising topics (weeks)": lambda: tallies.rising_topics(today),
        "positions held (24 months)": lambda: tallies.positions_held(expert, subject_period),
    }
    for name, function in unchanged.items():
        now = best(function)
        table.row(name, "(the same)", f"SQL {now.sql_ms:.1f} ms, {now.queries} q.")

    print(flush=True)
    client = Client(SERVER_NAME="localhost")
    pages = harness.Table(("page, as served now", 34), ("wall", 12), ("SQL", 26))
    for path in (
        outlet.get_absolute_url(),
        f"/tags/{tag.slug}/",
        expert.get_absolute_url(),
        "/tags/",
        "/outlets/",
        "/experts/",
        "/trends/",
    ):
        status = client.get(path).status_code
        if status != 200:
            harness.fail(f"{path} answers HTTP {status}")
        now = best(lambda path=path: client.get(path))
        pages.row(f"`{path}`", f"{now.wall_ms:.1f} ms", f"{now.sql_ms:.1f} ms, {now.queries} q.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
