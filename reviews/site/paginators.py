"""Pagination that never counts a whole archive: exact up to a cap, then the planner's estimate,
shown as "about". See docs/PERFORMANCE.md, "Lists, filters and search at archive scale".
"""

import json
import math
from functools import cached_property

from django.core.paginator import EmptyPage, Page, Paginator
from django.db import connections
from django.db.models import QuerySet

DEFAULT_COUNT_CAP = 1000
# No list is this long: a page starting further on is refused before the database sees an
# offset it cannot hold (PostgreSQL's OFFSET is a bigint).
MAX_OFFSET = 2**31
# How deep the reader site's lists go by page number: past it, by date.
READER_MAX_PAGES = 50


class CappedCountPaginator(Paginator):
    count_cap = DEFAULT_COUNT_CAP

    @cached_property
    def count(self) -> int:
        if not isinstance(self.object_list, QuerySet):
            return super().count
        exact = capped_count(self.object_list, self.count_cap)
        if exact <= self.count_cap:
            self.count_is_estimate = False
            return exact
        estimate = estimated_count(self.object_list)
        if estimate is None:
            self.count_is_estimate = False
            return self.object_list.count()
        self.count_is_estimate = True
        return round_roughly(max(estimate, self.count_cap + 1))

    count_is_estimate = False

    def validate_number(self, number):
        if not self.count or not self.count_is_estimate:
            return super().validate_number(number)
        # Against an estimate, a page past the estimated end may still exist: page() tells.
        number = 1 if number in (None, "") else number
        try:
            number = int(number)
        except (TypeError, ValueError):
            return super().validate_number(number)
        if number < 1:
            return super().validate_number(number)
        if (number - 1) * self.per_page >= MAX_OFFSET:
            raise EmptyPage(self.error_messages["no_results"])
        return number

    def page(self, number):
        number = self.validate_number(number)
        if not self.count_is_estimate:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        return EstimatedPage(
            rows[: self.per_page], number, self, has_more=len(rows) > self.per_page
        )


class PageRangePaginator(CappedCountPaginator):
    """At most `max_pages` pages, so that no page reads thousands of rows before its own (an
    OFFSET reads every row it skips). A further page number is refused like one past the end;
    the last page says whether rows follow (`page.further`), for a link on by date.
    See docs/PERFORMANCE.md, "Deep pages".
    """

    max_pages = READER_MAX_PAGES

    @cached_property
    def num_pages(self) -> int:
        return min(super().num_pages, self.max_pages)

    @property
    def pages_run_out(self) -> bool:
        """Whether the list goes on past the last page offered."""
        return self.count > self.max_pages * self.per_page

    def validate_number(self, number):
        number = super().validate_number(number)
        if number > self.max_pages:
            raise EmptyPage(self.error_messages["no_results"])
        return number

    def page(self, number):
        page = super().page(number)
        page.further = page.number == self.max_pages and (
            page.has_more if isinstance(page, EstimatedPage) else self.pages_run_out
        )
        if isinstance(page, EstimatedPage) and page.number == self.max_pages:
            page.has_more = False
        return page


class EstimatedPage(Page):
    """A page of a list whose length is estimated: "next" is known from the rows."""

    def __init__(self, object_list, number, paginator, *, has_more: bool):
        super().__init__(object_list, number, paginator)
        self.has_more = has_more

    def has_next(self):
        return self.has_more

    def end_index(self):
        return (self.number - 1) * self.paginator.per_page + len(self.object_list)


def capped_count(queryset: QuerySet, cap: int) -> int:
    """The number of rows, counting no further than cap + 1."""
    return queryset.order_by().values("pk")[: cap + 1].count()


def estimated_count(queryset: QuerySet) -> int | None:
    """The planner's estimate of the number of rows (PostgreSQL), or None elsewhere."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = queryset.order_by().query.get_compiler(queryset.db).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def round_roughly(number: int) -> int:
    """Two significant digits: an estimate should not look exact."""
    if number < 100:
        return number
    scale = 10 ** (int(math.log10(number)) - 1)
    return round(number / scale) * scale
