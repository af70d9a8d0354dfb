"""Keeping the tag and expert vocabularies clean: tag stories in bulk, rename, merge, redirect.

Each action is one function with keyword-only arguments that checks the acting user's
permission, runs in one transaction and raises `ModerationError` (with a message for the
user) when it cannot be carried out. The admin, commands and tests all call these.

Old addresses never break: a renamed or merged tag or expert leaves a `SlugRedirect` from
its old slug to the current one, and redirects are kept one hop long (no chains). Nor do
they reveal anything: an old address is followed only if readers could see the subject
there when it moved (`was_public`) and can see the subject it leads to now, on pages, in
filter parameters and in the API alike (`moved_slugs`).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Model, Q, QuerySet
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from taggit.models import Tag

from .caching import content_changed
from .editing import bump_version, review_ids_of_stories
from .models import Citation, Expert, SlugRedirect, Story, TaggedStory, published_tags
from .shortlists import SLUG
from .slugs import slug_for_instance

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
            content_changed()
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


@dataclass(frozen=True)
class MovableSubject:
    """A kind of subject whose old slugs redirect: its model, and its public rows."""

    model: type[Model]
    public: Callable[[], QuerySet]


MOVABLE: dict[str, MovableSubject] = {
    SlugRedirect.Kind.TAG: MovableSubject(Tag, published_tags),
    SlugRedirect.Kind.EXPERT: MovableSubject(Expert, lambda: Expert.objects.published()),
}


def redirect_kind_for(model: type[Model]) -> str | None:
    """The SlugRedirect kind of `model`'s old slugs, or None if its slugs never move."""
    return next((kind for kind, subject in MOVABLE.items() if subject.model is model), None)


def public_ids(kind: str, ids: Iterable[int]) -> set[int]:
    """Those of `ids` that readers can see now: to be asked before a subject moves."""
    public = MOVABLE[kind].public().filter(pk__in=set(ids))
    return set(public.values_list("pk", flat=True))


def record_redirect(*, kind: str, old_slug: str, new_slug: str, was_public: bool) -> None:
    """Send `old_slug` to `new_slug` for good, keeping every redirect one hop long.

    `was_public` says whether readers could see the subject at `old_slug` just before it
    moved; only then is the old address ever followed.
    """
    if old_slug == new_slug:
        return
    redirects = SlugRedirect.objects.filter(kind=kind)
    # The new address is in use again: nothing may send it elsewhere.
    redirects.filter(old_slug=new_slug).delete()
    # Addresses that led to the old one now lead straight to the new one.
    redirects.filter(new_slug=old_slug).update(new_slug=new_slug)
    SlugRedirect.objects.update_or_create(
        kind=kind, old_slug=old_slug, defaults={"new_slug": new_slug, "was_public": was_public}
    )


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
        for tag in merged:
            record_redirect(
                kind=SlugRedirect.Kind.TAG,
                old_slug=tag.slug,
                new_slug=into.slug,
                was_public=tag.pk in public,
            )
        Tag.objects.filter(pk__in=merged_ids).delete()
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
    """The expert called `name`, ignoring case and extra spaces, by name or by any alias.

    A match on the name wins over a match on an alias; the oldest record wins a tie.
    """
    words = normalise_name(name).split()
    if not words:
        return None
    wanted = " ".join(words).casefold()
    # Narrow down in the database (every word appears), compare exactly here.
    in_name, in_aliases = Q(), Q()
    for word in words:
        in_name &= Q(name__icontains=word)
        in_aliases &= Q(aliases__icontains=word)
    candidates = list(Expert.objects.filter(in_name | in_aliases).order_by("pk"))
    for expert in candidates:
        if normalise_name(expert.name).casefold() == wanted:
            return expert
    for expert in candidates:
        if any(normalise_name(alias).casefold() == wanted for alias in expert.alias_list):
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

        for expert in merged:
            record_redirect(
                kind=SlugRedirect.Kind.EXPERT,
                old_slug=expert.slug,
                new_slug=into.slug,
                was_public=expert.pk in public,
            )
        Expert.objects.filter(pk__in=merged_ids).delete()
    return into


# Public redirects


def moved_slugs(kind: str, slugs: Iterable[str]) -> dict[str, str]:
    """{old slug: current slug} for those of `slugs` that readers may follow.

    A slug is followed when no current subject has it (a current one wins, published or
    not), a redirect from it was recorded while the subject was public there, and the
    subject it leads to is public now: a redirect never reveals what readers may not see.
    Three queries at most, whatever the number of slugs.
    """
    subject = MOVABLE[kind]
    wanted = {slug for slug in slugs if SLUG.fullmatch(slug)}
    if not wanted:
        return {}
    taken = subject.model._default_manager.filter(slug__in=wanted).values_list("slug", flat=True)
    moves = dict(
        SlugRedirect.objects.filter(
            kind=kind, was_public=True, old_slug__in=wanted - set(taken)
        ).values_list("old_slug", "new_slug")
    )
    if not moves:
        return {}
    public = set(
        subject.public().filter(slug__in=set(moves.values())).values_list("slug", flat=True)
    )
    return {old: new for old, new in moves.items() if new in public}


def moved_subject_url(*, kind: str, slug: str, url_name: str) -> str | None:
    """Where the public page `url_name` of a renamed or merged tag or expert now lives, or
    None (see `moved_slugs` for when an old slug is followed)."""
    new_slug = moved_slugs(kind, [slug]).get(slug)
    if new_slug is None:
        return None
    return reverse(url_name, kwargs={"slug": new_slug})


def redirect_if_moved(request, *, kind: str, slug: str) -> HttpResponsePermanentRedirect | None:
    """A 301 from this old address to the same page of the current subject, if it moved."""
    moved_to = moved_subject_url(kind=kind, slug=slug, url_name=request.resolver_match.view_name)
    if moved_to is None:
        return None
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{moved_to}?{query}" if query else moved_to)


class FollowsSlugRedirectsView:
    """For a public view of a tag or expert by slug: a page not found at an old slug of a
    renamed or merged subject answers 301 to its current page instead."""

    slug_redirect_kind = ""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = redirect_if_moved(request, kind=self.slug_redirect_kind, slug=kwargs["slug"])
            if moved is None:
                raise
            return moved


class FollowsSlugRedirectsFeed:
    """The same for a subject's feed (a `Feed` is called, not dispatched)."""

    slug_redirect_kind = ""

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except Http404:
            moved = redirect_if_moved(request, kind=self.slug_redirect_kind, slug=kwargs["slug"])
            if moved is None:
                raise
            return moved
