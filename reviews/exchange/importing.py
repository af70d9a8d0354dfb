"""Import the records of an exchange document: one transaction per review, the file wins.

A review is imported after the reviews it links to in the same file (its edition group's
first edition, the edition it was made from), so that every link finds its review.
"""

from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

import reversion
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from reversion.models import Version
from taggit.models import Tag

from reviews.exchange.document import (
    KEEP,
    PROGRESS_EVERY,
    REVISION_COMMENT,
    Key,
    Progress,
    RecordError,
    ReviewData,
    SourceData,
    TagData,
    clean_translations,
    key_label,
    parse_review,
    record_label,
    review_to_dict,
    reviews_for_export,
    tag_to_dict,
    timestamp,
)
from reviews.models import (
    Citation,
    EditionGroup,
    Expert,
    Outlet,
    Review,
    Section,
    Story,
    TaggedStory,
    TagTranslation,
)
from reviews.names import is_address_slug
from reviews.pagecache.invalidation import content_changed
from reviews.publishing.editing import bump_version
from reviews.publishing.workflow import ends_share_links
from reviews.vocabulary.moderation import find_tag, normalise_name

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (label, reason)
    missing_authors: Counter = field(default_factory=Counter)  # username: reviews

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


class _RollBack(Exception):
    """Leaves a review's transaction without writing anything (unchanged, or a dry run)."""

    def __init__(self, outcome: str):
        self.outcome = outcome


