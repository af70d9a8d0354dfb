"""The admin's date hierarchy over review dates, drawn without reading the listed rows."""

import calendar
import datetime

from django import template
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from reviews.models import Review

register = template.Library()


def review_date_bounds() -> tuple[datetime.date, datetime.date] | None:
    """The first and last review dates: one probe of the review-date index at each end."""
    dates = Review.objects.order_by("review_date").values_list("review_date", flat=True)
    first, last = dates.first(), dates.last()
    return (first, last) if first and last else None


@register.inclusion_tag("admin/date_hierarchy.html")
def review_date_hierarchy(cl):
    """As Django's `{% date_hierarchy %}`, for a field that is a review date, but offering every
    year from the first review to the last and every month and day of them (a daily review
    has them all) instead of asking the database which dates the filtered rows have, which
    reads every one of them (docs/PERFORMANCE.md, "The moderators' queue")."""
    field = cl.date_hierarchy
    names = {part: f"{field}__{part}" for part in ("year", "month", "day")}

    def link(filters):
        return cl.get_query_string(filters, [f"{field}__"])

    try:
        year, month, day = (
            int(cl.params[names[p]]) if names[p] in cl.params else None for p in names
        )
        if day and month and year:
            shown = datetime.date(year, month, day)
            return {
                "show": True,
                "back": {
                    "link": link({names["year"]: year, names["month"]: month}),
                    "title": capfirst(formats.date_format(shown, "YEAR_MONTH_FORMAT")),
                },
                "choices": [{"title": capfirst(formats.date_format(shown, "MONTH_DAY_FORMAT"))}],
            }
        if month and year:
            days = [
                datetime.date(year, month, number)
                for number in range(1, calendar.monthrange(year, month)[1] + 1)
            ]
            return {
                "show": True,
                "back": {"link": link({names["year"]: year}), "title": str(year)},
                "choices": [
                    {
                        "link": link(
                            {names["year"]: year, names["month"]: month, names["day"]: d.day}
                        ),
                        "title": capfirst(formats.date_format(d, "MONTH_DAY_FORMAT")),
                    }
                    for d in days
                ],
            }
        if year:
            months = [datetime.date(year, number, 1) for number in range(1, 13)]
            return {
                "show": True,
                "back": {"link": link({}), "title": _("All dates")},
                "choices": [
                    {
                        "link": link({names["year"]: year, names["month"]: m.month}),
                        "title": capfirst(formats.date_format(m, "YEAR_MONTH_FORMAT")),
                    }
                    for m in months
                ],
            }
    except (TypeError, ValueError, OverflowError):
        return {"show": False}
    bounds = review_date_bounds()
    years = range(bounds[0].year, bounds[1].year + 1) if bounds else []
    return {
        "show": True,
        "back": None,
        "choices": [{"link": link({names["year"]: str(y)}), "title": str(y)} for y in years],
    }
