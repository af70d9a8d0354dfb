"""The JSON exchange format: export reviews to a self-contained document matched by natural
keys, never database ids, and read its records back. See README.md, "Exporting and importing
content".
"""

import datetime
import json
import textwrap
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models import Prefetch
from django.utils import timezone
from taggit.models import Tag

from reviews.models import Citation, Expert, Outlet, Review, Section, Story

FORMAT_NAME = "pressreview.reviews"
FORMAT_VERSION = 1
CHUNK_SIZE = 100
# Progress is reported every this many reviews, so only large runs show any.
PROGRESS_EVERY = 100
REVISION_COMMENT = "Imported"

SECTION_FIELDS = ("slug", "name", "description")
OUTLET_FIELDS = ("slug", "name", "country", "language", "website", "description", "aliases")
EXPERT_FIELDS = ("slug", "name", "position", "organisation", "bio", "aliases")
REVIEW_FIELDS = (
    "slug",
    "title",
    "dateline_city",
    "lede",
    "disclaimer",
    "status",
    "sent_back_reason",
    "language",
)
STORY_FIELDS = ("headline", "body", "link")
CITATION_FIELDS = ("position", "organisation", "quote")
# Text that identifies a row and so may not be empty.
NON_EMPTY = {"slug", "name"}

Progress = Callable[[int, int], None]


class DocumentError(Exception):
    """The document as a whole cannot be imported (not JSON, another format or version)."""


class RecordError(Exception):
    """One review of the document cannot be imported; the message says why."""


# Export


def reviews_for_export(
    *, statuses: Collection[str] | None = None, since: datetime.date | None = None
) -> models.QuerySet[Review]:
    """Reviews in a stable order (review date, slug) with everything the export reads.

    Prefetching works per chunk when the queryset is iterated with a `chunk_size`, so a large
    archive is read in a constant number of queries per chunk.
    """
    stories = (
        Story.objects.select_related("outlet")
        .prefetch_related(
            "tags",
            Prefetch(
                "citations", queryset=Citation.objects.select_related("expert").order_by("pk")
            ),
        )
        .order_by("position")
    )
    reviews = (
        Review.objects.select_related("section", "author")
        .prefetch_related(Prefetch("stories", queryset=stories))
        .order_by("review_date", "slug")
    )
    if statuses:
        reviews = reviews.filter(status__in=statuses)
    if since:
        reviews = reviews.filter(review_date__gte=since)
    return reviews


def review_to_dict(review: Review) -> dict[str, Any]:
    """One review as it appears in the document (without its secret preview key or version)."""
    return {
        "review_date": review.review_date.isoformat(),
        "slug": review.slug,
        "title": review.title,
        "section": _pick(review.section, SECTION_FIELDS),
        "dateline_city": review.dateline_city,
        "lede": review.lede,
        "language": review.language,
        "disclaimer": review.disclaimer,
        "status": review.status,
        "publish_at": timestamp(review.publish_at),
        "sent_back_reason": review.sent_back_reason,
        "author": review.author.get_username() if review.author else None,
        "created_at": timestamp(review.created_at),
        "updated_at": timestamp(review.updated_at),
        "stories": [_story_to_dict(story) for story in review.stories.all()],
    }


def _story_to_dict(story: Story) -> dict[str, Any]:
    tags = sorted(story.tags.all(), key=lambda tag: (tag.name.casefold(), tag.name))
    return {
        "position": story.position,
        "outlet": _pick(story.outlet, OUTLET_FIELDS),
        "headline": story.headline,
        "body": story.body,
        "link": story.link,
        "tags": [{"name": tag.name, "slug": tag.slug} for tag in tags],
        "citations": [
            {"expert": _pick(citation.expert, EXPERT_FIELDS)} | _pick(citation, CITATION_FIELDS)
            for citation in story.citations.all()
        ],
    }


def _pick(obj: models.Model, names: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in names}


def timestamp(value: datetime.datetime | None) -> str | None:
    """ISO 8601 in UTC with its offset, to the microsecond."""
    return value.astimezone(datetime.UTC).isoformat() if value else None


def write_document(
    reviews: models.QuerySet[Review],
    out: TextIO,
    *,
    chunk_size: int = CHUNK_SIZE,
    progress: Progress | None = None,
) -> int:
    """Write the document for `reviews` to `out`, one review at a time; return how many.

    The output is what `json.dumps(document, indent=2)` would give, without ever holding
    more than one chunk of reviews in memory.
    """
    total = reviews.count()
    header = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "exported_at": timestamp(timezone.now()),
    }
    out.write("{\n")
    for key, value in header.items():
        out.write(f"  {json.dumps(key)}: {json.dumps(value)},\n")
    out.write('  "reviews": [')
    count = 0
    for review in reviews.iterator(chunk_size=chunk_size):
        text = json.dumps(review_to_dict(review), indent=2, ensure_ascii=False)
        out.write(("\n" if count == 0 else ",\n") + textwrap.indent(text, "    "))
        count += 1
        if progress and count % PROGRESS_EVERY == 0:
            progress(count, total)
    out.write("\n  ]\n}\n" if count else "]\n}\n")
    return count


