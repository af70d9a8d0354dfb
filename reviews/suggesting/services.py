"""What moderators do with suggestions: see them, accept one, accept the best for many
stories, reject one (remembered). Each checks permission (`change_story_tags`: moderators
and editors) and raises `ModerationError` for the user, like the vocabulary's functions."""

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _
from taggit.models import Tag

from reviews.models import SlugRedirect, Story, TaggedStory
from reviews.suggesting.models import RejectedSuggestion
from reviews.suggesting.records import Suggestion, TagInfo, story_text
from reviews.suggesting.store import current_model
from reviews.suggesting.tasks import rebuild_when_due
from reviews.vocabulary.moderation import (
    CHANGE_STORY_TAGS,
    ModerationError,
    User,
    require,
    stories_add_tag,
)

if TYPE_CHECKING:
    from reviews.suggesting.engine import TagGroups, TagModel

# "Accept the top suggestions": each story's first, and the next ones this sure (at most 3).
SURE_SCORE = 0.5
MOST_ACCEPTED = 3


def may_see_suggestions(user: User) -> bool:
    return user.has_perm(CHANGE_STORY_TAGS)


def today_groups(model: "TagModel") -> "TagGroups":
    """The model's tags as they are called today: renamed tags by their new name, merged
    tags as the tag they went into (followed by the slug redirects merges leave), deleted
    tags gone. Three queries at most."""
    from reviews.suggesting.engine import TagGroups  # loaded with the model already

    learned = {tag.tag_id: tag for tag in model.tags}
    now: dict[int, TagInfo | None] = {
        pk: TagInfo(tag_id=pk, slug=slug, name=name)
        for pk, slug, name in Tag.objects.filter(pk__in=learned).values_list("pk", "slug", "name")
    }
    gone = {learned[pk].slug: pk for pk in learned if pk not in now}
    if gone:
        moves = dict(
            SlugRedirect.objects.filter(kind=SlugRedirect.Kind.TAG, old_slug__in=gone).values_list(
                "old_slug", "new_slug"
            )
        )
        targets = {
            slug: TagInfo(tag_id=pk, slug=slug, name=name)
            for pk, slug, name in Tag.objects.filter(slug__in=set(moves.values())).values_list(
                "pk", "slug", "name"
            )
        }
        for old_slug, pk in gone.items():
            now[pk] = targets.get(moves.get(old_slug, ""))
    return TagGroups.mapping(model, now)


def suggestions_for(stories: Sequence[Story], *, by: User) -> dict[int, list[Suggestion]]:
    """Up to five suggestions for each of `stories` (by story id), leaving out the tags each
    already has and those rejected for it. Empty when there is no model yet."""
    require(by, CHANGE_STORY_TAGS)
    model = current_model()
    if model is None or not stories:
        return {}
    groups = today_groups(model)
    ids = [story.pk for story in stories]
    skip = defaultdict(set)
    for story_id, tag_id in TaggedStory.objects.filter(content_object_id__in=ids).values_list(
        "content_object_id", "tag_id"
    ):
        skip[story_id].add(tag_id)
    for story_id, tag_id in RejectedSuggestion.objects.filter(story_id__in=ids).values_list(
        "story_id", "tag_id"
    ):
        skip[story_id].add(tag_id)
    return {
        story.pk: model.suggest(
            story_text(story.headline, story.body),
            story_id=story.pk,
            groups=groups,
            skip=skip[story.pk],
        )
        for story in stories
    }


def suggestion_accept(*, story: Story, tag: Tag, by: User) -> Tag:
    """Give `story` the suggested `tag`."""
    require(by, CHANGE_STORY_TAGS)
    with transaction.atomic():
        RejectedSuggestion.objects.filter(story=story, tag=tag).delete()
        added, _count = stories_add_tag(stories=[story], name=tag.name, by=by)
    rebuild_when_due()
    return added


def suggestions_accept_top(*, stories: Sequence[Story], by: User) -> int:
    """Give each of `stories` its first suggestion, and the next ones nearly as sure;
    return how many tags were added in all."""
    found = suggestions_for(stories, by=by)
    chosen = defaultdict(list)
    by_id = {story.pk: story for story in stories}
    for story_id, suggestions in found.items():
        for rank, suggestion in enumerate(suggestions[:MOST_ACCEPTED]):
            if rank == 0 or suggestion.score >= SURE_SCORE:
                chosen[suggestion.name].append(by_id[story_id])
    added = 0
    with transaction.atomic():
        for name, tagged in sorted(chosen.items()):
            added += stories_add_tag(stories=tagged, name=name, by=by)[1]
    if added:
        rebuild_when_due()
    return added


def suggestion_reject(*, story: Story, tag: Tag, by: User) -> None:
    """Never offer `tag` for `story` again."""
    require(by, CHANGE_STORY_TAGS)
    if story.tags.filter(pk=tag.pk).exists():
        raise ModerationError(_("The story already has this tag: remove it from its tags instead."))
    RejectedSuggestion.objects.get_or_create(
        story=story, tag=tag, defaults={"rejected_by": by if by.is_authenticated else None}
    )
