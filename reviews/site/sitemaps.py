"""The sitemap index and its sections: published reviews, public outlets, experts and tags, and
the list pages. Each section is cut into pages by primary key (keyset), never by OFFSET.
See docs/PERFORMANCE.md, "The sitemap".
"""

from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from reviews.counts import last_published
from reviews.models import Expert, Outlet, Review, published_tags
from reviews.pagecache.fragments import remembered

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


class KeysetSitemap(Sitemap):
    limit = URLS_PER_PAGE
    name = ""

    @property
    def paginator(self):
        return KeysetPaginator(self.items(), self.limit, self.name, self.page_items)

    def page_items(self, rows: QuerySet) -> QuerySet:
        return rows


class ReviewSitemap(KeysetSitemap):
    name = "reviews"

    def items(self):
        return Review.objects.published().only(
            "slug", "review_date", "publish_at", "updated_at", "language"
        )

    def lastmod(self, review):
        # A review saved while scheduled changed, for readers, when it was published.
        return max(review.updated_at, review.publish_at)

    def get_latest_lastmod(self):
        """For the index: the last edit or publication of any published review, each found
        by walking an index from its newest end."""
        published = Review.objects.published()
        found = [
            published.order_by(f"-{field}").values_list(field, flat=True).first()
            for field in ("updated_at", "publish_at")
        ]
        return max((moment for moment in found if moment), default=None)


class SubjectSitemap(KeysetSitemap):
    """Outlets, experts or tags: pages that change whenever one of their stories is published.

    Their `lastmod` is the latest publish time kept with each subject's count
    (reviews/counts.py), one row per subject. A time still to come (the subject's newest use
    is in a scheduled review) is left out until it passes: `lastmod` is optional, and a
    crawler told of a change before it shows would fetch the page for nothing.
    """

    kind = ""  # the subject's kind in reviews.counts

    def public_subjects(self):
        raise NotImplementedError

    def items(self):
        return self.public_subjects().only("slug")

    def page_items(self, rows):
        return rows.annotate(last_published=last_published(self.kind))

    def lastmod(self, subject):
        moment = subject.last_published
        return moment if moment is not None and moment <= timezone.now() else None

    def get_latest_lastmod(self):
        """For the index: the latest publish time of a published review (an upper bound for
        every subject's, found through the publish time's index)."""
        return (
            Review.objects.published()
            .order_by("-publish_at")
            .values_list("publish_at", flat=True)
            .first()
        )


class OutletSitemap(SubjectSitemap):
    name, kind = "outlets", "outlet"

    def public_subjects(self):
        return Outlet.objects.published()


class ExpertSitemap(SubjectSitemap):
    name, kind = "experts", "expert"

    def public_subjects(self):
        return Expert.objects.published()


class TagSitemap(SubjectSitemap):
    name, kind = "tags", "tag"

    def public_subjects(self):
        return published_tags()

    def location(self, tag):
        return reverse("reviews:tag-detail", kwargs={"slug": tag.slug})


class PageSitemap(Sitemap):
    """The home page and the list pages, by URL name."""

    def items(self):
        return [
            "reviews:home",
            "reviews:review-list",
            "reviews:story-list",
            "reviews:outlet-list",
            "reviews:expert-list",
            "reviews:tag-list",
        ]

    def location(self, name):
        return reverse(name)


sitemaps = {
    "pages": PageSitemap,
    "reviews": ReviewSitemap,
    "outlets": OutletSitemap,
    "experts": ExpertSitemap,
    "tags": TagSitemap,
}
