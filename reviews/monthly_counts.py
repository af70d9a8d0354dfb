"""Published uses per subject, or pair of subjects, and month, counted ahead: the table
(MonthlyCount) that the charts' tallies (reviews.tallies) read, so that a chart reads a row
per month from an index instead of counting every story of its period.

Each kind is said once, in SQL: which content rows are its uses and which subjects each use
counts for. The database triggers that keep the table on every write (as reviews.counts keeps
its counts), the refill, and the reading that subtracts what readers do not see yet all
derive from that one definition. See docs/PERFORMANCE.md, "Charts (issue 19)".
"""

import calendar
import datetime
from dataclasses import dataclass

from django.db import connections, router
from taggit.models import Tag

from reviews.models import Expert, MonthlyCount, Outlet, ReviewStatus
from reviews.triggers import drop_row_trigger_sql, row_trigger_sql

TABLE = MonthlyCount._meta.db_table
# The status the triggers count by, as an SQL literal; reading subtracts the scheduled ones.
PUBLISHED = f"'{ReviewStatus.PUBLISHED.value}'"

# The content a use is read from, each table under its alias, and how it joins the others.
TABLES = {
    "review": "reviews_review",
    "story": "reviews_story",
    "tagged": "reviews_taggedstory",
    "citation": "reviews_citation",
}
JOINS = {
    "review": "{review}.status = " + PUBLISHED,
    "story": "{story}.review_id = {review}.id",
    "tagged": "{tagged}.content_object_id = {story}.id",
    "citation": "{citation}.story_id = {story}.id",
}
# What an update of a row must change to change any count.
CHANGED = {
    "review": f"(OLD.status = {PUBLISHED}) <> (NEW.status = {PUBLISHED}) "
    f"OR (NEW.status = {PUBLISHED} AND OLD.review_date <> NEW.review_date)",
    "story": "OLD.outlet_id <> NEW.outlet_id OR OLD.review_id <> NEW.review_id OR OLD.id <> NEW.id",
    "tagged": "OLD.tag_id <> NEW.tag_id OR OLD.content_object_id <> NEW.content_object_id",
    "citation": "OLD.expert_id <> NEW.expert_id OR OLD.story_id <> NEW.story_id",
}


@dataclass(frozen=True)
class Kind:
    """What one kind counts: the tables joined (`uses`, aliases of TABLES), the subject each
    use counts for (SQL over the aliases) and its model, and for a pair the second subject."""

    name: str
    uses: tuple[str, ...]
    subject: str
    subject_model: type
    other: str = "0"
    other_model: type | None = None

    def columns(self, vendor: str, **names) -> list[str]:
        """(subject, other subject, month) of a use, the aliases renamed by `names`."""
        aliases = {alias: alias for alias in self.uses} | names
        return [
            self.subject.format(**aliases),
            self.other.format(**aliases),
            month_of(vendor, "{review}.review_date".format(**aliases)),
        ]

    def source(self, **names) -> tuple[str, str]:
        """(FROM, WHERE) of the uses, the aliases renamed by `names`: a table whose alias is
        renamed to a row ("NEW", "OLD") is read from that row instead of joined."""
        aliases = {alias: alias for alias in self.uses} | names
        tables = ", ".join(f"{TABLES[alias]} {alias}" for alias in self.uses if alias not in names)
        return tables, " AND ".join(JOINS[alias].format(**aliases) for alias in self.uses)


STORIES = ("review", "story")
KINDS = {
    kind.name: kind
    for kind in [
        Kind("outlet", STORIES, "{story}.outlet_id", Outlet),
        Kind("tag", (*STORIES, "tagged"), "{tagged}.tag_id", Tag),
        Kind("expert", (*STORIES, "citation"), "{citation}.expert_id", Expert),
        Kind(
            "outlet-expert",
            (*STORIES, "citation"),
            "{story}.outlet_id",
            Outlet,
            "{citation}.expert_id",
            Expert,
        ),
        Kind(
            "outlet-tag", (*STORIES, "tagged"), "{story}.outlet_id", Outlet, "{tagged}.tag_id", Tag
        ),
        Kind(
            "tag-expert",
            (*STORIES, "tagged", "citation"),
            "{tagged}.tag_id",
            Tag,
            "{citation}.expert_id",
            Expert,
        ),
    ]
}


def month_of(vendor: str, date: str) -> str:
    """SQL for the first day of the month of `date` (SQL), as a date."""
    if vendor == "postgresql":
        return f"CAST(date_trunc('month', {date}) AS date)"
    return f"date({date}, 'start of month')"


# Writing


