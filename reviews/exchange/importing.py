"""Import the records of an exchange document: one transaction per review, the file wins."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import reversion
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from taggit.models import Tag

from reviews.exchange.document import (
    PROGRESS_EVERY,
    REVISION_COMMENT,
    Progress,
    RecordError,
    ReviewData,
    parse_review,
    record_label,
    review_to_dict,
    reviews_for_export,
    timestamp,
)
from reviews.models import Citation, Expert, Outlet, Review, Section, Story, TaggedStory
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
    """Import review by review, each in its own transaction; a bad one is skipped whole."""
    report = ImportReport()
    seen: dict[tuple, str] = {}
    for number, record in enumerate(records, start=1):
        label = record_label(record, number)
        try:
            data = parse_review(record)
            if data.key in seen:
                raise RecordError(f"the file holds this review twice ({seen[data.key]})")
            seen[data.key] = f"record {number}"
            author = _find_author(data.author)
            outcome = import_review(data, author=author, dry_run=dry_run)
        except (RecordError, ValidationError, DatabaseError) as exc:
            reason = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            report.skipped.append((label, reason))
            if on_skip:
                on_skip(label, reason)
        else:
            report.count(outcome)
            if data.author and author is None:
                report.missing_authors[data.author] += 1
        if progress and number % PROGRESS_EVERY == 0:
            progress(number, len(records))
    return report


def import_review(data: ReviewData, *, author=None, dry_run: bool = False) -> str:
    """Create or update one review from checked data, recording a revision; return what
    happened (created, updated or unchanged). A dry run rolls everything back."""
    try:
        with transaction.atomic(), reversion.create_revision():
            reversion.set_comment(REVISION_COMMENT)
            outcome = _write_review(data, author=author)
            if outcome == UNCHANGED or dry_run:
                raise _RollBack(outcome)
    except _RollBack as rollback:
        return rollback.outcome
    return outcome


def _write_review(data: ReviewData, *, author) -> str:
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
            TaggedStory(content_object=story, tag=_tag(name, tag_slug))
            for name, tag_slug in story_data.tags
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
    # The revision holds the review as it ends up, with its stories, citations and tags.
    reversion.add_to_revision(Review.objects.get(pk=review.pk))
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
        for name, _slug in story.tags:
            tag = find_tag(name)
            if tag is None:
                return None
            tags.append({"name": tag.name, "slug": tag.slug})
        tags.sort(key=lambda tag: (tag["name"].casefold(), tag["name"]))
        citations = [{"expert": expert} | fields for expert, fields in story.citations]
        stories.append(
            {"position": story.position, "outlet": story.outlet}
            | story.fields
            | {"tags": tags, "citations": citations}
        )
    fields = data.fields | {
        "review_date": data.fields["review_date"].isoformat(),
        "publish_at": timestamp(data.fields["publish_at"]),
    }
    return (
        fields
        | {
            "section": data.section,
            "author": author.get_username() if author else None,
            "created_at": timestamp(data.created_at) or before["created_at"],
            "stories": stories,
        }
        | ({"updated_at": timestamp(data.updated_at)} if data.updated_at else {})
    )


def _find_author(username: str | None):
    """The account of this username, or None (never created: imports make no accounts)."""
    if username is None:
        return None
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()


def _tag(name: str, slug: str) -> Tag:
    """The tag of this name whatever its case and spacing (moderation.find_tag), or a new
    one with the file's slug if free and fit for an address."""
    tag = find_tag(name)
    if tag is None:
        free = is_address_slug(slug) and not Tag.objects.filter(slug=slug).exists()
        # Without a slug, taggit makes one from the name (reviews.names), suffixed if taken.
        tag = Tag.objects.create(name=normalise_name(name), slug=slug if free else "")
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
