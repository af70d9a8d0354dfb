"""What a review page depends on, and what a write of content affects, by name.

A stored review page lists the names of what it shows ("review:12", "outlet:3", "tag:7",
"tagging:4", ...) with each name's version when it was rendered; a write renews the versions
of the names it affects (reviews.pagecache.invalidation). `None` for "affects" means "it may
affect anything": every stored page is then out of date, as before dependencies existed.
Why and how: docs/PERFORMANCE.md, "What a change makes stale".
"""

from collections.abc import Iterable

# Every page stored by its dependencies depends on this too: which reviews are public. It
# is renewed by a change that names nothing (it may affect anything), a review deleted, and
# the clock (a scheduled review's time come: no write says what that changed). A write that
# publishes or withdraws a review names what that changes instead (_placed_around).
PUBLISHED_SET = "published-set"

# The related reviews of a review page are drawn from the tags of the stories within
# `ReviewDetailView.related_window` ids of its own (reviews/site/views.py); story ids are
# grouped in bands this wide, and a change of a story's tags renews its band.
TAGGING_BAND = 2_000


# Where a view leaves the names its response depends on, for the page cache's middleware.
DEPENDENCIES_ATTRIBUTE = "page_dependencies"


def depends_on(response, names: Iterable[str]):
    """Store `response` by its dependencies: served while none of `names` (nor the published
    set) changes, whatever else does. A view that does not say so is stored by generation,
    stale at any change. Name everything the page shows, or it will show it stale."""
    setattr(response, DEPENDENCIES_ATTRIBUTE, frozenset([PUBLISHED_SET, *names]))
    return response


def review(pk) -> str:
    """A review as its own page shows it: everything, its stories and their tags included."""
    return f"review:{pk}"


def card(pk) -> str:
    """A review as other pages show it (previous, next, related): REVIEW_CARD's fields."""
    return f"card:{pk}"


def subject(kind: str, pk) -> str:
    """An outlet, expert, tag or section shown by name and address."""
    return f"{kind}:{pk}"


def tagging(story_id: int) -> set[str]:
    """The tags of the stories in `story_id`'s band: what a change of them affects."""
    return {f"tagging:{story_id // TAGGING_BAND}", ANY_TAGGING}


def tagging_between(first_story_id: int, last_story_id: int) -> list[str]:
    """What depends on the tags of every story from `first_story_id` to `last_story_id`: the
    bands covering them, or, when they are many (a review with a story added years later),
    the tags of any story."""
    first, last = max(first_story_id, 0) // TAGGING_BAND, last_story_id // TAGGING_BAND
    if last - first >= MOST_BANDS:
        return [ANY_TAGGING]
    return [f"tagging:{band}" for band in range(first, last + 1)]


ANY_TAGGING = "tagging:any"
MOST_BANDS = 5


# What a write affects. The "before" of a save is read from the database just before it
# (placement_before_save), since an instance may have been read long before and the row
# changed since; it is None for a new row.

# Of a review: the fields that place it among the published ones, and those other pages
# show of it (templates/includes/_review_card.html, the previous and next links).
REVIEW_PLACEMENT = ("status", "publish_at", "review_date")
REVIEW_CARD = ("title", "slug", "lede", "section_id")


def placement_before_save(instance, using: str):
    """What the row being saved says now about where its page's content lies (None when
    it is new, or gone): compared with the saved instance by affected_by_save()."""
    label = instance._meta.label_lower
    if instance._state.adding or instance.pk is None or label not in PLACEMENTS:
        return None
    return (
        type(instance)
        ._base_manager.using(using)
        .filter(pk=instance.pk)
        .values_list(*PLACEMENTS[label])
        .first()
    )


PLACEMENTS = {
    "reviews.review": REVIEW_PLACEMENT + REVIEW_CARD,
    "reviews.story": ("review_id",),
    "reviews.citation": ("story_id", "story__review_id"),
    "reviews.taggedstory": ("content_object_id",),
}


