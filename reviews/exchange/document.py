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
from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone
from taggit.models import Tag

from reviews.models import Citation, Expert, Outlet, Review, Section, Story
from reviews.translations import default_language, other_languages, translations_of

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


# A key the record leaves out (a document written before editions): what the database holds
# stays as it is.
KEEP = object()


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
            "tags__translation",
            Prefetch(
                "citations", queryset=Citation.objects.select_related("expert").order_by("pk")
            ),
        )
        .order_by("position")
    )
    # The group's first edition by date and slug: its key, the same from every edition.
    first_edition = Review.objects.filter(edition_group_id=OuterRef("edition_group_id")).order_by(
        "review_date", "slug"
    )
    reviews = (
        Review.objects.select_related("section", "author", "made_from")
        .prefetch_related(Prefetch("stories", queryset=stories))
        .annotate(
            group_date=Subquery(first_edition.values("review_date")[:1]),
            group_slug=Subquery(first_edition.values("slug")[:1]),
        )
        .order_by("review_date", "slug")
    )
    if statuses:
        reviews = reviews.filter(status__in=statuses)
    if since:
        reviews = reviews.filter(review_date__gte=since)
    return reviews


def review_to_dict(review: Review) -> dict[str, Any]:
    """One review as it appears in the document (without its secret preview key or version;
    its editions by the key, date and slug, of another review: reviews_for_export() reads
    them)."""
    return {
        "review_date": review.review_date.isoformat(),
        "slug": review.slug,
        "title": review.title,
        "section": _subject(review.section, SECTION_FIELDS),
        "dateline_city": review.dateline_city,
        "lede": review.lede,
        "language": review.language,
        "edition_group": _key(review.group_date, review.group_slug)
        if review.edition_group_id
        else None,
        "made_from": _key(
            review.made_from.review_date,
            review.made_from.slug,
            out_of_date=review.is_out_of_date(),
        )
        if review.made_from_id
        else None,
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
        "outlet": _subject(story.outlet, OUTLET_FIELDS),
        "headline": story.headline,
        "body": story.body,
        "link": story.link,
        "tags": [tag_to_dict(tag) for tag in tags],
        "citations": [
            {"expert": _subject(citation.expert, EXPERT_FIELDS)} | _pick(citation, CITATION_FIELDS)
            for citation in story.citations.all()
        ],
    }


def tag_to_dict(tag: Tag) -> dict[str, Any]:
    return {"name": tag.name, "slug": tag.slug, "translations": clean_translations(tag)}


def _pick(obj: models.Model, names: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in names}


def _subject(obj: models.Model, names: Iterable[str]) -> dict[str, Any]:
    """A section, outlet or expert: its fields and its names per language."""
    return _pick(obj, names) | {"translations": clean_translations(obj)}


def clean_translations(subject) -> dict[str, dict[str, str]]:
    """`subject`'s translations as the document holds them: only the site's other
    languages and the model's translated fields, without the empty ones (which fall back)."""
    fields = getattr(subject, "TRANSLATED", ("name",))
    return _without_empty(translations_of(subject), fields)


def _without_empty(translations: dict, fields: Iterable[str]) -> dict[str, dict[str, str]]:
    cleaned = {}
    for code, _name in other_languages():
        values = translations.get(code) or {}
        kept = {field: values[field].strip() for field in fields if values.get(field, "").strip()}
        if kept:
            cleaned[code] = kept
    return cleaned


def _key(date: datetime.date, slug: str, **more) -> dict[str, Any]:
    """Another review, by its review date and slug."""
    return {"review_date": date.isoformat(), "slug": slug, **more}


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
class TagData:
    name: str
    slug: str  # possibly ""
    translations: Any  # {language: {"name": …}}, or KEEP


@dataclass
class StoryData:
    position: int
    fields: dict[str, Any]
    outlet: dict[str, Any]
    tags: list[TagData]
    citations: list[tuple[dict[str, Any], dict[str, str]]]  # (expert, citation fields)


Key = tuple[datetime.date, str]


@dataclass
class SourceData:
    key: Key
    out_of_date: bool


@dataclass
class ReviewData:
    fields: dict[str, Any]
    section: dict[str, Any]
    author: str | None
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    stories: list[StoryData]
    # The key of the group's first edition, None (in no group) or KEEP.
    edition_group: Any = KEEP
    made_from: Any = KEEP  # SourceData, None or KEEP

    @property
    def key(self) -> Key:
        return self.fields["review_date"], self.fields["slug"]

    def links(self) -> list[Key]:
        """The other reviews it names, which must be imported before it."""
        keys = [self.edition_group, getattr(self.made_from, "key", None)]
        return [key for key in keys if isinstance(key, tuple) and key != self.key]