def _add_row(kind: Kind, vendor: str, alias: str, row: str, sign: int) -> str:
    """The statement by which `row` of the table `alias` adds (sign 1) or removes (sign -1)
    its uses of `kind`."""
    columns = kind.columns(vendor, **{alias: row})
    tables, where = kind.source(**{alias: row})
    grouped = ", ".join(column for column in columns if f"{row}." not in column and column != "0")
    return (
        f"INSERT INTO {TABLE} (kind, subject_id, other_id, month, uses) "
        f"SELECT '{kind.name}', {', '.join(columns)}, {sign} * COUNT(*) FROM {tables} "
        f"WHERE {where} GROUP BY {grouped} ORDER BY {grouped} "
        f"ON CONFLICT (kind, subject_id, month, other_id) "
        f"DO UPDATE SET uses = {TABLE}.uses + excluded.uses;"
    )


def trigger_sql(vendor: str) -> list[str]:
    """The statements that create the triggers keeping the table on this database."""
    triggers = {}
    for alias, table in TABLES.items():
        kinds = [kind for kind in KINDS.values() if alias in kind.uses]

        def rows(row: str, sign: int, alias=alias, kinds=kinds) -> list[str]:
            return [_add_row(kind, vendor, alias, row, sign) for kind in kinds]

        triggers[table] = (rows, CHANGED[alias])
    return row_trigger_sql(vendor, "tally", triggers)


def drop_trigger_sql(vendor: str) -> list[str]:
    return drop_row_trigger_sql(vendor, "tally", TABLES.values())


def refill_sql(vendor: str) -> list[str]:
    """The statements that rebuild the table from the content (reviews.counts.recount)."""
    statements = [f"DELETE FROM {TABLE};"]
    for kind in KINDS.values():
        columns = kind.columns(vendor)
        tables, where = kind.source()
        grouped = ", ".join(column for column in columns if column != "0")
        statements.append(
            f"INSERT INTO {TABLE} (kind, subject_id, other_id, month, uses) "
            f"SELECT '{kind.name}', {', '.join(columns)}, COUNT(*) FROM {tables} "
            f"WHERE {where} GROUP BY {grouped};"
        )
    return statements


# Reading


def last_day_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def counted(
    kind: str,
    start: datetime.date,
    end: datetime.date,
    *,
    now: datetime.datetime,
    subject: int | None = None,
    other: int | None = None,
    subjects: list[int] | None = None,
) -> tuple[str, list, str]:
    """(SQL, its parameters, the database alias) of rows (subject_id, other_id, month, uses)
    whose sums, per subject, pair or month, are the uses of `kind` in public reviews dated
    from `start` to `end`: the kept counts of every month the period touches, and -1 for
    each use counted there that readers do not see in the period (in a review still
    scheduled, or dated in those months but outside the period: few, from an index range).
    Only those of `subject` (first of a pair), `other` (second) or `subjects` when given."""
    using = router.db_for_read(MonthlyCount)
    ops, vendor = connections[using].ops, connections[using].vendor
    found = KINDS[kind]
    first, last = start.replace(day=1), last_day_of_month(end)
    date = ops.adapt_datefield_value

    subject_sql, other_sql, month_sql = found.columns(vendor)
    kept, kept_params = ["kind = %s", "month BETWEEN %s AND %s"], [kind, date(first), date(last)]
    hidden = ["(review.publish_at > %s AND review.review_date BETWEEN %s AND %s)"]
    hidden_params = [ops.adapt_datetimefield_value(now), date(start), date(end)]
    if start > first:
        hidden.append("review.review_date BETWEEN %s AND %s")
        hidden_params += [date(first), date(start - datetime.timedelta(days=1))]
    if end < last:
        hidden.append("review.review_date BETWEEN %s AND %s")
        hidden_params += [date(end + datetime.timedelta(days=1)), date(last)]
    tables, where = found.source()
    unseen, unseen_params = [where, f"({' OR '.join(hidden)})"], hidden_params

    for column, expression, value in (
        ("subject_id", subject_sql, subject),
        ("other_id", other_sql, other),
    ):
        if value is not None:
            kept.append(f"{column} = %s")
            unseen.append(f"{expression} = %s")
            kept_params.append(value)
            unseen_params.append(value)
    if subjects is not None:
        listed = ", ".join(["%s"] * len(subjects))
        kept.append(f"subject_id IN ({listed})")
        unseen.append(f"{subject_sql} IN ({listed})")
        kept_params += subjects
        unseen_params += subjects
    sql = (
        f"SELECT subject_id, other_id, month, uses FROM {TABLE} WHERE {' AND '.join(kept)} "
        f"UNION ALL SELECT {subject_sql}, {other_sql}, {month_sql}, -1 FROM {tables} "
        f"WHERE {' AND '.join(unseen)}"
    )
    return sql, kept_params + unseen_params, using


def as_date(value) -> datetime.date:
    """A month as read by a raw query: a date on PostgreSQL, text on SQLite."""
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)