def affected_by_save(instance, *, before, created: bool, using: str) -> set[str] | None:
    label = instance._meta.label_lower
    if label == "reviews.review":
        after = tuple(getattr(instance, field) for field in PLACEMENTS[label])
        affected = {review(instance.pk)}
        placement = len(REVIEW_PLACEMENT)
        if created or before is None or before[placement:] != after[placement:]:
            affected.add(card(instance.pk))
        if (created and instance.status == "published") or (
            not created and (before is None or _moved_in_public(before, after))
        ):
            # The pages that linked to it (card), and those that will (_placed_around).
            affected |= {card(instance.pk), *_placed_around(instance, using)}
        return affected
    if label == "reviews.story":
        affected = {review(instance.review_id)}
        if not created and (before is None or before[0] != instance.review_id):
            # Its tags now count for another review's related reviews.
            affected |= {*tagging(instance.pk), *(review(pk) for pk in before or ())}
        return affected
    if label == "reviews.citation":
        if before is not None and before[0] == instance.story_id:
            return {review(before[1])}
        now = _review_of_story(instance, using)
        if now is None or (not created and before is None):
            return None
        return {review(now), *([review(before[1])] if before else [])}
    if label == "reviews.taggedstory" and before is not None:
        return tagging(before[0]) | tagging(instance.content_object_id)
    return affected_by_delete(instance, using=using)


def affected_by_delete(instance, *, using: str) -> set[str] | None:
    label = instance._meta.label_lower
    if label == "reviews.review":
        return {review(instance.pk), card(instance.pk), PUBLISHED_SET}
    if label == "reviews.story":
        return {review(instance.review_id)}
    if label == "reviews.citation":
        now = _review_of_story(instance, using)
        return None if now is None else {review(now)}
    if label == "reviews.taggedstory":
        # The story's own review page depends on its band too.
        return tagging(instance.content_object_id)
    if label in SUBJECTS:
        return {subject(SUBJECTS[label], instance.pk)}
    if label == "reviews.tagtranslation":
        # A tag's names in other languages: shown wherever the tag is.
        return {subject("tag", instance.tag_id)}
    if label == "reviews.slugredirect":
        # Only the subject pages and feeds (which follow old slugs) read them: lists.
        return set()
    return None


SUBJECTS = {
    "reviews.outlet": "outlet",
    "reviews.expert": "expert",
    "reviews.section": "section",
    "taggit.tag": "tag",
}


def affected_by_tagging(instance, *, reverse: bool, pk_set: Iterable[int] | None):
    """A story's tags changed (or, `reverse`, a tag's stories)."""
    if not reverse:
        return tagging(instance.pk)
    if pk_set is None:
        return None
    return {name for story_id in pk_set for name in tagging(story_id)}


def _moved_in_public(before: tuple, after: tuple) -> bool:
    """Whether a review entered or left publication, or moved among the published."""
    placement = len(REVIEW_PLACEMENT)
    return before[:placement] != after[:placement] and "published" in (before[0], after[0])


def _placed_around(placed, using: str) -> set[str]:
    """What a review entering, leaving or moving among the published ones changes besides
    the pages that link to it: its previous and next (now) show it from now on, or link to
    each other; its stories' tags count for other reviews' related reviews, or no more."""
    from django.db.models import Q, Subquery
    from django.utils import timezone

    from reviews.models import Review, Story

    previous, following = (
        Review.objects.using(using)
        .published()
        .previous_and_next(
            review_date=placed.review_date, publish_at=placed.publish_at or timezone.now()
        )
    )
    neighbours = Review._base_manager.using(using).filter(
        Q(pk=Subquery(previous)) | Q(pk=Subquery(following))
    )
    stories = Story._base_manager.using(using).filter(review=placed.pk)
    return {
        *(review(pk) for pk in neighbours.values_list("pk", flat=True)),
        *(name for pk in stories.values_list("pk", flat=True) for name in tagging(pk)),
    }


def _review_of_story(citation, using: str):
    from reviews.models import Story

    if citation._meta.get_field("story").is_cached(citation):
        return citation.story.review_id
    return (
        Story._base_manager.using(using)
        .filter(pk=citation.story_id)
        .values_list("review_id", flat=True)
        .first()
    )
