"""Keeping the tag and expert vocabularies clean: tag stories in bulk, rename, merge, delete.
One function per action, each checking permission in one transaction and raising
`ModerationError` for the user. See docs/EDITING.md, "Keeping the vocabulary clean".
"""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _
from taggit.models import Tag

from reviews.models import (
    Citation,
    Expert,
    SlugRedirect,
    Story,
    SubscriptionKind,
    TaggedStory,
    TagTranslation,
)
from reviews.names import slug_for_instance
from reviews.newsletter.subscriptions import move_followers
from reviews.pagecache import dependencies
from reviews.pagecache.invalidation import content_changed
from reviews.publishing.editing import bump_version, review_ids_of_stories
from reviews.vocabulary.redirects import public_ids, record_merge, record_redirect

User = AbstractUser | AnonymousUser

CHANGE_STORY_TAGS = "reviews.change_story_tags"
CHANGE_TAG = "taggit.change_tag"
DELETE_TAG = "taggit.delete_tag"
MERGE_EXPERTS = ("reviews.change_expert", "reviews.delete_expert")

# The reverse accessor from Tag to the stories' through model (taggit's related_name).
TAG_USES = "reviews_taggedstory_items"


class ModerationError(Exception):
    """A moderation action that cannot be carried out; the message says why, for the user."""


class ModerationNotAllowed(ModerationError, PermissionDenied):
    """The acting user lacks the permission; uncaught, it answers 403 like PermissionDenied."""


def require(user: User, *permissions: str) -> None:
    if not user.has_perms(permissions):
        raise ModerationNotAllowed(_("You do not have permission to do this."))


def normalise_name(name: str) -> str:
    """Surrounding space trimmed and inner runs of space collapsed, as editors mean it."""
    return " ".join(name.split())


# Tags


def tags_with_usage() -> QuerySet[Tag]:
    """Tags annotated with `story_count`, the number of stories (of any state) using them."""
    return Tag.objects.annotate(story_count=Count(TAG_USES))


def find_tag(name: str) -> Tag | None:
    """The tag called `name`, ignoring case (tags are case-insensitive), or None."""
    name = normalise_name(name)
    if not name:
        return None
    # Oldest first, like taggit, should an old database hold two spellings.
    return Tag.objects.filter(name__iexact=name).order_by("pk").first()


def tag_for_name(name: str) -> Tag:
    """The existing tag called `name` in any case, or a new one spelled as given."""
    name = normalise_name(name)
    if not name:
        raise ModerationError(_("A tag needs a name."))
    return find_tag(name) or Tag.objects.create(name=name)


def story_set_tags(*, story: Story, names: Iterable[str], by: User) -> None:
    """Give `story` exactly the tags named, reusing existing tags whatever their case."""
    require(by, CHANGE_STORY_TAGS)
    with transaction.atomic():
        story.tags.set([normalise_name(name) for name in names if normalise_name(name)])
        bump_version(review_ids=[story.review_id])


def stories_add_tag(*, stories: Iterable[Story], name: str, by: User) -> tuple[Tag, int]:
    """Add the tag called `name` (created if new) to every story; return it and how many
    stories gained it (those that already had it are left as they are)."""
    require(by, CHANGE_STORY_TAGS)
    with transaction.atomic():
        tag = tag_for_name(name)
        story_ids = {story.pk for story in stories}
        already = set(
            TaggedStory.objects.filter(tag=tag, content_object_id__in=story_ids).values_list(
                "content_object_id", flat=True
            )
        )
        added = [
            TaggedStory(tag=tag, content_object_id=story_id)
            for story_id in sorted(story_ids - already)
        ]
        TaggedStory.objects.bulk_create(added)
        if added:
            # bulk_create() sends no signal: tell the public page cache.
            content_changed(
                affects={
                    name for row in added for name in dependencies.tagging(row.content_object_id)
                }
            )
            bump_version(review_ids=review_ids_of_stories(row.content_object_id for row in added))
    return tag, len(added)


