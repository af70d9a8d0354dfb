"""The includes a list repeats, and every model instance each one reads: its cache key
(reviews.pagecache.fragments.rendered_each). A template here that reads an object not
listed would be kept under a key that does not change with it: list them all."""

from reviews.translations import tag_translations


def review_card(review) -> list:
    return [review, review.section]


def story_item(story) -> list:
    return [story, story.outlet, story.review, *_citations_and_tags(story)]


def story_block(story) -> list:
    return [story, story.outlet, *_citations_and_tags(story)]


def _citations_and_tags(story) -> list:
    citations, tags = story.shown_citations, story.shown_tags
    # A tag's names in other languages are another table's row (reviews.translations).
    return [
        *citations,
        *(citation.expert for citation in citations),
        *tags,
        *tag_translations(tags),
    ]


PARTS = {
    "includes/_review_card.html": review_card,
    "includes/_story_item.html": story_item,
    "includes/_story.html": story_block,
}
