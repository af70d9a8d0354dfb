"""What each reader page charts: a subject's page, the indexes' sparklines, the trends page.

The counts come from reviews.tallies (published content only, bounded by a period of review
dates), the drawing from reviews.site.charts.
"""

import datetime
from functools import partial

from django.utils.translation import gettext as _

from reviews import tallies
from reviews.addresses import address
from reviews.site.charts import bar_list, column_chart, matrix_chart, rises, sparkline

RANKED = 8  # how many experts, outlets or topics a ranked list shows

outlet_link = partial(address, "reviews:outlet-detail")
expert_link = partial(address, "reviews:expert-detail")
tag_link = partial(address, "reviews:tag-detail")


def outlet_figures(outlet, *, today=None) -> dict:
    """Its stories per month, the experts it quoted most, its main topics."""
    period = tallies.last_months(tallies.SUBJECT_MONTHS, today=today)
    return stories_figures(
        period,
        tallies.per_month("outlet", outlet.pk, period),
        (
            "top-experts",
            _("Experts it quoted most"),
            "outlet-expert",
            {"subject": outlet.pk},
            expert_link,
        ),
        ("top-topics", _("Its main topics"), "outlet-tag", {"subject": outlet.pk}, tag_link),
    )


def tag_figures(tag, *, today=None) -> dict:
    """Its stories per month, the outlets covering it most, the experts quoted on it."""
    period = tallies.last_months(tallies.SUBJECT_MONTHS, today=today)
    return stories_figures(
        period,
        tallies.per_month("tag", tag.pk, period),
        (
            "top-outlets",
            _("Outlets covering it most"),
            "outlet-tag",
            {"other": tag.pk},
            outlet_link,
        ),
        ("top-experts", _("Experts quoted on it"), "tag-expert", {"subject": tag.pk}, expert_link),
    )


def stories_figures(period: tallies.Period, months, *ranked_lists) -> dict:
    """An outlet's or a tag's stories per month, then its ranked lists, each given as (key,
    title, the kind of pair counted, the subject of the page as {"subject": pk} to rank the
    pairs' second subjects or {"other": pk} to rank their first, the ranked ones' link)."""
    return {
        "period": period,
        "charts": [
            column_chart("stories-per-month", _("Stories per month"), months, unit=_("Stories"))
        ],
        "bar_lists": [
            bar_list(key, title, tallies.ranked(kind, period, RANKED, **given), link)
            for key, title, kind, given, link in ranked_lists
        ],
    }


def expert_figures(expert, *, today=None) -> dict:
    """Their citations per month by outlet, and the positions they were cited with."""
    period = tallies.last_months(tallies.SUBJECT_MONTHS, today=today)
    names, months = tallies.expert_months_by_outlet(expert, period)
    series = [_("Other outlets") if name == tallies.OTHERS else name for name in names]
    return {
        "period": period,
        "charts": [
            column_chart(
                "citations-per-month",
                _("Citations per month, by outlet"),
                months if series else [(month, 0) for month, _values in months],
                series=series or None,
                unit=_("Citations"),
            )
        ],
        "positions": tallies.positions_held(expert, period),
    }


SUBJECT_FIGURES = {"outlet": outlet_figures, "tag": tag_figures, "expert": expert_figures}


def with_sparklines(kind: str, subjects: list, *, today=None) -> list:
    """The subjects, each given `sparkline`: its uses per month over the last year."""
    period = tallies.last_months(tallies.SPARKLINE_MONTHS, today=today)
    series = tallies.monthly_by_subject(kind, [subject.pk for subject in subjects], period)
    months = period.months()
    for subject in subjects:
        subject.sparkline = sparkline(series[subject.pk], months)
    return subjects


def trends_figures(period: tallies.Period) -> dict:
    """Topics rising in the period's last week, the most quoted experts of the period, and
    which outlets quoted whom."""
    week_start = period.end - datetime.timedelta(days=6)
    rising = tallies.rising_topics(period.end)
    return {
        "rising": rises(rising, tag_link),
        "week_start": week_start,
        "weeks_compared": tallies.WEEKS_COMPARED,
        "most_quoted": bar_list(
            "most-quoted",
            _("Most quoted experts"),
            tallies.ranked("expert", period, 10),
            expert_link,
        ),
        "matrix": matrix_chart(
            "who-quotes-whom",
            _("Who quotes whom"),
            tallies.who_quotes_whom(period),
            outlet_link,
            expert_link,
        ),
    }
