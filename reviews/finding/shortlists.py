"""Shortlists of experts and tags for the reader's filter form: the most used in the newest
stories plus the reader's choices, worked out once per content generation. See
docs/PERFORMANCE.md, "Lists, filters and search at archive scale".
"""

import functools
import re

from django.db.models import Count, Q, QuerySet
from taggit.models import Tag

from reviews.models import Citation, Expert, Outlet, Section, Story, TaggedStory, published_tags
from reviews.names import in_reading_order
from reviews.pagecache.fragments import remembered
from reviews.translations import active_language, translated

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,255}")
# How many of the newest published stories the shortlists are drawn from.
RECENT_STORIES = 500
EXPERTS_SHOWN = 60
TAGS_SHOWN = 40


def recent_stories() -> QuerySet:
    return (
        Story.objects.published()
        .order_by("-review__review_date", "-review__publish_at", "-pk")
        .values("pk")[:RECENT_STORIES]
    )


def shortlist_experts(chosen: list[str]) -> list[Expert]:
    """The experts most cited in the newest stories, and those chosen, in reading order."""
    most_cited = most_used(Citation.objects.all(), "story", "expert_id", EXPERTS_SHOWN)
    return list(
        Expert.objects.published()
        .filter(Q(pk__in=most_cited) | Q(slug__in=chosen))
        .only("name", "slug", "translations")
        .order_by("sort_name", "pk")
    )


def shortlist_tags(chosen: list[str]) -> list[Tag]:
    """The tags most used in the newest stories, and those chosen, in reading order."""
    most_tagged = most_used(TaggedStory.objects.all(), "content_object", "tag_id", TAGS_SHOWN)
    return in_reading_order(
        published_tags()
        .filter(Q(pk__in=most_tagged) | Q(slug__in=chosen))
        .select_related("translation")
    )


def most_used(uses: QuerySet, story: str, subject: str, count: int) -> QuerySet:
    """The ids (`subject`) of the `count` subjects with the most `uses` in the newest stories
    (`story` links a use to its story)."""
    return (
        uses.filter(**{f"{story}__in": recent_stories()})
        .values(subject)
        .annotate(uses=Count("pk"))
        .order_by("-uses", subject)
        .values(subject)[:count]
    )


def slugs_and_names(subjects) -> list[tuple[str, str]]:
    return [(subject.slug, translated(subject)) for subject in subjects]


def offered_choices() -> dict[str, list[tuple[str, str]]]:
    """The (slug, name) choices the form offers when nothing is chosen: the published
    sections and outlets, and the shortlists of experts and tags. All four together, so
    that a list page reads them in one round trip to the cache."""
    return {
        "section": slugs_and_names(in_reading_order(Section.objects.published())),
        "outlet": slugs_and_names(Outlet.objects.published().order_by("sort_name", "pk")),
        "expert": slugs_and_names(shortlist_experts([])),
        "tag": slugs_and_names(shortlist_tags([])),
    }


def shorten_choices(form, data) -> None:
    """Show the shortlists in the form's expert and tag widgets, and the published sections
    and outlets in theirs (once); the fields still validate against every published
    section, outlet, expert and tag."""
    if getattr(form, "shortlisted", False):
        return
    form.shortlisted = True

    # Made only if the form is shown (the API never shows it), once per generation
    # and language (the names are the active language's).
    offered = functools.cache(
        lambda: remembered(f"filter-choices:{active_language()}", offered_choices)
    )

    def shown(name: str, shortlist=None) -> list[tuple[str, str]]:
        listed = offered()[name]
        if shortlist is None:
            return listed
        # Only what could be a slug (PostgreSQL refuses a NUL byte in a query, for one):
        # anything else is the field's error to report.
        values = data.getlist(name) if hasattr(data, "getlist") else []
        chosen = {value for value in values if SLUG.fullmatch(value)}
        if chosen <= {slug for slug, _name in listed}:
            return listed
        return slugs_and_names(shortlist(list(chosen)))

    def with_empty_choice(field, choices) -> list:
        return [("", field.empty_label), *choices]

    # Callables, remembered, since a select widget walks its choices twice when it renders.
    fields = form.fields
    if "section" in fields:
        fields["section"].widget.choices = functools.cache(
            lambda: with_empty_choice(fields["section"], shown("section"))
        )
    if "outlet" in fields:
        fields["outlet"].widget.choices = functools.cache(lambda: shown("outlet"))
    if "expert" in fields:
        fields["expert"].widget.choices = functools.cache(
            lambda: with_empty_choice(fields["expert"], shown("expert", shortlist_experts))
        )
    if "tag" in fields:
        fields["tag"].widget.choices = functools.cache(lambda: shown("tag", shortlist_tags))
