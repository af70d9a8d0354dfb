"""A public review, and hidden reviews that share its outlet, expert and tag, for the leak tests.

A hidden review has a secret word in its title, lede, headlines, body and quotes, and a
section, an outlet, an expert and a tag that only it uses; its second story shares the public
review's outlet ("Public Gazette"), expert ("Public Expert") and tag ("harbours").
"""

import pytest

from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory

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
        section__name=f"{secret} Desk",
        section__slug=f"{secret}-desk",
        **review_fields,
    )
    citation = CitationFactory(
        story__review=review,
        story__position=1,
        story__headline=f"{secret} headline",
        story__body=f"The {secret} body.",
        story__outlet__name=f"{secret} Gazette",
        story__outlet__slug=f"{secret}-gazette",
        story__tags=[tag],
        expert__name=f"{secret} Expert",
        expert__slug=f"{secret}-expert",
        quote=f"A {secret} quote.",
    )
    shared = StoryFactory(
        review=review,
        position=2,
        outlet=public_citation.story.outlet,
        headline=f"{secret} shared harbour headline",
        tags=["harbours"],
    )
    CitationFactory(story=shared, expert=public_citation.expert, quote=f"{secret} said.")
    return review, citation


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
