"""The sitemap index and its sections, one set per language: the home and list pages, the
published reviews, and the outlets, experts and tags with a published story in that language
(no empty page is listed). The default language's sections keep their addresses
(`/sitemap-reviews.xml`), another language's carry its code (`/sitemap-reviews-ru.xml`);
each URL names its equivalents in the other languages (`xhtml:link rel="alternate"
hreflang`) where they exist. Each section is cut into pages by primary key (keyset), never
by OFFSET. See docs/PERFORMANCE.md, "The sitemap", and docs/ARCHITECTURE.md, "Editions".
"""

from collections import defaultdict
from functools import cached_property, partial

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from taggit.models import Tag

from reviews.counts import last_published
from reviews.models import (
    Citation,
    Expert,
    Outlet,
    Review,
    Story,
    TaggedStory,
    has_published_use,
)
from reviews.pagecache.fragments import remembered
from reviews.translations import default_language

URLS_PER_PAGE = 5000


class KeysetPage:
    def __init__(self, object_list, number):
        self.object_list = object_list
        self.number = number


class KeysetPaginator:
    """Pages of a queryset in primary-key order, each a range of keys.

    Where each page starts is read once per content generation (one pass over the keys, in
    the cache); a page is then `start <= pk < next start`, read through the primary key's
    index. New rows (higher keys) join the last page, so a page keeps what it listed.
    """

    def __init__(self, queryset: QuerySet, per_page: int, name: str, finish=None):
        self.queryset = queryset.order_by("pk")
        self.per_page = per_page
        self.name = name
        self.finish = finish or (lambda rows: rows)  # what a page's queryset adds

    @cached_property
    def starts(self) -> list[int]:
        def first_keys():
            return list(self.queryset.values_list("pk", flat=True))[:: self.per_page]

        return remembered(f"sitemap:{self.name}:{self.per_page}", first_keys)

    @property
    def num_pages(self) -> int:
        return max(len(self.starts), 1)

    def page(self, number) -> KeysetPage:
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(number) from None
        if not 1 <= number <= self.num_pages:
            raise EmptyPage(number)
        if not self.starts:
            return KeysetPage(self.queryset.none(), number)
        keys = {"pk__gte": self.starts[number - 1]}
        if number < len(self.starts):
            keys["pk__lt"] = self.starts[number]
        return KeysetPage(self.finish(self.queryset.filter(**keys)), number)


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


class LanguageSitemap(Sitemap):
    """A section in one of the site's languages: its addresses are reversed in that
    language, and a URL that has an equivalent in another language lists them all, itself
    included, as alternates (what Google asks of a multilingual site)."""

    def __init__(self, language: str | None = None):
        self.language = language or default_language()

    def location_in(self, item, language: str) -> str:
        with translation.override(language):
            return self.location(item)

    def addresses_by_language(self, items: list) -> list[dict[str, str]]:
        """For each item, its address in each language it exists in, in the settings'
        order."""
        raise NotImplementedError

    def get_urls(self, page=1, site=None, protocol=None):
        with translation.override(self.language):
            urls = super().get_urls(page=page, site=site, protocol=protocol)
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url, addresses in zip(
            urls, self.addresses_by_language([url["item"] for url in urls]), strict=True
        ):
            if len(addresses) > 1:
                url["alternates"] = [
                    {"lang_code": code, "location": base + path} for code, path in addresses.items()
                ]
        return urls


class KeysetSitemap(LanguageSitemap):
    limit = URLS_PER_PAGE
    name = ""

    @property
    def paginator(self):
        return KeysetPaginator(
            self.items(), self.limit, f"{self.name}:{self.language}", self.page_items
        )

    def page_items(self, rows: QuerySet) -> QuerySet:
        return rows


class ReviewSitemap(KeysetSitemap):
    """The published editions in the section's language, each with its group's other
    published editions as alternates (one query a page)."""

    name = "reviews"

    def items(self):
        return (
            Review.objects.published()
            .in_language(self.language)
            .only("slug", "review_date", "publish_at", "updated_at", "language", "edition_group")
        )

    def lastmod(self, review):
        # A review saved while scheduled changed, for readers, when it was published.
        return max(review.updated_at, review.publish_at)

    def addresses_by_language(self, reviews):
        groups = {review.edition_group_id for review in reviews if review.edition_group_id}
        editions = defaultdict(dict)
        if groups:
            found = (
                Review.objects.published()
                .filter(edition_group__in=groups)
                .only("slug", "review_date", "language", "edition_group")
            )
            for edition in found:
                editions[edition.edition_group_id][edition.language] = edition.get_absolute_url()
        order = languages()
        return [
            dict(sorted(editions[review.edition_group_id].items(), key=lambda e: order.index(e[0])))
            if review.edition_group_id
            else {review.language: review.get_absolute_url()}
            for review in reviews
        ]

    def get_latest_lastmod(self):
        """For the index: the last edit or publication of any published review in the
        language, each found by walking an index from its newest end."""
        published = Review.objects.published().in_language(self.language)
        found = [
            published.order_by(f"-{field}").values_list(field, flat=True).first()
            for field in ("updated_at", "publish_at")
        ]
        return max((moment for moment in found if moment), default=None)


