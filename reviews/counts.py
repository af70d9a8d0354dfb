"""How many published stories each outlet, tag or expert has, at the same cost at any size:
a table kept by database triggers, minus the uses in reviews still scheduled; `recount()`
rebuilds it. See docs/PERFORMANCE.md, "Counts that do not grow with the archive".
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import connections, transaction
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from reviews import monthly_counts
from reviews.models import (
    Citation,
    Review,
    ReviewQuerySet,
    ReviewStatus,
    Story,
    SubjectCount,
    TaggedStory,
)
from reviews.triggers import drop_row_trigger_sql, row_trigger_sql

TABLE = "reviews_subjectcount"
# The status the triggers count by, as an SQL literal; reading subtracts the scheduled ones.
PUBLISHED = f"'{ReviewStatus.PUBLISHED.value}'"


class Statements:
    """The statements by which a written row adds its uses (sign 1, for NEW) or removes them
    (sign -1, for OLD). With `last_published` (migration 0017 on), an added use also moves
    its subject's latest publish time forward, never back: a removed use leaves it (a
    withdrawal changed the subject's page too, later still)."""

    def __init__(self, last_published: bool = True):
        self.last_published = last_published

    def insert(self, select: str, count: str, published_at: str, sign: int, rest: str) -> str:
        """`INSERT ... SELECT kind, subject, count[, publish time] rest`, adding to the row."""
        columns, upsert = (
            "kind, subject_id, uses",
            "uses = reviews_subjectcount.uses + excluded.uses",
        )
        if self.last_published:
            columns += ", last_published"
            select += f", {count}, {published_at if sign > 0 else 'NULL'}"
            upsert += (
                ", last_published = CASE WHEN reviews_subjectcount.last_published IS NULL "
                "OR excluded.last_published > reviews_subjectcount.last_published "
                "THEN excluded.last_published ELSE reviews_subjectcount.last_published END"
            )
        else:
            select += f", {count}"
        return (
            f"INSERT INTO {TABLE} ({columns}) SELECT {select} {rest} "
            f"ON CONFLICT (kind, subject_id) DO UPDATE SET {upsert};"
        )

    def review_rows(self, row: str, sign: int) -> list[str]:
        condition = f"st.review_id = {row}.id AND {row}.status = {PUBLISHED}"
        count, when = f"{sign} * COUNT(*)", f"MAX({row}.publish_at)"
        return [
            self.insert(
                "'outlet', st.outlet_id",
                count,
                when,
                sign,
                f"FROM reviews_story st WHERE {condition} "
                f"GROUP BY st.outlet_id ORDER BY st.outlet_id",
            ),
            self.insert(
                "'tag', t.tag_id",
                count,
                when,
                sign,
                f"FROM reviews_taggedstory t JOIN reviews_story st "
                f"ON st.id = t.content_object_id WHERE {condition} "
                f"GROUP BY t.tag_id ORDER BY t.tag_id",
            ),
            self.insert(
                "'expert', c.expert_id",
                count,
                when,
                sign,
                f"FROM reviews_citation c JOIN reviews_story st ON st.id = c.story_id "
                f"WHERE {condition} GROUP BY c.expert_id ORDER BY c.expert_id",
            ),
        ]

    def story_rows(self, row: str, sign: int) -> list[str]:
        published = f"r.id = {row}.review_id AND r.status = {PUBLISHED}"
        count, when = f"{sign} * COUNT(*)", "MAX(r.publish_at)"
        return [
            self.insert(
                f"'outlet', {row}.outlet_id",
                str(sign),
                "r.publish_at",
                sign,
                f"FROM reviews_review r WHERE {published}",
            ),
            self.insert(
                "'tag', t.tag_id",
                count,
                when,
                sign,
                f"FROM reviews_taggedstory t, reviews_review r "
                f"WHERE t.content_object_id = {row}.id AND {published} "
                f"GROUP BY t.tag_id ORDER BY t.tag_id",
            ),
            self.insert(
                "'expert', c.expert_id",
                count,
                when,
                sign,
                f"FROM reviews_citation c, reviews_review r "
                f"WHERE c.story_id = {row}.id AND {published} "
                f"GROUP BY c.expert_id ORDER BY c.expert_id",
            ),
        ]

    def use_rows(self, kind: str, subject: str, story: str):
        def rows(row: str, sign: int) -> list[str]:
            return [
                self.insert(
                    f"'{kind}', {row}.{subject}",
                    str(sign),
                    "r.publish_at",
                    sign,
                    f"FROM reviews_story st JOIN reviews_review r ON r.id = st.review_id "
                    f"WHERE st.id = {row}.{story} AND r.status = {PUBLISHED}",
                )
            ]

        return rows

    def triggers(self) -> dict:
        """table: (what a row adds or removes, the condition under which an update changes it)"""
        review_changed = f"(OLD.status = {PUBLISHED}) <> (NEW.status = {PUBLISHED})"
        if self.last_published:
            # A published (scheduled) review given another time: its uses move to that time.
            review_changed += f" OR (NEW.status = {PUBLISHED} AND OLD.publish_at <> NEW.publish_at)"
        return {
            "reviews_review": (self.review_rows, review_changed),
            "reviews_story": (
                self.story_rows,
                "OLD.outlet_id <> NEW.outlet_id OR OLD.review_id <> NEW.review_id "
                "OR OLD.id <> NEW.id",
            ),
            "reviews_taggedstory": (
                self.use_rows("tag", "tag_id", "content_object_id"),
                "OLD.tag_id <> NEW.tag_id OR OLD.content_object_id <> NEW.content_object_id",
            ),
            "reviews_citation": (
                self.use_rows("expert", "expert_id", "story_id"),
                "OLD.expert_id <> NEW.expert_id OR OLD.story_id <> NEW.story_id",
            ),
        }


