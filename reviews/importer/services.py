"""Saving an import: one draft review with its stories and citations, in one transaction, or
nothing. See docs/IMPORTING.md, "The proposal page and the saving".
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from reviews.importer.parser import ImportFailed, ReviewProposal
from reviews.models import Citation, Expert, Outlet, Review, Section, Story
from reviews.vocabulary.moderation import find_expert, normalise_name

IMPORT_COMMENT = "Imported from pasted text"


@dataclass
class NewOutlet:
    name: str
    country: str = ""
    language: str = ""


@dataclass
class NewExpert:
    name: str
    position: str = ""
    organisation: str = ""


@dataclass
class DraftCitation:
    expert: Expert | NewExpert
    position: str = ""
    organisation: str = ""
    quote: str = ""


@dataclass
class DraftStory:
    outlet: Outlet | NewOutlet
    headline: str
    body: str
    citations: list[DraftCitation] = field(default_factory=list)


@dataclass
class DraftReview:
    title: str
    section: Section
    dateline_city: str
    review_date: datetime.date
    lede: str
    disclaimer: str = ""
    stories: list[DraftStory] = field(default_factory=list)
    language: str = ""  # the site's default when empty


def own_disclaimer(disclaimer: str) -> str:
    """The review's own disclaimer: empty when it is the site-wide one (used by default)."""
    if normalise_name(disclaimer) == normalise_name(settings.PRESSREVIEW_DISCLAIMER):
        return ""
    return disclaimer


def import_draft(*, draft: DraftReview, by=None) -> Review:
    """Create the draft review, its stories and citations, and the new outlets and experts.

    `by` (the editor) becomes the author and must hold the add permissions for what is
    created; a command passes None. Raises `ImportFailed` with the problems found, or
    `PermissionDenied`; in either case nothing is saved.
    """
    new_outlets = [s.outlet for s in draft.stories if isinstance(s.outlet, NewOutlet)]
    new_experts = [
        c.expert for s in draft.stories for c in s.citations if isinstance(c.expert, NewExpert)
    ]
    if by is not None:
        needed = ["reviews.add_review", "reviews.add_story", "reviews.add_citation"]
        needed += ["reviews.add_outlet"] if new_outlets else []
        needed += ["reviews.add_expert"] if new_experts else []
        if not by.has_perms(needed):
            raise PermissionDenied(_("You may not import reviews."))
    with transaction.atomic(), reversion.create_revision():
        outlets = create_outlets(new_outlets)
        experts = create_experts(new_experts)
        review = Review(
            title=draft.title,
            language=draft.language or settings.LANGUAGE_CODE,
            section=draft.section,
            dateline_city=draft.dateline_city,
            review_date=draft.review_date,
            lede=draft.lede,
            disclaimer=own_disclaimer(draft.disclaimer),
            status=Review.Status.DRAFT,
            author=by,
        )
        validate(review, exclude=["slug"], what=_("The review"))
        review.save()
        for position, planned in enumerate(draft.stories, start=1):
            outlet = planned.outlet
            if isinstance(outlet, NewOutlet):
                outlet = outlets[name_key(outlet.name)]
            story = Story(
                review=review,
                outlet=outlet,
                position=position,
                headline=planned.headline,
                body=planned.body,
            )
            validate(story, exclude=["review"], what=_("Story %(n)d") % {"n": position})
            story.save()
            cited: dict[int, Citation] = {}
            for planned_citation in planned.citations:
                expert = planned_citation.expert
                if isinstance(expert, NewExpert):
                    expert = experts[name_key(expert.name)]
                earlier = cited.get(expert.pk)
                if earlier is not None:  # one citation per expert and story
                    earlier.quote = earlier.quote or planned_citation.quote
                    earlier.save(update_fields=["quote"])
                    continue
                citation = Citation(
                    story=story,
                    expert=expert,
                    position=planned_citation.position,
                    organisation=planned_citation.organisation,
                    quote=planned_citation.quote,
                )
                validate(
                    citation,
                    exclude=["story", "expert"],
                    what=_("A citation of story %(n)d") % {"n": position},
                )
                citation.save()
                cited[expert.pk] = citation
        if by is not None:
            reversion.set_user(by)
        reversion.set_comment(IMPORT_COMMENT)
    return review