def key_label(key: Key) -> str:
    return f"{key[0].isoformat()}/{key[1]}"


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
    data = ReviewData(
        fields=fields,
        section=_subject_values(record, "section", Section, SECTION_FIELDS, where=""),
        author=author,
        created_at=_moment(record, "created_at"),
        updated_at=_moment(record, "updated_at"),
        stories=stories,
    )
    if "edition_group" in record:
        data.edition_group = _review_key(record["edition_group"], "edition_group: ")
    if "made_from" in record:
        data.made_from = _source(record["made_from"])
        if data.made_from is not None and data.made_from.key == data.key:
            raise RecordError("made_from: a review cannot be made from itself")
    return data


def _review_key(value: Any, where: str) -> Key | None:
    """Another review named by its review date and slug, or None (null)."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise RecordError(f"{where}expected an object or null, found {_kind(value)}")
    slug = _texts(value, Review, ("slug",), where)["slug"]
    return _date(value, "review_date", where), slug


def _source(value: Any) -> SourceData | None:
    key = _review_key(value, "made_from: ")
    if key is None:
        return None
    out_of_date = value.get("out_of_date", False)
    if not isinstance(out_of_date, bool):
        raise RecordError(
            f"made_from: out_of_date: expected true or false, found {_kind(out_of_date)}"
        )
    return SourceData(key=key, out_of_date=out_of_date)


def _subject_values(
    record: dict, name: str, model: type[models.Model], names: Iterable[str], where: str
) -> dict[str, Any]:
    """A section, outlet or expert: its text fields, and its names per language when the
    record has them."""
    at = f"{where}{name}: "
    subject = _object(record, name, where)
    values: dict[str, Any] = _texts(subject, model, names, at)
    translations = _translations(subject, model, at)
    if translations is not KEEP:
        values["translations"] = translations
    return values


def _translations(record: dict, model: type[models.Model], where: str) -> Any:
    """`{language: {field: text}}` in the site's other languages, without empty values;
    KEEP when the record has none (a document written before names per language)."""
    if "translations" not in record:
        return KEEP
    value = record["translations"]
    where = f"{where}translations: "
    if not isinstance(value, dict):
        raise RecordError(f"{where}expected an object, found {_kind(value)}")
    languages = [code for code, _name in other_languages()]
    fields = getattr(model, "TRANSLATED", ("name",))
    for code, names in value.items():
        if code not in languages:
            why = (
                "the default language, whose names are the fields themselves"
                if code == default_language()
                else f"not one of the site's other languages ({', '.join(languages)})"
            )
            raise RecordError(f"{where}“{code}” is {why}")
        if not isinstance(names, dict):
            raise RecordError(f"{where}{code}: expected an object, found {_kind(names)}")
        for field, text in names.items():
            if field not in fields:
                raise RecordError(
                    f"{where}{code}: “{field}” is not translated (only {', '.join(fields)})"
                )
            if not isinstance(text, str):
                raise RecordError(f"{where}{code}: {field}: expected text, found {_kind(text)}")
            _texts(names, model, (field,), f"{where}{code}: ", optional=(field,))
    return _without_empty(value, fields)


def _parse_story(record: Any, number: int) -> StoryData:
    where = f"story {number}: "
    if not isinstance(record, dict):
        raise RecordError(f"{where}expected an object, found {_kind(record)}")
    position = _integer(record, Story, "position", where)
    outlet = _subject_values(record, "outlet", Outlet, OUTLET_FIELDS, where)
    tags: dict[str, TagData] = {}
    for item in _list(record, "tags", where=where):
        tag = _parse_tag(item, where)
        tags.setdefault(tag.name.casefold(), tag)  # one tag, whatever the case
    citations, cited = [], set()
    for index, item in enumerate(_list(record, "citations", where=where), start=1):
        at = f"{where}citation {index}: "
        if not isinstance(item, dict):
            raise RecordError(f"{at}expected an object, found {_kind(item)}")
        expert = _subject_values(item, "expert", Expert, EXPERT_FIELDS, at)
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


def _parse_tag(item: Any, where: str) -> TagData:
    """A tag is its name, or an object with its name, slug and names per language (what the
    export writes)."""
    if isinstance(item, str):
        item = {"name": item}
    if not isinstance(item, dict):
        raise RecordError(f"{where}tags: expected names or objects, found {_kind(item)}")
    values = _texts(item, Tag, ("name", "slug"), f"{where}tag: ", optional={"slug"})
    translations = _translations(item, Tag, f"{where}tag “{values['name']}”: ")
    return TagData(values["name"], values["slug"], translations)


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


def _date(record: dict, name: str, where: str = "") -> datetime.date:
    if name not in record:
        raise RecordError(f"{where}missing field “{name}”")
    value = record[name]
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise RecordError(
            f"{where}{name}: {json.dumps(value)} is not a date (YYYY-MM-DD)"
        ) from None


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