# Import: reading and checking


def read_document(stream: TextIO) -> list:
    """The list of review records of a document, or DocumentError saying what is wrong."""
    try:
        document = json.load(stream)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            f"not a JSON document ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except UnicodeDecodeError:
        raise DocumentError("not a JSON document (not UTF-8 text)") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise DocumentError(
            f'not a Pressreview export (it should be a JSON object with "format": "{FORMAT_NAME}")'
        )
    version = document.get("format_version")
    if version != FORMAT_VERSION:
        raise DocumentError(
            f"format version {json.dumps(version)} is not supported: this version of "
            f"Pressreview reads format version {FORMAT_VERSION}"
        )
    records = document.get("reviews")
    if not isinstance(records, list):
        raise DocumentError('the document has no list of "reviews"')
    return records


@dataclass
class StoryData:
    position: int
    fields: dict[str, Any]
    outlet: dict[str, str]
    tags: list[tuple[str, str]]  # (name, slug, possibly "")
    citations: list[tuple[dict[str, str], dict[str, str]]]  # (expert, citation fields)


@dataclass
class ReviewData:
    fields: dict[str, Any]
    section: dict[str, str]
    author: str | None
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    stories: list[StoryData]

    @property
    def key(self) -> tuple[datetime.date, str]:
        return self.fields["review_date"], self.fields["slug"]


def record_label(record: Any, number: int) -> str:
    """How reports name a record: its review date and slug when it has them."""
    if isinstance(record, dict):
        date, slug = record.get("review_date"), record.get("slug")
        if isinstance(slug, str) and slug:
            return f"{date}/{slug}" if isinstance(date, str) else slug
    return f"record {number}"


def parse_review(record: Any) -> ReviewData:
    """Check one record and turn it into Python values, or raise RecordError."""
    if not isinstance(record, dict):
        raise RecordError(f"expected an object, found {_kind(record)}")
    status = record.get("status")
    if isinstance(status, str) and status not in Review.Status.values:
        raise RecordError(f"status: “{status}” is not one of {', '.join(Review.Status.values)}")
    # A document written before editions has no language: the site's default.
    fields = _texts(record, Review, REVIEW_FIELDS, where="", optional=("language",))
    fields["language"] = fields["language"] or settings.LANGUAGE_CODE
    fields["review_date"] = _date(record, "review_date")
    fields["publish_at"] = _moment(record, "publish_at", required=True)
    if fields["status"] == Review.Status.PUBLISHED and fields["publish_at"] is None:
        raise RecordError("publish_at: a published review needs a publish time")
    author = record.get("author")
    if author is not None and not (isinstance(author, str) and author):
        raise RecordError(f"author: expected a username or null, found {_kind(author)}")
    stories = [
        _parse_story(item, number)
        for number, item in enumerate(_list(record, "stories", required=True), start=1)
    ]
    positions = Counter(story.position for story in stories)
    if duplicates := sorted(position for position, count in positions.items() if count > 1):
        raise RecordError(
            f"stories: more than one story has position {', '.join(map(str, duplicates))}"
        )
    return ReviewData(
        fields=fields,
        section=_texts(_object(record, "section", where=""), Section, SECTION_FIELDS, "section: "),
        author=author,
        created_at=_moment(record, "created_at"),
        updated_at=_moment(record, "updated_at"),
        stories=stories,
    )


def _parse_story(record: Any, number: int) -> StoryData:
    where = f"story {number}: "
    if not isinstance(record, dict):
        raise RecordError(f"{where}expected an object, found {_kind(record)}")
    position = _integer(record, Story, "position", where)
    outlet = _texts(_object(record, "outlet", where), Outlet, OUTLET_FIELDS, f"{where}outlet: ")
    tags: dict[str, tuple[str, str]] = {}
    for item in _list(record, "tags", where=where):
        name, slug = _parse_tag(item, where)
        tags.setdefault(name.casefold(), (name, slug))  # one tag, whatever the case
    citations, cited = [], set()
    for index, item in enumerate(_list(record, "citations", where=where), start=1):
        at = f"{where}citation {index}: "
        if not isinstance(item, dict):
            raise RecordError(f"{at}expected an object, found {_kind(item)}")
        expert = _texts(_object(item, "expert", at), Expert, EXPERT_FIELDS, f"{at}expert: ")
        if expert["slug"] in cited:
            raise RecordError(f"{at}expert “{expert['slug']}” is cited twice in this story")
        cited.add(expert["slug"])
        citations.append((expert, _texts(item, Citation, CITATION_FIELDS, at)))
    return StoryData(
        position=position,
        fields=_texts(record, Story, STORY_FIELDS, where),
        outlet=outlet,
        tags=list(tags.values()),
        citations=citations,
    )


