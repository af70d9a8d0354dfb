"""A public review, and hidden reviews that share its outlet, expert and tag, for the leak tests.

A hidden review has a secret word in its title, lede, headlines, body and quotes, and a
section, an outlet, an expert and a tag that only it uses (named in English and in Russian);
its second story shares the public review's outlet ("Public Gazette"), expert ("Public
Expert") and tag ("harbours"). A hidden edition (`secret_edition`) is the Russian edition of a
public review, with the same words and subjects of its own.
"""

import pytest

from reviews.models import Review, TagTranslation
from reviews.publishing.editions import edition_create
from tests.support.factories import CitationFactory, ReviewFactory, SectionFactory, StoryFactory

# How a factory makes each hidden state.
HIDDEN_STATES = {
    "draft": {"draft": True},
    "inreview": {"in_review": True},
    "withdrawn": {"withdrawn": True},
    "scheduled": {"scheduled": True},
}


def public_review(**review_fields):
    """The published review, and its citation of the public outlet, expert and tag."""
    review = ReviewFactory(title="Press review: Harbour calm returns", **review_fields)
    citation = CitationFactory(
        story__review=review,
        story__position=1,
        story__headline="Harbour calm returns",
        story__tags=["harbours"],
        story__outlet__name="Public Gazette",
        story__outlet__slug="public-gazette",
        expert__name="Public Expert",
        expert__slug="public-expert",
    )
    return review, citation


def secret_review(secret: str, public_citation, *, tag: str, **review_fields):
    """A review whose words and own subjects carry `secret`, with a second story sharing the
    public citation's outlet, expert and tag; `review_fields` say whether it is public."""
    review = ReviewFactory(
        title=f"Press review: {secret} title",
        slug=f"{secret}-review",
        lede=f"The {secret} lede.",
        section=secret_section(secret),
        **review_fields,
    )
    return review, secret_stories(review, secret, public_citation, tag=tag)


def secret_edition(secret: str, source, public_citation, *, tag: str, by):
    """A Russian edition of `source` as an editor makes one (edition_create: a draft, never
    published), translated in `secret` words, in a section of its own; besides the stories
    copied from `source`, it cites in its own words an outlet, an expert and a tag only it
    uses, and has a story sharing the public citation's subjects, as secret_review's."""
    edition = edition_create(source=source, language="ru", by=by)
    Review.objects.filter(pk=edition.pk).update(
        title=f"Обзор прессы: {secret} title",
        lede=f"Главное за день: {secret} lede.",
        section=secret_section(secret),
    )
    edition.stories.update(headline=f"{secret} headline", body=f"Перевод: {secret} body.")
    return Review.objects.get(pk=edition.pk), secret_stories(
        edition, secret, public_citation, tag=tag
    )


def secret_section(secret: str):
    return SectionFactory(
        name=f"{secret} Desk", slug=f"{secret}-desk", translations=russian(f"{secret} отдел")
    )


def secret_stories(review, secret: str, public_citation, *, tag: str):
    """Two stories more in `review`: one citing an outlet, an expert and a tag that only it
    uses (named in English and in Russian), in `secret` words, and one sharing the public
    citation's outlet, expert and tag. Returns the first one's citation."""
    citation = CitationFactory(
        story__review=review,
        story__headline=f"{secret} headline",
        story__body=f"The {secret} body.",
        story__outlet__name=f"{secret} Gazette",
        story__outlet__slug=f"{secret}-gazette",
        story__outlet__translations=russian(f"{secret} газета"),
        story__tags=[tag],
        expert__name=f"{secret} Expert",
        expert__slug=f"{secret}-expert",
        expert__translations=russian(f"{secret} эксперт"),
        quote=f"A {secret} quote.",
    )
    TagTranslation.objects.create(
        tag=citation.story.tags.get(), translations=russian(f"{secret} тема")
    )
    shared = StoryFactory(
        review=review,
        outlet=public_citation.story.outlet,
        headline=f"{secret} shared harbour headline",
        tags=["harbours"],
    )
    CitationFactory(story=shared, expert=public_citation.expert, quote=f"{secret} said.")
    return citation


def russian(name: str) -> dict:
    """A subject's `translations` naming it in Russian (reviews.translations)."""
    return {"ru": {"name": name}}


def build_hidden(state: str, public_citation):
    """A review in a hidden state (a key of HIDDEN_STATES): its secret word, review, citation."""
    secret = f"zq{state}secret"
    review, citation = secret_review(
        secret, public_citation, tag=f"{secret}-tag", **HIDDEN_STATES[state]
    )
    return secret, review, citation


def secret_phrases(secret: str) -> list[str]:
    """What only the hidden review has: its words, its own subjects' names and slugs. A search
    for the secret word echoes the word itself: the phrases around it are what must never show."""
    return [
        f"{secret} title",
        f"{secret} lede",
        f"{secret} headline",
        f"{secret} body",
        f"{secret} gazette",
        f"{secret} expert",
        f"{secret}-tag",
        f"{secret} quote",
        f"{secret} said",
        f"{secret}-review",
        f"{secret} desk",
        f"{secret}-desk",
    ]


@pytest.fixture
def public(db):
    """The public review and its citation (a plugin of tests/conftest.py)."""
    return public_review()
