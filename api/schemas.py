"""What the API answers and which parameters it takes, as pydantic schemas (OpenAPI's source).

The filter parameters are declared here for the documentation only, all as text: the values
are validated by the same FilterSets as the pages' (reviews/finding/filters.py), which answer
with the same messages.
"""

import datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import WithJsonSchema

from .pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

# A list parameter takes at most this many values: every tag is one more join.
MAX_REPEATS = 10


class Problem(Schema):
    detail: str = Field(description="What went wrong, in words.")


class ParameterProblem(Schema):
    parameter: str | None = Field(description="The query parameter at fault.")
    message: str = Field(description="What is wrong with its value.")


class InvalidParameters(Schema):
    detail: str
    errors: list[ParameterProblem]


def text(**schema):
    """An optional query parameter, documented as a plain string: no value, not null."""
    return Annotated[str | None, WithJsonSchema({"type": "string", **schema})]


def without_default(json_schema: dict) -> None:
    json_schema.pop("default", None)


def text_parameter(description: str):
    return Field(None, description=description, json_schema_extra=without_default)


def slugs_parameter(description: str):
    return Field([], description=description, json_schema_extra={"maxItems": MAX_REPEATS})


class PageParams(Schema):
    cursor: text() = text_parameter(
        "Where the page starts: copy it from a `next` or `previous` link. "
        "Without it, the first page."
    )
    page_size: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"Items per page, 1 to {MAX_PAGE_SIZE}.",
    )


def language_parameter(description: str):
    return text_parameter(
        f"{description} One of the site's languages (en, ru); its default if not given."
    )


class LanguageParams(Schema):
    language: text() = language_parameter(
        "The language of the names (each falls back to the default language's where it has "
        "none) and of the counts (the uses in that language's editions)."
    )


class SubjectPageParams(PageParams, LanguageParams):
    """A page of outlets, experts, tags or sections, named in one language."""


class ReaderFilterParams(PageParams):
    """The filters of /reviews/ and /stories/ (PRODUCT.md), plus the page parameters."""

    q: text(maxLength=200) = text_parameter(
        "Words to look for (at most 200 characters), as on the site's search: every word, "
        '"a phrase", or between alternatives, -word to leave out.'
    )
    section: text() = text_parameter("A section's slug.")
    outlet: list[str] = slugs_parameter(
        f"An outlet's slug; repeat for any of several (at most {MAX_REPEATS})."
    )
    expert: text() = text_parameter("An expert's slug.")
    tag: list[str] = slugs_parameter(
        f"A tag's slug; repeat for all of several (at most {MAX_REPEATS})."
    )
    date_after: text(format="date") = text_parameter(
        "Reviews of this date or later, YYYY-MM-DD (the date of the newspapers reviewed)."
    )
    date_before: text(format="date") = text_parameter(
        "Reviews of this date or earlier, YYYY-MM-DD."
    )
    language: text() = language_parameter("The language of the editions listed.")
    ordering: text(enum=["-date", "date"]) = text_parameter(
        "`-date` (newest first, the default) or `date`."
    )


class SectionRef(Schema):
    name: str
    slug: str
    url: str = Field(description="The section's reviews on the public site.")


class OutletRef(Schema):
    name: str
    slug: str
    country: str
    language: str
    website: str
    url: str = Field(description="The outlet's page on the public site.")


class ExpertRef(Schema):
    name: str
    slug: str
    url: str = Field(description="The expert's page on the public site.")


class Tag(Schema):
    name: str
    slug: str
    url: str = Field(description="The tag's page on the public site.")


class Citation(Schema):
    expert: ExpertRef
    position: str = Field(description="The expert's position as cited in this story.")
    organisation: str = Field(description="The organisation as cited in this story.")
    title: str = Field(description='Position and organisation as one phrase ("... at ...").')
    quote: str


class StoryInReview(Schema):
    id: int
    position: int = Field(description="Order of the story within its review, from 1.")
    headline: str
    outlet: OutletRef
    body: str = Field(description="Plain text; paragraphs separated by a blank line.")
    link: str = Field(description="The original article, when known; else empty.")
    tags: list[Tag]
    citations: list[Citation]
    url: str = Field(description="The story within its review's public page.")


class ReviewRef(Schema):
    id: int
    title: str
    slug: str
    language: str = Field(
        description="The language of this edition of the review (en, ru): the names of its "
        "section, outlets, experts and tags are in it."
    )
    section: SectionRef
    review_date: datetime.date = Field(description="The date of the newspapers reviewed.")
    published_at: datetime.datetime
    url: str = Field(description="The review's public page.")
    api_url: str


class Edition(Schema):
    language: str = Field(description="The language of this edition (en, ru).")
    id: int
    url: str = Field(description="The edition's public page.")
    api_url: str


class Review(ReviewRef):
    editions: list[Edition] = Field(
        description="Its other published editions: the same review in the site's other "
        "languages, one per language."
    )
    dateline: str = Field(description='As printed, e.g. "LISBON, March 3".')
    dateline_city: str
    lede: str
    disclaimer: str
    updated_at: datetime.datetime
    tags: list[Tag] = Field(description="The union of its stories' tags.")
    stories: list[StoryInReview]


class Story(StoryInReview):
    review: ReviewRef


class Outlet(OutletRef):
    description: str
    story_count: int = Field(description="Its stories in published reviews.")
    api_url: str


class Expert(ExpertRef):
    position: str = Field(description="The current position.")
    organisation: str
    bio: str
    citation_count: int = Field(description="Its citations in published reviews.")
    api_url: str


class TagWithCount(Tag):
    story_count: int = Field(description="Stories of published reviews with this tag.")
    api_url: str


class Section(SectionRef):
    description: str
    review_count: int = Field(description="Its published reviews.")
    api_url: str


class PageLinks(Schema):
    next: str | None = Field(description="The next page, or null on the last.")
    previous: str | None = Field(description="The previous page, or null on the first.")


class ReviewPage(PageLinks):
    results: list[Review]


class StoryPage(PageLinks):
    results: list[Story]


class OutletPage(PageLinks):
    results: list[Outlet]


class PeriodParams(LanguageParams):
    """The lists' date parameters, as a period of review dates; and the language."""

    date_after: text(format="date") = text_parameter(
        "The first review date (YYYY-MM-DD). Without it, two years before `date_before`."
    )
    date_before: text(format="date") = text_parameter(
        "The last review date (YYYY-MM-DD). Without it, two years after `date_after`, or "
        "today. At most ten years in all."
    )


class OutletCitations(Schema):
    name: str
    slug: str
    citations: int


class CitationsInMonth(Schema):
    month: str = Field(description="YYYY-MM.")
    citations: int
    outlets: list[OutletCitations] = Field(description="By outlet, the most citations first.")


class ExpertCitationsOverTime(Schema):
    expert: ExpertRef
    date_after: datetime.date
    date_before: datetime.date
    months: list[CitationsInMonth] = Field(description="Every month of the period, in order.")


class ExpertPage(PageLinks):
    results: list[Expert]


class TagPage(PageLinks):
    results: list[TagWithCount]


class SectionPage(PageLinks):
    results: list[Section]


class Index(Schema):
    reviews: str
    stories: str
    outlets: str
    experts: str
    tags: str
    sections: str
    openapi: str
    docs: str