def _parse_tag(item: Any, where: str) -> tuple[str, str]:
    """A tag is its name, or an object with its name and slug (what the export writes)."""
    if isinstance(item, str):
        item = {"name": item}
    if not isinstance(item, dict):
        raise RecordError(f"{where}tags: expected names or objects, found {_kind(item)}")
    values = _texts(item, Tag, ("name", "slug"), f"{where}tag: ", optional={"slug"})
    return values["name"], values["slug"]


def _texts(
    record: dict, model: type[models.Model], names: Iterable[str], where: str, optional=()
) -> dict[str, str]:
    """Text fields of `model` from `record`, checked by the model fields' own validation.

    A field the model allows blank may be left out. An empty value is accepted wherever the
    database accepts one (a draft may lack its lede), except for slugs and names.
    """
    values = {}
    for name in names:
        model_field = model._meta.get_field(name)
        if name not in record:
            if model_field.blank or name in optional:
                values[name] = ""
                continue
            raise RecordError(f"{where}missing field “{name}”")
        value = record[name]
        if not isinstance(value, str):
            raise RecordError(f"{where}{name}: expected text, found {_kind(value)}")
        if not value.strip() and name in NON_EMPTY and name not in optional:
            raise RecordError(f"{where}{name}: must not be empty")
        if "\x00" in value:
            # PostgreSQL refuses it, SQLite would keep it: refuse it on both.
            raise RecordError(f"{where}{name}: contains a null character")
        values[name] = _clean(model, name, value, where) if value else value
    return values


def _integer(record: dict, model: type[models.Model], name: str, where: str) -> int:
    """The integer field `name` of `model` from `record`, within the range its type has on
    every supported database: SQLite would store any 64-bit number in a small integer
    column, which PostgreSQL, or the next import there, would refuse. Every integer of the
    format is read here."""
    if name not in record:
        raise RecordError(f"{where}missing field “{name}”")
    value = record[name]
    if not isinstance(value, int) or isinstance(value, bool):
        raise RecordError(f"{where}{name}: expected a whole number, found {_kind(value)}")
    low, high = BaseDatabaseOperations.integer_field_ranges[
        model._meta.get_field(name).get_internal_type()
    ]
    try:
        for validator in (MinValueValidator(low), MaxValueValidator(high)):
            validator(value)
    except ValidationError as exc:
        raise RecordError(f"{where}{name}: {' '.join(exc.messages)}") from None
    return _clean(model, name, value, where)


def _clean(model: type[models.Model], name: str, value: Any, where: str) -> Any:
    try:
        return model._meta.get_field(name).clean(value, None)
    except ValidationError as exc:
        raise RecordError(f"{where}{name}: {' '.join(exc.messages)}") from None


def _object(record: dict, name: str, where: str) -> dict:
    if name not in record:
        raise RecordError(f"{where}missing field “{name}”")
    if not isinstance(record[name], dict):
        raise RecordError(f"{where}{name}: expected an object, found {_kind(record[name])}")
    return record[name]


def _list(record: dict, name: str, *, where: str = "", required: bool = False) -> list:
    if name not in record and not required:
        return []
    if name not in record:
        raise RecordError(f"{where}missing field “{name}”")
    if not isinstance(record[name], list):
        raise RecordError(f"{where}{name}: expected a list, found {_kind(record[name])}")
    return record[name]


def _date(record: dict, name: str) -> datetime.date:
    if name not in record:
        raise RecordError(f"missing field “{name}”")
    value = record[name]
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise RecordError(f"{name}: {json.dumps(value)} is not a date (YYYY-MM-DD)") from None


def _moment(record: dict, name: str, *, required: bool = False) -> datetime.datetime | None:
    """An ISO 8601 time with its UTC offset, or None (null, or left out if not required)."""
    if name not in record and required:
        raise RecordError(f"missing field “{name}”")
    value = record.get(name)
    if value is None:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise RecordError(f"{name}: {json.dumps(value)} is not an ISO 8601 time") from None
    if timezone.is_naive(moment):
        raise RecordError(f"{name}: {json.dumps(value)} has no UTC offset")
    return moment


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    kinds = {str: "text", int: "a number", float: "a number", list: "a list", dict: "an object"}
    return kinds.get(type(value), type(value).__name__)


# Import: writing