def stories_remove_tag(*, stories: Iterable[Story], tag: Tag, by: User) -> int:
    """Take `tag` off every story; return how many stories lost it."""
    require(by, CHANGE_STORY_TAGS)
    with transaction.atomic():
        uses = TaggedStory.objects.filter(
            tag=tag, content_object_id__in={story.pk for story in stories}
        )
        touched = review_ids_of_stories(uses.values_list("content_object_id", flat=True))
        removed, _by_model = uses.delete()
        bump_version(review_ids=touched)
    return removed


def tag_rename(*, tag: Tag, name: str, by: User) -> Tag:
    """Rename `tag`; its slug follows the name, and the old slug redirects to the new one."""
    require(by, CHANGE_TAG)
    name = normalise_name(name)
    if not name:
        raise ModerationError(_("A tag needs a name."))
    with transaction.atomic():
        tag = Tag.objects.select_for_update().get(pk=tag.pk)
        clash = Tag.objects.filter(name__iexact=name).exclude(pk=tag.pk).first()
        if clash is not None:
            raise ModerationError(
                _("There is already a tag “%(name)s”: merge into it instead of renaming.")
                % {"name": clash.name}
            )
        old_slug = tag.slug
        was_public = bool(public_ids(SlugRedirect.Kind.TAG, [tag.pk]))
        tag.name = name
        tag.slug = slug_for_instance(tag, name)
        tag.save(update_fields=["name", "slug"])
        record_redirect(
            kind=SlugRedirect.Kind.TAG, old_slug=old_slug, new_slug=tag.slug, was_public=was_public
        )
    return tag


def tag_translate(*, tag: Tag, translations: dict, by: User) -> None:
    """Give `tag` its names in other languages ({"ru": {"name": "…"}}); its slug stays."""
    require(by, CHANGE_TAG)
    TagTranslation.objects.update_or_create(tag=tag, defaults={"translations": translations})


def tags_merge(*, tags: Iterable[Tag], into: Tag, by: User) -> int:
    """Move every story of `tags` to `into` and delete them; return how many were merged.

    A story that already has `into` simply loses the merged tag. The merged tags' slugs,
    and any older slugs that led to them, redirect to `into`.
    """
    require(by, CHANGE_TAG)
    with transaction.atomic():
        merged = list(Tag.objects.select_for_update().filter(pk__in={tag.pk for tag in tags}))
        merged = [tag for tag in merged if tag.pk != into.pk]
        if not merged:
            raise ModerationError(_("Choose at least one tag other than the one to keep."))
        into = Tag.objects.select_for_update().get(pk=into.pk)
        merged_ids = [tag.pk for tag in merged]
        public = public_ids(SlugRedirect.Kind.TAG, merged_ids)
        having_target = TaggedStory.objects.filter(tag=into).values("content_object_id")
        uses = TaggedStory.objects.filter(tag_id__in=merged_ids)
        bump_version(
            review_ids=review_ids_of_stories(uses.values_list("content_object_id", flat=True))
        )
        uses.filter(content_object_id__in=having_target).delete()
        # A story with two merged tags keeps one row; the unique constraint needs that.
        seen, duplicates = set(), []
        for pk, story_id in uses.order_by("pk").values_list("pk", "content_object_id"):
            if story_id in seen:
                duplicates.append(pk)
            seen.add(story_id)
        TaggedStory.objects.filter(pk__in=duplicates).delete()
        uses.update(tag=into)
        record_merge(kind=SlugRedirect.Kind.TAG, merged=merged, into=into, public=public)
        move_followers(kind=SubscriptionKind.TAG, merged_ids=merged_ids, into=into)
        Tag.objects.filter(pk__in=merged_ids).delete()
        # uses.update() sent no signal.
        content_changed()
    return len(merged)


def tags_delete_unused(*, tags: Iterable[Tag], by: User) -> tuple[list[str], list[str]]:
    """Delete those of `tags` no story uses; return the names deleted and the names kept."""
    require(by, DELETE_TAG)
    with transaction.atomic():
        chosen = tags_with_usage().filter(pk__in={tag.pk for tag in tags}).order_by("name")
        unused = [tag for tag in chosen if tag.story_count == 0]
        kept = [tag.name for tag in chosen if tag.story_count > 0]
        Tag.objects.filter(pk__in=[tag.pk for tag in unused]).delete()
    return [tag.name for tag in unused], kept