TRIGGERED_TABLES = ("reviews_review", "reviews_story", "reviews_taggedstory", "reviews_citation")


def trigger_sql(vendor: str, *, last_published: bool = True) -> list[str]:
    """The statements that create the counting triggers on this database; without
    `last_published`, as migration 0010 made them (the column came with 0017)."""
    return row_trigger_sql(vendor, "count", Statements(last_published).triggers())


def drop_trigger_sql(vendor: str) -> list[str]:
    return drop_row_trigger_sql(vendor, "count", TRIGGERED_TABLES)


def recount_sql(last_published: bool) -> list[str]:
    """The statements that rebuild the table from the content."""
    latest = ", MAX(r.publish_at)" if last_published else ""
    columns = "kind, subject_id, uses" + (", last_published" if last_published else "")
    return [
        f"DELETE FROM {TABLE};",
        f"INSERT INTO {TABLE} ({columns}) SELECT 'outlet', st.outlet_id, COUNT(*){latest} "
        f"FROM reviews_story st JOIN reviews_review r ON r.id = st.review_id "
        f"WHERE r.status = {PUBLISHED} GROUP BY st.outlet_id;",
        f"INSERT INTO {TABLE} ({columns}) SELECT 'tag', t.tag_id, COUNT(*){latest} "
        f"FROM reviews_taggedstory t JOIN reviews_story st ON st.id = t.content_object_id "
        f"JOIN reviews_review r ON r.id = st.review_id "
        f"WHERE r.status = {PUBLISHED} GROUP BY t.tag_id;",
        f"INSERT INTO {TABLE} ({columns}) SELECT 'expert', c.expert_id, COUNT(*){latest} "
        f"FROM reviews_citation c JOIN reviews_story st ON st.id = c.story_id "
        f"JOIN reviews_review r ON r.id = st.review_id "
        f"WHERE r.status = {PUBLISHED} GROUP BY c.expert_id;",
    ]


# The untagged stories (UntaggedStory), for the moderators' queue: a row for each story no
# tag row names, so that the queue finds them without testing every story.

UNTAGGED = "reviews_untaggedstory"


def _untag_if_bare(story: str, vendor: str) -> str:
    """Record `story` as untagged if it exists and no tag row names it."""
    verb = "INSERT OR IGNORE INTO" if vendor == "sqlite" else "INSERT INTO"
    ignore = "" if vendor == "sqlite" else " ON CONFLICT DO NOTHING"
    return (
        f"{verb} {UNTAGGED} (story_id) SELECT s.id FROM reviews_story s WHERE s.id = {story} "
        f"AND NOT EXISTS (SELECT 1 FROM reviews_taggedstory t "
        f"WHERE t.content_object_id = s.id){ignore};"
    )


def _forget(story: str) -> str:
    return f"DELETE FROM {UNTAGGED} WHERE story_id = {story};"


def untagged_trigger_sql(vendor: str) -> list[str]:
    """The statements that create the triggers keeping UntaggedStory."""
    # (table, event, what it does); an update is a removal then an addition.
    actions = [
        ("reviews_story", "INSERT", [_untag_if_bare("NEW.id", vendor)]),
        ("reviews_story", "DELETE", [_forget("OLD.id")]),
        ("reviews_taggedstory", "INSERT", [_forget("NEW.content_object_id")]),
        ("reviews_taggedstory", "DELETE", [_untag_if_bare("OLD.content_object_id", vendor)]),
        (
            "reviews_taggedstory",
            "UPDATE OF content_object_id",
            [_untag_if_bare("OLD.content_object_id", vendor), _forget("NEW.content_object_id")],
        ),
    ]
    statements = []
    for table, event, body in actions:
        name = f"{table}_untagged_{event.split()[0].lower()}"
        if vendor == "postgresql":
            statements += [
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
                + "\n".join(body)
                + "\nRETURN NULL;\nEND;\n$$;",
                f"CREATE TRIGGER {name} AFTER {event} ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {name}();",
            ]
        else:
            statements.append(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW BEGIN\n"
                + "\n".join(body)
                + "\nEND;"
            )
    return statements


