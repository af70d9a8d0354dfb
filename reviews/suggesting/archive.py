"""What the tag model learns from: published stories that moderators tagged, oldest first."""

from collections import defaultdict
from collections.abc import Iterator

from django.db.models import Sum
from taggit.models import Tag

from reviews.models import (
    Expert,
    Outlet,
    Story,
    SubjectCount,
    TaggedStory,
    UntaggedStory,
)
from reviews.suggesting.records import ArchiveStory, TagInfo, story_text

CHUNK = 5_000


def tagged_stories(*, limit: int | None = None) -> list[ArchiveStory]:
    """Published, tagged stories in the order they were published (the newest `limit`)."""
    stories = (
        Story.objects.published()
        .exclude(pk__in=UntaggedStory.objects.values("story_id"))
        .order_by("-review__review_date", "-review__publish_at", "-pk")
        .values_list("pk", "headline", "body")
    )
    if limit is not None:
        stories = stories[:limit]
    rows = list(stories)
    rows.reverse()
    tags = defaultdict(list)
    for chunk in _chunks([pk for pk, _headline, _body in rows]):
        uses = TaggedStory.objects.filter(content_object_id__in=chunk)
        for story_id, tag_id in uses.values_list("content_object_id", "tag_id"):
            tags[story_id].append(tag_id)
    return [
        ArchiveStory(story_id=pk, text=story_text(headline, body), tag_ids=tags[pk])
        for pk, headline, body in rows
        if tags[pk]
    ]


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def all_tags() -> list[TagInfo]:
    return [
        TagInfo(tag_id=pk, slug=slug, name=name)
        for pk, slug, name in Tag.objects.values_list("pk", "slug", "name")
    ]


def excluded_words(tags: list[TagInfo]) -> set[str]:
    """The words of outlets' and experts' names and aliases (not those of tag names)."""
    from reviews.suggesting.engine import name_words

    names = []
    for model in (Outlet, Expert):
        for name, aliases in model.objects.values_list("name", "aliases").iterator(CHUNK):
            names.append(name)
            names.extend(aliases.splitlines())
    return name_words(names, keep=[tag.name for tag in tags])


def published_tag_uses() -> int:
    """How many tags published stories carry, read from the counts triggers keep."""
    counts = SubjectCount.objects.filter(kind=SubjectCount.Kind.TAG)
    return counts.aggregate(total=Sum("uses"))["total"] or 0
