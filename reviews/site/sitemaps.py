"""The sitemap: published reviews, the public outlets, experts and tags, and the list pages.

Every queryset starts from a `published()` method. An outlet's, expert's or tag's page
changes when a story about it is published, so its lastmod is the latest publish time
of its published stories, computed in the same query as the items.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from reviews.models import Expert, Outlet, Review, ReviewQuerySet, published_tags


def latest_publish_time(prefix: str) -> Max:
    """The latest publish time among the published reviews reached through `prefix`."""
    return Max(
        f"{prefix}publish_at",
        filter=ReviewQuerySet.published_q(prefix=prefix),
    )


class ReviewSitemap(Sitemap):
    def items(self):
        return (
            Review.objects.published()
            .only("slug", "review_date", "updated_at")
            .order_by("-review_date", "-pk")
        )

    def lastmod(self, review):
        return review.updated_at


class SubjectSitemap(Sitemap):
    """Outlets, experts or tags: pages that change whenever one of their stories is published."""

    uses = ""  # the path from a subject to the reviews that use it
    ordering = ("name",)

    def public_subjects(self):
        raise NotImplementedError

    def items(self):
        return (
            self.public_subjects()
            .annotate(last_published=latest_publish_time(self.uses))
            .only("slug")
            .order_by(*self.ordering)
        )

    def lastmod(self, subject):
        return subject.last_published


class OutletSitemap(SubjectSitemap):
    uses = "stories__review__"

    def public_subjects(self):
        return Outlet.objects.published()


class ExpertSitemap(SubjectSitemap):
    uses = "citations__story__review__"
    ordering = ("name", "pk")

    def public_subjects(self):
        return Expert.objects.published()


class TagSitemap(SubjectSitemap):
    uses = "reviews_taggedstory_items__content_object__review__"

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