def import_records(
    records: list,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    on_skip: Callable[[str, str], None] | None = None,
) -> ImportReport:
    """Import review by review, each in its own transaction; a bad one is skipped whole.
    A dry run tries them all in one transaction, rolled back at the end: a review linked to
    another of the file finds it there."""
    if dry_run:
        with transaction.atomic():
            report = import_records(records, progress=progress, on_skip=on_skip)
            transaction.set_rollback(True)
        return report
    report = ImportReport()

    def skip(label: str, reason: str) -> None:
        report.skipped.append((label, reason))
        if on_skip:
            on_skip(label, reason)

    parsed: list[tuple[str, ReviewData]] = []
    seen: dict[tuple, str] = {}
    # Every review of the file by its label ("2026-03-04/slug"), imported or not.
    in_file = set()
    for number, record in enumerate(records, start=1):
        label = record_label(record, number)
        in_file.add(label)
        try:
            data = parse_review(record)
            if data.key in seen:
                raise RecordError(f"the file holds this review twice ({seen[data.key]})")
        except (RecordError, ValidationError) as exc:
            skip(label, " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
            continue
        seen[data.key] = f"record {number}"
        parsed.append((label, data))

    for done, (label, data, circular) in enumerate(_in_link_order(parsed), start=1):
        try:
            if circular:
                raise RecordError(
                    f"{key_label(circular)}, which it links to, links back to it: "
                    "neither can be imported first"
                )
            author = _find_author(data.author)
            outcome = import_review(data, author=author, in_file=in_file)
        except (RecordError, ValidationError, DatabaseError) as exc:
            skip(label, " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
        else:
            report.count(outcome)
            if data.author and author is None:
                report.missing_authors[data.author] += 1
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, len(records))
    return report


def _in_link_order(parsed: list[tuple[str, ReviewData]]):
    """(label, data, None) in the file's order, except that a review comes after the reviews
    of the file it links to; (label, data, key) for one whose links, through `key`, lead
    back to it."""
    by_key = {data.key: index for index, (_label, data) in enumerate(parsed)}
    state: dict[int, str] = {}
    ordered = []

    def visit(index: int) -> None:
        state[index] = "visiting"
        label, data = parsed[index]
        circular = None
        for key in data.links():
            other = by_key.get(key)
            if other is None:
                continue
            if state.get(other) == "visiting":
                circular = key
            elif other not in state:
                visit(other)
        state[index] = "done"
        ordered.append((label, data, circular))

    for index in range(len(parsed)):
        if index not in state:
            visit(index)
    return ordered


def import_review(
    data: ReviewData, *, author=None, dry_run: bool = False, in_file: Collection[str] = ()
) -> str:
    """Create or update one review from checked data, recording a revision; return what
    happened (created, updated or unchanged). A dry run rolls everything back. `in_file`:
    the labels of the file's reviews (for the message when a link finds none)."""
    try:
        with transaction.atomic(), reversion.create_revision():
            reversion.set_comment(REVISION_COMMENT)
            outcome = _write_review(data, author=author, in_file=in_file)
            if outcome == UNCHANGED or dry_run:
                raise _RollBack(outcome)
    except _RollBack as rollback:
        return rollback.outcome
    return outcome


def _write_review(data: ReviewData, *, author, in_file: Collection[str]) -> str:
    date, slug = data.key
    existing = Review.objects.select_for_update().filter(review_date=date, slug=slug).first()
    before = _snapshot(existing.pk, data) if existing else None
    if before is not None and before == _as_imported(data, author=author, before=before):
        return UNCHANGED  # without writing anything
    upsert = _Upserter()
    review = existing or Review(review_date=date, slug=slug)
    for name, value in data.fields.items():
        setattr(review, name, value)
    if existing and ends_share_links(before=before["status"], after=review.status):
        review.preview_key = ""
    review.section = upsert(Section, data.section)
    review.author = author
    links = _Links(in_file)
    if data.edition_group is not KEEP:
        review.edition_group = links.group(data.edition_group, review=review)
    if data.made_from is not KEEP:
        links.set_source(review, data.made_from, before=before)
    review.save()
    review.stories.all().delete()
    for story_data in data.stories:
        story = Story.objects.create(
            review=review,
            outlet=upsert(Outlet, story_data.outlet),
            position=story_data.position,
            **story_data.fields,
        )
        # One insert for a new story's tags (no signal: the page cache is told below).
        TaggedStory.objects.bulk_create(
            TaggedStory(content_object=story, tag=_tag(tag)) for tag in story_data.tags
        )
        for expert, fields in story_data.citations:
            Citation.objects.create(story=story, expert=upsert(Expert, expert), **fields)
    bookkeeping = {
        name: value
        for name, value in (("created_at", data.created_at), ("updated_at", data.updated_at))
        if value is not None
    }
    if existing:
        bump_version(review_ids=[review.pk])
    if bookkeeping:
        Review.objects.filter(pk=review.pk).update(**bookkeeping)
    # bulk_create() and update() send no signal.
    content_changed()
    # A safety net for the comparison above: whatever wrote the same rows is no change.
    if before is not None and before == _snapshot(review.pk, data):
        return UNCHANGED
    # The revision holds the review as it ends up, with its stories, citations and tags:
    # each story again, as it was recorded when created, before its tags.
    review = Review.objects.get(pk=review.pk)
    reversion.add_to_revision(review)
    for story in review.stories.all():
        reversion.add_to_revision(story)
    return UPDATED if existing else CREATED


def _snapshot(pk: int, data: ReviewData) -> dict:
    """The review as the export sees it, to tell whether the import changes anything."""
    snapshot = review_to_dict(reviews_for_export().get(pk=pk))
    if data.updated_at is None:
        # A file without update times cannot say whether the time is unchanged.
        del snapshot["updated_at"]
    return snapshot


def _as_imported(data: ReviewData, *, author, before: dict) -> dict | None:
    """The snapshot the review would have once imported over `before`; None if importing
    would create a tag (and so change something)."""
    stories = []
    for story in sorted(data.stories, key=lambda story: story.position):
        tags = []
        for tag_data in story.tags:
            tag = find_tag(tag_data.name)
            if tag is None:
                return None
            tags.append(tag_to_dict(tag) | _given_translations(tag_data.translations))
        tags.sort(key=lambda tag: (tag["name"].casefold(), tag["name"]))
        citations = [
            {"expert": _with_translations(Expert, expert)} | fields
            for expert, fields in story.citations
        ]
        stories.append(
            {"position": story.position, "outlet": _with_translations(Outlet, story.outlet)}
            | story.fields
            | {"tags": tags, "citations": citations}
        )
    fields = data.fields | {
        "review_date": data.fields["review_date"].isoformat(),
        "publish_at": timestamp(data.fields["publish_at"]),
    }
    links = {
        "edition_group": before["edition_group"]
        if data.edition_group is KEEP
        else _key_dict(data.edition_group),
        "made_from": before["made_from"]
        if data.made_from is KEEP
        else data.made_from
        and _key_dict(data.made_from.key) | {"out_of_date": data.made_from.out_of_date},
    }
    return (
        fields
        | links
        | {
            "section": _with_translations(Section, data.section),
            "author": author.get_username() if author else None,
            "created_at": timestamp(data.created_at) or before["created_at"],
            "stories": stories,
        }
        | ({"updated_at": timestamp(data.updated_at)} if data.updated_at else {})
    )


def _given_translations(translations) -> dict:
    return {} if translations is KEEP else {"translations": translations}


def _with_translations(model: type[models.Model], values: dict) -> dict:
    """A subject's values as the export will show them once imported: the file's names per
    language, else (a document without them) those it has now."""
    if "translations" in values:
        return values
    subject = model._default_manager.filter(slug=values["slug"]).first()
    return values | {"translations": clean_translations(subject) if subject else {}}


def _key_dict(key: Key | None) -> dict | None:
    return key and {"review_date": key[0].isoformat(), "slug": key[1]}


class _Links:
    """Finds the reviews a record links to, by date and slug, in the database (those of the
    file were imported before it)."""

    def __init__(self, in_file: Collection[str]):
        self.in_file = in_file

    def find(self, key: Key, what: str) -> Review:
        found = Review.objects.filter(review_date=key[0], slug=key[1]).first()
        if found is None:
            where = (
                "is in the file but was not imported (see its own message)"
                if key_label(key) in self.in_file
                else "is neither in the file nor in the database"
            )
            raise RecordError(f"{what}: the review {key_label(key)} {where}")
        return found

    def group(self, key: Key | None, *, review: Review) -> EditionGroup | None:
        """The edition group of the review at `key` (made for it if it has none), which
        must not hold another edition in `review`'s language."""
        if key is None:
            return None
        if key == (review.review_date, review.slug):
            first = review
        else:
            first = self.find(key, "edition_group")
        group = first.edition_group
        if group is None:
            group = EditionGroup.objects.create()
            if first is not review:
                Review.objects.filter(pk=first.pk).update(edition_group=group)
        taken = Review.objects.filter(edition_group=group, language=review.language)
        if review.pk is not None:
            taken = taken.exclude(pk=review.pk)
        if other := taken.first():
            raise RecordError(
                f"edition_group: the editions of {key_label(key)} already have one in "
                f"“{review.language}”: {key_label((other.review_date, other.slug))}"
            )
        return group

    def set_source(self, review: Review, source: SourceData | None, *, before) -> None:
        """`review` made from the review at `source.key`: out of date or current as the file
        says (a current edition follows the source's latest revision). What the database
        knows is kept when the file says the same."""
        if source is None:
            review.made_from = None
            review.made_from_version = review.made_from_revision = None
            return
        made_from = self.find(source.key, "made_from")
        same = (
            before is not None
            and before["made_from"] is not None
            and before["made_from"] == _key_dict(source.key) | {"out_of_date": source.out_of_date}
        )
        if same:
            return
        review.made_from = made_from
        if source.out_of_date:
            # Behind by one version; what changed since is not known (no revision of then).
            review.made_from_version = made_from.version - 1
            review.made_from_revision = None
        else:
            review.made_from_version = made_from.version
            review.made_from_revision = Version.objects.get_for_object(made_from).first()


def _find_author(username: str | None):
    """The account of this username, or None (never created: imports make no accounts)."""
    if username is None:
        return None
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()


def _tag(data: TagData) -> Tag:
    """The tag of this name whatever its case and spacing (moderation.find_tag), or a new
    one with the file's slug if free and fit for an address; with the file's names per
    language when it has them."""
    tag = find_tag(data.name)
    if tag is None:
        free = is_address_slug(data.slug) and not Tag.objects.filter(slug=data.slug).exists()
        # Without a slug, taggit makes one from the name (reviews.names), suffixed if taken.
        tag = Tag.objects.create(name=normalise_name(data.name), slug=data.slug if free else "")
    if data.translations is not KEEP and clean_translations(tag) != data.translations:
        TagTranslation.objects.update_or_create(
            tag=tag, defaults={"translations": data.translations}
        )
    return tag


class _Upserter:
    """Finds sections, outlets and experts by slug and gives them the file's field values.

    Within one review the same outlet or expert must be described the same way each time.
    """

    def __init__(self):
        self.done: dict[tuple[type, str], dict] = {}
        self.objects: dict[tuple[type, str], models.Model] = {}

    def __call__(self, model: type[models.Model], values: dict[str, str]) -> models.Model:
        key = (model, values["slug"])
        what = f"{model._meta.verbose_name} “{values['slug']}”"
        if key in self.done:
            if self.done[key] != values:
                raise RecordError(f"{what} appears twice with different fields")
            return self.objects[key]
        obj = model._default_manager.filter(slug=values["slug"]).first()
        changed = [name for name, value in values.items() if obj and getattr(obj, name) != value]
        if obj is None or changed:
            name_field = model._meta.get_field("name")
            if (
                name_field.unique
                and model._default_manager.filter(name=values["name"])
                .exclude(slug=values["slug"])
                .exists()
            ):
                raise RecordError(
                    f"{what}: another {model._meta.verbose_name} is already named "
                    f"“{values['name']}”"
                )
        if obj is None:
            obj = model._default_manager.create(**values)
        elif changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.save(update_fields=changed)
        self.done[key], self.objects[key] = values, obj
        return obj
