"""Citations as data: a schema.org `Quotation` for each citation of a review, for its JSON-LD.

The expert is the `Person` quoted, with the position and organisation *as cited then*; the
quotation `isPartOf` the story, itself part of the review. Only what the page shows.
"""

from collections.abc import Callable

from reviews.models import Review
from reviews.translations import translated


def quotations(review: Review, absolute: Callable[[str], str]) -> list[dict]:
    """One Quotation per citation of the review's stories (prefetched with for_display())."""
    article = absolute(review.get_absolute_url())
    found = []
    for story in review.stories.all():
        for citation in story.shown_citations:
            expert = citation.expert
            person = {
                "@type": "Person",
                "name": translated(expert),
                "url": absolute(expert.get_absolute_url()),
            }
            if citation.position:
                person["jobTitle"] = citation.position
            if citation.organisation:
                person["affiliation"] = {"@type": "Organization", "name": citation.organisation}
            quotation = {
                "@context": "https://schema.org",
                "@type": "Quotation",
                "@id": f"{article}#{citation.anchor}",
                "url": f"{article}#{citation.anchor}",
                "spokenByCharacter": person,
                "isPartOf": {
                    "@type": "CreativeWork",
                    "@id": f"{article}#{story.anchor}",
                    "headline": story.headline,
                    "sourceOrganization": {
                        "@type": "Organization",
                        "name": translated(story.outlet),
                    },
                    "isPartOf": {"@id": article},
                },
            }
            if citation.quote:
                quotation["text"] = citation.quote
            found.append(quotation)
    return found
