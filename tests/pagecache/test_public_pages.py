"""Which pages the page cache stores: the views marked `@public_page`, each address accounted."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.views.generic import TemplateView

from reviews.pagecache.marks import PRIVATE, PUBLIC, page_kind, private_page, public_page
from reviews.pagecache.middleware import CACHE_STATUS_HEADER, is_public_page
from reviews.publishing.sharing import ensure_preview_key, make_share_token
from tests.support.factories import ReviewFactory, StoryFactory

# The public pages, by URL name: a page added to the reader site is added here too, on purpose.
STORED = {
    "sitemap",
    "sitemap-section",
    "robots",
    "reviews:home",
    "reviews:review-list",
    "reviews:review-year",
    "reviews:review-month",
    "reviews:review-day",
    "reviews:review-detail",
    "reviews:story-list",
    "reviews:outlet-list",
    "reviews:outlet-detail",
    "reviews:expert-list",
    "reviews:expert-detail",
    "reviews:tag-list",
    "reviews:tag-detail",
    "reviews:review-feed-rss",
    "reviews:review-feed-atom",
    "reviews:outlet-feed",
    "reviews:expert-feed",
    "reviews:tag-feed",
    "reviews:search",
    "reviews:trends",
}
NEVER_STORED = {"reviews:review-share-preview"}


def named_patterns(resolver=None, namespace=""):
    """(URL name with its namespace, view) of every named pattern, however deeply included."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern.callback


def reader_site_views() -> dict[str, object]:
    """The reader site (the `reviews` namespace) and the root's pages outside /admin/, /api/."""
    return {
        name: view
        for name, view in named_patterns()
        if name.startswith("reviews:") or ":" not in name
    }


def test_every_page_of_the_reader_site_is_marked_public_or_private():
    """A new page cannot be forgotten: it says whether it may be stored."""
    unmarked = sorted(name for name, view in reader_site_views().items() if page_kind(view) is None)
    assert not unmarked, f"mark these views @public_page or @private_page: {unmarked}"


def test_the_stored_pages_are_exactly_the_public_ones():
    views = reader_site_views()
    assert {name for name, view in views.items() if page_kind(view) == PUBLIC} == STORED
    assert {name for name, view in views.items() if page_kind(view) == PRIVATE} == NEVER_STORED


def test_a_view_built_on_a_public_one_is_not_public_unless_it_says_so():
    @public_page
    class Page(TemplateView):
        pass

    class Variant(Page):
        pass

    @private_page
    class Preview(Page):
        pass

    assert page_kind(Page.as_view()) == PUBLIC
    assert page_kind(Variant.as_view()) is None
    assert page_kind(Preview.as_view()) == PRIVATE


def test_marking_someone_elses_view_function_leaves_it_unmarked():
    def view(request):
        return None

    marked = public_page(view)

    assert page_kind(marked) == PUBLIC
    assert page_kind(view) is None
    assert marked.__wrapped__ is view


def test_admin_and_api_addresses_are_not_public_pages():
    assert not is_public_page("/admin/")
    assert not is_public_page("/api/v1/reviews")
    assert is_public_page("/reviews/")


@pytest.mark.django_db
def test_the_share_link_preview_is_never_stored():
    """It is marked private and never_cache: a second anonymous reader still gets a fresh page."""
    draft = ReviewFactory(draft=True, title="Press review: Ferry timetable leaked early")
    StoryFactory(review=draft, position=1)
    ensure_preview_key(draft)
    url = reverse("reviews:review-share-preview", args=[make_share_token(draft)])

    first, second = Client().get(url), Client().get(url)

    assert not is_public_page(url)
    assert first.status_code == second.status_code == 200
    assert "Ferry timetable leaked early" in second.text
    assert CACHE_STATUS_HEADER not in second
    assert "no-store" in second["Cache-Control"]