class SubjectSitemap(KeysetSitemap):
    """Outlets, experts or tags with a published story in the section's language: pages
    that change whenever one of their stories is published.

    Their `lastmod` is the latest publish time in that language kept with each subject's
    count (reviews/counts.py), one row per subject. A time still to come (the subject's
    newest use is in a scheduled review) is left out until it passes: `lastmod` is optional,
    and a crawler told of a change before it shows would fetch the page for nothing. The
    languages a subject has a published story in besides are read with its row.
    """

    kind = ""  # the subject's kind in reviews.counts
    model = None

    def uses(self) -> QuerySet:
        """The published uses of the subjects (stories, citations, tag uses)."""
        raise NotImplementedError

    def used_in(self, language: str):
        return has_published_use(self.uses().in_language(language), self.kind)

    def items(self):
        return self.model.objects.filter(self.used_in(self.language)).only("slug")

    def page_items(self, rows):
        others = [code for code in languages() if code != self.language]
        return rows.annotate(
            last_published=last_published(self.kind, self.language),
            **{f"used_in_{code}": self.used_in(code) for code in others},
        )

    def lastmod(self, subject):
        moment = subject.last_published
        return moment if moment is not None and moment <= timezone.now() else None

    def addresses_by_language(self, subjects):
        return [
            {
                code: self.location_in(subject, code)
                for code in languages()
                if code == self.language or getattr(subject, f"used_in_{code}")
            }
            for subject in subjects
        ]

    def get_latest_lastmod(self):
        """For the index: the latest publish time of a published review in the language
        (an upper bound for every subject's, found through the publish time's index)."""
        return remembered(
            f"sitemap:latest-publication:{self.language}",
            lambda: (
                Review.objects.published()
                .in_language(self.language)
                .order_by("-publish_at")
                .values_list("publish_at", flat=True)
                .first()
            ),
        )


class OutletSitemap(SubjectSitemap):
    name, kind, model = "outlets", "outlet", Outlet

    def uses(self):
        return Story.objects.published()


class ExpertSitemap(SubjectSitemap):
    name, kind, model = "experts", "expert", Expert

    def uses(self):
        return Citation.objects.published()


class TagSitemap(SubjectSitemap):
    name, kind, model = "tags", "tag", Tag

    def uses(self):
        return TaggedStory.objects.published()

    def location(self, tag):
        return reverse("reviews:tag-detail", kwargs={"slug": tag.slug})


class PageSitemap(LanguageSitemap):
    """The home page and the list pages, by URL name: in the default language always, in
    another once it has a published edition."""

    def items(self):
        if self.language != default_language() and self.language not in self.published_languages:
            return []
        return [
            "reviews:home",
            "reviews:review-list",
            "reviews:story-list",
            "reviews:outlet-list",
            "reviews:expert-list",
            "reviews:tag-list",
        ]

    @cached_property
    def published_languages(self) -> list[str]:
        published = Review.objects.published()
        return [
            code
            for code in languages()
            if code == default_language() or published.in_language(code).exists()
        ]

    def location(self, name):
        return reverse(name)

    def addresses_by_language(self, names):
        return [
            {code: self.location_in(name, code) for code in self.published_languages}
            for name in names
        ]


SECTIONS = {
    "pages": PageSitemap,
    "reviews": ReviewSitemap,
    "outlets": OutletSitemap,
    "experts": ExpertSitemap,
    "tags": TagSitemap,
}


def section_name(section: str, language: str) -> str:
    """`reviews` in the default language, `reviews-ru` in Russian."""
    return section if language == default_language() else f"{section}-{language}"


sitemaps = {
    section_name(section, language): partial(sitemap, language=language)
    for language in languages()
    for section, sitemap in SECTIONS.items()
}