def name_key(name: str) -> str:
    """How a new outlet or expert is told apart from the others planned: by name, any case."""
    return normalise_name(name).casefold()


def create_outlets(planned: list[NewOutlet]) -> dict[str, Outlet]:
    """The outlets to create, once each; one that someone created meanwhile is reused."""
    return create_once(
        planned,
        find=lambda name: Outlet.objects.filter(name__iexact=name).first(),
        build=lambda name, new: Outlet(
            name=name, country=new.country.strip(), language=new.language.strip()
        ),
        what=_("The new outlet “%(name)s”"),
    )


def create_experts(planned: list[NewExpert]) -> dict[str, Expert]:
    """The experts to create, once each; one with this name or alias by now is reused."""
    return create_once(
        planned,
        find=find_expert,
        build=lambda name, new: Expert(
            name=name, position=new.position.strip(), organisation=new.organisation.strip()
        ),
        what=_("The new expert “%(name)s”"),
    )


def create_once(planned: list, *, find: Callable, build: Callable, what: str) -> dict[str, Any]:
    """{name_key: subject} for the `planned` subjects: each found (`find(name)`) or else built
    (`build(name, planned)`), checked as `what` describes it, and saved, once per name."""
    created = {}
    for new in planned:
        name = normalise_name(new.name)
        if name_key(name) in created:
            continue
        subject = find(name)
        if subject is None:
            subject = build(name, new)
            validate(subject, exclude=["slug"], what=what % {"name": name})
            subject.save()
        created[name_key(name)] = subject
    return created


def validate(instance, *, exclude: list[str], what: str) -> None:
    try:
        instance.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as error:
        problems = [
            f"{what}: {field if field != '__all__' else ''} {' '.join(messages)}".replace(" :", ":")
            for field, messages in error.message_dict.items()
        ]
        raise ImportFailed(" ".join(problems)) from error


def draft_from_proposal(
    proposal: ReviewProposal, *, section: Section | None = None, create_new: bool = False
) -> DraftReview:
    """A draft to save from a proposal as parsed, without an editor to correct it (the
    command). Raises `ImportFailed` naming everything that needs a decision."""
    problems = []
    section = section or (
        Section.objects.filter(pk=proposal.section_id).first() if proposal.section_id else None
    )
    if section is None:
        problems.append(_("no section named in the text (pass --section)"))
    if proposal.review_date is None:
        problems.append(_("no review date found (no dateline like “LISBON, March 3”)"))
    if not proposal.stories:
        problems.append(_("no story found (an outlet's name, a colon and a headline)"))
    outlets = {
        o.pk: o
        for o in Outlet.objects.filter(pk__in=[s.outlet.outlet_id for s in proposal.stories])
    }
    experts = {
        e.pk: e
        for e in Expert.objects.filter(
            pk__in=[c.expert_id for s in proposal.stories for c in s.citations]
        )
    }
    unknown_outlets = sorted({s.outlet.name for s in proposal.stories if s.outlet.is_new})
    new_experts = sorted({c.name for s in proposal.stories for c in s.citations if c.is_new})
    if unknown_outlets and not create_new:
        problems.append(
            _("unknown outlets: %(names)s (add them, or an alias, or pass --create-new)")
            % {"names": ", ".join(unknown_outlets)}
        )
    if new_experts and not create_new:
        problems.append(
            _("new experts: %(names)s (add them, or pass --create-new)")
            % {"names": ", ".join(new_experts)}
        )
    if problems:
        raise ImportFailed("; ".join(problems))
    stories = []
    for story in proposal.stories:
        outlet = (
            NewOutlet(story.outlet.name, story.outlet.country, story.outlet.language)
            if story.outlet.is_new
            else outlets[story.outlet.outlet_id]
        )
        citations = [
            DraftCitation(
                expert=(
                    NewExpert(c.name, c.position, c.organisation)
                    if c.is_new
                    else experts[c.expert_id]
                ),
                position=c.position,
                organisation=c.organisation,
                quote=c.quote,
            )
            for c in story.citations
        ]
        stories.append(DraftStory(outlet, story.headline, story.body, citations))
    return DraftReview(
        title=proposal.title,
        language=proposal.language,
        section=section,
        dateline_city=proposal.dateline_city,
        review_date=proposal.review_date,
        lede=proposal.lede,
        disclaimer=proposal.disclaimer,
        stories=stories,
    )