def suggest_tags(prefix: str, *, limit: int = 10) -> list[dict]:
    """Tags whose name, or a word of it, starts with `prefix`: the most used first.

    An empty prefix suggests the most used tags.
    """
    prefix = normalise_name(prefix)
    tags = tags_with_usage()
    if prefix:
        tags = tags.filter(Q(name__istartswith=prefix) | Q(name__icontains=f" {prefix}"))
    rows = tags.order_by("-story_count", "name").values("name", "slug", "story_count")[:limit]
    return [{"name": row["name"], "slug": row["slug"], "count": row["story_count"]} for row in rows]


# Experts


def find_expert(name: str) -> Expert | None:
    """The expert called `name`, ignoring case and extra spaces, by name or by any alias
    (names in other languages and transliterations included: `Expert.other_spellings()`).

    A match on the name wins over a match on an alias; the oldest record wins a tie.
    """
    words = normalise_name(name).split()
    if not words:
        return None
    wanted = " ".join(words).casefold()
    # Narrow down in the database (every word appears), compare exactly here.
    in_name, in_spellings = Q(), Q()
    for word in words:
        in_name &= Q(name__icontains=word)
        # Kept case-folded: SQLite's LIKE ignores the case of ASCII letters only.
        in_spellings &= Q(spellings__contains=word.casefold())
    candidates = list(Expert.objects.filter(in_name | in_spellings).order_by("pk"))
    for expert in candidates:
        if normalise_name(expert.name).casefold() == wanted:
            return expert
    for expert in candidates:
        if any(normalise_name(alias).casefold() == wanted for alias in expert.other_spellings()):
            return expert
    return None


CITATION_DETAILS = ("position", "organisation", "quote")


def experts_merge(*, experts: Iterable[Expert], into: Expert, by: User) -> Expert:
    """Fold `experts` into `into`: their citations move to it, their names become its
    aliases, their slugs redirect to its slug, and they are deleted.

    Where both were cited in the same story, the kept expert's citation stays (one
    citation per expert per story) and takes over what it lacked from the other one.
    """
    require(by, *MERGE_EXPERTS)
    with transaction.atomic():
        into = Expert.objects.select_for_update().get(pk=into.pk)
        merged = list(
            Expert.objects.select_for_update()
            .filter(pk__in={expert.pk for expert in experts})
            .exclude(pk=into.pk)
            .order_by("name", "pk")
        )
        if not merged:
            raise ModerationError(_("Choose at least one expert other than the one to keep."))
        merged_ids = [expert.pk for expert in merged]
        public = public_ids(SlugRedirect.Kind.EXPERT, merged_ids)
        kept_citations = {
            citation.story_id: citation for citation in Citation.objects.filter(expert=into)
        }
        changed, duplicates = {}, []
        cited = Citation.objects.filter(expert_id__in=merged_ids)
        bump_version(review_ids=review_ids_of_stories(cited.values_list("story_id", flat=True)))
        for citation in Citation.objects.filter(expert_id__in=merged_ids).order_by("pk"):
            kept = kept_citations.get(citation.story_id)
            if kept is None:
                citation.expert = into
                kept_citations[citation.story_id] = changed[citation.pk] = citation
                continue
            duplicates.append(citation.pk)
            for field in CITATION_DETAILS:
                if not getattr(kept, field) and getattr(citation, field):
                    setattr(kept, field, getattr(citation, field))
                    changed[kept.pk] = kept
        Citation.objects.filter(pk__in=duplicates).delete()
        for citation in changed.values():
            citation.save()

        aliases = into.alias_list
        known = {normalise_name(spelling).casefold() for spelling in [into.name, *aliases]}
        for expert in merged:
            for spelling in [expert.name, *expert.alias_list]:
                if normalise_name(spelling).casefold() not in known:
                    known.add(normalise_name(spelling).casefold())
                    aliases.append(normalise_name(spelling))
        into.aliases = "\n".join(aliases)
        into.save(update_fields=["aliases"])

        record_merge(kind=SlugRedirect.Kind.EXPERT, merged=merged, into=into, public=public)
        move_followers(kind=SubscriptionKind.EXPERT, merged_ids=merged_ids, into=into)
        Expert.objects.filter(pk__in=merged_ids).delete()
    return into


# Public redirects