def drop_untagged_trigger_sql(vendor: str) -> list[str]:
    names = [
        f"{table}_untagged_{event}"
        for table, events in (
            ("reviews_story", ("insert", "delete")),
            ("reviews_taggedstory", ("insert", "delete", "update")),
        )
        for event in events
    ]
    if vendor == "postgresql":
        return [f"DROP FUNCTION IF EXISTS {name}() CASCADE;" for name in names]
    return [f"DROP TRIGGER IF EXISTS {name};" for name in names]


REFILL_UNTAGGED_SQL = [
    f"DELETE FROM {UNTAGGED};",
    f"INSERT INTO {UNTAGGED} (story_id) SELECT s.id FROM reviews_story s WHERE NOT EXISTS "
    f"(SELECT 1 FROM reviews_taggedstory t WHERE t.content_object_id = s.id);",
]


def recount(using: str = "default") -> None:
    """Rebuild the kept counts from the content (this table, the untagged stories and the
    monthly counts, those of them the migrations have made so far), writers held off
    meanwhile (PostgreSQL)."""
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        if connection.vendor == "postgresql":
            kept = ", ".join(table for table in (TABLE, monthly_counts.TABLE) if table in tables)
            cursor.execute(
                f"LOCK TABLE reviews_review, reviews_story, reviews_taggedstory, "
                f"reviews_citation, {kept} IN SHARE ROW EXCLUSIVE MODE"
            )
        columns = {
            column.name for column in connection.introspection.get_table_description(cursor, TABLE)
        }
        statements = recount_sql("last_published" in columns)
        if UNTAGGED in tables:
            statements += REFILL_UNTAGGED_SQL
        if monthly_counts.TABLE in tables:
            statements += monthly_counts.refill_sql(connection.vendor)
        for statement in statements:
            cursor.execute(statement)


def recount_after_migrate(sender, using="default", **kwargs) -> None:
    """post_migrate (after `migrate` and `flush`): flushing deletes rows without telling the
    counts in a defined order, so they are rebuilt from what is left."""
    if TABLE in connections[using].introspection.table_names():
        recount(using)


# Reading


def _uses(kind: str):
    """The rows counted for `kind`, the subject's field, and the path to their review."""
    return {
        "outlet": (Story.objects.all(), "outlet_id", "review__"),
        "tag": (TaggedStory.objects.all(), "tag_id", "content_object__review__"),
        "expert": (Citation.objects.all(), "expert_id", "story__review__"),
    }[kind]


def published_counts(kind: str, *, ids: Iterable[int] | None = None, now=None) -> dict[int, int]:
    """{subject id: uses in published reviews} for the subjects of `kind` ("outlet", "tag",
    "expert") that have any; only those in `ids` when given."""
    now = now or timezone.now()
    counted = SubjectCount.objects.filter(kind=kind)
    uses, subject, review = _uses(kind)
    if ids is not None:
        ids = list(ids)
        counted = counted.filter(subject_id__in=ids)
        uses = uses.filter(**{f"{subject}__in": ids})
    # Counted by status, not public yet: the uses in reviews still scheduled (few), in the
    # same query.
    scheduled = Review.objects.scheduled(now=now).values("pk")
    waiting = (
        uses.filter(**{f"{review}pk__in": scheduled})
        .order_by()
        .values(subject)
        .annotate(uses=Count("*") * -1)
        .values_list(subject, "uses")
    )
    counts: dict[int, int] = defaultdict(int)
    for pk, count in counted.order_by().values_list("subject_id", "uses").union(waiting, all=True):
        counts[pk] += count
    return {pk: count for pk, count in counts.items() if count > 0}


def count_published_uses(uses: QuerySet, subject: str, *, review: str, now=None) -> dict[int, int]:
    """{subject id: number of `uses` in published reviews}, counted from the content: for
    subjects without a kept count (sections). Every use of each subject (read from an index
    alone, no join), minus the uses in the few reviews that are not public, in one query.
    `review` is the path from a use to its review (e.g. "review__", or "" for reviews)."""
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


def last_published(kind: str) -> Subquery:
    """The latest publish time of a published review using the outer row's subject, as kept
    with its count: a lookup of one row, whatever the archive's size (the sitemaps' lastmod).
    It may lie in the future (a use in a scheduled review): `lastmod_or_none` drops it then."""
    return Subquery(
        SubjectCount.objects.filter(kind=kind, subject_id=OuterRef("pk")).values("last_published")[
            :1
        ]
    )
