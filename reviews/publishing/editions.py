"""Editions of a review in the site's languages: making one from another, knowing when it
fell behind its source, and marking it current again. See docs/ARCHITECTURE.md, "Editions".

An edition is a full `Review` (own text, workflow state, publish time, slug); the editions
of one review share an `EditionGroup`. An edition made from another records the source's
version and a revision of it (django-reversion) at that moment: the source's version moving
on marks the edition out of date, and the revision is what "changed since" is compared with.
"""

import reversion
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from reversion.models import Version

from reviews.models import Citation, EditionGroup, Review, Story, TaggedStory
from reviews.names import slug_for_instance
from reviews.pagecache import dependencies
from reviews.pagecache.invalidation import content_changed
from reviews.publishing.revisions import (
    NOT_COMPARED,
    ReviewDiff,
    ReviewState,
    RevisionPart,
    diff_states,
)

CREATE = "reviews.add_review"
EDIT = "reviews.change_review"

# What a translator need not follow: the source's own workflow and bookkeeping.
NOT_TRANSLATED = NOT_COMPARED | {
    "status",
    "publish_at",
    "sent_back_reason",
    "author",
    "slug",
    "language",
}


class EditionRefused(Exception):
    """Why an edition cannot be made or marked current, in words for the editor."""


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def missing_languages(review: Review) -> list[str]:
    """The site's languages this review has no edition in yet, in the settings' order."""
    taken = {review.language}
    if review.edition_group_id is not None:
        taken |= set(review.edition_group.editions.values_list("language", flat=True))
    return [code for code, _name in settings.LANGUAGES if code not in taken]


def edition_create(*, source: Review, language: str, by) -> Review:
    """A draft edition of `source` in `language`: the same section, date and dateline, and
    its stories in order with their outlets, links, citations and tags, their text copied for
    the translator to replace. One transaction; the source's revision then is recorded."""
    if not by.has_perm(CREATE):
        raise EditionRefused(_("Your account may not create reviews."))
    if language not in dict(settings.LANGUAGES):
        raise EditionRefused(
            _("“%(code)s” is not one of the site's languages.") % {"code": language}
        )
    with transaction.atomic():
        source = Review.objects.select_for_update().get(pk=source.pk)
        if language not in missing_languages(source):
            raise EditionRefused(
                _("This review already has its %(language)s edition.")
                % {"language": language_name(language)}
            )
        if source.edition_group_id is None:
            source.edition_group = EditionGroup.objects.create()
            Review.objects.filter(pk=source.pk).update(edition_group=source.edition_group)
        edition = Review(
            language=language,
            edition_group=source.edition_group,
            made_from=source,
            made_from_version=source.version,
            title=source.title,
            section_id=source.section_id,
            dateline_city=source.dateline_city,
            review_date=source.review_date,
            lede=source.lede,
            disclaimer=source.disclaimer,
            author=by,
        )
        # The source's address with the language's code: ASCII, and stable when the
        # translated title changes.
        edition.slug = slug_for_instance(
            edition, f"{source.slug}-{language}", scope=Q(review_date=source.review_date)
        )
        edition.save()
        _copy_stories(source, edition)
        edition.made_from_revision = _record_source(
            source,
            by=by,
            comment=_("%(language)s edition made from the %(source)s edition")
            % {"language": language_name(language), "source": language_name(source.language)},
            also=edition,
        )
        Review.objects.filter(pk=edition.pk).update(made_from_revision=edition.made_from_revision)
        content_changed(affects={dependencies.review(source.pk), dependencies.review(edition.pk)})
    return edition


def _record_source(source: Review, *, by, comment: str, also: Review | None = None) -> Version:
    """A revision of the source as it is now (with `also`, the new edition): what an edition
    follows, and what "changed since" is compared with."""
    with reversion.create_revision(atomic=False):
        reversion.set_user(by)
        reversion.set_comment(comment)
        reversion.add_to_revision(source)
        if also is not None:
            reversion.add_to_revision(also)
    return Version.objects.get_for_object(source).first()


def _copy_stories(source: Review, edition: Review) -> None:
    stories = list(
        Story.objects.filter(review=source).order_by("position").prefetch_related("citations")
    )
    copies = Story.objects.bulk_create(
        Story(
            review=edition,
            outlet_id=story.outlet_id,
            position=story.position,
            headline=story.headline,
            body=story.body,
            link=story.link,
        )
        for story in stories
    )
    Citation.objects.bulk_create(
        Citation(
            story=copy,
            expert_id=citation.expert_id,
            position=citation.position,
            organisation=citation.organisation,
            quote=citation.quote,
        )
        for story, copy in zip(stories, copies, strict=True)
        for citation in story.citations.all()
    )
    copy_of = {story.pk: copy for story, copy in zip(stories, copies, strict=True)}
    TaggedStory.objects.bulk_create(
        TaggedStory(content_object=copy_of[tagged.content_object_id], tag_id=tagged.tag_id)
        for tagged in TaggedStory.objects.filter(content_object__in=stories)
    )


def edition_mark_current(*, edition: Review, by) -> Review:
    """Record that `edition` follows its source as the source is now: no longer out of date."""
    if not by.has_perm(EDIT):
        raise EditionRefused(_("Your account may not change reviews."))
    with transaction.atomic():
        edition = Review.objects.select_for_update().get(pk=edition.pk)
        source = edition.made_from
        if source is None:
            raise EditionRefused(_("This edition was not made from another one."))
        edition.made_from_version = source.version
        edition.made_from_revision = _record_source(
            source,
            by=by,
            comment=_("The %(language)s edition marked current with this")
            % {"language": language_name(edition.language)},
        )
        Review.objects.filter(pk=edition.pk).update(
            made_from_version=edition.made_from_version,
            made_from_revision=edition.made_from_revision,
        )
        content_changed(affects={dependencies.review(edition.pk)})
    return edition


def changes_since(edition: Review) -> ReviewDiff | None:
    """What changed in the source since the edition was made or marked current: its fields
    and stories (the source's workflow aside). None when that state is not known (its
    revision was deleted)."""
    if edition.made_from is None or edition.made_from_revision is None:
        return None
    then = ReviewState.from_part(RevisionPart.of(edition.made_from_revision))
    now = ReviewState.from_database(edition.made_from)
    return diff_states(then, now, ignored=NOT_TRANSLATED)
